"""Round 16 (issue 11): the section of an article that answers a detail, and follow-ups that stay on the topic.

A parent often asks about a sub-point of an article, not its main claim ("what is Entree? my son has no diploma"),
or follows up on the section just read ("and is that the same every year?"), or adds a second half that points back
("... can you do an mbo course for that?"). A sentence taken out of its paragraph must not lose its subject
("Van hen zegt 35% ..."). The questions here are our own and not in the eval sets.
"""

from __future__ import annotations

from retrieval.assistant import Assistant
from retrieval.routing import in_domain, leans_back, refers_back


def test_a_sentence_that_opens_by_pointing_back_is_recognised() -> None:
    assert leans_back("Van hen zegt 35% dat ze het niet weten.", "nl")
    assert leans_back("Dlatego miejsce w BBL często łatwiej tam znaleźć.", "pl")
    assert leans_back("Тому варто спитати школу.", "uk")
    assert not leans_back("Ouders die goed geïnformeerd zijn, helpen beter.", "nl")
    assert not leans_back("Tomasz chce być elektrykiem.", "pl")


def test_a_leaning_sentence_comes_with_the_one_before_or_not_at_all() -> None:
    sents = ["Daarom kiezen ze BOL.", "Veel ouders kennen techniek niet.", "Van hen zegt 35% dat.", "Dat is veel."]
    assert Assistant._standing_sentences(sents, "nl") == [
        ("", "Veel ouders kennen techniek niet."),
        ("Veel ouders kennen techniek niet.", "Van hen zegt 35% dat."),
    ]


def test_a_plural_name_is_still_a_name() -> None:
    assert in_domain("wat houdt een bliksemstage in", frozenset({"bliksemstages"}))
    assert not in_domain("wat houdt een bliksem in", frozenset({"bliksemstages"}))


def test_a_word_that_points_back_is_seen_in_a_longer_second_half() -> None:
    assert refers_back("kan je daar ook een mbo opleiding voor volgen", "nl")
    assert not refers_back("welke mbo opleidingen zijn er voor techniek", "nl")


def test_a_remark_after_the_question_chooses_the_section(assistant: Assistant) -> None:
    # "what is Entree" alone is the levels section; the remark (no vmbo diploma) asks who Entree is for
    answer = assistant.ask("wat is entree op het mbo? mijn zoon heeft geen vmbo-diploma gehaald", "nl")
    assert answer.topic == "artikel:mbo_niveaus#entree_vmbo"


def test_a_detail_question_gets_the_section_with_its_words(assistant: Assistant) -> None:
    answer = assistant.ask("kiezen ze in onze regio minder vaak techniek dan in heel nederland?", "nl")
    assert answer.topic == "artikel:keuzes_in_de_regio#regio"


def test_a_short_follow_up_pointing_back_stays_on_the_section_and_leads_with_the_answer(
    assistant: Assistant,
) -> None:
    answer = assistant.ask(
        "blijft dat ieder jaar gelijk?", "nl", previous=["wat houdt die aandebak garantie eigenlijk in?"]
    )
    assert answer.topic == "artikel:gaan_voor_een_baan#garantie"
    assert answer.answer.startswith("De regels en de werkgevers kunnen per jaar veranderen.")


def test_a_second_half_pointing_back_at_a_beroep_asks_about_its_training(assistant: Assistant) -> None:
    answer = assistant.ask("wat doet een stukadoor precies? kan je daar op het mbo voor leren?", "nl")
    assert answer.topic is not None
    assert "artikel:" not in answer.topic  # no article glued for the second half's few words
    assert "opleiding:" in answer.topic


def test_a_second_half_pointing_back_glues_no_other_article(assistant: Assistant) -> None:
    answer = assistant.ask("hoe vind je een leerbedrijf voor bbl? moeten wij dat als ouders zelf regelen?", "nl")
    assert answer.topic == "artikel:bol_bbl#leerbedrijf"

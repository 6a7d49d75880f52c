"""Round 13 (issue 11): records in everyday words, round 2.

A follow-up after a beroep ("how long is that training?", "bbl mi?", "where is it taught?") stays on that beroep and
answers with its opleiding, unless it names an article's subject (pay); plain words match by the word as typed and
loose forms too (the Turkish stem of 'gemi' is 'ge'; Arabic 'والالعاب' and 'الألعاب'); a beroep answer in another
language starts with what the job is. The questions here are not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import asks_duration, asks_training


@pytest.mark.parametrize(
    ("previous", "question", "beroep"),
    [
        ("wat doet een metselaar?", "en hoe lang duurt de opleiding daarvoor?", "ber_metselaar"),
        ("what does a bricklayer do?", "and which school teaches it?", "ber_metselaar"),
        ("czym się zajmuje elektromonteur?", "a można to robić w bbl?", "ber_elektromonteur"),
    ],
)
def test_a_training_followup_after_a_beroep_answers_with_its_opleiding(
    assistant: Assistant, previous: str, question: str, beroep: str
) -> None:
    answer = assistant.ask(question, previous=[previous], use_llm=False)
    routes = {f"opleiding:{o}" for o in assistant.kb.beroepen[beroep].mbo_route}
    assert answer.reply_kind == "answer"
    if asks_duration(question, "nl"):
        # round 14: "how long?" answers with every opleiding of the beroep, each with its level and length
        assert answer.topic == f"beroep:{beroep}", answer.topic
        assert routes <= {s.source for s in answer.sources}
    else:
        assert answer.topic in routes, answer.topic


def test_a_followup_about_pay_after_a_beroep_leaves_the_record(assistant: Assistant) -> None:
    """Pay is an article's subject, not a fact of the opleiding: the record rule does not keep it."""
    answer = assistant.ask("en wat verdien je daar dan mee?", previous=["wat doet een lasser?"], use_llm=False)
    assert not (answer.topic or "").startswith(("beroep:", "opleiding:")), answer.topic


def test_training_words_are_recognised_in_six_languages() -> None:
    assert asks_training("hoeveel jaar duurt dat?", "nl")
    assert asks_training("kaç yıl sürüyor?", "tr")
    assert asks_training("وكم سنة الدراسة؟", "ar")
    assert asks_training("а де цьому вчать?", "uk")
    assert not asks_training("en verdien je daar goed mee?", "nl")
    assert not asks_training("is it dirty work?", "en")


def test_plain_words_match_as_typed_and_by_loose_forms(assistant: Assistant) -> None:
    assert "gemi" in assistant._loose_keys("gemi", "tr")  # the stem is 'ge', too short to be a key
    assert assistant._loose_keys("والالعاب", "ar") & assistant._loose_keys("الألعاب", "ar")
    assert assistant._loose_keys("يصنع", "ar") & assistant._loose_keys("صنع", "ar")
    assert assistant._loose_keys("лабораторії", "uk") & assistant._loose_keys("лабораторія", "uk")


def test_a_ship_question_with_a_short_turkish_stem_reaches_the_shipbuilder(assistant: Assistant) -> None:
    answer = assistant.ask("kızım büyük gemi yapmak istiyor, hangi bölümü okumalı?", use_llm=False)
    routes = {f"opleiding:{o}" for o in assistant.kb.beroepen["ber_scheepsbouwer"].mbo_route}
    assert answer.topic in {"beroep:ber_scheepsbouwer", *routes}, answer.topic


def test_a_beroep_answer_in_another_language_starts_with_what_the_job_is(assistant: Assistant) -> None:
    answer = assistant.ask("what does a tegelzetter do?", use_llm=False)
    beroep = assistant.kb.beroepen["ber_tegelzetter"]
    assert answer.topic == "beroep:ber_tegelzetter"
    assert answer.answer.startswith(f"{beroep.naam} – {beroep.korte_omschrijving['en']}"), answer.answer

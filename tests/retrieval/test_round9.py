"""Round 9 (issue 11): what round 6's held-out set showed about generalisation.

A beroep named in plain words of any of the six languages ("fixing bikes", "rowery", "велосипеди") is found through
its six-language description; a word that articles use as well ("tech", a bus ride to school) names no record; a
follow-up's own words choose the section inside the conversation's article. The questions here are not in the
eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("does the mbo have a course for people who repair bicycles and e-bikes?", "en"),
        ("kızım bisiklet tamircisi olmak istiyor, mbo'da okulu var mı?", "tr"),
        ("ابنتي تحب الدراجات الهوائية، هل يوجد تخصص لها في mbo؟", "ar"),
    ],
)
def test_a_beroep_named_in_plain_words_of_the_askers_language_answers(
    assistant: Assistant, question: str, lang: str
) -> None:
    answer = assistant.ask(question, use_llm=False)
    assert answer.language == lang and answer.reply_kind == "answer"
    assert answer.topic in ("beroep:ber_tweewielertechnicus", "opleiding:opl_fietstechnicus_n2"), answer.topic


def test_a_word_the_articles_use_too_names_no_record(assistant: Assistant) -> None:
    """'tech' is in every article; a bus ride in a travel question is not a question about a bus mechanic."""
    for question in (
        "is it true you earn very little in tech?",
        "how long is the bus ride to a technical mbo from zoetermeer?",
    ):
        answer = assistant.ask(question, use_llm=False)
        assert not (answer.topic or "").startswith(("beroep:", "opleiding:")), (question, answer.topic)


def test_plain_words_of_records_leave_out_words_many_records_or_articles_share(assistant: Assistant) -> None:
    index = assistant._plain_index("en")
    assert "bike" in index and "beroep:ber_tweewielertechnicus" in index["bike"]
    assert "tech" not in index and "repair" not in index  # many articles / many beroepen use them


def test_a_follow_up_s_own_words_choose_the_section_of_the_conversation_s_article(assistant: Assistant) -> None:
    """After 'what is BBL', 'how many days at school' is the section with the school days, not the BBL share."""
    answer = assistant.ask(
        "en hoeveel dagen per week zit hij dan op school?", previous=["wat is bbl precies?"], use_llm=False
    )
    assert answer.topic == "artikel:bol_bbl#verschil", answer.topic
    assert "twee dagen" in answer.answer


def test_a_figure_follow_up_takes_the_section_whose_figure_matches_its_words(assistant: Assistant) -> None:
    """'how many ... after BWI?' is the section with the share per profiel (84% for BWI), not another figure."""
    answer = assistant.ask(
        "and what share of them carries on in technology after BWI?",
        previous=["which technical profiles can my son choose in vmbo?"],
        use_llm=False,
    )
    assert answer.topic == "artikel:techniekprofielen#doorstroom", answer.topic
    assert "84%" in answer.answer


def test_a_beroep_answer_carries_its_plain_sentence_in_the_askers_language(assistant: Assistant) -> None:
    """The curated six-language sentence of the beroep is part of the answer; the Dutch description stays a quote."""
    answer = assistant.ask("what does a tweewielertechnicus do?", use_llm=False)
    assert answer.topic == "beroep:ber_tweewielertechnicus", answer.topic
    assert assistant.kb.beroepen["ber_tweewielertechnicus"].korte_omschrijving["en"] in answer.answer
    assert answer.quote is not None and "fietsen" in answer.quote.text and "fietsen" not in answer.answer

"""Round 20 (issue 11): jobs named by what the work is about (ships on rivers), and which kind of activity is best.

Parents describe the inland-shipping jobs by the river and the cargo ship, words the records did not carry in most
languages (an Arabic question with 'سفن الشحن في الانهار' met the cable fitter's 'نقاط الشحن', charging points). A
question asking which KIND of activity works best (a lecture or something hands-on) asks for advice, not for the
list of activities. The questions here are our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from knowledge import load_knowledge
from retrieval.assistant import Assistant
from retrieval.routing import asks_for_record
from retrieval.structured import parse_activity_question

_RIVER_JOBS = {"beroep:ber_matroos_binnenvaart", "beroep:ber_schipper_binnenvaart"}


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("بنتي نفسها تشتغل على مركب شحن في النهر، تدرس ايه في mbo؟", "ar"),
        ("oglum nehirlerde yuk gemilerinde calismak istiyor, hangi okulu okumali?", "tr"),
        ("син хоче працювати на вантажних суднах на річках, що йому вчити в mbo?", "uk"),
        ("mijn zoon wil op vrachtschepen op de rivier werken, welke opleiding moet hij doen?", "nl"),
    ],
)
def test_work_on_river_cargo_ships_is_the_inland_shipping_job(assistant: Assistant, question: str, lang: str) -> None:
    answer = assistant.ask(question, lang=lang, use_llm=False)
    assert answer.topic in _RIVER_JOBS, (question, answer.topic)


def test_polish_studiowac_asks_for_a_course() -> None:
    assert asks_for_record("syn chce pracowac na statkach, co ma studiowac na mbo?", "pl")
    assert not asks_for_record("syn chce pracowac na statkach", "pl")


def test_which_kind_of_activity_is_best_is_no_list() -> None:
    kb = load_knowledge()
    for question in [
        "welke activiteiten werken het best om mijn dochter te laten ontdekken of techniek iets voor haar is?",
        "what kind of activity is the best way for my daughter to find out whether she likes tech?",
        "які заходи найкращі, щоб донька зрозуміла, чи подобається їй техніка?",
        "ما هي أفضل الأنشطة لابنتي حتى تعرف إذا كانت تحب التقنية؟",
    ]:
        assert parse_activity_question(kb, question) is None, question
    # ... which activities there are, or the best ones at a place, is still the list
    assert parse_activity_question(kb, "zijn er techniekactiviteiten voor mijn dochter?") is not None
    assert parse_activity_question(kb, "wat zijn de beste techniekactiviteiten voor meisjes in Delft?") is not None


def test_which_kind_of_activity_is_best_gets_the_article_on_trying_technology(assistant: Assistant) -> None:
    answer = assistant.ask(
        "what kind of activity is the best way for my daughter to find out whether she likes tech, talks or hands-on?",
        lang="en",
        use_llm=False,
    )
    assert answer.reply_kind == "answer", answer.reply_kind
    assert (answer.topic or "").startswith("artikel:techniek_proeven"), answer.topic


def test_a_child_about_to_choose_an_mbo_course_gets_the_upper_years_activities_first(assistant: Assistant) -> None:
    kb = assistant.kb
    question = "mijn zoon zit in vmbo 4, wanneer zijn de open dagen van mbo techniek scholen in rotterdam?"
    q = parse_activity_question(kb, question)
    assert q is not None and q.upper
    answer = assistant.ask(question, lang="nl", use_llm=False)
    assert answer.reply_kind == "activity_list", answer.answer
    listed = [s.source.split(":", 1)[1] for s in answer.sources if (s.source or "").startswith("initiatief:")]
    primary = [i for i in listed if "po" in kb.initiatieven[i].schooltypen]
    others = [i for i in listed if i not in primary]
    assert others and primary, listed  # the question has both kinds of answer
    assert max(listed.index(i) for i in others) < min(listed.index(i) for i in primary), listed
    # ... and an activity that serves primary school and the upper years is shown as one for the upper years
    assert "voor basisschool" not in answer.answer + answer.details, answer.details
    # a question about the primary-school years keeps the data's order and names primary school
    young = parse_activity_question(kb, "zijn er open dagen voor techniek in rotterdam voor groep 8?")
    assert young is not None and not young.upper


def test_a_job_card_ends_with_what_a_parent_can_do(assistant: Assistant) -> None:
    answer = assistant.ask("my son wants to become a bricklayer, which mbo course is that?", lang="en", use_llm=False)
    assert answer.topic == "beroep:ber_metselaar", answer.topic
    assert "What you can do: visit an open day at" in answer.answer, answer.answer
    assert len(answer.answer.split()) <= 100

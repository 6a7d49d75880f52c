"""Round 22 (issue 11): a follow-up read against the earlier topic, with the new thing it asks.

"Which profile should he pick for that?" after the kinds of work in the port asks for the profiel that leads there
(the port article names it), not what a profiel is; "and which one has MVI?" after where techniek is taught on Zuid
is answered by that section, which says it for each profiel; "and after that, how many years at mbo?" is a follow-up
that asks how long; a follow-up on pay or on finding work goes to a section that speaks of it. The questions here are
our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import asks_duration, followup_concept, is_followup


def test_which_profiel_for_that_after_a_field_gives_the_fields_profielen(assistant: Assistant) -> None:
    answer = assistant.ask(
        "and what profile in vmbo is best for that then",
        previous=["my boy is crazy about big ships, what work is there in the rotterdam port?"],
        use_llm=False,
    )
    assert (answer.topic or "").startswith("artikel:haven_logistiek#"), answer.topic
    assert "MaT" in answer.answer


def test_another_profiel_after_where_techniek_is_taught_stays_on_that_section(assistant: Assistant) -> None:
    answer = assistant.ask(
        "and MVI, where is that one?",
        previous=["on rotterdam zuid, which vmbo schools teach technology?"],
        use_llm=False,
    )
    assert answer.topic == "artikel:techniek_op_zuid#waar", answer.topic
    assert "Focus Beroepsacademie" in answer.answer


@pytest.mark.parametrize(
    ("text", "lang"),
    [("وبعدين الـ mbo قديش سنين؟", "ar"), ("and after that how many years of mbo?", "en")],
)
def test_after_that_how_long_is_a_followup_that_asks_a_duration(text: str, lang: str) -> None:
    assert is_followup(text, lang)
    assert asks_duration(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "concept"),
    [
        ("krijgt hij daar ook salaris?", "nl", "pay"),
        ("a czy oni tam zarabiaja cos?", "pl", "pay"),
        ("peki iş bulması kolay mı?", "tr", "work"),
        ("and will he find a job quickly after?", "en", "work"),
        ("а що з цим робити?", "uk", None),
    ],
)
def test_a_followup_names_pay_or_finding_work(text: str, lang: str, concept: str | None) -> None:
    assert followup_concept(text, lang) == concept


def test_pay_after_bol_stays_on_the_bol_bbl_article(assistant: Assistant) -> None:
    answer = assistant.ask("en krijgen ze daar salaris?", previous=["wat houdt BOL in op het mbo?"], use_llm=False)
    assert (answer.topic or "").startswith("artikel:bol_bbl#"), answer.topic


def test_finding_work_after_dirty_work_goes_to_job_chances(assistant: Assistant) -> None:
    answer = assistant.ask(
        "and will he find a job quickly after his diploma?",
        previous=["isnt technical work always dirty and heavy?"],
        use_llm=False,
    )
    assert (answer.topic or "").split("#")[0] in (
        "artikel:techniek_kansrijk",
        "artikel:baankansen_na_diploma",
    ), answer.topic

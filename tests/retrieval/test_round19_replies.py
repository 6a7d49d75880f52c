"""Round 19: what a parent reads in the reply (from a parent's review of a fresh set; own phrasings here)."""

from __future__ import annotations

import pytest

from knowledge.i18n import t
from retrieval.assistant import Assistant, Route, _says_again, sentences
from retrieval.routing import split_question


def test_a_first_half_that_sets_the_scene_gets_no_nothing_found_line(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "is a presentation enough or should she build things herself? what works best to find out ...": the first half
    # found nothing alone, the second and the whole question read as the same section; the parent got that answer
    # and then "about the other part of your question I found nothing"
    question = "is a talk about techniek enough or should he build things? what works best to find out if he likes it"
    section = Route("section", text=question, article="techniek_proeven", section="zelf_doen", confidence=0.9)
    halves = split_question(question, "en")
    assert len(halves) == 2

    def route_one(text: str, lang: str, mode: str, context: Route | None, second_part: bool = False) -> Route:
        return Route("none", text=text) if text == halves[0] else section

    monkeypatch.setattr(assistant, "_route_one", route_one)
    assert assistant.route(question, "en", "fused", None) is section


def test_a_second_half_of_another_domain_is_still_reported(assistant: Assistant) -> None:
    answer = assistant.ask("what is a decaan? and can he help with my tax return?", use_llm=False)
    assert t("assistant.part_missing", "en") in answer.answer


@pytest.mark.parametrize("lang", ["nl", "en", "tr", "ar", "pl", "uk"])
def test_the_advice_line_is_left_out_when_the_answer_already_says_it(assistant: Assistant, lang: str) -> None:
    # the profielen article says "so look at the profielen of a school in groep 8 already", and so does its advice
    art = assistant.kb.artikelen["profielen"]
    said = next(s for s in sentences(art.tekst[lang]) if "groep 8" in s)
    assert _says_again(f"Een profiel kies je op het vmbo. {said}", art.doen[lang])
    assert not _says_again(art.kort[0].tekst[lang], art.doen[lang])


@pytest.mark.parametrize(
    ("question", "advice_wanted"),
    [
        ("mijn zoon zit in klas 1 van het vmbo, welke profielen zijn er?", False),
        ("syn jest w 2 klasie vmbo, jakie sa profile?", False),
        ("zoon zit in 3 kader, welke profielen zijn er eigenlijk?", False),
        ("mijn dochter zit in groep 7, welke profielen zijn er straks op het vmbo?", True),
    ],
)
def test_advice_for_the_choice_in_groep_8_only_before_secondary_school(
    assistant: Assistant, question: str, advice_wanted: bool
) -> None:
    answer = assistant.ask(question, use_llm=False)
    assert answer.topic.startswith("artikel:profielen#"), answer.topic
    lang = answer.language
    assert (assistant.kb.artikelen["profielen"].doen[lang] in answer.answer) is advice_wanted, answer.answer

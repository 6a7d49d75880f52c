"""Round 19 (issue 11): the asked figure inside the chosen article, also in follow-ups.

- a short follow-up to a figure question that names only another profiel (or group) whose figure the section just
  read gives too ("en MaT?" after the PIE pupils' share going on in techniek) stays on that section, rather than
  going to what the name alone comes close to (what MaT is);
- a figure question about the young people of a region, named by their ages and without any school word
  ("10-20 lat ... rotterdam-haga"), is answered from the article on the region's young people, not declined.
The questions here are our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from knowledge.i18n import t
from retrieval.assistant import Assistant, Route


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize(
    ("earlier", "followup", "figure"),
    [
        ("hoeveel procent van de PIE-leerlingen kiest daarna techniek op het mbo?", "en MaT?", "46%"),
        ("what share of BWI pupils carry on in technology at mbo?", "and M&T?", "89%"),
        ("ile procent uczniow z MVI idzie potem na technike w mbo?", "a BWI?", "84%"),
    ],
)
def test_a_follow_up_naming_another_profiel_gets_the_same_figure_for_it(
    assistant: Assistant, earlier: str, followup: str, figure: str
) -> None:
    answer = assistant.ask(followup, previous=[earlier], use_llm=False)
    assert answer.topic == "artikel:techniekprofielen#doorstroom"
    assert figure in _norm(answer.answer)


def test_another_name_after_a_question_that_asked_no_figure_is_not_read_as_the_same_figure(
    assistant: Assistant,
) -> None:
    context = Route("section", text="wat leer je bij PIE?", article="techniekprofielen", section="doorstroom")
    assert not assistant._other_member("en MaT?", "nl", context)
    asked = Route("section", text="hoeveel PIE-leerlingen gaan door in techniek?", article="techniekprofielen")
    asked.section = "doorstroom"
    assert assistant._other_member("en MaT?", "nl", asked)
    # the name the earlier question already asked about is not another one
    assert not assistant._other_member("en PIE?", "nl", asked)


@pytest.mark.parametrize(
    ("text", "lang", "young"),
    [
        ("ile mlodziezy 10-20 lat mieszka w regionie rotterdam-haga?", "pl", True),
        ("كم واحد عمره بين 12 و 18 سنة بمنطقة روتردام - لاهاي؟", "ar", True),
        ("how many teenagers live in the rotterdam-the hague area?", "en", True),
        ("how many people live in the rotterdam-the hague area?", "en", False),  # not young people
        ("hoeveel jongeren van 10 tot 20 kiezen techniek?", "nl", False),  # no region named
    ],
)
def test_a_figure_about_a_regions_young_people_is_recognised(text: str, lang: str, young: bool) -> None:
    assert Assistant._young_figure(text, lang) is young


def test_a_count_of_young_people_by_age_in_the_region_is_answered_not_declined(assistant: Assistant) -> None:
    answer = assistant.ask("ilu nastolatkow 10-20 lat zyje w regionie rotterdam-haga?", use_llm=False)
    assert answer.reply_kind != "decline"
    assert answer.topic is not None and answer.topic.startswith("artikel:jongeren_in_de_regio")
    assert "277 768" in _norm(answer.answer)


@pytest.mark.parametrize(
    "question",
    [
        "how many young people in the rotterdam-the hague region smoke?",
        "скільки підлітків курять у регіоні роттердам-гаага?",
    ],
)
def test_another_domains_figure_about_the_regions_young_people_is_still_declined(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question, use_llm=False)
    # declined, or the region's figure with the plain word that the smoking itself is not in the sources
    said = t("assistant.aside_unknown", answer.language) in answer.answer
    assert answer.reply_kind == "decline" or said, answer.answer

"""Round 14 (issue 11): a figure asked in plain words gets the section that holds that figure, for the region or group
the question names, with its source.

- the passage search may put another article's figure first (pupils near the campuses); it replaces the chosen one
  only when the question's words (its region or group: "girls", "Den Haag") stand about as much next to it
  (the figure fit: the sentence with the figure, read with the sentence before it);
- "is it true that ...?" and "... ? how many percent" ask for a figure too: the tail is read with the question before
  it, not as a second question;
- a region named in the question finds the section with that region's figure (Den Haag's share, the Zuid-Holland
  BBL share), not a neighbouring region's figure.
The questions here are our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import asks_number, figure_tail, split_question


@pytest.mark.parametrize(
    ("text", "lang", "tail"),
    [
        ("is daar ook een getal van", "nl", True),
        ("in procenten graag", "nl", True),
        ("jakie są liczby", "pl", True),
        ("كم نسبتهم", "ar", True),
        ("hoeveel meisjes doen techniek?", "nl", False),  # a question of its own (a word of the domain)
        ("en hoe lang duurt het?", "nl", False),  # no figure asked
    ],
)
def test_a_part_that_only_asks_for_the_figure_is_a_tail(text: str, lang: str, tail: bool) -> None:
    assert figure_tail(text, lang) is tail


@pytest.mark.parametrize(
    "text",
    ["klopt het dat weinig meisjes techniek kiezen", "is it true that few girls pick tech", "czy to prawda, że mało"],
)
def test_checking_a_heard_figure_asks_for_a_figure(text: str) -> None:
    assert asks_number(text)


def test_a_heard_figure_with_a_tail_is_one_question(assistant: Assistant) -> None:
    """'... in Den Haag? hoeveel procent': split at the question mark it would be two questions; it is one."""
    question = "is het waar dat vmbo-leerlingen in Den Haag zelden techniek kiezen? hoeveel procent"
    assert len(split_question(question, "nl")) == 2
    route = assistant.route(question, "nl")
    assert route.kind == "section", route.kind
    answer = assistant.ask(question, use_llm=False)
    assert answer.topic == "artikel:keuzes_in_de_regio#rotterdam", answer.topic
    assert "8%" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "topic", "figure"),
    [
        # the campus passage shares 'vmbo', 'pupils', 'technical': 'girls' stands next to the 15%
        ("which share of the pupils in technical vmbo classes are girls, roughly?", "artikel:meisjes_techniek", "15%"),
        # Den Haag's figure, not the campus list that also names Den Haag
        (
            "hoeveel procent van de haagse vmbo-leerlingen zit in een technisch profiel?",
            "artikel:keuzes_in_de_regio",
            "8%",
        ),
    ],
)
def test_the_figure_next_to_the_questions_region_or_group_answers(
    assistant: Assistant, question: str, topic: str, figure: str
) -> None:
    answer = assistant.ask(question, use_llm=False)
    assert answer.reply_kind == "answer" and answer.topic is not None
    assert answer.topic.startswith(topic), answer.topic
    assert figure in answer.answer, answer.answer
    # the figure carries its report (a readable label), never only the article
    assert any(s.kind == "report" for s in answer.sources), [s.label for s in answer.sources]


def test_figure_fit_prefers_the_sentence_that_names_the_group(assistant: Assistant) -> None:
    question = "what share of vmbo pupils with a technical profile are girls"
    girls = assistant._figure_fit("meisjes_techniek", "ja", question, "en")
    campus = assistant._figure_fit("techniek_rond_campussen", "per_campus", question, "en")
    assert girls > campus + 0.1, (girls, campus)
    # a section without a figure has no fit
    assert assistant._figure_fit("meisjes_techniek", "waarom_weinig", question, "en") == 0.0


def test_a_very_close_example_keeps_its_section_in_a_heard_figure_check(assistant: Assistant) -> None:
    """'is it true that ...' asks for a figure, but when an example question matches the section very closely the
    passage ranking does not move the answer to another article's figure (the regional vmbo shares)."""
    answer = assistant.ask("is it true there is loads of technical work in rotterdam?", use_llm=False)
    assert answer.topic is not None and answer.topic.startswith("artikel:techniek_kansrijk"), answer.topic

"""Round 17 (issue 11): a follow-up that compares the two things just explained, and its language.

"Which of the two ...?" after BOL and BBL is about BOL and BBL (the work figures of bol_bbl), not about an example
elsewhere that shares its other words (finding work); a short follow-up whose own question words vote clearly keeps
its language. The questions here are not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import compares_two, leans_back


@pytest.mark.parametrize(
    ("text", "lang", "compares"),
    [
        ("welke van de twee is beter?", "nl", True),
        ("and which one pays more?", "en", True),
        ("peki hangisinde daha az okul var?", "tr", True),
        ("a który z nich trwa krócej?", "pl", True),
        ("а яке з них коротше?", "uk", True),
        ("وأي واحد فيهم أحسن؟", "ar", True),
        ("welke opleiding past bij hem?", "nl", False),
        ("which mbo schools are near Delft?", "en", False),
        ("hangi okul daha iyi?", "tr", False),
    ],
)
def test_compares_two_tells_a_which_of_the_two_question(text: str, lang: str, compares: bool) -> None:
    assert compares_two(text, lang) is compares


def test_a_follow_up_comparing_the_two_things_just_explained_stays_on_them(assistant: Assistant) -> None:
    """'and which of them gives more chance of work?' after 'BOL and BBL, what is that?' is BOL vs BBL (2% and 8%
    still looking for a job), not technology against economics."""
    answer = assistant.ask("а яке з них дає більше шансів на роботу?", previous=["BOL і BBL це що?"], use_llm=False)
    assert answer.topic == "artikel:bol_bbl#werk", answer.topic
    assert answer.language == "uk"


@pytest.mark.parametrize(
    ("sentence", "lang", "leans"),
    [
        ("Omdat BBL meer kans op een baan geeft, staan zij daardoor iets verder van werk.", "nl", True),
        ("Оскільки BBL дає більше шансів на роботу, вони через це трохи далі від роботи.", "uk", True),
        ("Ponieważ BBL daje większą szansę na pracę, są przez to trochę dalej od zatrudnienia.", "pl", True),
        ("BBL geeft vaak een snelle weg naar werk.", "nl", False),
        ("BBL часто дає швидкий шлях до роботи.", "uk", False),
    ],
)
def test_a_sentence_that_leans_back_further_on_does_not_stand_alone(sentence: str, lang: str, leans: bool) -> None:
    """'..., they are therefore further from work' says who 'they' are only in the sentence before it: it cannot
    open an answer or be added on its own."""
    assert leans_back(sentence, lang) is leans


def test_the_answer_does_not_open_with_a_sentence_that_leans_on_another(assistant: Assistant) -> None:
    answer = assistant.ask("а яке з них дає більше шансів на роботу?", previous=["BOL і BBL це що?"], use_llm=False)
    assert not answer.answer.startswith("Оскільки"), answer.answer

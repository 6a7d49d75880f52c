"""Round 17 (issue 11): "which vmbo profiel?" with what the child likes, and what a school may offer.

- The article about a field of work that names the profiel leading there (the energy transition: PIE; the port: MaT
  and M&T) answers "which profiel?" with that sentence, also when the interest word is shared by beroepen of several
  profielen (ships) and no single profiel wins.
- Questions about what a school may offer ("no techniek at our school"): a licence, a practical exam subject reach
  their own sections (their example questions in six languages), not what a child can do without a techniek profiel.
The questions here are not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import profiel_codes


def test_profiel_codes_are_the_vocabulary_codes() -> None:
    assert profiel_codes("Op het vmbo passen de profielen MaT en M&T.") == {"MaT", "MT"}
    assert profiel_codes("het profiel PIE") == {"PIE"}
    assert profiel_codes("NT of NG op de havo") == frozenset()


def test_field_articles_name_their_profiel_sections(assistant: Assistant) -> None:
    fields = assistant._field_profielen
    assert fields["energietransitie"] == ("pie", frozenset({"PIE"}))
    assert fields["haven_logistiek"][0] == "route" and "MaT" in fields["haven_logistiek"][1]
    assert "techniekprofielen" not in fields and "profielen" not in fields


@pytest.mark.parametrize(
    ("question", "lang", "topic", "code"),
    [
        (
            "he is crazy about wind turbines and solar roofs, what profile should he take in vmbo?",
            "en",
            "artikel:energietransitie#pie",
            "PIE",
        ),
        ("mijn zoon is gek op schepen en de haven, welk profiel moet hij op het vmbo kiezen?", "nl", None, "MaT"),
        ("син мріє працювати на кораблях у порту, що обрати у vmbo?", "uk", None, "MaT"),
    ],
)
def test_which_profiel_for_a_field_gets_the_fields_profiel_sentence(
    assistant: Assistant, question: str, lang: str, topic: str | None, code: str
) -> None:
    answer = assistant.ask(question, use_llm=False)
    assert answer.language == lang
    if topic is not None:
        assert answer.topic == topic, answer.topic
    else:
        assert answer.topic in ("artikel:haven_logistiek#route", "artikel:techniekprofielen#inhoud"), answer.topic
    assert code in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("szkoła syna nie ma profilu technicznego, dyrektor mówił coś o licencji. o co chodzi?", "licentie"),
        ("onze mavo heeft geen techniek. mag de school een technisch praktijkvak in het examen geven?", "wat"),
    ],
)
def test_school_offer_questions_reach_their_own_sections(assistant: Assistant, question: str, topic: str) -> None:
    answer = assistant.ask(question, use_llm=False)
    assert answer.topic is not None and answer.topic.split(";")[0].endswith(f"#{topic}"), answer.topic

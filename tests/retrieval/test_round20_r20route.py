"""Round 20 (issue 11): first questions to the right article and section.

Parents who do not know the name of an activity describe it ("in groep 7 they made a boat from waste on a trip, what
was that?"): the Discovery Lab section names its workshops and has example questions that describe it, so such a
question is answered instead of declined. A job's everyday name used as an example inside a question about a vmbo
profiel ("what does BWI mean, is that carpentry?") does not make it a record question. The questions here are our
own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from retrieval.assistant import Assistant


def test_the_discovery_lab_short_answer_names_its_workshops_in_every_language(kb: KnowledgeBase) -> None:
    part = next(k for k in kb.artikelen["gaan_voor_een_baan"].kort if k.id == "discovery_lab")
    words = {"nl": "bootje", "en": "boat", "tr": "tekne", "ar": "قارب", "pl": "łódkę", "uk": "човен"}
    for lang, word in words.items():
        assert word in part.tekst[lang], lang
        assert word in kb.artikelen["gaan_voor_een_baan"].tekst[lang], lang  # the figure of speech is the article's


@pytest.mark.parametrize(
    "question",
    [
        "син у groep 7 їздив з класом і робив човник зі сміття, що це було?",
        "oğlum groep 7de sınıfıyla gitti, çöpten tekne yaptılar, neydi o?",
        "ma klasa w groep 7 pojechala na wycieczke, robili lampke ze smieci. co to bylo?",
    ],
)
def test_a_trip_described_without_its_name_is_the_discovery_lab(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question, use_llm=False)
    assert answer.topic == "artikel:gaan_voor_een_baan#discovery_lab", answer.topic
    assert "Discovery Lab" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "BWI profili ne demek, orda ne yapiyorlar marangozluk falan mi",
    ],
)
def test_a_job_named_as_an_example_of_a_profiel_leaves_the_question_on_the_profiel(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question, use_llm=False)
    assert answer.topic is not None and answer.topic.startswith("artikel:techniekprofielen"), answer.topic

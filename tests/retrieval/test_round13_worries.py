"""Round 13 (issue 11): worries typed as parents type them are answered, unrelated questions still declined.

A Turkish parent types without the letters' marks and with the softened stem ("teknigi", "meslegi", "secmiyor"); an
Arabic parent writes "she chooses" (تختار): these mark a question as ours like their dictionary forms. A worry in
everyday words shares few words with the section that answers it: it still gets that section when its article is the
best passage and its example question is nearly as close as the best example. The questions here are not in the
eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import in_domain


@pytest.mark.parametrize(
    ("text", "ours"),
    [
        ("annem teknigi hic sevmiyor", True),
        ("kizim meslegi ne olacak bilmiyor", True),
        ("neden kimse bunu secmiyor", True),
        ("tekniğe gitsin mi", True),
        ("ابنتي لا تعرف ماذا تختار", True),
        ("second hand bike for sale", False),  # 'sec' alone would be English too
        ("the security guard was rude", False),
    ],
)
def test_turkish_and_arabic_domain_words_as_parents_type_them(text: str, ours: bool) -> None:
    assert in_domain(text) is ours


def test_a_worry_in_everyday_words_without_letter_marks_gets_its_article(assistant: Assistant) -> None:
    # 'pis', 'agir' (dirty, heavy) typed without marks; the husband's worry, not a question about pay or migration
    answer = assistant.ask("kocam teknik pis ve agir is diyor, oglumuz icin dogru mu bu gercekten", use_llm=False)
    assert answer.reply_kind == "answer", answer.answer
    assert answer.topic is not None and answer.topic.startswith("artikel:beeld_vies_zwaar"), answer.topic


@pytest.mark.parametrize(
    "question",
    [
        "where can i buy cheap school shoes for my son",
        "waar koop ik een goedkope laptop voor school",
        "mijn dochter zit op school in Delft, wat is het beste recept voor pannenkoeken?",
        "oğlum vmbo'da, bu akşam için kolay bir yemek tarifi var mı?",
        "syn chodzi do vmbo, masz dobry przepis na pierogi?",
    ],
)
def test_an_everyday_question_about_shopping_is_still_declined(assistant: Assistant, question: str) -> None:
    assert assistant.ask(question, use_llm=False).reply_kind == "decline"

"""Round 22 (issue 11): a question about pay is answered by the article on pay in techniek, not declined.

A parent who asks what a technician takes home per month, with the salary word typed without its marks ("maasi") or
in spoken Arabic ("بياخد كام في الشهر"), gets the article on pay in techniek, which says honestly that the sources
give no amounts; before, such questions were declined or answered with a section that says nothing of pay. The
questions here are our own and not in the eval sets.

An example question about a step between other school levels ("havo bitirince mbo ...") no longer wins on its letters
for a question about another step ("mbo 4 bitirince ... hbo ..."): the hbo-after-mbo article answers.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import asks_pay


@pytest.mark.parametrize(
    "text",
    [
        "wat verdient een lasser",
        "teknisyen maasi ne kadar",
        "ile zarabia mechanik na start",
        "скільки заробляє електрик",
        "كم راتب الفني",
        "بيقبض كام في الشهر الكهربائي؟",
        "how much does he earn a month",
    ],
)
def test_pay_words_in_six_languages_ask_about_pay(text: str) -> None:
    assert asks_pay(text)


@pytest.mark.parametrize(
    "text",
    ["wat is er te zien op de Maasvlakte", "is it free for the kids?", "open dag in Maassluis", "كم يوم في المدرسة"],
)
def test_places_costs_and_other_figures_do_not_ask_about_pay(text: str) -> None:
    assert not asks_pay(text)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("elektrikci olunca ilk maasi ne kadar olur acaba", "tr"),
        ("قديش بيطلع معاش اللي بيشتغل بالتقنية بالشهر بعد ما يتخرج؟", "ar"),
    ],
)
def test_a_pay_question_gets_the_pay_article_not_a_decline(assistant: Assistant, question: str, lang: str) -> None:
    answer = assistant.ask(question, use_llm=False, fallback_lang=lang)
    assert answer.reply_kind == "answer", answer.answer
    assert (answer.topic or "").startswith("artikel:beeld_salaris"), answer.topic


def test_a_question_about_hbo_after_mbo_is_not_the_example_about_mbo_after_havo(assistant: Assistant) -> None:
    answer = assistant.ask("mbo 4 bitirince universiteye yani hbo ya gecis olur mu", use_llm=False, fallback_lang="tr")
    assert answer.topic == "artikel:doorleren_hbo#kan_het", answer.topic


def test_the_letters_of_an_example_with_a_swapped_school_level_count_for_less(assistant: Assistant) -> None:
    text = "mbo 4 bitirince hbo olur mu"
    qvec = assistant.query_vector(text)
    questions = assistant.questions
    swapped = next(
        m for m in questions.match(text, qvec) if (m.article, m.section) == ("havo_vwo_techniek", "mbo4_route")
    )
    levels = questions._levels
    try:
        questions._levels = [frozenset()] * len(levels)
        plain = next(
            m for m in questions.match(text, qvec) if (m.article, m.section) == ("havo_vwo_techniek", "mbo4_route")
        )
    finally:
        questions._levels = levels
    assert swapped.chars < plain.chars

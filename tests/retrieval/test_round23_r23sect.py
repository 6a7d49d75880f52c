"""Round 23 (r23sect): what a thing costs per month is not a question about pay.

"How do I arrange health insurance for my child and how much does it cost per month?" was answered with the article
on pay in techniek: 'how much ... per month' was read as a wage, and that reading overrode the decline with the
insurer's referral. A price word ("kost", "cost", "tutuyor", "kosztuje", "коштує", "تكلفة") or another domain's word
(insurance, childcare, rent) now keeps 'how much per month' from reading as pay; a wage word still does. The
questions here are our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import asks_pay, asks_price


@pytest.mark.parametrize(
    "text",
    [
        "hoeveel kost de zorgverzekering per maand",
        "how much does the insurance cost a month",
        "sağlık sigortası ayda ne kadar tutuyor, kaç euro",
        "ile kosztuje ubezpieczenie na miesiąc",
        "скільки коштує страховка на місяць",
        "كم تكلفة التأمين في الشهر",
        "how much is daycare per month",
        "hoeveel is de huurwoning per maand",
    ],
)
def test_what_a_thing_costs_per_month_is_not_pay(text: str) -> None:
    assert not asks_pay(text)


@pytest.mark.parametrize(
    "text",
    [
        "how much does a welder take home per month",
        "ile dostaje mechanik na miesiąc",
        "скільки отримує електрик на місяць",
        "hoeveel krijgt een monteur per maand",
        "wat kost het leven als je als monteur per maand zoveel verdient",  # a wage word wins over a price word
    ],
)
def test_what_a_job_pays_per_month_still_is_pay(text: str) -> None:
    assert asks_pay(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wat kost dat", True),
        ("ile kosztuje", True),
        ("скільки коштує", True),
        ("fiyatı ne", True),
        ("بكم هذا", True),
        ("hoeveel verdient hij", False),
        ("чи варто йти в техніку", False),
        ("hoe lang duurt de opleiding", False),
    ],
)
def test_price_words(text: str, expected: bool) -> None:
    assert asks_price(text) is expected


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("ile płacimy za ubezpieczenie zdrowotne syna na miesiąc, ile to wychodzi?", "pl"),
        ("how much will childcare for my baby cost us per month?", "en"),
        ("скільки на місяць коштує медична страховка для сина?", "uk"),
    ],
)
def test_a_cost_per_month_of_another_domain_is_declined(assistant: Assistant, question: str, lang: str) -> None:
    answer = assistant.ask(question, use_llm=False, fallback_lang=lang)
    assert answer.reply_kind == "decline", answer.answer


def test_what_a_job_pays_per_month_gets_the_pay_article(assistant: Assistant) -> None:
    answer = assistant.ask("how much does a young plumber bring home per month?", use_llm=False, fallback_lang="en")
    assert (answer.topic or "").startswith("artikel:beeld_salaris"), answer.topic

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
from retrieval.routing import asks_pay, asks_price, names_teacher


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


# --- a question about the teacher: the section about who may teach -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mag elke leraar dat zomaar geven", True),
        ("kan de juf dat ook", True),
        ("can any teacher take that class", True),
        ("her öğretmen verebilir mi", True),
        ("her ogretmen verebilir mi", True),
        ("czy zwykły nauczyciel może to prowadzić", True),
        ("чи може звичайний вчитель", True),
        ("هل أي معلم بيقدر يدرّسها", True),
        ("المدرّس العادي", True),
        ("مدرسة بنتي ما فيها تقنية", False),  # a school, not a teacher
        ("mijn dochter zit op de mavo", False),
    ],
)
def test_teacher_words(text: str, expected: bool) -> None:
    assert names_teacher(text) is expected


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("op de mavo komt een praktijkvak techniek, mag iedere leraar dat zomaar geven?", "nl"),
        ("okulda pratik teknik dersi açılıyor, sıradan bir öğretmen bunu verebilir mi?", "tr"),
    ],
)
def test_a_question_about_the_teacher_gets_the_teacher_section(assistant: Assistant, question: str, lang: str) -> None:
    answer = assistant.ask(question, use_llm=False, fallback_lang=lang)
    assert answer.topic == "artikel:praktijkgerichte_programmas#docent", answer.topic


# --- no vmbo diploma: Entree, not the safety net of a continuous route the question does not name -----------------


def test_the_safety_net_of_a_route_is_for_a_question_about_a_route(assistant: Assistant) -> None:
    missing = assistant._missing_subjects("ابني ما عنده شهادة vmbo، بيقدر يروح على mbo؟")
    assert ("doorlopende_routes", "vangnet") in missing
    for named in (
        "wat als hij het niet haalt in de doorlopende route?",
        "what if he fails the integrated route",
        "شو بيصير إذا ما نجح بالمسار؟",
        "що буде, якщо він не впорається з маршрутом?",
    ):
        assert ("doorlopende_routes", "vangnet") not in assistant._missing_subjects(named), named


def test_no_vmbo_diploma_is_answered_by_entree(assistant: Assistant) -> None:
    answer = assistant.ask("ابني ما معه شهادة الvmbo، في امل يدخل الmbo؟", use_llm=False, fallback_lang="ar")
    assert (answer.topic or "").startswith("artikel:mbo_niveaus"), answer.topic

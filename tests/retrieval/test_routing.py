"""Reading questions as parents type them, without the model: two questions in one, follow-ups, other
domains, code, the words of our domain."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.geo import normalise
from retrieval.assistant import Assistant
from retrieval.routing import asks_number, in_domain, is_followup, looks_like_code, other_domain, split_question


@pytest.mark.parametrize(
    ("text", "lang", "parts"),
    [
        ("Wat is BBL en hoe lang duurt zo'n opleiding?", "nl", ["Wat is BBL", "hoe lang duurt zo'n opleiding?"]),
        ("What is LOB and who is the decaan?", "en", ["What is LOB", "who is the decaan?"]),
        ("Wat is BBL? En hoe lang duurt het?", "nl", ["Wat is BBL?", "En hoe lang duurt het?"]),
        ("jak długo trwa mbo i czy potem można na hbo?", "pl", ["jak długo trwa mbo", "czy potem można na hbo?"]),
        ("ما هو LOB و ماذا يفعل الـ decaan؟", "ar", ["ما هو LOB", "ماذا يفعل الـ decaan؟"]),
        # one question, whatever the 'and' or 'or' in it
        ("Wat is het verschil tussen BOL en BBL?", "nl", ["Wat is het verschil tussen BOL en BBL?"]),
        (
            "is tech a good career for my daughter or is it just for boys?",
            "en",
            ["is tech a good career for my daughter or is it just for boys?"],
        ),
        (
            "mijn dochter zit in kader en moet een profiel kiezen, wat zijn de opties?",
            "nl",
            ["mijn dochter zit in kader en moet een profiel kiezen, wat zijn de opties?"],
        ),
    ],
)
def test_split_question(text: str, lang: str, parts: list[str]) -> None:
    assert split_question(text, lang) == parts


@pytest.mark.parametrize(
    ("text", "lang", "followup"),
    [
        ("en BBL?", "nl", True),
        ("hoe lang duurt dat?", "nl", True),
        ("peki ne kadar sürüyor?", "tr", True),
        ("and BBL?", "en", True),
        ("وكم يستغرق؟", "ar", True),
        ("a ile to trwa?", "pl", True),
        ("а скільки це триває?", "uk", True),
        ("Wat is het verschil tussen BOL en BBL op het mbo?", "nl", False),
        ("Which technology profiles exist at vmbo?", "en", False),
    ],
)
def test_is_followup(text: str, lang: str, followup: bool) -> None:
    assert is_followup(text, lang) is followup


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("Welke medicijnen helpen tegen migraine bij kinderen?", "health"),
        ("çocuğumun öksürüğü geçmiyor ne yapmalıyım", "health"),
        ("Wat voor weer wordt het morgen in Rotterdam?", "weather"),
        ("كيف أجدد الإقامة في هولندا؟", "government"),
        ("як оформити дитячі виплати в Нідерландах", "government"),
        ("ile kosztuje ubezpieczenie samochodu w Holandii", "insurance"),
        ("Rotterdam'da ucuz kiralık ev nasıl bulurum?", "housing"),
        ("Dziecko jest prześladowane w szkole, co robić?", "bullying"),
        ("How can I learn Dutch quickly as a parent?", "language"),
        ("Which supermarket has the cheapest groceries?", "shopping"),
        ("Mijn zoon heeft dyslexie, kan hij naar het mbo?", "support"),
        # our domain: no other domain, even with words that look alike
        ("What kind of work is there in the port and in logistics?", None),
        ("Wat doet een constructiebankwerker?", None),
        ("Ik spreek slecht Nederlands, hoe kan ik mijn kind helpen kiezen?", None),
        ("czy w technice dobrze płacą", None),
    ],
)
def test_other_domain(text: str, domain: str | None) -> None:
    assert other_domain(text) == domain


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("%s%s%n", True),
        ("SELECT * FROM artikelen; DROP TABLE users;--", True),
        ("' OR 1=1 --", True),
        ("{0}{1}%s<script>alert(1)</script>", True),
        ("%d%d%d%s", True),
        ("${jndi:ldap://x}", True),
        ("Wat is BBL?", False),
        ("Hoeveel procent (%) van de meisjes kiest techniek?", False),
        ("Wat is 50% van de BBL-studenten?", False),
        ("select a course for my son?", False),
    ],
)
def test_looks_like_code(text: str, code: bool) -> None:
    assert looks_like_code(text) is code


@pytest.mark.parametrize(
    ("text", "ours"),
    [
        ("Welke supermarkt is het goedkoopst?", False),
        ("Any good pizza places near Rotterdam Centraal?", False),
        ("Where can my daughter take swimming lessons?", True),  # 'lessons': our domain word, then the examples decide
        ("wat is eigenlijk het verschil tussn basis kader en gl??", True),
        ("czy w technice dobrze płacą", True),
        ("كم الراتب في التقنية", True),
        ("чи добре платять у техніці", True),
        ("BBL nedir?", True),
        ("How many young people live in the region?", True),
        ("Скільки молоді живе в регіоні?", True),
        ("ilu młodych mieszka w regionie?", True),
        ("Wat eten jongeren graag?", True),  # a domain word only lets the examples and passages decide
    ],
)
def test_in_domain(text: str, ours: bool) -> None:
    assert in_domain(text) is ours


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("hoeveel meisjes kiezen techniek", True),
        ("ile dziewczyn wybiera technike?", True),
        ("What share of the pupils are girls?", True),
        ("скільки дівчат обирають техніку", True),
        ("Wat is BBL?", False),
        ("Is techniek iets voor meisjes?", False),
    ],
)
def test_asks_number(text: str, number: bool) -> None:
    assert asks_number(text) is number


def test_a_place_in_brackets_is_not_a_record_name(kb: KnowledgeBase) -> None:
    """'Proefstuderen op het mbo (Rotterdam Zuid)': the bracketed place names no record, so a question about
    Rotterdam Zuid is not routed to one of the six Zuid initiatives; the name itself still is."""
    names = dict(Assistant._record_names(kb))
    places = {normalise(g.naam) for g in kb.gebieden.values()}
    assert "rotterdam zuid" in places and not places & names.keys()
    assert names.get("proefstuderen op het mbo") == "initiatief:ini_proefstuderen_zuid"

"""The verslag says the labour market and the interest link exactly as the advice does (review 2, R06)."""

from __future__ import annotations

from app.report import page_content
from knowledge.loader import KnowledgeBase
from recommender.advies import recommend
from recommender.profile import Profiel

ECONOMIE = Profiel(
    leerjaar="vo4",
    schooltype="vmbo-gl",
    interesses=["economie_handel", "mode_uiterlijk"],
    wijk="Laak",
    taal_ouders="tr",
)
AUTO = Profiel(leerjaar="vo3", schooltype="vmbo-bb", interesses=["autos_motoren"], wijk="Charlois", taal_ouders="tr")


def test_a_bridge_route_is_no_fit_in_the_verslag(kb: KnowledgeBase) -> None:
    advies = recommend(kb, ECONOMIE)
    for lang in ("nl", "tr"):
        page = page_content(kb, ECONOMIE, advies, lang)
        assert page.routes
        for regel in page.routes:
            assert "past bij" not in regel.waarom and "uyumlu" not in regel.waarom, regel.waarom
        assert "raakvlak" in page.routes[0].waarom or "dolaylı" in page.routes[0].waarom


def test_the_verslag_repeats_the_advice_labour_sentence_with_its_data_year(kb: KnowledgeBase) -> None:
    for profiel in (ECONOMIE, AUTO):
        advies = recommend(kb, profiel)
        for lang in ("nl", "tr"):
            page = page_content(kb, profiel, advies, lang)
            for route, regel in zip(advies.routes, page.routes, strict=False):
                if route.arbeidsmarkt_tekst:
                    assert regel.vooruitzicht == route.arbeidsmarkt_tekst[lang]
                if route.arbeidsmarkt_schaal == "beroep":
                    assert "2018" in regel.vooruitzicht  # UWV data year, not only the plan's year 2019

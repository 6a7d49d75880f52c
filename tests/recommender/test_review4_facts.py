"""Labour-market sentences never stronger than the source, and always with a year (review 4).

- one employer's words (Stedin in STO Zuid 2019 B.2.2) become a sentence about that employer, never a regional claim;
- every labour-market sentence the advice can say carries a year (the data year, or the report's year in its label);
- a pupil outside the region hears that the labour-market sentences are about the Rotterdam region."""

from __future__ import annotations

import re

from knowledge import KnowledgeBase
from knowledge.i18n import LANGUAGES, t
from recommender.advies import recommend
from recommender.explain import markt_zin
from recommender.profile import Profiel
from recommender.routes import beroep_markt, opleiding_markt

JAAR = re.compile(r"\b(?:19|20)\d\d\b")


def test_employer_statement_is_an_employer_sentence(kb: KnowledgeBase) -> None:
    werkgevers = [b for b in kb.beroepen.values() if b.arbeidsmarkt.werkgever]
    assert werkgevers, "no employer-level statement left: the test lost its case"
    for ber in werkgevers:
        markt = beroep_markt(kb, ber.id)
        assert markt is not None and markt.werkgever
        for taal in LANGUAGES:
            zin = markt_zin(kb, markt, None, taal)
            assert zin and ber.arbeidsmarkt.werkgever in zin and JAAR.search(zin)
            assert t("advies.markt_regio", taal, regio=ber.arbeidsmarkt.regio or "Rotterdam Zuid") not in zin


def test_every_labour_market_sentence_has_a_year(kb: KnowledgeBase) -> None:
    zinnen = 0
    for ber in kb.beroepen.values():
        markt = beroep_markt(kb, ber.id)
        if markt is not None:
            for taal in LANGUAGES:
                zin = markt_zin(kb, markt, None, taal)
                assert zin and JAAR.search(zin), zin
                zinnen += 1
    for opl in kb.opleidingen.values():
        markt = opleiding_markt(kb, opl)
        if markt is not None:
            for taal in LANGUAGES:
                zin = markt_zin(kb, markt, None, taal)
                assert zin and JAAR.search(zin), zin
                zinnen += 1
    assert zinnen > 50


def test_outside_the_region_the_labour_market_is_said_to_be_rotterdams(kb: KnowledgeBase) -> None:
    profiel = Profiel(
        leerjaar="vo3", schooltype="vmbo-kb", interesses=["autos_motoren"], postcode="5611", taal_ouders="tr"
    )
    advies = recommend(kb, profiel)
    buiten = [w for w in advies.waarschuwingen if w.soort == "buiten_regio"]
    assert buiten
    for taal in ("nl", "tr"):
        assert t("advies.w_buiten_regio_markt", taal) in buiten[0].tekst[taal]

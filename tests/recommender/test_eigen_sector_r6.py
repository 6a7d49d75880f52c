"""Review 5, defect 3: a non-technical interest gets its own next step at every stage, on the real knowledge base:
the vmbo profiel (groep 7/8, klas 1-2) when the stage advice does not already advise it, where the mbo opleidingen
are (klas 1-2 as horizon, klas 3-4 as the step), hbo for havo/vwo as a marked general pointer, and sport placed in
its mbo sector with the report that says so."""

from __future__ import annotations

import re

from knowledge.i18n import LANGUAGES
from knowledge.loader import KnowledgeBase
from recommender.models import Advies
from tests.recommender.helpers import advies


def _eigen(a: Advies) -> list[str]:
    assert a.fase_advies is not None
    return [s.soort for s in a.fase_advies.stappen if s.soort.startswith("eigen_sector")]


def _tekst(a: Advies, soort: str, taal: str = "nl") -> str:
    assert a.fase_advies is not None
    return next(s.tekst[taal] for s in a.fase_advies.stappen if s.soort == soort)


def test_klas2_animals_gets_the_green_mbo_as_horizon_next_to_the_groen_profiel(kb: KnowledgeBase) -> None:
    """R14 (bb2 Carnisselande): Groen with Focus is the core; the animal-care mbo was missing (R01 had it)."""
    a = advies(kb, leerjaar="vo2", schooltype="vmbo-bb", interesses=["dieren_natuur"], wijk="Carnisselande")
    assert _eigen(a) == ["eigen_sector_dieren_natuur"]  # Groen is advised above: no second profiel line
    nl = _tekst(a, "eigen_sector_dieren_natuur")
    assert nl.startswith("Voor later") and "Lentiz" in nl and "algemene kennis" in nl


def test_havo3_animals_gets_a_marked_hbo_pointer_without_a_figure(kb: KnowledgeBase) -> None:
    """R34 (havo3 Delft, experiments + animals): nothing for animals beyond the notice before."""
    a = advies(kb, leerjaar="vo3", schooltype="havo", interesses=["natuur_proefjes", "dieren_natuur"], gemeente="Delft")
    nl = _tekst(a, "eigen_sector_dieren_natuur")
    assert "hbo" in nl.lower() and "groene hogescholen" in nl and "algemene kennis" in nl
    assert not re.search(r"\d", nl.replace("studiekeuze123", ""))  # general knowledge never carries a figure
    for taal in LANGUAGES:
        b = advies(
            kb, leerjaar="vo3", schooltype="havo", interesses=["dieren_natuur"], gemeente="Delft", taal_ouders=taal
        )
        assert "studiekeuze123.nl" in _tekst(b, "eigen_sector_dieren_natuur", taal)


def test_sport_is_placed_in_its_mbo_sector_with_the_source(kb: KnowledgeBase) -> None:
    """R31 (tl4, sport + economy): the sport step says sport belongs to zorg, welzijn en sport (SEOR tabel 3.2)."""
    a = advies(
        kb,
        leerjaar="vo4",
        schooltype="vmbo-tl",
        interesses=["sport_bewegen", "economie_handel"],
        gemeente="Gouda",
        taal_ouders="uk",
    )
    nl = _tekst(a, "eigen_sector_sport_bewegen")
    assert "zorg, welzijn en sport" in nl and "tabel 3.2" in nl
    assert "zorg, welzijn en sport" not in _tekst(a, "eigen_sector_economie_handel")
    assert "zorg, welzijn en sport" in _tekst(a, "eigen_sector_sport_bewegen", "uk")


def test_a_non_technical_profiel_cut_from_the_top_three_still_gets_its_own_line(kb: KnowledgeBase) -> None:
    """Three technical interests fill the advised profielen; the animal interest still hears which profiel fits."""
    a = advies(
        kb,
        leerjaar="groep8",
        schooltype="po",
        schooladvies="vmbo-kb",
        interesses=["bouwen", "elektro", "autos_motoren", "dieren_natuur"],
        wijk="Charlois",
    )
    fa = a.fase_advies
    assert fa is not None and "GR" not in [p.code for p in fa.profielen]
    assert "Groen" in _tekst(a, "eigen_sector_profiel_dieren_natuur")
    assert "eigen_sector_dieren_natuur" not in _eigen(a)  # groep 8: the mbo is not filled in yet


def test_groep8_with_the_own_profiel_advised_gets_no_repeat(kb: KnowledgeBase) -> None:
    """R12: HBR, Z&W and D&P are advised with the local search; no extra own-sector line repeats them."""
    a = advies(
        kb,
        leerjaar="groep8",
        schooltype="po",
        schooladvies="vmbo-bb",
        interesses=["koken_horeca", "sport_bewegen"],
        wijk="Schilderswijk",
    )
    assert _eigen(a) == []

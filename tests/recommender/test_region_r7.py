"""Review 6, defect 3: labour-market sentences speak about Rijnmond / Rotterdam (Zuid); a pupil in Haaglanden is told
once that their own region is not covered. The travel figure (seor2026 Tabel 3.4) is information, with the column
of the routes' sector. On the real knowledge base."""

from __future__ import annotations

from knowledge.i18n import LANGUAGES
from knowledge.loader import KnowledgeBase
from recommender.markt_regio import markt_regio_melding, regios_buiten
from recommender.models import Advies
from recommender.reistijd import SECTOR, SECTOR_ICT, sector_van
from tests.recommender.helpers import advies

REGIO_ZIN = "hoort daar niet bij"


def _regio(a: Advies) -> list[dict[str, str]]:
    return [m for m in a.meldingen if REGIO_ZIN in m["nl"]]


def test_which_gemeenten_a_region_covers() -> None:
    assert regios_buiten(["Rijnmond", "Rotterdam Zuid"], "Den Haag") == ["Rijnmond", "Rotterdam Zuid"]
    assert regios_buiten(["Rijnmond", "Rijnmond"], "Schiedam") == []
    assert regios_buiten(["Rotterdam Zuid"], "Rotterdam") == []
    assert regios_buiten(["Rotterdam", "Rijnmond"], "Vlaardingen") == []  # covered by the Rijnmond figures
    assert regios_buiten(["Rotterdam Zuid"], "Barendrecht") == ["Rotterdam Zuid"]
    assert regios_buiten(["Rijnmond"], "Gouda") == []  # outside the MRDH the intake already says so
    assert regios_buiten(["Nergensland", None], "Delft") == []  # an unknown region: no false caveat
    tekst = markt_regio_melding(["Rijnmond"], "Delft", list(LANGUAGES))
    assert tekst is not None and set(tekst) == set(LANGUAGES)
    assert all("Rijnmond" in z and "Delft" in z for z in tekst.values())


def test_haaglanden_pupil_is_told_once_that_the_figures_are_about_another_region(kb: KnowledgeBase) -> None:
    """R06 (gl4 Laak, Den Haag): Rotterdam Zuid shortage sentences and no word that Den Haag is not covered."""
    a = advies(
        kb,
        leerjaar="vo4",
        schooltype="vmbo-gl",
        interesses=["economie_handel", "mode_uiterlijk"],
        wijk="Laak",
        taal_ouders="tr",
    )
    notes = _regio(a)
    assert len(notes) == 1
    assert "Den Haag" in notes[0]["nl"] and "Rotterdam Zuid" in notes[0]["nl"] and "Den Haag" in notes[0]["tr"]


def test_delft_elektro_pupil_gets_the_notice_and_a_rotterdam_pupil_not(kb: KnowledgeBase) -> None:
    delft = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["elektro"], gemeente="Delft")
    assert any("Rijnmond" in s for r in delft.routes for s in [r.uitleg["nl"]])
    assert len(_regio(delft)) == 1
    rotterdam = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["elektro"], wijk="Charlois")
    assert _regio(rotterdam) == []


def test_travel_figure_is_information_not_a_warning(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["elektro"], gemeente="Zoetermeer")
    assert not any("fietsafstand" in m["nl"] for m in a.meldingen)
    assert [m for m in a.goed_om_te_weten if "Zoetermeer" in m["nl"] and "techniek" in m["nl"]]


def test_media_routes_take_the_ict_column(kb: KnowledgeBase) -> None:
    """R01 (Zoetermeer, media): the T&GO column said 27 km where the CI&ICT column (21 km) fits the routes."""
    assert sector_van(["media_vormgeving", "ict", "elektrotechniek"]) == SECTOR_ICT
    assert sector_van(["media_vormgeving", "elektrotechniek"]) == SECTOR
    assert sector_van([]) == SECTOR
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-gl",
        interesses=["media_vormgeving", "ict_programmeren"],
        gemeente="Zoetermeer",
    )
    assert a.routes and sum(r.opleiding.richting in ("ict", "media_vormgeving") for r in a.routes) * 2 > len(a.routes)
    cijfers = kb.gebieden["gem_zoetermeer"].cijfers
    ict_km = next(c.waarde for c in cijfers if "ICT" in c.omschrijving and "fietsafstand" in c.omschrijving)
    tgo_km = next(c.waarde for c in cijfers if "gebouwde" in c.omschrijving and "fietsafstand" in c.omschrijving)
    assert ict_km != tgo_km
    nl = a.goed_om_te_weten[0]["nl"]
    assert "ICT" in nl and f"{ict_km:g}".replace(".", ",") in nl and f"{tgo_km:g}".replace(".", ",") not in nl

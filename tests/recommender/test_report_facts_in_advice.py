"""Report facts of issue 18 where the advice and the decaan's campus view show them."""

from __future__ import annotations

from knowledge import KnowledgeBase
from recommender.advies import recommend
from recommender.initiatives import gap_analysis
from recommender.profile import Profiel


def _travel(kb: KnowledgeBase, gemeente_id: str) -> tuple[float, float]:
    cijfers = kb.gebieden[gemeente_id].cijfers
    km = next(c.waarde for c in cijfers if "Techniek" in c.omschrijving and "fietsafstand" in c.omschrijving)
    ov = next(c.waarde for c in cijfers if "Techniek" in c.omschrijving and "reistijd" in c.omschrijving)
    return km, ov


def test_the_advice_says_how_far_techniek_students_from_the_pupils_gemeente_travel(kb: KnowledgeBase) -> None:
    a = recommend(
        kb, Profiel(leerjaar="vo3", schooltype="vmbo-kb", interesses=["elektro"], postcode="2712", taal_ouders="ar")
    )
    km, ov = _travel(kb, "gem_zoetermeer")
    notes = [m for m in a.goed_om_te_weten if "Zoetermeer" in m["nl"] and "tabel 3.4" in m["nl"]]
    assert len(notes) == 1
    assert f"{ov:.1f}".replace(".", ",") in notes[0]["nl"] and f"{ov:.1f}" in notes[0]["ar"]
    assert f"{km:g}" in notes[0]["nl"] and "SEOR 2026, tabel 3.4" in notes[0]["nl"]


def test_a_wijk_gives_the_figures_of_its_gemeente_and_a_place_outside_the_region_none(kb: KnowledgeBase) -> None:
    charlois = recommend(kb, Profiel(leerjaar="vo3", schooltype="vmbo-bb", interesses=["bouwen"], wijk="Charlois"))
    assert any("Rotterdam" in m["nl"] and "tabel 3.4" in m["nl"] for m in charlois.goed_om_te_weten)
    gouda = recommend(kb, Profiel(leerjaar="vo3", schooltype="vmbo-bb", interesses=["bouwen"], gemeente="Gouda"))
    assert not any("tabel 3.4" in m["nl"] for m in [*gouda.meldingen, *gouda.goed_om_te_weten])


def test_no_techniekprofiel_block_names_the_special_entry_routes(kb: KnowledgeBase) -> None:
    a = recommend(
        kb,
        Profiel(
            leerjaar="vo2",
            schooltype="vmbo-kb",
            interesses=["bouwen"],
            school="vmbo_calvijn_juliana",
            postcode="3083",
            taal_ouders="tr",
        ),
    )
    assert a.zonder_techniekprofiel is not None
    route = [m for m in a.zonder_techniekprofiel.mogelijkheden if m.soort == "instroomroute"]
    assert len(route) == 1 and route[0].bron == "seor2026#6.1"
    assert "NaSk" in route[0].tekst["nl"] and "NaSk" in route[0].tekst["tr"]


def test_the_campus_view_shows_the_vmbo_profile_offer_of_tables_5_1_and_5_2(kb: KnowledgeBase) -> None:
    report = gap_analysis(kb, "BT", 10)
    assert report.plaats.soort == "campus"
    assert len(report.vmbo_profielaanbod) == 10
    hard = [f for f in report.vmbo_profielaanbod if "'hard'" in f.omschrijving]
    assert len(hard) == 1 and hard[0].bron == "seor2023_promotie#Tabel 5.1" and hard[0].jaar == "2022"
    assert gap_analysis(kb, "Charlois", 10).vmbo_profielaanbod == []

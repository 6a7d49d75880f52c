"""Review 7, defect 2: combined interests without stretched fits (R50, R01/R21/R52, R26)."""

from __future__ import annotations

from knowledge.loader import KnowledgeBase
from recommender.fase import INTERESSE_PROFIELEN
from tests.recommender.helpers import advies

R50 = dict(
    leerjaar="vo5",
    schooltype="havo",
    interesses=["machines", "economie_handel"],
    werkvoorkeuren=["afwisseling"],
    belangrijk=["doorleren_hbo", "salaris"],
    gemeente="Capelle aan den IJssel",
)


def test_economy_interest_is_named_on_the_commercial_beroep_of_a_techniek_route(kb: KnowledgeBase) -> None:
    a = advies(kb, **R50)
    eng = [r for r in a.routes if r.opleiding.id == "opl_technicus_engineering_n4"]
    assert eng, [r.opleiding.id for r in a.routes]
    assert "Bij je interesse in economie en handel past hier vooral het werk als" in eng[0].uitleg["nl"]
    assert "accountmanager technische producten" in eng[0].uitleg["nl"]
    # the same pupil without the economy interest hears nothing about it
    zonder = advies(kb, **{**R50, "interesses": ["machines"]})
    assert not any("economie en handel" in r.uitleg["nl"] for r in zonder.routes)


def test_technische_bedrijfskunde_only_for_the_machines_plus_economy_blend(kb: KnowledgeBase) -> None:
    a = advies(kb, **R50)
    assert a.fase_advies is not None
    tbk = [v for v in a.fase_advies.vervolg if v.naam == "Technische bedrijfskunde"]
    assert tbk and set(tbk[0].interesses) == {"machines", "economie_handel"}
    alleen_machines = advies(kb, **{**R50, "interesses": ["machines"]})
    assert alleen_machines.fase_advies is not None
    assert not any(v.naam == "Technische bedrijfskunde" for v in alleen_machines.fase_advies.vervolg)


def test_chemische_technologie_is_not_a_fit_for_machines(kb: KnowledgeBase) -> None:
    a = advies(kb, **R50)
    assert a.fase_advies is not None
    assert not any(v.naam == "Chemische technologie" for v in a.fase_advies.vervolg)
    proef = advies(kb, **{**R50, "interesses": ["natuur_proefjes"]})
    assert proef.fase_advies is not None
    chem = [v for v in proef.fase_advies.vervolg if v.naam == "Chemische technologie"]
    assert chem and chem[0].interesses == ["natuur_proefjes"]


def test_no_bouwkunde_raakvlak_filler_for_a_drawing_pupil_with_core_routes(kb: KnowledgeBase) -> None:
    for wijk, extra in (("Rokkeveen", "dieren_natuur"), ("Rotterdam Centrum", "media_vormgeving")):
        a = advies(kb, leerjaar="vo3", schooltype="vmbo-tl", interesses=["tekenen_ontwerpen", extra], wijk=wijk)
        ids = [r.opleiding.id for r in a.routes]
        assert any(r.opleiding.richting == "media" or "mediavormgever" in r.opleiding.id for r in a.routes), ids
        assert "opl_middenkaderfunctionaris_bouwkunde_n4" not in ids
    # a building pupil still gets it: it is about building
    bouw = advies(kb, leerjaar="vo3", schooltype="vmbo-tl", interesses=["bouwen"], wijk="Charlois")
    assert "opl_middenkaderfunctionaris_bouwkunde_n4" in [r.opleiding.id for r in bouw.routes]


def test_drawing_maps_to_mvi_not_bwi() -> None:
    assert INTERESSE_PROFIELEN["tekenen_ontwerpen"] == ("MVI",)


def test_no_unsourced_profiel_fit_for_tl_economie_on_ict(kb: KnowledgeBase) -> None:
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-tl",
        profiel="TL_ECONOMIE",
        interesses=["ict_programmeren"],
        wijk="Nesselande",
    )
    assert a.routes
    for r in a.routes:
        assert "sluit hier goed op aan" not in r.uitleg["nl"], r.opleiding.id
        assert "niet op jouw profiel" not in r.uitleg["nl"], r.opleiding.id  # still no mismatch warning (review 2)
    techniek = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-tl",
        profiel="TL_TECHNIEK",
        interesses=["ict_programmeren"],
        wijk="Nesselande",
    )
    assert any("sluit hier goed op aan" in r.uitleg["nl"] for r in techniek.routes)


def test_route_card_hides_the_blend_without_its_economy_part(kb: KnowledgeBase) -> None:
    """R40 (building + making): the Technicus engineering card must not offer 'daarna hbo: Technische bedrijfskunde'."""
    for interesses in (["maken_ontwerpen"], ["machines"]):
        a = advies(kb, leerjaar="vo3", schooltype="vmbo-tl", interesses=interesses, wijk="Charlois", n=8)
        for r in a.routes:
            assert "Technische bedrijfskunde" not in [v.naam for v in r.vervolg], r.opleiding.id
    eco = advies(kb, **R50)
    eng = [r for r in eco.routes if r.opleiding.id == "opl_technicus_engineering_n4"]
    assert eng and "Technische bedrijfskunde" in [v.naam for v in eng[0].vervolg]


def test_only_the_economy_interest_is_carried_by_a_beroep(kb: KnowledgeBase) -> None:
    """R44 (machines + dieren): no 'Bij je interesse in dieren en de natuur past hier vooral het werk als ...'."""
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-bb", interesses=["machines", "dieren_natuur"], wijk="Hoogvliet")
    assert a.routes
    assert not any("past hier vooral het werk als" in r.uitleg["nl"] for r in a.routes)

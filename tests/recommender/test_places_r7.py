"""Review 6, defect 2: a school or activity placed only at gemeente level, or one point for a school with several
locations, never reads as an exact distance. One rule (recommender.explain.plek_tekst) for every place where the
advice names a place, on the real knowledge base."""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.i18n import LANGUAGES
from knowledge.loader import KnowledgeBase
from recommender.explain import plek_tekst, school_tekst, school_volgorde
from recommender.models import Advies, SchoolAfstand
from tests.recommender.helpers import advies, review_persona

KM = re.compile(r"\d+([.,]\d+)?\s*(km|كم|км)")


def _zt_scholen(a: Advies, taal: str = "nl") -> str:
    assert a.zonder_techniekprofiel is not None
    return next(m.tekst[taal] for m in a.zonder_techniekprofiel.mogelijkheden if m.soort == "school_in_de_buurt")


def test_rule_gemeente_level_school_activity_and_several_locations() -> None:
    assert plek_tekst(1.4, "nl", True, gemeente="Rotterdam") == "in Rotterdam; precieze plek onbekend"
    assert plek_tekst(1.4, "nl", True, gemeente="Rotterdam", activiteit=True) == "in Rotterdam"
    assert plek_tekst(5.6, "nl", True, gemeente="Rotterdam", meerdere=True) == "meerdere locaties; zie de website"
    assert plek_tekst(3.6, "nl") == "3,6 km"
    assert plek_tekst(None, "nl") is None
    for taal in LANGUAGES:
        assert "Rotterdam" in (plek_tekst(1.4, taal, True, gemeente="Rotterdam") or "")
        assert not KM.search(plek_tekst(1.4, taal, True, gemeente="Rotterdam") or "")


def test_exactly_placed_schools_come_before_town_points() -> None:
    grof = SchoolAfstand(id="a", naam="A", afstand_km=1.0, profielen=[], gemeente="Rotterdam", plek_bij_benadering=True)
    exact = SchoolAfstand(id="b", naam="B", afstand_km=4.0, profielen=[])
    meer = SchoolAfstand(id="c", naam="C", afstand_km=0.5, profielen=[], meerdere_locaties=True)
    assert [s.id for s in sorted([grof, meer, exact], key=school_volgorde)] == ["b", "c", "a"]
    assert school_tekst(grof, "nl") == "A (in Rotterdam; precieze plek onbekend)"


def test_geen_techniekprofiel_block_names_the_town_of_a_gemeente_level_school(kb: KnowledgeBase) -> None:
    """R04 (bb3 Calvijn Juliana, Charlois): 'STC vmbo college (~1,4 km)' although STC is placed at gemeente level."""
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-bb",
        school="vmbo_calvijn_juliana",
        interesses=["autos_motoren"],
        werkvoorkeuren=["handen"],
        wijk="Charlois",
    )
    nl = _zt_scholen(a)
    assert "STC vmbo college (in Rotterdam; precieze plek onbekend)" in nl
    assert nl.index("Zuiderpark College") < nl.index("STC")  # exactly placed first
    assert a.zonder_techniekprofiel is not None
    school = next(m for m in a.zonder_techniekprofiel.mogelijkheden if m.soort == "school_in_de_buurt")
    for taal, tekst in school.tekst.items():
        assert not re.search(r"STC vmbo college \([^)]*\d", tekst), (taal, tekst)


def test_stage_school_list_has_no_km_for_a_gemeente_level_school(kb: KnowledgeBase) -> None:
    """R44 (groep 7, Hoogvliet): the '- school:' lines said 'Wartburg ... (~9,6 km; MT)'."""
    a = advies(
        kb,
        leerjaar="groep7",
        schooltype="po",
        schooladvies="vmbo-bb",
        interesses=["machines", "dieren_natuur"],
        werkvoorkeuren=["buiten"],
        wijk="Hoogvliet",
    )
    assert a.fase_advies is not None
    teksten = [school_tekst(s, "nl") for s in a.fase_advies.scholen]
    wartburg = [x for x in teksten if x.startswith("Wartburg")]
    assert wartburg and all("precieze plek onbekend" in x and not KM.search(x) for x in wartburg)
    ruw = [s.plek_bij_benadering for s in a.fase_advies.scholen if not s.verder_weg]
    assert ruw == sorted(ruw)  # the exactly placed ones first


def test_havo_mbo4_line_says_several_locations(kb: KnowledgeBase) -> None:
    """R18 (havo3, 3035): 'Techniek College Rotterdam (~1,4 km)', a point for several locations."""
    a = advies(kb, leerjaar="vo3", schooltype="havo", interesses=["bouwen", "tekenen_ontwerpen"], postcode="3035")
    tcr = [r for r in a.routes if r.school_naam == "Techniek College Rotterdam"]
    assert tcr and all(r.school_meerdere_locaties for r in tcr)


def test_own_sector_pointer_has_no_distance_for_several_locations(kb: KnowledgeBase) -> None:
    """R05 (kb3 Zuidwijk, zorg): 'Albeda (~5,6 km) en Zadkine (~5,6 km)', the same city point."""
    a = advies(kb, **review_persona("R05"))  # kb3 Zuidwijk, zorg, parents ar
    assert a.fase_advies is not None
    stap = next(s for s in a.fase_advies.stappen if s.soort == "eigen_sector_zorg_welzijn")
    for taal, tekst in stap.tekst.items():
        assert not KM.search(tekst), (taal, tekst)
    assert "Albeda (meerdere locaties; zie de website)" in stap.tekst["nl"]


def test_gemeente_level_activities_say_the_town_not_a_distance(kb: KnowledgeBase) -> None:
    """R23 (kb3 Rotterdam): every try-out was '~1 km' because pupil and activities share the town point."""
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", gemeente="Rotterdam")
    gemeente = [x for x in a.activiteiten if x.plek_gemeente]
    assert gemeente
    for x in gemeente:
        for taal, tekst in x.uitleg.items():
            assert not KM.search(tekst), (taal, tekst)
    exact = [x for x in a.activiteiten if not x.plek_gemeente and not x.landelijk and x.afstand_km is not None]
    for x in exact:  # from the town's centre: a figure, or under 2 km "dicht bij het midden" (review 7, defect 3)
        assert x.afstand_km is not None
        assert KM.search(x.reden) or (x.afstand_km < 2 and "midden van Rotterdam" in x.reden), x.reden


def test_turkish_says_nearby_not_soon() -> None:
    """Review 6: 'LOB-Kompas yakında ... bilmiyor' reads 'soon'; nearby is 'çevrenizde' / 'yakınlarda'."""
    import yaml

    from knowledge.i18n import t

    assert "yakında " not in t("advies.act_geen", "tr", interesses="x")
    tr = yaml.safe_load(Path("knowledge/i18n/tr.yaml").read_text(encoding="utf-8"))

    def strings(node: object) -> list[str]:
        if isinstance(node, dict):
            return [s for v in node.values() for s in strings(v)]
        return [node] if isinstance(node, str) else []

    assert [s for s in strings(tr) if re.search(r"\byakında\b", s)] == []

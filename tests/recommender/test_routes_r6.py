"""Which routes reach the list and what they claim, round 6 (decaan review 5, defect 5 and "overreaching"),
on the REAL knowledge base:

- the route-level labour-market tag (and its ranking bonus) comes from the beroep the opleiding mainly leads to
  (its first beroep) or from a source that names the opleiding itself, never from the most favourable of its
  other beroepen; another beroep's claim is named in its own sentence;
- a claim without a data year says the year of its source ("kans op werk redelijk tot goed", Figuur 10);
- a filler route whose nearest school lies far beyond the travel limit, or an entree course for a pupil who can
  go to niveau 2, stays out (an empty slot beats a weak fit); Fietstechnicus is only a raakvlak of auto's;
  aircraft maintenance is about machines, not elektro; Technische natuurkunde is not "past bij elektrotechniek";
- a school with several locations placed on one point gets no distance and no "dichtstbijzijnde" claim.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.i18n import LANGUAGES
from knowledge.loader import KnowledgeBase
from recommender.advies import score_alle
from recommender.explain import bijmarkt_zin, markt_zin
from recommender.profile import Profiel
from recommender.routes import RouteInfo, kern_interesses, route_index
from recommender.scoring import Dichtstbij, RouteScore, _vult, te_ver
from tests.recommender.helpers import advies


def _route(kb: KnowledgeBase, opl_id: str) -> RouteInfo:
    return next(r for r in route_index(kb).routes if r.id == opl_id)


def test_route_claim_comes_from_the_main_beroep_or_the_opleiding(kb: KnowledgeBase) -> None:
    for r in route_index(kb).routes:
        if r.markt is None:
            continue
        if r.markt.schaal == "opleiding":
            assert r.markt.beroep == r.naam
        else:
            assert r.markt is r.beroepen[0].markt, (r.id, r.markt.beroep)


@pytest.mark.parametrize(
    ("opl_id", "niet_van"),
    [
        ("opl_technicus_werktuigkundige_installaties_n4", {"Werkvoorbereider", "accountmanager"}),
        ("opl_manager_transport_logistiek_n4", {"Declarant"}),
        ("opl_middenkaderfunctionaris_bouwkunde_n4", {"Tekenaar"}),
    ],
)
def test_review5_routes_are_not_tagged_through_a_side_beroep(
    kb: KnowledgeBase, opl_id: str, niet_van: set[str]
) -> None:
    r = _route(kb, opl_id)
    assert r.markt is None or not any(x in r.markt.beroep for x in niet_van)


def test_a_side_beroep_claim_is_named_in_its_own_sentence(kb: KnowledgeBase) -> None:
    r = _route(kb, "opl_manager_transport_logistiek_n4")
    assert r.markt is None and r.bijmarkt is not None and r.bijmarkt.beroep.startswith("Declarant")
    for taal in LANGUAGES:
        zin = bijmarkt_zin(kb, r.bijmarkt, taal)
        assert "Declarant" in zin and "2018" in zin
    a = advies(kb, leerjaar="vo4", schooltype="vmbo-kb", interesses=["logistiek"], postcode="3011")
    route = next(x for x in a.routes if x.opleiding.id == "opl_manager_transport_logistiek_n4")
    assert route.arbeidsmarkt_schaal != "beroep"  # no beroep tag for the route (a sector sentence may stay) ...
    assert "Een van de andere beroepen na deze opleiding is Declarant" in route.uitleg["nl"]  # ... but named


def test_a_claim_without_data_year_says_the_source_year(kb: KnowledgeBase) -> None:
    r = _route(kb, "opl_eerste_autotechnicus_n3")
    assert r.markt is not None and r.markt.schaal == "opleiding" and not r.markt.gegevensjaar
    jaar = str(kb.bronnen[r.markt.bron.bron].jaar)
    for taal in LANGUAGES:
        zin = markt_zin(kb, r.markt, None, taal) or ""
        assert zin.count(jaar) >= 2, (taal, zin)  # the label's year and the "bron uit ..." year
    assert "een jaar van de gegevens staat er niet bij" in (markt_zin(kb, r.markt, None, "nl") or "")


def _score(kb: KnowledgeBase, km: float, max_km: float = 15.0) -> tuple[RouteScore, float]:
    """A real route about the pupil's interest, with its nearest school moved to ``km``."""
    p = Profiel.model_validate({"leerjaar": "vo4", "schooltype": "havo", "interesses": ["elektro"]})
    s = next(x for x in score_alle(kb, p, (52.06, 4.49)) if not x.raakvlak and x.delen["interesse"] > 1)
    return replace(s, dichtstbij=Dichtstbij("x", "X", km)), max_km


def test_a_filler_far_beyond_the_travel_limit_stays_out(kb: KnowledgeBase) -> None:
    dichtbij, max_km = _score(kb, 20.0)
    ver, _ = _score(kb, 30.4)
    assert not te_ver(dichtbij, max_km) and _vult(dichtbij, False, max_km)
    assert te_ver(ver, max_km) and not _vult(ver, False, max_km)
    # a small limit: 5 km for a 3 km limit is not "far" (the margin is at least 10 km)
    klein, _ = _score(kb, 5.3, 3.0)
    assert not te_ver(klein, 3.0)


def test_r30_gets_no_aircraft_route_and_no_physics_for_elektro(kb: KnowledgeBase) -> None:
    a = advies(
        kb,
        leerjaar="vo4",
        schooltype="havo",
        interesses=["elektro", "energie_duurzaamheid"],
        belangrijk=["doorleren_hbo", "salaris"],
        gemeente="Zoetermeer",
    )
    assert not any("vliegtuig" in r.opleiding.id for r in a.routes)
    assert kern_interesses(kb.opleidingen["opl_vliegtuigonderhoudtechnicus_n4"]) == ("machines",)
    assert a.fase_advies is not None
    namen = [v.naam for v in a.fase_advies.vervolg]
    assert "Technische natuurkunde" not in namen and "Elektrotechniek" in namen


def test_r41_car_routes_first_fietstechnicus_last_no_entree(kb: KnowledgeBase) -> None:
    a = advies(
        kb,
        leerjaar="vo4",
        schooltype="vmbo-bb",
        interesses=["autos_motoren"],
        werkvoorkeuren=["handen"],
        belangrijk=["snel_geld"],
        gemeente="Lansingerland",
        wijk="Bergschenhoek",
    )
    ids = [r.opleiding.id for r in a.routes]
    assert ids[0] == "opl_autotechnicus_n2"
    assert all(r.opleiding.niveau == 2 for r in a.routes)  # no Entree as filler for a pupil who can do niveau 2
    if "opl_fietstechnicus_n2" in ids:
        fiets = a.routes[ids.index("opl_fietstechnicus_n2")]
        assert fiets.raakvlak and ids[-1] == "opl_fietstechnicus_n2"
        assert "alleen een raakvlak" in fiets.uitleg["nl"]
    for car in ("opl_bedrijfsautotechnicus_n2", "opl_autoschadehersteller_n2"):
        assert car in ids


def test_school_with_several_locations_gets_no_distance(kb: KnowledgeBase) -> None:
    assert kb.scholen["mbo_tcr"].locatie.meerdere_locaties
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-bb",
        interesses=["autos_motoren"],
        werkvoorkeuren=["handen"],
        wijk="Charlois",
    )
    meer = [r for r in a.routes if r.volgende_stap.school == "mbo_tcr"]
    assert meer, [r.volgende_stap.school for r in a.routes]
    for r in meer:
        stap = r.volgende_stap
        assert stap.school_meerdere_locaties and stap.afstand_km is None
        assert "meerdere locaties" in stap.tekst["nl"] and r.opleiding.naam in stap.tekst["nl"]
        assert "Dichtstbijzijnde school: Techniek College Rotterdam (" not in r.uitleg["nl"]
        assert "meerdere locaties" in r.uitleg["nl"]
    # an exactly placed school keeps its distance
    assert any(r.volgende_stap.afstand_km is not None for r in a.routes)


def test_no_nearest_claim_for_a_school_with_several_locations_beyond_the_limit(kb: KnowledgeBase) -> None:
    # review 5, R25 (Maassluis): the city-centre point of Techniek College Rotterdam lies just beyond 15 km (klas 3:
    # the full route list; the horizon of klas 2 keeps only three routes since round 9)
    a = advies(
        kb, leerjaar="vo3", schooltype="vmbo-gl", interesses=["bouwen", "energie_duurzaamheid"], gemeente="Maassluis"
    )
    meer = [r for r in a.routes if r.dichtstbijzijnde_school == "mbo_tcr"]
    assert meer and all((r.afstand_km or 0) > 15 for r in meer)
    for r in meer:
        assert "De dichtstbijzijnde school die LOB-Kompas kent is Techniek College Rotterdam," not in r.uitleg["nl"]
        assert "meerdere locaties" in r.uitleg["nl"]

"""Search: every filter, OR within a filter, AND across filters, distances and ordering."""

from __future__ import annotations

import math

import pytest

from app.bench.synthetic import synthetic_catalogue
from knowledge.geo import Place, resolve_place
from recommender.initiatives.search import InitiativeFilter, InitiativeHit, search_initiatives

# same as tests/initiatives/conftest.py: the origin, and 0.1 degree latitude = 11.1195 km (2*pi*6371.0088/3600)
ORIGIN = Place(query="test", naam="Testplein", soort="wijk", lat=51.9, lon=4.5)
KM_PER_DEG_LAT = 111.19508


def ids(hits: list[InitiativeHit]) -> list[str]:
    return [h.initiatief.id for h in hits]


def run(cat, **flt):
    return search_initiatives(None, InitiativeFilter(**flt), extra=cat, place=ORIGIN if flt.get("near") else None)


def test_no_filter_returns_all_sorted_by_name(hand_catalogue):
    hits = run(hand_catalogue)
    assert ids(hits) == sorted(i.id for i in hand_catalogue)
    assert all(h.afstand_km is None for h in hits)


@pytest.mark.parametrize(
    ("field", "values", "expected"),
    [
        ("schooltypen", ["po"], {"c_ver_weg_po"}),
        ("schooltypen", ["havo", "vo_onderbouw"], {"d_landelijke_wedstrijd", "e_online_les", "f_installatie_dag"}),
        ("doelgroepen", ["ouders"], {"a_bouwbezoek"}),
        ("doelgroepen", ["meisjes", "leraren"], {"b_haven_opendag", "c_ver_weg_po", "d_landelijke_wedstrijd"}),
        ("activiteiten", ["open_dag"], {"b_haven_opendag"}),
        ("activiteiten", ["stage", "evenement"], {"f_installatie_dag", "g_stage_net_buiten"}),
        ("branches", ["ict"], {"c_ver_weg_po", "d_landelijke_wedstrijd"}),
        ("branches", ["maritiem", "installatietechniek"], {"b_haven_opendag", "f_installatie_dag"}),
        ("praktijk", ["veel"], {"a_bouwbezoek", "c_ver_weg_po", "g_stage_net_buiten"}),
        (
            "praktijk",
            ["geen", "deels"],
            {"b_haven_opendag", "d_landelijke_wedstrijd", "e_online_les", "f_installatie_dag"},
        ),
    ],
)
def test_each_filter_is_any_of(hand_catalogue, field, values, expected):
    assert set(ids(run(hand_catalogue, **{field: values}))) == expected


def test_filters_combine_with_and(hand_catalogue):
    hits = run(hand_catalogue, schooltypen=["vmbo"], praktijk=["veel"], branches=["bouw"])
    assert set(ids(hits)) == {"a_bouwbezoek", "g_stage_net_buiten"}
    hits = run(hand_catalogue, schooltypen=["vmbo"], praktijk=["veel"], activiteiten=["stage"])
    assert ids(hits) == ["g_stage_net_buiten"]
    assert run(hand_catalogue, doelgroepen=["ouders"], branches=["ict"]) == []


def test_labels_and_case_are_mapped_to_codes():
    flt = InitiativeFilter(
        schooltypen=["Vmbo", "Primair onderwijs"],
        doelgroepen=["Ouders"],
        activiteiten=["Bedrijfsbezoek"],
        branches=["IT/ICT"],
        praktijk=["Veel"],
    )
    assert flt.schooltypen == ["vmbo", "po"]
    assert (flt.doelgroepen, flt.activiteiten, flt.branches, flt.praktijk) == (
        ["ouders"],
        ["bedrijfsbezoek"],
        ["ict"],
        ["veel"],
    )
    assert InitiativeFilter(schooltypen="vmbo, havo").schooltypen == ["vmbo", "havo"]


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("schooltypen", "mbo", "po, vo_onderbouw"),
        ("doelgroepen", "opa", "ouders"),
        ("activiteiten", "zwemmen", "bedrijfsbezoek"),
        ("branches", "zorg", "maritiem"),
        ("praktijk", "heel veel", "deels"),
    ],
)
def test_unknown_value_lists_allowed_values(field, value, allowed):
    with pytest.raises(ValueError, match=allowed):
        InitiativeFilter(**{field: [value]})


def test_km_needs_near_and_must_be_positive():
    with pytest.raises(ValueError, match="near"):
        search_initiatives(None, InitiativeFilter(km=5), extra=[])
    with pytest.raises(ValueError, match="positief"):
        InitiativeFilter(near="x", km=0)


def test_near_sorts_by_distance_with_known_distances(hand_catalogue):
    hits = run(hand_catalogue, near="Testplein")
    local = [h for h in hits if not h.landelijk_online]
    assert ids(local) == [
        "f_installatie_dag",
        "a_bouwbezoek",
        "b_haven_opendag",
        "g_stage_net_buiten",
        "c_ver_weg_po",
        "e_online_les",
    ]
    for h, dlat in zip(local, (0.01, 0.05, 0.08, 0.1, 0.2, 0.27), strict=True):
        assert h.afstand_km == pytest.approx(dlat * KM_PER_DEG_LAT, abs=0.01)
    # landelijk/online come after the local ones, without a distance; lokaal+online keeps its distance
    assert ids(hits[len(local) :]) == ["d_landelijke_wedstrijd"]
    assert all(h.afstand_km is None and h.landelijk_online for h in hits[len(local) :])


def test_km_drops_far_local_ones_but_keeps_landelijk(hand_catalogue):
    hits = run(hand_catalogue, near="Testplein", km=10)
    assert ids(hits) == ["f_installatie_dag", "a_bouwbezoek", "b_haven_opendag", "d_landelijke_wedstrijd"]
    hits = run(hand_catalogue, near="Testplein", km=10, include_landelijk=False)
    assert ids(hits) == ["f_installatie_dag", "a_bouwbezoek", "b_haven_opendag"]


def test_include_landelijk_false_without_near(hand_catalogue):
    found = set(ids(run(hand_catalogue, include_landelijk=False)))
    assert "d_landelijke_wedstrijd" not in found and "e_online_les" in found


def test_plain_text_query_matches_word_starts(hand_catalogue):
    assert ids(run(hand_catalogue, q="installatie")) == ["f_installatie_dag"]
    assert ids(run(hand_catalogue, q="haven opendag")) == ["b_haven_opendag"]
    assert run(hand_catalogue, q="stallatie") == []  # not in the middle of a word
    # a word in the description (and a label) also matches, but name hits rank first
    hits = run(hand_catalogue, q="omschrijving")
    assert len(hits) == len(hand_catalogue) and all(h.score == 0.5 for h in hits)
    hits = run(hand_catalogue, q="bouwbezoek")
    assert ids(hits) == ["a_bouwbezoek"] and hits[0].score == 1.0


def test_text_search_callable_is_used_for_curated_records(hand_catalogue, kb):
    calls = {}

    def fake_index(query: str, candidate_ids: list[str]) -> dict[str, float]:
        calls["ids"] = candidate_ids
        return {candidate_ids[0]: 0.9, candidate_ids[1]: 0.4}

    hits = search_initiatives(kb, InitiativeFilter(q="iets"), text_search=fake_index)
    assert len(calls["ids"]) == len(kb.initiatieven)
    assert ids(hits) == calls["ids"][:2] and [h.score for h in hits] == [0.9, 0.4]
    # the user's own records are not in the index: they are matched as plain text
    hits = search_initiatives(kb, InitiativeFilter(q="installatie dag"), extra=hand_catalogue, text_search=fake_index)
    assert "f_installatie_dag" in ids(hits)


def _cosine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Spherical law of cosines: an independent formula for the same great-circle distance."""
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    return 6371.0088 * math.acos(math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl))


def test_distances_between_real_places(kb, make_ini):
    """An initiative placed at the centroid of gebied B is as far from gebied A as the formula says."""
    gebieden = sorted(kb.gebieden.values(), key=lambda g: g.id)
    a, b = gebieden[0], gebieden[-1]
    place = resolve_place(kb, a.naam)
    ini = make_ini("op_b", 0.0, locatie={"precisie": "gemeente", "lat": b.lat, "lon": b.lon})
    hit = search_initiatives(None, InitiativeFilter(near=a.naam), extra=[ini], place=place)[0]
    assert hit.afstand_km == pytest.approx(_cosine_km(place.lat, place.lon, b.lat, b.lon), abs=0.01)


def test_reference_distance_rotterdam_den_haag(make_ini):
    """Rotterdam Centraal to Den Haag Centraal is about 18.5 km in a straight line."""
    rdam = Place(query="rdam", naam="Rotterdam Centraal", soort="adres", lat=51.9249, lon=4.4690)
    dh = make_ini("dh_cs", locatie={"precisie": "adres", "lat": 52.0809, "lon": 4.3243})
    hit = search_initiatives(None, InitiativeFilter(near="Rotterdam Centraal"), extra=[dh], place=rdam)[0]
    assert hit.afstand_km == pytest.approx(_cosine_km(51.9249, 4.4690, 52.0809, 4.3243), abs=0.01)
    assert 18 < hit.afstand_km < 20


def test_near_on_real_knowledge_base(kb):
    hits = search_initiatives(kb, InitiativeFilter(near="3083", km=5))
    local = [h.afstand_km for h in hits if not h.landelijk_online]
    assert local and local == sorted(local) and max(local) <= 5
    assert all(h.afstand_km is None for h in hits if h.landelijk_online)


def test_unknown_place_is_a_value_error(kb):
    with pytest.raises(ValueError, match="geen bekende"):
        search_initiatives(kb, InitiativeFilter(near="Atlantis"))


def test_result_dumps_to_json_with_flag(hand_catalogue):
    data = run(hand_catalogue, near="Testplein")[0].model_dump(mode="json")
    assert set(data) == {"initiatief", "afstand_km", "score", "landelijk_online", "volgende_datum"}
    assert data["initiatief"]["id"] == "f_installatie_dag"


def test_trusted_hit_equals_validated_hit(hand_catalogue):
    fast = InitiativeHit.trusted(hand_catalogue[0], 1.5, None)
    assert fast == InitiativeHit(initiatief=hand_catalogue[0], afstand_km=1.5)
    assert fast.model_dump() == InitiativeHit(initiatief=hand_catalogue[0], afstand_km=1.5).model_dump()


def test_synthetic_catalogue_is_valid_and_deterministic():
    a, b = synthetic_catalogue(300, seed=7), synthetic_catalogue(300, seed=7)
    assert a == b and len({i.id for i in a}) == 300
    assert synthetic_catalogue(50, seed=8) != synthetic_catalogue(50, seed=7)
    lats = [i.locatie.lat for i in a if i.locatie.lat is not None]
    assert min(lats) > 51.7 and max(lats) < 52.3  # in the MRDH area
    assert any(i.bereik == "landelijk" for i in a)


def test_search_is_fast_on_10k(hand_catalogue):
    """A loose guard (the closing note reports the real figures): median under 50 ms on 10,000."""
    import statistics
    import time

    cat = synthetic_catalogue(10_000, seed=1)
    search_initiatives(None, InitiativeFilter(), extra=cat)  # build the index once
    times = []
    for flt in [
        InitiativeFilter(schooltypen=["vmbo"]),
        InitiativeFilter(near="x", km=10),
        InitiativeFilter(q="robot"),
        InitiativeFilter(doelgroepen=["ouders"], praktijk=["veel"]),
    ] * 5:
        t = time.perf_counter()
        search_initiatives(None, flt, extra=cat, place=ORIGIN if flt.near else None)
        times.append(time.perf_counter() - t)
    assert statistics.median(times) < 0.05


def test_latency_benchmark_runs_on_a_small_catalogue(kb):
    from app.bench.initiative_search import query_mix, search_latency

    assert query_mix(30) == query_mix(30)  # the same mix every run
    result = search_latency(n=500, seed=3, kb=kb, queries=30)
    assert result.n_queries == 30 and result.n_initiatieven == 500 + len(kb.initiatieven)
    assert 0 < result.median_ms <= result.p95_ms <= result.max_ms


@pytest.mark.parametrize(
    ("dimension", "text", "code"),
    [
        # row labels as printed in the report's tables 3.1-3.6
        ("schooltype", "Primair onderwijs", "po"),
        ("schooltype", "Voortgezet onderwijs – onderbouw", "vo_onderbouw"),
        ("schooltype", "Voortgezet onderwijs – bovenbouw", "vo_bovenbouw"),
        ("schooltype", "Vmbo", "vmbo"),
        ("doelgroep", "Migratieachtergrond", "migratieachtergrond"),
        ("doelgroep", "Leraren", "leraren"),
        ("activiteit", "Samenwerking scholen en bedrijven", "samenwerking_school_bedrijf"),
        ("activiteit", "Bemiddeling/promotie leerwerkplekken mbo", "leerwerkplekken"),
        ("activiteit", "Gastlessen/lesprogramma’s", "gastles"),
        ("activiteit", "Informatievoorziening", "informatie"),
        ("activiteit", "Open dagen/proefstuderen", "open_dag"),
        ("activiteit", "Wedstrijden/online activiteit", "wedstrijd_online"),
        ("praktijk", "Deels", "deels"),
        ("branche", "IT/ICT", "ict"),
        ("branche", "Technologie en wetenschap", "technologie_wetenschap"),
        ("branche", "Techniek breed", "techniek_breed"),
        ("bereik", "Landelijk/online", "landelijk"),
        ("lokaal_soort", "Jet-Net clusters", "jet_net"),
    ],
)
def test_report_labels_map_to_codes(dimension, text, code):
    from recommender.initiatives.codes import to_code

    assert to_code(dimension, text) == code


def test_hits_are_frozen_and_plain_results_are_reused(hand_catalogue):
    from pydantic import ValidationError

    first, again = run(hand_catalogue), run(hand_catalogue, praktijk=["veel"])
    assert again[0] is next(h for h in first if h.initiatief.id == again[0].initiatief.id)
    with pytest.raises(ValidationError):
        first[0].score = 1.0

"""Pure-function tests on a tiny hand-built knowledge base (no data files needed)."""
from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from recommender.activities import bereikt, rank_activiteiten, schooltypen_initiatief
from recommender.advies import recommend
from recommender.profile import Profiel, ProfielError
from recommender.routes import MARKT_PUNTEN, RouteInfo, kies_divers, niveau_past, route_index, toelaatbaar
from recommender.scoring import interesse_punten, score_route

CHARLOIS = (51.88, 4.47)


def _p(**kw: object) -> Profiel:
    base: dict[str, object] = {"leerjaar": "vo3", "schooltype": "vmbo-kb", "interesses": ["elektro"]}
    base.update(kw)
    return Profiel.model_validate(base)


def _route(kb: KnowledgeBase, id_: str) -> RouteInfo:
    return next(r for r in route_index(kb).routes if r.id == id_)


def test_niveau_rule() -> None:
    assert niveau_past("vmbo-bb", 2) == (True, False)
    assert niveau_past("vmbo-bb", 1) == (True, True)
    assert niveau_past("vmbo-bb", 3) == (False, False)
    assert niveau_past("vmbo-tl", 2) == (True, True)
    assert niveau_past("vmbo-kb", 4) == (True, False)
    assert niveau_past("havo", 3) == (False, False)
    assert niveau_past("vwo", 4) == (True, False)


def test_admissible_vooropleiding_and_leerweg(tiny_kb: KnowledgeBase) -> None:
    n4 = _route(tiny_kb, "installatie_n4")  # BOL only
    assert toelaatbaar(n4, "vmbo-kb", "BOL")
    assert not toelaatbaar(n4, "vmbo-kb", "BBL")
    assert toelaatbaar(n4, "vmbo-kb", "weet_niet")
    assert not toelaatbaar(n4, "vmbo-bb", "weet_niet")  # niveau 4 never direct for bb
    assert not toelaatbaar(_route(tiny_kb, "elektro_n2"), "havo", "weet_niet")


def test_unsourced_label_gives_no_bonus(tiny_kb: KnowledgeBase) -> None:
    # laborant has groot_tekort, but only from our own classification: 0 points, no label.
    lab = _route(tiny_kb, "lab_n4")
    assert lab.markt is None
    s = score_route(lab, _p(interesses=["natuur_proefjes"]), None)
    assert s is not None and s.delen["arbeidsmarkt"] == 0.0
    assert _route(tiny_kb, "elektro_n3").markt.punten == MARKT_PUNTEN["groot_tekort"]  # type: ignore[union-attr]


def test_no_interest_link_no_route(tiny_kb: KnowledgeBase) -> None:
    assert score_route(_route(tiny_kb, "elektro_n3"), _p(interesses=["zorg_welzijn"]), None) is None
    adv = recommend(tiny_kb, _p(interesses=["zorg_welzijn", "sport_bewegen"]))
    assert adv.routes == []
    assert any("geen technische interesses" in m["nl"] for m in adv.meldingen)


def test_interest_points_focus() -> None:
    kb_like = RouteInfo(
        id="x", naam="x", niveau=3, leerwegen=("BOL",), richting="ict", duur_jaren=None, vmbo_profielen=(),
        vooropleidingen=frozenset({"vmbo-kb"}), beroep_ids=("b",), beroep_namen=("B",),
        beroep_interesses=(frozenset({"bouwen"}),),
        opl_interesses=frozenset({"elektro", "machines"}), interesses=frozenset({"elektro", "machines", "bouwen"}),
        werk=frozenset(), markt=None, locaties=(), bronnen=("rap",), heeft_bron=True,
    )
    punten, match = interesse_punten(["elektro"], kb_like)
    assert match == ("elektro",) and punten == pytest.approx(2.0 + 0.5)
    punten, _ = interesse_punten(["elektro", "machines"], kb_like)
    assert punten == pytest.approx(3.0)
    assert interesse_punten(["logistiek"], kb_like) == (0.0, ())


def test_distance_part_and_nearest(tiny_kb: KnowledgeBase) -> None:
    s = score_route(_route(tiny_kb, "elektro_n3"), _p(wijk="Charlois", max_reisafstand_km=10), CHARLOIS)
    assert s is not None and s.dichtstbij is not None
    assert s.dichtstbij.school == "mbo_a" and s.dichtstbij.km < 2
    assert 0.8 < s.delen["afstand"] <= 1.0
    far = score_route(_route(tiny_kb, "installatie_n4"), _p(interesses=["energie_duurzaamheid"],
                                                            max_reisafstand_km=10), CHARLOIS)
    assert far is not None and far.delen["afstand"] == -1.0  # ~23 km away with a 10 km maximum


def test_lower_niveau_penalty_and_profile_bonus(tiny_kb: KnowledgeBase) -> None:
    tl = score_route(_route(tiny_kb, "elektro_n2"), _p(schooltype="vmbo-tl"), None)
    assert tl is not None and tl.lager_niveau and tl.delen["aansluiting"] == -1.0
    kb_ = score_route(_route(tiny_kb, "elektro_n3"), _p(profiel="PIE"), None)
    assert kb_ is not None and kb_.delen["aansluiting"] == 0.5


def test_belangrijk_parts(tiny_kb: KnowledgeBase) -> None:
    s = score_route(_route(tiny_kb, "installatie_n4"),
                    _p(interesses=["energie_duurzaamheid"], belangrijk=["doorleren_hbo", "snel_geld"]), None)
    assert s is not None and s.belangrijk == ("doorleren_hbo",)  # BOL only: no snel_geld point
    assert s.delen["belangrijk"] == 1.0


def test_diversity_one_per_family(tiny_kb: KnowledgeBase) -> None:
    adv = recommend(tiny_kb, _p(interesses=["elektro", "energie_duurzaamheid"], schooltype="vmbo-tl"))
    fams = [(r.opleiding.richting, r.opleiding.niveau) for r in adv.routes]
    assert len(fams) == len(set(fams))
    beroepen = [b for r in adv.routes for b in r.beroep_ids]
    assert len(beroepen) == len(set(beroepen))  # elektro_n2 and elektro_n3 share a beroep: only one shown


def test_kies_divers_prefers_new_richting(tiny_kb: KnowledgeBase) -> None:
    routes = [_route(tiny_kb, i) for i in ("elektro_n3", "elektro_n2", "installatie_n3", "lab_n4")]
    assert [r.id for r in kies_divers(routes, 3)] == ["elektro_n3", "installatie_n3", "lab_n4"]


def test_activity_filters(tiny_kb: KnowledgeBase) -> None:
    acts = rank_activiteiten(tiny_kb, _p(wijk="Charlois", max_reisafstand_km=10), CHARLOIS, n=10)
    ids = [a.id for a in acts]
    assert "dichtbij_elektro" in ids and ids[0] == "dichtbij_elektro"
    assert "ver_weg" not in ids  # beyond the maximum distance
    assert "alleen_po" not in ids and "voor_ouders" not in ids  # wrong schooltype / not asked for parents
    assert "bouw_only" not in ids  # branche does not match an elektro interest
    landelijk = next(a for a in acts if a.id == "landelijk_online")
    assert landelijk.landelijk and landelijk.afstand_km is None
    ouders = rank_activiteiten(tiny_kb, _p(wijk="Charlois", doelgroep_activiteiten=["ouders"]), CHARLOIS, n=10)
    assert "voor_ouders" in [a.id for a in ouders]


def test_bereikt_phase_and_type() -> None:
    vo1 = schooltypen_initiatief("vmbo-kb", "vo1")
    assert bereikt(["vmbo"], vo1)
    assert not bereikt(["vo_bovenbouw", "vmbo"], vo1)
    assert bereikt(["vo_onderbouw"], vo1)
    assert not bereikt(["havo", "vwo"], vo1)
    assert bereikt(["po"], schooltypen_initiatief("po", "groep8"))
    assert not bereikt(["vmbo", "vo_onderbouw"], schooltypen_initiatief("po", "groep8"))


def test_zonder_techniekprofiel(tiny_kb: KnowledgeBase) -> None:
    adv = recommend(tiny_kb, _p(school="vmbo_zonder", profiel="DP", wijk="Charlois"))
    zt = adv.zonder_techniekprofiel
    assert zt is not None and zt.school == "vmbo_zonder"
    assert [s.id for s in zt.scholen_met_techniekprofiel] == ["vmbo_met"]
    assert {d.profiel for d in zt.doorstroom} == {"DP"} and zt.doorstroom[0].waarde == 27.0
    soorten = [m.soort for m in zt.mogelijkheden]
    assert "keuzevakken" in soorten and "doorstroom" in soorten
    assert "praktijkgericht_programma" not in soorten  # only for vmbo-gl/-tl
    assert recommend(tiny_kb, _p(school="vmbo_met")).zonder_techniekprofiel is None
    onbekend = recommend(tiny_kb, _p(school="vmbo_onbekend"))
    assert onbekend.zonder_techniekprofiel is None
    assert any("weten we niet" in m["nl"] for m in onbekend.meldingen)


def test_unknown_school_or_place(tiny_kb: KnowledgeBase) -> None:
    with pytest.raises(ProfielError, match="staat niet in de kennisbank"):
        recommend(tiny_kb, _p(school="bestaat_niet"))
    with pytest.raises(ProfielError, match="geen bekende postcode"):
        recommend(tiny_kb, _p(wijk="Atlantis"))

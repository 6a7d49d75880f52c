"""Round 7 (review 6, issue 13): what a route says it leads to, from its main beroep; open days that fit the routes.

* defect 1: an mbo 4 diploma admits to the hbo, not to a wo bachelor. No mbo route card offers wo as its next step,
  and a wo direction in the havo/vwo list is never "ook via mbo 4"; wo behind an mbo 4 route is named via the hbo.
* defect 5: the work-preference sentence speaks of the main (first) beroep; another beroep is named as a side one.
  The route-level labour-market tag says which beroep (or opleiding, or the whole sector) it is about.
* open days claim a fit only for an interest a route opleiding at that school is about; one instelling gets one
  open day unless its locations give different routes of the pupil.
"""

from __future__ import annotations

import contextlib
import io

import pytest

from knowledge import KnowledgeBase
from knowledge.vocab import TECHNISCHE_INTERESSES, WERKVOORKEUREN
from recommender.advies import recommend
from recommender.models import Advies
from recommender.profile import Profiel
from recommender.routes import route_index
from recommender.scoring import werk_punten
from tests.recommender.helpers import REVIEW_PERSONAS, review_persona

NAMEN = sorted(p.stem for p in REVIEW_PERSONAS.glob("R*.json"))


def _persona(naam: str) -> Profiel:
    return Profiel.model_validate(review_persona(naam))


def _geen_wo_na_mbo(a: Advies) -> None:
    for r in a.routes:
        assert all(v.soort == "hbo" for v in r.vervolg), (r.opleiding.naam, [v.naam for v in r.vervolg])
        if r.wo_via_hbo:
            assert r.opleiding.niveau == 4
            assert "hbo" in r.wo_via_hbo["nl"] and "algemene kennis" in r.wo_via_hbo["nl"]
            assert set(r.wo_via_hbo) == set(a.talen)
    fa = a.fase_advies
    for v in fa.vervolg if fa else []:
        assert v.soort == "hbo" or not v.via, f"wo {v.naam} 'ook via mbo 4: {v.via}'"


def _cli_text(a: Advies) -> str:
    from app.commands.recommend_cmd import _print_human

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        _print_human(a)
    return buf.getvalue()


@pytest.mark.parametrize("naam", NAMEN)
def test_no_persona_is_offered_wo_straight_after_mbo(kb: KnowledgeBase, naam: str) -> None:
    a = recommend(kb, _persona(naam))
    _geen_wo_na_mbo(a)
    tekst = _cli_text(a)
    assert "daarna wo" not in tekst
    for regel in tekst.splitlines():
        if regel.split(". ", 1)[-1].startswith("wo "):
            assert "ook via mbo 4" not in regel, regel


@pytest.mark.parametrize(
    ("leerjaar", "schooltype"), [("vo4", "vmbo-tl"), ("vo4", "vmbo-kb"), ("vo5", "havo"), ("vo6", "vwo")]
)
def test_no_route_in_the_catalogue_offers_wo_after_mbo(kb: KnowledgeBase, leerjaar: str, schooltype: str) -> None:
    """Property over the catalogue: every technical interest, many routes each, never wo straight after mbo."""
    gezien_wo = False
    for interesse in TECHNISCHE_INTERESSES:
        p = Profiel.model_validate(
            {"leerjaar": leerjaar, "schooltype": schooltype, "interesses": [interesse], "gemeente": "Rotterdam"}
        )
        a = recommend(kb, p, n=12)
        _geen_wo_na_mbo(a)
        gezien_wo |= any(r.wo_via_hbo for r in a.routes)
    # the data does hold wo directions behind mbo 4 routes: they are said via the hbo, not dropped unseen
    assert any(v.soort == "wo" for o in kb.opleidingen.values() for v in o.vervolg)
    if schooltype in ("vmbo-tl", "vmbo-kb"):
        assert gezien_wo


def test_wo_via_hbo_is_said_in_every_language(kb: KnowledgeBase) -> None:
    p = _persona("R45")
    a = recommend(kb, p)
    met = [r for r in a.routes if r.wo_via_hbo]
    assert met, "R45 has an mbo 4 elektro route with wo Elektrotechniek in the data"
    for r in met:
        for taal, zin in r.wo_via_hbo.items():
            assert "hbo" in zin and "{" not in zin, (taal, zin)


def test_a_side_beroep_work_match_is_named_as_a_side_beroep() -> None:
    """Property over every route and every work preference: the beroep the sentence names is the main one, or it
    is flagged as a side beroep (the explanation then first says what the route mainly leads to)."""
    from knowledge.loader import load_knowledge

    kb = load_knowledge()
    bij = 0
    for route in route_index(kb).routes:
        if not route.beroepen:
            continue
        for w in WERKVOORKEUREN:
            wm = werk_punten([w], route)
            if wm.match and wm.beroep != route.beroepen[0].naam:
                assert wm.bijberoep, (route.naam, w, wm.beroep)
                bij += 1
            if wm.match and wm.beroep == route.beroepen[0].naam:
                assert not wm.bijberoep
    assert bij > 0


def test_the_main_beroep_wins_on_equal_work(kb: KnowledgeBase) -> None:
    """When the main beroep matches, the sentence names it, never a side beroep with the same work."""
    for route in route_index(kb).routes:
        if len(route.beroepen) < 2:
            continue
        for w in WERKVOORKEUREN:
            if w in route.beroepen[0].werk:
                wm = werk_punten([w], route)
                assert wm.beroep == route.beroepen[0].naam and not wm.bijberoep, (route.naam, w)


def test_the_work_sentence_of_R45_and_R46_is_about_the_main_beroep(kb: KnowledgeBase) -> None:
    for naam in ("R45", "R46"):
        a = recommend(kb, _persona(naam))
        for r in a.routes:
            if r.werk_beroep and r.werk_match and r.werk_beroep != r.beroepen[0]:
                assert "leidt vooral naar werk als " + r.beroepen[0] in r.uitleg["nl"], (naam, r.opleiding.naam)


@pytest.mark.parametrize("naam", NAMEN)
def test_the_route_tag_is_about_the_main_beroep_or_says_sector(kb: KnowledgeBase, naam: str) -> None:
    a = recommend(kb, _persona(naam))
    for r in a.routes:
        if r.arbeidsmarkt_schaal == "beroep":
            assert r.arbeidsmarkt_over == r.beroepen[0], (r.opleiding.naam, r.arbeidsmarkt_over)
        elif r.arbeidsmarkt_schaal == "opleiding":
            assert r.arbeidsmarkt_over == r.opleiding.naam
        elif r.arbeidsmarkt_schaal == "sector":
            assert r.arbeidsmarkt_over is None
        if r.arbeidsmarkt_schaal:
            assert r.arbeidsmarkt_bron
    tekst = _cli_text(a)
    for regel in tekst.splitlines():
        if regel.strip().startswith("arbeidsmarkt (sector"):
            assert "hele sector" in regel


def _instelling(kb: KnowledgeBase, school: str) -> str:
    rec = kb.scholen.get(school)
    return (rec.instelling or school) if rec else school


@pytest.mark.parametrize("naam", NAMEN)
def test_an_open_day_claims_a_fit_only_for_a_route_opleiding_there(kb: KnowledgeBase, naam: str) -> None:
    a = recommend(kb, _persona(naam))
    aanbod: dict[str, dict[str, set[str]]] = {}
    for r in a.routes:
        for loc in kb.opleidingen[r.opleiding.id].locaties:
            # an opleiding placed only at the instelling (meerdere locaties) may be at any of its locations
            hier = [loc.school, *(sid for sid, sch in kb.scholen.items() if sch.instelling == loc.school)]
            for school in hier:
                aanbod.setdefault(school, {})[r.opleiding.id] = set() if r.raakvlak else set(r.passende_interesses)
    per_instelling: dict[str, list[set[str]]] = {}
    for act in a.activiteiten:
        if not act.open_dag_van:
            continue
        hier = aanbod.get(act.open_dag_van, {})
        for i in act.passende_interesses:
            assert any(i in over for over in hier.values()), (act.naam, i)
        if "passen bij je interesse" in act.reden:
            assert act.passende_interesses
        per_instelling.setdefault(_instelling(kb, act.open_dag_van), []).append(set(hier))
    for instelling, sets in per_instelling.items():
        # a second open day of one instelling only when it gives a route of the pupil the first ones do not
        for k in range(1, len(sets)):
            assert not sets[k] <= set().union(*sets[:k]), (naam, instelling)


def test_R37_gets_fewer_TCR_open_days_and_R01_no_misfit(kb: KnowledgeBase) -> None:
    r37 = recommend(kb, _persona("R37"))
    tcr = [x for x in r37.activiteiten if x.open_dag_van and _instelling(kb, x.open_dag_van) == "mbo_tcr"]
    # review 6 saw four TCR open days; a second one only where a route of hers is given that the first lacks
    # (a location that gives one of her routes by name; the instelling-wide routes may be at any location)
    assert 1 <= len(tcr) <= 2
    r01 = recommend(kb, _persona("R01"))
    for x in r01.activiteiten:
        if x.open_dag_van:
            assert "tekenen_ontwerpen" not in x.passende_interesses or any(
                loc.school == x.open_dag_van
                for r in r01.routes
                if not r.raakvlak
                for loc in kb.opleidingen[r.opleiding.id].locaties
            )


def test_the_RET_is_public_transport_not_cars(kb: KnowledgeBase) -> None:
    ret = kb.initiatieven["ini_ret"]
    assert "autos_motoren" not in ret.interesses
    for naam in ("R04", "R27", "R32"):
        a = recommend(kb, _persona(naam))
        for x in a.activiteiten:
            if x.id == "ini_ret":
                assert "autos_motoren" not in x.passende_interesses

"""Ranking a decaan can explain (review 8, defect 3 and R39/R47): the own vmbo profiel wins a near tie and a route
outside it says so in the list; the usual first route for the first interest leads a near tie; niveau 2 does not fill
the list of a gl/tl pupil while a route at niveau 3/4 with a comparable fit is left."""

from __future__ import annotations

from knowledge import KnowledgeBase
from knowledge.i18n import LANGUAGES
from recommender.explain import ander_profiel_tekst
from recommender.scoring import ANDER_PROFIEL
from tests.recommender.helpers import advies, review_persona


def test_own_profiel_first_and_other_profiel_marked(kb: KnowledgeBase) -> None:
    a = advies(kb, **review_persona("R39"))  # kb3 MaT, port + machines
    top = a.routes[0]
    assert top.ander_profiel is None and top.score_delen["aansluiting"] > 0
    # since review 9 Maritiem officier has no labour line (STO A.3.3 does not speak of sailing), so it no longer wins
    # the near tie on borrowed points; the port routes in the own profiel stay near the top
    assert any("haven_schepen" in r.passende_interesses and r.ander_profiel is None for r in a.routes[:3])
    assert any(r.ander_profiel for r in a.routes)
    for r in a.routes:
        if r.ander_profiel:
            assert r.ander_profiel == "MaT" and r.score_delen["aansluiting"] <= -ANDER_PROFIEL
            for taal in LANGUAGES:
                assert "MaT" in (ander_profiel_tekst(r, taal) or "")
        else:
            assert r.score_delen["aansluiting"] > 0 and ander_profiel_tekst(r, "nl") is None


def test_without_a_profiel_no_route_is_marked(kb: KnowledgeBase) -> None:
    a = advies(kb, **review_persona("R15"))
    assert a.routes and all(r.ander_profiel is None and r.score_delen["aansluiting"] == 0 for r in a.routes)


def test_main_route_of_the_first_interest_leads_a_near_tie(kb: KnowledgeBase) -> None:
    a = advies(kb, **review_persona("R37"))  # energie, handen + buiten: gas/water scored a little higher
    top = a.routes[0]
    assert top.hoofdroute_voor == ["energie_duurzaamheid"]
    assert max(r.score for r in a.routes) > top.score  # it really was a near tie, not the highest score


def test_a_route_fitting_more_interests_keeps_first_place(kb: KnowledgeBase) -> None:
    a = advies(kb, **review_persona("R22"))  # machines + auto's: mobiele werktuigen fits both
    assert set(a.routes[0].passende_interesses) == {"machines", "autos_motoren"}
    assert not a.routes[0].hoofdroute


def test_no_niveau_2_filler_for_gl_while_niveau_3_fits(kb: KnowledgeBase) -> None:
    # R47's interests (bouwen + auto's) in klas 3 gl, where the full list of five routes is shown (groep 8 sees
    # a horizon of three since round 9)
    profile = {**review_persona("R47"), "leerjaar": "vo3", "schooltype": "vmbo-gl"}
    profile.pop("schooladvies")
    a = advies(kb, **profile)
    assert len(a.routes) == 5 and all(r.opleiding.niveau >= 3 for r in a.routes)
    horizon = advies(kb, **review_persona("R47"))
    assert horizon.routes and all(r.opleiding.niveau >= 3 for r in horizon.routes)


def test_a_non_technical_interest_on_a_technical_route_is_named_a_raakvlak(kb: KnowledgeBase) -> None:
    a = advies(kb, **{**review_persona("R44"), "taal_ouders": "tr"})  # groep 7, machines + dieren: loonwerk first
    top = a.routes[0]
    assert set(top.passende_interesses) == {"machines", "dieren_natuur"}
    assert "Met dieren en de natuur heeft deze opleiding alleen een raakvlak" in top.uitleg["nl"]
    assert "kısmen" in top.uitleg["tr"]
    # a route about machines only says nothing of the sort
    assert all("alleen een raakvlak" not in r.uitleg["nl"] for r in a.routes if r.passende_interesses == ["machines"])


def test_no_mark_on_every_route_when_none_connects_to_the_own_profiel(kb: KnowledgeBase) -> None:
    a = advies(kb, **review_persona("R27"))  # kb3 Z&W, cars: the intake notice says it once
    assert a.routes and all(r.ander_profiel is None for r in a.routes)
    assert any(w.soort == "profiel_sluit_niet_aan" for w in a.waarschuwingen)

"""The main-route mark says for which of the pupil's interests the route is the usual first one (review 8: a bare
"hoofdroute" on route #3 could not be explained to a pupil)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge import KnowledgeBase
from knowledge.i18n import LANGUAGES
from recommender.explain import hoofdroute_tekst, interesses_tekst
from tests.recommender.helpers import REVIEW_PERSONAS, advies

PERSONAS = sorted(REVIEW_PERSONAS.glob("R*.json"))


@pytest.mark.parametrize("path", PERSONAS, ids=lambda p: p.stem)
def test_every_main_route_names_the_interests_it_is_first_for(kb: KnowledgeBase, path: Path) -> None:
    profile = json.loads(path.read_text(encoding="utf-8"))
    a = advies(kb, **profile)
    for route in a.routes:
        if route.hoofdroute:
            assert route.hoofdroute_voor and set(route.hoofdroute_voor) <= set(profile.get("interesses", []))
        else:
            assert not route.hoofdroute_voor


def test_the_mark_reads_with_the_interest_in_every_language(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["bouwen"], postcode="3074")
    route = next(r for r in a.routes if r.hoofdroute)
    assert route.hoofdroute_voor == ["bouwen"]
    for taal in LANGUAGES:
        mark = hoofdroute_tekst(route, taal)
        assert interesses_tekst(["bouwen"], taal) in mark and f"niveau {route.opleiding.niveau}" in mark


def test_two_marked_routes_say_their_own_niveau(kb: KnowledgeBase) -> None:
    """A route at niveau 4 and one at niveau 3 can both be the usual first route of one interest; the mark
    names the niveau so a decaan does not read two "first" routes (R46 after round 9)."""
    a = advies(kb, **json.loads((REVIEW_PERSONAS / "R46.json").read_text(encoding="utf-8")))
    marked = [r for r in a.routes if r.hoofdroute]
    assert len({r.opleiding.niveau for r in marked}) == len(marked) >= 2
    assert len({hoofdroute_tekst(r, "nl") for r in marked}) == len(marked)

"""Round 3 of the decaan review (issue 13): which routes are chosen, and the next step for pupils whose
interests lie outside techniek. Each test runs on the REAL knowledge base and fails on the old behaviour."""

from __future__ import annotations

import json
from typing import Any

import pytest

from knowledge.i18n import LANGUAGES
from knowledge.loader import KnowledgeBase
from recommender.advies import recommend, score_alle
from recommender.profile import parse_profiel
from recommender.routes import RICHTING_KERN
from tests.recommender.helpers import REVIEW_PERSONAS, advies

PERSONAS = REVIEW_PERSONAS


def test_every_richting_says_what_it_is_about() -> None:
    from knowledge.vocab import MBO_RICHTINGEN

    assert set(RICHTING_KERN) == set(MBO_RICHTINGEN)


def test_pure_elektro_interest_gets_elektro_routes_before_car_or_podium(kb: KnowledgeBase) -> None:
    """R20 (kb3, elektro, max 5 km): no car or podium route while elektro/installatie routes remain."""
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["elektro"], postcode="3024", max_reisafstand_km=5)
    richtingen = [r.opleiding.richting for r in a.routes]
    assert len(a.routes) == 5
    assert set(richtingen) <= {"elektrotechniek", "installatie_energie"}, richtingen
    assert not any(r.raakvlak for r in a.routes)


def test_side_link_is_labelled_and_ranked_after_routes_about_the_interest(kb: KnowledgeBase) -> None:
    """R09 (havo, elektro, BBL): only two elektro routes at niveau 4 with BBL; the car route may follow,
    labelled as a raakvlak that names what it is about, in every language; the podium route is gone."""
    a = advies(
        kb,
        leerjaar="vo4",
        schooltype="havo",
        interesses=["elektro"],
        leerweg_voorkeur="BBL",
        wijk="Hoogvliet",
        max_reisafstand_km=3,
        taal_ouders="ar",
    )
    namen = [r.opleiding.naam for r in a.routes]
    assert "Podium- en evenemententechnicus" not in namen
    vlag = [r.raakvlak for r in a.routes]
    assert vlag == sorted(vlag), "every route about the interest comes before every raakvlak"
    for r in a.routes:
        if r.raakvlak:
            assert "gaat vooral over" in r.uitleg["nl"] and "raakvlak" in r.uitleg["nl"]
            assert "past daarbij" not in r.uitleg["nl"]
    assert a.routes[0].opleiding.richting == "elektrotechniek" and not a.routes[0].raakvlak


def test_drawing_pupil_gets_media_first_and_no_animal_side_route(kb: KnowledgeBase) -> None:
    """R01 (tl3, tekenen + dieren, creatief + schoon/binnen): Mediavormgever before bouwkunde; the loonwerk
    route (outdoors, only a side link to animals) is no longer shown."""
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-tl",
        interesses=["tekenen_ontwerpen", "dieren_natuur"],
        werkvoorkeuren=["creatief", "schoon_binnen"],
        wijk="Rokkeveen",
    )
    namen = [r.opleiding.naam for r in a.routes]
    assert namen[0] == "Mediavormgever"
    assert not any("groen, grond en infra" in n for n in namen)
    bouwkunde = [r for r in a.routes if r.opleiding.naam == "Middenkaderfunctionaris bouwkunde"]
    assert not bouwkunde or bouwkunde[0].raakvlak


def test_making_pupil_sees_car_body_repair_only_as_a_labelled_raakvlak(kb: KnowledgeBase) -> None:
    """R19 (bb3, maken/ontwerpen, handen + creatief): Autoschadehersteller is about cars; if shown, then
    after the making routes and labelled."""
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-bb",
        interesses=["maken_ontwerpen"],
        werkvoorkeuren=["handen", "creatief"],
        gemeente="Ridderkerk",
    )
    assert not a.routes[0].raakvlak and "autoschade" not in a.routes[0].opleiding.naam.lower()
    for i, r in enumerate(a.routes):
        if "autoschade" in r.opleiding.naam.lower():
            assert r.raakvlak and all(x.raakvlak for x in a.routes[i:])
            assert "auto" in r.uitleg["nl"].split("gaat vooral over")[1]


def test_port_pupil_at_bb_gets_more_than_two_routes(kb: KnowledgeBase) -> None:
    """R28 (bb3 Pernis, haven, buiten, BOL): the two port routes plus maritime metalwork (scheepsbouwer),
    reachable at niveau 2, labelled as a raakvlak through that beroep."""
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-bb",
        interesses=["haven_schepen"],
        werkvoorkeuren=["buiten"],
        leerweg_voorkeur="BOL",
        wijk="Pernis",
    )
    assert len(a.routes) >= 3
    assert all(r.opleiding.niveau == 2 for r in a.routes)
    extra = [r for r in a.routes if r.raakvlak]
    assert extra and all("Scheepsbouwer" in r.uitleg["nl"] for r in extra)


@pytest.mark.parametrize(
    ("kw", "interesse", "school"),
    [
        (dict(leerjaar="vo3", schooltype="vmbo-kb", interesses=["zorg_welzijn"], wijk="Zuidwijk"), "zorg", "Albeda"),
        (
            dict(leerjaar="vo4", schooltype="vmbo-gl", interesses=["economie_handel", "mode_uiterlijk"], wijk="Laak"),
            "economie",
            "ROC Mondriaan",
        ),
    ],
)
def test_non_technical_pupil_gets_a_step_in_the_own_sector(
    kb: KnowledgeBase, kw: dict[str, Any], interesse: str, school: str
) -> None:
    """R05, R06: the first step names mbo schools for the pupil's own sector (general knowledge, marked) and
    kiesmbo.nl; techniek activities read as a side path; the honest 'no route' notice stays."""
    a = advies(kb, **kw, taal_ouders="tr")
    assert a.fase_advies is not None
    eerste = a.fase_advies.stappen[0]
    assert eerste.soort.startswith("eigen_sector_") and eerste.bron == "algemene_kennis"
    assert interesse in eerste.tekst["nl"] and school in eerste.tekst["nl"] and "kiesmbo.nl" in eerste.tekst["nl"]
    assert "algemene kennis" in eerste.tekst["nl"] and "kiesmbo.nl" in eerste.tekst["tr"]
    act = [s for s in a.fase_advies.stappen if s.soort == "activiteiten"]
    assert all("zijpad" in s.tekst["nl"] for s in act)
    assert any("alleen routes in de techniek" in m["nl"] for m in a.meldingen)


def test_technical_pupil_gets_no_own_sector_step(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["elektro"], wijk="Charlois")
    assert a.fase_advies is not None
    assert not any(s.soort.startswith("eigen_sector_") for s in a.fase_advies.stappen)


def test_own_sector_step_in_every_language(kb: KnowledgeBase) -> None:
    for taal in LANGUAGES:
        a = advies(
            kb, leerjaar="vo4", schooltype="vmbo-tl", interesses=["sport_bewegen"], gemeente="Gouda", taal_ouders=taal
        )
        assert a.fase_advies is not None
        stap = a.fase_advies.stappen[0]
        assert "kiesmbo.nl" in stap.tekst[taal] and "{" not in stap.tekst[taal]


def test_no_persona_loses_the_best_route_about_each_technical_interest(kb: KnowledgeBase) -> None:
    """The issue's rule on all 32 review personas: for each technical interest that an admissible route is
    about, a route about it is in the list (the best route for each interest is always among the results)."""
    for f in sorted(PERSONAS.glob("R*.json")):
        profiel = parse_profiel(json.loads(f.read_text()))
        a = recommend(kb, profiel)
        admissible = score_alle(kb, profiel, None)
        for interesse in profiel.technische_interesses():
            if any(interesse in s.route.kern for s in admissible):
                assert any(interesse in r.passende_interesses and not r.raakvlak for r in a.routes), (f.name, interesse)


def test_energy_pupil_sees_the_heat_pump_route_next_to_its_n4_chain(kb: KnowledgeBase) -> None:
    """R15 (gl3 Naaldwijk, energie + machines, BBL): Eerste monteur werktuigkundige installaties (Monteur
    warmtepompen) shares only a servicemonteur with the n4 route; a new beroep for the interest is no repeat."""
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-gl",
        interesses=["energie_duurzaamheid", "machines"],
        leerweg_voorkeur="BBL",
        wijk="Naaldwijk",
    )
    beroepen = {b for r in a.routes for b in r.beroepen}
    assert "Monteur warmtepompen" in beroepen


def test_fit_sentence_names_only_what_the_route_is_about(kb: KnowledgeBase) -> None:
    """Operator A is coded with energie but is a process route: 'Je houdt van machines ... past daarbij'."""
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-gl",
        interesses=["energie_duurzaamheid", "machines"],
        leerweg_voorkeur="BBL",
        wijk="Naaldwijk",
    )
    op = [r for r in a.routes if r.opleiding.naam == "Operator A"]
    assert op and op[0].uitleg["nl"].startswith("Je houdt van machines.")


def test_a_far_school_within_reach_still_says_we_do_not_know_every_school(kb: KnowledgeBase) -> None:
    """R17 (tl4 Delft): Analist is known only at Albeda (~13 km, within 15): the route may be given closer."""
    a = advies(
        kb,
        leerjaar="vo4",
        schooltype="vmbo-tl",
        interesses=["natuur_proefjes"],
        werkvoorkeuren=["schoon_binnen"],
        gemeente="Delft",
        taal_ouders="pl",
    )
    analist = [r for r in a.routes if r.opleiding.naam == "Analist"]
    assert analist and analist[0].afstand_km is not None and 10 < analist[0].afstand_km <= 15
    assert "kiesmbo.nl" in analist[0].uitleg["nl"] and "kiesmbo.nl" in analist[0].uitleg["pl"]
    near = [r for r in a.routes if r.afstand_km is not None and r.afstand_km <= 10]
    assert all("kiesmbo.nl" not in r.uitleg["nl"] for r in near)


def test_hbo_directions_come_only_from_routes_about_the_interest(kb: KnowledgeBase) -> None:
    """R09: hbo Automotive is not 'passend bij je interesses' for a pure elektro interest."""
    a = advies(kb, leerjaar="vo4", schooltype="havo", interesses=["elektro"], wijk="Hoogvliet", max_reisafstand_km=30)
    assert a.fase_advies is not None
    assert "Automotive" not in {v.naam for v in a.fase_advies.vervolg}


def test_a_lower_niveau_repeat_of_a_shown_chain_does_not_fill(kb: KnowledgeBase) -> None:
    """R21 (tl3, media + tekenen): Medewerker podium n2 repeats the Podium n4 beroep at a lower niveau."""
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-tl",
        interesses=["media_vormgeving", "tekenen_ontwerpen"],
        werkvoorkeuren=["creatief", "computers"],
        wijk="Den Haag Centrum",
    )
    shown: set[str] = set()
    for r in sorted(a.routes, key=lambda r: -r.opleiding.niveau):
        if r.opleiding.niveau < 3:
            assert not set(r.beroep_ids) <= shown, r.opleiding.naam
        shown.update(r.beroep_ids)
    assert "Medewerker podium- en evenemententechniek" not in [r.opleiding.naam for r in a.routes]

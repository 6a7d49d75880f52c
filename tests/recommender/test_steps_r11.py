"""Review 10 (round 11): a route's next step names only what the mentor finds in the activity list, and pupils whose
interest lies outside techniek get their own next step.

Defect 3: every activity a route's next step names ("vraag je mentor naar X") is in the advice's activity list,
with a line that says it belongs to a route (R28, R35, R48).
"""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.i18n import t
from recommender.advies import met_stap_activiteiten
from recommender.explain import van_school
from tests.recommender.helpers import advies, review_persona


@pytest.mark.parametrize("persona", ["R28", "R35", "R48"])
def test_every_activity_a_next_step_names_is_in_the_activity_list(kb: KnowledgeBase, persona: str) -> None:
    a = advies(kb, **review_persona(persona))
    genoemd = [r.volgende_stap.activiteit for r in a.routes if r.volgende_stap.activiteit]
    assert genoemd, "the persona's routes name an activity in their next step"
    lijst = {x.id for x in a.activiteiten}
    assert set(genoemd) <= lijst
    # an added step activity about the route's richting says so, not "niet over je eigen interesses"
    ander = t("advies.act_ander", "nl", branches="").split(",")[-1].strip()
    for x in a.activiteiten:
        if x.id in genoemd:
            assert ander not in x.reden


def test_step_activities_are_added_after_the_ranked_list_once(kb: KnowledgeBase) -> None:
    a = advies(kb, **review_persona("R48"))
    eerste, rest = a.activiteiten[:1], a.activiteiten[1:]
    samen = met_stap_activiteiten(eerste, [*rest, *eerste, *rest])
    assert [x.id for x in samen] == [x.id for x in a.activiteiten]  # order kept, no duplicates
    assert met_stap_activiteiten(a.activiteiten, []) == a.activiteiten


def test_an_open_day_of_someone_else_is_introduced_as_another_open_day(kb: KnowledgeBase) -> None:
    """R20: "ga naar een open dag bij Alexandrium ... Of doe mee met IW, open dag ..." read as the same open day."""
    a = advies(kb, **review_persona("R20"))
    ander = [r.volgende_stap for r in a.routes if r.volgende_stap.activiteit_open_dag_ander]
    assert ander, [r.volgende_stap.tekst["nl"] for r in a.routes]
    voor = t("advies.stap_activiteit_open_dag_ander", "nl", activiteit="").rstrip(".: ")
    for stap in ander:
        assert stap.school_naam and voor in stap.tekst["nl"]
        assert stap.activiteit_naam and f"{voor}: {stap.activiteit_naam}" in stap.tekst["nl"]


def test_the_schools_own_day_is_not_called_another_schools(kb: KnowledgeBase) -> None:
    a = advies(kb, **review_persona("R20"))
    stap = next(r.volgende_stap for r in a.routes if r.volgende_stap.activiteit_open_dag_ander)
    act = next(x for x in a.activiteiten if x.id == stap.activiteit)
    assert not van_school(kb, stap.school, stap.school_naam, act)
    # a day organised by the school's own instelling ("Techniek College Rotterdam" for its Alexandrium location)
    eigen = act.model_copy(update={"organisator": "Techniek College Rotterdam"})
    assert stap.school_naam and stap.school_naam.startswith("Techniek College Rotterdam")
    assert van_school(kb, stap.school, stap.school_naam, eigen)


def _eigen_sector_tekst(a: object, taal: str = "nl") -> str:
    from recommender.models import Advies

    assert isinstance(a, Advies)
    stappen = [st for st in (a.fase_advies.stappen if a.fase_advies else []) if st.soort.startswith("eigen_sector")]
    return " ".join(st.tekst[taal] for st in stappen)


@pytest.mark.parametrize("persona", ["R01", "R14", "R44"])
def test_an_animal_lover_hears_the_usual_mbo_direction_as_general_knowledge(kb: KnowledgeBase, persona: str) -> None:
    """Review 10, defect 2: beside the groen raakvlak route, the own-sector pointer says that dierverzorging is the
    usual mbo direction, marked as general knowledge and without a figure (as a zorg pupil hears about zorg)."""
    a = advies(kb, **review_persona(persona))
    tekst = _eigen_sector_tekst(a)
    assert t("advies.eigen_sector_richting_dieren", "nl") in tekst, tekst
    assert not any(c.isdigit() for c in t("advies.eigen_sector_richting_dieren", "nl"))
    assert "algemene kennis" in t("advies.eigen_sector_richting_dieren", "nl")
    st = next(s for s in a.fase_advies.stappen if "dierverzorging" in s.tekst["nl"]) if a.fase_advies else None
    assert st is not None and st.bron == "algemene_kennis"


def test_a_havo_animal_lover_hears_hbo_directions_without_school_names(kb: KnowledgeBase) -> None:
    a = advies(kb, **review_persona("R34"))
    tekst = _eigen_sector_tekst(a)
    assert t("advies.eigen_sector_hbo_richting_dieren", "nl") in tekst, tekst
    assert "dierverzorging" not in tekst  # the mbo line is not the havo pupil's next step


def test_a_zorg_pupil_gets_no_animal_direction(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["zorg_welzijn"], wijk="Zuidwijk")
    assert "dierverzorging" not in _eigen_sector_tekst(a)


def test_a_region_bound_sector_line_says_in_the_route_that_it_is_not_the_pupils_region(kb: KnowledgeBase) -> None:
    """R06 (Den Haag): the logistics routes' Rotterdam-Zuid shortage line says in the route itself that Den Haag is
    not part of that region, as the advice's notice does."""
    a = advies(kb, **review_persona("R06"))
    zin = t("advies.markt_andere_regio_route", "nl", regio="Rotterdam Zuid", gemeente="Den Haag")
    met_regio = [r for r in a.routes if "Rotterdam Zuid" in r.uitleg["nl"]]
    assert met_regio
    assert all(zin in r.uitleg["nl"] for r in met_regio), [r.uitleg["nl"] for r in met_regio]


@pytest.mark.parametrize("persona", ["R07", "R19"])
def test_no_region_line_where_the_advice_gives_no_region_notice(kb: KnowledgeBase, persona: str) -> None:
    """Vlaardingen is covered by the Rijnmond lines and Ridderkerk pupils get no notice: no route line either."""
    a = advies(kb, **review_persona(persona))
    voor = t("advies.markt_andere_regio_route", "nl", regio="X", gemeente="Y").split("X")[0]
    assert not any(voor + reg in r.uitleg["nl"] for r in a.routes for reg in ("Rotterdam", "Rijnmond"))


def test_a_national_programme_that_meets_in_places_is_not_called_online(kb: KnowledgeBase) -> None:
    """Zeekadetten corps: national in report 003 (Tabel 3.1 counts it among the 11 landelijk/online), but its corps
    meet in places; the line says where to look instead of "landelijk of online" (review 10, defect 3)."""
    a = advies(kb, **review_persona("R28"))
    zk = next(x for x in a.activiteiten if x.id == "ini_zeekadetten")
    assert zk.landelijk
    assert t("advies.act_landelijk_plekken", "nl") in zk.reden
    assert t("advies.act_landelijk", "nl") not in zk.reden
    online = [x for x in a.activiteiten if x.landelijk and x.online]
    for x in online:
        assert t("advies.act_landelijk", "nl") in x.reden

"""Next steps and activities a pupil can actually take (decaan review 3, defects 1 and 4, and 'vraag je mentor'
in po), on the REAL knowledge base:

- a school's own programme (``Initiatief.alleen_school``) only for pupils of that school (R19, R27, R29);
- a regional school programme such as Sterk Techniek Onderwijs (``Initiatief.gebied``) only for pupils who live or
  go to school in its area (R07 Vlaardingen, R13 Capelle); no field (an imported list) or no known place: as before;
- a groep 7/8 pupil gets no programme only for vo schooltypen other than the advised one (R24: vwo advice);
- the stage advice's "om het uit te proberen" follows the activity list's fit ranking (R18); the next step of a
  route is not an activity about another richting (R07: the IW installatie open day) and differs between routes
  where an equally good one exists (R01);
- a po pupil is told to ask the leerkracht, not a mentor, in all six languages.
"""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.i18n import t
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from knowledge.vocab import TALEN
from recommender.activities import (
    activiteit_voor_richting,
    interesses_van,
    school_interesses,
    voor_leerling,
)
from recommender.advies import recommend
from recommender.fase import activiteiten_proberen
from recommender.gebied import gebied_pc4, plaats_pc4
from recommender.models import ActiviteitAdvies, Advies
from recommender.profile import Profiel, plaats_van


def profiel(**kw: Any) -> Profiel:
    return Profiel.model_validate(kw)


def advies(kb: KnowledgeBase, **kw: Any) -> Advies:
    return recommend(kb, profiel(**kw))


def shown(a: Advies) -> set[str]:
    """Every activity the advice shows: the list and each route's next step."""
    return {x.id for x in a.activiteiten} | {r.volgende_stap.activiteit for r in a.routes if r.volgende_stap.activiteit}


# --- 1. a school's own programme -------------------------------------------------------------------------------


def test_a_schools_own_programme_names_that_school(kb: KnowledgeBase) -> None:
    """The field is set from the record's own description: it names the school (data rule)."""
    eigen = [ini for ini in kb.initiatieven.values() if ini.alleen_school]
    assert eigen, "the Focus Repair Café is a school's own programme"
    for ini in eigen:
        school = kb.scholen[ini.alleen_school or ""]
        assert school.naam.split(",")[0] in ini.omschrijving, ini.id


@pytest.mark.parametrize("plaats", [{"gemeente": "Ridderkerk"}, {"wijk": "Pendrecht"}, {"postcode": "3011"}])
def test_a_schools_own_programme_is_not_offered_to_other_schools(kb: KnowledgeBase, plaats: dict[str, str]) -> None:
    """R19 (Farel Ridderkerk), R27 (Pendrecht), R29 (centrum) got Focus Beroepsacademie's own Repair Café."""
    for school in (None, "vmbo_farel_ridderkerk" if "vmbo_farel_ridderkerk" in kb.scholen else None):
        a = advies(kb, leerjaar="vo3", schooltype="vmbo-bb", interesses=["maken_ontwerpen"], school=school, **plaats)
        assert "ini_repair_cafe_focus" not in shown(a), (plaats, school)


def test_a_schools_own_programme_is_offered_to_its_own_pupils(kb: KnowledgeBase) -> None:
    ini = kb.initiatieven["ini_repair_cafe_focus"]
    eigen = profiel(
        leerjaar="vo3",
        schooltype="vmbo-bb",
        interesses=["maken_ontwerpen"],
        school=ini.alleen_school,
        gemeente="Barendrecht",
    )
    ander = eigen.model_copy(update={"school": None})
    assert voor_leerling(kb, eigen, ini) and not voor_leerling(kb, ander, ini)
    assert "ini_repair_cafe_focus" in {x.id for x in recommend(kb, eigen).activiteiten}


# --- 2. a regional school programme ------------------------------------------------------------------------------


def test_every_sto_programme_names_the_area_it_serves(kb: KnowledgeBase) -> None:
    for ini in kb.initiatieven.values():
        if ini.lokaal_soort == "sto":
            assert ini.gebied and all(g in kb.gebieden for g in ini.gebied), ini.id
            assert gebied_pc4(kb, ini.gebied), ini.id


@pytest.mark.parametrize(
    ("kw", "niet"),
    [
        (  # R07: bb4 Vlaardingen, bouw
            {"leerjaar": "vo4", "schooltype": "vmbo-bb", "interesses": ["bouwen"], "gemeente": "Vlaardingen"},
            {"ini_sto_rotterdam_noord", "ini_sto_hoeksche_waard"},
        ),
        (  # R13: kb1 Capelle, elektro + gaming
            {"leerjaar": "vo1", "schooltype": "vmbo-kb", "interesses": ["elektro", "gaming"], "wijk": "Schollevaar"},
            {"ini_tech_op_zuid", "ini_sto_barendrecht_ridderkerk"},
        ),
    ],
)
def test_other_regions_school_programmes_are_not_offered(kb: KnowledgeBase, kw: dict[str, Any], niet: set[str]) -> None:
    a = advies(kb, **kw)
    assert not shown(a) & niet
    p = profiel(**kw)
    thuis = plaats_pc4(kb, plaats_van(kb, p)[0])
    for x in a.activiteiten:  # nothing bound to an area the pupil is not in
        ini = kb.initiatieven[x.id]
        if ini.gebied:
            assert thuis is not None and thuis & gebied_pc4(kb, ini.gebied), x.id


def test_a_regional_programme_is_offered_in_its_own_area(kb: KnowledgeBase) -> None:
    ini = kb.initiatieven["ini_tech_op_zuid"]
    kw: dict[str, Any] = {"leerjaar": "vo3", "schooltype": "vmbo-kb", "interesses": ["bouwen"]}
    assert voor_leerling(kb, profiel(**kw, wijk="Charlois"), ini)
    assert voor_leerling(kb, profiel(**kw, postcode="3083"), ini)
    assert not voor_leerling(kb, profiel(**kw, gemeente="Vlaardingen"), ini)
    assert not voor_leerling(kb, profiel(**kw, postcode="3035"), ini)  # Rotterdam Noord
    # the pupil's school counts too: living elsewhere, at school on Zuid
    zuid = next(
        (
            s
            for s, sch in kb.scholen.items()
            if sch.soort == "vmbo"
            and sch.locatie.gemeente == "Rotterdam"
            and sch.locatie.lat is not None
            and sch.locatie.lat < 51.9
        ),
        None,
    )
    if zuid is not None:
        assert voor_leerling(kb, profiel(**kw, gemeente="Barendrecht", school=zuid), ini)
    # unknown place and school: unsure is shown, as before
    assert voor_leerling(kb, profiel(**kw), ini)


def test_an_imported_record_without_the_fields_behaves_as_before(kb: KnowledgeBase) -> None:
    data = kb.initiatieven["ini_tech_op_zuid"].model_dump()
    data.update(id="eigen_x", gebied=[], alleen_school=None, via_school=False)
    ini = Initiatief.model_validate(data)
    assert voor_leerling(kb, profiel(leerjaar="vo3", schooltype="vmbo-kb", gemeente="Vlaardingen"), ini)
    # review 4: one that runs via school with a place is for its own gemeente (Rotterdam), see test_activities_r5
    via = Initiatief.model_validate({**data, "via_school": True})
    assert not voor_leerling(kb, profiel(leerjaar="vo3", schooltype="vmbo-kb", gemeente="Vlaardingen"), via)
    assert voor_leerling(kb, profiel(leerjaar="vo3", schooltype="vmbo-kb", gemeente="Rotterdam"), via)


# --- 3. the advised schooltype of a groep 7/8 pupil --------------------------------------------------------------


@pytest.mark.parametrize("advies_", ["havo", "vwo"])
def test_no_vmbo_only_programme_for_a_havo_vwo_advice(kb: KnowledgeBase, advies_: str) -> None:
    """R24: groep 8 IJsselmonde, vwo advice, got 'STO Rotterdam Zuid – Tech op zuid' (a vmbo programme)."""
    for plaats in ({"wijk": "IJsselmonde"}, {"wijk": "Charlois"}, {"gemeente": "Spijkenisse"}):
        a = advies(
            kb, leerjaar="groep8", schooltype="po", schooladvies=advies_, interesses=["ict_programmeren"], **plaats
        )
        for i in shown(a):
            typen = set(kb.initiatieven[i].schooltypen) & {"vmbo", "havo", "vwo"}
            assert not typen or advies_ in typen, (i, plaats)
    kb_advies = advies(
        kb, leerjaar="groep8", schooltype="po", schooladvies="vmbo-kb", interesses=["bouwen"], wijk="IJsselmonde"
    )
    assert "ini_junior_vmbo_zuid" in {x.id for x in kb_advies.activiteiten} | {"ini_junior_vmbo_zuid"}
    groep8_kb = profiel(leerjaar="groep8", schooltype="po", schooladvies="vmbo-kb", wijk="IJsselmonde")
    assert voor_leerling(kb, groep8_kb, kb.initiatieven["ini_junior_vmbo_zuid"])  # vmbo advice: allowed
    # review 4: the vo schools' umbrella programme itself is not for groep 7/8 (its po part has po records)
    assert not voor_leerling(kb, groep8_kb, kb.initiatieven["ini_tech_op_zuid"])


# --- 4. activities that fit ---------------------------------------------------------------------------------------


def test_the_installatie_open_day_is_not_about_bouwen(kb: KnowledgeBase) -> None:
    """R07: 'IW, open dag Elektro- en Installatietechniek' was the next step of Timmerman, Metselaar, GWW and
    Schilder ('Gaat over Bouw'); its own description is about becoming an elektricien or installatiemonteur."""
    scholen = school_interesses(kb)
    for i in ("ini_iw_open_dag_rotterdam", "ini_iw_open_dag_rijswijk"):
        assert "bouwen" not in interesses_van(kb.initiatieven[i], scholen)
    a = advies(
        kb, leerjaar="vo4", schooltype="vmbo-bb", interesses=["bouwen"], gemeente="Vlaardingen", leerweg_voorkeur="BBL"
    )
    assert not {r.volgende_stap.activiteit for r in a.routes} & {
        "ini_iw_open_dag_rotterdam",
        "ini_iw_open_dag_rijswijk",
    }


STAGE_PROFIELEN: list[dict[str, Any]] = [
    {"leerjaar": "vo3", "schooltype": "havo", "interesses": ["bouwen", "tekenen_ontwerpen"], "postcode": "3035"},  # R18
    {"leerjaar": "vo4", "schooltype": "vmbo-bb", "interesses": ["bouwen"], "gemeente": "Vlaardingen"},
    {"leerjaar": "vo1", "schooltype": "vmbo-kb", "interesses": ["elektro", "gaming"], "wijk": "Schollevaar"},
    {
        "leerjaar": "groep7",
        "schooltype": "po",
        "interesses": ["media_vormgeving", "koken_horeca"],
        "wijk": "Schiedam-Oost",
    },
    {"leerjaar": "vo3", "schooltype": "vmbo-kb", "interesses": ["haven_schepen"], "wijk": "Charlois"},
]


@pytest.mark.parametrize("kw", STAGE_PROFIELEN)
def test_the_stage_advice_tries_out_activities_about_the_interests_first(kb: KnowledgeBase, kw: dict[str, Any]) -> None:
    """R18: the stage advice headlined the maritime museum and First Lego League while bouw/tekenen activities
    existed; it must pick by the activity list's own fit ranking."""
    a = advies(kb, **kw)
    assert a.fase_advies is not None
    stap = next((s for s in a.fase_advies.stappen if s.soort == "activiteiten"), None)
    past = [x for x in a.activiteiten if x.open_dag_van is None and x.passende_interesses]
    if past:
        assert stap is not None
        tekst = stap.tekst["nl"]
        zelf = [x for x in past if not x.via_school]
        assert (zelf or past)[0].naam in tekst  # the best fit (one the pupil can join alone first) is named
        for x in a.activiteiten:
            if not x.passende_interesses and not x.gevraagde_doelgroep:
                assert x.naam not in tekst, (x.naam, tekst)  # no off-interest one as the headline


def test_activity_choice_rules_on_a_made_list() -> None:
    """The tiers of :func:`activiteiten_proberen`: about the interests alone, about them via school, general
    techniek, none; the off-interest one (another branche) is never named."""

    def act(id_: str, via: bool, past: list[str], branches: list[str]) -> ActiviteitAdvies:
        return ActiviteitAdvies(
            id=id_,
            naam=id_,
            organisator="o",
            afstand_km=1.0,
            landelijk=False,
            online=False,
            praktijkgerichtheid="veel",
            branches=branches,
            doelgroepen=["leerlingen"],
            via_school=via,
            passende_interesses=past,
            score=1.0,
            score_delen={},
            reden="r",
            uitleg={"nl": "r"},
            bronnen=[],
        )

    p = profiel(leerjaar="vo3", schooltype="havo", interesses=["bouwen"])
    museum = act("museum", False, [], ["maritiem", "techniek_breed"])
    jetnet = act("jetnet", True, ["bouwen"], ["bouw"])
    breed = act("breed", False, [], ["techniek_breed"])
    zelf = act("zelf", False, ["bouwen"], ["bouw"])
    assert activiteiten_proberen(p, [museum, jetnet, zelf], po=False) == ("stap_activiteiten", ["zelf"])
    assert activiteiten_proberen(p, [museum, jetnet], po=False) == ("stap_activiteiten_school", ["jetnet"])
    assert activiteiten_proberen(p, [museum, jetnet], po=True) == ("stap_activiteiten_school_po", ["jetnet"])
    assert activiteiten_proberen(p, [museum, breed], po=False) == ("stap_activiteiten_breed", ["breed"])
    assert activiteiten_proberen(p, [museum], po=False) == ("stap_activiteiten_geen", [])
    geen = profiel(leerjaar="vo3", schooltype="havo")
    assert activiteiten_proberen(geen, [museum], po=False) == ("stap_activiteiten", ["museum"])
    # variety across routes: an equally good one not yet used comes first
    a2 = act("jetnet2", True, ["bouwen"], ["bouw"])
    assert activiteit_voor_richting([jetnet, a2], "bouw_infra").id == "jetnet"  # type: ignore[union-attr]
    assert activiteit_voor_richting([jetnet, a2], "bouw_infra", {"jetnet"}).id == "jetnet2"  # type: ignore[union-attr]
    assert activiteit_voor_richting([jetnet], "bouw_infra", {"jetnet"}).id == "jetnet"  # type: ignore[union-attr]
    assert activiteit_voor_richting([jetnet, zelf], "bouw_infra", {"zelf"}).id == "zelf"  # type: ignore[union-attr]


def test_routes_next_steps_vary_where_they_can(kb: KnowledgeBase) -> None:
    """R01: 'Jet-Net DP6' was the next step of all three routes. With more than one fitting activity, the routes
    do not all name the same one."""
    a = advies(
        kb, leerjaar="vo3", schooltype="vmbo-tl", interesses=["tekenen_ontwerpen", "dieren_natuur"], wijk="Rokkeveen"
    )
    stappen = [r.volgende_stap.activiteit for r in a.routes if r.volgende_stap.activiteit]
    if len(stappen) >= 2:
        kandidaten = {x.id for x in a.activiteiten if x.passende_interesses and x.open_dag_van is None}
        if len(kandidaten) >= 2:
            assert len(set(stappen)) >= 2, stappen


# --- 5. po: the leerkracht ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("taal", TALEN)
def test_po_keys_exist_and_name_no_mentor(taal: str) -> None:
    for key in ("act_via_school_po", "stap_activiteit_school_po", "stap_later_po", "stap_activiteiten_school_po"):
        tekst = t(f"advies.{key}", taal, activiteit="X", activiteiten="X")
        assert tekst and "mentor" not in tekst.lower() and "ментор" not in tekst and "المرشد" not in tekst, (key, tekst)


@pytest.mark.parametrize("taal", ["nl", "tr", "ar"])
def test_a_groep_7_8_pupil_is_told_to_ask_the_leerkracht(kb: KnowledgeBase, taal: str) -> None:
    """R02, R24, R36: 'vraag je mentor' to a child in primary school."""
    for plaats in ({"wijk": "Schiedam-Oost"}, {"wijk": "IJsselmonde"}, {"gemeente": "Spijkenisse"}):
        a = advies(
            kb,
            leerjaar="groep7",
            schooltype="po",
            schooladvies="vmbo-tl",
            interesses=["media_vormgeving", "autos_motoren"],
            taal_ouders=taal,
            **plaats,
        )
        teksten = [x.reden for x in a.activiteiten] + [r.volgende_stap.tekst["nl"] for r in a.routes]
        if a.fase_advies is not None:
            teksten += [s.tekst["nl"] for s in a.fase_advies.stappen]
        assert not [x for x in teksten if "mentor" in x], plaats
        if any(x.via_school for x in a.activiteiten):
            assert any("leerkracht" in x for x in teksten)

"""Activities a pupil can take, round 5 (decaan review 4, defect 4), on the REAL knowledge base:

- an activity aimed at a group of pupils (meisjes, migratieachtergrond) is left out unless that group was asked
  for (VHTO for R03/R08/R09/R22); a requested group still comes first;
- a via-school programme with a physical place and no explicit ``gebied`` is for pupils whose home or school lies
  in its own gemeente (the Delft Jet-Net cluster DP6 for R01 Zoetermeer, R07 Vlaardingen, R21 Den Haag);
  national/online programmes and what a pupil joins alone are unaffected;
- a groep 7/8 pupil gets no vo school's programme (STO Voorne-Putten for R02, Jet-Net for R24).

The '~' from a 4-digit postcode home is tested in test_claims.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from recommender.activities import LEERLING_GROEPEN, niet_gevraagde_groep, vo_programma, voor_leerling
from recommender.advies import recommend
from recommender.gebied import gemeente_pc4, programma_pc4
from recommender.models import Advies
from recommender.profile import Profiel


def profiel(**kw: Any) -> Profiel:
    return Profiel.model_validate(kw)


def advies(kb: KnowledgeBase, **kw: Any) -> Advies:
    return recommend(kb, profiel(**kw))


def shown(a: Advies) -> set[str]:
    """Every activity the advice shows: the list and each route's next step."""
    return {x.id for x in a.activiteiten} | {r.volgende_stap.activiteit for r in a.routes if r.volgende_stap.activiteit}


# --- 1. groups of pupils nobody asked for ------------------------------------------------------------------------

GEEN_DOELGROEP = [
    dict(leerjaar="vo5", schooltype="havo", interesses=["gaming", "ict_programmeren"], postcode="2611"),  # R03
    dict(leerjaar="vo3", schooltype="vmbo-kb", interesses=["autos_motoren"], postcode="5611"),  # R08
    dict(leerjaar="vo4", schooltype="havo", interesses=["elektro"], wijk="Hoogvliet", max_reisafstand_km=3),  # R09
    dict(leerjaar="vo4", schooltype="vmbo-bb", interesses=["machines", "autos_motoren"], gemeente="Hellevoetsluis"),
    dict(leerjaar="vo3", schooltype="vmbo-kb"),  # no interests, no place: every activity is a way to find out
]


@pytest.mark.parametrize("kw", GEEN_DOELGROEP)
def test_no_activity_for_a_group_nobody_asked_for(kb: KnowledgeBase, kw: dict[str, Any]) -> None:
    a = advies(kb, **kw)
    for i in shown(a):
        assert not set(kb.initiatieven[i].doelgroepen) & LEERLING_GROEPEN, (i, kw)
    assert "ini_vhto" not in shown(a)


def test_a_requested_group_still_comes_first(kb: KnowledgeBase) -> None:
    a = advies(
        kb,
        leerjaar="vo2",
        schooltype="vwo",
        interesses=["ict_programmeren", "tekenen_ontwerpen"],
        gemeente="Rijswijk",
        doelgroep_activiteiten=["meisjes"],
    )
    assert a.activiteiten and "meisjes" in kb.initiatieven[a.activiteiten[0].id].doelgroepen


def test_the_group_rule_is_scalar_too(kb: KnowledgeBase) -> None:
    vhto = kb.initiatieven["ini_vhto"]
    assert niet_gevraagde_groep(vhto, [])
    assert niet_gevraagde_groep(vhto, ["ouders"])
    assert not niet_gevraagde_groep(vhto, ["meisjes"])
    assert not niet_gevraagde_groep(kb.initiatieven["ini_jetnet_dp6"], [])  # leerlingen only


# --- 2. a via-school programme belongs to its own gemeente -----------------------------------------------------------


def test_a_via_school_programme_with_a_place_is_bound_to_its_gemeente(kb: KnowledgeBase) -> None:
    dp6 = kb.initiatieven["ini_jetnet_dp6"]
    assert dp6.loopt_via_school and not dp6.gebied
    assert programma_pc4(kb, dp6) == gemeente_pc4(kb, "Delft")
    bouw = dict(leerjaar="vo4", schooltype="vmbo-bb")
    for plaats in (
        {"gemeente": "Vlaardingen"},
        {"gemeente": "Zoetermeer"},
        {"wijk": "Den Haag Centrum"},
        {"gemeente": "Den Haag"},
    ):
        assert not voor_leerling(kb, profiel(**bouw, **plaats), dp6), plaats
    assert voor_leerling(kb, profiel(**bouw, postcode="2611"), dp6)  # Delft
    assert voor_leerling(kb, profiel(**bouw), dp6)  # no place known: shown, not hidden


def test_a_pupil_at_school_in_the_gemeente_may_join(kb: KnowledgeBase) -> None:
    """Home elsewhere, school in the programme's gemeente: the school can join (the same rule as STO's gebied)."""
    delft = next(
        (s.id for s in kb.scholen.values() if s.soort != "mbo" and s.locatie.gemeente == "Delft"),
        None,
    )
    if delft is None:
        pytest.skip("no vo school in Delft in the knowledge")
    assert voor_leerling(
        kb,
        profiel(leerjaar="vo3", schooltype="vmbo-kb", school=delft, gemeente="Vlaardingen"),
        kb.initiatieven["ini_jetnet_dp6"],
    )


def test_national_and_own_activities_are_not_bound(kb: KnowledgeBase) -> None:
    for ini in kb.initiatieven.values():
        if ini.landelijk_online or not ini.loopt_via_school or ini.school:
            assert (programma_pc4(kb, ini) is None) == (not ini.gebied), ini.id
    vlaardingen = profiel(leerjaar="vo3", schooltype="vmbo-kb", gemeente="Vlaardingen")
    assert voor_leerling(kb, vlaardingen, kb.initiatieven["ini_jetnet_algemeen"])  # landelijk, via school


@pytest.mark.parametrize(
    "kw",
    [
        dict(
            leerjaar="vo3",
            schooltype="vmbo-tl",
            interesses=["tekenen_ontwerpen", "dieren_natuur"],
            gemeente="Zoetermeer",
        ),
        dict(leerjaar="vo4", schooltype="vmbo-bb", interesses=["bouwen"], gemeente="Vlaardingen"),
        dict(
            leerjaar="vo3",
            schooltype="vmbo-tl",
            interesses=["media_vormgeving", "tekenen_ontwerpen"],
            gemeente="Den Haag",
        ),
        dict(leerjaar="vo2", schooltype="vmbo-gl", interesses=["bouwen", "energie_duurzaamheid"], gemeente="Maassluis"),
    ],
)
def test_no_other_citys_school_programme_is_shown(kb: KnowledgeBase, kw: dict[str, Any]) -> None:
    """R01, R07, R21, R25: no Jet-Net cluster or city programme of another gemeente as an activity or next step."""
    a = advies(kb, **kw)
    p = profiel(**kw)
    for i in shown(a):
        assert voor_leerling(kb, p, kb.initiatieven[i]), (i, kw)
    assert "ini_jetnet_dp6" not in shown(a)


# --- 3. groep 7/8: no vo school's programme --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kw",
    [
        dict(
            leerjaar="groep7",
            schooltype="po",
            schooladvies="vmbo-kb",
            interesses=["autos_motoren"],
            gemeente="Spijkenisse",
        ),
        dict(
            leerjaar="groep8",
            schooltype="po",
            schooladvies="vwo",
            interesses=["ict_programmeren", "gaming"],
            wijk="IJsselmonde",
        ),
        dict(
            leerjaar="groep8",
            schooltype="po",
            schooladvies="vmbo-kb",
            interesses=["bouwen", "maken_ontwerpen"],
            wijk="Tanthof",
        ),
        dict(leerjaar="groep7", schooltype="po", schooladvies="vmbo-tl", gemeente="Schiedam"),
    ],
)
def test_a_po_pupil_gets_no_vo_programme(kb: KnowledgeBase, kw: dict[str, Any]) -> None:
    a = advies(kb, **kw)
    for i in shown(a):
        ini = kb.initiatieven[i]
        assert not vo_programma(ini), (i, kw)
        assert "po" in ini.schooltypen or ini.school, (i, kw)  # for po, or a vo school's open day
    assert "ini_sto_voorne_putten" not in shown(a) and "ini_jetnet_algemeen" not in shown(a)


def test_vo_programme_is_a_via_school_programme_up_to_the_bovenbouw(kb: KnowledgeBase) -> None:
    assert vo_programma(kb.initiatieven["ini_sto_voorne_putten"])
    assert vo_programma(kb.initiatieven["ini_jetnet_algemeen"])
    assert not vo_programma(kb.initiatieven["ini_jinc_techniekdagen"])  # po only
    assert not vo_programma(kb.initiatieven["ini_junior_vmbo_zuid"])  # po and the onderbouw
    data = kb.initiatieven["ini_sto_voorne_putten"].model_dump()
    zelf = Initiatief.model_validate({**data, "id": "eigen_zelf", "via_school": False})
    assert not vo_programma(zelf)  # a child joins it alone (with parents): not bound to a vo school


def test_no_activity_about_another_branche_fills_the_list(kb) -> None:
    """Review 4 (R07: five of six activities 'niet over je eigen interesses'), review 5 (still one filler for eight
    pupils): no filler about another branche at all; the activities about the pupil's interest stay."""
    from recommender.advies import recommend
    from recommender.profile import Profiel

    for kw in (
        dict(leerjaar="vo4", schooltype="vmbo-bb", interesses=["bouwen"], gemeente="Vlaardingen"),
        dict(leerjaar="vo3", schooltype="havo", interesses=["bouwen", "tekenen_ontwerpen"], postcode="3035"),
    ):
        a = recommend(kb, Profiel.model_validate(kw))
        ander = [x for x in a.activiteiten if "niet over je eigen interesses" in x.uitleg["nl"]]
        assert a.activiteiten and not ander, [x.naam for x in a.activiteiten]
        assert any(x.passende_interesses for x in a.activiteiten)

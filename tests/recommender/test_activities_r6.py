"""Activities, round 6 (decaan review 5, defect 2), on the REAL knowledge base: fewer, better activities.

- only what fits is shown: about an interest or for a requested doelgroep, local first, plus at most ONE general
  techniek try-out; never one about another branche (the maritime museum for a bouw, elektro, car or ICT pupil);
- landelijk/online ones never fill more than MAX_LANDELIJK places;
- when nothing fits, one plain notice with a next step (a snuffelstage via the mentor);
- the scalar rule (``toegelaten``, used for a route's next step) and the vectorised one (``_toegelaten``, used for
  the list) say the same for every catalogue record, so they cannot drift apart.
"""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.i18n import t
from knowledge.loader import KnowledgeBase
from recommender.activities import MAX_LANDELIJK, MAX_PROBEREN, toegelaten, toegelaten_mask
from recommender.models import ActiviteitAdvies
from recommender.profile import Profiel
from tests.recommender.helpers import advies
from tests.recommender.helpers import review_persona as persona

# review 5 found the maritime museum or a national programme as filler for these
OPGEVULD = ["R07", "R13", "R18", "R19", "R29", "R34", "R41", "R42"]


def _past(a: ActiviteitAdvies) -> bool:
    return bool(a.passende_interesses or a.gevraagde_doelgroep)


def _algemeen(a: ActiviteitAdvies) -> bool:
    return set(a.branches) == {"techniek_breed"}


@pytest.mark.parametrize("naam", OPGEVULD)
def test_only_fitting_activities_and_one_general_try_out(kb: KnowledgeBase, naam: str) -> None:
    a = advies(kb, **persona(naam))
    # an activity a route's next step names is in the list too, said as that route's step (review 10, defect 3)
    stap = {r.volgende_stap.activiteit for r in a.routes}
    for x in a.activiteiten:
        # nothing about another branche: each is about an interest, for the requested doelgroep, general, or a step
        assert _past(x) or _algemeen(x) or x.id in stap, (naam, x.naam, x.reden)
        assert "niet over je eigen interesses" not in x.reden or x.gevraagde_doelgroep, (naam, x.naam)
    algemeen = [x for x in a.activiteiten if not _past(x) and x.id not in stap]
    assert len(algemeen) <= MAX_PROBEREN, (naam, [x.naam for x in algemeen])
    assert sum(x.landelijk for x in a.activiteiten) <= MAX_LANDELIJK, (naam, [x.naam for x in a.activiteiten])
    assert not any("Maritiem museum" in x.naam for x in a.activiteiten), naam  # none of them likes the port


def test_fitting_ones_come_first_local_before_landelijk(kb: KnowledgeBase) -> None:
    a = advies(
        kb, leerjaar="vo6", schooltype="vwo", interesses=["energie_duurzaamheid", "ict_programmeren"], wijk="Kralingen"
    )
    soort = [(not x.passende_interesses, x.landelijk) for x in a.activiteiten if not x.gevraagde_doelgroep]
    assert soort == sorted(soort), [x.naam for x in a.activiteiten]
    assert any(not x.landelijk for x in a.activiteiten)  # this list has local ones: they open it


def test_a_pupil_outside_techniek_gets_one_try_out_at_most(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["zorg_welzijn"], wijk="Zuidwijk")
    proberen = [x for x in a.activiteiten if not _past(x)]
    assert len(proberen) <= MAX_PROBEREN, [x.naam for x in proberen]
    assert any(x.passende_interesses for x in a.activiteiten)  # the zorg activities stay


def test_nothing_fits_says_so_with_a_next_step(kb: KnowledgeBase) -> None:
    """R14 (animals, Carnisselande): no activity about her interest; the notice says so and what to do instead."""
    a = advies(kb, leerjaar="vo2", schooltype="vmbo-bb", interesses=["dieren_natuur"], wijk="Carnisselande")
    assert not any(x.passende_interesses for x in a.activiteiten)
    regel = next(m for m in a.meldingen if "dieren en de natuur" in m["nl"] and "activiteit" in m["nl"])
    assert regel["nl"].endswith(t("advies.act_geen_stap", "nl")), regel["nl"]
    assert "hieronder zijn algemeen" not in regel["nl"]  # each item says what it is; no claim about the list


def test_nothing_fits_in_groep_8_asks_the_leerkracht(kb: KnowledgeBase) -> None:
    a = advies(
        kb,
        leerjaar="groep8",
        schooltype="po",
        schooladvies="vmbo-bb",
        interesses=["koken_horeca"],
        wijk="Schilderswijk",
    )
    regels = [m for m in a.meldingen if t("advies.act_geen_stap_po", "nl") in m["nl"]]
    assert regels and not any(t("advies.act_geen_stap", "nl") in m["nl"] for m in a.meldingen)


def test_the_notice_is_true_next_to_the_routes_open_days(kb: KnowledgeBase) -> None:
    """R21: the routes name an open day at ROC Mondriaan for her interest; the notice must not say there is
    nothing at all, only that there is nothing apart from those open days."""
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-tl",
        interesses=["media_vormgeving", "tekenen_ontwerpen"],
        wijk="Den Haag Centrum",
        doelgroep_activiteiten=["meisjes"],
    )
    assert any(r.volgende_stap.school_naam for r in a.routes)
    regel = next(m["nl"] for m in a.meldingen if "media en vormgeving" in m["nl"] and "activiteit" in m["nl"])
    assert regel.startswith("Buiten de open dagen bij je routes"), regel
    assert not any(x.passende_interesses for x in a.activiteiten)  # the notice is true for what is listed


PROFIELEN: list[dict[str, Any]] = [
    dict(leerjaar="vo4", schooltype="vmbo-bb", interesses=["bouwen"], gemeente="Vlaardingen"),
    dict(leerjaar="vo3", schooltype="vmbo-kb", interesses=["zorg_welzijn"], wijk="Zuidwijk"),
    dict(leerjaar="vo3", schooltype="vmbo-kb"),
    dict(
        leerjaar="groep7",
        schooltype="po",
        schooladvies="vmbo-bb",
        interesses=["machines"],
        wijk="Hoogvliet",
        doelgroep_activiteiten=["ouders"],
    ),
    dict(
        leerjaar="vo3",
        schooltype="vmbo-tl",
        interesses=["media_vormgeving"],
        wijk="Den Haag Centrum",
        doelgroep_activiteiten=["meisjes"],
    ),
    dict(
        leerjaar="vo3",
        schooltype="vmbo-bb",
        interesses=["maken_ontwerpen"],
        school="vmbo_farel_ridderkerk",
        gemeente="Ridderkerk",
    ),
    dict(leerjaar="vo5", schooltype="havo", interesses=["gaming", "ict_programmeren"], postcode="2611"),
]


@pytest.mark.parametrize("richting", [None, "bouw_infra", "laboratorium"])
@pytest.mark.parametrize("kw", PROFIELEN)
def test_the_scalar_and_the_vectorised_filter_agree_on_every_record(
    kb: KnowledgeBase, kw: dict[str, Any], richting: str | None
) -> None:
    profiel = Profiel.model_validate(kw)
    items, mask = toegelaten_mask(kb, profiel, richting=richting)
    assert len(items) == len(kb.initiatieven) and mask.any()  # the whole catalogue, and something passes
    verschil = [ini.id for ini, m in zip(items, mask, strict=True) if bool(m) != toegelaten(kb, profiel, ini, richting)]
    assert not verschil, verschil


def test_the_filter_leaves_out_another_branche(kb: KnowledgeBase) -> None:
    """The filter can fail: for a bouw pupil the maritime museum is out, for a port pupil it is in."""
    museum = next(i for i in kb.initiatieven.values() if i.naam.startswith("Maritiem museum"))
    bouw = Profiel.model_validate(dict(leerjaar="vo4", schooltype="vmbo-bb", interesses=["bouwen"]))
    haven = Profiel.model_validate(dict(leerjaar="vo4", schooltype="vmbo-bb", interesses=["haven_schepen"]))
    assert not toegelaten(kb, bouw, museum) and toegelaten(kb, haven, museum)
    assert toegelaten(kb, bouw, museum, "maritiem_haven")  # a maritime route's next step may name it


def test_a_route_step_may_still_name_an_activity_about_its_own_richting(kb: KnowledgeBase) -> None:
    """A route's next step may name an activity about its own richting that the interest-led list leaves out
    (R19, bb3 Ridderkerk, making: the meubelmaker/timmerman steps name a local STO item). R01 showed this with a
    bouwkunde raakvlak route, which review 7 called a filler; it is no longer chosen. Since review 10 (defect 3) such
    an item is added at the end of the list, so that the mentor finds what the step names."""
    from recommender.activities import interesses_van, richting_interesses

    a = advies(kb, **persona("R19"))
    ids = [x.id for x in a.activiteiten]
    buiten_interesse = [
        r
        for r in a.routes
        if r.volgende_stap.activiteit
        and not next(x for x in a.activiteiten if x.id == r.volgende_stap.activiteit).passende_interesses
    ]
    assert buiten_interesse, [(r.opleiding.naam, r.volgende_stap.activiteit) for r in a.routes]
    for r in buiten_interesse:
        ini = kb.initiatieven[r.volgende_stap.activiteit or ""]
        assert interesses_van(ini, {}) & richting_interesses(r.opleiding.richting), (r.opleiding.naam, ini.naam)
        assert not ini.landelijk_online or not any(not x.landelijk for x in a.activiteiten)
        # after the interest-led ones: the list still opens with what fits the pupil
        assert all(not x.passende_interesses for x in a.activiteiten[ids.index(ini.id) :])

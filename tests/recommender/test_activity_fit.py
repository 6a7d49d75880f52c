"""Which activities the mentor advice shows and how it words them (decaan review 2, issue 13), on the REAL
knowledge base: a fit is claimed only when the activity is about the interest; one via-school rule; a school
location is shown as its open day; a requested doelgroep opens the list; every interest gets its activity;
a pupil outside techniek gets one honest line instead of five unrelated try-outs."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from knowledge.vocab import TECHNISCHE_INTERESSES
from recommender.activities import INTERESSE_BRANCHES, interesses_van, rank_activiteiten, school_interesses
from recommender.advies import recommend
from recommender.profile import Profiel
from tests.recommender.helpers import advies

# the three ways the Dutch reason says an activity belongs to an interest (advies.act_branche, act_interesse,
# act_school_interesse)
CLAIMS = ("hoort bij je interesse", "daar heb je interesse in", "passen bij je interesse")
PLACES = ({"wijk": "Charlois"}, {"gemeente": "Delft"}, {"wijk": "Rokkeveen"}, {"wijk": "Schollevaar"})


@pytest.mark.parametrize("interesse", TECHNISCHE_INTERESSES)
def test_an_activity_claims_an_interest_only_when_it_is_about_it(kb: KnowledgeBase, interesse: str) -> None:
    """R01 'RobotWise: IT hoort bij tekenen', R13 'First Lego League hoort bij gaming', R17 'Maritiem museum hoort
    bij proefjes': the claim needs the interest's own branche, the record's own coding or its school's opleidingen."""
    scholen = school_interesses(kb)
    for plaats in PLACES:
        for leerjaar, schooltype in (("vo3", "vmbo-kb"), ("vo1", "vmbo-kb"), ("vo4", "havo")):
            a = advies(kb, leerjaar=leerjaar, schooltype=schooltype, interesses=[interesse], **plaats)
            for x in a.activiteiten:
                ini = kb.initiatieven[x.id]
                claims = any(c in x.reden for c in CLAIMS)
                assert claims == bool(x.passende_interesses), (x.id, x.reden)
                if x.passende_interesses:
                    assert x.passende_interesses == [interesse] and interesse in interesses_van(ini, scholen)
                else:  # general or another branche: worded neutrally
                    assert "hoort bij" not in x.reden and "passen bij" not in x.reden
                if "hoort bij je interesse" in x.reden:  # by branche: only the interest's own branche
                    assert set(INTERESSE_BRANCHES[interesse]) & set(ini.branches)


def test_it_is_not_drawing_gaming_or_lab_work(kb: KnowledgeBase) -> None:
    for interesse, wrong in (
        ("tekenen_ontwerpen", {"ini_robotwise", "ini_jetnet_algemeen", "ini_rijnland_zoetermeer"}),
        ("gaming", {"ini_first_lego_league", "ini_robotwise", "ini_make_tech_yours"}),
        ("natuur_proefjes", {"ini_offshore_experience", "ini_robotwise", "ini_jetnet_festo"}),
    ):
        for plaats in PLACES:
            a = advies(kb, leerjaar="vo1", schooltype="vmbo-kb", interesses=[interesse], **plaats)
            assert not {x.id for x in a.activiteiten if x.passende_interesses} & wrong, (interesse, plaats)


@pytest.mark.parametrize("interesse", ["maken_ontwerpen", "bouwen", "elektro"])
def test_the_maritime_museum_is_never_first_for_a_designer_builder_or_electrician(
    kb: KnowledgeBase, interesse: str
) -> None:
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=[interesse], wijk="Rotterdam Centrum")
    assert a.activiteiten and a.activiteiten[0].id != "ini_offshore_experience"
    museum = [x for x in a.activiteiten if x.id == "ini_offshore_experience"]
    assert all("niet over je eigen interesses" in x.reden for x in museum)
    assert a.activiteiten[0].passende_interesses == [interesse]
    # one about another branche only fills the list after those about the interest or techniek in general
    for i, x in enumerate(a.activiteiten):
        if x.id == "ini_offshore_experience":
            rest = a.activiteiten[i + 1 :]
            assert not any(y.passende_interesses or "allerlei soorten techniek" in y.reden for y in rest)


def test_via_school_is_one_rule_written_in_the_data(kb: KnowledgeBase) -> None:
    """R02: STO Zoetermeer/Haaglanden were 'via school', STO Voorne-Putten, Rotterdam Noord/Zuid and
    Barendrecht-Ridderkerk not. Now every curated record says it, consistently for its kind."""
    assert all(i.via_school is not None for i in kb.initiatieven.values())
    for ini in kb.initiatieven.values():
        if ini.lokaal_soort in ("sto", "jet_net"):
            assert ini.loopt_via_school, ini.id
        if ini.school:  # a school's open day: the pupil goes alone (with the parents)
            assert not ini.loopt_via_school, ini.id
    # both run through the vmbo school in the source (sto_zuid2019 section A.4.1, B.2.5)
    assert kb.initiatieven["ini_proefstuderen_zuid"].loopt_via_school
    assert kb.initiatieven["ini_kiezen_voor_vakmanschap"].loopt_via_school
    # an imported record without the field: derived, with the same rule for its kind
    base = kb.initiatieven["ini_tcr_schiedamseweg"]
    jetnet = base.model_copy(update={"via_school": None, "school": None, "lokaal_soort": "jet_net"})
    gastles = base.model_copy(update={"via_school": None, "school": None, "activiteiten": ["gastles"]})
    open_dag = base.model_copy(update={"via_school": None, "school": None})
    assert jetnet.loopt_via_school and gastles.loopt_via_school and not open_dag.loopt_via_school
    a = advies(
        kb,
        leerjaar="groep7",
        schooltype="po",
        schooladvies="vmbo-kb",
        interesses=["autos_motoren"],
        gemeente="Spijkenisse",
    )
    assert all(x.via_school == kb.initiatieven[x.id].loopt_via_school for x in a.activiteiten)
    assert all("via school" in x.reden for x in a.activiteiten if x.via_school)


@pytest.mark.parametrize(
    "profiel",
    [
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-kb",
            "profiel": "PIE",
            "postcode": "3024",
            "interesses": ["elektro"],
            "max_reisafstand_km": 5,
        },
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-tl",
            "profiel": "TL_ECONOMIE",
            "wijk": "Nesselande",
            "interesses": ["elektro", "ict_programmeren"],
        },
        {"leerjaar": "vo3", "schooltype": "vmbo-bb", "wijk": "Charlois", "interesses": ["autos_motoren"]},
    ],
)
def test_a_school_location_is_shown_as_its_open_day_never_as_an_activity(kb: KnowledgeBase, profiel: dict) -> None:
    """R20, R26: 'Techniek College Rotterdam - Schiedamseweg' was an activity and 'doe mee met' a school."""
    a = advies(kb, **profiel)
    schoolnamen = {s.naam for s in kb.scholen.values()}
    assert any(x.open_dag_van for x in a.activiteiten)
    for x in a.activiteiten:
        assert x.naam not in schoolnamen
        if x.open_dag_van:
            assert x.naam.startswith("Open dag bij ") and "open dag" in x.reden
    for r in a.routes:  # the step names the open day of the route's school itself, not another school's
        assert r.volgende_stap.activiteit is None or kb.initiatieven[r.volgende_stap.activiteit].school is None
    fase = a.fase_advies
    if fase is not None:
        for stap in fase.stappen:
            if stap.soort == "activiteiten":
                assert "Open dag bij" not in stap.tekst["nl"]


def test_a_requested_doelgroep_opens_the_list_and_an_unasked_group_is_named(kb: KnowledgeBase) -> None:
    """R16: VHTO 'speciaal voor meisjes' was last of six. R03: VHTO listed with no gender said."""
    meisje = advies(
        kb,
        leerjaar="vo4",
        schooltype="vmbo-kb",
        interesses=["haven_schepen", "logistiek"],
        wijk="Rozenburg",
        doelgroep_activiteiten=["meisjes"],
    )
    assert meisje.activiteiten[0].gevraagde_doelgroep == "meisjes"
    assert "Speciaal voor meisjes" in meisje.activiteiten[0].reden
    lokaal = [x for x in meisje.activiteiten if x.gevraagde_doelgroep and not x.landelijk]
    landelijk = [x for x in meisje.activiteiten if x.gevraagde_doelgroep and x.landelijk]
    if lokaal and landelijk:
        assert meisje.activiteiten.index(lokaal[0]) < meisje.activiteiten.index(landelijk[0])
    havo = advies(kb, leerjaar="vo5", schooltype="havo", interesses=["gaming", "ict_programmeren"], postcode="2611")
    vhto = [x for x in havo.activiteiten if x.id == "ini_vhto"]
    assert all("Vooral bedoeld voor meisjes" in x.reden and x.score_delen["groep"] < 0 for x in vhto)


def test_a_car_interest_gets_car_activities_first(kb: KnowledgeBase) -> None:
    """R32/R04 (bb3 Charlois, cars): the activities were generic, none about cars."""
    a = advies(
        kb,
        leerjaar="vo3",
        schooltype="vmbo-bb",
        interesses=["autos_motoren"],
        werkvoorkeuren=["handen"],
        wijk="Charlois",
        taal_ouders="tr",
    )
    assert "autos_motoren" in a.activiteiten[0].passende_interesses
    assert "auto's en motoren" in a.activiteiten[0].reden and "tr" in a.activiteiten[0].uitleg


def test_every_interest_gets_its_best_activity(kb: KnowledgeBase) -> None:
    """R13 (kb1, elektro + gaming): elektro activities must not crowd out the one about gaming. (In Rotterdam:
    the gaming programme runs via Rotterdam schools, so since review 4 it is not offered in Capelle.)"""
    a = advies(
        kb, leerjaar="vo1", schooltype="vmbo-kb", interesses=["elektro", "gaming"], wijk="Kralingen", taal_ouders="ar"
    )
    assert {i for x in a.activiteiten for i in x.passende_interesses} == {"elektro", "gaming"}


@pytest.mark.parametrize(
    "profiel",
    [
        {
            "leerjaar": "vo2",
            "schooltype": "vmbo-bb",
            "interesses": ["dieren_natuur"],
            "wijk": "Carnisselande",
            "taal_ouders": "ar",
        },
        {
            "leerjaar": "vo4",
            "schooltype": "vmbo-gl",
            "interesses": ["economie_handel", "mode_uiterlijk"],
            "wijk": "Laak",
            "taal_ouders": "tr",
        },
        {
            "leerjaar": "groep8",
            "schooltype": "po",
            "schooladvies": "vmbo-bb",
            "interesses": ["koken_horeca", "sport_bewegen"],
            "wijk": "Schilderswijk",
        },
    ],
)
def test_a_pupil_outside_techniek_gets_one_line_not_five_unrelated_activities(kb: KnowledgeBase, profiel: dict) -> None:
    """R14, R05, R12, R06: a maritime museum at the top for an animal lover, Zeekadetten for economie pupils."""
    a = advies(kb, **profiel)
    assert sum(not x.passende_interesses for x in a.activiteiten) <= 1  # one general try-out at most (review 5)
    assert all("niet gekozen op je interesses" in x.reden for x in a.activiteiten if not x.passende_interesses)
    assert all(
        not (set(kb.initiatieven[x.id].branches) - {"techniek_breed"})
        for x in a.activiteiten
        if not x.passende_interesses
    )
    if not any(x.passende_interesses for x in a.activiteiten):
        line = [m for m in a.meldingen if "kent in de buurt geen activiteiten over" in m["nl"]]
        assert len(line) == 1 and set(line[0]) == set(a.talen)
    assert all(r.volgende_stap.activiteit != "ini_zeekadetten" for r in a.routes)


def test_an_imported_activity_is_about_an_interest_by_its_own_coding(kb: KnowledgeBase) -> None:
    """The school's own list reaches the mentor through the same index and the same fit rule."""
    base: Initiatief = kb.initiatieven["ini_ret"]
    own = [
        base.model_copy(
            update={
                "id": "eigen_garage",
                "naam": "Garagemiddag",
                "interesses": ["autos_motoren"],
                "branches": ["techniek_breed"],
                "via_school": False,
            }
        )
    ]
    p = Profiel.model_validate(
        {"leerjaar": "vo3", "schooltype": "vmbo-bb", "interesses": ["autos_motoren"], "wijk": "Charlois"}
    )
    plaats = (base.locatie.lat, base.locatie.lon)
    assert plaats[0] is not None and plaats[1] is not None
    acts = rank_activiteiten(kb, p, (float(plaats[0]), float(plaats[1])), n=6, extra=own)
    eigen = next(x for x in acts if x.id == "eigen_garage")
    assert eigen.passende_interesses == ["autos_motoren"] and "auto's en motoren" in eigen.reden
    zonder = rank_activiteiten(
        kb, p, (float(plaats[0]), float(plaats[1])), n=20, extra=[own[0].model_copy(update={"interesses": []})]
    )
    assert all(x.passende_interesses == [] for x in zonder if x.id == "eigen_garage")


def test_the_family_report_asks_the_mentor_about_a_programme_that_runs_through_the_school(kb: KnowledgeBase) -> None:
    """The verslag said 'Of doe mee met Kennismaken met de RET' for a programme a pupil cannot join alone.
    (The RET is coded with elektro and machines since review 6: it is public transport, not cars.)"""
    from app.report import page_content

    p = Profiel.model_validate(
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-bb",
            "interesses": ["machines"],
            "wijk": "Charlois",
            "taal_ouders": "tr",
        }
    )
    a = recommend(kb, p)
    assert any(r.volgende_stap.activiteit_via_school for r in a.routes[:3])
    for taal, school_zin in (("nl", "dat loopt via school"), ("tr", "okul üzerinden yürür")):
        page = page_content(kb, p, a, taal)
        for regel, route in zip(page.routes, a.routes, strict=False):
            stap = route.volgende_stap
            if stap.activiteit_naam:
                assert stap.activiteit_naam in regel.volgende_stap
                assert (school_zin in regel.volgende_stap) == stap.activiteit_via_school, regel.volgende_stap

"""Review 3 (issue 13), what the reader sees: caveats in the short havo/vwo list, a school step in every stage
advice, coding slips and list grammar. Each test runs on the REAL knowledge base and fails on the old behaviour."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from typing import Any

from knowledge.loader import KnowledgeBase
from recommender.advies import recommend
from recommender.models import Advies
from recommender.profile import Profiel
from tests.recommender.helpers import advies


def _cli_text(a: Advies) -> str:
    from app.commands.recommend_cmd import _print_human

    out = io.StringIO()
    with redirect_stdout(out):
        _print_human(a)
    return out.getvalue()


def test_havo_side_list_shows_the_travel_limit_and_salary_caveats(kb: KnowledgeBase) -> None:
    """R09 (max 3 km) and R30 (salaris): the short mbo-4 list keeps every caveat the explanation holds."""
    a = advies(
        kb,
        leerjaar="vo4",
        schooltype="havo",
        interesses=["elektro"],
        belangrijk=["salaris"],
        wijk="Hoogvliet",
        max_reisafstand_km=3,
        taal_ouders="pl",
    )
    zijpad = [r for r in a.routes if r.zijpad]
    assert zijpad
    ver = [r for r in zijpad if r.afstand_km is not None and r.afstand_km > 3]
    assert ver, "the persona has mbo-4 options beyond 3 km"
    for r in ver:
        assert any("verder dan 3 km" in z for z in r.kanttekeningen["nl"]), r.kanttekeningen
        assert len(r.kanttekeningen["pl"]) == len(r.kanttekeningen["nl"])
    for r in zijpad:
        assert any("geen bron met lonen" in z for z in r.kanttekeningen["nl"])
    text = _cli_text(a)
    side = text.split("Ook mogelijk: mbo niveau 4", 1)[1]
    assert "verder dan 3 km" in side
    assert side.count("geen bron met lonen") == 1, "the salary remark is said once in the short list"


def test_report_next_step_carries_the_caveats_once(kb: KnowledgeBase) -> None:
    from app.report import page_content

    p = Profiel.model_validate(
        dict(
            leerjaar="vo4",
            schooltype="havo",
            interesses=["elektro"],
            belangrijk=["salaris"],
            wijk="Hoogvliet",
            max_reisafstand_km=3,
        )
    )
    a = recommend(kb, p)
    page = page_content(kb, p, a, "nl")
    stappen = " ".join(r.volgende_stap for r in page.routes)
    assert "verder dan 3 km" in stappen
    assert stappen.count("geen bron met lonen") == 1


SCHOOL_STAPPEN = {"scholen", "scholen_zoeken", "scholen_lokaal", "eigen_school_mist", "school_zonder_profiel"}


def test_every_stage_advice_for_groep_7_8_and_klas_1_2_has_a_school_step(kb: KnowledgeBase) -> None:
    """R36 (groep 7, advice tl): every stage advice ends with named schools or the honest scholenopdekaart.nl
    pointer, for every advice, with and without a place, for technical and non-technical interests."""
    gevallen: list[dict[str, Any]] = []
    for advies_ in ("vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl", "havo", "vwo"):
        for plaats in ({"wijk": "Schiedam-Oost"}, {"gemeente": "Westland"}, {}):
            for interesses in (["media_vormgeving", "koken_horeca"], ["machines"], ["zorg_welzijn"]):
                gevallen.append(
                    dict(leerjaar="groep8", schooltype="po", schooladvies=advies_, interesses=interesses, **plaats)
                )
    for schooltype in ("vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl"):
        for plaats in ({"wijk": "Schiedam-Oost"}, {"gemeente": "Westland"}, {}):
            for interesses in (["media_vormgeving", "koken_horeca"], ["machines"]):
                gevallen.append(dict(leerjaar="vo2", schooltype=schooltype, interesses=interesses, **plaats))
    for kw in gevallen:
        fa = advies(kb, **kw).fase_advies
        assert fa is not None, kw
        soorten = {s.soort for s in fa.stappen}
        assert soorten & SCHOOL_STAPPEN, (kw, soorten)


def test_monteur_mobiele_werktuigen_is_about_machines_and_autotechnicus_stays_the_car_route(kb: KnowledgeBase) -> None:
    """R35/R22: mobile werktuigen (trekkers, graafmachines) is a machines trade, not mainly cars."""
    from recommender.routes import kern_interesses

    for opl in kb.opleidingen.values():
        if "mobiele werktuigen" in opl.naam:
            assert kern_interesses(opl) == ("machines",), opl.id
    a = advies(kb, leerjaar="vo2", schooltype="vmbo-bb", interesses=["machines"], gemeente="Westland")
    for r in a.routes:
        if "mobiele werktuigen" in r.opleiding.naam:
            assert not r.raakvlak and "raakvlak" not in r.uitleg["nl"], r.uitleg["nl"]
    a = advies(
        kb, leerjaar="vo4", schooltype="vmbo-bb", interesses=["machines", "autos_motoren"], wijk="Hellevoetsluis"
    )
    auto = [r for r in a.routes if r.opleiding.naam == "Autotechnicus"]
    assert auto and auto[0].hoofdroute


def test_hbo_direction_names_only_the_interests_it_is_about(kb: KnowledgeBase) -> None:
    """R30 (havo, elektro + energie): no 'Aeronautical engineering past bij elektrotechniek'."""
    from recommender.fase import ho_richtingen

    a = advies(
        kb, leerjaar="vo4", schooltype="havo", interesses=["elektro", "energie_duurzaamheid"], gemeente="Zoetermeer"
    )
    assert a.fase_advies is not None
    for v in a.fase_advies.vervolg:
        if "Aeronautical" in v.naam or "Werktuigbouwkunde" in v.naam:
            assert "elektro" not in v.interesses, v
    # and a machines pupil still gets it, with machines named
    from recommender.advies import score_alle

    p = Profiel.model_validate(dict(leerjaar="vo4", schooltype="havo", interesses=["machines", "elektro"]))
    vlieg = [s for s in score_alle(kb, p, None) if "vliegtuig" in s.route.naam.lower()]
    assert vlieg
    aero = [v for v in ho_richtingen(vlieg, p) if "Aeronautical" in v.naam]
    assert aero and aero[0].interesses == ["machines"]


def test_lists_of_names_that_hold_the_conjunction_do_not_chain_it() -> None:
    """'budowanie i energia i ekologia', 'Енергетика і сталий розвиток і ІКТ': one formatter, all six languages."""
    from knowledge.i18n import LANGUAGES, word
    from knowledge.i18n.formats import format_list

    for lang in LANGUAGES:
        namen = [word("interesse", c, lang) for c in ("bouwen", "energie_duurzaamheid", "ict_programmeren")]
        tekst = format_list(namen, lang)
        for naam in namen:
            assert naam in tekst
        # commas between the names, and before the last one a joiner that reads as one (review 10: no semicolons)
        komma, laatste = LIJST_NAAM_MET_VOEGWOORD[lang]
        assert tekst == komma.join(namen[:-1]) + laatste + namen[-1], (lang, tekst)
        assert ";" not in tekst and "؛" not in tekst, (lang, tekst)
        assert format_list(["A", "B"], lang) != "A; B", lang  # plain names keep the normal list


# how a list of names that hold "en"/"and"/... reads in each language (the expected sentence seams)
LIJST_NAAM_MET_VOEGWOORD = {
    "nl": (", ", ", en "),
    "en": (", ", ", and "),
    "tr": (", ", " ile "),
    "pl": (", ", ", a także "),
    "uk": (", ", ", а також "),
    "ar": ("، ", "، و"),
}


def test_klas_4_with_unknown_profiel_is_told_information_not_a_choice(kb: KnowledgeBase) -> None:
    """R06/R33: 'Op het vmbo passen M&T en MaT' is pointless in klas 4; klas 2 still chooses."""
    a = advies(kb, leerjaar="vo4", schooltype="vmbo-kb", interesses=["autos_motoren"], gemeente="Rotterdam")
    for r in a.routes:
        assert "Op het vmbo pas" not in r.uitleg["nl"], r.uitleg["nl"]
    assert any("sluit aan op" in r.uitleg["nl"] for r in a.routes)
    a = advies(kb, leerjaar="vo2", schooltype="vmbo-kb", interesses=["autos_motoren"], gemeente="Rotterdam")
    assert any("Op het vmbo pas" in r.uitleg["nl"] for r in a.routes)


def test_verslag_names_the_profiel_as_the_advice_does(kb: KnowledgeBase) -> None:
    """pl verslag: 'profil vmbo Mobilność i transport' on one line and 'Mobiliteit en transport' on the next."""
    from app.report import page_content
    from recommender.explain import profiel_naam

    p = Profiel.model_validate(
        dict(
            leerjaar="groep8",
            schooltype="po",
            schooladvies="vmbo-tl",
            interesses=["media_vormgeving"],
            taal_ouders="pl",
        )
    )
    a = recommend(kb, p)
    page = page_content(kb, p, a, "pl")
    stappen = [r.volgende_stap for r in page.routes]
    assert stappen and all(profiel_naam(kb, r.vmbo_profiel or "") in s for r, s in zip(a.routes, stappen, strict=False))
    assert not any("profil tl" in s for s in stappen)


def test_baanzekerheid_for_an_opleiding_source_is_said_plainly(kb: KnowledgeBase) -> None:
    from knowledge.i18n import t

    assert "met naam, niet een beroep apart" not in t("advies.baanzekerheid_opleiding", "nl")


def test_techniekprofielen_overview_shows_each_profiels_typical_routes(kb: KnowledgeBase) -> None:
    """R23 (kb3, nothing filled in): 'BWI -> Eerste monteur laagspanningsdistributie' is odd; BWI leads with
    timmerman and other bouw routes, one route per trade."""
    from recommender.fase import techniekprofielen

    p = Profiel.model_validate(dict(leerjaar="vo3", schooltype="vmbo-kb", gemeente="Rotterdam"))
    keuzes = {k.code: k.uitleg["nl"] for k in techniekprofielen(kb, p, ["nl"])}
    assert "timmerman" in keuzes["BWI"] and "laagspanning" not in keuzes["BWI"], keuzes["BWI"]
    assert "Eerste monteur gas" not in keuzes["BWI"]
    assert not ("Eerste autotechnicus" in keuzes["MT"] and "Autotechnicus," in keuzes["MT"])


def test_lab_pupil_gets_the_common_lab_and_life_science_directions(kb: KnowledgeBase) -> None:
    """R34 (havo3 Delft, proefjes + dieren): Biologie en medisch laboratoriumonderzoek (hbo); for vwo also
    Life Science & Technology (general knowledge, as every hbo/wo direction: no figures)."""
    a = advies(kb, leerjaar="vo3", schooltype="havo", interesses=["natuur_proefjes", "dieren_natuur"], gemeente="Delft")
    assert a.fase_advies is not None
    namen = [v.naam for v in a.fase_advies.vervolg]
    assert "Biologie en medisch laboratoriumonderzoek" in namen, namen
    a = advies(kb, leerjaar="vo3", schooltype="vwo", interesses=["natuur_proefjes"], gemeente="Delft")
    assert a.fase_advies is not None
    assert "Life Science & Technology" in [v.naam for v in a.fase_advies.vervolg]


def test_schools_whose_profiel_a_newer_report_doubts_are_flagged_with_that_source(kb: KnowledgeBase) -> None:
    """R02: the 2019 plan lists M&T at Zuiderpark and Wartburg De Swaef; Oberon 2024 § 2.2 counts one location."""
    a = advies(
        kb, leerjaar="groep7", schooltype="po", schooladvies="vmbo-kb", interesses=["autos_motoren"], wijk="Spijkenisse"
    )
    assert a.fase_advies is not None
    stap = [s for s in a.fase_advies.stappen if s.soort == "scholen_nagaan"]
    assert stap and stap[0].bron == "oberon2024#2.2"
    assert "Zuiderpark College" in stap[0].tekst["nl"] and "2019" in stap[0].tekst["nl"]

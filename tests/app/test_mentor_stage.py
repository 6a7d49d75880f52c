"""The mentor page shows the whole advice (issue 13's parts) in the page's language: the stage advice first for
groep 7/8 and vo1-2 with the routes 'for later', hbo directions for havo, what each beroep is, the leerbedrijf
step on BBL routes, activities that run through the school, and the sector sentences with source and year."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from knowledge import load_knowledge
from knowledge.i18n import t
from recommender.advies import recommend
from recommender.profile import Profiel

APP = str(Path(__file__).resolve().parents[2] / "app" / "streamlit_app.py")

GROEP8 = {
    "leerjaar": "groep8",
    "schooltype": "po",
    # bouwen: a profiel (BWI) with a known school near Charlois; drawing alone now maps to MVI only (review 7, R52)
    "interesses": ["tekenen_ontwerpen", "bouwen"],
    "plaats": "Charlois",
    "taal_ouders": "ar",
}
KLAS1 = {
    "leerjaar": "vo1",
    "schooltype": "vmbo-kb",
    "interesses": ["bouwen", "elektro"],
    "plaats": "3083",
    "taal_ouders": "tr",
}
KLAS3_BBL = {
    "leerjaar": "vo3",
    "schooltype": "vmbo-kb",
    "interesses": ["autos_motoren"],
    "leerweg_voorkeur": "BBL",
    "plaats": "Spijkenisse",
    "taal_ouders": "nl",
}
HAVO4 = {
    "leerjaar": "vo4",
    "schooltype": "havo",
    "interesses": ["ict_programmeren"],
    "plaats": "Delft",
    "taal_ouders": "nl",
}
ZORG = {
    "leerjaar": "vo3",
    "schooltype": "vmbo-kb",
    "interesses": ["zorg_welzijn", "elektro"],
    "plaats": "3083",
    "taal_ouders": "nl",
}


def _run(profile: dict[str, Any], lang: str = "nl") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("pages/mentor.py")
    at.run()
    setters = {
        "leerjaar": "selectbox",
        "schooltype": "selectbox",
        "taal_ouders": "selectbox",
        "interesses": "multiselect",
        "plaats": "text_input",
        "leerweg_voorkeur": "radio",
    }
    for field in ("schooltype", "leerjaar", "interesses", "leerweg_voorkeur", "plaats", "taal_ouders"):
        if field in profile:
            getattr(at, setters[field])(key=f"m_{field}@{lang}").set_value(profile[field])
    at.form_submit_button[0].click()
    at.run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> list[str]:
    """Everything shown, in page order (headers, markdown, captions, notices)."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning")
    out = []
    for node in at.main:  # walk the tree in order
        out += _walk(node, kinds)
    return out


def _walk(node: Any, kinds: tuple[str, ...]) -> list[str]:
    out = []
    if getattr(node, "type", None) in kinds and isinstance(getattr(node, "value", None), str):
        out.append(node.value)
    for child in getattr(node, "children", {}).values():
        out += _walk(child, kinds)
    return out


def _advies(profile: dict[str, Any], lang: str = "nl"):  # type: ignore[no-untyped-def]
    kb = load_knowledge()
    return kb, recommend(kb, Profiel.from_form(profile), taal_pagina=lang)


def _first(texts: list[str], needle: str) -> int:
    return next(i for i, x in enumerate(texts) if needle in x)


def test_groep8_pupil_gets_the_stage_advice_first_and_the_routes_for_later() -> None:
    texts = _texts(_run(GROEP8))
    stage = _first(texts, t("advies.fase_po_titel", "nl"))
    routes = _first(texts, t("mentor.routes", "nl"))
    later = _first(texts, t("mentor.routes_later_intro", "nl"))
    assert stage < routes < later < _first(texts, "### 1."), "stage advice, then the routes said to be for later"
    assert t("mentor.routes_later", "nl") in texts[later]
    assert sum(t("mentor.later_badge", "nl") in x for x in texts) >= 3  # each route card is marked
    joined = "\n".join(texts)
    assert t("mentor.stage_profielen", "nl") in joined and "Media, vormgeving en ICT" in joined
    assert t("mentor.stage_scholen", "nl") in joined and "~" in joined  # approximate distances say so


def test_klas1_pupil_gets_the_profielkeuze() -> None:
    texts = _texts(_run(KLAS1))
    stage = _first(texts, t("advies.fase_vo_onderbouw_titel", "nl"))
    profielen = _first(texts, t("mentor.stage_profielen", "nl"))
    assert stage < profielen < _first(texts, t("mentor.routes_later", "nl"))
    assert any(t("mentor.later_badge", "nl") in x for x in texts)
    joined = "\n".join(texts)
    assert "Bouwen, wonen en interieur" in joined and "Produceren, installeren en energie" in joined
    assert "SEOR 2026" in joined  # the share of pupils at a school with the profiel names its source


def test_havo_pupil_gets_hbo_directions() -> None:
    texts = _texts(_run(HAVO4))
    joined = "\n".join(texts).replace("\\", "")  # markdown escapes ('HBO\\-ICT') are not what a reader sees
    assert _first(texts, t("mentor.stage_vervolg", "nl")) < _first(texts, t("mentor.routes", "nl"))
    assert "1. 🎓 **hbo Informatica / HBO-ICT**" in joined and "Hogeschool Rotterdam" in joined
    assert t("mentor.also_via", "nl", routes="Software developer").split(":")[0] in joined
    # mbo 4 is the short side list after the directions, not numbered route cards (review R11)
    assert _first(texts, t("mentor.stage_vervolg", "nl")) < _first(texts, t("mentor.side_routes", "nl"))
    assert not any(x.startswith("### 1.") for x in texts)


def test_bbl_route_shows_the_leerbedrijf_step() -> None:
    at = _run(KLAS3_BBL)
    steps = [i.value for i in at.info if t("mentor.leerbedrijf", "nl") in i.value]
    _, advies = _advies(KLAS3_BBL)
    bbl = [r for r in advies.routes if r.volgende_stap.leerbedrijf]
    assert len(bbl) >= 2 and len(steps) == 1 and "leerbanen" in steps[0]  # said once in full...
    reminders = [c.value for c in at.caption if t("mentor.leerbedrijf_again", "nl") in c.value]
    assert len(reminders) == len(bbl) - 1  # ...and recalled on the other BBL routes


def test_activities_through_the_school_are_marked() -> None:
    at = _run(HAVO4)
    listing = next(m.value for m in at.markdown if "<ol class='lob-map-list'" in m.value)
    _, advies = _advies(HAVO4)
    via = [a for a in advies.activiteiten if a.via_school]
    assert via, "this profile has school programmes among its activities"
    assert listing.count("lob-via-school") == len(via)
    assert t("mentor.via_school", "nl") in listing


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_beroep_descriptions_in_the_page_language(lang: str) -> None:
    at = _run(KLAS3_BBL, lang)
    kb, advies = _advies(KLAS3_BBL, lang)
    joined = "\n".join(_texts(at))
    for route in advies.routes:
        for b in route.beroepen_info:
            wanted = kb.beroepen[b.id].korte_omschrijving[lang]
            assert wanted in joined.replace("\\", ""), (b.naam, wanted)
            assert kb.beroepen[b.id].korte_omschrijving["nl"] not in joined


def test_sector_sentences_with_source_and_year() -> None:
    _, advies = _advies(ZORG)
    assert advies.sector_uitspraken, "the knowledge says something about zorg"
    joined = "\n".join(_texts(_run(ZORG))).replace("\\", "")
    assert t("mentor.sector_title", "nl") in joined
    for z in advies.sector_uitspraken:
        assert z.tekst["nl"].replace("\\", "") in joined


def test_arabic_page_has_no_dutch_only_new_headings() -> None:
    profile = dict(GROEP8, taal_ouders="nl")  # parents in Dutch: the page's Arabic must come from the page language
    texts = _texts(_run(profile, "ar"))
    joined = "\n".join(texts)
    for key in (
        "mentor.routes_later",
        "mentor.routes_later_intro",
        "mentor.stage_profielen",
        "mentor.stage_scholen",
        "mentor.stage_steps",
        "mentor.later_badge",
        "mentor.beroepen",
        "advies.fase_po_titel",
    ):
        assert t(key, "ar") in joined, key
        assert t(key, "nl") not in joined, key
    assert any('dir="rtl"' in x or "direction: rtl" in x for x in texts)


def test_groep7_in_hoogvliet_sees_the_local_search_before_a_school_in_another_town() -> None:
    """Review 5, defect 1 (R44) on the page: Focus Beroepsacademie (Barendrecht) is not in the school list at the
    top but in the 'verder weg' step after the local search for Groen; a school placed only at gemeente level says
    its exact place is unknown."""
    profile = {
        "leerjaar": "groep7",
        "schooltype": "po",
        "interesses": ["machines", "dieren_natuur"],
        "plaats": "Hoogvliet",
        "taal_ouders": "nl",
    }
    texts = _texts(_run(profile))
    kop = _first(texts, t("mentor.stage_scholen", "nl"))
    stap_kop = _first(texts, t("mentor.stage_steps", "nl"))
    lijst = texts[kop:stap_kop]
    assert lijst and not any("Focus Beroepsacademie" in x for x in lijst)
    assert any("precieze plek onbekend" in x for x in lijst)  # Wartburg College De Swaef: gemeente level
    zoek = _first(texts, "zoek op Rotterdam")
    verder = _first(texts, "Verder weg, buiten Rotterdam")
    assert stap_kop < zoek < verder and "Focus Beroepsacademie" in texts[verder]


def test_an_mbo4_route_card_offers_hbo_and_names_wo_only_via_the_hbo() -> None:
    """Review 6, defect 1: the card said 'Daarna kan: ... wo Elektrotechniek (TU Delft)' under an mbo 4 route."""
    profile = {
        "leerjaar": "vo4",
        "schooltype": "vmbo-kb",
        "interesses": ["elektro"],
        "plaats": "Vlaardingen",
        "taal_ouders": "nl",
    }
    kb, advies = _advies(profile)
    assert any(r.wo_via_hbo for r in advies.routes), "the data holds wo behind an mbo 4 elektro route"
    texts = _texts(_run(profile))
    na = [x for x in texts if t("mentor.after_mbo4", "nl") in x]
    assert na and all(" wo " not in x.replace("🎓", " ") for x in na), na
    zin = next(r.wo_via_hbo["nl"] for r in advies.routes if r.wo_via_hbo)
    assert any(zin in x.replace("\\", "") for x in texts)  # shown as plain text (markdown escaped)

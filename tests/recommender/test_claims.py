"""Honest labour-market claims, distance wording and region notices (review 2, "Factually wrong, overreaching
or unsourced"). Each rule is checked over the WHOLE real knowledge base, not on one persona."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from knowledge import vocab
from knowledge.i18n import LANGUAGES, t
from knowledge.loader import KnowledgeBase
from knowledge.sources import source_label
from recommender.models import Advies
from recommender.routes import route_index, route_sectoren
from tests.recommender.helpers import advies


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).lower()


# --- labour market --------------------------------------------------------------------------------------------
def test_every_sector_sentence_names_every_sector_of_its_route(kb: KnowledgeBase) -> None:
    """A sector source gives a sentence only on routes whose richting AND every beroep lie in the sectors it names:
    the Masterplan's 'bouw, installatietechniek en ICT' never lands on Meubelmaker or loonwerk (review 2)."""
    opleidingen = kb.opleidingen
    checked = 0
    for route in route_index(kb).routes:
        if route.sector is None:
            continue
        rec = kb.sectoren[route.sector.id]
        sectoren = route_sectoren(kb, opleidingen[route.id])
        assert sectoren <= set(rec.richtingen), (route.id, rec.id, sorted(sectoren - set(rec.richtingen)))
        for b in route.beroep_ids:
            assert kb.beroepen[b].sector in rec.richtingen, (route.id, b, rec.id)
        checked += 1
    assert checked > 40
    bouw_ict = set(kb.sectoren["sec_masterplan_bouw_installatie_ict"].richtingen)
    assert not bouw_ict & {"hout_meubel", "groen"}
    assert kb.beroepen["ber_meubelmaker"].sector == "hout_meubel"
    assert kb.beroepen["ber_machinist_groen_grond_infra"].sector == "groen"
    for route in route_index(kb).routes:
        if "ber_meubelmaker" in route.beroep_ids or "ber_machinist_groen_grond_infra" in route.beroep_ids:
            assert route.sector is None or route.sector.id != "sec_masterplan_bouw_installatie_ict", route.id
            assert route.markt is None or route.markt.label != "groot_tekort", route.id


def test_a_vmbo_profiel_statement_is_never_an_mbo_route_label(kb: KnowledgeBase) -> None:
    """Oberon 2024 2.1 speaks about the vmbo profiel MVI: it is no sentence on Mediavormgever or Game art."""
    profiel_records = {s.id for s in kb.sectoren.values() if s.profielen}
    assert "sec_oberon2024_mvi" in profiel_records
    for s in kb.sectoren.values():
        if s.profielen:
            assert not s.richtingen and not s.interesses, s.id
    for route in route_index(kb).routes:
        assert route.sector is None or route.sector.id not in profiel_records, route.id


def test_figuur_10_is_a_sentence_about_the_opleiding_it_names(kb: KnowledgeBase, seeds_dir: Path) -> None:
    """STO Zuid 2019 Figuur 10 lists opleidingen (per mbo niveau), not beroepen: no beroep carries it, and each
    opleiding that does is named in the report at its own niveau."""
    for b in kb.beroepen.values():
        assert "Figuur 10" not in (b.arbeidsmarkt.bron.sectie or ""), b.id
    rapport = _flat((seeds_dir / kb.bronnen["sto_zuid2019"].bestand).read_text(encoding="utf-8"))  # type: ignore[operator]
    figuur = rapport[rapport.index("arbeidsmarktanalyse (figuur 10)") :][:1500]
    claims = [o for o in kb.opleidingen.values() if o.arbeidsmarkt is not None]
    assert len(claims) >= 10
    for o in claims:
        am = o.arbeidsmarkt
        assert am is not None and am.bron.bron == "sto_zuid2019" and "Figuur 10" in (am.bron.sectie or "")
        assert _flat(am.naam_in_bron) in figuur, (o.id, am.naam_in_bron)
        blok = figuur[figuur.index(f"mbo niveau {o.niveau}") :]
        assert _flat(am.naam_in_bron) in blok, (o.id, "wrong niveau")


def test_the_opleiding_sentence_names_the_opleiding_in_every_language(kb: KnowledgeBase) -> None:
    a = advies(
        kb,
        leerjaar="vo4",
        schooltype="vmbo-kb",
        interesses=["autos_motoren"],
        postcode="3083",
        taal_ouders="tr",
    )
    talen = list(LANGUAGES)
    from recommender.explain import markt_zin

    seen = 0
    for r in a.routes:
        if r.arbeidsmarkt_schaal != "opleiding":
            continue
        seen += 1
        assert r.arbeidsmarkt_tekst and "de opleiding " + r.opleiding.naam in r.arbeidsmarkt_tekst["nl"]
        # no beroep claim is made: the beroepen of the route carry no label from Figuur 10
        assert not any(b.arbeidsmarkt_bron and "Figuur 10" in b.arbeidsmarkt_bron for b in r.beroepen_info)
    assert seen, [r.opleiding.id for r in a.routes]
    route = next(x for x in route_index(kb).routes if x.id == "opl_eerste_autotechnicus_n3")
    assert route.markt is not None and route.markt.schaal == "opleiding"
    for taal in talen:
        zin = markt_zin(kb, route.markt, route.sector, taal)
        assert zin and "Eerste autotechnicus" in zin and "Autotechnicus (" not in zin, taal


def test_a_sector_sentence_carries_a_year(kb: KnowledgeBase) -> None:
    """The year of the data is in the sentence (gegevensjaar in every language), or the source label gives the
    report's year, or says that the report has none (the Masterplan, review 9)."""
    for s in kb.sectoren.values():
        bron = kb.bronnen[s.bron.bron]
        for taal in LANGUAGES:
            if s.gegevensjaar:
                assert s.gegevensjaar in s.tekst[taal], (s.id, taal)
            else:
                jaar = t("bron.no_year", taal) if bron.zonder_jaartal else str(bron.jaar)
                assert jaar in source_label(kb, s.bron, taal), (s.id, taal)


# --- distances ---------------------------------------------------------------------------------------------------
def test_the_default_travel_limit_is_named_as_a_default(kb: KnowledgeBase) -> None:
    """R01/R14/R25: a pupil who set no maximum never reads 'de reisafstand in het profiel'."""
    kw: dict[str, Any] = dict(
        leerjaar="vo3",
        schooltype="vmbo-tl",
        interesses=["haven_schepen"],  # the maritime schools are in Rotterdam, over 15 km from Zoetermeer
        wijk="Rokkeveen",
        taal_ouders="ar",
    )
    ver = [u for r in advies(kb, **kw).routes if "verder dan" in (u := r.uitleg["nl"])]
    assert ver and all("verder dan 15 km (zonder opgegeven reisafstand" in u for u in ver)
    gezet = [u for r in advies(kb, **kw, max_reisafstand_km=10).routes if "verder dan" in (u := r.uitleg["nl"])]
    assert gezet and all("verder dan 10 km, de reisafstand in het profiel" in u for u in gezet)


def _km_texts(a: Advies) -> list[str]:
    """Every user-facing text of an advice that prints a distance."""
    texts = [r.uitleg["nl"] for r in a.routes] + [r.volgende_stap.tekst["nl"] for r in a.routes]
    texts += [x.reden for x in a.activiteiten]
    if a.fase_advies is not None:
        texts += [s.tekst["nl"] for s in a.fase_advies.stappen]
    return [t for t in texts if re.search(r"\d km", t)]


@pytest.mark.parametrize(
    "place",
    [
        {"gemeente": "Rotterdam"},
        {"gemeente": "Vlaardingen"},
        {"wijk": "Charlois"},
        {"wijk": "Rokkeveen"},
        {"postcode": "3072"},
        {"postcode": "2611"},
    ],
)
def test_every_distance_from_an_approximate_home_has_a_tilde(kb: KnowledgeBase, place: dict[str, str]) -> None:
    """R07 '10,5 km', R23 '0,6 km': from a gemeente centroid or wijk centre every distance is '~', everywhere."""
    for kw in (
        dict(leerjaar="vo4", schooltype="vmbo-bb", interesses=["bouwen"]),
        dict(leerjaar="vo3", schooltype="vmbo-kb"),
        dict(leerjaar="groep8", schooltype="po", schooladvies="vmbo-kb", interesses=["autos_motoren"]),
    ):
        a = advies(kb, **kw, **place)
        assert a.plaats is not None and a.plaats.bij_benadering
        distances = [r.afstand_bij_benadering for r in a.routes if r.afstand_km is not None]
        distances += [x.afstand_bij_benadering for x in a.activiteiten if x.afstand_km is not None]
        distances += [s.volgende_stap.afstand_bij_benadering for s in a.routes if s.volgende_stap.afstand_km]
        if a.fase_advies is not None:
            distances += [s.afstand_bij_benadering for s in a.fase_advies.scholen if s.afstand_km is not None]
        assert all(distances), (place, kw)
        for text in _km_texts(a):
            text = re.sub(r"(dan|met|[Bb]innen) \d+ km", "", text)  # the travel limit is no distance from home
            for m in re.finditer(r"(\S*)\d+(?:,\d)? km", text):
                assert "~" in m.group(0), (place, m.group(0), text)


def test_a_postcode_home_is_approximate_too(kb: KnowledgeBase) -> None:
    """Review 4 (R10 'STC 2,9 km'): a 4-digit postcode is known only as its area's centre point, so its distances
    carry '~' like a wijk's (it was treated as precise before)."""
    a = advies(kb, leerjaar="vo4", schooltype="vmbo-bb", interesses=["bouwen"], postcode="3083")
    assert a.plaats is not None and a.plaats.bij_benadering
    assert all(r.afstand_bij_benadering for r in a.routes if r.afstand_km is not None)


# --- region --------------------------------------------------------------------------------------------------------
def test_the_region_is_the_21_mrdh_gemeenten_of_the_source(kb: KnowledgeBase) -> None:
    """seor2026 Tabel 3.4 lists the 21 MRDH gemeenten; exactly those gemeente records carry its figures."""
    met_tabel = {
        g.naam
        for g in kb.gebieden.values()
        if g.soort == "gemeente" and any("Tabel 3.4" in (c.bron.sectie or "") for c in g.cijfers)
    }
    assert met_tabel == set(vocab.MRDH_GEMEENTEN) and len(vocab.MRDH_GEMEENTEN) == 21
    assert {"Gouda", "Waddinxveen"} & set(vocab.MRDH_GEMEENTEN) == set()


@pytest.mark.parametrize("place", [{"gemeente": "Gouda"}, {"gemeente": "Waddinxveen"}, {"postcode": "2801"}])
def test_a_place_outside_mrdh_gets_a_notice_and_keeps_its_distances(kb: KnowledgeBase, place: dict[str, str]) -> None:
    """R31: Gouda is no MRDH gemeente; the advice says the schools there are not fully known, distances stay."""
    a = advies(kb, leerjaar="vo4", schooltype="vmbo-tl", interesses=["elektro"], taal_ouders="uk", **place)
    soorten = [w.soort for w in a.waarschuwingen]
    assert "buiten_regio_plaats" in soorten and "buiten_regio" not in soorten
    w = next(w for w in a.waarschuwingen if w.soort == "buiten_regio_plaats")
    assert "buiten de regio" in w.tekst["nl"] and "niet volledig" in w.tekst["nl"] and w.tekst["uk"]
    assert a.plaats is not None and a.plaats.buiten_mrdh and a.plaats.afstanden
    assert any(r.afstand_km is not None for r in a.routes)


@pytest.mark.parametrize(
    "place", [{"gemeente": "Rotterdam"}, {"wijk": "Hellevoetsluis"}, {"gemeente": "Zoetermeer"}, {"postcode": "3083"}]
)
def test_a_place_inside_mrdh_gets_no_region_notice(kb: KnowledgeBase, place: dict[str, str]) -> None:
    a = advies(kb, leerjaar="vo4", schooltype="vmbo-tl", interesses=["elektro"], **place)
    assert not any(w.soort.startswith("buiten_regio") for w in a.waarschuwingen)
    assert a.plaats is not None and not a.plaats.buiten_mrdh


# --- text consistency -----------------------------------------------------------------------------------------------
def test_no_good_fit_sentence_right_after_a_profiel_warning(kb: KnowledgeBase) -> None:
    """R10: a tl pupil at a school without tl: the routes say which profiel they connect to, never 'sluit hier goed
    op aan' under a notice that doubts the profiel; without the school the fit sentence comes back."""
    kw: dict[str, Any] = dict(
        leerjaar="vo3", schooltype="vmbo-tl", profiel="TL_TECHNIEK", interesses=["haven_schepen"], postcode="3072"
    )
    a = advies(kb, school="vmbo_stc_vmbo", **kw)
    assert any(w.soort in ("school_zonder_profiel", "school_zonder_leerweg") for w in a.waarschuwingen)
    assert not any("goed op aan" in r.uitleg["nl"] for r in a.routes)
    assert any("Lees ook de opmerking bovenaan" in r.uitleg["nl"] for r in a.routes)
    b = advies(kb, **kw)
    assert not b.waarschuwingen or not any(w.soort.startswith("school_") for w in b.waarschuwingen)
    assert any("goed op aan" in r.uitleg["nl"] for r in b.routes)
    assert not any("opmerking bovenaan" in r.uitleg["nl"] for r in b.routes)


def test_a_route_for_two_profielen_of_the_leerweg_names_both(kb: KnowledgeBase) -> None:
    """R31: a route that fits TL Techniek and TL Economie names every tl profiel that fits (a logistics route)."""
    a = advies(kb, leerjaar="vo4", schooltype="vmbo-tl", interesses=["logistiek"], gemeente="Rotterdam")
    manager = next(r for r in a.routes if r.opleiding.id == "opl_manager_transport_logistiek_n4")
    assert "TL Techniek" in manager.uitleg["nl"] and "TL Economie" in manager.uitleg["nl"]
    assert "sluit aan op het vmbo-profiel" in manager.uitleg["nl"]  # klas 4: information, not a choice (review 3)
    assert "TL Techniek) of Economie" in manager.uitleg["nl"]  # either profiel; never "X; Y" (review 5)


def test_the_mvi_statement_is_said_at_the_profielkeuze_only(kb: KnowledgeBase) -> None:
    """Oberon 2024 2.1 (MVI 'minder kansrijk') belongs with the choice of the vmbo profiel, in every language,
    and on no mbo route (Mediavormgever, Game art, Podium-technicus; review R09/R20)."""
    a = advies(kb, leerjaar="vo2", schooltype="vmbo-kb", interesses=["media_vormgeving", "gaming"], taal_ouders="tr")
    assert a.fase_advies is not None
    mvi = next(p for p in a.fase_advies.profielen if p.code == "MVI")
    assert "Oberon" in mvi.uitleg["nl"] and "vmbo-profiel" in mvi.uitleg["nl"] and "2019" in mvi.uitleg["tr"]
    for r in a.routes:
        assert "Oberon" not in r.uitleg["nl"] and "Oberon" not in (r.arbeidsmarkt_tekst or {}).get("nl", "")
    b = advies(kb, leerjaar="vo4", schooltype="vmbo-kb", profiel="PIE", interesses=["elektro", "media_vormgeving"])
    assert b.routes and not any("Oberon" in r.uitleg["nl"] for r in b.routes)

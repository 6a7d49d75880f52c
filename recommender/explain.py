"""Explanations: one short paragraph per route, built only from its score parts and sources.

The Dutch text speaks to the pupil; the parents' language version speaks to the parent. Both use
the same parts in the same order, from the ``advies`` namespace of the one catalogue (knowledge.i18n):
interest -> work (named after the beroep whose coding it is) -> labour market (a named beroep with
its source, region and data year, or a sector sentence with its source) -> what the pupil finds
important -> connection (profiel, niveau, hbo) -> nearest school (``~`` when approximate).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from knowledge.i18n import t, word
from knowledge.i18n.formats import format_date, format_km, format_list
from knowledge.loader import KnowledgeBase
from knowledge.schema import BronRef
from knowledge.sources import source_label
from knowledge.vocab import TECHNISCHE_INTERESSES
from recommender.models import ActiviteitAdvies, VolgendeStap
from recommender.profile import Profiel
from recommender.routes import Markt, SectorMarkt
from recommender.scoring import RouteScore


def _interesses(codes: tuple[str, ...] | list[str], taal: str) -> str:
    return lijst([word("interesse", c, taal) for c in codes], taal)


_LABELS: dict[tuple[str, str, str | None, str], str] = {}


def bron_tekst(kb: KnowledgeBase, ref: BronRef, taal: str) -> str:
    """``source_label`` for a reader, cached per knowledge base (the same few sources recur in every advice)."""
    key = (kb.content_hash, ref.bron, ref.sectie, taal)
    if not kb.content_hash:
        return source_label(kb, ref, taal)
    if key not in _LABELS:
        _LABELS[key] = source_label(kb, ref, taal)
    return _LABELS[key]


def markt_zin(kb: KnowledgeBase, markt: Markt | None, sector: SectorMarkt | None, taal: str) -> str | None:
    """The labour-market sentence: about a beroep only when a report names it, else about the sector."""
    if markt is not None:
        regio = t("advies.markt_regio", taal, regio=markt.regio) if markt.regio else ""
        jaar = t("advies.markt_gegevensjaar", taal, jaar=markt.gegevensjaar) if markt.gegevensjaar else ""
        return t(
            "advies.markt_beroep",
            taal,
            bron=bron_tekst(kb, markt.bron, taal),
            beroep=markt.beroep,
            regio=regio,
            label_tekst=word("arbeidsmarkt", markt.label, taal),
            jaar=jaar,
        )
    if sector is not None:
        return t(
            "advies.markt_sector",
            taal,
            bron=bron_tekst(kb, sector.bron, taal),
            tekst=sector.tekst.get(taal) or sector.tekst["nl"],
        )
    return None


def route_uitleg(
    kb: KnowledgeBase, s: RouteScore, profiel: Profiel, vmbo_profiel: str | None, taal: str, horizon: bool = False
) -> str:
    """The paragraph for one scored route in ``taal``."""
    r = s.route
    zinnen: list[str] = []
    if horizon:
        zinnen.append(t("advies.po" if profiel.schooltype == "po" else "advies.horizon", taal))
    if not any(i in TECHNISCHE_INTERESSES for i in s.interesses):
        # only a non-technical interest links this route: a bridge, never "it fits" (review R14)
        zinnen.append(
            t(
                "advies.interesse_brug",
                taal,
                interesses=_interesses(s.interesses, taal),
                opleiding=r.naam,
                niveau=r.niveau,
            )
        )
    elif s.via_beroep:
        zinnen.append(
            t(
                "advies.interesse_beroep",
                taal,
                interesses=_interesses(s.interesses, taal),
                opleiding=r.naam,
                niveau=r.niveau,
                beroep=s.via_beroep,
            )
        )
    else:
        zinnen.append(
            t("advies.interesse", taal, interesses=_interesses(s.interesses, taal), opleiding=r.naam, niveau=r.niveau)
        )
    if s.werk.match and s.werk.beroep:
        zinnen.append(
            t(
                "advies.werk_beroep",
                taal,
                beroep=s.werk.beroep,
                werk=lijst([word("werkvoorkeur", w, taal) for w in s.werk.match], taal),
            )
        )
    if s.werk.conflict and s.werk.beroep:
        zinnen.append(
            t(
                "advies.werk_conflict",
                taal,
                beroep=s.werk.beroep,
                werk=lijst([word("werkvoorkeur", w, taal) for w in s.werk.conflict], taal),
            )
        )
    markt = markt_zin(kb, s.markt, s.sector, taal)
    if markt:
        zinnen.append(markt)
    elif r.beroep_namen:
        zinnen.append(t("advies.markt_geen", taal, beroep=r.beroep_namen[0]))
    for item, key in (
        ("baanzekerheid", "baanzekerheid"),
        ("snel_geld", "bbl"),
        ("doorleren_hbo", "hbo"),
        ("salaris", "salaris"),
    ):
        if item in s.belangrijk:
            if key == "baanzekerheid" and s.markt is None:  # a sector source gives a sector sentence (review R16)
                key = "baanzekerheid_sector"
            zinnen.append(t(f"advies.{key}", taal))
    if "snel_geld" not in s.belangrijk and profiel.leerweg_voorkeur == "BBL":
        zinnen.append(t("advies.bbl", taal))
    if s.profiel_sluit_aan and vmbo_profiel:
        zinnen.append(t("advies.profiel_sluit_aan", taal, profiel=profiel_naam(kb, vmbo_profiel)))
    elif vmbo_profiel and profiel.profiel and profiel.profiel != vmbo_profiel:
        # the pupil already has another profiel: never "past het profiel X hierbij" as if there were a choice
        zinnen.append(
            t(
                "advies.profiel_anders",
                taal,
                profiel=profiel_naam(kb, vmbo_profiel),
                eigen=profiel_naam(kb, profiel.profiel),
            )
        )
    elif vmbo_profiel and profiel.schooltype in ("po", "vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl"):
        zinnen.append(t("advies.profiel_advies", taal, profiel=profiel_naam(kb, vmbo_profiel)))
    if s.lager_niveau:
        zinnen.append(t("advies.niveau_lager", taal, niveau=r.niveau))
    if profiel.schooltype in ("havo", "vwo"):
        hbo = [naam for naam, soort, _ in r.vervolg if soort == "hbo"]
        if hbo:
            zinnen.append(t("advies.havo_vwo_vervolg", taal, richtingen=lijst(hbo, taal)))
        else:
            zinnen.append(t("advies.havo_vwo", taal))
    if profiel.schooltype == "po":  # groep 7/8: the school to choose now is a vo school, not an mbo (review R24)
        return " ".join(zinnen)
    d = s.dichtstbij
    if d is not None and d.km is None:
        zinnen.append(t("advies.afstand_landelijk", taal, school=d.naam))
    elif d is not None and d.km is not None:
        km = km_tekst(d.km, taal, d.benadering)
        if d.km <= profiel.max_reisafstand_km:
            zinnen.append(t("advies.afstand", taal, school=d.naam, km=km))
        else:  # the limit in words: a pupil who set none has the 15 km default and should see it
            limit = km_tekst(profiel.max_reisafstand_km, taal, False)
            zinnen.append(t("advies.afstand_ver", taal, school=d.naam, km=km, max=limit))
    elif not r.locaties:
        zinnen.append(t("advies.geen_locatie", taal))
    return " ".join(zinnen)


@lru_cache(maxsize=8192)
def _km(km: float, taal: str, benadering: bool) -> str:
    return format_km(km, taal, benadering)


@lru_cache(maxsize=8192)
def _lijst(items: tuple[str, ...], taal: str) -> str:
    return format_list(items, taal)


def km_tekst(km: float, taal: str, benadering: bool = False) -> str:
    """A distance as text; an approximate one is never shown below 1 km ("~0 km" says nothing).

    Cached: Babel's unit formatting costs most of an advice otherwise, and distances repeat.
    """
    return _km(round(max(km, 1.0) if benadering else km, 1), taal, benadering)


def lijst(items: Iterable[str], taal: str) -> str:
    """A readable list ("a, b en c") in ``taal``, through the one formatter, cached."""
    return _lijst(tuple(items), taal)


def profiel_naam(kb: KnowledgeBase, code: str) -> str:
    """'Mobiliteit en transport (MVI)' style name of a vmbo profiel, or the code."""
    p = kb.profielen.get(code)
    if p is None:
        return code
    return p.naam if p.afkorting.lower() in p.naam.lower() else f"{p.naam} ({p.afkorting})"


def volgende_stap(
    kb: KnowledgeBase,
    s: RouteScore,
    activiteit: ActiviteitAdvies | None,
    talen: list[str],
    profiel: Profiel,
    vmbo_profiel: str | None,
    horizon: bool,
    datum: dt.date | None = None,
) -> VolgendeStap:
    """The concrete next step of a route.

    po / vo1-2 (``horizon``): first the vmbo profiel, the route comes later. Otherwise: open dag or
    proefstuderen at the nearest school that offers the preferred leerweg (``~`` when approximate),
    a BBL route says a leerbedrijf is needed and how to find one, and an activity of the matching
    branche (marked when it runs through the school; with its day when it is the next dated one).
    """
    d = s.dichtstbij
    school_id = school_naam = None
    km: float | None = None
    benadering = False
    if d is not None:
        school_id, school_naam, benadering = d.school, d.naam, d.benadering
        km = round(d.km, 1) if d.km is not None else None
    scholen = [loc.naam for loc in sorted(s.route.locaties, key=lambda x: x.school)][:3]
    bbl = profiel.leerweg_voorkeur == "BBL" or s.route.alleen_bbl
    tekst: dict[str, str] = {}
    leerbedrijf: dict[str, str] | None = {} if bbl and not horizon else None
    soort = "eerst_profiel" if horizon else ("open_dag" if school_naam or scholen else "mentor")
    for taal in talen:
        if horizon:
            zin = (
                t("advies.stap_eerst_profiel", taal, profiel=profiel_naam(kb, vmbo_profiel))
                if vmbo_profiel
                else t("advies.stap_later", taal)
            )
        elif school_naam and km is not None:
            zin = t("advies.stap_open_dag_km", taal, school=school_naam, km=km_tekst(km, taal, benadering))
        elif school_naam:
            zin = t("advies.stap_open_dag", taal, school=school_naam)
        elif scholen:
            zin = t("advies.stap_open_dag_scholen", taal, scholen=lijst(scholen, taal))
        else:
            zin = t("advies.stap_mentor", taal)
        if activiteit is not None and datum is not None:
            zin += " " + t(
                "advies.stap_activiteit_datum", taal, activiteit=activiteit.naam, datum=format_date(datum, taal)
            )
        elif activiteit is not None:
            key = "advies.stap_activiteit_school" if activiteit.via_school else "advies.stap_activiteit"
            zin += " " + t(key, taal, activiteit=activiteit.naam)
        tekst[taal] = zin
        if leerbedrijf is not None:
            leerbedrijf[taal] = t("advies.stap_leerbedrijf", taal)
    return VolgendeStap(
        soort=soort,
        school=None if horizon else school_id,
        school_naam=None if horizon else school_naam,
        afstand_km=None if horizon else km,
        afstand_bij_benadering=benadering and not horizon,
        activiteit=activiteit.id if activiteit else None,
        activiteit_naam=activiteit.naam if activiteit else None,
        activiteit_via_school=bool(activiteit and activiteit.via_school),
        activiteit_datum=datum,
        tekst=tekst,
        leerbedrijf=leerbedrijf,
    )


def melding(key: str, talen: list[str], **values: object) -> dict[str, str]:
    """A notice in Dutch and the parents' language."""
    return {taal: t(f"advies.{key}", taal, **values) for taal in talen}


def interesses_tekst(codes: list[str], taal: str) -> str:
    return _interesses(codes, taal)

"""Explanations: one short paragraph per route, built only from its score parts and sources.

The Dutch text speaks to the pupil; the parents' language version speaks to the parent. Both use
the same parts in the same order, from the template catalogue in :mod:`recommender.texts`:
interest -> work preference -> labour market (with source) -> what the pupil finds important ->
connection (profiel, niveau, po/havo notes) -> nearest school.
"""
from __future__ import annotations

import datetime as dt

from knowledge.i18n import t, word
from knowledge.i18n.formats import format_date, format_km, format_list
from knowledge.loader import KnowledgeBase
from knowledge.sources import source_label
from recommender.models import ActiviteitAdvies, VolgendeStap
from recommender.profile import Profiel
from recommender.scoring import RouteScore


def _interesses(codes: tuple[str, ...] | list[str], taal: str) -> str:
    return format_list([word("interesse", c, taal) for c in codes], taal)


def route_uitleg(kb: KnowledgeBase, s: RouteScore, profiel: Profiel, vmbo_profiel: str | None, taal: str) -> str:
    """The paragraph for one scored route in ``taal``."""
    r = s.route
    zinnen: list[str] = []
    if profiel.schooltype == "po":
        zinnen.append(t("advies.po", taal))
    if s.via_beroep:
        zinnen.append(t("advies.interesse_beroep", taal, interesses=_interesses(s.interesses, taal),
                                opleiding=r.naam, niveau=r.niveau, beroep=s.via_beroep))
    else:
        zinnen.append(t("advies.interesse", taal, interesses=_interesses(s.interesses, taal), opleiding=r.naam,
                                niveau=r.niveau))
    if s.werk:
        zinnen.append(t("advies.werk", taal, werk=format_list(
            [word("werkvoorkeur", w, taal) for w in s.werk], taal)))
    if s.markt is not None:
        zinnen.append(t("advies.markt", taal, beroep=s.markt.beroep,
                                label_tekst=word("arbeidsmarkt", s.markt.label, taal),
                                bron=source_label(kb, s.markt.bron, taal)))
    elif r.beroep_namen:
        zinnen.append(t("advies.markt_geen", taal, beroep=r.beroep_namen[0]))
    for item, key in (("baanzekerheid", "baanzekerheid"), ("snel_geld", "bbl"), ("doorleren_hbo", "hbo"),
                      ("salaris", "salaris")):
        if item in s.belangrijk:
            zinnen.append(t(f"advies.{key}", taal))
    if "snel_geld" not in s.belangrijk and profiel.leerweg_voorkeur == "BBL":
        zinnen.append(t("advies.bbl", taal))
    if s.profiel_sluit_aan and vmbo_profiel:
        zinnen.append(t("advies.profiel_sluit_aan", taal, profiel=profiel_naam(kb, vmbo_profiel)))
    elif vmbo_profiel and profiel.schooltype in ("po", "vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl"):
        zinnen.append(t("advies.profiel_advies", taal, profiel=profiel_naam(kb, vmbo_profiel)))
    if s.lager_niveau:
        zinnen.append(t("advies.niveau_lager", taal, niveau=r.niveau))
    if profiel.schooltype in ("havo", "vwo"):
        zinnen.append(t("advies.havo_vwo", taal))
    if s.dichtstbij is not None:
        km = format_km(s.dichtstbij.km, taal, s.dichtstbij.benadering)
        key = "afstand" if s.dichtstbij.km <= profiel.max_reisafstand_km else "afstand_ver"
        zinnen.append(t(f"advies.{key}", taal, school=s.dichtstbij.naam, km=km))
    elif not r.locaties:
        zinnen.append(t("advies.geen_locatie", taal))
    return " ".join(zinnen)


def profiel_naam(kb: KnowledgeBase, code: str) -> str:
    """'Mobiliteit en transport (MVI)' style name of a vmbo profiel, or the code."""
    p = kb.profielen.get(code)
    if p is None:
        return code
    return p.naam if p.afkorting.lower() in p.naam.lower() else f"{p.naam} ({p.afkorting})"


def volgende_stap(s: RouteScore, activiteit: ActiviteitAdvies | None, datum: dt.date | None = None, *,
                  talen: list[str]) -> VolgendeStap:
    """Open dag / proefstuderen at the nearest school offering it, plus a matching activity (with its day,
    when it is the next dated one)."""
    school_id: str | None = None
    school_naam: str | None = None
    km: float | None = None
    if s.dichtstbij is not None:
        school_id, school_naam, km = s.dichtstbij.school, s.dichtstbij.naam, round(s.dichtstbij.km, 1)
    elif s.route.locaties:
        loc = min(s.route.locaties, key=lambda x: x.school)
        school_id, school_naam = loc.school, loc.naam
    tekst: dict[str, str] = {}
    for taal in talen:
        zin = (t("advies.stap_open_dag", taal, school=school_naam) if school_naam
               else t("advies.stap_mentor", taal))
        if activiteit is not None and datum is not None:
            zin += " " + t("advies.stap_activiteit_datum", taal, activiteit=activiteit.naam,
                           datum=format_date(datum, taal))
        elif activiteit is not None:
            zin += " " + t("advies.stap_activiteit", taal, activiteit=activiteit.naam)
        tekst[taal] = zin
    return VolgendeStap(
        school=school_id, school_naam=school_naam, afstand_km=km,
        activiteit=activiteit.id if activiteit else None, activiteit_naam=activiteit.naam if activiteit else None,
        activiteit_datum=datum,
        tekst=tekst,
    )


def melding(key: str, talen: list[str], **values: object) -> dict[str, str]:
    """A notice in Dutch and the parents' language."""
    return {taal: t(f"advies.{key}", taal, **values) for taal in talen}


def interesses_tekst(codes: list[str], taal: str) -> str:
    return _interesses(codes, taal)

"""Explanations: one short paragraph per route, built only from its score parts and sources.

The Dutch text speaks to the pupil; the parents' language version speaks to the parent. Both use
the same parts in the same order, from the ``advies`` namespace of the one catalogue (knowledge.i18n):
interest -> work (named after the beroep whose coding it is) -> labour market (a named beroep with
its source, region and data year, or a sector sentence with its source) -> what the pupil finds
important -> connection (profiel, niveau, hbo) -> nearest school (``~`` when approximate).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Literal

from knowledge.i18n import label, t, word
from knowledge.i18n.formats import format_date, format_km, format_list
from knowledge.loader import KnowledgeBase
from knowledge.schema import BronRef
from knowledge.sources import source_label
from knowledge.vocab import TECHNISCHE_INTERESSES
from recommender.models import ActiviteitAdvies, RouteAdvies, SchoolAfstand, VolgendeStap
from recommender.profile import Profiel, ProfielError, plaats_van, profielen_voor
from recommender.routes import Markt, SectorMarkt
from recommender.scoring import BEROEP_DRAAGT, HOOFDBEROEPEN, Dichtstbij, RouteScore

KENT_NIET_KM = 10.0  # beyond this the nearest school we know may not be the nearest there is
VER_KM = 15.0  # beyond this the nearest school we know is no local answer: kiesmbo.nl for the own gemeente (review 9)


def _interesses(codes: Iterable[str], taal: str, style: Literal["standard", "or"] = "standard") -> str:
    """Interests as words in one readable list: "a, b en c" (cached), or with ``style="or"`` "a of b"."""
    woorden = [word("interesse", c, taal) for c in codes]
    return lijst(woorden, taal) if style == "standard" else format_list(woorden, taal, style=style)


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
        jaar = _jaar_tekst(kb, markt, taal)
        if markt.werkgever:  # one employer's words are never a regional claim (review 4, Stedin in STO Zuid 2019)
            return t(
                "advies.markt_werkgever",
                taal,
                bron=bron_tekst(kb, markt.bron, taal),
                werkgever=markt.werkgever,
                beroep=markt.beroep,
                jaar=jaar,
            )
        if markt.schaal == "opleiding":  # the source names the opleiding, not a beroep (STO Zuid 2019, Figuur 10)
            return t(
                "advies.markt_opleiding",
                taal,
                bron=bron_tekst(kb, markt.bron, taal),
                opleiding=markt.beroep,
                regio=regio,
                label_tekst=word("arbeidsmarkt_toen", markt.label, taal),
                jaar=jaar,
            )
        return t(
            "advies.markt_beroep",
            taal,
            bron=bron_tekst(kb, markt.bron, taal),
            beroep=markt.beroep,
            regio=regio,
            label_tekst=word("arbeidsmarkt_toen", markt.label, taal),
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


def _jaar_tekst(kb: KnowledgeBase, markt: Markt, taal: str) -> str:
    """The year behind a claim: the data year when the source gives one ("gegevens uit 2018"), else the source's own
    year, said as such (STO Zuid 2019, Figuur 10 gives no data year; review 5)."""
    if markt.gegevensjaar:
        return t("advies.markt_gegevensjaar", taal, jaar=markt.gegevensjaar)
    bron = kb.bronnen.get(markt.bron.bron)
    if bron is None or bron.zonder_jaartal:  # an undated report: its label already says "zonder jaartal"
        return ""
    return t("advies.markt_bronjaar", taal, jaar=bron.jaar)


def bijmarkt_zin(kb: KnowledgeBase, markt: Markt, taal: str) -> str:
    """A report's claim about one of the route's other beroepen, in its own sentence with the beroep's name: it
    says nothing about the opleiding as a whole (review 5: Declarant after Manager transport en logistiek)."""
    return t(
        "advies.markt_bijberoep",
        taal,
        beroep=markt.beroep,
        bron=bron_tekst(kb, markt.bron, taal),
        regio=t("advies.markt_regio", taal, regio=markt.regio) if markt.regio else "",
        label_tekst=word("arbeidsmarkt_toen", markt.label, taal),
        jaar=_jaar_tekst(kb, markt, taal),
    )


# Intake warnings that put the pupil's own profiel in doubt: after one of these, "sluit hier goed op aan" would
# contradict the notice above (review R10), so the route says plainly which profiel it connects to.
PROFIEL_TWIJFEL = frozenset({"school_zonder_profiel", "school_zonder_leerweg", "school_soort", "profiel_te_vroeg"})


def profiel_markt_zin(kb: KnowledgeBase, code: str, taal: str) -> str | None:
    """What a report says about the labour market of one vmbo profiel (Oberon 2024 2.1 on MVI), said at the
    profielkeuze and never on an mbo route: the source is about the profiel, not about mbo opleidingen."""
    for rec in sorted(kb.sectoren.values(), key=lambda r: r.id):
        if code in rec.profielen:
            return t(
                "advies.markt_sector",
                taal,
                bron=bron_tekst(kb, rec.bron, taal),
                tekst=rec.tekst.get(taal) or rec.tekst["nl"],
            )
    return None


def route_uitleg(
    kb: KnowledgeBase,
    s: RouteScore,
    profiel: Profiel,
    vmbo_profiel: str | None,
    taal: str,
    horizon: bool = False,
    profiel_twijfel: bool = False,
    andere_regios: tuple[str, ...] = (),
    gemeente: str | None = None,
) -> str:
    """The paragraph for one scored route in ``taal``.

    ``andere_regios``: the source regions the advice's notice names as not covering the pupil's ``gemeente``; a
    labour-market sentence about one says so in the route itself (review 10, R06: a Rotterdam-Zuid shortage line
    read as a Den Haag pupil's own prospect).

    ``profiel_twijfel``: an intake warning doubts the pupil's profiel (:data:`PROFIEL_TWIJFEL`); the fit sentence
    then names the connection without saying it fits well."""
    r = s.route
    zinnen: list[str] = []
    if horizon:
        zinnen.append(t("advies.po" if profiel.schooltype == "po" else "advies.horizon", taal))
    # "past daarbij" only for what the route is about; a side link (energie on a process route) is not named
    over = tuple(i for i in s.interesses if i in r.kern) or s.interesses
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
    elif s.raakvlak and not r.kern:
        # the opleiding is about none of our interest codes (Fietstechnicus: bikes, coded auto's only as a raakvlak)
        zinnen.append(
            t(
                "advies.interesse_raakvlak_zonder_kern",
                taal,
                interesses=_interesses(s.interesses, taal),
                opleiding=r.naam,
                niveau=r.niveau,
            )
        )
    elif s.raakvlak:
        # a technical interest the opleiding is only coded with as a side link: say what it is about
        zinnen.append(
            t(
                "advies.interesse_raakvlak_beroep" if s.via_beroep else "advies.interesse_raakvlak",
                taal,
                interesses=_interesses(s.interesses, taal),
                opleiding=r.naam,
                niveau=r.niveau,
                kern=_interesses(r.kern, taal),
                beroep=s.via_beroep or "",
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
            t("advies.interesse", taal, interesses=_interesses(over, taal), opleiding=r.naam, niveau=r.niveau)
        )
    for interesse, beroepen in s.beroep_voor:
        # the second, non-technical interest is served by named beroepen on this route, not by the opleiding
        zinnen.append(
            t(
                "advies.interesse_extra_beroep",
                taal,
                interesse=_interesses((interesse,), taal),
                beroep=lijst(beroepen[:2], taal),
            )
        )
    if ook := raakvlak_interesses(s.interesses):
        zinnen.append(t("advies.interesse_ook_raakvlak", taal, interesses=_interesses(ook, taal)))
    if s.werk.match and s.werk.beroep and s.werk.bijberoep:
        # the matching work is on a side beroep: say what the route mostly leads to first (review 4, R40)
        zinnen.append(
            t(
                "advies.werk_bijberoep",
                taal,
                opleiding=r.naam,
                beroepen=lijst(r.beroep_namen[:HOOFDBEROEPEN], taal),
                beroep=s.werk.beroep,
                werk=lijst([word("werkvoorkeur", w, taal) for w in s.werk.match], taal),
            )
        )
    elif s.werk.match and s.werk.beroep:
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
    if s.doorgroei:
        # office or sales work the pupil did not point to: named apart, never as the route's work (review 8, defect 4)
        zinnen.append(t("advies.doorgroei", taal, beroepen=lijst([b.naam for b in s.doorgroei], taal)))
    markt = markt_zin(kb, s.markt, s.sector, taal)
    if markt:
        zinnen.append(markt)
        regio = s.markt.regio if s.markt is not None else (s.sector.regio if s.sector is not None else None)
        if regio is not None and regio in andere_regios and gemeente:
            zinnen.append(t("advies.markt_andere_regio_route", taal, regio=regio, gemeente=gemeente))
    elif r.beroep_namen:
        zinnen.append(t("advies.markt_geen", taal, beroep=r.beroep_namen[0]))
    if r.bijmarkt is not None and (s.markt is None or s.markt.schaal == "opleiding"):
        # the main beroep has no claim of its own: another beroep's claim is named, never given to the route
        zinnen.append(bijmarkt_zin(kb, r.bijmarkt, taal))
    for item, key in (
        ("baanzekerheid", "baanzekerheid"),
        ("snel_geld", "bbl"),
        ("doorleren_hbo", "hbo"),
        ("salaris", "salaris"),
    ):
        if item in s.belangrijk:
            if key == "baanzekerheid" and s.markt is None:  # a sector source gives a sector sentence (review R16)
                key = "baanzekerheid_sector"
            elif key == "baanzekerheid" and s.markt is not None and s.markt.schaal == "opleiding":
                key = "baanzekerheid_opleiding"
            zinnen.append(t(f"advies.{key}", taal))
    if "snel_geld" not in s.belangrijk and profiel.leerweg_voorkeur == "BBL":
        zinnen.append(t("advies.bbl", taal))
    if s.profiel_sluit_aan and vmbo_profiel and profiel.profiel in r.profielen_eigen_indeling:
        pass  # admitted by our own classification only: no warning, and no "sluit goed aan" without a source
    elif s.profiel_sluit_aan and vmbo_profiel:
        key = "advies.profiel_sluit_aan_onzeker" if profiel_twijfel else "advies.profiel_sluit_aan"
        zinnen.append(t(key, taal, profiel=profiel_naam(kb, vmbo_profiel)))
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
        # every profiel of the pupil's leerweg the route connects to: a route listed under TL Techniek next to one
        # under TL Economie then says why (review R31)
        passend = _passende_profielen(r.vmbo_profielen, vmbo_profiel, profiel)
        # in klas 3-4 the profiel is chosen (here unknown): information, not 'past hierbij' (review R06/R33)
        kiest = profiel.schooltype == "po" or profiel.leerjaar in ("vo1", "vo2")
        if len(passend) > 1:
            key = "advies.profiel_advies_meer" if kiest else "advies.profiel_info_meer"
            # either profiel leads here: "X of Y", never "X; Y" (the names hold "en" themselves, review 5)
            namen = [profiel_naam(kb, p) for p in passend]
            zinnen.append(t(key, taal, profielen=format_list(namen, taal, style="or")))
        else:
            key = "advies.profiel_advies" if kiest else "advies.profiel_info"
            zinnen.append(t(key, taal, profiel=profiel_naam(kb, vmbo_profiel)))
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
        if d.ook is not None:
            # a located campus named before a school placed at a town's centre, which may be nearer: not "de
            # dichtstbijzijnde", but the school with a known spot, and the other one beside it (review 9, defect 1)
            plek = school_plek(kb, d.school, km, taal)
            if d.km <= profiel.max_reisafstand_km:
                zinnen.append(t("advies.afstand_bekend", taal, school=d.naam, km=plek))
            else:
                limit = km_tekst(profiel.max_reisafstand_km, taal, False)
                zinnen.append(t("advies.afstand_bekend_ver", taal, school=d.naam, km=plek, max=limit))
            zinnen.extend(ook_zin(kb, d, taal))
            if d.km > min(KENT_NIET_KM, profiel.max_reisafstand_km):
                zinnen.append(t("advies.afstand_kent_niet", taal))
        elif d.meerdere and d.km <= profiel.max_reisafstand_km:
            # one point for a school with several locations: no distance, no "dichtstbijzijnde" (review 5)
            zinnen.append(t("advies.afstand_meerdere", taal, school=d.naam, opleiding=r.naam))
            zinnen.extend(_afstand_kanttekeningen(s, profiel, taal))
        elif d.km <= profiel.max_reisafstand_km:
            # a school placed at gemeente level: its town, no km as if measured (review 6, defect 2)
            gemeente = gemeente_niveau(kb, d.school)
            plek = school_plek(kb, d.school, plek_tekst(d.km, taal, d.benadering, gemeente=gemeente) or km, taal)
            eigen = eigen_gemeente(kb, profiel)
            if eigen and ((gemeente and gemeente != eigen) or d.km > VER_KM):
                # far, or only placed at another town's centre: no "dichtstbijzijnde" as if it were a good local
                # answer (review 9, defect 2); one line that points to kiesmbo.nl for the pupil's own gemeente
                zinnen.append(t("advies.afstand_ver_kent", taal, school=d.naam, km=plek, gemeente=eigen))
            else:
                zinnen.append(t("advies.afstand", taal, school=d.naam, km=plek))
                zinnen.extend(_afstand_kanttekeningen(s, profiel, taal))
        else:
            zinnen.extend(_afstand_kanttekeningen(s, profiel, taal))
    elif not r.locaties:
        zinnen.append(t("advies.geen_locatie", taal))
    return " ".join(zinnen)


def _afstand_kanttekeningen(s: RouteScore, profiel: Profiel, taal: str) -> list[str]:
    """The distance caveats of a route: over the travel limit, or far enough that a closer school may exist."""
    d = s.dichtstbij
    if profiel.schooltype == "po" or d is None or d.km is None:
        return []
    if d.km <= profiel.max_reisafstand_km:
        # the route may well be given closer by, at a school we do not know (review R17)
        return [t("advies.afstand_kent_niet", taal)] if d.km > KENT_NIET_KM else []
    # the limit in words: a pupil who set none has the 15 km default and is told so (review R01/R14/R25)
    km = km_tekst(d.km, taal, d.benadering)
    limit = km_tekst(profiel.max_reisafstand_km, taal, False)
    if d.meerdere:  # one point for several locations: no "dichtstbijzijnde", no distance (review 5, R25)
        return [t("advies.afstand_meerdere_ver", taal, school=d.naam, opleiding=s.route.naam, max=limit)]
    key = "advies.afstand_ver_standaard" if profiel.reisafstand_standaard() else "advies.afstand_ver"
    return [t(key, taal, school=d.naam, km=km, max=limit)]


def route_kanttekeningen(s: RouteScore, profiel: Profiel, taal: str) -> list[str]:
    """Every caveat of a route, for layouts that show a route in one line (havo/vwo mbo 4): the salary remark
    (no wage source) and the distance caveats, in the same words as the full explanation."""
    zinnen = [t("advies.salaris", taal)] if "salaris" in s.belangrijk else []
    zinnen.extend(_afstand_kanttekeningen(s, profiel, taal))
    return zinnen


def _passende_profielen(route_profielen: Iterable[str], getoond: str, profiel: Profiel) -> list[str]:
    """The shown profiel first, then the route's other profielen of the pupil's leerweg (at most three)."""
    schooltype = profiel.schooladvies if profiel.schooltype == "po" and profiel.schooladvies else profiel.schooltype
    mogelijk = set(profielen_voor(schooltype))
    uit = [getoond] + [p for p in route_profielen if p != getoond and p in mogelijk]
    return uit[:3]


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


def plek_tekst(
    km: float | None,
    taal: str,
    benadering: bool = False,
    *,
    gemeente: str | None = None,
    meerdere: bool = False,
    activiteit: bool = False,
) -> str | None:
    """THE rule for what stands after a school's or activity's name (review 6, defect 2), for every renderer.

    ``gemeente`` is given only for a place known at gemeente level: its point is the town's centre, so a distance
    would look exact while it is not ("in Rotterdam; precieze plek onbekend"; an activity: "in Rotterdam").
    ``meerdere``: one point for a school with several locations ("meerdere locaties; zie de website").
    Otherwise the distance ("~" when approximate); None when nothing is known.
    """
    if meerdere:
        return t("advies.plek_meerdere", taal)
    if gemeente:
        return t("advies.plek_in_gemeente" if activiteit else "advies.plek_gemeente", taal, gemeente=gemeente)
    if km is None:
        return None
    return km_tekst(km, taal, benadering)


def met_plek(naam: str, plek: str | None) -> str:
    """'Naam (plek)', or the name alone when nothing is known of the place."""
    return f"{naam} ({plek})" if plek else naam


def plek_volgorde(km: float | None, ruw: bool, naam: str) -> tuple[int, float, str]:
    """Sort key: exactly placed first (nearest first), then the roughly placed ones (gemeente level, several
    locations) grouped by their town point, so that a town's centre never reads as 'the nearest' (review 6)."""
    return (1 if ruw else 0, km if km is not None else float("inf"), naam)


def school_tekst(s: SchoolAfstand, taal: str) -> str:
    """'Zuiderpark College (~8,9 km)', 'STC vmbo college (in Rotterdam; precieze plek onbekend)',
    'Albeda (meerdere locaties; zie de website)'."""
    gemeente = s.gemeente if s.plek_bij_benadering else None
    plek = plek_tekst(s.afstand_km, taal, s.afstand_bij_benadering, gemeente=gemeente, meerdere=s.meerdere_locaties)
    return met_plek(s.naam, met_grondslag(s.grondslag, plek, taal))  # identity first (review 9, defect 1)


def school_volgorde(s: SchoolAfstand) -> tuple[int, float, str]:
    return plek_volgorde(s.afstand_km, s.meerdere_locaties or (s.plek_bij_benadering and bool(s.gemeente)), s.naam)


def gemeente_niveau(kb: KnowledgeBase, school_id: str) -> str | None:
    """The school's gemeente when the knowledge places it only at gemeente level (review 6, defect 2)."""
    school = kb.scholen.get(school_id)
    if school is None or school.locatie.precisie != "gemeente":
        return None
    return school.locatie.gemeente


def school_plek(kb: KnowledgeBase, school_id: str | None, plek: str | None, taal: str) -> str | None:
    """What stands in brackets after a school's name: its identity where the knowledge records it (general
    knowledge, said so), then its place (review 9, defect 1: a decaan always names a school's grondslag)."""
    school = kb.scholen.get(school_id) if school_id else None
    return met_grondslag(school.grondslag if school else None, plek, taal)


def met_grondslag(grondslag: str | None, plek: str | None, taal: str) -> str | None:
    """The school's identity phrase (general knowledge, said so) before its place, for every renderer."""
    if not grondslag:
        return plek
    tekst = t(f"advies.grondslag_{grondslag}", taal)
    return t("advies.grondslag_plek", taal, grondslag=tekst, plek=plek) if plek else tekst


def ook_zin(kb: KnowledgeBase, d: Dichtstbij | None, taal: str) -> list[str]:
    """'Deze opleiding is er ook bij X (in Rotterdam; precieze plek onbekend).': a school placed only at its
    gemeente's centre, passed over for a located one, is still named as an alternative (review 9, defect 1)."""
    if d is None or d.ook is None or d.ook.km is None:
        return []
    ook = d.ook
    plek = plek_tekst(ook.km, taal, ook.benadering, gemeente=gemeente_niveau(kb, ook.school))
    return [t("advies.afstand_ook", taal, school=met_plek(ook.naam, school_plek(kb, ook.school, plek, taal)))]


def eigen_gemeente(kb: KnowledgeBase, profiel: Profiel) -> str | None:
    """The pupil's own gemeente (or the place typed) when it resolves, for a "zoek in of bij ..." pointer."""
    try:
        place, _ = plaats_van(kb, profiel)
    except ProfielError:
        return None
    if place is None:
        return None
    return place.gemeente or place.naam


def buiten_regio(kb: KnowledgeBase, profiel: Profiel) -> bool:
    """A well-formed postcode outside the region: the regional schools are no next step (review 9, defect 3)."""
    try:
        return plaats_van(kb, profiel)[1]
    except ProfielError:
        return False


def plek_van(item: RouteAdvies | VolgendeStap, taal: str) -> str | None:
    """Where a route's nearest school, or a next step's school, is, by the one rule (``plek_tekst``), with the
    school's identity before it; both models carry the same place fields."""
    plek = plek_tekst(
        item.afstand_km,
        taal,
        item.afstand_bij_benadering,
        gemeente=item.school_plek_gemeente,
        meerdere=item.school_meerdere_locaties,
    )
    return met_grondslag(item.school_grondslag, plek, taal)


def lijst(items: Iterable[str], taal: str) -> str:
    """A readable list ("a, b en c") in ``taal``, through the one formatter, cached."""
    return _lijst(tuple(items), taal)


def profiel_naam(kb: KnowledgeBase, code: str) -> str:
    """'Mobiliteit en transport (MVI)' style name of a vmbo profiel, or the code. A name that ends in its own
    brackets takes the abbreviation inside them: 'Techniek (theoretische leerweg, TL Techniek)', never
    '... (theoretische leerweg) (TL Techniek)' (review 5)."""
    p = kb.profielen.get(code)
    if p is None:
        return code
    if p.afkorting.lower() in p.naam.lower():
        return p.naam
    if p.naam.endswith(")"):
        return f"{p.naam[:-1]}, {p.afkorting})"
    return f"{p.naam} ({p.afkorting})"


def van_school(kb: KnowledgeBase, school_id: str | None, school_naam: str | None, activiteit: ActiviteitAdvies) -> bool:
    """Whether ``activiteit`` is the school's own: its open day record, or organised by the school or its instelling
    (a "Techniek College Rotterdam" day for "Techniek College Rotterdam - Alexandrium")."""
    if activiteit.open_dag_van is not None and activiteit.open_dag_van == school_id:
        return True
    school = kb.scholen.get(school_id) if school_id else None
    namen = {
        n.casefold() for n in (school_naam, school.naam if school else None, school.instelling if school else None) if n
    }
    org = activiteit.organisator.casefold().strip()
    return bool(org) and any(n.startswith(org) or org.startswith(n) for n in namen)


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
    benadering = meerdere = False
    if d is not None:
        school_id, school_naam, benadering, meerdere = d.school, d.naam, d.benadering, d.meerdere
        km = round(d.km, 1) if d.km is not None else None
    gemeente = gemeente_niveau(kb, school_id) if school_id else None
    scholen = [loc.naam for loc in sorted(s.route.locaties, key=lambda x: x.school)][:3]
    bbl = profiel.leerweg_voorkeur == "BBL" or s.route.alleen_bbl
    buiten = not horizon and buiten_regio(kb, profiel)
    tekst: dict[str, str] = {}
    leerbedrijf: dict[str, str] | None = {} if bbl and not horizon else None
    soort = "eerst_profiel" if horizon else ("open_dag" if school_naam or scholen else "mentor")
    # an open day of someone else next to "ga naar een open dag bij <school>": said to be another one (review 10, R20)
    ander_open = bool(
        activiteit is not None
        and activiteit.open_dag
        and not activiteit.via_school
        and school_naam
        and not horizon
        and not buiten
        and not van_school(kb, school_id, school_naam, activiteit)
    )
    for taal in talen:
        if horizon:
            zin = (
                t("advies.stap_eerst_profiel", taal, profiel=profiel_naam(kb, vmbo_profiel))
                if vmbo_profiel
                else t("advies.stap_later_po" if profiel.schooltype == "po" else "advies.stap_later", taal)
            )
        elif buiten:
            # a place outside the region: our schools are not near; the pupil looks in the own region (review 9)
            zin = t("advies.stap_buiten_regio", taal, opleiding=s.route.naam)
        elif school_naam and meerdere:
            # a school with several locations placed on one point: where the course runs is on its website
            zin = t("advies.stap_open_dag_meerdere", taal, school=school_naam, opleiding=s.route.naam)
        elif school_naam and km is not None:
            plek = school_plek(kb, school_id, plek_tekst(km, taal, benadering, gemeente=gemeente), taal)
            zin = t("advies.stap_open_dag_km", taal, school=school_naam, km=plek)
            ook = ook_zin(kb, d, taal)
            if ook:
                zin += " " + ook[0]
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
        elif activiteit is not None and ander_open:
            zin += " " + t("advies.stap_activiteit_open_dag_ander", taal, activiteit=activiteit.naam)
        elif activiteit is not None:
            key = "advies.stap_activiteit_school" if activiteit.via_school else "advies.stap_activiteit"
            if activiteit.via_school and profiel.schooltype == "po":  # primary school has a leerkracht
                key += "_po"
            zin += " " + t(key, taal, activiteit=activiteit.naam)
        tekst[taal] = zin
        if leerbedrijf is not None:
            leerbedrijf[taal] = t("advies.stap_leerbedrijf", taal)
    return VolgendeStap(
        soort=soort,
        school=None if horizon else school_id,
        school_naam=None if horizon else school_naam,
        afstand_km=None if horizon or meerdere else km,
        afstand_bij_benadering=benadering and not horizon and not meerdere,
        school_meerdere_locaties=meerdere and not horizon,
        school_plek_gemeente=None if horizon or meerdere else gemeente,
        school_grondslag=None
        if horizon or not school_id or school_id not in kb.scholen
        else kb.scholen[school_id].grondslag,
        activiteit=activiteit.id if activiteit else None,
        activiteit_naam=activiteit.naam if activiteit else None,
        activiteit_via_school=bool(activiteit and activiteit.via_school),
        activiteit_open_dag_ander=ander_open and datum is None,
        activiteit_datum=datum,
        tekst=tekst,
        leerbedrijf=leerbedrijf,
    )


def melding(key: str, talen: list[str], **values: object) -> dict[str, str]:
    """A notice in Dutch and the parents' language."""
    return {taal: t(f"advies.{key}", taal, **values) for taal in talen}


def profiel_kort(code: str, taal: str = "nl") -> str:
    """A vmbo profiel as a reader knows it in a short line: its usual abbreviation ("M&T", "Z&W"), or its name
    where it has none ("Groen"); never the internal code ("MT", "GR": review 9 and 11)."""
    naam = label("profiel", code, taal)
    if naam.endswith(")") and "(" in naam:
        return naam[naam.rindex("(") + 1 : -1]
    return naam


def hoofdroute_tekst(route: RouteAdvies, taal: str) -> str:
    """The main-route mark with the interests it is the usual first route for ("de gebruikelijke eerste route
    voor bouwen op mbo niveau 2"), so a mark on route #3 explains itself (review 8) and two marked
    routes of different niveaus do not read as two "first" routes."""
    if not route.hoofdroute_voor:
        return t("mentor.main_route", taal)
    return t(
        "mentor.main_route_for",
        taal,
        interesses=interesses_tekst(route.hoofdroute_voor, taal),
        niveau=route.opleiding.niveau,
    )


def interesses_tekst(codes: Iterable[str], taal: str, style: Literal["standard", "or"] = "standard") -> str:
    return _interesses(codes, taal, style)


def ander_profiel_tekst(route: RouteAdvies, taal: str) -> str | None:
    """The list mark of a route outside the pupil's own vmbo profiel ("sluit niet aan op profiel Maritiem en techniek
    (MaT): vraag naar de toelating"), so the list itself says it (review 8, R39), not only the explanation."""
    if not route.ander_profiel:
        return None
    return t("mentor.other_profile", taal, eigen=label("profiel", route.ander_profiel, taal))


# why route #1 leads while a lower route is "de gebruikelijke eerste route": the score part that puts it ahead most
_VOOROP_DEEL = {
    "interesse": "mentor.first_interest",
    "werkvoorkeur": "mentor.first_work",
    "aansluiting": "mentor.first_profile",
    "afstand": "mentor.first_near",
    "arbeidsmarkt": "mentor.first_market",
    "belangrijk": "mentor.first_important",
}


def raakvlak_interesses(passend: Sequence[str]) -> list[str]:
    """The non-technical interests a route about a technical one only touches (dieren en natuur on loonwerk in het
    groen for a pupil who likes machines): a raakvlak, never part of "past daarbij" (review 8, R44) nor of "past bij
    al je interesses" (review 11, R44)."""
    if not any(i in TECHNISCHE_INTERESSES for i in passend):
        return []
    return [i for i in passend if i not in TECHNISCHE_INTERESSES and i not in BEROEP_DRAAGT]


def voorop_reden(routes: Sequence[RouteAdvies], interesses: Sequence[str], talen: list[str]) -> dict[str, str] | None:
    """'bovenaan: past bij al je interesses (machines en auto's)' for route #1 when it is not the marked main route
    but a lower one is, so both positions explain themselves (review 9, R22 and R44); else None."""
    if not routes or routes[0].hoofdroute:
        return None
    top = routes[0]
    gemarkeerd = next((r for r in routes[1:] if r.hoofdroute), None)
    if gemarkeerd is None:
        return None

    def past(route: RouteAdvies) -> list[str]:  # the interests the route is about, without its raakvlakken
        zijdelings = set(raakvlak_interesses(route.passende_interesses))
        return [i for i in interesses if i in route.passende_interesses and i not in zijdelings]

    eigen, ander = past(top), past(gemarkeerd)
    if len(eigen) > len(ander):
        key = "mentor.first_all" if len(eigen) == len(interesses) else "mentor.first_more"
        return {taal: t(key, taal, interesses=interesses_tekst(eigen, taal)) for taal in talen}
    verschil = {k: top.score_delen.get(k, 0.0) - gemarkeerd.score_delen.get(k, 0.0) for k in _VOOROP_DEEL}
    deel, meer = max(verschil.items(), key=lambda kv: kv[1])
    if meer <= 0:
        return None
    return {taal: t(_VOOROP_DEEL[deel], taal) for taal in talen}

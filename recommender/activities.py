"""Rank initiatives (activities) for one pupil. Pure and deterministic.

Candidates come from the decaan's initiatives search (:func:`recommender.initiatives.search`), so
the mentor sees the same catalogue as the decaan, including the school's own imported list
(``extra``), and one rule decides what is landelijk/online. Filters: the initiative reaches the pupil's schooltype and phase (:func:`bereikt`); its
doelgroepen include ``leerlingen`` or a doelgroep the mentor asked for (``doelgroep_activiteiten``,
e.g. ``ouders``); a local one lies within ``max_reisafstand_km`` (great-circle km from the pupil's
postcode/wijk centroid); for a pupil with technical interests its branches match them (or are
``techniek_breed``). Landelijk and online ones are kept, marked ``landelijk: true`` with
``afstand_km: null``, and fill at most half of the list.

score = branche + afstand + praktijk + doelgroep
- branche: 2 when a branch matches an interest (:data:`INTERESSE_BRANCHES`), 1 for techniek_breed
- afstand: 2 x (1 - d / max) for local ones; 0.5 for landelijk/online; 0 when no place is known
- praktijk: veel 2, deels 1, geen 0 (doing beats listening)
- doelgroep: +1 when it is meant for a doelgroep the mentor asked for
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.geo import Place
from knowledge.i18n import t, word
from knowledge.i18n.formats import format_km, format_list
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from knowledge.sources import EIGEN_IMPORT, ref_text
from recommender.initiatives import InitiativeFilter, InitiativeHit, search_initiatives
from recommender.models import ActiviteitAdvies
from recommender.profile import Profiel

# Which initiative branches fit which pupil interest (our own mapping; documented in README).
INTERESSE_BRANCHES: dict[str, tuple[str, ...]] = {
    "bouwen": ("bouw",),
    "elektro": ("installatietechniek",),
    "autos_motoren": ("techniek_breed",),
    "ict_programmeren": ("ict",),
    "haven_schepen": ("maritiem",),
    "energie_duurzaamheid": ("installatietechniek", "technologie_wetenschap"),
    "maken_ontwerpen": ("technologie_wetenschap",),
    "machines": ("techniek_breed",),
    "logistiek": ("maritiem",),
    "natuur_proefjes": ("technologie_wetenschap",),
    "media_vormgeving": ("ict",),
}
# Which branch an mbo richting belongs to (for a route's next-step activity).
RICHTING_BRANCHE: dict[str, str] = {
    "bouw_infra": "bouw", "installatie_energie": "installatietechniek", "elektrotechniek": "installatietechniek",
    "werktuigbouw_metaal": "techniek_breed", "mobiliteit_voertuigen": "techniek_breed",
    "maritiem_haven": "maritiem", "logistiek": "maritiem", "procestechniek": "technologie_wetenschap",
    "ict": "ict", "media_vormgeving": "ict", "laboratorium": "technologie_wetenschap",
    "techniek_breed": "techniek_breed",
}
PRAKTIJK_PUNTEN = {"veel": 2.0, "deels": 1.0, "geen": 0.0}
LANDELIJK_PUNTEN = 0.5


FASEN = frozenset({"vo_onderbouw", "vo_bovenbouw"})
VO_TYPEN = frozenset({"vmbo", "havo", "vwo"})


def schooltypen_initiatief(schooltype: str, leerjaar: str) -> frozenset[str]:
    """Initiative schooltypen that describe this pupil (po for groep 7/8; vo_onderbouw for vo1-2, ...)."""
    if schooltype == "po":
        return frozenset({"po"})
    fase = "vo_onderbouw" if leerjaar in ("vo1", "vo2") else "vo_bovenbouw"
    return frozenset({fase, "vmbo" if schooltype.startswith("vmbo") else schooltype})


def bereikt(initiatief_typen: list[str] | tuple[str, ...], pupil: frozenset[str]) -> bool:
    """Does an initiative reach the pupil? po must match; for vo both the phase (onderbouw/bovenbouw)
    and the schooltype (vmbo/havo/vwo) must match when the initiative names them."""
    typen = set(initiatief_typen)
    if "po" in pupil:
        return "po" in typen
    fasen, vo = typen & FASEN, typen & VO_TYPEN
    if not fasen and not vo:
        return False
    return (not fasen or bool(fasen & pupil)) and (not vo or bool(vo & pupil))


@dataclass(frozen=True)
class _Kandidaat:
    ini: Initiatief
    km: float | None
    landelijk: bool
    delen: dict[str, float]
    interesses: tuple[str, ...]
    doelgroep: str | None

    @property
    def totaal(self) -> float:
        return round(sum(self.delen.values()), 3)


def _branche(ini: Initiatief, interesses: list[str]) -> tuple[float, tuple[str, ...]]:
    match = tuple(i for i in interesses if set(INTERESSE_BRANCHES.get(i, ())) & set(ini.branches)
                  and INTERESSE_BRANCHES[i] != ("techniek_breed",))
    if match:
        return 2.0, match
    if "techniek_breed" in ini.branches:
        return 1.0, tuple(i for i in interesses if INTERESSE_BRANCHES.get(i) == ("techniek_breed",))
    return 0.0, ()


def _kandidaat(hit: InitiativeHit, profiel: Profiel, plaats: tuple[float, float] | None,
               types: frozenset[str]) -> _Kandidaat | None:
    ini = hit.initiatief
    if not bereikt(ini.schooltypen, types):
        return None
    gevraagd = set(profiel.doelgroep_activiteiten) - {"leerlingen"}
    tech = profiel.technische_interesses()
    branche, match = _branche(ini, tech)
    if tech and branche == 0.0:
        return None
    landelijk = hit.landelijk_online
    km = hit.afstand_km
    if landelijk:
        afstand = LANDELIJK_PUNTEN
    elif plaats is None or km is None:
        afstand = 0.0
    else:
        afstand = 2.0 * (1.0 - km / profiel.max_reisafstand_km)
    doelgroep = next((d for d in ini.doelgroepen if d in gevraagd), None)
    delen = {"branche": branche, "afstand": round(afstand, 3),
             "praktijk": PRAKTIJK_PUNTEN[ini.praktijkgerichtheid], "doelgroep": 1.0 if doelgroep else 0.0}
    return _Kandidaat(ini, None if landelijk else km, landelijk, delen, match, doelgroep)


def kandidaat_hits(kb: KnowledgeBase, profiel: Profiel, plaats: tuple[float, float] | None,
                   extra: Sequence[Initiatief] | None = None) -> list[InitiativeHit]:
    """The initiatives open to this pupil's doelgroep and within reach, through the one initiatives search."""
    doelgroepen = sorted({"leerlingen"} | set(profiel.doelgroep_activiteiten))
    place = Place(query="profiel", naam="profiel", soort="profiel", lat=plaats[0], lon=plaats[1]) if plaats else None
    flt = InitiativeFilter(doelgroepen=doelgroepen, km=profiel.max_reisafstand_km if place else None)
    return list(search_initiatives(kb, flt, extra=extra, place=place))


def _reden(k: _Kandidaat, taal: str) -> str:
    parts: list[str] = []
    if k.delen["branche"] >= 2.0:
        parts.append(t("advies.act_branche", taal, interesses=format_list(
            [word("interesse", i, taal) for i in k.interesses], taal)))
    elif k.delen["branche"] > 0:
        parts.append(t("advies.act_breed", taal))
    if k.landelijk:
        parts.append(t("advies.act_landelijk", taal))
    elif k.km is not None:
        parts.append(t("advies.act_afstand", taal, km=format_km(k.km, taal)))
    if k.ini.praktijkgerichtheid == "veel":
        parts.append(t("advies.act_praktijk_veel", taal))
    elif k.ini.praktijkgerichtheid == "deels":
        parts.append(t("advies.act_praktijk_deels", taal))
    if k.doelgroep:
        parts.append(t("advies.act_doelgroep", taal, doelgroep=word("doelgroep", k.doelgroep, taal)))
    if any(r.bron == EIGEN_IMPORT for r in k.ini.bronnen):
        parts.append(t("advies.act_eigen_lijst", taal))
    return " ".join(parts)


def rank_activiteiten(kb: KnowledgeBase, profiel: Profiel, plaats: tuple[float, float] | None,
                      n: int = 6, extra: Sequence[Initiatief] | None = None) -> list[ActiviteitAdvies]:
    """The ``n`` best activities for the pupil, each with distance and reason (nl + parents' language).

    ``extra`` holds the school's own imported initiatives (the decaan's list).
    """
    types = schooltypen_initiatief(profiel.schooltype, profiel.leerjaar)
    hits = kandidaat_hits(kb, profiel, plaats, extra)
    kandidaten = [k for hit in hits if (k := _kandidaat(hit, profiel, plaats, types))]
    kandidaten.sort(key=lambda k: (-k.totaal, k.km if k.km is not None else 1e9, k.ini.naam, k.ini.id))
    max_landelijk = max(1, n // 2)
    gekozen: list[_Kandidaat] = []
    for k in kandidaten:
        if len(gekozen) >= n:
            break
        if k.landelijk and sum(g.landelijk for g in gekozen) >= max_landelijk:
            continue
        gekozen.append(k)
    talen = talen_voor(profiel)
    return [_advies(k, talen) for k in gekozen]


def _advies(k: _Kandidaat, talen: list[str]) -> ActiviteitAdvies:
    return ActiviteitAdvies(
        id=k.ini.id, naam=k.ini.naam, organisator=k.ini.organisator,
        afstand_km=round(k.km, 1) if k.km is not None else None, landelijk=k.landelijk, online=k.ini.online,
        praktijkgerichtheid=k.ini.praktijkgerichtheid, branches=list(k.ini.branches),
        doelgroepen=list(k.ini.doelgroepen), website=k.ini.website,
        score=k.totaal, score_delen=k.delen, reden=_reden(k, "nl"),
        uitleg={t: _reden(k, t) for t in talen}, bronnen=[ref_text(r) for r in k.ini.bronnen],
    )


def stap_activiteit(kb: KnowledgeBase, profiel: Profiel, plaats: tuple[float, float] | None, richting: str,
                    activiteiten: list[ActiviteitAdvies], extra: Sequence[Initiatief] | None = None,
                    vandaag: dt.date | None = None) -> tuple[ActiviteitAdvies | None, dt.date | None]:
    """The activity for a route's next step, with its day when it has one.

    First choice: the next dated activity of the matching kind near the pupil: upcoming (from
    ``vandaag``), of the route's branche (:data:`RICHTING_BRANCHE`), open to the pupil's schooltype and
    doelgroep, local within ``max_reisafstand_km`` (any place when the pupil's place is unknown);
    soonest first, then nearest. Otherwise the best-ranked undated match of :func:`activiteit_voor_richting`.
    """
    branche = RICHTING_BRANCHE.get(richting)
    if branche is not None:
        doelgroepen = sorted({"leerlingen"} | set(profiel.doelgroep_activiteiten))
        place = Place(query="profiel", naam="profiel", soort="profiel", lat=plaats[0], lon=plaats[1]) if plaats else None
        flt = InitiativeFilter(doelgroepen=doelgroepen, branches=[branche], komend=True, vandaag=vandaag,
                               include_landelijk=place is None, km=profiel.max_reisafstand_km if place else None)
        types = schooltypen_initiatief(profiel.schooltype, profiel.leerjaar)
        for hit in search_initiatives(kb, flt, extra=extra, place=place):
            k = _kandidaat(hit, profiel, plaats, types)
            if k is not None:
                return _advies(k, talen_voor(profiel)), hit.volgende_datum
    return activiteit_voor_richting(activiteiten, richting), None


def talen_voor(profiel: Profiel) -> list[str]:
    """Dutch always, plus the parents' language when that is another one."""
    return ["nl"] if profiel.taal_ouders == "nl" else ["nl", profiel.taal_ouders]


def activiteit_voor_richting(activiteiten: list[ActiviteitAdvies], richting: str) -> ActiviteitAdvies | None:
    """The best-ranked activity whose branches fit an mbo richting (for a route's next step)."""
    branche = RICHTING_BRANCHE.get(richting)
    for a in activiteiten:
        if branche in a.branches:
            return a
    return None


__all__ = ["INTERESSE_BRANCHES", "RICHTING_BRANCHE", "rank_activiteiten", "schooltypen_initiatief",
           "activiteit_voor_richting", "stap_activiteit", "talen_voor"]

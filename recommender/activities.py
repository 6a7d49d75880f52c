"""Rank initiatives (activities) for one pupil. Pure and deterministic.

The candidates are the decaan's catalogue (:func:`recommender.initiatives.catalogue_of`: the curated
initiatives plus the school's own imported list), with the one landelijk/online rule
(``Initiatief.landelijk_online``) and the same distance formula as the initiatives search. The ranking
reads the initiatives search's own index of the catalogue (``catalogue_index``: arrays of places and code
bit masks, built once per knowledge base and list and shared with the search), so ranking a pupil
against 10,000 initiatives is a few vectorised operations.

Filters: the initiative reaches the pupil's schooltype and phase (:func:`bereikt`); its doelgroepen
include ``leerlingen`` or a doelgroep the mentor asked for (``doelgroep_activiteiten``); a local one
lies within ``max_reisafstand_km``; for a pupil with technical interests its branches match them (or
are ``techniek_breed``). Landelijk/online ones are kept, marked ``landelijk: true`` with
``afstand_km: null``, and fill at most half of the list.

score = branche + afstand + praktijk + doelgroep + route - school
- branche: 2 when a branch matches a technical interest (:data:`INTERESSE_BRANCHES`), 1 for techniek_breed
- afstand: 2 x (1 - d / max) for local ones; 0.5 for landelijk/online; 0 when no place is known
- praktijk: veel 2, deels 1, geen 0 (doing beats listening)
- doelgroep: +1 when it is meant for a doelgroep the mentor asked for
- route: +0.5 when a branch fits the richting of the pupil's best route
- school: -0.5 for a school programme the pupil cannot join alone (``via_school``: only school-company
  work, guest lessons, company visits, work placements); it is marked so the mentor can ask for it

A requested doelgroep is honoured: when activities for it exist (local first, then landelijk), up to
two of them are in the list even when they score lower. Activities from the school's own imported
list are marked as such in the reason.

A route's next step (:func:`stap_activiteit`) names the next dated activity of the route's kind near
the pupil, found through the one initiatives search (``komend``); otherwise the best-ranked match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from knowledge import vocab
from knowledge.geo import Place
from knowledge.i18n import label, t, word
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from knowledge.sources import EIGEN_IMPORT, ref_text
from recommender.explain import km_tekst, lijst
from recommender.initiatives import InitiativeFilter, catalogue_index, search_initiatives
from recommender.initiatives.search import distances_km
from recommender.models import ActiviteitAdvies
from recommender.profile import Profiel, thuis_bij_benadering

# Which initiative branches fit which technical interest (our own mapping; documented in README).
INTERESSE_BRANCHES: dict[str, tuple[str, ...]] = {
    "bouwen": ("bouw",),
    "elektro": ("installatietechniek",),
    "autos_motoren": ("techniek_breed",),
    "ict_programmeren": ("ict",),
    "haven_schepen": ("maritiem",),
    "energie_duurzaamheid": ("installatietechniek",),
    "maken_ontwerpen": ("techniek_breed",),
    "machines": ("techniek_breed",),
    "logistiek": ("maritiem",),
    "natuur_proefjes": ("technologie_wetenschap",),
    "media_vormgeving": ("ict",),
    "gaming": ("ict",),
    "tekenen_ontwerpen": ("ict",),
}
# Which branch an mbo richting belongs to (for a route's next-step activity and the route bonus).
RICHTING_BRANCHE: dict[str, str] = {
    "bouw_infra": "bouw",
    "installatie_energie": "installatietechniek",
    "elektrotechniek": "installatietechniek",
    "werktuigbouw_metaal": "techniek_breed",
    "mobiliteit_voertuigen": "techniek_breed",
    "maritiem_haven": "maritiem",
    "logistiek": "maritiem",
    "procestechniek": "technologie_wetenschap",
    "ict": "ict",
    "media_vormgeving": "ict",
    "laboratorium": "technologie_wetenschap",
    "techniek_breed": "techniek_breed",
}
PRAKTIJK_PUNTEN = {"veel": 2.0, "deels": 1.0, "geen": 0.0}
LANDELIJK_PUNTEN = 0.5
ROUTE_PUNTEN = 0.5
SCHOOL_STRAF = 0.5
MAX_DOELGROEP = 2
# Activities a pupil can join alone; an initiative with none of these runs through the school.
ZELF_ACTIVITEITEN = frozenset({"open_dag", "evenement", "wedstrijd_online", "informatie"})

FASEN = frozenset({"vo_onderbouw", "vo_bovenbouw"})
VO_TYPEN = frozenset({"vmbo", "havo", "vwo"})


def _bits(codes: tuple[str, ...]) -> dict[str, int]:
    return {c: 1 << i for i, c in enumerate(codes)}


_ST = _bits(vocab.SCHOOLTYPEN_INITIATIEF)
_DG = _bits(vocab.DOELGROEPEN)
_BR = _bits(vocab.BRANCHES)
_ACT = _bits(vocab.ACTIVITEITEN)
_FASE_BITS = sum(_ST[c] for c in FASEN)
_VO_BITS = sum(_ST[c] for c in VO_TYPEN)
_ZELF_BITS = sum(_ACT[c] for c in ZELF_ACTIVITEITEN)


def schooltypen_initiatief(schooltype: str, leerjaar: str) -> frozenset[str]:
    """Initiative schooltypen that describe this pupil (po for groep 7/8; vo_onderbouw for vo1-2, ...)."""
    if schooltype == "po":
        return frozenset({"po"})
    onderbouw = leerjaar in ("vo1", "vo2") or (schooltype in ("havo", "vwo") and leerjaar == "vo3")
    fase = "vo_onderbouw" if onderbouw else "vo_bovenbouw"
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


def via_school(ini: Initiatief) -> bool:
    """A school programme: none of its activities is one a pupil can join alone."""
    return not (set(ini.activiteiten) & ZELF_ACTIVITEITEN)


@dataclass
class _Arrays:
    """The initiatives search's index of the catalogue (one row per initiative: places, the one landelijk/online
    rule, code bit masks, name order), plus what only the ranking needs: praktijk points and whether the place
    is approximate. Made once per search index, so a decaan's imported list is indexed once for both."""

    index: Any  # recommender.initiatives.search's index of this catalogue
    praktijk: np.ndarray
    benadering: np.ndarray
    _reach: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict)
    _basis: dict[tuple[tuple[str, ...], int, int], np.ndarray] = field(default_factory=dict)

    @classmethod
    def of(cls, index: Any) -> _Arrays:
        praktijk_bits = index.masks["praktijk"]
        praktijk = np.zeros(len(index.items))
        for i, code in enumerate(vocab.PRAKTIJK):
            praktijk = np.where((praktijk_bits & (1 << i)) != 0, PRAKTIJK_PUNTEN[code], praktijk)
        benadering = np.fromiter(
            (
                not o and ini.locatie.precisie in ("gemeente", "wijk")
                for ini, o in zip(index.items, index.overal, strict=True)
            ),
            dtype=bool,
            count=len(index.items),
        )
        return cls(index, praktijk, benadering)

    # the search index's arrays under the names the ranking reads
    items = property(lambda self: self.index.items)
    lat = property(lambda self: self.index.lat)
    lon = property(lambda self: self.index.lon)
    overal = property(lambda self: self.index.overal)
    rank = property(lambda self: self.index.name_rank)
    schooltypen = property(lambda self: self.index.masks["schooltypen"])
    doelgroepen = property(lambda self: self.index.masks["doelgroepen"])
    branches = property(lambda self: self.index.masks["branches"])
    activiteiten = property(lambda self: self.index.masks["activiteiten"])

    def basis(self, types: frozenset[str], gevraagd_bits: int, branche_bits: int) -> np.ndarray:
        """Reach, doelgroep and (for technical pupils) branche filter together; cached per combination."""
        key = (tuple(sorted(types)), gevraagd_bits, branche_bits)
        mask = self._basis.get(key)
        if mask is None:
            mask = self.reach(types) & ((self.doelgroepen & (_DG["leerlingen"] | gevraagd_bits)) != 0)
            if branche_bits:
                mask &= (self.branches & branche_bits) != 0
            if len(self._basis) > 512:
                self._basis.clear()
            self._basis[key] = mask
        return mask.copy()

    def reach(self, types: frozenset[str]) -> np.ndarray:
        """Which initiatives reach a pupil of these schooltypen (:func:`bereikt`, vectorised; cached)."""
        key = tuple(sorted(types))
        if key not in self._reach:
            self._reach[key] = _reach_mask(self, types)
        return self._reach[key]


_CACHE: list[_Arrays] = []
_CACHE_SIZE = 4


def _arrays(kb: KnowledgeBase | None, extra: Sequence[Initiatief] | None) -> _Arrays:
    index = catalogue_index(kb, extra)
    for a in _CACHE:
        if a.index is index:
            return a
    a = _Arrays.of(index)
    _CACHE.insert(0, a)
    del _CACHE[_CACHE_SIZE:]
    return a


@dataclass(frozen=True)
class _Kandidaat:
    ini: Initiatief
    km: float | None
    landelijk: bool
    benadering: bool
    delen: dict[str, float]
    interesses: tuple[str, ...]
    doelgroep: str | None
    via_school: bool

    @property
    def totaal(self) -> float:
        return round(sum(self.delen.values()), 3)


def _reach_mask(a: _Arrays, types: frozenset[str]) -> np.ndarray:
    st = a.schooltypen
    if "po" in types:
        return (st & _ST["po"]) != 0
    pupil_fase = sum(_ST[c] for c in types & FASEN)
    pupil_type = sum(_ST[c] for c in types & VO_TYPEN)
    fasen, vo = st & _FASE_BITS, st & _VO_BITS
    return ((fasen | vo) != 0) & ((fasen == 0) | ((fasen & pupil_fase) != 0)) & ((vo == 0) | ((vo & pupil_type) != 0))


def rank_activiteiten(
    kb: KnowledgeBase,
    profiel: Profiel,
    plaats: tuple[float, float] | None,
    n: int = 6,
    extra: Sequence[Initiatief] | None = None,
    route_richting: str | None = None,
    alleen_landelijk: bool = False,
) -> list[ActiviteitAdvies]:
    """The ``n`` best activities for the pupil, each with distance and reason (nl + parents' language).

    ``extra`` holds the school's own imported initiatives (the decaan's list); ``route_richting`` is
    the richting of the pupil's best route (activities that support it get a small bonus);
    ``alleen_landelijk``: only landelijk/online ones (a postcode outside the region).
    """
    a = _arrays(kb, extra)
    if not a.items:
        return []
    types = schooltypen_initiatief(profiel.schooltype, profiel.leerjaar)
    gevraagd = [d for d in profiel.doelgroep_activiteiten if d != "leerlingen"]
    gevraagd_bits = sum(_DG[d] for d in gevraagd)
    tech = profiel.technische_interesses()
    specifiek = {b for i in tech for b in INTERESSE_BRANCHES.get(i, ()) if b != "techniek_breed"}
    specifiek_bits = sum(_BR[b] for b in specifiek)
    breed_bit = _BR["techniek_breed"]

    ok = a.basis(types, gevraagd_bits, (specifiek_bits | breed_bit) if tech else 0)
    if alleen_landelijk:  # a pupil outside the region: a local activity here is nowhere near (review R08)
        ok &= a.overal
    if plaats is not None:  # a cheap box first, the exact distance only for what is left
        max_km = profiel.max_reisafstand_km
        dlat, dlon = max_km / 110.0, max_km / 65.0
        ok &= a.overal | ((np.abs(a.lat - plaats[0]) <= dlat) & (np.abs(a.lon - plaats[1]) <= dlon))
    rows = np.flatnonzero(ok)
    if rows.size == 0:
        return []
    overal = a.overal[rows]
    if plaats is not None:
        km = distances_km(plaats[0], plaats[1], a.lat[rows], a.lon[rows])
        keep = overal | (km <= profiel.max_reisafstand_km)
        rows, overal, km = rows[keep], overal[keep], km[keep]
        if rows.size == 0:
            return []
        afstand = np.where(overal, LANDELIJK_PUNTEN, 2.0 * (1.0 - np.nan_to_num(km) / profiel.max_reisafstand_km))
    else:
        km = np.full(rows.size, np.nan)
        afstand = np.where(overal, LANDELIJK_PUNTEN, 0.0)
    br = a.branches[rows]
    if tech:
        branche = np.where((br & specifiek_bits) != 0, 2.0, np.where((br & breed_bit) != 0, 1.0, 0.0))
    else:
        branche = np.zeros(rows.size)
    doelgroep = np.where((a.doelgroepen[rows] & gevraagd_bits) != 0, 1.0, 0.0)
    route_bit = _BR.get(RICHTING_BRANCHE.get(route_richting or "", ""), 0)
    route = np.where((br & route_bit) != 0, ROUTE_PUNTEN, 0.0) if route_bit and tech else np.zeros(rows.size)
    school = np.where((a.activiteiten[rows] & _ZELF_BITS) == 0, -SCHOOL_STRAF, 0.0)
    totaal = np.round(branche + afstand + a.praktijk[rows] + doelgroep + route + school, 3)
    km_key = np.where(overal, 1e9, np.nan_to_num(km, nan=1e9))
    rank = a.rank[rows]
    order = np.lexsort((rank, km_key, -totaal))

    max_landelijk = max(1, n // 2)
    gekozen: list[int] = []  # positions in rows
    if gevraagd_bits:  # honour the requested doelgroep: local ones first, then landelijk
        voor = order[doelgroep[order] > 0]
        if voor.size:
            voor = voor[np.lexsort((rank[voor], km_key[voor], -totaal[voor], overal[voor]))]
            gekozen = [int(i) for i in voor[:MAX_DOELGROEP]]
    for i in order.tolist():
        if len(gekozen) >= n:
            break
        if i in gekozen:
            continue
        if overal[i] and sum(bool(overal[g]) for g in gekozen) >= max_landelijk:
            continue
        gekozen.append(i)
    gekozen.sort(key=lambda i: (-totaal[i], km_key[i], int(rank[i])))

    talen = talen_voor(profiel)
    grof = plaats is not None and thuis_bij_benadering(kb, profiel)  # home is an area's centre point: "~"
    out = []
    for i in gekozen:
        row = int(rows[i])
        ini = a.items[row]
        landelijk = bool(overal[i])
        afstand_km = None if landelijk or plaats is None else float(km[i])
        delen = {
            "branche": float(branche[i]),
            "afstand": round(float(afstand[i]), 3),
            "praktijk": float(a.praktijk[row]),
            "doelgroep": float(doelgroep[i]),
            "route": float(route[i]),
            "school": float(school[i]),
        }
        k = _Kandidaat(
            ini,
            afstand_km,
            landelijk,
            bool(a.benadering[row]) or grof,
            delen,
            _interesses_match(ini, tech),
            next((d for d in ini.doelgroepen if d in gevraagd), None),
            via_school(ini),
        )
        out.append(_advies(k, talen))
    return out


def _interesses_match(ini: Initiatief, tech: list[str]) -> tuple[str, ...]:
    return tuple(
        x
        for x in tech
        if set(INTERESSE_BRANCHES.get(x, ())) & set(ini.branches) and INTERESSE_BRANCHES[x] != ("techniek_breed",)
    )


def _advies(k: _Kandidaat, talen: list[str]) -> ActiviteitAdvies:
    ini = k.ini
    return ActiviteitAdvies(
        id=ini.id,
        naam=ini.naam,
        organisator=ini.organisator,
        afstand_km=round(k.km, 1) if k.km is not None else None,
        landelijk=k.landelijk,
        online=ini.online,
        praktijkgerichtheid=ini.praktijkgerichtheid,
        branches=list(ini.branches),
        doelgroepen=list(ini.doelgroepen),
        website=ini.website,
        afstand_bij_benadering=k.benadering,
        via_school=k.via_school,
        gevraagde_doelgroep=k.doelgroep,
        score=k.totaal,
        score_delen=k.delen,
        reden=_reden(k, "nl"),
        uitleg={taal: _reden(k, taal) for taal in talen},
        bronnen=[ref_text(r) for r in ini.bronnen],
    )


def _kandidaat_een(
    ini: Initiatief,
    km: float | None,
    profiel: Profiel,
    plaats: tuple[float, float] | None,
    types: frozenset[str],
    route_richting: str | None,
    thuis_grof: bool = False,
) -> _Kandidaat | None:
    """One initiative scored by the same rules as :func:`rank_activiteiten` (which does it for all at once,
    vectorised); None when it does not reach the pupil or does not fit a technical pupil's interests."""
    if not bereikt(ini.schooltypen, types):
        return None
    gevraagd = [d for d in profiel.doelgroep_activiteiten if d != "leerlingen"]
    if not ({"leerlingen", *gevraagd} & set(ini.doelgroepen)):
        return None
    tech = profiel.technische_interesses()
    specifiek = {b for i in tech for b in INTERESSE_BRANCHES.get(i, ()) if b != "techniek_breed"}
    if tech and specifiek & set(ini.branches):
        branche = 2.0
    elif tech and "techniek_breed" in ini.branches:
        branche = 1.0
    elif tech:
        return None
    else:
        branche = 0.0
    landelijk = ini.landelijk_online
    if landelijk:
        afstand = LANDELIJK_PUNTEN
    elif plaats is None or km is None:
        afstand = 0.0
    else:
        afstand = 2.0 * (1.0 - km / profiel.max_reisafstand_km)
    doelgroep = next((d for d in ini.doelgroepen if d in gevraagd), None)
    route_branche = RICHTING_BRANCHE.get(route_richting or "")
    school = via_school(ini)
    delen = {
        "branche": branche,
        "afstand": round(afstand, 3),
        "praktijk": PRAKTIJK_PUNTEN[ini.praktijkgerichtheid],
        "doelgroep": 1.0 if doelgroep else 0.0,
        "route": ROUTE_PUNTEN if tech and route_branche in ini.branches else 0.0,
        "school": -SCHOOL_STRAF if school else 0.0,
    }
    benadering = not landelijk and (thuis_grof or ini.locatie.precisie in ("gemeente", "wijk"))
    return _Kandidaat(
        ini,
        None if landelijk or plaats is None else km,
        landelijk,
        benadering,
        delen,
        _interesses_match(ini, tech),
        doelgroep,
        school,
    )


def stap_activiteit(
    kb: KnowledgeBase,
    profiel: Profiel,
    plaats: tuple[float, float] | None,
    richting: str,
    activiteiten: list[ActiviteitAdvies],
    extra: Sequence[Initiatief] | None = None,
    vandaag: dt.date | None = None,
    alleen_landelijk: bool = False,
) -> tuple[ActiviteitAdvies | None, dt.date | None]:
    """The activity for a route's next step, with its day when it has one.

    First choice: the next dated activity of the matching kind near the pupil: upcoming (from
    ``vandaag``), of the route's branche (:data:`RICHTING_BRANCHE`), reaching the pupil's schooltype and
    doelgroep, local within ``max_reisafstand_km`` (any place when the pupil's place is unknown);
    soonest first, then nearest. Otherwise the best-ranked undated match of :func:`activiteit_voor_richting`.
    """
    branche = RICHTING_BRANCHE.get(richting)
    if branche is not None:
        doelgroepen = sorted({"leerlingen"} | set(profiel.doelgroep_activiteiten))
        place = (
            Place(query="profiel", naam="profiel", soort="profiel", lat=plaats[0], lon=plaats[1]) if plaats else None
        )
        flt = InitiativeFilter(
            doelgroepen=doelgroepen,
            branches=[branche],
            komend=True,
            vandaag=vandaag,
            include_landelijk=place is None,
            km=profiel.max_reisafstand_km if place else None,
        )
        types = schooltypen_initiatief(profiel.schooltype, profiel.leerjaar)
        for hit in search_initiatives(kb, flt, extra=extra, place=place):
            if alleen_landelijk and not hit.initiatief.landelijk_online:
                continue
            k = _kandidaat_een(
                hit.initiatief, hit.afstand_km, profiel, plaats, types, richting, thuis_bij_benadering(kb, profiel)
            )
            if k is not None:
                return _advies(k, talen_voor(profiel)), hit.volgende_datum
    return activiteit_voor_richting(activiteiten, richting), None


def _reden(k: _Kandidaat, taal: str) -> str:
    parts: list[str] = []
    if k.delen["branche"] >= 2.0 and k.interesses:
        # say what the activity is coded with (a museum coded 'technologie en wetenschap' is not lab work, R17)
        codes = {b for i in k.interesses for b in INTERESSE_BRANCHES.get(i, ())}
        parts.append(
            t(
                "advies.act_branche",
                taal,
                branches=lijst([label("branche", b, taal) for b in k.ini.branches if b in codes], taal),
                interesses=lijst([word("interesse", i, taal) for i in k.interesses], taal),
            )
        )
    elif k.delen["branche"] > 0:
        parts.append(t("advies.act_breed", taal))
    else:  # no technical interest behind it (a zorg pupil): say so rather than imply a fit (review R05)
        parts.append(t("advies.act_proberen", taal))
    if k.landelijk:
        parts.append(t("advies.act_landelijk", taal))
    elif k.km is not None:
        parts.append(t("advies.act_afstand", taal, km=km_tekst(k.km, taal, k.benadering)))
    if k.ini.praktijkgerichtheid == "veel":
        parts.append(t("advies.act_praktijk_veel", taal))
    elif k.ini.praktijkgerichtheid == "deels":
        parts.append(t("advies.act_praktijk_deels", taal))
    if k.doelgroep:
        key = "advies.act_doelgroep" if speciaal_voor(k.ini, k.doelgroep) else "advies.act_doelgroep_ook"
        parts.append(t(key, taal, doelgroep=word("doelgroep", k.doelgroep, taal)))
    if k.via_school:
        parts.append(t("advies.act_via_school", taal))
    if any(r.bron == EIGEN_IMPORT for r in k.ini.bronnen):
        parts.append(t("advies.act_eigen_lijst", taal))
    return " ".join(parts)


# Doelgroepen that are a part of the pupils: an activity naming one of them is aimed at that group.
LEERLING_GROEPEN = frozenset({"meisjes", "migratieachtergrond"})


def speciaal_voor(ini: Initiatief, doelgroep: str) -> bool:
    """'Speciaal voor ouders' only when the activity is not for the pupils as well (First Lego League lists
    ouders next to leerlingen: that is 'ook voor ouders'); a group of pupils (meisjes) named next to
    leerlingen is still what the activity is aimed at."""
    return doelgroep in LEERLING_GROEPEN or "leerlingen" not in ini.doelgroepen


def talen_voor(profiel: Profiel) -> list[str]:
    """Dutch always, plus the parents' language when that is another one."""
    return ["nl"] if profiel.taal_ouders == "nl" else ["nl", profiel.taal_ouders]


def activiteit_voor_richting(activiteiten: list[ActiviteitAdvies], richting: str) -> ActiviteitAdvies | None:
    """The best-ranked activity whose branches fit an mbo richting, one the pupil can join alone first."""
    branche = RICHTING_BRANCHE.get(richting)
    passend = [a for a in activiteiten if branche in a.branches]
    return next((a for a in passend if not a.via_school), passend[0] if passend else None)


__all__ = [
    "INTERESSE_BRANCHES",
    "RICHTING_BRANCHE",
    "rank_activiteiten",
    "schooltypen_initiatief",
    "activiteit_voor_richting",
    "stap_activiteit",
    "talen_voor",
    "via_school",
    "bereikt",
]

"""Candidate routes (vmbo profiel -> mbo opleiding -> beroepen) and who may take them.

Admissibility rule (also in recommender/README.md). A route is one mbo opleiding with its
beroepen. It is a candidate for a pupil only when all of these hold:

1. **Vooropleiding.** The pupil's schooltype is in ``Opleiding.vooropleidingen`` (or that list has
   ``geen``, as entree opleidingen do). For po (groep 7/8) this check is skipped: it is orientation.
2. **Niveau.** The niveau fits the schooltype (:data:`NIVEAUS`):
   vmbo-bb -> niveau 2 (niveau 1 allowed, ranked lower); vmbo-kb, -gl, -tl -> niveau 3 and 4
   (niveau 2 allowed, ranked lower); havo and vwo -> niveau 4 only (with a note about hbo);
   po -> niveau 2-4, shown by vmbo profiel as a first exploration.
3. **Leerweg.** When the pupil chose BOL or BBL, the opleiding must offer it; ``weet_niet`` allows both.
4. **Interest.** At least one of the pupil's interests is among the coded interests of the opleiding
   or of its beroepen (like Check-U's threshold coding: no interest link, no route).
5. **Source.** The opleiding and its beroepen cite sources that exist in bronnen.yaml, and at least one
   of them is a report (not only our own classification, ``algemene_kennis``).

The per-knowledge-base index (:func:`route_index`) is computed once and cached on ``kb.content_hash``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from knowledge import vocab
from knowledge.loader import KnowledgeBase
from knowledge.schema import BronRef, Opleiding
from knowledge.sources import ref_text
from recommender.profile import Profiel, profielen_voor

# schooltype -> (niveaus that fit, niveaus allowed but ranked lower)
NIVEAUS: dict[str, tuple[frozenset[int], frozenset[int]]] = {
    "po": (frozenset({2, 3, 4}), frozenset()),
    "vmbo-bb": (frozenset({2}), frozenset({1})),
    "vmbo-kb": (frozenset({3, 4}), frozenset({2})),
    "vmbo-gl": (frozenset({3, 4}), frozenset({2})),
    "vmbo-tl": (frozenset({3, 4}), frozenset({2})),
    "havo": (frozenset({4}), frozenset()),
    "vwo": (frozenset({4}), frozenset()),
}
# Points per labour-market label (the published "kansrijk" rule); unsourced labels count 0.
MARKT_PUNTEN: dict[str, float] = {
    "groot_tekort": 2.0, "tekort": 1.5, "goed": 1.0, "gemiddeld": 0.5, "beperkt": 0.0, "onbekend": 0.0,
}
ONBRONNEN = frozenset({"algemene_kennis", "geo_benadering"})


def is_gerapporteerd(kb: KnowledgeBase, ref: BronRef) -> bool:
    """True when ``ref`` points to a report, not to our own classification or general knowledge."""
    bron = kb.bronnen.get(ref.bron)
    return bron is not None and bron.soort != "algemene_kennis" and ref.bron not in ONBRONNEN


@dataclass(frozen=True)
class Locatie:
    school: str
    naam: str
    lat: float
    lon: float
    leerwegen: frozenset[str]
    benadering: bool = False  # only known at gemeente level: distances are approximate


@dataclass(frozen=True)
class Markt:
    label: str
    beroep: str  # beroep naam
    bron: BronRef
    punten: float


@dataclass(frozen=True)
class RouteInfo:
    """Everything about one opleiding that scoring needs, precomputed."""

    id: str
    naam: str
    niveau: int
    leerwegen: tuple[str, ...]
    richting: str
    duur_jaren: float | None
    vmbo_profielen: tuple[str, ...]
    vooropleidingen: frozenset[str]
    beroep_ids: tuple[str, ...]
    beroep_namen: tuple[str, ...]
    beroep_interesses: tuple[frozenset[str], ...]
    opl_interesses: frozenset[str]
    interesses: frozenset[str]
    werk: frozenset[str]
    markt: Markt | None
    locaties: tuple[Locatie, ...]
    bronnen: tuple[str, ...]
    heeft_bron: bool


@dataclass(frozen=True)
class Index:
    routes: tuple[RouteInfo, ...]


_CACHE: dict[str, Index] = {}


def _beroepen_van(kb: KnowledgeBase, opl: Opleiding) -> list[str]:
    ids = [b for b in opl.beroepen if b in kb.beroepen]
    ids += sorted(b for b, ber in kb.beroepen.items() if opl.id in ber.mbo_route and b not in ids)
    return ids


def _markt(kb: KnowledgeBase, beroep_ids: Iterable[str]) -> Markt | None:
    """The best sourced labour-market label among the beroepen (ties: first beroep)."""
    best: Markt | None = None
    for b in beroep_ids:
        ber = kb.beroepen[b]
        am = ber.arbeidsmarkt
        if am.label == "onbekend" or not is_gerapporteerd(kb, am.bron):
            continue
        m = Markt(am.label, ber.naam, am.bron, MARKT_PUNTEN[am.label])
        if best is None or m.punten > best.punten:
            best = m
    return best


def _route_info(kb: KnowledgeBase, opl: Opleiding) -> RouteInfo:
    beroep_ids = _beroepen_van(kb, opl)
    beroepen = [kb.beroepen[b] for b in beroep_ids]
    interesses = set(opl.interesses)
    werk = set(opl.werkvoorkeuren)
    for ber in beroepen:
        interesses.update(ber.interesses)
        werk.update(ber.werkvoorkeuren)
    locaties = []
    for loc in opl.locaties:
        school = kb.scholen.get(loc.school)
        if school is None or school.locatie.lat is None or school.locatie.lon is None:
            continue
        locaties.append(Locatie(school.id, school.naam, school.locatie.lat, school.locatie.lon,
                                frozenset(loc.leerwegen), school.locatie.precisie == "gemeente"))
    bronnen: list[str] = [ref_text(r) for r in opl.bronnen]
    for ber in beroepen:
        bronnen.append(ref_text(ber.arbeidsmarkt.bron))
        bronnen += [ref_text(r) for r in ber.bronnen]
    refs = list(opl.bronnen) + [r for ber in beroepen for r in [*ber.bronnen, ber.arbeidsmarkt.bron]]
    heeft_bron = all(r.bron in kb.bronnen for r in refs) and any(is_gerapporteerd(kb, r) for r in refs)
    return RouteInfo(
        id=opl.id, naam=opl.naam, niveau=opl.niveau, leerwegen=tuple(opl.leerwegen), richting=opl.richting,
        duur_jaren=opl.duur_jaren, vmbo_profielen=tuple(opl.vmbo_profielen),
        vooropleidingen=frozenset(opl.vooropleidingen), beroep_ids=tuple(beroep_ids),
        beroep_namen=tuple(b.naam for b in beroepen),
        beroep_interesses=tuple(frozenset(b.interesses) for b in beroepen), opl_interesses=frozenset(opl.interesses),
        interesses=frozenset(interesses), werk=frozenset(werk), markt=_markt(kb, beroep_ids),
        locaties=tuple(locaties), bronnen=tuple(dict.fromkeys(bronnen)), heeft_bron=heeft_bron and bool(beroepen),
    )


def route_index(kb: KnowledgeBase) -> Index:
    """The precomputed routes of ``kb`` (cached per ``content_hash``; hand-built kbs are not cached)."""
    key = kb.content_hash
    if key and key in _CACHE:
        return _CACHE[key]
    index = Index(tuple(_route_info(kb, opl) for _, opl in sorted(kb.opleidingen.items())))
    if key:
        _CACHE[key] = index
    return index


def niveau_past(schooltype: str, niveau: int) -> tuple[bool, bool]:
    """(admissible, ranked lower) for a niveau and a pupil's schooltype."""
    hoofd, lager = NIVEAUS[schooltype]
    return (niveau in hoofd or niveau in lager, niveau in lager)


def toelaatbaar(route: RouteInfo, schooltype: str, leerweg_voorkeur: str) -> bool:
    """Rules 1-3 and 5 of the module docstring (the interest rule is applied in scoring)."""
    if not route.heeft_bron:
        return False
    if not niveau_past(schooltype, route.niveau)[0]:
        return False
    if schooltype != "po" and schooltype not in route.vooropleidingen and "geen" not in route.vooropleidingen:
        return False
    return leerweg_voorkeur not in vocab.MBO_LEERWEGEN or leerweg_voorkeur in route.leerwegen


def vmbo_profiel_voor(route: RouteInfo, profiel: Profiel) -> str | None:
    """The vmbo profiel shown for this route: the pupil's own if it connects, else the first that fits."""
    if profiel.profiel and profiel.profiel in route.vmbo_profielen:
        return profiel.profiel
    if profiel.schooltype in ("havo", "vwo"):
        return None
    mogelijk = profielen_voor(profiel.schooltype) or profielen_voor("vmbo-kb")
    for p in route.vmbo_profielen:
        if p in mogelijk:
            return p
    if profiel.schooltype == "vmbo-tl" and any(p in vocab.TECHNIEK_PROFIELEN for p in route.vmbo_profielen):
        return "TL_TECHNIEK"
    return None


def familie(route: RouteInfo) -> tuple[str, int]:
    """Routes of one family are variants of one chain: same richting and niveau."""
    return (route.richting, route.niveau)


def kies_divers(gesorteerd: list[RouteInfo], n: int) -> list[RouteInfo]:
    """Pick up to ``n`` routes from a ranked list, MMR-style (returned in the order they are picked).

    Pass 1 takes the best route of each richting; pass 2 fills up with routes of a new family
    (richting + niveau). A route never shares a beroep with a route already picked, so the list is
    never several variants of one opleiding chain.
    """
    gekozen: list[RouteInfo] = []
    ids: set[str] = set()
    richtingen: set[str] = set()
    families: set[tuple[str, int]] = set()
    beroepen: set[str] = set()

    def vrij(r: RouteInfo) -> bool:
        return r.id not in ids and familie(r) not in families and not beroepen.intersection(r.beroep_ids)

    for eerste_ronde in (True, False):
        for r in gesorteerd:
            if len(gekozen) >= n:
                return gekozen
            if vrij(r) and (not eerste_ronde or r.richting not in richtingen):
                gekozen.append(r)
                ids.add(r.id)
                richtingen.add(r.richting)
                families.add(familie(r))
                beroepen.update(r.beroep_ids)
    return gekozen

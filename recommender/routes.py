"""Candidate routes (vmbo profiel -> mbo opleiding -> beroepen) and who may take them.

Admissibility rule (also in recommender/README.md). A route is one mbo opleiding with its
beroepen. It is a candidate for a pupil only when all of these hold:

1. **Vooropleiding.** The pupil's schooltype is in ``Opleiding.vooropleidingen`` (or that list has
   ``geen``, as entree opleidingen do). For po (groep 7/8) this check is skipped: it is orientation.
2. **Niveau.** The niveau fits the schooltype (:data:`NIVEAUS`):
   vmbo-bb -> niveau 2 (niveau 1 allowed, ranked lower); vmbo-kb, -gl, -tl -> niveau 3 and 4
   (niveau 2 allowed, ranked lower); havo and vwo -> niveau 4 only (next to hbo directions);
   po -> niveau 2-4 (or the niveaus of the schooladvies), shown as a horizon behind the vmbo profiel.
3. **Leerweg.** When the pupil chose BOL or BBL, the opleiding must offer it; ``weet_niet`` allows both.
4. **Interest.** At least one of the pupil's interests is among the coded interests of the opleiding
   or of its beroepen (like Check-U's threshold coding: no interest link, no route).
5. **Source.** The opleiding and its beroepen cite sources that exist in bronnen.yaml, and at least one
   of them is a report (not only our own classification, ``algemene_kennis``).

The per-knowledge-base index (:func:`route_index`) is computed once and cached on ``kb.content_hash``.
It holds, per route, what each beroep is coded with (interests, work preferences, a labour-market
claim only where a report names that beroep) and the best sector-level statement for its richting.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from knowledge import vocab
from knowledge.geo import haversine_km
from knowledge.loader import KnowledgeBase
from knowledge.schema import BronRef, Opleiding, School, SectorArbeidsmarkt
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
# Points per labour-market label when a report names the beroep (the published "kansrijk" rule).
MARKT_PUNTEN: dict[str, float] = {
    "groot_tekort": 1.0,
    "tekort": 0.75,
    "goed": 0.5,
    "redelijk_tot_goed": 0.5,
    "gemiddeld": 0.25,
    "beperkt": 0.0,
    "onbekend": 0.0,
}
# A statement about a whole sector counts half: it says nothing about this beroep in particular.
SECTOR_FACTOR = 0.5
# Labour-market data OUD_JAREN or more years older than the newest report in the knowledge counts half: the 2018
# UWV figures (STO Zuid 2019) may no longer hold, so they must not push a route up as hard as fresh data (review 10).
OUD_JAREN = 5
OUD_FACTOR = 0.5
ONBRONNEN = frozenset({"algemene_kennis", "geo_benadering"})
# What each mbo richting is about (our own classification, following the vmbo profielen: PIE covers
# elektro and installatie/energie, M&T vehicles, MVI media and ICT). An interest an opleiding is coded
# with but its richting is not about is a side link (a "raakvlak"): elektro on a car or podium route,
# tekenen on a bouwkunde or engineering route, energie on a process route. See recommender/README.md.
RICHTING_KERN: dict[str, frozenset[str]] = {
    "bouw_infra": frozenset({"bouwen", "maken_ontwerpen"}),
    "installatie_energie": frozenset({"energie_duurzaamheid", "elektro"}),
    "elektrotechniek": frozenset({"elektro", "energie_duurzaamheid"}),
    "werktuigbouw_metaal": frozenset({"machines", "maken_ontwerpen"}),
    "mobiliteit_voertuigen": frozenset({"autos_motoren"}),
    "maritiem_haven": frozenset({"haven_schepen", "logistiek"}),
    "logistiek": frozenset({"logistiek"}),
    "procestechniek": frozenset({"machines", "natuur_proefjes"}),
    "ict": frozenset({"ict_programmeren", "gaming"}),
    "media_vormgeving": frozenset({"media_vormgeving", "tekenen_ontwerpen", "gaming"}),
    "laboratorium": frozenset({"natuur_proefjes"}),
    "hout_meubel": frozenset({"maken_ontwerpen", "bouwen"}),
    "groen": frozenset({"machines"}),
    "scheepvaart": frozenset({"haven_schepen"}),
    "techniek_breed": frozenset(),  # broad: what the opleiding is coded with is what it is about
}


def kern_interesses(opl: Opleiding) -> tuple[str, ...]:
    """The technical interests the opleiding is about, in its coding order.

    Its coded interests that its richting is about, plus those it is the usual first route for; when its
    richting says nothing about its coding (techniek_breed, aircraft maintenance in mobiliteit), all of its
    coded technical interests. A non-technical interest is never the core of a techniek route.
    """
    # what the opleiding itself marks as only a side link is never its core (Fietstechnicus: auto's en motoren);
    # when nothing is left the route is about none of our codes and every link is a raakvlak
    technisch = [i for i in opl.interesses if i in vocab.TECHNISCHE_INTERESSES and i not in opl.raakvlak]
    # an opleiding's own kern overrides its richting's (mobile werktuigen: machines, though under mobiliteit)
    kern = frozenset(opl.kern) or RICHTING_KERN.get(opl.richting, frozenset())
    kern |= frozenset(opl.hoofdroute_voor)
    eigen = [i for i in technisch if i in kern]
    return tuple(eigen or technisch)


def peiljaar(kb: KnowledgeBase) -> int:
    """The year of the newest dated report in the knowledge: the 'now' that the age of data is measured against
    (from the knowledge, not the clock, so that ``recommend`` stays a pure function)."""
    return max((b.jaar for b in kb.bronnen.values() if b.soort == "rapport" and not b.zonder_jaartal), default=0)


def gegevens_factor(kb: KnowledgeBase, ref: BronRef, gegevensjaar: str | None) -> float:
    """OUD_FACTOR when the data behind ``ref`` (its gegevensjaar, else the report's year) is OUD_JAREN or more
    years older than :func:`peiljaar` (the same rule as the notice in markt_regio), else 1."""
    bron = kb.bronnen.get(ref.bron)
    jaar = int(gegevensjaar) if gegevensjaar and gegevensjaar.isdigit() else (bron.jaar if bron else None)
    return OUD_FACTOR if jaar is not None and peiljaar(kb) - jaar >= OUD_JAREN else 1.0


def is_gerapporteerd(kb: KnowledgeBase, ref: BronRef) -> bool:
    """True when ``ref`` points to a report, not to our own classification or general knowledge."""
    bron = kb.bronnen.get(ref.bron)
    return bron is not None and bron.soort != "algemene_kennis" and ref.bron not in ONBRONNEN


@dataclass(frozen=True)
class Locatie:
    school: str
    naam: str
    lat: float | None
    lon: float | None
    leerwegen: frozenset[str]
    benadering: bool = False  # only known at gemeente level: distances are approximate
    meerdere: bool = False  # one point for a school with several locations (Techniek College Rotterdam)
    # benadering: how far from its town-centre point the school may in truth lie (the gemeente's extent)
    marge_km: float = 0.0

    @property
    def landelijk(self) -> bool:
        """A national training provider without a fixed place near the pupil (e.g. a BBL branch school)."""
        return self.lat is None or self.lon is None


@dataclass(frozen=True)
class Markt:
    """A report's statement about one named beroep, or (``schaal="opleiding"``) about the job chances after
    one named opleiding (STO Zuid 2019, Figuur 10 names opleidingen): said about what the source names."""

    label: str
    beroep: str  # beroep naam, or the opleiding's naam when schaal == "opleiding"
    bron: BronRef
    punten: float
    regio: str | None = None
    gegevensjaar: str | None = None
    schaal: str = "beroep"  # beroep | opleiding
    werkgever: str | None = None  # the source speaks of one employer: an employer-level sentence (review 4)


@dataclass(frozen=True)
class SectorMarkt:
    """A report's statement about the sector of a route (said as a sector sentence, never about a beroep)."""

    id: str
    label: str
    bron: BronRef
    punten: float
    jaar: int
    tekst: dict[str, str]
    regio: str | None = None  # the region the source speaks about (e.g. Rijnmond)


@dataclass(frozen=True)
class BeroepInfo:
    id: str
    naam: str
    interesses: frozenset[str]
    werk: frozenset[str]
    markt: Markt | None
    kort: dict[str, str]


@dataclass(frozen=True, eq=False)
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
    beroepen: tuple[BeroepInfo, ...]
    opl_interesses: frozenset[str]
    interesses: frozenset[str]
    kern: tuple[str, ...]  # what the opleiding is about (kern_interesses); other codes are side links
    hoofdroute_voor: frozenset[str]
    markt: Markt | None  # the claim about the beroep the opleiding mainly leads to, or about the opleiding itself
    sector: SectorMarkt | None
    locaties: tuple[Locatie, ...]
    vervolg: tuple[tuple[str, str, tuple[str, ...]], ...]  # (naam, hbo|wo, school names)
    bronnen: tuple[str, ...]
    heeft_bron: bool
    # (naam, hbo|wo) -> what the direction is about, when narrower than the opleiding (Aeronautical: machines)
    vervolg_over: tuple[tuple[tuple[str, str], frozenset[str]], ...] = ()
    profielen_eigen_indeling: frozenset[str] = frozenset()  # in vmbo_profielen without a source: never "sluit goed aan"
    # a report's claim about one of the other beroepen (Declarant after Manager transport en logistiek): said in its
    # own sentence with its name, never a label or a bonus for the whole route (review 5)
    bijmarkt: Markt | None = None

    @cached_property
    def beroep_ids(self) -> tuple[str, ...]:
        return tuple(b.id for b in self.beroepen)

    @cached_property
    def beroep_namen(self) -> tuple[str, ...]:
        return tuple(b.naam for b in self.beroepen)

    @property
    def alleen_bbl(self) -> bool:
        return tuple(self.leerwegen) == ("BBL",)


@dataclass(frozen=True)
class Index:
    """The routes, plus the coordinates of all their locations as arrays (one distance call per pupil)."""

    routes: tuple[RouteInfo, ...]
    loc_lat: np.ndarray
    loc_lon: np.ndarray
    loc_start: tuple[int, ...]  # route i has locations loc_start[i]:loc_start[i + 1]

    @classmethod
    def build(cls, routes: tuple[RouteInfo, ...]) -> Index:
        lats: list[float] = []
        lons: list[float] = []
        starts = [0]
        for r in routes:
            for loc in r.locaties:
                lats.append(np.nan if loc.lat is None else loc.lat)
                lons.append(np.nan if loc.lon is None else loc.lon)
            starts.append(len(lats))
        return cls(routes, np.array(lats, dtype=float), np.array(lons, dtype=float), tuple(starts))


_CACHE: dict[str, Index] = {}


def _beroepen_van(kb: KnowledgeBase, opl: Opleiding) -> list[str]:
    ids = [b for b in opl.beroepen if b in kb.beroepen]
    ids += sorted(b for b, ber in kb.beroepen.items() if opl.id in ber.mbo_route and b not in ids)
    return ids


def beroep_markt(kb: KnowledgeBase, beroep_id: str) -> Markt | None:
    """The labour-market claim about this beroep, only when a report names it (else None)."""
    ber = kb.beroepen[beroep_id]
    am = ber.arbeidsmarkt
    if am.label == "onbekend" or not is_gerapporteerd(kb, am.bron):
        return None
    punten = MARKT_PUNTEN[am.label] * gegevens_factor(kb, am.bron, am.gegevensjaar)
    return Markt(am.label, ber.naam, am.bron, punten, am.regio, am.gegevensjaar, werkgever=am.werkgever)


def opleiding_markt(kb: KnowledgeBase, opl: Opleiding) -> Markt | None:
    """The claim a report makes about this opleiding by name (e.g. STO Zuid 2019, Figuur 10), else None."""
    am = opl.arbeidsmarkt
    if am is None or not is_gerapporteerd(kb, am.bron):
        return None
    punten = MARKT_PUNTEN[am.label] * gegevens_factor(kb, am.bron, am.gegevensjaar)
    return Markt(am.label, opl.naam, am.bron, punten, am.regio, am.gegevensjaar, "opleiding")


def route_sectoren(kb: KnowledgeBase, opl: Opleiding) -> frozenset[str]:
    """Every sector a route belongs to: its richting and the sector of each of its beroepen."""
    return frozenset({opl.richting, *(kb.beroepen[b].sector for b in _beroepen_van(kb, opl))})


def _beste_markt(claims: Iterable[Markt | None]) -> Markt | None:
    """The best of the given claims (ties: the first one, a named beroep first)."""
    best: Markt | None = None
    for m in claims:
        if m is not None and (best is None or m.punten > best.punten):
            best = m
    return best


def sector_uitspraken(
    kb: KnowledgeBase,
    *,
    richting: str | None = None,
    interesse: str | None = None,
    sectoren: Iterable[str] | None = None,
) -> list[SectorMarkt]:
    """Sector-level statements about an mbo richting, a route's sectors or a (non-technical) interest, best first.

    ``sectoren``: a route's sectors (:func:`route_sectoren`); a statement applies only when it names every one
    of them, so a sentence about "de bouw" never lands on a furniture maker (review 2).
    Order: most favourable label, then the newest source, then id (deterministic).
    """
    nodig = frozenset(sectoren or ())
    out: list[SectorMarkt] = []
    for rec in kb.sectoren.values():
        if nodig:
            if not nodig <= set(rec.richtingen):
                continue
        elif not ((richting and richting in rec.richtingen) or (interesse and interesse in rec.interesses)):
            continue
        if not is_gerapporteerd(kb, rec.bron):
            continue
        out.append(_sector(kb, rec))
    order = vocab.ARBEIDSMARKT_LABELS
    return sorted(out, key=lambda s: (order.index(s.label), -s.jaar, s.id))


def _sector(kb: KnowledgeBase, rec: SectorArbeidsmarkt) -> SectorMarkt:
    return SectorMarkt(
        rec.id,
        rec.label,
        rec.bron,
        MARKT_PUNTEN[rec.label] * SECTOR_FACTOR * gegevens_factor(kb, rec.bron, rec.gegevensjaar),
        kb.bronnen[rec.bron.bron].jaar,
        dict(rec.tekst),
        rec.regio,
    )


# the extent of a gemeente around its centre point, from its wijken and kernen in gebieden.yaml, kept within these
# bounds: a town without known parts still spans a few km; Rotterdam's port and Hoek van Holland are no school area
GEMEENTE_MARGE_MIN_KM = 3.0
GEMEENTE_MARGE_MAX_KM = 10.0


def gemeente_marge_km(kb: KnowledgeBase, gemeente: str, lat: float, lon: float) -> float:
    """How far a school placed only at the centre point (lat, lon) of ``gemeente`` may in truth lie from it: the
    farthest wijk or kern of that gemeente the knowledge has, within [3, 10] km (review 9, defect 1)."""
    straal = max(
        (haversine_km(lat, lon, g.lat, g.lon) for g in kb.gebieden.values() if g.gemeente == gemeente),
        default=0.0,
    )
    return min(GEMEENTE_MARGE_MAX_KM, max(GEMEENTE_MARGE_MIN_KM, straal))


def _route_info(kb: KnowledgeBase, opl: Opleiding) -> RouteInfo:
    beroep_ids = _beroepen_van(kb, opl)
    beroepen = [kb.beroepen[b] for b in beroep_ids]
    infos = tuple(
        BeroepInfo(
            b.id,
            b.naam,
            frozenset(b.interesses),
            frozenset(b.werkvoorkeuren),
            beroep_markt(kb, b.id),
            dict(b.korte_omschrijving),
        )
        for b in beroepen
    )
    interesses = set(opl.interesses)
    for ber in beroepen:
        interesses.update(ber.interesses)
    locaties = []
    for loc in opl.locaties:
        school = kb.scholen.get(loc.school)
        if school is None:
            continue
        leerwegen = frozenset(loc.leerwegen or opl.leerwegen)
        locaties.append(
            Locatie(
                school.id,
                school.naam,
                school.locatie.lat,
                school.locatie.lon,
                leerwegen,
                school.locatie.precisie == "gemeente",
                school.locatie.meerdere_locaties,
                _marge(kb, school),
            )
        )
    vervolg = tuple(
        (v.naam, v.soort, tuple(kb.scholen[s].naam for s in v.scholen if s in kb.scholen)) for v in opl.vervolg
    )
    bronnen: list[str] = [ref_text(r) for r in opl.bronnen]
    for ber in beroepen:
        bronnen.append(ref_text(ber.arbeidsmarkt.bron))
        bronnen += [ref_text(r) for r in ber.bronnen]
    sectoren = sector_uitspraken(kb, sectoren=route_sectoren(kb, opl))
    sector = sectoren[0] if sectoren else None
    opl_markt = opleiding_markt(kb, opl)
    if opl_markt is not None:
        bronnen.append(ref_text(opl_markt.bron))
    if sector is not None:
        bronnen.append(ref_text(sector.bron))
    refs = list(opl.bronnen) + [r for ber in beroepen for r in [*ber.bronnen, ber.arbeidsmarkt.bron]]
    if opl.arbeidsmarkt is not None:
        refs.append(opl.arbeidsmarkt.bron)
    heeft_bron = all(r.bron in kb.bronnen for r in refs) and any(is_gerapporteerd(kb, r) for r in refs)
    return RouteInfo(
        id=opl.id,
        naam=opl.naam,
        niveau=opl.niveau,
        leerwegen=tuple(opl.leerwegen),
        richting=opl.richting,
        duur_jaren=opl.duur_jaren,
        vmbo_profielen=tuple(opl.vmbo_profielen),
        profielen_eigen_indeling=frozenset(opl.profielen_eigen_indeling),
        vooropleidingen=frozenset(opl.vooropleidingen),
        beroepen=infos,
        opl_interesses=frozenset(opl.interesses),
        interesses=frozenset(interesses),
        kern=kern_interesses(opl),
        hoofdroute_voor=frozenset(opl.hoofdroute_voor),
        # the route-level claim: the beroep the opleiding mainly leads to (its first) or the opleiding itself, never
        # the most favourable of its other beroepen (review 5: Technicus werktuigkundige installaties is not
        # "groot tekort" because a werkvoorbereider or an accountmanager is)
        markt=_beste_markt([infos[0].markt if infos else None, opl_markt]),
        bijmarkt=next((i.markt for i in infos[1:] if i.markt is not None and not i.markt.werkgever), None),
        sector=sector,
        locaties=tuple(locaties),
        vervolg=vervolg,
        bronnen=tuple(dict.fromkeys(bronnen)),
        heeft_bron=heeft_bron and bool(beroepen),
        vervolg_over=tuple(((v.naam, v.soort), frozenset(v.interesses)) for v in opl.vervolg if v.interesses),
    )


def _marge(kb: KnowledgeBase, school: School) -> float:
    loc = school.locatie
    if loc.precisie != "gemeente" or loc.lat is None or loc.lon is None or not loc.gemeente:
        return 0.0
    return gemeente_marge_km(kb, loc.gemeente, loc.lat, loc.lon)


def route_index(kb: KnowledgeBase) -> Index:
    """The precomputed routes of ``kb`` (cached per ``content_hash``; hand-built kbs are not cached)."""
    key = kb.content_hash
    if key and key in _CACHE:
        return _CACHE[key]
    index = Index.build(tuple(_route_info(kb, opl) for _, opl in sorted(kb.opleidingen.items())))
    if key:
        _CACHE[key] = index
    return index


def niveaus_voor(profiel: Profiel) -> tuple[frozenset[int], frozenset[int]]:
    """(niveaus that fit, niveaus allowed but ranked lower) for this pupil; po uses the schooladvies if given."""
    if profiel.schooltype == "po" and profiel.schooladvies:
        return NIVEAUS[profiel.schooladvies]
    return NIVEAUS[profiel.schooltype]


def niveau_past(schooltype: str, niveau: int) -> tuple[bool, bool]:
    """(admissible, ranked lower) for a niveau and a pupil's schooltype."""
    hoofd, lager = NIVEAUS[schooltype]
    return (niveau in hoofd or niveau in lager, niveau in lager)


def toelaatbaar(route: RouteInfo, schooltype: str, leerweg_voorkeur: str, schooladvies: str | None = None) -> bool:
    """Rules 1-3 and 5 of the module docstring (the interest rule is applied in scoring)."""
    if not route.heeft_bron:
        return False
    niveau_type = schooladvies if schooltype == "po" and schooladvies else schooltype
    if not niveau_past(niveau_type, route.niveau)[0]:
        return False
    if schooltype != "po" and schooltype not in route.vooropleidingen and "geen" not in route.vooropleidingen:
        return False
    return leerweg_voorkeur not in vocab.MBO_LEERWEGEN or leerweg_voorkeur in route.leerwegen


def vmbo_profiel_voor(route: RouteInfo, profiel: Profiel) -> str | None:
    """The vmbo profiel shown for this route: the pupil's own if it connects, else the first that fits."""
    if profiel.profiel and profiel.profiel in route.vmbo_profielen:
        return profiel.profiel
    schooltype = profiel.schooladvies if profiel.schooltype == "po" and profiel.schooladvies else profiel.schooltype
    if schooltype in ("havo", "vwo"):
        return None
    mogelijk = profielen_voor(schooltype) or profielen_voor("vmbo-kb")
    for p in route.vmbo_profielen:
        if p in mogelijk:
            return p
    if schooltype == "vmbo-tl" and any(p in vocab.TECHNIEK_PROFIELEN for p in route.vmbo_profielen):
        return "TL_TECHNIEK"
    return None


def familie(route: RouteInfo) -> tuple[str, int]:
    """Routes of one family are variants of one chain: same richting and niveau."""
    return (route.richting, route.niveau)


def blend_zonder_eigen_deel(route: RouteInfo, naam: str, soort: str, interesses: Sequence[str]) -> bool:
    """Is this hbo/wo direction a blend with a non-technical interest (Technische bedrijfskunde: machines plus
    economie) that the pupil's matched interests lack? Then it is not shown (review 7, R50 vs R40)."""
    over = dict(route.vervolg_over).get((naam, soort), frozenset())
    niet_technisch = over.difference(vocab.TECHNISCHE_INTERESSES)
    return bool(niet_technisch) and niet_technisch.isdisjoint(interesses)

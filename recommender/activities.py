"""Rank initiatives (activities) for one pupil. Pure and deterministic.

The candidates are the decaan's catalogue (:func:`recommender.initiatives.catalogue_of`: the curated
initiatives plus the school's own imported list), with the one landelijk/online rule
(``Initiatief.landelijk_online``), the one via-school rule (``Initiatief.loopt_via_school``) and the same
distance formula as the initiatives search. The ranking reads the initiatives search's own index of the
catalogue (``catalogue_index``: arrays of places and code bit masks, built once per knowledge base and list
and shared with the search), so ranking a pupil against 10,000 initiatives is a few vectorised operations.

**What an activity is about** (its interests, :func:`interesses_van`): an interest whose own branche the
activity is coded with (:data:`INTERESSE_BRANCHES`: bouwen -> bouw, elektro -> installatietechniek, ...);
the interests the record itself names (``Initiatief.interesses``: auto's, gamen, tekenen have no branche of
their own); and, for the open day of a school location (``Initiatief.school``), the interests of the
opleidingen given there. Only then does the reason say the activity belongs to the pupil's interest.

Filters: the initiative reaches the pupil's schooltype and phase (:func:`bereikt`); its doelgroepen
include ``leerlingen`` or a doelgroep the mentor asked for (``doelgroep_activiteiten``), and an activity aimed at
a group of pupils (:data:`LEERLING_GROEPEN`: meisjes, migratieachtergrond) only when that group was asked for
(:func:`niet_gevraagde_groep`); a school programme bound to an area (``gebied``, or for a via-school programme
with a place its own gemeente, :func:`recommender.gebied.programma_pc4`) only for pupils who live or go to
school there; a groep 7/8 pupil gets no vo school's programme (:func:`vo_programma`); a local one
lies within ``max_reisafstand_km``. For a pupil with interests only what fits is shown (:func:`toegelaten`, one
record; :func:`_toegelaten`, the catalogue at once; a test holds them equal): activities about one of the
interests or for a requested doelgroep, local first, and at most :data:`MAX_PROBEREN` general techniek try-out
(coded only ``techniek_breed``). One about another branche (a maritime museum for an electrician) is never
shown (review 5, defect 2); only a route's next step may name one about that route's richting. Landelijk/online
ones are kept, marked ``landelijk: true`` with ``afstand_km: null``, and fill at most :data:`MAX_LANDELIJK`
places.

score = branche + afstand + praktijk + doelgroep + route - school - groep
- branche: 3 when the activity is about one of the pupil's interests; 1 for a general one (only
  techniek_breed); 0 for one about another branche (a requested doelgroep's, or a route's next step), worded
  neutrally ("gaat vooral over maritiem, niet over je eigen interesses")
- afstand: 2 x (1 - d / max) for local ones; 0.5 for landelijk/online; 0 when no place is known
- praktijk: veel 2, deels 1, geen 0 (doing beats listening)
- doelgroep: +1 when it is meant for a doelgroep the mentor asked for
- route: +0.5 when it is about the richting of the pupil's best route
- school: -0.5 for a school programme the pupil cannot join alone (``loopt_via_school``); it is marked
  so the mentor can ask for it
- groep: -1 for an activity aimed at a group of pupils (meisjes) the mentor did not ask for; such activities are
  now left out by the filter above, so this part stays 0 (kept for imported lists scored one by one)

A requested doelgroep comes first: when activities for it exist (local first, then landelijk), up to two
of them open the list even when they score lower. A school location is never shown as an activity: its
record is shown as its open day ("Open dag ..."). Activities from the school's own imported list are
marked as such in the reason.

A route's next step (:func:`stap_activiteit`) names the next dated activity of the route's kind near
the pupil, found through the one initiatives search (``komend``); otherwise the best-ranked activity about
the route's richting. Never a school location (the step itself already names the open day of the
nearest school).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from knowledge import vocab
from knowledge.geo import Place
from knowledge.i18n import label, t, word
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from knowledge.sources import EIGEN_IMPORT, ref_text
from recommender.explain import interesses_tekst, km_tekst, lijst
from recommender.gebied import plaats_pc4, programma_pc4, school_pc4
from recommender.initiatives import InitiativeFilter, catalogue_index, search_initiatives
from recommender.initiatives.search import distances_km
from recommender.models import ActiviteitAdvies
from recommender.profile import Profiel, ProfielError, plaats_van, thuis_bij_benadering, thuis_midden

if TYPE_CHECKING:
    from recommender.scoring import RouteScore

# An interest whose own branche an activity can be coded with (our own mapping; documented in README).
# Interests without one (auto's, machines, maken, logistiek, media, gaming, tekenen, and the non-technical
# ones) match only through the record's own ``interesses`` or its school's opleidingen: IT/ICT is not
# drawing, and 'technologie en wetenschap' holds robots and automation as well as lab work, so a maritime
# museum or RobotWise is not "proefjes" (decaan review 2, R01/R17).
INTERESSE_BRANCHES: dict[str, tuple[str, ...]] = {
    "bouwen": ("bouw",),
    "elektro": ("installatietechniek",),
    "energie_duurzaamheid": ("installatietechniek",),
    "ict_programmeren": ("ict",),
    "haven_schepen": ("maritiem",),
}
# The branche of an mbo richting, where it has one (a route's next-step activity and the route bonus) ...
RICHTING_BRANCHE: dict[str, str] = {
    "bouw_infra": "bouw",
    "installatie_energie": "installatietechniek",
    "elektrotechniek": "installatietechniek",
    "maritiem_haven": "maritiem",
    "ict": "ict",
}
# ... and the interests it is about where no branche says it (logistiek is not sailing: no Zeekadetten, R06).
RICHTING_INTERESSEN: dict[str, tuple[str, ...]] = {
    "laboratorium": ("natuur_proefjes",),
    "procestechniek": ("natuur_proefjes",),
    "mobiliteit_voertuigen": ("autos_motoren",),
    "werktuigbouw_metaal": ("machines", "maken_ontwerpen"),
    "logistiek": ("logistiek",),
    "media_vormgeving": ("media_vormgeving", "tekenen_ontwerpen"),
}
PRAKTIJK_PUNTEN = {"veel": 2.0, "deels": 1.0, "geen": 0.0}
PASSEND_PUNTEN = 3.0
# Closer than this to the centre of the area that stands for home, a distance says nothing (review 7, defect 3).
MIDDEN_DICHTBIJ_KM = 2.0
BREED_PUNTEN = 1.0
LANDELIJK_PUNTEN = 0.5
ROUTE_PUNTEN = 0.5
SCHOOL_STRAF = 0.5
GROEP_STRAF = 1.0
MAX_DOELGROEP = 2
# at most one general "techniek proberen" item (coded only techniek_breed) next to the ones about the pupil's
# interests: a family reads six items and finds one that matters otherwise (review 5, defect 2)
MAX_PROBEREN = 1
# landelijk/online ones (RobotWise, Jet-Net Algemeen, First Lego League) never fill more than this: local first
MAX_LANDELIJK = 2
MAX_ANDERE_STAP = 8  # a route's next step: dated activities looked at for one not yet used by an earlier route
# Doelgroepen that are a part of the pupils: an activity naming one of them is aimed at that group.
LEERLING_GROEPEN = frozenset({"meisjes", "migratieachtergrond"})

FASEN = frozenset({"vo_onderbouw", "vo_bovenbouw"})
VO_TYPEN = frozenset({"vmbo", "havo", "vwo"})


def _bits(codes: tuple[str, ...]) -> dict[str, int]:
    return {c: 1 << i for i, c in enumerate(codes)}


_ST = _bits(vocab.SCHOOLTYPEN_INITIATIEF)
_DG = _bits(vocab.DOELGROEPEN)
_BR = _bits(vocab.BRANCHES)
_IN = _bits(vocab.INTERESSES)
_FASE_BITS = sum(_ST[c] for c in FASEN)
_VO_BITS = sum(_ST[c] for c in VO_TYPEN)
_GROEP_BITS = sum(_DG[c] for c in LEERLING_GROEPEN)
_BREED_BIT = _BR["techniek_breed"]


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
    """A school programme the pupil joins through the school (the one rule: ``Initiatief.loopt_via_school``)."""
    return ini.loopt_via_school


def school_interesses(kb: KnowledgeBase | None) -> dict[str, frozenset[str]]:
    """Per school location: the interests of the opleidingen given there (what its open day is about)."""
    out: dict[str, set[str]] = {}
    for opl in kb.opleidingen.values() if kb is not None else ():
        for loc in opl.locaties:
            out.setdefault(loc.school, set()).update(opl.interesses)
    return {k: frozenset(v) for k, v in out.items()}


def interesses_van(ini: Initiatief, scholen: dict[str, frozenset[str]]) -> frozenset[str]:
    """The interests an activity is about: by its branches, its own coding, and its school's opleidingen."""
    uit_branche = {i for i, brs in INTERESSE_BRANCHES.items() if set(brs) & set(ini.branches)}
    return frozenset(
        uit_branche | set(ini.interesses) | (scholen.get(ini.school, frozenset()) if ini.school else set())
    )


def _interesse_bits(codes: Sequence[str] | frozenset[str]) -> int:
    return sum(_IN[c] for c in set(codes) if c in _IN)


def richting_interesses(richting: str | None) -> frozenset[str]:
    """The interests an mbo richting is about: by its branche and by :data:`RICHTING_INTERESSEN`."""
    branche = RICHTING_BRANCHE.get(richting or "")
    by_branche = {i for i, brs in INTERESSE_BRANCHES.items() if branche in brs}
    return frozenset(by_branche | set(RICHTING_INTERESSEN.get(richting or "", ())))


@dataclass
class _Arrays:
    """The initiatives search's index of the catalogue (one row per initiative: places, the one landelijk/online
    rule, code bit masks, name order), plus what only the ranking needs: praktijk points, whether the place
    is approximate, the via-school rule, what each activity is about (interest bits), whether it is coded
    with a specific branche, and whether it is a school location's open day. Made once per search index, so
    a decaan's imported list is indexed once for both."""

    index: Any  # recommender.initiatives.search's index of this catalogue
    praktijk: np.ndarray
    benadering: np.ndarray
    via: np.ndarray
    interesse: np.ndarray  # int64 bits of vocab.INTERESSES
    specifiek: np.ndarray  # coded with a branche other than techniek_breed
    school: np.ndarray  # a school location's own record (shown as its open day)
    # rows bound to one school or area, grouped: (alleen_school, the area's PC4 codes or None, the rows)
    gebonden: tuple[tuple[str | None, frozenset[int] | None, np.ndarray], ...] = ()
    _reach: dict[tuple[str, ...], np.ndarray] = field(default_factory=dict)
    _basis: dict[tuple[tuple[str, ...], int], np.ndarray] = field(default_factory=dict)

    @classmethod
    def of(cls, index: Any, kb: KnowledgeBase | None) -> _Arrays:
        items = index.items
        praktijk_bits = index.masks["praktijk"]
        praktijk = np.zeros(len(items))
        for i, code in enumerate(vocab.PRAKTIJK):
            praktijk = np.where((praktijk_bits & (1 << i)) != 0, PRAKTIJK_PUNTEN[code], praktijk)
        benadering = np.fromiter(
            (
                not o and ini.locatie.precisie in ("gemeente", "wijk")
                for ini, o in zip(items, index.overal, strict=True)
            ),
            dtype=bool,
            count=len(items),
        )
        scholen = school_interesses(kb)
        via = np.fromiter((ini.loopt_via_school for ini in items), dtype=bool, count=len(items))
        interesse = np.fromiter(
            (_interesse_bits(interesses_van(ini, scholen)) for ini in items), dtype=np.int64, count=len(items)
        )
        specifiek = (index.masks["branches"] & ~_BREED_BIT) != 0
        school = np.fromiter((ini.school is not None for ini in items), dtype=bool, count=len(items))
        groepen: dict[tuple[str | None, frozenset[int] | None], list[int]] = {}
        for i, ini in enumerate(items):
            gebied = programma_pc4(kb, ini) if kb is not None else None
            if ini.alleen_school or gebied is not None:
                groepen.setdefault((ini.alleen_school, gebied), []).append(i)
        gebonden = tuple((school, gebied, np.asarray(rij, dtype=np.int64)) for (school, gebied), rij in groepen.items())
        return cls(index, praktijk, benadering, via, interesse, specifiek, school, gebonden)

    # the search index's arrays under the names the ranking reads
    items = property(lambda self: self.index.items)
    lat = property(lambda self: self.index.lat)
    lon = property(lambda self: self.index.lon)
    overal = property(lambda self: self.index.overal)
    rank = property(lambda self: self.index.name_rank)
    schooltypen = property(lambda self: self.index.masks["schooltypen"])
    doelgroepen = property(lambda self: self.index.masks["doelgroepen"])
    branches = property(lambda self: self.index.masks["branches"])

    def basis(self, types: frozenset[str], gevraagd_bits: int) -> np.ndarray:
        """Reach and doelgroep filter together; cached per combination."""
        key = (tuple(sorted(types)), gevraagd_bits)
        mask = self._basis.get(key)
        if mask is None:
            mask = self.reach(types) & ((self.doelgroepen & (_DG["leerlingen"] | gevraagd_bits)) != 0)
            # an activity aimed at a group of pupils (meisjes) is left out unless that group was asked for
            mask &= (self.doelgroepen & _GROEP_BITS & ~gevraagd_bits) == 0
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
    a = _Arrays.of(index, kb)
    _CACHE.insert(0, a)
    del _CACHE[_CACHE_SIZE:]
    return a


def _buiten_mrdh(ini: Initiatief) -> bool:
    """A placed activity in a gemeente outside the Metropoolregio Rotterdam Den Haag."""
    return bool(ini.locatie.gemeente) and ini.locatie.gemeente not in vocab.MRDH_GEMEENTEN


def _thuis_in_mrdh(kb: KnowledgeBase | None, profiel: Profiel) -> bool:
    """The pupil's place lies in the MRDH (then an activity outside it is a last resort)."""
    if kb is None:
        return False
    try:
        place, buiten = plaats_van(kb, profiel)
    except ProfielError:
        return False
    return not buiten and place is not None and place.gemeente in vocab.MRDH_GEMEENTEN


def _plek_gemeente(k: _Kandidaat) -> str | None:
    """The activity's gemeente when it is placed only at gemeente level (then no distance is shown)."""
    if k.landelijk or k.ini.locatie.precisie != "gemeente":
        return None
    return k.ini.locatie.gemeente


@dataclass(frozen=True)
class _Kandidaat:
    ini: Initiatief
    km: float | None
    landelijk: bool
    benadering: bool
    delen: dict[str, float]
    interesses: tuple[str, ...]  # the pupil's interests this activity is about
    doelgroep: str | None  # the requested doelgroep it serves
    groep: str | None  # a group of pupils it is aimed at that was not asked for (meisjes)
    via_school: bool
    soort: str  # passend (about an interest) | breed (techniek in general) | ander (another branche) | proberen
    po: bool = False  # a groep 7/8 pupil: a via-school programme is asked of the leerkracht, not a mentor
    vanaf: str | None = None  # the area whose centre stands for home: "~x km vanaf het midden van <vanaf>"
    zonder_interesses: bool = False  # the pupil chose no interest yet: the line says why it is shown
    stap: bool = False  # found for a route's next step: its line says it belongs to that route (review 10, defect 3)
    # the route's own branche when the activity is about it; None: it matched the route's interests through a
    # general techniek coding, so its line claims no branche of the route (review 11, defect 1)
    stap_branche: str | None = None

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


def _advies_type(profiel: Profiel) -> str | None:
    """The vo schooltype (vmbo, havo, vwo) of a groep 7/8 pupil's schooladvies; None otherwise."""
    if profiel.schooltype != "po" or not profiel.schooladvies:
        return None
    return "vmbo" if profiel.schooladvies.startswith("vmbo") else profiel.schooladvies


def _leerling_pc4(kb: KnowledgeBase | None, profiel: Profiel) -> tuple[frozenset[int] | None, frozenset[int] | None]:
    """(PC4 codes of the pupil's home, of the pupil's school), None where not known; cached per place and school."""
    if kb is None:
        return None, None
    key = (kb.content_hash, profiel.plaats_tekst(), profiel.school)
    if kb.content_hash and key in _LEERLING_PC4:
        return _LEERLING_PC4[key]
    try:
        place, _ = plaats_van(kb, profiel)
    except ProfielError:
        place = None
    out = (plaats_pc4(kb, place), school_pc4(kb, profiel.school))
    if kb.content_hash:
        if len(_LEERLING_PC4) > 4096:
            _LEERLING_PC4.clear()
        _LEERLING_PC4[key] = out
    return out


_LEERLING_PC4: dict[tuple[str | None, str | None, str | None], tuple[frozenset[int] | None, frozenset[int] | None]] = {}


def _eigen_ok(
    alleen_school: str | None,
    gebied: frozenset[int] | None,
    pupil_school: str | None,
    thuis: frozenset[int] | None,
    school: frozenset[int] | None,
) -> bool:
    """A school's own programme is for the pupils of that school only; a regional school programme (Sterk
    Techniek Onderwijs) for pupils who live or go to school in its area (review 3, R07/R13/R19). Where neither
    the pupil's place nor school is known, an area-bound programme stays (unsure is shown, not hidden)."""
    if alleen_school is not None:
        return alleen_school == pupil_school
    if gebied is None or (thuis is None and school is None):
        return True
    return bool((thuis is not None and thuis & gebied) or (school is not None and school & gebied))


def vo_programma(ini: Initiatief) -> bool:
    """A vo school's programme: it runs via school and reaches the vo bovenbouw (a Sterk Techniek Onderwijs region,
    JINC in a city, Jet-Net): a groep 7/8 pupil cannot join it yet (review 4, R02/R24). A po pupil keeps what is
    for po (with the onderbouw: junior vmbo, Vakkanjers, a techniekbus), what a child can join alone (with
    parents), and the open days of vo schools. A regional programme's po part has its own po records (Tech op
    Zuid: techniek-praktijklessen voor groep 7 en 8, beeldvorming po)."""
    return ini.loopt_via_school and "vo_bovenbouw" in ini.schooltypen


def voor_leerling(kb: KnowledgeBase | None, profiel: Profiel, ini: Initiatief) -> bool:
    """One initiative: open to this pupil by school, area and (groep 7/8) advised schooltype; the scalar form
    of the filters in :func:`rank_activiteiten`."""
    if profiel.schooltype == "po" and vo_programma(ini):
        return False
    advies = _advies_type(profiel)
    if advies is not None and set(ini.schooltypen) & VO_TYPEN and advies not in ini.schooltypen:
        return False
    gebied = programma_pc4(kb, ini) if kb is not None else None
    if not ini.alleen_school and gebied is None:
        return True
    return _eigen_ok(ini.alleen_school, gebied, profiel.school, *_leerling_pc4(kb, profiel))


def _gevraagd(profiel: Profiel) -> list[str]:
    return [d for d in profiel.doelgroep_activiteiten if d != "leerlingen"]


def toegelaten(kb: KnowledgeBase | None, profiel: Profiel, ini: Initiatief, richting: str | None = None) -> bool:
    """May this activity be shown to this pupil at all (distance aside)? It reaches the pupil's schooltype and
    phase, is for leerlingen or a doelgroep the mentor asked for (not for a group nobody asked for), open by
    school and area (:func:`voor_leerling`); and, for a pupil with interests, it is about one of them, serves
    the requested doelgroep or is a general techniek try-out (coded only ``techniek_breed``); for a route's
    next step (``richting``) also one about that route's richting. An activity about another branche (the
    maritime museum for a bouw pupil) is never shown (review 5, defect 2).

    The scalar form of :func:`_toegelaten` (all records at once); a test holds them equal on the catalogue."""
    types = schooltypen_initiatief(profiel.schooltype, profiel.leerjaar)
    if not bereikt(ini.schooltypen, types) or not voor_leerling(kb, profiel, ini):
        return False
    gevraagd = _gevraagd(profiel)
    if not ({"leerlingen", *gevraagd} & set(ini.doelgroepen)) or niet_gevraagde_groep(ini, gevraagd):
        return False
    if not profiel.interesses:  # no interests yet: every activity is a way to find out
        return True
    over = interesses_van(ini, _scholen(kb)) if ini.school else interesses_van(ini, {})
    return (
        bool(over & set(profiel.interesses))
        or any(d in gevraagd for d in ini.doelgroepen)
        or set(ini.branches) == {"techniek_breed"}
        or bool(profiel.technische_interesses() and over & richting_interesses(richting))
    )


def _toegelaten(a: _Arrays, kb: KnowledgeBase | None, profiel: Profiel, richting: str | None = None) -> np.ndarray:
    """:func:`toegelaten` for every record of the catalogue at once (a boolean mask over ``a.items``)."""
    types = schooltypen_initiatief(profiel.schooltype, profiel.leerjaar)
    gevraagd_bits = sum(_DG[d] for d in _gevraagd(profiel))
    ok = a.basis(types, gevraagd_bits)
    if "po" in types:  # groep 7/8: no programme that runs via a vo school (:func:`vo_programma`)
        ok &= ~(a.via & ((a.schooltypen & _ST["vo_bovenbouw"]) != 0))
    advies = _advies_type(profiel)
    if advies is not None:  # groep 7/8: a programme only for other vo schooltypen than the advised one is not theirs
        ok &= ((a.schooltypen & _VO_BITS) == 0) | ((a.schooltypen & _ST[advies]) != 0)
    if a.gebonden:
        thuis_pc4, bij_school_pc4 = _leerling_pc4(kb, profiel)
        for alleen_school, gebied, rij in a.gebonden:
            if not _eigen_ok(alleen_school, gebied, profiel.school, thuis_pc4, bij_school_pc4):
                ok[rij] = False
    if profiel.interesses:
        keep = (a.interesse & _interesse_bits(profiel.interesses)) != 0
        keep |= (a.doelgroepen & gevraagd_bits) != 0
        keep |= ((a.branches & _BREED_BIT) != 0) & ~a.specifiek
        if profiel.technische_interesses():
            keep |= (a.interesse & _interesse_bits(richting_interesses(richting))) != 0
        ok &= keep
    return ok


def toegelaten_mask(
    kb: KnowledgeBase | None, profiel: Profiel, extra: Sequence[Initiatief] | None = None, richting: str | None = None
) -> tuple[list[Initiatief], np.ndarray]:
    """(the catalogue's records, :func:`_toegelaten` over them): what the ranking starts from, for tests and audits."""
    a = _arrays(kb, extra)
    return list(a.items), _toegelaten(a, kb, profiel, richting)


def rank_activiteiten(
    kb: KnowledgeBase,
    profiel: Profiel,
    plaats: tuple[float, float] | None,
    n: int = 6,
    extra: Sequence[Initiatief] | None = None,
    route_richting: str | None = None,
    alleen_landelijk: bool = False,
    route_aanbod: Mapping[str, Mapping[str, frozenset[str]]] | None = None,
) -> list[ActiviteitAdvies]:
    """The ``n`` best activities for the pupil, each with distance and reason (nl + parents' language).

    ``route_aanbod`` (the advice passes it): per school location, the pupil's route opleidingen given there and
    the pupil's interests each is about (:func:`route_aanbod`). With it an open day claims a fit only for an
    interest a route opleiding at that school is about, and one instelling gets one open day (the nearest) unless
    its other locations give other routes of the pupil (review 6: a TCR Alexandrium open day 'for tekenen' while
    the routes are at Mondriaan; four TCR open days in one list).

    ``extra`` holds the school's own imported initiatives (the decaan's list); ``route_richting`` is
    the richting of the pupil's best route (activities about it get a small bonus);
    ``alleen_landelijk``: only landelijk/online ones (a postcode outside the region).
    """
    a = _arrays(kb, extra)
    if not a.items:
        return []
    gevraagd = _gevraagd(profiel)
    gevraagd_bits = sum(_DG[d] for d in gevraagd)
    tech = profiel.technische_interesses()
    pupil_bits = _interesse_bits(profiel.interesses)

    ok = _toegelaten(a, kb, profiel)
    if alleen_landelijk:  # a pupil outside the region: a local activity here is nowhere near (review R08)
        ok &= a.overal
    if plaats is not None:  # a cheap box first, the exact distance only for what is left
        max_km = profiel.max_reisafstand_km
        dlat, dlon = max_km / 110.0, max_km / 65.0
        ok &= a.overal | ((np.abs(a.lat - plaats[0]) <= dlat) & (np.abs(a.lon - plaats[1]) <= dlon))
    rows = np.flatnonzero(ok)
    if rows.size == 0:
        return []
    interesse_rij = a.interesse[rows]
    if route_aanbod is not None:
        interesse_rij = interesse_rij.copy()
        for j, row in enumerate(rows.tolist()):
            ini = a.items[row]
            if ini.school:
                interesse_rij[j] = _interesse_bits(open_dag_interesses(ini, route_aanbod))
    passend = (interesse_rij & pupil_bits) != 0
    algemeen = ((a.branches[rows] & _BREED_BIT) != 0) & ~a.specifiek[rows]  # techniek in general, no branche
    route_bits = _interesse_bits(richting_interesses(route_richting))
    overal = a.overal[rows]
    if plaats is not None:
        km = distances_km(plaats[0], plaats[1], a.lat[rows], a.lon[rows])
        keep = overal | (km <= profiel.max_reisafstand_km)
        rows, overal, km = rows[keep], overal[keep], km[keep]
        passend, algemeen, interesse_rij = passend[keep], algemeen[keep], interesse_rij[keep]
        if rows.size == 0:
            return []
        # a place outside the MRDH (Waddinxveen) only when the pupil lives outside it too, or nothing local is
        # left inside it; then its line says so (review 8, R31, R41)
        buiten = np.array([not overal[j] and _buiten_mrdh(a.items[int(r)]) for j, r in enumerate(rows.tolist())])
        if buiten.any() and _thuis_in_mrdh(kb, profiel) and (~overal & ~buiten).any():
            keep = ~buiten
            rows, overal, km = rows[keep], overal[keep], km[keep]
            passend, algemeen, interesse_rij = passend[keep], algemeen[keep], interesse_rij[keep]
        afstand = np.where(overal, LANDELIJK_PUNTEN, 2.0 * (1.0 - np.nan_to_num(km) / profiel.max_reisafstand_km))
    else:
        km = np.full(rows.size, np.nan)
        afstand = np.where(overal, LANDELIJK_PUNTEN, 0.0)
    if profiel.interesses:
        branche = np.where(passend, PASSEND_PUNTEN, np.where(algemeen, BREED_PUNTEN, 0.0))
    else:  # no interests yet: techniek in general is the way to find out, before one branche (review 8, R23)
        branche = np.where(algemeen, BREED_PUNTEN, 0.0)
    dg = a.doelgroepen[rows]
    doelgroep = np.where((dg & gevraagd_bits) != 0, 1.0, 0.0)
    groep = np.where(((dg & _GROEP_BITS & ~gevraagd_bits) != 0) & (doelgroep == 0), -GROEP_STRAF, 0.0)
    route = np.where((interesse_rij & route_bits) != 0, ROUTE_PUNTEN, 0.0) if tech else np.zeros(rows.size)
    school = np.where(a.via[rows], -SCHOOL_STRAF, 0.0)
    totaal = np.round(branche + afstand + a.praktijk[rows] + doelgroep + route + school + groep, 3)
    km_key = np.where(overal, 1e9, np.nan_to_num(km, nan=1e9))
    rank = a.rank[rows]
    order = np.lexsort((rank, km_key, -totaal))

    def landelijk_vol(i: int) -> bool:
        return bool(overal[i]) and sum(bool(overal[g]) for g in voor + rest) >= MAX_LANDELIJK

    def dubbele_open_dag(i: int) -> bool:
        """Another open day of the same instelling is already in the list and covers this location's routes."""
        if route_aanbod is None:
            return False
        ini = a.items[int(rows[i])]
        if not ini.school:
            return False
        eigen = _instelling(kb, ini.school)
        hier = set(route_aanbod.get(ini.school, {}))
        al = set()
        gezien = False
        for g in voor + rest:
            ander = a.items[int(rows[g])]
            if ander.school and _instelling(kb, ander.school) == eigen:
                gezien = True
                al |= set(route_aanbod.get(ander.school, {}))
        return gezien and hier <= al

    voor: list[int] = []  # positions in rows: the requested doelgroep opens the list, local ones first
    rest: list[int] = []
    if gevraagd_bits:
        kandidaten = order[doelgroep[order] > 0]
        if kandidaten.size:
            kandidaten = kandidaten[
                np.lexsort((rank[kandidaten], km_key[kandidaten], -totaal[kandidaten], overal[kandidaten]))
            ]
            for i in kandidaten.tolist():
                if len(voor) >= MAX_DOELGROEP:
                    break
                if not dubbele_open_dag(int(i)):
                    voor.append(int(i))
    # the best activity about each of the pupil's interests is in the list (elektro must not crowd out gaming)
    for code in profiel.interesses:
        if len(voor) + len(rest) >= n:
            break
        bij = order[(interesse_rij[order] & _IN[code]) != 0]
        eerste = next(
            (int(i) for i in bij if int(i) not in voor and int(i) not in rest and not dubbele_open_dag(int(i))), None
        )
        if eerste is not None and not landelijk_vol(eerste):
            rest.append(eerste)
    proberen = 0
    for i in order.tolist():
        if len(voor) + len(rest) >= n:
            break
        if i in voor or i in rest or landelijk_vol(i) or dubbele_open_dag(i):
            continue
        if profiel.interesses and not passend[i]:  # only the one general try-out (:func:`_toegelaten` kept it)
            if not algemeen[i] or proberen >= MAX_PROBEREN:
                continue
            proberen += 1
        rest.append(i)
    voor.sort(key=lambda i: (bool(overal[i]), -totaal[i], km_key[i], int(rank[i])))
    # about the pupil's interests first, local before landelijk/online, then the one general try-out
    # (no interests yet: techniek in general first, before a single branche such as a maritime museum; review 8, R23)
    eerst = passend if profiel.interesses else algemeen
    rest.sort(key=lambda i: (not eerst[i], bool(overal[i]), -totaal[i], km_key[i], int(rank[i])))
    # a requested doelgroep opens the list, local before national (issue 13); when the only such item is national
    # or off the pupil's interests, a notice says so plainly (review 7) instead of moving it down (review 8 read
    # VHTO in fifth place as the request not being honoured)

    talen = talen_voor(profiel)
    grof = plaats is not None and thuis_bij_benadering(kb, profiel)  # home is an area's centre point: "~"
    midden = thuis_midden(kb, profiel) if grof else None
    out = []
    for i in voor + rest:
        row = int(rows[i])
        ini = a.items[row]
        landelijk = bool(overal[i])
        delen = {
            "branche": float(branche[i]),
            "afstand": round(float(afstand[i]), 3),
            "praktijk": float(a.praktijk[row]),
            "doelgroep": float(doelgroep[i]),
            "route": float(route[i]),
            "school": float(school[i]),
            "groep": float(groep[i]),
        }
        k = _Kandidaat(
            ini,
            None if landelijk or plaats is None else float(km[i]),
            landelijk,
            bool(a.benadering[row]) or grof,
            delen,
            _passend(kb, ini, profiel.interesses, route_aanbod),
            next((d for d in ini.doelgroepen if d in gevraagd), None),
            _groep(ini, gevraagd),
            bool(a.via[row]),
            _soort(bool(passend[i]), bool(algemeen[i]), bool(tech)),
            profiel.schooltype == "po",
            midden,
            zonder_interesses=not profiel.interesses,
        )
        out.append(_advies(k, talen))
    return out


def _soort(passend: bool, algemeen: bool, tech: bool) -> str:
    if passend:
        return "passend"
    if not tech:  # no technical interest behind it (a zorg pupil, or no interests yet): a try, said so
        return "proberen"
    return "breed" if algemeen else "ander"


def _passend(
    kb: KnowledgeBase | None,
    ini: Initiatief,
    interesses: Sequence[str],
    route_aanbod: Mapping[str, Mapping[str, frozenset[str]]] | None = None,
) -> tuple[str, ...]:
    if ini.school and route_aanbod is not None:
        over = open_dag_interesses(ini, route_aanbod)
    else:
        over = interesses_van(ini, _scholen(kb)) if ini.school else interesses_van(ini, {})
    return tuple(i for i in interesses if i in over)


def route_aanbod(kb: KnowledgeBase, routes: Iterable[RouteScore]) -> dict[str, dict[str, frozenset[str]]]:
    """Per school location: the pupil's route opleidingen given there, each with the pupil's interests it is
    about (none for a side-link route: it is about something else). An opleiding placed only at the instelling
    ("Techniek College Rotterdam (meerdere locaties)") may be at any of its locations: each one's open day counts."""
    locaties: dict[str, list[str]] = {}
    for sid, school in kb.scholen.items():
        if school.instelling and school.instelling != sid:
            locaties.setdefault(school.instelling, []).append(sid)
    out: dict[str, dict[str, frozenset[str]]] = {}
    for s in routes:
        over = frozenset() if s.raakvlak else frozenset(s.interesses)
        for loc in s.route.locaties:
            for school in (loc.school, *locaties.get(loc.school, ())):
                out.setdefault(school, {})[s.route.id] = over
    return out


def open_dag_interesses(ini: Initiatief, route_aanbod: Mapping[str, Mapping[str, frozenset[str]]]) -> frozenset[str]:
    """The interests an open day may claim: only those a route opleiding of the pupil at that school is about
    (review 6: the school's other opleidingen, or its branches, do not make it fit the pupil's routes)."""
    aanbod = route_aanbod.get(ini.school or "", {})
    return frozenset().union(*aanbod.values()) if aanbod else frozenset()


def _instelling(kb: KnowledgeBase | None, school: str) -> str:
    """The mbo instelling a school location belongs to (the location itself when unknown)."""
    rec = kb.scholen.get(school) if kb is not None else None
    return (rec.instelling or school) if rec is not None else school


_SCHOLEN: list[tuple[KnowledgeBase | None, dict[str, frozenset[str]]]] = []


def _scholen(kb: KnowledgeBase | None) -> dict[str, frozenset[str]]:
    """:func:`school_interesses` of the last knowledge base (by identity)."""
    if not _SCHOLEN or _SCHOLEN[0][0] is not kb:
        _SCHOLEN[:] = [(kb, school_interesses(kb))]
    return _SCHOLEN[0][1]


def niet_gevraagde_groep(ini: Initiatief, gevraagd: Sequence[str]) -> bool:
    """Aimed at a group of pupils (:data:`LEERLING_GROEPEN`: meisjes, ...) the mentor did not ask for: left out
    (review 4: VHTO for pupils who asked for no doelgroep)."""
    return any(d in LEERLING_GROEPEN and d not in gevraagd for d in ini.doelgroepen)


def _groep(ini: Initiatief, gevraagd: Sequence[str]) -> str | None:
    """A group of pupils (meisjes) the activity is aimed at that the mentor did not ask for."""
    if any(d in gevraagd for d in ini.doelgroepen):
        return None
    return next((d for d in ini.doelgroepen if d in LEERLING_GROEPEN), None)


def _naam(ini: Initiatief, taal: str) -> str:
    """What is shown: a school location's record is its open day, never the school as an 'activity'."""
    return t("advies.act_open_dag_naam", taal, school=ini.naam) if ini.school else ini.naam


def _advies(k: _Kandidaat, talen: list[str]) -> ActiviteitAdvies:
    ini = k.ini
    return ActiviteitAdvies(
        id=ini.id,
        naam=_naam(ini, "nl"),
        organisator=ini.organisator,
        afstand_km=round(k.km, 1) if k.km is not None else None,
        landelijk=k.landelijk,
        online=ini.online,
        praktijkgerichtheid=ini.praktijkgerichtheid,
        branches=list(ini.branches),
        doelgroepen=list(ini.doelgroepen),
        website=ini.website,
        afstand_bij_benadering=k.benadering,
        plek_gemeente=_plek_gemeente(k),
        buiten_regio=not k.landelijk and _buiten_mrdh(ini),
        via_school=k.via_school,
        gevraagde_doelgroep=k.doelgroep,
        passende_interesses=list(k.interesses),
        open_dag_van=ini.school,
        open_dag="open_dag" in ini.activiteiten,
        score=k.totaal,
        score_delen=k.delen,
        reden=_reden(k, "nl"),
        uitleg={taal: _reden(k, taal) for taal in talen},
        bronnen=[ref_text(r) for r in ini.bronnen],
    )


def _kandidaat_een(
    kb: KnowledgeBase | None,
    ini: Initiatief,
    km: float | None,
    profiel: Profiel,
    plaats: tuple[float, float] | None,
    route_richting: str | None,
    thuis_grof: bool = False,
) -> _Kandidaat | None:
    """One initiative scored by the same rules as :func:`rank_activiteiten` (which does it for all at once,
    vectorised); None when it may not be shown (:func:`toegelaten`)."""
    if not toegelaten(kb, profiel, ini, route_richting):
        return None
    gevraagd = _gevraagd(profiel)
    tech = profiel.technische_interesses()
    passend = _passend(kb, ini, profiel.interesses)
    algemeen = set(ini.branches) == {"techniek_breed"}
    over_route = bool(interesses_van(ini, _scholen(kb)) & richting_interesses(route_richting))
    doelgroep = next((d for d in ini.doelgroepen if d in gevraagd), None)
    branche = PASSEND_PUNTEN if passend and profiel.interesses else BREED_PUNTEN if algemeen else 0.0
    landelijk = ini.landelijk_online
    if landelijk:
        afstand = LANDELIJK_PUNTEN
    elif plaats is None or km is None:
        afstand = 0.0
    else:
        afstand = 2.0 * (1.0 - km / profiel.max_reisafstand_km)
    groep = _groep(ini, gevraagd)
    school = ini.loopt_via_school
    delen = {
        "branche": branche,
        "afstand": round(afstand, 3),
        "praktijk": PRAKTIJK_PUNTEN[ini.praktijkgerichtheid],
        "doelgroep": 1.0 if doelgroep else 0.0,
        "route": ROUTE_PUNTEN if tech and over_route else 0.0,
        "school": -SCHOOL_STRAF if school else 0.0,
        "groep": -GROEP_STRAF if groep else 0.0,
    }
    benadering = not landelijk and (thuis_grof or ini.locatie.precisie in ("gemeente", "wijk"))
    return _Kandidaat(
        ini,
        None if landelijk or plaats is None else km,
        landelijk,
        benadering,
        delen,
        passend,
        doelgroep,
        groep,
        school,
        _soort(bool(passend), algemeen, bool(tech)),
        profiel.schooltype == "po",
        thuis_midden(kb, profiel) if thuis_grof and kb is not None else None,
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
    gebruikt: Collection[str] = (),
) -> tuple[ActiviteitAdvies | None, dt.date | None]:
    """The activity for a route's next step, with its day when it has one.

    First choice: the next dated activity about the route's richting near the pupil: upcoming (from
    ``vandaag``), of the richting's branche (:data:`RICHTING_BRANCHE`) or about its interests
    (:func:`richting_interesses`), reaching the pupil's schooltype and doelgroep, local within
    ``max_reisafstand_km`` (any place when the pupil's place is unknown); soonest first, then nearest.
    Otherwise the best-ranked undated one of :func:`activiteit_voor_richting`; otherwise the nearest undated one
    about the richting (the list shows only what fits the pupil's interests since review 5). Never a school location: the
    step already names the open day of the nearest school that gives the route. An activity already
    ``gebruikt`` for an earlier route gives way to the next equally fitting one (variety across routes, R01).
    """
    over = richting_interesses(richting)
    if not over:
        return activiteit_voor_richting(activiteiten, richting, gebruikt), None
    if dated := _stap_zoek(kb, profiel, plaats, richting, over, extra, vandaag, alleen_landelijk, gebruikt, True):
        return dated
    if (uit_lijst := activiteit_voor_richting(activiteiten, richting, gebruikt)) is not None:
        return uit_lijst, None
    # the list shows only what fits the pupil's interests (review 5); an activity about this route's richting (a
    # bouw programme for a drawer's bouwkunde route) is still the route's step: the nearest one, undated
    return _stap_zoek(kb, profiel, plaats, richting, over, extra, vandaag, alleen_landelijk, gebruikt, False) or (
        None,
        None,
    )


def _stap_zoek(
    kb: KnowledgeBase,
    profiel: Profiel,
    plaats: tuple[float, float] | None,
    richting: str,
    over: frozenset[str],
    extra: Sequence[Initiatief] | None,
    vandaag: dt.date | None,
    alleen_landelijk: bool,
    gebruikt: Collection[str],
    komend: bool,
) -> tuple[ActiviteitAdvies, dt.date | None] | None:
    """The first activity about ``richting`` the one initiatives search finds for the pupil: upcoming dated ones
    (``komend``: soonest first) or all (nearest first); one not yet ``gebruikt`` by an earlier route first."""
    branche = RICHTING_BRANCHE.get(richting)
    doelgroepen = sorted({"leerlingen"} | set(profiel.doelgroep_activiteiten))
    place = Place(query="profiel", naam="profiel", soort="profiel", lat=plaats[0], lon=plaats[1]) if plaats else None
    flt = InitiativeFilter(
        doelgroepen=doelgroepen,
        branches=[branche] if branche else [],
        komend=komend,
        vandaag=vandaag,
        include_landelijk=place is None,
        km=profiel.max_reisafstand_km if place else None,
    )
    grof = thuis_bij_benadering(kb, profiel)  # once per step, not once per hit
    # about the richting and not a school location's own record, decided over the whole catalogue at once: with a
    # decaan's list of 10,000 rows a hit-by-hit check made recommend's p95 ~195 ms
    a = _arrays(kb, extra)
    about = ((a.interesse & _interesse_bits(over)) != 0) & ~a.school & _toegelaten(a, kb, profiel, richting)
    gevonden: list[tuple[ActiviteitAdvies, dt.date | None]] = []
    for hit in search_initiatives(kb, flt, extra=extra, place=place, within=about):
        ini = hit.initiatief
        if alleen_landelijk and not ini.landelijk_online:
            continue
        k = _kandidaat_een(kb, ini, hit.afstand_km, profiel, plaats, richting, grof)
        if k is None:
            continue
        if k.soort == "ander":  # about the route's richting, not the pupil's interests: said as the route's step
            eigen = branche if branche in ini.branches else None
            k = replace(k, stap=True, stap_branche=eigen)
        gevonden.append((_advies(k, talen_voor(profiel)), hit.volgende_datum))
        if komend and ini.id not in gebruikt:  # the soonest one not yet used
            break
        if len(gevonden) > MAX_ANDERE_STAP:  # only the next few are looked at
            break
    if not gevonden:
        return None
    if komend:
        return next((g for g in gevonden if g[0].id not in gebruikt), gevonden[0])
    # undated, nearest first: one the pupil can join alone before a school programme, as in the list's step
    return min(gevonden, key=lambda g: (g[0].via_school, g[0].id in gebruikt))


def _reden(k: _Kandidaat, taal: str) -> str:
    parts: list[str] = []
    ini = k.ini
    if ini.school:
        parts.append(t("advies.act_open_dag", taal))
    if k.soort == "passend":
        parts.extend(_waarom_passend(k, taal))
    elif k.soort == "breed":  # an item only for parents speaks to the parents (review 7, R52: the parents' film)
        parts.append(t("advies.act_breed_ouders" if _alleen_ouders(ini) else "advies.act_breed", taal))
    elif k.soort == "ander" and k.stap:  # named in a route's next step: that is why it is in the list
        if k.stap_branche:  # only the route's own branche, never the activity's other ones (review 11, R28)
            parts.append(t("advies.act_stap_route", taal, branches=label("branche", k.stap_branche, taal)))
        else:
            parts.append(t("advies.act_stap_route_algemeen", taal))
    elif k.soort == "ander":  # about another branche: said neutrally, no fit claimed (maritime museum, R17)
        specifiek = [label("branche", b, taal) for b in ini.branches if b != "techniek_breed"]
        parts.append(t("advies.act_ander", taal, branches=lijst(specifiek, taal)))
    elif k.zonder_interesses:  # nothing chosen yet: that is why it is shown (review 8, R23)
        algemeen = set(ini.branches) <= {"techniek_breed"}
        specifiek = [label("branche", b, taal) for b in ini.branches if b != "techniek_breed"]
        if algemeen or not specifiek:
            parts.append(t("advies.act_geen_interesse_breed", taal))
        else:
            parts.append(t("advies.act_geen_interesse_ander", taal, branches=lijst(specifiek, taal)))
    else:
        # a pupil whose interests are all outside techniek: a techniek item is a side path, said in the words of
        # the side-path step (review 9, defect 3: R31's only item read as advice for a sport/economy pupil)
        parts.append(t("advies.stap_techniek_ook", taal))
        if set(ini.branches) <= {"techniek_breed"}:  # techniek in general for a zorg pupil: labelled as such (R12)
            parts.append(t("advies.act_proberen_breed", taal))
        else:  # no technical interest behind it (a zorg pupil): say so rather than imply a fit (review R05)
            parts.append(t("advies.act_proberen", taal))
    if k.landelijk:
        # a national programme that meets in places (Zeekadetten corps: review 10) is not "online": its site says where
        plekken = not ini.online and ini.website and not k.via_school
        parts.append(t("advies.act_landelijk_plekken" if plekken else "advies.act_landelijk", taal))
    elif (gemeente := _plek_gemeente(k)) is not None:  # a town's centre point: no km as if exact (review 6)
        parts.append(t("advies.act_in_gemeente", taal, gemeente=gemeente))
    elif k.km is not None and k.vanaf:  # home is an area's centre: measured from there, not from the door
        if k.km < MIDDEN_DICHTBIJ_KM:  # within the area itself a figure would pretend to know the street
            parts.append(t("advies.act_bij_midden", taal, plaats=k.vanaf))
        else:
            parts.append(t("advies.act_afstand_midden", taal, km=km_tekst(k.km, taal, True), plaats=k.vanaf))
    elif k.km is not None:
        parts.append(t("advies.act_afstand", taal, km=km_tekst(k.km, taal, k.benadering)))
    if not k.landelijk and _buiten_mrdh(ini):
        parts.append(t("advies.act_buiten_regio", taal))
    if ini.praktijkgerichtheid == "veel":
        parts.append(t("advies.act_praktijk_veel", taal))
    elif ini.praktijkgerichtheid == "deels":
        parts.append(t("advies.act_praktijk_deels", taal))
    if k.doelgroep:
        key = "advies.act_doelgroep" if speciaal_voor(ini, k.doelgroep) else "advies.act_doelgroep_ook"
        parts.append(t(key, taal, doelgroep=word("doelgroep", k.doelgroep, taal)))
    elif k.groep:  # aimed at a group nobody asked for: say who it is for (VHTO, R03)
        parts.append(t("advies.act_vooral_voor", taal, doelgroep=word("doelgroep", k.groep, taal)))
    if k.via_school and _alleen_ouders(ini):
        parts.append(t("advies.act_via_school_ouders", taal))
    elif k.via_school:
        parts.append(t("advies.act_via_school_po" if k.po else "advies.act_via_school", taal))
    if any(r.bron == EIGEN_IMPORT for r in ini.bronnen):
        parts.append(t("advies.act_eigen_lijst", taal))
    return " ".join(parts)


def _alleen_ouders(ini: Initiatief) -> bool:
    """An activity for parents and not for pupils: its sentences address the parents ("U ...")."""
    return "ouders" in ini.doelgroepen and "leerlingen" not in ini.doelgroepen


def _waarom_passend(k: _Kandidaat, taal: str) -> list[str]:
    """Why the activity belongs to the pupil's interests, in what it is coded with: its branche
    ("Gaat over Installatietechniek; dat hoort bij je interesse in elektrotechniek"), its own coding
    ("Gaat over auto's en motoren") or the opleidingen of the school whose open day it is."""
    ini, parts = k.ini, []
    codes = {b for i in k.interesses for b in INTERESSE_BRANCHES.get(i, ())} & set(ini.branches)
    via_branche = [i for i in k.interesses if set(INTERESSE_BRANCHES.get(i, ())) & codes]
    if via_branche:
        parts.append(
            t(
                "advies.act_branche",
                taal,
                branches=lijst([label("branche", b, taal) for b in ini.branches if b in codes], taal),
                interesses=interesses_tekst(via_branche, taal),
            )
        )
    eigen = [i for i in k.interesses if i not in via_branche and i in ini.interesses]
    if eigen:
        parts.append(t("advies.act_interesse", taal, interesses=interesses_tekst(eigen, taal)))
    school = [i for i in k.interesses if i not in via_branche and i not in eigen]
    if school:
        woorden = interesses_tekst(school, taal)
        parts.append(t("advies.act_school_interesse", taal, interesses=woorden))
    return parts


def activiteiten_melding(
    profiel: Profiel, activiteiten: list[ActiviteitAdvies], talen: list[str], open_dagen: bool = False
) -> dict[str, str] | None:
    """One line when none of the activities shown is about the pupil's interests (an animal lover, R14): said
    plainly, with a next step (a snuffelstage via the mentor; groep 7/8 asks the leerkracht). ``open_dagen``: the
    routes' next steps name open days of schools for these interests, so the line says "apart from those" (R21)."""
    if not profiel.interesses or any(a.passende_interesses for a in activiteiten):
        return None
    # "over koken en horeca of sport en bewegen": interest names hold "en" themselves, so the list says "of"
    woorden = {taal: interesses_tekst(profiel.interesses, taal, style="or") for taal in talen}
    key = "advies.act_geen_open_dag" if open_dagen else "advies.act_geen"
    # groep 7/8 asks the leerkracht; havo/vwo looks at a hogeschool or university, not a vmbo snuffelstage (review 8)
    stap = (
        "advies.act_geen_stap_po"
        if profiel.schooltype == "po"
        else "advies.act_geen_stap_havo"
        if profiel.schooltype in ("havo", "vwo")
        else "advies.act_geen_stap"
    )
    return {taal: t(key, taal, interesses=woorden[taal]) + " " + t(stap, taal) for taal in talen}


def speciaal_voor(ini: Initiatief, doelgroep: str) -> bool:
    """'Speciaal voor ouders' only when the activity is not for the pupils as well (First Lego League lists
    ouders next to leerlingen: that is 'ook voor ouders'); a group of pupils (meisjes) named next to
    leerlingen is still what the activity is aimed at."""
    return doelgroep in LEERLING_GROEPEN or "leerlingen" not in ini.doelgroepen


def talen_voor(profiel: Profiel) -> list[str]:
    """Dutch always, plus the parents' language when that is another one."""
    return ["nl"] if profiel.taal_ouders == "nl" else ["nl", profiel.taal_ouders]


def activiteit_voor_richting(
    activiteiten: list[ActiviteitAdvies], richting: str, gebruikt: Collection[str] = ()
) -> ActiviteitAdvies | None:
    """The best-ranked activity about an mbo richting (its branche, or one of its interests that the activity
    is about), one the pupil can join alone first; never a school location's open day (the step names the
    open day of the route's own school). Among those as good (same via-school kind), one not yet ``gebruikt``
    for another route comes first."""
    branche = RICHTING_BRANCHE.get(richting)
    over = richting_interesses(richting)
    passend = [
        a
        for a in activiteiten
        if a.open_dag_van is None
        and ((branche is not None and branche in a.branches) or set(a.passende_interesses) & over)
    ]
    if not passend:
        return None
    return min(passend, key=lambda a: (a.via_school, a.id in gebruikt))  # stable: best-ranked first within a kind


__all__ = [
    "voor_leerling",
    "INTERESSE_BRANCHES",
    "RICHTING_BRANCHE",
    "RICHTING_INTERESSEN",
    "activiteit_voor_richting",
    "activiteiten_melding",
    "bereikt",
    "interesses_van",
    "rank_activiteiten",
    "richting_interesses",
    "toegelaten",
    "toegelaten_mask",
    "schooltypen_initiatief",
    "stap_activiteit",
    "talen_voor",
    "via_school",
]

"""Places and distances: turn a postcode, wijk, gemeente or campus into coordinates.

Distances are great-circle kilometres (haversine). Locations are approximate: a PC4 or a
wijk resolves to the centroid of the area in ``gebieden.yaml``.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from knowledge.inputs import shorten
from knowledge.loader import KnowledgeBase
from knowledge.schema import Gebied

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS84 points."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Place:
    """A resolved place: what the user typed, what it matched and where it lies."""

    query: str
    naam: str
    soort: str  # postcode | wijk | kern | gebied | gemeente | campus | school
    lat: float
    lon: float
    gemeente: str | None = None  # the gemeente of a postcode, wijk, kern or gebied

    @property
    def approximate(self) -> bool:
        """Only an area's centre point (a 4-digit postcode, wijk, kern, area or gemeente): distances get "~"."""
        return self.soort in APPROXIMATE_KINDS


# A home known only as a 4-digit postcode, wijk, kern, area or whole gemeente lies somewhere around that area's
# centre point: every distance from it is approximate (review R07 "10,5 km", R23 "0,6 km"; review 4: a PC4
# centre is a centre point too, R10 "STC 2,9 km"). A campus or school is an address.
APPROXIMATE_KINDS = frozenset({"postcode", "wijk", "kern", "gebied", "gemeente"})


class UnknownPlace(ValueError):
    """The text is not a known postcode, wijk, gemeente, campus or school."""


class OutsideRegion(UnknownPlace):
    """A well-formed postcode that lies outside the area LOB-Kompas knows (advice still comes, without distances)."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


# The most specific area wins: a wijk before a kern before a gebied before a gemeente.
SPECIFIEK = {"wijk": 0, "kern": 1, "gebied": 2, "gemeente": 3}


def normalise(text: str) -> str:
    """Lower-case, accents stripped, punctuation folded: for matching names people type."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


_PC4 = re.compile(r"^\s*(\d{4})\s*(?:[a-zA-Z]{2})?\s*$")


def resolve_place(kb: KnowledgeBase, text: str) -> Place:
    """Resolve a PC4 (``3083`` or ``3083 AB``), wijk, gemeente, campus id/name or school.

    Raises :class:`UnknownPlace` with a message that says what is accepted.
    """
    if not text or not text.strip():
        raise UnknownPlace("Geef een postcode (4 cijfers), wijk, gemeente of campus op.")
    m = _PC4.match(text)
    if m:
        code = int(m.group(1))
        g = _pc4_index(kb).get(code)
        if g is None:
            raise OutsideRegion(f"Postcode {code} ligt niet in het gebied dat LOB-Kompas kent (de MRDH-regio).", code)
        return Place(text.strip(), g.naam, "postcode", g.lat, g.lon, g.gemeente)
    key = normalise(text)
    found = lookup_name(kb, key)
    if found is not None:
        return Place(text.strip(), *found)
    names = _name_index(kb)
    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.75)
    suggestions = list(dict.fromkeys(names[c].naam for c in close))
    hint = f" Bedoel je {' of '.join(suggestions)}?" if suggestions else ""
    raise UnknownPlace(
        f"'{shorten(text)}' is geen bekende postcode, wijk, kern, gemeente of campus.{hint} "
        "Probeer een postcode zoals 3083, een wijk zoals Charlois of een plaats zoals Spijkenisse."
    )


_NAMES: dict[str, dict[str, Any]] = {}
_PC4_INDEX: dict[str, dict[int, Any]] = {}
_OTHER: dict[str, dict[str, tuple[str, str, float, float]]] = {}
_T = TypeVar("_T")


def _per_kb(cache: dict[str, _T], kb: KnowledgeBase, build: Callable[[KnowledgeBase], _T]) -> _T:
    """``build(kb)``, kept per knowledge base content (a hand-built kb without a hash is indexed each time)."""
    key = kb.content_hash
    if key and key in cache:
        return cache[key]
    value = build(kb)
    if key:
        cache[key] = value
    return value


def _by_specificity(kb: KnowledgeBase) -> list[Gebied]:
    """The areas from wide to specific, so that a more specific area overwrites a shared postcode or name."""
    return sorted(kb.gebieden.values(), key=lambda g: (SPECIFIEK[g.soort], g.id), reverse=True)


def _pc4_index(kb: KnowledgeBase) -> dict[int, Any]:
    """PC4 -> the most specific Gebied that holds it."""
    return _per_kb(_PC4_INDEX, kb, lambda kb: {code: g for g in _by_specificity(kb) for code in g.pc4_codes()})


def _name_index(kb: KnowledgeBase) -> dict[str, Any]:
    """Normalised name, id and alias -> Gebied; the most specific area wins a shared name."""
    return _per_kb(
        _NAMES, kb, lambda kb: {normalise(name): g for g in _by_specificity(kb) for name in (g.naam, g.id, *g.aliassen)}
    )


def _other_index(kb: KnowledgeBase) -> dict[str, tuple[str, str, float, float]]:
    """Normalised campus and school names -> (naam, soort, lat, lon); the first record keeps a shared name."""
    other: dict[str, tuple[str, str, float, float]] = {}
    for c in kb.campussen.values():
        if c.locatie.lat is not None and c.locatie.lon is not None:
            for name in (c.id, c.naam, c.afkorting):
                other.setdefault(normalise(name), (c.naam, "campus", c.locatie.lat, c.locatie.lon))
    for sc in kb.scholen.values():
        if sc.locatie.lat is not None and sc.locatie.lon is not None:
            for name in (sc.id, sc.naam):
                other.setdefault(normalise(name), (sc.naam, "school", sc.locatie.lat, sc.locatie.lon))
    other.pop("", None)
    return other


def area_names(kb: KnowledgeBase) -> dict[str, Any]:
    """Every normalised name, id and alias of a wijk, kern, gebied or gemeente -> its Gebied (most specific wins)."""
    return _name_index(kb)


def lookup_name(kb: KnowledgeBase, key: str) -> tuple[str, str, float, float, str | None] | None:
    """A normalised name (wijk, kern, gebied, gemeente, alias, campus, school) -> (naam, soort, lat, lon, gemeente).

    No suggestions and no exception: the cheap lookup for trying many word groups of a question.
    Both indexes are built once per knowledge base.
    """
    names = _name_index(kb)
    if key in names:
        g = names[key]
        return (g.naam, g.soort, g.lat, g.lon, g.gemeente)
    other = _per_kb(_OTHER, kb, _other_index)
    hit = other.get(key)
    return (*hit, None) if hit else None


def gemeente_van(kb: KnowledgeBase, text: str) -> Gebied | None:
    """The gemeente record (``soort: gemeente``) a postcode, wijk, gemeente, campus or school lies in, or None.

    Used to show figures kept per gemeente (such as the travel time to the mbo, seor2026 Tabel 3.4)."""
    gemeenten = {g.naam: g for g in kb.gebieden.values() if g.soort == "gemeente"}
    m = _PC4.match(text or "")
    if m:
        code = int(m.group(1))
        return next((g for g in gemeenten.values() if code in g.pc4_codes()), None)
    key = normalise(text or "")
    if not key:
        return None
    for g in kb.gebieden.values():
        if key in (normalise(g.naam), normalise(g.id)):
            return gemeenten.get(g.gemeente)
    for loc in [
        c.locatie for c in kb.campussen.values() if key in (normalise(c.id), normalise(c.naam), normalise(c.afkorting))
    ] + [s.locatie for s in kb.scholen.values() if key in (normalise(s.id), normalise(s.naam))]:
        return gemeenten.get(loc.gemeente or "")
    return None

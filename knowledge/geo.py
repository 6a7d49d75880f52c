"""Places and distances: turn a postcode, wijk, gemeente or campus into coordinates.

Distances are great-circle kilometres (haversine). Locations are approximate: a PC4 or a
wijk resolves to the centroid of the area in ``gebieden.yaml``.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from knowledge.inputs import shorten
from knowledge.loader import KnowledgeBase

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
    soort: str  # postcode | wijk | gebied | gemeente | campus | school
    lat: float
    lon: float


class UnknownPlace(ValueError):
    """The text is not a known postcode, wijk, gemeente, campus or school."""


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
        # The most specific area that holds this PC4 wins (wijk before gebied before gemeente).
        order = {"wijk": 0, "gebied": 1, "gemeente": 2}
        hits = sorted((g for g in kb.gebieden.values() if code in g.pc4_codes()), key=lambda g: order[g.soort])
        if not hits:
            raise UnknownPlace(f"Postcode {code} ligt niet in het gebied dat LOB-Kompas kent (de MRDH-regio).")
        g = hits[0]
        return Place(text.strip(), g.naam, "postcode", g.lat, g.lon)
    key = normalise(text)
    hit = _name_index(kb).get(key) if key else None
    if hit is not None:
        naam, soort, lat, lon = hit
        return Place(text.strip(), naam, soort, lat, lon)
    raise UnknownPlace(
        f"'{shorten(text)}' is geen bekende postcode, wijk, gemeente of campus. "
        "Probeer een postcode zoals 3083, een wijk zoals Charlois of een gemeente zoals Schiedam."
    )


_NAME_INDEXES: dict[tuple[int, str], dict[str, tuple[str, str, float, float]]] = {}


def _name_index(kb: KnowledgeBase) -> dict[str, tuple[str, str, float, float]]:
    """Normalised name or id -> (name, kind, lat, lon), built once per knowledge base. The first entry
    wins, in the order wijk, gebied, gemeente, campus, school (the most specific place first). Without it a
    long question normalised every known name again for each word group it tried."""
    key = (id(kb), str(getattr(kb, "content_hash", "")))
    index = _NAME_INDEXES.get(key)
    if index is not None:
        return index
    index = {}
    order = {"wijk": 0, "gebied": 1, "gemeente": 2}
    for g in sorted(kb.gebieden.values(), key=lambda g: order[g.soort]):
        for name in (g.naam, g.id):
            index.setdefault(normalise(name), (g.naam, g.soort, g.lat, g.lon))
    for c in kb.campussen.values():
        if c.locatie.lat is not None and c.locatie.lon is not None:
            for name in (c.id, c.naam, c.afkorting):
                index.setdefault(normalise(name), (c.naam, "campus", c.locatie.lat, c.locatie.lon))
    for s in kb.scholen.values():
        if s.locatie.lat is not None and s.locatie.lon is not None:
            for name in (s.id, s.naam):
                index.setdefault(normalise(name), (s.naam, "school", s.locatie.lat, s.locatie.lon))
    index.pop("", None)
    if len(_NAME_INDEXES) > 8:
        _NAME_INDEXES.clear()
    _NAME_INDEXES[key] = index
    return index

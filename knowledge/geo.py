"""Places and distances: turn a postcode, wijk, gemeente or campus into coordinates.

Distances are great-circle kilometres (haversine). Locations are approximate: a PC4 or a
wijk resolves to the centroid of the area in ``gebieden.yaml``.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

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
    for g in sorted(kb.gebieden.values(), key=lambda g: {"wijk": 0, "gebied": 1, "gemeente": 2}[g.soort]):
        if key in (normalise(g.naam), normalise(g.id)):
            return Place(text.strip(), g.naam, g.soort, g.lat, g.lon)
    for c in kb.campussen.values():
        if key in (normalise(c.id), normalise(c.naam), normalise(c.afkorting)) and c.locatie.lat is not None:
            return Place(text.strip(), c.naam, "campus", c.locatie.lat, c.locatie.lon)  # type: ignore[arg-type]
    for s in kb.scholen.values():
        if key in (normalise(s.id), normalise(s.naam)) and s.locatie.lat is not None:
            return Place(text.strip(), s.naam, "school", s.locatie.lat, s.locatie.lon)  # type: ignore[arg-type]
    raise UnknownPlace(
        f"'{text}' is geen bekende postcode, wijk, gemeente of campus. "
        "Probeer een postcode zoals 3083, een wijk zoals Charlois of een gemeente zoals Schiedam."
    )


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
    for loc in [c.locatie for c in kb.campussen.values() if key in (normalise(c.id), normalise(c.naam),
                                                                   normalise(c.afkorting))] + \
               [s.locatie for s in kb.scholen.values() if key in (normalise(s.id), normalise(s.naam))]:
        return gemeenten.get(loc.gemeente or "")
    return None

"""Which mbo schools near a place teach a field ("which mbo schools in Den Haag have ICT?", "jakie są szkoły mbo w
Den Haag z techniką?"): both round-24 reviewers asked it and got an article that names no school (round 25).

Pure functions of the knowledge (opleidingen with their school locations, scholen with their places): which
opleidingen a field means, and per school near the asker's place the opleidingen it gives, nearest school first.
The assistant words the list (``Assistant._school_list``); the course lists are general knowledge of the mbo offer,
not checked against this year's guides of the schools, which the answer says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.geo import haversine_km
from knowledge.loader import KnowledgeBase

# The fields an article is about, for a school question the article's words answered ("which schools in Den Haag
# have ICT?" reaches the ICT article): the mbo richtingen of opleidingen.yaml (our own mapping)
ARTICLE_RICHTINGEN: dict[str, tuple[str, ...]] = {
    "ict_opleidingen": ("ict",),
    "haven_logistiek": ("maritiem_haven", "logistiek"),
    "energietransitie": ("installatie_energie", "elektrotechniek"),
}
# "mbo schools with techniek" without a field: every technical richting (ICT and media are a field of their own in
# the articles: a parent asking for techniek is not sent to a course in graphic design)
NOT_TECHNIEK = frozenset({"ict", "media_vormgeving"})

SCHOOL_KM = 20.0  # schools at most this far from the asker's place are listed ...
SCHOOLS_SHOWN = 3  # ... at most this many in the short answer (the rest behind "read more")
COURSES_SHOWN = 3  # ... each with at most this many of its courses named
SAME_PLACE_KM = 1.5  # a school closer than this is in the place asked about: its distance is not said


@dataclass(frozen=True)
class SchoolOffer:
    """One school near the asker and the opleidingen of the field it gives (highest level first)."""

    school: str
    naam: str
    gemeente: str | None
    km: float
    approximate: bool  # the school's place is known for its wijk or gemeente only
    opleidingen: tuple[str, ...]


def field_opleidingen(kb: KnowledgeBase, richtingen: Iterable[str] | None) -> list[str]:
    """The opleidingen of the richtingen (None: every technical richting)."""
    wanted = set(richtingen) if richtingen is not None else None
    return [
        oid
        for oid, o in kb.opleidingen.items()
        if (o.richting in wanted if wanted is not None else o.richting not in NOT_TECHNIEK)
    ]


def schools_near(
    kb: KnowledgeBase, opleidingen: Iterable[str], lat: float, lon: float, max_km: float = SCHOOL_KM
) -> list[SchoolOffer]:
    """Per school that gives one of ``opleidingen``, how far it is from (lat, lon) and which of them it gives;
    the schools within ``max_km`` nearest first, or the nearest one when none is that close."""
    per_school: dict[str, list[str]] = {}
    for oid in opleidingen:
        o = kb.opleidingen.get(oid)
        if o is None:
            continue
        for loc in o.locaties:
            if loc.school in kb.scholen and oid not in per_school.setdefault(loc.school, []):
                per_school[loc.school].append(oid)
    offers: list[SchoolOffer] = []
    for sid, oids in per_school.items():
        school = kb.scholen[sid]
        where = school.locatie
        if where.lat is None or where.lon is None:
            continue
        ranked = sorted(oids, key=lambda i: (-kb.opleidingen[i].niveau, kb.opleidingen[i].naam))
        offers.append(
            SchoolOffer(
                school=sid,
                naam=school.naam,
                gemeente=where.gemeente,
                km=haversine_km(lat, lon, where.lat, where.lon),
                approximate=where.precisie in ("gemeente", "wijk"),
                opleidingen=tuple(ranked),
            )
        )
    offers.sort(key=lambda s: (round(s.km, 1), s.naam))
    near = [s for s in offers if s.km <= max_km]
    return near or offers[:1]

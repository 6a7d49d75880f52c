"""Where a pupil lives or goes to school, as PC4 codes, for activities bound to a school or an area.

A school's own programme (``Initiatief.alleen_school``) is for the pupils of that school only; a regional school
programme such as Sterk Techniek Onderwijs (``Initiatief.gebied``) is for pupils who live or go to school in its
area. Areas are ids in gebieden.yaml; a place is matched through the PC4 codes both cover. A place we cannot place
more precisely than its gemeente covers the whole gemeente (unsure means shown, not hidden).

A via-school programme with a physical place and no explicit ``gebied`` (a Jet-Net cluster, JINC in one city, ...)
is for pupils whose home or school lies in the programme's own gemeente (:func:`programma_pc4`, review 4: the Delft
DP6 cluster is not a step for a pupil in Vlaardingen). National and online programmes have no area.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from knowledge.geo import Place
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief

_PC4: dict[tuple[str, tuple[str, ...]], frozenset[int]] = {}


def gebied_pc4(kb: KnowledgeBase, ids: Sequence[str]) -> frozenset[int]:
    """The PC4 codes of these gebieden together (cached per knowledge base)."""
    key = (kb.content_hash or str(id(kb)), tuple(ids))
    if key not in _PC4:
        codes: set[int] = set()
        for g in ids:
            if g in kb.gebieden:
                codes |= kb.gebieden[g].pc4_codes()
        if len(_PC4) > 1024:
            _PC4.clear()
        _PC4[key] = frozenset(codes)
    return _PC4[key]


def _punt_pc4(kb: KnowledgeBase, gemeente: str | None, lat: float, lon: float) -> frozenset[int] | None:
    """A point in a gemeente: the nearest of its gebieden with PC4 codes (Rotterdam: Noord, Charlois, ...), else
    the whole gemeente."""
    if not gemeente:
        return None
    delen = [g for g in kb.gebieden.values() if g.gemeente == gemeente and g.soort == "gebied" and g.pc4]
    if delen:
        best = min(delen, key=lambda g: math.hypot(g.lat - lat, (g.lon - lon) * 0.62))
        return frozenset(best.pc4_codes())
    heel = [g for g in kb.gebieden.values() if g.gemeente == gemeente and g.soort == "gemeente"]
    return frozenset(heel[0].pc4_codes()) if heel else None


def plaats_pc4(kb: KnowledgeBase, place: Place | None) -> frozenset[int] | None:
    """The PC4 codes of a resolved home place (a postcode, wijk, kern, gebied or gemeente)."""
    if place is None:
        return None
    if place.soort == "postcode":
        digits = "".join(c for c in place.query if c.isdigit())[:4]
        return frozenset({int(digits)}) if len(digits) == 4 else None
    for g in kb.gebieden.values():
        if g.naam == place.naam and g.pc4:
            return frozenset(g.pc4_codes())
    return _punt_pc4(kb, place.gemeente or (place.naam if place.soort == "gemeente" else None), place.lat, place.lon)


def school_pc4(kb: KnowledgeBase, school: str | None) -> frozenset[int] | None:
    """The PC4 codes around a school location (its gemeente's part, see :func:`_punt_pc4`)."""
    sch = kb.scholen.get(school) if school else None
    if sch is None or sch.locatie.lat is None or sch.locatie.lon is None:
        return None
    return _punt_pc4(kb, sch.locatie.gemeente, sch.locatie.lat, sch.locatie.lon)


def gemeente_pc4(kb: KnowledgeBase, gemeente: str | None) -> frozenset[int] | None:
    """The PC4 codes of a whole gemeente (its ``soort: gemeente`` record), None when the knowledge has none."""
    if not gemeente:
        return None
    key = (kb.content_hash or str(id(kb)), ("gemeente:" + gemeente,))
    if key not in _PC4:
        heel = [g for g in kb.gebieden.values() if g.gemeente == gemeente and g.soort == "gemeente" and g.pc4]
        _PC4[key] = frozenset(heel[0].pc4_codes()) if heel else frozenset()
    return _PC4[key] or None


def programma_pc4(kb: KnowledgeBase, ini: Initiatief) -> frozenset[int] | None:
    """The area an initiative is bound to, as PC4 codes: its explicit ``gebied``; otherwise, for a via-school
    programme with a physical place (not landelijk/online), its own gemeente; else None (no bound)."""
    if ini.gebied:
        return gebied_pc4(kb, ini.gebied)
    if ini.loopt_via_school and not ini.landelijk_online and ini.school is None:
        return gemeente_pc4(kb, ini.locatie.gemeente)
    return None

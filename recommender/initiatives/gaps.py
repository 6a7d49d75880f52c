"""Gap analysis ("lacune-analyse"): what is on offer around a place, and what is missing.

Count rule (the same as report 003, seor2023_promotie, chapters 2 and 4): an initiative counts
for a place when it lies within ``km`` of it, or when it is landelijk/online (``bereik=landelijk``;
those are open to every place; the report counts its 11 landelijke/online initiatives for each of the 8 campuses,
Tabel 4.1). Counts are per code of each dimension (vocab codes, zeros included); an initiative
with several codes counts once for each. The report also counted an initiative when schools
within 10 km take part in it (its footnote 9); we cannot see that, so we count by location only.

A *gap* is a code with nothing at all (``geen``), or with only landelijk/online offers and nothing
local within ``km`` (``alleen_landelijk``). Gaps are looked for in doelgroep, schooltype,
activiteit, branche and in praktijk=veel (doe-activiteiten); "no initiative with praktijk=geen"
is not a gap.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel

from knowledge.geo import Place, resolve_place
from knowledge.inventory import count_dimensions
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from knowledge.sources import ref_text
from recommender.initiatives.codes import DIMENSIONS, label
from recommender.initiatives.search import InitiativeFilter, InitiativeHit, search_initiatives

DEFAULT_KM = 10.0
COUNT_RULE = (
    "Een initiatief telt mee als het binnen {km:g} km ligt of landelijk/online is "
    "(zoals in seor2023_promotie, hoofdstuk 2 en 4). Deelname van scholen in de buurt aan een verder "
    "weg gelegen initiatief (voetnoot 9 van dat rapport) zien wij niet."
)

# which codes can be a gap, and how a sentence names them
_GAP_CODES: dict[str, tuple[str, ...]] = {
    "doelgroep": DIMENSIONS["doelgroep"],
    "schooltype": DIMENSIONS["schooltype"],
    "activiteit": DIMENSIONS["activiteit"],
    "praktijk": ("veel",),
    "branche": DIMENSIONS["branche"],
}


class Plaats(BaseModel):
    naam: str
    soort: str
    lat: float
    lon: float


class GeteldInitiatief(BaseModel):
    id: str
    naam: str
    afstand_km: float | None
    landelijk_online: bool


class Lacune(BaseModel):
    """A named gap with a plain-Dutch sentence."""

    dimensie: str
    code: str
    soort: Literal["geen", "alleen_landelijk"]
    zin: str


class ProfielAanbod(BaseModel):
    """One figure of report 003 Tabel 5.1/5.2: share of vmbo pupils near a campus at a school with a profiel."""

    omschrijving: str
    waarde: float
    eenheid: str
    jaar: str | None
    bron: str


class GapReport(BaseModel):
    plaats: Plaats
    km: float
    totaal: int
    tellingen: dict[str, dict[str, int]]
    tellingen_lokaal: dict[str, dict[str, int]]
    initiatieven: list[GeteldInitiatief]
    gaps: list[Lacune]
    telregel: str
    # for a campus: the vmbo profile offer within 10 km (seor2023_promotie Tabel 5.1-5.2), from campussen.yaml
    vmbo_profielaanbod: list[ProfielAanbod] = []


def campus_profielaanbod(kb: KnowledgeBase, campus_naam: str) -> list[ProfielAanbod]:
    """The Tabel 5.1-5.2 figures a campus record holds (none for a place that is not a campus)."""
    campus = next((c for c in kb.campussen.values() if c.naam == campus_naam), None)
    if campus is None:
        return []
    return [ProfielAanbod(omschrijving=c.omschrijving, waarde=c.waarde, eenheid=c.eenheid, jaar=c.jaar,
                          bron=ref_text(c.bron))
            for c in campus.cijfers if (c.bron.sectie or "").startswith("Tabel 5.")]


def _phrase(dimension: str, code: str) -> str:
    if dimension in ("doelgroep", "schooltype"):
        return f"voor {label(dimension, code)}"
    if dimension == "activiteit":
        return f"met {label(dimension, code)}"
    if dimension == "praktijk":
        return "met veel praktijk (een doe-activiteit)"
    return f"in de branche {label(dimension, code)}"


def find_gaps(counts: dict[str, dict[str, int]], local: dict[str, dict[str, int]], naam: str, km: float) -> list[Lacune]:
    """Gaps from the counts: no local offer at all, then codes with nothing, then codes with only landelijk/online."""
    nothing: list[Lacune] = []
    only_far: list[Lacune] = []
    no_local: list[Lacune] = []
    if local["bereik"]["lokaal"] == 0:
        no_local.append(Lacune(dimensie="bereik", code="lokaal", soort="alleen_landelijk",
                               zin=f"Binnen {km:g} km van {naam} is er geen enkel lokaal initiatief; "
                                   "alleen landelijk of online aanbod."))
    for dim, codes in _GAP_CODES.items():
        for code in codes:
            what = _phrase(dim, code)
            if counts[dim][code] == 0:
                nothing.append(Lacune(dimensie=dim, code=code, soort="geen",
                                      zin=f"Er is geen enkel initiatief {what} binnen {km:g} km van {naam}, "
                                          "ook niet landelijk of online."))
            elif local[dim][code] == 0 and local["bereik"]["lokaal"] > 0:
                n = counts[dim][code]
                rest = "is alleen 1 landelijk of online initiatief" if n == 1 else \
                    f"zijn alleen {n} landelijke of online initiatieven"
                only_far.append(Lacune(dimensie=dim, code=code, soort="alleen_landelijk",
                                       zin=f"Binnen {km:g} km van {naam} is er geen initiatief {what} in de buurt. "
                                           f"Er {rest}."))
    return no_local + nothing + only_far


def _as_place(place: Place | str, kb: KnowledgeBase | None) -> Place:
    if isinstance(place, Place):
        return place
    if kb is None:
        raise ValueError("een plaatsnaam opzoeken kan alleen met een kennisbank (geef kb mee)")
    return resolve_place(kb, place)


def counted_hits(
    source: KnowledgeBase | Sequence[Initiatief], place: Place, km: float,
    extra: Sequence[Initiatief] | None = None,
) -> list[InitiativeHit]:
    """The initiatives that count for ``place``: within ``km`` or landelijk/online."""
    flt = InitiativeFilter(near=place.naam, km=km)
    if isinstance(source, KnowledgeBase):
        return search_initiatives(source, flt, extra=extra, place=place)
    return search_initiatives(None, flt, extra=list(source) + list(extra or []), place=place)


def gap_analysis(
    source: KnowledgeBase | Sequence[Initiatief],
    place: Place | str,
    km: float = DEFAULT_KM,
    *,
    kb: KnowledgeBase | None = None,
    extra: Sequence[Initiatief] | None = None,
) -> GapReport:
    """Count the offer around ``place`` (a :class:`Place` or text for ``resolve_place``) and name the gaps.

    ``source`` is the knowledge base or a plain list of initiatives (then pass ``kb`` to resolve a
    place given as text). ``extra`` adds the user's own initiatives.
    """
    if km <= 0:
        raise ValueError("km moet groter dan 0 zijn")
    knowledge = source if isinstance(source, KnowledgeBase) else kb
    resolved = _as_place(place, knowledge)
    hits = counted_hits(source, resolved, km, extra)
    inis = [h.initiatief for h in hits]
    overal = [h.landelijk_online for h in hits]
    counts = count_dimensions(inis, overal)
    local_hits = [(i, o) for i, o in zip(inis, overal, strict=True) if not o]
    local = count_dimensions([i for i, _ in local_hits], [o for _, o in local_hits])
    return GapReport(
        plaats=Plaats(naam=resolved.naam, soort=resolved.soort, lat=resolved.lat, lon=resolved.lon),
        km=km,
        totaal=len(hits),
        tellingen=counts,
        tellingen_lokaal=local,
        initiatieven=[GeteldInitiatief(id=h.initiatief.id, naam=h.initiatief.naam, afstand_km=h.afstand_km,
                                       landelijk_online=h.landelijk_online) for h in hits],
        gaps=find_gaps(counts, local, resolved.naam, km),
        telregel=COUNT_RULE.format(km=km),
        vmbo_profielaanbod=campus_profielaanbod(knowledge, resolved.naam)
        if knowledge is not None and resolved.soort == "campus" else [],
    )

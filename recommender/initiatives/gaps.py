"""Gap analysis ("lacune-analyse"): what is on offer around a place, compared with the whole region.

Count rule (the same as report 003, seor2023_promotie, chapters 2 and 4): an initiative counts
for a place when it lies within ``km`` of it, or when it is landelijk/online (``bereik=landelijk``;
those are open to every place; the report counts its 11 landelijke/online initiatives for each of
the 8 campuses, Tabel 4.1). Counts are per code of each dimension (vocab codes, zeros included); an
initiative with several codes counts once for each. The report also counted an initiative when
schools within 10 km take part in it (its footnote 9); we cannot see that, so we count by location.

*Here* is what counts for the place; the *region* is the whole catalogue (the curated knowledge
plus the school's own lists). For every code of doelgroep, schooltype, activiteit, branche and
praktijk=veel (doe-activiteiten; "nothing with praktijk=geen" is no gap) the share here is set
beside the share in the region, and the code is flagged (worst first):

* ``geen``: nothing here, not even landelijk/online;
* ``alleen_landelijk``: only landelijk/online offers, nothing local within ``km`` (while other local
  initiatives exist there);
* ``laag``: clearly below the region: the share here is under half the regional share
  (:data:`LOW_SHARE_RATIO`), and the regional share would give at least :data:`MIN_EXPECTED`
  activities here (so one activity more or less never decides);
* ``weinig``: fewer than :data:`FEW` activities here, whatever the region has.

When there is no local initiative at all, one extra gap says so (dimension ``bereik``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel

from knowledge.geo import Place, resolve_place
from knowledge.i18n import t
from knowledge.i18n.formats import format_km, format_percent
from knowledge.inventory import count_dimensions
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from knowledge.sources import EIGEN_IMPORT, ref_text
from recommender.initiatives.codes import DIMENSIONS, label
from recommender.initiatives.search import HitList, InitiativeFilter, InitiativeHit, catalogue_of, search_initiatives

DEFAULT_KM = 10.0
LOW_SHARE_RATIO = 0.5
MIN_EXPECTED = 2.0
FEW = 5
COUNT_RULE = (
    "Een initiatief telt mee als het binnen {km:g} km ligt of landelijk/online is "
    "(zoals in seor2023_promotie, hoofdstuk 2 en 4). Deelname van scholen in de buurt aan een verder "
    "weg gelegen initiatief (voetnoot 9 van dat rapport) zien wij niet."
)

# which codes can be a gap
GAP_CODES: dict[str, tuple[str, ...]] = {
    "doelgroep": DIMENSIONS["doelgroep"],
    "schooltype": DIMENSIONS["schooltype"],
    "activiteit": DIMENSIONS["activiteit"],
    "branche": DIMENSIONS["branche"],
    "praktijk": ("veel",),
}
# the page's name of each dimension (translation keys)
DIMENSION_KEYS = {
    "doelgroep": "initiatives.doelgroep",
    "schooltype": "initiatives.schooltype",
    "activiteit": "initiatives.activiteit",
    "branche": "initiatives.branche",
    "praktijk": "initiatives.praktijk",
}
Status = Literal["ok", "geen", "alleen_landelijk", "laag", "weinig"]
_SEVERITY = {"geen": 0, "alleen_landelijk": 1, "laag": 2, "weinig": 3, "ok": 9}


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
    eigen_lijst: bool


class Kenmerk(BaseModel):
    """One code of one dimension: here beside the region."""

    dimensie: str
    code: str
    hier: int
    lokaal: int
    aandeel_hier: float
    regio: int
    aandeel_regio: float
    status: Status


class Lacune(BaseModel):
    """A flagged code (or ``bereik=lokaal``: no local initiative at all), with a Dutch sentence."""

    dimensie: str
    code: str
    soort: Literal["geen", "alleen_landelijk", "laag", "weinig"]
    hier: int
    totaal_hier: int
    aandeel_hier: float
    aandeel_regio: float
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
    totaal_regio: int
    eigen: int  # counted initiatives from the school's own lists
    tellingen: dict[str, dict[str, int]]
    tellingen_lokaal: dict[str, dict[str, int]]
    tellingen_regio: dict[str, dict[str, int]]
    kenmerken: list[Kenmerk]
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
    return [
        ProfielAanbod(
            omschrijving=c.omschrijving, waarde=c.waarde, eenheid=c.eenheid, jaar=c.jaar, bron=ref_text(c.bron)
        )
        for c in campus.cijfers
        if (c.bron.sectie or "").startswith("Tabel 5.")
    ]


def _status(here: int, local: int, share_here: float, share_region: float, total_here: int, any_local: bool) -> Status:
    if here == 0:
        return "geen"
    if local == 0 and any_local:
        return "alleen_landelijk"
    if share_here < LOW_SHARE_RATIO * share_region and share_region * total_here >= MIN_EXPECTED:
        return "laag"
    if here < FEW:
        return "weinig"
    return "ok"


def gap_sentence(gap: Lacune, report: GapReport, lang: str) -> str:
    """One plain-language line: 'Doelgroep – Meisjes: 2 van 64 activiteiten binnen 10 km (3 %); in de hele
    catalogus 2 %. Alleen landelijk of online, niets in de buurt.'"""
    km = format_km(report.km, lang)
    if gap.dimensie == "bereik":
        return t("initiatives.gap.no_local", lang, km=km, plaats=report.plaats.naam)
    line = t(
        "initiatives.gap.line",
        lang,
        dimensie=t(DIMENSION_KEYS[gap.dimensie], lang),
        label=label(gap.dimensie, gap.code, lang),
        n=gap.hier,
        totaal=gap.totaal_hier,
        waar=t("initiatives.gap.here", lang, km=km, plaats=report.plaats.naam),
        aandeel=format_percent(gap.aandeel_hier, lang),
        aandeel_regio=format_percent(gap.aandeel_regio, lang),
    )
    return f"{line} {t(f'initiatives.gap.{gap.soort}', lang, min=FEW)}"


def gap_summary(report: GapReport, lang: str) -> str:
    """The whole picture in one sentence: how many count here, how many gaps of each kind."""
    kinds = {k: sum(1 for g in report.gaps if g.soort == k) for k in ("geen", "alleen_landelijk", "laag", "weinig")}
    text = t(
        "initiatives.gap.summary",
        lang,
        n=report.totaal,
        km=format_km(report.km, lang),
        plaats=report.plaats.naam,
        regio=report.totaal_regio,
    )
    if not report.gaps:
        return f"{text} {t('initiatives.gap.none', lang)}"
    parts = [t(f"initiatives.gap.count_{k}", lang, n=n) for k, n in kinds.items() if n]
    return f"{text} {t('initiatives.gap.flagged', lang, wat=', '.join(parts))}"


def _as_place(place: Place | str, kb: KnowledgeBase | None) -> Place:
    if isinstance(place, Place):
        return place
    if kb is None:
        raise ValueError("een plaatsnaam opzoeken kan alleen met een kennisbank (geef kb mee)")
    return resolve_place(kb, place)


_OWN_IDS: list[tuple[object, int, frozenset[str]]] = []


def own_ids(extra: Sequence[Initiatief] | None) -> frozenset[str]:
    """Ids of the records of ``extra`` that come from the school's own lists (cached per list object)."""
    if not extra:
        return frozenset()
    for obj, n, ids in _OWN_IDS:
        if obj is extra and n == len(extra):
            return ids
    ids = frozenset(i.id for i in extra if any(r.bron == EIGEN_IMPORT for r in i.bronnen))
    _OWN_IDS.insert(0, (extra, len(extra), ids))
    del _OWN_IDS[4:]
    return ids


def _own_count(hits: Sequence[InitiativeHit], extra: Sequence[Initiatief] | None) -> int:
    """How many counted initiatives come from the school's own lists."""
    own = own_ids(extra)
    if not own:
        return 0
    if isinstance(hits, HitList):
        return sum(1 for i in hits.initiatives() if i.id in own)
    return sum(1 for h in hits if h.initiatief.id in own)


def records_of(hits: Sequence[InitiativeHit]) -> tuple[list[Initiatief], list[bool], list[float | None]]:
    """(records, landelijk/online flags, distances) of search results, without making hit objects when it can."""
    if isinstance(hits, HitList):
        return hits.initiatives(), hits.landelijk_flags(), hits.distances()
    return [h.initiatief for h in hits], [h.initiatief.landelijk_online for h in hits], [h.afstand_km for h in hits]


def counted_hits(
    source: KnowledgeBase | Sequence[Initiatief],
    place: Place,
    km: float,
    extra: Sequence[Initiatief] | None = None,
) -> Sequence[InitiativeHit]:
    """The initiatives that count for ``place``: within ``km`` or landelijk/online."""
    flt = InitiativeFilter(near=place.naam, km=km)
    if isinstance(source, KnowledgeBase):
        return search_initiatives(source, flt, extra=extra, place=place)
    return search_initiatives(None, flt, extra=list(source) + list(extra or []), place=place)


_REGION_CACHE: list[tuple[object, object, int, dict[str, dict[str, int]]]] = []


def region_counts(
    source: KnowledgeBase | Sequence[Initiatief], extra: Sequence[Initiatief] | None
) -> dict[str, dict[str, int]]:
    """Counts over the whole catalogue, cached per (source, extra) like the search index."""
    n_extra = len(extra or [])
    for src, ext, n, counts in _REGION_CACHE:
        if src is source and ext is extra and n == n_extra:
            return counts
    items = catalogue_of(source, extra) if isinstance(source, KnowledgeBase) else list(source) + list(extra or [])
    counts = count_dimensions(items, [i.landelijk_online for i in items])
    counts["_totaal"] = {"n": len(items)}
    _REGION_CACHE.insert(0, (source, extra, n_extra, counts))
    del _REGION_CACHE[4:]
    return counts


def gap_analysis(
    source: KnowledgeBase | Sequence[Initiatief],
    place: Place | str,
    km: float = DEFAULT_KM,
    *,
    kb: KnowledgeBase | None = None,
    extra: Sequence[Initiatief] | None = None,
    details: bool = True,
) -> GapReport:
    """Count the offer around ``place`` (a :class:`Place` or text for ``resolve_place``), compare it with the
    region and flag the gaps (see the module doc).

    ``source`` is the knowledge base or a plain list of initiatives (then pass ``kb`` to resolve a
    place given as text). ``extra`` adds the school's own initiatives. ``details=False`` leaves the list of
    counted initiatives (``initiatieven``) empty: the counts and gaps are the same, and a page with a long
    own list does not need one object per counted initiative.
    """
    if km <= 0:
        raise ValueError("km moet groter dan 0 zijn")
    knowledge = source if isinstance(source, KnowledgeBase) else kb
    resolved = _as_place(place, knowledge)
    hits = counted_hits(source, resolved, km, extra)
    if isinstance(hits, HitList):  # counted from the index's bit masks
        counts, local = hits.code_counts(), hits.code_counts(local_only=True)
        total = len(hits)
    else:
        inis, overal, _ = records_of(hits)
        counts = count_dimensions(inis, overal)
        local_hits = [(i, o) for i, o in zip(inis, overal, strict=True) if not o]
        local = count_dimensions([i for i, _ in local_hits], [o for _, o in local_hits])
        total = len(inis)
    region = region_counts(source, extra)
    total_region = region["_totaal"]["n"]
    any_local = local["bereik"]["lokaal"] > 0
    rows: list[Kenmerk] = []
    gaps: list[Lacune] = []
    for dim, gap_codes in GAP_CODES.items():
        for code in DIMENSIONS[dim]:  # every code is shown; only GAP_CODES can be flagged
            here, loc_n, reg = counts[dim][code], local[dim][code], region[dim][code]
            share = here / total if total else 0.0
            share_region = reg / total_region if total_region else 0.0
            status = _status(here, loc_n, share, share_region, total, any_local) if code in gap_codes else "ok"
            rows.append(
                Kenmerk(
                    dimensie=dim,
                    code=code,
                    hier=here,
                    lokaal=loc_n,
                    aandeel_hier=round(share, 4),
                    regio=reg,
                    aandeel_regio=round(share_region, 4),
                    status=status,
                )
            )
            if status != "ok":
                gaps.append(
                    Lacune(
                        dimensie=dim,
                        code=code,
                        soort=status,
                        hier=here,
                        totaal_hier=total,
                        aandeel_hier=round(share, 4),
                        aandeel_regio=round(share_region, 4),
                        zin="",
                    )
                )
    gaps.sort(key=lambda g: (_SEVERITY[g.soort], list(GAP_CODES).index(g.dimensie)))
    if not any_local:
        gaps.insert(
            0,
            Lacune(
                dimensie="bereik",
                code="lokaal",
                soort="alleen_landelijk",
                hier=0,
                totaal_hier=total,
                aandeel_hier=0.0,
                aandeel_regio=0.0,
                zin="",
            ),
        )
    eigen = _own_count(hits, extra)
    counted: list[GeteldInitiatief] = []
    if details:
        inis, overal, kms = records_of(hits)
        counted = [
            GeteldInitiatief.model_construct(  # values from the search: valid already
                id=i.id,
                naam=i.naam,
                afstand_km=k,
                landelijk_online=o,
                eigen_lijst=any(r.bron == EIGEN_IMPORT for r in i.bronnen),
            )
            for i, o, k in zip(inis, overal, kms, strict=True)
        ]
    report = GapReport(
        plaats=Plaats(naam=resolved.naam, soort=resolved.soort, lat=resolved.lat, lon=resolved.lon),
        km=km,
        totaal=total,
        totaal_regio=total_region,
        eigen=eigen,
        tellingen=counts,
        tellingen_lokaal=local,
        tellingen_regio={k: v for k, v in region.items() if k != "_totaal"},
        kenmerken=rows,
        initiatieven=counted,
        gaps=gaps,
        telregel=COUNT_RULE.format(km=km),
        vmbo_profielaanbod=campus_profielaanbod(knowledge, resolved.naam)
        if knowledge is not None and resolved.soort == "campus"
        else [],
    )
    report.gaps = [g.model_copy(update={"zin": gap_sentence(g, report, "nl")}) for g in gaps]
    return report


__all__ = [
    "COUNT_RULE",
    "DEFAULT_KM",
    "FEW",
    "GAP_CODES",
    "LOW_SHARE_RATIO",
    "MIN_EXPECTED",
    "GapReport",
    "Kenmerk",
    "Lacune",
    "counted_hits",
    "gap_analysis",
    "own_ids",
    "records_of",
    "gap_sentence",
    "gap_summary",
    "region_counts",
]

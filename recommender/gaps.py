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

from knowledge.geo import Place, haversine_km, resolve_place
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from recommender.initiative_codes import DIMENSIONS, label
from recommender.initiatives import InitiativeFilter, InitiativeHit, is_landelijk_online, search_initiatives

DEFAULT_KM = 10.0
COUNT_RULE = (
    "Een initiatief telt mee als het binnen {km:g} km ligt of landelijk/online is "
    "(zoals in seor2023_promotie, hoofdstuk 2 en 4). Deelname van scholen in de buurt aan een verder "
    "weg gelegen initiatief (voetnoot 9 van dat rapport) zien wij niet."
)

# dimension -> attribute of Initiatief
ATTRIBUTES: dict[str, str] = {
    "schooltype": "schooltypen", "doelgroep": "doelgroepen", "activiteit": "activiteiten",
    "praktijk": "praktijkgerichtheid", "branche": "branches",
}
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
                          bron=f"{c.bron.bron}#{c.bron.sectie}")
            for c in campus.cijfers if (c.bron.sectie or "").startswith("Tabel 5.")]


def _phrase(dimension: str, code: str) -> str:
    if dimension in ("doelgroep", "schooltype"):
        return f"voor {label(dimension, code)}"
    if dimension == "activiteit":
        return f"met {label(dimension, code)}"
    if dimension == "praktijk":
        return "met veel praktijk (een doe-activiteit)"
    return f"in de branche {label(dimension, code)}"


def count_dimensions(initiatives: Sequence[Initiatief], overal: Sequence[bool]) -> dict[str, dict[str, int]]:
    """Counts per dimension and code (all codes, zeros included)."""
    counts = {dim: dict.fromkeys(codes, 0) for dim, codes in DIMENSIONS.items()}
    for ini, is_overal in zip(initiatives, overal, strict=True):
        counts["bereik"]["landelijk" if is_overal else "lokaal"] += 1
        if not is_overal and ini.lokaal_soort:
            counts["lokaal_soort"][ini.lokaal_soort] += 1
        for dim, attr in ATTRIBUTES.items():
            value = getattr(ini, attr)
            for code in [value] if isinstance(value, str) else value:
                counts[dim][code] += 1
    return counts


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


# --- campus comparison with report 003 ------------------------------------------------
_REPORT_DIMS = ("totaal",) + tuple(DIMENSIONS)
_BORDER_KM = 2.0  # an initiative this close to the km edge can fall either side with approximate coordinates
_SHOW_NAMES = 6  # names of initiatives just outside the radius shown in the summary sentence


class VergelijkingRegel(BaseModel):
    """One figure of the report next to our count, with the reason for any difference."""

    dimensie: str
    code: str
    label: str
    ons: int
    ons_inventarisatie_2023: int
    rapport: int | None
    bron: str | None
    verschil: int | None
    verklaring: str


class CampusVergelijking(BaseModel):
    """One campus: all rows, the facts behind the differences and a summary in plain Dutch.

    ``buiten_inventarisatie``: counted initiatives that are not among the 70 of 2023;
    ``benaderde_ligging``: counted local ones placed at a wijk or gemeente centre;
    ``rand_van_straal``: local ones of the 70 within ``_BORDER_KM`` of the radius edge (either side);
    ``eigen_indeling``: counted ones of the 70 classified by us (``algemene_kennis``);
    ``net_buiten``: ones of the 70 just outside the radius, with their distance.
    """

    campus: str
    naam: str
    afkorting: str
    km: float
    regels: list[VergelijkingRegel]
    buiten_inventarisatie: int
    benaderde_ligging: int
    rand_van_straal: int
    eigen_indeling: int
    net_buiten: list[str]
    grootste_verschillen: list[str]
    toelichting: str


def report_figures(campus_cijfers: Sequence) -> dict[tuple[str, str], tuple[int, str]]:
    """``{(dimensie, code): (waarde, bron)}`` from cijfers with omschrijving 'totaal' or '<dimensie>=<code>'."""
    out: dict[tuple[str, str], tuple[int, str]] = {}
    for c in campus_cijfers:
        dim, _, code = c.omschrijving.strip().partition("=")
        dim = dim.strip()
        key = ("totaal", "totaal") if dim == "totaal" else (dim, code.strip())
        if key[0] not in _REPORT_DIMS or (key[0] != "totaal" and key[1] not in DIMENSIONS[key[0]]):
            continue
        out.setdefault(key, (int(round(c.waarde)), f"{c.bron.bron}#{c.bron.sectie}"))
    return out


def _row_reason(ons: int, ons70: int, rapport: int | None) -> str:
    if rapport is None:
        return "Het rapport geeft voor deze campus geen cijfer voor dit kenmerk."
    if ons == rapport:
        return "Gelijk aan het rapport."
    parts: list[str] = []
    if ons > ons70:
        parts.append(f"{ons - ons70} van onze initiatieven horen niet bij de 70 uit 2023 (onze catalogus is groter).")
    d = ons70 - rapport
    if d < 0:
        parts.append(f"Van de 70 uit 2023 tellen wij er hier {-d} minder: het rapport telde ook initiatieven "
                     "die via deelnemende scholen bereik binnen 10 km hebben, of wij liggen net buiten de straal "
                     "door een benaderde ligging, of wij deelden het initiatief anders in.")
    elif d > 0:
        parts.append(f"Van de 70 uit 2023 tellen wij er hier {d} meer: door een benaderde ligging valt een "
                     "initiatief bij ons binnen de straal, of wij deelden het initiatief anders in.")
    elif ons > ons70:
        parts.append("Over de 70 uit 2023 alleen is de telling gelijk aan het rapport.")
    return " ".join(parts)


def _campus_summary(c: CampusVergelijking) -> str:
    """A few plain sentences: how far off the total is and which reasons apply to this campus."""
    total = next(r for r in c.regels if r.dimensie == "totaal")
    parts = []
    if total.rapport is None:
        parts.append(f"Voor {c.afkorting} geeft het rapport geen totaal.")
    elif total.ons_inventarisatie_2023 == total.rapport:
        parts.append(f"Rond {c.afkorting} tellen wij van de 70 uit 2023 er evenveel als het rapport ({total.rapport}).")
    else:
        parts.append(f"Rond {c.afkorting} tellen wij van de 70 uit 2023 er {total.ons_inventarisatie_2023}, "
                     f"het rapport {total.rapport}.")
    if c.buiten_inventarisatie:
        parts.append(f"Daarnaast tellen wij {c.buiten_inventarisatie} initiatieven die niet in de inventarisatie van "
                     "2023 stonden (onze catalogus is groter).")
    if c.grootste_verschillen:
        parts.append("De grootste verschillen: " + ", ".join(c.grootste_verschillen) + ".")
    if c.net_buiten:
        shown = ", ".join(c.net_buiten[:_SHOW_NAMES])
        more = f" en nog {len(c.net_buiten) - _SHOW_NAMES}" if len(c.net_buiten) > _SHOW_NAMES else ""
        parts.append(f"{len(c.net_buiten)} initiatieven uit 2023 liggen bij ons net buiten {c.km:g} km "
                     f"(tot {c.km + _BORDER_KM:g} km): {shown}{more}. Met een benaderde ligging kan zo'n initiatief "
                     "in werkelijkheid net binnen de straal liggen.")
    if c.benaderde_ligging:
        parts.append(f"{c.benaderde_ligging} van de getelde lokale initiatieven hebben alleen een benaderde ligging "
                     "(midden van de wijk of gemeente).")
    if c.eigen_indeling:
        parts.append(f"Bij {c.eigen_indeling} getelde initiatieven uit 2023 zijn de kenmerken onze eigen indeling "
                     "(algemene kennis).")
    parts.append("Het rapport telde ook initiatieven mee waar scholen binnen 10 km aan meedoen (voetnoot 9); dat zien "
                 "wij niet. Het rapport geeft geen kenmerken per initiatief, dus ook onze indeling kan afwijken. "
                 "Dit is een controle van onze gegevens, geen doel om naartoe te rekenen.")
    return " ".join(parts)


def _largest_differences(rows: list[VergelijkingRegel], n: int = 3) -> list[str]:
    diffs = [r for r in rows if r.dimensie not in ("totaal", "bereik") and r.rapport is not None
             and r.ons_inventarisatie_2023 != r.rapport]
    diffs.sort(key=lambda r: -abs(r.ons_inventarisatie_2023 - r.rapport))  # type: ignore[operator]
    return [f"{r.dimensie}={r.code} ({r.ons_inventarisatie_2023} bij ons, {r.rapport} in het rapport)"
            for r in diffs[:n]]


def campus_comparison(kb: KnowledgeBase, km: float = DEFAULT_KM) -> list[CampusVergelijking]:
    """For each campus: our counts within ``km`` next to the report's Tabel 2.2 and 4.1-4.6, explained.

    Only the curated knowledge base is counted (never the user's own catalogue).
    """
    out: list[CampusVergelijking] = []
    local70 = [i for i in kb.initiatieven.values() if i.inventarisatie_2023 and not is_landelijk_online(i)]
    for cid, campus in kb.campussen.items():
        place = _as_place(cid, kb)
        hits = counted_hits(kb, place, km)
        inis = [h.initiatief for h in hits]
        overal = [h.landelijk_online for h in hits]
        ours = count_dimensions(inis, overal)
        in70 = [(h.initiatief, h.landelijk_online) for h in hits if h.initiatief.inventarisatie_2023]
        ours70 = count_dimensions([i for i, _ in in70], [o for _, o in in70])
        figures = report_figures(campus.cijfers)
        rows: list[VergelijkingRegel] = []
        for dim in _REPORT_DIMS:
            codes = ("totaal",) if dim == "totaal" else DIMENSIONS[dim]
            for code in codes:
                ons = len(hits) if dim == "totaal" else ours[dim][code]
                ons70 = len(in70) if dim == "totaal" else ours70[dim][code]
                rap, bron = figures.get((dim, code), (None, None))
                rows.append(VergelijkingRegel(
                    dimensie=dim, code=code, label="totaal" if dim == "totaal" else label(dim, code),
                    ons=ons, ons_inventarisatie_2023=ons70, rapport=rap, bron=bron,
                    verschil=None if rap is None else ons - rap, verklaring=_row_reason(ons, ons70, rap),
                ))
        dist = {i.id: _km_to(place, i) for i in local70}
        near_edge = sorted((d, i.naam) for i in local70 if km < (d := dist[i.id]) <= km + _BORDER_KM)
        camp = CampusVergelijking(
            campus=cid, naam=campus.naam, afkorting=campus.afkorting, km=km, regels=rows,
            buiten_inventarisatie=len(hits) - len(in70),
            benaderde_ligging=sum(1 for i, o in zip(inis, overal, strict=True) if not o and i.locatie.precisie != "adres"),
            rand_van_straal=sum(1 for d in dist.values() if abs(d - km) <= _BORDER_KM),
            eigen_indeling=sum(1 for i, _ in in70 if i.classificatie == "algemene_kennis"),
            net_buiten=[f"{naam} ({d:.1f} km)" for d, naam in near_edge],
            grootste_verschillen=_largest_differences(rows),
            toelichting="",
        )
        out.append(camp.model_copy(update={"toelichting": _campus_summary(camp)}))
    return out


def _km_to(place: Place, ini: Initiatief) -> float:
    return haversine_km(place.lat, place.lon, ini.locatie.lat, ini.locatie.lon)  # type: ignore[arg-type]


def comparison_markdown(rows: list[CampusVergelijking]) -> str:
    """The comparison as Markdown tables: totals per campus, then every figure as 'ons / rapport'."""
    lines = ["| Campus | Rapport (Tabel 2.2) | Ons, van de 70 uit 2023 | Ons, hele catalogus | Verschil (70) |",
             "|---|---:|---:|---:|---:|"]
    for c in rows:
        t = next(r for r in c.regels if r.dimensie == "totaal")
        diff = "" if t.rapport is None else f"{t.ons_inventarisatie_2023 - t.rapport:+d}"
        lines.append(f"| {c.afkorting} ({c.naam}) | {'-' if t.rapport is None else t.rapport} | "
                     f"{t.ons_inventarisatie_2023} | {t.ons} | {diff} |")
    lines += ["", "Per kenmerk: *ons (van de 70 uit 2023) / rapport*; de bron staat achter het kenmerk.", "",
              "| Kenmerk | Bron | " + " | ".join(c.afkorting for c in rows) + " |",
              "|---|---|" + "---:|" * len(rows)]
    for i, r in enumerate(rows[0].regels if rows else []):
        cells = []
        for c in rows:
            cr = c.regels[i]
            cells.append(f"{cr.ons_inventarisatie_2023} / {'-' if cr.rapport is None else cr.rapport}")
        bron = (r.bron or "").replace("seor2023_promotie#", "")
        lines.append(f"| {r.dimensie}={r.code} | {bron} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"

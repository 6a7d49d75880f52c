"""The campus check: our counts of initiatives around each of the 8 campuses next to report 003.

Report 003 (seor2023_promotie) counts, per campus, the initiatives within 10 km or landelijk/online
(Tabel 2.2 and 4.1-4.6). This module counts the curated knowledge base by the same rule and explains
every difference. It is an audit of the knowledge, not a tool for the decaan: the user's own
catalogue is never counted here.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from knowledge import vocab
from knowledge.geo import Place, haversine_km, resolve_place
from knowledge.i18n import label as i18n_label
from knowledge.inventory import count_dimensions
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief

DEFAULT_KM = 10.0
DIMENSIONS = vocab.DIMENSIONS


def label(dimension: str, code: str) -> str:
    return i18n_label(vocab.DIMENSIES[dimension].label_kind, code, "nl")


def counted(kb: KnowledgeBase, place: Place, km: float) -> list[tuple[Initiatief, bool]]:
    """The curated initiatives that count for ``place`` (within ``km`` or landelijk/online), with that flag."""
    out = []
    for ini in kb.initiatieven.values():
        if ini.landelijk_online:
            out.append((ini, True))
        elif _km_to(place, ini) <= km:
            out.append((ini, False))
    return out


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
        parts.append(
            f"Van de 70 uit 2023 tellen wij er hier {-d} minder: het rapport telde ook initiatieven "
            "die via deelnemende scholen bereik binnen 10 km hebben, of wij liggen net buiten de straal "
            "door een benaderde ligging, of wij deelden het initiatief anders in."
        )
    elif d > 0:
        parts.append(
            f"Van de 70 uit 2023 tellen wij er hier {d} meer: door een benaderde ligging valt een "
            "initiatief bij ons binnen de straal, of wij deelden het initiatief anders in."
        )
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
        parts.append(
            f"Rond {c.afkorting} tellen wij van de 70 uit 2023 er {total.ons_inventarisatie_2023}, "
            f"het rapport {total.rapport}."
        )
    if c.buiten_inventarisatie:
        parts.append(
            f"Daarnaast tellen wij {c.buiten_inventarisatie} initiatieven die niet in de inventarisatie van "
            "2023 stonden (onze catalogus is groter)."
        )
    if c.grootste_verschillen:
        parts.append("De grootste verschillen: " + ", ".join(c.grootste_verschillen) + ".")
    if c.net_buiten:
        shown = ", ".join(c.net_buiten[:_SHOW_NAMES])
        more = f" en nog {len(c.net_buiten) - _SHOW_NAMES}" if len(c.net_buiten) > _SHOW_NAMES else ""
        parts.append(
            f"{len(c.net_buiten)} initiatieven uit 2023 liggen bij ons net buiten {c.km:g} km "
            f"(tot {c.km + _BORDER_KM:g} km): {shown}{more}. Met een benaderde ligging kan zo'n initiatief "
            "in werkelijkheid net binnen de straal liggen."
        )
    if c.benaderde_ligging:
        parts.append(
            f"{c.benaderde_ligging} van de getelde lokale initiatieven hebben alleen een benaderde ligging "
            "(midden van de wijk of gemeente)."
        )
    if c.eigen_indeling:
        parts.append(
            f"Bij {c.eigen_indeling} getelde initiatieven uit 2023 zijn de kenmerken onze eigen indeling "
            "(algemene kennis)."
        )
    parts.append(
        "Het rapport telde ook initiatieven mee waar scholen binnen 10 km aan meedoen (voetnoot 9); dat zien "
        "wij niet. Het rapport geeft geen kenmerken per initiatief, dus ook onze indeling kan afwijken. "
        "Dit is een controle van onze gegevens, geen doel om naartoe te rekenen."
    )
    return " ".join(parts)


def _largest_differences(rows: list[VergelijkingRegel], n: int = 3) -> list[str]:
    diffs = [
        r
        for r in rows
        if r.dimensie not in ("totaal", "bereik") and r.rapport is not None and r.ons_inventarisatie_2023 != r.rapport
    ]
    diffs.sort(key=lambda r: -abs(r.ons_inventarisatie_2023 - r.rapport))  # type: ignore[operator]
    return [
        f"{r.dimensie}={r.code} ({r.ons_inventarisatie_2023} bij ons, {r.rapport} in het rapport)" for r in diffs[:n]
    ]


def campus_comparison(kb: KnowledgeBase, km: float = DEFAULT_KM) -> list[CampusVergelijking]:
    """For each campus: our counts within ``km`` next to the report's Tabel 2.2 and 4.1-4.6, explained.

    Only the curated knowledge base is counted (never the user's own catalogue).
    """
    out: list[CampusVergelijking] = []
    local70 = [i for i in kb.initiatieven.values() if i.inventarisatie_2023 and not i.landelijk_online]
    for cid, campus in kb.campussen.items():
        place = resolve_place(kb, cid)
        hits = counted(kb, place, km)
        inis = [ini for ini, _ in hits]
        overal = [o for _, o in hits]
        ours = count_dimensions(inis, overal)
        in70 = [(ini, o) for ini, o in hits if ini.inventarisatie_2023]
        ours70 = count_dimensions([i for i, _ in in70], [o for _, o in in70])
        figures = report_figures(campus.cijfers)
        rows: list[VergelijkingRegel] = []
        for dim in _REPORT_DIMS:
            codes = ("totaal",) if dim == "totaal" else DIMENSIONS[dim]
            for code in codes:
                ons = len(hits) if dim == "totaal" else ours[dim][code]
                ons70 = len(in70) if dim == "totaal" else ours70[dim][code]
                rap, bron = figures.get((dim, code), (None, None))
                rows.append(
                    VergelijkingRegel(
                        dimensie=dim,
                        code=code,
                        label="totaal" if dim == "totaal" else label(dim, code),
                        ons=ons,
                        ons_inventarisatie_2023=ons70,
                        rapport=rap,
                        bron=bron,
                        verschil=None if rap is None else ons - rap,
                        verklaring=_row_reason(ons, ons70, rap),
                    )
                )
        dist = {i.id: _km_to(place, i) for i in local70}
        near_edge = sorted((d, i.naam) for i in local70 if km < (d := dist[i.id]) <= km + _BORDER_KM)
        camp = CampusVergelijking(
            campus=cid,
            naam=campus.naam,
            afkorting=campus.afkorting,
            km=km,
            regels=rows,
            buiten_inventarisatie=len(hits) - len(in70),
            benaderde_ligging=sum(
                1 for i, o in zip(inis, overal, strict=True) if not o and i.locatie.precisie != "adres"
            ),
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
    lines = [
        "| Campus | Rapport (Tabel 2.2) | Ons, van de 70 uit 2023 | Ons, hele catalogus | Verschil (70) |",
        "|---|---:|---:|---:|---:|",
    ]
    for c in rows:
        t = next(r for r in c.regels if r.dimensie == "totaal")
        diff = "" if t.rapport is None else f"{t.ons_inventarisatie_2023 - t.rapport:+d}"
        lines.append(
            f"| {c.afkorting} ({c.naam}) | {'-' if t.rapport is None else t.rapport} | "
            f"{t.ons_inventarisatie_2023} | {t.ons} | {diff} |"
        )
    lines += [
        "",
        "Per kenmerk: *ons (van de 70 uit 2023) / rapport*; de bron staat achter het kenmerk.",
        "",
        "| Kenmerk | Bron | " + " | ".join(c.afkorting for c in rows) + " |",
        "|---|---|" + "---:|" * len(rows),
    ]
    for i, r in enumerate(rows[0].regels if rows else []):
        cells = []
        for c in rows:
            cr = c.regels[i]
            cells.append(f"{cr.ons_inventarisatie_2023} / {'-' if cr.rapport is None else cr.rapport}")
        bron = (r.bron or "").replace("seor2023_promotie#", "")
        lines.append(f"| {r.dimensie}={r.code} | {bron} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"

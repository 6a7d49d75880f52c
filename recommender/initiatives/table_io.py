"""Export search results to CSV/Excel and import a decaan's own list of initiatives.

Export: every attribute of the initiative, ``afstand_km`` and the sources as readable citations.
Lists (schooltypen, doelgroepen, ...) are joined with ``"; "``.

Import (CSV with ``,`` ``;`` or tab, or ``.xlsx``): the header is row 1; each column is mapped by
name (Dutch, English and common variants, see :data:`COLUMN_NAMES`); cells with several values may
use ``,`` ``;`` or ``|``; labels are mapped to codes case-insensitively ("Vmbo", "Ouders",
"IT/ICT"). Every row is validated with :class:`knowledge.schema.Initiatief`; a bad row is reported
with its row number as Excel shows it (header = row 1) and all its reasons; the good rows go into
the user catalogue (``$LOB_HOME/catalogus.yaml``), never into ``knowledge/data``.

Defaults, only when a column is *absent* from the file (an empty cell in a present column is an
error): ``doelgroepen`` = leerlingen, ``branches`` = techniek_breed. Also for an empty cell:
``lokaal_soort`` = overig; ``bereik`` = lokaal when the row has a location, else landelijk;
``omschrijving`` = empty; ``organisator`` = "onbekend". Columns that must be present: naam,
schooltypen, activiteiten, praktijkgerichtheid (a file without one of them is refused as a whole).

A location comes from lat/lon, else from postcode, wijk or gemeente/plaats (via
:func:`knowledge.geo.resolve_place`; precisie wijk for a postcode or wijk, gemeente for a
gemeente), else from a PC4 inside the address. A lokaal row without any location is bad.

Imported records get ``classificatie: algemene_kennis`` (not from a report) and the pseudo-source
``eigen_import#<bestand> <datum>``. Their id is ``eigen-<naam als slug>`` (``-2``, ``-3`` for
repeated names); re-importing the same list updates those records.
"""
from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import pandas as pd
from pydantic import BaseModel, ValidationError

from knowledge.geo import UnknownPlace, normalise, resolve_place
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from knowledge.sources import source_label
from recommender.initiatives.catalogue import (
    EIGEN_IMPORT,
    allowed_sources,
    load_user_catalogue,

    source_problems,
    user_catalogue_path,
)
from recommender.initiatives.codes import to_code
from recommender.initiatives.search import InitiativeHit

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
LIST_SEP = re.compile(r"[,;|]")

# field -> accepted column names (compared after knowledge.geo.normalise)
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "naam": ("naam", "name", "initiatief", "initiatieven", "naam initiatief", "initiative", "titel", "title"),
    "onderdeel_van": ("onderdeel van", "part of", "programma"),
    "omschrijving": ("omschrijving", "beschrijving", "description", "toelichting", "inhoud"),
    "organisator": ("organisator", "organisatie", "organisation", "organization", "organiser", "organizer",
                    "aanbieder", "provider"),
    "website": ("website", "url", "link", "site", "webpagina", "webadres"),
    "bereik": ("bereik", "landelijk", "landelijk lokaal", "landelijk online", "geografische gerichtheid",
               "reach", "scope"),
    "lokaal_soort": ("lokaal soort", "soort lokaal", "type lokaal"),
    "online": ("online",),
    "schooltypen": ("schooltype", "schooltypen", "school type", "school types", "onderwijstype", "schoolsoort"),
    "doelgroepen": ("doelgroep", "doelgroepen", "target group", "target groups", "audience"),
    "activiteiten": ("activiteit", "activiteiten", "activity", "activities", "soort activiteit", "type activiteit"),
    "branches": ("branche", "branches", "sector", "sectoren", "sectors"),
    "praktijkgerichtheid": ("praktijk", "praktijkgerichtheid", "praktijkgericht", "mate van praktijk",
                            "praktijkervaring", "practice", "hands on"),
    "locatie_naam": ("locatie", "locatie naam", "locatienaam", "location", "location name"),
    "adres": ("adres", "address", "straat", "street"),
    "postcode": ("postcode", "pc", "pc4", "zip", "postal code"),
    "gemeente": ("gemeente", "plaats", "stad", "woonplaats", "city", "municipality", "town"),
    "wijk": ("wijk", "buurt", "district", "neighbourhood", "neighborhood"),
    "lat": ("lat", "latitude", "breedtegraad"),
    "lon": ("lon", "lng", "long", "longitude", "lengtegraad"),
    "precisie": ("precisie", "precision"),
}
# columns of our own export that are not imported (computed or curated-only)
IGNORED_COLUMNS = ("id", "afstand km", "landelijk online", "bronnen", "bron ids", "score", "classificatie",
                   "inventarisatie 2023")
REQUIRED = ("naam", "schooltypen", "activiteiten", "praktijkgerichtheid")
DEFAULTS_WHEN_ABSENT: dict[str, Any] = {
    "doelgroepen": ["leerlingen"], "branches": ["techniek_breed"], "omschrijving": "", "organisator": "onbekend",
}
_LIST_FIELDS = {"schooltypen": "schooltype", "doelgroepen": "doelgroep", "activiteiten": "activiteit",
                "branches": "branche"}
_LOOKUP = {normalise(name): fld for fld, names in COLUMN_NAMES.items() for name in names}
# how precise a location is that we only know through resolve_place
_PRECISIE_OF_PLACE = {"postcode": "wijk", "wijk": "wijk", "gebied": "wijk", "gemeente": "gemeente",
                      "campus": "adres", "school": "adres"}
_PC4_IN_TEXT = re.compile(r"\b(\d{4})\s?[A-Za-z]{2}\b")


class ImportFout(ValueError):
    """The file as a whole cannot be imported (not a table, empty, too big, no name column)."""


class RijFout(BaseModel):
    rij: int
    naam: str | None
    redenen: list[str]


class ImportResultaat(BaseModel):
    bestand: str
    geimporteerd: int
    ids: list[str]
    fouten: list[RijFout]
    kolommen: dict[str, str]
    genegeerde_kolommen: list[str]
    standaardwaarden: dict[str, Any]
    catalogus: str | None
    totaal_in_catalogus: int


# --- export ----------------------------------------------------------------------------
def hit_row(hit: InitiativeHit, kb: KnowledgeBase | None) -> dict[str, Any]:
    """One flat export row: all attributes, distance and sources."""
    ini = hit.initiatief
    loc = ini.locatie
    return {
        "id": ini.id, "naam": ini.naam, "onderdeel_van": ini.onderdeel_van or "", "omschrijving": ini.omschrijving,
        "organisator": ini.organisator, "website": ini.website or "", "bereik": ini.bereik,
        "lokaal_soort": ini.lokaal_soort or "", "online": "ja" if ini.online else "nee",
        "schooltypen": "; ".join(ini.schooltypen), "doelgroepen": "; ".join(ini.doelgroepen),
        "activiteiten": "; ".join(ini.activiteiten), "praktijkgerichtheid": ini.praktijkgerichtheid,
        "branches": "; ".join(ini.branches), "locatie": loc.naam or "", "adres": loc.adres or "",
        "wijk": loc.wijk or "", "gemeente": loc.gemeente or "", "lat": loc.lat, "lon": loc.lon,
        "precisie": loc.precisie, "afstand_km": hit.afstand_km, "landelijk_online": hit.landelijk_online,
        "inventarisatie_2023": ini.inventarisatie_2023, "classificatie": ini.classificatie,
        "bronnen": " | ".join(source_label(kb, r, "nl", "full") for r in ini.bronnen),
        "bron_ids": "; ".join(f"{r.bron}#{r.sectie}" if r.sectie else r.bron for r in ini.bronnen),
    }


def hits_frame(hits: Sequence[InitiativeHit], kb: KnowledgeBase | None) -> pd.DataFrame:
    rows = [hit_row(h, kb) for h in hits]
    columns = list(hit_row(hits[0], kb)) if hits else list(_empty_columns())
    return pd.DataFrame(rows, columns=columns)


def _empty_columns() -> list[str]:
    return ["id", "naam", "onderdeel_van", "omschrijving", "organisator", "website", "bereik", "lokaal_soort",
            "online", "schooltypen", "doelgroepen", "activiteiten", "praktijkgerichtheid", "branches", "locatie",
            "adres", "wijk", "gemeente", "lat", "lon", "precisie", "afstand_km", "landelijk_online",
            "inventarisatie_2023", "classificatie", "bronnen", "bron_ids"]


def export_csv(hits: Sequence[InitiativeHit], kb: KnowledgeBase | None, target: Path | TextIO) -> None:
    """Write the hits as CSV (comma separated, UTF-8; a file gets a BOM so Excel reads accents)."""
    frame = hits_frame(hits, kb)
    if isinstance(target, Path):
        frame.to_csv(target, index=False, encoding="utf-8-sig")
    else:
        frame.to_csv(target, index=False)


def export_xlsx(hits: Sequence[InitiativeHit], kb: KnowledgeBase | None, path: Path) -> None:
    """Write the hits to an Excel workbook (sheet 'initiatieven')."""
    hits_frame(hits, kb).to_excel(path, index=False, sheet_name="initiatieven", engine="openpyxl")


# --- reading a table ------------------------------------------------------------------
def read_table(path: Path) -> pd.DataFrame:
    """Read CSV/TSV (separator detected) or .xlsx into a frame of strings; ImportFout when it is not a table."""
    name = path.name
    if not path.is_file():
        raise ImportFout(f"{name}: bestand niet gevonden")
    size = path.stat().st_size
    if size == 0:
        raise ImportFout(f"{name} is leeg")
    if size > MAX_BYTES:
        raise ImportFout(f"{name} is te groot ({size / 1024 / 1024:.1f} MB); het maximum is {MAX_BYTES // 1024 // 1024} MB")
    with path.open("rb") as fh:
        head = fh.read(8192)
    suffix = path.suffix.lower()
    if suffix == ".xls" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFout(f"{name} is een oud Excel-bestand (.xls); sla het op als .xlsx of .csv")
    if head.startswith(b"%PDF"):
        raise ImportFout(f"{name} is een PDF, geen tabel; gebruik een .csv- of .xlsx-bestand")
    is_xlsx = suffix in (".xlsx", ".xlsm") or head.startswith(b"PK")
    frame = _read_xlsx(path) if is_xlsx else _read_csv(path, head)
    if frame.shape[1] == 0:
        raise ImportFout(f"{name} bevat geen kolommen")
    if len(frame) == 0:
        raise ImportFout(f"{name} bevat alleen een kopregel en geen rijen")
    if len(frame) > MAX_ROWS:
        raise ImportFout(f"{name} heeft {len(frame)} rijen; het maximum is {MAX_ROWS}")
    return frame


def _read_xlsx(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_excel(path, sheet_name=0, dtype=str, engine="openpyxl", keep_default_na=False)
    except Exception as exc:  # openpyxl/zipfile raise many kinds
        raise ImportFout(f"{path.name} is geen leesbaar Excel-bestand (.xlsx): {type(exc).__name__}") from exc
    return frame


def _decode(raw: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFout(f"{name} is geen tekstbestand met kolommen (onleesbare tekens)")


def detect_separator(sample: str) -> str:
    """``,`` ``;`` or tab: the one the csv sniffer picks, else the most frequent in the header line."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        header = sample.splitlines()[0] if sample else ""
        return max((",", ";", "\t"), key=header.count)


def _read_csv(path: Path, head: bytes) -> pd.DataFrame:
    name = path.name
    if b"\x00" in head:
        raise ImportFout(f"{name} is geen tabel maar een binair bestand; gebruik een .csv- of .xlsx-bestand")
    text = _decode(path.read_bytes(), name)
    if not text.strip():
        raise ImportFout(f"{name} is leeg")
    sep = detect_separator("\n".join(text.splitlines()[:20]))
    try:
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skip_blank_lines=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise ImportFout(f"{name} is geen geldige tabel: {str(exc).splitlines()[0]}") from exc


# --- mapping rows to initiatives -------------------------------------------------------
def map_columns(columns: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """``({kolom in bestand: veld}, [genegeerde kolommen])``; the first column wins for a field."""
    mapping: dict[str, str] = {}
    ignored: list[str] = []
    for col in columns:
        key = normalise(str(col))
        fld = _LOOKUP.get(key)
        if fld is None or fld in mapping.values():
            if not str(col).startswith("Unnamed:"):  # pandas' name for a column without header
                ignored.append(str(col))
        else:
            mapping[str(col)] = fld
    return mapping, ignored


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value).strip()
    return "" if text.lower() in ("nan", "none", "null") else text


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _slug(text: str) -> str:
    return normalise(text).replace(" ", "-")[:60].strip("-") or "initiatief"


class _Places:
    """resolve_place with a memory, for many rows in the same gemeente."""

    def __init__(self, kb: KnowledgeBase | None):
        self.kb = kb
        self.memo: dict[str, Any] = {}

    def find(self, text: str) -> Any:
        if self.kb is None:
            raise UnknownPlace("zonder kennisbank kan een plaats niet worden opgezocht")
        if text not in self.memo:
            try:
                self.memo[text] = resolve_place(self.kb, text)
            except UnknownPlace as exc:
                self.memo[text] = exc
        found = self.memo[text]
        if isinstance(found, UnknownPlace):
            raise found
        return found


def _location(cells: dict[str, str], places: _Places, errors: list[str]) -> dict[str, Any] | None:
    """The raw ``locatie`` of a row (with lat/lon when it can be placed), or None after an error."""
    loc: dict[str, Any] = {k: cells[f] for k, f in (("naam", "locatie_naam"), ("adres", "adres"),
                                                    ("gemeente", "gemeente"), ("wijk", "wijk")) if cells.get(f)}
    if cells.get("lat") or cells.get("lon"):
        try:
            loc["lat"], loc["lon"] = _number(cells.get("lat", "")), _number(cells.get("lon", ""))
        except ValueError:
            errors.append("lat en lon moeten allebei een getal zijn (bijvoorbeeld 51.92 en 4.48)")
            return None
        loc["precisie"] = cells.get("precisie") or "adres"
        return loc
    if normalise(cells.get("precisie", "")) == "landelijk":
        return loc | {"precisie": "landelijk"}  # a national record keeps its place names, without coordinates
    pc_match = _PC4_IN_TEXT.search(cells.get("adres", ""))
    for key in ("postcode", "wijk", "gemeente"):
        if cells.get(key):
            try:
                place = places.find(cells[key])
            except UnknownPlace as exc:
                errors.append(f"{key} '{cells[key]}': {exc}")
                return None
            loc.update(lat=place.lat, lon=place.lon, precisie=_PRECISIE_OF_PLACE.get(place.soort, "gemeente"))
            return loc
    if pc_match:
        try:
            place = places.find(pc_match.group(1))
        except UnknownPlace as exc:
            errors.append(f"postcode in adres: {exc}")
            return None
        loc.update(lat=place.lat, lon=place.lon, precisie="wijk")
    return loc  # without coordinates when nothing could be placed


def row_to_record(cells: dict[str, str], present: set[str], places: _Places, source: str) -> tuple[dict, list[str]]:
    """Raw record for :class:`Initiatief` from one row's cells (by field), plus the reasons it is bad."""
    errors: list[str] = []
    rec: dict[str, Any] = {"naam": cells.get("naam", "")}
    if not rec["naam"]:
        errors.append("naam is leeg")
    for fld in ("onderdeel_van", "website"):
        if cells.get(fld):
            rec[fld] = cells[fld]
    for fld in ("omschrijving", "organisator"):  # optional text: default when absent or empty
        rec[fld] = cells.get(fld) or DEFAULTS_WHEN_ABSENT[fld]
    for fld, dim in _LIST_FIELDS.items():
        if fld not in present:
            rec[fld] = list(DEFAULTS_WHEN_ABSENT[fld])
            continue
        parts = [p.strip() for p in LIST_SEP.split(cells.get(fld, "")) if p.strip()]
        if not parts:
            errors.append(f"{fld} is leeg")
        codes: list[str] = []
        for part in parts:
            try:
                code = to_code(dim, part)
            except ValueError as exc:
                errors.append(str(exc))
                continue
            if code not in codes:
                codes.append(code)
        rec[fld] = codes
    if cells.get("praktijkgerichtheid"):
        try:
            rec["praktijkgerichtheid"] = to_code("praktijk", cells["praktijkgerichtheid"])
        except ValueError as exc:
            errors.append(str(exc))
    else:
        errors.append("praktijkgerichtheid is leeg")
    online = cells.get("online", "").lower() in ("ja", "yes", "true", "1", "waar", "x")
    bereik_text = cells.get("bereik", "")
    if normalise(bereik_text) == "online":
        online = True
    loc = _location(cells, places, errors)
    if bereik_text:
        try:
            rec["bereik"] = to_code("bereik", bereik_text)
        except ValueError as exc:
            errors.append(str(exc))
    else:
        rec["bereik"] = "lokaal" if loc and "lat" in loc else "landelijk"
    rec["online"] = online
    if rec.get("bereik") == "lokaal":
        soort = cells.get("lokaal_soort")
        try:
            rec["lokaal_soort"] = to_code("lokaal_soort", soort) if soort else "overig"
        except ValueError as exc:
            errors.append(str(exc))
        if loc is not None and "lat" not in loc:
            errors.append("geen ligging: geef lat en lon, een postcode, wijk of gemeente (of kies bereik landelijk)")
    if loc is not None:
        if rec.get("bereik") == "landelijk" and "lat" not in loc:
            loc["precisie"] = "landelijk"
        rec["locatie"] = loc
    rec.update(classificatie="algemene_kennis", bronnen=[source])
    return rec, errors


def _schema_reasons(exc: ValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        out.append(f"{where}: {err['msg'].removeprefix('Value error, ')}" if where else err["msg"])
    return out


def parse_frame(
    frame: pd.DataFrame, kb: KnowledgeBase | None, file_name: str, today: date | None = None,
) -> tuple[list[Initiatief], list[RijFout], dict[str, str], list[str], dict[str, Any]]:
    """Validate every row; return (good records, bad rows, column mapping, ignored columns, defaults used)."""
    mapping, ignored = map_columns(list(frame.columns))
    present = set(mapping.values())
    if "naam" not in present:
        raise ImportFout(
            f"{file_name}: geen kolom met de naam van het initiatief (naam, name of initiatief). "
            f"Gevonden kolommen: {', '.join(map(str, frame.columns))}"
        )
    missing = [f for f in REQUIRED if f not in present]
    if missing:
        raise ImportFout(f"{file_name}: de kolom(men) {', '.join(missing)} ontbreken; die zijn nodig voor elke rij")
    defaults = {f: v for f, v in DEFAULTS_WHEN_ABSENT.items() if f not in present}
    defaults["bereik"] = "lokaal als de rij een ligging heeft, anders landelijk (als de cel leeg is of de kolom ontbreekt)"
    source = f"{EIGEN_IMPORT}#{file_name} {(today or date.today()).isoformat()}"
    allowed = allowed_sources(kb)
    places = _Places(kb)
    good: list[Initiatief] = []
    bad: list[RijFout] = []
    used_ids: dict[str, int] = {}
    by_field = [(col, fld) for col, fld in mapping.items()]
    for pos, values in enumerate(frame.itertuples(index=False, name=None)):
        row_no = pos + 2  # header is row 1 in Excel
        raw = dict(zip(frame.columns, values, strict=True))
        cells = {fld: _cell(raw[col]) for col, fld in by_field}
        if not any(cells.values()):
            continue  # blank line: skipped, not an error
        rec, errors = row_to_record(cells, present, places, source)
        base = f"eigen-{_slug(rec['naam'])}"
        used_ids[base] = used_ids.get(base, 0) + 1
        rec["id"] = base if used_ids[base] == 1 else f"{base}-{used_ids[base]}"
        ini: Initiatief | None = None
        if not errors:
            try:
                ini = Initiatief.model_validate(rec)
                errors += source_problems(ini, allowed)
            except ValidationError as exc:
                errors += _schema_reasons(exc)
        if errors or ini is None:
            bad.append(RijFout(rij=row_no, naam=rec["naam"] or None, redenen=errors))
        else:
            good.append(ini)
    return good, bad, mapping, ignored, defaults


def import_file(
    path: Path | str, kb: KnowledgeBase | None, *, replace: bool = False, dry_run: bool = False,
    catalogue: Path | None = None, today: date | None = None,
) -> ImportResultaat:
    """Import a CSV/XLSX list into the user catalogue (merged by id; ``replace`` starts afresh).

    ``dry_run`` only validates. Raises :class:`ImportFout` when the file as a whole is unusable.
    """
    path = Path(path)
    frame = read_table(path)
    good, bad, mapping, ignored, defaults = parse_frame(frame, kb, path.name, today)
    target = catalogue or user_catalogue_path()
    total = 0
    if not dry_run:
        existing = [] if replace else load_user_catalogue(kb, target)
        merged = {r.id: r for r in existing}
        merged.update({r.id: r for r in good})
        if good or replace:
            save_user_catalogue(merged.values(), target)
        total = len(merged)
    return ImportResultaat(
        bestand=str(path), geimporteerd=0 if dry_run else len(good), ids=[r.id for r in good], fouten=bad,
        kolommen=mapping, genegeerde_kolommen=ignored, standaardwaarden=defaults,
        catalogus=None if dry_run else str(target), totaal_in_catalogus=total,
    )

"""A decaan's spreadsheet in (preview, mapping, rows to records) and readable, safe exports out.

Import, in three steps that the page and ``lob-kompas initiatives-import`` share:

1. :func:`read_upload` reads the file within limits (:mod:`.sheets`: size, zip bomb, macros, XXE,
   row cap) and finds the header row (title rows and blank rows above it are skipped);
2. :func:`make_preview` pairs columns with fields (:mod:`.mapping`: synonyms, similarity, cell
   contents; the decaan may change each pairing), applies the decaan's defaults ("for every row
   where it is empty"), turns every row into an :class:`~knowledge.schema.Initiatief` or a
   :class:`RijFout` (row number as Excel shows it, the column as the file names it, allowed values),
   and lists duplicates of earlier lists;
3. :func:`save_preview` stores the good rows as one named list (:mod:`.catalogue`), in one
   transaction; with duplicates the decaan's choice (``keep`` or ``update``) is required.

What a row may say: see :data:`recommender.initiatives.mapping.FIELDS`. Several values in a cell
are separated by ``,`` ``;`` ``|`` or ``/``; labels in any of our languages and common variants
are understood ("Vmbo", "meiden", "Bedrijfsbezoek"). "Voor wie" may mix doelgroepen and schooltypen
("leerlingen klas 3 vmbo en ouders"). A row without a kind of activity takes it from words in its
name ("Open dag ...", "Gastles ..."), else from the default. Dates: :mod:`.dates`. A place comes
from lat/lon, a postcode, wijk or gemeente, a PC4 in the address or the location's name; "online"
as location makes the row landelijk/online. Text with markup (``](``, ``<tag``, ``javascript:``)
is refused, so nothing from a sheet can make a page load an image or run a link; a website must be
an ``http(s)`` address.

Optional columns for the newer fields (all six languages' labels are understood; our export writes them, so a
round trip keeps them): "Interesses" (interest codes or labels, several per cell: what the activity is about for
the pupil's interests), "Via school" (ja/nee: a pupil joins through the school), "Open dag van school" (the
school, by name or code in scholen.yaml, whose open day the row is), "Alleen voor school" (only for pupils of that
school) and "Alleen in gebied" (wijk, kern or gemeente names or codes in gebieden.yaml). An empty cell keeps the
default; a value we do not know refuses the row with a message that names the column and the value.

Imported records get ``classificatie: algemene_kennis`` and the pseudo-source
``eigen_import#<file> <date>``.

Export (:func:`export_xlsx`, :func:`export_csv`): the columns a decaan uses, with labels in the
reader's language instead of codes; XLSX with a named sheet, column widths, a frozen header row
and a filter row, dates as real dates. Every text cell that a spreadsheet could take for a formula
(first character ``= + - @``, a tab or carriage return, also after leading spaces) is neutralised
as the OWASP CSV-injection guidance says: in CSV with a leading ``'``; in XLSX it is written as a
text cell with Excel's quote-prefix (never as a formula).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel, ValidationError

from knowledge import vocab
from knowledge.errors import validation_lines
from knowledge.geo import UnknownPlace, normalise, resolve_place
from knowledge.i18n import LANGUAGES, t
from knowledge.i18n.formats import format_list, format_number
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from knowledge.sources import source_labels
from recommender.initiatives.catalogue import (
    EIGEN_IMPORT,
    AddResult,
    CatalogueStore,
    Duplicate,
    OnDuplicate,
    allowed_sources,
    catalogue,
    local_user,
    source_problems,
)
from recommender.initiatives.codes import activity_from_text, label, match_key, parse_voor_wie, to_code
from recommender.initiatives.dates import DateProblem, month_name, month_numbers, parse_when
from recommender.initiatives.db import safe_url
from recommender.initiatives.mapping import (
    ColumnMatch,
    apply_choices,
    looks_like_header,
    suggest_mapping,
)
from recommender.initiatives.search import InitiativeHit
from recommender.initiatives.sheets import MAX_BYTES, MAX_ROWS, ImportFout, Sheet, detect_separator, read_sheet

__all__ = [
    "MAX_BYTES",
    "MAX_ROWS",
    "CelFout",
    "ImportFout",
    "ImportResultaat",
    "RijFout",
    "Voorbeeld",
    "default_fields",
    "detect_separator",
    "export_csv",
    "export_rows",
    "export_xlsx",
    "hits_frame",
    "import_file",
    "make_preview",
    "missing_fields",
    "neutralise",
    "read_upload",
    "save_preview",
    "template_xlsx",
]

LIST_SEP = re.compile(r"\s*[,;|/]\s*")
LIST_SEP_STRONG = re.compile(r"\s*[,;|]\s*")
MAX_NAME = 200
MAX_TEXT = 2000
# Defaults used when a column is absent or a cell empty, until the decaan chooses others.
INITIAL_DEFAULTS: dict[str, Any] = {"doelgroepen": ["leerlingen"], "branches": ["techniek_breed"]}
# Fields that may get a default ("for every row where it is empty").
DEFAULTABLE = ("activiteiten", "schooltypen", "doelgroepen", "branches", "praktijkgerichtheid", "gemeente")
_LIST_FIELDS = {
    "schooltypen": "schooltype",
    "doelgroepen": "doelgroep",
    "activiteiten": "activiteit",
    "branches": "branche",
    "interesses": "interesse",
}
_PRECISIE_OF_PLACE = {
    "postcode": "wijk",
    "wijk": "wijk",
    "gebied": "wijk",
    "gemeente": "gemeente",
    "campus": "adres",
    "school": "adres",
}
_PC4_ANY = re.compile(r"\b([1-9]\d{3})(?:\s?[A-Za-z]{2})?\b")
_URL = re.compile(r"^(https?://)?([\w-]+\.)+[a-z]{2,}(:\d+)?(/\S*)?$", re.I)
_MARKUP = re.compile(r"\]\(|<\s*/?\s*[a-z!]|javascript:|data:text", re.I)
_ONLINE_PLACES = frozenset(
    {
        "online",
        "digitaal",
        "teams",
        "zoom",
        "op afstand",
        "thuis",
        "landelijk",
        "landelijk online",
        "webinar",
        "virtueel",
        "remote",
    }
)


@cache
def _online_places() -> frozenset[str]:
    """What a location cell says for landelijk/online, including our own export's word in every language."""
    words = {match_key(w) for w in _ONLINE_PLACES} | {match_key(t("initiatives.national", lang)) for lang in LANGUAGES}
    return frozenset(w for w in words if w)


_TRUE = frozenset({"ja", "yes", "true", "1", "waar", "x", "j", "y"})
_FALSE = frozenset({"nee", "no", "false", "0", "onwaar", "n"})


# --- row errors --------------------------------------------------------------------------------
class CelFout(BaseModel):
    """One reason a row cannot be imported (``code``: ``initiatives.err.<code>`` in the translation catalogue)."""

    code: str
    veld: str
    kolom: str | None = None  # the column as the file names it (None: no column, e.g. a missing default)
    waarde: str | None = None
    toegestaan: list[str] = []  # codes of a vocabulary (shown as labels)
    dimensie: str | None = None
    detail: str | None = None

    def text(self, lang: str = "nl") -> str:
        where = self.kolom or t(f"initiatives.field.{self.veld}", lang)
        allowed = format_list([label(self.dimensie, c, lang) for c in self.toegestaan], lang) if self.dimensie else ""
        return t(
            f"initiatives.err.{self.code}",
            lang,
            kolom=where,
            waarde=self.waarde or "",
            toegestaan=allowed,
            detail=self.detail or "",
            max=MAX_NAME if self.veld in ("naam", "organisator") else MAX_TEXT,
        )


class RijFout(BaseModel):
    rij: int
    naam: str | None
    fouten: list[CelFout]

    @property
    def redenen(self) -> list[str]:
        """The reasons in Dutch (the command line)."""
        return [f.text("nl") for f in self.fouten]

    def text(self, lang: str) -> str:
        return "; ".join(f.text(lang) for f in self.fouten)


# --- reading and previewing --------------------------------------------------------------------
def read_upload(name: str, data: bytes) -> Sheet:
    """The sheet of an uploaded file (limits checked before work); :class:`ImportFout` when refused."""
    return read_sheet(Path(name).name, data, looks_like_header)


def default_fields(matches: Sequence[ColumnMatch]) -> dict[str, Any]:
    """The initial defaults for fields that have no column."""
    present = {m.field for m in matches if m.field}
    return {f: list(v) for f, v in INITIAL_DEFAULTS.items() if f not in present}


def missing_fields(matches: Sequence[ColumnMatch], defaults: dict[str, Any]) -> list[str]:
    """Fields every row needs that have neither a column nor a default (the decaan must choose)."""
    present = {m.field for m in matches if m.field}
    out = []
    if "schooltypen" not in present and "voor_wie" not in present and not defaults.get("schooltypen"):
        out.append("schooltypen")
    if "praktijkgerichtheid" not in present and not defaults.get("praktijkgerichtheid"):
        out.append("praktijkgerichtheid")
    return out


class Voorbeeld(BaseModel):
    """What the decaan sees before saving."""

    model_config = {"arbitrary_types_allowed": True}

    bestand: str
    blad: str | None
    kopregel: int
    overgeslagen_rijen: int
    n_rijen: int
    kolommen: list[dict[str, Any]]  # index, kop, veld, hoe
    standaardwaarden: dict[str, Any]
    ontbrekend: list[str]
    goed: list[Initiatief]
    rijen: list[int]  # the row number of each good record
    fouten: list[RijFout]
    dubbel: list[Duplicate]
    bron: str

    @property
    def mapping(self) -> dict[str, str]:
        return {c["kop"]: c["veld"] for c in self.kolommen if c["veld"]}


def make_preview(
    sheet: Sheet,
    kb: KnowledgeBase | None,
    *,
    choices: dict[str, str | None] | None = None,
    defaults: dict[str, Any] | None = None,
    today: dt.date | None = None,
    store: CatalogueStore | None = None,
    check_duplicates: bool = True,
) -> Voorbeeld:
    """Pair columns and fields, apply defaults, read every row, find duplicates (see the module doc).

    Raises :class:`ImportFout` when no column holds the names of the activities.
    """
    today = today or dt.date.today()
    matches = suggest_mapping(sheet.header, sheet.rows)
    if choices:
        matches = apply_choices(matches, choices)
    if not any(m.field == "naam" for m in matches):
        raise ImportFout(
            "no_name_column",
            f"{sheet.file_name}: geen kolom met de naam van de activiteit "
            f"(naam, activiteit of titel). Gevonden kolommen: {', '.join(sheet.header)}",
            file=sheet.file_name,
            columns=", ".join(sheet.header),
        )
    defaults = dict(default_fields(matches) if defaults is None else defaults)
    source = f"{EIGEN_IMPORT}#{sheet.file_name} {today.isoformat()}"
    reader = _RowReader(kb, matches, defaults, source, today)
    good: list[Initiatief] = []
    rows: list[int] = []
    bad: list[RijFout] = []
    for number, cells in sheet.rows:
        ini, errors, naam = reader.read(number, cells)
        if ini is None:
            bad.append(RijFout(rij=number, naam=naam or None, fouten=errors))
        else:
            good.append(ini)
            rows.append(number)
    dups = (store or catalogue()).duplicates(good, rows) if check_duplicates and good else []
    return Voorbeeld(
        bestand=sheet.file_name,
        blad=sheet.sheet_name,
        kopregel=sheet.header_row,
        overgeslagen_rijen=sheet.skipped_rows,
        n_rijen=len(sheet.rows),
        kolommen=[{"index": m.index, "kop": m.header, "veld": m.field, "hoe": m.how} for m in matches],
        standaardwaarden=defaults,
        ontbrekend=missing_fields(matches, defaults),
        goed=good,
        rijen=rows,
        fouten=bad,
        dubbel=dups,
        bron=source,
    )


def save_preview(
    preview: Voorbeeld,
    *,
    list_name: str | None = None,
    who: str | None = None,
    how: str = "cli",
    on_duplicate: OnDuplicate | None = None,
    store: CatalogueStore | None = None,
) -> AddResult:
    """Store the preview's good rows as one list (all or nothing); see :meth:`CatalogueStore.add_list`."""
    return (store or catalogue()).add_list(
        list_name or preview.bestand,
        preview.goed,
        who=who or local_user(),
        how=how,
        source_file=preview.bestand,
        rows=preview.rijen,
        on_duplicate=on_duplicate,
        column_mapping=preview.mapping,
    )


def split_values(raw: str, dimension: str) -> list[str]:
    """The values in one cell: split on ``,`` ``;`` ``|``; a part is split on ``/`` only when it is not a
    label as a whole ("IT/ICT", "ІТ/ІКТ" stay one value; "havo/vwo" become two)."""
    out: list[str] = []
    for part in LIST_SEP_STRONG.split(raw):
        part = part.strip()
        if not part:
            continue
        try:
            to_code(dimension, part)
            out.append(part)
        except ValueError:
            out += [p.strip() for p in part.split("/") if p.strip()]
    return out


def _cell_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\u00a0", " ").strip()
    return "" if text.lower() in ("nan", "none", "null") else text


def _number(text: str) -> float:
    return float(text.replace(",", "."))


class _RowReader:
    """Turns the cells of one row into an Initiatief (or the reasons it cannot)."""

    def __init__(
        self,
        kb: KnowledgeBase | None,
        matches: Sequence[ColumnMatch],
        defaults: dict[str, Any],
        source: str,
        today: dt.date,
    ):
        self.kb = kb
        self.by_field = {m.field: m for m in matches if m.field}
        self.defaults = defaults
        self.source = source
        self.today = today
        self.allowed = allowed_sources(kb)
        self.places: dict[str, Any] = {}

    # helpers -----------------------------------------------------------------------------------
    def _place(self, text: str) -> Any:
        if self.kb is None:
            raise UnknownPlace("zonder kennisbank kan een plaats niet worden opgezocht")
        if text not in self.places:
            try:
                self.places[text] = resolve_place(self.kb, text)
            except UnknownPlace as exc:
                self.places[text] = exc
        found = self.places[text]
        if isinstance(found, UnknownPlace):
            raise found
        return found

    def _err(self, errors: list[CelFout], code: str, fld: str, value: str | None = None, **extra: Any) -> None:
        col = self.by_field.get(fld)
        errors.append(CelFout(code=code, veld=fld, kolom=col.header if col else None, waarde=value, **extra))

    def _text(self, cells: dict[str, Any], fld: str, errors: list[CelFout], limit: int) -> str:
        text = _cell_text(cells.get(fld))
        if _MARKUP.search(text):
            self._err(errors, "opmaak", fld, text[:40])
            return ""
        if len(text) > limit:
            self._err(errors, "te_lang", fld)
            return text[:limit]
        return text

    def _codes(self, fld: str, raw: str, errors: list[CelFout]) -> list[str]:
        dim = _LIST_FIELDS[fld]
        codes: list[str] = []
        for part in split_values(raw, dim):
            try:
                code = to_code(dim, part)
            except ValueError:
                codes_dim = vocab.DIMENSIES[dim].codes if dim in vocab.DIMENSIES else vocab.INTERESSES
                self._err(errors, "ongeldig", fld, part, toegestaan=list(codes_dim), dimensie=dim)
                continue
            if code not in codes:
                codes.append(code)
        return codes

    # one row -----------------------------------------------------------------------------------
    def read(self, number: int, row: list[Any]) -> tuple[Initiatief | None, list[CelFout], str]:
        cells = {fld: row[m.index] if m.index < len(row) else None for fld, m in self.by_field.items()}
        errors: list[CelFout] = []
        rec: dict[str, Any] = {"id": f"eigen-rij-{number}"}
        naam = self._text(cells, "naam", errors, MAX_NAME)
        rec["naam"] = naam
        if not naam and not any(e.veld == "naam" for e in errors):
            self._err(errors, "leeg", "naam")
        rec["omschrijving"] = self._text(cells, "omschrijving", errors, MAX_TEXT)
        rec["organisator"] = self._text(cells, "organisator", errors, MAX_NAME) or "onbekend"
        if part_of := self._text(cells, "onderdeel_van", errors, MAX_NAME):
            rec["onderdeel_van"] = part_of
        website = _cell_text(cells.get("website"))
        if website:
            if _URL.match(website) and not _MARKUP.search(website):
                rec["website"] = website if re.match(r"^https?://", website, re.I) else f"https://{website}"
            else:
                self._err(errors, "website", "website", website[:60])
        self._dates(cells, rec, errors)
        self._who(cells, rec, errors)
        self._kind(cells, rec, errors)
        if not rec.get("branches"):
            raw = _cell_text(cells.get("branches"))
            rec["branches"] = self._codes("branches", raw, errors) if raw else list(self.defaults.get("branches") or [])
            if not rec["branches"] and not raw:
                self._err(errors, "leeg", "branches")
        raw = _cell_text(cells.get("praktijkgerichtheid"))
        if raw:
            try:
                rec["praktijkgerichtheid"] = to_code("praktijk", raw)
            except ValueError:
                self._err(
                    errors, "ongeldig", "praktijkgerichtheid", raw, toegestaan=list(vocab.PRAKTIJK), dimensie="praktijk"
                )
        elif self.defaults.get("praktijkgerichtheid"):
            rec["praktijkgerichtheid"] = self.defaults["praktijkgerichtheid"]
        else:
            self._err(errors, "leeg", "praktijkgerichtheid")
        self._where(cells, rec, errors)
        self._newer(cells, rec, errors)
        rec.update(classificatie="algemene_kennis", bronnen=[self.source])
        if errors:
            return None, errors, naam
        try:
            ini = Initiatief.model_validate(rec)
        except ValidationError as exc:  # the one error formatter (knowledge.errors) says what is wrong
            for where, message in validation_lines(exc):
                errors.append(
                    CelFout(
                        code="schema",
                        veld=where.split(".")[0] if where != "-" else "naam",
                        detail=(f"{where}: " if where != "-" else "") + message,
                    )
                )
            return None, errors, naam
        if problems := source_problems(ini, self.allowed):
            errors += [CelFout(code="schema", veld="naam", detail=p) for p in problems]
            return None, errors, naam
        return ini, [], naam

    def _newer(self, cells: dict[str, Any], rec: dict[str, Any], errors: list[CelFout]) -> None:
        """The optional newer fields: interesses (codes or labels), via_school (ja/nee), school and alleen_school
        (a school's code or name), gebied (area codes or names). Empty cells leave the schema's defaults."""
        if raw := _cell_text(cells.get("interesses")):
            rec["interesses"] = self._codes("interesses", raw, errors)
        if raw := _cell_text(cells.get("via_school")):
            key = match_key(raw)
            ja = {match_key(t("initiatives.ja", lang)) for lang in LANGUAGES} | _TRUE
            nee = {match_key(t("initiatives.nee", lang)) for lang in LANGUAGES} | _FALSE
            if key in ja:
                rec["via_school"] = True
            elif key in nee:
                rec["via_school"] = False
            else:
                self._err(errors, "ja_nee", "via_school", raw[:40])
        for fld in ("school", "alleen_school"):
            if raw := _cell_text(cells.get(fld)):
                if (code := self._school(raw)) is None:
                    self._err(errors, "school", fld, raw[:60])
                else:
                    rec[fld] = code
        if raw := _cell_text(cells.get("gebied")):
            gebieden = []
            for part in LIST_SEP_STRONG.split(raw):
                if not part.strip():
                    continue
                if (code := self._gebied(part)) is None:
                    self._err(errors, "gebied", "gebied", part.strip()[:60])
                elif code not in gebieden:
                    gebieden.append(code)
            rec["gebied"] = gebieden

    def _school(self, text: str) -> str | None:
        """A school by its code in scholen.yaml or its name (our export writes the name)."""
        if self.kb is None:
            return None
        if text in self.kb.scholen:
            return text
        key = match_key(text)
        return next((sid for sid, s in self.kb.scholen.items() if match_key(s.naam) == key), None)

    def _gebied(self, text: str) -> str | None:
        """An area by its code in gebieden.yaml or its name."""
        if self.kb is None:
            return None
        text = text.strip()
        if text in self.kb.gebieden:
            return text
        key = match_key(text)
        return next((gid for gid, g in self.kb.gebieden.items() if match_key(g.naam) == key), None)

    def _dates(self, cells: dict[str, Any], rec: dict[str, Any], errors: list[CelFout]) -> None:
        when = None
        raw = cells.get("datum")
        try:
            when = parse_when(raw, self.today)
        except DateProblem:
            self._err(errors, "datum", "datum", _cell_text(raw)[:40])
        if when is not None and not when.empty:
            rec.update(datum=when.datum, tot=when.tot, jaarlijks_maand=when.jaarlijks_maand)
        raw_end = cells.get("tot")
        if _cell_text(raw_end):
            try:
                end = parse_when(raw_end, self.today)
                rec["tot"] = end.tot or end.datum
            except DateProblem:
                self._err(errors, "datum", "tot", _cell_text(raw_end)[:40])
        yearly = _cell_text(cells.get("jaarlijks_maand"))
        if yearly:
            month = self._month(yearly, rec)
            if month is None:
                self._err(errors, "maand", "jaarlijks_maand", yearly[:40])
            else:
                rec.update(jaarlijks_maand=month, datum=None, tot=None)
        for key in ("datum", "tot", "jaarlijks_maand"):
            if rec.get(key) is None:
                rec.pop(key, None)

    @staticmethod
    def _month(text: str, rec: dict[str, Any]) -> int | None:
        key = match_key(text)
        if key.isdigit() and 1 <= int(key) <= 12:
            return int(key)
        if key in _TRUE and rec.get("datum") is not None:
            return int(rec["datum"].month)  # "jaarlijks: ja" with a date: every year in that month
        for word in key.split():
            if word in month_numbers():
                return month_numbers()[word]
        return None

    def _who(self, cells: dict[str, Any], rec: dict[str, Any], errors: list[CelFout]) -> None:
        doelgroepen: list[str] = []
        schooltypen: list[str] = []
        raw = self._text(cells, "voor_wie", errors, MAX_NAME)
        if raw:
            d, s, unknown = parse_voor_wie(raw)
            doelgroepen += d
            schooltypen += s
            for part in unknown:
                self._err(
                    errors,
                    "ongeldig",
                    "voor_wie",
                    part,
                    toegestaan=list(vocab.DOELGROEPEN) + list(vocab.SCHOOLTYPEN_INITIATIEF),
                    dimensie="voor_wie",
                )
        for fld, target in (("doelgroepen", doelgroepen), ("schooltypen", schooltypen)):
            text = _cell_text(cells.get(fld))
            if text:
                target += [c for c in self._codes(fld, text, errors) if c not in target]
            elif fld in self.by_field and not raw and not self.defaults.get(fld):
                self._err(errors, "leeg", fld)
            if not target:
                target += list(self.defaults.get(fld) or [])
        rec["doelgroepen"], rec["schooltypen"] = doelgroepen, schooltypen
        if not schooltypen and not any(e.veld in ("schooltypen", "voor_wie") for e in errors):
            self._err(errors, "geen_schooltype", "schooltypen")

    def _kind(self, cells: dict[str, Any], rec: dict[str, Any], errors: list[CelFout]) -> None:
        raw = _cell_text(cells.get("activiteiten"))
        if raw:
            rec["activiteiten"] = self._codes("activiteiten", raw, errors)
            return
        guessed = activity_from_text(rec.get("naam", "")) or activity_from_text(rec.get("omschrijving", ""))
        if guessed:
            rec["activiteiten"] = [guessed]
        elif self.defaults.get("activiteiten"):
            rec["activiteiten"] = list(self.defaults["activiteiten"])
        else:
            self._err(errors, "geen_soort", "activiteiten")

    def _where(self, cells: dict[str, Any], rec: dict[str, Any], errors: list[CelFout]) -> None:
        text = {
            f: self._text(cells, f, errors, MAX_NAME)
            for f in ("locatie_naam", "adres", "postcode", "gemeente", "wijk", "bereik", "lokaal_soort", "precisie")
        }
        loc: dict[str, Any] = {
            k: text[f]
            for k, f in (("naam", "locatie_naam"), ("adres", "adres"), ("gemeente", "gemeente"), ("wijk", "wijk"))
            if text[f]
        }
        online = _cell_text(cells.get("online")).lower() in _TRUE
        where_key = match_key(text["locatie_naam"])
        landelijk = (
            where_key in _online_places()
            or normalise(text["precisie"]) == "landelijk"
            or normalise(text["bereik"]) in ("landelijk", "online", "landelijk online", "nationaal", "national")
        )
        if normalise(text["bereik"]) == "online" or where_key in _online_places() - {"landelijk"}:
            online = True
        placed = False
        lat_text, lon_text = _cell_text(cells.get("lat")), _cell_text(cells.get("lon"))
        if lat_text or lon_text:
            try:
                loc["lat"], loc["lon"] = _number(lat_text), _number(lon_text)
                loc["precisie"] = text["precisie"] or "adres"
                placed = True
            except ValueError:
                self._err(errors, "latlon", "lat")
        elif not landelijk:
            placed = self._resolve(text, loc, errors)
        if text["bereik"]:
            try:
                rec["bereik"] = to_code("bereik", text["bereik"])
            except ValueError:
                self._err(
                    errors, "ongeldig", "bereik", text["bereik"], toegestaan=list(vocab.BEREIK), dimensie="bereik"
                )
        else:
            rec["bereik"] = "lokaal" if placed else "landelijk"
        rec["online"] = online
        if rec.get("bereik") == "lokaal":
            try:
                rec["lokaal_soort"] = (
                    to_code("lokaal_soort", text["lokaal_soort"]) if text["lokaal_soort"] else "overig"
                )
            except ValueError:
                self._err(
                    errors,
                    "ongeldig",
                    "lokaal_soort",
                    text["lokaal_soort"],
                    toegestaan=list(vocab.LOKAAL_SOORT),
                    dimensie="lokaal_soort",
                )
            if not placed and not any(e.code in ("plaats", "latlon") for e in errors):
                self._err(errors, "geen_ligging", "gemeente")
        if rec.get("bereik") == "landelijk" and not placed:
            loc["precisie"] = "landelijk"
            loc.pop("lat", None)
            loc.pop("lon", None)
        rec["locatie"] = loc

    def _found(self, query: str) -> Any | None:
        try:
            return self._place(query)
        except UnknownPlace:
            return None

    def _named_place(self, text: str) -> Any | None:
        """The most specific known place named inside free text ("Zadkine, Rotterdam", "Port of Rotterdam"):
        a PC4 first, then names of up to four words, longest first."""
        if (m := _PC4_ANY.search(text)) and (place := self._found(m.group(1))):
            return place
        words = normalise(text).split()
        for n in (4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i : i + n])
                if len(gram) >= 4 and (place := self._found(gram)):
                    return place
        return None

    def _resolve(self, text: dict[str, str], loc: dict[str, Any], errors: list[CelFout]) -> bool:
        """Place the row (see the module doc). A location that is named but not found is an error, never
        silently landelijk; a row that names no location at all stays without one."""
        for key in ("postcode", "wijk", "gemeente"):
            if text[key]:
                place = self._found(text[key])
                if place is None:
                    self._err(errors, "plaats", key, text[key])
                    return False
                loc.update(lat=place.lat, lon=place.lon, precisie=_PRECISIE_OF_PLACE.get(place.soort, "gemeente"))
                return True
        for key in ("adres", "locatie_naam"):
            if text[key] and (place := self._named_place(text[key])):
                loc.update(lat=place.lat, lon=place.lon, precisie=_PRECISIE_OF_PLACE.get(place.soort, "gemeente"))
                return True
        default = str(self.defaults.get("gemeente") or "")
        if default and (place := self._found(default)):
            loc.update(lat=place.lat, lon=place.lon, precisie=_PRECISIE_OF_PLACE.get(place.soort, "gemeente"))
            loc.setdefault("gemeente", default)
            return True
        named = next((k for k in ("locatie_naam", "adres") if text[k]), None)
        if named:
            self._err(errors, "plaats_tekst", named, text[named])
        return False


# --- the command line's one-step import -----------------------------------------------------------
class ImportResultaat(BaseModel):
    bestand: str
    lijst_id: int | None
    lijst_naam: str | None
    geimporteerd: int
    ids: list[str]
    fouten: list[RijFout]
    kolommen: dict[str, str]
    genegeerde_kolommen: list[str]
    standaardwaarden: dict[str, Any]
    kopregel: int
    dubbel: list[Duplicate]
    vervangen: list[str]
    catalogus: str | None
    totaal_in_catalogus: int


def import_file(
    path: Path | str,
    kb: KnowledgeBase | None,
    *,
    name: str | None = None,
    choices: dict[str, str | None] | None = None,
    defaults: dict[str, Any] | None = None,
    on_duplicate: OnDuplicate | None = None,
    dry_run: bool = False,
    who: str | None = None,
    how: str = "cli",
    today: dt.date | None = None,
    store: CatalogueStore | None = None,
) -> ImportResultaat:
    """Read, check and (unless ``dry_run``) store a CSV/XLSX list as one named list.

    ``defaults`` are added to the initial ones (doelgroep leerlingen, branche techniek breed).
    Raises :class:`ImportFout` when the file as a whole is unusable or fields lack a column and a
    default, :class:`~recommender.initiatives.catalogue.DuplicatesFound` when duplicates need a choice.
    """
    path = Path(path)
    if not path.is_file():
        raise ImportFout("not_found", f"{path.name}: bestand niet gevonden", file=path.name)
    size = path.stat().st_size
    if size > MAX_BYTES:  # before reading it into memory
        mb = round(size / 1024 / 1024, 1)
        raise ImportFout(
            "too_big",
            f"{path.name} is te groot ({mb} MB); het maximum is {MAX_BYTES // 1024 // 1024} MB",
            file=path.name,
            mb=mb,
            max_mb=MAX_BYTES // 1024 // 1024,
        )
    sheet = read_upload(path.name, path.read_bytes())
    store = store or catalogue()
    first = make_preview(sheet, kb, choices=choices, today=today, store=store, check_duplicates=False)
    merged = dict(first.standaardwaarden) | dict(defaults or {})
    preview = make_preview(sheet, kb, choices=choices, defaults=merged, today=today, store=store)
    if preview.ontbrekend:
        names = ", ".join(preview.ontbrekend)
        raise ImportFout(
            "missing_fields",
            f"{sheet.file_name}: geen kolom en geen standaard voor {names}; "
            f"geef een kolom aan (--kolom 'KOP=veld') of een standaard (--standaard veld=waarde)",
            file=sheet.file_name,
            fields=names,
        )
    result = None
    if not dry_run and preview.goed:
        result = save_preview(preview, list_name=name, who=who, how=how, on_duplicate=on_duplicate, store=store)
    return ImportResultaat(
        bestand=str(path),
        lijst_id=result.lijst.id if result else None,
        lijst_naam=result.lijst.naam if result else None,
        geimporteerd=len(result.ids) if result else 0,
        ids=result.ids if result else [m.id for m in preview.goed],
        fouten=preview.fouten,
        kolommen=preview.mapping,
        genegeerde_kolommen=[c["kop"] for c in preview.kolommen if not c["veld"]],
        standaardwaarden=preview.standaardwaarden,
        kopregel=preview.kopregel,
        dubbel=result.dubbel if result else preview.dubbel,
        vervangen=result.vervangen if result else [],
        catalogus=None if dry_run else safe_url(store.url),
        totaal_in_catalogus=0 if dry_run else len(store.records()),
    )


# --- export ----------------------------------------------------------------------------------------
# (column key, field label key, width in characters)
EXPORT_COLUMNS: tuple[tuple[str, int], ...] = (
    ("naam", 38),
    ("activiteiten", 22),
    ("voor_wie", 22),
    ("schooltypen", 22),
    ("branches", 20),
    ("praktijkgerichtheid", 20),
    ("locatie_naam", 26),
    ("adres", 30),
    ("gemeente", 16),
    ("afstand", 11),
    ("datum", 12),
    ("tot", 12),
    ("jaarlijks_maand", 12),
    ("organisator", 28),
    ("website", 34),
    ("omschrijving", 60),
    ("bron", 40),
    # the newer fields, optional on import (issue 13): a round trip keeps them
    ("interesses", 24),
    ("via_school", 10),
    ("school", 28),
    ("alleen_school", 28),
    ("gebied", 24),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value: Any) -> Any:
    """OWASP CSV injection: a text that a spreadsheet could read as a formula gets a leading ``'``.

    Formula starts: ``= + - @``, tab, carriage return, line feed; also after leading spaces (some
    programs strip them, as Excel strips a leading tab). Numbers and dates are left alone.
    """
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(_FORMULA_START) or value.lstrip(" \t\r\n").startswith(_FORMULA_START[:4]):
        return "'" + value
    return value


def export_header(lang: str) -> list[str]:
    return [
        t(f"initiatives.field.{key}", lang) if key not in ("afstand", "bron") else t(f"initiatives.col.{key}", lang)
        for key, _ in EXPORT_COLUMNS
    ]


def export_rows(hits: Sequence[InitiativeHit], kb: KnowledgeBase | None, lang: str = "nl") -> list[list[Any]]:
    """One row per hit, in :data:`EXPORT_COLUMNS` order: labels in ``lang``, dates as dates, km as a number."""
    national = t("initiatives.national", lang)
    months = {i: month_name(i, lang) for i in range(1, 13)}
    out = []
    for h in hits:
        ini = h.initiatief
        loc = ini.locatie
        out.append(
            [
                ini.naam,
                "; ".join(label("activiteit", c, lang) for c in ini.activiteiten),
                "; ".join(label("doelgroep", c, lang) for c in ini.doelgroepen),
                "; ".join(label("schooltype", c, lang) for c in ini.schooltypen),
                "; ".join(label("branche", c, lang) for c in ini.branches),
                label("praktijk", ini.praktijkgerichtheid, lang),
                national if h.landelijk_online else (loc.naam or ""),
                loc.adres or "",
                loc.gemeente or "",
                None if h.afstand_km is None else round(h.afstand_km, 1),
                ini.datum,
                ini.tot,
                months[ini.jaarlijks_maand] if ini.jaarlijks_maand else "",
                ini.organisator,
                ini.website or "",
                ini.omschrijving,
                "; ".join(source_labels(kb, ini.bronnen, lang, "full")),
                "; ".join(label("interesse", c, lang) for c in ini.interesses),
                "" if ini.via_school is None else t("initiatives.ja" if ini.via_school else "initiatives.nee", lang),
                _school_naam(kb, ini.school),
                _school_naam(kb, ini.alleen_school),
                "; ".join(kb.gebieden[g].naam if kb is not None and g in kb.gebieden else g for g in ini.gebied),
            ]
        )
    return out


def _school_naam(kb: KnowledgeBase | None, school: str | None) -> str:
    """A school's name for the export (the import reads it back); its code when the name is not known."""
    if not school:
        return ""
    return kb.scholen[school].naam if kb is not None and school in kb.scholen else school


def hits_frame(hits: Sequence[InitiativeHit], kb: KnowledgeBase | None, lang: str = "nl") -> Any:
    """The export as a pandas DataFrame (readable headers in ``lang``)."""
    import pandas as pd

    return pd.DataFrame(export_rows(hits, kb, lang), columns=export_header(lang))


def _csv_separator(lang: str) -> str:
    # Excel in a comma-decimal locale (nl, tr, pl, uk, ar here) expects ';' between columns
    return "," if lang == "en" else ";"


def export_csv(
    hits: Sequence[InitiativeHit], kb: KnowledgeBase | None, target: Path | IO[str], lang: str = "nl"
) -> None:
    """CSV for Excel: ``;``-separated (``,`` in English), UTF-8 with BOM for a file, cells neutralised."""

    def fmt(value: Any) -> Any:
        if isinstance(value, float):
            return format_number(value, lang)
        if isinstance(value, dt.date):
            return value.isoformat()
        return neutralise(value)

    def write(fh: IO[str]) -> None:
        writer = csv.writer(fh, delimiter=_csv_separator(lang), lineterminator="\r\n")
        writer.writerow(export_header(lang))
        for row in export_rows(hits, kb, lang):
            writer.writerow(["" if v is None else fmt(v) for v in row])

    if isinstance(target, Path):
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            write(fh)
    else:
        write(target)


def export_csv_bytes(hits: Sequence[InitiativeHit], kb: KnowledgeBase | None, lang: str = "nl") -> bytes:
    buffer = io.StringIO()
    export_csv(hits, kb, buffer, lang)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _text_cell(ws: Any, value: Any, style: Any = None) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=None)
    if isinstance(value, str):
        safe = neutralise(value)
        cell.value = value
        cell.data_type = "s"  # never "f": openpyxl would write text starting with '=' as a formula
        if safe is not value:
            cell.quotePrefix = True
    else:
        cell.value = value
    if style is not None:
        cell.font = style
    return cell


def export_xlsx(
    hits: Sequence[InitiativeHit], kb: KnowledgeBase | None, target: Path | IO[bytes], lang: str = "nl"
) -> None:
    """An Excel workbook: sheet named for the activities, widths, frozen header, filter row, safe cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    ws = book.create_sheet(title=t("initiatives.sheet_name", lang)[:31])
    for i, (_, width) in enumerate(EXPORT_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "B2"
    rows = export_rows(hits, kb, lang)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(EXPORT_COLUMNS))}{len(rows) + 1}"
    bold = Font(bold=True)
    ws.append([_text_cell(ws, h, bold) for h in export_header(lang)])
    date_cols = {i for i, (k, _) in enumerate(EXPORT_COLUMNS) if k in ("datum", "tot")}
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            cell = _text_cell(ws, value)
            if i in date_cols and value is not None:
                cell.number_format = "d-m-yyyy" if lang != "en" else "d mmm yyyy"
            cells.append(cell)
        ws.append(cells)
    book.save(target)


def export_xlsx_bytes(hits: Sequence[InitiativeHit], kb: KnowledgeBase | None, lang: str = "nl") -> bytes:
    buffer = io.BytesIO()
    export_xlsx(hits, kb, buffer, lang)
    return buffer.getvalue()


# --- the template ----------------------------------------------------------------------------------
TEMPLATE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("naam", 36),
    ("activiteiten", 24),
    ("datum", 13),
    ("tot", 13),
    ("jaarlijks_maand", 14),
    ("voor_wie", 24),
    ("schooltypen", 22),
    ("branches", 22),
    ("praktijkgerichtheid", 22),
    ("locatie_naam", 26),
    ("adres", 28),
    ("postcode", 10),
    ("gemeente", 16),
    ("organisator", 26),
    ("website", 32),
    ("omschrijving", 50),
    # the newer fields, optional (the import reads them, the export writes them)
    ("interesses", 26),
    ("via_school", 11),
    ("school", 28),
    ("alleen_school", 28),
    ("gebied", 24),
)
# column -> (vocabulary dimension, "maand" for months or "ja_nee", only one value allowed)
_TEMPLATE_CHOICES: dict[str, tuple[str, bool]] = {
    "activiteiten": ("activiteit", False),
    "voor_wie": ("doelgroep", False),
    "schooltypen": ("schooltype", False),
    "branches": ("branche", False),
    "praktijkgerichtheid": ("praktijk", True),
    "jaarlijks_maand": ("maand", True),
    "interesses": ("interesse", False),
    "via_school": ("ja_nee", True),
}


def _template_choices(dim: str, lang: str) -> list[str]:
    """The values of one drop-down list, in ``lang`` (the import understands the labels of every language)."""
    if dim == "maand":
        return [month_name(m, lang) for m in range(1, 13)]
    if dim == "ja_nee":
        return [t("initiatives.ja", lang), t("initiatives.nee", lang)]
    codes = vocab.INTERESSES if dim == "interesse" else vocab.DIMENSIES[dim].codes
    return [label(dim, code, lang) for code in codes]


TEMPLATE_ROWS = 500


def template_xlsx(target: Path | IO[bytes], lang: str = "nl") -> None:
    """An empty list to fill in: headers in ``lang``, drop-down lists (Excel data validation) of the allowed
    values, date cells for the dates, a sheet with the choices and a sheet that explains every column."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    ws = book.active
    ws.title = t("initiatives.sheet_name", lang)[:31]
    choices = book.create_sheet(t("initiatives.template_choices_sheet", lang)[:31])
    help_ws = book.create_sheet(t("initiatives.template_help_sheet", lang)[:31])
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    for i, (key, width) in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = ws.cell(row=1, column=i, value=t(f"initiatives.field.{key}", lang))
        cell.font, cell.fill = Font(bold=True), head_fill
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(TEMPLATE_COLUMNS))}{TEMPLATE_ROWS + 1}"
    keys = [k for k, _ in TEMPLATE_COLUMNS]
    for c, (key, (dim, single)) in enumerate(_TEMPLATE_CHOICES.items(), start=1):
        values = _template_choices(dim, lang)
        letter = get_column_letter(c)
        choices.cell(row=1, column=c, value=t(f"initiatives.field.{key}", lang)).font = Font(bold=True)
        for r, value in enumerate(values, start=2):
            choices.cell(row=r, column=c, value=value)
        choices.column_dimensions[letter].width = 30
        col = get_column_letter(keys.index(key) + 1)
        dv = DataValidation(
            type="list",
            formula1=f"'{choices.title}'!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showDropDown=False,
            errorStyle="stop" if single else "information",
            promptTitle=t(f"initiatives.field.{key}", lang)[:32],
            prompt=t("initiatives.template_prompt_one" if single else "initiatives.template_prompt_many", lang)[:255],
            errorTitle=t(f"initiatives.field.{key}", lang)[:32],
            error=t("initiatives.template_error", lang)[:255],
        )
        dv.showInputMessage = True
        dv.showErrorMessage = True
        dv.add(f"{col}2:{col}{TEMPLATE_ROWS + 1}")
        ws.add_data_validation(dv)
    for key in ("datum", "tot"):
        col = get_column_letter(keys.index(key) + 1)
        dv = DataValidation(
            type="date",
            operator="greaterThan",
            formula1="36526",
            allow_blank=True,
            errorStyle="warning",
            error=t("initiatives.template_date_error", lang)[:255],
            errorTitle=t(f"initiatives.field.{key}", lang)[:32],
        )
        dv.showErrorMessage = True
        dv.add(f"{col}2:{col}{TEMPLATE_ROWS + 1}")
        ws.add_data_validation(dv)
        for r in range(2, TEMPLATE_ROWS + 2):
            ws[f"{col}{r}"].number_format = "d-m-yyyy" if lang != "en" else "d mmm yyyy"
    help_ws.column_dimensions["A"].width = 24
    help_ws.column_dimensions["B"].width = 100
    help_ws.cell(row=1, column=1, value=t("initiatives.template_help_title", lang)).font = Font(bold=True, size=13)
    for r, (key, _) in enumerate(TEMPLATE_COLUMNS, start=3):
        help_ws.cell(row=r, column=1, value=t(f"initiatives.field.{key}", lang)).font = Font(bold=True)
        cell = help_ws.cell(row=r, column=2, value=t(f"initiatives.help.{key}", lang))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(target)


def template_bytes(lang: str = "nl") -> bytes:
    buffer = io.BytesIO()
    template_xlsx(buffer, lang)
    return buffer.getvalue()

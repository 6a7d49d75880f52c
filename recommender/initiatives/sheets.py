"""Reading a spreadsheet safely: limits before work, then a fast read with a row cap.

Checked before any parsing, from the file's size and the zip's table of contents only:

* the file size (:data:`MAX_BYTES`);
* for ``.xlsx``/``.ods`` (zip containers): the uncompressed size of all parts together
  (:data:`MAX_UNCOMPRESSED`; a zip bomb of 4 MB that expands to 1 GB stops here; Python's ``zipfile``
  never inflates a part beyond the size the table of contents gives it), the number of parts,
  macros (``.xlsm``, a ``vbaProject.bin`` part, an ``.ods`` with Basic or scripts, an ``.xls`` with a
  VBA project: refused), and a DTD or entity declaration in the head of any XML part (refused);
* ``.xls``: only the size and the macro check (an old format; values are read, nothing runs).

Then the first sheet with content is read by calamine (python-calamine, Rust): cached values only
(a formula's text never comes in, entities are not expanded), at most :data:`MAX_COLUMNS` columns;
the memory it can take is bounded by the uncompressed size above. Reading stops with a clear
message once the row cap (:data:`MAX_ROWS` data rows) is passed. (openpyxl's read-only mode was not
used: for a sheet without a ``<dimension>`` element it parses the whole sheet before the first row,
about a minute for a 1 GB part.) CSV is read with the ``csv`` module (separator sniffed: ``,`` ``;``
or tab), row by row with the same cap.

The header row need not be row 1: the first rows (title rows, merged cells, blank lines) are
scanned and the row whose cells look most like column names is taken (:func:`find_header`).
Row numbers are the ones Excel shows. A lone note under the table ("* onder voorbehoud") is skipped.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_ZIP_PARTS = 2_000
MAX_ROWS = 20_000
MAX_COLUMNS = 60
MAX_CELL_CHARS = 4_000
HEADER_SCAN_ROWS = 25
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


class ImportFout(ValueError):
    """The file as a whole cannot be imported. ``code`` names the reason (``initiatives.file_<code>`` in
    the translation catalogue), ``values`` fill its placeholders; ``str()`` is the Dutch sentence."""

    def __init__(self, code: str, message: str, **values: Any):
        super().__init__(message)
        self.code = code
        self.values = values


@dataclass
class Sheet:
    """The cells of one sheet: the header row and the data rows after it (Excel row numbers)."""

    file_name: str
    sheet_name: str | None
    header_row: int
    header: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    skipped_rows: int = 0  # title and blank rows above the header

    @property
    def n_columns(self) -> int:
        return len(self.header)


def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB' (how Excel names a column without a header)."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _fail(code: str, message: str, **values: Any) -> ImportFout:
    return ImportFout(code, message, **values)


_VBA_XLS = "_VBA_PROJECT".encode("utf-16-le")


def check_file(name: str, data: bytes) -> str:
    """Checks on the raw bytes; returns ``'xlsx'``, ``'ods'``, ``'xls'`` or ``'csv'``; :class:`ImportFout` when refused."""
    size = len(data)
    if size == 0 or not data.strip():
        raise _fail("empty", f"{name} is leeg", file=name)
    if size > MAX_BYTES:
        mb = round(size / 1024 / 1024, 1)
        raise _fail(
            "too_big",
            f"{name} is te groot ({mb} MB); het maximum is {MAX_BYTES // 1024 // 1024} MB",
            file=name,
            mb=mb,
            max_mb=MAX_BYTES // 1024 // 1024,
        )
    suffix = Path(name).suffix.lower()
    head = data[:8]
    if suffix in (".xlsm", ".xltm", ".xlam", ".xlsb"):
        raise _fail(
            "macro", f"{name} is een Excel-bestand met macro's; sla het op als .xlsx (zonder macro's)", file=name
        )
    if head.startswith(b"%PDF"):
        raise _fail("pdf", f"{name} is een PDF, geen tabel; gebruik een .csv- of .xlsx-bestand", file=name)
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE container: .xls, or an encrypted .xlsx
        if _VBA_XLS in data:
            raise _fail("macro", f"{name} bevat macro's; sla het op als .xlsx zonder macro's", file=name)
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise _fail(
                "old_excel", f"{name} is een versleuteld Excel-bestand; sla het op zonder wachtwoord", file=name
            )
        return "xls"
    if head.startswith(b"PK") or suffix in (".xlsx", ".ods"):
        return _check_zip(name, data)
    if b"\x00" in data[:8192]:
        raise _fail(
            "binary", f"{name} is geen tabel maar een binair bestand; gebruik een .csv- of .xlsx-bestand", file=name
        )
    return "csv"


def _check_zip(name: str, data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _fail("bad_xlsx", f"{name} is geen leesbaar Excel-bestand (.xlsx)", file=name) from exc
    if len(infos) > MAX_ZIP_PARTS:
        raise _fail("bad_xlsx", f"{name} is geen leesbaar Excel-bestand (.xlsx): te veel onderdelen", file=name)
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        mb = round(total / 1024 / 1024)
        raise _fail(
            "too_big_unpacked",
            f"{name} wordt uitgepakt {mb} MB; het maximum is {MAX_UNCOMPRESSED // 1024 // 1024} MB",
            file=name,
            mb=mb,
            max_mb=MAX_UNCOMPRESSED // 1024 // 1024,
        )
    names = {i.filename.lower() for i in infos}
    if any(n.endswith("vbaproject.bin") or n.startswith(("basic/", "scripts/")) for n in names):
        raise _fail("macro", f"{name} bevat macro's; sla het op als .xlsx zonder macro's", file=name)
    kind = "xlsx" if "xl/workbook.xml" in names else "ods" if "content.xml" in names else None
    if kind is None:
        raise _fail("bad_xlsx", f"{name} is geen leesbaar Excel-bestand (.xlsx)", file=name)
    try:
        content_types = archive.read("[Content_Types].xml")[:200_000] if kind == "xlsx" else b""
    except KeyError:
        content_types = b""
    if b"macroEnabled" in content_types:
        raise _fail("macro", f"{name} bevat macro's; sla het op als .xlsx zonder macro's", file=name)
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            try:
                with archive.open(info) as part:
                    head = part.read(65_536)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
                raise _fail("bad_xlsx", f"{name} is geen leesbaar Excel-bestand (.xlsx)", file=name) from exc
            if _DTD.search(head):
                raise _fail("dtd", f"{name} bevat een DTD of entity-definitie (XML-aanval?); geweigerd", file=name)
    return kind


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


def _header_score(cells: list[Any], looks_like_header: Callable[[str], float]) -> float:
    texts = [_text(c) for c in cells if isinstance(c, str) and _text(c)]
    if len(texts) < 2:
        return 0.0
    return sum(looks_like_header(t) for t in texts)


def find_header(first_rows: list[tuple[int, list[Any]]], looks_like_header: Callable[[str], float]) -> int:
    """Index into ``first_rows`` of the header: the row whose cells score highest as column names
    (``looks_like_header`` gives 0..1 per cell), else the first row with two or more text cells."""
    best, best_score = -1, 0.0
    for i, (_, cells) in enumerate(first_rows):
        score = _header_score(cells, looks_like_header)
        if score > best_score + 1e-9:
            best, best_score = i, score
    if best >= 0 and best_score >= 1.5:
        return best
    for i, (_, cells) in enumerate(first_rows):
        if sum(1 for c in cells if _text(c)) >= 2:
            return i
    return 0


_NOTE = re.compile(r"^(\*|†|nb\b|n\.b\.|let op\b|opmerking\b|note\b)", re.I)


def _blank(cells: list[Any]) -> bool:
    """An empty row, or a footnote under the table ("* onder voorbehoud"): only one cell, starting like a note."""
    filled = [_text(c) for c in cells if _text(c)]
    return not filled or (len(filled) == 1 and bool(_NOTE.match(filled[0])))


def _sheet_rows(name: str, data: bytes) -> tuple[str | None, Iterator[tuple[int, list[Any]]]]:
    """The first sheet with content (a template's help sheets come after the data sheet) as numbered rows."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        for index in range(min(len(book.sheet_names), 10)):
            sheet = book.get_sheet_by_index(index)
            if sheet.height and sheet.width:
                break
        else:
            raise _fail("no_columns", f"{name} bevat geen kolommen", file=name)
    except ImportFout:
        raise
    except Exception as exc:  # calamine raises its own errors for broken or hostile files
        raise _fail("bad_xlsx", f"{name} is geen leesbaar spreadsheetbestand: {type(exc).__name__}", file=name) from exc
    first_row, first_col = sheet.start or (0, 0)
    pad = [None] * first_col  # keep Excel's column positions when the table starts further right

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for number, row in enumerate(sheet.iter_rows(), start=first_row + 1):
            yield number, (pad + list(row))[:MAX_COLUMNS]

    return sheet.name, rows()


def _decode(raw: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _fail("not_text", f"{name} is geen tekstbestand met kolommen (onleesbare tekens)", file=name)


def detect_separator(sample: str) -> str:
    """``,`` ``;`` or tab: the one the csv sniffer picks, else the most frequent in the first line."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        header = sample.splitlines()[0] if sample else ""
        return max((",", ";", "\t"), key=header.count)


def _rows_csv(text: str) -> Iterator[tuple[int, list[Any]]]:
    sample = "\n".join(text.splitlines()[:30])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_separator(sample))
    for number, row in enumerate(reader, start=1):
        yield number, row[:MAX_COLUMNS]


def read_sheet(name: str, data: bytes, looks_like_header: Callable[[str], float]) -> Sheet:
    """The header and data rows of a CSV or XLSX file (see the module doc); :class:`ImportFout` when refused."""
    kind = check_file(name, data)
    sheet_name: str | None = None
    if kind != "csv":
        sheet_name, rows = _sheet_rows(name, data)
    else:
        text = _decode(data, name)
        if not text.strip():
            raise _fail("empty", f"{name} is leeg", file=name)
        rows = _rows_csv(text)
    try:
        first: list[tuple[int, list[Any]]] = []
        for number, cells in rows:
            if not _blank(cells):
                first.append((number, cells))
            if len(first) >= HEADER_SCAN_ROWS:
                break
        if not first:
            raise _fail("empty", f"{name} is leeg", file=name)
        h = find_header(first, looks_like_header)
        header_number, header_cells = first[h]
        header = [_text(c) for c in header_cells]
        while header and not header[-1]:
            header.pop()
        if not header:
            raise _fail("no_columns", f"{name} bevat geen kolommen", file=name)
        header = [c[:200] or f"{column_letter(i)}" for i, c in enumerate(header)]
        sheet = Sheet(
            file_name=name,
            sheet_name=sheet_name,
            header_row=header_number,
            header=header,
            skipped_rows=header_number - 1,
        )
        width = len(header)

        def add(number: int, cells: list[Any]) -> None:
            if _blank(cells):
                return
            if len(sheet.rows) >= MAX_ROWS:
                raise _fail(
                    "too_many_rows",
                    f"{name} heeft meer dan {MAX_ROWS} rijen; het maximum is {MAX_ROWS}",
                    file=name,
                    max_rows=MAX_ROWS,
                )
            cells = (list(cells) + [None] * width)[:width]
            sheet.rows.append((number, [c[:MAX_CELL_CHARS] if isinstance(c, str) else c for c in cells]))

        for number, cells in first[h + 1 :]:
            add(number, cells)
        for number, cells in rows:
            add(number, cells)
    except ImportFout:
        raise
    except csv.Error as exc:
        raise _fail("bad_table", f"{name} is geen geldige tabel: {exc}", file=name) from exc
    except Exception as exc:  # calamine while handing out the rows
        raise _fail("bad_xlsx", f"{name} is geen leesbaar spreadsheetbestand: {type(exc).__name__}", file=name) from exc
    if not sheet.rows:
        raise _fail("no_rows", f"{name} bevat alleen een kopregel en geen rijen", file=name)
    return sheet


__all__ = [
    "MAX_BYTES",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_UNCOMPRESSED",
    "ImportFout",
    "Sheet",
    "check_file",
    "column_letter",
    "detect_separator",
    "find_header",
    "read_sheet",
]

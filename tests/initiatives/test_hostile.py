"""Hostile and large files are refused or neutralised before any work is done; `lob-kompas bench --decaan`
measures time and memory of each in its own process (docs/benchmarks.md)."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from app.bench import hostile
from recommender.initiatives import ImportFout, InitiativeFilter, catalogue, import_table, search_initiatives
from recommender.initiatives.sheets import MAX_UNCOMPRESSED, check_file
from recommender.initiatives.table_io import export_csv_bytes, export_xlsx_bytes, neutralise


def refused(path, kb, code: str) -> ImportFout:
    with pytest.raises(ImportFout) as info:
        import_table(path, kb)
    assert info.value.code == code, str(info.value)
    assert catalogue().lists() == []
    return info.value


def test_zip_bomb_is_refused_from_the_table_of_contents(tmp_path, kb, lob_home):
    path = hostile.zip_bomb(tmp_path / "bom.xlsx", unpacked_mb=200)
    assert path.stat().st_size < 2 * 1024 * 1024
    with zipfile.ZipFile(path) as z:
        assert sum(i.file_size for i in z.infolist()) > 4 * MAX_UNCOMPRESSED
    exc = refused(path, kb, "too_big_unpacked")
    assert exc.values["mb"] >= 200


def test_xxe_and_entity_expansion_are_refused(tmp_path, kb, lob_home):
    refused(hostile.xxe(tmp_path / "xxe.xlsx"), kb, "dtd")


def test_macro_files_are_refused_by_name_and_by_content(tmp_path, kb, lob_home):
    refused(hostile.macro(tmp_path / "macro.xlsm"), kb, "macro")
    renamed = tmp_path / "gewoon.xlsx"
    renamed.write_bytes((tmp_path / "macro.xlsm").read_bytes())
    refused(renamed, kb, "macro")
    with pytest.raises(ImportFout, match="macro"):
        check_file("oud.xls", b"\xd0\xcf\x11\xe0" + "_VBA_PROJECT".encode("utf-16-le") + b"\0" * 100)


def test_a_30_mb_file_is_refused_before_it_is_read(tmp_path, kb, lob_home):
    refused(hostile.big(tmp_path / "groot.csv", mb=30), kb, "too_big")


@pytest.mark.parametrize("name", ["rijen.xlsx", "rijen.csv"])
def test_25000_rows_are_refused_at_the_cap(tmp_path, kb, lob_home, name):
    path = tmp_path / name
    if name.endswith(".xlsx"):
        hostile.many_rows(path, rows=25_000)
    else:
        path.write_text(
            "naam;schooltype;activiteit;praktijk\n"
            + "".join(f"Activiteit {i};vmbo;gastles;veel\n" for i in range(25_000)),
            encoding="utf-8",
        )
    exc = refused(path, kb, "too_many_rows")
    assert "20000" in str(exc)


def test_formula_cells_never_come_in_and_formula_like_text_goes_out_neutralised(tmp_path, kb, lob_home):
    result = import_table(hostile.formulas(tmp_path / "formules.xlsx"), kb, defaults={"praktijkgerichtheid": "veel"})
    assert result.fouten == [] and result.geimporteerd == 1 + len(hostile.FORMULA_TEXTS)
    own = catalogue().records()
    formula_row = next(r for r in own if r.naam == "Formule-naam")
    assert formula_row.organisator == "onbekend" and formula_row.website is None  # a formula's text never comes in
    hits = search_initiatives(None, InitiativeFilter(), extra=own)
    book = load_workbook(io.BytesIO(export_xlsx_bytes(hits, kb)))
    ws = book.active
    cells = [c for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no formula cell at all
    organisers = {c.value for c in cells if c.column == 14}
    assert set(hostile.FORMULA_TEXTS) - {"\t=1+1", " =2+2", "\r=3+3"} <= organisers  # text kept, as text
    prefixed = [c for c in cells if isinstance(c.value, str) and c.value.lstrip().startswith(("=", "+", "-", "@"))]
    assert prefixed and all(c.quotePrefix for c in prefixed)
    text = export_csv_bytes(hits, kb).decode("utf-8-sig")
    for line in text.splitlines()[1:]:
        for cell in line.split(";"):
            cell = cell.strip('"')
            assert not cell.lstrip(" \t\r").startswith(("=", "+", "-", "@")), cell


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+31 10", "'+31 10"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("Open dag", "Open dag"),
        ("", ""),
        (3.5, 3.5),
        (None, None),
    ],
)
def test_neutralise_follows_owasp(value, safe):
    assert neutralise(value) == safe

"""The newer initiative fields in the decaan's sheet (issue 13, round 9): interesses, via_school, school,
alleen_school and gebied are optional columns; our export writes them and the import reads them back; a bad value
gets a clear message in the user's language. Fast: preview only, nothing stored."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.loader import KnowledgeBase
from recommender.initiatives import InitiativeFilter, make_preview, read_upload, search_initiatives
from recommender.initiatives.table_io import export_csv_bytes, export_xlsx_bytes

TODAY = dt.date(2026, 11, 30)
NIEUW = ("interesses", "via_school", "school", "alleen_school", "gebied")


def _preview(kb: KnowledgeBase, name: str, data: bytes):  # type: ignore[no-untyped-def]
    return make_preview(read_upload(name, data), kb, today=TODAY, check_duplicates=False)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_keeps_the_newer_fields(kb: KnowledgeBase, fmt: str) -> None:
    hits = search_initiatives(kb, InitiativeFilter())
    # the curated records that use each newer field (so the test cannot pass on empty columns)
    for fld in NIEUW:
        assert any(getattr(h.initiatief, fld) not in (None, [], ()) for h in hits), fld
    data = (export_csv_bytes if fmt == "csv" else export_xlsx_bytes)(hits, kb, "nl")
    preview = _preview(kb, f"export.{fmt}", data)
    assert preview.fouten == [], [f.redenen for f in preview.fouten[:3]]
    assert set(NIEUW) <= set(preview.mapping.values())
    back = {r.naam: r for r in preview.goed}
    for h in hits:
        again = back[h.initiatief.naam]
        for fld in NIEUW:
            assert getattr(again, fld) == getattr(h.initiatief, fld), (h.initiatief.id, fld)


def test_export_in_another_language_comes_back(kb: KnowledgeBase) -> None:
    hits = [h for h in search_initiatives(kb, InitiativeFilter()) if h.initiatief.interesses][:5]
    preview = _preview(kb, "export-tr.xlsx", export_xlsx_bytes(hits, kb, "tr"))
    assert preview.fouten == []
    assert [r.interesses for r in preview.goed] == [h.initiatief.interesses for h in hits]


def _sheet(kolommen: dict[str, str]) -> bytes:
    header = ["Naam", "Soort activiteit", "Schooltype", "Zelf doen", "Plaats", *kolommen]
    row = ["Proefles lassen", "Workshop", "vmbo", "veel", "Rotterdam", *kolommen.values()]
    return ("\n".join(";".join(r) for r in (header, row)) + "\n").encode()


def test_labels_and_names_are_read(kb: KnowledgeBase) -> None:
    school = next(s for s in kb.scholen.values() if s.soort == "vmbo")
    gebied = next(iter(kb.gebieden.values()))
    preview = _preview(
        kb,
        "lijst.csv",
        _sheet(
            {
                "Interesses": "elektro, auto's en motoren",
                "Via school": "ja",
                "Alleen voor school": school.naam,
                "Alleen in gebied": gebied.naam,
            }
        ),
    )
    assert preview.fouten == [], [f.redenen for f in preview.fouten]
    (ini,) = preview.goed
    assert ini.interesses == ["elektro", "autos_motoren"]
    assert ini.via_school is True and ini.alleen_school == school.id and ini.gebied == [gebied.id]


@pytest.mark.parametrize(
    ("kolom", "waarde", "code"),
    [
        ("Interesses", "paardrijden", "ongeldig"),
        ("Via school", "misschien", "ja_nee"),
        ("Open dag van school", "School die niet bestaat", "school"),
        ("Alleen in gebied", "Atlantis", "gebied"),
    ],
)
def test_bad_values_get_a_clear_message(kb: KnowledgeBase, kolom: str, waarde: str, code: str) -> None:
    preview = _preview(kb, "lijst.csv", _sheet({kolom: waarde}))
    assert preview.goed == []
    (rij,) = preview.fouten
    (fout,) = rij.fouten
    assert fout.code == code and fout.kolom == kolom
    assert waarde in fout.text("nl") and kolom in fout.text("nl")
    assert waarde in fout.text("en") and "{" not in fout.text("ar")

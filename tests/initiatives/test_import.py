"""Import of a decaan's own sheet: any sensible header, preview, mapping, defaults, row errors with row number,
column and allowed values, dates, the school's messy sheet, and a round trip through our own export."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from knowledge.loader import DATA_DIR
from recommender.initiatives import (
    DuplicatesFound,
    ImportFout,
    InitiativeFilter,
    catalogue,
    import_table,
    make_preview,
    read_upload,
    search_initiatives,
)
from recommender.initiatives.table_io import export_csv, export_xlsx

TODAY = dt.date(2026, 11, 30)
GOOD_ROWS = [
    [
        "Robotlab Zuid",
        "Vmbo, Onderbouw",
        "Leerlingen|Ouders",
        "Workshop; Bedrijfsbezoek",
        "IT/ICT",
        "Veel",
        "Stichting Robot",
        "",
        "3083",
        "https://robotlab.example",
    ],
    ["Havenspel online", "havo;vwo", "leerlingen", "wedstrijd", "Maritiem", "geen", "Havenclub", "landelijk", "", ""],
    [
        "Open avond installatie",
        "vmbo",
        "Ouders",
        "Open dag",
        "installatietechniek",
        "deels",
        "ROC Test",
        "lokaal",
        "Schiedam",
        "",
    ],
]
HEADER = [
    "Naam",
    "Schooltype",
    "Doelgroep",
    "Activiteit soort",
    "Branche",
    "Praktijk",
    "Organisatie",
    "Bereik",
    "Plaats",
    "Website",
]


def write_csv(path: Path, rows: list[list[str]], sep: str = ";", header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=sep, lineterminator="\n").writerows([header, *rows])
    return path


def data_dir_fingerprint() -> str:
    h = hashlib.sha256()
    for p in sorted(DATA_DIR.rglob("*")):
        if p.is_file():
            h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


def school_sheet(path: Path) -> Path:
    """A school's real kind of sheet: a merged title, a note row, a blank row, own column names, Dutch dates
    without a year, an Excel date cell, blank rows in between and a footnote."""
    book = Workbook()
    ws = book.active
    ws.title = "Techniek 2026-2027"
    ws["A1"] = "Activiteitenkalender techniek (concept)"
    ws.merge_cells("A1:F1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "bijgewerkt door de decaan, oktober"
    ws.merge_cells("A2:F2")
    ws.append([])
    ws.append(["Activiteit", "Datum", "Voor wie", "Locatie", "Organisatie", "Link"])
    ws.append(
        [
            "Open dag Zadkine techniek",
            "14 maart",
            "leerlingen klas 3 vmbo + ouders",
            "Zadkine, 3083 Rotterdam",
            "Zadkine",
            "www.zadkine.example/opendag",
        ]
    )
    ws.append(["Gastles drones", dt.datetime(2027, 2, 5), "klas 2", "Schiedam", "Drone Team", "https://drones.example"])
    ws.append([None] * 6)
    ws.append(["Girlsday", "9 april", "meiden klas 1 en 2", "Port of Rotterdam", "VHTO", "https://girlsday.example"])
    ws.append(["Techniekweek markt", "3 t/m 7 november", "alle leerlingen", "Schiedam", "Techniek NL", ""])
    ws.append(["Voorlichting techniek voor ouders", "jaarlijks in januari", "ouders", "online", "Albeda", ""])
    ws.append(["Robotica workshop", "31 februari", "havo 4", "Delft", "RoboHub", ""])
    ws.append(["Lasdag", "20-3-2027", "opa's", "Atlantis", "Metaalunie", ""])
    ws.append([])
    ws.append(["* onder voorbehoud"])
    book.save(path)
    return path


def test_a_schools_own_sheet_comes_in_with_title_rows_dates_and_own_column_names(tmp_path, kb, lob_home):
    sheet = read_upload("kalender.xlsx", school_sheet(tmp_path / "kalender.xlsx").read_bytes())
    assert sheet.header_row == 4 and sheet.skipped_rows == 3 and sheet.sheet_name == "Techniek 2026-2027"
    assert len(sheet.rows) == 7  # blank rows and the footnote are not rows
    preview = make_preview(sheet, kb, today=TODAY)
    assert preview.mapping == {
        "Activiteit": "naam",
        "Datum": "datum",
        "Voor wie": "voor_wie",
        "Locatie": "locatie_naam",
        "Organisatie": "organisator",
        "Link": "website",
    }
    assert preview.ontbrekend == ["praktijkgerichtheid"]  # the decaan must choose this one
    preview = make_preview(
        sheet,
        kb,
        today=TODAY,
        defaults=dict(preview.standaardwaarden, praktijkgerichtheid="deels", schooltypen=["vmbo"]),
    )
    assert preview.ontbrekend == []
    good = {r.naam: r for r in preview.goed}
    assert set(good) == {
        "Open dag Zadkine techniek",
        "Gastles drones",
        "Girlsday",
        "Techniekweek markt",
        "Voorlichting techniek voor ouders",
    }
    open_dag = good["Open dag Zadkine techniek"]
    assert open_dag.datum == dt.date(2027, 3, 14)  # no year: the school year of the import day
    assert open_dag.activiteiten == ["open_dag"]  # from the name
    assert open_dag.doelgroepen == ["leerlingen", "ouders"] and open_dag.schooltypen == ["vo_bovenbouw", "vmbo"]
    assert open_dag.bereik == "lokaal" and open_dag.locatie.precisie == "wijk"  # PC4 3083 in the location
    assert open_dag.website == "https://www.zadkine.example/opendag"
    assert good["Gastles drones"].datum == dt.date(2027, 2, 5) and good["Gastles drones"].activiteiten == ["gastles"]
    assert good["Girlsday"].doelgroepen == ["meisjes"] and good["Girlsday"].schooltypen == ["vo_onderbouw"]
    assert (good["Techniekweek markt"].datum, good["Techniekweek markt"].tot) == (
        dt.date(2026, 11, 3),
        dt.date(2026, 11, 7),
    )
    ouders = good["Voorlichting techniek voor ouders"]
    assert ouders.jaarlijks_maand == 1 and ouders.landelijk_online and ouders.online
    bad = {f.rij: f for f in preview.fouten}
    assert set(bad) == {11, 12}
    assert bad[11].fouten[0].code == "datum" and bad[11].fouten[0].kolom == "Datum"
    assert "31 februari" in bad[11].text("nl") and "14-3-2027" in bad[11].text("nl")
    lasdag = {f.code: f for f in bad[12].fouten}
    assert set(lasdag) == {"ongeldig", "geen_soort", "plaats_tekst"}
    assert lasdag["ongeldig"].kolom == "Voor wie" and "Meisjes" in lasdag["ongeldig"].text("nl")
    assert "Girls" in lasdag["ongeldig"].text("en")  # the allowed values in words, in the reader's language
    assert "Atlantis" in lasdag["plaats_tekst"].text("nl")


def test_saving_makes_one_named_list_searchable_at_once(tmp_path, kb, lob_home):
    before = data_dir_fingerprint()
    result = import_table(
        school_sheet(tmp_path / "kalender.xlsx"),
        kb,
        name="Techniek najaar",
        today=TODAY,
        defaults={"praktijkgerichtheid": "deels", "schooltypen": ["vmbo"]},
        who="decaan",
        how="lokaal",
    )
    assert result.lijst_naam == "Techniek najaar" and result.geimporteerd == 5 and len(result.fouten) == 2
    assert data_dir_fingerprint() == before  # never into knowledge/data
    assert (lob_home / "lob-kompas.db").is_file()
    own = catalogue().records()
    hits = search_initiatives(kb, InitiativeFilter(near="3083", km=3, komend=True, vandaag=TODAY), extra=own)
    assert [(h.initiatief.naam, h.volgende_datum) for h in hits] == [
        ("Voorlichting techniek voor ouders", dt.date(2027, 1, 1)),  # yearly in January, online: open to all
        ("Open dag Zadkine techniek", dt.date(2027, 3, 14)),
    ]
    assert hits[1].initiatief.bronnen[0].bron == "eigen_import" and hits[1].afstand_km < 0.01


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_csv_with_any_separator(tmp_path, kb, lob_home, sep):
    result = import_table(write_csv(tmp_path / "lijst.csv", GOOD_ROWS, sep=sep), kb, today=TODAY)
    assert result.fouten == [] and result.geimporteerd == 3
    assert result.kolommen["Praktijk"] == "praktijkgerichtheid" and result.kolommen["Plaats"] == "gemeente"
    assert result.kolommen["Activiteit soort"] == "activiteiten"
    robot = next(r for r in catalogue().records() if r.naam == "Robotlab Zuid")
    assert robot.schooltypen == ["vmbo", "vo_onderbouw"] and robot.doelgroepen == ["leerlingen", "ouders"]
    assert robot.activiteiten == ["gastles", "bedrijfsbezoek"] and robot.branches == ["ict"]
    assert robot.bronnen[0].sectie == "lijst.csv 2026-11-30"


def test_activiteit_column_is_the_kind_when_its_cells_are_kinds(tmp_path, kb, lob_home):
    header = ["Titel", "Activiteit", "Schooltype", "Praktijk", "Plaats"]
    path = write_csv(
        tmp_path / "k.csv",
        [["Lasdag", "Bedrijfsbezoek", "vmbo", "veel", "Delft"], ["Drones", "gastles", "vmbo", "veel", "Delft"]],
        header=header,
    )
    result = import_table(path, kb, dry_run=True)
    assert result.kolommen["Titel"] == "naam" and result.kolommen["Activiteit"] == "activiteiten"


def test_the_decaan_can_change_the_mapping(tmp_path, kb, lob_home):
    header = ["Wat", "Soort", "Schooltype", "Praktijk", "Opmerkingen"]
    path = write_csv(tmp_path / "k.csv", [["Lasdag", "gastles", "vmbo", "veel", "Rotterdam"]], header=header)
    result = import_table(path, kb, dry_run=True, choices={"Opmerkingen": "gemeente"})
    assert result.kolommen["Opmerkingen"] == "gemeente" and "omschrijving" not in result.kolommen.values()
    with pytest.raises(ValueError, match="staat niet in het bestand"):
        import_table(path, kb, dry_run=True, choices={"Bestaat niet": "naam"})


def test_missing_required_fields_need_a_column_or_a_default(tmp_path, kb, lob_home):
    path = write_csv(tmp_path / "half.csv", [["Lasdag", "gastles"]], header=["naam", "activiteit soort"])
    with pytest.raises(ImportFout) as info:
        import_table(path, kb)
    assert info.value.code == "missing_fields" and "schooltypen" in str(info.value)
    result = import_table(path, kb, defaults={"schooltypen": ["vmbo"], "praktijkgerichtheid": "deels"})
    assert result.geimporteerd == 1 and result.fouten == []


def test_no_name_column_is_a_file_error_that_lists_the_columns(tmp_path, kb, lob_home):
    path = write_csv(tmp_path / "x.csv", [["1", "2"]], header=["Kolom een", "Kolom twee"])
    with pytest.raises(ImportFout) as info:
        import_table(path, kb)
    assert info.value.code == "no_name_column" and "Kolom een, Kolom twee" in str(info.value)


def test_bad_rows_are_reported_with_excel_row_numbers(tmp_path, kb, lob_home):
    rows = [
        GOOD_ROWS[0],  # row 2: good
        ["", "vmbo", "leerlingen", "gastles", "bouw", "veel", "X", "lokaal", "Delft", ""],  # 3: no name
        ["Mbo-dag", "mbo", "opa", "gastles", "zorg", "veel", "X", "lokaal", "Delft", ""],  # 4: three bad codes
        ["", "", "", "", "", "", "", "", "", ""],  # 5: blank, skipped
        ["Zonder plek", "vmbo", "leerlingen", "gastles", "bouw", "deels", "X", "lokaal", "", ""],  # 6: no location
        ["Onbekende stad", "vmbo", "leerlingen", "gastles", "bouw", "deels", "X", "", "Atlantis", ""],  # 7
        ["Lege praktijk", "vmbo", "leerlingen", "gastles", "bouw", "", "X", "", "Delft", ""],  # 8
        ["Link", "vmbo", "leerlingen", "gastles", "bouw", "veel", "X", "", "Delft", "javascript:alert(1)"],  # 9
        ["![x](http://t.example/p.png)", "vmbo", "leerlingen", "gastles", "bouw", "veel", "X", "", "Delft", ""],  # 10
        GOOD_ROWS[1],  # row 11: good
    ]
    result = import_table(write_csv(tmp_path / "fout.csv", rows), kb)
    assert result.geimporteerd == 2
    bad = {f.rij: f for f in result.fouten}
    assert set(bad) == {3, 4, 6, 7, 8, 9, 10}
    assert [f.code for f in bad[3].fouten] == ["leeg"] and bad[3].fouten[0].veld == "naam"
    assert sorted(f.kolom for f in bad[4].fouten) == ["Branche", "Doelgroep", "Schooltype"]
    assert any("Leerlingen, Meisjes" in r for r in bad[4].redenen)
    assert [f.code for f in bad[6].fouten] == ["geen_ligging"]
    assert bad[7].fouten[0].code == "plaats" and bad[7].fouten[0].waarde == "Atlantis"
    assert bad[8].fouten[0].code == "leeg" and bad[8].fouten[0].kolom == "Praktijk"
    assert bad[9].fouten[0].code == "website"
    assert bad[10].fouten[0].code == "opmaak"  # a name that would make a page load an image
    assert {r.naam for r in catalogue().records()} == {"Robotlab Zuid", "Havenspel online"}


def test_row_errors_are_translated(tmp_path, kb, lob_home):
    rows = [["Mbo-dag", "mbo", "leerlingen", "gastles", "bouw", "veel", "X", "", "Delft", ""]]
    result = import_table(write_csv(tmp_path / "fout.csv", rows), kb, dry_run=True)
    fout = result.fouten[0]
    texts = {lang: fout.text(lang) for lang in ("nl", "en", "tr", "ar", "pl", "uk")}
    assert len(set(texts.values())) == 6 and all(
        '"mbo"' in text or "«mbo»" in text or "„mbo”" in text for text in texts.values()
    )
    assert "Schooltype" in texts["en"]  # the column as the file names it
    assert "Primary school" in texts["en"] and "Basisschool" in texts["nl"]  # allowed values in the reader's words


def test_dry_run_writes_nothing(tmp_path, kb, lob_home):
    result = import_table(write_csv(tmp_path / "lijst.csv", GOOD_ROWS), kb, dry_run=True)
    assert len(result.ids) == 3 and result.geimporteerd == 0 and result.lijst_id is None
    assert catalogue().lists() == []


def test_a_second_list_with_the_same_names_needs_a_choice(tmp_path, kb, lob_home):
    path = write_csv(tmp_path / "lijst.csv", GOOD_ROWS)
    import_table(path, kb)
    with pytest.raises(DuplicatesFound) as info:
        import_table(path, kb)
    assert len(info.value.duplicates) == 3 and len(catalogue().lists()) == 1
    result = import_table(path, kb, on_duplicate="update")
    assert sorted(result.vervangen) == sorted(r.bestaand_id for r in info.value.duplicates)
    assert len(catalogue().records()) == 3 and len(catalogue().lists()) == 2


def test_xlsx_and_wrong_files(tmp_path, kb, lob_home):
    import pandas as pd

    path = tmp_path / "lijst.xlsx"
    pd.DataFrame(GOOD_ROWS, columns=HEADER).to_excel(path, index=False)
    assert import_table(path, kb).geimporteerd == 3


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("rapport.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "pdf"),
        ("ruis.csv", bytes(range(256)) * 40, "binary"),
        ("kapot.xlsx", b"PK\x03\x04 dit is geen echte zip", "bad_xlsx"),
        ("brief.txt", b"Beste decaan,\nhier is geen tabel.\nGroet\n", "no_name_column"),
        ("leeg.csv", b"", "empty"),
        ("witruimte.csv", b"  \n\n ", "empty"),
        ("kop.csv", b"naam;schooltype;activiteit;praktijk\n", "no_rows"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "bad_xlsx"),
    ],
)
def test_wrong_format_and_empty_files_give_clear_errors(tmp_path, kb, lob_home, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFout) as info:
        import_table(path, kb)
    assert info.value.code == code and name in str(info.value)
    assert catalogue().lists() == []


def test_missing_file(tmp_path, kb):
    with pytest.raises(ImportFout, match="niet gevonden"):
        import_table(tmp_path / "bestaat_niet.csv", kb)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_export_then_import(tmp_path, kb, lob_home, fmt):
    hits = search_initiatives(kb, InitiativeFilter())
    path = tmp_path / f"export.{fmt}"
    (export_csv if fmt == "csv" else export_xlsx)(hits, kb, path)
    result = import_table(path, kb)
    assert result.fouten == [], [f.redenen for f in result.fouten[:3]]
    assert result.geimporteerd == len(hits)
    assert {"Afstand (km)", "Bron"} <= set(result.genegeerde_kolommen)
    back = {r.naam: r for r in catalogue().records()}
    for h in hits:
        ini, again = h.initiatief, back[h.initiatief.naam]
        for field in (
            "organisator",
            "website",
            "omschrijving",
            "schooltypen",
            "doelgroepen",
            "activiteiten",
            "praktijkgerichtheid",
            "branches",
            "bereik",
        ):
            assert getattr(again, field) == getattr(ini, field), (ini.id, field)
        assert again.landelijk_online == ini.landelijk_online
        assert again.bronnen[0].bron == "eigen_import"


@pytest.mark.parametrize("lang", ["en", "tr", "ar", "pl", "uk"])
def test_our_export_in_any_language_comes_back_in(tmp_path, kb, lob_home, lang):
    hits = search_initiatives(kb, InitiativeFilter(near="Delft", km=10))
    path = tmp_path / f"export-{lang}.xlsx"
    export_xlsx(hits, kb, path, lang)
    result = import_table(path, kb)
    assert result.fouten == [], [f.text("nl") for f in result.fouten[:3]]
    assert result.geimporteerd == len(hits)
    back = {r.naam: r for r in catalogue().records()}
    for h in hits:
        again = back[h.initiatief.naam]
        assert (again.schooltypen, again.activiteiten, again.praktijkgerichtheid) == (
            h.initiatief.schooltypen,
            h.initiatief.activiteiten,
            h.initiatief.praktijkgerichtheid,
        )

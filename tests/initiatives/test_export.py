"""Readable exports (labels, the decaan's columns, widths, filter row, named sheet, real dates) and the template
with drop-down lists (Excel data validation), checked by opening the files with openpyxl."""

from __future__ import annotations

import csv
import datetime as dt
import io

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from knowledge.i18n import t
from recommender.initiatives import InitiativeFilter, hits_frame, search_initiatives
from recommender.initiatives.search import InitiativeHit
from recommender.initiatives.table_io import (
    EXPORT_COLUMNS,
    TEMPLATE_COLUMNS,
    export_csv,
    export_xlsx_bytes,
    template_bytes,
)


def test_xlsx_export_is_readable(kb, make_ini):
    hits = search_initiatives(kb, InitiativeFilter(near="Charlois", km=10))
    dated = make_ini(
        "lasdag",
        naam="Lasdag",
        datum=dt.date(2027, 3, 14),
        tot=dt.date(2027, 3, 16),
        bronnen=["eigen_import#kalender.xlsx 2026-11-30"],
    )
    hits = [*hits, InitiativeHit(initiatief=dated, afstand_km=2.345)]
    book = load_workbook(io.BytesIO(export_xlsx_bytes(hits, kb, "nl")))
    ws = book.active
    assert ws.title == "Activiteiten" and book.sheetnames == ["Activiteiten"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Naam", "Soort activiteit", "Voor wie", "Schooltype"]
    assert {"Afstand (km)", "Datum", "Organisator", "Website", "Bron", "Plaats"} <= set(header)
    assert not {"id", "lat", "lon", "bron_ids", "classificatie"} & set(header)  # no internal columns
    assert all(c.font.bold for c in ws[1])
    last_col = get_column_letter(len(EXPORT_COLUMNS))  # the newer fields (interesses ... gebied) come after Bron
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == f"A1:{last_col}{len(hits) + 1}"
    assert ws.column_dimensions["A"].width == EXPORT_COLUMNS[0][1] and ws.column_dimensions["P"].width == 60
    first = hits[0].initiatief
    row = {h: c.value for h, c in zip(header, ws[2], strict=True)}
    assert row["Naam"] == first.naam
    assert t(f"code.activiteit.{first.activiteiten[0]}", "nl") in row["Soort activiteit"]  # labels, not codes
    assert row["Bron"].startswith(kb.bronnen[first.bronnen[0].bron].titel)
    last = {h: c.value for h, c in zip(header, ws[len(hits) + 1], strict=True)}
    assert last["Datum"] == dt.datetime(2027, 3, 14) and last["Tot en met"] == dt.datetime(2027, 3, 16)
    assert last["Afstand (km)"] == 2.3 and last["Bron"].startswith("eigen lijst van de school")


def test_export_headers_and_labels_follow_the_language(kb):
    hits = search_initiatives(kb, InitiativeFilter(doelgroepen=["meisjes"]))
    ws = load_workbook(io.BytesIO(export_xlsx_bytes(hits, kb, "en"))).active
    assert ws.title == "Activities" and ws["A1"].value == "Name" and ws["C1"].value == "For whom"
    assert "Girls" in ws["C2"].value
    frame = hits_frame(hits, kb, "tr")
    assert list(frame.columns)[0] == "Ad" and len(frame) == len(hits)


def test_csv_export_for_dutch_excel(tmp_path, kb):
    hits = search_initiatives(kb, InitiativeFilter(near="Charlois", km=5))
    path = tmp_path / "uit.csv"
    export_csv(hits, kb, path, "nl")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Naam" and len(rows) == len(hits) + 1
    distance = rows[1][rows[0].index("Afstand (km)")]
    assert "," in distance or distance.isdigit()  # Dutch decimal comma
    buffer = io.StringIO()
    export_csv(hits, kb, buffer, "en")
    assert buffer.getvalue().splitlines()[0].startswith("Name,Kind of activity,")


def test_template_has_drop_downs_dates_and_help():
    book = load_workbook(io.BytesIO(template_bytes("nl")))
    assert book.sheetnames == ["Activiteiten", "Keuzelijsten", "Uitleg"]
    ws = book["Activiteiten"]
    header = [c.value for c in ws[1]]
    assert header == [t(f"initiatives.field.{k}", "nl") for k, _ in TEMPLATE_COLUMNS]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    praktijk_col = chr(ord("A") + [k for k, _ in TEMPLATE_COLUMNS].index("praktijkgerichtheid"))
    rule = rules[f"{praktijk_col}2:{praktijk_col}501"]
    assert rule.type == "list" and rule.errorStyle == "stop" and "Keuzelijsten" in rule.formula1
    choices = book["Keuzelijsten"]
    column = [c.value for c in choices[rule.formula1.split("!")[1].split(":")[0].replace("$", "")[0]]]
    assert column[1:4] == ["Vooral luisteren en kijken", "Deels zelf doen", "Veel zelf doen"]
    kinds = [dv for dv in rules.values() if dv.type == "list" and dv.errorStyle == "information"]
    assert len(kinds) == 5  # several values allowed: soort, voor wie, schooltype, branche, interesses
    via_col = chr(ord("A") + [k for k, _ in TEMPLATE_COLUMNS].index("via_school"))
    via = rules[f"{via_col}2:{via_col}501"]
    assert via.errorStyle == "stop"
    letter = via.formula1.split("!")[1].split(":")[0].replace("$", "")[0]
    assert [c.value for c in choices[letter] if c.value][1:] == ["ja", "nee"]
    assert sum(1 for dv in rules.values() if dv.type == "date") == 2
    assert book["Uitleg"]["B3"].value.startswith("Verplicht")
    assert load_workbook(io.BytesIO(template_bytes("uk"))).sheetnames[0] == "Заходи"


def test_filled_in_template_imports(tmp_path, kb, lob_home):
    from recommender.initiatives import catalogue, import_table

    book = load_workbook(io.BytesIO(template_bytes("nl")))
    ws = book["Activiteiten"]
    ws.append(
        [
            "Techniekdag",
            "Evenement",
            dt.datetime(2027, 4, 2),
            None,
            None,
            "leerlingen klas 2",
            "Onderbouw vo (klas 1-2)",
            "Bouw",
            "Veel zelf doen",
            "Ahoy",
            "",
            "3084",
            "Rotterdam",
            "Bouwmensen",
            "bouwmensen.example",
            "Een dag zelf bouwen.",
            "Bouwen",  # the newer, optional columns (review 9: the template lacked them)
            "ja",
            None,
            None,
            "Charlois",
        ]
    )
    path = tmp_path / "ingevuld.xlsx"
    book.save(path)
    result = import_table(path, kb)
    assert result.fouten == [] and result.geimporteerd == 1
    ini = catalogue().records()[0]
    assert (ini.naam, ini.activiteiten, ini.datum, ini.praktijkgerichtheid) == (
        "Techniekdag",
        ["evenement"],
        dt.date(2027, 4, 2),
        "veel",
    )
    assert (ini.interesses, ini.via_school, ini.gebied) == (["bouwen"], True, ["geb_charlois"])

"""Import of a decaan's own list and export of search results (CSV and Excel)."""
from __future__ import annotations

import csv
import hashlib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from knowledge.loader import DATA_DIR
from knowledge.sources import source_label
from recommender.initiatives import table_io as catalog_io
from recommender.initiatives.catalogue import UserCatalogueError, load_user_catalogue, user_catalogue_path
from recommender.initiatives.search import InitiativeFilter, search_initiatives
from recommender.initiatives.table_io import (
    ImportFout,
    detect_separator,
    export_csv,
    export_xlsx,
    import_file,
    read_table,
)

GOOD_ROWS = [
    ["Robotlab Zuid", "Vmbo, Onderbouw", "Leerlingen|Ouders", "Workshop; Bedrijfsbezoek", "IT/ICT", "Veel",
     "Stichting Robot", "", "3083", "https://robotlab.example"],
    ["Havenspel online", "havo;vwo", "leerlingen", "wedstrijd", "Maritiem", "geen", "Havenclub", "landelijk", "", ""],
    ["Open avond installatie", "vmbo", "Ouders", "Open dag", "installatietechniek", "deels", "ROC Test", "lokaal",
     "Schiedam", ""],
]
HEADER = ["Naam", "Schooltype", "Doelgroep", "Activiteit", "Branche", "Praktijk", "Organisatie", "Bereik",
          "Plaats", "Website"]


def write_csv(path: Path, rows: list[list[str]], sep: str = ";", header: list[str] = HEADER) -> Path:
    """Write like Excel does: cells that hold the separator are quoted."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=sep, lineterminator="\n").writerows([header, *rows])
    return path


def data_dir_fingerprint() -> str:
    h = hashlib.sha256()
    for p in sorted(DATA_DIR.rglob("*")):
        if p.is_file():
            h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_import_good_csv_with_any_separator(tmp_path, kb, lob_home, sep):
    path = write_csv(tmp_path / "lijst.csv", GOOD_ROWS, sep=sep)
    result = import_file(path, kb, today=date(2026, 11, 22))
    assert result.fouten == [] and result.geimporteerd == 3
    assert result.kolommen["Praktijk"] == "praktijkgerichtheid" and result.kolommen["Plaats"] == "gemeente"
    records = {r.naam: r for r in load_user_catalogue(kb)}
    robot = records["Robotlab Zuid"]
    assert robot.schooltypen == ["vmbo", "vo_onderbouw"] and robot.doelgroepen == ["leerlingen", "ouders"]
    assert robot.activiteiten == ["gastles", "bedrijfsbezoek"] and robot.branches == ["ict"]
    assert robot.praktijkgerichtheid == "veel" and robot.bereik == "lokaal" and robot.locatie.precisie == "wijk"
    assert robot.id == "eigen-robotlab-zuid" and robot.classificatie == "algemene_kennis"
    assert robot.bronnen[0].bron == "eigen_import" and robot.bronnen[0].sectie == "lijst.csv 2026-11-22"
    assert records["Havenspel online"].bereik == "landelijk" and records["Havenspel online"].locatie.lat is None
    assert records["Open avond installatie"].locatie.precisie == "gemeente"


def test_imported_rows_are_searchable_at_once(tmp_path, kb, lob_home):
    import_file(write_csv(tmp_path / "lijst.csv", GOOD_ROWS), kb)
    extra = load_user_catalogue(kb)
    hits = search_initiatives(kb, InitiativeFilter(near="3083", km=3, q="robotlab"), extra=extra)
    assert [h.initiatief.id for h in hits] == ["eigen-robotlab-zuid"]
    assert hits[0].afstand_km is not None and hits[0].afstand_km < 0.01  # the row was placed at PC4 3083
    hits = search_initiatives(kb, InitiativeFilter(doelgroepen=["ouders"], branches=["installatietechniek"]),
                              extra=extra)
    assert "eigen-open-avond-installatie" in [h.initiatief.id for h in hits]


def test_import_goes_to_lob_home_never_to_knowledge_data(tmp_path, kb, lob_home):
    before = data_dir_fingerprint()
    result = import_file(write_csv(tmp_path / "lijst.csv", GOOD_ROWS), kb)
    assert Path(result.catalogus) == user_catalogue_path() == lob_home / "catalogus.yaml"
    assert (lob_home / "catalogus.yaml").is_file()
    assert data_dir_fingerprint() == before


def test_reimport_updates_and_replace_starts_afresh(tmp_path, kb, lob_home):
    path = write_csv(tmp_path / "lijst.csv", GOOD_ROWS)
    import_file(path, kb)
    import_file(path, kb)
    assert len(load_user_catalogue(kb)) == 3
    other = write_csv(tmp_path / "ander.csv", GOOD_ROWS[:1])
    result = import_file(other, kb, replace=True)
    assert result.totaal_in_catalogus == 1 and len(load_user_catalogue(kb)) == 1


def test_dry_run_writes_nothing(tmp_path, kb, lob_home):
    result = import_file(write_csv(tmp_path / "lijst.csv", GOOD_ROWS), kb, dry_run=True)
    assert len(result.ids) == 3 and result.geimporteerd == 0
    assert not user_catalogue_path().exists()


def test_bad_rows_are_reported_with_excel_row_numbers(tmp_path, kb, lob_home):
    rows = [
        GOOD_ROWS[0],                                                                     # row 2: good
        ["", "vmbo", "leerlingen", "gastles", "bouw", "veel", "X", "lokaal", "Delft", ""],  # 3: no name
        ["Mbo-dag", "mbo", "opa", "gastles", "zorg", "veel", "X", "lokaal", "Delft", ""],   # 4: three bad codes
        ["", "", "", "", "", "", "", "", "", ""],                                          # 5: blank, skipped
        ["Zonder plek", "vmbo", "leerlingen", "gastles", "bouw", "deels", "X", "lokaal", "", ""],  # 6: no location
        ["Onbekende stad", "vmbo", "leerlingen", "gastles", "bouw", "deels", "X", "", "Atlantis", ""],  # 7
        ["Lege praktijk", "vmbo", "leerlingen", "gastles", "bouw", "", "X", "", "Delft", ""],  # 8
        GOOD_ROWS[1],                                                                     # row 9: good
    ]
    result = import_file(write_csv(tmp_path / "fout.csv", rows), kb)
    assert result.geimporteerd == 2
    bad = {f.rij: f for f in result.fouten}
    assert set(bad) == {3, 4, 6, 7, 8}
    assert "naam is leeg" in bad[3].redenen
    assert len(bad[4].redenen) == 3 and any("'mbo' is geen geldige schooltype" in r for r in bad[4].redenen)
    assert any("toegestaan" in r and "ouders" in r for r in bad[4].redenen)
    assert any("geen ligging" in r for r in bad[6].redenen)
    assert any("Atlantis" in r for r in bad[7].redenen)
    assert bad[8].redenen == ["praktijkgerichtheid is leeg"]
    assert {r.naam for r in load_user_catalogue(kb)} == {"Robotlab Zuid", "Havenspel online"}


def test_lat_lon_columns_and_comma_decimals(tmp_path, kb, lob_home):
    header = ["initiatief", "schooltypen", "activiteiten", "praktijkgerichtheid", "latitude", "longitude"]
    path = write_csv(tmp_path / "coords.csv", [["Lab", "vmbo", "gastles", "veel", "51,92", "4,48"],
                                                ["Buiten NL", "vmbo", "gastles", "veel", "48.85", "2.35"]],
                     header=header)
    result = import_file(path, kb)
    assert result.geimporteerd == 1
    lab = load_user_catalogue(kb)[0]
    assert (lab.locatie.lat, lab.locatie.lon, lab.locatie.precisie) == (51.92, 4.48, "adres")
    assert lab.doelgroepen == ["leerlingen"] and lab.branches == ["techniek_breed"]  # absent columns: defaults
    assert result.standaardwaarden["doelgroepen"] == ["leerlingen"]
    assert result.fouten[0].rij == 3 and any("locatie.lat" in r for r in result.fouten[0].redenen)


def test_missing_required_column_is_a_file_error(tmp_path, kb, lob_home):
    path = write_csv(tmp_path / "half.csv", [["Lab", "vmbo"]], header=["naam", "schooltype"])
    with pytest.raises(ImportFout, match="activiteiten, praktijkgerichtheid ontbreken"):
        import_file(path, kb)


def test_import_xlsx(tmp_path, kb, lob_home):
    path = tmp_path / "lijst.xlsx"
    pd.DataFrame(GOOD_ROWS, columns=HEADER).to_excel(path, index=False)
    result = import_file(path, kb)
    assert result.geimporteerd == 3 and result.fouten == []


@pytest.mark.parametrize(("name", "content", "message"), [
    ("rapport.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "is een PDF"),
    ("ruis.csv", bytes(range(256)) * 40, "binair"),
    ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "oud Excel"),
    ("kapot.xlsx", b"PK\x03\x04 dit is geen echte zip", "geen leesbaar Excel"),
    ("brief.txt", b"Beste decaan,\nhier is geen tabel.\nGroet\n", "geen kolom met de naam"),
    ("leeg.csv", b"", "is leeg"),
    ("witruimte.csv", b"  \n\n ", "is leeg"),
    ("kop.csv", b"naam;schooltype;activiteit;praktijk\n", "geen rijen"),
])
def test_wrong_format_and_empty_files_give_clear_errors(tmp_path, kb, lob_home, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFout, match=message) as info:
        import_file(path, kb)
    assert name in str(info.value)
    assert not user_catalogue_path().exists()


def test_too_many_rows(tmp_path, kb, lob_home):
    rows = [[f"R{i}", "vmbo", "leerlingen", "gastles", "bouw", "deels", "X", "landelijk", "", ""]
            for i in range(catalog_io.MAX_ROWS + 1)]
    with pytest.raises(ImportFout, match="20001 rijen; het maximum is 20000"):
        import_file(write_csv(tmp_path / "groot.csv", rows), kb)


def test_too_big_file(tmp_path, kb, lob_home):
    path = tmp_path / "reus.csv"
    with path.open("wb") as fh:
        fh.write(b"naam;schooltype\n")
        fh.seek(catalog_io.MAX_BYTES + 10)
        fh.write(b"\n")
    with pytest.raises(ImportFout, match="te groot"):
        read_table(path)


def test_missing_file(tmp_path, kb):
    with pytest.raises(ImportFout, match="niet gevonden"):
        import_file(tmp_path / "bestaat_niet.csv", kb)


def test_detect_separator():
    assert detect_separator("a;b;c\n1;2;3") == ";"
    assert detect_separator("a,b,c\n1,2,3") == ","
    assert detect_separator("a\tb\tc\n1\t2\t3") == "\t"


def test_broken_user_catalogue_is_a_clear_error(lob_home, kb):
    lob_home.mkdir(parents=True)
    (lob_home / "catalogus.yaml").write_text("- id: x\n  naam: kapot\n", encoding="utf-8")
    with pytest.raises(UserCatalogueError, match="catalogus.yaml"):
        load_user_catalogue(kb)
    (lob_home / "catalogus.yaml").write_text("- {id: x, naam: [\n", encoding="utf-8")
    with pytest.raises(UserCatalogueError, match="geen geldige YAML"):
        load_user_catalogue(kb)


def test_user_catalogue_rejects_unknown_source(lob_home, kb, make_ini):
    from recommender.initiatives.catalogue import save_user_catalogue

    save_user_catalogue([make_ini("x", bronnen=["verzonnen_bron"])])
    with pytest.raises(UserCatalogueError, match="onbekende bron 'verzonnen_bron'"):
        load_user_catalogue(kb)


# --- export and round trip --------------------------------------------------------------
COMPARED = ("naam", "onderdeel_van", "omschrijving", "organisator", "website", "bereik", "lokaal_soort", "online",
            "schooltypen", "doelgroepen", "activiteiten", "praktijkgerichtheid", "branches")


def _same(a, b) -> None:
    for f in COMPARED:
        assert getattr(a, f) == getattr(b, f), (a.id, f)
    la, lb = a.locatie, b.locatie
    assert (la.naam, la.adres, la.gemeente, la.wijk, la.precisie) == (lb.naam, lb.adres, lb.gemeente, lb.wijk,
                                                                       lb.precisie)
    assert la.lat == pytest.approx(lb.lat) if la.lat is not None else lb.lat is None
    assert la.lon == pytest.approx(lb.lon) if la.lon is not None else lb.lon is None


def test_export_csv_has_all_attributes_distance_and_sources(tmp_path, kb):
    hits = search_initiatives(kb, InitiativeFilter(near="Charlois", km=10))
    path = tmp_path / "uit.csv"
    export_csv(hits, kb, path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert len(frame) == len(hits)
    assert {"id", "naam", "schooltypen", "praktijkgerichtheid", "afstand_km", "bronnen", "bron_ids", "lat",
            "precisie", "website"} <= set(frame.columns)
    first = hits[0].initiatief
    assert frame.loc[0, "id"] == first.id
    assert float(frame.loc[0, "afstand_km"]) == pytest.approx(hits[0].afstand_km)
    assert source_label(kb, first.bronnen[0], "nl", "full") in frame.loc[0, "bronnen"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_export_then_import(tmp_path, kb, lob_home, fmt):
    hits = search_initiatives(kb, InitiativeFilter())
    path = tmp_path / f"export.{fmt}"
    (export_csv if fmt == "csv" else export_xlsx)(hits, kb, path)
    result = import_file(path, kb)
    assert result.fouten == [], result.fouten[:3]
    assert result.geimporteerd == len(hits)
    assert "afstand_km" in result.genegeerde_kolommen and "bronnen" in result.genegeerde_kolommen
    back = load_user_catalogue(kb)
    assert len(back) == len(hits)
    by_name: dict[str, list] = {}
    for r in back:
        by_name.setdefault(r.naam, []).append(r)
    for h in hits:
        match = by_name[h.initiatief.naam].pop(0)
        _same(h.initiatief, match)
        assert match.bronnen[0].bron == "eigen_import" and match.id.startswith("eigen-")

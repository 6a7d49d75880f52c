"""The CLI: ``initiatives`` (filters, --json, --csv, --xlsx), ``initiatives-import`` and ``gaps``."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from app.cli import main


def out_json(capsys):
    return json.loads(capsys.readouterr().out)


def test_initiatives_json_has_all_attributes_distance_and_sources(capsys, kb, lob_home):
    assert main(["initiatives", "--near", "3083", "--km", "10", "--schooltype", "vmbo", "--json"]) == 0
    data = out_json(capsys)
    assert data and all("vmbo" in d["schooltypen"] for d in data)
    first = data[0]
    assert {
        "id",
        "naam",
        "bereik",
        "praktijkgerichtheid",
        "locatie",
        "bronnen",
        "afstand_km",
        "landelijk_online",
        "bronnen_tekst",
    } <= set(first)
    local = [d["afstand_km"] for d in data if not d["landelijk_online"]]
    assert local == sorted(local) and all(k <= 10 for k in local)
    assert all(d["afstand_km"] is None for d in data if d["landelijk_online"])
    assert first["bronnen_tekst"][0].startswith(kb.bronnen[first["bronnen"][0]["bron"]].titel)


@pytest.mark.parametrize(
    "args",
    [
        ["--doelgroep", "ouders"],
        ["--activiteit", "open_dag,bedrijfsbezoek"],
        ["--branche", "IT/ICT"],
        ["--praktijk", "veel", "--praktijk", "deels"],
        ["--no-landelijk"],
        ["--q", "lego", "--plain-text"],
    ],
)
def test_each_filter_option_reaches_the_search(capsys, lob_home, args):
    assert main(["initiatives", *args, "--json"]) == 0
    data = out_json(capsys)
    flag, value = args[0], (args[1] if len(args) > 1 else None)
    if flag == "--doelgroep":
        assert data and all("ouders" in d["doelgroepen"] for d in data)
    elif flag == "--activiteit":
        assert data and all({"open_dag", "bedrijfsbezoek"} & set(d["activiteiten"]) for d in data)
    elif flag == "--branche":
        assert data and all("ict" in d["branches"] for d in data)
    elif flag == "--praktijk":
        assert data and all(d["praktijkgerichtheid"] in ("veel", "deels") for d in data)
    elif flag == "--no-landelijk":
        assert data and not any(d["landelijk_online"] for d in data)
    else:
        assert all(d["score"] is not None for d in data)
    assert value is None or isinstance(value, str)


def test_bad_values_give_a_clean_message_and_exit_2(capsys, lob_home):
    assert main(["initiatives", "--doelgroep", "opa"]) == 2
    err = capsys.readouterr().err
    assert "opa" in err and "ouders" in err and "Traceback" not in err
    assert main(["initiatives", "--km", "5"]) == 2
    assert main(["initiatives", "--near", "Atlantis"]) == 2
    assert "Atlantis" in capsys.readouterr().err


def test_text_output(capsys, lob_home):
    assert main(["initiatives", "--near", "Charlois", "--km", "5", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "km" in out and "bron:" in out


def test_csv_to_stdout_and_xlsx_file(capsys, tmp_path, lob_home):
    assert main(["initiatives", "--branche", "maritiem", "--csv"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out), dtype=str, keep_default_na=False, sep=";")
    assert len(frame) > 0 and set(frame["Branche"].map(lambda v: "Maritiem" in v)) == {True}
    assert "Bron" in frame.columns and "Afstand (km)" in frame.columns
    xlsx = tmp_path / "uit.xlsx"
    csv_file = tmp_path / "uit.csv"
    assert (
        main(["initiatives", "--branche", "maritiem", "--xlsx", str(xlsx), "--csv", str(csv_file), "--taal", "en"]) == 0
    )
    english = pd.read_excel(xlsx, engine="openpyxl")
    assert len(english) == len(frame) == len(pd.read_csv(csv_file)) and english.columns[0] == "Name"


def test_import_lists_delete_and_undo_via_cli(capsys, tmp_path, lob_home):
    path = tmp_path / "mijn.csv"
    path.write_text(
        "naam;schooltype;activiteit soort;praktijk;postcode;datum\n"
        "Zuiderlab;vmbo;gastles;veel;3083;14 maart 2027\n"
        "Kapot;mbo;gastles;veel;3083;\n",
        encoding="utf-8",
    )
    assert main(["initiatives-import", str(path), "--naam", "Zuid", "--json"]) == 1  # 1: there was a bad row
    result = out_json(capsys)
    assert result["geimporteerd"] == 1 and result["fouten"][0]["rij"] == 3 and result["lijst_naam"] == "Zuid"
    assert main(["initiatives", "--q", "zuiderlab", "--plain-text", "--json"]) == 0
    found = out_json(capsys)
    assert [d["naam"] for d in found] == ["Zuiderlab"] and found[0]["eigen_lijst"] and found[0]["datum"] == "2027-03-14"
    assert (
        main(
            [
                "initiatives",
                "--komend",
                "--vandaag",
                "2026-11-30",
                "--near",
                "3083",
                "--km",
                "2",
                "--json",
                "--no-landelijk",
            ]
        )
        == 0
    )
    assert [(d["naam"], d["volgende_datum"]) for d in out_json(capsys)] == [("Zuiderlab", "2027-03-14")]
    assert main(["initiatives", "--q", "zuiderlab", "--plain-text", "--no-eigen", "--json"]) == 0
    assert out_json(capsys) == []
    # the same list again: duplicates need a choice, nothing is saved without one
    assert main(["initiatives-import", str(path)]) == 2
    assert "--bij-dubbel" in capsys.readouterr().err
    assert main(["initiatives-import", str(path), "--bij-dubbel", "bijwerken"]) == 1
    out = capsys.readouterr().out
    assert "rij 3 (Kapot)" in out and '"mbo" in schooltype kennen we niet' in out and "(bijgewerkt)" in out
    assert main(["initiatives-lists", "--json"]) == 0
    lists = out_json(capsys)["lijsten"]
    assert [(i["naam"], i["actief"]) for i in lists] == [("mijn.csv", 1), ("Zuid", 0)]
    assert main(["initiatives-list", str(lists[1]["id"]), "--json"]) == 0
    assert [r["actief"] for r in out_json(capsys)] == [False]
    assert main(["initiatives-undo"]) == 0 and "ongedaan" in capsys.readouterr().out
    assert main(["initiatives-delete", str(lists[1]["id"])]) == 0
    assert main(["initiatives-lists"]) == 0 and "Nog geen eigen lijsten" in capsys.readouterr().out
    assert main(["initiatives-delete", "99"]) == 2


def test_import_with_mapping_and_defaults_via_cli(capsys, tmp_path, lob_home):
    path = tmp_path / "school.csv"
    path.write_text(
        "Activiteit;Wanneer;Voor wie;Waar;Opmerking\nOpen dag Zadkine;14 maart;klas 3 vmbo;Rotterdam;Delft\n",
        encoding="utf-8",
    )
    assert main(["initiatives-import", str(path), "--dry-run"]) == 2
    assert "praktijkgerichtheid" in capsys.readouterr().err
    assert (
        main(
            [
                "initiatives-import",
                str(path),
                "--dry-run",
                "--standaard",
                "praktijkgerichtheid=veel",
                "--kolom",
                "Waar=",
                "--kolom",
                "Opmerking=gemeente",
                "--json",
            ]
        )
        == 0
    )
    data = out_json(capsys)
    assert data["kolommen"]["Opmerking"] == "gemeente" and "Waar" in data["genegeerde_kolommen"]
    assert main(["initiatives-import", str(path), "--standaard", "praktijk=veel"]) == 2
    assert "kan alleen voor" in capsys.readouterr().err


def test_template_and_db_commands(capsys, tmp_path, lob_home):
    target = tmp_path / "sjabloon.xlsx"
    assert main(["initiatives-template", str(target), "--taal", "en"]) == 0
    assert "sjabloon.xlsx" in capsys.readouterr().out
    assert pd.read_excel(target, engine="openpyxl").columns[0] == "Name"
    assert main(["db", "--json"]) == 0
    info = out_json(capsys)
    assert info["soort"] == "sqlite" and info["revisie"] == info["nieuwste_revisie"]


def test_import_wrong_file_exits_2(capsys, tmp_path, lob_home):
    path = tmp_path / "rapport.pdf"
    path.write_bytes(b"%PDF-1.7\n...")
    assert main(["initiatives-import", str(path)]) == 2
    assert "rapport.pdf is een PDF" in capsys.readouterr().err


def test_gaps_json_and_text(capsys, lob_home, kb):
    campus = next(iter(kb.campussen))
    assert main(["gaps", "--near", campus, "--km", "10", "--json"]) == 0
    data = out_json(capsys)
    assert data["km"] == 10 and data["totaal"] == len(data["initiatieven"])
    assert set(data["tellingen"]) == {
        "bereik",
        "lokaal_soort",
        "schooltype",
        "doelgroep",
        "activiteit",
        "praktijk",
        "branche",
    }
    assert all("zin" in g for g in data["gaps"])
    assert {"kenmerken", "tellingen_regio", "totaal_regio"} <= set(data)
    assert main(["gaps", "--near", "3083"]) == 0
    out = capsys.readouterr().out
    assert "tellen mee binnen 10 km van Tarwewijk" in out and "in de hele catalogus" in out
    assert main(["gaps"]) == 2


def test_gaps_campussen(capsys, lob_home):
    assert main(["gaps", "--campussen", "--json"]) == 0
    data = out_json(capsys)
    assert len(data) == 8 and all(c["toelichting"] and all(r["verklaring"] for r in c["regels"]) for c in data)
    assert main(["gaps", "--campussen"]) == 0
    out = capsys.readouterr().out
    assert "rapport" in out and "Toelichting" in out
    assert main(["gaps", "--campussen", "--markdown"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("| Campus |") and "| totaal=totaal |" in md


def test_q_without_index_falls_back_to_plain_text(capsys, lob_home):
    assert main(["initiatives", "--q", "lego", "--json"]) == 0
    captured = capsys.readouterr()
    assert "nog geen zoekindex" in captured.err
    assert any("lego" in d["naam"].lower() for d in json.loads(captured.out))

"""``lob-kompas interesse``: the item list, scoring an answers file or stdin, friendly errors (exit code 2)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from knowledge import vocab
from recommender.interest import load_items

REPO = Path(__file__).resolve().parents[2]
LIKES_CARS_AND_CARE = {
    i.id: ("leuk" if {"autos_motoren", "zorg_welzijn"} & set(i.meet) else "niet_leuk") for i in load_items()
}


def _file(tmp_path: Path, data: object) -> str:
    path = tmp_path / "antwoorden.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_items_json_lists_id_words_picture_and_meet(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interesse", "--items", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert len(items) == len(load_items())
    for item in items:
        assert set(item) == {"id", "woorden", "plaatje", "plaatje_pad", "meet"}
        assert set(item["woorden"]) == set(vocab.TALEN)
        assert Path(item["plaatje_pad"]).is_file() and item["plaatje_pad"].endswith(item["plaatje"])
        assert set(item["meet"]) <= set(vocab.INTERESSES + vocab.WERKVOORKEUREN)
    assert {"id": "scooter_repareren", "meet": ["autos_motoren", "handen"]}.items() <= items[0].items()


def test_items_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interesse", "--items"]) == 0
    out = capsys.readouterr().out
    assert "scooter_repareren" in out and "meet: autos_motoren, handen" in out


def test_answers_file_gives_scores_and_profile_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interesse", "--answers", _file(tmp_path, LIKES_CARS_AND_CARE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["profiel_velden"]["interesses"] == ["autos_motoren", "zorg_welzijn"]
    assert data["interesses"]["status"] == "duidelijk"
    scores = {s["waarde"]: s for s in data["scores"]}
    assert scores["autos_motoren"] == {
        "waarde": "autos_motoren",
        "soort": "interesse",
        "items": 2,
        "leuk": 2,
        "weet_niet": 0,
        "niet_leuk": 0,
        "punten": 4,
        "score": 1.0,
    }
    assert scores["bouwen"]["score"] == -0.5
    assert set(scores) == set(vocab.INTERESSES + vocab.WERKVOORKEUREN)


def test_answers_from_stdin_and_human_table(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"koken": "weet_niet"})))
    assert main(["interesse", "--answers", "-"]) == 0
    out = capsys.readouterr().out
    assert f"1 van {len(load_items())} items beantwoord" in out
    assert "Nog geen duidelijk beeld: probeer deze activiteiten eens uit" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "de antwoorden zijn leeg"),
        ("{not json", "geen geldige JSON"),
        ('{"scooter": "leuk"}', "onbekende item-id(s): scooter"),
        ('{"koken": "super"}', "item 'koken': antwoord \"super\" is ongeldig"),
        ("[]", "verwacht een JSON-object"),
    ],
)
def test_bad_answers_file_is_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    assert main(["interesse", "--answers", _file(tmp_path, content), "--json"]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""
    assert "Traceback" not in captured.err


def test_missing_file_directory_and_binary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interesse", "--answers", str(tmp_path / "nope.json")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    assert main(["interesse", "--answers", str(tmp_path)]) == 2
    assert "is een map" in capsys.readouterr().err
    binary = tmp_path / "x.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert main(["interesse", "--answers", str(binary)]) == 2
    assert "geen UTF-8" in capsys.readouterr().err


def test_too_large_file_is_refused_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.json"
    big.write_text("{" + " " * 1_100_000 + "}", encoding="utf-8")
    assert main(["interesse", "--answers", str(big)]) == 2
    assert "groter dan 1 MB" in capsys.readouterr().err


def test_exactly_one_mode(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interesse"]) == 2
    assert main(["interesse", "--items", "--betrouwbaarheid"]) == 2
    assert "kies één van" in capsys.readouterr().err


def test_reliability_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interesse", "--betrouwbaarheid", "--simulaties", "200", "--ruis", "0.1", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["soort_ruis"], r["met_werkvoorkeur"]) for r in rows} == {
        ("willekeurig", False),
        ("willekeurig", True),
        ("twijfel", False),
        ("twijfel", True),
    }
    assert all(0 <= r["interesses_terug"] <= 1 for r in rows)
    assert main(["interesse", "--betrouwbaarheid", "--ruis", "2"]) == 2


def test_real_command_line_without_traceback(tmp_path: Path) -> None:
    """The installed entry point, as a mentor would type it."""
    bad = _file(tmp_path, '{"koken": "misschien"}')
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "interesse", "--answers", bad, "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "toegestaan: leuk, weet_niet, niet_leuk" in done.stderr

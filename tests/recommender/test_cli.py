"""``lob-kompas recommend``: file, stdin, --json, --vocab, -n and friendly errors (exit code 2)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from knowledge import vocab

PROFIEL = {
    "leerjaar": "vo3",
    "schooltype": "vmbo-bb",
    "interesses": ["autos_motoren"],
    "werkvoorkeuren": ["handen"],
    "wijk": "Charlois",
    "taal_ouders": "en",
}


def _file(tmp_path: Path, data: object) -> str:
    path = tmp_path / "leerling.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_recommend_json_from_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", "--profile", _file(tmp_path, PROFIEL), "--json", "-n", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert 1 <= len(data["routes"]) <= 3
    assert data["routes"][0]["opleiding"]["richting"] == "mobiliteit_voertuigen"
    assert set(data["routes"][0]["uitleg"]) == {"nl", "en"}
    assert "activiteiten" in data and "zonder_techniekprofiel" in data


def test_recommend_human_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", "--profile", _file(tmp_path, PROFIEL)]) == 0
    out = capsys.readouterr().out
    assert "Routes" in out and "Activiteiten" in out and "[en]" in out and "score" in out


def test_recommend_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(PROFIEL)))
    assert main(["recommend", "--profile", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["routes"]


def test_vocab_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", "--vocab", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["interesses"] == list(vocab.INTERESSES)
    assert data["leerweg_voorkeur"] == list(vocab.LEERWEG_VOORKEUR)
    assert "vmbo_dalton_palmentuin" in data["school"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{kapot", "geen geldige JSON"),
        ({**PROFIEL, "interesses": ["raketten"]}, "toegestaan: bouwen"),
        ({**PROFIEL, "naam": "Sam"}, "onbekend veld"),
        ({**PROFIEL, "school": "bestaat_niet"}, "staat niet in de kennisbank"),
        ({**PROFIEL, "wijk": "Atlantis"}, "geen bekende postcode"),
        ("", "leeg"),
    ],
)
def test_bad_profiles_exit_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: object, expected: str
) -> None:
    assert main(["recommend", "--profile", _file(tmp_path, content)]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_missing_file_and_bad_n(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", "--profile", str(tmp_path / "nee.json")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:  # -n is checked by the argument parser now, with a Dutch message
        main(["recommend", "--profile", _file(tmp_path, PROFIEL), "-n", "0"])
    assert stop.value.code == 2
    assert "-n moet een heel getal van 1 tot en met 20 zijn" in capsys.readouterr().err


def test_broken_knowledge_base_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["recommend", "--profile", _file(tmp_path, PROFIEL), "--data-dir", str(tmp_path / "leeg")]) == 2
    err = capsys.readouterr().err
    assert "kennisbank" in err.lower() and "Traceback" not in err


def test_subprocess_pipe() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli", "recommend", "--json"],
        input=json.dumps(PROFIEL),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["routes"]


@pytest.mark.parametrize(
    "profiel",
    [
        # R12: groep 8, cooking + sport, Arabic: notices, stage steps and a try-out
        {
            "leerjaar": "groep8",
            "schooltype": "po",
            "schooladvies": "vmbo-bb",
            "interesses": ["koken_horeca"],
            "wijk": "Schilderswijk",
            "taal_ouders": "ar",
        },
        # R07: bb4 bouw, BBL, Polish: travel notice, route steps with the leerbedrijf line, an open day
        {
            "leerjaar": "vo4",
            "schooltype": "vmbo-bb",
            "interesses": ["bouwen"],
            "gemeente": "Vlaardingen",
            "belangrijk": ["snel_geld"],
            "taal_ouders": "pl",
        },
    ],
)
def test_text_output_gives_the_parents_line_for_warnings_steps_and_activities(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], profiel: dict[str, object]
) -> None:
    """Review 5: the text output translated only the intro and the route explanations. Every notice, step and
    activity now has the parents' line under it: the advice's own translation, the text the verslag uses."""
    from knowledge import load_knowledge
    from recommender.advies import recommend
    from recommender.profile import Profiel

    taal = str(profiel["taal_ouders"])
    assert main(["recommend", "--profile", _file(tmp_path, profiel)]) == 0
    regels = capsys.readouterr().out.splitlines()
    advies = recommend(load_knowledge(), Profiel.model_validate(profiel))
    verwacht = [m[taal] for m in [*advies.meldingen, *advies.goed_om_te_weten]]
    verwacht += [a.uitleg[taal] for a in advies.activiteiten]
    verwacht += [r.volgende_stap.tekst[taal] for r in advies.routes]
    if advies.fase_advies:
        verwacht += [s.tekst[taal] for s in advies.fase_advies.stappen]
    assert advies.activiteiten and (advies.meldingen or advies.goed_om_te_weten) and verwacht
    gedrukt = {r.strip() for r in regels}
    for tekst in verwacht:
        assert f"[{taal}] {tekst}" in gedrukt, tekst
    # each Dutch notice and stage step is followed by its parents' line; each activity too
    activiteiten = regels.index("Activiteiten")
    for i, r in enumerate(regels[:-1]):
        if r.startswith(("Let op: ", "Goed om te weten: ", "* ")) or (i > activiteiten + 1 and r.startswith("- ")):
            assert regels[i + 1].startswith(f"  [{taal}] "), (r, regels[i + 1])


def test_recommend_text_names_school_profielen_not_codes(capsys: pytest.CaptureFixture[str]) -> None:
    """Review 9: '- school: Zuiderpark College (~8,9 km); PIE, MT' showed codes; the text names the profielen."""
    persona = Path(__file__).resolve().parents[2] / "docs" / "reviews" / "personas" / "R44.json"
    assert main(["recommend", "--profile", str(persona)]) == 0
    # review 10: the line is a sentence ("<school> heeft het profiel ..."), no longer "- school: ...; ..."
    regels = [
        r
        for r in capsys.readouterr().out.splitlines()
        if r.startswith("- ") and " heeft de profiel" in r or " heeft het profiel" in r
    ]
    assert regels and all(not r.rstrip().endswith(("PIE, MT", "; GR", "; PIE")) for r in regels), regels
    assert any("Produceren, installeren en energie" in r for r in regels), regels

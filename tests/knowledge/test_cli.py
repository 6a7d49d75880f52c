"""The knowledge commands of the CLI: validate, stats --json, inventaris."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.cli import main
from knowledge import KnowledgeBase
from knowledge.loader import DATA_DIR


def test_stats_json_prints_counts_per_kind(kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == kb.counts()
    assert {"beroepen", "opleidingen", "initiatieven"} <= set(data)


def test_validate_prints_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "beroepen" in out and "initiatieven" in out


def test_validate_on_a_broken_copy_names_the_problem_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "beroepen.yaml").write_text("- id: x\n  naam: 3\n", encoding="utf-8")
    assert main(["validate", "--data-dir", str(data)]) == 2
    err = capsys.readouterr().err
    assert "beroepen.yaml" in err and "Traceback" not in err


def test_inventaris_json_compares_with_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inventaris", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(r["dimensie"] == "doelgroepen" and r["code"] == "ouders" and r["rapport"] == 13 for r in rows)

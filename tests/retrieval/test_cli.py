"""The retrieval commands of the CLI: build, ask, search, ingest, eval (with --json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_build_on_a_current_index_only_loads(lob_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["build", "--json"], capsys)
    data = json.loads(out)
    # "shipped": the index that ships with the code is used in place; either way nothing is embedded
    assert code == 0 and data["status"] in ("loaded", "shipped") and data["embedded"] == 0 and data["chunks"] > 100


def test_ask_json_has_the_agreed_shape(lob_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "--json", "--no-llm", "BBL nedir?"], capsys)
    data = json.loads(out)
    assert code == 0 and data["language"] == "tr" and data["grounded"] is True and data["reply_kind"] == "answer"
    assert data["details"] and len(data["answer"]) < len(data["details"])
    assert data["sources"][0]["source"] == "artikel:bol_bbl" and data["sources"][0]["kind"] == "knowledge"
    assert all(s["label"] and s["kind"] in ("knowledge", "report", "activity", "own_document") for s in data["sources"])


def test_ask_with_previous_reads_the_follow_up(lob_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "--json", "--no-llm", "--previous", "BBL nedir?", "peki ne kadar sürüyor?"], capsys)
    data = json.loads(out)
    assert code == 0 and data["language"] == "tr" and data["topic"] == "artikel:mbo_niveaus#duur"


def test_ask_with_lang_and_plain_output(lob_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["ask", "--lang", "en", "--no-llm", "Wat is BBL?"], capsys)
    assert code == 0 and "Sources:" in out and "artikel:" not in out


def test_ask_empty_question_is_a_clear_error(lob_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["ask", "--no-llm", ""], capsys)
    assert code == 2 and "Stel een vraag" in err and "Traceback" not in err


def test_search_prints_sources_and_scores(lob_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["search", "--json", "--kind", "beroep", "lassen", "-k", "3"], capsys)
    hits = json.loads(out)
    assert code == 0 and len(hits) == 3 and all(h["kind"] == "beroep" for h in hits)


def test_ingest_of_a_binary_file_names_it(
    lob_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOB_HOME", str(tmp_path))  # keep the session home free of user documents
    bad = tmp_path / "foto.pdf"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not a pdf")
    code, _, err = run(["ingest", str(bad)], capsys)
    assert code == 2 and "foto.pdf" in err and "Traceback" not in err


def test_eval_json_on_a_small_set(lob_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = tmp_path / "q.yaml"
    small.write_text(
        "- {id: a, lang: nl, type: article, question: 'Wat is BBL?', expected_sources: [artikel:bol_bbl],"
        " expected_facts: [BBL]}\n"
        "- {id: b, lang: en, type: out_of_scope, question: 'What is a good recipe for pancakes?'}\n",
        encoding="utf-8",
    )
    code, out, _ = run(["eval", "--json", "--file", str(small)], capsys)
    data = json.loads(out)
    assert code == 0 and set(data["summary"]) == {"fused", "bm25", "dense"}
    assert data["summary"]["fused"]["all"]["refusal"] == 1.0
    assert data["latency"]["n"] == 2
    replies = data["replies"]["all"]
    assert replies["right"] == 1.0 and replies["declined"] == 1.0 and replies["words_max"] <= 120
    code, out, _ = run(["eval", "--file", str(small)], capsys)
    assert code == 0 and "right" in out and "declined" in out and "targets:" in out

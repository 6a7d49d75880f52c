"""Fuzz: command-line arguments, run through ``app.cli.main`` in-process (and a few real subprocesses).

Every run ends with an exit code (0, 1 or 2) and, on failure, a Dutch message on stderr; nothing is
written when a command fails."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli import build_parser, main
from app.commands.common import clean_argv
from knowledge.inputs import InputError
from tests.fuzz.helpers import Tally, examples, is_user_message

REPO = Path(__file__).resolve().parents[2]
VALUES = st.one_of(
    st.sampled_from(
        [
            "3083",
            "Charlois",
            "ETL",
            "Atlantis",
            "-1",
            "-5",
            "0",
            "1e999",
            "nan",
            "inf",
            "10",
            "2,5",
            "9" * 5000,
            "Ren\udce9",
            "\x00",
            "\ufeffvmbo",
            "meisjes",
            "bouw,ict",
            "![x](http://t/)",
            "",
            " ",
            "/nonexistent/dir/x.xlsx",
            "-",
            "--json",
        ]
    ),
    st.text(max_size=30),
    st.integers(-(10**6), 10**6).map(str),
)
OPTIONS = {
    "initiatives": [
        "--schooltype",
        "--doelgroep",
        "--activiteit",
        "--branche",
        "--praktijk",
        "--near",
        "--km",
        "--q",
        "--limit",
        "--csv",
        "--xlsx",
    ],
    "gaps": ["--near", "--km"],
    "recommend": ["-n", "--profile"],
    "search": ["-k", "--mode", "--kind", "--language", "--source"],
    "ask": ["--lang"],
    "ingest": [],
    "app": ["--port", "--address"],
    "validate": [],
    "stats": [],
}
FLAGS = {
    "initiatives": ["--json", "--no-landelijk", "--no-eigen", "--plain-text"],
    "gaps": ["--json", "--campussen"],
    "recommend": ["--json", "--vocab"],
    "search": ["--json"],
    "ask": ["--json", "--no-llm"],
    "ingest": ["--json"],
    "app": ["--serve-network", "--dry-run"],
    "validate": ["--json"],
    "stats": ["--json"],
}
RUN_IN_PROCESS = {"initiatives", "gaps", "recommend", "validate", "stats"}  # the rest load the model: parse only


@st.composite
def argvs(draw: Any) -> list[str]:
    command = draw(st.sampled_from(sorted(OPTIONS)))
    argv = [command]
    for opt in draw(st.lists(st.sampled_from(OPTIONS[command] or ["--json"]), max_size=4)):
        argv += [opt, draw(VALUES)]
    argv += draw(st.lists(st.sampled_from(FLAGS[command]), max_size=2, unique=True))
    if command in ("search", "ask", "ingest"):
        argv += draw(st.lists(VALUES, min_size=0, max_size=2))
    if draw(st.integers(0, 9)) == 0:
        argv.insert(draw(st.integers(0, len(argv))), draw(VALUES))  # a stray argument anywhere
    return argv


@pytest.fixture()
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LOB_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _profile_file(folder: Path, draw_bytes: bytes) -> Path:
    path = folder / "p.json"
    path.write_bytes(draw_bytes)
    return path


@settings(max_examples=examples(4))
@given(
    argv=argvs(),
    stdin=st.one_of(st.binary(max_size=200), st.just(b'\xef\xbb\xbf{"leerjaar": "vo3", "schooltype": "vmbo-bb"}')),
)
def test_cli_arguments(
    tally: Tally,
    tmp_path_factory: Any,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    stdin: bytes,
) -> None:
    work = tmp_path_factory.mktemp("cli")
    monkeypatch.setenv("LOB_HOME", str(work / "home"))
    monkeypatch.chdir(work)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8", errors="surrogateescape"))
    argv = [str(work / "p.json") if a == "p.json" else a for a in argv]
    capsys.readouterr()
    start = time.perf_counter()
    outcome = "clean"
    try:
        if argv[0] in RUN_IN_PROCESS:
            code = main(argv)
        else:  # the same boundary as main(), then argparse only
            code = 0
            try:
                cleaned = clean_argv(argv)
            except InputError:
                code = 2
            else:
                build_parser().parse_args(cleaned)
    except SystemExit as stop:  # argparse: --help (0) or a usage error (2)
        code = stop.code if isinstance(stop.code, int) else 2
    except Exception:
        tally.add("CLI arguments", "traceback")
        raise
    out = capsys.readouterr()
    if (
        code not in (0, 1, 2)
        or code == 2
        and not is_user_message(out.err.strip().split("\n")[-1])
        or "Traceback" in out.err
    ):
        outcome = "traceback"
    created = sorted(p.name for p in work.iterdir() if p.name not in ("home",))
    if code != 0 and created:
        outcome = "lost"  # a failing command left a file behind
    tally.add("CLI arguments", outcome, time.perf_counter() - start)
    assert outcome == "clean", (argv, code, out.err[-500:], created)


def _run(
    args: list[bytes | str], env: dict[str, str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], env=env, cwd=REPO, input=stdin, capture_output=True, timeout=300
    )


@pytest.mark.parametrize(
    "case", ["ask_latin1_argv", "recommend_bom_stdin", "search_negative_k", "export_missing_folder", "huge_argument"]
)
def test_cli_in_real_processes(case: str, lob_home: Path, tally: Tally, tmp_path: Path) -> None:
    env = dict(os.environ, LOB_HOME=str(lob_home), PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    profile = (
        b'\xef\xbb\xbf{"leerjaar": "vo3", "schooltype": "vmbo-bb", "postcode": "3083", "interesses": ["autos_motoren"]}'
    )
    runs = {
        "ask_latin1_argv": lambda: _run([b"ask", b"--no-llm", b"Wat is BBL? Ren\xe9"], env),
        "recommend_bom_stdin": lambda: _run(["recommend", "--json"], env, profile),
        "search_negative_k": lambda: _run(["search", "-k", "-5", "bbl"], env),
        "export_missing_folder": lambda: _run(
            ["initiatives", "--no-eigen", "--xlsx", str(tmp_path / "nee" / "x.xlsx")], env
        ),
        "huge_argument": lambda: _run(["initiatives", "--near", "x" * 100_000], env),
    }
    start = time.perf_counter()
    done = runs[case]()
    err = done.stderr.decode("utf-8", "replace")
    want_ok = case in ("ask_latin1_argv", "recommend_bom_stdin")
    clean = (
        "Traceback" not in err
        and (done.returncode == 0 if want_ok else done.returncode == 2)
        and (want_ok or is_user_message(err.strip().splitlines()[-1]))
    )
    if case == "recommend_bom_stdin" and clean:
        clean = bool(json.loads(done.stdout)["routes"])
    tally.add("CLI (subprocess)", "clean" if clean else "traceback", time.perf_counter() - start)
    assert clean, (case, done.returncode, err[-800:])

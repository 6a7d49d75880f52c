"""The benchmark keeps running: `lob-kompas bench --quick` measures every part and prints its report.

Speed is not asserted here (benchmarks print figures; see docs/benchmarks.md), only that every
figure is there and sane, so the benchmark never rots.
"""

from __future__ import annotations

import math
from pathlib import Path

from app.bench.run import run_bench
from app.commands.bench_cmd import format_report


def test_quick_bench_measures_every_part(lob_home: Path) -> None:
    result = run_bench(quick=True, home=lob_home)
    assert result["quick"] is True
    assert result["index"]["load_status"] == "loaded"
    for part in ("ask", "retrieval"):
        stats = result["ask"][part]
        assert stats["n"] >= 5 and 0 < stats["median_ms"] <= stats["p95_ms"] <= stats["max_ms"]
    side = result["ask_vs_embedding"]
    for key in ("without_own_list", "with_own_list"):
        row = side[key]
        assert row["ask"]["n"] == row["embed"]["n"] >= 20 and row["p95_ratio"] > 0
    assert side["with_own_list"]["own_list_size"] == 1_000
    assert result["recommend"]["n"] == 100 and result["recommend"]["p95_ms"] > 0
    assert [row["n"] for row in result["initiatives"]] == [1_000]
    assert result["initiatives"][0]["gaps"]["n"] > 0
    assert set(result["quality"]) == {"fused", "bm25", "dense"}
    assert all(
        0 <= v <= 1 for mode in result["quality"].values() for k, v in mode.items() if k != "n" and v is not None
    )
    process = result["process"]
    assert "error" not in process, process
    assert process["cold_start_s"]["median"] > 0 and process["app_peak_rss_mb"] > 50
    kinds = {row["kind"] for row in result["scale"]}
    assert {"flat", "ivf"} <= kinds
    assert all(math.isfinite(row["recall_at_k"]) for row in result["scale"] if not row["skipped"])
    report = format_report(result)
    for heading in ("Index", "Latency (warm)", "Retrieval quality", "Vector index scale"):
        assert heading in report

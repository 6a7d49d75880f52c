"""Latency of :func:`recommender.advies.recommend` over random valid profiles.

    python -m app.bench.recommend_latency --n 1000 --seed 0

Prints median, p95 and max in milliseconds (the first call, which builds the route index, is
excluded and reported separately). Reusable by ``lob-kompas bench`` through :func:`measure`.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time

from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.stats import percentile
from recommender.advies import recommend
from recommender.profile import random_profiles


def measure(kb: KnowledgeBase, n: int = 1000, seed: int = 0) -> dict[str, float]:
    """Time ``recommend`` on ``n`` random valid profiles; milliseconds."""
    profiles = random_profiles(kb, n, seed)
    t0 = time.perf_counter()
    recommend(kb, profiles[0])
    first = (time.perf_counter() - t0) * 1000
    times = []
    for p in profiles:
        t = time.perf_counter()
        recommend(kb, p)
        times.append((time.perf_counter() - t) * 1000)
    return {"n": n, "seed": seed, "eerste_ms": round(first, 2), "mediaan_ms": round(statistics.median(times), 3),
            "p95_ms": round(percentile(times, 0.95), 3), "max_ms": round(max(times), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(json.dumps(measure(load_knowledge(), args.n, args.seed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

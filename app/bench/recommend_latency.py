"""Latency of :func:`recommender.advies.recommend` over random valid profiles, warm.

    python -m app.bench.recommend_latency --n 1000 --seed 0 --catalogue 10000

Prints median, p95 and max in milliseconds, wall clock and CPU time of this process. The first
calls (route index, the activity arrays of the catalogue, every language's texts) are excluded and
reported separately as ``eerste_ms``. ``catalogue`` adds a synthetic user catalogue of that many
initiatives (the school's own list, :func:`app.bench.synthetic.synthetic_catalogue`), as a decaan's
imported list would. The machine's load average is reported beside the figures: on a shared machine
wall-clock time grows with the load, CPU time much less. Reusable by ``lob-kompas bench`` through
:func:`measure`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from typing import Any

from app.bench.synthetic import synthetic_catalogue
from knowledge import vocab
from knowledge.loader import KnowledgeBase, load_knowledge
from knowledge.stats import percentile
from recommender.advies import recommend
from recommender.profile import Profiel, random_profiles


def _warm(kb: KnowledgeBase, profiles: list[Profiel], catalogue: list[Any] | None) -> float:
    """The cold part: the first advice, then one per parents' language so every catalogue is loaded."""
    t0 = time.perf_counter()
    recommend(kb, profiles[0], eigen_initiatieven=catalogue)
    first = (time.perf_counter() - t0) * 1000
    for taal in vocab.TALEN:
        recommend(kb, profiles[0].model_copy(update={"taal_ouders": taal}), eigen_initiatieven=catalogue)
    return first


def measure(kb: KnowledgeBase, n: int = 1000, seed: int = 0, catalogue: int = 0) -> dict[str, Any]:
    """Time ``recommend`` on ``n`` random valid profiles (with a synthetic catalogue of ``catalogue``
    initiatives when > 0); milliseconds."""
    profiles = random_profiles(kb, n, seed)
    extra = synthetic_catalogue(catalogue, seed=1) if catalogue else None
    first = _warm(kb, profiles, extra)
    wall: list[float] = []
    cpu: list[float] = []
    for p in profiles:
        t, c = time.perf_counter(), time.process_time()
        recommend(kb, p, eigen_initiatieven=extra)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - t) * 1000)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "n": n,
        "seed": seed,
        "catalogus": catalogue,
        "eerste_ms": round(first, 2),
        "mediaan_ms": round(statistics.median(wall), 3),
        "p95_ms": round(percentile(wall, 0.95), 3),
        "max_ms": round(max(wall), 3),
        "cpu_mediaan_ms": round(statistics.median(cpu), 3),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 3),
        "load_avg": round(load, 2) if load is not None else None,
        "cores": os.cpu_count(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--catalogue", type=int, default=10_000, help="synthetic user catalogue size (0: none)")
    args = parser.parse_args(argv)
    print(json.dumps(measure(load_knowledge(), args.n, args.seed, args.catalogue)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

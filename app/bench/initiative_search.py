"""Latency of :func:`recommender.initiatives.search_initiatives` over a synthetic catalogue.

``python -m app.bench.initiative_search --n 10000`` prints median and p95 (ms) over a fixed,
realistic mix of decaan queries (place + radius, schooltype, doelgroep, activiteit, branche,
praktijk, free text). Wall-clock and CPU time (``time.process_time``) are both given: on a busy
machine the wall-clock tail mostly measures other processes. Building the index once is measured
separately. The benchmark of issue 7
can call :func:`search_latency` directly.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time

from pydantic import BaseModel

from app.bench.synthetic import synthetic_catalogue
from knowledge import vocab
from knowledge.geo import Place
from knowledge.loader import KnowledgeBase
from knowledge.stats import percentile
from recommender.initiatives.search import InitiativeFilter, search_initiatives

# Places used when no knowledge base is given (rounded coordinates in the MRDH area).
_PLACES = (
    Place("3083", "Tarwewijk", "postcode", 51.8925, 4.478),
    Place("Delft", "Delft", "gemeente", 52.01, 4.36),
    Place("Den Haag", "Den Haag", "gemeente", 52.07, 4.30),
    Place("Schiedam", "Schiedam", "gemeente", 51.92, 4.40),
)
_NEAR_TEXT = ("3083", "3074", "Charlois", "Delft", "Den Haag", "Schiedam", "Zoetermeer", "Vlaardingen")
_WORDS = ("robot", "haven", "lego", "energie", "bouw", "drone", "code", "techniekdag")


class Latency(BaseModel):
    n_initiatieven: int
    n_queries: int
    index_ms: float
    median_ms: float
    p95_ms: float
    max_ms: float
    cpu_median_ms: float
    cpu_p95_ms: float
    gemiddeld_aantal_resultaten: float


def query_mix(n: int = 200, seed: int = 42) -> list[InitiativeFilter]:
    """A deterministic mix of filters as a decaan would combine them."""
    rng = random.Random(seed)
    out: list[InitiativeFilter] = []
    for _ in range(n):
        f: dict = {}
        if rng.random() < 0.6:
            f["near"] = rng.choice(_NEAR_TEXT)
            if rng.random() < 0.5:
                f["km"] = rng.choice((5.0, 10.0, 15.0))
        if rng.random() < 0.5:
            f["schooltypen"] = rng.sample(vocab.SCHOOLTYPEN_INITIATIEF, rng.randint(1, 2))
        if rng.random() < 0.25:
            f["doelgroepen"] = [rng.choice(vocab.DOELGROEPEN)]
        if rng.random() < 0.3:
            f["activiteiten"] = rng.sample(vocab.ACTIVITEITEN, rng.randint(1, 2))
        if rng.random() < 0.25:
            f["branches"] = [rng.choice(vocab.BRANCHES)]
        if rng.random() < 0.25:
            f["praktijk"] = [rng.choice(vocab.PRAKTIJK)]
        if rng.random() < 0.2:
            f["q"] = rng.choice(_WORDS)
        if rng.random() < 0.1:
            f["include_landelijk"] = False
        out.append(InitiativeFilter(**f))
    return out


def search_latency(n: int = 10_000, seed: int = 1, kb: KnowledgeBase | None = None, queries: int = 200) -> Latency:
    """Median/p95 latency of one search over ``n`` synthetic initiatives (plus ``kb``'s own, if given)."""
    cat = synthetic_catalogue(n, seed)
    t0 = time.perf_counter()
    search_initiatives(kb, InitiativeFilter(q="warm"), extra=cat)  # builds and caches the index (+ text index)
    index_ms = (time.perf_counter() - t0) * 1000
    times: list[float] = []
    cpu: list[float] = []
    sizes: list[int] = []
    for i, flt in enumerate(query_mix(queries)):
        place = None if kb is not None or flt.near is None else _PLACES[i % len(_PLACES)]
        t, c = time.perf_counter(), time.process_time()
        hits = search_initiatives(kb, flt, extra=cat, place=place)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        sizes.append(len(hits))
        del hits
    times.sort()
    cpu.sort()
    return Latency(
        n_initiatieven=len(cat) + (len(kb.initiatieven) if kb else 0),
        n_queries=len(times),
        index_ms=round(index_ms, 1),
        median_ms=round(statistics.median(times), 2),
        p95_ms=round(percentile(times, 0.95), 2),
        max_ms=round(times[-1], 2),
        cpu_median_ms=round(statistics.median(cpu), 2),
        cpu_p95_ms=round(percentile(cpu, 0.95), 2),
        gemiddeld_aantal_resultaten=round(statistics.mean(sizes), 1),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--with-kb", action="store_true", help="add the real knowledge base and resolve places")
    args = parser.parse_args(argv)
    kb = None
    if args.with_kb:
        from knowledge import load_knowledge

        kb = load_knowledge()
    print(json.dumps(search_latency(args.n, args.seed, kb, args.queries).model_dump(), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

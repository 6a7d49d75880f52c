"""Reliability of the interest check: simulated pupils with a known liking answer the real items, with noise.

The pupil model (documented in recommender/README.md, "Reliability"):

* The pupil likes 1-3 interests (attitude +1); every other interest is neutral (0) or disliked (-1), half/half.
  In the ``werk`` variant the pupil also likes one way of working (+1); the other ways are neutral.
* A picture's attitude is the best attitude among the interests it shows, plus half the best attitude
  among the ways of working it shows: >= 0.5 gives "leuk", <= -0.5 "niet leuk", else "weet niet".
* Noise: with probability ``ruis`` an answer changes. ``willekeurig``: it becomes a random answer (a careless
  click); ``twijfel``: it moves one step (leuk <-> weet niet <-> niet leuk), like a pupil in doubt.

A simulation is a hit when every liked interest is in the check's top interests (and, in the ``werk``
variant, the liked way of working is in the top work preferences). The RNG is seeded: same numbers every run.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel

from knowledge import vocab
from recommender.interest.items import Item, dekking
from recommender.interest.scoring import ANTWOORDEN, scoor

Ruis = Literal["willekeurig", "twijfel"]
WERK_GEWICHT = 0.5  # what you do weighs more than how you do it


class Betrouwbaarheid(BaseModel):
    """Share of simulated pupils who get their pattern back."""

    simulaties: int
    ruis: float
    soort_ruis: Ruis
    met_werkvoorkeur: bool
    seed: int
    interesses_terug: float
    werkvoorkeur_terug: float | None
    patroon_terug: float
    gemiddeld_aantal_top: float


def _noisy(answer: str, rng: random.Random, ruis: float, kind: Ruis) -> str:
    if rng.random() >= ruis:
        return answer
    if kind == "willekeurig":
        return rng.choice(ANTWOORDEN)
    if answer == "weet_niet":
        return rng.choice(("leuk", "niet_leuk"))
    return "weet_niet"


def simuleer_leerling(
    items: Sequence[Item], liked: set[str], rng: random.Random, ruis: float = 0.0, soort_ruis: Ruis = "willekeurig"
) -> dict[str, str]:
    """The answers of one simulated pupil who likes exactly the values in ``liked``."""
    attitude = {w: 1.0 if w in liked else rng.choice((0.0, -1.0)) for w in vocab.INTERESSES}
    attitude.update({w: 1.0 if w in liked else 0.0 for w in vocab.WERKVOORKEUREN})
    answers: dict[str, str] = {}
    for item in items:
        what = [attitude.get(w, 0.0) for w in item.meet if w in vocab.INTERESSES]
        how = [attitude.get(w, 0.0) for w in item.meet if w in vocab.WERKVOORKEUREN]
        u = (max(what) if what else 0.0) + WERK_GEWICHT * (max(how) if how else 0.0)
        answer = "leuk" if u >= 0.5 else "niet_leuk" if u <= -0.5 else "weet_niet"
        answers[item.id] = _noisy(answer, rng, ruis, soort_ruis)
    return answers


def betrouwbaarheid(
    items: Sequence[Item],
    simulaties: int = 1000,
    ruis: float = 0.15,
    soort_ruis: Ruis = "willekeurig",
    met_werkvoorkeur: bool = False,
    seed: int = 16,
) -> Betrouwbaarheid:
    """Run ``simulaties`` simulated pupils through the real scoring and count how many get their pattern back."""
    rng = random.Random(seed)
    counts = dekking(items)
    interesses = [w for w in vocab.INTERESSES if counts[w]]
    werk = [w for w in vocab.WERKVOORKEUREN if counts[w]]
    hit_i = hit_w = hit_both = top_total = 0
    for _ in range(simulaties):
        liked_i = set(rng.sample(interesses, rng.randint(1, 3)))
        liked_w = {rng.choice(werk)} if met_werkvoorkeur else set()
        uitslag = scoor(items, simuleer_leerling(items, liked_i | liked_w, rng, ruis, soort_ruis))
        ok_i = liked_i <= set(uitslag.interesses.top)
        ok_w = liked_w <= set(uitslag.werkvoorkeuren.top)
        hit_i += ok_i
        hit_w += ok_w
        hit_both += ok_i and ok_w
        top_total += len(uitslag.interesses.top)
    return Betrouwbaarheid(
        simulaties=simulaties,
        ruis=ruis,
        soort_ruis=soort_ruis,
        met_werkvoorkeur=met_werkvoorkeur,
        seed=seed,
        interesses_terug=round(hit_i / simulaties, 4),
        werkvoorkeur_terug=round(hit_w / simulaties, 4) if met_werkvoorkeur else None,
        patroon_terug=round(hit_both / simulaties, 4),
        gemiddeld_aantal_top=round(top_total / simulaties, 2),
    )

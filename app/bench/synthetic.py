"""A deterministic synthetic catalogue of initiatives for benchmarks and load tests.

The records are fake (ids ``syn-000001``...), valid against :class:`knowledge.schema.Initiatief`,
and spread around a few town centres in the MRDH area (approximate centres, rounded). They are
never written into the knowledge base.
"""

from __future__ import annotations

import random

from knowledge import vocab
from knowledge.schema import Initiatief

# Rounded town centres in the MRDH area (lat, lon, name, weight); approximate by design.
_CENTRES: tuple[tuple[float, float, str, int], ...] = (
    (51.92, 4.48, "Rotterdam", 8),
    (52.07, 4.30, "Den Haag", 6),
    (52.01, 4.36, "Delft", 3),
    (52.06, 4.49, "Zoetermeer", 2),
    (51.92, 4.40, "Schiedam", 1),
    (51.91, 4.34, "Vlaardingen", 1),
    (51.90, 4.24, "Maassluis", 1),
    (51.87, 4.19, "Voorne aan Zee", 1),
    (51.88, 4.52, "Barendrecht", 1),
    (51.89, 4.61, "Ridderkerk", 1),
    (51.96, 4.55, "Capelle aan den IJssel", 1),
    (52.04, 4.25, "Rijswijk", 1),
    (51.99, 4.21, "Westland", 1),
    (51.97, 4.43, "Lansingerland", 1),
    (51.85, 4.30, "Nissewaard", 1),
)
_WORDS = (
    "robot",
    "lego",
    "haven",
    "drone",
    "lab",
    "bouwplaats",
    "energie",
    "code",
    "installatie",
    "schip",
    "zonnepaneel",
    "techniekdag",
    "maakplaats",
    "elektro",
    "proefjes",
    "game",
    "bouw",
    "metaal",
)


def _pick(rng: random.Random, codes: tuple[str, ...], k_max: int) -> list[str]:
    k = rng.randint(1, k_max)
    chosen = set(rng.sample(codes, k))
    return [c for c in codes if c in chosen]


def synthetic_catalogue(n: int, seed: int = 0) -> list[Initiatief]:
    """``n`` valid, deterministic fake initiatives (same ``n`` and ``seed`` give the same list)."""
    rng = random.Random(seed)
    weights = [c[3] for c in _CENTRES]
    out: list[Initiatief] = []
    for i in range(1, n + 1):
        landelijk = rng.random() < 0.15
        w1, w2 = rng.sample(_WORDS, 2)
        raw: dict = {
            "id": f"syn-{i:06d}",
            "naam": f"{w1.capitalize()} {w2} project {i}",
            "omschrijving": f"Synthetisch initiatief over {w1} en {w2} voor de benchmark.",
            "organisator": f"Organisatie {rng.randint(1, 400)}",
            "bereik": "landelijk" if landelijk else "lokaal",
            "online": landelijk and rng.random() < 0.5,
            "schooltypen": _pick(rng, vocab.SCHOOLTYPEN_INITIATIEF, 4),
            "doelgroepen": ["leerlingen"] + [d for d in _pick(rng, vocab.DOELGROEPEN[1:], 2) if rng.random() < 0.3],
            "activiteiten": _pick(rng, vocab.ACTIVITEITEN, 3),
            "praktijkgerichtheid": rng.choice(vocab.PRAKTIJK),
            "branches": _pick(rng, vocab.BRANCHES, 2),
            "classificatie": "algemene_kennis",
            "bronnen": ["algemene_kennis#synthetische testgegevens"],
        }
        if landelijk:
            raw["locatie"] = {"precisie": "landelijk"}
        else:
            lat, lon, town, _ = rng.choices(_CENTRES, weights=weights)[0]
            raw["lokaal_soort"] = rng.choice(vocab.LOKAAL_SOORT)
            raw["locatie"] = {
                "gemeente": town,
                "precisie": "adres",
                "lat": round(lat + rng.gauss(0, 0.02), 5),
                "lon": round(lon + rng.gauss(0, 0.03), 5),
            }
        out.append(Initiatief.model_validate(raw))
    return out

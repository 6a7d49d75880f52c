"""Shared by the fuzz suite and the issue-15 fault tests: a fast test embedding and the checks that a message
is meant for a user (no traceback, no Python internals, in the user's language)."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from typing import Any

import numpy as np
from hypothesis import settings

from retrieval.embeddings import CountingEmbeddings

PYTHON_INTERNALS = re.compile(
    r"Traceback|\b[A-Z][a-zA-Z]+(Error|Exception)\b(?!:? *[a-z]*bestand)|File \"/|"
    r"line \d+, in |<module>|object at 0x"
)
DUTCH_WORDS = re.compile(
    r"\b(de|het|een|is|niet|geen|moet|van|op|te|naar|kan|bestand|profiel|tussen|map|"
    r"onbekend|verwacht|toegestaan|hoogstens|maximaal|argument|ontbreekt|ongeldige|keuze|"
    r"waarde|bestaat|mag|klopt|lang|groot|tekst|kies|geef|fout|onbekende|argumenten|ontbreken|verwacht|ligt)\b",
    re.IGNORECASE,
)


class HashEmbeddings(CountingEmbeddings):
    """A deterministic 8-dimensional embedding (a hash of the text) that can be made slow: it keeps
    concurrency tests fast and makes the race window of a read-modify-write wide enough to hit. The real
    model is used by the subprocess tests."""

    name = "hash-8"
    dim = 8
    batch_size = 16

    def __init__(self, delay: float = 0.0, max_passages: int | None = None) -> None:
        super().__init__()
        self.delay = delay
        self.max_passages = max_passages

    def _vec(self, text: str) -> np.ndarray:
        rng = np.random.default_rng(abs(hash(text)) % (2**32))
        v = rng.standard_normal(self.dim).astype(np.float32)
        return v / np.linalg.norm(v)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        self.passages_embedded += len(texts)
        if self.max_passages is not None and self.passages_embedded > self.max_passages:
            raise AssertionError(f"asked to embed {self.passages_embedded} passages: the limit was not checked first")
        time.sleep(self.delay)
        return np.array([self._vec(t) for t in texts], dtype=np.float32).reshape(len(texts), self.dim)

    def encode_query(self, text: str) -> np.ndarray:
        return self._vec(text)


def is_user_message(text: str, *, dutch: bool = True, max_chars: int = 3000) -> bool:
    """A message for a person: not empty, bounded, printable as UTF-8, without Python internals, and (for the
    CLI and the profile parser, whose language is Dutch) with Dutch words in it."""
    if not text or not text.strip() or len(text) > max_chars:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    if PYTHON_INTERNALS.search(text):
        return False
    return bool(DUTCH_WORDS.search(text)) if dutch else True


OUTCOMES = ("clean", "traceback", "lost")


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(OUTCOMES, 0))
        self.slowest: dict[str, float] = defaultdict(float)
        self.started = time.perf_counter()

    def add(self, category: str, outcome: str, seconds: float | None = None) -> None:
        self.counts[category][outcome] += 1
        if seconds is not None:
            self.slowest[category] = max(self.slowest[category], seconds)

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "category": c,
                "tried": sum(v.values()),
                "handled_cleanly": v["clean"],
                "tracebacks": v["traceback"],
                "data_lost": v["lost"],
                "slowest_s": round(self.slowest.get(c, 0.0), 3),
            }
            for c, v in sorted(self.counts.items())
        ]


TALLY = Tally()


def examples(share: float) -> int:
    """Examples for one test: a share of the active profile's max_examples (fast: 50, long: 1000)."""
    return max(3, int(settings.default.max_examples * share))

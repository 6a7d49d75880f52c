"""Shared by the recommender tests: the advice for a profile given as keyword arguments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from knowledge import KnowledgeBase
from recommender.advies import recommend
from recommender.models import Advies
from recommender.profile import Profiel

# the reviewers' personas (decaan reviews in docs/reviews), one JSON profile per file
REVIEW_PERSONAS = Path(__file__).resolve().parents[2] / "docs" / "reviews" / "personas"


def review_persona(naam: str) -> dict[str, Any]:
    """The profile fields of a reviewer's persona (``R16`` -> docs/reviews/personas/R16.json)."""
    data: dict[str, Any] = json.loads((REVIEW_PERSONAS / f"{naam}.json").read_text(encoding="utf-8"))
    return data


def advies(kb: KnowledgeBase, n: int = 5, **kw: Any) -> Advies:
    """``recommend`` for the profile ``kw`` (validated as at every input boundary), ``n`` routes."""
    return recommend(kb, Profiel.model_validate(kw), n=n)

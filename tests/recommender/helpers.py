"""Shared by the recommender tests: the advice for a profile given as keyword arguments."""

from __future__ import annotations

from typing import Any

from knowledge import KnowledgeBase
from recommender.advies import recommend
from recommender.models import Advies
from recommender.profile import Profiel


def advies(kb: KnowledgeBase, n: int = 5, **kw: Any) -> Advies:
    """``recommend`` for the profile ``kw`` (validated as at every input boundary), ``n`` routes."""
    return recommend(kb, Profiel.model_validate(kw), n=n)

"""Fixtures for the app tests: a real recommendation for a real profile."""
from __future__ import annotations

from typing import Any

import pytest

from knowledge import KnowledgeBase
from recommender.advies import recommend
from recommender.profile import Profiel

CHARLOIS_CARS = {
    "leerjaar": "vo3", "schooltype": "vmbo-bb", "interesses": ["autos_motoren"], "werkvoorkeuren": ["handen"],
    "postcode": "3083", "max_reisafstand_km": 10, "taal_ouders": "ar",
}


@pytest.fixture(scope="session")
def advies_ar(kb: KnowledgeBase) -> dict[str, Any]:
    return recommend(kb, Profiel.model_validate(CHARLOIS_CARS)).model_dump(mode="json")


@pytest.fixture()
def charlois_profile() -> dict[str, Any]:
    return dict(CHARLOIS_CARS)

"""Fixtures for the app tests: a real recommendation for a real profile."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from recommender.advies import recommend
from recommender.models import Advies
from recommender.profile import Profiel

CHARLOIS_CARS = {
    "leerjaar": "vo3",
    "schooltype": "vmbo-bb",
    "interesses": ["autos_motoren"],
    "werkvoorkeuren": ["handen"],
    "postcode": "3083",
    "max_reisafstand_km": 10,
    "taal_ouders": "ar",
}


@pytest.fixture(scope="session")
def advies_ar(kb: KnowledgeBase) -> Advies:
    return recommend(kb, Profiel.model_validate(CHARLOIS_CARS))


@pytest.fixture()
def charlois_profile() -> Profiel:
    return Profiel.model_validate(CHARLOIS_CARS)

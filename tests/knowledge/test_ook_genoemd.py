"""A beroep's everyday names (Beroep.ook_genoemd, issue 11 round 12): six languages or none, no empty or repeated
name; filled for every beroep, and specific (a name that fits many beroepen names none of them)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from knowledge import KnowledgeBase
from knowledge.schema import Beroep
from knowledge.vocab import TALEN


def _beroep(kb: KnowledgeBase, **change: Any) -> dict[str, Any]:
    data = kb.beroepen["ber_autotechnicus"].model_dump(mode="json")
    data.update(change)
    return data


def test_every_beroep_has_everyday_names_in_all_six_languages(kb: KnowledgeBase) -> None:
    missing = [b.id for b in kb.beroepen.values() if set(b.ook_genoemd) != set(TALEN)]
    assert not missing, missing


def test_an_everyday_name_is_shared_by_few_beroepen(kb: KnowledgeBase) -> None:
    """'monteur' or 'technician' would name every beroep: each name belongs to at most three beroepen."""
    owners: dict[tuple[str, str], set[str]] = {}
    for b in kb.beroepen.values():
        for lang, names in b.ook_genoemd.items():
            for name in names:
                owners.setdefault((lang, name.casefold()), set()).add(b.id)
    shared = {k: v for k, v in owners.items() if len(v) > 3}
    assert not shared, shared


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ({"nl": ["automonteur"], "en": ["car mechanic"]}, "mist de talen"),
        ({lang: ["garage", "Garage"] for lang in TALEN}, "twee keer"),
        ({lang: ["garage", " "] for lang in TALEN}, "lege naam"),
    ],
)
def test_incomplete_repeated_or_empty_everyday_names_are_refused(
    kb: KnowledgeBase, names: dict[str, list[str]], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        Beroep.model_validate(_beroep(kb, ook_genoemd=names))


def test_a_beroep_without_everyday_names_is_valid(kb: KnowledgeBase) -> None:
    assert Beroep.model_validate(_beroep(kb, ook_genoemd={})).ook_genoemd == {}

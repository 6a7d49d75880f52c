"""Fuzz: pupil profiles (dicts and JSON text) through the one profile parser and the recommender."""

from __future__ import annotations

import copy
import json
import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge import KnowledgeBase, vocab
from recommender.advies import recommend
from recommender.profile import Profiel, ProfielError, parse_profiel
from tests.fuzz.helpers import Tally, examples, is_user_message

NASTY_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "Charlois",
            "Atlantis",
            "Ren\udce9",
            "\ufeff3083",
            "30\x0083",
            "![x](http://t.example/p.png)",
            "<script>x</script>",
            "\u202eSchiedam",
            "x" * 5000,
            "",
            "   ",
            "3083 AB",
            "9999",
            "Rotterdam",
        ]
    ),
)
JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), NASTY_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)
FIELD_VALUES: dict[str, Any] = {
    "leerjaar": st.sampled_from(vocab.LEERJAREN),
    "schooltype": st.sampled_from(vocab.SCHOOLTYPEN_LEERLING),
    "interesses": st.lists(st.sampled_from(vocab.INTERESSES), max_size=4),
    "postcode": st.sampled_from(["3083", "3011", "2611", "1012", "3083AB"]),
    "wijk": st.sampled_from(["Charlois", "Feijenoord", "Atlantis"]),
    "gemeente": st.sampled_from(["Schiedam", "Delft"]),
    "max_reisafstand_km": st.one_of(st.floats(0, 300), st.booleans(), st.integers(-5, 10**40)),
    "taal_ouders": st.sampled_from(vocab.TALEN),
}


@st.composite
def profile_dicts(draw: Any) -> dict[str, Any]:
    data = {"leerjaar": "vo3", "schooltype": "vmbo-bb"}
    for field in draw(st.lists(st.sampled_from(sorted(FIELD_VALUES)), max_size=5, unique=True)):
        data[field] = draw(FIELD_VALUES[field])
    for field in draw(st.lists(st.sampled_from([*Profiel.model_fields, "naam", "\x00"]), max_size=2, unique=True)):
        data[field] = draw(JSON_VALUE)  # a mutation: any JSON value in any field
    return data


@st.composite
def profile_texts(draw: Any) -> str | bytes:
    kind = draw(st.sampled_from(["json", "bom", "deep", "bigint", "garbage", "latin1", "nan", "huge"]))
    base = json.dumps(draw(profile_dicts()), ensure_ascii=draw(st.booleans()))
    if kind == "bom":
        return "\ufeff" + base
    if kind == "deep":
        n = draw(st.integers(15, 3000))
        return '{"leerjaar": ' + "[" * n + "1" + "]" * n + "}"
    if kind == "bigint":
        return base[:-1] + ', "max_reisafstand_km": ' + "9" * draw(st.integers(20, 6000)) + "}"
    if kind == "garbage":
        return draw(st.text(max_size=200))
    if kind == "latin1":
        return base.encode("utf-8", "surrogateescape").replace(b"vo3", b"vo3\xe9")
    if kind == "nan":
        return base[:-1] + ', "max_reisafstand_km": NaN}'
    if kind == "huge":
        return base[:-1] + ', "wijk": "' + "w" * 200_000 + '"}'
    return base


def _check(kb: KnowledgeBase, tally: Tally, data: Any, category: str) -> None:
    before = copy.deepcopy(data)
    start = time.perf_counter()
    outcome = "clean"
    try:
        profiel = parse_profiel(data)
        recommend(kb, profiel, n=3)
    except ProfielError as exc:
        if not is_user_message(str(exc)):
            outcome = "traceback"
            tally.add(category, outcome)
            raise AssertionError(f"not a message for a user: {str(exc)[:300]!r}") from exc
    except Exception:
        tally.add(category, "traceback")
        raise
    if data != before:
        tally.add(category, "lost")
        raise AssertionError("the parser changed the caller's data")
    tally.add(category, outcome, time.perf_counter() - start)


@settings(max_examples=examples(3))
@given(data=profile_dicts())
def test_profile_dicts(kb: KnowledgeBase, tally: Tally, data: dict[str, Any]) -> None:
    _check(kb, tally, data, "profiles (dict)")


@settings(max_examples=examples(3))
@given(text=profile_texts())
def test_profile_texts(kb: KnowledgeBase, tally: Tally, text: str | bytes) -> None:
    _check(kb, tally, text, "profiles (JSON text)")

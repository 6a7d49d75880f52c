"""Fuzz: questions to the assistant (the real model and index) and search texts."""

from __future__ import annotations

import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.i18n import LANGUAGES, has
from knowledge.inputs import InputError
from retrieval.assistant import Assistant
from tests.fuzz.helpers import Tally, examples, is_user_message

WORDS = [
    "wat",
    "is",
    "bbl",
    "bol",
    "vmbo",
    "techniek",
    "opleiding",
    "meisjes",
    "activiteiten",
    "Charlois",
    "Schiedam",
    "haven",
    "bouw",
    "stage",
    "kraan",
    "nedir",
    "çocuğum",
    "etkinlikler",
    "ما",
    "هو",
    "التعليم",
    "co",
    "to",
    "jest",
    "dziewczyn",
    "що",
    "таке",
    "навчання",
    "3083",
    "?",
    "!",
    ".",
    ",",
    "![x](http://t.example/a.png)",
    "<img",
    "src=x>",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "René",
    "Ren�",
]


@st.composite
def questions(draw: Any) -> Any:
    kind = draw(st.sampled_from(["text", "words", "long_words", "bytes", "surrogates", "controls", "huge"]))
    if kind == "text":
        return draw(st.text(max_size=300))
    if kind == "words":
        return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30)))
    if kind == "long_words":  # about the maximum length: bounded work is what this checks (slowest_s in the table)
        return (" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=20, max_size=40))) * 60)[
            : draw(st.integers(1500, 2000))
        ]
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "surrogates":  # bytes that were not UTF-8, as Python hands them over from argv or stdin
        return draw(st.binary(max_size=120)).decode("utf-8", "surrogateescape")
    if kind == "controls":
        return "Wat is BBL?" + draw(st.text(st.characters(max_codepoint=0x20), max_size=20))
    return "techniek " * draw(st.integers(250, 2000))


@settings(max_examples=examples(0.8))
@given(question=questions())
def test_questions(assistant: Assistant, tally: Tally, question: Any) -> None:
    start = time.perf_counter()
    try:
        answer = assistant.ask(question)
        text = answer.model_dump_json()  # what `ask --json` prints: must encode
        text.encode("utf-8")
    except Exception:
        tally.add("questions", "traceback")
        raise
    ok = (
        answer.language in LANGUAGES
        and answer.status in ("answered", "refused", "bad_input")
        and is_user_message(answer.answer, dutch=False, max_chars=20_000)
        and (answer.status != "bad_input" or has(f"assistant.{answer.notice}", answer.language))
    )
    tally.add("questions", "clean" if ok else "traceback", time.perf_counter() - start)
    assert ok, answer


@settings(max_examples=examples(0.5))
@given(query=questions(), k=st.integers(-3, 300))
def test_search_texts(assistant: Assistant, tally: Tally, query: Any, k: int) -> None:
    start = time.perf_counter()
    try:
        hits = assistant.search(query if isinstance(query, str) else query.decode("utf-8", "replace"), k=max(k, 1))
        assert len(hits) <= max(k, 1)
    except InputError as exc:
        assert is_user_message(exc.message("nl"))
    except Exception:
        tally.add("search texts", "traceback")
        raise
    tally.add("search texts", "clean", time.perf_counter() - start)

"""The answer cache: the same question in the same language and knowledge version gives the same answer,
computed once; activity lists and refused input are never cached; the cache holds no question text."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest

from knowledge.i18n import t
from retrieval.answer_cache import AnswerCache, CachingAssistant, answer_key, knowledge_version
from retrieval.assistant import Answer, Assistant


def _answer(text: str = "x") -> Answer:
    return Answer(answer=text, language="nl", grounded=True)


# --- the cache itself (no model needed) ------------------------------------------------------------


def test_key_is_a_hash_that_ignores_spacing_but_not_language_or_version() -> None:
    key = answer_key("Wat is  BBL?\n", "nl", "v1")
    assert key == answer_key(" Wat is BBL? ", "nl", "v1")
    assert "BBL" not in key and len(key) == 64, "the key must not keep the parent's words"
    assert key != answer_key("Wat is BBL?", "en", "v1")
    assert key != answer_key("Wat is BBL?", None, "v1")
    assert key != answer_key("Wat is BBL?", "nl", "v2")
    assert key != answer_key("wat is bbl?", "nl", "v1")  # case can change detection and ranking: not "the same"
    # NFC: a precomposed and a decomposed "é" are the same question
    assert answer_key("caf\u00e9", "nl", "v1") == answer_key("cafe\u0301", "nl", "v1")


def test_least_recently_used_answers_go_first() -> None:
    cache = AnswerCache(max_entries=2)
    calls: list[str] = []

    def compute(text: str):  # type: ignore[no-untyped-def]
        return lambda: calls.append(text) or _answer(text)

    cache.get_or_compute("a", compute("a"))
    cache.get_or_compute("b", compute("b"))
    cache.get_or_compute("a", compute("a"))  # a is now the most recent
    cache.get_or_compute("c", compute("c"))  # evicts b
    cache.get_or_compute("a", compute("a"))
    cache.get_or_compute("b", compute("b"))
    assert calls == ["a", "b", "c", "b"]
    stats = cache.stats()
    assert (stats.hits, stats.misses, stats.entries) == (2, 4, 2)
    with pytest.raises(ValueError):
        AnswerCache(max_entries=0)


def test_identical_requests_in_flight_are_computed_once() -> None:
    cache = AnswerCache()
    release = threading.Event()
    calls = []

    def slow() -> Answer:
        calls.append(1)
        release.wait(10)
        return _answer("één antwoord")

    results: list[Answer] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get_or_compute("k", slow))) for _ in range(8)]
    for th in threads:
        th.start()
    time.sleep(0.3)  # all eight are now waiting for the first
    release.set()
    for th in threads:
        th.join(10)
    assert len(calls) == 1 and len(results) == 8 and {r.answer for r in results} == {"één antwoord"}
    stats = cache.stats()
    assert stats.misses == 1 and stats.hits == 7 and stats.waits <= 7  # a late thread finds it cached


def test_a_failed_or_unkept_answer_is_not_stored() -> None:
    cache = AnswerCache()
    with pytest.raises(RuntimeError):
        cache.get_or_compute("k", lambda: (_ for _ in ()).throw(RuntimeError("boom")))
    assert cache.stats().entries == 0
    cache.get_or_compute("k", lambda: _answer(), keep=lambda a: False)
    assert cache.stats().entries == 0
    assert cache.get_or_compute("k", lambda: _answer("now")).answer == "now"


# --- in front of the real assistant ------------------------------------------------------------------


@pytest.fixture()
def cached(assistant: Assistant) -> CachingAssistant:
    return CachingAssistant(assistant, AnswerCache())


def test_the_same_question_is_answered_once_and_identically(cached: CachingAssistant, assistant: Assistant) -> None:
    question = t("ask.q1", "nl")
    first = cached.ask(question)
    second = cached.ask("  " + question + " ")
    assert first == second == assistant.ask(question)
    assert first.status == "answered" and first.sources
    stats = cached.cache.stats()
    assert (stats.misses, stats.hits) == (1, 1)
    # a copy each time: what one page does with its answer cannot change the next parent's
    first.answer = "changed"
    assert cached.ask(question).answer == second.answer


@pytest.mark.parametrize("lang", ["en", "tr", "ar", "pl", "uk"])
def test_each_language_is_its_own_entry(cached: CachingAssistant, lang: str) -> None:
    nl = cached.ask(t("ask.q3", "nl"))
    other = cached.ask(t("ask.q3", lang))
    assert other.language == lang and nl.language == "nl"
    assert cached.cache.stats().entries == 2


def test_the_requested_language_is_part_of_the_key(cached: CachingAssistant) -> None:
    question = t("ask.q1", "nl")
    assert cached.ask(question, lang="en").language == "en"
    assert cached.ask(question).language == "nl"
    assert cached.cache.stats().misses == 2


def test_activity_lists_and_bad_input_are_not_cached(cached: CachingAssistant) -> None:
    activities = t("ask.q2", "nl")  # "Welke activiteiten zijn er voor meisjes in Charlois?"
    assert cached.ask(activities).mode == "structured"
    cached.ask(activities)
    assert cached.ask("").status == "bad_input"
    assert cached.cache.stats().entries == 0


def test_other_knowledge_is_another_version(assistant: Assistant) -> None:
    other_kb = dataclasses.replace(assistant.kb, content_hash="something-else")
    other = Assistant(other_kb, assistant.index, llm=None)
    assert knowledge_version(other) != knowledge_version(assistant)
    assert knowledge_version(Assistant(assistant.kb, assistant.index, llm=None)) == knowledge_version(assistant)


def test_everything_else_is_the_assistants_own(cached: CachingAssistant, assistant: Assistant) -> None:
    assert cached.kb is assistant.kb and cached.index is assistant.index
    hits = cached.search("BBL", k=3)
    assert [h.chunk_id for h in hits] == [h.chunk_id for h in assistant.search("BBL", k=3)]

"""Answers for the crowd: the same question in the same language and knowledge version gives the same answer.

At an informatieavond 200 parents ask the handful of suggested questions, in six languages. The
assistant's answer is a pure function of (question, language, knowledge, index, model), so a small
in-memory cache per process answers the repeats for free; :class:`CachingAssistant` puts it in front
of :meth:`retrieval.assistant.Assistant.ask` without changing the assistant.

What is cached and what is not (privacy, rule 4, and correctness):

* The key is a SHA-256 of the normalised question, the requested language (or "auto") and the
  knowledge version. The question text itself is not kept, and nothing is written to disk or logged.
* Activity lists (``mode == "structured"``) are not cached: they depend on the school's own
  catalogue and on dates, which change while the server runs. Refused input (``bad_input``) is not
  cached either; it costs nothing to recompute.
* Concurrent requests for the same key wait for the first one (single flight), so 50 parents pressing
  the same suggested question at once cost one answer.
* Bounded: least recently used entries go first (``max_entries``).
"""

from __future__ import annotations

import hashlib
import json
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from retrieval.assistant import Answer, Assistant

DEFAULT_MAX_ENTRIES = 2048
WAIT_SECONDS = 60.0  # a waiter computes the answer itself when the first request takes longer than this
NOT_CACHED_MODES = frozenset({"structured"})
NOT_CACHED_STATUS = frozenset({"bad_input"})


def normalise_question(question: str) -> str:
    """The form two questions must share to count as "the same": Unicode NFC, single spaces, no edges."""
    return unicodedata.normalize("NFC", " ".join(question.split()))


def answer_key(question: str, lang: str | None, version: str, **options: Any) -> str:
    """The cache key: a hash, so the cache never holds a parent's words."""
    payload = json.dumps(
        [normalise_question(question), lang or "auto", version, sorted(options.items())], ensure_ascii=False
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def knowledge_version(assistant: Assistant) -> str:
    """What the answers depend on besides the question: knowledge, indexed chunks (incl. own documents),
    embedding model and language model."""
    h = hashlib.sha256()
    h.update(assistant.kb.content_hash.encode())
    h.update(str(getattr(assistant.index.emb, "name", type(assistant.index.emb).__name__)).encode())
    for doc in assistant.index.docs:
        h.update(str(doc.metadata.get("text_hash", "")).encode())
    llm = assistant.llm
    if llm is not None:
        h.update(f"{type(llm).__name__}:{getattr(llm, 'model', '') or getattr(llm, 'model_name', '')}".encode())
    return h.hexdigest()[:16]


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    waits: int = 0  # requests that waited for an identical request in flight (also counted as hits)
    entries: int = 0


class AnswerCache:
    """A thread-safe LRU of answers with single flight per key."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.max_entries = max_entries
        self._entries: OrderedDict[str, Answer] = OrderedDict()
        self._in_flight: dict[str, threading.Event] = {}
        self._lock = threading.Lock()
        self._stats = CacheStats()

    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(self._stats.hits, self._stats.misses, self._stats.waits, len(self._entries))

    def _lookup(self, key: str) -> Answer | None:
        """Under the lock: the cached answer (marked recently used) or None."""
        answer = self._entries.get(key)
        if answer is not None:
            self._entries.move_to_end(key)
            self._stats.hits += 1
        return answer

    def get_or_compute(
        self, key: str, compute: Callable[[], Answer], keep: Callable[[Answer], bool] = lambda _answer: True
    ) -> Answer:
        """The cached answer for ``key``, else ``compute()`` (stored when ``keep`` says so)."""
        with self._lock:
            answer = self._lookup(key)
            if answer is not None:
                return answer
            running = self._in_flight.get(key)
            if running is None:
                event = self._in_flight[key] = threading.Event()
        if running is not None:
            running.wait(WAIT_SECONDS)
            with self._lock:
                answer = self._lookup(key)
                if answer is not None:
                    self._stats.waits += 1
                    return answer
                self._stats.misses += 1
            return compute()  # the first request failed, was not kept, or is very slow
        try:
            answer = compute()
            with self._lock:
                self._stats.misses += 1
                if keep(answer):
                    self._entries[key] = answer
                    self._entries.move_to_end(key)
                    while len(self._entries) > self.max_entries:
                        self._entries.popitem(last=False)
            return answer
        finally:
            with self._lock:
                self._in_flight.pop(key, None)
            event.set()


def cacheable(answer: Answer) -> bool:
    return answer.mode not in NOT_CACHED_MODES and answer.status not in NOT_CACHED_STATUS


class CachingAssistant:
    """An :class:`Assistant` whose ``ask`` answers repeats from an :class:`AnswerCache`.

    Everything else (``search``, ``kb``, ``index``, ...) is the wrapped assistant's own. Callers get a copy
    of the cached answer, so changing it cannot change what the next parent sees."""

    def __init__(self, assistant: Assistant, cache: AnswerCache | None = None) -> None:
        self.assistant = assistant
        self.cache = cache or AnswerCache()
        self.version = knowledge_version(assistant)

    def ask(
        self,
        question: str,
        lang: str | None = None,
        *,
        previous: Any = (),
        mode: Any = "fused",
        use_llm: bool = True,
        fallback_lang: str | None = None,
    ) -> Answer:
        """The assistant's answer; the earlier questions of the conversation are part of the key (a
        follow-up such as "en BBL?" means something else after each question), as hashes only."""

        def compute() -> Answer:
            return self.assistant.ask(
                question, lang, previous=previous, mode=mode, use_llm=use_llm, fallback_lang=fallback_lang
            )

        earlier = list(previous) if isinstance(previous, list | tuple) else None
        if not isinstance(question, str) or earlier is None or not all(isinstance(p, str) for p in earlier):
            return compute()  # bytes and other odd input: the assistant's own checks answer
        key = answer_key(
            question,
            lang,
            self.version,
            mode=mode,
            use_llm=use_llm,
            fallback=fallback_lang,
            previous=[normalise_question(p) for p in earlier],
        )
        answer = self.cache.get_or_compute(key, compute, keep=cacheable)
        return answer.model_copy(deep=True)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.assistant, name)

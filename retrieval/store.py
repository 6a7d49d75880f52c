"""A persisted set of chunks plus their vectors (FAISS), guarded by a manifest.

A store directory holds ``manifest.json``, ``chunks.jsonl`` and ``index.faiss``. The manifest
records the embedding model and dimension, the chunker settings, the content hash of what was
indexed, the chunk count, every chunk's text hash and a SHA-256 of both data files. Loading
checks all of it; anything off raises :class:`IndexProblem` with the reason, and the caller
rebuilds. Stores are written to a temporary folder and swapped in, so a crash mid-write never
leaves a half-written index behind.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.documents import Document

from retrieval.embeddings import CountingEmbeddings, as_matrix

FORMAT = 1
MANIFEST, CHUNKS, FAISS_FILE = "manifest.json", "chunks.jsonl", "index.faiss"
Notify = Callable[[str], None]


def stderr_notify(message: str) -> None:
    """Default progress/message sink: one line on stderr."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


class IndexProblem(Exception):
    """The stored index cannot be used as it is (missing, corrupt or built from other input)."""

    def __init__(self, reason: str, *, missing: bool = False, reusable: bool = False):
        super().__init__(reason)
        self.missing = missing
        self.reusable = reusable  # vectors are intact and may be reused for unchanged chunks


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass
class ChunkStore:
    """Chunks (LangChain Documents) and their L2-normalised vectors, row i belonging to chunk i."""

    docs: list[Document]
    vectors: np.ndarray
    manifest: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.docs)

    # --- persistence -------------------------------------------------------------
    def save(self, directory: Path) -> None:
        """Write atomically: a sibling temp folder is filled, then swapped in."""
        import faiss

        directory = Path(directory)
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = directory.with_name(directory.name + f".tmp{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        with (tmp / CHUNKS).open("w", encoding="utf-8") as fh:
            for d in self.docs:
                fh.write(json.dumps({"text": d.page_content, "meta": d.metadata}, ensure_ascii=False) + "\n")
        dim = int(self.vectors.shape[1]) if self.vectors.ndim == 2 else int(self.manifest.get("dim", 0))
        index = faiss.IndexFlatIP(dim)
        if len(self.vectors):
            index.add(np.ascontiguousarray(self.vectors, dtype=np.float32))
        faiss.write_index(index, str(tmp / FAISS_FILE))
        manifest = dict(self.manifest)
        manifest.update({
            "format": FORMAT, "dim": dim, "chunk_count": len(self.docs),
            "chunk_hashes": [d.metadata["text_hash"] for d in self.docs],
            "files": {CHUNKS: _sha(tmp / CHUNKS), FAISS_FILE: _sha(tmp / FAISS_FILE)},
        })
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        self.manifest = manifest
        old = directory.with_name(directory.name + f".old{os.getpid()}")
        if directory.exists():
            directory.rename(old)
        tmp.rename(directory)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path, expect: dict[str, Any] | None = None) -> ChunkStore:
        """Load and verify a store; raise :class:`IndexProblem` saying what is wrong."""
        import faiss

        directory = Path(directory)
        mpath = directory / MANIFEST
        if not mpath.exists():
            raise IndexProblem(f"geen index gevonden in {directory}", missing=True)
        try:
            manifest = json.loads(mpath.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexProblem(f"manifest onleesbaar ({exc})") from exc
        if manifest.get("format") != FORMAT:
            raise IndexProblem(f"ander indexformaat ({manifest.get('format')} in plaats van {FORMAT})")
        for name in (CHUNKS, FAISS_FILE):
            path = directory / name
            if not path.exists():
                raise IndexProblem(f"{name} ontbreekt")
            if _sha(path) != manifest.get("files", {}).get(name):
                raise IndexProblem(f"{name} is beschadigd (controlesom klopt niet met het manifest)")
        try:
            index = faiss.read_index(str(directory / FAISS_FILE))
            docs = []
            with (directory / CHUNKS).open(encoding="utf-8") as fh:
                for line in fh:
                    row = json.loads(line)
                    docs.append(Document(page_content=row["text"], metadata=row["meta"]))
        except Exception as exc:  # noqa: BLE001 - faiss raises RuntimeError with C++ text
            raise IndexProblem(f"index onleesbaar ({type(exc).__name__})") from exc
        if index.ntotal != len(docs) or len(docs) != manifest.get("chunk_count"):
            raise IndexProblem(f"aantal vectoren ({index.ntotal}) past niet bij aantal stukken ({len(docs)})")
        if index.d != manifest.get("dim"):
            raise IndexProblem(f"dimensie {index.d} past niet bij manifest ({manifest.get('dim')})")
        vectors = index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d), np.float32)
        store = cls(docs=docs, vectors=np.asarray(vectors, dtype=np.float32), manifest=manifest)
        for key, want in (expect or {}).items():
            have = manifest.get(key)
            if have != want:
                reusable = key not in ("model", "dim")
                raise StoreMismatch(f"{key} is veranderd ({have!r} -> {want!r})", store if reusable else None)
        return store

    def vector_cache(self) -> dict[str, np.ndarray]:
        """text hash -> vector, to reuse embeddings of unchanged chunks."""
        return {d.metadata["text_hash"]: self.vectors[i] for i, d in enumerate(self.docs)}


class StoreMismatch(IndexProblem):
    """The store is intact but was built from other input; ``store`` is kept for vector reuse."""

    def __init__(self, reason: str, store: ChunkStore | None):
        super().__init__(reason, reusable=store is not None)
        self.store = store


def embed_docs(docs: list[Document], emb: CountingEmbeddings, cache: dict[str, np.ndarray] | None = None,
               notify: Notify = stderr_notify, label: str = "index") -> tuple[np.ndarray, int]:
    """Vectors for ``docs``, reusing ``cache`` (text hash -> vector); returns (vectors, newly embedded)."""
    cache = cache or {}
    dim = emb.dim
    out = np.zeros((len(docs), dim), dtype=np.float32)
    todo: list[int] = []
    for i, d in enumerate(docs):
        vec = cache.get(d.metadata["text_hash"])
        if vec is not None and vec.shape == (dim,):
            out[i] = vec
        else:
            todo.append(i)
    if todo:
        notify(f"{label}: {len(todo)} van {len(docs)} stukken embedden ({len(docs) - len(todo)} hergebruikt)...")
    start = time.perf_counter()
    step = max(1, emb.batch_size)
    # example questions are embedded in the query role (question-to-question matching); passages as passages
    todo = [i for i in todo if docs[i].metadata.get("role") != "query"] + \
        [i for i in todo if docs[i].metadata.get("role") == "query"]
    for n in range(0, len(todo), step):
        batch = todo[n:n + step]
        passages = [i for i in batch if docs[i].metadata.get("role") != "query"]
        queries = [i for i in batch if docs[i].metadata.get("role") == "query"]
        if passages:
            out[passages] = as_matrix(emb, [docs[i].page_content for i in passages])
        if queries:
            out[queries] = emb.encode_queries([docs[i].page_content for i in queries])
        done = min(n + step, len(todo))
        elapsed = time.perf_counter() - start
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (len(todo) - done) / rate if rate else 0.0
        notify(f"  {done}/{len(todo)} ({rate:.1f}/s, nog ~{eta:.0f} s)")
    return out, len(todo)

"""A persisted set of chunks plus their vectors (FAISS), guarded by a manifest.

A store directory holds ``manifest.json``, ``chunks.jsonl`` and ``index.faiss``. The manifest
records the embedding model and dimension, the chunker settings, the content hash of what was
indexed, the chunk count, every chunk's text hash and a SHA-256 of both data files. Loading
checks all of it; anything off raises :class:`IndexProblem` with the reason, and the caller
rebuilds.

Versions: a store directory holds one folder per written version (``v<time>-<pid>-<n>/``) and a
pointer file ``CURRENT`` that names the one in use. A writer fills a new version folder, then
replaces ``CURRENT`` in one atomic ``os.replace``; a reader reads the pointer, then that folder.
So a reader sees the old version or the new one, never a half-swapped or missing index, and a crash
mid-write leaves the old version in use. The previous version is kept for readers still reading it
(a reader that loses a race with two writers retries on the new pointer). A folder written before
versions existed (the files directly in the store directory) still loads.

Writers that read, change and write a store (``ingest``) hold :func:`store_lock` (the ``filelock``
library) around the whole read-modify-write, so two at once never lose each other's documents.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import threading
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
POINTER = "CURRENT"
PRUNE_AFTER_S = 10.0  # old versions are removed once they are this old (and neither current nor previous)
LOCK_TIMEOUT_S = 600.0  # a second writer waits this long for the first (an ingest of the maximum size fits)
Notify = Callable[[str], None]


def current_version(directory: Path) -> Path:
    """The folder holding the files of the store's current version (the store directory itself for a store
    written before versions existed)."""
    directory = Path(directory)
    try:
        name = (directory / POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return directory
    except OSError:
        return directory / "?"
    if not name or "/" in name or name.startswith("."):
        return directory / "?"
    return directory / name


def has_store(directory: Path) -> bool:
    """Whether a store (of any version) is present in ``directory``; says nothing about its health."""
    return (current_version(directory) / MANIFEST).exists()


def store_size(directory: Path) -> int:
    """Bytes of the current version's files."""
    folder = current_version(directory)
    return sum(p.stat().st_size for p in folder.glob("*") if p.is_file()) if folder.is_dir() else 0


def store_lock(directory: Path, timeout: float = LOCK_TIMEOUT_S) -> Any:
    """A cross-process lock for read-modify-write on the store in ``directory`` (a ``filelock.FileLock`` on a
    sibling ``.lock`` file). Raises :class:`StoreBusy` when another writer holds it longer than ``timeout``."""
    from filelock import FileLock

    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    return _BusyAware(FileLock(str(directory.with_name(directory.name + ".lock")), timeout=timeout), directory)


class StoreBusy(RuntimeError):
    """Another process is writing the store and did not finish in time."""


class _BusyAware:
    def __init__(self, lock: Any, directory: Path) -> None:
        self.lock, self.directory = lock, directory

    def __enter__(self) -> Any:
        from filelock import Timeout

        try:
            return self.lock.acquire()
        except Timeout:
            raise StoreBusy(f"een ander proces schrijft nu in {self.directory}") from None

    def __exit__(self, *exc: object) -> None:
        self.lock.release()


_SEQ = [0]


def _new_version_name() -> str:
    _SEQ[0] += 1
    return f"v{time.time_ns()}-{os.getpid()}-{threading.get_ident() % 100000}-{_SEQ[0]}"


def _prune(directory: Path, keep: set[str]) -> None:
    """Remove old versions (all but ``keep``), stale temp folders and the files of the pre-version layout."""
    for name in (MANIFEST, CHUNKS, FAISS_FILE):
        with contextlib.suppress(FileNotFoundError):
            (directory / name).unlink()
    versions = sorted(
        (p for p in directory.glob("v*") if p.is_dir() and not p.name.endswith(".tmp")), key=lambda p: p.name
    )
    now = time.time()
    for p in versions:
        # a version a few seconds old may belong to a concurrent writer about to point CURRENT at it
        with contextlib.suppress(OSError):
            if p.name not in keep and now - p.stat().st_mtime > PRUNE_AFTER_S:
                shutil.rmtree(p, ignore_errors=True)
    for p in directory.glob("*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - p.stat().st_mtime > 3600:  # a writer that died an hour ago
                shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink()


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
        """Write a new version folder, then point ``CURRENT`` at it in one atomic replace (see module doc)."""
        import faiss

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        previous = current_version(directory).name if (directory / POINTER).exists() else None
        version = _new_version_name()
        tmp = directory / (version + ".tmp")
        tmp.mkdir()
        try:
            with (tmp / CHUNKS).open("w", encoding="utf-8") as fh:
                for d in self.docs:
                    fh.write(json.dumps({"text": d.page_content, "meta": d.metadata}, ensure_ascii=False) + "\n")
            dim = int(self.vectors.shape[1]) if self.vectors.ndim == 2 else int(self.manifest.get("dim", 0))
            index = faiss.IndexFlatIP(dim)
            if len(self.vectors):
                index.add(np.ascontiguousarray(self.vectors, dtype=np.float32))
            faiss.write_index(index, str(tmp / FAISS_FILE))
            manifest = dict(self.manifest)
            manifest.update(
                {
                    "format": FORMAT,
                    "dim": dim,
                    "chunk_count": len(self.docs),
                    "chunk_hashes": [d.metadata["text_hash"] for d in self.docs],
                    "files": {CHUNKS: _sha(tmp / CHUNKS), FAISS_FILE: _sha(tmp / FAISS_FILE)},
                }
            )
            (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            for name in (CHUNKS, FAISS_FILE, MANIFEST):
                with (tmp / name).open("rb") as fh:
                    os.fsync(fh.fileno())
            tmp.rename(directory / version)
            pointer = directory / f"{POINTER}.{version}.tmp"
            with pointer.open("w", encoding="utf-8") as fh:
                fh.write(version + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(pointer, directory / POINTER)  # the swap: readers see the old or the new version
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self.manifest = manifest
        _prune(directory, {version, *([previous] if previous else [])})

    @classmethod
    def load(cls, directory: Path, expect: dict[str, Any] | None = None) -> ChunkStore:
        """Load and verify the current version of a store; raise :class:`IndexProblem` saying what is wrong.

        A version removed while it was being read (a reader that lost a race with two writers) is not a
        problem of the store: the load starts again on the version ``CURRENT`` names now."""
        directory = Path(directory)
        for _ in range(5):
            folder = current_version(directory)
            try:
                return cls._load_version(directory, folder, expect)
            except IndexProblem:
                if current_version(directory) == folder:
                    raise
        return cls._load_version(directory, current_version(directory), expect)

    @classmethod
    def _load_version(cls, directory: Path, folder: Path, expect: dict[str, Any] | None) -> ChunkStore:
        import faiss

        mpath = folder / MANIFEST
        if not mpath.exists():
            if folder != directory:  # CURRENT names a version that is not there
                raise IndexProblem(f"de versie in {directory / POINTER} ontbreekt ({folder.name})")
            raise IndexProblem(f"geen index gevonden in {directory}", missing=True)
        try:
            manifest = json.loads(mpath.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexProblem(f"manifest onleesbaar ({exc})") from exc
        if manifest.get("format") != FORMAT:
            raise IndexProblem(f"ander indexformaat ({manifest.get('format')} in plaats van {FORMAT})")
        for name in (CHUNKS, FAISS_FILE):
            path = folder / name
            try:
                digest = _sha(path)
            except FileNotFoundError:
                raise IndexProblem(f"{name} ontbreekt") from None
            except OSError as exc:
                raise IndexProblem(f"{name} onleesbaar ({exc.strerror})") from exc
            if digest != manifest.get("files", {}).get(name):
                raise IndexProblem(f"{name} is beschadigd (controlesom klopt niet met het manifest)")
        try:
            index = faiss.read_index(str(folder / FAISS_FILE))
            docs = []
            with (folder / CHUNKS).open(encoding="utf-8") as fh:
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


def embed_docs(
    docs: list[Document],
    emb: CountingEmbeddings,
    cache: dict[str, np.ndarray] | None = None,
    notify: Notify = stderr_notify,
    label: str = "index",
) -> tuple[np.ndarray, int]:
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
    todo = [i for i in todo if docs[i].metadata.get("role") != "query"] + [
        i for i in todo if docs[i].metadata.get("role") == "query"
    ]
    for n in range(0, len(todo), step):
        batch = todo[n : n + step]
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

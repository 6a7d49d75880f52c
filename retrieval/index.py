"""Build, load and repair the persisted indexes under ``$LOB_HOME``.

Two stores: ``index/`` (the knowledge base; rebuilt when its content hash, the chunker or the
model changes) and ``userdocs/`` (files added with ``lob-kompas ingest``). An unchanged
knowledge base loads from disk without embedding anything; a changed one is rebuilt and only
new or changed chunks are embedded. A corrupt or mismatched store is reported and rebuilt,
never used.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.documents import Document

from knowledge.loader import KnowledgeBase
from knowledge.paths import lob_home
from retrieval.chunking import ChunkerSettings, document_chunks, index_documents
from retrieval.embeddings import CountingEmbeddings
from retrieval.store import ChunkStore, IndexProblem, Notify, StoreMismatch, embed_docs, stderr_notify


def index_dir(home: Path | None = None) -> Path:
    return (home or lob_home()) / "index"


def userdocs_dir(home: Path | None = None) -> Path:
    return (home or lob_home()) / "userdocs"


@dataclass
class BuildReport:
    """What happened when the knowledge index was opened."""

    status: str  # loaded | built | rebuilt
    reason: str | None
    chunks: int
    embedded: int
    seconds: float
    size_bytes: int


def _size(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.glob("*") if p.is_file())


def _expect(kb: KnowledgeBase, emb: CountingEmbeddings, settings: ChunkerSettings) -> dict[str, object]:
    return {"model": emb.name, "dim": emb.dim, "chunker": settings.as_dict(), "content_hash": kb.content_hash}


def open_knowledge_index(kb: KnowledgeBase, emb: CountingEmbeddings, *, home: Path | None = None,
                         settings: ChunkerSettings | None = None, force: bool = False,
                         notify: Notify = stderr_notify) -> tuple[ChunkStore, BuildReport]:
    """Load the knowledge index if it matches ``kb`` and ``emb``; otherwise (re)build it and say why."""
    settings = settings or ChunkerSettings()
    directory = index_dir(home)
    expect = _expect(kb, emb, settings)
    start = time.perf_counter()
    cache: dict[str, np.ndarray] = {}
    reason: str | None = None
    status = "built"
    try:
        store = ChunkStore.load(directory, expect)
        if not force:
            return store, BuildReport("loaded", None, len(store), 0, time.perf_counter() - start, _size(directory))
        cache, reason, status = store.vector_cache(), "opnieuw bouwen gevraagd (--force)", "rebuilt"
    except StoreMismatch as exc:
        reason, status = str(exc), "rebuilt"
        if exc.store is not None:
            cache = exc.store.vector_cache()
        notify(f"De index past niet meer bij de kennisbank: {reason}. De index wordt opnieuw gebouwd.")
    except IndexProblem as exc:
        if not exc.missing:
            reason, status = str(exc), "rebuilt"
            notify(f"De opgeslagen index is onbruikbaar: {reason}. De index wordt opnieuw gebouwd.")
        else:
            notify(f"Nog geen index in {directory}; de index wordt nu gebouwd.")
    docs = index_documents(kb, settings)
    vectors, embedded = embed_docs(docs, emb, cache, notify, label="kennisbank")
    store = ChunkStore(docs=docs, vectors=vectors, manifest={
        **expect, "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    })
    seconds = time.perf_counter() - start
    store.manifest["build_seconds"] = round(seconds, 2)
    store.manifest["embedded"] = embedded
    store.save(directory)
    report = BuildReport(status, reason, len(docs), embedded, seconds, _size(directory))
    notify(f"Index klaar: {len(docs)} stukken, {embedded} nieuw ge-embed, {seconds:.1f} s, "
           f"{report.size_bytes / 1e6:.1f} MB in {directory}")
    return store, report


def open_userdocs(emb: CountingEmbeddings, *, home: Path | None = None,
                  notify: Notify = stderr_notify) -> ChunkStore | None:
    """The user-document store, or None when nothing was ingested. A broken or foreign store is set aside."""
    directory = userdocs_dir(home)
    try:
        return ChunkStore.load(directory, {"model": emb.name, "dim": emb.dim})
    except IndexProblem as exc:
        if exc.missing:
            return None
        notify(f"De opslag met eigen documenten is onbruikbaar: {exc}. Voeg de documenten opnieuw toe met "
               f"'lob-kompas ingest' (de oude opslag is bewaard als {directory.name}.broken).")
        broken = directory.with_name(directory.name + ".broken")
        import shutil

        shutil.rmtree(broken, ignore_errors=True)
        directory.rename(broken)
        return None


@dataclass
class IngestReport:
    files: list[str]
    chunks: int
    embedded: int
    seconds: float
    total_chunks: int


def ingest_files(paths: list[Path], emb: CountingEmbeddings, *, home: Path | None = None,
                 settings: ChunkerSettings | None = None, notify: Notify = stderr_notify) -> IngestReport:
    """Add (or replace) user files in the user-document store. Raises DocumentError naming a bad file."""
    settings = settings or ChunkerSettings()
    start = time.perf_counter()
    new_docs: list[Document] = []
    for path in paths:  # read everything first: a bad file stops the ingest before anything changes
        new_docs += document_chunks(Path(path), settings)
    old = open_userdocs(emb, home=home, notify=notify)
    replaced = {d.metadata["source"] for d in new_docs}
    keep_docs: list[Document] = []
    keep_vecs: list[np.ndarray] = []
    cache: dict[str, np.ndarray] = {}
    if old is not None:
        cache = old.vector_cache()
        for i, d in enumerate(old.docs):
            if d.metadata["source"] not in replaced:
                keep_docs.append(d)
                keep_vecs.append(old.vectors[i])
    vectors, embedded = embed_docs(new_docs, emb, cache, notify, label="documenten")
    all_docs = keep_docs + new_docs
    all_vecs = np.vstack([np.array(keep_vecs, dtype=np.float32).reshape(-1, emb.dim), vectors])
    store = ChunkStore(docs=all_docs, vectors=all_vecs, manifest={
        "model": emb.name, "dim": emb.dim, "chunker": settings.as_dict(),
        "content_hash": "userdocs", "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    })
    store.save(userdocs_dir(home))
    seconds = time.perf_counter() - start
    names = sorted({Path(p).name for p in paths})
    notify(f"{len(names)} bestand(en) toegevoegd: {len(new_docs)} stukken, {embedded} ge-embed, {seconds:.1f} s")
    return IngestReport(names, len(new_docs), embedded, seconds, len(all_docs))

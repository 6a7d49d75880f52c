"""Build, load and repair the persisted indexes under ``$LOB_HOME``.

Two stores: ``index/`` (the knowledge base; rebuilt when its content hash, the chunker or the
model changes) and ``userdocs/`` (files added with ``lob-kompas ingest``). An unchanged
knowledge base loads from disk without embedding anything; a changed one is rebuilt and only
new or changed chunks are embedded. A corrupt or mismatched store is reported and rebuilt,
never used.

The knowledge index also ships with the code (``retrieval/prebuilt/``, made by
``lob-kompas build --ship``): when it matches the knowledge, the model and the chunker it is used
in place, read-only, so a fresh clone, container or server process starts without embedding; when
it does not match, its vectors still seed the local build (only changed chunks are embedded).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.documents import Document

from knowledge.inputs import LIMITS, InputError
from knowledge.loader import KnowledgeBase
from knowledge.paths import lob_home
from retrieval.chunking import (
    ChunkerSettings,
    DocumentError,
    check_file_limits,
    check_ingest_volume,
    document_chunks,
    index_documents,
)
from retrieval.embeddings import CountingEmbeddings
from retrieval.store import (
    CHUNKS,
    FAISS_FILE,
    MANIFEST,
    ChunkStore,
    IndexProblem,
    Notify,
    StoreBusy,
    StoreMismatch,
    current_version,
    embed_docs,
    stderr_notify,
    store_lock,
    store_size,
)

SHIPPED_DIR = Path(__file__).resolve().parent / "prebuilt"
SHIP_COMMAND = "lob-kompas build --ship"


def index_dir(home: Path | None = None) -> Path:
    return (home or lob_home()) / "index"


def shipped_index_dir() -> Path:
    """The knowledge index that ships with the code (package data; read-only at run time)."""
    return SHIPPED_DIR


def knowledge_index_available(home: Path | None = None) -> bool:
    """Whether the assistant can start without building from nothing (a local or a shipped index exists)."""
    return (index_dir(home) / MANIFEST).exists() or (shipped_index_dir() / MANIFEST).exists()


def userdocs_dir(home: Path | None = None) -> Path:
    return (home or lob_home()) / "userdocs"


@dataclass
class BuildReport:
    """What happened when the knowledge index was opened."""

    status: str  # loaded | shipped (used in place from the package) | built | rebuilt
    reason: str | None
    chunks: int
    embedded: int
    seconds: float
    size_bytes: int


def _size(directory: Path) -> int:
    return store_size(directory)


def _expect(kb: KnowledgeBase, emb: CountingEmbeddings, settings: ChunkerSettings) -> dict[str, object]:
    return {"model": emb.name, "dim": emb.dim, "chunker": settings.as_dict(), "content_hash": kb.content_hash}


def _shipped(
    shipped: Path, expect: dict[str, object], notify: Notify
) -> tuple[ChunkStore | None, dict[str, np.ndarray]]:
    """(the shipped store when it matches ``expect``, else None; vectors it can lend to a local build)."""
    try:
        return ChunkStore.load(shipped, expect), {}
    except StoreMismatch as exc:  # other knowledge or chunker: its vectors still fit unchanged chunks
        return None, (exc.store.vector_cache() if exc.store is not None else {})
    except IndexProblem as exc:
        if not exc.missing:
            notify(f"De meegeleverde index in {shipped} is onbruikbaar ({exc}); maak hem opnieuw met '{SHIP_COMMAND}'.")
        return None, {}


def open_knowledge_index(
    kb: KnowledgeBase,
    emb: CountingEmbeddings,
    *,
    home: Path | None = None,
    settings: ChunkerSettings | None = None,
    force: bool = False,
    notify: Notify = stderr_notify,
    shipped: Path | None = None,
) -> tuple[ChunkStore, BuildReport]:
    """Load the knowledge index if it matches ``kb`` and ``emb``; otherwise (re)build it and say why.

    With ``shipped`` (see :func:`shipped_index_dir`) a matching shipped index is used in place and
    nothing is written; a non-matching one lends its vectors to the local build."""
    settings = settings or ChunkerSettings()
    directory = index_dir(home)
    expect = _expect(kb, emb, settings)
    start = time.perf_counter()
    shipped_cache: dict[str, np.ndarray] = {}
    if shipped is not None:
        ready, shipped_cache = _shipped(shipped, expect, notify)
        if ready is not None and not force:
            return ready, BuildReport("shipped", None, len(ready), 0, time.perf_counter() - start, _size(shipped))
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
    try:
        with store_lock(directory):
            if not force:  # another process may have built it while this one waited for the lock
                try:
                    store = ChunkStore.load(directory, expect)
                    return store, BuildReport(
                        "loaded", None, len(store), 0, time.perf_counter() - start, _size(directory)
                    )
                except IndexProblem:
                    pass
            return _build(
                kb, emb, directory, expect, settings, {**shipped_cache, **cache}, status, reason, start, notify
            )
    except StoreBusy as exc:
        raise RuntimeError(InputError("busy", what="index").message("nl")) from exc


def _build(
    kb: KnowledgeBase,
    emb: CountingEmbeddings,
    directory: Path,
    expect: dict[str, object],
    settings: ChunkerSettings,
    cache: dict[str, np.ndarray],
    status: str,
    reason: str | None,
    start: float,
    notify: Notify,
) -> tuple[ChunkStore, BuildReport]:
    docs = index_documents(kb, settings)
    vectors, embedded = embed_docs(docs, emb, cache, notify, label="kennisbank")
    store = ChunkStore(
        docs=docs,
        vectors=vectors,
        manifest={
            **expect,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
    )
    seconds = time.perf_counter() - start
    store.manifest["build_seconds"] = round(seconds, 2)
    store.manifest["embedded"] = embedded
    store.save(directory)
    report = BuildReport(status, reason, len(docs), embedded, seconds, _size(directory))
    notify(
        f"Index klaar: {len(docs)} stukken, {embedded} nieuw ge-embed, {seconds:.1f} s, "
        f"{report.size_bytes / 1e6:.1f} MB in {directory}"
    )
    return store, report


def ship_knowledge_index(
    kb: KnowledgeBase,
    emb: CountingEmbeddings,
    *,
    target: Path | None = None,
    home: Path | None = None,
    settings: ChunkerSettings | None = None,
    notify: Notify = stderr_notify,
) -> BuildReport:
    """Write the knowledge index that ships with the code (``lob-kompas build --ship``).

    Vectors of unchanged chunks are taken from the current shipped and local indexes, so after a small
    knowledge edit only the changed chunks are embedded. The manifest holds no timestamp: the same
    knowledge, model and chunker always give the same files (no noise in version control)."""
    settings = settings or ChunkerSettings()
    target = target or shipped_index_dir()
    expect = _expect(kb, emb, settings)
    start = time.perf_counter()
    current, cache = _shipped(target, expect, notify)
    docs = index_documents(kb, settings)
    if current is not None:
        if [d.metadata["text_hash"] for d in current.docs] == [d.metadata["text_hash"] for d in docs]:
            return BuildReport("loaded", None, len(current), 0, time.perf_counter() - start, _size(target))
        cache = current.vector_cache()  # same knowledge, other pieces (the chunking code changed)
    try:
        local = ChunkStore.load(index_dir(home))
        if local.manifest.get("model") == emb.name and local.manifest.get("dim") == emb.dim:
            cache = {**local.vector_cache(), **cache}
    except IndexProblem:
        pass
    vectors, embedded = embed_docs(docs, emb, cache, notify, label="kennisbank")
    _save_flat(ChunkStore(docs=docs, vectors=vectors, manifest=dict(expect)), target)
    seconds = time.perf_counter() - start
    report = BuildReport("built", None, len(docs), embedded, seconds, _size(target))
    notify(
        f"Meegeleverde index geschreven: {len(docs)} stukken, {embedded} nieuw ge-embed, {seconds:.1f} s, "
        f"{report.size_bytes / 1e6:.1f} MB in {target}"
    )
    return report


def _save_flat(store: ChunkStore, target: Path) -> None:
    """The shipped index is package data: three plain files in ``target`` (no version folders, no pointer),
    so the same knowledge gives the same files in git. Written beside the target, then moved in."""
    import shutil
    import tempfile

    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        store.save(Path(tmp))
        version = current_version(Path(tmp))
        for old in target.iterdir():
            if old.is_dir():
                shutil.rmtree(old)
            elif old.name != ".gitignore":
                old.unlink()
        for name in (MANIFEST, CHUNKS, FAISS_FILE):
            shutil.copy2(version / name, target / name)


def open_userdocs(
    emb: CountingEmbeddings, *, home: Path | None = None, notify: Notify = stderr_notify
) -> ChunkStore | None:
    """The user-document store, or None when nothing was ingested. A broken or foreign store is set aside."""
    directory = userdocs_dir(home)
    try:
        return ChunkStore.load(directory, {"model": emb.name, "dim": emb.dim})
    except IndexProblem as exc:
        if exc.missing:
            return None
        notify(
            f"De opslag met eigen documenten is onbruikbaar: {exc}. Voeg de documenten opnieuw toe met "
            f"'lob-kompas ingest' (de oude opslag is bewaard als {directory.name}.broken)."
        )
        broken = directory.with_name(directory.name + ".broken")
        import shutil

        shutil.rmtree(broken, ignore_errors=True)
        directory.rename(broken)
        return None


def _restore_userdocs(directory: Path, old: ChunkStore | None) -> None:
    """Put the user-document store back as it was before a save whose registry write failed."""
    import shutil

    if old is None:
        shutil.rmtree(directory, ignore_errors=True)
    else:
        old.save(directory)


@dataclass
class IngestReport:
    files: list[str]
    chunks: int
    embedded: int
    seconds: float
    total_chunks: int


def ingest_files(
    paths: list[Path],
    emb: CountingEmbeddings,
    *,
    home: Path | None = None,
    settings: ChunkerSettings | None = None,
    notify: Notify = stderr_notify,
    who: str | None = None,
    how: str = "cli",
) -> IngestReport:
    """Add (or replace) user files in the user-document store and the registry of ingested documents
    (:mod:`retrieval.registry`; ``who`` defaults to this computer's account, ``how`` to ``cli``).
    Raises DocumentError naming a bad file, or saying why the database cannot be written.

    Limits (file count, each file's size, the run's text volume and estimated time) are checked before
    anything is embedded. The read-modify-write of the store holds :func:`retrieval.store.store_lock`, so
    two ingests at once both end up in the store; a failure leaves the store and the registry as they were."""
    from recommender.initiatives.catalogue import local_user
    from recommender.initiatives.db import DatabaseError
    from retrieval.registry import NewDocument, file_sha256, record_ingest, registry_engine, store_location

    settings = settings or ChunkerSettings()
    start = time.perf_counter()
    paths = [Path(p) for p in paths]
    if len(paths) > LIMITS.ingest_files:
        raise DocumentError(InputError("ingest_files", n=len(paths), max=LIMITS.ingest_files).message("nl"))
    seen: dict[str, Path] = {}
    for path in paths:  # sizes first: a file that is too big is refused before any file is read
        if not path.is_file():
            raise DocumentError(f"{path}: bestand niet gevonden")
        if path.name in seen and seen[path.name].resolve() != path.resolve():
            # a document is known by its name (its chunks' source): two files of one name would mix
            raise DocumentError(
                f"{path}: een ander bestand met dezelfde naam staat ook in deze opdracht "
                f"({seen[path.name]}); geef een van beide een andere naam"
            )
        seen[path.name] = path
        check_file_limits(path)
    paths = list(dict.fromkeys(seen.values()))
    new_docs: list[Document] = []
    registry_rows: list[NewDocument] = []
    chars = 0
    for path in paths:  # read everything first: a bad file stops the ingest before anything changes
        docs = document_chunks(path, settings)
        chars += sum(len(d.page_content) for d in docs)
        check_ingest_volume(chars, settings)
        new_docs += docs
        registry_rows.append(
            NewDocument(naam=path.name, sha256=file_sha256(path), stukken=len(docs), bytes=path.stat().st_size)
        )
    try:  # the database is made or migrated now, so an unreachable one stops the ingest before the embedding
        engine = registry_engine(home)
    except DatabaseError as exc:
        raise DocumentError(f"het register van documenten is niet bereikbaar: {exc}") from exc
    directory = userdocs_dir(home)
    try:
        with store_lock(directory):
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
            store = ChunkStore(
                docs=all_docs,
                vectors=all_vecs,
                manifest={
                    "model": emb.name,
                    "dim": emb.dim,
                    "chunker": settings.as_dict(),
                    "content_hash": "userdocs",
                    "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                },
            )
            # The store and the registry cannot share one transaction (files and a database), so the order is:
            # 1. save the store (a new version folder, then one atomic swap of CURRENT; a failure here leaves the
            #    old version in use and writes no registry row);
            # 2. then write all registry rows in one database transaction;
            # 3. if that transaction fails, put the store back as it was (the old chunks and vectors are still in
            #    memory: saved again as the current version; no store before: the new one is removed).
            # Undoing a store save is in our hands (we hold the store lock); undoing a committed transaction after
            # a failed store save would need a second transaction that can fail for the same reason as the first.
            store.save(directory)
            try:
                record_ingest(engine, store_location(directory), registry_rows, who=who or local_user(), how=how)
            except Exception as exc:
                _restore_userdocs(directory, old)
                reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                raise DocumentError(
                    f"het register van documenten kon niet worden bijgewerkt ({reason}); er is niets toegevoegd"
                ) from exc
    except StoreBusy as exc:
        raise DocumentError(InputError("busy", what="userdocs").message("nl")) from exc
    seconds = time.perf_counter() - start
    names = sorted({p.name for p in paths})
    notify(f"{len(names)} bestand(en) toegevoegd: {len(new_docs)} stukken, {embedded} ge-embed, {seconds:.1f} s")
    return IngestReport(names, len(new_docs), embedded, seconds, len(all_docs))

"""The registry of ingested documents, in the database that holds what users write (:mod:`recommender.initiatives.db`).

The chunks and vectors of a document stay in the FAISS store (``$LOB_HOME/userdocs``, :mod:`retrieval.store`);
the registry says which documents are there: per file its name (the ``document:<name>`` source of its chunks),
the sha256 of the file, how many pieces it gave, its size, who ingested it, how that person had the right
(``cli`` for the command line, as the decaan's lists record it) and when. Ingesting a file with a name that is
already there replaces it: the earlier row gets ``removed_at`` and stays as history, so there is one active row
per name. :func:`retrieval.index.ingest_files` writes the rows; ``lob-kompas documents`` lists them.

Each row names the chunk store it went into (:func:`store_location`: ``host:folder``): the store is per
``$LOB_HOME``, while one PostgreSQL may serve several machines (replicas), so each reads and replaces only
the rows of its own store.

Reading never creates a database: with the default SQLite file absent the registry is simply empty.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import socket
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from pydantic import BaseModel

from recommender.initiatives import db
from recommender.initiatives.db import as_utc, ingested_documents

_PG_REGISTRY_LOCK = 7_140_015  # pg_advisory_xact_lock key: ingests on other machines sharing one PostgreSQL


class RegisteredDocument(BaseModel):
    """One row of the registry."""

    naam: str
    sha256: str
    stukken: int
    bytes: int
    door: str
    hoe: str
    op: dt.datetime
    verwijderd_op: dt.datetime | None = None


class NewDocument(BaseModel):
    """What :func:`record_ingest` writes for one file."""

    naam: str
    sha256: str
    stukken: int
    bytes: int


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def store_location(directory: Path) -> str:
    """The chunk store a row belongs to: this machine and the store's folder."""
    return f"{socket.gethostname()}:{Path(directory).resolve()}"[:500]


def registry_engine(home: Path | None = None) -> sa.Engine:
    """The database for the registry (made and migrated when needed: for writers). Raises ``db.DatabaseError``."""
    return db.engine_for(db.database_url(home))


def record_ingest(
    engine: sa.Engine,
    store: str,
    documents: Sequence[NewDocument],
    *,
    who: str,
    how: str,
    at: dt.datetime | None = None,
) -> None:
    """In one transaction: mark the active rows of these names in ``store`` removed, then add a row per document."""
    at = at or db.now()
    names = [d.naam for d in documents]
    with engine.connect() as conn:
        conn.execution_options(lob_write=True)  # SQLite: BEGIN IMMEDIATE (the writers' lock from the start)
        with conn.begin():
            if not db.is_sqlite(conn):
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_REGISTRY_LOCK})")
            conn.execute(
                ingested_documents.update()
                .where(
                    ingested_documents.c.store_location == store,
                    ingested_documents.c.source_name.in_(names),
                    ingested_documents.c.removed_at.is_(None),
                )
                .values(removed_at=at)
            )
            conn.execute(
                ingested_documents.insert(),
                [
                    {
                        "store_location": store,
                        "source_name": d.naam[:255],
                        "sha256": d.sha256,
                        "n_chunks": d.stukken,
                        "size_bytes": d.bytes,
                        "ingested_at": at,
                        "ingested_by": who[:200],
                        "auth_method": how[:20],
                    }
                    for d in documents
                ],
            )


def _exists_without_creating(url: str) -> bool:
    if not url.startswith("sqlite"):
        return True
    path = sa.make_url(url).database
    return bool(path) and path != ":memory:" and Path(path).exists()  # type: ignore[arg-type]


def registered_documents(home: Path | None = None, *, include_removed: bool = False) -> list[RegisteredDocument]:
    """The registry, newest first (active rows only unless ``include_removed``). No database file: empty,
    and none is made. Raises ``db.DatabaseError`` when the database is there but cannot be read."""
    url = db.database_url(home)
    if not _exists_without_creating(url):
        return []
    engine = db.engine_for(url)
    from retrieval.index import userdocs_dir

    query = (
        sa.select(ingested_documents)
        .where(ingested_documents.c.store_location == store_location(userdocs_dir(home)))
        .order_by(ingested_documents.c.ingested_at.desc(), ingested_documents.c.id.desc())
    )
    if not include_removed:
        query = query.where(ingested_documents.c.removed_at.is_(None))
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [
        RegisteredDocument(
            naam=r["source_name"],
            sha256=r["sha256"],
            stukken=r["n_chunks"],
            bytes=r["size_bytes"],
            door=r["ingested_by"],
            hoe=r["auth_method"],
            op=as_utc(r["ingested_at"]),
            verwijderd_op=as_utc(r["removed_at"]) if r["removed_at"] else None,
        )
        for r in rows
    ]


__all__ = [
    "NewDocument",
    "RegisteredDocument",
    "file_sha256",
    "record_ingest",
    "registered_documents",
    "registry_engine",
    "store_location",
]

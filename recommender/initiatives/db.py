"""The database that holds what users write: the decaan's own lists of initiatives, and the registry of
the documents added with ``lob-kompas ingest``.

One data layer (SQLAlchemy 2) for two databases:

* SQLite in ``$LOB_HOME/lob-kompas.db`` by default: nothing to install, WAL journal, writers take
  the write lock at the start of their transaction (``BEGIN IMMEDIATE``) and wait up to 30 s for
  each other;
* PostgreSQL when ``LOB_DATABASE_URL`` names one (``postgresql://user@host/db``; the psycopg 3
  driver is used). Writers serialise on the one row of ``catalogue_state``.

The tables are made and upgraded by Alembic (the migration scripts ship inside the package, in
``migrations/``); :func:`engine_for` brings a database to the newest revision once per process,
under a lock (a file lock for SQLite, an advisory lock for PostgreSQL) so that two processes
starting at once do not both create the tables.

Tables (revision 0001):

* ``initiative_lists``: one row per imported list: name, file, who imported it, how that person
  had the decaan role, when, the column mapping used;
* ``initiative_records``: one row per initiative of a list: the record as JSON (validated by
  :class:`knowledge.schema.Initiatief` on the way in and out), its normalised name and dates for
  duplicate checks, its row in the file, and ``superseded_by`` when a later list updated it;
* ``catalogue_state``: one row with a version number that every write raises; readers reload the
  records only when it changed;
* ``catalogue_events``: who imported, deleted or undid which list, and when.

Revision 0002:

* ``ingested_documents``: one row per ingested file (:mod:`retrieval.registry`): the chunk store it
  went into (``host:folder``; each ``$LOB_HOME`` has its own store, several may share one PostgreSQL),
  its name (the source of its chunks), sha256, number of pieces, size, who ingested it, how, when,
  and ``removed_at`` once a later ingest of the same name replaced it (one active row per name and store).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from knowledge.paths import lob_home

DB_FILE = "lob-kompas.db"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_MS = 30_000
_PG_MIGRATION_LOCK = 7_140_014  # an arbitrary, fixed key for pg_advisory_lock

metadata = sa.MetaData()

initiative_lists = sa.Table(
    "initiative_lists",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("source_file", sa.String(255)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
    sa.Column("auth_method", sa.String(20), nullable=False),
    sa.Column("n_records", sa.Integer, nullable=False),
    sa.Column("column_mapping", sa.JSON),
)

initiative_records = sa.Table(
    "initiative_records",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "list_id", sa.Integer, sa.ForeignKey("initiative_lists.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("record_id", sa.String(120), nullable=False, unique=True),
    sa.Column("name_key", sa.String(200), nullable=False, index=True),
    sa.Column("start_date", sa.Date),
    sa.Column("end_date", sa.Date),
    sa.Column("yearly_month", sa.SmallInteger),
    sa.Column("row_number", sa.Integer),
    sa.Column("superseded_by", sa.Integer, sa.ForeignKey("initiative_lists.id", ondelete="SET NULL"), index=True),
    sa.Column("data", sa.JSON, nullable=False),
)

catalogue_state = sa.Table(
    "catalogue_state",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True)),
)

catalogue_events = sa.Table(
    "catalogue_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("who", sa.String(200), nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("list_id", sa.Integer),
    sa.Column("list_name", sa.String(200)),
    sa.Column("n_records", sa.Integer),
)


ingested_documents = sa.Table(
    "ingested_documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("store_location", sa.String(500), nullable=False),
    sa.Column("source_name", sa.String(255), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("n_chunks", sa.Integer, nullable=False),
    sa.Column("size_bytes", sa.BigInteger, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("ingested_by", sa.String(200), nullable=False),
    sa.Column("auth_method", sa.String(20), nullable=False),
    sa.Column("removed_at", sa.DateTime(timezone=True)),
    sa.Index("ix_ingested_documents_store_source", "store_location", "source_name"),
)


class DatabaseError(RuntimeError):
    """The database cannot be reached or brought up to date; the message says which one and why."""


def database_url(home: Path | None = None) -> str:
    """``LOB_DATABASE_URL`` if set, else SQLite in ``home`` (default ``$LOB_HOME``)."""
    url = os.environ.get("LOB_DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{(home or lob_home()) / DB_FILE}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    return sa.make_url(url).render_as_string(hide_password=True)


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite gives naive datetimes back: they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _sqlite_engine(url: str) -> Engine:
    path = sa.make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # we issue BEGIN ourselves (below): pysqlite's own would start write transactions too late
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # a writer takes the write lock first, so a check-then-write cannot interleave with another writer
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("lob_write") else "BEGIN")

    return engine


_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()


def engine_for(url: str | None = None) -> Engine:
    """The engine for ``url`` (default :func:`database_url`), made once per process, schema up to date."""
    url = url or database_url()
    with _ENGINES_LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            try:
                engine = (
                    _sqlite_engine(url)
                    if url.startswith("sqlite")
                    else sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
                )
                upgrade(engine)
            except sa.exc.SQLAlchemyError as exc:
                raise DatabaseError(
                    f"database {safe_url(url)}: {type(exc).__name__}: {str(exc).splitlines()[0]}"
                ) from exc
            _ENGINES[url] = engine
        return engine


def dispose_all() -> None:
    """Close every pooled connection (tests, and before a throwaway PostgreSQL stops)."""
    with _ENGINES_LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the writers' lock from its first statement until commit.

    SQLite: ``BEGIN IMMEDIATE``. Both: the version row is raised first, which in PostgreSQL locks
    that row until the end, so writers run one after the other and see each other's commits.
    """
    with engine.connect() as conn:
        conn.execution_options(lob_write=True)
        with conn.begin():
            conn.execute(
                catalogue_state.update()
                .where(catalogue_state.c.id == 1)
                .values(version=catalogue_state.c.version + 1, changed_at=now())
            )
            yield conn


def read_version(conn: Connection) -> int:
    return int(conn.execute(sa.select(catalogue_state.c.version).where(catalogue_state.c.id == 1)).scalar_one())


# --- migrations ----------------------------------------------------------------------------
def _alembic_config(conn: Connection | None = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


@cache
def head_revision() -> str:
    """The newest revision of the shipped migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:
        raise DatabaseError(f"no migration scripts in {MIGRATIONS_DIR}")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if is_sqlite(engine):
        from filelock import FileLock

        path = sa.make_url(str(engine.url)).database
        if not path or path == ":memory:":
            yield
            return
        with FileLock(f"{path}.migrate.lock", timeout=120):
            yield
    else:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_MIGRATION_LOCK})")
            try:
                yield
            finally:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_MIGRATION_LOCK})")
                conn.commit()


def upgrade(engine: Engine) -> str:
    """Bring the database to the newest revision (nothing to do when it is there); returns it."""
    head = head_revision()
    if current_revision(engine) == head:
        return head
    from alembic import command

    with _migration_lock(engine):
        if current_revision(engine) != head:  # another process may have done it while we waited
            with engine.connect() as conn:
                conn.execution_options(lob_write=True)
                with conn.begin():
                    command.upgrade(_alembic_config(conn), "head")
    return head


__all__ = [
    "DB_FILE",
    "DatabaseError",
    "catalogue_events",
    "catalogue_state",
    "current_revision",
    "database_url",
    "dispose_all",
    "engine_for",
    "head_revision",
    "ingested_documents",
    "initiative_lists",
    "initiative_records",
    "metadata",
    "read_version",
    "safe_url",
    "upgrade",
    "write_transaction",
]

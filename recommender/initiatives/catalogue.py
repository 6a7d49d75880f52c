"""The decaan's own catalogue: imported lists of initiatives in the database (:mod:`.db`).

Imported rows never go into ``knowledge/data``: the curated YAML stays the source of truth for
curated records. Each import is a *list*: a unit the decaan can view, undo or delete, which
records who imported it, how that person had the decaan role, and when.

Records use the same :class:`knowledge.schema.Initiatief` model as the curated ones, with the
pseudo-source ``eigen_import#<file> <date>`` (shown as "eigen lijst van de school"). Their ids are
``eigen-<list id>-<name as slug>`` (``-2``, ``-3`` for repeated names within a list), so two lists
never share an id.

Duplicates: a record of a new list with the same name (compared after
:func:`knowledge.geo.normalise`) as an active record of an earlier list is a duplicate, unless
both have dates and the dates differ (then it is another occurrence). Duplicates are reported
before anything is written; the decaan chooses: ``keep`` both, or ``update`` (the earlier record
is set aside, ``superseded_by`` the new list, and comes back when the new list is deleted or
undone). Nothing is ever overwritten in place.

Readers ask :meth:`CatalogueStore.records` on every page run or search; it costs one tiny query
(the version row) and re-reads the records only after a write, once per change.
"""

from __future__ import annotations

import datetime as dt
import getpass
import socket
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
import yaml
from pydantic import BaseModel, ValidationError

from knowledge.errors import format_validation_error
from knowledge.geo import normalise
from knowledge.loader import DATA_DIR, KnowledgeBase
from knowledge.paths import lob_home
from knowledge.schema import Initiatief
from knowledge.sources import EIGEN_IMPORT
from recommender.initiatives import db
from recommender.initiatives.db import (
    DatabaseError,
    as_utc,
    catalogue_events,
    catalogue_state,
    initiative_lists,
    initiative_records,
)

LEGACY_FILE = "catalogus.yaml"  # the catalogue before the database (issue 14); adopted once as a list
OnDuplicate = Literal["keep", "update"]
AuthMethod = Literal["lokaal", "oidc", "wachtwoord", "cli", "overgenomen"]


class UserCatalogueError(ValueError):
    """The user catalogue cannot be read or written; the message says why."""


class UnknownList(UserCatalogueError):
    """No list with this id."""


class ListInfo(BaseModel):
    """One imported list, as the decaan sees it."""

    id: int
    naam: str
    bestand: str | None
    aangemaakt_op: dt.datetime
    aangemaakt_door: str
    rol: str
    aantal: int
    actief: int  # records not set aside by a later list
    kolommen: dict[str, str] | None = None


class Duplicate(BaseModel):
    """A record of a new list that has the same name as an active record of an earlier list."""

    naam: str
    rij: int | None
    bestaand_id: str
    lijst_id: int
    lijst_naam: str
    verschillen: list[str]  # fields whose values differ (organisator, website, ...)


class DuplicatesFound(UserCatalogueError):
    """Duplicates were found and no choice was made; nothing was written."""

    def __init__(self, duplicates: list[Duplicate]):
        names = ", ".join(sorted({d.naam for d in duplicates})[:8])
        super().__init__(
            f"{len(duplicates)} activiteit(en) staan al in een eerdere lijst: {names}. "
            "Kies: beide houden of de eerdere bijwerken."
        )
        self.duplicates = duplicates


class Event(BaseModel):
    at: dt.datetime
    who: str
    action: str
    list_id: int | None
    list_name: str | None
    n_records: int | None


class AddResult(BaseModel):
    lijst: ListInfo
    ids: list[str]
    dubbel: list[Duplicate]
    vervangen: list[str]  # ids of earlier records set aside (update)


def allowed_sources(kb: KnowledgeBase | None = None) -> set[str]:
    """Source ids a user record may cite: those of ``bronnen.yaml`` plus ``eigen_import``."""
    if kb is not None:
        ids = set(kb.bronnen)
    else:
        raw = yaml.safe_load((DATA_DIR / "bronnen.yaml").read_text(encoding="utf-8")) or []
        ids = {str(item.get("id")) for item in raw if isinstance(item, dict)}
    return ids | {EIGEN_IMPORT}


def source_problems(ini: Initiatief, allowed: set[str]) -> list[str]:
    """Source ids in ``ini`` that are not allowed."""
    return [f"onbekende bron '{ref.bron}'" for ref in ini.bronnen if ref.bron not in allowed]


def name_key(naam: str) -> str:
    return normalise(naam)[:200]


def slug(text: str) -> str:
    return normalise(text).replace(" ", "-")[:60].strip("-") or "initiatief"


def local_user() -> str:
    """Who runs the command line: the account on this machine."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "onbekend"
    return f"{user}@{socket.gethostname()}"


_DIFF_FIELDS = (
    "organisator",
    "website",
    "omschrijving",
    "activiteiten",
    "doelgroepen",
    "schooltypen",
    "datum",
    "locatie",
)


def _differences(old: Initiatief, new: Initiatief) -> list[str]:
    return [f for f in _DIFF_FIELDS if getattr(old, f) != getattr(new, f)]


def _is_duplicate(old: Initiatief, new: Initiatief) -> bool:
    if old.datum is not None and new.datum is not None:
        return old.datum == new.datum
    if old.jaarlijks_maand is not None and new.jaarlijks_maand is not None:
        return old.jaarlijks_maand == new.jaarlijks_maand
    return True


class CatalogueStore:
    """The user's lists in one database (see the module doc). Safe to share between threads."""

    def __init__(self, url: str | None = None):
        self.url = url or db.database_url()
        self._lock = threading.Lock()
        self._cached_version: int | None = None
        self._cached_list: list[Initiatief] = []
        self._view_cache: dict[tuple[Any, ...], tuple[int, Any]] = {}
        self._adopted = False

    @property
    def engine(self) -> sa.Engine:
        try:
            engine = db.engine_for(self.url)
        except DatabaseError as exc:
            raise UserCatalogueError(str(exc)) from exc
        if not self._adopted:
            self._adopted = True
            self._adopt_legacy_yaml(engine)
        return engine

    # --- reading -----------------------------------------------------------------------
    def version(self) -> int:
        with self.engine.connect() as conn:
            return db.read_version(conn)

    def records(self) -> list[Initiatief]:
        """All active records (not set aside by a later list), in list and row order.

        The same list object is returned until the database changes, so the search index built
        on it is reused (:func:`recommender.initiatives.search.search_initiatives` caches by identity).
        """
        engine = self.engine
        with self._lock:
            with engine.connect() as conn:
                version = db.read_version(conn)
                if version == self._cached_version:
                    return self._cached_list
                # the JSON as text: pydantic parses and validates it in one go (three times faster than dicts)
                rows = (
                    conn.execute(
                        sa.select(sa.cast(initiative_records.c.data, sa.Text))
                        .where(initiative_records.c.superseded_by.is_(None))
                        .order_by(initiative_records.c.list_id, initiative_records.c.id)
                    )
                    .scalars()
                    .all()
                )
            records = self._validate(rows)
            self._cached_version, self._cached_list = version, records
            return records

    @staticmethod
    def _validate(rows: Sequence[Any]) -> list[Initiatief]:
        out: list[Initiatief] = []
        problems: list[str] = []
        for data in rows:
            try:
                out.append(
                    Initiatief.model_validate_json(data)
                    if isinstance(data, str | bytes)
                    else Initiatief.model_validate(data)
                )
            except ValidationError as exc:
                rid = data.get("id") if isinstance(data, dict) else "?"
                problems.append(f"{rid}: {format_validation_error(exc, one_line=True)}")
        if problems:
            raise UserCatalogueError(
                f"{len(problems)} record(s) in de database kloppen niet: " + "; ".join(problems[:10])
            )
        return out

    def _cached(self, key: tuple[Any, ...], load: Any) -> Any:
        """``load()`` once per database version (one small query to check), for what pages show on every run."""
        version = self.version()
        hit = self._view_cache.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        value = load()
        if len(self._view_cache) > 32:
            self._view_cache.clear()
        self._view_cache[key] = (version, value)
        return value

    def lists(self) -> list[ListInfo]:
        """Every list, newest first (read once per change of the database)."""
        return self._cached(("lists",), self._load_lists)  # type: ignore[no-any-return]

    def _load_lists(self) -> list[ListInfo]:
        active = (
            sa.select(initiative_records.c.list_id, sa.func.count().label("n"))
            .where(initiative_records.c.superseded_by.is_(None))
            .group_by(initiative_records.c.list_id)
            .subquery()
        )
        query = (
            sa.select(initiative_lists, sa.func.coalesce(active.c.n, 0).label("active"))
            .outerjoin(active, active.c.list_id == initiative_lists.c.id)
            .order_by(initiative_lists.c.id.desc())
        )
        with self.engine.connect() as conn:
            return [self._info(row) for row in conn.execute(query).mappings()]

    @staticmethod
    def _info(row: Any) -> ListInfo:
        return ListInfo(
            id=row["id"],
            naam=row["name"],
            bestand=row["source_file"],
            aangemaakt_op=as_utc(row["created_at"]),
            aangemaakt_door=row["created_by"],
            rol=row["auth_method"],
            aantal=row["n_records"],
            actief=row.get("active", row["n_records"]),
            kolommen=row["column_mapping"],
        )

    def get_list(self, list_id: int) -> ListInfo:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(initiative_lists).where(initiative_lists.c.id == list_id)).mappings().first()
            if row is None:
                raise UnknownList(f"er is geen lijst met nummer {list_id}")
            active = conn.execute(
                sa.select(sa.func.count()).where(
                    initiative_records.c.list_id == list_id, initiative_records.c.superseded_by.is_(None)
                )
            )
            return self._info(dict(row) | {"active": active.scalar_one()})

    def list_records(self, list_id: int, limit: int | None = None) -> list[tuple[Initiatief, bool]]:
        """The records of one list in row order (the first ``limit``), each with ``True`` when it is active."""
        return self._cached(
            ("records", list_id, limit),  # type: ignore[no-any-return]
            lambda: self._load_list_records(list_id, limit),
        )

    def _load_list_records(self, list_id: int, limit: int | None) -> list[tuple[Initiatief, bool]]:
        self.get_list(list_id)
        query = (
            sa.select(initiative_records.c.data, initiative_records.c.superseded_by)
            .where(initiative_records.c.list_id == list_id)
            .order_by(initiative_records.c.id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query.limit(limit) if limit is not None else query).all()
        records = self._validate([r[0] for r in rows])
        return [(ini, r[1] is None) for ini, r in zip(records, rows, strict=True)]

    def events(self, limit: int = 50) -> list[Event]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(catalogue_events).order_by(catalogue_events.c.id.desc()).limit(limit)
            ).mappings()
            return [
                Event(
                    at=as_utc(r["at"]),
                    who=r["who"],
                    action=r["action"],
                    list_id=r["list_id"],
                    list_name=r["list_name"],
                    n_records=r["n_records"],
                )
                for r in rows
            ]

    def duplicates(
        self, records: Sequence[Initiatief], rows: Sequence[int | None] | None = None, conn: sa.Connection | None = None
    ) -> list[Duplicate]:
        """The records that have the same name as an active record of an earlier list (see module doc)."""
        if not records:
            return []
        rows = list(rows) if rows is not None else [None] * len(records)
        keys = sorted({name_key(r.naam) for r in records})
        query = (
            sa.select(
                initiative_records.c.name_key, initiative_records.c.data, initiative_lists.c.id, initiative_lists.c.name
            )
            .join(initiative_lists, initiative_lists.c.id == initiative_records.c.list_id)
            .where(initiative_records.c.superseded_by.is_(None))
        )
        found: dict[str, list[tuple[Initiatief, int, str]]] = {}
        own_conn = conn is None
        c = conn if conn is not None else self.engine.connect()
        try:
            for start in range(0, len(keys), 500):  # stay below the databases' limits on bound parameters
                chunk = keys[start : start + 500]
                for key, data, list_id, list_name in c.execute(query.where(initiative_records.c.name_key.in_(chunk))):
                    found.setdefault(key, []).append((Initiatief.model_validate(data), list_id, list_name))
        finally:
            if own_conn:
                c.close()
        out: list[Duplicate] = []
        for ini, row in zip(records, rows, strict=True):
            for old, list_id, list_name in found.get(name_key(ini.naam), []):
                if _is_duplicate(old, ini):
                    out.append(
                        Duplicate(
                            naam=ini.naam,
                            rij=row,
                            bestaand_id=old.id,
                            lijst_id=list_id,
                            lijst_naam=list_name,
                            verschillen=_differences(old, ini),
                        )
                    )
        return out

    # --- writing -----------------------------------------------------------------------
    def add_list(
        self,
        name: str,
        records: Sequence[Initiatief],
        *,
        who: str,
        how: str,
        source_file: str | None = None,
        rows: Sequence[int | None] | None = None,
        on_duplicate: OnDuplicate | None = None,
        column_mapping: dict[str, str] | None = None,
    ) -> AddResult:
        """Store ``records`` as one new list, in one transaction (all or nothing).

        Raises :class:`DuplicatesFound` (nothing written) when a record duplicates an earlier one and
        ``on_duplicate`` is None. ``rows`` are the records' row numbers in the file (for messages).
        """
        name = (name or source_file or "lijst").strip()[:200]
        rows = list(rows) if rows is not None else [None] * len(records)
        at = db.now()
        try:
            with db.write_transaction(self.engine) as conn:
                dups = self.duplicates(records, rows, conn)
                if dups and on_duplicate is None:
                    raise DuplicatesFound(dups)
                list_id = conn.execute(
                    initiative_lists.insert()
                    .values(
                        name=name,
                        source_file=source_file,
                        created_at=at,
                        created_by=who[:200],
                        auth_method=how,
                        n_records=len(records),
                        column_mapping=column_mapping,
                    )
                    .returning(initiative_lists.c.id)
                ).scalar_one()
                ids: list[str] = []
                used: dict[str, int] = {}
                values = []
                for ini, row in zip(records, rows, strict=True):
                    base = f"eigen-{list_id}-{slug(ini.naam)}"
                    used[base] = used.get(base, 0) + 1
                    rid = base if used[base] == 1 else f"{base}-{used[base]}"
                    ids.append(rid)
                    stored = ini.model_copy(update={"id": rid})
                    values.append(
                        {
                            "list_id": list_id,
                            "record_id": rid,
                            "name_key": name_key(ini.naam),
                            "start_date": ini.datum,
                            "end_date": ini.tot,
                            "yearly_month": ini.jaarlijks_maand,
                            "row_number": row,
                            "data": stored.model_dump(mode="json", exclude_none=True),
                        }
                    )
                for start in range(0, len(values), 1000):
                    conn.execute(initiative_records.insert(), values[start : start + 1000])
                replaced: list[str] = []
                if dups and on_duplicate == "update":
                    replaced = sorted({d.bestaand_id for d in dups})
                    conn.execute(
                        initiative_records.update()
                        .where(initiative_records.c.record_id.in_(replaced))
                        .values(superseded_by=list_id)
                    )
                conn.execute(
                    catalogue_events.insert().values(
                        at=at, who=who[:200], action="import", list_id=list_id, list_name=name, n_records=len(records)
                    )
                )
        except sa.exc.SQLAlchemyError as exc:
            raise UserCatalogueError(f"opslaan is niet gelukt, er is niets veranderd ({type(exc).__name__})") from exc
        info = ListInfo(
            id=list_id,
            naam=name,
            bestand=source_file,
            aangemaakt_op=at,
            aangemaakt_door=who,
            rol=how,
            aantal=len(records),
            actief=len(records),
            kolommen=column_mapping,
        )
        return AddResult(lijst=info, ids=ids, dubbel=dups, vervangen=replaced)

    def delete_list(self, list_id: int, *, who: str, action: str = "delete") -> ListInfo:
        """Remove one list and its records; records it had set aside come back. One transaction."""
        try:
            with db.write_transaction(self.engine) as conn:
                row = (
                    conn.execute(sa.select(initiative_lists).where(initiative_lists.c.id == list_id)).mappings().first()
                )
                if row is None:
                    raise UnknownList(f"er is geen lijst met nummer {list_id}")
                info = self._info(row)
                conn.execute(
                    initiative_records.update()
                    .where(initiative_records.c.superseded_by == list_id)
                    .values(superseded_by=None)
                )
                conn.execute(initiative_records.delete().where(initiative_records.c.list_id == list_id))
                conn.execute(initiative_lists.delete().where(initiative_lists.c.id == list_id))
                conn.execute(
                    catalogue_events.insert().values(
                        at=db.now(),
                        who=who[:200],
                        action=action,
                        list_id=list_id,
                        list_name=info.naam,
                        n_records=info.aantal,
                    )
                )
        except sa.exc.SQLAlchemyError as exc:
            raise UserCatalogueError(
                f"verwijderen is niet gelukt, er is niets veranderd ({type(exc).__name__})"
            ) from exc
        return info

    def undo_last(self, *, who: str) -> ListInfo | None:
        """Undo the newest import (delete that list); None when there is none."""
        with self.engine.connect() as conn:
            newest = conn.execute(sa.select(sa.func.max(initiative_lists.c.id))).scalar()
        if newest is None:
            return None
        return self.delete_list(int(newest), who=who, action="undo")

    # --- the catalogue of before the database ----------------------------------------------------
    def _adopt_legacy_yaml(self, engine: sa.Engine) -> None:
        """``$LOB_HOME/catalogus.yaml`` (before issue 14) becomes one list, once; the file is renamed."""
        if not self.url.startswith("sqlite"):
            return
        path = lob_home() / LEGACY_FILE
        if not path.is_file():
            return
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            records = [Initiatief.model_validate(item) for item in raw]
        except (yaml.YAMLError, UnicodeDecodeError, ValidationError, TypeError) as exc:
            raise UserCatalogueError(
                f"{path}: de oude eigen catalogus is niet leesbaar ({type(exc).__name__}); "
                "herstel of verwijder het bestand"
            ) from exc
        self.add_list(
            f"{LEGACY_FILE} (overgenomen)",
            records,
            who=local_user(),
            how="overgenomen",
            source_file=LEGACY_FILE,
            on_duplicate="keep",
        )
        path.rename(path.with_name(LEGACY_FILE + ".overgenomen"))


_STORES: dict[str, CatalogueStore] = {}
_STORES_LOCK = threading.Lock()


def catalogue(url: str | None = None) -> CatalogueStore:
    """The store for ``url`` (default: ``LOB_DATABASE_URL`` or SQLite in ``$LOB_HOME``), one per process."""
    url = url or db.database_url()
    with _STORES_LOCK:
        store = _STORES.get(url)
        if store is None:
            store = _STORES[url] = CatalogueStore(url)
        return store


def reset_stores() -> None:
    """Forget every store and close their connections (tests; a throwaway database that goes away)."""
    with _STORES_LOCK:
        _STORES.clear()
    db.dispose_all()


def load_user_catalogue(kb: KnowledgeBase | None = None, path: Path | None = None) -> list[Initiatief]:
    """The active records of all lists (``kb`` and ``path`` are accepted for older callers and unused)."""
    return catalogue().records()


def own_initiatives() -> list[Initiatief]:
    """The school's own initiatives for the mentor and the assistant; empty when there is no database yet (a
    read never creates one) or it cannot be read (they still answer from the curated knowledge; the
    Initiatieven page shows the problem)."""
    url = db.database_url()
    if (
        url.startswith("sqlite:///")
        and not Path(sa.make_url(url).database or "").exists()
        and not (lob_home() / LEGACY_FILE).exists()
    ):
        return []
    try:
        return catalogue(url).records()
    except UserCatalogueError:
        return []


def user_catalogue_path() -> str:
    """Where the user's lists are kept, without a password (for messages)."""
    return db.safe_url(db.database_url())


__all__ = [
    "AddResult",
    "CatalogueStore",
    "Duplicate",
    "DuplicatesFound",
    "Event",
    "ListInfo",
    "OnDuplicate",
    "UnknownList",
    "UserCatalogueError",
    "allowed_sources",
    "catalogue",
    "catalogue_state",
    "load_user_catalogue",
    "local_user",
    "name_key",
    "own_initiatives",
    "reset_stores",
    "slug",
    "source_problems",
    "user_catalogue_path",
]

"""The decaan's side of LOB-Kompas: the catalogue of techniek activities (initiatieven).

One home for everything about initiatives, with a small public API that the CLI, the pages,
the mentor's activity ranking and the assistant all use:

* :func:`search` with an :class:`InitiativeFilter` gives :class:`InitiativeHit` results
  (one rule for landelijk/online, distances, text search, upcoming dated activities);
* :func:`gap_analysis` compares the offer around a place with the region and flags low counts;
* the school's own lists live in a database (:mod:`.db`, :mod:`.catalogue`): :func:`own_initiatives`
  gives their active records (pass them as ``extra``), :func:`list_lists`, :func:`list_records`,
  :func:`delete_list` and :func:`undo_last_import` treat each import as a unit;
* import: :func:`read_upload` -> :func:`make_preview` (mapping, defaults, row errors, duplicates)
  -> :func:`save_preview`; :func:`import_table` does all three for the command line;
  :func:`template_xlsx` gives an empty list with drop-downs;
* export: :func:`export_table` writes readable, formula-safe CSV or XLSX.

Modules: ``search`` (filtering and ranking), ``codes`` (dimension codes and what people type for
them), ``dates``, ``db`` (SQLAlchemy + Alembic), ``catalogue`` (the lists), ``sheets`` (reading
files within limits), ``mapping`` (which column is which field), ``table_io`` (rows to records,
exports, template), ``gaps``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, Literal

from knowledge.loader import KnowledgeBase
from recommender.initiatives.catalogue import (
    AddResult,
    CatalogueStore,
    Duplicate,
    DuplicatesFound,
    ListInfo,
    UnknownList,
    UserCatalogueError,
    catalogue,
    load_user_catalogue,
    own_initiatives,
    user_catalogue_path,
)
from recommender.initiatives.dates import next_occurrence, parse_when
from recommender.initiatives.gaps import DEFAULT_KM, GapReport, gap_analysis, gap_sentence, gap_summary
from recommender.initiatives.search import (
    InitiativeFilter,
    InitiativeHit,
    TextSearch,
    catalogue_index,
    catalogue_of,
    is_landelijk_online,
    search_initiatives,
)
from recommender.initiatives.sheets import ImportFout
from recommender.initiatives.table_io import (
    CelFout,
    ImportResultaat,
    RijFout,
    Voorbeeld,
    export_csv,
    export_xlsx,
    hits_frame,
    make_preview,
    read_upload,
    save_preview,
    template_xlsx,
)
from recommender.initiatives.table_io import import_file as import_table

search = search_initiatives

__all__ = [
    "DEFAULT_KM",
    "AddResult",
    "CatalogueStore",
    "CelFout",
    "Duplicate",
    "DuplicatesFound",
    "GapReport",
    "ImportFout",
    "ImportResultaat",
    "InitiativeFilter",
    "InitiativeHit",
    "ListInfo",
    "RijFout",
    "TextSearch",
    "UnknownList",
    "UserCatalogueError",
    "Voorbeeld",
    "catalogue",
    "catalogue_index",
    "catalogue_of",
    "delete_list",
    "export_table",
    "gap_analysis",
    "gap_sentence",
    "gap_summary",
    "hits_frame",
    "import_table",
    "is_landelijk_online",
    "list_lists",
    "list_records",
    "load_user_catalogue",
    "make_preview",
    "next_occurrence",
    "own_initiatives",
    "parse_when",
    "read_upload",
    "save_preview",
    "search",
    "search_initiatives",
    "template_xlsx",
    "undo_last_import",
    "user_catalogue_path",
]


def list_lists() -> list[ListInfo]:
    """Every imported list, newest first."""
    return catalogue().lists()


def list_records(list_id: int) -> list:  # type: ignore[type-arg]
    """The records of one list, each with ``True`` when active (not set aside by a later list)."""
    return catalogue().list_records(list_id)


def delete_list(list_id: int, *, who: str) -> ListInfo:
    """Delete one list (records it had set aside come back); :class:`UnknownList` when there is none."""
    return catalogue().delete_list(list_id, who=who)


def undo_last_import(*, who: str) -> ListInfo | None:
    """Undo the newest import; None when there is no list."""
    return catalogue().undo_last(who=who)


def export_table(
    hits: Sequence[InitiativeHit],
    kb: KnowledgeBase | None,
    target: Path | IO[str] | IO[bytes],
    fmt: Literal["csv", "xlsx"] = "csv",
    lang: str = "nl",
) -> None:
    """Write hits as CSV (a path or an open text stream) or XLSX (a path or a binary stream)."""
    if fmt == "xlsx":
        export_xlsx(hits, kb, target, lang)  # type: ignore[arg-type]
    else:
        export_csv(hits, kb, target, lang)  # type: ignore[arg-type]

"""The decaan's side of LOB-Kompas: the catalogue of techniek activities (initiatieven).

One home for everything about initiatives, with a small public API that the CLI, the pages,
the mentor's activity ranking and the assistant all use:

* :func:`search` with an :class:`InitiativeFilter` gives :class:`InitiativeHit` results
  (one rule for landelijk/online, distances, text search);
* :func:`gap_analysis` counts what is on offer around a place and names the gaps;
* :func:`import_table` reads a decaan's CSV/XLSX list into the user catalogue,
  :func:`export_table` writes hits as CSV or XLSX;
* :func:`load_user_catalogue` gives the decaan's own records, :func:`catalogue_of` the curated
  knowledge plus those records.

Modules: ``search`` (filtering and ranking), ``codes`` (dimension codes and what people type for
them), ``catalogue`` (the user's own records), ``table_io`` (spreadsheets in and out), ``gaps``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal, TextIO

from knowledge.loader import KnowledgeBase
from recommender.initiatives.catalogue import (
    UserCatalogueError,
    load_user_catalogue,
    user_catalogue_path,
)
from recommender.initiatives.gaps import DEFAULT_KM, GapReport, gap_analysis
from recommender.initiatives.search import (
    InitiativeFilter,
    InitiativeHit,
    TextSearch,
    catalogue_of,
    is_landelijk_online,
    search_initiatives,
)
from recommender.initiatives.table_io import (
    ImportFout,
    ImportResultaat,
    export_csv,
    export_xlsx,
    hits_frame,
)
from recommender.initiatives.table_io import import_file as import_table

search = search_initiatives

__all__ = [
    "DEFAULT_KM", "GapReport", "ImportFout", "ImportResultaat", "InitiativeFilter", "InitiativeHit", "TextSearch",
    "UserCatalogueError", "catalogue_of", "export_table", "gap_analysis", "hits_frame", "import_table",
    "is_landelijk_online", "load_user_catalogue", "search", "search_initiatives",
    "user_catalogue_path",
]


def export_table(hits: list[InitiativeHit], kb: KnowledgeBase | None, target: Path | TextIO,
                 fmt: Literal["csv", "xlsx"] = "csv") -> None:
    """Write hits as CSV (a path or an open text stream) or XLSX (a path)."""
    if fmt == "xlsx":
        if not isinstance(target, Path):
            raise TypeError("an xlsx export needs a file path")
        export_xlsx(hits, kb, target)
    else:
        export_csv(hits, kb, target)

"""The decaan's own catalogue of initiatives: ``$LOB_HOME/catalogus.yaml``.

Imported rows live here, never in ``knowledge/data``. Records use the same
:class:`knowledge.schema.Initiatief` model as the curated ones; their source is the
pseudo-source ``eigen_import`` (``eigen_import#<bestand> <datum>``), which is accepted
here on top of the ids in ``bronnen.yaml``.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import ValidationError

from knowledge.loader import DATA_DIR, KnowledgeBase
from knowledge.paths import lob_home
from knowledge.schema import Initiatief
from knowledge.sources import EIGEN_IMPORT

FILE_NAME = "catalogus.yaml"


class UserCatalogueError(ValueError):
    """The user catalogue file exists but cannot be read; the message names the file and the problems."""


def user_catalogue_path() -> Path:
    """Where the user's own initiatives are kept: ``$LOB_HOME/catalogus.yaml``."""
    return lob_home() / FILE_NAME


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


def load_user_catalogue(kb: KnowledgeBase | None = None, path: Path | None = None) -> list[Initiatief]:
    """Read the user catalogue; an absent file is an empty catalogue.

    Raises :class:`UserCatalogueError` (a ``ValueError``) when the file is broken, listing each problem.
    """
    path = path or user_catalogue_path()
    if not path.exists():
        return []
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UserCatalogueError(f"{path}: geen geldige YAML ({exc})".replace("\n", " ")) from exc
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise UserCatalogueError(f"{path}: verwacht een lijst van initiatieven")
    allowed = allowed_sources(kb)
    out: list[Initiatief] = []
    problems: list[str] = []
    for i, item in enumerate(raw, start=1):
        try:
            ini = Initiatief.model_validate(item)
        except ValidationError as exc:
            problems += [f"record {i}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
            continue
        problems += [f"record {i} ({ini.id}): {p}" for p in source_problems(ini, allowed)]
        out.append(ini)
    if problems:
        raise UserCatalogueError(f"{path} bevat {len(problems)} fout(en): " + "; ".join(problems[:20]))
    return out


def save_user_catalogue(records: Iterable[Initiatief], path: Path | None = None) -> Path:
    """Write the whole user catalogue atomically (temp file + rename)."""
    path = path or user_catalogue_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = [r.model_dump(mode="json", exclude_none=True) for r in records]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
    fd, tmp = tempfile.mkstemp(prefix=".catalogus-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path

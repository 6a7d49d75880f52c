"""Helpers every sub-command uses: JSON output and friendly errors."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge import KnowledgeBase


def print_json(data: Any) -> None:
    """Print ``data`` as UTF-8 JSON (non-ASCII kept readable, e.g. Arabic)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


class UserError(Exception):
    """A problem the user can fix; the CLI prints the message, not a traceback."""


def fail(message: str, code: int = 2) -> int:
    sys.stderr.write(f"lob-kompas: {message}\n")
    return code


_KB_CACHE: dict[tuple[Any, ...], KnowledgeBase] = {}


def load_kb(data_dir: str | Path | None = None) -> KnowledgeBase:
    """The knowledge base, or a :class:`UserError` that says what is broken.

    Reused while no data file changed, which matters when ``main()`` runs many times in one process.
    """
    from knowledge import KnowledgeError, load_knowledge
    from knowledge.loader import DATA_DIR

    root = Path(data_dir) if data_dir else DATA_DIR
    files = sorted(root.rglob("*.yaml"))
    stamp = (str(root), *((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
    if stamp not in _KB_CACHE:
        try:
            kb = load_knowledge(root)
        except KnowledgeError as exc:
            raise UserError(str(exc)) from None
        _KB_CACHE.clear()
        _KB_CACHE[stamp] = kb
    return _KB_CACHE[stamp]

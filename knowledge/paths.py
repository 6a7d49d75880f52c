"""Where LOB-Kompas keeps what it makes at run time (never the curated knowledge itself)."""

from __future__ import annotations

import os
from pathlib import Path


def lob_home() -> Path:
    """``$LOB_HOME``, default ``~/.local/share/lob-kompas``: the index, added documents, the user catalogue."""
    return Path(os.environ.get("LOB_HOME") or Path.home() / ".local" / "share" / "lob-kompas")

"""Helpers every sub-command uses: JSON output and friendly errors."""
from __future__ import annotations

import json
import sys
from typing import Any


def print_json(data: Any) -> None:
    """Print ``data`` as UTF-8 JSON (non-ASCII kept readable, e.g. Arabic)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


class UserError(Exception):
    """A problem the user can fix; the CLI prints the message, not a traceback."""


def fail(message: str, code: int = 2) -> int:
    sys.stderr.write(f"lob-kompas: {message}\n")
    return code

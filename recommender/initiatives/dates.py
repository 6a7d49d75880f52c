"""Dates of initiatives: what a decaan writes in a sheet ("14 maart", "14 t/m 16 maart 2027",
"jaarlijks in maart") to ``datum``/``tot``/``jaarlijks_maand``, and the next time an initiative happens.

Month and weekday names come from Babel (CLDR, Dutch and English), not from a list of our own.

A date without a year falls in the school year (1 August - 31 July) of the reference day (the day
of the import): imported in November 2026, "14 maart" is 14 March 2027 and "3 oktober" is
3 October 2026. The preview shows every interpreted date with its year, so the decaan can correct it.

Upcoming: a dated initiative is upcoming while its last day (``tot``, else ``datum``) is today or
later; its next day is ``datum`` (or today, while a period is running). A yearly one
(``jaarlijks_maand``) is next on the first day of that month, or today during that month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from babel.dates import get_day_names, get_month_names

from knowledge.schema import Initiatief

SCHOOL_YEAR_START_MONTH = 8  # 1 August
_LOCALES = ("nl", "en")
# what a sheet says when there is no date yet: not an error, just no date
_NO_DATE = frozenset(
    {
        "",
        "-",
        "--",
        "?",
        "nvt",
        "n.v.t.",
        "n.v.t",
        "ntb",
        "n.t.b.",
        "n.t.b",
        "nog niet bekend",
        "volgt",
        "tba",
        "tbd",
        "onbekend",
        "nader te bepalen",
        "geen",
    }
)
_YEARLY = re.compile(r"\b(jaarlijks|elk jaar|ieder jaar|yearly|annually|every year|each year)\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(\s*(uur|u|h))?\b|\b\d{1,2}\s*(uur|u)\b")
_RANGE = re.compile(r"\s+(?:t/m|tm|tot en met|tot|to|until|till|through)\s+|\s*[-–—]\s*(?=\D)|\s+[-–—]\s+")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:e|ste|de|st|nd|rd|th)?\s+([^\W\d_]+)\.?(?:\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+(\d{4}))?$")
_MONTH = re.compile(r"^([^\W\d_]+)\.?(?:\s+(\d{4}))?$")
_DAY = re.compile(r"^(\d{1,2})(?:e|ste|de|st|nd|rd|th)?$")


class DateProblem(ValueError):
    """A cell that names a date we cannot read; ``text`` is the cell."""

    def __init__(self, text: str):
        super().__init__(f"'{text}' is geen datum die we kunnen lezen (bijvoorbeeld 14 maart 2027 of 14-3-2027)")
        self.text = text


@dataclass(frozen=True)
class When:
    """A parsed date cell: a day, a period, a yearly month, or nothing."""

    datum: dt.date | None = None
    tot: dt.date | None = None
    jaarlijks_maand: int | None = None

    @property
    def empty(self) -> bool:
        return self.datum is None and self.jaarlijks_maand is None


@cache
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations -> 1..12: Dutch and English for dates in cells, and the month names of
    all our languages (CLDR, both grammatical forms) so that our own export comes back in. Keys are
    :func:`recommender.initiatives.codes.match_key`-folded ("şubat" -> "subat")."""
    from knowledge.i18n.formats import LOCALES
    from recommender.initiatives.codes import match_key

    table: dict[str, int] = {}
    for loc in (*_LOCALES, *LOCALES.values()):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context=context, locale=loc).items():
                    key = match_key(name)
                    if key and not key.isdigit():
                        table.setdefault(key, number)
    table.update({"sept": 9, "mrt": 3, "mar": 3, "okt": 10, "oct": 10, "mei": 5, "juni": 6, "juli": 7})
    return table


@cache
def _weekday_words() -> re.Pattern[str]:
    words: set[str] = set()
    for loc in _LOCALES:
        for width in ("wide", "abbreviated"):
            words.update(n.lower().rstrip(".") for n in get_day_names(width, locale=loc).values())
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b\.?")


def month_name(month: int, lang: str) -> str:
    """'maart', 'March', 'mart', 'مارس', ... (CLDR, stand-alone form)."""
    from knowledge.i18n.formats import LOCALES

    return str(get_month_names("wide", context="stand-alone", locale=LOCALES.get(lang, "nl_NL"))[month])


def school_year_of(day: dt.date) -> int:
    """The calendar year in which the school year containing ``day`` starts."""
    return day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1


def _year_for(month: int, today: dt.date) -> int:
    start = school_year_of(today)
    return start if month >= SCHOOL_YEAR_START_MONTH else start + 1


def _full_year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def _date(year: int, month: int, day: int, raw: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateProblem(raw) from exc


# A part of a range: (day or None, month or None, year or None)
_Part = tuple[int | None, int | None, int | None]


def _part(text: str, raw: str) -> _Part:
    text = text.strip(" ,.;")
    months = month_numbers()
    if m := _ISO.match(text):
        return int(m.group(3)), int(m.group(2)), int(m.group(1))
    if m := _NUMERIC.match(text):
        return int(m.group(1)), int(m.group(2)), _full_year(m.group(3)) if m.group(3) else None
    if (m := _DAY_MONTH.match(text)) and m.group(2) in months:
        return int(m.group(1)), months[m.group(2)], int(m.group(3)) if m.group(3) else None
    if (m := _MONTH_DAY.match(text)) and m.group(1) in months:
        return int(m.group(2)), months[m.group(1)], int(m.group(3)) if m.group(3) else None
    if (m := _MONTH.match(text)) and m.group(1) in months:
        return None, months[m.group(1)], int(m.group(2)) if m.group(2) else None
    if m := _DAY.match(text):
        return int(m.group(1)), None, None
    raise DateProblem(raw)


def _clean(text: str) -> str:
    text = text.lower().replace("\u00a0", " ").replace("–", "-").replace("—", "-")
    text = _TIME.sub(" ", text)
    text = _weekday_words().sub(" ", text)
    text = re.sub(r"\b(van|from|op|on|de|the|in|vanaf)\b", " ", text)
    text = re.sub(r"[(),;]", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .-")


def parse_when(value: object, today: dt.date | None = None) -> When:
    """One date cell as :class:`When`; :class:`DateProblem` when it names no date we can read.

    ``value`` may be a ``datetime``/``date`` (an Excel date cell) or text. See the module doc for
    the year of a date written without one.
    """
    today = today or dt.date.today()
    if value is None:
        return When()
    if isinstance(value, dt.datetime):
        return When(datum=value.date())
    if isinstance(value, dt.date):
        return When(datum=value)
    raw = str(value).strip()
    if raw.lower() in _NO_DATE:
        return When()
    text = _clean(raw)
    if not text or text in _NO_DATE:
        return When()
    if _YEARLY.search(text):
        rest = _YEARLY.sub(" ", text).strip()
        found = [n for w, n in month_numbers().items() if re.search(rf"\b{re.escape(w)}\b", rest)]
        if len(set(found)) != 1:
            raise DateProblem(raw)
        return When(jaarlijks_maand=found[0])
    pieces = [p for p in _RANGE.split(text) if p and p.strip()]
    if len(pieces) == 1 and (m := re.match(r"^(\d{1,2})\s*-\s*(\d{1,2})\s+(.+)$", text)):
        pieces = [m.group(1), f"{m.group(2)} {m.group(3)}"]  # "14-16 maart"
    if len(pieces) > 2:
        raise DateProblem(raw)
    parts = [_part(p, raw) for p in pieces]
    if len(parts) == 1:
        day, month, year = parts[0]
        if month is None:
            raise DateProblem(raw)
        year = year or _year_for(month, today)
        if day is None:  # a month: the whole month
            first = _date(year, month, 1, raw)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return When(datum=first, tot=nxt - dt.timedelta(days=1))
        return When(datum=_date(year, month, day, raw))
    (d1, m1, y1), (d2, m2, y2) = parts
    if m2 is None or d2 is None:
        raise DateProblem(raw)
    m1 = m1 or m2
    if d1 is None:
        raise DateProblem(raw)
    y2 = y2 or _year_for(m2, today)
    y1 = y1 or (y2 if m1 <= m2 else y2 - 1)
    start, end = _date(y1, m1, d1, raw), _date(y2, m2, d2, raw)
    if end < start:
        raise DateProblem(raw)
    return When(datum=start, tot=end if end != start else None)


def first_of_month(month: int, today: dt.date) -> dt.date:
    """The next first day of ``month`` from ``today`` on (today itself during that month)."""
    if month == today.month:
        return today
    return dt.date(today.year + (month < today.month), month, 1)


def when_text(ini: Initiatief, lang: str) -> str:
    """'14 maart 2027', '14 maart 2027 – 16 maart 2027', 'elk jaar in maart', or '' without a date."""
    from knowledge.i18n import t
    from knowledge.i18n.formats import format_date

    if ini.datum is not None:
        if ini.tot is not None and ini.tot != ini.datum:
            return t("initiatives.period", lang, van=format_date(ini.datum, lang), tot=format_date(ini.tot, lang))
        return format_date(ini.datum, lang)
    if ini.jaarlijks_maand is not None:
        return t("initiatives.yearly", lang, maand=month_name(ini.jaarlijks_maand, lang))
    return ""


def next_occurrence(ini: Initiatief, today: dt.date | None = None) -> dt.date | None:
    """The next day ``ini`` happens from ``today`` on (see the module doc), or None."""
    today = today or dt.date.today()
    if ini.datum is not None:
        end = ini.tot or ini.datum
        if end < today:
            return None
        return max(ini.datum, today)
    if ini.jaarlijks_maand is not None:
        return first_of_month(ini.jaarlijks_maand, today)
    return None


__all__ = [
    "DateProblem",
    "When",
    "first_of_month",
    "month_name",
    "month_numbers",
    "next_occurrence",
    "parse_when",
    "school_year_of",
    "when_text",
]

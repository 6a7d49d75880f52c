"""One formatter for numbers, distances, lists and dates per language, by Babel (CLDR data).

"2,8 km" in Dutch, "2.8 km" in English; "a, b en c" / "a, b and c"; "14 maart 2027". The PDF,
the pages and the CLI all format through here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from babel.dates import format_date as _babel_date
from babel.lists import format_list as _babel_list
from babel.numbers import format_decimal
from babel.numbers import format_percent as _babel_percent
from babel.units import format_unit

# The CLDR locale per language of LOB-Kompas (Western digits in Arabic too: Dutch school material uses them).
LOCALES: dict[str, str] = {"nl": "nl_NL", "en": "en_GB", "tr": "tr_TR", "ar": "ar", "pl": "pl_PL", "uk": "uk_UA"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["nl"])


def format_number(value: float, lang: str, decimals: int = 1, as_reported: bool = False) -> str:
    """A number in the style of ``lang``, at most ``decimals`` decimals, no trailing zeros ("4,2", "4");
    ``as_reported``: a report's figure keeps its decimals as the table writes them ("65,0 minuten", not "65")."""
    pattern = "#,##0" + ("." + ("0" if as_reported else "#") * decimals if decimals > 0 else "")
    return format_decimal(round(value, decimals), format=pattern, locale=_locale(lang))


def format_percent(share: float, lang: str) -> str:
    """A share (0..1) as a percentage in the style of ``lang``, one decimal below 10 %: "2,8%", "%2,8" (tr), "34%"."""
    from babel import Locale

    pattern = Locale.parse(_locale(lang)).percent_formats[None].pattern
    if abs(share) < 0.1:
        pattern = pattern.replace("#,##0", "#,##0.#", 1)
    return _babel_percent(share, format=pattern, locale=_locale(lang))


def format_km(value: float, lang: str, approximate: bool = False, as_reported: bool = False) -> str:
    """A distance with the unit of the locale ("2,8 km", "2.8 كم", "2,8 км"); "~" in front when a place is
    only known approximately (the centre of a wijk or gemeente); ``as_reported``: a report's figure keeps its
    decimal as the table writes it ("27,0 km", not "27 km")."""
    pattern = "#,##0.0" if as_reported else "#,##0.#"
    text = format_unit(round(value, 1), "length-kilometer", length="short", format=pattern, locale=_locale(lang))
    return ("~" if approximate else "") + text


# The words that join a list in each language ("and" / "or"), as whole words; Arabic joins with a prefix و.
_VOEGWOORDEN: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {"standard": ("en",), "or": ("of",)},
    "en": {"standard": ("and",), "or": ("or",)},
    "tr": {"standard": ("ve",), "or": ("veya", "ya da")},
    "pl": {"standard": ("i", "oraz"), "or": ("lub", "albo")},
    "uk": {"standard": ("і", "та", "й"), "or": ("або",)},
    "ar": {"standard": (), "or": ("أو",)},
}
# Between names that hold the conjunction themselves: a comma, and before the last name a joiner that cannot be read
# as part of a name ("de haven en schepen, en logistiek"; Polish/Ukrainian "a także"/"а також", Turkish "ile").
# Semicolons read like data (review 10, defect 5).
_KOMMA = {"ar": "، "}
_LAATSTE: dict[str, dict[str, str]] = {
    "nl": {"standard": ", en ", "or": ", of "},
    "en": {"standard": ", and ", "or": ", or "},
    "tr": {"standard": " ile ", "or": " ya da "},
    "pl": {"standard": ", a także ", "or": ", albo "},
    "uk": {"standard": ", а також ", "or": ", або "},
    "ar": {"standard": "، و", "or": "، أو "},
}


def _heeft_voegwoord(item: str, lang: str, style: str) -> bool:
    woorden = item.split()
    if lang == "ar" and style == "standard":
        return any(w.startswith("و") for w in woorden[1:])  # "الطاقة والاستدامة": و joins inside the name
    return any(w.lower() in _VOEGWOORDEN.get(lang, _VOEGWOORDEN["nl"])[style] for w in woorden)


def comma(lang: str) -> str:
    """The comma between parts of a label in ``lang`` ("SEOR 2026, § 3.1"; Arabic "SEOR 2026، § 3.1")."""
    return _KOMMA.get(lang, ", ")


def format_list(items: Sequence[str], lang: str, style: Literal["standard", "or"] = "standard") -> str:
    """Join words as a readable list: "a, b en c"; ``style="or"`` gives "a, b of c".

    When a name holds the list's own conjunction ("energie en duurzaamheid"), "a, b en c" would chain it
    ("bouwen, energie en duurzaamheid en ICT", review 3): the names are then separated by commas and the last one
    by a comma and the conjunction ("bouwen, energie en duurzaamheid, en ICT en programmeren"), or a joiner that no
    name holds, in every language; never by semicolons, which read like data (review 10)."""
    items = list(items)
    if len(items) > 1 and any(_heeft_voegwoord(i, lang, style) for i in items):
        laatste = _LAATSTE.get(lang, _LAATSTE["nl"])[style]
        return _KOMMA.get(lang, ", ").join(items[:-1]) + laatste + items[-1]
    return _babel_list(items, style=style, locale=_locale(lang)) if items else ""


def format_date(value: dt.date, lang: str) -> str:
    """A date written out: "14 maart 2027", "14 March 2027"."""
    return _babel_date(value, format="long", locale=_locale(lang))


__all__ = ["LOCALES", "format_date", "format_km", "format_list", "format_number", "format_percent"]

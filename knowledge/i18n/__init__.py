"""The one translation catalogue of LOB-Kompas: one YAML file per language beside this module.

Dutch is the reference. Namespaces (top-level keys) say who speaks:

* ``app``, ``mentor``, ``parents``, ``initiatives``, ``ask``, ``about``, ``report``: the pages and the verslag;
* ``assistant``: what the assistant says on its own (refusals, notices, list headings);
* ``advies``: the recommender's explanation sentences (Dutch speaks to the pupil, the other
  languages to the parent about "your child");
* ``code.<kind>.<code>``: the label of a vocabulary code (interests, profielen, doelgroepen, ...);
* ``woord.<kind>.<code>``: the same code as a word inside a sentence ("voor meisjes", "working outdoors").

``t(key, lang, **values)`` gives the text (Dutch when the language lacks it; the key itself when
Dutch lacks it too, which :func:`missing_keys` and the completeness test rule out). An empty text
is a deliberate "say nothing". Numbers, distances, lists and dates are formatted by
:mod:`knowledge.i18n.formats`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge import vocab

CATALOGUE_DIR = Path(__file__).parent
LANGUAGES = vocab.TALEN  # nl, en, tr, ar, pl, uk
RTL_LANGUAGES = frozenset({"ar"})
DEFAULT_LANGUAGE = "nl"


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in tree.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, full + "."))
        else:
            out[full] = "" if value is None else str(value)
    return out


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All texts of one language, flattened to dotted keys."""
    path = CATALOGUE_DIR / f"{lang}.yaml"
    # libyaml's safe loader when present: ten times faster than the pure-Python one, same result
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return _flatten(yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {})


def has(key: str, lang: str = DEFAULT_LANGUAGE) -> bool:
    return key in catalogue(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """Text for ``key`` in ``lang`` (Dutch when missing), with ``{name}`` placeholders filled in."""
    text = catalogue(lang).get(key) if lang in LANGUAGES else None
    if text is None:
        text = catalogue(DEFAULT_LANGUAGE).get(key, key)
    return text.format(**values) if values else text


def label(kind: str, code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """Human label of a vocabulary code, e.g. ``label('interesse', 'autos_motoren', 'tr')``."""
    key = f"code.{kind}.{code}"
    text = t(key, lang)
    return code if text == key else text


def word(kind: str, code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A code as a word inside a sentence (``woord.<kind>.<code>``); falls back to the label."""
    key = f"woord.{kind}.{code}"
    text = t(key, lang)
    return label(kind, code, lang) if text == key else text


def missing_keys() -> dict[str, list[str]]:
    """Per language, the keys Dutch has and that language lacks (empty lists when complete)."""
    reference = set(catalogue(DEFAULT_LANGUAGE))
    return {lang: sorted(reference - set(catalogue(lang))) for lang in LANGUAGES}


def direction(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "RTL_LANGUAGES",
    "catalogue",
    "direction",
    "has",
    "label",
    "missing_keys",
    "t",
    "word",
]

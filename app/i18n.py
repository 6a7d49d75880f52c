"""The app's text catalogue: one YAML file per language in ``app/i18n``, Dutch is the reference.

``t(key, lang, **values)`` returns the text for ``key`` in ``lang``; a key missing in a language
falls back to Dutch at run time, and ``missing_keys()`` lets a test fail on any gap.
Labels for vocabulary codes (interests, profielen, doelgroepen, ...) live in the same files under
``code.<vocabulary>.<code>``.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from knowledge import vocab

I18N_DIR = Path(__file__).parent / "i18n"
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
            out[full] = str(value)
    return out


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All texts of one language, flattened to dotted keys."""
    path = I18N_DIR / f"{lang}.yaml"
    return _flatten(yaml.safe_load(path.read_text(encoding="utf-8")) or {})


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


def missing_keys() -> dict[str, list[str]]:
    """Per language, the keys Dutch has and that language lacks (empty lists when complete)."""
    reference = set(catalogue(DEFAULT_LANGUAGE))
    return {lang: sorted(reference - set(catalogue(lang))) for lang in LANGUAGES}


def direction(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"

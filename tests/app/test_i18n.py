"""Every UI string exists in all six languages, and every vocabulary code has a label in each."""
from __future__ import annotations

import re

import pytest

from app.i18n import LANGUAGES, catalogue, label, missing_keys, t
from knowledge import vocab

VOCABS = {
    "interesse": vocab.INTERESSES, "werkvoorkeur": vocab.WERKVOORKEUREN, "belangrijk": vocab.BELANGRIJK,
    "leerweg_voorkeur": vocab.LEERWEG_VOORKEUR, "schooltype": vocab.SCHOOLTYPEN_LEERLING,
    "leerjaar": vocab.LEERJAREN, "profiel": vocab.VMBO_PROFIELEN, "doelgroep": vocab.DOELGROEPEN,
    "schooltype_initiatief": vocab.SCHOOLTYPEN_INITIATIEF, "activiteit": vocab.ACTIVITEITEN,
    "praktijk": vocab.PRAKTIJK, "branche": vocab.BRANCHES, "taal": vocab.TALEN,
}


def test_no_language_misses_a_key() -> None:
    assert missing_keys() == {lang: [] for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_language_has_keys_dutch_lacks(lang: str) -> None:
    assert set(catalogue(lang)) - set(catalogue("nl")) == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_vocabulary_code_has_a_label(lang: str) -> None:
    for kind, codes in VOCABS.items():
        for code in codes:
            assert label(kind, code, lang) != code or kind in ("schooltype", "schooltype_initiatief"), (kind, code)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_dutch(lang: str) -> None:
    field = re.compile(r"\{(\w+)\}")
    for key, text in catalogue("nl").items():
        assert set(field.findall(catalogue(lang)[key])) == set(field.findall(text)), (lang, key)


def test_translations_are_really_translated() -> None:
    assert t("mentor.submit", "tr") != t("mentor.submit", "nl")
    assert re.search(r"[\u0600-\u06ff]", t("mentor.submit", "ar"))
    assert re.search(r"[\u0400-\u04ff]", t("mentor.submit", "uk"))
    assert t("mentor.submit", "xx") == t("mentor.submit", "nl")  # unknown language falls back to Dutch

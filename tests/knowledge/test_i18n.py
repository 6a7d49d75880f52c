"""Every UI string exists in all six languages, and every vocabulary code has a label in each."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from knowledge import vocab
from knowledge.i18n import LANGUAGES, catalogue, label, missing_keys, t, word
from knowledge.i18n.formats import format_date, format_km, format_list, format_number
from knowledge.loader import KnowledgeBase

VOCABS = {
    "interesse": vocab.INTERESSES,
    "werkvoorkeur": vocab.WERKVOORKEUREN,
    "belangrijk": vocab.BELANGRIJK,
    "leerweg_voorkeur": vocab.LEERWEG_VOORKEUR,
    "schooltype": vocab.SCHOOLTYPEN_LEERLING,
    "leerjaar": vocab.LEERJAREN,
    "profiel": vocab.VMBO_PROFIELEN,
    "doelgroep": vocab.DOELGROEPEN,
    "schooltype_initiatief": vocab.SCHOOLTYPEN_INITIATIEF,
    "activiteit": vocab.ACTIVITEITEN,
    "praktijk": vocab.PRAKTIJK,
    "branche": vocab.BRANCHES,
    "taal": vocab.TALEN,
    "bereik": vocab.BEREIK,
    "lokaal_soort": vocab.LOKAAL_SOORT,
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


WORD_VOCABS = {
    "interesse": vocab.INTERESSES,
    "werkvoorkeur": vocab.WERKVOORKEUREN,
    "doelgroep": vocab.DOELGROEPEN,
    "arbeidsmarkt": tuple(c for c in vocab.ARBEIDSMARKT_LABELS if c != "onbekend"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_code_used_in_sentences_has_a_word(lang: str) -> None:
    for kind, codes in WORD_VOCABS.items():
        for code in codes:
            assert catalogue(lang).get(f"woord.{kind}.{code}", "").strip(), (lang, kind, code)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_text_is_empty_unless_dutch_says_nothing(lang: str) -> None:
    # An empty Dutch text is a deliberate "say nothing" (e.g. the 'only Dutch material' notice in Dutch).
    deliberate = {k for k, v in catalogue("nl").items() if not v.strip()}
    empty = {k for k, v in catalogue(lang).items() if not v.strip()} - deliberate
    assert empty == set() or (lang == "nl"), (lang, sorted(empty))


def test_one_word_per_concept_in_each_language() -> None:
    """The assistant and the advice name a doelgroep with the same word (one catalogue, one spelling)."""
    for lang in LANGUAGES:
        heading = t("assistant.filter_for", lang, what=word("doelgroep", "ouders", lang))
        assert word("doelgroep", "ouders", lang) in heading
    assert word("doelgroep", "ouders", "tr") == "veliler"


def test_vertaling_kwaliteit_uses_the_schema_scale() -> None:
    for lang in LANGUAGES:
        assert t("advies.vertaling_kwaliteit", lang) in vocab.VERTALING_KWALITEIT


@pytest.mark.parametrize(
    ("lang", "number", "km", "items"),
    [
        ("nl", "2,8", "~2,8 km", "a, b en c"),
        ("en", "2.8", "~2.8 km", "a, b and c"),
        ("tr", "2,8", "~2,8 km", "a, b ve c"),
        ("pl", "2,8", "~2,8 km", "a, b i c"),
        ("uk", "2,8", "~2,8 км", "a, b і c"),
        ("ar", "2.8", "~2.8 كم", "a وb وc"),
    ],
)
def test_one_locale_formatter(lang: str, number: str, km: str, items: str) -> None:
    assert format_number(2.8, lang) == number
    assert format_number(4.0, lang) == "4"
    assert format_km(2.8, lang, approximate=True) == km
    assert format_list(["a", "b", "c"], lang) == items


def test_dates_are_written_out_per_locale() -> None:
    day = dt.date(2027, 3, 14)
    assert format_date(day, "nl") == "14 maart 2027"
    assert format_date(day, "en") == "14 March 2027"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_labour_market_label_is_a_word_in_every_language(lang: str) -> None:
    """The assistant says "<beroep> is a job in technology: <word>": a code must never show through
    (issue 13 added 'onbekend'; a Polish parent read "onbekend")."""
    for code in vocab.ARBEIDSMARKT_LABELS:
        assert word("arbeidsmarkt", code, lang) != code, (lang, code)


def test_the_assistant_addresses_dutch_parents_with_u(kb: KnowledgeBase) -> None:
    # a parent's review read "uw kind" in one sentence and "leert je kind" in the next (a job's record)
    informal = re.compile(r"\b(?:je|jouw|jij) kind\b|\bjouw\b|\bjij\b", re.IGNORECASE)
    texts = [text for key, text in catalogue("nl").items() if key.startswith("assistant.")]
    for art in kb.artikelen.values():
        texts += [k.tekst.get("nl", "") for k in art.kort] + [art.doen.get("nl", "")]
    assert not [x for x in texts if informal.search(x)]

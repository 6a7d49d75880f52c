"""Wording in the parents' languages (review 4): slot-filled interest names read as a sentence, the vmbo
leerwegen keep their Dutch school word with a gloss, and a groep 7/8 family signs with the leerkracht."""

from __future__ import annotations

import re

import pytest

from app.report import page_content
from knowledge import KnowledgeBase
from knowledge.i18n import LANGUAGES, catalogue, label, t
from recommender.advies import recommend
from recommender.profile import Profiel

# a bare preposition (or "fits") followed by a colon and then the slot: "pasuje do: budowanie" (review 4)
BARE_PREPOSITION_SLOT = re.compile(
    r"(?:\b(?:do|z|to|bij|fits|ile)|(?:^|\s)(?:до|з|пасує|підходить|يناسب|بـ))\s*:?\s*\{interesses\}", re.IGNORECASE
)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("key", ["report.why", "report.why_work", "report.why_raakvlak"])
def test_interest_slot_follows_a_noun_not_a_bare_preposition(lang: str, key: str) -> None:
    template = t(key, lang, interesses="{interesses}", werk="{werk}")
    assert not BARE_PREPOSITION_SLOT.search(template), template


@pytest.mark.parametrize("lang", LANGUAGES)
def test_leerwegen_keep_the_dutch_school_word(lang: str) -> None:
    for code, word in (("vmbo-bb", "basis"), ("vmbo-kb", "kader"), ("vmbo-gl", "gemengd"), ("vmbo-tl", "theoretisch")):
        text = label("schooltype", code, lang)
        assert word in text, text
        if lang != "nl":  # the Dutch word plus a short gloss in the parents' language
            assert len(text) > len(label("schooltype", code, "nl")), text


def test_groep8_family_signs_with_the_leerkracht(kb: KnowledgeBase) -> None:
    po = Profiel(leerjaar="groep8", schooltype="po", schooladvies="vmbo-kb", interesses=["bouwen"], gemeente="Delft")
    vo = Profiel(leerjaar="vo3", schooltype="vmbo-kb", interesses=["bouwen"], wijk="Charlois")
    for lang in LANGUAGES:
        page = page_content(kb, po, recommend(kb, po), lang)
        assert page.handtekeningen[-1] == t("report.sign_leerkracht", lang)
        assert label("schooltype", "po", lang) not in page.leerjaar.replace(label("leerjaar", "groep8", lang), "")
        assert page_content(kb, vo, recommend(kb, vo), lang).handtekeningen[-1] == t("report.sign_mentor", lang)


# second person singular in Arabic: "with your (sg.) hands", "what matters to you (sg.)", "you can (sg.)"
ARABIC_SINGULAR_YOU = re.compile(r"(?:بيديك|يهمك|تخصصك|يمكنك|لديك|عليك|طفلك|مدرستك|بيتك)(?![\u0621-\u064A])")


def test_arabic_text_for_the_family_uses_the_plural_you() -> None:
    """The parents are addressed as أنتم (طفلكم) throughout; a label filled into their sentence must not switch to
    the singular (review 4: 'بيديك' inside a text to the parents)."""
    wrong = {
        key: text
        for key, text in catalogue("ar").items()
        if key.split(".")[0] in {"report", "advies", "parents", "code", "woord"} and ARABIC_SINGULAR_YOU.search(text)
    }
    assert not wrong, wrong

"""The gespreksverslag: a valid PDF with Dutch and the parents' language, Arabic shaped and right to left."""
from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader

from app.report import build_html, build_pdf, visual
from knowledge import KnowledgeBase

ARABIC_PRESENTATION_FORMS = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")


def test_pdf_is_valid_and_holds_both_languages(kb: KnowledgeBase, advies_ar: dict[str, Any], charlois_profile: dict[str, Any]) -> None:
    data = build_pdf(kb, charlois_profile, advies_ar, "ar")
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Gespreksverslag" in text
    first_route = advies_ar["routes"][0]["opleiding"]["naam"]
    assert first_route.split()[0] in text
    # Arabic is drawn with joined (presentation-form) letters, i.e. it was shaped before drawing
    assert ARABIC_PRESENTATION_FORMS.search(text)


def test_arabic_is_shaped_and_reordered_other_languages_untouched() -> None:
    word = "التقرير"
    shaped = visual(word, "ar")
    assert shaped != word and ARABIC_PRESENTATION_FORMS.search(shaped)
    assert visual("Bericht Rapor Звіт", "tr") == "Bericht Rapor Звіт"


def test_print_page_marks_direction_per_language(kb: KnowledgeBase, advies_ar: dict[str, Any], charlois_profile: dict[str, Any]) -> None:
    page = build_html(kb, charlois_profile, advies_ar, "ar")
    assert "<section lang='nl' dir='ltr'>" in page and "<section lang='ar' dir='rtl'>" in page
    assert advies_ar["routes"][0]["uitleg"]["ar"][:20] in page


def test_dutch_only_verslag_has_one_language(kb: KnowledgeBase, advies_ar: dict[str, Any], charlois_profile: dict[str, Any]) -> None:
    page = build_html(kb, {**charlois_profile, "taal_ouders": "nl"}, advies_ar, "nl")
    assert page.count("<section") == 1

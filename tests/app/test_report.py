"""The gespreksverslag: a valid PDF with Dutch and the parents' language, Arabic shaped and right to left."""
from __future__ import annotations

import html
import io
import re

from pypdf import PdfReader

from app.report import build_html, build_pdf, visual
from knowledge import KnowledgeBase
from recommender.models import Advies
from recommender.profile import Profiel

ARABIC_PRESENTATION_FORMS = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")


def test_pdf_is_valid_and_holds_both_languages(kb: KnowledgeBase, advies_ar: Advies, charlois_profile: Profiel) -> None:
    data = build_pdf(kb, charlois_profile, advies_ar, "ar")
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Gespreksverslag" in text
    first_route = advies_ar.routes[0].opleiding.naam
    assert first_route.split()[0] in text
    # Arabic is drawn with joined (presentation-form) letters, i.e. it was shaped before drawing
    assert ARABIC_PRESENTATION_FORMS.search(text)


def test_arabic_is_shaped_and_reordered_other_languages_untouched() -> None:
    word = "التقرير"
    shaped = visual(word, "ar")
    assert shaped != word and ARABIC_PRESENTATION_FORMS.search(shaped)
    assert visual("Bericht Rapor Звіт", "tr") == "Bericht Rapor Звіт"


def test_print_page_marks_direction_per_language(kb: KnowledgeBase, advies_ar: Advies, charlois_profile: Profiel) -> None:
    page = build_html(kb, charlois_profile, advies_ar, "ar")
    assert "<section lang='nl' dir='ltr'>" in page and "<section lang='ar' dir='rtl'>" in page
    assert html.escape(advies_ar.routes[0].uitleg["ar"][:20]) in page


def test_dutch_only_verslag_has_one_language(kb: KnowledgeBase, advies_ar: Advies, charlois_profile: Profiel) -> None:
    page = build_html(kb, charlois_profile.model_copy(update={"taal_ouders": "nl"}), advies_ar, "nl")
    assert page.count("<section") == 1


def test_verslag_command_writes_the_pdf_in_the_chosen_language(tmp_path, charlois_profile: Profiel) -> None:
    from app.cli import main

    profile = tmp_path / "p.json"
    profile.write_text(charlois_profile.model_dump_json(), encoding="utf-8")
    target = tmp_path / "v.pdf"
    assert main(["verslag", "--profile", str(profile), "--taal", "tr", "-o", str(target)]) == 0
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Gespreksverslag" in text and "Kariyer görüşmesi raporu" in text, text[:500]
    assert not list(tmp_path.glob(".*.partial"))


def test_verslag_command_refuses_a_missing_folder_without_traceback(tmp_path, charlois_profile: Profiel, capsys) -> None:
    from app.cli import main

    profile = tmp_path / "p.json"
    profile.write_text(charlois_profile.model_dump_json(), encoding="utf-8")
    assert main(["verslag", "--profile", str(profile), "-o", str(tmp_path / "nope" / "v.pdf")]) == 2
    assert "bestaat niet" in capsys.readouterr().err

"""The gespreksverslag: one page per language, right to left done by the PDF library (lines in reading
order), the geen-techniekprofiel block, agreements and signatures, readable sources, local number formats."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from app.report import build_html, build_pdf, page_content
from knowledge import KnowledgeBase
from recommender.advies import recommend
from recommender.models import Advies, ZonderTechniekprofiel
from recommender.profile import Profiel

BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")
# Forty-eight distinct everyday words. None holds lam followed by alef: that pair is drawn as one
# ligature glyph, which pdftotext gives back with its two letters swapped.
_KNOWN = (
    "مدرسة كتاب بيت شارع مدينة قلم باب نافذة سيارة طريق شجرة نهر بحر جبل سماء شمس قمر نجم ورقة مكتب "
    "حديقة سوق مطبخ غرفة ساعة هاتف حاسوب معلم طالب صديق عائلة طعام ماء خبز حليب قهوة شاي برتقال تفاح "
    "موز عنب زهرة طائر قطة كلب حصان جسر ميناء"
)
KNOWN_WORDS = _KNOWN.split()
SCHOOL_WITHOUT_TECHNIEK = "vmbo_vak_college_zuidrand"


def _pdftotext(data: bytes, page: int) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext is missing: apt-get install poppler-utils")
    done = subprocess.run(
        [exe, "-f", str(page), "-l", str(page), "-", "-"], input=data, capture_output=True, check=True
    )
    # NFKC folds joined letter forms (presentation forms) back to plain letters
    return BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", done.stdout.decode("utf-8")))


def _with_long_arabic_paragraph(advies: Advies) -> tuple[Advies, str]:
    """The advice with a geen-techniekprofiel block whose Arabic text is a known long paragraph
    (with a Dutch name and a bracket in the middle, as the real texts have)."""
    words = list(KNOWN_WORDS)
    paragraph = " ".join(words[:20]) + " Techniek College Rotterdam (mbo niveau 2) " + " ".join(words[20:]) + "."
    block = ZonderTechniekprofiel(
        school="x",
        school_naam="X",
        uitleg={"nl": "Deze school heeft geen techniekprofiel.", "ar": paragraph},
        scholen_met_techniekprofiel=[],
        mogelijkheden=[],
        activiteiten=[],
        doorstroom=[],
        bronnen=[],
    )
    return advies.model_copy(update={"zonder_techniekprofiel": block}), paragraph


def test_multi_line_arabic_paragraph_reads_in_order(
    kb: KnowledgeBase, advies_ar: Advies, charlois_profile: Profiel
) -> None:
    """The defect of issue 12: lines of an Arabic paragraph came out bottom to top. Extract the Arabic
    page with pdftotext and compare the sequence of known words with the paragraph as written."""
    assert not any(pair in w for w in KNOWN_WORDS for pair in ("لا", "لأ", "لإ", "لآ"))
    advies, _paragraph = _with_long_arabic_paragraph(advies_ar)
    data = build_pdf(kb, charlois_profile, advies, "ar")
    text = _pdftotext(data, 2)
    # the paragraph's own lines: the first run of lines with known words (other texts on the page, such as a
    # labour-market sentence with "سوق", may hold one of these everyday words too)
    lines_with_known: list[str] = []
    for line in text.splitlines():
        if set(ARABIC_WORD.findall(line)) & set(KNOWN_WORDS):
            lines_with_known.append(line)
        elif lines_with_known:
            break
    assert len(lines_with_known) >= 3, f"the paragraph should wrap over several lines:\n{text[:2000]}"
    seen = [w for line in lines_with_known for w in ARABIC_WORD.findall(line) if w in KNOWN_WORDS]
    assert seen == KNOWN_WORDS, f"words out of reading order:\n{seen}"
    # the Dutch name inside the Arabic paragraph stays whole and readable
    assert "Techniek College Rotterdam" in text


def test_one_page_per_language_at_most_two(kb: KnowledgeBase, advies_ar: Advies, charlois_profile: Profiel) -> None:
    data = build_pdf(kb, charlois_profile, advies_ar, "ar")
    assert data.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    nl_only = build_pdf(kb, charlois_profile.model_copy(update={"taal_ouders": "nl"}), advies_ar, "nl")
    assert len(PdfReader(io.BytesIO(nl_only)).pages) == 1


def test_school_without_techniek_gets_the_block_and_still_fits(kb: KnowledgeBase) -> None:
    profiel = Profiel.model_validate(
        {
            "leerjaar": "vo2",
            "schooltype": "vmbo-kb",
            "school": SCHOOL_WITHOUT_TECHNIEK,
            "interesses": ["elektro", "ict_programmeren"],
            "werkvoorkeuren": ["handen", "computers"],
            "postcode": "3083",
            "taal_ouders": "uk",
        }
    )
    advies = recommend(kb, profiel)
    assert advies.zonder_techniekprofiel is not None
    data = build_pdf(kb, profiel, advies, "uk")
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    nl, uk = _pdftotext(data, 1), _pdftotext(data, 2)
    assert "Geen techniekprofiel op deze school" in nl and kb.scholen[SCHOOL_WITHOUT_TECHNIEK].naam in nl
    assert "У цій школі немає технічного профілю" in uk
    for text in (nl, uk):  # three routes, lines for agreements and signatures
        assert len(re.findall(r"mbo (?:niveau|рівень) \d", text)) == 3, text


def test_page_has_what_a_family_keeps(kb: KnowledgeBase, advies_ar: Advies, charlois_profile: Profiel) -> None:
    nl = page_content(kb, charlois_profile, advies_ar, "nl")
    assert nl.school.startswith("School:") and "Klas 3" in nl.leerjaar
    assert "Auto's en motoren" in nl.interesses
    assert 1 <= len(nl.routes) <= 3
    first = nl.routes[0]
    assert first.icon and first.waarom.startswith("Waarom:")
    # a named beroep ("Kans op werk als ... (bron jaar)") or a sector/opleiding sentence ("Volgens bron jaar ...")
    assert ("Kans op werk" in first.vooruitzicht or "Volgens" in first.vooruitzicht) and re.search(
        r"\d{4}", first.vooruitzicht
    )
    assert "Volgende stap" in first.volgende_stap and re.search(r"\d+(,\d)? km", first.volgende_stap)
    assert nl.afspraken_kop == ("Wie", "Doet wat", "Voor wanneer")
    assert len(nl.handtekeningen) == 3


def test_no_internal_source_ids_and_local_number_formats(
    kb: KnowledgeBase, advies_ar: Advies, charlois_profile: Profiel
) -> None:
    data = build_pdf(kb, charlois_profile, advies_ar, "ar")
    nl, ar = _pdftotext(data, 1), _pdftotext(data, 2)
    for text in (nl, ar):
        assert not re.search(r"\w+20\d\d#|algemene_kennis|geo_benadering", text), text
    # Dutch format: a decimal comma, never a point (since review 5 the first routes may all be whole "~3 km")
    assert re.search(r"\d+(,\d)? km", nl) and not re.search(r"\d\.\d km", nl)
    assert re.search(r"كم", ar) and not re.search(r"\d,\d km", ar)
    assert "كم كم" not in ar


def test_print_page_marks_direction_per_language(
    kb: KnowledgeBase, advies_ar: Advies, charlois_profile: Profiel
) -> None:
    page = build_html(kb, charlois_profile, advies_ar, "ar")
    assert "<section lang='nl' dir='ltr'>" in page and "<section lang='ar' dir='rtl'>" in page
    ar = page_content(kb, charlois_profile, advies_ar, "ar")
    assert html.escape(ar.routes[0].waarom) in page
    assert page.count("<tr><td></td><td></td><td></td></tr>") == 6  # three agreement lines per language


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
    assert len(reader.pages) == 2
    assert not list(tmp_path.glob(".*.partial"))


def test_verslag_command_refuses_a_missing_folder_without_traceback(
    tmp_path, charlois_profile: Profiel, capsys
) -> None:
    from app.cli import main

    profile = tmp_path / "p.json"
    profile.write_text(charlois_profile.model_dump_json(), encoding="utf-8")
    assert main(["verslag", "--profile", str(profile), "-o", str(tmp_path / "nope" / "v.pdf")]) == 2
    assert "bestaat niet" in capsys.readouterr().err

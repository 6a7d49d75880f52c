"""The gespreksverslag: the routes, reasons, next steps and activities of one loopbaangesprek,
as a PDF and as a print-friendly HTML page, in Dutch followed by the parents' language.

Arabic is shaped (letters joined) and reordered right-to-left before it goes into the PDF, because
the PDF library draws glyphs in the order it gets them.
"""
from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from knowledge import KnowledgeBase
from knowledge.i18n import direction, label, t
from knowledge.i18n.formats import format_date, format_km
from knowledge.sources import source_labels
from recommender.models import Advies
from recommender.profile import Profiel

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)


class ReportError(RuntimeError):
    """The report cannot be made (for example: no font with Arabic and Cyrillic letters)."""


def find_font() -> Path:
    """A TrueType font covering Latin, Turkish, Polish, Cyrillic and Arabic (DejaVu Sans)."""
    candidates = list(FONT_CANDIDATES)
    try:  # matplotlib ships DejaVu Sans too, when it is installed
        import matplotlib

        candidates.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf")
    except ImportError:
        pass
    for path in candidates:
        if path.is_file():
            return path
    raise ReportError("Geen lettertype voor het verslag gevonden: installeer het Debian-pakket fonts-dejavu-core.")


def visual(text: str, lang: str) -> str:
    """Text as it must be drawn: Arabic shaped and in visual (right-to-left) order, others unchanged."""
    if direction(lang) != "rtl":
        return text
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


def _sections(kb: KnowledgeBase, profiel: Profiel, advies: Advies, lang: str) -> list[tuple[str, list[str]]]:
    """The report's content in one language: (heading, paragraphs)."""
    prof = [
        f"{label('schooltype', profiel.schooltype, lang)}, {label('leerjaar', profiel.leerjaar, lang)}",
        ", ".join(label("interesse", i, lang) for i in profiel.interesses),
    ]
    routes, steps = [], []
    for i, r in enumerate(advies.routes, start=1):
        opl = r.opleiding
        routes.append(f"{i}. {opl.naam} (mbo {opl.niveau}, {'/'.join(opl.leerwegen)}): {', '.join(r.beroepen)}")
        routes.append(r.uitleg.get(lang) or r.uitleg.get("nl", ""))
        if r.volgende_stap.tekst:
            steps.append(f"{i}. {r.volgende_stap.tekst.get(lang) or r.volgende_stap.tekst.get('nl', '')}")
    acts = []
    for a in advies.activiteiten:
        km = format_km(a.afstand_km, lang) if a.afstand_km is not None else t("mentor.national", lang)
        acts.append(f"- {a.naam} ({km})")
    sources = source_labels(kb, sorted({b for r in advies.routes for b in r.bronnen}), lang)
    return [
        (t("report.profile", lang), [p for p in prof if p]),
        (t("report.routes", lang), routes),
        (t("report.next_steps", lang), steps),
        (t("report.activities", lang), acts),
        (t("report.sources", lang), sources),
    ]


def _languages(parent_lang: str) -> list[str]:
    return ["nl"] if parent_lang in ("", "nl", None) else ["nl", parent_lang]


def build_pdf(kb: KnowledgeBase, profiel: Profiel, advies: Advies, parent_lang: str = "nl") -> bytes:
    """The verslag as PDF bytes: Dutch first, then the parents' language on its own pages."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("DejaVu", "", str(find_font()))
    for lang in _languages(parent_lang):
        rtl = direction(lang) == "rtl"
        align = "R" if rtl else "L"
        pdf.add_page()
        pdf.set_font("DejaVu", size=16)
        pdf.multi_cell(0, 9, visual(t("report.title", lang), lang), align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=9)
        pdf.multi_cell(0, 5, visual(f"{t('report.date', lang)}: {format_date(date.today(), lang)}", lang), align=align,
                       new_x="LMARGIN", new_y="NEXT")
        for heading, paragraphs in _sections(kb, profiel, advies, lang):
            if not paragraphs:
                continue
            pdf.ln(3)
            pdf.set_font("DejaVu", size=12)
            pdf.multi_cell(0, 7, visual(heading, lang), align=align, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", size=10)
            for para in paragraphs:
                # each paragraph is shaped on its own so that line breaks keep words whole
                pdf.multi_cell(0, 5.5, visual(para, lang), align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font("DejaVu", size=8)
        pdf.multi_cell(0, 4, visual(t("report.generated", lang), lang), align=align, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def build_html(kb: KnowledgeBase, profiel: Profiel, advies: Advies, parent_lang: str = "nl") -> str:
    """A print-friendly page; each language block carries its own ``lang`` and ``dir``."""
    blocks = []
    for lang in _languages(parent_lang):
        parts = [f"<h1>{html.escape(t('report.title', lang))}</h1>",
                 f"<p class='date'>{html.escape(t('report.date', lang))}: {format_date(date.today(), lang)}</p>"]
        for heading, paragraphs in _sections(kb, profiel, advies, lang):
            if paragraphs:
                parts.append(f"<h2>{html.escape(heading)}</h2>")
                parts += [f"<p>{html.escape(p)}</p>" for p in paragraphs]
        parts.append(f"<p class='small'>{html.escape(t('report.generated', lang))}</p>")
        blocks.append(f"<section lang='{lang}' dir='{direction(lang)}'>{''.join(parts)}</section>")
    style = ("body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.45}"
             "section{page-break-after:always}.small{font-size:.8rem;color:#555}@media print{a{color:black}}")
    return f"<!doctype html><html><head><meta charset='utf-8'><title>LOB-Kompas</title><style>{style}</style>" \
           f"</head><body>{''.join(blocks)}</body></html>"

"""The informatieavond: QR codes per language that open the parents' page on a phone, and an A4 poster.

A phone can only open an address it can reach, so the address comes from a setting,
``LOB_PUBLIC_URL`` (for example ``http://192.168.1.20:8501`` on the school network, or the school's
own https address), never from the browser's own address bar (which is often 127.0.0.1).
"""

from __future__ import annotations

import contextlib
import io
import ipaddress
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

import segno

from knowledge.i18n import LANGUAGES, direction, label, t

PUBLIC_URL_ENV = "LOB_PUBLIC_URL"
PARENTS_PATH = "ouders"


@dataclass(frozen=True)
class PublicAddress:
    """The configured address and, when phones cannot use it, why (a catalogue key)."""

    url: str | None
    problem: str | None  # None | "unset" | "invalid" | "loopback"

    @property
    def usable(self) -> bool:
        return self.url is not None and self.problem is None


def public_address(value: str | None = None) -> PublicAddress:
    """Read and check ``LOB_PUBLIC_URL`` (or ``value``)."""
    raw = (os.environ.get(PUBLIC_URL_ENV, "") if value is None else value).strip()
    if not raw:
        return PublicAddress(None, "unset")
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return PublicAddress(raw, "invalid")
    host = parts.hostname
    loopback = host == "localhost" or host.endswith(".localhost")
    with contextlib.suppress(ValueError):  # a host name is not an IP address
        ip = ipaddress.ip_address(host)
        loopback = loopback or ip.is_loopback or ip.is_unspecified
    return PublicAddress(raw.rstrip("/"), "loopback" if loopback else None)


def parents_url(base: str, lang: str) -> str:
    """The address of the parents' page in ``lang``."""
    return f"{base.rstrip('/')}/{PARENTS_PATH}?lang={lang}"


def qr_svg(url: str, scale: int = 5) -> str:
    """The QR code as an inline SVG element (no image file, no request)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=scale, xmldecl=False, svgns=True, nl=False, border=2)
    return buffer.getvalue().decode("utf-8")


def _qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


def build_poster_pdf(base: str, languages: tuple[str, ...] = LANGUAGES) -> bytes:
    """An A4 poster: a heading in Dutch, and per language a QR code with a line in that language."""
    from fpdf import FPDF

    from app.report import find_font

    pdf = FPDF(format="A4")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(find_font()))
    pdf.add_font("DejaVu", "B", str(find_font(bold=True)))
    pdf.set_title(t("evening.poster_title", "nl"))
    pdf.set_creator("LOB-Kompas")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 17)
    pdf.multi_cell(0, 10, t("evening.poster_title", "nl"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)
    pdf.multi_cell(0, 6, t("evening.poster_sub", "nl"), align="C", new_x="LMARGIN", new_y="NEXT")
    cols, rows = 2, (len(languages) + 1) // 2
    top = pdf.get_y() + 4
    cell_w = pdf.epw / cols
    cell_h = (297 - 14 - top) / rows
    qr = min(cell_h - 36, cell_w - 30, 62.0)
    for i, lang in enumerate(languages):
        x = pdf.l_margin + (i % cols) * cell_w
        y = top + (i // cols) * cell_h
        pdf.set_draw_color(190, 200, 215)
        pdf.rect(x + 2, y + 2, cell_w - 4, cell_h - 4)
        # HarfBuzz shaping for the Arabic line (joined letters, right to left); plain for the others
        rtl = direction(lang) == "rtl"
        pdf.set_text_shaping(use_shaping_engine=rtl, direction="rtl" if rtl else None)
        pdf.set_xy(x + 4, y + 5)
        pdf.set_font("DejaVu", "B", 15)
        pdf.cell(cell_w - 8, 8, label("taal", lang, lang), align="C")
        pdf.image(io.BytesIO(_qr_png(parents_url(base, lang))), x=x + (cell_w - qr) / 2, y=y + 14, w=qr, h=qr)
        pdf.set_xy(x + 4, y + 16 + qr)
        pdf.set_font("DejaVu", "", 11)
        pdf.multi_cell(cell_w - 8, 5, t("evening.scan", lang), align="C")
        pdf.set_text_shaping(False)
        pdf.set_xy(x + 4, y + cell_h - 8.5)
        pdf.set_font("DejaVu", "", 7.5)
        pdf.set_text_color(90, 90, 90)
        pdf.cell(cell_w - 8, 4, parents_url(base, lang), align="C")
        pdf.set_text_color(0, 0, 0)
    return bytes(pdf.output())


__all__ = ["PUBLIC_URL_ENV", "PublicAddress", "build_poster_pdf", "parents_url", "public_address", "qr_svg"]

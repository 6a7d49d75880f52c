"""Informatieavond (decaan): a QR code per language that opens the parents' page on a phone, for the
configured public address, and the same as a printable A4 poster with the six languages.

With no address set, or one that only this computer can reach, it says so plainly and how to set it.
"""

from __future__ import annotations

import html

import streamlit as st

from app.poster import PUBLIC_URL_ENV, build_poster_pdf, parents_url, public_address, qr_svg
from app.ui import apply_layout, current_language, tr
from knowledge.i18n import LANGUAGES, direction, label, t

apply_layout()
lang = current_language()
st.title(tr("evening.title"))
st.write(tr("evening.intro"))

address = public_address()
if not address.usable:
    st.warning(tr(f"evening.problem_{address.problem}", url=address.url or "", env=PUBLIC_URL_ENV))
    st.markdown(tr("evening.howto", env=PUBLIC_URL_ENV))
    st.code(f"{PUBLIC_URL_ENV}=http://192.168.1.20:8501 lob-kompas app --address 0.0.0.0", language="bash")
    st.stop()

base = address.url or ""
st.success(tr("evening.address_ok", url=base))
st.download_button(
    tr("evening.poster_pdf"),
    lambda: build_poster_pdf(base),
    file_name="informatieavond-qr.pdf",
    mime="application/pdf",
    key="e_poster",
    type="primary",
)
st.caption(tr("evening.poster_help"))

cards = []
for code in LANGUAGES:
    url = parents_url(base, code)
    cards.append(
        f"<figure class='lob-qr' lang='{code}' dir='{direction(code)}'>"
        f"<figcaption><b>{html.escape(label('taal', code, code))}</b></figcaption>{qr_svg(url)}"
        f"<div class='lob-qr-line'>{html.escape(t('evening.scan', code))}</div>"
        f"<div class='lob-qr-url' dir='ltr'>{html.escape(url)}</div></figure>"
    )
st.markdown(
    "<style>.lob-qr-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:.8rem}"
    ".lob-qr{border:1px solid #ccd;border-radius:.6rem;padding:.6rem;margin:0;text-align:center;background:#fff}"
    ".lob-qr svg{width:170px;height:170px}.lob-qr-line{font-size:.95rem}"
    ".lob-qr-url{font-size:.72rem;color:#555;word-break:break-all}</style>"
    f"<div class='lob-qr-grid'>{''.join(cards)}</div>",
    unsafe_allow_html=True,
)

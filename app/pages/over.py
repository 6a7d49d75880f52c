"""Over en bronnen: the sources with their years, what the app does with data, how to reach us."""

from __future__ import annotations

import streamlit as st

from app.ui import apply_layout, current_language, kb_or_stop, tr
from knowledge.sources import year_text

apply_layout()
kb = kb_or_stop()
st.title(tr("about.title"))
st.write(tr("about.intro"))
counts = kb.counts()
st.write(
    tr(
        "about.counts",
        beroepen=counts["beroepen"],
        opleidingen=counts["opleidingen"],
        initiatieven=counts["initiatieven"],
    )
)
st.header(tr("about.sources_title"))
for bron in sorted(kb.bronnen.values(), key=lambda b: (-b.jaar, b.titel)):
    st.markdown(
        f"- **{bron.titel}** ({bron.uitgever}, {year_text(kb, bron.id, current_language())})"
        + (f" — {bron.toelichting}" if bron.toelichting else "")
    )
st.header(tr("about.data_title"))
st.write("🔒 " + tr("about.data_text"))
st.header(tr("about.contact_title"))
st.write(tr("about.contact_text"))

"""Voor ouders: the school system as a simple picture, why techniek is kansrijk, beliefs and what the
sources say, what parents can do, all articles, a question box and a QR code for this page."""
from __future__ import annotations

import io

import segno
import streamlit as st

from app.ui import apply_layout, current_language, kb_or_stop, tr
from app.widgets import render_answer, render_article
from knowledge.i18n import LANGUAGES, direction, label

apply_layout()
kb = kb_or_stop()
lang = current_language()
st.title(tr("parents.title"))
st.write(tr("parents.intro"))

st.header(tr("parents.system_title"))
steps = [("po", "🏫"), ("vmbo", "🛠️"), ("mbo", "🔧"), ("hbo", "🎓")]
boxes = "".join(
    f"<div class='lob-step'><div class='lob-icon'>{icon}</div><b>{tr(f'parents.step_{key}')}</b>"
    f"<div>{tr(f'parents.step_{key}_text')}</div></div>" + ("<div class='lob-arrow'>➜</div>" if key != "hbo" else "")
    for key, icon in steps
)
side = f"<div class='lob-side'>↳ <b>{tr('parents.step_havo')}</b>: {tr('parents.step_havo_text')}</div>"
st.markdown(
    f"""<style>.lob-flow{{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}}
.lob-step{{border:2px solid #1f6feb;border-radius:.7rem;padding:.6rem;min-width:8rem;text-align:center}}
.lob-icon{{font-size:1.8rem}}.lob-arrow{{font-size:1.6rem;color:#1f6feb}}
[dir=rtl] .lob-arrow{{transform:scaleX(-1)}}.lob-side{{margin-top:.4rem}}</style>
<div class='lob-flow' dir='{direction(lang)}'>{boxes}</div>{side}""",
    unsafe_allow_html=True,
)
c1, c2 = st.columns(2)
c1.info("📚 " + tr("parents.bol"))
c2.success("💶 " + tr("parents.bbl"))

sections = [
    ("parents.why_title", ["techniek_kansrijk"]),
    ("parents.beliefs_title", ["beeld_vies_zwaar", "beeld_salaris", "meisjes_techniek"]),
    ("parents.todo_title", ["rol_ouders"]),
]
shown: set[str] = set()
for title_key, ids in sections:
    st.header(tr(title_key))
    for art_id in ids:
        if art_id in kb.artikelen:
            render_article(kb, kb.artikelen[art_id], lang, expanded=True)
            shown.add(art_id)

st.header(tr("parents.articles_title"))
for art in sorted(kb.artikelen.values(), key=lambda a: a.titel.get(lang, a.titel["nl"])):
    if art.id not in shown:
        render_article(kb, art, lang, expanded=False)

st.header(tr("parents.ask_title"))
question = st.text_input(tr("ask.placeholder"), key="p_question")
if question:
    render_answer(question)

st.header(tr("parents.qr_title"))
st.caption(tr("parents.qr_help"))
qr_lang = st.selectbox(tr("app.language"), LANGUAGES, index=LANGUAGES.index(lang), key="p_qr_lang",
                       format_func=lambda code: label("taal", code, code))
host = st.context.headers.get("Host", "localhost:8501") if hasattr(st, "context") else "localhost:8501"
url = f"http://{host}/ouders?lang={qr_lang}"
buffer = io.BytesIO()
segno.make(url, error="m").save(buffer, kind="png", scale=6)
st.image(buffer.getvalue(), caption=url, width=220)

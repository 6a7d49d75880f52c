"""Voor ouders, phone first: a parent arrives here from a QR code at the informatieavond.

At the top the question box and five common questions in the parent's language (the box is within
the first two phone screens); then short cards (title, the first lines, open for more) on the school
system, BOL/BBL, why techniek, beliefs and what the sources say, and what parents can do. Each card
can be read aloud by the device's own speech synthesis (nothing is sent anywhere).
"""

from __future__ import annotations

import streamlit as st

from app.ui import apply_layout, as_text, current_language, kb_or_stop, tr
from app.widgets import article_card, render_answer
from knowledge.i18n import direction

ASKED = "p_asked"  # the question of this browser session whose answer is shown
COMMON_QUESTIONS = ("parents.q1", "parents.q2", "parents.q3", "parents.q4", "parents.q5")
# (title key, articles) in the order a parent needs them; the school system comes with a picture
CARDS = (
    ("parents.system_title", ("schoolsysteem",)),
    ("parents.bolbbl_title", ("bol_bbl",)),
    ("parents.why_title", ("techniek_kansrijk",)),
    ("parents.beliefs_title", ("beeld_vies_zwaar", "beeld_salaris", "meisjes_techniek")),
    ("parents.todo_title", ("rol_ouders",)),
)

apply_layout()
kb = kb_or_stop()
lang = current_language()
st.title(tr("parents.title"))
st.write(tr("parents.intro"))

with st.form("p_ask", border=True, clear_on_submit=False):
    typed = st.text_input(tr("parents.ask_label"), key="p_question", placeholder=tr("ask.placeholder"))
    if st.form_submit_button(tr("parents.ask_button"), type="primary"):
        st.session_state[ASKED] = typed.strip()
st.caption(tr("parents.common"))
for i, key in enumerate(COMMON_QUESTIONS):
    if st.button(tr(key), key=f"p_q{i}", use_container_width=True):
        st.session_state[ASKED] = tr(key)
question = st.session_state.get(ASKED, "")
if question:
    with st.container(border=True):
        st.markdown(f"**{tr('parents.your_question')}:** {as_text(question, keep_lines=False)}")
        render_answer(question)

steps = [("po", "🏫"), ("vmbo", "🛠️"), ("mbo", "🔧"), ("hbo", "🎓")]
flow = "".join(
    f"<div class='lob-step'><div class='lob-icon'>{icon}</div><b><bdi>{tr(f'parents.step_{key}')}</bdi></b>"
    f"<div>{tr(f'parents.step_{key}_text')}</div></div>" + ("<div class='lob-arrow'>➜</div>" if key != "hbo" else "")
    for key, icon in steps
)
picture = (
    "<style>.lob-flow{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.3rem 0}"
    ".lob-step{border:2px solid #1f6feb;border-radius:.7rem;padding:.5rem;min-width:7rem;flex:1;text-align:center}"
    ".lob-icon{font-size:1.6rem}.lob-arrow{font-size:1.4rem;color:#1f6feb}"
    "[dir=rtl] .lob-arrow{transform:scaleX(-1)}"
    # on a phone the four steps are short rows (icon beside the text), not four screens of boxes
    "@media (max-width:640px){.lob-flow{flex-direction:column;align-items:stretch;gap:.15rem}"
    ".lob-step{display:flex;gap:.6rem;align-items:center;text-align:start;padding:.3rem .6rem;min-width:0}"
    ".lob-step b{min-width:5.5rem}.lob-icon{font-size:1.3rem}"
    ".lob-arrow,[dir=rtl] .lob-arrow{transform:rotate(90deg);font-size:1rem;line-height:1;text-align:center}}</style>"
    f"<div class='lob-flow' dir='{direction(lang)}'>{flow}</div>"
    f"<div>↳ <bdi><b>{tr('parents.step_havo')}</b></bdi>: {tr('parents.step_havo_text')}</div>"
)

for title_key, ids in CARDS:
    st.subheader(tr(title_key))
    if title_key == "parents.system_title":
        st.markdown(picture, unsafe_allow_html=True)
    if title_key == "parents.bolbbl_title":
        st.markdown(f"- 📚 {tr('parents.bol')}\n- 💶 {tr('parents.bbl')}")
    for art_id in ids:
        if art_id in kb.artikelen:
            article_card(kb, kb.artikelen[art_id], lang)

shown = {art_id for _key, ids in CARDS for art_id in ids}
st.subheader(tr("parents.articles_title"))
for art in sorted(kb.artikelen.values(), key=lambda a: a.titel.get(lang, a.titel["nl"])):
    if art.id not in shown:
        article_card(kb, art, lang, lead=False)

"""Vraag het: the assistant as a chat. Each reply is short, in the asker's language, with "lees meer" and
sources; the earlier questions of this browser session are passed along, so "en BBL?" is understood."""

from __future__ import annotations

import streamlit as st

from app.ui import apply_layout, as_text, current_language, get_assistant, tr
from app.widgets import render_answer_body

apply_layout()
HISTORY = "chat_history"  # (question, Answer) pairs of this browser session only
CONTEXT = 3  # earlier questions passed to the assistant

lang = current_language()
st.title(tr("ask.title"))
st.caption(tr("ask.intro"))
assistant = get_assistant()
if assistant is None:
    st.warning(tr("app.no_index"))
    st.stop()

history = st.session_state.setdefault(HISTORY, [])
st.write(tr("ask.suggestions") + ":")
cols = st.columns(2)
suggested = None
for i, key in enumerate(("ask.q1", "ask.q2", "ask.q3", "ask.q4")):
    if cols[i % 2].button(tr(key), key=f"ask_s{i}", use_container_width=True):
        suggested = tr(key)

for question, answer in history:
    with st.chat_message("user"):
        st.markdown(as_text(question))
    with st.chat_message("assistant"):
        render_answer_body(answer)

question = st.chat_input(tr("ask.placeholder")) or suggested
if question:
    with st.chat_message("user"):
        st.markdown(as_text(question))
    previous = [q for q, _ in history][-CONTEXT:]
    answer = assistant.ask(question, previous=previous, fallback_lang=lang)
    with st.chat_message("assistant"):
        render_answer_body(answer)
    history.append((question, answer))

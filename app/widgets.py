"""Rendering pieces used on more than one page: an article, an assistant answer with its sources."""
from __future__ import annotations

import html

import streamlit as st

from app.ui import get_assistant, tr
from knowledge import KnowledgeBase
from knowledge.i18n import direction
from knowledge.i18n.formats import format_km
from knowledge.schema import Artikel
from knowledge.sources import source_label, source_labels


def render_article(kb: KnowledgeBase, art: Artikel, lang: str, expanded: bool = False) -> None:
    """One article in ``lang`` with its sources; machine translations say so."""
    title = art.titel.get(lang) or art.titel["nl"]
    with st.expander(title, expanded=expanded):
        st.markdown(f"<div dir='{direction(lang)}'>", unsafe_allow_html=True)
        st.markdown(art.tekst.get(lang) or art.tekst["nl"])
        st.markdown("</div>", unsafe_allow_html=True)
        if art.kwaliteit.get(lang) == "machine":
            st.caption("🤖 " + tr("parents.machine_translation"))
        st.caption("📚 " + tr("ask.sources") + ": " + " · ".join(source_labels(kb, art.bronnen, lang)))


def render_answer(question: str, previous: list[str] | None = None) -> None:
    """Ask the assistant and show its reply (see :func:`render_answer_body`)."""
    from app.ui import current_language

    assistant = get_assistant()
    if assistant is None:
        st.warning(tr("app.no_index"))
        return
    # the answer follows the language of the question; the page's language only when that cannot be told
    render_answer_body(assistant.ask(question, previous=previous or (), fallback_lang=current_language()))


SOURCE_ICONS = {"knowledge": "📘", "report": "📊", "activity": "📍", "own_document": "📄"}


def _item(text: str) -> str:
    """A list line 'Naam: details' with the (Dutch) name isolated, so it reads right in Arabic too."""
    name, sep, rest = text.partition(": ")
    return f"<bdi>{html.escape(name)}</bdi>{sep}{html.escape(rest)}" if sep else html.escape(text)


def answer_html(text: str) -> str:
    """Plain answer text as HTML (escaped): paragraphs, and runs of lines that start with '- ' as a list."""
    parts = []
    for para in text.split("\n\n"):
        run: list[str] = []
        kind = None
        for line in [ln for ln in para.split("\n") if ln.strip()] + [None]:  # type: ignore[list-item]
            line_kind = None if line is None else ("li" if line.startswith("- ") else "p")
            if run and line_kind != kind:
                if kind == "li":
                    parts.append("<ul>" + "".join(f"<li>{_item(i[2:])}</li>" for i in run) + "</ul>")
                else:
                    parts.append("<p>" + "<br>".join(html.escape(i) for i in run) + "</p>")
                run = []
            if line is not None:
                run.append(line)
                kind = line_kind
    return "".join(parts)


def render_answer_body(answer) -> None:  # type: ignore[no-untyped-def]
    """One reply, everything in the answer's language: the short answer first; the whole text behind
    "lees meer"; an own document marked as not checked; a Dutch original as a marked quote; the sources
    as readable labels."""
    from knowledge.i18n import t

    lang = answer.language
    dir_ = direction(lang)
    if answer.reply_kind == "decline":
        st.warning("⚠️ " + tr("ask.not_grounded"))
    if any(s.kind == "own_document" for s in answer.sources):
        st.warning("📄 " + t("assistant.own_document", lang).capitalize())
    st.markdown(f"<div dir='{dir_}' lang='{lang}'>{answer_html(answer.answer)}</div>", unsafe_allow_html=True)
    if answer.quote is not None:
        with st.expander(answer.quote.label):
            quote = html.escape(answer.quote.text).replace("\n", "<br>")
            st.markdown(f"<blockquote dir='{direction(answer.quote.language)}' lang='{answer.quote.language}'>"
                        f"{quote}</blockquote>", unsafe_allow_html=True)
    if answer.details:
        with st.expander(t("assistant.read_more", lang)):
            st.markdown(f"<div dir='{dir_}' lang='{lang}'>", unsafe_allow_html=True)
            st.markdown(answer.details)
            st.markdown("</div>", unsafe_allow_html=True)
    if answer.sources:
        with st.expander(f"📎 {t('assistant.sources_label', lang)} ({len(answer.sources)})"):
            items = "".join(f"<li>{SOURCE_ICONS.get(s.kind, '•')} {html.escape(s.label)}</li>" for s in answer.sources)
            st.markdown(f"<ul dir='{dir_}' lang='{lang}' style='list-style:none;padding-inline-start:0'>{items}</ul>",
                        unsafe_allow_html=True)


def _in(texts: dict[str, str], lang: str) -> str:
    """A translated text in ``lang``, Dutch when that language is missing."""
    return texts.get(lang) or texts.get("nl", "")


def render_route(i: int, route: dict, lang: str, parent_lang: str) -> None:  # type: ignore[type-arg]
    """One route card: opleiding, beroepen, score parts as a bar, explanation (+ parents' language), next step."""
    import pandas as pd

    from knowledge.i18n import label

    opl = route["opleiding"]
    with st.container(border=True):
        st.markdown(f"### {i}. {opl['naam']}")
        st.caption(f"mbo {tr('mentor.niveau', niveau=opl['niveau'])} · {' / '.join(opl.get('leerwegen', []))}"
                   + (f" · {label('profiel', route['vmbo_profiel'], lang)}" if route.get("vmbo_profiel") else ""))
        st.write(f"👷 {tr('mentor.beroepen')}: {', '.join(route['beroepen'])}")
        parts = pd.DataFrame({tr("mentor.score_parts"): [label("score_deel", k, lang) for k in route["score_delen"]],
                              tr("mentor.score"): list(route["score_delen"].values())})
        st.bar_chart(parts, x=tr("mentor.score_parts"), y=tr("mentor.score"), horizontal=True, height=230)
        st.write(_in(route["uitleg"], "nl"))
        if parent_lang != "nl" and route["uitleg"].get(parent_lang):
            st.markdown(f"*{tr('mentor.explanation_parents')}:*")
            st.markdown(f"<div dir='{direction(parent_lang)}' lang='{parent_lang}'>{route['uitleg'][parent_lang]}</div>",
                        unsafe_allow_html=True)
        step = route.get("volgende_stap") or {}
        if step.get("tekst"):
            st.success(f"➡️ {_in(step['tekst'], lang)}")
        with st.expander(tr("mentor.sources")):
            for bron in route.get("bronnen", []):
                st.write(f"- {bron}")


def render_no_techniek(kb: KnowledgeBase, alt: dict, lang: str) -> None:  # type: ignore[type-arg]
    """The 'no techniekprofiel at this school' block: concrete alternatives for this pupil."""
    st.header("🏫 " + tr("mentor.no_techniek"))
    st.write(_in(alt["uitleg"], lang))
    for school in alt.get("scholen_met_techniekprofiel", []):
        km = f" ({format_km(school['afstand_km'], lang, school.get('afstand_bij_benadering', False))})" if school.get("afstand_km") is not None else ""
        st.markdown(f"- **{school['naam']}**{km}: {', '.join(school.get('profielen', []))}")
    for option in alt.get("mogelijkheden", []):
        st.markdown(f"- {_in(option['tekst'], lang)}"
                    + (f" _({'; '.join(source_labels(kb, option['bron'].split(', '), lang))})_" if option.get("bron") else ""))
    for d in alt.get("doorstroom", []):
        st.markdown(f"- 📊 {d['omschrijving']}: **{d['waarde']:g}{d['eenheid'] if d['eenheid'] == '%' else ' ' + d['eenheid']}**"
                    f" _({source_label(kb, d['bron'], lang)})_")


def activity_points(kb: KnowledgeBase, acts: list[dict]):  # type: ignore[no-untyped-def,type-arg]
    """Map points for the activities that have a location in the knowledge base or the user's catalogue."""
    import pandas as pd

    rows = []
    for a in acts:
        ini = kb.initiatieven.get(a.get("id", ""))
        if ini is not None and ini.locatie.lat is not None:
            rows.append({"naam": a["naam"], "lat": ini.locatie.lat, "lon": ini.locatie.lon})
    return pd.DataFrame(rows, columns=["naam", "lat", "lon"])

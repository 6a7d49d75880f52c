"""Rendering pieces used on more than one page: an article, an assistant answer with its sources."""
from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from app.ui import as_html_text, as_text, get_assistant, tr
from knowledge import KnowledgeBase
from knowledge.i18n import direction, label
from knowledge.i18n.formats import format_km, format_number
from knowledge.schema import Artikel, Initiatief
from knowledge.sources import source_label, source_labels
from recommender.initiatives import UserCatalogueError, load_user_catalogue
from recommender.models import ActiviteitAdvies, RouteAdvies, ZonderTechniekprofiel

if TYPE_CHECKING:
    import pandas as pd


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


def render_answer(question: str) -> None:
    """Ask the assistant and show its answer, a notice when it is not grounded, and the sources."""
    assistant = get_assistant()
    if assistant is None:
        st.warning(tr("app.no_index"))
        return
    # the answer follows the language of the question (the assistant detects it)
    render_answer_body(assistant.ask(question))


def answer_is_curated(answer) -> bool:  # type: ignore[no-untyped-def]
    """Whether the answer is one of our own articles (written in Markdown by the editors). Everything else
    (quoted records, the user's own documents, activity lists, a language model's text) is data: text."""
    return answer.mode == "extractive" and bool(answer.sources) and answer.sources[0].kind == "artikel" \
        and all(s.kind != "document" for s in answer.sources[:1])


def render_answer_body(answer) -> None:  # type: ignore[no-untyped-def]
    st.markdown(f"<div dir='{direction(answer.language)}'>", unsafe_allow_html=True)
    st.markdown(answer.answer if answer_is_curated(answer) else as_text(answer.answer))
    st.markdown("</div>", unsafe_allow_html=True)
    if not answer.grounded:
        st.warning("⚠️ " + tr("ask.not_grounded"))
    if answer.sources:
        with st.expander(f"📎 {tr('ask.sources')} ({len(answer.sources)})"):
            for s in answer.sources:
                st.markdown(f"**{as_text(s.title, keep_lines=False)}** — {as_text(s.source, keep_lines=False)}")
                st.caption(as_text(s.snippet))


def in_language(texts: dict[str, str], lang: str) -> str:
    """A translated text in ``lang``, Dutch when that language is missing."""
    return texts.get(lang) or texts.get("nl", "")


def own_initiatives(kb: KnowledgeBase) -> list[Initiatief]:
    """The school's own imported activities (the decaan's list), for the mentor's advice; none when unreadable."""
    try:
        return load_user_catalogue(kb)
    except UserCatalogueError:
        return []


def render_route(kb: KnowledgeBase, i: int, route: RouteAdvies, lang: str, parent_lang: str) -> None:
    """One route card: opleiding, beroepen, score parts as a bar, explanation (+ parents' language), next step."""
    import pandas as pd

    opl = route.opleiding
    with st.container(border=True):
        st.markdown(f"### {i}. {opl.naam}")
        st.caption(f"mbo {tr('mentor.niveau', niveau=opl.niveau)} · {' / '.join(opl.leerwegen)}"
                   + (f" · {label('profiel', route.vmbo_profiel, lang)}" if route.vmbo_profiel else ""))
        st.write(f"👷 {tr('mentor.beroepen')}: {', '.join(route.beroepen)}")
        parts = pd.DataFrame({tr("mentor.score_parts"): [label("score_deel", k, lang) for k in route.score_delen],
                              tr("mentor.score"): list(route.score_delen.values())})
        st.bar_chart(parts, x=tr("mentor.score_parts"), y=tr("mentor.score"), horizontal=True, height=230)
        st.write(in_language(route.uitleg, "nl"))
        if parent_lang != "nl" and route.uitleg.get(parent_lang):
            st.markdown(f"*{tr('mentor.explanation_parents')}:*")
            st.markdown(f"<div dir='{direction(parent_lang)}' lang='{parent_lang}'>"
                        f"{as_html_text(route.uitleg[parent_lang])}</div>", unsafe_allow_html=True)
        if route.volgende_stap.tekst:
            st.success(f"➡️ {in_language(route.volgende_stap.tekst, lang)}")
        with st.expander(tr("mentor.sources")):
            for bron in source_labels(kb, route.bronnen, lang):
                st.write(f"- {bron}")


def render_no_techniek(kb: KnowledgeBase, alt: ZonderTechniekprofiel, lang: str) -> None:
    """The 'no techniekprofiel at this school' block: concrete alternatives for this pupil."""
    st.header("🏫 " + tr("mentor.no_techniek"))
    st.write(in_language(alt.uitleg, lang))
    for school in alt.scholen_met_techniekprofiel:
        km = f" ({format_km(school.afstand_km, lang, school.afstand_bij_benadering)})" \
            if school.afstand_km is not None else ""
        st.markdown(f"- **{school.naam}**{km}: {', '.join(school.profielen)}")
    for option in alt.mogelijkheden:
        st.markdown(f"- {in_language(option.tekst, lang)}"
                    + (f" _({'; '.join(source_labels(kb, option.bron.split(', '), lang))})_" if option.bron else ""))
    for d in alt.doorstroom:
        unit = d.eenheid if d.eenheid == "%" else " " + d.eenheid
        st.markdown(f"- 📊 {d.omschrijving}: **{format_number(d.waarde, lang)}{unit}**"
                    f" _({source_label(kb, d.bron, lang)})_")


def activity_points(kb: KnowledgeBase, acts: list[ActiviteitAdvies]) -> pd.DataFrame:
    """Map points for the activities that have a location in the knowledge base or the user's catalogue."""
    import pandas as pd

    located = {i.id: i for i in own_initiatives(kb)} | kb.initiatieven
    rows = []
    for a in acts:
        ini = located.get(a.id)
        if ini is not None and ini.locatie.lat is not None:
            rows.append({"naam": a.naam, "lat": ini.locatie.lat, "lon": ini.locatie.lon})
    return pd.DataFrame(rows, columns=["naam", "lat", "lon"])

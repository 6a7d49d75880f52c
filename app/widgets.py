"""Rendering pieces used on more than one page: an article, an assistant answer with its sources."""
from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass, replace

import streamlit as st

from app.map import PHONE_SIZE, TILE_ATTRIBUTION_ENV, Home, MapPoint, legend_html, map_svg, nearby_areas, tile_url
from app.ui import as_html_text, as_text, get_assistant, tr
from knowledge import KnowledgeBase
from knowledge.geo import haversine_km
from knowledge.i18n import direction, label
from knowledge.i18n.formats import format_km, format_number
from knowledge.schema import Artikel
from knowledge.sources import source_label, source_labels
from recommender.models import RouteAdvies, ZonderTechniekprofiel


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


def _lead_and_rest(text: str) -> tuple[str, str]:
    """The first paragraph (the card's two lines) and the rest (behind "read more")."""
    head, _, rest = text.strip().partition("\n\n")
    return head.strip(), rest.strip()


def article_card(kb: KnowledgeBase, art: Artikel, lang: str, lead: bool = True) -> None:
    """A short card: the title, the first lines, and the rest with its sources behind "read more".

    ``lead=False`` shows the title only (for the longer list further down the page)."""
    title = in_language(art.titel, lang)
    text = in_language(art.tekst, lang)
    head, rest = _lead_and_rest(text)
    dir_ = direction(lang)
    with st.container(border=True):
        st.markdown(f"<div dir='{dir_}' lang='{lang}' class='lob-card-title'><b>{html.escape(title)}</b></div>",
                    unsafe_allow_html=True)
        if lead:
            st.markdown(f"<div dir='{dir_}' lang='{lang}' class='lob-lead'>{html.escape(head)}</div>",
                        unsafe_allow_html=True)
        with st.expander(tr("parents.more")):
            st.markdown(f"<div dir='{dir_}' lang='{lang}'>", unsafe_allow_html=True)
            st.markdown(rest if lead else text)
            st.markdown("</div>", unsafe_allow_html=True)
            if art.kwaliteit.get(lang) == "machine":
                st.caption("🤖 " + tr("parents.machine_translation"))
            st.caption("📚 " + tr("ask.sources") + ": " + " · ".join(source_labels(kb, art.bronnen, lang)))
        read_aloud(f"{title}. {text}", lang, key=f"read_{art.id}")


def _js(value: object) -> str:
    """A value as a JavaScript literal that cannot end the surrounding <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def read_aloud(text: str, lang: str, key: str) -> None:
    """A "read aloud" button that uses the device's own speech synthesis (Web Speech API) in the browser.

    Nothing is sent anywhere: the text is already on the page and the voice is the device's. When the
    device has no voice for this language the button says so instead of reading in a wrong accent."""
    labels = {"play": tr("parents.read_aloud"), "stop": tr("parents.read_stop"), "none": tr("parents.no_voice")}
    locale = {"nl": "nl", "en": "en", "tr": "tr", "ar": "ar", "pl": "pl", "uk": "uk"}.get(lang, "nl")
    script = f"""
<style>body{{margin:0;font-family:"Source Sans Pro","Source Sans 3",system-ui,sans-serif}}
#b{{font:inherit;font-size:15px;padding:5px 16px;border-radius:8px;border:1px solid #8aa0c0;background:#f2f6fc;
color:#0d2f66;cursor:pointer;min-width:9rem}}@media (max-width:640px){{#b{{width:100%}}}}</style>
<div dir="{direction(lang)}"><button id="b" type="button">🔊 {html.escape(labels['play'])}</button>
<div id="m" role="status" style="font-size:13px;color:#555;margin-top:3px"></div></div>
<script>
const text = {_js(text)}, want = {_js(locale)}, L = {_js(labels)};
const b = document.getElementById('b'), m = document.getElementById('m');
const synth = window.speechSynthesis;
function voice() {{
  const vs = synth ? synth.getVoices() : [];
  return vs.find(v => v.lang && v.lang.toLowerCase().startsWith(want)) || null;
}}
b.onclick = () => {{
  if (!synth) {{ m.textContent = L.none; return; }}
  if (synth.speaking) {{ synth.cancel(); b.textContent = '🔊 ' + L.play; return; }}
  const v = voice();
  if (!v) {{ m.textContent = L.none; return; }}
  const u = new SpeechSynthesisUtterance(text);
  u.voice = v; u.lang = v.lang; u.rate = 0.9;
  u.onend = () => {{ b.textContent = '🔊 ' + L.play; }};
  b.textContent = '⏹ ' + L.stop;
  synth.speak(u);
}};
</script>"""
    with st.container(key=key):
        st.iframe(script, height=58)


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
        # the mentor's explanation is Dutch: left to right also when the page is in Arabic
        st.markdown(f"<div dir='ltr' lang='nl'>{html.escape(in_language(route.uitleg, 'nl'))}</div>",
                    unsafe_allow_html=True)
        if parent_lang != "nl" and route.uitleg.get(parent_lang):
            st.markdown(f"*{tr('mentor.explanation_parents')}:*")
            st.markdown(f"<div dir='{direction(parent_lang)}' lang='{parent_lang}'>"
                        f"{as_html_text(route.uitleg[parent_lang])}</div>", unsafe_allow_html=True)
        if route.volgende_stap.tekst:  # may name an activity from an imported list: shown as plain text
            st.success(f"➡️ {plain(in_language(route.volgende_stap.tekst, lang))}")
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
        st.markdown(f"- {plain(in_language(option.tekst, lang))}"
                    + (f" _({'; '.join(source_labels(kb, option.bron.split(', '), lang))})_" if option.bron else ""))
    for d in alt.doorstroom:
        unit = d.eenheid if d.eenheid == "%" else " " + d.eenheid
        st.markdown(f"- 📊 {d.omschrijving}: **{format_number(d.waarde, lang)}{unit}**"
                    f" _({source_label(kb, d.bron, lang)})_")


_MARKDOWN_SPECIALS = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~<>:"}


def plain(text: str) -> str:
    """Text from a list someone imported, safe inside ``st.markdown``: no HTML, no Markdown (so no
    image or link that makes the browser fetch an address), shown exactly as typed."""
    return "".join(_MARKDOWN_SPECIALS.get(c, c) for c in html.unescape(str(text)).replace("&", "&amp;"))


@dataclass(frozen=True)
class MapEntry:
    """One line of the list beside the map; without coordinates it is listed but not drawn."""

    naam: str
    lat: float | None
    lon: float | None
    afstand_km: float | None = None
    tekst: str = ""


def render_map(kb: KnowledgeBase, entries: list[MapEntry], home: Home | None, lang: str) -> None:
    """The offline map (app/map.py) with the numbered list beside it, sorted by distance.

    Nothing here loads from another address unless the administrator set a tile server (LOB_TILE_URL)."""
    located = [e for e in entries if e.lat is not None and e.lon is not None]
    elsewhere = [e for e in entries if e.lat is None or e.lon is None]
    if home is not None:  # the distance from the marked home, so that map, list and scale agree
        located = [replace(e, afstand_km=haversine_km(home.lat, home.lon, e.lat, e.lon))  # type: ignore[arg-type]
                   for e in located]
    located.sort(key=lambda e: (e.afstand_km is None, e.afstand_km or 0.0))
    points = [MapPoint(i, e.naam, e.lat, e.lon, e.afstand_km)  # type: ignore[arg-type]
              for i, e in enumerate(located, start=1)]
    tiles = tile_url()
    col_map, col_list = st.columns([3, 2], gap="medium")
    with col_map:
        if points:
            lats = [p.lat for p in points] + ([home.lat] if home else [])
            lons = [p.lon for p in points] + ([home.lon] if home else [])
            areas = nearby_areas(kb, lats, lons)
            attribution = os.environ.get(TILE_ATTRIBUTION_ENV) or None
            wide = map_svg(points, home, areas, lang, tiles, attribution)
            narrow = map_svg(points, home, areas, lang, tiles, attribution, size=PHONE_SIZE)
            # two drawings, one shown: on a phone the narrow one keeps its labels readable
            st.markdown(f"<div class='lob-map-box'><div class='lob-map-wide'>{wide}</div>"
                        f"<div class='lob-map-narrow'>{narrow}</div></div>", unsafe_allow_html=True)
            st.markdown(legend_html(lang, home), unsafe_allow_html=True)
            st.caption(tr("map.online" if tiles else "map.offline"))
    with col_list:
        rows = []
        for p, entry in zip(points, located, strict=True):
            dist = f" <span class='lob-km'>({format_km(p.afstand_km, lang)})</span>" if p.afstand_km is not None else ""
            detail = f"<br><small>{plain(entry.tekst)}</small>" if entry.tekst else ""
            rows.append(f"<li value='{p.nummer}'><b>{plain(p.naam)}</b>{dist}{detail}</li>")
        for e in elsewhere:
            detail = f"<br><small>{plain(e.tekst)}</small>" if e.tekst else ""
            rows.append(f"<li class='lob-national'><b>{plain(e.naam)}</b> "
                        f"<span class='lob-km'>({tr('mentor.national')})</span>{detail}</li>")
        if rows:
            st.markdown(f"<ol class='lob-map-list' dir='{direction(lang)}'>{''.join(rows)}</ol>",
                        unsafe_allow_html=True)

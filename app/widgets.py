"""Rendering pieces used on more than one page: an article, an assistant answer with its sources."""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass, replace

import streamlit as st

from app.map import PHONE_SIZE, TILE_ATTRIBUTION_ENV, Home, MapPoint, legend_html, map_svg, nearby_areas, tile_url
from app.ui import as_html_text, as_text, get_assistant, tr
from knowledge import KnowledgeBase
from knowledge.geo import haversine_km
from knowledge.i18n import direction, label, word
from knowledge.i18n.formats import format_km, format_number
from knowledge.schema import Artikel
from knowledge.sources import source_label, source_labels
from recommender.explain import ander_profiel_tekst, hoofdroute_tekst, plek_tekst, plek_van, plek_volgorde
from recommender.models import (
    Advies,
    FaseAdvies,
    HoRichting,
    RouteAdvies,
    SchoolAfstand,
    SectorZin,
    ZonderTechniekprofiel,
)


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
        st.markdown(
            f"<div dir='{dir_}' lang='{lang}' class='lob-card-title'><b>{html.escape(title)}</b></div>",
            unsafe_allow_html=True,
        )
        if lead:
            st.markdown(
                f"<div dir='{dir_}' lang='{lang}' class='lob-lead'>{html.escape(head)}</div>", unsafe_allow_html=True
            )
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
<div dir="{direction(lang)}"><button id="b" type="button">🔊 {html.escape(labels["play"])}</button>
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


# A run of Latin-script words in a right-to-left answer: words joined by spaces or commas, and a bracketed
# group without Arabic letters ("Entree (niveau 1)", "Rijswijk, 3.5"). Isolated as a whole, so the browser's
# bidi algorithm does not split it (a digit inside brackets counts as right-to-left and turned the brackets).
_LATIN_RUN = re.compile(
    r"[A-Za-z][\w\-'’&./%+]*(?:(?:[ ,]+|\s*(?=\())(?:[A-Za-z0-9][\w\-'’&./%+]*|"
    r"\([^()\u0600-\u06FF]*\)))*",
    re.ASCII,
)


def _text_html(text: str, rtl: bool) -> str:
    """Escaped text; in a right-to-left answer every Latin run (Dutch names and words) in its own <bdi>."""
    if not rtl:
        return html.escape(text)
    out, last = [], 0
    for m in _LATIN_RUN.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        out.append(f"<bdi>{html.escape(m.group(0))}</bdi>")
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def _item(text: str, rtl: bool = False) -> str:
    """A list line 'Naam: details' with the (Dutch) name isolated, so it reads right in Arabic too."""
    name, sep, rest = text.partition(": ")
    return f"<bdi>{html.escape(name)}</bdi>{sep}{_text_html(rest, rtl)}" if sep else _text_html(text, rtl)


def answer_html(text: str, rtl: bool = False) -> str:
    """Plain answer text as HTML (escaped): paragraphs, and runs of lines that start with '- ' as a list."""
    parts = []
    for para in text.split("\n\n"):
        run: list[str] = []
        kind = None
        for line in [ln for ln in para.split("\n") if ln.strip()] + [None]:  # type: ignore[list-item]
            line_kind = None if line is None else ("li" if line.startswith("- ") else "p")
            if run and line_kind != kind:
                if kind == "li":
                    parts.append("<ul>" + "".join(f"<li>{_item(i[2:], rtl)}</li>" for i in run) + "</ul>")
                else:
                    parts.append("<p>" + "<br>".join(_text_html(i, rtl) for i in run) + "</p>")
                run = []
            if line is not None:
                run.append(line)
                kind = line_kind
    return "".join(parts)


def answer_is_curated(answer) -> bool:  # type: ignore[no-untyped-def]
    """Whether the text behind "lees meer" is our own knowledge (articles written in Markdown by the editors).
    Everything else (the user's own documents, activity lists that may hold the school's imported records, a
    language model's text) is data: shown as typed."""
    return (
        answer.mode == "extractive"
        and bool(answer.sources)
        and all(s.kind in ("knowledge", "report") for s in answer.sources)
    )


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
    st.markdown(
        f"<div dir='{dir_}' lang='{lang}'>{answer_html(answer.answer, rtl=dir_ == 'rtl')}</div>", unsafe_allow_html=True
    )
    if answer.quote is not None:
        with st.expander(answer.quote.label):
            quote = html.escape(answer.quote.text).replace("\n", "<br>")
            st.markdown(
                f"<blockquote dir='{direction(answer.quote.language)}' lang='{answer.quote.language}'>"
                f"{quote}</blockquote>",
                unsafe_allow_html=True,
            )
    if answer.details:
        with st.expander(t("assistant.read_more", lang)):
            st.markdown(f"<div dir='{dir_}' lang='{lang}'>", unsafe_allow_html=True)
            st.markdown(answer.details if answer_is_curated(answer) else as_text(answer.details))
            st.markdown("</div>", unsafe_allow_html=True)
    if answer.sources:
        with st.expander(f"📎 {t('assistant.sources_label', lang)} ({len(answer.sources)})"):
            items = "".join(f"<li>{SOURCE_ICONS.get(s.kind, '•')} {html.escape(s.label)}</li>" for s in answer.sources)
            st.markdown(
                f"<ul dir='{dir_}' lang='{lang}' style='list-style:none;padding-inline-start:0'>{items}</ul>",
                unsafe_allow_html=True,
            )


def in_language(texts: dict[str, str], lang: str) -> str:
    """A translated text in ``lang``, Dutch when that language is missing."""
    return texts.get(lang) or texts.get("nl", "")


def _parents_version(texts: dict[str, str], lang: str, parent_lang: str) -> None:
    """The same text in the parents' language, when that is not the page's (for the mentor to show)."""
    if parent_lang not in ("nl", lang) and texts.get(parent_lang):
        st.markdown(f"*{tr('mentor.explanation_parents')}:*")
        st.markdown(
            f"<div dir='{direction(parent_lang)}' lang='{parent_lang}'>{as_html_text(texts[parent_lang])}</div>",
            unsafe_allow_html=True,
        )


def render_warnings(advies: Advies, lang: str) -> None:
    """The intake warnings: something in the profile does not fit together (the advice still comes)."""
    for w in advies.waarschuwingen:
        st.warning("⚠️ " + as_text(in_language(w.tekst, lang)))


def render_notices(advies: Advies, lang: str) -> None:
    """The other notices (travel times, missing place or interests), without repeating the warnings."""
    warned = {w.tekst.get("nl") for w in advies.waarschuwingen}
    for melding in advies.meldingen:
        if melding.get("nl") not in warned:
            st.info(as_text(in_language(melding, lang)))
    if advies.goed_om_te_weten:  # information, not a warning: under its own plain heading (review 6)
        st.markdown(f"**{tr('advies.goed_om_te_weten')}**")
        for info in advies.goed_om_te_weten:
            st.caption(as_text(in_language(info, lang)))


def _name(name: str, lang: str) -> str:
    """A Dutch name for a Markdown line; on a right-to-left page a left-to-right mark closes it, so that a
    closing bracket at its end is not mirrored to the other end by the text that follows."""
    return as_text(name) + ("\u200e" if direction(lang) == "rtl" else "")


def _km(km: float | None, approximate: bool, lang: str) -> str:
    return f" ({format_km(km, lang, approximate)})" if km is not None else ""


def _plek(plek: str | None) -> str:
    return f" ({as_text(plek)})" if plek else ""


def _school_plek(school: SchoolAfstand, lang: str) -> str:
    """' (~8,9 km)', ' (in Rotterdam; precieze plek onbekend)' or ' (meerdere locaties; zie de website)': the one
    rule of recommender.explain.plek_tekst (review 6, defect 2)."""
    gemeente = school.gemeente if school.plek_bij_benadering else None
    return _plek(
        plek_tekst(
            school.afstand_km, lang, school.afstand_bij_benadering, gemeente=gemeente, meerdere=school.meerdere_locaties
        )
    )


def render_stage(
    kb: KnowledgeBase, fa: FaseAdvies, lang: str, parent_lang: str, skip: tuple[str, ...] = (), intro: bool = True
) -> None:
    """The advice for the pupil's school stage: profielen, schools to look at, hbo/wo directions, steps
    (less the kinds of ``skip``, which the route cards already show). ``intro=False`` leaves out the opening
    text (it announces the routes 'below', so it is left out when the block comes after them)."""
    with st.container(border=True, key="lob-stage"):
        st.subheader("🧭 " + in_language(fa.titel, lang))
        st.caption(label("fase", fa.fase, lang))
        if intro:
            st.markdown(
                f"<div dir='{direction(lang)}' lang='{lang}'>{as_html_text(in_language(fa.uitleg, lang))}</div>",
                unsafe_allow_html=True,
            )
            if parent_lang not in ("nl", lang) and fa.uitleg.get(parent_lang):  # folded: the block stays short
                with st.expander(f"{tr('mentor.explanation_parents')} ({label('taal', parent_lang, lang)})"):
                    st.markdown(
                        f"<div dir='{direction(parent_lang)}' lang='{parent_lang}'>"
                        f"{as_html_text(fa.uitleg[parent_lang])}</div>",
                        unsafe_allow_html=True,
                    )
        if fa.profielen:
            # without interests the list is the leerweg's techniekprofielen, not profielen that fit (review R23)
            kop = (
                "mentor.stage_profielen"
                if any(p.interesses for p in fa.profielen)
                else "mentor.stage_techniekprofielen"
            )
            st.markdown(f"**{tr(kop)}**")
            for p in fa.profielen:
                why = in_language(p.uitleg, lang)
                why = (
                    why[len(p.naam) :].lstrip() if why.startswith(p.naam) else why
                )  # the sentence starts with the name
                st.markdown(f"- **{_name(p.naam, lang)}** {as_text(why)}")
                if p.aanbod:
                    st.caption("📊 " + as_text(in_language(p.aanbod, lang)))
        dichtbij = [s for s in fa.scholen if not s.verder_weg]  # those further away come in their own step
        if dichtbij:
            st.markdown(f"**{tr('mentor.stage_scholen')}**")
            for school in dichtbij:
                profielen = ", ".join(label("profiel", c, lang) for c in school.profielen)
                waar = _school_plek(school, lang)
                st.markdown(
                    f"- 🏫 **{_name(school.naam, lang)}**{waar}" + (f": {as_text(profielen)}" if profielen else "")
                )
        if fa.vervolg:
            st.markdown(f"**{tr('mentor.stage_vervolg')}**")
            for i, v in enumerate(fa.vervolg, 1):
                render_direction(v, lang, i)
        if fa.stappen:
            st.markdown(f"**{tr('mentor.stage_steps')}**")
            shown = (*skip, "scholen") if dichtbij else skip  # the schools are listed above
            for stap in (s for s in fa.stappen if s.soort not in shown):
                bron = f" _({source_label(kb, stap.bron, lang)})_" if stap.bron else ""
                st.markdown(f"- {as_text(in_language(stap.tekst, lang))}{bron}")


def render_direction(v: HoRichting, lang: str, number: int | None = None) -> None:
    """One hbo/wo direction: name, where, which interests it fits, and the mbo 4 routes that lead there too."""
    scholen = f" — {as_text(', '.join(v.scholen))}" if v.scholen else ""
    waarom = f"  \n  {as_text(in_language(v.uitleg, lang))}" if v.uitleg else ""
    via = f"  \n  _{tr('mentor.also_via', routes=as_text(', '.join(v.via)))}_" if v.via else ""
    mark = f"{number}. " if number is not None else "- "
    st.markdown(f"{mark}🎓 **{v.soort} {_name(v.naam, lang)}**{scholen}{waarom}{via}")


def render_side_routes(routes: list[RouteAdvies], lang: str, po: bool = False) -> None:
    """havo/vwo: the mbo 4 routes beside the hbo/wo directions, one short line each (review R11); in groep 7/8
    (``po``) a view of much later, after the havo/vwo school the family chooses now (review 5, R24)."""
    with st.container(border=True, key="lob-side-routes"):
        st.subheader("🛠️ " + tr("mentor.side_routes_po" if po else "mentor.side_routes"))
        st.caption(tr("mentor.side_routes_intro_po" if po else "mentor.side_routes_intro"))
        gezegd: set[str] = set()
        for route in routes:
            opl, stap = route.opleiding, route.volgende_stap
            waar = (
                f" — {_name(stap.school_naam, lang)}{_plek(plek_van(stap, lang))}"
                if stap.school_naam
                # havo/vwo klas 1-3: the next step is the N-profiel, but the line still says where the route is
                # given, so that 'a closer school may exist' has a school to be closer than (review 5, R34)
                else f" — {_name(route.school_naam, lang)}{_plek(plek_van(route, lang))}"
                if route.school_naam and route.afstand_km is not None
                else ""
            )
            beroepen = as_text(", ".join(route.beroepen[:3]))
            st.markdown(
                f"- **{_name(opl.naam, lang)}** (mbo {tr('mentor.niveau', niveau=opl.niveau)}, "
                f"{' / '.join(opl.leerwegen)}){waar}  \n  👷 {beroepen}"
            )
            nieuw = [z for z in route.kanttekeningen.get(lang) or route.kanttekeningen.get("nl", []) if z not in gezegd]
            if nieuw:  # over the travel limit, no wage source: the short line drops no caveat, each said once
                st.caption("⚠️ " + as_text(" ".join(nieuw)))
                gezegd.update(nieuw)


def _after(directions: list[HoRichting], lang: str) -> str:
    """A route card's hbo/wo directions on one line ('then: hbo Bouwkunde (Hogeschool Rotterdam) · ...')."""
    return " · ".join(
        f"{v.soort} {_name(v.naam, lang)}" + (f" ({as_text(', '.join(v.scholen))})" if v.scholen else "")
        for v in directions
    )


def render_route(
    kb: KnowledgeBase, i: int, route: RouteAdvies, lang: str, parent_lang: str, leerbedrijf_full: bool = True
) -> None:
    """One route card: opleiding, beroepen with what they do, explanation (+ parents' language), next step.
    The leerbedrijf step of a BBL route in full on the first such card, as a short reminder on the others."""
    import pandas as pd

    opl = route.opleiding
    with st.container(border=True):
        st.markdown(f"### {i}. {as_text(opl.naam)}")
        marks = ([f"🕒 {tr('mentor.later_badge')}"] if route.horizon else []) + (
            [f"⭐ {hoofdroute_tekst(route, lang)}"] if route.hoofdroute else []
        )
        if (anders := ander_profiel_tekst(route, lang)) is not None:  # outside the own profiel (review 8, R39)
            marks.append(f"⚠️ {anders}")
        if route.voorop:  # why #1 leads while a lower route carries the main-route mark (review 9)
            marks.append(f"⬆️ {route.voorop.get(lang) or route.voorop['nl']}")
        st.caption(
            " · ".join(
                [f"mbo {tr('mentor.niveau', niveau=opl.niveau)}", " / ".join(opl.leerwegen)]
                + ([label("profiel", route.vmbo_profiel, lang)] if route.vmbo_profiel else [])
                + marks
            )
        )
        st.markdown(f"**👷 {tr('mentor.beroepen')}**")
        for b in route.beroepen_info or []:
            markt = ""
            if b.arbeidsmarkt and b.arbeidsmarkt_bron:
                markt = (
                    f"  \n  📈 _{as_text(word('arbeidsmarkt', b.arbeidsmarkt, lang))}"
                    f" ({as_text(source_label(kb, b.arbeidsmarkt_bron, lang))})_"
                )
            later = f"_({tr('mentor.grow_into')})_ " if b.doorgroei else ""  # office work to grow into (review 8)
            st.markdown(f"- {later}**{_name(b.naam, lang)}**: {as_text(in_language(b.omschrijving, lang))}{markt}")
        if not route.beroepen_info:
            st.write(", ".join(route.beroepen))
        st.markdown(
            f"<div dir='{direction(lang)}' lang='{lang}'>{as_html_text(in_language(route.uitleg, lang))}</div>",
            unsafe_allow_html=True,
        )
        if route.arbeidsmarkt_schaal == "sector":
            st.caption("📈 " + tr("mentor.market_sector"))
        _parents_version(route.uitleg, lang, parent_lang)
        if route.vervolg:
            st.markdown(f"🎓 {tr('mentor.after_mbo4')}: {_after(route.vervolg, lang)}")
        if route.wo_via_hbo:
            st.caption(f"🎓 {as_text(in_language(route.wo_via_hbo, lang))}")
        stap = route.volgende_stap
        if stap.tekst:  # may name an activity from an imported list: shown as plain text
            st.success(f"➡️ {as_text(in_language(stap.tekst, lang))}")
        if stap.leerbedrijf and leerbedrijf_full:
            st.info(f"🏭 **{tr('mentor.leerbedrijf')}** {as_text(in_language(stap.leerbedrijf, lang))}")
        elif stap.leerbedrijf:
            st.caption(f"🏭 {tr('mentor.leerbedrijf_again')}")
        with st.expander(tr("mentor.score_sources")):
            parts = pd.DataFrame(
                {
                    tr("mentor.score_parts"): [label("score_deel", k, lang) for k in route.score_delen],
                    tr("mentor.score"): list(route.score_delen.values()),
                }
            )
            st.bar_chart(parts, x=tr("mentor.score_parts"), y=tr("mentor.score"), horizontal=True, height=230)
            for bron in source_labels(kb, route.bronnen, lang):
                st.write(f"- {bron}")


def render_sector(sentences: list[SectorZin], lang: str) -> None:
    """What the reports say about the pupil's own (non-technical) sector; each sentence names source and year."""
    st.subheader("📊 " + tr("mentor.sector_title"))
    for z in sentences:
        st.markdown(f"- {as_text(in_language(z.tekst, lang))}")


def render_no_techniek(kb: KnowledgeBase, alt: ZonderTechniekprofiel, lang: str) -> None:
    """The 'no techniekprofiel at this school' block: concrete alternatives for this pupil."""
    st.header("🏫 " + tr("mentor.no_techniek"))
    st.write(in_language(alt.uitleg, lang))
    for school in alt.scholen_met_techniekprofiel:
        km = _school_plek(school, lang)
        st.markdown(f"- **{school.naam}**{km}: {', '.join(school.profielen)}")
    for option in alt.mogelijkheden:
        st.markdown(
            f"- {as_text(in_language(option.tekst, lang))}"
            + (f" _({'; '.join(source_labels(kb, option.bron.split(', '), lang))})_" if option.bron else "")
        )
    for d in alt.doorstroom:
        unit = d.eenheid if d.eenheid == "%" else " " + d.eenheid
        st.markdown(
            f"- 📊 {d.omschrijving}: **{format_number(d.waarde, lang)}{unit}** _({source_label(kb, d.bron, lang)})_"
        )


@dataclass(frozen=True)
class MapEntry:
    """One line of the list beside the map; without coordinates it is listed but not drawn."""

    naam: str
    lat: float | None
    lon: float | None
    afstand_km: float | None = None
    tekst: str = ""
    bij_benadering: bool = False  # the place is approximate (a city-centre or area point): the distance gets "~"
    via_school: bool = False  # a school programme: the pupil joins through the school
    plek_gemeente: str | None = None  # placed only at gemeente level: "in <gemeente>", no km (review 6)


def render_map(kb: KnowledgeBase, entries: list[MapEntry], home: Home | None, lang: str) -> None:
    """The offline map (app/map.py) with the numbered list beside it, sorted by distance.

    Nothing here loads from another address unless the administrator set a tile server (LOB_TILE_URL)."""
    located = [e for e in entries if e.lat is not None and e.lon is not None]
    elsewhere = [e for e in entries if e.lat is None or e.lon is None]
    if home is not None:  # the distance from the marked home, so that map, list and scale agree
        located = [
            replace(e, afstand_km=haversine_km(home.lat, home.lon, e.lat, e.lon))  # type: ignore[arg-type]
            for e in located
        ]
    # exactly placed first, then the gemeente-level ones: a town's centre never reads as the nearest (review 6)
    located.sort(key=lambda e: (e.afstand_km is None, plek_volgorde(e.afstand_km, bool(e.plek_gemeente), e.naam)))
    points = [
        MapPoint(i, e.naam, e.lat, e.lon, e.afstand_km)  # type: ignore[arg-type]
        for i, e in enumerate(located, start=1)
    ]
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
            st.markdown(
                f"<div class='lob-map-box'><div class='lob-map-wide'>{wide}</div>"
                f"<div class='lob-map-narrow'>{narrow}</div></div>",
                unsafe_allow_html=True,
            )
            st.markdown(legend_html(lang, home), unsafe_allow_html=True)
            st.caption(tr("map.online" if tiles else "map.offline"))
    with col_list:
        rows = []
        for p, entry in zip(points, located, strict=True):
            plek = plek_tekst(p.afstand_km, lang, entry.bij_benadering, gemeente=entry.plek_gemeente, activiteit=True)
            dist = f" <span class='lob-km'>({html.escape(plek)})</span>" if plek else ""
            detail = f"<br><small>{as_html_text(entry.tekst)}</small>" if entry.tekst else ""
            rows.append(f"<li value='{p.nummer}'><b>{as_html_text(p.naam)}</b>{dist}{_via_school(entry)}{detail}</li>")
        for e in elsewhere:
            detail = f"<br><small>{as_html_text(e.tekst)}</small>" if e.tekst else ""
            rows.append(
                f"<li class='lob-national'><b>{as_html_text(e.naam)}</b> "
                f"<span class='lob-km'>({tr('mentor.national')})</span>{_via_school(e)}{detail}</li>"
            )
        if rows:
            st.markdown(
                f"<ol class='lob-map-list' dir='{direction(lang)}'>{''.join(rows)}</ol>", unsafe_allow_html=True
            )


def _via_school(entry: MapEntry) -> str:
    return f" <span class='lob-via-school'>🏫 {html.escape(tr('mentor.via_school'))}</span>" if entry.via_school else ""

"""Loopbaangesprek (mentor): a short profile form, routes as cards, activities on a map, verslag export."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import streamlit as st

from app.map import Home
from app.report import build_html, build_pdf
from app.ui import apply_layout, as_text, code_label, current_language, kb_or_stop, tr
from app.widgets import (
    MapEntry,
    in_language,
    render_map,
    render_no_techniek,
    render_notices,
    render_route,
    render_sector,
    render_side_routes,
    render_stage,
    render_warnings,
)
from knowledge import KnowledgeBase, vocab
from knowledge.geo import UnknownPlace, resolve_place
from knowledge.schema import Initiatief
from recommender.advies import recommend
from recommender.initiatives import own_initiatives
from recommender.models import Advies
from recommender.profile import Profiel, ProfielError, form_fields, form_values, parse_profiel

STORE = "mentor_profiel"  # canonical profile values, kept across language switches and reruns
DEFAULTS: dict[str, Any] = {
    "leerjaar": "vo2",
    "schooltype": "vmbo-kb",
    "school": None,
    "profiel": None,
    "interesses": [],
    "werkvoorkeuren": [],
    "belangrijk": [],
    "leerweg_voorkeur": "weet_niet",
    "plaats": "",
    "max_reisafstand_km": 15,
    "taal_ouders": "nl",
    "doelgroep_activiteiten": [],
    "schooladvies": None,
}
# Stages where the stage advice is the answer and the mbo routes are for later (or next to hbo): it comes first.
STAGE_FIRST = ("po", "vo_onderbouw", "havo_vwo_onderbouw", "havo_vwo_bovenbouw")


def _state() -> dict[str, Any]:
    if STORE not in st.session_state:
        st.session_state[STORE] = dict(DEFAULTS)
    return st.session_state[STORE]


def widget_key(field: str, lang: str) -> str:
    """Widget keys carry the language: a widget made anew in the new language shows its labels
    translated, and it takes its value from the profile store, so nothing typed is lost."""
    return f"m_{field}@{lang}"


def _bind(field: str) -> str:
    key = widget_key(field, current_language())
    if key not in st.session_state:
        st.session_state[key] = _state()[field]
    return key


def _sync() -> None:
    store = _state()
    lang = current_language()
    for field in DEFAULTS:
        if widget_key(field, lang) in st.session_state:
            store[field] = st.session_state[widget_key(field, lang)]


def _home(kb: KnowledgeBase, profiel: Profiel) -> Home | None:
    """The pupil's place as the map's home marker (the centre of the postcode area or wijk, never an address)."""
    text = profiel.plaats_tekst()
    if not text:
        return None
    try:
        place = resolve_place(kb, text)
    except UnknownPlace:
        return None
    return Home(place.naam, place.lat, place.lon)


def _load_profile(upload: Any) -> None:
    try:  # the one profile parser: BOM, size, depth and number limits, readable errors
        profiel = parse_profiel(upload.getvalue())
    except ProfielError as exc:  # a bad file: tell the user, keep the current form
        st.error(tr("mentor.load_error", error=as_text(exc)))
        return
    data = form_values(profiel)
    store = _state()
    for field in DEFAULTS:
        if field in data and data[field] is not None:
            store[field] = data[field]
    for field in DEFAULTS:
        st.session_state[widget_key(field, current_language())] = store[field]
    st.success(tr("mentor.load_ok"))


REPORTS = "mentor_reports"  # (advice fingerprint, pdf bytes, html bytes) of this session's last advice


def _report_files(
    profiel: Profiel, advies: Advies, parent_lang: str, own_by_id: dict[str, Initiatief]
) -> tuple[bytes, bytes]:
    """The verslag as PDF and HTML bytes, built once per advice and kept for the session (same bytes, so the
    download addresses stay the same across reruns). Only the last advice is kept."""
    fingerprint = hashlib.sha256(
        json.dumps(
            [profiel.model_dump(mode="json"), advies.model_dump(mode="json"), parent_lang],
            sort_keys=True,
            ensure_ascii=False,
        ).encode()
    ).hexdigest()
    kept = st.session_state.get(REPORTS)
    if not kept or kept[0] != fingerprint:
        kept = (
            fingerprint,
            build_pdf(kb, profiel, advies, parent_lang, own_by_id),
            build_html(kb, profiel, advies, parent_lang, own_by_id).encode("utf-8"),
        )
        st.session_state[REPORTS] = kept
    return kept[1], kept[2]


apply_layout()
kb = kb_or_stop()
lang = current_language()
st.title(tr("mentor.title"))
st.caption(tr("mentor.intro"))
st.info(tr("mentor.privacy"))

with st.expander(tr("mentor.load")):
    upload = st.file_uploader(tr("mentor.load"), type=["json"], key="m_upload", label_visibility="collapsed")
    if upload is not None and st.session_state.get("m_upload_done") != upload.file_id:
        st.session_state["m_upload_done"] = upload.file_id
        _load_profile(upload)

schools = sorted((s for s in kb.scholen.values() if s.soort in ("vmbo", "vso")), key=lambda s: s.naam)
school_names = {s.id: s.naam for s in schools}
with st.form("profiel_form"):
    st.subheader(tr("mentor.section_school"))
    c1, c2 = st.columns(2)
    c1.selectbox(tr("mentor.leerjaar"), vocab.LEERJAREN, key=_bind("leerjaar"), format_func=code_label("leerjaar"))
    c2.selectbox(
        tr("mentor.schooltype"),
        vocab.SCHOOLTYPEN_LEERLING,
        key=_bind("schooltype"),
        format_func=code_label("schooltype"),
    )
    c1.selectbox(
        tr("mentor.school"),
        list(school_names),
        key=_bind("school"),
        placeholder=tr("mentor.school_none"),
        format_func=school_names.__getitem__,
    )
    c2.selectbox(
        tr("mentor.profiel"),
        vocab.VMBO_PROFIELEN,
        key=_bind("profiel"),
        placeholder=tr("mentor.profiel_none"),
        format_func=code_label("profiel"),
    )
    c1.selectbox(
        tr("mentor.schooladvies"),
        vocab.SCHOOLADVIEZEN,
        key=_bind("schooladvies"),
        placeholder=tr("mentor.schooladvies_none"),
        format_func=code_label("schooltype"),
    )
    st.subheader(tr("mentor.section_interests"))
    st.multiselect(
        tr("mentor.interesses"),
        vocab.INTERESSES,
        key=_bind("interesses"),
        format_func=code_label("interesse"),
        placeholder=tr("app.choose"),
    )
    st.pills(
        tr("mentor.werkvoorkeuren"),
        vocab.WERKVOORKEUREN,
        selection_mode="multi",
        key=_bind("werkvoorkeuren"),
        format_func=code_label("werkvoorkeur"),
    )
    st.pills(
        tr("mentor.belangrijk"),
        vocab.BELANGRIJK,
        selection_mode="multi",
        key=_bind("belangrijk"),
        format_func=code_label("belangrijk"),
    )
    st.radio(
        tr("mentor.leerweg_voorkeur"),
        vocab.LEERWEG_VOORKEUR,
        key=_bind("leerweg_voorkeur"),
        format_func=code_label("leerweg_voorkeur"),
        horizontal=True,
    )
    st.subheader(tr("mentor.section_place"))
    c3, c4 = st.columns(2)
    c3.text_input(tr("mentor.postcode"), key=_bind("plaats"), help=tr("mentor.postcode_help"))
    c4.slider(tr("mentor.max_km"), 2, 60, key=_bind("max_reisafstand_km"))
    c3.selectbox(tr("mentor.taal_ouders"), vocab.TALEN, key=_bind("taal_ouders"), format_func=code_label("taal"))
    c4.multiselect(
        tr("mentor.doelgroep"),
        ["meisjes", "ouders", "migratieachtergrond"],
        key=_bind("doelgroep_activiteiten"),
        format_func=code_label("doelgroep"),
        placeholder=tr("app.choose"),
    )
    submitted = st.form_submit_button(tr("mentor.submit"), type="primary")
_sync()

form = _state()
st.download_button(
    tr("mentor.save"),
    json.dumps(form_fields(form), ensure_ascii=False, indent=2),
    file_name="profiel.json",
    mime="application/json",
    key="m_save",
    on_click="ignore",
)

if submitted:
    st.session_state["m_show"] = True
if st.session_state.get("m_show"):
    try:
        profiel = Profiel.from_form(form)
        own = own_initiatives()
        advies = recommend(kb, profiel, eigen_initiatieven=own, taal_pagina=lang)
    except ProfielError as exc:  # the same readable message as the CLI gives (the one error formatter), as text
        st.error(tr("mentor.profile_error", error=as_text(exc)))
        st.stop()
    parent_lang = profiel.taal_ouders or "nl"
    located = {i.id: i for i in own} | kb.initiatieven
    render_warnings(advies, lang)
    stage_first = advies.fase_advies is not None and advies.fase in STAGE_FIRST
    if stage_first and advies.fase_advies is not None:
        render_stage(kb, advies.fase_advies, lang, parent_lang)
    render_notices(advies, lang)  # about the mbo routes (travel times): after the stage advice, before the routes
    if advies.waarom_techniek:
        st.info("💡 " + in_language(advies.waarom_techniek, lang))
    later = any(r.horizon and not r.zijpad for r in advies.routes)  # 'after the vmbo profiel': not for havo/vwo
    st.header(tr("mentor.routes"))  # one heading for every stage (the browser drivers and load test wait for it)
    if later:
        st.info(f"🕒 **{tr('mentor.routes_later')}**: {tr('mentor.routes_later_intro')}")
    if not advies.routes:
        st.warning(tr("mentor.no_routes"))
    zijpad = [route for route in advies.routes if route.zijpad]  # havo/vwo: mbo 4 short, beside hbo/wo
    if zijpad:
        render_side_routes(zijpad, lang, po=advies.fase == "po")
    kaarten = [route for route in advies.routes if not route.zijpad]
    bbl = [i for i, route in enumerate(kaarten) if route.volgende_stap.leerbedrijf]
    for i, route in enumerate(kaarten):
        render_route(kb, i + 1, route, lang, parent_lang, leerbedrijf_full=i == bbl[0] if bbl else True)
    if advies.zonder_techniekprofiel:
        render_no_techniek(kb, advies.zonder_techniekprofiel, lang)
    if not stage_first and advies.fase_advies is not None:
        render_stage(kb, advies.fase_advies, lang, parent_lang, skip=("leerbedrijf",) if bbl else (), intro=False)
    if advies.sector_uitspraken:
        render_sector(advies.sector_uitspraken, lang)
    st.header(tr("mentor.activities"))
    if not advies.activiteiten:
        st.info(tr("mentor.no_activities"))
    else:
        entries = []
        for a in advies.activiteiten:
            ini = located.get(a.id)
            loc = ini.locatie if ini is not None and not a.landelijk else None
            entries.append(
                MapEntry(
                    a.naam,
                    loc.lat if loc else None,
                    loc.lon if loc else None,
                    a.afstand_km,
                    in_language(a.uitleg, lang) if lang in a.uitleg else a.reden,
                    bij_benadering=a.afstand_bij_benadering,
                    via_school=a.via_school,
                    plek_gemeente=a.plek_gemeente,
                )
            )
        render_map(kb, entries, _home(kb, profiel), lang)
    pdf_bytes, html_bytes = _report_files(profiel, advies, parent_lang, {i.id: i for i in own})
    c5, c6 = st.columns(2)
    # The files are made once per advice and handed over as bytes: a file made only when clicked (a
    # deferred download) was dropped by the rerun that the other button's click started, and the click
    # gave nothing but a MediaFileStorageError. Clicking does not rerun the page either ("ignore").
    c5.download_button(
        tr("mentor.report_pdf"),
        pdf_bytes,
        file_name="gespreksverslag.pdf",
        mime="application/pdf",
        key="m_pdf",
        on_click="ignore",
    )
    c6.download_button(
        tr("mentor.report_html"),
        html_bytes,
        file_name="gespreksverslag.html",
        mime="text/html",
        key="m_html",
        on_click="ignore",
    )

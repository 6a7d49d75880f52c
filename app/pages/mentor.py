"""Loopbaangesprek (mentor): a short profile form, routes as cards, activities on a map, verslag export."""
from __future__ import annotations

import json
from typing import Any

import streamlit as st

from app.report import build_html, build_pdf
from app.ui import apply_layout, code_label, current_language, kb_or_stop, tr
from app.widgets import activity_points, render_no_techniek, render_route
from knowledge import vocab
from knowledge.i18n.formats import format_km
from recommender.advies import recommend
from recommender.initiatives import own_initiatives
from recommender.profile import Profiel

STORE = "mentor_profiel"  # canonical profile values, kept across language switches and reruns
DEFAULTS: dict[str, Any] = {
    "leerjaar": "vo2", "schooltype": "vmbo-kb", "school": None, "profiel": None, "interesses": [],
    "werkvoorkeuren": [], "belangrijk": [], "leerweg_voorkeur": "weet_niet", "plaats": "",
    "max_reisafstand_km": 15, "taal_ouders": "nl", "doelgroep_activiteiten": [],
}


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


def _profile_dict(values: dict[str, Any]) -> dict[str, Any]:
    """Form values -> the recommender's Profiel fields (a PC4 goes to postcode, a name to wijk)."""
    data = {k: v for k, v in values.items() if k != "plaats" and v not in (None, "")}
    place = str(values.get("plaats") or "").strip()
    if place:
        data["postcode" if place[:4].isdigit() else "wijk"] = place
    return data


def _load_profile(upload: Any) -> None:
    try:
        raw = json.loads(upload.getvalue().decode("utf-8"))
        profiel = Profiel.model_validate(raw)
    except Exception as exc:  # any bad file: tell the user, keep the current form
        st.error(tr("mentor.load_error", error=str(exc)[:500]))
        return
    data = profiel.model_dump(mode="json")
    store = _state()
    for field in DEFAULTS:
        if field in data and data[field] is not None:
            store[field] = data[field]
    store["plaats"] = data.get("postcode") or data.get("wijk") or data.get("gemeente") or ""
    for field in DEFAULTS:
        st.session_state[widget_key(field, current_language())] = store[field]
    st.success(tr("mentor.load_ok"))


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
    c2.selectbox(tr("mentor.schooltype"), vocab.SCHOOLTYPEN_LEERLING, key=_bind("schooltype"),
                 format_func=code_label("schooltype"))
    c1.selectbox(tr("mentor.school"), list(school_names), key=_bind("school"), placeholder=tr("mentor.school_none"),
                 format_func=school_names.__getitem__)
    c2.selectbox(tr("mentor.profiel"), vocab.VMBO_PROFIELEN, key=_bind("profiel"), placeholder=tr("mentor.profiel_none"),
                 format_func=code_label("profiel"))
    st.subheader(tr("mentor.section_interests"))
    st.multiselect(tr("mentor.interesses"), vocab.INTERESSES, key=_bind("interesses"),
                   format_func=code_label("interesse"), placeholder=tr("app.choose"))
    st.pills(tr("mentor.werkvoorkeuren"), vocab.WERKVOORKEUREN, selection_mode="multi", key=_bind("werkvoorkeuren"),
             format_func=code_label("werkvoorkeur"))
    st.pills(tr("mentor.belangrijk"), vocab.BELANGRIJK, selection_mode="multi", key=_bind("belangrijk"),
             format_func=code_label("belangrijk"))
    st.radio(tr("mentor.leerweg_voorkeur"), vocab.LEERWEG_VOORKEUR, key=_bind("leerweg_voorkeur"),
             format_func=code_label("leerweg_voorkeur"), horizontal=True)
    st.subheader(tr("mentor.section_place"))
    c3, c4 = st.columns(2)
    c3.text_input(tr("mentor.postcode"), key=_bind("plaats"), help=tr("mentor.postcode_help"))
    c4.slider(tr("mentor.max_km"), 2, 60, key=_bind("max_reisafstand_km"))
    c3.selectbox(tr("mentor.taal_ouders"), vocab.TALEN, key=_bind("taal_ouders"), format_func=code_label("taal"))
    c4.multiselect(tr("mentor.doelgroep"), ["meisjes", "ouders", "migratieachtergrond"],
                   key=_bind("doelgroep_activiteiten"), format_func=code_label("doelgroep"),
                   placeholder=tr("app.choose"))
    submitted = st.form_submit_button(tr("mentor.submit"), type="primary")
_sync()

profile_data = _profile_dict(_state())
st.download_button(tr("mentor.save"), json.dumps(profile_data, ensure_ascii=False, indent=2),
                   file_name="profiel.json", mime="application/json", key="m_save")

if submitted:
    st.session_state["m_show"] = True
if st.session_state.get("m_show"):
    try:
        profiel = Profiel.model_validate(profile_data)
        advies = recommend(kb, profiel, eigen_initiatieven=own_initiatives()).model_dump(mode="json")
    except ValueError as exc:  # pydantic ValidationError and unknown places are ValueErrors
        st.error(tr("mentor.profile_error", error=str(exc)[:800]))
        st.stop()
    parent_lang = profiel.taal_ouders or "nl"
    for melding in advies.get("meldingen", []):
        st.info(melding.get(lang) or melding["nl"])
    if advies.get("waarom_techniek"):
        st.info("💡 " + (advies["waarom_techniek"].get(lang) or advies["waarom_techniek"]["nl"]))
    st.header(tr("mentor.routes"))
    if not advies["routes"]:
        st.warning(tr("mentor.no_routes"))
    for i, route in enumerate(advies["routes"], start=1):
        render_route(i, route, lang, parent_lang)
    alt = advies.get("zonder_techniekprofiel")
    if alt:
        render_no_techniek(kb, alt, lang)
    st.header(tr("mentor.activities"))
    acts = advies.get("activiteiten", [])
    if not acts:
        st.info(tr("mentor.no_activities"))
    else:
        points = activity_points(kb, acts)
        if not points.empty:
            st.map(points, latitude="lat", longitude="lon", size=60)
            st.caption(tr("app.map_offline"))
        for a in acts:
            km = format_km(a["afstand_km"], lang) if a.get("afstand_km") is not None \
                else tr("mentor.national")
            st.markdown(f"- **{a['naam']}** ({km}): {a.get('reden', '')}")
    c5, c6 = st.columns(2)
    # built only when clicked: the PDF takes a moment and most reruns never need it
    c5.download_button(tr("mentor.report_pdf"), lambda: build_pdf(kb, profile_data, advies, parent_lang),
                       file_name="gespreksverslag.pdf", mime="application/pdf", key="m_pdf")
    c6.download_button(tr("mentor.report_html"), lambda: build_html(kb, profile_data, advies, parent_lang),
                       file_name="gespreksverslag.html", mime="text/html", key="m_html")

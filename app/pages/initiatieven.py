"""Initiatieven (decaan): filters, map, table, detail, CSV/Excel export, import of an own list, gap analysis."""
from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path
from typing import Literal

import pandas as pd
import streamlit as st

from app.map import Home
from app.ui import (
    apply_layout,
    as_text,
    code_label,
    current_language,
    kb_or_stop,
    safe_link,
    safe_url,
    text_search_or_none,
    tr,
)
from app.widgets import MapEntry, render_map
from knowledge import vocab
from knowledge.geo import UnknownPlace, resolve_place
from knowledge.i18n import label
from knowledge.sources import source_labels
from recommender.initiatives import (
    ImportFout,
    InitiativeFilter,
    UserCatalogueError,
    export_table,
    gap_analysis,
    import_table,
    load_user_catalogue,
    search_initiatives,
)

apply_layout()
kb = kb_or_stop()
lang = current_language()
st.title(tr("initiatives.title"))
st.caption(tr("initiatives.intro"))

try:
    own = load_user_catalogue(kb)
except UserCatalogueError as exc:
    st.error(tr("initiatives.import_error", error=as_text(exc)))
    own = []

with st.expander("🔎 " + tr("initiatives.filters"), expanded=True):
    c1, c2, c3 = st.columns(3)
    schooltypen = c1.multiselect(tr("initiatives.schooltype"), vocab.SCHOOLTYPEN_INITIATIEF, key="i_schooltype",
                                 format_func=code_label("schooltype_initiatief"), placeholder=tr("app.choose"))
    doelgroepen = c2.multiselect(tr("initiatives.doelgroep"), vocab.DOELGROEPEN, key="i_doelgroep",
                                 format_func=code_label("doelgroep"), placeholder=tr("app.choose"))
    activiteiten = c3.multiselect(tr("initiatives.activiteit"), vocab.ACTIVITEITEN, key="i_activiteit",
                                  format_func=code_label("activiteit"), placeholder=tr("app.choose"))
    branches = c1.multiselect(tr("initiatives.branche"), vocab.BRANCHES, key="i_branche",
                              format_func=code_label("branche"), placeholder=tr("app.choose"))
    praktijk = c2.multiselect(tr("initiatives.praktijk"), vocab.PRAKTIJK, key="i_praktijk",
                              format_func=code_label("praktijk"), placeholder=tr("app.choose"))
    q = c3.text_input(tr("initiatives.q"), key="i_q")
    near = c1.text_input(tr("initiatives.near"), key="i_near")
    km = c2.slider(tr("initiatives.km"), 1, 60, 10, key="i_km")

try:
    flt = InitiativeFilter(schooltypen=schooltypen, doelgroepen=doelgroepen, activiteiten=activiteiten,
                           branches=branches, praktijk=praktijk, near=near or None, km=km if near else None, q=q or None)
    hits = search_initiatives(kb, flt, extra=own, text_search=text_search_or_none() if q else None)
except ValueError as exc:  # unknown place or value: say what is accepted
    st.error(as_text(exc))
    st.stop()

st.subheader(tr("initiatives.results", n=len(hits)))
tab_map, tab_list, tab_detail = st.tabs([tr("initiatives.map"), tr("initiatives.table"), tr("initiatives.detail")])
with tab_map:  # the offline map (app/map.py): no map style or tiles from a third party
    home = None
    if near:
        with contextlib.suppress(UnknownPlace):
            place = resolve_place(kb, near)
            home = Home(place.naam, place.lat, place.lon)
    render_map(kb, [MapEntry(h.initiatief.naam, h.initiatief.locatie.lat, h.initiatief.locatie.lon, h.afstand_km)
                    for h in hits if not h.initiatief.landelijk_online], home, lang)
with tab_list:
    shown = pd.DataFrame({
        "naam": [h.initiatief.naam for h in hits],
        "km": [None if h.afstand_km is None else round(h.afstand_km, 1) for h in hits],
        tr("initiatives.organiser"): [h.initiatief.organisator for h in hits],
        tr("initiatives.praktijk"): [label("praktijk", h.initiatief.praktijkgerichtheid, lang) for h in hits],
        tr("initiatives.website"): [safe_url(h.initiatief.website) for h in hits],
    })
    st.dataframe(shown, hide_index=True, use_container_width=True,
                 column_config={tr("initiatives.website"): st.column_config.LinkColumn()})
with tab_detail:
    if hits:
        chosen = st.selectbox(tr("initiatives.detail"), range(len(hits)), key="i_detail",
                              format_func=lambda i: hits[i].initiatief.naam)
        ini = hits[chosen].initiatief
        # records (the user's own imported ones too) are data: shown as text, never rendered as Markdown/HTML
        st.markdown(f"### {as_text(ini.naam, keep_lines=False)}")
        st.markdown(as_text(ini.omschrijving))
        st.markdown(
            f"- {tr('initiatives.organiser')}: {as_text(ini.organisator, keep_lines=False)}\n"
            f"- {tr('initiatives.schooltype')}: {', '.join(label('schooltype_initiatief', c, lang) for c in ini.schooltypen)}\n"
            f"- {tr('initiatives.doelgroep')}: {', '.join(label('doelgroep', c, lang) for c in ini.doelgroepen)}\n"
            f"- {tr('initiatives.activiteit')}: {', '.join(label('activiteit', c, lang) for c in ini.activiteiten)}\n"
            f"- {tr('initiatives.branche')}: {', '.join(label('branche', c, lang) for c in ini.branches)}\n"
            f"- {tr('initiatives.praktijk')}: {label('praktijk', ini.praktijkgerichtheid, lang)}"
        )
        if ini.website:
            st.markdown(safe_link(tr("initiatives.website"), ini.website))
        st.caption(tr("ask.sources") + ": " + as_text("; ".join(source_labels(kb, ini.bronnen, lang, "full"))))

c4, c5 = st.columns(2)


def _export_bytes(fmt: Literal["csv", "xlsx"]) -> bytes:
    """The package's own export (the same as `lob-kompas initiatives --csv/--xlsx`), built when clicked."""
    if fmt == "csv":
        text = io.StringIO()
        export_table(hits, kb, text, "csv")
        return text.getvalue().encode("utf-8-sig")
    buffer = io.BytesIO()
    export_table(hits, kb, buffer, "xlsx")
    return buffer.getvalue()


c4.download_button(tr("initiatives.export_csv"), lambda: _export_bytes("csv"),
                   file_name="initiatieven.csv", mime="text/csv", key="i_csv")


c5.download_button(tr("initiatives.export_xlsx"), lambda: _export_bytes("xlsx"), file_name="initiatieven.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="i_xlsx")

st.header("📥 " + tr("initiatives.import_title"))
st.caption(tr("initiatives.import_help"))
upload = st.file_uploader(tr("initiatives.import_title"), type=["csv", "xlsx", "txt"], key="i_upload",
                          label_visibility="collapsed")
if upload is not None and st.session_state.get("i_upload_done") != upload.file_id:
    st.session_state["i_upload_done"] = upload.file_id
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(upload.name).name
        path.write_bytes(upload.getvalue())
        try:
            result = import_table(path, kb)
        except (ImportFout, UserCatalogueError) as exc:
            st.error(tr("initiatives.import_error", error=str(exc)))
        else:
            st.success(tr("initiatives.import_ok", n=result.geimporteerd))
            if result.fouten:
                st.warning(tr("initiatives.import_bad", n=len(result.fouten)))
                st.dataframe(pd.DataFrame([{"rij": f.rij, "naam": f.naam, "reden": "; ".join(f.redenen)}
                                           for f in result.fouten]), hide_index=True)

st.header("🧩 " + tr("initiatives.gaps_title"))
g1, g2 = st.columns(2)
gap_place = g1.text_input(tr("initiatives.gaps_place"), value="ETL", key="g_place")
gap_km = g2.slider(tr("initiatives.km"), 1, 60, 10, key="g_km")
if gap_place:
    try:
        report = gap_analysis(kb, gap_place, gap_km, extra=own)
    except ValueError as exc:
        st.error(as_text(exc))
    else:
        if report.gaps:
            for gap in report.gaps:
                st.warning(gap.zin)
        else:
            st.success(tr("initiatives.gaps_none"))
        st.caption(report.telregel)
        if report.vmbo_profielaanbod:
            st.subheader(tr("initiatives.campus_vmbo"))
            st.dataframe(pd.DataFrame({
                tr("initiatives.campus_vmbo_what"): [a.omschrijving.partition("schoollocatie met ")[2] or a.omschrijving
                                                     for a in report.vmbo_profielaanbod],
                "%": [a.waarde for a in report.vmbo_profielaanbod],
            }), hide_index=True, use_container_width=True)
            refs = list(dict.fromkeys(a.bron for a in report.vmbo_profielaanbod))
            st.caption(tr("initiatives.campus_vmbo_note", jaar=report.vmbo_profielaanbod[0].jaar or "-") + " "
                       + tr("ask.sources") + ": " + "; ".join(source_labels(kb, refs, lang)))
        st.subheader(tr("initiatives.gaps_counts"))
        kinds = {"doelgroep": "doelgroep", "schooltype": "schooltype_initiatief", "activiteit": "activiteit",
                 "praktijk": "praktijk", "branche": "branche"}
        cols = st.columns(2)
        for i, (dim, kind) in enumerate(kinds.items()):
            counts = report.tellingen.get(dim, {})
            chart = pd.DataFrame({"code": [label(kind, c, lang) for c in counts], "n": list(counts.values())})
            cols[i % 2].bar_chart(chart, x="code", y="n", horizontal=True, height=200)

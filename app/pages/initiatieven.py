"""Initiatieven (decaan): search with filters and dates, map, list, detail, readable export; the school's own
lists (template, import with preview and editable mapping, view, undo, delete; decaan role only); gap analysis.

Every decision is made in :mod:`recommender.initiatives` and :mod:`app.access`; this page renders. The
school's own records are read once per change of the database (the store checks a version number).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import textwrap
import time
from typing import Any

import pandas as pd
import streamlit as st

from app.access import MAX_PASSWORD_TRIES, PAUSE_SECONDS, Access, check_password, decide
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
from knowledge.i18n.formats import format_date, format_km, format_percent
from knowledge.sources import EIGEN_IMPORT, source_labels
from recommender.initiatives import (
    DuplicatesFound,
    ImportFout,
    InitiativeFilter,
    UnknownList,
    UserCatalogueError,
    catalogue,
    gap_analysis,
    gap_sentence,
    gap_summary,
    make_preview,
    read_upload,
    save_preview,
    search_initiatives,
)
from recommender.initiatives.catalogue import OnDuplicate, local_user
from recommender.initiatives.dates import when_text
from recommender.initiatives.gaps import DIMENSION_KEYS, GAP_CODES, own_ids, records_of
from recommender.initiatives.mapping import FIELDS
from recommender.initiatives.table_io import (
    DEFAULTABLE,
    export_csv_bytes,
    export_xlsx_bytes,
    template_bytes,
)

SHOW_MAX = 300  # rows in the on-screen list; the export has them all
MAP_MAX = 200  # pins on the offline map (numbered, each with a line in the list beside it)
PREVIEW_ROWS = 50
DUPLICATE_CHOICES: list[OnDuplicate] = ["keep", "update"]
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

apply_layout()
kb = kb_or_stop()
lang = current_language()
st.title(tr("initiatives.title"))
st.caption(tr("initiatives.intro"))


def is_own(ini: Any) -> bool:
    return any(r.bron == EIGEN_IMPORT for r in ini.bronnen)


def file_message(exc: ImportFout) -> str:
    """The message in the user's language; the values it quotes (file name, columns, cells) stay text."""
    return tr(f"initiatives.file.{exc.code}", **{k: as_text(v, keep_lines=False) for k, v in exc.values.items()})


store = catalogue()
try:
    own = store.records()
    db_problem = None
    if st.session_state.get("i_warm") != (id(own), len(own)):
        # once per change of the own lists: build the search index with its text part now, so that the
        # first text search on a 20,000-row list does not pay for it
        search_initiatives(kb, InitiativeFilter(q="techniek"), extra=own, limit=1)
        st.session_state["i_warm"] = (id(own), len(own))
except UserCatalogueError as exc:
    own, db_problem = [], str(exc)
    st.error(tr("initiatives.db_error", error=as_text(db_problem)))


def current_access() -> Access:
    try:
        logged_in = bool(st.user.is_logged_in)
        email = st.user.get("email") if logged_in else None
        email = email if isinstance(email, str) else None
    except Exception:  # no [auth] configured: st.user has no login state
        logged_in, email = False, None
    return decide(
        st.get_option("server.address"),
        st.secrets,
        user_email=email,
        logged_in=logged_in,
        password_name=st.session_state.get("i_decaan_name"),
        local_name=local_user(),
    )


access = current_access()

# --- search ---------------------------------------------------------------------------------------
with st.expander("🔎 " + tr("initiatives.filters"), expanded=True):
    c1, c2, c3 = st.columns(3)
    # one multiselect per filterable dimension of the one registry (vocab.DIMENSIES), in its order
    filter_values: dict[str, Any] = {}
    filterable = [(n, d.filter_field, d) for n, d in vocab.DIMENSIES.items() if d.filter_field]
    for i, (name, field, dimensie) in enumerate(filterable):
        filter_values[field] = (c1, c2, c3)[i % 3].multiselect(
            tr(f"initiatives.{name}"),
            dimensie.codes,
            key=f"i_{name}",
            format_func=code_label(dimensie.label_kind),
            placeholder=tr("app.choose"),
        )
    q = c3.text_input(tr("initiatives.q"), key="i_q")
    near = c1.text_input(tr("initiatives.near"), key="i_near")
    km = c2.slider(tr("initiatives.km"), 1, 60, 10, key="i_km")
    komend = c3.toggle(tr("initiatives.komend"), key="i_komend", help=tr("initiatives.komend_help"))

try:
    flt = InitiativeFilter(
        **filter_values,
        near=near or None,
        km=km if near else None,
        q=q or None,
        komend=komend,
    )
    hits = search_initiatives(kb, flt, extra=own, text_search=text_search_or_none() if q else None)
except ValueError as exc:  # unknown place or value: say what is accepted
    st.error(as_text(exc))
    st.stop()

own_set = own_ids(own)
n_own = sum(1 for ini in records_of(hits)[0] if ini.id in own_set)  # without making 20,000 hit objects
st.subheader(tr("initiatives.results", n=len(hits)))
if n_own:
    st.caption(tr("initiatives.results_own", n=n_own))
shown = hits[:SHOW_MAX]
tab_list, tab_map, tab_detail = st.tabs([tr("initiatives.table"), tr("initiatives.map"), tr("initiatives.detail")])
with tab_list:
    own_label, kb_label = tr("bron.own_list"), tr("initiatives.from_kb")
    columns: dict[str, Any] = {
        tr("initiatives.field.naam"): [h.initiatief.naam for h in shown],
        tr("initiatives.when"): [when_text(h.initiatief, lang) for h in shown],
    }
    if any(h.afstand_km is not None for h in shown):  # only with a place; landelijk/online rows stay empty
        columns[tr("initiatives.col.afstand")] = pd.Series(
            [None if h.afstand_km is None else round(h.afstand_km, 1) for h in shown], dtype="float64"
        )
    table = pd.DataFrame(
        columns
        | {
            tr("initiatives.activiteit"): [
                ", ".join(label("activiteit", c, lang) for c in h.initiatief.activiteiten) for h in shown
            ],
            tr("initiatives.organiser"): [h.initiatief.organisator for h in shown],
            tr("initiatives.col.bron"): [own_label if is_own(h.initiatief) else kb_label for h in shown],
            tr("initiatives.website"): [safe_url(h.initiatief.website) for h in shown],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={tr("initiatives.website"): st.column_config.LinkColumn()},
    )
    if len(hits) > SHOW_MAX:
        st.caption(tr("initiatives.shown_first", shown=SHOW_MAX, n=len(hits)))
with tab_map:  # the offline map (app/map.py): no map style or tiles from a third party
    home = None
    if near:
        with contextlib.suppress(UnknownPlace):
            place = resolve_place(kb, near)
            home = Home(place.naam, place.lat, place.lon)
    on_map = [h for h in hits[:MAP_MAX] if not h.initiatief.landelijk_online]
    render_map(
        kb,
        [MapEntry(h.initiatief.naam, h.initiatief.locatie.lat, h.initiatief.locatie.lon, h.afstand_km) for h in on_map],
        home,
        lang,
    )
    if len(hits) > MAP_MAX:
        st.caption(tr("initiatives.shown_first", shown=MAP_MAX, n=len(hits)))
with tab_detail:
    if shown:
        chosen = st.selectbox(
            tr("initiatives.detail"), range(len(shown)), key="i_detail", format_func=lambda i: shown[i].initiatief.naam
        )
        ini = shown[chosen].initiatief
        # records (the school's own imported ones too) are data: shown as text, never rendered as Markdown/HTML
        st.markdown(f"### {as_text(ini.naam, keep_lines=False)}")
        if ini.omschrijving:
            st.markdown(as_text(ini.omschrijving))
        when = when_text(ini, lang)
        st.markdown(
            f"- {tr('initiatives.organiser')}: {as_text(ini.organisator, keep_lines=False)}\n"
            + (f"- {tr('initiatives.when')}: {when}\n" if when else "")
            + f"- {tr('initiatives.schooltype')}: "
            f"{', '.join(label('schooltype_initiatief', c, lang) for c in ini.schooltypen)}\n"
            f"- {tr('initiatives.doelgroep')}: {', '.join(label('doelgroep', c, lang) for c in ini.doelgroepen)}\n"
            f"- {tr('initiatives.activiteit')}: {', '.join(label('activiteit', c, lang) for c in ini.activiteiten)}\n"
            f"- {tr('initiatives.branche')}: {', '.join(label('branche', c, lang) for c in ini.branches)}\n"
            f"- {tr('initiatives.praktijk')}: {label('praktijk', ini.praktijkgerichtheid, lang)}"
        )
        if ini.website:
            st.markdown(safe_link(tr("initiatives.website"), ini.website))
        st.caption(tr("ask.sources") + ": " + as_text("; ".join(source_labels(kb, ini.bronnen, lang, "full"))))

c4, c5 = st.columns(2)
# built only when clicked: with a long own list a file takes a moment and most reruns never need it
c4.download_button(
    tr("initiatives.export_xlsx"),
    lambda: export_xlsx_bytes(hits, kb, lang),
    file_name="activiteiten.xlsx",
    mime=XLSX_MIME,
    key="i_xlsx",
)
c5.download_button(
    tr("initiatives.export_csv"),
    lambda: export_csv_bytes(hits, kb, lang),
    file_name="activiteiten.csv",
    mime="text/csv",
    key="i_csv",
)

# --- the school's own lists ----------------------------------------------------------------------
st.header("📥 " + tr("initiatives.lists_title"))


def show_access(access: Access) -> None:
    st.info(tr(f"initiatives.access.{access.reason}"))
    if access.login_available:
        st.button(tr("initiatives.access.login"), on_click=st.login, key="i_login")
    if access.password_available:
        paused = st.session_state.get("i_pw_pause_until", 0.0)
        with st.form("i_pw_form"):
            name = st.text_input(tr("initiatives.access.name"), key="i_pw_name")
            password = st.text_input(tr("initiatives.access.password"), type="password", key="i_pw")
            sent = st.form_submit_button(tr("initiatives.access.password_submit"))
        if sent:
            if time.time() < paused:
                st.error(tr("initiatives.access.pause", s=int(paused - time.time()) + 1))
                return
            stored = str(st.secrets["lob_kompas"]["decaan_password_hash"])
            if name.strip() and check_password(password, stored):
                st.session_state["i_decaan_name"] = name.strip()[:80]
                st.session_state.pop("i_pw_tries", None)
                st.rerun()
            tries = st.session_state.get("i_pw_tries", 0) + 1
            st.session_state["i_pw_tries"] = tries
            if tries >= MAX_PASSWORD_TRIES:
                st.session_state["i_pw_pause_until"] = time.time() + PAUSE_SECONDS
                st.session_state["i_pw_tries"] = 0
            st.error(tr("initiatives.access.wrong"))


def field_label(fld: str | None) -> str:
    return tr(f"initiatives.field.{fld}") if fld else tr("initiatives.map_none")


def preview_section() -> None:
    st.caption(tr("initiatives.import_help"))
    st.download_button(
        tr("initiatives.template"),
        lambda: template_bytes(lang),
        file_name="lijst_activiteiten.xlsx",
        mime=XLSX_MIME,
        key="i_template",
        help=tr("initiatives.template_help"),
    )
    upload = st.file_uploader(
        tr("initiatives.import_title"), type=["csv", "xlsx", "xls", "ods", "txt", "xlsm"], key="i_upload"
    )
    if upload is None:
        return
    fid = upload.file_id
    if st.session_state.get("i_saved") == fid:
        st.success(st.session_state.get("i_saved_msg", ""))
        return
    if st.session_state.get("i_sheet_id") != fid:
        try:
            st.session_state["i_sheet"] = read_upload(upload.name, upload.getvalue())
            st.session_state["i_sheet_error"] = None
        except ImportFout as exc:
            st.session_state["i_sheet"] = None
            st.session_state["i_sheet_error"] = file_message(exc)
        st.session_state["i_sheet_id"] = fid
    if st.session_state.get("i_sheet_error"):
        st.error(tr("initiatives.import_error", error=st.session_state["i_sheet_error"]))
        return
    sheet = st.session_state["i_sheet"]
    st.subheader(tr("initiatives.preview_title", file=as_text(sheet.file_name, keep_lines=False)))
    st.caption(tr("initiatives.preview_found", n=len(sheet.rows), row=sheet.header_row, skipped=sheet.skipped_rows))

    # mapping: one choice per column, suggested by mapping.py, editable
    try:
        suggested = (
            make_preview(sheet, kb, check_duplicates=False)
            if "i_suggested" not in st.session_state or st.session_state.get("i_suggested_id") != fid
            else st.session_state["i_suggested"]
        )
    except ImportFout as exc:
        suggested = None
        st.warning(file_message(exc))
    if suggested is not None:
        st.session_state["i_suggested"], st.session_state["i_suggested_id"] = suggested, fid
    st.markdown("**" + tr("initiatives.mapping_title") + "**")
    st.caption(tr("initiatives.mapping_help"))
    options: list[str | None] = [None, *FIELDS]
    choices: dict[str, str | None] = {}
    cols = st.columns(3)
    for col in (
        suggested.kolommen
        if suggested
        else [{"index": i, "kop": h, "veld": None, "hoe": "onbekend"} for i, h in enumerate(sheet.header)]
    ):
        sample = next(
            (
                str(cells[col["index"]])
                for _, cells in sheet.rows[:20]
                if col["index"] < len(cells) and cells[col["index"]] not in (None, "")
            ),
            "",
        )
        chosen = cols[col["index"] % 3].selectbox(
            col["kop"],
            options,
            index=options.index(col["veld"]),
            format_func=field_label,
            key=f"i_map_{fid}_{col['index']}",
            help=tr("initiatives.mapping_sample", sample=sample[:60]) if sample else None,
        )
        choices[col["kop"]] = chosen

    # defaults for empty cells and absent columns
    st.markdown("**" + tr("initiatives.defaults_title") + "**")
    st.caption(tr("initiatives.defaults_help"))
    initial = suggested.standaardwaarden if suggested else {}
    d1, d2, d3 = st.columns(3)
    defaults: dict[str, Any] = {}
    kinds = {
        "activiteiten": ("activiteit", vocab.ACTIVITEITEN),
        "schooltypen": ("schooltype_initiatief", vocab.SCHOOLTYPEN_INITIATIEF),
        "doelgroepen": ("doelgroep", vocab.DOELGROEPEN),
        "branches": ("branche", vocab.BRANCHES),
    }
    for i, (fld, (kind, codes)) in enumerate(kinds.items()):
        defaults[fld] = (d1, d2, d3)[i % 3].multiselect(
            tr(f"initiatives.field.{fld}"),
            codes,
            default=initial.get(fld, []),
            format_func=code_label(kind),
            key=f"i_def_{fid}_{fld}",
            placeholder=tr("app.choose"),
        )
    prak = d2.selectbox(
        tr("initiatives.field.praktijkgerichtheid"),
        [None, *vocab.PRAKTIJK],
        format_func=lambda c: tr("app.choose") if c is None else label("praktijk", c, lang),
        key=f"i_def_{fid}_praktijk",
    )
    if prak:
        defaults["praktijkgerichtheid"] = prak
    gemeente = d3.text_input(tr("initiatives.default_place"), key=f"i_def_{fid}_gemeente")
    if gemeente.strip():
        defaults["gemeente"] = gemeente.strip()
    defaults = {k: v for k, v in defaults.items() if v and k in DEFAULTABLE}

    signature = hashlib.sha256(json.dumps([fid, choices, defaults], sort_keys=True, default=str).encode()).hexdigest()
    if st.session_state.get("i_preview_sig") != signature:
        try:
            st.session_state["i_preview"] = make_preview(sheet, kb, choices=choices, defaults=defaults, store=store)
            st.session_state["i_preview_error"] = None
        except (ImportFout, ValueError) as exc:
            st.session_state["i_preview"] = None
            st.session_state["i_preview_error"] = file_message(exc) if isinstance(exc, ImportFout) else as_text(exc)
        st.session_state["i_preview_sig"] = signature
    if st.session_state.get("i_preview_error"):
        st.error(st.session_state["i_preview_error"])
        return
    preview = st.session_state["i_preview"]

    m1, m2, m3 = st.columns(3)
    m1.metric(tr("initiatives.preview_good"), len(preview.goed))
    m2.metric(tr("initiatives.preview_bad"), len(preview.fouten))
    m3.metric(tr("initiatives.preview_dup"), len({d.naam for d in preview.dubbel}))
    if preview.goed:
        st.dataframe(
            pd.DataFrame(
                {
                    tr("initiatives.row"): preview.rijen[:PREVIEW_ROWS],
                    tr("initiatives.field.naam"): [r.naam for r in preview.goed[:PREVIEW_ROWS]],
                    tr("initiatives.field.activiteiten"): [
                        ", ".join(label("activiteit", c, lang) for c in r.activiteiten)
                        for r in preview.goed[:PREVIEW_ROWS]
                    ],
                    tr("initiatives.when"): [when_text(r, lang) for r in preview.goed[:PREVIEW_ROWS]],
                    tr("initiatives.field.voor_wie"): [
                        ", ".join(
                            [label("doelgroep", c, lang) for c in r.doelgroepen]
                            + [label("schooltype_initiatief", c, lang) for c in r.schooltypen]
                        )
                        for r in preview.goed[:PREVIEW_ROWS]
                    ],
                    tr("initiatives.where"): [
                        tr("initiatives.national")
                        if r.landelijk_online
                        else (r.locatie.naam or r.locatie.gemeente or r.locatie.adres or "")
                        for r in preview.goed[:PREVIEW_ROWS]
                    ],
                    tr("initiatives.organiser"): [r.organisator for r in preview.goed[:PREVIEW_ROWS]],
                }
            ),
            hide_index=True,
            width="stretch",
        )
        if len(preview.goed) > PREVIEW_ROWS:
            st.caption(tr("initiatives.shown_first", shown=PREVIEW_ROWS, n=len(preview.goed)))
    if preview.fouten:
        st.warning(tr("initiatives.import_bad", n=len(preview.fouten)))
        st.dataframe(
            pd.DataFrame(
                {
                    tr("initiatives.row"): [f.rij for f in preview.fouten[:500]],
                    tr("initiatives.field.naam"): [f.naam or "" for f in preview.fouten[:500]],
                    tr("initiatives.problem"): [f.text(lang) for f in preview.fouten[:500]],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    if preview.ontbrekend:
        st.error(
            tr("initiatives.missing_fields", fields=", ".join(tr(f"initiatives.field.{f}") for f in preview.ontbrekend))
        )
        return
    on_duplicate: OnDuplicate | None = None
    if preview.dubbel:
        st.warning(tr("initiatives.dup_found", n=len({d.naam for d in preview.dubbel})))
        st.dataframe(
            pd.DataFrame(
                {
                    tr("initiatives.row"): [d.rij for d in preview.dubbel],
                    tr("initiatives.field.naam"): [d.naam for d in preview.dubbel],
                    tr("initiatives.dup_in_list"): [d.lijst_naam for d in preview.dubbel],
                    tr("initiatives.dup_differs"): [
                        ", ".join(
                            tr(f"initiatives.field.{f}") if f != "locatie" else tr("initiatives.where")
                            for f in d.verschillen
                        )
                        for d in preview.dubbel
                    ],
                }
            ),
            hide_index=True,
            width="stretch",
        )
        on_duplicate = st.radio(
            tr("initiatives.dup_choice"),
            DUPLICATE_CHOICES,
            key=f"i_dup_{fid}",
            format_func=lambda c: tr(f"initiatives.dup_{c}"),
            index=None,
        )
    name = st.text_input(tr("initiatives.list_name"), value=sheet.file_name.rsplit(".", 1)[0], key=f"i_name_{fid}")
    disabled = not preview.goed or (bool(preview.dubbel) and on_duplicate is None)
    if st.button(tr("initiatives.save", n=len(preview.goed)), type="primary", disabled=disabled, key=f"i_save_{fid}"):
        try:
            result = save_preview(
                preview, list_name=name, who=access.who or "?", how=access.how, on_duplicate=on_duplicate, store=store
            )
        except DuplicatesFound:  # a list with the same names was saved meanwhile: show the choice again
            st.session_state.pop("i_preview_sig", None)
            st.rerun()
        except UserCatalogueError as exc:
            st.error(tr("initiatives.db_error", error=as_text(exc)))
        else:
            msg = tr("initiatives.saved", name=as_text(result.lijst.naam, keep_lines=False), n=len(result.ids))
            if result.vervangen:
                msg += " " + tr("initiatives.saved_replaced", n=len(result.vervangen))
            st.session_state["i_saved"], st.session_state["i_saved_msg"] = fid, msg
            st.rerun()


def when_stamp(value: dt.datetime) -> str:
    local = value.astimezone()
    return f"{format_date(local.date(), lang)} {local:%H:%M}"


def lists_section() -> None:
    try:
        lists = store.lists()
    except UserCatalogueError as exc:
        st.error(tr("initiatives.db_error", error=as_text(exc)))
        return
    st.subheader(tr("initiatives.lists_saved"))
    if not lists:
        st.caption(tr("initiatives.lists_none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                "#": [i.id for i in lists],
                tr("initiatives.list_name"): [i.naam for i in lists],
                tr("initiatives.list_rows"): [f"{i.actief} / {i.aantal}" for i in lists],
                tr("initiatives.list_by"): [i.aangemaakt_door for i in lists],
                tr("initiatives.list_at"): [when_stamp(i.aangemaakt_op) for i in lists],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    by_id = {i.id: i for i in lists}
    chosen = st.selectbox(
        tr("initiatives.list_choose"), list(by_id), key="i_list", format_func=lambda i: f"#{i} {by_id[i].naam}"
    )
    if chosen is None:
        return
    with st.expander(tr("initiatives.list_view", name=as_text(by_id[chosen].naam, keep_lines=False))):
        try:
            records = store.list_records(chosen, limit=SHOW_MAX)
        except UnknownList:
            records = []
        st.dataframe(
            pd.DataFrame(
                {
                    tr("initiatives.field.naam"): [r.naam for r, _ in records[:SHOW_MAX]],
                    tr("initiatives.when"): [when_text(r, lang) for r, _ in records[:SHOW_MAX]],
                    tr("initiatives.where"): [
                        tr("initiatives.national")
                        if r.landelijk_online
                        else (r.locatie.naam or r.locatie.gemeente or "")
                        for r, _ in records[:SHOW_MAX]
                    ],
                    tr("initiatives.list_active"): [active for _, active in records[:SHOW_MAX]],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    if not access.allowed:
        return
    b1, b2 = st.columns(2)
    confirm = b1.checkbox(
        tr("initiatives.delete_confirm", name=as_text(by_id[chosen].naam, keep_lines=False)), key=f"i_del_ok_{chosen}"
    )
    if b1.button(tr("initiatives.delete"), disabled=not confirm, key=f"i_del_{chosen}"):
        try:
            info = store.delete_list(chosen, who=access.who or "?")
            st.session_state["i_list_msg"] = tr(
                "initiatives.deleted", name=as_text(info.naam, keep_lines=False), n=info.aantal
            )
        except UserCatalogueError as exc:
            st.session_state["i_list_msg"] = tr("initiatives.db_error", error=as_text(exc))
        st.rerun()
    newest = lists[0]
    if b2.button(tr("initiatives.undo", name=as_text(newest.naam, keep_lines=False)), key="i_undo"):
        try:
            undone = store.undo_last(who=access.who or "?")
            st.session_state["i_list_msg"] = tr(
                "initiatives.undone", name=as_text(undone.naam, keep_lines=False) if undone else "-"
            )
        except UserCatalogueError as exc:
            st.session_state["i_list_msg"] = tr("initiatives.db_error", error=as_text(exc))
        st.rerun()


if st.session_state.get("i_list_msg"):
    st.success(st.session_state.pop("i_list_msg"))
if access.allowed:
    st.caption(tr("initiatives.access.as", who=as_text(access.who or "?", keep_lines=False)))
    preview_section()
else:
    show_access(access)
lists_section()

# --- gaps ----------------------------------------------------------------------------------------
st.header("🧩 " + tr("initiatives.gaps_title"))
g1, g2 = st.columns(2)
gap_place = g1.text_input(tr("initiatives.gaps_place"), value="ETL", key="g_place")
gap_km = g2.slider(tr("initiatives.km"), 1, 60, 10, key="g_km")


def gap_chart(report: Any, dim: str) -> dict[str, Any]:
    """A bullet chart per dimension (a Vega-Lite spec): a wide light bar for the share in the region, a dark
    bar on it for the share here; flagged codes carry a warning sign; every label shown, axis in percent."""
    here_name = tr("initiatives.gap.here", km=format_km(report.km, lang), plaats=report.plaats.naam)
    region_name = tr("initiatives.gap.region")
    rows = []
    for k in report.kenmerken:
        if k.dimensie != dim:
            continue
        name = ("⚠ " if k.status != "ok" else "") + label(
            dim if dim != "schooltype" else "schooltype_initiatief", k.code, lang
        )
        # long labels on two or three lines: one 300 px label column squeezed the bars, the legend and the axis
        # title off a 390 px phone ("Leerlingen met een migratieachtergrond")
        name = "\n".join(textwrap.wrap(name, 20)) or name
        rows.append(
            {
                "kenmerk": name,
                "reeks": here_name,
                "aandeel": round(k.aandeel_hier * 100, 1),
                "tekst": f"{k.hier} ({format_percent(k.aandeel_hier, lang)})",
            }
        )
        rows.append(
            {
                "kenmerk": name,
                "reeks": region_name,
                "aandeel": round(k.aandeel_regio * 100, 1),
                "tekst": f"{k.regio} ({format_percent(k.aandeel_regio, lang)})",
            }
        )
    order = list(dict.fromkeys(r["kenmerk"] for r in rows))
    encoding = {
        "y": {
            "field": "kenmerk",
            "type": "nominal",
            "sort": order,
            "title": None,
            "axis": {
                "labelLimit": 160,
                "labelFontSize": 12,
                "labelExpr": "split(datum.label, '\\n')",
                "labelOverlap": False,  # every label shown, also a wrapped one
            },
        },
        "x": {
            "field": "aandeel",
            "type": "quantitative",
            "title": tr("initiatives.gap.axis_share"),
            "scale": {"domain": [0, 100]},
        },
        "color": {
            "field": "reeks",
            "type": "nominal",
            "title": None,
            "scale": {"domain": [here_name, region_name], "range": ["#1f6fb2", "#c5d3e0"]},
            "legend": {"orient": "bottom", "direction": "vertical", "labelLimit": 500, "labelFontSize": 12},
        },
        "tooltip": [
            {"field": "kenmerk", "title": tr(DIMENSION_KEYS[dim])},
            {"field": "reeks", "title": " "},
            {"field": "tekst", "title": tr("initiatives.gap.axis_count")},
        ],
    }
    return {
        "title": {
            "text": tr("initiatives.gap.chart_title", dimensie=tr(DIMENSION_KEYS[dim])),
            "anchor": "start",
            "fontSize": 15,
        },
        "data": {"values": rows},
        "height": {"step": 34},
        "layer": [
            {
                "transform": [{"filter": {"field": "reeks", "equal": region_name}}],
                "mark": {"type": "bar", "size": 20},
                "encoding": encoding,
            },
            {
                "transform": [{"filter": {"field": "reeks", "equal": here_name}}],
                "mark": {"type": "bar", "size": 9},
                "encoding": encoding,
            },
        ],
    }


if gap_place:
    try:
        report = gap_analysis(kb, gap_place, gap_km, extra=own, details=False)
    except ValueError as exc:
        st.error(as_text(exc))
    else:
        st.info(gap_summary(report, lang))
        flagged = report.gaps
        for gap in flagged[:8]:
            st.warning(gap_sentence(gap, report, lang))
        if len(flagged) > 8:
            with st.expander(tr("initiatives.gap.more", n=len(flagged) - 8)):
                for gap in flagged[8:]:
                    st.markdown("- " + as_text(gap_sentence(gap, report, lang)))
        st.caption(tr("initiatives.gap.rule", km=format_km(report.km, lang)))
        if report.vmbo_profielaanbod:
            st.subheader(tr("initiatives.campus_vmbo"))
            st.dataframe(
                pd.DataFrame(
                    {
                        tr("initiatives.campus_vmbo_what"): [
                            a.omschrijving.partition("schoollocatie met ")[2] or a.omschrijving
                            for a in report.vmbo_profielaanbod
                        ],
                        "%": [a.waarde for a in report.vmbo_profielaanbod],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
            refs = list(dict.fromkeys(a.bron for a in report.vmbo_profielaanbod))
            st.caption(
                tr("initiatives.campus_vmbo_note", jaar=report.vmbo_profielaanbod[0].jaar or "-")
                + " "
                + tr("ask.sources")
                + ": "
                + "; ".join(source_labels(kb, refs, lang))
            )
        st.subheader(tr("initiatives.gaps_counts"))
        # one chart per row: the page is a narrow centred column since issue 12's layout, and two side by side
        # squeezed the bars and cut off axis titles and legends
        for dim in GAP_CODES:
            st.vega_lite_chart(gap_chart(report, dim), width="stretch")

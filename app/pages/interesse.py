"""Wat vind jij leuk? The picture-based interest check (issue 16), for a pupil alone on a phone or laptop.

One picture at a time with three big buttons (leuk / weet niet / niet leuk); then the top interests in
words and pictures, which pre-fill the mentor's form. The answers live in this browser session only:
nothing is logged or stored. Scoring is done by :mod:`recommender.interest`; this page only renders.
"""

from __future__ import annotations

import base64
import html
import json
from functools import cache
from typing import Any

import pandas as pd
import streamlit as st

from app.ui import apply_layout, code_label, current_language, tr
from knowledge import vocab
from recommender.interest import Item, Uitslag, load_items, picture_path, profiel_json, scoor, vul_profiel
from recommender.profile import LEERJAREN_PER_SCHOOLTYPE

ANSWERS = "ic_antwoorden"  # item id -> leuk / weet_niet / niet_leuk, this session only
POS = "ic_pos"  # index of the picture shown; len(items) shows the result
# The mentor page keeps its form in st.session_state[MENTOR_STORE] and names its widgets
# mentor_widget_key(field, lang) (app/pages/mentor.py: STORE, widget_key). tests/app/test_interesse.py checks
# that the mentor form really shows what this page sets, so a renamed key fails a test, not a pupil.
MENTOR_STORE = "mentor_profiel"
MENTOR_PAGE = "pages/mentor.py"

_CSS = """
<style>
/* big answer buttons side by side, also on a phone: easy to hit with a thumb, all three in view;
   the result's pictures too, so the top three are seen at a glance */
.st-key-ic_knoppen [data-testid="stHorizontalBlock"], [class*="st-key-ic_kaarten"] [data-testid="stHorizontalBlock"] {
  flex-wrap: nowrap !important; gap: .5rem; }
.st-key-ic_knoppen [data-testid="stColumn"], [class*="st-key-ic_kaarten"] [data-testid="stColumn"] {
  min-width: 0 !important; width: auto !important; flex: 1 1 0 !important; }
.st-key-ic_knoppen button { min-height: 4rem; padding: .25rem .4rem; line-height: 1.2; }
.st-key-ic_knoppen button p { font-size: 1.15rem; white-space: normal; overflow-wrap: anywhere; }
/* after a tap the button keeps focus (so a keyboard user can go on with Enter); only a keyboard focus shows a
   ring, else the next picture would look as if it were already answered */
.st-key-ic_knoppen button[kind="secondary"]:focus:not(:focus-visible) { border-color: rgba(49, 51, 63, .2);
  color: inherit; box-shadow: none; }
@media (hover: none) { .st-key-ic_knoppen button[kind="secondary"]:hover { border-color: rgba(49, 51, 63, .2);
  color: inherit; background: transparent; } }
.ic-plaatje img { display: block; width: 100%; max-width: 460px; max-height: 36vh; object-fit: contain;
  margin: 0 auto; border-radius: 14px; }
.ic-kaart { text-align: center; }
.ic-kaart img { display: block; width: 100%; max-width: 220px; height: auto; margin: 0 auto .3rem; border-radius: 12px; }
.ic-kaart p { font-weight: 600; margin: 0; font-size: .95rem; line-height: 1.25; overflow-wrap: anywhere; }
.ic-woorden { font-size: 1.3rem; font-weight: 600; text-align: center; margin: .2rem 0 0; }
.ic-vraag { text-align: center; margin: 0; }
@media (max-width: 640px) {
  /* the picture and the buttons fit on one phone screen: a smaller title, less space above it */
  .stMainBlockContainer { padding-top: 3.5rem; }
  .stMainBlockContainer h1 { font-size: 1.75rem; padding-top: .25rem; }
  .stMainBlockContainer h2 { font-size: 1.45rem; }
  .stMainBlockContainer h3 { font-size: 1.2rem; }
}
</style>
"""


def mentor_widget_key(field: str, lang: str) -> str:
    return f"m_{field}@{lang}"


@cache
def _data_uri(file_name: str) -> str:
    path = picture_path(next(i for i in load_items() if i.plaatje == file_name))
    return "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _img(item: Item, lang: str) -> str:
    """The picture as an <img> whose alt text is the item's words (what a screen reader says)."""
    return (
        f'<img src="{_data_uri(item.plaatje)}" width="240" height="180" style="width:100%;height:auto" '
        f'alt="{html.escape(item.tekst(lang), quote=True)}">'
    )


def _state() -> tuple[dict[str, str], int]:
    st.session_state.setdefault(ANSWERS, {})
    st.session_state.setdefault(POS, 0)
    return st.session_state[ANSWERS], st.session_state[POS]


def _answer(item_id: str, answer: str) -> None:
    st.session_state[ANSWERS][item_id] = answer
    st.session_state[POS] += 1


def _back() -> None:
    st.session_state[POS] = max(0, st.session_state[POS] - 1)


def _goto(pos: int) -> None:
    st.session_state[POS] = pos


def _restart() -> None:
    st.session_state[ANSWERS] = {}
    st.session_state[POS] = 0


def _ask(items: tuple[Item, ...], answers: dict[str, str], pos: int, lang: str) -> None:
    item = items[pos]
    if pos == 0:
        st.caption(tr("interesse.intro", total=len(items)))
        st.caption(tr("interesse.privacy"))
    st.progress(pos / len(items), text=tr("interesse.progress", n=pos + 1, total=len(items)))
    st.markdown(f'<div class="ic-plaatje">{_img(item, lang)}</div>', unsafe_allow_html=True)
    st.markdown(f'<p class="ic-woorden">{html.escape(item.tekst(lang))}</p>', unsafe_allow_html=True)
    st.markdown(f'<p class="ic-vraag">{html.escape(tr("interesse.question"))}</p>', unsafe_allow_html=True)
    earlier = answers.get(item.id)
    with st.container(key="ic_knoppen"):
        cols = st.columns(3)
        for col, answer in zip(cols, ("leuk", "weet_niet", "niet_leuk"), strict=True):
            # stable keys: a keyboard user keeps focus on the buttons from picture to picture
            col.button(
                tr(f"interesse.{answer}"),
                key=f"ic_{answer}",
                on_click=_answer,
                args=(item.id, answer),
                use_container_width=True,
                type="primary" if earlier == answer else "secondary",
            )
    if pos > 0:
        st.button(tr("interesse.back"), key="ic_back", on_click=_back)


def _cards(values: list[str], kind: str, pictures: dict[str, Item], lang: str) -> None:
    label = code_label(kind)
    with st.container(key=f"ic_kaarten_{kind}"):
        for start in range(0, len(values), 3):
            row = values[start : start + 3]
            for col, value in zip(st.columns(3), row, strict=False):
                item = pictures[value]
                col.markdown(
                    f'<div class="ic-kaart">{_img(item, lang)}<p>{html.escape(label(value))}</p></div>',
                    unsafe_allow_html=True,
                )


def _try_cards(item_ids: list[str], items: tuple[Item, ...], lang: str) -> None:
    by_id = {i.id: i for i in items}
    chosen = [by_id[i] for i in item_ids]
    with st.container(key="ic_kaarten_probeer"):
        for start in range(0, len(chosen), 2):
            for col, item in zip(st.columns(2), chosen[start : start + 2], strict=False):
                col.markdown(
                    f'<div class="ic-kaart">{_img(item, lang)}<p>{html.escape(item.tekst(lang))}</p></div>',
                    unsafe_allow_html=True,
                )


def _example_pictures(items: tuple[Item, ...], answers: dict[str, str]) -> dict[str, Item]:
    """Per value, the picture that shows it best for this pupil: one they liked, else the first one."""
    out: dict[str, Item] = {}
    for item in sorted(items, key=lambda i: answers.get(i.id) != "leuk"):
        for value in item.meet:
            out.setdefault(value, item)
    return out


def _scores_table(uitslag: Uitslag) -> None:
    interest, work = code_label("interesse"), code_label("werkvoorkeur")
    rows = [
        {
            tr("interesse.col_value"): (interest if s.soort == "interesse" else work)(s.waarde),
            tr("interesse.col_score"): f"{s.score:.2f}",
            tr("interesse.col_leuk"): s.leuk,
            tr("interesse.col_weet_niet"): s.weet_niet,
            tr("interesse.col_niet_leuk"): s.niet_leuk,
        }
        for s in sorted(uitslag.scores, key=lambda s: (s.soort != "interesse", -s.score))
    ]
    st.table(pd.DataFrame(rows).set_index(tr("interesse.col_value")))
    st.caption(tr("interesse.score_help"))


def _mentor_values(field: str, lang: str) -> Any:
    store = st.session_state.get(MENTOR_STORE)
    if store is not None and field in store:
        return store[field]
    return st.session_state.get(mentor_widget_key(field, lang))


def _set_mentor(field: str, value: Any, lang: str) -> None:
    store = st.session_state.get(MENTOR_STORE)
    if store is not None:
        store[field] = value
    st.session_state[mentor_widget_key(field, lang)] = value


def _result(items: tuple[Item, ...], answers: dict[str, str], lang: str) -> None:
    uitslag = scoor(items, answers)
    pictures = _example_pictures(items, answers)
    st.header(tr("interesse.result_title"))
    st.caption(tr("interesse.answered", n=uitslag.beantwoord, total=uitslag.totaal))
    deel = uitslag.interesses
    label = code_label("interesse")
    if deel.status in ("duidelijk", "gelijk"):
        st.success(tr("interesse.result_intro"))
        st.subheader(tr("interesse.top_interests"))
        _cards(deel.top, "interesse", pictures, lang)
        if deel.status == "gelijk":
            st.info(tr("interesse.tie"))
        rest = [v for v in deel.leuk if v not in deel.top]
        if rest:
            st.write(tr("interesse.also_liked", list=", ".join(label(v) for v in rest)))
    else:
        if deel.status == "vlak":
            st.info(tr("interesse.flat", list=", ".join(label(v) for v in deel.leuk)))
        else:
            st.info(tr("interesse.no_clear"))
        st.subheader(tr("interesse.try_title"))
        _try_cards(uitslag.probeer, items, lang)
    st.subheader(tr("interesse.work_title"))
    work = uitslag.werkvoorkeuren.top
    if work:
        _cards(work, "werkvoorkeur", pictures, lang)
    else:
        st.write(tr("interesse.work_unclear"))
    with st.expander(tr("interesse.scores")):
        _scores_table(uitslag)

    # to the mentor's form: the check adds to what is there, it never removes
    current = {f: list(_mentor_values(f, lang) or []) for f in ("interesses", "werkvoorkeuren")}
    filled = vul_profiel(current, uitslag)
    if st.button(
        tr("interesse.to_mentor"),
        key="ic_to_mentor",
        type="primary",
        help=tr("interesse.to_mentor_help"),
        use_container_width=True,
    ):
        for field, values in filled.items():
            _set_mentor(field, values, lang)
        for field in ("schooltype", "leerjaar"):
            chosen = st.session_state.get(f"ic_{field}")
            if chosen:
                _set_mentor(field, chosen, lang)
        st.switch_page(MENTOR_PAGE)

    with st.expander(tr("interesse.save_title")):
        st.caption(tr("interesse.save_intro"))
        _save_profile(filled)
    c1, c2 = st.columns(2)
    c1.button(tr("interesse.change"), key="ic_change", on_click=_goto, args=(0,), use_container_width=True)
    c2.button(tr("interesse.restart"), key="ic_restart", on_click=_restart, use_container_width=True)


def _save_profile(filled: dict[str, list[str]]) -> None:
    """A profile JSON the mentor page can load: schooltype and leerjaar chosen by the pupil (not copied from the
    mentor form, whose values may be its untouched defaults), nothing invented."""
    c1, c2 = st.columns(2)
    schooltype = c1.selectbox(
        tr("mentor.schooltype"),
        vocab.SCHOOLTYPEN_LEERLING,
        key="ic_schooltype",
        index=None,
        format_func=code_label("schooltype"),
        placeholder=tr("app.choose"),
    )
    years = LEERJAREN_PER_SCHOOLTYPE.get(schooltype or "", vocab.LEERJAREN)
    if st.session_state.get("ic_leerjaar") not in years:
        st.session_state["ic_leerjaar"] = None
    leerjaar = c2.selectbox(
        tr("mentor.leerjaar"),
        years,
        key="ic_leerjaar",
        index=None,
        format_func=code_label("leerjaar"),
        placeholder=tr("app.choose"),
    )
    data = None
    if schooltype and leerjaar:
        data = profiel_json(schooltype, leerjaar, filled)  # leerjaar options fit the schooltype, so this validates
    st.download_button(
        tr("interesse.save"),
        json.dumps(data or {}, ensure_ascii=False, indent=2),
        file_name="profiel.json",
        mime="application/json",
        key="ic_save",
        disabled=data is None,
        use_container_width=True,
    )


apply_layout()
st.markdown(_CSS, unsafe_allow_html=True)
lang = current_language()
st.title(tr("interesse.title"))
all_items = load_items()
given, position = _state()
if position < len(all_items):
    _ask(all_items, given, position, lang)
else:
    _result(all_items, given, lang)

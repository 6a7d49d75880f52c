"""The interest check page in a real Streamlit AppTest: every language renders, a pupil walks all pictures in
nl and in ar (right to left) and lands on the mentor page with the interests filled in; ties, "weet niet",
the back button and what the mentor already typed are handled."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from knowledge.i18n import LANGUAGES, label, t
from recommender.interest import load_items

APP = str(Path(__file__).resolve().parents[2] / "app" / "streamlit_app.py")
PAGE = "pages/interesse.py"
ITEMS = load_items()


def _open(lang: str = "nl") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    return at


def _answer(at: AppTest, answer: str) -> None:
    at.button(key=f"ic_{answer}").click()
    at.run()
    assert not at.exception, at.exception


def _walk(at: AppTest, liked: set[str], rest: str = "niet_leuk") -> None:
    """Answer every picture: leuk when it measures one of ``liked``, else ``rest``."""
    for item in ITEMS:
        _answer(at, "leuk" if liked & set(item.meet) else rest)


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.header] + [m.value for m in at.subheader]
    parts += [m.value for m in at.info] + [m.value for m in at.success] + [m.value for m in at.caption]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_picture_in_every_language(lang: str) -> None:
    at = _open(lang)
    assert at.title[0].value == t("interesse.title", lang)
    text = _texts(at)
    first = ITEMS[0]
    # the picture's alt text is the item's words in the page language (what a screen reader reads out)
    assert f'alt="{html.escape(first.woorden[lang], quote=True)}"' in text
    assert t("interesse.progress", lang, n=1, total=len(ITEMS)) == at.get("progress")[0].proto.text
    assert [at.button(key=f"ic_{a}").label for a in ("leuk", "weet_niet", "niet_leuk")] == [
        t(f"interesse.{a}", lang) for a in ("leuk", "weet_niet", "niet_leuk")
    ]
    rtl = any('dir="rtl"' in m.value or "direction: rtl" in m.value for m in at.markdown)
    assert rtl == (lang == "ar")


@pytest.mark.parametrize(
    ("lang", "liked", "expected"),
    [
        ("nl", {"autos_motoren", "koken_horeca"}, ["autos_motoren", "koken_horeca"]),
        ("ar", {"zorg_welzijn", "ict_programmeren"}, ["ict_programmeren", "zorg_welzijn"]),
    ],
)
def test_walk_the_check_and_land_on_the_mentor_form(lang: str, liked: set[str], expected: list[str]) -> None:
    at = _open(lang)
    _walk(at, liked)
    assert [h.value for h in at.header] == [t("interesse.result_title", lang)]
    text = _texts(at)
    for code in expected:
        assert html.escape(label("interesse", code, lang)) in text  # the top interests in words, under their pictures
    assert text.count('<div class="ic-kaart"><img') >= len(expected)
    at.button(key="ic_to_mentor").click()
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == t("mentor.title", lang)
    assert at.multiselect(key=f"m_interesses@{lang}").value == expected
    if lang == "ar":
        assert any("direction: rtl" in m.value for m in at.markdown)
    # the mentor can go on: the form gives routes for the pre-filled interests. (A browser stays on the page that
    # st.switch_page opened; AppTest reruns the page it was last told about, so tell it.)
    at.switch_page("pages/mentor.py")
    at.form_submit_button[0].click()
    at.run()
    assert not at.exception, at.exception
    assert t("mentor.routes", lang) in [h.value for h in at.header]


def test_check_adds_to_what_the_mentor_typed_and_keeps_the_rest() -> None:
    at = _open()
    at.switch_page("pages/mentor.py")
    at.run()
    at.multiselect(key="m_interesses@nl").set_value(["bouwen"])
    at.selectbox(key="m_schooltype@nl").set_value("vmbo-bb")
    at.text_input(key="m_plaats@nl").set_value("3083")
    at.form_submit_button[0].click()
    at.run()
    at.switch_page(PAGE)
    at.run()
    _walk(at, {"autos_motoren"})
    at.button(key="ic_to_mentor").click()
    at.run()
    assert at.multiselect(key="m_interesses@nl").value == ["bouwen", "autos_motoren"]
    assert at.selectbox(key="m_schooltype@nl").value == "vmbo-bb"
    assert at.text_input(key="m_plaats@nl").value == "3083"


def test_all_weet_niet_says_no_clear_picture_and_suggests_activities() -> None:
    at = _open()
    for _ in ITEMS:
        _answer(at, "weet_niet")
    assert t("interesse.no_clear") in [m.value for m in at.info]
    assert [s.value for s in at.subheader][0] == t("interesse.try_title")
    assert _texts(at).count('<div class="ic-kaart"><img') == 4
    at.button(key="ic_to_mentor").click()
    at.run()
    assert at.multiselect(key="m_interesses@nl").value == []  # nothing invented


def test_everything_leuk_is_flat_not_a_top_three() -> None:
    at = _open("en")
    _walk(at, set(), rest="leuk")
    info = "\n".join(m.value for m in at.info)
    assert t("interesse.flat", "en", list="").split(":")[0] in info


def test_back_button_and_language_switch_keep_the_answers() -> None:
    at = _open()
    _answer(at, "leuk")
    _answer(at, "niet_leuk")
    at.button(key="ic_back").click()
    at.run()
    assert at.get("progress")[0].proto.text == t("interesse.progress", n=2, total=len(ITEMS))
    assert at.button(key="ic_niet_leuk").proto.type == "primary"  # the earlier answer is shown
    at.session_state["lang"] = "tr"  # what the sidebar's language box sets (AppTest hides it after switch_page)
    at.run()
    assert at.get("progress")[0].proto.text == t("interesse.progress", "tr", n=2, total=len(ITEMS))
    assert at.session_state["ic_antwoorden"] == {ITEMS[0].id: "leuk", ITEMS[1].id: "niet_leuk"}


def test_save_as_profile_needs_schooltype_and_leerjaar() -> None:
    at = _open()
    _walk(at, {"sport_bewegen"})
    save = next(b for b in at.get("download_button") if b.proto.label == t("interesse.save"))
    assert save.proto.disabled
    at.selectbox(key="ic_schooltype").set_value("vmbo-kb")
    at.run()
    assert at.selectbox(key="ic_leerjaar").options == [label("leerjaar", y) for y in ("vo1", "vo2", "vo3", "vo4")]
    at.selectbox(key="ic_leerjaar").set_value("vo2")
    at.run()
    save = next(b for b in at.get("download_button") if b.proto.label == t("interesse.save"))
    assert not save.proto.disabled
    at.button(key="ic_to_mentor").click()
    at.run()
    assert at.selectbox(key="m_schooltype@nl").value == "vmbo-kb"
    assert at.selectbox(key="m_leerjaar@nl").value == "vo2"
    assert at.multiselect(key="m_interesses@nl").value == ["sport_bewegen"]

"""Every page in a real Streamlit AppTest, in every language: the form gives routes, the language switch keeps
the inputs, Arabic turns the layout right to left, the chat answers with sources, uploads fail gracefully."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from knowledge.i18n import LANGUAGES, label, t

APP = str(Path(__file__).resolve().parents[2] / "app" / "streamlit_app.py")
PAGES = ["pages/mentor.py", "pages/ouders.py", "pages/initiatieven.py", "pages/vraag.py", "pages/over.py"]


def _app(lang: str = "nl") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    return at


def _text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.title] + [m.value for m in at.header]
    parts += [m.value for m in at.caption] + [m.value for m in at.info] + [m.value for m in at.success]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_every_language(page: str, lang: str, lob_home: Path) -> None:
    at = _app(lang)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    assert at.title, f"{page} shows no title"
    title_key = {"pages/mentor.py": "mentor.title", "pages/ouders.py": "parents.title",
                 "pages/initiatieven.py": "initiatives.title", "pages/vraag.py": "ask.title",
                 "pages/over.py": "about.title"}[page]
    assert at.title[0].value == t(title_key, lang)
    rtl = any("dir=\"rtl\"" in m.value or "direction: rtl" in m.value for m in at.markdown)
    assert rtl == (lang == "ar")


def k(field: str, lang: str = "nl") -> str:
    """The widget key of a mentor form field in ``lang`` (keys carry the language, see mentor.py)."""
    return f"m_{field}@{lang}"


def _fill_charlois_car_pupil(at: AppTest) -> None:
    at.selectbox(key=k("schooltype")).set_value("vmbo-bb")
    at.selectbox(key=k("leerjaar")).set_value("vo3")
    at.multiselect(key=k("interesses")).set_value(["autos_motoren"])
    at.pills(key=k("werkvoorkeuren")).set_value(["handen"])
    at.text_input(key=k("plaats")).set_value("3083")
    at.selectbox(key=k("taal_ouders")).set_value("tr")


def test_form_gives_routes_with_explanations_and_activities() -> None:
    at = _app()
    at.run()
    _fill_charlois_car_pupil(at)
    at.form_submit_button[0].click()
    at.run()
    assert not at.exception, at.exception
    text = _text(at)
    assert t("mentor.routes") in text
    assert "autotechn" in text.lower() or "mobiliteit" in text.lower()
    assert " km" in text  # activities with distances
    assert any(d.label == t("mentor.report_pdf") for d in at.get("download_button"))


def test_language_switch_keeps_the_inputs() -> None:
    at = _app()
    at.run()
    _fill_charlois_car_pupil(at)
    at.form_submit_button[0].click()
    at.run()
    at.sidebar.selectbox(key="lang").set_value("ar")
    at.run()
    assert not at.exception
    assert at.selectbox(key=k("schooltype", "ar")).value == "vmbo-bb"
    assert at.multiselect(key=k("interesses", "ar")).value == ["autos_motoren"]
    assert at.text_input(key=k("plaats", "ar")).value == "3083"
    assert at.pills(key=k("werkvoorkeuren", "ar")).value == ["handen"]
    assert at.selectbox(key=k("taal_ouders", "ar")).value == "tr"
    # the widget is made anew in Arabic, so what it shows is the Arabic label of the same value
    assert label("schooltype", "vmbo-bb", "ar") in at.selectbox(key=k("schooltype", "ar")).options
    assert at.title[0].value == t("mentor.title", "ar")
    assert any("direction: rtl" in m.value for m in at.markdown)


def test_bad_profile_file_gives_a_message_and_keeps_the_form() -> None:
    at = _app()
    at.run()
    _fill_charlois_car_pupil(at)
    at.form_submit_button[0].click()
    at.run()
    uploader = at.file_uploader(key="m_upload")
    uploader.upload("profiel.json", b"{not json", "application/json")
    at.run()
    assert not at.exception
    assert at.error and "profiel" in at.error[0].value.lower()
    assert at.text_input(key=k("plaats")).value == "3083"


def test_good_profile_file_fills_the_form() -> None:
    at = _app()
    at.run()
    profile = {"leerjaar": "vo4", "schooltype": "vmbo-tl", "interesses": ["ict_programmeren"], "postcode": "3074"}
    at.file_uploader(key="m_upload").upload("p.json", json.dumps(profile).encode(), "application/json")
    at.run()
    assert not at.exception
    assert at.selectbox(key=k("schooltype")).value == "vmbo-tl"
    assert at.multiselect(key=k("interesses")).value == ["ict_programmeren"]


def test_unknown_place_is_a_friendly_message() -> None:
    at = _app()
    at.run()
    at.multiselect(key=k("interesses")).set_value(["bouwen"])
    at.text_input(key=k("plaats")).set_value("9999")  # not a PC4 in the region
    at.form_submit_button[0].click()
    at.run()
    assert not at.exception
    assert at.error


def test_chat_answers_turkish_question_with_sources(lob_home: Path) -> None:
    at = _app("tr")
    at.run()
    at.switch_page("pages/vraag.py")
    at.run()
    at.chat_input[0].set_value("BBL nedir?")
    at.run()
    assert not at.exception, at.exception
    assert len(at.chat_message) == 2
    answer = at.chat_message[1]
    assert any(e.label.startswith("📎") for e in answer.expander)


def test_ungrounded_answer_shows_the_notice(lob_home: Path) -> None:
    at = _app("en")
    at.run()
    at.switch_page("pages/vraag.py")
    at.run()
    at.chat_input[0].set_value("Who will win the football world cup?")
    at.run()
    assert not at.exception
    assert any(t("ask.not_grounded", "en") in w.value for w in at.warning)

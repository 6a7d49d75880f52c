"""Every page in a real Streamlit AppTest, in every language: the form gives routes, the language switch keeps
the inputs, Arabic turns the layout right to left, the chat answers with sources, uploads fail gracefully."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from knowledge.i18n import LANGUAGES, label, t

APP = str(Path(__file__).resolve().parents[2] / "app" / "streamlit_app.py")
PAGES = [
    "pages/mentor.py",
    "pages/ouders.py",
    "pages/initiatieven.py",
    "pages/informatieavond.py",
    "pages/vraag.py",
    "pages/over.py",
]


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
    title_key = {
        "pages/mentor.py": "mentor.title",
        "pages/ouders.py": "parents.title",
        "pages/initiatieven.py": "initiatives.title",
        "pages/vraag.py": "ask.title",
        "pages/informatieavond.py": "evening.title",
        "pages/over.py": "about.title",
    }[page]
    assert at.title[0].value == t(title_key, lang)
    rtl = any('dir="rtl"' in m.value or "direction: rtl" in m.value for m in at.markdown)
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
    at.text_input(key=k("plaats")).set_value("Atlantis")  # not a place in the region
    at.form_submit_button[0].click()
    at.run()
    assert not at.exception
    assert at.error


def test_postcode_outside_the_region_gives_advice_and_a_notice() -> None:
    # issue 13: a postcode outside the region is no error: advice without distances, and a notice
    at = _app()
    at.run()
    at.multiselect(key=k("interesses")).set_value(["bouwen"])
    at.text_input(key=k("plaats")).set_value("9999")
    at.form_submit_button[0].click()
    at.run()
    assert not at.exception and not at.error
    assert any("buiten de regio" in w.value for w in at.warning)  # an intake warning, shown as one


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


# --------------------------------------------------------------------------- issue 12: parents, evening, map


def _walk(node):  # type: ignore[no-untyped-def]
    """The page's elements in the order they are shown."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _open(page: str, lang: str = "nl") -> AppTest:
    at = _app(lang)
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_parents_page_starts_with_the_question_box_and_five_questions(lang: str) -> None:
    at = _open("pages/ouders.py", lang)
    order = [(n.type, getattr(n, "key", None) or getattr(n, "label", None)) for n in _walk(at.main)]
    kinds = [k for k, _ in order]
    first_input = kinds.index("text_input")
    first_card = next(i for i, (k, _) in enumerate(order) if k == "expander")
    assert first_input < first_card, "the question box must come before the cards"
    questions = [b.label for b in at.button if b.key and b.key.startswith("p_q")]
    assert questions == [t(f"parents.q{i}", lang) for i in range(1, 6)]
    # short cards: each card's lead is one paragraph; the rest is behind "read more"
    assert sum(e.label == t("parents.more", lang) for e in at.expander) >= 7
    assert not any("qr" in (m.value or "").lower() for m in at.markdown), "the QR code belongs to the decaan's page"


def test_parents_card_has_read_aloud_with_the_devices_voice() -> None:
    at = _open("pages/ouders.py", "ar")
    frames = [n for n in _walk(at.main) if n.type == "iframe"]
    assert frames, "no read-aloud button"
    source = str(frames[0].proto)
    assert "speechSynthesis" in source and 'want = \\"ar\\"' in source.replace("'", '"') or "ar" in source
    assert t("parents.read_aloud", "ar") in source


def test_parents_common_question_gets_an_answer(lob_home: Path) -> None:
    at = _open("pages/ouders.py", "tr")
    at.button(key="p_q0").click()
    at.run()
    assert not at.exception, at.exception
    text = _text(at)
    assert t("parents.q1", "tr") in text
    assert "BBL" in text


def test_evening_panel_without_public_address_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOB_PUBLIC_URL", raising=False)
    at = _open("pages/informatieavond.py")
    assert at.warning and "LOB_PUBLIC_URL" in at.warning[0].value
    assert not any("<svg" in m.value for m in at.markdown)


@pytest.mark.parametrize("address", ["http://127.0.0.1:8501", "http://localhost:8501"])
def test_evening_panel_refuses_a_loopback_address(address: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOB_PUBLIC_URL", address)
    at = _open("pages/informatieavond.py", "ar")
    assert at.warning and address in at.warning[0].value
    assert not any("<svg" in m.value for m in at.markdown)


def test_evening_panel_shows_a_qr_per_language_and_the_poster(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOB_PUBLIC_URL", "http://192.168.1.20:8501/")
    at = _open("pages/informatieavond.py")
    grid = next(m.value for m in at.markdown if "lob-qr-grid" in m.value)
    assert grid.count("<svg") == len(LANGUAGES)
    for code in LANGUAGES:
        assert f"http://192.168.1.20:8501/ouders?lang={code}" in grid
    assert any(d.label == t("evening.poster_pdf") for d in at.get("download_button"))


def test_mentor_results_show_the_offline_map_with_a_sorted_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOB_TILE_URL", raising=False)
    at = _app()
    at.run()
    _fill_charlois_car_pupil(at)
    at.form_submit_button[0].click()
    at.run()
    assert not at.exception, at.exception
    svg = next(m.value for m in at.markdown if "<svg" in m.value and "lob-map" in m.value)
    assert (
        "class='home'" in svg and "<image" not in svg and t("map.home", place="Tarwewijk") in svg
    )  # 3083 lies in Tarwewijk
    listing = next(m.value for m in at.markdown if "<ol class='lob-map-list'" in m.value)
    km = [float(x.replace(",", ".")) for x in re.findall(r"\(~?(\d+(?:,\d)?) km\)", listing)]
    assert km and km == sorted(km)

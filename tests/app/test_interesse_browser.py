"""The interest check in Debian's headless Chromium: on a phone (390x844) a pupil walks all pictures in ar (right
to left), partly with the keyboard, sees the result and lands on the mentor form with the interests filled in; on a
laptop a pupil walks them in uk (left to right). Screenshots go to docs/screenshots/interesse_*.png.

One phone walk, not one per language: each walk is some 40 s of the suite's time, and the Dutch walk with the
same steps runs as an AppTest (tests/app/test_interesse.py); what only a browser shows (button order per reading
direction, pictures loading, nothing wider than the screen) is checked in both directions here.

The pages used here do not need the assistant's index, so no index is built (that takes minutes).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))  # browser_helpers, loadtest
import browser_helpers as bh  # noqa: E402

from knowledge.i18n import label, t  # noqa: E402
from recommender.interest import load_items  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = bh.REPO / "docs" / "screenshots"
ITEMS = load_items()
PUPILS = {  # lang -> (what the pupil likes, the interests the mentor form must show)
    "ar": ({"zorg_welzijn", "ict_programmeren"}, ["ict_programmeren", "zorg_welzijn"]),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[bh.AppServer]:
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    env.setdefault("LOB_HOME", str(tmp_path_factory.mktemp("lob_home")))
    with bh.app_server(env, bh.REPO / "test-artifacts" / "interesse-app.log") as srv:
        yield srv


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        with bh.chromium() as b:
            yield b
    except FileNotFoundError as exc:
        pytest.fail(str(exc))


@pytest.fixture()
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=bh.PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def _progress(page: Any) -> str:
    return str(page.get_by_test_id("stProgress").inner_text()).strip()


def _wait_for_picture(page: Any, lang: str, n: int) -> None:
    want = t("interesse.progress", lang, n=n, total=len(ITEMS))
    page.get_by_test_id("stProgress").filter(has_text=want).wait_for(timeout=bh.LONG)
    # the picture's own rerun drew this progress text, so it has begun: wait for its end only (wait_idle's half
    # second of grace on each of 36 pictures made the two walks a minute long)
    bh.wait_run_end(page)


def _overflowing(page: Any) -> list[str]:
    """bh.overflowing, less the progress bar's fill: Arabic mirrors the bar, so the clipped, not yet filled part
    lies to the right of the screen (invisible; in a left-to-right page it lies to the left, where no one looks)."""
    return [e for e in bh.overflowing(page) if not e.startswith("div ")] + list(
        page.evaluate(
            """() => { const w = document.documentElement.clientWidth; const out = [];
        for (const e of document.querySelectorAll('[data-testid=stMainBlockContainer] div')) {
          const r = e.getBoundingClientRect();
          if (r.width > 0 && r.right > w + 1 && !e.closest('[data-testid=stProgressBarTrack]')) out.push('div ' + r.right);
        }
        return out; }"""
        )
    )


def _in_view(page: Any, locator: Any) -> bool:
    box = locator.bounding_box()
    return bool(box) and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("lang", ["ar"])
def test_pupil_on_a_phone_walks_the_check_to_the_mentor_form(server: bh.AppServer, phone: Any, lang: str) -> None:
    liked, expected = PUPILS[lang]
    page = phone
    bh.open_page(page, f"{server.url}/interesse?lang={lang}")
    assert bh.is_rtl(page, expect=lang == "ar") == (lang == "ar")
    buttons = page.locator(".st-key-ic_knoppen").get_by_role("button")

    # the first picture: alt text in the pupil's language, three big buttons side by side, all in view
    img = page.locator(".ic-plaatje img")
    assert img.get_attribute("alt") == ITEMS[0].woorden[lang]
    assert img.evaluate("e => e.complete && e.naturalWidth > 0"), "the picture did not load"
    assert 300 <= img.bounding_box()["width"] <= 390
    assert buttons.count() == 3
    boxes = [buttons.nth(i).bounding_box() for i in range(3)]
    assert all(b["height"] >= 48 and b["width"] >= 90 for b in boxes), boxes  # large touch targets
    assert len({round(b["y"]) for b in boxes}) == 1, "the three answers sit on one row"
    xs = [b["x"] for b in boxes]  # leuk first in reading order: leftmost in nl, rightmost in ar
    assert xs == (sorted(xs, reverse=True) if lang == "ar" else sorted(xs))
    assert all(_in_view(page, buttons.nth(i)) for i in range(3)), "a pupil must not scroll to answer"
    assert _overflowing(page) == []
    page.screenshot(path=str(SHOTS / f"interesse_vraag_{lang}.png"))

    for n, item in enumerate(ITEMS, start=1):
        _wait_for_picture(page, lang, n)
        answer = "leuk" if liked & set(item.meet) else "niet_leuk"
        button = page.locator(".st-key-ic_knoppen").get_by_role(
            "button", name=t(f"interesse.{answer}", lang), exact=True
        )
        if n <= 3:  # keyboard: focus the button and press Enter; the focus stays on the answer buttons
            button.focus()
            page.keyboard.press("Enter")
        else:
            button.click()
        if n == 3:
            _wait_for_picture(page, lang, 4)
            assert page.evaluate("() => !!document.activeElement.closest('.st-key-ic_knoppen')")
        if n == 12:
            _wait_for_picture(page, lang, 13)
            assert _overflowing(page) == []
            page.screenshot(path=str(SHOTS / f"interesse_vraag13_{lang}.png"))

    result = page.get_by_test_id("stHeading").filter(has_text=t("interesse.result_title", lang))
    bh.wait_for_or_exception(page, result)
    bh.wait_idle(page)
    cards = page.locator(".ic-kaart")
    names = [c.strip() for c in cards.all_inner_texts()]
    for code in expected:
        assert label("interesse", code, lang) in names, names
    assert all(c.get_attribute("alt") for c in page.locator(".ic-kaart img").all())
    assert _overflowing(page) == []
    bh.screenshot(page, SHOTS / f"interesse_uitslag_{lang}.png")

    page.get_by_role("button", name=t("interesse.to_mentor", lang)).click()
    form = page.get_by_test_id("stForm")
    bh.wait_for_or_exception(page, form)
    bh.wait_idle(page)
    assert page.get_by_test_id("stHeading").filter(has_text=t("mentor.title", lang)).count() == 1
    chosen = bh.widget(form, "stMultiSelect", t("mentor.interesses", lang)).inner_text()
    for code in expected:
        assert label("interesse", code, lang) in chosen, chosen
    assert bh.is_rtl(page) == (lang == "ar")
    bh.scroll_into_top(page, page.get_by_test_id("stHeading").filter(has_text=t("mentor.section_interests", lang)))
    page.screenshot(path=str(SHOTS / f"interesse_mentor_{lang}.png"))
    # and the mentor can ask for routes right away
    form.get_by_test_id("stFormSubmitButton").get_by_role("button").click()
    page.get_by_test_id("stHeading").filter(has_text=t("mentor.routes", lang)).wait_for(timeout=bh.LONG)
    bh.fail_on_exception(page)


def test_unsure_pupil_on_a_laptop_gets_no_clear_picture_and_things_to_try(server: bh.AppServer, browser: Any) -> None:
    """Desktop size, Ukrainian (a parent doing it with the child at home), every answer 'weet niet'."""
    lang = "uk"
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        bh.open_page(page, f"{server.url}/interesse?lang={lang}")
        buttons = page.locator(".st-key-ic_knoppen").get_by_role("button")
        assert all(_in_view(page, buttons.nth(i)) for i in range(3))
        xs = [buttons.nth(i).bounding_box()["x"] for i in range(3)]
        assert xs == sorted(xs), "left to right: the first answer is the leftmost"
        page.screenshot(path=str(SHOTS / f"interesse_vraag_desktop_{lang}.png"))
        for n in range(1, len(ITEMS) + 1):
            _wait_for_picture(page, lang, n)
            buttons.filter(has_text=t("interesse.weet_niet", lang)).click()
        bh.wait_for_or_exception(page, page.get_by_text(t("interesse.no_clear", lang)))
        bh.wait_idle(page)
        tries = page.locator(".st-key-ic_kaarten_probeer .ic-kaart")
        assert tries.count() == 4
        assert all(img.get_attribute("alt") for img in tries.locator("img").all())
        assert _overflowing(page) == []
        bh.screenshot(page, SHOTS / f"interesse_geen_beeld_desktop_{lang}.png")
    finally:
        context.close()

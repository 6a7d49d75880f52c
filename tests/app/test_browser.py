"""End to end in a real headless Chromium: start ``lob-kompas app``, fill a pupil profile, see the routes, switch
to Arabic (right to left, inputs kept), open the parents' page in Arabic, ask a question in Turkish, and save a
screenshot of every page in test-artifacts/screenshots/.

Needs Debian's Chromium (scripts/test.sh installs it) and the Python package playwright; no browser download.
The time from server start to an interactive first page is printed (issue 6 asks to measure it, not to assert it).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))  # browser_helpers, loadtest
import browser_helpers as bh  # noqa: E402

from knowledge.i18n import t  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = bh.REPO / "test-artifacts"
SHOTS = ARTIFACTS / "screenshots"
INDEX_CACHE = "lob_kompas_index"  # the key tests/retrieval/conftest.py uses in pytest's cache
PUBLIC_URL = "http://192.168.1.20:8501"
EVIL = "evil.example"
CHARLOIS_CARS = bh.MentorInput(
    schooltype="vmbo-bb", interesses=("autos_motoren",), werkvoorkeuren=("handen",), plaats="3083", taal_ouders="tr"
)


def _say(request: pytest.FixtureRequest, line: str) -> None:
    """Print past pytest's output capture."""
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if capture is None:
        print(line)
        return
    with capture.global_and_fixture_disabled():
        print(line)


@pytest.fixture(scope="module")
def browser_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The test's environment; LOB_HOME comes from scripts/test.sh, else a fresh temporary one."""
    env = dict(os.environ)
    env.setdefault("LOB_HOME", str(tmp_path_factory.mktemp("lob_home")))
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    env["LOB_PUBLIC_URL"] = PUBLIC_URL  # an example school-network address: the informatieavond page shows its QR codes
    env.pop("LOB_TILE_URL", None)  # the default: no tile server, nothing leaves the machine
    return env


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        with bh.chromium() as b:
            yield b
    except FileNotFoundError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def server(browser: Any, browser_env: dict[str, str], request: pytest.FixtureRequest) -> Iterator[bh.AppServer]:
    """The running app (killed at the end, also on failure); measures start-up until the mentor form is usable."""
    for old in SHOTS.glob("*.png"):  # screenshots of an earlier run would mislead
        old.unlink()
    # same vectors cache as tests/retrieval/conftest.py, so the suite embeds the knowledge base only once
    status = bh.ensure_index(browser_env, vectors_cache=Path(request.config.cache.mkdir(INDEX_CACHE)))
    _say(request, f"\n[browser] index in {browser_env['LOB_HOME']}: {status}")
    with bh.app_server(browser_env, ARTIFACTS / "browser-app.log") as srv:
        page = browser.new_page(viewport=bh.DESKTOP)
        try:
            page.goto(srv.url + "/")
            bh.wait_for_or_exception(page, page.get_by_test_id("stForm").get_by_test_id("stFormSubmitButton"))
            interactive = time.monotonic() - srv.started
        finally:
            page.close()
        timing = {
            "server_healthy_s": round(srv.healthy_after, 2),
            "first_page_interactive_s": round(interactive, 2),
            "cpus": os.cpu_count(),
            "load_average_1min": round(os.getloadavg()[0], 2),
        }
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "browser-startup.json").write_text(json.dumps(timing, indent=2))
        _say(
            request,
            f"\n[browser] start-up: health ok after {srv.healthy_after:.1f} s, mentor form interactive "
            f"after {interactive:.1f} s ({os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})",
        )
        yield srv


@pytest.fixture()
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser session; when the test fails, what the browser showed is saved next to the screenshots."""
    context = browser.new_context(viewport=bh.DESKTOP, locale="nl-NL")
    pg = context.new_page()
    failed_before = request.session.testsfailed
    try:
        yield pg
    finally:
        if request.session.testsfailed > failed_before:
            name = re.sub(r"[^\w.-]+", "_", request.node.name)
            with contextlib.suppress(Exception):
                bh.screenshot(pg, SHOTS / f"FAILED_{name}.png")
        context.close()


def test_mentor_routes_then_arabic_keeps_inputs(server: bh.AppServer, page: Any) -> None:
    bh.open_page(page, server.url + "/", ready_testid="stForm")
    assert not bh.is_rtl(page, expect=False)
    bh.fill_mentor_form(page, CHARLOIS_CARS, lang="nl")
    routes = page.get_by_role("heading", level=3).filter(has_text=re.compile(r"^\s*\d+\.\s"))
    assert routes.count() >= 1
    assert any("auto" in name.lower() for name in routes.all_inner_texts()), routes.all_inner_texts()
    bh.screenshot(page, SHOTS / "01_mentor_nl.png")

    bh.set_language(page, "ar")
    assert bh.is_rtl(page, expect=True)
    page.get_by_test_id("stHeading").filter(has_text=t("mentor.title", "ar")).wait_for()
    form = page.get_by_test_id("stForm")
    assert bh.widget(form, "stTextInput", t("mentor.postcode", "ar")).locator("input").input_value() == "3083"
    page.get_by_test_id("stHeading").filter(has_text=t("mentor.routes", "ar")).wait_for()
    bh.screenshot(page, SHOTS / "02_mentor_ar.png")


def test_parents_page_in_arabic(server: bh.AppServer, page: Any) -> None:
    bh.open_page(page, server.url + "/ouders?lang=ar")
    assert bh.is_rtl(page, expect=True)
    title = page.get_by_test_id("stHeading").first.inner_text()
    assert t("parents.title", "ar").split(" ", 1)[-1] in title
    assert re.search(r"[\u0600-\u06FF]", title)
    bh.screenshot(page, SHOTS / "03_ouders_ar.png")


def test_question_in_turkish_gets_sources(server: bh.AppServer, page: Any) -> None:
    bh.open_page(page, server.url + "/vraag?lang=tr")
    assert page.get_by_text(t("app.no_index", "tr").split(".")[0]).count() == 0, "the app finds no index in LOB_HOME"
    bh.wait_for_or_exception(page, page.get_by_test_id("stChatInput"))
    assert not bh.is_rtl(page, expect=False)
    answer = bh.ask(page, "BBL nedir?")
    assert re.search(r"[çğıöşüÇĞİÖŞÜ]", answer.inner_text()), "the answer is not in Turkish"
    bh.screenshot(page, SHOTS / "04_vraag_tr.png")


@pytest.mark.parametrize(
    ("path", "title_key", "name"),
    [
        ("/initiatieven", "initiatives.title", "05_initiatieven_nl.png"),
        ("/over", "about.title", "06_over_nl.png"),
    ],
)
def test_other_pages_render(server: bh.AppServer, page: Any, path: str, title_key: str, name: str) -> None:
    bh.open_page(page, server.url + path)
    page.get_by_test_id("stHeading").filter(has_text=t(title_key, "nl").split(" ", 1)[-1]).first.wait_for()
    assert page.get_by_test_id("stException").count() == 0
    bh.screenshot(page, SHOTS / name)


def test_imported_markdown_and_html_make_no_outside_requests(
    server: bh.AppServer, page: Any, browser_env: dict[str, str]
) -> None:
    """A decaan's own list with a Markdown image, an HTML image and a website that breaks out of its link: the
    page shows them as text, and the browser asks nothing of any address but the app's own (issue 15)."""
    from urllib.parse import urlsplit

    from knowledge import load_knowledge
    from recommender.initiatives.catalogue import catalogue, reset_stores

    base = load_knowledge().initiatieven["ini_wij_techniek"]
    hostile = base.model_copy(
        update={
            "id": "eigen_hackdag",
            "naam": "Hackdag <b>vet</b>",
            "omschrijving": "Kom langs! ![t](http://tracker.example/pixel.png) <img src='http://tracker.example/i.png'>",
            "website": "https://ok.example) ![t](http://tracker.example/site.png",
            "organisator": "[org](http://x.example)",
        }
    )
    database = f"sqlite:///{Path(browser_env['LOB_HOME']) / 'lob-kompas.db'}"  # the app's default database
    hostile_list = catalogue(database).add_list("hostile", [hostile], who="test", how="lokaal").lijst
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        bh.open_page(page, server.url + "/initiatieven")
        box = page.get_by_label(t("initiatives.q", "nl"))
        box.fill("Hackdag")
        box.press("Enter")
        page.get_by_role("tab", name=t("initiatives.detail", "nl")).click()
        page.get_by_text("Kom langs!", exact=False).first.wait_for(timeout=bh.LONG)
        bh.wait_idle(page)
        assert page.get_by_test_id("stException").count() == 0
        assert page.locator("img[src*='tracker.example']").count() == 0
        assert page.locator("a[href*='tracker.example']").count() == 0
        bh.screenshot(page, SHOTS / "07_initiatieven_eigen_lijst_als_tekst.png")
    finally:
        catalogue(database).delete_list(hostile_list.id, who="test")
        reset_stores()
    app_host = urlsplit(server.url).hostname
    outside = sorted(
        {
            u
            for u in requests
            if urlsplit(u).scheme in ("http", "https", "ws", "wss")
            and urlsplit(u).hostname not in (app_host, "localhost", "127.0.0.1")
        }
    )
    # What the user data names is never fetched. (st.map itself still asks a basemap style of cartocdn.com:
    # a known, separate defect of the map pages, recorded here and left to the map/parents'-path work.)
    (ARTIFACTS / "initiatives-outside-requests.json").write_text(json.dumps(outside, indent=1))
    assert [u for u in outside if "example" in (urlsplit(u).hostname or "")] == [], outside


# --------------------------------------------------------------------------- issue 12: phone, RTL, no requests

SIDEBAR_OVER_MAIN = """() => {
  const main = (document.querySelector('[data-testid=stMain]')
                || document.querySelector('[data-testid=stMainBlockContainer]')).getBoundingClientRect();
  const sidebar = document.querySelector('[data-testid=stSidebar]');
  const hits = [];
  if (!sidebar) return hits;
  for (const e of sidebar.querySelectorAll('*')) {
    const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
    if (r.width < 1 || r.height < 1 || cs.visibility === 'hidden' || cs.display === 'none' || +cs.opacity === 0) continue;
    const ix = Math.min(r.right, main.right, innerWidth) - Math.max(r.left, main.left, 0);
    const iy = Math.min(r.bottom, main.bottom, innerHeight) - Math.max(r.top, main.top, 0);
    if (ix > 1 && iy > 1) hits.push((e.getAttribute('data-testid') || e.tagName) + ' at ' + Math.round(r.left) + ','
                                    + Math.round(r.top) + ' ' + (e.innerText || '').slice(0, 20));
  }
  for (let x = 6; x < innerWidth; x += 16) for (let y = 50; y < innerHeight; y += 16) {
    const el = document.elementFromPoint(x, y);
    if (el && el.closest('[data-testid=stSidebar]')) hits.push('topmost at ' + x + ',' + y + ': ' + el.tagName);
  }
  return hits.slice(0, 15); }"""


@pytest.fixture()
def phone(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A phone-sized browser session (390x844, touch)."""
    context = browser.new_context(viewport=bh.PHONE, is_mobile=True, has_touch=True, locale="ar")
    pg = context.new_page()
    failed_before = request.session.testsfailed
    try:
        yield pg
    finally:
        if request.session.testsfailed > failed_before:
            name = re.sub(r"[^\w.-]+", "_", request.node.name)
            with contextlib.suppress(Exception):
                bh.screenshot(pg, SHOTS / f"FAILED_{name}.png")
        context.close()


def _requests(page: Any) -> list[str]:
    """Every address the page asks for from now on (documents, scripts, images, fonts, websockets)."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.on("websocket", lambda ws: seen.append(ws.url))
    return seen


def _foreign(seen: list[str], server: bh.AppServer) -> list[str]:
    own = f"127.0.0.1:{server.port}"
    return sorted(
        {
            u
            for u in seen
            if not u.startswith(("data:", "blob:", "about:")) and u.split("://", 1)[-1].split("/", 1)[0] != own
        }
    )


def _no_sidebar_over_main(page: Any, where: str) -> None:
    hits = page.evaluate(SIDEBAR_OVER_MAIN)
    assert not hits, f"side-menu parts over the page ({where}): {hits}"


def test_phone_arabic_nothing_of_the_menu_over_the_page(server: bh.AppServer, phone: Any) -> None:
    seen = _requests(phone)
    bh.open_page(phone, server.url + "/ouders?lang=ar")
    assert bh.is_rtl(phone, expect=True)
    _no_sidebar_over_main(phone, "first load")
    phone.get_by_test_id("stExpandSidebarButton").click()
    phone.get_by_test_id("stSidebar").get_by_test_id("stSidebarNavLink").first.wait_for()
    phone.get_by_test_id("stSidebarCollapseButton").locator("button").click()
    phone.wait_for_timeout(800)  # the menu slides away
    _no_sidebar_over_main(phone, "after closing the menu")
    # the question box is within the first two phone screens
    box = phone.get_by_test_id("stTextInput").first.bounding_box()
    assert box is not None and box["y"] + box["height"] < 2 * bh.PHONE["height"], box
    assert not bh.overflowing(phone)
    # a common question, answered: still nothing over the answer
    phone.get_by_role("button", name=t("parents.q1", "ar"), exact=True).click()
    bh.wait_for_or_exception(phone, phone.get_by_test_id("stExpander").filter(has_text="📎"))
    bh.wait_idle(phone)
    _no_sidebar_over_main(phone, "over the answer")
    bh.screenshot(phone, SHOTS / "07_ouders_ar_phone.png", max_height=2 * bh.PHONE["height"])
    # the defect was first seen over the assistant's answer on the chat page (a different page layout)
    bh.open_page(phone, server.url + "/vraag?lang=ar", ready_testid="stChatInput")
    assert bh.is_rtl(phone, expect=True)
    bh.ask(phone, "ما الفرق بين BOL وBBL؟")
    _no_sidebar_over_main(phone, "over the answer on the chat page")
    bh.screenshot(phone, SHOTS / "08_vraag_ar_phone.png", full=False)
    assert not _foreign(seen, server), _foreign(seen, server)


def test_no_request_leaves_the_app_on_the_mentor_results_and_evening_pages(server: bh.AppServer, page: Any) -> None:
    seen = _requests(page)
    bh.open_page(page, server.url + "/", ready_testid="stForm")
    bh.fill_mentor_form(page, CHARLOIS_CARS, lang="nl")
    map_svg = page.locator("svg.lob-map").filter(visible=True)
    map_svg.wait_for()
    assert map_svg.locator("g.point").count() >= 1 and map_svg.locator("g.home").count() == 1
    bh.open_page(page, server.url + "/informatieavond?lang=ar")
    assert page.locator(".lob-qr svg").count() == 6
    assert page.get_by_text(f"{PUBLIC_URL}/ouders?lang=ar").count() == 1
    page.wait_for_timeout(500)
    assert not _foreign(seen, server), _foreign(seen, server)


def test_imported_markup_is_shown_as_text_and_fetches_nothing(server: bh.AppServer, page: Any, tmp_path: Path) -> None:
    table = tmp_path / "eigen.csv"
    table.write_text(
        "naam;omschrijving;schooltypen;activiteiten;praktijk;plaats\n"
        f"Robotmiddag Zuid ![x](http://{EVIL}/a.png);"
        f'"Kom kijken ![x](http://{EVIL}/x.png) en <img src=http://{EVIL}/y.png> bij ons";'
        "vmbo;bedrijfsbezoek;veel;Charlois\n",
        encoding="utf-8",
    )
    seen = _requests(page)
    bh.open_page(page, server.url + "/initiatieven")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(table))
    # issue 14: the upload shows a preview first; a row whose text holds markup or a link is refused there,
    # with the reason (its cell quoted as text), and nothing is stored. Records that hold markup anyway
    # (an older list, the database) are shown as text: test_imported_markdown_and_html_make_no_outside_requests.
    bh.wait_for_or_exception(page, page.get_by_text(t("initiatives.import_bad", "nl", n=1)))
    bh.wait_idle(page)
    main = page.get_by_test_id("stMainBlockContainer")
    assert main.get_by_role("button", name=t("initiatives.save", "nl", n=0)).is_disabled()
    assert main.locator("img[src*='evil']").count() == 0
    q = bh.widget(page, "stTextInput", t("initiatives.q", "nl")).locator("input")
    q.fill("Robotmiddag")
    q.press("Enter")
    bh.wait_idle(page)
    assert main.locator("img[src*='evil']").count() == 0
    page.get_by_role("tab", name=t("initiatives.map", "nl")).click()
    bh.wait_idle(page)
    page.wait_for_timeout(500)
    assert not [u for u in seen if EVIL in u], [u for u in seen if EVIL in u]
    assert not _foreign(seen, server), _foreign(seen, server)

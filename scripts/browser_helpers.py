"""Drive the real LOB-Kompas app in Debian's headless Chromium with Playwright.

Shared by the end-to-end test (tests/app/test_browser.py) and by scripts/screenshots.py, so both click
through the app the same way. Labels are taken from the app's own text catalogue (knowledge.i18n), so a change
of wording in a YAML file does not break the driver.

Nothing here downloads a browser: it uses the system Chromium (``apt-get install chromium``), or the one
named in ``$LOB_CHROMIUM``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from knowledge.i18n import label, t
from retrieval.store import has_store

REPO = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LONG = 240_000  # ms; the first answer may load the embedding model inside the server


# --------------------------------------------------------------------------- server and index


def find_chromium() -> str:
    """Path of the system Chromium; raises FileNotFoundError with the install hint."""
    candidates = [
        os.environ.get("LOB_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ]
    for path in candidates:
        if path and Path(path).exists():
            return path
    raise FileNotFoundError("no Chromium found: apt-get install chromium (or set LOB_CHROMIUM)")


def lob_kompas() -> list[str]:
    """The ``lob-kompas`` command of this Python environment."""
    script = Path(sys.executable).with_name("lob-kompas")
    return [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_index(env: dict[str, str], vectors_cache: Path | None = None, timeout: float = 1800) -> str:
    """Build the assistant's index in ``$LOB_HOME/index`` with ``lob-kompas build``; returns its status.

    ``vectors_cache`` is a folder with an earlier index (the retrieval tests keep one in pytest's cache):
    it seeds an empty LOB_HOME, so the incremental build only embeds changed chunks, and it is refreshed
    after a real build. When the index is current the build is a quick no-op.
    """
    index = Path(env["LOB_HOME"]) / "index"
    if vectors_cache is not None and has_store(vectors_cache) and not index.exists():
        shutil.copytree(vectors_cache, index)
    done = subprocess.run(
        [*lob_kompas(), "build", "--json"], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"lob-kompas build failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    status = str(json.loads(done.stdout).get("status", "?"))
    if vectors_cache is not None and status not in ("loaded", "shipped"):  # "shipped": used in place, nothing built
        shutil.rmtree(vectors_cache, ignore_errors=True)
        shutil.copytree(index, vectors_cache)
    return status


@dataclass
class AppServer:
    """A running ``lob-kompas app`` process; ``started`` is its start time (time.monotonic())."""

    proc: subprocess.Popen[bytes]
    port: int
    started: float
    log: Path
    healthy_after: float = field(default=0.0)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
            return bool(resp.read().decode().strip() == "ok")
    except OSError:
        return False


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End the server and the Streamlit child it spawned (its own process group, started by us)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=15)


@contextmanager
def app_server(env: dict[str, str], log: Path, port: int | None = None, wait: float = 60) -> Iterator[AppServer]:
    """Start ``lob-kompas app --address 127.0.0.1`` and wait (bounded) until its health check says ok."""
    port = port or free_port()
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        started = time.monotonic()
        proc = subprocess.Popen(
            [*lob_kompas(), "app", "--port", str(port), "--address", "127.0.0.1"],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        server = AppServer(proc, port, started, log)
        try:
            while not _healthy(server.url):
                if proc.poll() is not None:
                    raise RuntimeError(f"the app stopped with code {proc.returncode}:\n{log.read_text()}")
                if time.monotonic() - started > wait:
                    raise TimeoutError(f"no health 'ok' within {wait:.0f} s:\n{log.read_text()}")
                time.sleep(0.1)
            server.healthy_after = time.monotonic() - started
            yield server
        finally:
            _stop(proc)


@contextmanager
def chromium() -> Iterator[Any]:
    """A Playwright Browser on the system Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# --------------------------------------------------------------------------- page driver


def wait_idle(page: Any, timeout: float = LONG) -> None:
    """Wait until Streamlit has finished its script run (after a short grace for a rerun to begin)."""
    page.wait_for_timeout(300)
    wait_run_end(page, timeout)
    page.wait_for_timeout(200)


def wait_run_end(page: Any, timeout: float = LONG) -> None:
    """Wait until the script run has ended, without wait_idle's grace: for when the page already shows what the
    awaited rerun draws (so that rerun has begun), e.g. the next step of a walk through many screens."""
    page.locator(".stApp[data-test-script-state='notRunning']").wait_for(timeout=timeout)


def fail_on_exception(page: Any) -> None:
    """Raise with the app's own traceback text when the page shows a Streamlit exception box."""
    boxes = page.get_by_test_id("stException")
    if boxes.count():
        raise AssertionError(f"the app shows an exception on {page.url}:\n{boxes.first.inner_text()[:3000]}")


def wait_for_or_exception(page: Any, target: Any, timeout: float = LONG) -> None:
    """Wait until ``target`` is visible, failing fast when the app shows an exception instead."""
    target.or_(page.get_by_test_id("stException")).first.wait_for(timeout=timeout)
    fail_on_exception(page)
    target.first.wait_for(timeout=timeout)


def open_page(page: Any, url: str, ready_testid: str = "stMainBlockContainer", timeout: float = LONG) -> None:
    """Open ``url`` and wait for its script run to end. The main block container is the ready mark: a page with
    a chat input at the bottom is laid out without an ``stMain`` element."""
    page.goto(url)
    wait_for_or_exception(page, page.get_by_test_id("stHeading"), timeout)
    wait_for_or_exception(page, page.get_by_test_id(ready_testid), timeout)
    wait_idle(page, timeout)
    fail_on_exception(page)


def widget(scope: Any, testid: str, text: str) -> Any:
    """The widget with data-testid ``testid`` whose label is exactly ``text``."""
    page = getattr(scope, "page", scope)  # a ``has=`` locator must start at the page, not at ``scope``
    return scope.get_by_test_id(testid).filter(has=page.get_by_test_id("stWidgetLabel").get_by_text(text, exact=True))


def choose(page: Any, box: Any, *options: str) -> None:
    """Pick ``options`` in a selectbox or multiselect (react-aria combobox) by their visible text."""
    opener = box.locator("button[aria-haspopup='listbox']")  # a click in the input does not always open it
    for option in options:
        item = page.get_by_role("option", name=option, exact=True)
        for _ in range(5):  # the list sometimes closes again while a rerun redraws the form
            if item.is_visible():
                break
            (opener.first if opener.count() else box.locator("input").first).click()
            try:
                item.wait_for(state="visible", timeout=3000)
            except PlaywrightTimeout:
                page.keyboard.press("Escape")
        item.click()
    page.keyboard.press("Escape")


def pill(scope: Any, group_label: str, option: str) -> None:
    widget(scope, "stButtonGroup", group_label).get_by_role("button", name=option, exact=True).click()


def is_rtl(page: Any, expect: bool | None = None, timeout: float = 10_000) -> bool:
    """Computed direction of the main column plus the app's own direction marker (waits up to ``timeout`` for
    ``expect``). The page frame itself stays left to right (see app/ui.py)."""
    if expect is not None:
        with suppress(PlaywrightTimeout):
            page.locator(f"#lob-dir[dir='{'rtl' if expect else 'ltr'}']").wait_for(state="attached", timeout=timeout)
    return bool(
        page.evaluate(
            "() => getComputedStyle(document.querySelector('[data-testid=stMainBlockContainer]')).direction === 'rtl'"
            " && document.querySelector('#lob-dir')?.getAttribute('dir') === 'rtl'"
        )
    )


def set_language(page: Any, lang: str) -> None:
    """Switch the language selectbox in the sidebar (its options are shown in their own language) to ``lang``."""
    sidebar = page.get_by_test_id("stSidebar")
    box = sidebar.get_by_test_id("stSelectbox").first
    if not box.is_visible():  # phone width: the sidebar is collapsed
        page.get_by_test_id("stExpandSidebarButton").click()
    choose(page, box, label("taal", lang, lang))
    page.locator(f"#lob-dir[data-lang='{lang}']").wait_for(state="attached", timeout=LONG)
    wait_idle(page)


@dataclass
class MentorInput:
    """What the test types into the mentor form (codes; the driver shows them in the page language)."""

    schooltype: str = "vmbo-bb"
    interesses: tuple[str, ...] = ("autos_motoren",)
    werkvoorkeuren: tuple[str, ...] = ("handen",)
    plaats: str = "3083"
    taal_ouders: str = "tr"


def fill_mentor_form(page: Any, data: MentorInput, lang: str = "nl") -> None:
    """Fill and submit the mentor form; returns when the route cards are shown."""
    form = page.get_by_test_id("stForm")
    choose(page, widget(form, "stSelectbox", t("mentor.schooltype", lang)), label("schooltype", data.schooltype, lang))
    choose(
        page,
        widget(form, "stMultiSelect", t("mentor.interesses", lang)),
        *(label("interesse", c, lang) for c in data.interesses),
    )
    for code in data.werkvoorkeuren:
        pill(form, t("mentor.werkvoorkeuren", lang), label("werkvoorkeur", code, lang))
    widget(form, "stTextInput", t("mentor.postcode", lang)).locator("input").fill(data.plaats)
    choose(page, widget(form, "stSelectbox", t("mentor.taal_ouders", lang)), label("taal", data.taal_ouders, lang))
    form.get_by_test_id("stFormSubmitButton").get_by_role("button").click()
    page.get_by_test_id("stHeading").filter(has_text=t("mentor.routes", lang)).wait_for(timeout=LONG)
    wait_idle(page)


def ask(page: Any, question: str) -> Any:
    """Type ``question`` in the chat input, press Enter; returns the assistant's message once it has sources."""
    before = page.get_by_test_id("stChatMessage").count()
    box = page.get_by_test_id("stChatInput").locator("textarea")
    box.fill(question)
    box.press("Enter")
    answer = page.get_by_test_id("stChatMessage").nth(before + 1)
    wait_for_or_exception(page, answer.get_by_test_id("stExpander").filter(has_text="📎"))
    wait_idle(page)
    return answer


def screenshot(page: Any, path: Path, full: bool = True, max_height: int = 12000) -> Path:
    """Save a PNG of the page; ``full`` grows the viewport to the height of Streamlit's scrolling main area."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = dict(page.viewport_size)
    if full:
        height = page.evaluate(  # the tallest scrolling area (main, chat, sidebar) decides
            "() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
        )
        page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(int(height), max_height))})
        page.evaluate(
            "() => { window.scrollTo(0, 0); document.querySelectorAll("
            "'[data-testid=stMain], [data-testid=stAppViewContainer]').forEach(e => e.scrollTo(0, 0)); }"
        )
        page.wait_for_timeout(800)  # charts and maps re-layout
    page.screenshot(path=str(path))
    if full:
        page.set_viewport_size(size)
    return path


def scroll_into_top(page: Any, target: Any) -> None:
    """Scroll Streamlit's main area so that ``target`` is at the top of the viewport."""
    target.evaluate(
        "e => { e.style.scrollMarginTop = '70px'; e.scrollIntoView({block: 'start'}); }"
    )  # below the header
    page.wait_for_timeout(500)


def overflowing(page: Any) -> list[str]:
    """Visible elements that stick out to the right of the viewport (a phone layout should have none)."""
    return list(
        page.evaluate(
            """() => { const w = document.documentElement.clientWidth; const out = [];
        for (const e of document.querySelectorAll('[data-testid=stMainBlockContainer] *')) {
          const r = e.getBoundingClientRect();
          if (r.width > 0 && r.right > w + 1 && !e.closest('[data-testid=stSidebar]')) {
            out.push((e.getAttribute('data-testid') || e.tagName.toLowerCase()) + ' ' + Math.round(r.right) + 'px');
          }
        }
        return out.slice(0, 20); }"""
        )
    )

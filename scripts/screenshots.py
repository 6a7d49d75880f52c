"""Make the README screenshots with the same browser driver as the end-to-end test.

    python scripts/screenshots.py                 # starts `lob-kompas app` on a free port, writes docs/screenshots/
    python scripts/screenshots.py --url http://127.0.0.1:8501   # use an app that is already running

Writes mentor.png (mentor page with routes, Dutch, 1280 wide), mentor_phone.png (the same at 390x844) and
ouders_ar.png (parents' page in Arabic). Needs Debian's Chromium (apt-get install chromium) and playwright;
fonts-noto-color-emoji makes the emoji icons show. The pupil profile is an example, never real data.
"""
from __future__ import annotations

import argparse
import os
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "app"))
sys.path.insert(0, str(ROOT))
import browser_helpers as bh  # noqa: E402

from knowledge.i18n import t  # noqa: E402

EXAMPLE = bh.MentorInput(schooltype="vmbo-bb", interesses=("autos_motoren",), werkvoorkeuren=("handen",),
                         plaats="3083", taal_ouders="tr")


def mentor(browser: Any, url: str, out: Path, max_height: int) -> Path:
    """Fill the example profile in Dutch and photograph the form with the first route (desktop width)."""
    context = browser.new_context(viewport=bh.DESKTOP, locale="nl-NL")
    try:
        page = context.new_page()
        bh.open_page(page, url + "/", ready_testid="stForm")
        bh.fill_mentor_form(page, EXAMPLE, lang="nl")
        return bh.screenshot(page, out, max_height=max_height)
    finally:
        context.close()


def mentor_phone(browser: Any, url: str, out: Path) -> Path:
    """One phone screen (390x844, sharp at scale 2) with the first route card; warns about sideways overflow."""
    context = browser.new_context(viewport=bh.PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  locale="nl-NL")
    try:
        page = context.new_page()
        bh.open_page(page, url + "/", ready_testid="stForm")
        bh.fill_mentor_form(page, EXAMPLE, lang="nl")
        wide = bh.overflowing(page)
        if wide:
            print(f"warning: wider than the phone screen: {', '.join(wide)}", file=sys.stderr)
        bh.scroll_into_top(page, page.get_by_test_id("stHeading").filter(has_text=t("mentor.routes", "nl")))
        return bh.screenshot(page, out, full=False)
    finally:
        context.close()


def parents_ar(browser: Any, url: str, out: Path, max_height: int) -> Path:
    context = browser.new_context(viewport=bh.DESKTOP, locale="ar")
    try:
        page = context.new_page()
        bh.open_page(page, url + "/ouders?lang=ar")
        if not bh.is_rtl(page, expect=True):
            marker = page.locator("#lob-dir").evaluate_all("els => els.map(e => e.outerHTML)")
            raise RuntimeError(f"the parents' page in Arabic is not right to left (marker: {marker}, {page.url})")
        return bh.screenshot(page, out, max_height=max_height)
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--url", help="an app that is already running (otherwise one is started)")
    args = parser.parse_args(argv)

    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    log = ROOT / "test-artifacts" / "screenshots-app.log"
    server = nullcontext(None) if args.url else bh.app_server(env, log)
    with server as srv, bh.chromium() as browser:
        url = args.url.rstrip("/") if srv is None else srv.url
        written = [
            mentor(browser, url, args.out / "mentor.png", max_height=2240),
            mentor_phone(browser, url, args.out / "mentor_phone.png"),
            parents_ar(browser, url, args.out / "ouders_ar.png", max_height=1500),
        ]
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

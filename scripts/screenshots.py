"""Make the screenshots in docs/screenshots/ with the same browser driver as the end-to-end test.

    python scripts/screenshots.py                 # starts `lob-kompas app` on a free port, writes docs/screenshots/
    python scripts/screenshots.py --url http://127.0.0.1:8501   # use an app that is already running

For each of Dutch and Arabic, at desktop (1366x900) and phone (390x844) size: the parents' page, the
mentor's results (routes and the offline activities map) and the informatieavond panel; plus the
informatieavond poster and both pages of the verslag, as PNG made from the PDFs with pdftoppm.
Needs Debian's Chromium (apt-get install chromium), poppler-utils and playwright; fonts-noto-color-emoji
makes the emoji icons show. The pupil profile is an example, never real data. The app started here gets
an example public address (LOB_PUBLIC_URL) so that the informatieavond panel shows its QR codes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
import browser_helpers as bh  # noqa: E402

from knowledge.i18n import t  # noqa: E402

EXAMPLE = bh.MentorInput(
    schooltype="vmbo-bb", interesses=("autos_motoren",), werkvoorkeuren=("handen",), plaats="3083", taal_ouders="ar"
)
EXAMPLE_PUBLIC_URL = "http://192.168.1.20:8501"
DESKTOP = {"width": 1366, "height": 900}
SIZES = {"desktop": DESKTOP, "phone": bh.PHONE}


def _context(browser: Any, size: str, lang: str) -> Any:
    if size == "phone":
        return browser.new_context(
            viewport=bh.PHONE,
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
            locale="ar" if lang == "ar" else "nl-NL",
        )
    return browser.new_context(viewport=DESKTOP, locale="ar" if lang == "ar" else "nl-NL")


def _shoot(page: Any, out: Path, size: str, max_height: int) -> Path:
    # a phone screenshot is the first two screens, as a parent scrolls; desktop is the whole page (bounded)
    if size == "phone":
        return bh.screenshot(page, out, max_height=2 * bh.PHONE["height"])
    return bh.screenshot(page, out, max_height=max_height)


def parents(browser: Any, url: str, out: Path, size: str, lang: str) -> Path:
    context = _context(browser, size, lang)
    try:
        page = context.new_page()
        bh.open_page(page, f"{url}/ouders?lang={lang}")
        return _shoot(page, out, size, 2600)
    finally:
        context.close()


def mentor(browser: Any, url: str, out: Path, size: str, lang: str) -> Path:
    """Fill the example profile and photograph the results: on a phone from the activities map on."""
    context = _context(browser, size, lang)
    try:
        page = context.new_page()
        bh.open_page(page, f"{url}/?lang={lang}", ready_testid="stForm")
        if size == "phone":  # a dropdown list on a narrow screen can sit under the next label: fill it wide
            page.set_viewport_size(DESKTOP)
        bh.fill_mentor_form(page, EXAMPLE, lang=lang)
        if size == "phone":
            page.set_viewport_size(bh.PHONE)
            bh.wait_idle(page)
        wide = bh.overflowing(page)
        if wide:
            print(f"warning: {out.name}: wider than the screen: {', '.join(wide)}", file=sys.stderr)
        if size == "phone":
            bh.scroll_into_top(page, page.get_by_test_id("stHeading").filter(has_text=t("mentor.activities", lang)))
            return bh.screenshot(page, out, full=False)
        bh.scroll_into_top(page, page.get_by_test_id("stHeading").filter(has_text=t("mentor.routes", lang)))
        return bh.screenshot(page, out, max_height=3400)
    finally:
        context.close()


def evening(browser: Any, url: str, out: Path, size: str, lang: str) -> Path:
    context = _context(browser, size, lang)
    try:
        page = context.new_page()
        bh.open_page(page, f"{url}/informatieavond?lang={lang}")
        return _shoot(page, out, size, 1600)
    finally:
        context.close()


def pdf_pages(pdf: bytes, stem: Path) -> list[Path]:
    """Each page of a PDF as PNG (pdftoppm, 80 dpi: A4 becomes about 660x935)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise SystemExit("pdftoppm is missing: apt-get install poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf)
        subprocess.run([exe, "-png", "-r", "80", str(source), str(Path(tmp) / "p")], check=True)
        written = []
        for i, png in enumerate(sorted(Path(tmp).glob("p-*.png")), start=1):
            target = stem.with_name(f"{stem.name}_{i}.png")
            shutil.copyfile(png, target)
            written.append(target)
    return written


def documents(out: Path) -> list[Path]:
    """The verslag (Dutch + Arabic) and the informatieavond poster, as the app makes them."""
    from app.poster import build_poster_pdf
    from app.report import build_pdf
    from knowledge import load_knowledge
    from recommender.advies import recommend
    from recommender.profile import Profiel

    kb = load_knowledge()
    profiel = Profiel.model_validate(
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-bb",
            "interesses": ["autos_motoren"],
            "werkvoorkeuren": ["handen"],
            "postcode": "3083",
            "taal_ouders": "ar",
        }
    )
    written = pdf_pages(build_pdf(kb, profiel, recommend(kb, profiel), "ar"), out / "verslag")
    geen = profiel.model_copy(
        update={
            "school": "vmbo_vak_college_zuidrand",
            "schooltype": "vmbo-kb",
            "interesses": ["elektro", "ict_programmeren"],
        }
    )
    written += pdf_pages(build_pdf(kb, geen, recommend(kb, geen), "ar"), out / "verslag_geen_techniekprofiel")
    written += pdf_pages(build_poster_pdf(EXAMPLE_PUBLIC_URL), out / "informatieavond_poster")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--url", help="an app that is already running (otherwise one is started)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false", LOB_PUBLIC_URL=EXAMPLE_PUBLIC_URL)
    log = ROOT / "test-artifacts" / "screenshots-app.log"
    server = nullcontext(None) if args.url else bh.app_server(env, log)
    written: list[Path] = []
    with server as srv, bh.chromium() as browser:
        url = args.url.rstrip("/") if srv is None else srv.url
        for lang in ("nl", "ar"):
            for size in SIZES:
                written.append(parents(browser, url, args.out / f"ouders_{lang}_{size}.png", size, lang))
                written.append(mentor(browser, url, args.out / f"mentor_{lang}_{size}.png", size, lang))
                written.append(evening(browser, url, args.out / f"informatieavond_{lang}_{size}.png", size, lang))
    written += documents(args.out)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Screenshots of the decaan's side at 1366x900, made the way a decaan works: upload a messy school sheet,
look at the preview and mapping, choose defaults, save, then look at the gap analysis.

    python scripts/screenshots_decaan.py           # starts `lob-kompas app --address 127.0.0.1` in a fresh LOB_HOME

Writes docs/screenshots/initiatieven_import.png (preview with mapping and row errors) and
docs/screenshots/initiatieven_gaps.png (summary, flags and charts). The sheet is invented example data.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "app"))
sys.path.insert(0, str(ROOT))
import browser_helpers as bh  # noqa: E402

from knowledge.i18n import label, t  # noqa: E402

VIEW = {"width": 1366, "height": 900}


def school_sheet(path: Path) -> Path:
    """What a decaan's own planning sheet tends to look like: a merged title, a note, blank rows, own headers,
    Dutch dates without a year, a date cell, a footnote, and a few mistakes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    ws.title = "Techniek 2026-2027"
    ws["A1"] = "Activiteitenkalender techniek – onderbouw en bovenbouw (concept)"
    ws.merge_cells("A1:F1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "bijgewerkt door de decaan, oktober 2026"
    ws.merge_cells("A2:F2")
    ws.append([])
    ws.append(["Activiteit", "Datum", "Voor wie", "Locatie", "Organisatie", "Link"])
    rows = [
        [
            "Open dag Zadkine techniek",
            "14 maart",
            "leerlingen klas 3 vmbo + ouders",
            "Zadkine, 3083 Rotterdam",
            "Zadkine",
            "www.zadkine.nl",
        ],
        ["Gastles drones", dt.datetime(2027, 2, 5), "klas 2", "Schiedam", "Drone Lab", ""],
        ["Bedrijfsbezoek RET werkplaats", "wo 12 mei 2027", "vmbo bovenbouw", "Kleiweg, 3051 GT Rotterdam", "RET", ""],
        [None] * 6,
        ["Girlsday", "9 april", "meiden klas 1 en 2", "Port of Rotterdam", "VHTO", "https://www.girlsday.nl"],
        ["Techniekweek markt", "3 t/m 7 november", "alle leerlingen", "Schiedam", "Techniek Nederland", ""],
        ["Voorlichting mbo techniek voor ouders", "jaarlijks in januari", "ouders", "online", "Albeda", ""],
        ["Havenexcursie", "nog niet bekend", "klas 3", "Maasvlakte", "EIC Mainport", ""],
        ["Robotica workshop", "31 februari", "havo 4", "Delft", "RoboHub", ""],
        ["Lasdag", "20-3-2027", "opa's", "Atlantis", "Metaalunie", ""],
    ]
    for row in rows:
        ws.append(row)
    ws.append([])
    ws.append(["* onder voorbehoud"])
    for col, width in zip("ABCDEF", (34, 20, 30, 28, 22, 26), strict=True):
        ws.column_dimensions[col].width = width
    book.save(path)
    return path


def main() -> int:
    out = ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory(prefix="lob-shots-") as home:
        env = dict(os.environ, LOB_HOME=home, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
        env.pop("LOB_DATABASE_URL", None)
        sheet = school_sheet(Path(home) / "kalender techniek.xlsx")
        with bh.app_server(env, ROOT / "test-artifacts" / "screenshots-decaan.log") as server, bh.chromium() as browser:
            context = browser.new_context(viewport=VIEW, locale="nl-NL")
            page = context.new_page()
            bh.open_page(page, server.url + "/")  # through the app's own navigation, as a decaan would
            page.get_by_test_id("stSidebarNav").get_by_text(t("app.nav_initiatives", "nl"), exact=True).click()
            bh.wait_for_or_exception(page, page.get_by_test_id("stFileUploader"))
            bh.wait_idle(page)
            page.locator("input[type=file]").set_input_files(str(sheet))
            preview = page.get_by_test_id("stHeading").filter(
                has_text=t("initiatives.preview_title", "nl", file=sheet.name)
            )
            bh.wait_for_or_exception(page, preview)
            bh.wait_idle(page)
            defaults = page.get_by_test_id("stSelectbox").filter(
                has=page.get_by_test_id("stWidgetLabel").get_by_text(
                    t("initiatives.field.praktijkgerichtheid", "nl"), exact=True
                )
            )
            bh.choose(page, defaults.last, label("praktijk", "deels", "nl"))
            bh.wait_idle(page)
            place = bh.widget(page, "stTextInput", t("initiatives.default_place", "nl"))
            place.locator("input").fill("Rotterdam")
            place.locator("input").press("Enter")
            bh.wait_idle(page)
            bh.fail_on_exception(page)
            bh.scroll_into_top(page, preview.last)
            bh.screenshot(page, out / "initiatieven_import.png", full=False)
            bh.screenshot(page, ROOT / "test-artifacts" / "initiatieven_import_full.png")  # for review, not docs
            page.get_by_test_id("stButton").filter(has_text="opslaan als lijst").locator("button").click()
            bh.wait_idle(page)
            bh.fail_on_exception(page)
            gaps = page.get_by_role("heading", name="🧩 " + t("initiatives.gaps_title", "nl"))
            bh.scroll_into_top(page, gaps.first)
            bh.screenshot(page, out / "initiatieven_gaps.png", full=False)
            bh.screenshot(page, ROOT / "test-artifacts" / "initiatieven_after_save_full.png")
            context.close()
    print(f"wrote {out / 'initiatieven_import.png'} and {out / 'initiatieven_gaps.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

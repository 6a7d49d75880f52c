"""The offline map: a self-contained SVG with a home marker, numbered labelled points, area names,
a scale in the page's language; no address to fetch unless an administrator set a tile server."""

from __future__ import annotations

import re

import pytest

from app.map import Home, MapPoint, legend_html, map_svg, nearby_areas, tile_url
from app.ui import as_html_text
from knowledge import KnowledgeBase

HOME = Home("Charlois", 51.8833, 4.4717)
POINTS = [
    MapPoint(1, "RDM Trainingsplant", 51.8996, 4.4341, 3.8),
    MapPoint(2, "Slim Gemaakt", 51.8899, 4.4911, 1.7),
    MapPoint(3, "Techniek College Rotterdam", 51.8899, 4.4911, 1.7),
]


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def test_map_has_home_numbers_labels_areas_and_scale(kb: KnowledgeBase) -> None:
    areas = nearby_areas(kb, [p.lat for p in POINTS] + [HOME.lat], [p.lon for p in POINTS] + [HOME.lon])
    svg = map_svg(POINTS, HOME, areas, "nl")
    texts = _texts(svg)
    assert "Thuis (Charlois)" in texts
    assert {"1", "2", "3"} <= set(texts)  # every number shows, also for two points at one address
    assert "RDM Trainingsplant" in texts
    assert any(name in texts for name in ("Feijenoord", "Carnisse", "Bloemhof", "Tarwewijk")), texts
    assert any(re.fullmatch(r"\d+(,\d)? km", t) for t in texts), texts  # the scale, in Dutch
    assert svg.count("class='home'") == 1 and svg.count("class='point'") == 3
    centres = re.findall(r"<g class='point'><circle cx='([\d.]+)' cy='([\d.]+)'", svg)
    assert len(set(centres)) == 3, "points at the same address must not hide each other"


def test_map_fetches_nothing_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOB_TILE_URL", raising=False)
    assert tile_url() is None
    svg = map_svg(POINTS, HOME, [], "ar")
    assert not re.search(r"\b(href|src)\s*=", svg)
    assert "<image" not in svg
    assert re.search(r"كم", svg)  # the scale in Arabic


def test_admin_tile_server_is_the_only_address(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
    monkeypatch.setenv("LOB_TILE_URL", url)
    assert tile_url() == url
    svg = map_svg(POINTS, HOME, [], "nl", tile_url(), "Kaartgegevens © Kadaster")
    hrefs = re.findall(r"href='([^']+)'", svg)
    assert hrefs and all(h.startswith("https://service.pdok.nl/brt/achtergrondkaart/") for h in hrefs)
    assert all(re.search(r"/1[0-6]/\d+/\d+\.png$", h) for h in hrefs)
    monkeypatch.setenv("LOB_TILE_URL", "not a url")
    assert tile_url() is None


def test_names_are_escaped() -> None:
    evil = MapPoint(1, "<img src=http://evil.example/x.png>", 51.9, 4.45)
    svg = map_svg([evil], None, [("<b>wijk</b>", 51.9, 4.46)], "nl")
    assert "<img" not in svg and "<b>" not in svg and "&lt;img" in svg


def test_legend_in_the_page_language() -> None:
    assert "thuis: Charlois" in legend_html("nl", HOME) and "dir='rtl'" in legend_html("ar", HOME)
    assert "thuis" not in legend_html("nl", None)


@pytest.mark.parametrize(
    "text",
    [
        "![x](http://evil.example/x.png)",
        "<img src=http://evil.example>",
        "[klik](javascript:alert(1))",
        "**vet** & <b>",
        "a\n\n![x](http://evil.example/y.png)",
    ],
)
def test_imported_text_in_the_map_list_has_no_markup(text: str) -> None:
    shown = as_html_text(text)
    assert not re.search(r"<(?!br>)|(?<!<br)>", shown), shown  # no tag but the line break
    assert "\n" not in shown

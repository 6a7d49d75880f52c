"""An activities map that works offline and leaks nothing: a self-contained SVG drawn here.

What it shows: the pupil's home (or the searched place), numbered and labelled points, the names of
the nearby wijken and gemeenten from the knowledge base, a distance scale and a legend; the pages put
the list of the same numbers beside it, sorted by distance.

By default no request leaves the machine: no map style, no tiles, no fonts. An administrator may set
``LOB_TILE_URL`` to a tile server in Web Mercator (``{z}/{x}/{y}``), for example the Dutch government's
public PDOK background map::

    LOB_TILE_URL=https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png
    LOB_TILE_ATTRIBUTION="Kaartgegevens © Kadaster"

Then the browser fetches those tiles (and only those) as the background; the points stay drawn here.
Positions use Web Mercator so that they sit on the tiles exactly.
"""

from __future__ import annotations

import html
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge import KnowledgeBase
from knowledge.geo import haversine_km
from knowledge.i18n import direction, t
from knowledge.i18n.formats import format_km

TILE_URL_ENV = "LOB_TILE_URL"
TILE_ATTRIBUTION_ENV = "LOB_TILE_ATTRIBUTION"
WIDTH, HEIGHT = 720, 460  # the SVG's own units; it scales to the column width
PHONE_SIZE = (400, 420)  # a narrower drawing for phones, so that its text is not scaled down to a squint
TILE = 256
MIN_ZOOM, MAX_ZOOM = 9, 16
LABEL_CHARS = 26
FONT = "font-family='DejaVu Sans, Arial, sans-serif'"


@dataclass(frozen=True)
class MapPoint:
    """A numbered activity (or place) on the map; ``nummer`` is the same as in the list beside it."""

    nummer: int
    naam: str
    lat: float
    lon: float
    afstand_km: float | None = None


@dataclass(frozen=True)
class Home:
    naam: str
    lat: float
    lon: float


def tile_url() -> str | None:
    """The administrator's tile server, or None (the default: fully offline)."""
    url = os.environ.get(TILE_URL_ENV, "").strip()
    return url if url.startswith(("https://", "http://")) and "{z}" in url else None


# --------------------------------------------------------------------------- projection


def _world(lat: float, lon: float) -> tuple[float, float]:
    """Web Mercator at zoom 0, in pixels of a 256-pixel world."""
    x = (lon + 180.0) / 360.0 * TILE
    s = math.sin(math.radians(max(min(lat, 85.0), -85.0)))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * TILE
    return x, y


@dataclass(frozen=True)
class _View:
    width: int
    height: int
    zoom: float
    left: float  # pixel coordinates at ``zoom`` of the SVG's top-left corner
    top: float
    lat: float  # centre latitude, for the scale

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        x, y = _world(lat, lon)
        f = 2**self.zoom
        return x * f - self.left, y * f - self.top

    def metres_per_unit(self) -> float:
        return 156_543.033_92 * math.cos(math.radians(self.lat)) / 2**self.zoom


def _view(lats: list[float], lons: list[float], width: int, height: int, whole_zoom: bool) -> _View:
    """The frame around the points. Tiles exist only at whole zoom levels; without tiles the drawing
    zooms in exactly as far as the points allow, so that they spread over the whole map."""
    xs, ys = zip(*(_world(a, o) for a, o in zip(lats, lons, strict=True)), strict=True)
    span_x = max(max(xs) - min(xs), 1e-6)
    span_y = max(max(ys) - min(ys), 1e-6)
    # room around the points for their labels: 70 % of the width and height at most
    fit = math.log2(min(width * 0.72 / span_x, height * 0.72 / span_y))
    zoom: float = max(MIN_ZOOM, min(MAX_ZOOM, math.floor(fit) if whole_zoom else fit))
    f = 2**zoom
    cx, cy = (max(xs) + min(xs)) / 2 * f, (max(ys) + min(ys)) / 2 * f
    return _View(width, height, zoom, cx - width / 2, cy - height / 2, (max(lats) + min(lats)) / 2)


# --------------------------------------------------------------------------- drawing


class _Labels:
    """Greedy placement: a label that would cover another one is left out (its number still shows)."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.boxes: list[tuple[float, float, float, float]] = []

    def free(self, box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        if x0 < 2 or y0 < 2 or x1 > self.width - 2 or y1 > self.height - 2:
            return False
        return all(x1 < a or x0 > c or y1 < b or y0 > d for a, b, c, d in self.boxes)

    def take(self, box: tuple[float, float, float, float]) -> None:
        self.boxes.append(box)


def _text_width(text: str, size: float) -> float:
    return len(text) * size * 0.58


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


def _scale_bar(view: _View, lang: str) -> str:
    metres = view.metres_per_unit()
    target = view.width * 0.22 * metres / 1000  # km for about a fifth of the width
    nice = next((n for n in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50) if n >= target * 0.6), 50.0)
    length = nice * 1000 / metres
    x, y = 14, view.height - 18
    label = html.escape(format_km(nice, lang))
    return (
        f"<g class='scale'><rect x='{x - 6}' y='{y - 22}' width='{length + 12}' height='32' fill='white' "
        f"fill-opacity='0.85' rx='4'/>"
        f"<path d='M{x} {y - 5} V{y} H{x + length:.1f} V{y - 5}' fill='none' stroke='#222' stroke-width='2'/>"
        f"<text x='{x + length / 2:.1f}' y='{y - 8}' font-size='12' text-anchor='middle' {FONT} "
        f"fill='#222'>{label}</text></g>"
    )


def _house(x: float, y: float) -> str:
    return (
        f"<g class='home'><circle cx='{x:.1f}' cy='{y:.1f}' r='13' fill='#c62828' stroke='white' "
        f"stroke-width='2.5'/><path d='M{x - 6:.1f} {y + 5:.1f} V{y - 1:.1f} L{x:.1f} {y - 7:.1f} "
        f"L{x + 6:.1f} {y - 1:.1f} V{y + 5:.1f} Z' fill='white'/></g>"
    )


def _pin(x: float, y: float, nummer: int) -> str:
    return (
        f"<g class='point'><circle cx='{x:.1f}' cy='{y:.1f}' r='11' fill='#1f5fbf' stroke='white' "
        f"stroke-width='2'/><text x='{x:.1f}' y='{y + 4.2:.1f}' font-size='12' font-weight='bold' "
        f"text-anchor='middle' fill='white' {FONT}>{nummer}</text></g>"
    )


def _spread(xy: tuple[float, float], taken: list[tuple[float, float]]) -> tuple[float, float]:
    """A marker that would sit on another one moves round it, so that every number stays visible
    (activities at one address, such as a school with several programmes)."""
    x, y = xy
    for step in range(24):
        if all(math.hypot(x - a, y - b) >= 22 for a, b in taken):
            return x, y
        angle = step * 2.4  # golden-angle turns: the next free place is never far
        radius = 24 + 5 * (step // 6)
        x, y = xy[0] + radius * math.cos(angle), xy[1] + radius * math.sin(angle)
    return x, y


def nearby_areas(kb: KnowledgeBase, view_lats: list[float], view_lons: list[float]) -> list[tuple[str, float, float]]:
    """Wijken (when the view is a part of a city) or gemeenten (wider views) from the knowledge base."""
    span_km = haversine_km(min(view_lats), min(view_lons), max(view_lats), max(view_lons))
    kinds = ("wijk", "gebied") if span_km < 12 else ("gemeente",)
    return [(g.naam, g.lat, g.lon) for g in kb.gebieden.values() if g.soort in kinds]


def map_svg(
    points: Sequence[MapPoint],
    home: Home | None,
    areas: Sequence[tuple[str, float, float]],
    lang: str,
    tiles: str | None = None,
    attribution: str | None = None,
    size: tuple[int, int] = (WIDTH, HEIGHT),
) -> str:
    """The map as one SVG element. Every text is escaped; nothing in it loads anything unless ``tiles``
    (the administrator's tile server) is given."""
    lats = [p.lat for p in points] + ([home.lat] if home else [])
    lons = [p.lon for p in points] + ([home.lon] if home else [])
    if not lats:
        return ""
    width, height = size
    view = _view(lats, lons, width, height, whole_zoom=bool(tiles))
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='100%' "
        f"role='img' aria-label='{html.escape(t('map.aria', lang))}' class='lob-map' "
        f"style='max-width:{width}px;border:1px solid #ccd;border-radius:6px;background:#eef2f5'>"
    ]
    if tiles:
        n = 2 ** int(view.zoom)
        for tx in range(int(view.left // TILE), int((view.left + width) // TILE) + 1):
            for ty in range(int(view.top // TILE), int((view.top + height) // TILE) + 1):
                if 0 <= tx < n and 0 <= ty < n:
                    url = html.escape(tiles.format(z=int(view.zoom), x=tx, y=ty))
                    parts.append(
                        f"<image href='{url}' x='{tx * TILE - view.left:.1f}' "
                        f"y='{ty * TILE - view.top:.1f}' width='{TILE}' height='{TILE}'/>"
                    )
    labels = _Labels(width, height)
    placed: list[str] = []
    # markers first, so that no label covers a marker; points at the same place are spread around it
    marks: list[tuple[float, float, MapPoint | None]] = []
    if home is not None:
        hx, hy = view.xy(home.lat, home.lon)
        labels.take((hx - 14, hy - 14, hx + 14, hy + 14))
        marks.append((hx, hy, None))
    for p in points:
        x, y = _spread(view.xy(p.lat, p.lon), [(mx, my) for mx, my, _ in marks])
        labels.take((x - 12, y - 12, x + 12, y + 12))
        marks.append((x, y, p))
    # labels of home and the points, then the area names where there is room
    for mx, my, mark in marks:
        text = _short(mark.naam) if mark else t("map.home", lang, place=home.naam if home else "")
        fsize = 12.5 if mark else 13
        tw = _text_width(text, fsize)
        gap = 15 if mark else 17
        sides: list[tuple[float, float, str]] = [
            (mx + gap, my + 4.5, "start"),
            (mx - gap, my + 4.5, "end"),
            (mx, my - gap - 3, "middle"),
            (mx, my + gap + 11, "middle"),
            (mx + gap - 4, my - gap + 2, "start"),
            (mx - gap + 4, my - gap + 2, "end"),
            (mx + gap - 4, my + gap + 8, "start"),
            (mx - gap + 4, my + gap + 8, "end"),
        ]
        for lx, ly, anchor in sides:
            x0: float = lx if anchor == "start" else lx - tw if anchor == "end" else lx - tw / 2
            lbox = (x0 - 1, ly - fsize, x0 + tw + 1, ly + 2)
            if labels.free(lbox):
                labels.take(lbox)
                color = "#7a1010" if mark is None else "#0d2f66"
                # no direction attribute: the boxes assume left-to-right anchoring, and the browser's
                # bidi algorithm still orders Arabic letters inside the label
                placed.append(
                    f"<text x='{lx:.1f}' y='{ly:.1f}' font-size='{fsize}' text-anchor='{anchor}' {FONT} "
                    f"fill='{color}' font-weight='{'bold' if mark is None else 'normal'}' stroke='white' "
                    f"stroke-width='3.5' paint-order='stroke'>{html.escape(text)}</text>"
                )
                break
    areas_svg = []
    for name, lat, lon in areas:
        ax, ay = view.xy(lat, lon)
        tw = _text_width(name, 11.5)
        abox = (ax - tw / 2 - 2, ay - 12, ax + tw / 2 + 2, ay + 3)
        if labels.free(abox):
            labels.take(abox)
            areas_svg.append(
                f"<text x='{ax:.1f}' y='{ay:.1f}' font-size='11.5' text-anchor='middle' {FONT} "
                f"fill='#5b6470' font-style='italic' letter-spacing='0.5'>{html.escape(name)}</text>"
            )
    parts += areas_svg
    for hx, hy, hp in marks:
        parts.append(_house(hx, hy) if hp is None else _pin(hx, hy, hp.nummer))
    parts += placed
    parts.append(_scale_bar(view, lang))
    if tiles and attribution:
        parts.append(
            f"<text x='{width - 6}' y='{height - 6}' font-size='10' text-anchor='end' {FONT} "
            f"fill='#333'>{html.escape(attribution)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def legend_html(lang: str, home: Home | None) -> str:
    """The legend under the map (HTML, in the page's direction)."""
    items = []
    if home is not None:
        items.append(
            f"<span><svg width='18' height='18' viewBox='-9 -9 18 18' aria-hidden='true'>"
            f"<circle r='8' fill='#c62828'/></svg> {html.escape(t('map.legend_home', lang, place=home.naam))}</span>"
        )
    items.append(
        f"<span><svg width='18' height='18' viewBox='-9 -9 18 18' aria-hidden='true'><circle r='8' "
        f"fill='#1f5fbf'/></svg> {html.escape(t('map.legend_point', lang))}</span>"
    )
    items.append(f"<span><i style='color:#5b6470'>{html.escape(t('map.legend_area', lang))}</i></span>")
    return (
        f"<div class='lob-legend' dir='{direction(lang)}' style='display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;"
        f"font-size:.9rem;margin:.3rem 0 .6rem'>{''.join(items)}</div>"
    )


__all__ = ["PHONE_SIZE", "Home", "MapPoint", "legend_html", "map_svg", "nearby_areas", "tile_url"]

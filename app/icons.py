"""The one place for the small pictures that stand next to a route: one symbol per mbo richting.

They are plain Unicode symbols that DejaVu Sans draws (the verslag's font), so the PDF, the HTML print
page and the app show the same picture, and nothing is fetched from anywhere.
"""

from __future__ import annotations

RICHTING_ICONS: dict[str, str] = {
    "bouw_infra": "⌂",
    "installatie_energie": "♨",
    "elektrotechniek": "⚡",
    "werktuigbouw_metaal": "⚒",
    "mobiliteit_voertuigen": "⚙",  # DejaVu has no car; a gear, as on a dashboard
    "maritiem_haven": "⚓",
    "logistiek": "⇄",
    "procestechniek": "⚗",
    "ict": "⌨",
    "media_vormgeving": "✎",
    "laboratorium": "⚛",
    "techniek_breed": "✦",
}
DEFAULT_ICON = "✦"


def richting_icon(richting: str) -> str:
    """The symbol of an mbo richting (a star for one we have no own symbol for)."""
    return RICHTING_ICONS.get(richting, DEFAULT_ICON)

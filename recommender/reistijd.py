"""How far mbo techniek students from the pupil's gemeente travel: a notice for the advice.

The figures are the gebied records' cijfers from seor2026 Tabel 3.4 (average cycling distance and public
transport time to the mbo location actually attended, sectorkamer Techniek en gebouwde omgeving, 2024).
Nothing is computed here; a gemeente without those figures (outside the MRDH) gives no notice.
"""

from __future__ import annotations

from knowledge.geo import gemeente_van
from knowledge.i18n import t
from knowledge.i18n.formats import format_km, format_number
from knowledge.loader import KnowledgeBase
from knowledge.schema import Cijfer
from knowledge.sources import source_label
from recommender.profile import Profiel

SECTOR = "techniek en gebouwde omgeving"


def _figure(cijfers: list[Cijfer], soort: str) -> Cijfer | None:
    return next((c for c in cijfers if SECTOR in c.omschrijving.lower() and soort in c.omschrijving.lower()), None)


def reistijd_melding(kb: KnowledgeBase, profiel: Profiel, talen: list[str]) -> dict[str, str] | None:
    """'Mbo-studenten techniek uit X reizen gemiddeld ... km en ... minuten' in each language, or None."""
    text = profiel.plaats_tekst()
    gemeente = gemeente_van(kb, text) if text else None
    if gemeente is None:
        return None
    km, ov = _figure(gemeente.cijfers, "fietsafstand"), _figure(gemeente.cijfers, "reistijd")
    if km is None or ov is None:
        return None
    return {
        taal: t(
            "advies.reistijd_gemeente",
            taal,
            gemeente=gemeente.naam,
            km=format_km(km.waarde, taal),
            minuten=format_number(ov.waarde, taal),
            jaar=km.jaar or "-",
            bron=source_label(kb, km.bron, taal),
        )
        for taal in talen
    }

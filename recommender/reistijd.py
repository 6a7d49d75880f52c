"""How far mbo techniek students from the pupil's gemeente travel: a notice for the advice.

The figures are the gebied records' cijfers from seor2026 Tabel 3.4 (average cycling distance and public
transport time to the mbo location actually attended, sectorkamer Techniek en gebouwde omgeving, 2024).
Nothing is computed here; a gemeente without those figures (outside the MRDH) gives no notice.
"""
from __future__ import annotations

from knowledge.geo import gemeente_van
from knowledge.loader import KnowledgeBase
from knowledge.schema import Cijfer
from recommender import texts
from recommender.profile import Profiel
from recommender.routes import kort_bron

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
    bron = kort_bron(kb, km.bron)
    return {t: texts.zin("reistijd_gemeente", t, gemeente=gemeente.naam, km=texts.fmt_getal(km.waarde, t),
                         minuten=texts.fmt_getal(ov.waarde, t), bron=bron) for t in talen}

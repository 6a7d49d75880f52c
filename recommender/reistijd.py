"""How far mbo techniek students from the pupil's gemeente travel: a notice for the advice.

The figures are the gebied records' cijfers from seor2026 Tabel 3.4 (average cycling distance and public
transport time to the mbo location actually attended, sectorkamer Techniek en gebouwde omgeving, 2024).
Nothing is computed here; a gemeente without those figures (outside the MRDH) gives no notice.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.geo import gemeente_van
from knowledge.i18n import t
from knowledge.i18n.formats import format_km, format_number
from knowledge.loader import KnowledgeBase
from knowledge.schema import Cijfer
from knowledge.sources import source_label
from recommender.profile import Profiel

# Tabel 3.4's sectorkamer columns, with the notice that names each: media/ICT routes take the CI&ICT column, every
# other technical route the T&GO one (review 6, defect 3: R01's media routes got 27 km where 21 km fits)
SECTOR = "techniek en gebouwde omgeving"
SECTOR_ICT = "creatieve industrie en ict"
ICT_RICHTINGEN = frozenset({"ict", "media_vormgeving"})
SLEUTEL = {SECTOR: "advies.reistijd_gemeente", SECTOR_ICT: "advies.reistijd_gemeente_ict"}


def sector_van(richtingen: Sequence[str]) -> str:
    """The Tabel 3.4 column for the routes shown: CI&ICT when most of them are media/ICT routes, else T&GO."""
    ict = sum(r in ICT_RICHTINGEN for r in richtingen)
    return SECTOR_ICT if richtingen and ict * 2 > len(richtingen) else SECTOR


def _figure(cijfers: list[Cijfer], soort: str, sector: str = SECTOR) -> Cijfer | None:
    return next((c for c in cijfers if sector in c.omschrijving.lower() and soort in c.omschrijving.lower()), None)


def reistijd_melding(
    kb: KnowledgeBase, profiel: Profiel, talen: list[str], richtingen: Sequence[str] = ()
) -> dict[str, str] | None:
    """'Mbo-studenten techniek uit X reizen gemiddeld ... km en ... minuten' in each language, or None; the column
    of the routes' sector (``richtingen``: the mbo richting of each route shown)."""
    text = profiel.plaats_tekst()
    gemeente = gemeente_van(kb, text) if text else None
    if gemeente is None:
        return None
    sector = sector_van(richtingen)
    km, ov = _figure(gemeente.cijfers, "fietsafstand", sector), _figure(gemeente.cijfers, "reistijd", sector)
    if km is None or ov is None:
        return None
    return {
        taal: t(
            SLEUTEL[sector],
            taal,
            gemeente=gemeente.naam,
            km=format_km(km.waarde, taal, as_reported=True),
            minuten=format_number(ov.waarde, taal, as_reported=True),
            jaar=km.jaar or "-",
            bron=source_label(kb, km.bron, taal),
        )
        for taal in talen
    }

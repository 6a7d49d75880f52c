"""Our classification of the 2023 inventory next to the report's own totals.

Report 003 (seor2023_promotie) lists 70 promotion initiatives in its appendix and publishes only
totals per characteristic (tables 3.1-3.6), no per-initiative table. We classified each initiative
ourselves (see ``Initiatief.classificatie``), so our totals can differ; :func:`compare_inventory`
puts both side by side so every difference is visible.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel

from knowledge import vocab
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief

# Totals over the 70 initiatives as printed in seor2023_promotie (SEOR 2023), chapter 3.
REPORT_TOTALS: dict[str, tuple[str, dict[str, int]]] = {
    "bereik": ("seor2023_promotie#Tabel 3.1", {"landelijk": 11, "lokaal": 59}),
    "lokaal_soort": (
        "seor2023_promotie#Tabel 3.1",
        {"mbo_instelling": 12, "jet_net": 18, "eic_haven": 5, "sto": 8, "overig": 16},
    ),
    "schooltypen": (
        "seor2023_promotie#Tabel 3.2",
        {"po": 25, "vo_onderbouw": 49, "vo_bovenbouw": 57, "vmbo": 64, "havo": 34, "vwo": 35},
    ),
    "doelgroepen": (
        "seor2023_promotie#Tabel 3.3",
        {"leerlingen": 68, "meisjes": 2, "migratieachtergrond": 1, "leraren": 16, "ouders": 13},
    ),
    "activiteiten": (
        "seor2023_promotie#Tabel 3.4",
        {
            "samenwerking_school_bedrijf": 36,
            "bedrijfsbezoek": 33,
            "stage": 1,
            "leerwerkplekken": 5,
            "gastles": 24,
            "informatie": 17,
            "evenement": 11,
            "open_dag": 16,
            "wedstrijd_online": 9,
        },
    ),
    "praktijkgerichtheid": ("seor2023_promotie#Tabel 3.5", {"geen": 18, "deels": 37, "veel": 15}),
    "branches": (
        "seor2023_promotie#Tabel 3.6",
        {
            "bouw": 17,
            "maritiem": 18,
            "installatietechniek": 21,
            "ict": 24,
            "technologie_wetenschap": 22,
            "techniek_breed": 56,
        },
    ),
}
INVENTORY_SIZE = 70  # seor2023_promotie#Tabel 2.1 and Bijlage


class InventoryRow(BaseModel):
    dimensie: str
    code: str
    ons: int
    rapport: int
    bron: str

    @property
    def verschil(self) -> int:
        return self.ons - self.rapport


def count_dimension(values: list[list[str] | str | None]) -> Counter[str]:
    """Count codes over records; a record with several codes counts once per code."""
    counter: Counter[str] = Counter()
    for v in values:
        if v is None:
            continue
        counter.update([v] if isinstance(v, str) else set(v))
    return counter


def compare_inventory(kb: KnowledgeBase) -> list[InventoryRow]:
    """Our totals over the 70 inventory initiatives next to the report's tables 3.1-3.6."""
    inventory = [i for i in kb.initiatieven.values() if i.inventarisatie_2023]
    rows = []
    for dim, (bron, totals) in REPORT_TOTALS.items():
        ours = count_dimension([getattr(i, dim) for i in inventory])
        codes = list(totals) if dim == "lokaal_soort" else list(vocab.DIMENSIONS[vocab.dimension_name(dim)])
        rows += [
            InventoryRow(dimensie=dim, code=c, ons=ours.get(c, 0), rapport=totals.get(c, 0), bron=bron) for c in codes
        ]
    return rows


# dimension -> attribute of Initiatief (the counted ones; from the registry in knowledge.vocab)
ATTRIBUTES: dict[str, str] = {
    name: d.attribute for name, d in vocab.DIMENSIES.items() if name not in ("bereik", "lokaal_soort")
}


def count_dimensions(initiatives: Sequence[Initiatief], overal: Sequence[bool]) -> dict[str, dict[str, int]]:
    """Counts per dimension and code (all codes, zeros included)."""
    counts = {dim: dict.fromkeys(codes, 0) for dim, codes in vocab.DIMENSIONS.items()}
    for ini, is_overal in zip(initiatives, overal, strict=True):
        counts["bereik"]["landelijk" if is_overal else "lokaal"] += 1
        if not is_overal and ini.lokaal_soort:
            counts["lokaal_soort"][ini.lokaal_soort] += 1
        for dim, attr in ATTRIBUTES.items():
            value = getattr(ini, attr)
            for code in [value] if isinstance(value, str) else value:
                counts[dim][code] += 1
    return counts

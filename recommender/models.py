"""Output models of the recommender: :class:`Advies` is what ``lob-kompas recommend --json`` prints.

``Advies.model_dump(mode="json")`` has the shape agreed in issue 4::

    {"routes": [{"vmbo_profiel", "opleiding": {"naam", "niveau", "leerwegen"}, "beroepen",
                 "score", "score_delen", "uitleg": {"nl", "<taal_ouders>"}, "bronnen", ...}],
     "activiteiten": [{"naam", "afstand_km", "reden", ...}],
     "zonder_techniekprofiel": {...} | null}
"""
from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

Vertaald = dict[str, str]  # taal -> text; always "nl", plus the parents' language


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class OpleidingKort(_Out):
    id: str
    naam: str
    niveau: int
    leerwegen: list[str]
    richting: str


class VolgendeStap(_Out):
    school: str | None = None
    school_naam: str | None = None
    afstand_km: float | None = None
    activiteit: str | None = None
    activiteit_naam: str | None = None
    activiteit_datum: date | None = None  # the day of the activity, when it is the next dated one
    tekst: Vertaald


class RouteAdvies(_Out):
    vmbo_profiel: str | None
    opleiding: OpleidingKort
    beroepen: list[str]
    beroep_ids: list[str]
    score: float
    score_delen: dict[str, float]
    passende_interesses: list[str]
    arbeidsmarkt: str | None = None
    dichtstbijzijnde_school: str | None = None
    afstand_km: float | None = None
    afstand_bij_benadering: bool = False
    uitleg: Vertaald
    volgende_stap: VolgendeStap
    bronnen: list[str]


class ActiviteitAdvies(_Out):
    id: str
    naam: str
    organisator: str
    afstand_km: float | None
    landelijk: bool
    online: bool
    praktijkgerichtheid: str
    branches: list[str]
    doelgroepen: list[str]
    website: str | None = None
    score: float
    score_delen: dict[str, float]
    reden: str
    uitleg: Vertaald
    bronnen: list[str]


class SchoolAfstand(_Out):
    id: str
    naam: str
    afstand_km: float | None
    afstand_bij_benadering: bool = False
    profielen: list[str]


class Doorstroom(_Out):
    profiel: str
    profiel_naam: str
    omschrijving: str
    waarde: float
    eenheid: str
    jaar: str | None
    bron: str


class Mogelijkheid(_Out):
    soort: str  # school_in_de_buurt | keuzevakken | praktijkgericht_programma | activiteit | doorstroom
    tekst: Vertaald
    bron: str | None = None


class ZonderTechniekprofiel(_Out):
    school: str
    school_naam: str
    uitleg: Vertaald
    scholen_met_techniekprofiel: list[SchoolAfstand]
    mogelijkheden: list[Mogelijkheid]
    activiteiten: list[str]
    doorstroom: list[Doorstroom]
    bronnen: list[str]


class Advies(_Out):
    routes: list[RouteAdvies]
    activiteiten: list[ActiviteitAdvies]
    zonder_techniekprofiel: ZonderTechniekprofiel | None = None
    waarom_techniek: Vertaald | None = None
    meldingen: list[Vertaald] = []
    talen: list[str]
    vertaalkwaliteit: dict[str, str] = {}
    regel: str = "zie recommender/README.md"

"""Output models of the recommender: :class:`Advies` is what ``lob-kompas recommend --json`` prints.

``Advies.model_dump(mode="json")`` has the shape agreed in issue 4::

    {"routes": [{"vmbo_profiel", "opleiding": {"naam", "niveau", "leerwegen"}, "beroepen",
                 "score", "score_delen", "uitleg": {"nl", "<taal_ouders>"}, "bronnen", ...}],
     "activiteiten": [{"naam", "afstand_km", "reden", ...}],
     "zonder_techniekprofiel": {...} | null}
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

Vertaald = dict[str, str]  # taal -> text; always "nl", plus the parents' language (and the app page's, when asked)


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class OpleidingKort(_Out):
    id: str
    naam: str
    niveau: int
    leerwegen: list[str]
    richting: str


class VolgendeStap(_Out):
    soort: str = "open_dag"  # open_dag | eerst_profiel (po, vo1-2: the route is later) | mentor (no school known)
    school: str | None = None
    school_naam: str | None = None
    afstand_km: float | None = None  # None for a school with several locations on one point (no distance claimed)
    afstand_bij_benadering: bool = False
    school_meerdere_locaties: bool = False  # the school has several locations: its website says where (review 5)
    school_plek_gemeente: str | None = None  # the school is placed only at gemeente level: no km (review 6)
    school_grondslag: str | None = None  # the school's identity (vocab.GRONDSLAGEN), shown with its place (review 9)
    activiteit: str | None = None
    activiteit_naam: str | None = None
    activiteit_via_school: bool = False
    # the activity is an open day, but not at the school this step names: introduced as another open day (review 10)
    activiteit_open_dag_ander: bool = False
    activiteit_datum: date | None = None  # the day of the activity, when it is the next dated one
    tekst: Vertaald
    leerbedrijf: Vertaald | None = None  # BBL: a leerbedrijf is needed, and how to find one


class BeroepUitleg(_Out):
    """A beroep of a route, explained in one plain sentence in Dutch and the parents' language."""

    id: str
    naam: str
    omschrijving: Vertaald
    arbeidsmarkt: str | None = None  # only when a report names this beroep
    arbeidsmarkt_bron: str | None = None
    # office or sales work on this route that the pupil's interests and preferences do not point to: work to grow
    # into later, listed after the pupil's own beroepen (review 8, defect 4)
    doorgroei: bool = False


class HoRichting(_Out):
    """A direction in hoger onderwijs (havo/vwo pupils, and after mbo 4)."""

    naam: str
    soort: str  # hbo | wo
    scholen: list[str]
    via: list[str]  # the mbo 4 routes (names) that lead there too; always empty for wo (mbo 4 admits to hbo only)
    interesses: list[str]
    uitleg: Vertaald = {}  # which of the pupil's interests it fits (stage advice; empty on a route card)


class RouteAdvies(_Out):
    vmbo_profiel: str | None
    opleiding: OpleidingKort
    beroepen: list[str]
    beroep_ids: list[str]
    # the route's office or sales beroepen the pupil did not point to: "later kun je ook doorgroeien naar" (review 8)
    doorgroei_beroepen: list[str] = Field(default_factory=list)
    score: float
    score_delen: dict[str, float]
    passende_interesses: list[str]
    arbeidsmarkt: str | None = None
    arbeidsmarkt_schaal: str | None = None  # beroep | opleiding (a report names it) | sector (sector-wide)
    arbeidsmarkt_tekst: Vertaald | None = None
    # what the route-level tag is about and where it comes from: the main beroep (or the opleiding) a report names,
    # or, at sector scale, no single beroep (review 6: a side beroep's label must not read as the route's)
    arbeidsmarkt_over: str | None = None
    arbeidsmarkt_bron: str | None = None
    dichtstbijzijnde_school: str | None = None
    school_naam: str | None = None  # the name of ``dichtstbijzijnde_school`` (a short route line names it, review 5)
    afstand_km: float | None = None
    afstand_bij_benadering: bool = False
    school_landelijk: bool = False  # only a national provider (BBL branch school), no place near the pupil
    # where the school is only roughly known (review 6, defect 2): placed at gemeente level (its gemeente), or one
    # point for several locations; a renderer shows explain.plek_tekst, never the distance as if exact
    school_plek_gemeente: str | None = None
    school_meerdere_locaties: bool = False
    school_grondslag: str | None = None  # the school's identity (vocab.GRONDSLAGEN), shown with its place (review 9)
    hoofdroute: bool = False  # the usual first route for one of the pupil's interests at this niveau
    # for which of the pupil's interests (review 8: a bare "hoofdroute" on route #3 could not be explained)
    hoofdroute_voor: list[str] = Field(default_factory=list)
    # the pupil's own vmbo profiel when this route connects to another one: the list says so (review 8, R39)
    ander_profiel: str | None = None
    # on route #1 only, when a lower route carries the main-route mark: why #1 leads (review 9, R22/R44)
    voorop: Vertaald | None = None
    raakvlak: bool = False  # only a side link to the pupil's interests: the route is about something else
    horizon: bool = False  # po / vo1-2: a route for later, after the vmbo profiel
    zijpad: bool = False  # havo/vwo (and a havo/vwo schooladvies): mbo 4 beside the hbo/wo directions, shown short
    werk_beroep: str | None = None  # the beroep whose work the work-preference part is about
    werk_match: list[str] = []  # the pupil's work preferences that beroep matches (none: only a clash)
    beroepen_info: list[BeroepUitleg] = []
    vervolg: list[HoRichting] = []  # hbo only: an mbo 4 diploma admits to the hbo, not to a wo bachelor
    wo_via_hbo: Vertaald = {}  # wo directions behind this route, named as a road via the hbo (general knowledge)
    uitleg: Vertaald
    # the route's caveats (salary without a wage source, over the travel limit, a closer school may exist), also
    # inside ``uitleg``; for layouts that show the route in one line (havo/vwo mbo 4), so none is dropped (review 3)
    kanttekeningen: dict[str, list[str]] = {}  # per language, one sentence per caveat
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
    afstand_bij_benadering: bool = False
    plek_gemeente: str | None = None  # placed only at gemeente level: shown as "in <gemeente>", no km (review 6)
    buiten_regio: bool = False  # placed outside the MRDH (Waddinxveen): said in its line (review 8, R31/R41)
    via_school: bool = False  # a school programme: the pupil joins through the school, not alone
    gevraagde_doelgroep: str | None = None  # the doelgroep the mentor asked for that this activity serves
    passende_interesses: list[str] = []  # the pupil's interests this activity is about (branche, coding or school)
    open_dag_van: str | None = None  # the record is this school location: what is shown is its open day
    open_dag: bool = False  # the activity is an open day (of a school, a training company): a step says whose
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
    leerwegen: list[str] = []
    gemeente: str | None = None  # where the school is (the stage advice names it for a school elsewhere)
    plek_bij_benadering: bool = False  # placed only at gemeente level: the distance is to the town, not the door
    meerdere_locaties: bool = False  # one point for several locations: the website says where (review 6)
    grondslag: str | None = None  # the school's identity (vocab.GRONDSLAGEN, general knowledge), next to its name
    # in another gemeente while the pupil's own has no known school with the profiel: the stage advice lists it in
    # the 'verder weg' step after the local search, so a page lists it there, not at the top (review 5, defect 1)
    verder_weg: bool = False


class Doorstroom(_Out):
    profiel: str
    profiel_naam: str
    omschrijving: str
    waarde: float
    eenheid: str
    jaar: str | None
    bron: str


class Mogelijkheid(_Out):
    soort: str  # school_in_de_buurt | keuzevakken | praktijkgericht_programma | activiteit | doorstroom | instroomroute
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


class Waarschuwing(_Out):
    """An intake check: something in the profile that does not fit together. The advice still comes."""

    soort: str  # e.g. school_zonder_profiel, school_zonder_leerweg, havo_bbl_hbo, buiten_regio
    tekst: Vertaald


class ProfielKeuze(_Out):
    """A vmbo profiel (or havo/vwo profile direction) that fits the pupil's interests."""

    code: str
    naam: str
    interesses: list[str]
    uitleg: Vertaald
    aanbod: Vertaald | None = None  # how many pupils are at a school that offers it (seor2026 Tabel 3.1)
    bron: str | None = None
    redenen_bronnen: list[str] = []  # sources of the reasons in `uitleg` (why this interest fits this profiel)


class Stap(_Out):
    soort: str
    tekst: Vertaald
    bron: str | None = None


class FaseAdvies(_Out):
    """Advice for the pupil's school stage: groep 7/8, onderbouw, vmbo bovenbouw, havo/vwo bovenbouw."""

    fase: str  # po | vo_onderbouw | vmbo_bovenbouw | havo_vwo_onderbouw | havo_vwo_bovenbouw
    titel: Vertaald
    uitleg: Vertaald
    profielen: list[ProfielKeuze] = []
    scholen: list[SchoolAfstand] = []  # vmbo schools to look at (po), or nearby with the profiel (vo1-2)
    vervolg: list[HoRichting] = []  # hbo/wo directions (havo/vwo)
    stappen: list[Stap] = []
    bronnen: list[str] = []


class SectorZin(_Out):
    """What a report says about a whole sector (e.g. the pupil's own, non-technical sector)."""

    id: str
    interesse: str | None = None
    label: str
    tekst: Vertaald
    bron: str


class PlaatsInfo(_Out):
    naam: str | None = None
    soort: str | None = None
    buiten_regio: bool = False  # a postcode outside the known area: no distances
    buiten_mrdh: bool = False  # outside the 21 MRDH gemeenten (e.g. Gouda): distances, but schools not fully known
    afstanden: bool = True  # False when no distances can be given
    bij_benadering: bool = False  # the home is an area's centre point: every distance is approximate ("~")


class Advies(_Out):
    routes: list[RouteAdvies]
    activiteiten: list[ActiviteitAdvies]
    zonder_techniekprofiel: ZonderTechniekprofiel | None = None
    waarom_techniek: Vertaald | None = None
    meldingen: list[Vertaald] = []  # every notice, the warnings' texts first
    # information, not a warning (the travel figures of seor2026 Tabel 3.4): shown as "Goed om te weten" (review 6)
    goed_om_te_weten: list[Vertaald] = []
    waarschuwingen: list[Waarschuwing] = []  # the intake warnings, typed (soort + tekst)
    fase: str | None = None
    fase_advies: FaseAdvies | None = None
    sector_uitspraken: list[SectorZin] = []
    plaats: PlaatsInfo | None = None
    talen: list[str]
    vertaalkwaliteit: dict[str, str] = {}
    regel: str = "zie recommender/README.md"

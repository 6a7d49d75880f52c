"""The knowledge schema: the single source of truth for every data file in ``knowledge/data``.

Every record names its sources (``bronnen``) by id from ``bronnen.yaml``; every figure is a
:class:`Cijfer` that must point to a section or table of a source. Validation of
cross-references (source ids, opleiding and beroep ids, school ids) happens in
:mod:`knowledge.loader`, right after these models parse the files.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from knowledge import vocab


def one_of(allowed: tuple[str, ...], what: str) -> AfterValidator:
    """A validator that only accepts values from ``allowed`` and says which ones exist."""

    def check(value: str) -> str:
        if value not in allowed:
            from knowledge.inputs import shorten  # quote a bad value, never all of it

            raise ValueError(f"'{shorten(value)}' is geen geldige {what}; toegestaan: {', '.join(allowed)}")
        return value

    return AfterValidator(check)


Leerweg = Annotated[str, one_of(vocab.VMBO_LEERWEGEN, "vmbo-leerweg")]
ProfielCode = Annotated[str, one_of(vocab.VMBO_PROFIELEN, "vmbo-profiel")]
Interesse = Annotated[str, one_of(vocab.INTERESSES, "interesse")]
Werkvoorkeur = Annotated[str, one_of(vocab.WERKVOORKEUREN, "werkvoorkeur")]
MboLeerweg = Annotated[str, one_of(vocab.MBO_LEERWEGEN, "mbo-leerweg")]
MboRichting = Annotated[str, one_of(vocab.MBO_RICHTINGEN, "mbo-richting")]
Vooropleiding = Annotated[str, one_of(vocab.VOOROPLEIDINGEN, "vooropleiding")]
ArbeidsmarktLabel = Annotated[str, one_of(vocab.ARBEIDSMARKT_LABELS, "arbeidsmarktlabel")]
Bereik = Annotated[str, one_of(vocab.BEREIK, "bereik")]
LokaalSoort = Annotated[str, one_of(vocab.LOKAAL_SOORT, "soort lokaal initiatief")]
SchooltypeInitiatief = Annotated[str, one_of(vocab.SCHOOLTYPEN_INITIATIEF, "schooltype")]
Doelgroep = Annotated[str, one_of(vocab.DOELGROEPEN, "doelgroep")]
Activiteit = Annotated[str, one_of(vocab.ACTIVITEITEN, "activiteit")]
Praktijk = Annotated[str, one_of(vocab.PRAKTIJK, "praktijkgerichtheid")]
Branche = Annotated[str, one_of(vocab.BRANCHES, "branche")]
Precisie = Annotated[str, one_of(vocab.LOCATIE_PRECISIE, "locatie-precisie")]
Classificatie = Annotated[str, one_of(vocab.CLASSIFICATIE, "classificatie")]
SchoolSoort = Annotated[str, one_of(vocab.SCHOOL_SOORTEN, "schoolsoort")]
Grondslag = Annotated[str, one_of(vocab.GRONDSLAGEN, "grondslag")]
GebiedSoort = Annotated[str, one_of(vocab.GEBIED_SOORTEN, "gebiedsoort")]
Taal = Annotated[str, one_of(vocab.TALEN, "taal")]
Kwaliteit = Annotated[str, one_of(vocab.VERTALING_KWALITEIT, "vertaalkwaliteit")]
VervolgSoort = Annotated[str, one_of(vocab.VERVOLG_SOORT, "soort vervolgopleiding")]


def _all_languages_or_none(texts: dict[str, str], what: str) -> dict[str, str]:
    """A multilingual text is either absent or present in all six languages."""
    missing = [t for t in vocab.TALEN if not (texts.get(t) or "").strip()]
    if texts and missing:
        raise ValueError(f"{what} mist de talen {', '.join(missing)}")
    return texts


def _everyday_names(names: dict[str, list[str]]) -> None:
    """Everyday names of a record: all six languages or none, no empty name, no name twice in one language."""
    missing = [t for t in vocab.TALEN if not names.get(t)]
    if names and missing:
        raise ValueError(f"ook_genoemd mist de talen {', '.join(missing)}")
    for lang, words in names.items():
        if any(not w.strip() for w in words):
            raise ValueError(f"ook_genoemd ({lang}) heeft een lege naam")
        folded = [w.strip().casefold() for w in words]
        twice = sorted({w for w in folded if folded.count(w) > 1})
        if twice:
            raise ValueError(f"ook_genoemd ({lang}) noemt {', '.join(twice)} twee keer")


class Strict(BaseModel):
    """Base for all records: unknown fields are an error, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def _bronref_from_str(value: Any) -> Any:
    # "seor2026" is shorthand for {"bron": "seor2026"}; "seor2026#Tabel 3.6" adds a section.
    if isinstance(value, str):
        bron, _, sectie = value.partition("#")
        return {"bron": bron.strip(), "sectie": sectie.strip() or None}
    return value


class BronRef(Strict):
    bron: str = Field(min_length=1, description="id uit bronnen.yaml")
    sectie: str | None = Field(None, description="hoofdstuk, paragraaf, tabel of pagina")

    @model_validator(mode="after")
    def _one_reference(self) -> BronRef:
        # two references run together (a list item indented wrongly in YAML) must not pass as one section
        if self.sectie and "#" in self.sectie:
            raise ValueError(
                f"'{self.bron}#{self.sectie}' bevat meer dan één bronverwijzing; zet elke bron op een eigen regel"
            )
        return self

    @classmethod
    def parse(cls, text: str) -> BronRef:
        """``'seor2026#Tabel 3.6'`` (or just ``'seor2026'``) as a reference."""
        return cls.model_validate(_bronref_from_str(text))


BronRefIn = Annotated[BronRef, BeforeValidator(_bronref_from_str)]
Bronnen = Annotated[list[BronRefIn], Field(min_length=1)]


class Bron(Strict):
    id: str
    titel: str
    uitgever: str
    kort: str | None = Field(None, description="korte naam voor lezers, bv. 'SEOR' (standaard: uitgever tot de komma)")
    jaar: int = Field(ge=1990, le=2100)
    # the report carries no date (Masterplan: newest citation 2024): jaar only orders, readers see "zonder jaartal"
    zonder_jaartal: bool = Field(False, description="het rapport noemt geen datum; jaar is een schatting, niet getoond")
    auteurs: str | None = None
    soort: str = Field("rapport", description="rapport | website | algemene_kennis")
    bestand: str | None = Field(None, description="bestandsnaam in shared/seeds, als het rapport daar ligt")
    url: str | None = None
    toelichting: str | None = None


class Cijfer(Strict):
    """A figure. It always carries a source with a section or table."""

    omschrijving: str
    waarde: float
    eenheid: str = Field(description="%, aantal, euro, km, minuten, ...")
    jaar: str | None = Field(None, description="peiljaar of periode, bv. 2022 of 2018-2022")
    bron: BronRefIn

    @model_validator(mode="after")
    def _needs_section(self) -> Cijfer:
        if not self.bron.sectie:
            raise ValueError("een cijfer heeft een bron met sectie of tabel nodig (bv. 'seor2026#Tabel 3.6')")
        return self


class Locatie(Strict):
    naam: str | None = None
    adres: str | None = None
    gemeente: str | None = None
    wijk: str | None = None
    lat: float | None = Field(None, ge=50.5, le=53.7)
    lon: float | None = Field(None, ge=3.2, le=7.3)
    precisie: Precisie
    meerdere_locaties: bool = Field(
        False,
        description="één punt voor een school met meerdere locaties (bv. midden in de stad): de afstand zegt weinig, "
        "het advies noemt geen afstand en verwijst naar de website van de school",
    )

    @model_validator(mode="after")
    def _coords_unless_national(self) -> Locatie:
        if self.precisie != "landelijk" and (self.lat is None or self.lon is None):
            raise ValueError("een niet-landelijke locatie heeft lat en lon nodig")
        return self


# --- vmbo --------------------------------------------------------------------
class LeerwegInfo(Strict):
    code: Leerweg
    naam: str
    omschrijving: str
    bronnen: Bronnen


class VmboProfiel(Strict):
    code: ProfielCode
    naam: str
    afkorting: str
    leerwegen: list[Leerweg] = Field(min_length=1)
    technisch: bool
    harde_techniek: bool
    omschrijving: str
    cijfers: list[Cijfer] = []
    bronnen: Bronnen


class Vmbo(Strict):
    leerwegen: list[LeerwegInfo]
    profielen: list[VmboProfiel]


# --- mbo ---------------------------------------------------------------------
class OpleidingLocatie(Strict):
    school: str = Field(description="id van een mbo-instelling of -locatie in scholen.yaml")
    leerwegen: list[MboLeerweg] = []


class Vervolg(Strict):
    """A direction in hoger onderwijs after this opleiding (or for havo/vwo pupils with the same interests)."""

    naam: str
    soort: VervolgSoort
    scholen: list[str] = Field(default_factory=list, description="ids van hbo/wo-instellingen in scholen.yaml")
    interesses: list[Interesse] = Field(
        default_factory=list,
        description="waar de richting over gaat, als dat smaller is dan de opleiding (eigen indeling; Aeronautical "
        "engineering: machines); leeg = de interesses van de opleiding",
    )


class Opleiding(Strict):
    id: str
    naam: str
    niveau: int = Field(ge=1, le=4)
    leerwegen: list[MboLeerweg] = Field(min_length=1)
    richting: MboRichting
    duur_jaren: float | None = Field(None, ge=0.5, le=4)
    omschrijving: str
    vmbo_profielen: list[ProfielCode] = Field(description="profielen die goed aansluiten")
    profielen_eigen_indeling: list[ProfielCode] = Field(
        default_factory=list,
        description="profielen uit vmbo_profielen die alleen op eigen indeling staan (geen bron): geen waarschuwing, "
        "maar ook geen 'sluit goed aan' (review 7, R26)",
    )
    vooropleidingen: list[Vooropleiding] = Field(min_length=1, description="wie mag instromen")
    beroepen: list[str] = Field(min_length=1)
    interesses: list[Interesse] = Field(min_length=1)
    werkvoorkeuren: list[Werkvoorkeur] = []
    hoofdroute_voor: list[Interesse] = Field(
        default_factory=list,
        description="interesses waarvoor dit de gangbare eerste route is op dit niveau (eigen indeling)",
    )
    kern: list[Interesse] = Field(
        default_factory=list,
        description="waar de opleiding over gaat als de richting dat niet zegt (eigen indeling; mobiele werktuigen: "
        "machines, ook al valt het onder mobiliteit); leeg = volgens de richting",
    )
    raakvlak: list[Interesse] = Field(
        default_factory=list,
        description="interesses waar de opleiding alleen een raakvlak mee heeft, ook al gaat de richting erover (eigen "
        "indeling; Fietstechnicus: auto's en motoren, want een fiets is geen auto of motor)",
    )
    vervolg: list[Vervolg] = Field(default_factory=list, description="hbo/wo-richtingen die hierop aansluiten")
    locaties: list[OpleidingLocatie] = []
    arbeidsmarkt: OpleidingArbeidsmarkt | None = Field(
        None, description="wat een bron over de baankansen na precies deze opleiding zegt (de bron noemt de opleiding)"
    )
    cijfers: list[Cijfer] = []
    bronnen: Bronnen


# --- beroepen ----------------------------------------------------------------
class Arbeidsmarkt(Strict):
    """What a source says about this beroep by name (or its close equivalent). Sector-wide statements
    live in :class:`SectorArbeidsmarkt`; a beroep no source names has label ``onbekend``."""

    label: ArbeidsmarktLabel
    toelichting: str
    bron: BronRefIn
    regio: str | None = Field(None, description="waar de bron over spreekt, bv. Rijnmond")
    gegevensjaar: str | None = Field(None, description="jaar van de gegevens achter de bron, bv. 2018 (UWV)")
    werkgever: str | None = Field(
        None,
        description="de bron spreekt over één werkgever (bv. Stedin), niet over de regio: een zin over dat bedrijf",
    )


class OpleidingArbeidsmarkt(Arbeidsmarkt):
    """What a source says about the job chances after one mbo opleiding it names (e.g. STO Zuid 2019,
    Figuur 10): said as a sentence about the opleiding, never as a claim about its beroepen."""

    naam_in_bron: str = Field(description="de naam van de opleiding zoals de bron die schrijft")

    @model_validator(mode="after")
    def _reported(self) -> OpleidingArbeidsmarkt:
        if self.label == "onbekend" or not self.bron.sectie:
            raise ValueError("een uitspraak over een opleiding heeft een label en een bron met sectie")
        return self


class SectorArbeidsmarkt(Strict):
    """A statement of a source about a whole sector: said as a sector-level sentence, never about one beroep."""

    id: str
    label: ArbeidsmarktLabel
    richtingen: list[MboRichting] = Field(default_factory=list, description="mbo-richtingen waar het over gaat")
    interesses: list[Interesse] = Field(
        default_factory=list, description="interesses buiten de techniek waar het over gaat"
    )
    profielen: list[ProfielCode] = Field(
        default_factory=list,
        description="vmbo-profielen waar het over gaat: gezegd bij de profielkeuze, nooit bij een mbo-route",
    )
    regio: str | None = None
    gegevensjaar: str | None = None
    # SEOR 2026 § 4.2 speaks of vmbo pupils' choices: not said to a havo/vwo pupil heading for hbo (review 9, R50)
    alleen_vmbo: bool = Field(default=False, description="de bron spreekt over vmbo-leerlingen: niet bij havo/vwo")
    tekst: dict[Taal, str] = Field(description="één zin in eigen woorden, in alle zes talen, zonder de bron")
    kwaliteit: dict[Taal, Kwaliteit] = Field(default_factory=dict)
    toelichting: str = Field(description="voor de decaan: wat de bron zegt en waarom deze reikwijdte")
    bron: BronRefIn

    @model_validator(mode="after")
    def _complete(self) -> SectorArbeidsmarkt:
        _all_languages_or_none(self.tekst, "tekst")
        if not self.tekst:
            raise ValueError("tekst is verplicht")
        if not self.bron.sectie:
            raise ValueError("een uitspraak over de arbeidsmarkt heeft een bron met sectie nodig")
        if not self.richtingen and not self.interesses and not self.profielen:
            raise ValueError("noem de richtingen, interesses of vmbo-profielen waar deze uitspraak over gaat")
        return self


class Beroep(Strict):
    id: str
    naam: str
    omschrijving: str
    sector: MboRichting
    werkvoorkeuren: list[Werkvoorkeur] = Field(min_length=1)
    interesses: list[Interesse] = Field(min_length=1)
    mbo_route: list[str] = Field(default_factory=list, description="opleiding-ids")
    arbeidsmarkt: Arbeidsmarkt
    korte_omschrijving: dict[Taal, str] = Field(
        default_factory=dict, description="één gewone zin over het beroep, in alle zes talen (voor ouders)"
    )
    ook_genoemd: dict[Taal, list[str]] = Field(
        default_factory=dict,
        description="gewone woorden en korte zinnetjes waarmee mensen dit beroep noemen, per taal, in alle zes "
        "talen (automonteur, garage; car mechanic; oto tamircisi); alleen woorden die bij dit beroep horen",
    )
    cijfers: list[Cijfer] = []
    bronnen: Bronnen

    @model_validator(mode="after")
    def _languages(self) -> Beroep:
        _all_languages_or_none(self.korte_omschrijving, "korte_omschrijving")
        _everyday_names(self.ook_genoemd)
        return self


# --- initiatieven ---------------------------------------------------------------
class Initiatief(Strict):
    id: str
    naam: str
    onderdeel_van: str | None = None
    omschrijving: str
    organisator: str
    website: str | None = None
    bereik: Bereik
    lokaal_soort: LokaalSoort | None = None
    online: bool = False
    schooltypen: list[SchooltypeInitiatief] = Field(min_length=1)
    doelgroepen: list[Doelgroep] = Field(min_length=1)
    activiteiten: list[Activiteit] = Field(min_length=1)
    praktijkgerichtheid: Praktijk
    branches: list[Branche] = Field(min_length=1)
    locatie: Locatie
    inventarisatie_2023: bool = Field(False, description="een van de 70 uit de bijlage van rapport 003")
    classificatie: Classificatie = Field(
        description="rapport: kenmerken uit een rapport; algemene_kennis: eigen indeling"
    )
    bronnen: Bronnen
    datum: dt.date | None = Field(None, description="de (eerste) dag; met tot: een periode")
    tot: dt.date | None = Field(None, description="laatste dag van een periode (tot en met)")
    jaarlijks_maand: int | None = Field(
        None, ge=1, le=12, description="elk jaar in deze maand (1-12), zonder vaste datum"
    )
    via_school: bool | None = Field(
        None,
        description="true: een leerling doet mee via zijn school (een schoolprogramma); false: een leerling kan "
        "zelf (met ouders) meedoen; leeg: afgeleid, zie loopt_via_school",
    )
    school: str | None = Field(
        None, description="dit initiatief is de open dag van deze schoollocatie (id in scholen.yaml)"
    )
    alleen_school: str | None = Field(
        None,
        description="alleen voor leerlingen van deze school (id in scholen.yaml), zoals de omschrijving zegt: "
        "het eigen programma of keuzevak van een school",
    )
    gebied: list[str] = Field(
        [],
        description="een regionaal schoolprogramma (zoals Sterk Techniek Onderwijs) voor scholen in deze gebieden "
        "(ids in gebieden.yaml), zoals naam en omschrijving zeggen; leeg: geen grens",
    )
    interesses: list[Interesse] = Field(
        [],
        description="interesses waar de activiteit zelf over gaat, naast de branches (eigen indeling): "
        "bijvoorbeeld auto's, gamen of tekenen, die geen eigen branche hebben",
    )

    @property
    def loopt_via_school(self) -> bool:
        """The one via-school rule: the record's own ``via_school`` when given; otherwise a Jet-Net cluster or
        STO project (school-company partnerships, report 003 section 3.1 and 3.4) or an initiative with no
        activity a pupil can join alone (open dag, evenement, wedstrijd/online, informatie)."""
        if self.via_school is not None:
            return self.via_school
        if self.lokaal_soort in ("jet_net", "sto"):
            return True
        return not (set(self.activiteiten) & vocab.ZELF_ACTIVITEITEN)

    @property
    def landelijk_online(self) -> bool:
        """Open to every place: ``bereik=landelijk`` (the report's "landelijk/online", Tabel 3.1) or no coordinates.

        The one rule for search, gap analysis, the mentor's activities and the campus audit. A lokaal
        initiative that also runs online (``online=True``) stays lokaal, as in the report's count.
        """
        return (
            self.bereik == "landelijk"
            or self.locatie.precisie == "landelijk"
            or self.locatie.lat is None
            or self.locatie.lon is None
        )

    @model_validator(mode="after")
    def _lokaal_has_kind(self) -> Initiatief:
        if self.bereik == "lokaal" and self.lokaal_soort is None:
            raise ValueError("een lokaal initiatief heeft een lokaal_soort nodig")
        return self

    @model_validator(mode="after")
    def _one_kind_of_date(self) -> Initiatief:
        if self.tot is not None and (self.datum is None or self.tot < self.datum):
            raise ValueError("tot hoort bij een datum en ligt niet ervoor")
        if self.jaarlijks_maand is not None and self.datum is not None:
            raise ValueError("geef een datum of een jaarlijkse maand, niet allebei")
        return self


# --- scholen, campussen, gebieden ---------------------------------------------
class School(Strict):
    id: str
    naam: str
    soort: SchoolSoort
    instelling: str | None = Field(None, description="bestuur of mbo-instelling waar deze locatie bij hoort")
    leerwegen: list[Leerweg] = []
    profielen: list[ProfielCode] = []
    profielen_bekend: bool = Field(True, description="false als de bronnen het profielaanbod niet noemen")
    profielen_onzeker: list[ProfielCode] = Field(
        default_factory=list,
        description="profielen uit een oudere bron die een nieuwere bron in twijfel trekt (Oberon 2024 § 2.2: M&T "
        "nog op één locatie in Rotterdam Zuid, het plan uit 2019 noemde er twee); het advies zegt dat erbij",
    )
    locatie: Locatie
    opmerking: str | None = None
    grondslag: Grondslag | None = Field(
        None,
        description="de identiteit van de school (algemene kennis; de rapporten noemen die niet), naast de naam getoond",
    )
    sectoren: list[Interesse] = Field(
        default_factory=list,
        description="niet-technische interesses waarvoor deze mbo-instelling ook opleidingen geeft (algemene kennis)",
    )
    bronnen: Bronnen

    @property
    def heeft_techniekprofiel(self) -> bool:
        return any(p in vocab.TECHNIEK_PROFIELEN for p in self.profielen)


class Campus(Strict):
    id: str
    naam: str
    afkorting: str
    locatie: Locatie
    instellingen: list[str] = []
    omschrijving: str
    cijfers: list[Cijfer] = []
    bronnen: Bronnen


class Gebied(Strict):
    id: str
    naam: str
    aliassen: list[str] = Field(default_factory=list, description="andere namen, bv. 'Rotterdam-Zuid', 'Zuid'")
    soort: GebiedSoort
    gemeente: str
    lat: float = Field(ge=50.5, le=53.7)
    lon: float = Field(ge=3.2, le=7.3)
    pc4: list[str] = Field(default_factory=list, description="PC4-codes of reeksen, bv. '3081' of '3071-3079'")
    cijfers: list[Cijfer] = Field(
        default_factory=list, description="cijfers over dit gebied, bv. reistijd naar het mbo"
    )
    bronnen: Bronnen

    def pc4_codes(self) -> set[int]:
        codes: set[int] = set()
        for item in self.pc4:
            lo, _, hi = item.partition("-")
            codes.update(range(int(lo), int(hi or lo) + 1))
        return codes


# --- artikelen -------------------------------------------------------------------
class KortAntwoord(Strict):
    """A curated short answer to one part (section) of an article, in every language.

    ``tekst`` is what the assistant shows first (2-5 plain sentences, no figure that is not in the
    article); ``vragen`` are example questions people ask about this part, matched question-to-question.
    """

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    tekst: dict[Taal, str]
    vragen: dict[Taal, list[str]] = {}
    actie: bool = Field(
        False, description="dit deel zegt wat je kunt doen, waar je terechtkunt of wie helpt (meldpunt, hulp)"
    )

    @model_validator(mode="after")
    def _all_languages(self) -> KortAntwoord:
        missing = [t for t in vocab.TALEN if not self.tekst.get(t)]
        if missing:
            raise ValueError(f"kort antwoord '{self.id}': tekst mist de talen {', '.join(missing)}")
        return self


class Artikel(Strict):
    id: str
    onderwerp: str
    doelgroep: list[str] = Field(default_factory=lambda: ["ouders", "mentoren"])
    titel: dict[Taal, str]
    tekst: dict[Taal, str]
    kwaliteit: dict[Taal, Kwaliteit] = Field(description="per taal: origineel, redactie of machine")
    cijfers: list[Cijfer] = []
    bronnen: Bronnen
    kort: list[KortAntwoord] = Field(default_factory=list, description="korte antwoorden per deel (assistent)")
    doen: dict[Taal, str] = Field(default_factory=dict, description="één regel 'wat u kunt doen', per taal")

    @model_validator(mode="after")
    def _all_languages(self) -> Artikel:
        for field in ("titel", "tekst", "kwaliteit"):
            missing = [t for t in vocab.TALEN if t not in getattr(self, field)]
            if missing:
                raise ValueError(f"{field} mist de talen {', '.join(missing)}")
        if self.doen and (missing := [t for t in vocab.TALEN if not self.doen.get(t)]):
            raise ValueError(f"doen mist de talen {', '.join(missing)}")
        ids = [k.id for k in self.kort]
        if len(ids) != len(set(ids)):
            raise ValueError("kort: elk deel heeft een eigen id")
        return self

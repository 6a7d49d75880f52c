"""Fixed vocabularies shared by the knowledge schema, the recommender and the app.

Each vocabulary is a tuple of machine codes; human labels live in the app's language
catalogue (``knowledge/i18n``) so that every code can be shown in six languages.
The initiative vocabularies follow the classification of the 2023 SEOR inventory
(report 003, tables 3.1-3.6).
"""

from __future__ import annotations

from typing import NamedTuple

# --- vmbo -----------------------------------------------------------------
VMBO_LEERWEGEN = ("bb", "kb", "gl", "tl")
# The ten beroepsgerichte profielen (bb/kb/gl) plus the four TL profielen.
VMBO_PROFIELEN = (
    "BWI",
    "PIE",
    "MT",
    "MaT",
    "MVI",  # technical
    "ZW",
    "EO",
    "DP",
    "HBR",
    "GR",  # non-technical
    "TL_TECHNIEK",
    "TL_ZW",
    "TL_ECONOMIE",
    "TL_LANDBOUW",
)
HARDE_TECHNIEK = ("BWI", "PIE", "MT", "MaT")
TECHNIEK_PROFIELEN = HARDE_TECHNIEK + ("MVI",)

# --- pupil profile ----------------------------------------------------------
SCHOOLTYPEN_LEERLING = ("po", "vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl", "havo", "vwo")
LEERJAREN = ("groep7", "groep8", "vo1", "vo2", "vo3", "vo4", "vo5", "vo6")
# natuur_proefjes means science, experiments and lab work (issue 13: animals and nature have their own code,
# dieren_natuur). The mapping of every value to routes and activity branches is in recommender/README.md.
TECHNISCHE_INTERESSES = (
    "bouwen",
    "elektro",
    "autos_motoren",
    "ict_programmeren",
    "haven_schepen",
    "energie_duurzaamheid",
    "maken_ontwerpen",
    "machines",
    "logistiek",
    "natuur_proefjes",
    "media_vormgeving",
    "gaming",
    "tekenen_ontwerpen",
)
# non-technical interests: allowed so that a pupil is never forced into techniek
NIET_TECHNISCHE_INTERESSES = (
    "zorg_welzijn",
    "economie_handel",
    "sport_bewegen",
    "koken_horeca",
    "mode_uiterlijk",
    "dieren_natuur",
)
INTERESSES = TECHNISCHE_INTERESSES + NIET_TECHNISCHE_INTERESSES
# schoon_binnen: "liever schoon en binnen"; it conflicts with work coded buiten (see recommender/README.md)
WERKVOORKEUREN = ("handen", "buiten", "mensen", "computers", "creatief", "afwisseling", "schoon_binnen")
BELANGRIJK = ("baanzekerheid", "salaris", "doorleren_hbo", "snel_geld", "dichtbij_huis")
LEERWEG_VOORKEUR = ("BOL", "BBL", "weet_niet")
# groep 7/8 only: the (expected) schooladvies, which decides the vmbo leerweg or havo/vwo
SCHOOLADVIEZEN = ("vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl", "havo", "vwo")
TALEN = ("nl", "en", "tr", "ar", "pl", "uk")

# --- mbo ---------------------------------------------------------------------
MBO_LEERWEGEN = ("BOL", "BBL")
MBO_RICHTINGEN = (
    "bouw_infra",
    "installatie_energie",
    "elektrotechniek",
    "werktuigbouw_metaal",
    "mobiliteit_voertuigen",
    "maritiem_haven",
    "logistiek",
    "procestechniek",
    "ict",
    "media_vormgeving",
    "laboratorium",
    "techniek_breed",
    # finer sectors for the labour market: a source about "de bouw" says nothing about furniture making or
    # loonwerk in the green sector, so those beroepen carry their own sector (review 2, Masterplan 4.2)
    "hout_meubel",
    "groen",
    # sailing a ship (matroos, schipper, maritiem officier): not the technical or logistics trades a source about
    # "techniek en logistiek" speaks of, nor port work or shipbuilding (review 9, STO Zuid A.3.3)
    "scheepvaart",
)
# The 21 gemeenten of the Metropoolregio Rotterdam Den Haag (seor2026 Tabel 3.4 and §3.1, "21 gemeenten"; since
# 2023 Brielle, Hellevoetsluis and Westvoorne form Voorne aan Zee). gebieden.yaml also holds some neighbours
# (Gouda, Dordrecht, ...): distances work there, but LOB-Kompas does not know their schools fully.
MRDH_GEMEENTEN = (
    "Albrandswaard",
    "Barendrecht",
    "Capelle aan den IJssel",
    "Delft",
    "Den Haag",
    "Krimpen aan den IJssel",
    "Lansingerland",
    "Leidschendam-Voorburg",
    "Maassluis",
    "Midden-Delfland",
    "Nissewaard",
    "Pijnacker-Nootdorp",
    "Ridderkerk",
    "Rijswijk",
    "Rotterdam",
    "Schiedam",
    "Vlaardingen",
    "Voorne aan Zee",
    "Wassenaar",
    "Westland",
    "Zoetermeer",
)
# The Haaglanden half of the MRDH (general knowledge: the former stadsregio and UWV-arbeidsmarktregio Haaglanden).
HAAGLANDEN_GEMEENTEN = (
    "Delft",
    "Den Haag",
    "Leidschendam-Voorburg",
    "Midden-Delfland",
    "Pijnacker-Nootdorp",
    "Rijswijk",
    "Wassenaar",
    "Westland",
    "Zoetermeer",
)
# Which MRDH gemeenten the region of a labour-market statement (its ``regio`` in the knowledge) speaks about, so the
# advice can say when the pupil lives outside it (review 6, defect 3). Rijnmond (UWV 2018, the STO Zuid source) is
# the Rotterdam half of the MRDH; Rotterdam Zuid and Rotterdam lie in the gemeente Rotterdam. A regio not listed
# here gets no notice (unsure means silent, not a false caveat).
BRON_REGIO_GEMEENTEN: dict[str, tuple[str, ...]] = {
    "Rijnmond": tuple(g for g in MRDH_GEMEENTEN if g not in HAAGLANDEN_GEMEENTEN),
    "Rotterdam Zuid": ("Rotterdam",),
    "Rotterdam": ("Rotterdam",),
}
# Who may enter an mbo opleiding (vooropleiding), at its niveau.
VOOROPLEIDINGEN = ("geen", "vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl", "havo", "vwo")

# --- labour market -----------------------------------------------------------
# Ordered from most to least favourable; see recommender/README rule.
# "redelijk_tot_goed": what STO Zuid 2019 Figuur 10 says of its opleidingen, never rounded up to "goed" (review 10)
ARBEIDSMARKT_LABELS = ("groot_tekort", "tekort", "goed", "redelijk_tot_goed", "gemiddeld", "beperkt", "onbekend")

# --- initiatives (report 003, tables 3.1-3.6) -------------------------------
BEREIK = ("landelijk", "lokaal")
LOKAAL_SOORT = ("mbo_instelling", "jet_net", "eic_haven", "sto", "overig")
SCHOOLTYPEN_INITIATIEF = ("po", "vo_onderbouw", "vo_bovenbouw", "vmbo", "havo", "vwo")
DOELGROEPEN = ("leerlingen", "meisjes", "migratieachtergrond", "leraren", "ouders")
ACTIVITEITEN = (
    "samenwerking_school_bedrijf",
    "bedrijfsbezoek",
    "stage",
    "leerwerkplekken",
    "gastles",
    "informatie",
    "evenement",
    "open_dag",
    "wedstrijd_online",
)
# Activities a pupil can join alone (with the parents); an initiative with none of them runs through the school.
ZELF_ACTIVITEITEN = frozenset({"open_dag", "evenement", "wedstrijd_online", "informatie"})
PRAKTIJK = ("geen", "deels", "veel")
BRANCHES = ("bouw", "maritiem", "installatietechniek", "ict", "technologie_wetenschap", "techniek_breed")
LOCATIE_PRECISIE = ("adres", "wijk", "gemeente", "landelijk")
CLASSIFICATIE = ("rapport", "algemene_kennis")
# hoger onderwijs after mbo 4 / havo / vwo
VERVOLG_SOORT = ("hbo", "wo")

# --- schools and places ------------------------------------------------------
SCHOOL_SOORTEN = ("vmbo", "vso", "mbo", "hbo", "po")
# a school's identity (richting), shown next to its name: a decaan always tells a family (review 9, defect 1)
GRONDSLAGEN = ("reformatorisch",)
# kern: a village or town inside a gemeente (Spijkenisse in Nissewaard, Naaldwijk in Westland)
GEBIED_SOORTEN = ("gemeente", "gebied", "kern", "wijk")
VERTALING_KWALITEIT = ("origineel", "redactie", "machine")


# --- initiative dimensions: the one registry of their names -------------------
# Each dimension of an initiative has one canonical name, and this table says what it is called
# elsewhere: the attribute of ``Initiatief``, the field of the search filter (and CLI flag), the
# label namespace in the translation catalogue, and the other names people and files use for it.
class Dimensie(NamedTuple):
    codes: tuple[str, ...]
    attribute: str  # knowledge.schema.Initiatief
    filter_field: str | None  # recommender.initiatives.InitiativeFilter (and the CLI flag --<field>)
    label_kind: str  # knowledge.i18n: code.<label_kind>.<code>
    aliases: tuple[str, ...]


DIMENSIES: dict[str, Dimensie] = {
    "bereik": Dimensie(BEREIK, "bereik", None, "bereik", ("geografie", "landelijk")),
    "lokaal_soort": Dimensie(LOKAAL_SOORT, "lokaal_soort", None, "lokaal_soort", ("lokaal", "soort")),
    "schooltype": Dimensie(
        SCHOOLTYPEN_INITIATIEF, "schooltypen", "schooltypen", "schooltype_initiatief", ("schooltypen",)
    ),
    "doelgroep": Dimensie(DOELGROEPEN, "doelgroepen", "doelgroepen", "doelgroep", ("doelgroepen",)),
    "activiteit": Dimensie(ACTIVITEITEN, "activiteiten", "activiteiten", "activiteit", ("activiteiten",)),
    "praktijk": Dimensie(
        PRAKTIJK, "praktijkgerichtheid", "praktijk", "praktijk", ("praktijkgerichtheid", "praktijkervaring")
    ),
    "branche": Dimensie(BRANCHES, "branches", "branches", "branche", ("branches",)),
}
# dimension -> allowed codes, in the order of the report's tables
DIMENSIONS: dict[str, tuple[str, ...]] = {name: d.codes for name, d in DIMENSIES.items()}


def dimension_name(name: str) -> str:
    """The canonical dimension for any of its names ('schooltypen', 'praktijkgerichtheid', ...)."""
    key = name.strip().lower()
    for canonical, d in DIMENSIES.items():
        if key == canonical or key in d.aliases or key == d.attribute:
            return canonical
    raise ValueError(f"onbekende dimensie '{name}'; toegestaan: {', '.join(DIMENSIES)}")

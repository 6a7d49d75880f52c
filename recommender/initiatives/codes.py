"""Codes and Dutch labels of the initiative dimensions, and mapping of what people type to codes.

The codes come from :mod:`knowledge.vocab` (the classification of report 003, tables 3.1-3.6).
This module only adds short Dutch labels (for tables, gap sentences and exports) and the
variants a decaan may write in a spreadsheet ("Vmbo", "IT/ICT", "Bedrijfsbezoek", "ouder").
"""
from __future__ import annotations

from knowledge import vocab
from knowledge.geo import normalise

# dimension -> allowed codes, in the order of the report's tables.
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "bereik": vocab.BEREIK,
    "lokaal_soort": vocab.LOKAAL_SOORT,
    "schooltype": vocab.SCHOOLTYPEN_INITIATIEF,
    "doelgroep": vocab.DOELGROEPEN,
    "activiteit": vocab.ACTIVITEITEN,
    "praktijk": vocab.PRAKTIJK,
    "branche": vocab.BRANCHES,
}

# Names other modules or data files may use for the same dimension.
DIMENSION_ALIASES: dict[str, str] = {
    "bereik": "bereik", "geografie": "bereik", "landelijk": "bereik",
    "lokaal_soort": "lokaal_soort", "lokaal": "lokaal_soort", "soort": "lokaal_soort",
    "schooltype": "schooltype", "schooltypen": "schooltype",
    "doelgroep": "doelgroep", "doelgroepen": "doelgroep",
    "activiteit": "activiteit", "activiteiten": "activiteit",
    "praktijk": "praktijk", "praktijkgerichtheid": "praktijk", "praktijkervaring": "praktijk",
    "branche": "branche", "branches": "branche",
}

LABELS: dict[str, dict[str, str]] = {
    "bereik": {"landelijk": "landelijk/online", "lokaal": "lokaal"},
    "lokaal_soort": {
        "mbo_instelling": "mbo-instelling/roc", "jet_net": "Jet-Net cluster", "eic_haven": "EIC Mainport/haven",
        "sto": "STO cluster", "overig": "overig lokaal",
    },
    "schooltype": {
        "po": "basisschool (po)", "vo_onderbouw": "vo onderbouw", "vo_bovenbouw": "vo bovenbouw",
        "vmbo": "vmbo", "havo": "havo", "vwo": "vwo",
    },
    "doelgroep": {
        "leerlingen": "leerlingen", "meisjes": "meisjes", "migratieachtergrond": "leerlingen met een migratieachtergrond",
        "leraren": "leraren", "ouders": "ouders",
    },
    "activiteit": {
        "samenwerking_school_bedrijf": "samenwerking school en bedrijf", "bedrijfsbezoek": "bedrijfsbezoek",
        "stage": "stage", "leerwerkplekken": "leerwerkplekken mbo", "gastles": "gastles of lesprogramma",
        "informatie": "informatie", "evenement": "evenement", "open_dag": "open dag of proefstuderen",
        "wedstrijd_online": "wedstrijd of online activiteit",
    },
    "praktijk": {"geen": "geen praktijk", "deels": "deels praktijk", "veel": "veel praktijk (doe-activiteit)"},
    "branche": {
        "bouw": "bouw", "maritiem": "maritiem", "installatietechniek": "installatietechniek", "ict": "IT/ICT",
        "technologie_wetenschap": "technologie en wetenschap", "techniek_breed": "techniek breed",
    },
}

# Extra spellings (normalised with knowledge.geo.normalise) -> code, per dimension.
_VARIANTS: dict[str, dict[str, str]] = {
    "bereik": {
        "online": "landelijk", "landelijk online": "landelijk", "nationaal": "landelijk", "national": "landelijk",
        "ja": "landelijk", "yes": "landelijk", "true": "landelijk", "1": "landelijk",
        "regionaal": "lokaal", "regio": "lokaal", "local": "lokaal", "nee": "lokaal", "no": "lokaal",
        "false": "lokaal", "0": "lokaal",
    },
    "lokaal_soort": {
        "mbo": "mbo_instelling", "roc": "mbo_instelling", "mbo instelling": "mbo_instelling", "jet net": "jet_net",
        "jetnet": "jet_net", "eic": "eic_haven", "haven": "eic_haven", "eic mainport": "eic_haven",
        "sterk techniekonderwijs": "sto", "anders": "overig", "other": "overig", "jet net clusters": "jet_net",
        "sto clusters": "sto", "sto cluster": "sto", "eic mainport haven initiatieven": "eic_haven",
        "mbo instellingen roc s": "mbo_instelling", "mbo instellingen rocs": "mbo_instelling",
        "mbo instellingen": "mbo_instelling",
    },
    "schooltype": {
        "primair onderwijs": "po", "basisschool": "po", "basisonderwijs": "po", "bao": "po", "primary": "po",
        "onderbouw": "vo_onderbouw", "vo onderbouw": "vo_onderbouw", "voortgezet onderwijs onderbouw": "vo_onderbouw",
        "bovenbouw": "vo_bovenbouw", "vo bovenbouw": "vo_bovenbouw", "voortgezet onderwijs bovenbouw": "vo_bovenbouw",
        "vmbo bb": "vmbo", "vmbo kb": "vmbo", "vmbo gl": "vmbo", "vmbo tl": "vmbo", "mavo": "vmbo",
        "atheneum": "vwo", "gymnasium": "vwo",
    },
    "doelgroep": {
        "leerling": "leerlingen", "scholieren": "leerlingen", "pupils": "leerlingen", "students": "leerlingen",
        "meiden": "meisjes", "meisje": "meisjes", "girls": "meisjes",
        "migratie": "migratieachtergrond", "migranten": "migratieachtergrond",
        "leerlingen met migratieachtergrond": "migratieachtergrond",
        "docenten": "leraren", "docent": "leraren", "leraar": "leraren", "leerkrachten": "leraren",
        "mentoren": "leraren", "teachers": "leraren",
        "ouder": "ouders", "ouders verzorgers": "ouders", "parents": "ouders",
    },
    "activiteit": {
        "samenwerking": "samenwerking_school_bedrijf", "samenwerking scholen en bedrijven": "samenwerking_school_bedrijf",
        "school bedrijf": "samenwerking_school_bedrijf",
        "bedrijfsbezoeken": "bedrijfsbezoek", "excursie": "bedrijfsbezoek", "excursies": "bedrijfsbezoek",
        "company visit": "bedrijfsbezoek",
        "stages": "stage", "snuffelstage": "stage", "internship": "stage",
        "leerwerkplek": "leerwerkplekken", "bemiddeling promotie leerwerkplekken mbo": "leerwerkplekken",
        "gastlessen": "gastles", "lesprogramma": "gastles", "lesprogramma s": "gastles",
        "gastlessen lesprogramma s": "gastles", "lesprogrammas": "gastles", "gastlessen lesprogrammas": "gastles",
        "workshop": "gastles", "workshops": "gastles",
        "informatievoorziening": "informatie", "voorlichting": "informatie", "info": "informatie",
        "evenementen": "evenement", "event": "evenement",
        "open dag": "open_dag", "open dagen": "open_dag", "proefstuderen": "open_dag",
        "open dagen proefstuderen": "open_dag", "meeloopdag": "open_dag",
        "wedstrijd": "wedstrijd_online", "wedstrijden": "wedstrijd_online", "online": "wedstrijd_online",
        "wedstrijden online activiteit": "wedstrijd_online", "online activiteit": "wedstrijd_online",
    },
    "praktijk": {
        "nee": "geen", "niet": "geen", "none": "geen", "weinig": "deels", "beetje": "deels", "some": "deels",
        "gedeeltelijk": "deels", "ja": "veel", "hoog": "veel", "much": "veel", "doe activiteit": "veel",
    },
    "branche": {
        "it": "ict", "it ict": "ict", "ict it": "ict", "informatica": "ict",
        "installatie": "installatietechniek", "installatie techniek": "installatietechniek",
        "technologie": "technologie_wetenschap", "wetenschap": "technologie_wetenschap",
        "techniek": "techniek_breed", "breed": "techniek_breed", "algemeen": "techniek_breed",
        "haven": "maritiem", "scheepvaart": "maritiem", "bouwkunde": "bouw",
    },
}


def _lookup_table(dimension: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for code in DIMENSIONS[dimension]:
        table[normalise(code)] = code
        table[normalise(LABELS[dimension][code])] = code
    table.update(_VARIANTS.get(dimension, {}))
    return table


_TABLES = {dim: _lookup_table(dim) for dim in DIMENSIONS}


def dimension_name(name: str) -> str:
    """The canonical dimension for a name such as 'schooltypen' or 'praktijkgerichtheid'."""
    key = name.strip().lower()
    if key not in DIMENSION_ALIASES:
        raise ValueError(f"onbekende dimensie '{name}'; toegestaan: {', '.join(DIMENSIONS)}")
    return DIMENSION_ALIASES[key]


def allowed_text(dimension: str) -> str:
    """'vmbo, havo, ...' for error messages."""
    return ", ".join(DIMENSIONS[dimension])


def to_code(dimension: str, value: str) -> str:
    """Map a code, label or common variant (any case) to the code; ValueError lists the allowed codes."""
    code = _TABLES[dimension].get(normalise(str(value)))
    if code is None:
        raise ValueError(f"'{value}' is geen geldige {dimension}; toegestaan: {allowed_text(dimension)}")
    return code


def label(dimension: str, code: str) -> str:
    """The short Dutch label of a code (the code itself when unknown)."""
    return LABELS.get(dimension, {}).get(code, code)

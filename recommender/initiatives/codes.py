"""Codes and Dutch labels of the initiative dimensions, and mapping of what people type to codes.

The codes come from :mod:`knowledge.vocab` (the classification of report 003, tables 3.1-3.6).
Labels come from the translation catalogue (``code.<kind>.<code>``); this module adds the
variants a decaan may write in a spreadsheet ("Vmbo", "IT/ICT", "Bedrijfsbezoek", "ouder").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from knowledge import vocab
from knowledge.geo import normalise
from knowledge.i18n import LANGUAGES
from knowledge.i18n import label as i18n_label

# The registry of dimension names lives in knowledge.vocab; the labels in the translation catalogue.
DIMENSIONS = vocab.DIMENSIONS
dimension_name = vocab.dimension_name


# Extra spellings (normalised with knowledge.geo.normalise) -> code, per dimension.
_VARIANTS: dict[str, dict[str, str]] = {
    "bereik": {
        "online": "landelijk",
        "landelijk online": "landelijk",
        "nationaal": "landelijk",
        "national": "landelijk",
        "ja": "landelijk",
        "yes": "landelijk",
        "true": "landelijk",
        "1": "landelijk",
        "regionaal": "lokaal",
        "regio": "lokaal",
        "local": "lokaal",
        "nee": "lokaal",
        "no": "lokaal",
        "false": "lokaal",
        "0": "lokaal",
    },
    "lokaal_soort": {
        "mbo": "mbo_instelling",
        "roc": "mbo_instelling",
        "mbo instelling": "mbo_instelling",
        "jet net": "jet_net",
        "jetnet": "jet_net",
        "eic": "eic_haven",
        "haven": "eic_haven",
        "eic mainport": "eic_haven",
        "sterk techniekonderwijs": "sto",
        "anders": "overig",
        "other": "overig",
        "jet net clusters": "jet_net",
        "sto clusters": "sto",
        "sto cluster": "sto",
        "eic mainport haven initiatieven": "eic_haven",
        "mbo instellingen roc s": "mbo_instelling",
        "mbo instellingen rocs": "mbo_instelling",
        "mbo instellingen": "mbo_instelling",
    },
    "schooltype": {
        "primair onderwijs": "po",
        "basisschool": "po",
        "basisonderwijs": "po",
        "bao": "po",
        "primary": "po",
        "onderbouw": "vo_onderbouw",
        "vo onderbouw": "vo_onderbouw",
        "voortgezet onderwijs onderbouw": "vo_onderbouw",
        "bovenbouw": "vo_bovenbouw",
        "vo bovenbouw": "vo_bovenbouw",
        "voortgezet onderwijs bovenbouw": "vo_bovenbouw",
        "vmbo bb": "vmbo",
        "vmbo kb": "vmbo",
        "vmbo gl": "vmbo",
        "vmbo tl": "vmbo",
        "mavo": "vmbo",
        "atheneum": "vwo",
        "gymnasium": "vwo",
    },
    "doelgroep": {
        "leerling": "leerlingen",
        "scholieren": "leerlingen",
        "pupils": "leerlingen",
        "students": "leerlingen",
        "meiden": "meisjes",
        "meisje": "meisjes",
        "girls": "meisjes",
        "migratie": "migratieachtergrond",
        "migranten": "migratieachtergrond",
        "leerlingen met migratieachtergrond": "migratieachtergrond",
        "docenten": "leraren",
        "docent": "leraren",
        "leraar": "leraren",
        "leerkrachten": "leraren",
        "mentoren": "leraren",
        "teachers": "leraren",
        "ouder": "ouders",
        "ouders verzorgers": "ouders",
        "parents": "ouders",
    },
    "activiteit": {
        "samenwerking": "samenwerking_school_bedrijf",
        "samenwerking scholen en bedrijven": "samenwerking_school_bedrijf",
        "school bedrijf": "samenwerking_school_bedrijf",
        "bedrijfsbezoeken": "bedrijfsbezoek",
        "excursie": "bedrijfsbezoek",
        "excursies": "bedrijfsbezoek",
        "company visit": "bedrijfsbezoek",
        "stages": "stage",
        "snuffelstage": "stage",
        "internship": "stage",
        "leerwerkplek": "leerwerkplekken",
        "bemiddeling promotie leerwerkplekken mbo": "leerwerkplekken",
        "gastlessen": "gastles",
        "lesprogramma": "gastles",
        "lesprogramma s": "gastles",
        "gastlessen lesprogramma s": "gastles",
        "lesprogrammas": "gastles",
        "gastlessen lesprogrammas": "gastles",
        "workshop": "gastles",
        "workshops": "gastles",
        "informatievoorziening": "informatie",
        "voorlichting": "informatie",
        "info": "informatie",
        "evenementen": "evenement",
        "event": "evenement",
        "open dag": "open_dag",
        "open dagen": "open_dag",
        "proefstuderen": "open_dag",
        "open dagen proefstuderen": "open_dag",
        "meeloopdag": "open_dag",
        "wedstrijd": "wedstrijd_online",
        "wedstrijden": "wedstrijd_online",
        "online": "wedstrijd_online",
        "wedstrijden online activiteit": "wedstrijd_online",
        "online activiteit": "wedstrijd_online",
    },
    "praktijk": {
        "nee": "geen",
        "niet": "geen",
        "none": "geen",
        "weinig": "deels",
        "beetje": "deels",
        "some": "deels",
        "gedeeltelijk": "deels",
        "ja": "veel",
        "hoog": "veel",
        "much": "veel",
        "doe activiteit": "veel",
    },
    "branche": {
        "it": "ict",
        "it ict": "ict",
        "ict it": "ict",
        "informatica": "ict",
        "installatie": "installatietechniek",
        "installatie techniek": "installatietechniek",
        "technologie": "technologie_wetenschap",
        "wetenschap": "technologie_wetenschap",
        "techniek": "techniek_breed",
        "breed": "techniek_breed",
        "algemeen": "techniek_breed",
        "haven": "maritiem",
        "scheepvaart": "maritiem",
        "bouwkunde": "bouw",
    },
}


# The short labels of earlier exports, still understood on import (round trip of old files).
_EARLIER_LABELS: dict[str, dict[str, str]] = {
    "bereik": {"landelijk/online": "landelijk"},
    "lokaal_soort": {"overig lokaal": "overig"},
    "schooltype": {"basisschool (po)": "po", "vo onderbouw": "vo_onderbouw", "vo bovenbouw": "vo_bovenbouw"},
    "praktijk": {
        "geen praktijk": "geen",
        "deels praktijk": "deels",
        "veel praktijk (doe-activiteit)": "veel",
        "veel praktijk": "veel",
    },
    "doelgroep": {"leerlingen met een migratieachtergrond": "migratieachtergrond"},
}


def match_key(text: str) -> str:
    """Lower-case, accents stripped, punctuation folded, every script kept (Arabic, Cyrillic, Polish 'ł'):
    for matching what people type against labels in any of our languages."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


@cache
def _lookup_table(dimension: str) -> dict[str, str]:
    table: dict[str, str] = {}

    def add(text: str, code: str) -> None:
        for key in (normalise(text), match_key(text)):
            if key:  # normalise() drops non-latin letters: an Arabic label would give ''
                table[key] = code

    for code in _codes_of(dimension):
        add(code, code)
        for lang in LANGUAGES:  # a label in any language of the catalogue is understood
            add(label(dimension, code, lang), code)
    for k, v in _EARLIER_LABELS.get(dimension, {}).items():
        add(k, v)
    table.update(_VARIANTS.get(dimension, {}))
    return table


def _codes_of(dimension: str) -> tuple[str, ...]:
    """The codes of a dimension; also the pupil interests an initiative may be coded with (``interesses``, not a
    search dimension, but a column of the decaan's sheet)."""
    return vocab.INTERESSES if dimension == "interesse" else DIMENSIONS[dimension]


def allowed_text(dimension: str) -> str:
    """'vmbo, havo, ...' for error messages."""
    return ", ".join(_codes_of(dimension))


def to_code(dimension: str, value: str) -> str:
    """Map a code, label or common variant (any case) to the code; ValueError lists the allowed codes."""
    table = _lookup_table(dimension)
    code = table.get(match_key(str(value))) or table.get(normalise(str(value)))
    if code is None:
        raise ValueError(f"'{value}' is geen geldige {dimension}; toegestaan: {allowed_text(dimension)}")
    return code


def label(dimension: str, code: str, lang: str = "nl") -> str:
    """The label of a code from the translation catalogue (the code itself when unknown)."""
    if dimension == "voor_wie":  # a "voor wie" cell holds doelgroepen and schooltypen
        dimension = "doelgroep" if code in vocab.DOELGROEPEN else "schooltype"
    kind = vocab.DIMENSIES[dimension].label_kind if dimension in vocab.DIMENSIES else dimension
    return i18n_label(kind, code, lang)


# --- free text in a decaan's sheet ------------------------------------------------------------
# "Voor wie" mixes doelgroepen and schooltypen ("leerlingen klas 3 vmbo en ouders").
_KLAS = re.compile(
    r"\b(?:(?:klas|leerjaar|jaar|class|year)\s*([1-6])(?:e|de)?(?:\s*(?:en|t/m|-|/|,)\s*([1-6]))?"
    r"|([1-6])(?:e|de)?\s*(?:klas|leerjaar))\b"
)
_GROEP = re.compile(r"\bgroep\s*[5-8](?:\s*(?:en|t/m|-|/)\s*[5-8])?\b")
_VOOR_WIE_SPLIT = re.compile(r"\s*(?:[,;|/+&]|\ben\b|\band\b)\s*")


def _words_to_codes(dimension: str, text: str) -> list[str]:
    """Codes whose code, label or variant occurs in ``text`` as whole words (longest first)."""
    table = _lookup_table(dimension)
    padded = f" {match_key(text)} "
    found: list[str] = []
    for key in sorted(table, key=len, reverse=True):
        if len(key) >= 3 and f" {key} " in padded:
            padded = padded.replace(f" {key} ", " | ")
            if table[key] not in found:
                found.append(table[key])
    return found


def parse_voor_wie(text: str) -> tuple[list[str], list[str], list[str]]:
    """``(doelgroepen, schooltypen, parts not understood)`` from a "voor wie" cell."""
    low = str(text).lower()
    schooltypen: list[str] = []
    for m in _KLAS.finditer(low):
        years = {int(g) for g in m.groups() if g}
        for y in sorted(years):
            code = "vo_onderbouw" if y <= 2 else "vo_bovenbouw"
            if code not in schooltypen:
                schooltypen.append(code)
    if _GROEP.search(low) and "po" not in schooltypen:
        schooltypen.append("po")
    rest = _GROEP.sub(" ", _KLAS.sub(" ", low))
    doelgroepen: list[str] = []
    unknown: list[str] = []
    for part in _VOOR_WIE_SPLIT.split(rest):
        if not part.strip() or normalise(part) in ("", "alle", "iedereen", "all", "everyone"):
            continue
        d = _words_to_codes("doelgroep", part)
        s = _words_to_codes("schooltype", part)
        doelgroepen += [c for c in d if c not in doelgroepen]
        schooltypen += [c for c in s if c not in schooltypen]
        if not d and not s:
            unknown.append(part.strip())
    return doelgroepen, schooltypen, unknown


# Words in an activity's name that say what kind of activity it is ("Open dag Zadkine", "Gastles Shell").
_KIND_WORDS: dict[str, str] = {
    "open dag": "open_dag",
    "open avond": "open_dag",
    "opendag": "open_dag",
    "meeloopdag": "open_dag",
    "meeloopdagen": "open_dag",
    "proefstuderen": "open_dag",
    "proefles": "open_dag",
    "kijkdag": "open_dag",
    "bedrijfsbezoek": "bedrijfsbezoek",
    "excursie": "bedrijfsbezoek",
    "company visit": "bedrijfsbezoek",
    "rondleiding": "bedrijfsbezoek",
    "bezoek": "bedrijfsbezoek",
    "gastles": "gastles",
    "gastlessen": "gastles",
    "workshop": "gastles",
    "workshops": "gastles",
    "lessenserie": "gastles",
    "snuffelstage": "stage",
    "stage": "stage",
    "beroepenstage": "stage",
    "internship": "stage",
    "wedstrijd": "wedstrijd_online",
    "challenge": "wedstrijd_online",
    "hackathon": "wedstrijd_online",
    "olympiade": "wedstrijd_online",
    "voorlichting": "informatie",
    "informatieavond": "informatie",
    "infoavond": "informatie",
    "ouderavond": "informatie",
    "voorlichtingsavond": "informatie",
    "webinar": "informatie",
    "techniekdag": "evenement",
    "beurs": "evenement",
    "festival": "evenement",
    "markt": "evenement",
    "girlsday": "evenement",
    "girls day": "evenement",
    "techniekweek": "evenement",
    "evenement": "evenement",
    "leerwerkplek": "leerwerkplekken",
    "leerwerkplekken": "leerwerkplekken",
}


def activity_from_text(text: str) -> str | None:
    """The kind of activity a name or description names (first match, longest phrase first), else None."""
    padded = f" {normalise(text)} "
    for phrase in sorted(_KIND_WORDS, key=len, reverse=True):
        if f" {phrase} " in padded:
            return _KIND_WORDS[phrase]
    for word in padded.split():  # Dutch compounds: "havenexcursie", "techniekvoorlichting"
        for phrase in sorted(_KIND_WORDS, key=len, reverse=True):
            if " " not in phrase and len(phrase) >= 5 and word.endswith(phrase):
                return _KIND_WORDS[phrase]
    return None

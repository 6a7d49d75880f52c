"""Which column of a decaan's sheet holds which field: synonyms, similarity and the cells themselves.

A header is compared (after :func:`recommender.initiatives.codes.match_key`) with the names of each field in
:data:`SYNONYMS` (Dutch and English) and with the field's label in all six languages of the
translation catalogue (``initiatives.field.<field>``), so our own export and template come back in:

* the same name: 1.0 (0.9 for a name that two fields share, such as "activiteit");
* a short header that contains a name of 4+ letters as whole words ("Datum en tijd", "Website / aanmelden"): 0.75;
* a header that looks like a name (difflib ratio >= 0.84, catches "Organsatie"): 0.7 x ratio.

The cells then move the score: for fields with fixed values (soort activiteit, doelgroep, ...)
and for dates, URLs and postcodes, the share of the first cells that read as such adds up to
+0.2 or takes up to 0.2 off. So "Activiteit" with "Open dag Zadkine" in it becomes the name, and
with "Bedrijfsbezoek" in it the kind of activity. Columns and fields are paired greedily from the
highest score down (at least :data:`MIN_SCORE`), each at most once. The decaan sees the result and
can change it before anything is saved.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from knowledge.i18n import LANGUAGES, t
from recommender.initiatives.codes import match_key, parse_voor_wie, to_code
from recommender.initiatives.dates import DateProblem, parse_when

# The fields a column can fill, in the order the preview lists them.
FIELDS: tuple[str, ...] = (
    "naam",
    "activiteiten",
    "datum",
    "tot",
    "jaarlijks_maand",
    "voor_wie",
    "doelgroepen",
    "schooltypen",
    "branches",
    "praktijkgerichtheid",
    "locatie_naam",
    "adres",
    "postcode",
    "gemeente",
    "wijk",
    "lat",
    "lon",
    "organisator",
    "website",
    "omschrijving",
    "onderdeel_van",
    "bereik",
    "lokaal_soort",
    "online",
    "precisie",
    # the newer fields of an initiative (issue 13): which interests it is about, how a pupil joins, whose it is
    "interesses",
    "via_school",
    "school",
    "alleen_school",
    "gebied",
)

SYNONYMS: dict[str, tuple[str, ...]] = {
    "naam": (
        "naam",
        "name",
        "titel",
        "title",
        "activiteit",
        "activiteiten",
        "activity",
        "initiatief",
        "initiatieven",
        "naam initiatief",
        "naam activiteit",
        "initiative",
        "evenement",
        "wat",
        "programma onderdeel",
        "onderwerp",
    ),
    "activiteiten": (
        "soort activiteit",
        "type activiteit",
        "soort",
        "type",
        "activiteit",
        "activiteiten",
        "activity type",
        "activity",
        "activities",
        "kind",
        "categorie",
        "werkvorm",
        "vorm",
        "soort activiteiten",
    ),
    "datum": (
        "datum",
        "date",
        "wanneer",
        "when",
        "van",
        "vanaf",
        "begindatum",
        "startdatum",
        "start",
        "from",
        "dag",
        "data",
        "datum activiteit",
        "begin",
    ),
    "tot": ("tot", "t m", "tm", "tot en met", "einddatum", "einde", "end", "end date", "until", "to"),
    "jaarlijks_maand": ("jaarlijks", "jaarlijks in", "elk jaar", "maand", "month", "yearly", "every year"),
    "voor_wie": (
        "voor wie",
        "for whom",
        "wie",
        "deelnemers",
        "klas",
        "klassen",
        "leerjaar",
        "groep",
        "niveau",
        "bestemd voor",
        "participants",
    ),
    "doelgroepen": ("doelgroep", "doelgroepen", "target group", "target groups", "audience"),
    "schooltypen": (
        "schooltype",
        "schooltypen",
        "school type",
        "school types",
        "onderwijstype",
        "schoolsoort",
        "onderwijssoort",
    ),
    "branches": ("branche", "branches", "sector", "sectoren", "sectors", "vakgebied", "richting"),
    "praktijkgerichtheid": (
        "praktijk",
        "praktijkgerichtheid",
        "praktijkgericht",
        "mate van praktijk",
        "praktijkervaring",
        "practice",
        "hands on",
        "zelf doen",
        "doe activiteit",
    ),
    "locatie_naam": (
        "locatie",
        "locatie naam",
        "locatienaam",
        "location",
        "location name",
        "waar",
        "where",
        "plek",
        "venue",
    ),
    "adres": ("adres", "address", "straat", "street", "bezoekadres"),
    "postcode": ("postcode", "pc", "pc4", "zip", "postal code"),
    "gemeente": ("gemeente", "plaats", "stad", "woonplaats", "city", "municipality", "town", "plaatsnaam"),
    "wijk": ("wijk", "buurt", "district", "neighbourhood", "neighborhood"),
    "lat": ("lat", "latitude", "breedtegraad"),
    "lon": ("lon", "lng", "long", "longitude", "lengtegraad"),
    "organisator": (
        "organisator",
        "organisatie",
        "organisation",
        "organization",
        "organiser",
        "organizer",
        "aanbieder",
        "provider",
        "door",
        "bedrijf",
        "company",
        "partner",
        "georganiseerd door",
    ),
    "website": (
        "website",
        "url",
        "link",
        "site",
        "webpagina",
        "webadres",
        "aanmelden",
        "inschrijven",
        "meer info",
        "more info",
        "web",
    ),
    "omschrijving": (
        "omschrijving",
        "beschrijving",
        "description",
        "toelichting",
        "inhoud",
        "opmerkingen",
        "opmerking",
        "info",
        "notes",
        "details",
    ),
    "onderdeel_van": ("onderdeel van", "part of", "programma"),
    "bereik": (
        "bereik",
        "landelijk",
        "landelijk lokaal",
        "landelijk online",
        "geografische gerichtheid",
        "reach",
        "scope",
    ),
    "lokaal_soort": ("lokaal soort", "soort lokaal", "type lokaal"),
    "online": ("online",),
    "precisie": ("precisie", "precision"),
    # strict names only: a messy sheet's "School" (the organising school) or "Gebied" (free text) column must not
    # become a field whose unknown values refuse the row
    "interesses": ("interesses", "interests", "past bij interesses"),
    "via_school": ("via school", "loopt via school", "via de school", "through school", "via the school"),
    "school": ("open dag van school", "open day of school"),
    "alleen_school": ("alleen voor school", "alleen voor leerlingen van", "only for school"),
    "gebied": ("alleen in gebied", "only in area"),
}
# columns of our own exports that are not imported (computed, or curated only)
IGNORED: tuple[str, ...] = (
    "id",
    "afstand km",
    "afstand",
    "distance",
    "distance km",
    "landelijk online",
    "bronnen",
    "bron",
    "bron ids",
    "score",
    "classificatie",
    "inventarisatie 2023",
    "source",
    "sources",
)
MIN_SCORE = 0.6
CONTENT_WEIGHT = 0.4  # share 1.0 adds 0.2, share 0.0 takes 0.2 off
_SAMPLE = 40
_URL = re.compile(r"^(https?://)?(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$", re.I)
_PC = re.compile(r"^\d{4}\s?([a-z]{2})?$", re.I)
_CODE_DIMENSION = {
    "activiteiten": "activiteit",
    "doelgroepen": "doelgroep",
    "schooltypen": "schooltype",
    "branches": "branche",
    "praktijkgerichtheid": "praktijk",
    "bereik": "bereik",
    "lokaal_soort": "lokaal_soort",
    "interesses": "interesse",
}


@dataclass(frozen=True)
class ColumnMatch:
    """How one column of the file is used: ``field`` None means not imported."""

    index: int
    header: str
    field: str | None
    how: str  # naam | bevat | lijkt | inhoud | gekozen | genegeerd | onbekend
    score: float


@cache
def ignored_headers() -> frozenset[str]:
    """:data:`IGNORED` plus our export's computed columns (distance, source) in every language."""
    extra = {match_key(t(f"initiatives.col.{k}", lang)) for k in ("afstand", "bron") for lang in LANGUAGES}
    return frozenset({match_key(i) for i in IGNORED} | extra) - {""}


@cache
def _names() -> dict[str, list[tuple[str, float]]]:
    """field -> [(normalised name, weight)], including the field's label in every language."""
    shared: dict[str, int] = {}
    table: dict[str, set[str]] = {}
    for fld in FIELDS:
        names = {match_key(n) for n in SYNONYMS.get(fld, ())}
        for lang in LANGUAGES:
            names.add(match_key(t(f"initiatives.field.{fld}", lang)))
        names.discard("")
        table[fld] = names
        for n in names:
            shared[n] = shared.get(n, 0) + 1
    return {fld: [(n, 0.9 if shared[n] > 1 else 1.0) for n in sorted(names)] for fld, names in table.items()}


@lru_cache(maxsize=4096)
def header_score(header: str, fld: str) -> tuple[float, str]:
    """How well ``header`` names ``fld`` (0..1) and why (see the module doc)."""
    key = match_key(header)
    if not key:
        return 0.0, "onbekend"
    best, how = 0.0, "onbekend"
    padded = f" {key} "
    for name, weight in _names()[fld]:
        if key == name:
            return weight, "naam"
        if (
            len(name) >= 4 and f" {name} " in padded and best < 0.75 and len(key.split()) <= len(name.split()) + 2
        ):  # a short header around the name, not a sentence
            best, how = 0.75, "bevat"
        elif len(key) >= 4 and len(name) >= 4 and abs(len(key) - len(name)) <= 0.32 * max(len(key), len(name)):
            matcher = difflib.SequenceMatcher(None, key, name)
            if matcher.quick_ratio() >= 0.84 and (ratio := matcher.ratio()) >= 0.84 and 0.7 * ratio > best:
                best, how = 0.7 * ratio, "lijkt"
    return best, how


@lru_cache(maxsize=4096)
def looks_like_header(text: str) -> float:
    """0..1: how much a cell looks like one of our column names (used to find the header row)."""
    key = match_key(text)
    if key in ignored_headers():
        return 0.8
    return max(header_score(text, f)[0] for f in FIELDS)


def _is_code(dimension: str, text: str) -> bool:
    try:
        to_code(dimension, text)
    except ValueError:
        return False
    return True


def _content_share(fld: str, values: list[Any]) -> float | None:
    """Share of sample cells that read as this field's kind of value; None when the field has no test."""
    texts = [v for v in values if v is not None and str(v).strip()]
    if not texts:
        return None
    ok = 0
    for v in texts:
        s = str(v).strip()
        try:
            if fld in _CODE_DIMENSION:
                parts = [p for p in re.split(r"[,;|/]", s) if p.strip()]
                for p in parts:
                    to_code(_CODE_DIMENSION[fld], p)
                ok += bool(parts)
            elif fld == "voor_wie":
                ok += bool(parse_voor_wie(s)[0] or parse_voor_wie(s)[1])
            elif fld in ("datum", "tot"):
                ok += not parse_when(v).empty
            elif fld == "website":
                ok += bool(_URL.match(s))
            elif fld == "postcode":
                ok += bool(_PC.match(s))
            elif fld == "naam":  # a name: not a link, and not just a kind of activity ("Bedrijfsbezoek")
                ok += len(s) >= 3 and not _URL.match(s) and not _is_code("activiteit", s)
            else:
                return None
        except (ValueError, DateProblem):
            continue
    share = ok / len(texts)
    if fld == "naam":  # names are mostly different from each other
        share *= len({str(v).strip().lower() for v in texts}) / len(texts)
    return share


def suggest_mapping(header: Sequence[str], rows: Sequence[tuple[int, list[Any]]]) -> list[ColumnMatch]:
    """One :class:`ColumnMatch` per column (see the module doc)."""
    samples = {i: [cells[i] for _, cells in rows[:_SAMPLE] if i < len(cells)] for i in range(len(header))}
    candidates: list[tuple[float, int, str, str]] = []
    for i, text in enumerate(header):
        if match_key(text) in ignored_headers():
            continue
        for fld in FIELDS:
            score, how = header_score(text, fld)
            share = _content_share(fld, samples[i]) if score > 0 or fld in ("datum", "website") else None
            if share is not None:
                if score > 0:
                    score += CONTENT_WEIGHT * (share - 0.5)
                elif share >= 0.8 and fld in ("datum", "website"):
                    score, how = 0.6, "inhoud"  # "Kolom C" full of dates or links
            if score >= MIN_SCORE:
                candidates.append((round(score, 3), i, fld, how))
    candidates.sort(key=lambda c: (-c[0], c[1], FIELDS.index(c[2])))
    taken_cols: dict[int, tuple[str, str, float]] = {}
    taken_fields: set[str] = set()
    for score, i, fld, how in candidates:
        if i in taken_cols or fld in taken_fields:
            continue
        taken_cols[i] = (fld, how, score)
        taken_fields.add(fld)
    out = []
    for i, text in enumerate(header):
        if i in taken_cols:
            fld, how, score = taken_cols[i]
            out.append(ColumnMatch(i, text, fld, how, score))
        else:
            how = "genegeerd" if match_key(text) in ignored_headers() else "onbekend"
            out.append(ColumnMatch(i, text, None, how, 0.0))
    return out


def apply_choices(matches: list[ColumnMatch], choices: dict[str, str | None]) -> list[ColumnMatch]:
    """The suggestion with the decaan's changes: ``{column header or letter: field or None}``.

    A field chosen for one column is taken away from any other column. ValueError names an unknown
    column or field.
    """
    by_header = {m.header: m.index for m in matches}
    out = list(matches)
    for col, fld in choices.items():
        if col not in by_header:
            raise ValueError(f"kolom '{col}' staat niet in het bestand; kolommen: {', '.join(by_header)}")
        if fld is not None and fld not in FIELDS:
            raise ValueError(f"'{fld}' is geen veld; velden: {', '.join(FIELDS)}")
        i = by_header[col]
        if fld is not None:
            out = [
                ColumnMatch(m.index, m.header, None, "onbekend", 0.0) if m.field == fld and m.index != i else m
                for m in out
            ]
        out[i] = ColumnMatch(i, out[i].header, fld, "gekozen" if fld else "genegeerd", 1.0 if fld else 0.0)
    return out


__all__ = [
    "FIELDS",
    "IGNORED",
    "MIN_SCORE",
    "SYNONYMS",
    "ColumnMatch",
    "apply_choices",
    "header_score",
    "looks_like_header",
    "suggest_mapping",
]

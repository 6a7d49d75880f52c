"""Search the catalogue of techniek/IT promotion initiatives for decanen and LOB-coordinators.

Semantics of :class:`InitiativeFilter`:

* within one filter the values are alternatives (any-of, OR); different filters combine with AND;
* ``near`` (postcode, wijk, gemeente, campus) is resolved with :func:`knowledge.geo.resolve_place`;
  the distance is the haversine distance from that place to the initiative's coordinates;
* landelijk/online initiatives (``bereik=landelijk``, the report's "landelijk/online", or records
  without coordinates) can be used from anywhere: they are kept with ``afstand_km=None`` and listed
  after the local ones, unless ``include_landelijk=False``. A lokaal initiative with ``online=True``
  stays lokaal, as in the report's count;
* ``km`` (needs ``near``) drops local initiatives farther away than ``km``;
* ``komend`` keeps only dated initiatives that still happen on or after ``vandaag`` (default: today;
  see :mod:`recommender.initiatives.dates` for periods and yearly months), sorted by their next day;
  each hit then carries ``volgende_datum``;
* ``q`` is free text: with a ``text_search`` callable (the retrieval layer) its scores decide for
  the curated records (the user's own records are not in that index and are matched as plain
  text), otherwise plain matching: every query word (minus a few stop words) must start a word
  in the name, description, organiser, place or labels of the initiative ('robot' finds 'robotica').

Order: with ``komend`` by next day (then distance, then name); with ``near`` by distance (local first, then landelijk/online by score and name); otherwise
with ``q`` by score; otherwise by name. Unknown filter values raise ``ValueError`` listing the
allowed values.

The catalogue is turned once into numpy arrays (bit masks per dimension, coordinates) and
cached per (knowledge base, extra list), so one search over 10,000 initiatives is a handful of
vectorised operations.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import overload

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationInfo, computed_field, field_validator, model_validator

from knowledge import vocab
from knowledge.geo import EARTH_RADIUS_KM, Place, normalise, resolve_place
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from recommender.initiatives.codes import DIMENSIONS, label, to_code
from recommender.initiatives.dates import first_of_month

__all__ = [
    "HitList",
    "InitiativeFilter",
    "InitiativeHit",
    "TextSearch",
    "is_landelijk_online",
    "search_initiatives",
    "catalogue_of",
    "distances_km",
]

TextSearch = Callable[[str, list[str]], dict[str, float]]

# filter field -> (dimension, attribute of Initiatief), from the one registry in knowledge.vocab
_FILTER_FIELDS: dict[str, tuple[str, str]] = {
    d.filter_field: (name, d.attribute) for name, d in vocab.DIMENSIES.items() if d.filter_field
}
_STOPWORDS = frozenset(
    (
        "de",
        "het",
        "een",
        "en",
        "of",
        "van",
        "voor",
        "in",
        "op",
        "met",
        "aan",
        "bij",
        "naar",
        "om",
        "te",
        "tot",
        "over",
        "door",
        "die",
        "dat",
        "er",
        "is",
        "zijn",
        "the",
        "a",
        "an",
        "for",
        "and",
        "to",
    )
)


class InitiativeFilter(BaseModel):
    """What a decaan asks for. Values are vocab codes; labels such as 'Vmbo' or 'IT/ICT' are mapped."""

    model_config = ConfigDict(extra="forbid")

    schooltypen: list[str] = []
    doelgroepen: list[str] = []
    activiteiten: list[str] = []
    branches: list[str] = []
    praktijk: list[str] = []
    near: str | None = None
    km: float | None = None
    q: str | None = None
    include_landelijk: bool = True
    komend: bool = False
    vandaag: dt.date | None = None

    @field_validator("schooltypen", "doelgroepen", "activiteiten", "branches", "praktijk", mode="before")
    @classmethod
    def _codes(cls, value: object, info: ValidationInfo) -> list[str]:
        dimension = _FILTER_FIELDS[str(info.field_name)][0]
        if value is None:
            return []
        items = [value] if isinstance(value, str) else list(value)  # type: ignore[call-overload]
        out: list[str] = []
        for item in items:
            for part in str(item).replace(";", ",").replace("|", ",").split(","):
                if part.strip():
                    code = to_code(dimension, part)
                    if code not in out:
                        out.append(code)
        return out

    @field_validator("near", "q", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _km_positive(self) -> InitiativeFilter:
        # km also needs a place: ``near`` here or ``place`` given to the search (checked there)
        if self.km is not None and (not math.isfinite(self.km) or self.km <= 0):
            raise ValueError("km moet een positief getal zijn")
        return self


_HIT_FIELDS = frozenset({"initiatief", "afstand_km", "score", "volgende_datum"})


class InitiativeHit(BaseModel):
    """One result: the initiative, its distance (None for landelijk/online) and a text score.

    Frozen: a search without place or text returns shared hit objects from the cached index.
    """

    model_config = ConfigDict(frozen=True)

    initiatief: Initiatief
    afstand_km: float | None
    score: float | None = None
    volgende_datum: dt.date | None = None  # set when the filter asked for upcoming activities (komend)

    @classmethod
    def trusted(
        cls,
        initiatief: Initiatief,
        afstand_km: float | None,
        score: float | None,
        volgende_datum: dt.date | None = None,
    ) -> InitiativeHit:
        """Build a hit from values that are already valid, without validation.

        Same result as ``model_construct`` at a third of the cost; search builds thousands of hits.
        """
        hit = cls.__new__(cls)
        object.__setattr__(
            hit,
            "__dict__",
            {"initiatief": initiatief, "afstand_km": afstand_km, "score": score, "volgende_datum": volgende_datum},
        )
        object.__setattr__(hit, "__pydantic_fields_set__", _HIT_FIELDS)
        object.__setattr__(hit, "__pydantic_extra__", None)
        object.__setattr__(hit, "__pydantic_private__", None)
        return hit

    @computed_field  # type: ignore[prop-decorator]
    @property
    def landelijk_online(self) -> bool:
        """True when the initiative can be used from anywhere (bereik landelijk/online, or no location)."""
        return is_landelijk_online(self.initiatief)


def is_landelijk_online(ini: Initiatief) -> bool:
    """Open to every place: ``bereik=landelijk`` (the report's "landelijk/online", Tabel 3.1) or no coordinates.

    A lokaal initiative that also runs online (``online=True``) stays lokaal, as in the report.
    """
    return ini.landelijk_online


def catalogue_of(kb: KnowledgeBase | None, extra: Sequence[Initiatief] | None = None) -> list[Initiatief]:
    """Curated initiatives followed by the user's own (``extra``)."""
    base = list(kb.initiatieven.values()) if kb is not None else []
    return base + list(extra or [])


_DISTANCES: list[tuple[_Index, float, float, np.ndarray]] = []


def _distances_from(idx: _Index, lat: float, lon: float) -> np.ndarray:
    """:func:`distances_km` from one point to every row of a catalogue index, kept for the last few points: one
    advice searches the same catalogue from the same home once per route step. Read-only (flags cleared)."""
    for cached_idx, cached_lat, cached_lon, dist in _DISTANCES:
        if cached_idx is idx and cached_lat == lat and cached_lon == lon:
            return dist
    dist = distances_km(lat, lon, idx.lat, idx.lon)
    dist.setflags(write=False)
    _DISTANCES.insert(0, (idx, lat, lon, dist))
    del _DISTANCES[4:]
    return dist


def distances_km(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Vectorised haversine distance (km) from one point to many; NaN where coordinates are NaN."""
    p1, p2 = np.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def _text_of(ini: Initiatief) -> str:
    parts = [
        ini.naam,
        ini.onderdeel_van or "",
        ini.omschrijving,
        ini.organisator,
        ini.locatie.naam or "",
        ini.locatie.gemeente or "",
        ini.locatie.wijk or "",
        ini.locatie.adres or "",
    ]
    for attr, dim in (
        ("activiteiten", "activiteit"),
        ("branches", "branche"),
        ("doelgroepen", "doelgroep"),
        ("schooltypen", "schooltype"),
    ):
        parts += [label(dim, c) for c in getattr(ini, attr)]
    return " " + normalise(" ".join(parts))


@dataclass
class _Index:
    """The catalogue as arrays: one row per initiative."""

    kb: KnowledgeBase | None
    extra: Sequence[Initiatief] | None
    n_extra: int
    items: list[Initiatief]
    lat: np.ndarray
    lon: np.ndarray
    overal: np.ndarray
    masks: dict[str, np.ndarray]
    name_rank: np.ndarray
    start: np.ndarray  # date ordinal of datum, -1 without one
    end: np.ndarray  # date ordinal of tot (else datum), -1 without one
    month: np.ndarray  # jaarlijks_maand, 0 without one
    _text: _TextIndex | None = field(default=None)
    _plain_hits: list[InitiativeHit] | None = field(default=None)

    @classmethod
    def build(cls, kb: KnowledgeBase | None, extra: Sequence[Initiatief] | None) -> _Index:
        items = catalogue_of(kb, extra)
        n = len(items)
        lat = np.full(n, np.nan)
        lon = np.full(n, np.nan)
        overal = np.zeros(n, dtype=bool)
        masks = {name: np.zeros(n, dtype=np.int64) for name in _FILTER_FIELDS}
        start = np.full(n, -1, dtype=np.int64)
        end = np.full(n, -1, dtype=np.int64)
        month = np.zeros(n, dtype=np.int64)
        bits = {name: {c: 1 << i for i, c in enumerate(DIMENSIONS[dim])} for name, (dim, _) in _FILTER_FIELDS.items()}
        for i, ini in enumerate(items):
            if is_landelijk_online(ini):
                overal[i] = True
            else:
                lat[i], lon[i] = ini.locatie.lat, ini.locatie.lon
            for name, (_, attr) in _FILTER_FIELDS.items():
                value = getattr(ini, attr)
                codes = [value] if isinstance(value, str) else value
                m = 0
                for c in codes:
                    m |= bits[name][c]
                masks[name][i] = m
            if ini.datum is not None:
                start[i] = ini.datum.toordinal()
                end[i] = (ini.tot or ini.datum).toordinal()
            elif ini.jaarlijks_maand is not None:
                month[i] = ini.jaarlijks_maand
        order = sorted(range(n), key=lambda i: (normalise(items[i].naam), items[i].id))
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.arange(n)
        return cls(kb, extra, len(extra or []), items, lat, lon, overal, masks, rank, start, end, month)

    def next_days(self, today: dt.date) -> np.ndarray:
        """Per row the ordinal of its next day from ``today`` on, -1 when it has none (see dates.py)."""
        t = today.toordinal()
        out = np.where(self.end >= t, np.maximum(self.start, t), -1)
        if self.month.any():
            firsts = np.array([-1] + [first_of_month(m, today).toordinal() for m in range(1, 13)], dtype=np.int64)
            out = np.where(self.month > 0, firsts[self.month], out)
        return out

    def matches(self, kb: KnowledgeBase | None, extra: Sequence[Initiatief] | None) -> bool:
        return (
            self.kb is kb
            and self.extra is extra
            and self.n_extra == len(extra or [])
            and len(self.items) == (len(kb.initiatieven) if kb else 0) + len(extra or [])
        )

    @property
    def plain_hits(self) -> list[InitiativeHit]:
        """One hit per initiative without distance or score, built once (results are frozen)."""
        if self._plain_hits is None:
            with _gc_paused():
                self._plain_hits = [InitiativeHit.trusted(i, None, None) for i in self.items]
        return self._plain_hits

    @property
    def text(self) -> _TextIndex:
        """The plain-text index, built on first use."""
        if self._text is None:
            self._text = _TextIndex([_text_of(i) for i in self.items], [" " + normalise(i.naam) for i in self.items])
        return self._text


_CACHE: list[_Index] = []
_CACHE_SIZE = 4


def catalogue_index(kb: KnowledgeBase | None, extra: Sequence[Initiatief] | None) -> _Index:
    """The catalogue (``kb``'s initiatives, then ``extra``) as arrays; kept for the last few catalogues, by
    identity, so the search and the mentor's activity ranking (recommender.activities) share one index."""
    for idx in _CACHE:
        if idx.matches(kb, extra):
            return idx
    idx = _Index.build(kb, extra)
    _CACHE.insert(0, idx)
    del _CACHE[_CACHE_SIZE:]
    return idx


def query_terms(q: str) -> list[str]:
    """Normalised query words without stop words (all words if only stop words were typed)."""
    words = normalise(q).split()
    return [w for w in words if w not in _STOPWORDS] or words


class _TextIndex:
    """All texts joined into one string, so a word is found in every record with one C-level scan."""

    def __init__(self, texts: list[str], names: list[str]):
        self.texts = self._join(texts)
        self.names = self._join(names)
        self.n = len(texts)

    @staticmethod
    def _join(parts: list[str]) -> tuple[str, np.ndarray]:
        starts = np.zeros(len(parts), dtype=np.int64)
        pos = 0
        for i, p in enumerate(parts):
            starts[i] = pos
            pos += len(p) + 1
        return "\n".join(parts), starts

    @staticmethod
    def _rows_with(term: str, joined: tuple[str, np.ndarray], n: int) -> np.ndarray:
        text, starts = joined
        hits = np.zeros(n, dtype=bool)
        pos = [m.start() for m in re.finditer(re.escape(" " + term), text)]  # words that start with term
        if pos:
            hits[np.searchsorted(starts, np.asarray(pos), side="right") - 1] = True
        return hits

    def scores(self, q: str, rows: np.ndarray) -> dict[int, float]:
        """Plain matching: a row matches when every query word starts a word of its text.

        Score in (0, 1]: 0.5 plus half the share of the words that also occur in the name,
        so name hits rank first.
        """
        terms = query_terms(q)
        if not terms or rows.size == 0:
            return {}
        allowed = np.zeros(self.n, dtype=bool)
        allowed[rows] = True
        in_name = np.zeros(self.n)
        for t in terms:
            allowed &= self._rows_with(t, self.texts, self.n)
            in_name += self._rows_with(t, self.names, self.n)
        found = np.flatnonzero(allowed)
        vals = np.round(0.5 + 0.5 * in_name[found] / len(terms), 4)
        return dict(zip(found.tolist(), vals.tolist(), strict=True))


def search_initiatives(
    kb: KnowledgeBase | None,
    flt: InitiativeFilter,
    *,
    extra: Sequence[Initiatief] | None = None,
    text_search: TextSearch | None = None,
    place: Place | None = None,
    limit: int | None = None,
    within: np.ndarray | None = None,
) -> Sequence[InitiativeHit]:
    """Initiatives of ``kb`` (plus ``extra``) that pass ``flt``, in the order described in the module doc.

    The result is a list, or a :class:`HitList` (a sequence that makes its hit objects when they are read).

    ``place`` may be given instead of resolving ``flt.near`` (then ``kb`` may be None, e.g. for a
    hand-made catalogue in ``extra``). ``limit`` cuts the result list. Raises ``ValueError`` (also
    :class:`knowledge.geo.UnknownPlace`) for an unknown place. ``within``, a boolean mask over the rows of
    :func:`catalogue_index`, keeps the search to those rows (a caller's own vectorised pre-filter, so no hit
    objects are made for rows it would throw away).
    """
    idx = catalogue_index(kb, extra)
    n = len(idx.items)
    sel = np.ones(n, dtype=bool) if within is None else within.copy()
    for name, (dim, _) in _FILTER_FIELDS.items():
        wanted = getattr(flt, name)
        if wanted:
            qmask = 0
            for c in wanted:
                qmask |= 1 << DIMENSIONS[dim].index(c)
            sel &= (idx.masks[name] & qmask) != 0
    if not flt.include_landelijk:
        sel &= ~idx.overal

    dist: np.ndarray | None = None
    if place is None and flt.near is not None:
        if kb is None:
            raise ValueError("near heeft een kennisbank nodig om de plaats op te zoeken")
        place = resolve_place(kb, flt.near)
    if flt.km is not None and place is None:
        raise ValueError("km werkt alleen samen met near (een postcode, wijk, gemeente of campus)")
    if place is not None:
        dist = _distances_from(idx, place.lat, place.lon)
        if flt.km is not None:
            sel &= idx.overal | (dist <= flt.km)

    next_day: np.ndarray | None = None
    if flt.komend:
        next_day = idx.next_days(flt.vandaag or dt.date.today())
        sel &= next_day >= 0

    scores = np.full(n, np.nan)
    if flt.q:
        rows = np.flatnonzero(sel)
        if text_search is not None:
            kb_rows = rows[rows < n - idx.n_extra]
            user_rows = rows[rows >= n - idx.n_extra]
            found = text_search(flt.q, [idx.items[i].id for i in kb_rows.tolist()])
            matched = {i: float(found[idx.items[i].id]) for i in kb_rows.tolist() if found.get(idx.items[i].id, 0) > 0}
            # the user's own records are not in the retrieval index: match them as plain text
            matched.update(idx.text.scores(flt.q, user_rows))
        else:
            matched = idx.text.scores(flt.q, rows)
        sel &= False
        if matched:
            keys = np.fromiter(matched.keys(), dtype=np.int64, count=len(matched))
            sel[keys] = True
            scores[keys] = np.fromiter(matched.values(), dtype=float, count=len(matched))

    rows = np.flatnonzero(sel)
    if rows.size == 0:
        return []
    if next_day is not None:
        # soonest first; on the same day nearer first, then by name
        d = np.zeros(rows.size) if dist is None else np.where(idx.overal[rows], np.inf, dist[rows])
        order = np.lexsort((idx.name_rank[rows], d, next_day[rows]))
    elif dist is not None:
        # local first by distance, then landelijk/online by score and name
        d = np.where(idx.overal[rows], np.inf, dist[rows])
        s = np.nan_to_num(-scores[rows], nan=0.0)
        order = np.lexsort((idx.name_rank[rows], s, d))
    elif flt.q:
        order = np.lexsort((idx.name_rank[rows], -scores[rows]))
    else:
        order = np.argsort(idx.name_rank[rows], kind="stable")
    rows = rows[order]
    if limit is not None:
        rows = rows[:limit]
    if dist is None and not flt.q and next_day is None:
        return HitList(idx, rows, None, None, None)  # hands out the index's shared plain hits
    kms = None if dist is None else np.where(idx.overal[rows], np.nan, np.round(dist[rows], 3))
    days = None if next_day is None else next_day[rows]
    return HitList(idx, rows, kms, scores[rows], days)


class HitList(Sequence[InitiativeHit]):
    """The results of one search: a list whose :class:`InitiativeHit` objects are made when they are read.

    A search around a place can match all 10,000 initiatives while a page shows 300 of them; making a
    hit object costs microseconds each, so only the hits that are read are made (once). Compares equal
    to a list of the same hits. :meth:`initiatives` gives the records without making hits.
    """

    __slots__ = ("_days", "_hits", "_idx", "_kms", "_rows", "_scores")

    def __init__(
        self, idx: _Index, rows: np.ndarray, kms: np.ndarray | None, scores: np.ndarray | None, days: np.ndarray | None
    ):
        self._idx, self._rows, self._kms, self._scores, self._days = idx, rows, kms, scores, days
        self._hits: list[InitiativeHit | None] = [None] * rows.size

    def __len__(self) -> int:
        return int(self._rows.size)

    def _make(self, start: int, stop: int) -> list[InitiativeHit]:
        if self._kms is None and self._scores is None and self._days is None:
            plain = self._idx.plain_hits  # no distance, score or day: the same hit objects every time
            return [plain[r] for r in self._rows[start:stop].tolist()]
        todo = [i for i in range(start, stop) if self._hits[i] is None]
        if todo:
            items = self._idx.items
            rows = self._rows[todo].tolist()
            kms = (
                [None] * len(todo) if self._kms is None else [None if k != k else k for k in self._kms[todo].tolist()]
            )  # NaN: landelijk/online
            scs = (
                [None] * len(todo)
                if self._scores is None
                else [None if s != s else s for s in self._scores[todo].tolist()]
            )
            days = (
                [None] * len(todo)
                if self._days is None
                else [dt.date.fromordinal(o) for o in self._days[todo].tolist()]
            )
            make = InitiativeHit.trusted
            with _gc_paused():  # thousands of short, acyclic objects: a GC pass here only costs time
                for i, r, k, s, d in zip(todo, rows, kms, scs, days, strict=True):
                    self._hits[i] = make(items[r], k, s, d)
        return self._hits[start:stop]  # type: ignore[return-value]

    @overload
    def __getitem__(self, key: int) -> InitiativeHit: ...

    @overload
    def __getitem__(self, key: slice) -> list[InitiativeHit]: ...

    def __getitem__(self, key: int | slice) -> InitiativeHit | list[InitiativeHit]:
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            if step != 1:
                return self._make(0, len(self))[key]
            return self._make(start, max(start, stop))
        n = len(self)
        if key < 0:
            key += n
        if not 0 <= key < n:
            raise IndexError("search result index out of range")
        return self._make(key, key + 1)[0]

    def __iter__(self) -> Iterator[InitiativeHit]:
        for start in range(0, len(self), 512):
            yield from self._make(start, min(len(self), start + 512))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, HitList | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __repr__(self) -> str:
        return f"HitList({len(self)} hits)"

    def initiatives(self) -> list[Initiatief]:
        """The records in result order, without making hit objects."""
        items = self._idx.items
        return [items[r] for r in self._rows.tolist()]

    def distances(self) -> list[float | None]:
        """Per result: the distance in km (None for landelijk/online, or without a place)."""
        if self._kms is None:
            return [None] * len(self)
        return [None if k != k else k for k in self._kms.tolist()]

    def code_counts(self, local_only: bool = False) -> dict[str, dict[str, int]]:
        """Per dimension and code, how many results carry it (all codes, zeros included), from the index's bit
        masks: the same numbers as :func:`knowledge.inventory.count_dimensions`, without a Python loop per
        record. ``local_only``: only the results that are not landelijk/online."""
        rows = self._rows
        overal = self._idx.overal[rows]
        if local_only:
            rows = rows[~overal]
            overal = overal[~overal]
        counts: dict[str, dict[str, int]] = {"bereik": {"landelijk": int(overal.sum()), "lokaal": int((~overal).sum())}}
        soorten = dict.fromkeys(vocab.LOKAAL_SOORT, 0)
        items = self._idx.items
        for r in rows[~overal].tolist():  # local ones only: one attribute each
            soort = items[r].lokaal_soort
            if soort:
                soorten[soort] += 1
        counts["lokaal_soort"] = soorten
        for name, (dim, _) in _FILTER_FIELDS.items():
            masks = self._idx.masks[name][rows]
            counts[dim] = {code: int(np.count_nonzero(masks & (1 << bit))) for bit, code in enumerate(DIMENSIONS[dim])}
        return counts

    def landelijk_flags(self) -> list[bool]:
        """Per result: landelijk/online (True) or local."""
        return self._idx.overal[self._rows].tolist()  # type: ignore[no-any-return]


@contextmanager
def _gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

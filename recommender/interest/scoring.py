"""Scoring of the interest check: answers -> a score per profile value -> top interests and work preferences.

A pure function of (item bank, answers); the rule is published in recommender/README.md ("The interest
check"). Like the RIASEC counts of the O*NET Interest Profiler, every answer adds points to the values its
item measures; unlike a plain count, the sum is divided by the number of items that measure the value,
so a value with three pictures does not beat a value with two.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, Field

from knowledge import vocab
from recommender.interest.items import MEETBARE_WAARDEN, Item, Soort, soort

Antwoord = Literal["leuk", "weet_niet", "niet_leuk"]
ANTWOORDEN: tuple[Antwoord, ...] = ("leuk", "weet_niet", "niet_leuk")
# A liked picture says more than a disliked one (a pupil often dislikes the setting, not the work), so leuk
# counts double, as the O*NET profiler counts only likes; niet leuk still counts against.
PUNTEN: dict[str, int] = {"leuk": 2, "weet_niet": 0, "niet_leuk": -1}
# score = points / (2 x items), from -0.5 to 1. At 0.25 a value is "leuk": for two pictures, at least one
# leuk and at most one niet leuk.
DREMPEL = 0.25
MAX_TOP: dict[str, int] = {"interesse": 3, "werkvoorkeur": 2}
# Ties at the last place are all shown; beyond this many the result is too flat to pre-fill honestly.
MAX_GELIJK: dict[str, int] = {"interesse": 5, "werkvoorkeur": 3}
MAX_PROBEER = 4
Status = Literal["duidelijk", "gelijk", "vlak", "geen_beeld"]


class AntwoordenError(ValueError):
    """An answers file that cannot be scored; the Dutch message says what to fix."""


class WaardeScore(BaseModel):
    """The score of one profile value."""

    waarde: str
    soort: Soort
    items: int = Field(description="number of items that measure this value")
    leuk: int
    weet_niet: int = Field(description="answered 'weet niet' or not answered")
    niet_leuk: int
    punten: int = Field(description="2 x leuk - niet_leuk (see PUNTEN)")
    score: float = Field(description="punten / (2 x items): from -0.5 (all niet leuk) to 1 (all leuk)")


class Deel(BaseModel):
    """The result for one profile field (interesses or werkvoorkeuren)."""

    status: Status
    top: list[str] = Field(description="what goes into the profile field, best first")
    leuk: list[str] = Field(description="every value with score >= DREMPEL, best first")


class Uitslag(BaseModel):
    """What the check says; ``profiel_velden`` is what it fills in the pupil profile."""

    totaal: int
    beantwoord: int = Field(description="items answered leuk or niet leuk or weet niet")
    antwoorden: dict[str, int] = Field(description="how often each answer was given (unanswered = weet_niet)")
    scores: list[WaardeScore]
    interesses: Deel
    werkvoorkeuren: Deel
    profiel_velden: dict[str, list[str]]
    probeer: list[str] = Field(description="item ids to try out when the picture is not clear yet")

    @property
    def duidelijk(self) -> bool:
        return self.interesses.status in ("duidelijk", "gelijk")


def parse_antwoorden(data: object, items: Sequence[Item]) -> dict[str, Antwoord]:
    """An answers map (dict or JSON text) checked against the item bank; raises :class:`AntwoordenError`."""
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise AntwoordenError(
                f"de antwoorden zijn geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})"
            ) from None
    if not isinstance(data, dict):
        raise AntwoordenError('verwacht een JSON-object van item-id naar antwoord, bv. {"scooter_repareren": "leuk"}')
    ids = {item.id for item in items}
    onbekend = sorted(str(k) for k in data if k not in ids)
    if onbekend:
        raise AntwoordenError(
            f"onbekende item-id(s): {', '.join(onbekend[:10])}"
            f"{' ...' if len(onbekend) > 10 else ''}; de ids staan in: lob-kompas interesse --items"
        )
    fout = {k: v for k, v in data.items() if v not in ANTWOORDEN}
    if fout:
        k, v = next(iter(fout.items()))
        raise AntwoordenError(
            f"item '{k}': antwoord {json.dumps(v, ensure_ascii=False)} is ongeldig; "
            f"toegestaan: {', '.join(ANTWOORDEN)}" + (f" ({len(fout)} fout)" if len(fout) > 1 else "")
        )
    return {str(k): v for k, v in data.items()}


def _scores(items: Sequence[Item], antwoorden: Mapping[str, str]) -> list[WaardeScore]:
    counts: dict[str, dict[str, int]] = {w: dict.fromkeys(ANTWOORDEN, 0) for w in MEETBARE_WAARDEN}
    for item in items:
        answer = antwoorden.get(item.id, "weet_niet")  # not answered counts as "weet niet"
        for waarde in item.meet:
            counts[waarde][answer] += 1
    out = []
    for waarde, c in counts.items():
        n = sum(c.values())
        if n == 0:
            continue  # a value no item measures has no score (the item-bank test demands items for it)
        punten = sum(PUNTEN[a] * c[a] for a in ANTWOORDEN)
        out.append(
            WaardeScore(
                waarde=waarde,
                soort=soort(waarde),
                items=n,
                leuk=c["leuk"],
                weet_niet=c["weet_niet"],
                niet_leuk=c["niet_leuk"],
                punten=punten,
                score=round(punten / (n * PUNTEN["leuk"]), 4),
            )
        )
    return out


def _deel(scores: list[WaardeScore], kind: Soort) -> Deel:
    order = {w: i for i, w in enumerate(MEETBARE_WAARDEN)}
    # best first; equal scores keep the vocabulary order, which is only for display: equal means equal
    liked = sorted(
        (s for s in scores if s.soort == kind and s.score >= DREMPEL), key=lambda s: (-s.score, order[s.waarde])
    )
    names = [s.waarde for s in liked]
    if not liked:
        return Deel(status="geen_beeld", top=[], leuk=[])
    if len(liked) <= MAX_TOP[kind]:
        return Deel(status="duidelijk", top=names, leuk=names)
    cutoff = liked[MAX_TOP[kind] - 1].score
    above = [s.waarde for s in liked if s.score > cutoff]
    tied = [s.waarde for s in liked if s.score == cutoff]
    if len(above) + len(tied) <= MAX_GELIJK[kind]:
        return Deel(status="gelijk", top=above + tied, leuk=names)
    if above:  # the clear favourites stay; the crowd tied behind them is shown as "also liked", not pre-filled
        return Deel(status="duidelijk", top=above, leuk=names)
    return Deel(status="vlak", top=[], leuk=names)


def _probeer(items: Sequence[Item], antwoorden: Mapping[str, str], scores: list[WaardeScore], deel: Deel) -> list[str]:
    """Up to MAX_PROBEER pictures to try out in real life, techniek and non-techniek taking turns.

    Flat result: pictures of the values liked equally (which one is the favourite?). No clear liking:
    the pictures answered "weet niet" first, then the rest; each from a different interest.
    """
    if deel.status == "duidelijk" or deel.status == "gelijk":
        return []
    score = {s.waarde: s.score for s in scores}

    def interest(item: Item) -> str | None:
        return next((w for w in item.meet if w in vocab.INTERESSES), None)

    if deel.status == "vlak":
        pool = [i for i in items if interest(i) in deel.leuk]
    else:
        unsure = [i for i in items if antwoorden.get(i.id, "weet_niet") == "weet_niet"]
        pool = unsure + [i for i in items if i not in unsure]
    pool.sort(key=lambda i: -score.get(interest(i) or "", 0.0))  # stable: bank order within equal scores
    technisch = [i for i in pool if interest(i) in vocab.TECHNISCHE_INTERESSES]
    overig = [i for i in pool if i not in technisch]
    picked: list[str] = []
    seen: set[str | None] = set()
    while len(picked) < MAX_PROBEER and (technisch or overig):
        for bucket in (technisch, overig):
            while bucket:
                item = bucket.pop(0)
                if interest(item) not in seen:
                    seen.add(interest(item))
                    picked.append(item.id)
                    break
            if len(picked) >= MAX_PROBEER:
                break
    return picked


def scoor(items: Sequence[Item], antwoorden: Mapping[str, str]) -> Uitslag:
    """Score validated answers (see :func:`parse_antwoorden`) against the item bank."""
    scores = _scores(items, antwoorden)
    interesses = _deel(scores, "interesse")
    werk = _deel(scores, "werkvoorkeur")
    given = [antwoorden.get(i.id, "weet_niet") for i in items]
    return Uitslag(
        totaal=len(items),
        beantwoord=sum(1 for i in items if i.id in antwoorden),
        antwoorden={a: given.count(a) for a in ANTWOORDEN},
        scores=scores,
        interesses=interesses,
        werkvoorkeuren=werk,
        profiel_velden={"interesses": interesses.top, "werkvoorkeuren": werk.top},
        probeer=_probeer(items, antwoorden, scores, interesses),
    )


def vul_profiel(bestaand: Mapping[str, Sequence[str]], uitslag: Uitslag) -> dict[str, list[str]]:
    """The profile's interesses and werkvoorkeuren with the check's result added after what was already there.

    Nothing is removed: the check adds, the mentor decides (no silent overwrite of what a mentor typed).
    """
    return {
        field: list(dict.fromkeys([*bestaand.get(field, []), *uitslag.profiel_velden[field]]))
        for field in ("interesses", "werkvoorkeuren")
    }


def profiel_json(schooltype: str, leerjaar: str, velden: Mapping[str, Sequence[str]]) -> dict[str, object]:
    """A profile the mentor page can load (``Profiel``): the pupil's schooltype and leerjaar plus the check's
    fields. Raises ``ValueError`` (pydantic) when leerjaar and schooltype do not fit together."""
    from recommender.profile import Profiel

    profiel = Profiel.model_validate(
        {
            "schooltype": schooltype,
            "leerjaar": leerjaar,
            "interesses": list(velden.get("interesses", [])),
            "werkvoorkeuren": list(velden.get("werkvoorkeuren", [])),
        }
    )
    return profiel.model_dump(mode="json", exclude_defaults=True)

"""Structured questions: "which activities exist for girls near Charlois?" in six languages.

:func:`parse_activity_question` recognises the intent (activities / initiatives) and the filters
(doelgroep, schooltype, branche, place) from words in nl, en, tr, ar, pl and uk plus place names
from the knowledge base; :func:`answer_activities` runs the initiatives search of
:mod:`recommender.initiatives` and formats the list in the asker's language.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from knowledge.geo import Place, UnknownPlace, lookup_name, normalise, resolve_place
from knowledge.i18n import t, word
from knowledge.loader import KnowledgeBase
from knowledge.sources import EIGEN_IMPORT

# Word starts that signal the activities intent (matched against lower-cased words).
# Dutch compounds put these inside words (techniekactiviteiten), so they match anywhere in a word.
INTENT_PARTS_NL = ("activiteit", "initiatie", "evenement", "gastles", "bedrijfsbezoek", "workshop", "techniekdag")
INTENT_STARTS = (
    "doe-dag", "activit", "event", "initiative", "outing",
    "etkinli", "faaliyet", "aktivite",
    "zajęci", "zajec", "aktywnoś", "wydarze", "inicjatyw", "warsztat",
    "заход", "активніст", "ініціатив", "поді", "майстер-клас",
)
INTENT_ARABIC = ("نشاط", "أنشطة", "انشطة", "فعاليات", "فعالية", "نشاطات", "مبادرات", "ورش")
DOELGROEP_STARTS: dict[str, tuple[str, ...]] = {
    "meisjes": ("meisje", "meiden", "girl", "kızlar", "kizlar", "kız öğrenci", "dziewcz", "дівча", "дівчин",
                "فتيات", "الفتيات", "بنات", "للفتيات", "للبنات"),
    "migratieachtergrond": ("migratie", "migrant", "migration", "göçmen", "migrac", "мігра", "مهاجر"),
    "leraren": ("leraren", "docenten", "teachers", "öğretmen", "nauczyciel", "вчител", "معلم", "للمعلمين"),
}
SCHOOLTYPE_STARTS: dict[str, tuple[str, ...]] = {
    "po": ("basisschool", "basisscholen", "primary", "ilkokul", "podstawow", "podstawów", "початков", "ابتدائ",
           "groep 7", "groep 8"),
    "vmbo": ("vmbo",), "havo": ("havo",), "vwo": ("vwo",),
}
BRANCHE_STARTS: dict[str, tuple[str, ...]] = {
    "bouw": ("bouw", "construction", "inşaat", "budow", "будів", "بناء"),
    "maritiem": ("maritie", "haven", "port", "liman", "morsk", "порт", "مينا", "بحري"),
    "ict": ("ict", "programmer", "coding", "informatica", "bilişim", "yazılım", "informaty", "програм", "برمج"),
}
# "How many ..." asks for a figure, not for a list of activities.
COUNT_WORDS = ("hoeveel", "kaç", "yüzde", "скільки", "كم", "procent", "percent", "percentage", "відсоток", "نسبة")
COUNT_PHRASES = ("how many", "how much", "ile jest", "ilu ", "ile ")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


@dataclass
class ActivityQuery:
    """What a structured activities question asks for."""

    doelgroepen: list[str] = field(default_factory=list)
    schooltypen: list[str] = field(default_factory=list)
    branches: list[str] = field(default_factory=list)
    place: Place | None = None


def _starts(words: list[str], text: str, starts: tuple[str, ...]) -> bool:
    for s in starts:
        if " " in s:
            if s in text:
                return True
        elif any(w.startswith(s) for w in words):
            return True
    return False


def find_place(kb: KnowledgeBase, text: str) -> Place | None:
    """The most specific known place named in ``text`` (a PC4 or a name of up to four words)."""
    m = re.search(r"\b(\d{4})(?:\s?[A-Za-z]{2})?\b", text)
    if m:
        try:
            return resolve_place(kb, m.group(1))
        except UnknownPlace:
            pass
    tokens = normalise(text).split()
    for n in (4, 3, 2, 1):
        for i in range(len(tokens) - n + 1):
            gram = " ".join(tokens[i:i + n])
            if len(gram) < 4:
                continue
            found = lookup_name(kb, gram)  # no suggestions per word group: a long question stays cheap
            if found is not None:
                return Place(gram, *found)
    return None


def parse_activity_question(kb: KnowledgeBase, question: str) -> ActivityQuery | None:
    """An :class:`ActivityQuery` when ``question`` asks for activities/initiatives with at least one
    filter (doelgroep, schooltype, branche or place), else None (then ordinary retrieval answers)."""
    text = question.lower()
    words = _WORD.findall(text)
    arabic = any(w in question for w in INTENT_ARABIC)
    compound = any(p in w for w in words for p in INTENT_PARTS_NL)
    if not (compound or _starts(words, text, INTENT_STARTS) or arabic):
        return None
    if any(w in COUNT_WORDS for w in words) or (any(p in f"{text} " for p in COUNT_PHRASES) and "için" not in text):
        return None
    q = ActivityQuery()
    for code, starts in DOELGROEP_STARTS.items():
        if _starts(words, text, starts) or any(s in question for s in starts if not s.isascii()):
            q.doelgroepen.append(code)
    for code, starts in SCHOOLTYPE_STARTS.items():
        if _starts(words, text, starts) or any(s in question for s in starts if not s.isascii()):
            q.schooltypen.append(code)
    for code, starts in BRANCHE_STARTS.items():
        if _starts(words, text, starts):
            q.branches.append(code)
    q.place = find_place(kb, question)
    if not (q.doelgroepen or q.schooltypen or q.branches or q.place):
        return None  # "is there a workshop ...?" without any filter: a list of everything helps nobody
    return q


def _search(kb: KnowledgeBase, q: ActivityQuery, km: float | None) -> list[Any]:
    from recommender.initiatives import InitiativeFilter, own_initiatives, search_initiatives

    flt = InitiativeFilter(doelgroepen=q.doelgroepen, schooltypen=q.schooltypen, branches=q.branches,
                           near=q.place.naam if q.place else None, km=km if q.place else None)
    # the school's own lists (the decaan's imports) take part, marked in the answer
    return list(search_initiatives(kb, flt, place=q.place, extra=own_initiatives()))


@dataclass
class ActivityAnswer:
    text: str
    hits: list[Any]
    shown: list[Any]


def _short(text: str, limit: int = 170) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def answer_activities(kb: KnowledgeBase, q: ActivityQuery, lang: str, *, km: float = 10.0, show: int = 8,
                      search: Callable[[KnowledgeBase, ActivityQuery, float | None], list[Any]] = _search,
                      ) -> ActivityAnswer:
    """The matching initiatives as a short list in ``lang`` (records stay in Dutch)."""
    hits = search(kb, q, km)
    filters = ""
    if q.doelgroepen:
        filters += t("assistant.filter_for", lang, what=", ".join(word("doelgroep", d, lang) for d in q.doelgroepen))
    if q.place:
        filters += t("assistant.filter_near", lang, place=q.place.naam)
    if not hits:
        return ActivityAnswer(t("assistant.activities_none", lang, filters=filters), [], [])
    shown = hits[:show]
    lines = [t("assistant.activities_intro", lang, n=len(hits), filters=filters), ""]
    for h in shown:
        ini = h.initiatief
        where = t("assistant.national", lang) if h.afstand_km is None else f"{ini.locatie.naam or ini.locatie.gemeente or ''}"\
            f" ({h.afstand_km:.1f} km)"
        own = any(r.bron == EIGEN_IMPORT for r in ini.bronnen)
        mark = f" [{t('bron.own_list', lang)}]" if own else ""
        lines.append(f"- {ini.naam} ({ini.organisator}; {where.strip()}){mark}: {_short(ini.omschrijving)}")
    if len(hits) > show:
        lines.append(f"  (+{len(hits) - show})")
    return ActivityAnswer("\n".join(lines), hits, shown)

"""Reading a question the way a parent types it: which article section it asks about, whether it is
two questions in one or a follow-up, whether it belongs to another domain or is not a question at all.

* :class:`ExampleQuestions` matches a question against the curated example questions of every
  article section (``Artikel.kort[].vragen``, six languages): dense (e5, query role on both sides)
  plus character n-grams (TF-IDF), which survive typos and mixed Dutch school words.
* :func:`split_question` cuts "Wat is BBL en hoe lang duurt het?" into two questions.
* :func:`is_followup` says whether a short question leans on the previous one ("en BBL?").
* :func:`other_domain` names the kind of service for clearly other domains (health, weather, ...).
* :func:`looks_like_code` catches SQL, format strings and other non-questions.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np
from langchain_core.documents import Document

from retrieval.tokenize import without_arabic_marks

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def fold(text: str) -> str:
    """Lower case, compatibility-normalised, Turkish capital dotted İ folded, Arabic vowel marks dropped; Latin
    accents kept (they carry meaning)."""
    # Arabic short-vowel marks are dropped: "جيدًا" and "جيدا" are the same word to a parent
    text = without_arabic_marks(unicodedata.normalize("NFKC", text)).replace("İ", "i").lower()
    return " ".join(text.split())


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


# --- example questions -----------------------------------------------------------------
@dataclass(frozen=True)
class SectionMatch:
    """How well a question matches one article section: best dense and best character similarity."""

    article: str  # article id
    section: str  # short-answer id
    dense: float
    chars: float
    score: float
    example: str  # the example question that matched best (dense)


class ExampleQuestions:
    """The example questions of all article sections, searchable by vector and by character n-grams."""

    # weight of the character similarity next to the dense cosine (tuned on the development set)
    CHAR_WEIGHT = 0.25
    # ... for an example that shares a school level with the question but swaps another (see match)
    LEVEL_CHARS = 0.5

    def __init__(self, docs: list[Document], vectors: np.ndarray):
        self.docs = docs
        self.vectors = (
            np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(docs), -1)
            if docs
            else np.zeros((0, 1), dtype=np.float32)
        )
        self.keys = [(d.metadata["source"].split(":", 1)[1], str(d.metadata["section"])) for d in docs]
        self.sections = sorted(set(self.keys))
        self._section_index = {k: i for i, k in enumerate(self.sections)}
        self._row_section = np.array([self._section_index[k] for k in self.keys], dtype=np.int64)
        self._chars = CharGrams([d.page_content for d in docs]) if docs else None
        self._levels = [school_terms(d.page_content) & SCHOOL_LEVELS for d in docs]

    def __len__(self) -> int:
        return len(self.docs)

    def examples(self, article: str, section: str, lang: str) -> list[str]:
        return [
            d.page_content
            for d, k in zip(self.docs, self.keys, strict=True)
            if k == (article, section) and d.metadata.get("language") == lang
        ]

    def char_scores(self, text: str) -> np.ndarray:
        if self._chars is None:
            return np.zeros(0)
        return self._chars.scores(text)

    def match(
        self, text: str, qvec: np.ndarray | None, *, use_dense: bool = True, use_chars: bool = True
    ) -> list[SectionMatch]:
        """Sections ordered by score (dense cosine + CHAR_WEIGHT x character cosine, each the best row)."""
        if not self.docs:
            return []
        n = len(self.sections)
        dense_rows = (
            self.vectors @ qvec.astype(np.float32)
            if (use_dense and qvec is not None)
            else np.zeros(len(self.docs), dtype=np.float32)
        )
        char_rows = self.char_scores(text) if use_chars else np.zeros(len(self.docs))
        asked = school_terms(text) & SCHOOL_LEVELS
        if use_chars and asked:
            # an example about a step between other school levels ("havo bitirince mbo ..." for "mbo 4 bitirince
            # hbo ...": one level shared, one swapped) shares many letters with the question but asks something else:
            # its letters count for less (LEVEL_CHARS)
            other = [i for i, lv in enumerate(self._levels) if lv & asked and lv - asked and asked - lv]
            char_rows[other] *= self.LEVEL_CHARS
        # best row per section: sort by (section, -dense) and take the first row of each section
        order = np.lexsort((-dense_rows, self._row_section))
        sections_sorted = self._row_section[order]
        first = np.flatnonzero(np.r_[True, sections_sorted[1:] != sections_sorted[:-1]])
        best_row = np.zeros(n, dtype=np.int64)
        best_row[sections_sorted[first]] = order[first]
        best_dense = dense_rows[best_row].astype(np.float64)
        best_chars = np.zeros(n)
        np.maximum.at(best_chars, self._row_section, char_rows)
        if not use_dense:
            best_dense[:] = 0.0
        score = best_dense + self.CHAR_WEIGHT * best_chars
        ranked = np.argsort(-score, kind="stable")
        return [
            SectionMatch(
                self.sections[s][0],
                self.sections[s][1],
                float(best_dense[s]),
                float(best_chars[s]),
                float(score[s]),
                self.docs[int(best_row[s])].page_content,
            )
            for s in ranked
        ]


class CharGrams:
    """TF-IDF cosine over character 2-4-grams inside words (sublinear tf, smoothed idf, L2 rows), as an
    inverted index: a query touches only the rows that share a gram with it. Typos and inflections keep
    most of their grams ("tussn" ~ "tussen", "Rotterdamie" ~ "Rotterdam"); Latin diacritics and glued Arabic
    clitics are left out on both sides."""

    def __init__(self, texts: list[str]):
        self.n = len(texts)
        rows = [self._tf(t) for t in texts]
        df: dict[str, int] = {}
        for row in rows:
            for g in row:
                df[g] = df.get(g, 0) + 1
        self.idf = {g: math.log((1 + self.n) / (1 + c)) + 1.0 for g, c in df.items()}
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for i, row in enumerate(rows):
            weights = {g: tf * self.idf[g] for g, tf in row.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            for g, w in weights.items():
                ids, ws = postings.setdefault(g, ([], []))
                ids.append(i)
                ws.append(w / norm)
        self.postings = {g: (np.asarray(ids, dtype=np.int64), np.asarray(ws)) for g, (ids, ws) in postings.items()}

    @staticmethod
    def _tf(text: str) -> dict[str, float]:
        from retrieval.tokenize import strip_arabic_clitics, unmarked

        counts: dict[str, int] = {}
        for word in fold(text).split():
            # "gocmen" ~ "göçmen", "للبنات" ~ "البنات": marks and glued Arabic clitics do not change the word
            word = strip_arabic_clitics(unmarked(word))
            padded = f" {word} "
            for size in (2, 3, 4):
                for k in range(len(padded) - size + 1):
                    g = padded[k : k + size]
                    counts[g] = counts.get(g, 0) + 1
        return {g: 1.0 + math.log(c) for g, c in counts.items()}

    def scores(self, text: str) -> np.ndarray:
        out = np.zeros(self.n)
        weights = {g: tf * self.idf[g] for g, tf in self._tf(text).items() if g in self.idf}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        if not norm:
            return out
        for g, w in weights.items():
            ids, ws = self.postings[g]
            out[ids] += ws * (w / norm)
        return out


def best_per_article(matches: list[SectionMatch]) -> list[SectionMatch]:
    """The best section of each article, in order."""
    seen: set[str] = set()
    out = []
    for m in matches:
        if m.article not in seen:
            seen.add(m.article)
            out.append(m)
    return out


# --- two questions in one, follow-ups --------------------------------------------------------
QUESTION_STARTS: dict[str, tuple[str, ...]] = {
    "nl": (
        "wat",
        "hoe",
        "welke",
        "welk",
        "waar",
        "wanneer",
        "waarom",
        "wie",
        "hoeveel",
        "kan",
        "kun",
        "kunnen",
        "moet",
        "mag",
        "is",
        "zijn",
        "krijgt",
        "krijg",
        "heeft",
        "hebben",
        "gaat",
        "verdien",
        "verdient",
    ),
    "en": (
        "what",
        "how",
        "which",
        "where",
        "when",
        "why",
        "who",
        "can",
        "could",
        "does",
        "do",
        "is",
        "are",
        "should",
        "will",
        "would",
    ),
    "tr": ("ne", "nasıl", "hangi", "nerede", "neden", "niçin", "kim", "kaç", "peki"),
    "pl": ("co", "jak", "jakie", "jaki", "jaka", "gdzie", "kiedy", "dlaczego", "kto", "ile", "czy"),
    "uk": ("що", "як", "які", "який", "яка", "де", "коли", "чому", "хто", "скільки", "чи"),
    "ar": ("ما", "ماذا", "كيف", "أين", "اين", "متى", "لماذا", "من", "كم", "هل", "أي", "اي"),
}
# 'or' is left out on purpose: "BOL of BBL", "is it for girls or just for boys?" are one question.
CONJUNCTIONS = {"nl": ("en",), "en": ("and",), "tr": ("ve",), "pl": ("i", "oraz"), "uk": ("і", "й", "та"), "ar": ("و",)}
FOLLOWUP_STARTS: dict[str, tuple[str, ...]] = {
    "nl": ("en", "maar", "ook", "dus", "en als", "en wat", "hoe zit het met"),
    "en": ("and", "but", "also", "so", "what about", "how about"),
    "tr": ("peki", "ya", "ve", "bir de", "o zaman"),
    "pl": ("a", "i", "no to", "to", "a co z"),
    "uk": ("а", "і", "й", "то", "ну а", "а як щодо"),
    # ... and 'and if' ('واذا رفضوه؟'), 'and then' ('وبعدين؟'), 'and as for' ('وبالنسبة للراتب؟'), Egyptian 'so' ('طب')
    "ar": ("و", "وماذا", "وما", "وكم", "وهل", "وكيف", "طيب", "إذن", "واذا", "وإذا", "ولو", "وبعدين", "وبالنسبة", "طب"),
}
# Spoken Arabic says 'this' in its own words (Levantine 'هاد/هيدا/هاي', Egyptian 'ده/دي', Gulf 'هذي'): a parent
# typing in dialect points back with them as with 'هذا' ("وهاد كمان لولاد الابتدائي؟")
_AR_DIALECT_THIS = ("هاد", "هادا", "هادي", "هيدا", "هيدي", "هاي", "هدا", "هذي", "ده", "دي")
# "The same" points back at what was just explained ("bbl de de aynı sorun var mı?", "is it the same with bbl?")
_SAME: dict[str, tuple[str, ...]] = {
    "nl": ("hetzelfde", "zelfde", "dezelfde"),
    "en": ("same",),
    "tr": ("aynı", "ayni"),
    "pl": ("samo",),  # "to samo", "tak samo"; not 'sama' (on her own)
    "uk": ("само", "самий", "самі"),  # "так само", "той самий"; not 'саме' (exactly) nor 'сама' (on her own)
    "ar": ("نفس",),
}
ANAPHORA: dict[str, tuple[str, ...]] = {
    "nl": ("dat", "dit", "daar", "die", "het", "ervan", "daarvan", "zo'n", *_SAME["nl"]),
    "en": ("that", "it", "this", "there", "they", "those", "one", *_SAME["en"]),
    "tr": ("bu", "o", "bunu", "onu", "bunun", "onun", "orada", "orası", "orasi", "bunlar", *_SAME["tr"]),
    "pl": ("to", "tego", "tym", "tam", "ten", "ta", "tej", *_SAME["pl"]),
    "uk": ("це", "цього", "цим", "там", "той", "та", "ця", "воно", *_SAME["uk"]),
    # 'أيهم'/'أيهما' (which of them) points back at the things just named, also with 'و' (and) glued to it
    "ar": (
        *_AR_DIALECT_THIS,
        *_SAME["ar"],
        "ذلك",
        "هذا",
        "هذه",
        "هناك",
        "تلك",
        "ذاك",
        "أيهم",
        "ايهم",
        "أيهما",
        "ايهما",
        "وأيهم",
        "وايهم",
        "وأيهما",
        "وايهما",
    ),
}

# Demonstratives that point back at the earlier answer itself ("is dat moeilijk?", "وهل هذا صعب؟"): a follow-up with
# one names no new sub-topic. Personal pronouns ("als het niet lukt", "does it pay?") do not count.
# 'zo' / 'öyle' (so, like that: "en bij bbl ook zo?", "bbl de de öyle mi?") ask whether what was just said holds for
# another thing as well.
POINTERS: dict[str, tuple[str, ...]] = {
    "nl": ("dat", "dit", "daarvan", "ervan", "zo", *_SAME["nl"]),
    "en": ("that", "this", "those", *_SAME["en"]),
    "tr": ("bu", "şu", "bunu", "bunun", "bunlar", "öyle", "oyle", *_SAME["tr"]),
    "pl": ("to", "tego", "tym", *_SAME["pl"]),
    "uk": ("це", "цього", "цим", "ця", *_SAME["uk"]),
    "ar": ("ذلك", "هذا", "هذه", "تلك", "ذاك", *_AR_DIALECT_THIS, *_SAME["ar"]),
}


def _says_in(text: str, lang: str, patterns: dict[str, re.Pattern[str]]) -> bool:
    """Whether the folded ``text`` matches the pattern of its language in ``patterns`` (no pattern: False)."""
    pattern = patterns.get(lang)
    return bool(pattern and pattern.search(fold(text)))


# "Which of the two / which one of them": a follow-up that compares the things just explained ("peki hangisiyle daha
# kolay iş bulunur?" after BOL and BBL) is about the conversation's article, however close an example elsewhere is
# to its other words (finding work). Folded text.
_COMPARES: dict[str, re.Pattern[str]] = {
    "nl": re.compile(r"\bwelke? van (?:de |die )?(?:twee|beide)\b|\bwelke van die\b"),
    "en": re.compile(r"\bwhich (?:one|of (?:the|those|these) two|of them|of the 2)\b"),
    "tr": re.compile(r"\bhangisi\w*|\bikisinden\b"),
    "pl": re.compile(r"\bkt[óo]r\w* z (?:nich|tych|obu)\b"),
    "uk": re.compile(r"\bяк\w* з (?:них|цих|двох)\b"),
    "ar": re.compile(r"(?:أي|اي|أى) واحد|\bأيهما\b|\bايهما\b|\bأيهم\b"),
}


def compares_two(text: str, lang: str) -> bool:
    """Whether the question asks which of the things just explained ("which one", "hangisi", "który z nich")."""
    return _says_in(text, lang, _COMPARES)


# How a sentence of the knowledge text opens when it leans on the sentence before it ("Van hen zegt 35% ...",
# "Dlatego ... tam"): taken out of its paragraph it loses what it is about. Folded, whole words at the start.
LEANING_STARTS: dict[str, tuple[str, ...]] = {
    # ... and the contrast words: "Toch kiezen meisjes er weinig voor" cannot open an answer either
    "nl": (
        *("van hen", "van hun", "daarom", "daardoor", "daar", "dat", "dit", "deze", "die", "zij", "ze", "hun"),
        *("toch", "maar", "echter"),
        *("daarna", "dan"),  # "Daarna volgt een mbo-opleiding": the step after the one just said
    ),
    "en": (
        *("of them", "of these", "therefore", "that is why", "that", "this", "these", "those", "they", "there"),
        *("still", "yet", "but", "however"),
        *("then", "after that", "afterwards"),
    ),
    "tr": (
        *("bunlardan", "onlardan", "bu yüzden", "bu nedenle", "bu", "bunlar", "onlar", "bunun", "orada"),
        *("yine de", "ama", "ancak", "fakat"),
        *("sonra", "ardından", "ardindan", "daha sonra"),
    ),
    "pl": (
        "z nich",
        "dlatego",
        "to",
        "ten",
        "ta",
        "te",
        "ci",
        "oni",
        "one",
        "tam",
        "jednak",
        "ale",
        "mimo to",
        "potem",
    ),
    "uk": (
        "з них",
        "тому",
        "це",
        "цей",
        "ця",
        "ці",
        "вони",
        "там",
        "проте",
        "але",
        "однак",
        "втім",
        "потім",
        "після цього",
    ),
    "ar": ("منهم", "لذلك", "لهذا", "هذا", "هذه", "ذلك", "هم", "هناك", "لكن", "مع ذلك", "بعد ذلك", "بعدها", "ثم"),
}


# ... or leans on it further on, with a "because of that" ("Omdat BBL meer kans op een baan geeft, staan zij daardoor
# iets verder van werk": who 'zij' are is said in the sentence before). Folded, whole words anywhere.
LEANING_INSIDE: dict[str, tuple[str, ...]] = {
    "nl": ("daardoor", "hierdoor"),
    "en": ("because of this", "because of that", "as a result"),
    "tr": ("bu yüzden", "bu nedenle"),
    "pl": ("przez to",),
    "uk": ("через це",),
    "ar": ("بذلك",),
}


def unglued(word: str) -> str:
    """An Arabic word without the 'and' (و) glued to its front ("وهاد" -> "هاد", "وفي" -> "في"); others as they are."""
    return word[1:] if word.startswith("و") and len(word) > 2 else word


def leans_back(sentence: str, lang: str) -> bool:
    """Whether ``sentence`` opens with a word that points at the sentence before it (see LEANING_STARTS), or leans
    on it further on (LEANING_INSIDE)."""
    words = words_of(fold(sentence))
    if lang == "ar" and words:
        words[0] = unglued(words[0])  # "ولذلك", "ولكن": the glued 'and' in front of the word that leans back
    low = " ".join(words[:3]) + " "
    if any(low.startswith(start + " ") for start in LEANING_STARTS.get(lang, ())):
        return True
    whole = f" {' '.join(words)} "
    return any(f" {inside} " in whole for inside in LEANING_INSIDE.get(lang, ()))


# Question words that open a second question after 'and' (no modal verbs: "en moet een profiel kiezen" is one).
WH_WORDS: dict[str, tuple[str, ...]] = {
    "nl": ("wat", "hoe", "welke", "welk", "waar", "wanneer", "waarom", "wie", "hoeveel"),
    "en": ("what", "how", "which", "where", "when", "why", "who"),
    "tr": ("ne", "nasıl", "hangi", "nerede", "neden", "kim", "kaç"),
    "pl": ("co", "jak", "jakie", "jaki", "jaka", "gdzie", "kiedy", "dlaczego", "kto", "ile", "czy"),
    "uk": ("що", "як", "які", "який", "яка", "де", "коли", "чому", "хто", "скільки", "чи"),
    "ar": ("ما", "ماذا", "كيف", "أين", "اين", "متى", "لماذا", "من", "كم", "هل"),
}


# Turkish asks yes/no with a particle after the word ("gidebilir mi"), not with a question word.
_QUESTION_PARTICLES = (
    "mi",
    "mı",
    "mu",
    "mü",
    "misin",
    "mısın",
    "misiniz",
    "mısınız",
    "musunuz",
    "müsünüz",
    "miyim",
    "midir",
    "mıdır",
    "musun",
    "müsün",
    "miyiz",
    "mıyız",
)


# Question words beyond WH_WORDS (which also splits at "and" + a question word): spoken forms and "what if".
_QUESTION_WORDS_MORE = {
    "en": ("whats", "hows", "wheres", "whos", "whether"),
    "nl": ("wanneer", "waarom", "hoelang"),
    "pl": ("jesli", "jeśli", "jakby", "gdyby"),
    "uk": ("якщо", "а якщо", "невже"),
    # Levantine, Gulf ('وش', 'منين'), Egyptian ('ازاي', 'كام') and Maghrebi ('واش', 'شنو', 'علاش', 'فين', 'شحال')
    "ar": (
        "شو",
        "ليش",
        "وين",
        "قديش",
        "ايش",
        "إيش",
        "لوين",
        "امتى",
        "إمتى",
        "شلون",
        "وش",
        "منين",
        "ازاي",
        "إزاي",
        "كام",
        "واش",
        "شنو",
        "شنهو",
        "علاش",
        "فين",
        "كيفاش",
        "شحال",
        "بشحال",
    ),
    "tr": ("peki", "acaba"),  # the question words of WH_WORDS are compared without their marks below
}
# Dutch and English ask yes/no by putting the verb first ("kan hij daarna naar het hbo", "is it paid").
_VERB_FIRST = {
    "nl": (
        "kan",
        "kun",
        "kunnen",
        "mag",
        "moet",
        "moeten",
        "is",
        "zijn",
        "heeft",
        "hebben",
        "wordt",
        "gaat",
        "krijgt",
        "krijg",
        "verdient",
        "verdien",
        "duurt",
        "zit",
        "ben",
        "word",
        "weet",
        "hoe",
    ),
    "en": ("can", "is", "are", "does", "do", "did", "will", "would", "should", "could", "has", "have", "may", "must"),
}


def asks_question(text: str, lang: str) -> bool:
    """Whether a part of a message is a question: a question mark, a question word or particle of its language, or
    (Dutch, English) a verb first."""
    if "?" in text or "؟" in text:
        return True
    from retrieval.tokenize import unmarked

    found = [unmarked(w) for w in words_of(fold(text))]  # "yuzde kac" typed without the Turkish marks
    first = list(found)
    starts = set(FOLLOWUP_STARTS.get(lang, ())) | set(CONJUNCTIONS.get(lang, ()))
    while first and first[0] in starts:  # "and is there a deadline", "a jeśli ..."
        first = first[1:]
    if first and first[0] in _VERB_FIRST.get(lang, ()):
        return True
    # an Arabic question word may carry wa- ("وشو", "وكم"); Levantine question words are not in WH_WORDS
    loose = set(found) | ({unglued(w) for w in found} if lang == "ar" else set())
    asking = set(WH_WORDS.get(lang, ())) | set(_QUESTION_WORDS_MORE.get(lang, ())) | set(_QUESTION_PARTICLES)
    return bool(loose & (asking | {unmarked(w) for w in asking}))


def split_question(text: str, lang: str) -> list[str]:
    """One or two questions: split at a question mark followed by more text, or at 'and' + a question word
    when the first part is a question too ("Wat is BBL en hoe lang duurt het?", "... en tot wanneer ...?"); the
    first question may follow a sentence or clause of context ("corka jest w 1 klasie vmbo. kiedy ... i do kiedy ...?")."""
    parts = [p.strip() for p in re.split(r"(?<=[?؟])\s+", text.strip()) if p.strip()]
    if len(parts) >= 2:
        return [parts[0], " ".join(parts[1:])]
    toks = text.strip().split()
    wh = (*WH_WORDS.get(lang, ()), *_SPLIT_WH.get(lang, ()))
    conj = CONJUNCTIONS.get(lang, ())

    def is_wh(tok: str) -> bool:
        return tok.lower().strip("¿,;?؟") in wh

    if not toks:
        return [text.strip()]
    start = 0
    if not is_wh(toks[0]):
        found = next(
            (j for j in range(1, len(toks)) if toks[j - 1].endswith((".", ",", "،", ":")) and is_wh(toks[j])), None
        )
        if found is None:
            return [text.strip()]
        start = found
    for i in range(start + 2, len(toks) - 2):
        w = toks[i].lower().strip(",;")
        nxt = toks[i + 1].lower().strip(",;?")
        if lang == "ar" and w.startswith("و") and len(w) > 1 and w[1:].strip("؟?") in wh:
            return [" ".join(toks[:i]), " ".join([w[1:]] + toks[i + 1 :])]
        pointed = nxt in _SPLIT_PREPOSITIONS.get(lang, ()) and i + 2 < len(toks) and is_wh(toks[i + 2])
        if w in conj and (nxt in wh or pointed):
            left, right = " ".join(toks[:i]).rstrip(","), " ".join(toks[i + 1 :])
            if len(left.split()) - start >= 2 and len(right.split()) >= 3:
                return [left, right]
    return [text.strip()]


# Spoken question words that start the second question of two ("وإمتى لازم يقرر؟", and when must he decide?), and the
# prepositions before a question word ("en tot wanneer", "i do kiedy", "and until when")
_SPLIT_WH: dict[str, tuple[str, ...]] = {"ar": ("شو", "امتى", "إمتى", "وين", "ليش", "قديش", "إيمتى", "ايمتى")}
_SPLIT_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "nl": ("tot", "vanaf", "voor", "op"),
    "en": ("until", "till", "by", "from", "at"),
    "pl": ("do", "od", "na", "w"),
    "uk": ("до", "з", "на", "у", "в"),
}


NUMBER_WORDS = (
    "hoeveel",
    "how many",
    "how much",
    "what share",
    "what percentage",
    "kaç",
    "yüzde",
    "ile",
    "ilu",
    "jaki procent",
    "скільки",
    "який відсоток",
    "كم",
    "نسبة",
    "procent",
    "percent",
    "percentage",
    "відсот",
    "oranı",
    "yuzde",  # typed without the Turkish letters
    "kaçı",
    "kaci",
    "kac",  # "kac kisi", "kac tane": kaç typed without its letter mark
    "orani",
    "بالمية",  # Levantine "per hundred"
    "بالمئة",
    "في المية",
    # the number itself asked for in a word ("is daar een getal van?", "jakie są liczby?")
    "getal",
    "figures",
    "numbers",
    "rakam",
    "liczby",
    "liczb",
    "цифр",
    "رقم",
    "ارقام",
    "أرقام",
    # a figure the parent heard and checks ("is it true that very few ...?", "klopt het dat de meeste ...?"): the
    # answer is the section that gives the figure, as for "how many"
    "klopt het",
    "is het waar",
    "is it true",
    "is that true",
    "is that right",
    "doğru mu",
    "dogru mu",
    "gerçekten",
    "gercekten",
    "صحيح",
    "prawda",
    "правда",
    # "bij welke gaan de meeste door?", "which one do most pupils stay in?": which group has the largest share
    "gaan de meeste",
    "kiezen de meeste",
    "blijven de meeste",
    "do most",
    "most pupils",
    "most kids",
    # "many or few?": a figure, however the parent phrases it
    "veel of weinig",
    "weinig of veel",
    "many or few",
    "cok mu az mi",
    "az mi cok mu",
    "duzo czy malo",
    "malo czy duzo",
    "багато чи мало",
    "мало чи багато",
    "كثير ولا قليل",
    "كثير أو قليل",
    "قليل ولا كثير",
)

# "What can we do / where do we complain / who helps" (issue 11): the question asks for the part of an article that
# says what to do (an article section marked ``actie``), not for the part that describes the problem. Phrases, folded;
# a bare "where" is left out ("waar kan hij techniek volgen" asks for a place, not for help).
ACTION_WORDS: dict[str, tuple[str, ...]] = {
    "nl": (
        "wat kunnen we",
        "wat kan ik",
        "wat moet ik",
        "wat moeten we",
        "wat doe je",
        "wat doen we",
        "wat nu",
        "melden",
        "klacht",
        "klagen",
        "wie helpt",
        "wie kan ons helpen",
        "wie kan helpen",
    ),
    "en": (
        "what can we do",
        "what can i do",
        "what should we do",
        "what should i do",
        "what do we do",
        "what do i do",
        "report",
        "complain",
        "who can help",
        "who helps",
        "what now",
    ),
    "tr": (
        "ne yapabilir",
        "ne yapmalı",
        "ne yapmali",
        "ne yapalım",
        "ne yapalim",
        "ne yapmak lazım",
        "şikayet",
        "sikayet",
        "şikâyet",
        "bildir",
        "kim yardım",
        "kim yardim",
    ),
    "ar": (
        "شو نعمل",
        "شو فينا نعمل",
        "ماذا نفعل",
        "ماذا أفعل",
        "ماذا افعل",
        "ماذا يمكننا",
        "ايش نسوي",
        "إيش نسوي",
        "نشتكي",
        "اشتكي",
        "أشتكي",
        "شكوى",
        "الإبلاغ",
        "الابلاغ",
        "أبلغ",
        "ابلغ",
        "نبلغ",
        "مين بيساعد",
        "من يساعد",
    ),
    "pl": (
        "co możemy",
        "co mozemy",
        "co robić",
        "co robic",
        "co zrobić",
        "co zrobic",
        "co mam zrobić",
        "co mam zrobic",
        "co mamy zrobić",
        "co mamy zrobic",
        "zgłosić",
        "zglosic",
        "skarg",
        "poskarż",
        "poskarz",
        "kto pomoże",
        "kto pomoze",
    ),
    "uk": (
        "що робити",
        "що нам робити",
        "що мені робити",
        "що ми можемо",
        "що можна зробити",
        "поскарж",
        "скарг",
        "повідомити",
        "хто допоможе",
    ),
}


# "Why" asks for the reasons: the section whose example asks why answers, not one that only shares the words that
# describe what is asked about ("waarom kiezen zo weinig meiden techniek?" -> the reasons, not the girls' share)
WHY_WORDS = (
    "waarom",
    "why",
    "neden",
    "niye",
    "niçin",
    "nicin",
    "dlaczego",
    "czemu",
    "чому",
    "навіщо",
    "لماذا",
    "ليش",
    "علاش",
)


def asks_why(text: str) -> bool:
    """Whether the question asks why ("how come" too)."""
    ws = words_of(fold(text))
    return bool(set(ws) & set(WHY_WORDS)) or " how come " in f" {' '.join(ws)} "


# number words of one language that are everyday words of another: the Polish "ile" (how many) is the Turkish "ile"
# (with, and: "bbl ile bol arasındaki fark ne" asks for the difference, not a figure)
_NOT_A_NUMBER_WORD: dict[str, frozenset[str]] = {"tr": frozenset({"ile"})}


def asks_number(text: str, lang: str | None = None) -> bool:
    """Whether the question asks for a figure ("hoeveel", "how many", "kaç", "ile", "скільки", "كم"); ``lang``, when
    known, keeps another language's number word that is an everyday word in this one from counting."""
    low = f" {fold(text)} "
    skip = _NOT_A_NUMBER_WORD.get(lang or "", frozenset())
    return any(
        (f" {w} " in low) if w.isascii() and " " not in w and len(w) <= 4 else (w in low)
        for w in NUMBER_WORDS
        if w not in skip and w != "كم"
    ) or bool(_AR_HOW_MANY.search(low))


# Arabic 'how many' as a word of its own, also glued to 'and', 'so', 'for' ("وكم", "بكم"), not inside another word
# ("كمان", also; "لكم", for you)
_AR_HOW_MANY = re.compile(r"(?<![^\W\d_])[وفب]?كم(?![^\W\d_])")


def figure_tail(text: str, lang: str) -> bool:
    """A part of a question that only asks for the figure of the part before it ("... minder kiezen? graag in
    procenten", "... wybiera technikę? jakie są liczby", "... قلال؟ كم نسبتهم"): no word of the domain and at
    most three content words, one of them asking for a number. Such a part is read with the part before it."""
    return asks_number(text, lang) and not in_domain(text) and len(content_words(text, lang)) <= 3


# Words of a question that asks for a beroep or an opleiding ("what is that job called", "welke opleiding",
# "яке навчання"): a question with them wants the record even when its other words fit an article too.
RECORD_ASKS: dict[str, tuple[str, ...]] = {
    "nl": ("opleiding", "opleidingen", "beroep", "beroepen", "vak", "studie", "studeren", "richting", "cursus", "heet"),
    "en": (
        "course",
        "courses",
        "training",
        "job",
        "jobs",
        "profession",
        "programme",
        "program",
        "called",
        "trade",
        "study",
    ),
    "tr": (
        "meslek",
        "mesleği",
        "bölüm",
        "bölümü",
        "eğitim",
        "eğitimi",
        "okuması",
        "okumalı",
        "okusun",
        "okuyabilir",
        "kurs",
        "adı",
    ),
    "ar": (
        "مهنة",
        "المهنة",
        "دراسة",
        "الدراسة",
        "تخصص",
        "اختصاص",
        "الاختصاص",
        "اسم",
        "وظيفة",
        "يدرس",
        "تدرس",
        "يتعلم",
        "تتعلم",
        # Maghrebi 'يقرا' (studies), Egyptian/Levantine 'شغلانة', 'مصلحة', 'صنعة' (a trade)
        "يقرا",
        "تقرا",
        "شغلانة",
        "مصلحة",
        "صنعة",
    ),
    "pl": (
        "zawód",
        "zawod",
        "kierunek",
        "studia",
        "studiować",
        "studiowac",
        "kurs",
        "nazywa",
        "uczyć",
        "uczyc",
        "nauka",
    ),
    "uk": (
        "професія",
        "професію",
        "професії",
        "навчання",
        "спеціальність",
        "курс",
        "називається",
        "вчити",
        "освіту",
        "освіта",
    ),
}


# ... and phrases that ask what a job is or where to learn it ("що це за робота?", "wat doet een ...", "de цьому
# вчитися"). 'Learn' or 'school' alone is also BBL's "werken en leren" or the school week ("lepiej szkoła cały
# tydzień czy praca?"): only "where to learn it", "which school".
RECORD_ASK_PHRASES: dict[str, tuple[str, ...]] = {
    "nl": (
        "welke mbo",
        "hoe heet",
        "wat doet",
        "wat voor werk",
        "daarvoor leren",
        "ervoor leren",
        "hiervoor leren",
        "leren voor",
        "doen op het mbo",
        "op het mbo doen",
        "iets mee op het mbo",
    ),
    "en": (
        "which mbo",
        "what is it called",
        "what does a",
        "what kind of work",
        "where can he learn",
        "where can she learn",
        "where to learn",
        "learn that",
        "learn this",
        "mbo for that",
        "school for that",
        "course for that",
    ),
    "tr": (
        "hangi mbo",
        "bu meslek",
        "ne iş",
        "hangi okul",
        "hangi okula",
        "okulu var",
        "okul var",
        "okulu nerede",
        "nerede öğren",
        "ne yapar",
        "ne demek",
    ),
    "ar": (
        "أي mbo",
        "اي mbo",
        "mbo لهذا",
        "mbo لذلك",
        "ما اسم",
        "ماذا يعمل",
        "ماذا تعمل",
        "ما هو عمل",
        "ما عمل",
        "كيف يتعلم",
        "أين يتعلم",
        "وين يتعلم",
        "اين يتعلم",
    ),
    "pl": (
        "jakie mbo",
        "co to za",
        "czym się zajmuje",
        "jaka szkoła",
        "jaka szkola",
        "jaka to szkoła",
        "jaka to szkola",
        "taka szkoła",
        "taka szkola",
        "jakiej szkoły",
        "jakiej szkoly",
        "jest szkoła",
        "jest szkola",
        "gdzie się uczyć",
        "gdzie sie uczyc",
        "co robi",
        # "is there a school for that": 'na to' points at the job just described ("jest na to szkoła mbo?")
        "na to szkoła",
        "na to szkola",
        "na to mbo",
        "na to kierunek",
        "gdzie się tego uczy",
        "gdzie sie tego uczy",
    ),
    "uk": (
        "яке mbo",
        "який mbo",
        "що це за",
        "чим займається",
        "де вчитися",
        "де цьому вчитися",
        "де цього вчитися",
        "де можна вчитися",
        "де цього вчать",
        "де цьому вчать",
        "де вчать",
        "що робить",
        "що роблять",
    ),
}


def asks_for_record(text: str, lang: str) -> bool:
    """Whether the question asks for a beroep or an opleiding (its name, what it is, the training for it)."""
    from retrieval.tokenize import tokenize

    low = f" {' '.join(words_of(fold(text)))} "
    if any(f" {fold(p)} " in low for p in RECORD_ASK_PHRASES.get(lang, ())):
        return True
    return bool(_record_ask_stems(lang) & set(tokenize(text, lang)))


def _phrase_patterns(phrases: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
    """Per language, one pattern for its phrases (regular expressions), each matched as whole words."""
    return {
        lang: re.compile(r"(?<![^\W_])(?:" + "|".join(entries) + r")(?![^\W_])") for lang, entries in phrases.items()
    }


# Whether there is work at all (round 23): "are there even jobs for that in rotterdam", "will she find a job" asks
# about the chances on the job market, not for a beroep ('jobs' is a record word in "which jobs are there with
# cars"). The phrase is left out before asking whether the question asks for a record (Assistant._plain_scores).
JOB_CHANCES: dict[str, tuple[str, ...]] = {
    "nl": (
        r"is er (?:\w+ ){0,2}(?:werk|banen)",
        r"(?:werk|een baan|banen) (?:te )?vinden",
        r"(?:kans|kansen) op (?:werk|een baan)",
    ),
    "en": (
        r"(?:are|is) there (?:\w+ ){0,2}(?:jobs?|work)",
        r"(?:find|get|land) (?:a |any )?(?:jobs?|work)",
        r"jobs? (?:chances?|prospects?|market|opportunit\w+)",
    ),
    "tr": (r"iş (?:var mı|bul\w*|imkan\w*|olanağ\w*)", r"(?:meslek|iş) bul\w*"),
    "ar": (
        r"(?:يلاقي|يلقى|تلاقي|يجد|تجد|يحصل على|تحصل على) (?:شغل|عمل|وظيفة|وظايف|وظائف)",
        r"(?:في|فيه|هل في|هل هناك) (?:\w+ )?(?:شغل|وظايف|وظائف|وظيفة|فرص عمل)",
        r"فرص (?:عمل|شغل|وظيفة)",
    ),
    "pl": (
        r"(?:jest|będzie|bedzie|są|sa) (?:\w+ ){0,2}(?:praca|pracy|prace)",
        r"znajd\w* (?:\w+ )?(?:prac[eęy]|zawód|zawod)",
    ),
    "uk": (r"(?:є|буде) (?:\w+ ){0,2}(?:робота|роботи)", r"знайд\w* (?:\w+ )?(?:роботу|професію)"),
}
_JOB_CHANCES = _phrase_patterns(JOB_CHANCES)


def without_job_chances(text: str, lang: str) -> list[str]:
    """The pieces of ``text`` (folded words) around its phrases that ask whether there is work at all ("are there
    even jobs"); pieces, so that the words before and after the phrase do not join into a new phrase."""
    low = " ".join(words_of(fold(text)))
    pattern = _JOB_CHANCES.get(lang)
    return [p for p in pattern.split(low) if p.strip()] if pattern is not None else [low]


# "Is that the end of techniek for her?" (round 23): a worry that a choice closed a way for good ("too late", "is it
# over", "can she still ..."): the part of the article that says the way stays open later answers it
# (Assistant._still_open_section), not the part that only describes the choice.
CLOSED_WAY: dict[str, tuple[str, ...]] = {
    "nl": (r"te laat", r"voorbij", r"afgelopen", r"kan (?:hij|ze|zij) (?:dan )?nog", r"geen weg terug"),
    "en": (r"too late", r"is it over", r"the end of", r"(?:can|could) (?:he|she|they) still", r"no way back"),
    "tr": (r"geç mi", r"geç kal\w*", r"bitti mi", r"kapandı mı", r"hâlâ .* (?:mı|mi|mu|mü)"),
    "ar": (r"فات الأوان", r"فات الاوان", r"انتهى", r"انتهت", r"ما عاد"),
    "pl": (r"koniec", r"za późno", r"za pozno", r"zamknięt\w*", r"zamkniet\w*", r"przepad\w*"),
    "uk": (r"кінець", r"запізно", r"закрит\w*", r"ще може", r"ще зможе"),
}
_CLOSED_WAY = _phrase_patterns(CLOSED_WAY)


def asks_if_closed(text: str, lang: str) -> bool:
    """Whether the question worries that a way is closed for good ("czy to już koniec z techniką dla niej?")."""
    pattern = _CLOSED_WAY.get(lang)
    return pattern is not None and pattern.search(" ".join(words_of(fold(text)))) is not None


_RECORD_ASK_STEMS: dict[str, frozenset[str]] = {}


def _record_ask_stems(lang: str) -> frozenset[str]:
    from retrieval.tokenize import tokenize

    stems = _RECORD_ASK_STEMS.get(lang)
    if stems is None:
        stems = frozenset(tok for w in RECORD_ASKS.get(lang, ()) for tok in tokenize(w, lang))
        _RECORD_ASK_STEMS[lang] = stems
    return stems


# "Which vmbo profiel?" (round 14): a which-word right before a profiel word ('welk profiel', 'hangi profili', 'شو
# البروفيل', 'який профіль', 'which vmbo profile'), or a what/which word with a verb of choosing in a question about the
# vmbo ("what should he take at vmbo", "welke richting moet ie kiezen op het vmbo"). A question naming what the child
# likes then gets the profiel of the beroepen those words name (Assistant._interest_profiel). The havo's profielen
# (NT, NG) are another choice.
PROFIEL_WORDS = ("profiel", "profile", "profil", "профіл", "профил", "بروفيل", "بروفايل", "البروفيل", "البروفايل")
PROFIEL_WHICH: dict[str, tuple[str, ...]] = {
    "nl": ("welk", "welke"),
    "en": ("which", "what"),
    "tr": ("hangi",),
    "ar": ("أي", "اي", "شو", "ايش", "إيش", "وشو", "وأي", "واي", "ما"),
    "pl": ("jaki", "jaką", "jaka", "który", "którą", "ktory", "ktora", "jakiego"),
    "uk": ("який", "яку", "яка", "якого"),
}
PROFIEL_WHAT: dict[str, tuple[str, ...]] = {  # ... and with a verb of choosing, 'what' too ("co wybrać w vmbo?")
    "nl": ("wat",),
    "en": (),
    "tr": ("ne", "neyi", "hangisi", "hangileri"),  # 'which of them' comes after its noun ("teknik olanlar hangileri")
    "ar": ("ماذا", "شو", "وشو"),
    "pl": ("co",),
    "uk": ("що",),
}
PROFIEL_CHOOSE: dict[str, tuple[str, ...]] = {
    "nl": ("kiezen", "kiest", "nemen", "doen op het vmbo"),
    "en": ("choose", "take", "pick", "go for"),
    "tr": ("seç", "sec", "almalı", "almali"),
    "ar": ("يختار", "تختار", "ياخد", "ياخذ", "تاخد", "تاخذ", "يأخذ", "تأخذ"),
    "pl": ("wybra", "wybier"),
    "uk": ("обрати", "обира", "вибрати", "вибира"),
}
PROFIEL_NEAR = 3  # the profiel word at most this many words after the which-word ('which vmbo technology profile')


# Arabic 'ما' is 'what' ("ما هو البروفيل المناسب") but in everyday speech also 'not' ("مدرستها ما فيها profiel
# تقني": her school has no techniek profiel): it asks which profiel only when the profiel word, or a pronoun
# before it, follows it directly.
_ARABIC_WHAT_NEXT = ("هو", "هي", "هم")


def _arabic_what(after: list[str]) -> bool:
    return bool(after) and (
        any(p in after[0] for p in PROFIEL_WORDS)
        or (after[0] in _ARABIC_WHAT_NEXT and len(after) > 1 and any(p in after[1] for p in PROFIEL_WORDS))
    )


def asks_profiel(text: str, lang: str) -> bool:
    """Whether the question asks which vmbo profiel to choose (not what a profiel is, nor a profiel's figure)."""
    low = f" {fold(text)} "
    if ("havo" in low or "vwo" in low) and "vmbo" not in low:
        return False
    ws = words_of(low)
    which = set(PROFIEL_WHICH.get(lang, ()))
    for i, w in enumerate(ws):
        if w in which and any(p in n for n in ws[i + 1 : i + 1 + PROFIEL_NEAR] for p in PROFIEL_WORDS):
            if w == "ما" and not _arabic_what(ws[i + 1 : i + 1 + PROFIEL_NEAR]):
                continue
            return True
    what = which | set(PROFIEL_WHAT.get(lang, ()))
    return "vmbo" in low and any(w in what for w in ws) and any(c in low for c in PROFIEL_CHOOSE.get(lang, ()))


# A profiel named by its code ("school says MVI", "NT mi NG mi?") or by the word profiel: the question is about the
# profiel, and a record that only a description word of the question names (no everyday name) does not answer it
# ("computers and design, is MVI a good profile for a job?" is not the ICT administrator's record; round 16).
PROFIEL_CODES = ("MVI", "BWI", "PIE", "M&T", "MaT", "NT", "NG", "N-profiel", "N-profielen")
_PROFIEL_CODE = re.compile(r"(?<![\w&])(" + "|".join(re.escape(c) for c in PROFIEL_CODES) + r")(?![\w&])")
_PROFIEL_CODE_LOWER = ("mvi", "bwi")  # typed in lower case too ('pie', 'nt', 'ng' are other words then)
HAVO_WORDS = ("havo", "vwo")
VMBO_PROFIEL_CODES = ("MVI", "BWI", "PIE", "M&T", "MaT")  # the vmbo's techniek profielen among them
VOCAB_PROFIEL = {"M&T": "MT"}  # ... written as people write them; the vocabulary's code where it differs


def profiel_codes(text: str) -> frozenset[str]:
    """The vmbo techniek profielen a text names by code ("MaT en M&T" -> {'MaT', 'MT'}), as vocabulary codes."""
    return frozenset(VOCAB_PROFIEL.get(c, c) for c in _PROFIEL_CODE.findall(text) if c in VMBO_PROFIEL_CODES)


# A teacher named by the question ("mag elke leraar dat geven?", "do kiedy zwykły nauczyciel może prowadzić ...",
# "who may teach it"): word starts on the folded text without marks, six languages; Arabic words anywhere in a word
# (they take al-, wa-, bi-). 'مدرسة' (school) is not a teacher: the Arabic teacher words are matched as words.
TEACHER_STARTS = (
    "leraar",
    "leraren",
    "lerares",
    "docent",
    "leerkracht",
    "juf",
    "teacher",
    "ogretmen",
    "nauczyciel",
    "вчител",
    "учител",
    "викладач",
)
_TEACHER_ARABIC = re.compile(
    r"(?<![\u0600-\u06ff])(?:[وبل]?ال)?(?:معلم(?:ة|ه|ين|ون)?|مدرس(?:ين|ون)?|[أا]ستاذ(?:ة|ه)?)(?![\u0600-\u06ff])"
)


def names_teacher(text: str) -> bool:
    """Whether a question names a teacher (in any of the six languages)."""
    from retrieval.tokenize import unmarked

    words = words_of(unmarked(fold(text)))
    return any(w.startswith(TEACHER_STARTS) for w in words) or bool(_TEACHER_ARABIC.search(text.replace("\u0651", "")))


def names_profiel(text: str) -> bool:
    """Whether the question names a profiel: by its code or by the word profiel (in any of our languages)."""
    low = fold(text)
    ws = words_of(low)
    return (
        bool(_PROFIEL_CODE.search(text))
        or any(w in _PROFIEL_CODE_LOWER for w in ws)
        or any(p in w for w in ws for p in PROFIEL_WORDS)
    )


def asks_havo_profiel(text: str) -> bool:
    """Whether the question is about a havo or vwo profiel ("havo 3, NT or NG for an engineer?"): the N-profielen of
    havo/vwo are another choice than the vmbo's techniek profielen."""
    ws = words_of(fold(text))
    return any(w.startswith(h) for w in ws for h in HAVO_WORDS) and "vmbo" not in ws and names_profiel(text)


# Words of a follow-up that asks about the training for a beroep just answered: how long, where (which school),
# BOL/BBL, what level, learning it. A word of at least four letters also matches as a word start ('opleiding' in
# 'opleidingen', 'szkoł' ...); Arabic words anywhere in a word (they take prefixes: 'وكم', 'وأين').
TRAINING_WORDS: dict[str, tuple[str, ...]] = {
    "nl": (
        "hoe lang",
        "jaar",
        "jaren",
        "duur",
        "school",
        "scholen",
        "waar",
        "bbl",
        "bol",
        "leren",
        "opleiding",
        "niveau",
        "studeren",
        "leerweg",
    ),
    "en": (
        "how long",
        "year",
        "years",
        "school",
        "schools",
        "where",
        "bbl",
        "bol",
        "learn",
        "study",
        "course",
        "training",
        "level",
        "duration",
    ),
    "tr": (
        "kaç yıl",
        "yıl",
        "sene",
        "sürüyor",
        "süre",
        "okul",
        "nerede",
        "bbl",
        "bol",
        "okuma",
        "eğitim",
        "seviye",
        "öğren",
        "bölüm",
    ),
    "ar": (
        "كم سنة",
        "سنوات",
        "سنة",
        "سنين",
        "مدة",
        "مدرسة",
        "مدارس",
        "أين",
        "وين",
        "bbl",
        "bol",
        "يدرس",
        "تدرس",
        "دراسة",
        "الدراسة",
        "مستوى",
        "يتعلم",
        "تتعلم",
    ),
    "pl": (
        "ile lat",
        "lat",
        "lata",
        "trwa",
        "szkoł",
        "szkol",
        "gdzie",
        "bbl",
        "bol",
        "uczy",
        "nauk",
        "poziom",
        "kierun",
        "studi",
    ),
    "uk": (
        "скільки років",
        "років",
        "роки",
        "рік",
        "триває",
        "школ",
        "де",
        "bbl",
        "bol",
        "вчити",
        "навчан",
        "рівень",
        "вчать",
        "вчиться",
    ),
}


# A job named together with a leerweg ("kan hij lassen leren via bbl?", "dachy: tylko w BBL czy tez w szkole?") asks
# about that job's training: its record answers with each course's BOL/BBL (round 16). Unless the question compares
# the two or asks what they are ("elektricien: BOL of BBL, wat is beter?", "bbl ne demek?"): BOL/BBL's article.
LEERWEG_WORDS = ("bbl", "bol")
LEERWEG_CHOICE: dict[str, tuple[str, ...]] = {
    "nl": ("beter", "beste", "verschil", "wat is bbl", "wat is bol", "wat betekent", "slimmer", "verstandiger"),
    "en": (
        "better",
        "best",
        "difference",
        "which one",
        "what is bbl",
        "what is bol",
        "what does bbl",
        "should he",
        "should she",
        "what's bbl",
    ),
    "tr": ("daha iyi", "hangisi", "yoksa", "fark", "ne demek", "nedir", "mantıklı"),
    "ar": (
        "أفضل",
        "افضل",
        "احسن",
        "أحسن",
        "الفرق",
        "فرق",
        "ما هو",
        "ما هي",
        "يعني ايش",
        "ايش يعني",
        "شو يعني",
        "ماذا يعني",
        "أيهما",
        "ايهما",
    ),
    "pl": (
        "lepiej",
        "lepsze",
        "lepszy",
        "lepsza",
        "różnica",
        "roznica",
        "co to jest",
        "co to znaczy",
        "co wybrać",
        "co wybrac",
        "który",
        "ktory",
        "która",
        "ktora",
    ),
    "uk": ("краще", "кращ", "різниця", "різниц", "що таке", "що означає", "що обрати", "що вибрати", "який обрати"),
}


def asks_plain_course(text: str, lang: str) -> bool:
    """Whether the question asks for a course or job ("jaki kierunek na mbo?") without naming BOL/BBL or comparing:
    an example question about BOL/BBL that names the same job does not answer it."""
    return (
        asks_for_record(text, lang)
        and not _has_entry(text, lang, {lang: LEERWEG_WORDS})
        and not _has_entry(text, lang, LEERWEG_CHOICE)
    )


def asks_job_leerweg(text: str, lang: str) -> bool:
    """Whether the question asks whether (or only how) a job is learnt by BOL or BBL, not which of the two is better
    or what they are."""
    return _has_entry(text, lang, {lang: LEERWEG_WORDS}) and not _has_entry(text, lang, LEERWEG_CHOICE)


# ... of them, the words that ask how long the training takes: after a beroep, all its opleidingen with their level
# and length answer (round 14), not one opleiding of one level
DURATION_WORDS: dict[str, tuple[str, ...]] = {
    "nl": ("hoe lang", "jaar", "jaren", "duur", "duurt"),
    "en": ("how long", "year", "years", "duration"),
    "tr": ("kaç yıl", "kaç sene", "yıl", "sene", "sürüyor", "süre", "sürer"),
    "ar": ("كم سنة", "سنوات", "سنة", "سنين", "مدة"),  # 'سنين': years as parents say it (Levantine, Egyptian)
    "pl": ("ile lat", "lat", "lata", "trwa", "długo", "dlugo"),
    "uk": ("скільки років", "років", "роки", "рік", "триває", "скільки часу", "довго"),
}


# ... and the words that ask where one learns it ("can he learn that somewhere near Rotterdam?"): the opleiding
# answers (its schools, and whether the region offers it), not the beroep
WHERE_WORDS: dict[str, tuple[str, ...]] = {
    # ... also "around rotterdam", "in de omgeving", "w okolicy": a place the course should be near
    "nl": ("waar", "welke school", "welke scholen", "in de buurt", "dichtbij", "omgeving"),
    "en": ("where", "somewhere", "which school", "which schools", "near", "nearby", "close to", "around"),
    "tr": ("nerede", "nerde", "hangi okul", "hangi okulda", "hangi okula", "yakın", "yakında", "civar"),
    "ar": ("أين", "اين", "وين", "أي مدرسة", "اي مدرسة", "قريب", "بالقرب"),
    "pl": (
        "gdzie",
        "jaka szkoła",
        "jaka szkola",
        "która szkoła",
        "ktora szkola",
        "jakiej szkoły",  # "do jakiej szkoły mbo?": the school named in another case
        "jakiej szkoly",
        "której szkoły",
        "ktorej szkoly",
        "jakiej szkole",
        "blisko",
        "okolic",
    ),
    "uk": ("де", "яка школа", "які школи", "яку школу", "якій школі", "поблизу", "біля", "недалеко", "поруч"),
}


# A school as a place where something is taught ("how many schools on Zuid have it?", "w ilu szkołach", "в скількох
# школах", "أي مدرسة"): folded text, word starts in five languages and Arabic anywhere in a word (prefixes)
_SCHOOL_PLACE = re.compile(r"\b(?:school\w*|scholen|okul\w*|szko[lł]\w*|школ\w*)\b|مدرس|مدارس", re.UNICODE)


def names_school(text: str) -> bool:
    """Whether ``text`` speaks of schools as places ("welke school", "kaç okulda", "w ilu szkołach")."""
    return bool(_SCHOOL_PLACE.search(fold(text)))


# "In that situation / such a school" points at the situation the earlier question described ("how many children on
# Zuid are in that situation?" after "our school has no technology profile"): a figure asked about it is the figure
# the conversation's article gives for that situation. Folded text.
_SITUATION: dict[str, re.Pattern[str]] = {
    "nl": re.compile(r"\b(?:die|deze|zo'?n|zulke|dezelfde|hetzelfde|zelfde) (?:situatie|positie|school|scholen)\b"),
    "en": re.compile(r"\b(?:that|this|such an?|the same|a similar) (?:situation|position|school|schools)\b"),
    "tr": re.compile(r"\b(?:böyle|boyle|öyle|oyle)\b|\b(?:bu|aynı|ayni) (?:durum\w*|okul\w*)"),
    "pl": re.compile(r"\b(?:tej|takiej|takich|podobnej|tej samej) (?:sytuacj\w*|szko[lł]\w*)"),
    "uk": re.compile(r"(?<!\w)(?:такій|такої|цій|тій|такому|такі|таких|схожій) (?:ситуаці\w*|становищ\w*|школ\w*)"),
    "ar": re.compile(
        r"(?:هالوضع|هذا الوضع|نفس الوضع|هالحالة|هذه الحالة|نفس الحالة|هيك وضع|هيك مدرسة|مثل هذه المدرسة|هالمدرسة)"
    ),
}


def same_situation(text: str, lang: str) -> bool:
    """Whether a question points at the situation described before it ("in die situatie", "böyle bir okulda",
    "в такій ситуації")."""
    return _says_in(text, lang, _SITUATION)


# "How many of them ...?": a figure asked of the group just spoken of ("a ilu z nich idzie dalej w technike?" after the
# profiel for solar panels). Folded text.
_OF_THEM: dict[str, re.Pattern[str]] = {
    "nl": re.compile(r"\b(?:daarvan|van hen|van die(?:n)?|van deze)\b"),
    "en": re.compile(r"\b(?:of them|of those|of these)\b"),
    "tr": re.compile(r"\b(?:bunlar|onlar|bunlarin|onlarin)dan\b|\b(?:bunlarin|onlarin) (?:kaci|yuzde)"),
    "pl": re.compile(r"\b(?:z nich|z tych|sposrod nich|wsrod nich)\b"),
    "uk": re.compile(r"(?<!\w)(?:з|із|серед) (?:них|цих|тих)(?!\w)"),
    "ar": re.compile(r"(?:منهم|منهن|من هؤلاء|منن)(?![^\W\d_])"),
}


def of_them(text: str, lang: str) -> bool:
    """Whether a question asks about the group just spoken of ("how many of them", "a ilu z nich", "з них")."""
    return _says_in(text, lang, _OF_THEM)


# "Is it any better / more often / easier there?": a follow-up that compares with what was just said ("and with bbl is
# it any better?", "a często tak jest u dzieci migrantów?") asks the earlier question again for what it names. Folded
# words (a word start for the longer ones).
_COMPARING: dict[str, re.Pattern[str]] = {
    "nl": re.compile(r"\b(?:beter|slechter|makkelijker|moeilijker|vaker|meer|minder|anders|groter|kleiner|erger)\b"),
    "en": re.compile(r"\b(?:better|worse|easier|harder|more|less|often|different|bigger|smaller)\b"),
    "tr": re.compile(r"\b(?:daha|fark\w*|kolay|zor)\b"),
    "pl": re.compile(
        r"\b(?:lepiej|gorzej|łatwiej|latwiej|trudniej|częściej|czesciej|często|czesto|więcej|wiecej|mniej|inaczej)\b"
    ),
    "uk": re.compile(r"(?<!\w)(?:краще|гірше|легше|важче|частіше|часто|більше|менше|інакше)(?!\w)"),
    "ar": re.compile(r"(?:أفضل|افضل|أحسن|احسن|أسهل|اسهل|أصعب|اصعب|أكثر|اكثر|أقل|اقل|مختلف)"),
}


def compares_back(text: str, lang: str) -> bool:
    """Whether a follow-up compares with what was just said ("is it any better?", "daha mı kolay?", "częściej?")."""
    return _says_in(text, lang, _COMPARING)


# "Which mbo schools in Den Haag have ICT?", "jakie są szkoły mbo w Den Haag z techniką?", "в яких коледжах у Делфті
# вчать на електрика?": a question for the schools themselves (a school word with a 'which / are there' word), not
# for a figure about schools nor for vmbo schools (the articles on Zuid's vmbo schools answer those). Folded text.
_SCHOOL_WORD = r"(?:school\w*|scholen|mbo(?!\s*(?:opleiding|course|program|bolum|egitim|kierun|програм))\w*|roc\w*|college\w*|okul\w*|kolej\w*|szko[lł]\w*|koleg\w*|школ\w*|коледж\w*)"


def _which_school(which: str) -> re.Pattern[str]:
    """A 'which / are there / where' word with a school word at most two words after it."""
    return re.compile(rf"(?<!\w)(?:{which})\s+(?:\S+\s+){{0,2}}?{_SCHOOL_WORD}", re.UNICODE)


_WHICH_SCHOOLS: dict[str, re.Pattern[str]] = {
    "nl": _which_school(r"welke|wat voor|zijn er|is er|waar zijn|op welke|naar welke|bij welke"),
    # ... 'what' only right before the schools ("what mbo schools ...", not "what the school tells them")
    "en": re.compile(
        rf"(?<!\w)(?:(?:which|are there|is there|any|where are|at which|to which)\s+(?:\S+\s+){{0,2}}?"
        rf"|what\s+(?:mbo\s+)?){_SCHOOL_WORD}",
        re.UNICODE,
    ),
    "tr": re.compile(
        rf"(?<!\w)(?:hangi|nerede\w*|nerde)\s+(?:\S+\s+){{0,2}}?{_SCHOOL_WORD}|{_SCHOOL_WORD}\s+(?:\S+\s+){{0,3}}?var mi"
    ),
    "pl": _which_school(r"jaki\w*|jaka|jakie\w*|ktor\w*|gdzie|czy sa|czy jest|w jakiej|w ktorej|do jakiej|do ktorej"),
    "uk": _which_school(r"які|яка|яку|якій|яких|котр\w*|де|чи є|в яких|у яких|в якому|у якому"),
    # ... in Arabic the word for 'in' also says 'there is': only right before the schools ("في مدارس mbo ...؟")
    "ar": re.compile(
        r"(?:أي|اي|أيش|ايش|شو|وين|أين|اين|ما هي|هل في|هل توجد|في|فيه)\s+(?:في\s+)?(?:ال)?(?:مدرس|مدارس|معهد|معاهد|كلي|mbo)"
    ),
}


_MBO_WORD = re.compile(r"\b(?:mbo\w*|roc\w*|college\w*|koleg\w*)\b|коледж\w*", re.UNICODE)


def names_mbo(text: str) -> bool:
    """Whether ``text`` names the mbo or its schools ("mbo", "ROC", "college", "коледж"); 'vmbo' is not 'mbo'."""
    return bool(_MBO_WORD.search(fold(text)))


# techniek as a field in six languages ("mbo schools with techniek", "teknik", "техніка", "تقنية"); folded text
_TECHNIEK_WORD = re.compile(r"\b(?:techni\w*|techno\w*|tech\b|teknik\w*|teknoloj\w*)|техн\w*|تقني|تكنولوج", re.UNICODE)


def names_techniek(text: str) -> bool:
    """Whether ``text`` names techniek itself as the field ("mbo scholen met techniek", "szkoły z techniką")."""
    return bool(_TECHNIEK_WORD.search(fold(text)))


# "what share of mbo students ...": a figure about students, not a question for schools (folded text)
_SHARE = re.compile(r"\b(?:aandeel|percentage|procent\w*|share|yuzde|odsetek|czesc)\b|частк|відсот|نسبة", re.UNICODE)


def asks_school_list(text: str, lang: str) -> bool:
    """Whether the question asks which (mbo) schools there are ("which mbo schools in Delft teach electrical
    engineering?"), not how many schools nor which vmbo school."""
    folded = fold(text)
    if "vmbo" in words_of(folded) or asks_number(text, lang) or _SHARE.search(folded):
        return False
    return _says_in(text, lang, _WHICH_SCHOOLS)


# "Also / too" asks the earlier question again for another case ("en als ie bbl doet ook?" after going on to hbo,
# "bbl de olur mu?"). Folded words (Turkish 'de/da' as a word of its own).
_ALSO: dict[str, re.Pattern[str]] = {
    "nl": re.compile(r"\book\b"),
    "en": re.compile(r"\b(?:too|also|as well)\b"),
    "tr": re.compile(r"\b(?:de|da|dahi)\b"),
    "pl": re.compile(r"\b(?:tez|takze|rowniez)\b"),
    "uk": re.compile(r"(?<!\w)(?:теж|також)(?!\w)"),
    "ar": re.compile(r"(?:كمان|أيضا|ايضا|أيضًا)(?![^\W\d_])"),
}


def says_also(text: str, lang: str) -> bool:
    """Whether a follow-up says 'also / too' ("en met bbl ook?", "a z bbl też?", "і з bbl теж?")."""
    return _says_in(text, lang, _ALSO)


def asks_where(text: str, lang: str) -> bool:
    """Whether the question asks where (which school, near which place) one learns a job."""
    return _has_entry(text, lang, WHERE_WORDS)


# ... with a verb of learning or studying: "where can she learn that?", "де таке вивчають?", "وين يدرس هالشي؟" ask for
# a course without a school word; "where can I buy a cheap bike?" does not
_LEARN_VERB = re.compile(
    r"(?<![^\W\d_])(leer|leren|studeer|studeren|learn|stud(y|ies|ied)|train|öğren|ogren|okuy|naucz|uczy|studi|"
    r"вч[аи]|вивч|навча)|تعلم|يتعلم|بيتعلم|يدرس|بيدرس|تدرس|دراسة"
)


def asks_where_to_learn(text: str, lang: str) -> bool:
    """Whether the question asks where one learns or studies something (a job named beside it: its course)."""
    return asks_where(text, lang) and bool(_LEARN_VERB.search(fold(text)))


# "which mbo course is that?" (round 19): the question names a job in plain words and asks for its course, not what
# the job is; the beroep's answer then opens with its courses (Assistant._record). A course word or "which mbo" ...
COURSE_WORDS: dict[str, tuple[str, ...]] = {
    "nl": ("opleiding", "welke mbo", "studie", "studeren", "cursus"),
    "en": ("course", "courses", "programme", "program", "which mbo", "what mbo", "study", "studies"),
    "tr": ("eğitim", "eğitimi", "egitim", "egitimi", "bölüm", "bölümü", "bolum", "bolumu", "hangi mbo", "kurs"),
    # Arabic parents ask "can he learn X at the mbo" with the verb of learning ('يتعلم') as often as with 'study'
    "ar": ("دراسة", "الدراسة", "تخصص", "اختصاص", "أي mbo", "اي mbo", "يدرس", "تدرس", "يتعلم", "تتعلم"),
    "pl": ("kierunek", "kierunku", "kierunki", "jaka szkoła", "jaka szkola", "jakiej szkoły", "jakiej szkoly", "kurs"),
    "uk": ("навчання", "спеціальність", "спеціальності", "програма", "курс", "яке mbo", "який mbo"),
}
# ... unless it asks what the job is or does as well ("what does a wind turbine technician do all day and which
# course gets you there?"): then the job leads, its courses follow
JOB_WHAT_WORDS: dict[str, tuple[str, ...]] = {
    # ... or whether there is work in it ("can you study that at mbo and are there jobs in rotterdam?")
    "nl": ("wat doet", "wat doe je", "wat is een", "wat voor werk", "welk beroep", "is er werk", "er werk", "banen"),
    "en": (
        "what does",
        "what do",
        "what is a",
        "what kind of work",
        "what job",
        "which job",
        "all day",
        "are there jobs",
        "any jobs",
        "is there work",
    ),
    "tr": (
        "ne yapar",
        "ne yapıyor",
        "ne yapiyor",
        "ne iş",
        "hangi meslek",
        "meslek ne",
        "iş var",
        "is var",
        "iş bulur",
    ),
    "ar": ("شو بيعمل", "شو بيشتغل", "ماذا يعمل", "شو هي المهنة", "أي مهنة", "اي مهنة", "في شغل", "فيه شغل"),
    "pl": ("co robi", "czym się zajmuje", "czym sie zajmuje", "jaki zawód", "jaki zawod", "jest praca", "będzie praca"),
    "uk": ("що робить", "що роблять", "чим займається", "яка професія", "що це за робота", "є робота", "буде робота"),
}


def asks_course(text: str, lang: str) -> bool:
    """Whether the question asks for the mbo course (its name, where it leads), not what the job is."""
    return _has_entry(text, lang, COURSE_WORDS) and not _has_entry(text, lang, JOB_WHAT_WORDS)


def asks_duration(text: str, lang: str) -> bool:
    """Whether a (follow-up) question asks how long the training takes."""
    return _has_entry(text, lang, DURATION_WORDS)


def asks_training(text: str, lang: str) -> bool:
    """Whether a (follow-up) question asks how long, where, at what level or by which leerweg one learns a job."""
    return _has_entry(text, lang, TRAINING_WORDS)


def _has_entry(text: str, lang: str, entries: dict[str, tuple[str, ...]]) -> bool:
    """Whether the question holds an entry of ``entries[lang]``: a phrase as a whole, a word as a word or (four
    letters or more) as a word start; an Arabic word anywhere in a word (prefixes: 'وكم', 'وأين')."""
    low = fold(text)
    ws = words_of(low)
    padded = f" {' '.join(ws)} "
    for entry in entries.get(lang, ()):
        e = fold(entry)
        if " " in e:
            if f" {e} " in padded:
                return True
        elif (
            lang == "ar"
            and len(e) >= 3
            and any(e in w for w in ws)
            or e in ws
            or (len(e) >= 4 and any(w.startswith(e) for w in ws))
        ):
            return True
    return False


def asks_action(text: str, lang: str) -> bool:
    """Whether the question asks what to do, where to complain or who helps ("waar kan ik dat melden?"); a phrase of
    three words or more also with one word of the asker's own before its last ("what can i actually do", "wat kunnen
    we dan doen" for "wat kunnen we")."""
    low = f" {fold(text)} "
    phrases = ACTION_WORDS.get(lang, ()) + ACTION_WORDS["en"]
    return any(w in low for w in phrases) or any(p.search(low) for p in _loose_actions(phrases))


@functools.cache
def _loose_actions(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Patterns of the phrases of three words or more (folded) with room for one more word before the last."""
    out = []
    for phrase in phrases:
        words = fold(phrase).split()
        if len(words) >= 3:
            head = r"\s+".join(re.escape(w) for w in words[:-1])
            out.append(re.compile(rf"(?<!\w){head}\s+\w+\s+{re.escape(words[-1])}(?!\w)", re.UNICODE))
    return tuple(out)


def content_words(text: str, lang: str) -> list[str]:
    from retrieval.tokenize import STOPWORDS

    stop = STOPWORDS.get(lang, set()) | set(QUESTION_STARTS.get(lang, ()))
    return [w for w in words_of(text) if w not in stop]


# Words that point at something said just before ("kan je daar ...", "kto w tym pomaga", "do we do that ourselves"):
# demonstratives and 'there' as a place. Not 'it', 'het', 'die' nor the 'there' of "is there ...": they open new
# questions as often as they point back.
BACK_WORDS: dict[str, tuple[str, ...]] = {
    "nl": ("dat", "dit", "daar", "daarvoor", "daarin", "daarmee", "daarvan", "ervan", "ervoor", "erin"),
    "en": ("that", "this", "those", "them"),
    "tr": ("bu", "bunu", "bunun", "bunlar", "orada", "orası", "onu", "onun"),
    "pl": ("to", "tego", "tym", "tam", "tej"),
    "uk": ("це", "цього", "цим", "там"),
    "ar": ("ذلك", "هذا", "هذه", "تلك", "ذاك", *_AR_DIALECT_THIS),
}


def deictic_words(text: str, lang: str) -> set[str]:
    """The folded words of ``text``; in Arabic also without the 'و' (and) glued to the front ("وهاد" -> "هاد"),
    so that a pointing word is found however it is joined."""
    ws = set(words_of(fold(text)))
    if lang == "ar":
        ws |= {unglued(w) for w in ws}
        # the spoken 'this' glued to its noun: "بهالمجال" (in this field), "هالشي" (this thing)
        ws |= {"هاد" for w in ws if _AR_GLUED_THIS.match(w)}
    return ws


_AR_GLUED_THIS = re.compile(r"^[وفبل]{0,2}هال\w{2,}")


# The Dutch names of the school system that parents type in every language: a follow-up that names one the earlier
# question did not ("و Entree هذا لمين؟" after the mbo levels) asks about that thing, not about the section just read.
SCHOOL_TERMS = re.compile(r"(?<![^\W\d_])(v?mbo|havo|vwo|hbo|mavo|bbl|bol|entree|nprz|aandebak|stc)(?![^\W\d_])")


# The school levels among them: an example that names other levels than the question asks about something else
SCHOOL_LEVELS = frozenset({"vmbo", "mbo", "havo", "vwo", "hbo", "mavo"})


def school_terms(text: str) -> frozenset[str]:
    """The Dutch school-system names in ``text`` (folded; also glued to an Arabic prefix: 'بالmbo')."""
    return frozenset(SCHOOL_TERMS.findall(_GLUED_LATIN.sub(" ", fold(text))))


# "And after that?": a follow-up that asks for the next step of the route just explained ("а куди потім після vmbo?"
# after the profiel for the port) is about that route, not about the school system in general. Folded text.
_NEXT_STEP: dict[str, re.Pattern[str]] = {
    "nl": re.compile(r"\b(?:daarna|daarop|erna|na afloop|na het vmbo|na vmbo|na het mbo|na mbo|vervolgens)\b"),
    "en": re.compile(r"\b(?:after that|afterwards|after vmbo|after mbo|and then|what next|next step)\b"),
    "tr": re.compile(r"\b(?:sonra\w*|bitince|bittikten|ardından|ardindan)\b"),
    "pl": re.compile(r"\b(?:potem|po vmbo|po mbo|pozniej|później|dalej)\b"),
    "uk": re.compile(r"(?<!\w)(?:потім|після цього|після того|далі|пізніше)(?!\w)"),
    # bare 'بعد' (after) is left out: "بيلاقي شغل أسرع بعد الشهادة" asks about work after the diploma
    "ar": re.compile(r"(?<!\w)(?:و?بعدين|و?بعدها|بعد ذلك|بعد هيك|ثم)(?!\w)"),
}


def asks_next_step(text: str, lang: str) -> bool:
    """Whether a (follow-up) question asks what comes after ("en daarna?", "peki vmbo bitince?", "а потім?")."""
    return _says_in(text, lang, _NEXT_STEP)


def refers_back(text: str, lang: str) -> bool:
    """Whether ``text`` has a word that points at something said before it (see BACK_WORDS), whatever its length:
    the second half of a two-in-one question with one is about the first half's topic."""
    return bool(set(BACK_WORDS.get(lang, ())) & deictic_words(text, lang))


def is_followup(text: str, lang: str) -> bool:
    """A short question that leans on what came before ("en BBL?", "hoe lang duurt dat?", "peki ne kadar?")."""
    low = fold(text).strip(" ?؟!.")
    ws = words_of(low)
    if not ws:
        return False
    starts = FOLLOWUP_STARTS.get(lang, ())
    if any(low == s or low.startswith(s + " ") for s in starts):
        return True
    if lang == "ar" and ws[0].startswith("و") and ws[0][1:] in QUESTION_STARTS["ar"]:
        return True
    anaphor = set(ANAPHORA.get(lang, ())) & deictic_words(low, lang)
    # "وبعدها الـ mbo كم سنة؟" (and after that, the mbo, how many years?): 'after that' leans on what came before
    leaning = bool(anaphor) or asks_next_step(low, lang)
    return len(content_words(low, lang)) <= 2 or (leaning and len(ws) <= 7)


# Two sub-topics a follow-up names in a few everyday words that the example questions of several articles come about
# equally close to (the embedding cannot tell "do students get paid there?" from "do BBL students travel further?"):
# pay while learning or working, and finding work after the diploma. Phrases on the folded text, in six languages;
# a short-answer section speaks of one when its example questions name it.
FOLLOWUP_CONCEPTS: dict[str, dict[str, tuple[str, ...]]] = {
    "pay": {
        "nl": ("betaald", "verdien", "salaris", "loon", "geld krijg", "geld verdien"),
        "en": ("paid", "salary", "wage", "earn", "get money"),
        "tr": ("maaş", "maas", "ücret al", "ucret al", "para kazan", "para alı", "para ali", "kazanır", "kazanir"),
        "pl": (
            "płacą",
            "placa",
            "zarabia",
            "zarobi",
            "pensj",
            "wypłat",
            "wyplat",
            "dostaje pieniądze",
            "dostaje pieniadze",
        ),
        "uk": ("платять", "платят", "зарплат", "заробля", "заробіт", "отримує гроші", "гроші отриму"),
        "ar": ("راتب", "معاش", "يقبض", "بيقبض", "بيدفعوله", "يدفعوله", "بياخد مصاري", "ياخذ فلوس", "يأخذ أجر", "أجرة"),
    },
    "work": {
        "nl": (
            "werk vinden",
            "baan vinden",
            "werk vindt",
            "baan vindt",
            "werkloos",
            "aan het werk",
            "werk krijgen",
            "een baan krijgen",
            "is er werk",
            "is er wel werk",
            "er werk in",
            "kans op werk",
            "kans op een baan",
            "kans heeft hij op werk",
            "kans heeft ze op werk",
        ),
        "en": (
            "find work",
            "find a job",
            "finds work",
            "finds a job",
            "get a job",
            "gets a job",
            "unemployed",
            "is there work",
            "are there jobs",
            "any jobs",
            "chance of work",
            "chance of a job",
            "job chances",
            "job prospects",
        ),
        "tr": (
            "iş bul",
            "is bul",
            "işsiz",
            "issiz",
            "iş sahibi",
            "is sahibi",
            "iş var mı",
            "is var mi",
            "iş imkan",
            "is imkan",
            "iş şansı",
            "is sansi",
        ),
        "pl": (
            "dostac prac",
            "dostać prac",
            "znalezc prac",
            "znaleźć prac",
            "znajdzie prac",
            "dostanie prac",
            "bezroboc",
            "jest praca",
            "bedzie praca",
            "będzie praca",
            "szanse na prac",
            "szansa na prac",
        ),
        "uk": (
            "знайти робот",
            "знайде робот",
            "влаштуват",
            "безробіт",
            "отримати робот",
            "є робота",
            "робота є",
            "буде робота",
            "шанси на робот",
            "шанс на робот",
        ),
        "ar": (
            "في شغل",
            "في وظائف",
            "فرص العمل",
            "فرص الشغل",
            "يوجد عمل",
            "توجد وظائف",
            "يلاقي شغل",
            "يلقى شغل",
            "بيلاقي شغل",
            "يلاقي وظيفة",
            "يلقى وظيفة",
            "يجد عمل",
            "يجد وظيفة",
            "يحصل على عمل",
            "يحصل على وظيفة",
            "عاطل",
        ),
    },
}


def followup_concept(text: str, lang: str) -> str | None:
    """The sub-topic of FOLLOWUP_CONCEPTS a question names (pay, finding work), None when none or both."""
    words = words_of(fold(text))
    if lang == "ar":  # "وفي شغل؟" (and is there work?): the glued 'and' is not part of the phrase
        words = [unglued(w) for w in words]
    low = f" {' '.join(words)} "
    found = [c for c, entries in FOLLOWUP_CONCEPTS.items() if any(f" {fold(e)}" in low for e in entries.get(lang, ()))]
    return found[0] if len(found) == 1 else None


# What taking part costs ("is it free?", "moeten we betalen?", "a to jest płatne?"): after a list of activities such
# a follow-up is about the activities just listed, however close it is to the article about pay in technology.
# Word starts on the folded text; a wage ("salaris", "maaş", "зарплат") is not a cost of taking part.
COST_STARTS = (
    "betal",
    "gratis",
    "kost",
    "prijs",
    "entree",
    "pay",
    "paid",
    "free",
    "cost",
    "price",
    "fees",
    "ticket",
    "ucret",
    "bedava",
    "parali",
    "odem",
    "odey",
    "fiyat",
    "platn",
    "zaplac",
    "darmow",
    "bezplat",
    "koszt",
    "cena",
    "платн",
    "безкоштов",
    "кошту",
    "ціна",
    "плати",
    "заплат",
    "оплач",
)
_COST_ARABIC = ("مجان", "ندفع", "يدفع", "تكلف", "سعر", "رسوم", "فلوس")


def asks_cost(text: str) -> bool:
    """Whether a question asks what taking part costs (in any of the six languages)."""
    from retrieval.tokenize import unmarked

    words = [unmarked(w) for w in words_of(fold(text))]  # "ücretli", "płatne" typed with or without their marks
    return any(w.startswith(COST_STARTS) or w == "fee" for w in words) or any(a in text for a in _COST_ARABIC)


# What a job pays ("hoeveel verdient een monteur", "başlangıç maaşı", "бере скільки на місяць"): word starts on the
# folded text without marks, in the six languages; "per month" next to "how much" asks for a wage too ("بياخد كام في
# الشهر"). A cost of taking part ("is it free?") is asks_cost, not this.
PAY_STARTS = (
    "salar",
    "verdien",
    "loon",
    "lonen",
    "brutoloon",
    "nettoloon",
    "wage",
    "earn",
    "salary",
    "kazan",
    "zarob",
    "zarabi",
    "pensj",
    "wynagrodz",
    "зарплат",
    "заробля",
    "заробіт",
    "заробит",
    "платять",
)
_PAY_ARABIC = ("راتب", "رواتب", "معاش", "الأجر", "الاجر", "أجور", "اجور", "يكسب", "يربح", "دخل شهري")
_MAAS = re.compile(r"maas(?:i|in|lar|lari|larin|ta)?")
_AR_HOW_MUCH = ("كام", "قديش", "قداش", "شقد", "كم")
_PER_MONTH = (
    "per maand",
    "a month",
    "per month",
    "ayda",
    "aylik",
    "miesiecznie",
    "na miesiac",
    "на місяць",
    "в місяць",
    "за місяць",
    "في الشهر",
    "بالشهر",
    "شهريا",
)


# What a thing costs the one who buys it ("wat kost", "the price", "ne kadar tutuyor", "ile kosztuje", "скільки
# коштує", "كم تكلفة"): word starts (or whole words, in PRICE_WORDS) on the folded text without marks. "How much per
# month" with one of these asks for a price (an insurance, childcare, rent), not for a wage. Words that are both a
# price and a wage ("betalen", "ücret", "платять") are not here.
PRICE_STARTS = (
    "kost",
    "prijs",
    "prijz",
    "cost",
    "price",
    "pricing",
    "expensive",
    "fiyat",
    "maliyet",
    "masraf",
    "koszt",
    "кошту",
    "вартіст",
)
PRICE_WORDS = frozenset({"tutar", "tutuyor", "tutuyo", "cena", "ceny", "cene", "ціна", "ціни", "ціну", "стоїть"})
_PRICE_ARABIC = ("تكلف", "يكلف", "سعر", "ثمن", "بكم")


def asks_price(text: str) -> bool:
    """Whether a question asks what a thing costs (a price, not a wage), in any of the six languages."""
    from retrieval.tokenize import unmarked

    words = words_of(unmarked(fold(text)))
    return any(w.startswith(PRICE_STARTS) or w in PRICE_WORDS for w in words) or any(a in text for a in _PRICE_ARABIC)


def asks_pay(text: str) -> bool:
    """Whether a question asks what work or a training pays (in any of the six languages)."""
    from retrieval.tokenize import unmarked

    low = unmarked(fold(text))
    words = words_of(low)
    # Turkish 'maaş' (salary) and its forms, not the towns Maassluis or Maasvlakte
    if any(w.startswith(PAY_STARTS) or _MAAS.fullmatch(w) for w in words) or any(a in text for a in _PAY_ARABIC):
        return True
    how_much = asks_number(text) or any(w in _AR_HOW_MUCH for w in words)
    if not (how_much and any(f" {m} " in f" {low} " or m in text for m in _PER_MONTH)):
        return False
    # "how much per month" without a wage word: a wage ("what does he take home a month?"), unless the question asks
    # a price ("how much does health insurance cost a month?") or is about another domain ("childcare per month"),
    # which is declined with that domain's referral
    return not asks_price(text) and other_domain(text) is None


# --- other domains and non-questions -----------------------------------------------------------
# Words per domain (all six languages). A question with one of these words is only answered when an
# example question matches it strongly; otherwise the decline names the kind of service that can help.
# A trailing '*' means "word start" (inflections); other entries are whole words or phrases. Arabic words
# are matched anywhere in a word (they take prefixes such as al-, wa-, bi-).
OTHER_DOMAINS: dict[str, tuple[str, ...]] = {
    "health": (
        # smoking, drugs, alcohol: "how many young people in the region smoke?" is not a figure of ours
        "smoke",
        "smokes",
        "smoking",
        "roken",
        "rookt",
        "rokers",
        "sigaret*",
        "vape*",
        "vapen",
        "drugs",
        "alcohol*",
        "sigara*",
        "alkol*",
        "uyuşturucu*",
        "papieros*",
        "narkotyk*",
        "alkohol*",
        "куріння",
        "курять",
        "курить",
        "наркотик*",
        "алкогол*",
        "تدخين",
        "يدخن",
        "مخدرات",
        "medicijn*",
        "medicine*",
        "medication",
        "ziek",
        "zieke",
        "koorts*",
        "huisarts*",
        "tandarts",
        "tandartsen",
        "dentist",
        "dentists",
        "diş hekim*",
        "dişçi*",
        "dentyst*",
        "стоматолог*",
        "دكتور اسنان",
        "دكتور أسنان",
        "دكتور الأسنان",
        "دكتور الاسنان",
        "dokter*",
        "doctor*",
        "fever",
        "pijn",
        "hoofdpijn",
        "keelpijn",
        "pain",
        "migraine",
        "throat",
        "cough*",
        "hoest*",
        "ilaç*",
        "ateş*",
        "hasta",
        "hastalık*",
        "doktor*",
        "ağrı*",
        "öksürü*",
        "leki",
        "lekarstw*",
        "lekarz*",
        "gorączk*",
        "choroba",
        "chory",
        "ból*",
        "kaszel",
        "лік*",
        "хвор*",
        "температур*",
        "біль",
        "кашель",
        "دواء",
        "مريض",
        "حمى",
        "ألم",
        "طبيب",
        "سعال",
        "apotheek",
        "pharmacy",
        "eczane*",
        "aptek*",
        "аптек*",
        "صيدلية",
        "vaccin*",
        "aşı",
        "szczepi*",
        "вакцин*",
        # a condition a parent worries about beside the question ("he has asthma, can he still become ...")
        "astm*",
        "asthma*",
        "astım*",
        "astim*",
        "астм*",
        "الربو",
        "عنده ربو",
        "عندها ربو",
        "allergi*",
        "allergy",
        "alerji*",
        "alergi*",
        "алергі*",
    ),
    "weather": (
        "weerbericht",
        "het weer",
        "weer morgen",
        "wat voor weer",
        "weer wordt",
        "weather",
        "rain",
        "forecast",
        "hava durumu",
        "hava nasıl",
        "yağmur*",
        "pogod*",
        "deszcz*",
        "погод*",
        "дощ*",
        "الطقس",
        "طقس",
        "مطر",
    ),
    "government": (
        "paspoort*",
        "passport*",
        "verblijfsvergunning*",
        "residence permit",
        "pasaport*",
        "oturum izni",
        "oturma izni",
        "oturma iznimiz",
        "paszport*",
        "karta pobytu",
        "паспорт*",
        "посвідк*",
        "дозвіл на проживання",
        "جواز",
        "إقامة",
        "اقامة",
        "toeslag*",
        "zorgtoeslag*",  # an allowance named with its kind ("zorgtoeslag", "huurtoeslag"): word starts miss it
        "huurtoeslag*",
        "kinderbijslag",
        "kinderopvang*",
        "childcare",
        "daycare",
        "kreş*",  # childcare (paid for by the parents, with an allowance) in the other languages
        "kres",
        "krese",
        "kresi",
        "kreste",
        "çocuk bakımı",
        "żłob*",
        "ясла",
        "ясел*",
        "ясл",
        "дитяч* садок",
        "дитсад*",
        "حضانة",
        "uitkering*",
        "benefits",
        "child benefit",
        "visum",
        "visa",
        "vize*",
        "віз",
        "візу",
        "виплат*",
        "zasiłek",
        "zasiłk*",
        "çocuk parası",
        "أوراق الإقامة",
        "driving licence",
        "driving license",
        "rijbewijs",
        "ehliyet*",
        "prawo jazdy",
        "посвідчення водія",
        "رخصة القيادة",
        "zarejestrować samochód",
        "register a car",
        # a citizen service number and registering at the municipality ("як отримати BSN і зареєструватися в gemeente?")
        "bsn",
        "burgerservicenummer",
        "inschrijven bij de gemeente",
        "register at the municipality",
        "register with the municipality",
        "belediyeye kayıt",
        "belediyeye kayit",
        "zameldowa*",
        "zarejestrowac sie w gemeente",
        "зареєструватися в gemeente",
        "реєстрац* в gemeente",
        "التسجيل في البلدية",
    ),
    # a tax return or refund goes to the Belastingdienst and an insurance to an insurer (issue 11, round 21: "which
    # health insurance is cheapest?" was sent to "your bank or the tax office"); the bank keeps accounts and loans
    "tax": (
        "belasting*",
        "belastingaangifte",
        "tax",
        "taxes",
        "tax return",
        "vergi*",
        "podat*",
        "податк*",
        "ضريبة",
        "ضرائب",
        "الضرائب",
    ),
    "insurance": (
        "verzekering*",
        "zorgverzekering*",
        "verzekeraar*",
        "zorgverzekeraar*",
        "insurance",
        "insurer*",
        "sigorta*",
        "ubezpiecz*",
        "страхуван*",
        "страхов*",
        "تأمين",
    ),
    "money": (
        "bankrekening*",
        "bank account",
        "hypothe*",
        "mortgage",
        "lening",
        "loan",
        "konto",
        "kredyt*",
        "kredi*",
        "banka*",
        "банк*",
        "кредит*",
        "بنك",
        "قرض",
        "حساب بنكي",
    ),
    "travel": (
        "vliegticket*",
        "flight*",
        "plane ticket*",
        "uçak*",
        "bilet lotnicz*",
        "bilety lotnicze",
        "квиток*",
        "авіаквит*",
        "رحلة طيران",
        "تذكرة",
        "الطائرة",
        "vakantie boeken",
        "hotel",
    ),
    "bullying": (
        "pesten",
        "gepest",
        "pest ",
        "bullied",
        "bully*",
        "bullying",
        "zorbal*",
        "zorba",
        "تنمر",
        "يتنمر",
        "prześladow*",
        "dręcz*",
        "цькув*",
        "цькують",
        "булінг*",
    ),
    "language": (
        "nederlands leren",
        "taalcursus",
        "taalles*",
        "inburger*",
        "learn dutch",
        "dutch course*",
        "dutch lesson*",
        "hollandaca kurs*",
        "hollandaca öğren*",
        "hollandaca dersi",
        "تعلم الهولندية",
        "أتعلم اللغة الهولندية",
        "اللغة الهولندية",
        "niderlandzkiego",
        "kurs niderlandzk*",
        "нідерландськ* мов*",
        "вивчити нідерландськ*",
        "курси нідерландськ*",
    ),
    "sport": (
        "voetbal*",
        "zwemles*",
        "sportclub*",
        "sportvereniging*",
        "football",
        "soccer",
        "swimming",
        "futbol*",
        "yüzme",
        "piłk*",
        "pływa*",
        "футбол*",
        "плаван*",
        "كرة القدم",
        "سباحة",
    ),
    "shopping": (
        # buying things ("waar koop ik een goedkope laptop voor school?"): schools and training, never shops
        "kopen",
        "koop",
        "buy",
        "buying",
        "satın al*",
        "satin al*",
        "kupić",
        "kupic",
        "kupię",
        "kupie",
        "купити",
        "купить",
        "شراء",
        "اشتري",
        "أشتري",
        "supermarkt*",
        "supermarket*",
        "restaurant*",
        "pizza*",
        "kebab*",
        "kebap*",
        "halal",
        "market ",
        "markt ",
        "sklep*",
        "ресторан*",
        "супермаркет*",
        "продукти",
        "مطعم",
        "سوبرماركت",
        "مسجد",
        "moskee",
        "mosque",
        "cami",
        "meczet*",
        "мечет*",
        "kerk",
        "church",
        "kościół",
        "церкв*",
    ),
    "cooking": (
        # a kitchen question that mentions the child's school ("mijn dochter zit op school in Delft, wat is het
        # beste recept voor pannenkoeken?") was answered with the parents' article
        "recept*",
        "recipe*",
        "yemek tarif*",
        "tarifi",
        "przepis na",
        "przepisu na",
        "рецепт*",
        "وصفة",
        "طبخ",
    ),
    "school": (
        "hoe laat",
        "rooster*",
        "lesrooster*",
        "schoolvakantie*",
        "vakantie*",
        "what time",
        "timetable*",
        "holiday*",
        "school holiday*",
        "saat kaç*",
        "ders programı",
        "tatil*",
        "o której",
        "plan lekcji",
        "ferie",
        "wakacj*",
        "о котрій",
        "розклад*",
        "канікул*",
        "متى يبدأ",
        "جدول الحصص",
        "العطلة",
        "عطلة",
    ),
    "support": (
        "dyslexie",
        "dyslexia",
        "disleksi",
        "dysleksj*",
        "дислекс*",
        "عسر القراءة",
        "adhd",
        "autisme",
        "autism*",
        "otizm*",
        "autyzm*",
        "аутизм*",
        "التوحد",
        "passend onderwijs",
        "extra ondersteuning",
        "special needs",
        "özel eğitim",
        "specjaln* potrzeb*",
        "особлив* освітні потреби",
    ),
    "housing": (
        "huurwoning*",
        "sociale woning*",
        "woningcorporatie*",
        "social housing",
        "council house*",
        "sosyal konut*",
        "konut başvur*",
        "konut basvur*",
        "mieszkanie socjalne",
        "mieszkania socjalnego",
        "соціальне житло",
        "соціального житла",
        "huurhuis",
        "woning zoeken",
        "rent a house",
        "apartment",
        "kiralık*",
        "ev kirala*",
        "mieszkanie",
        "wynajem*",
        "wynająć",
        "оренд*",
        "квартир*",
        "شقة",
        "إيجار",
        "ايجار",
        "سكن",
        # a landlord who does not repair, damp and mould at home
        "verhuurder*",
        "landlord*",
        "schimmel*",
        "mould*",
        "ev sahibi",
        "ev sahib*",
        "wynajmując*",
        "wynajmujac*",
        "pleśń",
        "plesn",
        "орендодав*",
        "пліснява",
        "صاحب البيت",
        "عفن",
    ),
    # what school costs (tuition, books, a laptop): DUO and the school itself know; our sources give no amounts
    "costs": (
        "lesgeld",
        "schoolgeld",
        "schoolkosten",
        "tuition*",
        "school fee*",
        "okul ücret*",
        "okul ucret*",
        "okul parası",
        "czesne",
        "opłat* za szkoł*",
        "oplat* za szkol*",
        "плата за навчання",
        "оплата навчання",
        "رسوم المدرسة",
        "رسوم الدراسة",
        "مصاريف المدرسة",
        "kost het mbo",
        "kosten van het mbo",
        "kost de opleiding",
        "does mbo cost",
        "cost of mbo",
        "mbo ne kadar",
        "mbo kaç para",
        "mbo kac para",
        "ile kosztuje mbo",
        "ile kosztuje nauka",
        "скільки коштує mbo",
        "скільки коштує навчання",
        "تكلفة الدراسة",
        "كم تكلف الدراسة",
    ),
    # a conflict with an employer or a landlord, a lawyer: the Juridisch Loket ("my employer has not paid me")
    "legal": (
        "advocaat",
        "juridisch*",
        "rechtsbijstand",
        "niet uitbetaald",
        "lawyer*",
        "legal aid",
        "legal advice",
        "legal help",
        "not paid me",
        "hasn't paid me",
        "didn't pay me",
        "avukat*",
        "hukuki*",
        "maaşımı ödeme*",
        "maasimi odeme*",
        "prawnik*",
        "pomoc prawn*",
        "porad* prawn*",
        "nie wypłacił*",
        "nie wyplacil*",
        "юрист*",
        "юридичн*",
        "адвокат*",
        "не виплатив",
        "не виплатила",
        "не платить зарплат*",
        "محامي",
        "محامٍ",
        "قانونية",
        "ما دفع لي",
        "لم يدفع لي",
        # unpaid overtime is employment law too
        "overuren",
        "overtime",
        "fazla mesai",
        "nadgodzin*",
        "понаднормов*",
        "ساعات إضافية",
        "الساعات الإضافية",
    ),
}


def _domain_pattern(entry: str) -> re.Pattern[str]:
    if not entry.isascii() and any("\u0600" <= ch <= "\u06ff" for ch in entry):
        return re.compile(re.escape(entry))
    prefix = entry.endswith("*")
    body = re.escape(entry.rstrip("*"))
    return re.compile(r"(?<![^\W\d_])" + body + ("" if prefix else r"(?![^\W\d_])"))


_DOMAIN_PATTERNS = {d: [_domain_pattern(e) for e in entries] for d, entries in OTHER_DOMAINS.items()}


_DUTCH_LANGUAGE = ("nederlands", "dutch", "hollandaca", "niderlandzk", "нідерландськ", "الهولندية")
_LEARNING = re.compile(r"(?<![^\W\d_])(leer|leren|learn|öğren|naucz|uczyć się|вивч|навчит)|تعلم|أتعلم")


# A worry beside the question (issue 11, round 18): a sentence or clause in one of these domains next to a question
# that is ours ("he has asthma, can he still become an electrician?", "syn ma dysleksję. co znaczą poziomy mbo?"): the
# rest is answered, and the reply says plainly that the worry is not in the sources and who can help with it
ASIDE_DOMAINS = ("health", "support")
_CLAUSE_END = re.compile(r"(?<=[.,;!?؟،])\s+")


def without_aside(text: str) -> str | None:
    """``text`` without its clauses in an ASIDE_DOMAINS domain, when some are left and at least one is left out."""
    clauses = [c for c in _CLAUSE_END.split(text.strip()) if c]
    kept = [c for c in clauses if other_domain(c) is None]
    if not kept or len(kept) == len(clauses) or any(other_domain(c) not in (None, *ASIDE_DOMAINS) for c in clauses):
        return None
    return " ".join(kept)


def other_domains(text: str) -> list[str]:
    """Every domain a clearly out-of-scope question touches, in the order of OTHER_DOMAINS ("a dentist for my son,
    and does the insurance pay for braces?" is health and insurance)."""
    low = fold(text)
    spans = {d: [m.span() for p in patterns for m in p.finditer(low)] for d, patterns in _DOMAIN_PATTERNS.items()}
    # a domain whose every word lies inside a longer phrase of another ("не виплатив" - has not paid - holds
    # "виплат", benefit payments) is not touched
    found = [
        domain
        for domain, own in spans.items()
        if own
        and not all(
            any(a <= s and e <= b and (a, b) != (s, e) for d, other in spans.items() if d != domain for a, b in other)
            for s, e in own
        )
    ]
    if any(w in low for w in _DUTCH_LANGUAGE) and _LEARNING.search(low):
        # learning Dutch oneself; "ik spreek slecht Nederlands, hoe help ik mijn kind?" is ours
        found.append("language")
    return found


def other_domain(text: str) -> str | None:
    """The domain a clearly out-of-scope question belongs to (health, weather, government, money, travel,
    bullying, learning Dutch, sport, shopping, housing), or None."""
    found = other_domains(text)
    return found[0] if found else None


_CODE_PATTERNS = (
    r"%[-+ #0]*\d*(?:\.\d+)?[sdnxpfiu]",
    r"\{\d*\}",
    r"\$\{[^}]*\}",
    r"\b(select|insert|update|delete|drop|union|alter|create)\b.{0,40}\b(from|into|table|set|select|where)\b",
    r"'\s*or\s*'?\d",
    r"--\s*$",
    r";\s*--",
    r"<\s*/?\s*(script|iframe|img|svg|object)\b",
    r"\b(rm\s+-rf|sudo|eval\()",
    r"\\x[0-9a-f]{2}",
    r"&#\d+;",
    r"\bwhere\b.{0,30}(\b\d+\s*=\s*\d+\b|'[^']*'\s*=\s*'[^']*')",  # an always-true SQL condition (injection probe)
)


# Attempts to override the assistant's instructions ("ignore your previous instructions ... print your system
# prompt"), six languages, matched on the folded text without letter marks. Such a message is declined as a whole:
# its other half ("then write me a cover letter for a bank job") must not be answered as if it were a question.
_OVERRIDE_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules|prompt|guidelines)\b",
        r"\bsystem ?prompt\b",
        r"\byou are now (a|an|my)\b",
        r"\b(developer|god|dan) mode\b",
        r"\bjailbreak",
        r"\b(negeer|vergeet|omzeil)\b.{0,40}\b(instructies?|regels|opdrachten|prompt)\b",
        r"\bsysteem ?prompt\b",
        r"\bje bent (nu|vanaf nu) (een|mijn)\b",
        r"\b(talimat|kural)\w*\b.{0,40}\b(unut|yok say|gormezden gel|goz ardi et)",
        r"\b(unut|yok say|gormezden gel)\w*\b.{0,40}\b(talimat|kural)",
        r"\bsistem (komut|istem)\w*",
        r"\b(zignoruj|ignoruj|zapomnij)\w*\b.{0,40}\b(instrukcj|zasad|polecen|regul)",
        r"\bprompt\w* systemow",
        r"\bjestes teraz\b",
        r"(ігнор|проігнор|забудь|забудьте)\w*.{0,40}(інструкц|правил|вказівк)",
        r"системн\w* (промпт|інструкц)",
        r"(تجاهل|انس|إنس|اتجاهل)\S*.{0,40}(التعليمات|تعليمات|القواعد|الأوامر|اوامر)",
        r"(موجه|تعليمات) النظام",
    )
)


def overrides_instructions(text: str) -> bool:
    """An attempt to override the assistant's instructions or reveal them (six languages)."""
    from retrieval.tokenize import unmarked

    low = unmarked(fold(text))
    return any(p.search(low) for p in _OVERRIDE_PATTERNS)


def looks_like_code(text: str) -> bool:
    """SQL, format strings, markup or shell rather than a question in words."""
    low = text.lower()
    hits = sum(bool(re.search(p, low, re.IGNORECASE | re.MULTILINE)) for p in _CODE_PATTERNS)
    symbols = sum(1 for ch in text if ch in "%{}[]<>;=$\\|`*^~")
    letters = sum(1 for ch in text if ch.isalpha())
    real_words = [w for w in words_of(text) if len(w) >= 3]
    if hits and (symbols >= 3 or len(real_words) <= 4 or hits >= 2):
        return True
    return symbols >= 4 and symbols > 0.25 * max(letters, 1)


def vector_mean(*vectors: Any) -> np.ndarray:
    """Normalised mean of query vectors (a follow-up read together with the question before it)."""
    v = np.sum(np.vstack(vectors), axis=0)
    norm = float(np.linalg.norm(v)) or 1.0
    return (v / norm).astype(np.float32)


# --- the domain of LOB-Kompas --------------------------------------------------------------------
# Word starts that mark a question as one about school, training, work or technology (six languages). A
# question without any of them (and without a name from the knowledge base) needs a much closer example
# question before it is answered: "which supermarket is cheapest?" can sound like "which school is best?".
DOMAIN_ANCHORS: tuple[str, ...] = (
    # school words used in every language
    "mbo",
    "vmbo",
    "havo",
    "vwo",
    "hbo",
    "bbl",
    "bol",
    "lob",
    "decaan",
    "mentor",
    "mavo",
    "niveau",
    "profiel",
    "leerweg",
    "leerbedrijf",
    "stage",
    "entree",
    "techniek",
    "nprz",
    "aandebak",
    "stapel",  # stapelen: parents use the Dutch word in every language ("is stapelen a real thing?")
    "doorstroom",
    "doorlopend",
    "vangnet",
    "keuzevak",
    "stagiair",
    "staz",  # Polish staż typed without its letter
    "garantie",
    "basis ",
    "kader",
    "bwi ",
    "pie ",
    "mvi ",
    "m&t",
    "mat ",
    "mvi",
    "gl ",
    "tl ",
    "bb ",
    "kb ",
    "fabriek",
    "factory",
    "operator",
    # nl
    "school",
    "scholen",
    "opleiding",
    "beroep",
    "baan",
    "banen",
    "werk",
    "vak",
    "techni",
    "leerjaar",
    "diploma",
    "salaris",
    "verdien",
    "loon",
    "lonen",
    "keuze",
    "kiez",
    "kies",
    "koz",
    "aanmeld",
    "inschrijv",
    "studie",
    "studer",
    "leren",
    "leer",
    "les",
    "klas",
    "activiteit",
    "open dag",
    "meeloop",
    "proefstudeer",
    "bedrijf",
    "haven",
    "energie",
    "bouw",
    "install",
    "elektr",
    "monteur",
    "ict",
    "computer",
    "programm",
    "loopbaan",
    "toekomst",
    "kansrijk",
    "vacature",
    "campus",
    "schooladvies",
    "groep 8",
    "groep 7",
    "praktijk",
    "examen",
    "meisjes",
    "meiden",
    "timmer",
    "lass",
    "reistijd",
    "afstand",
    "migratie",
    # the region's young people (issue 18: how many live here, what changes), in six languages
    "jongeren",
    "young people",
    "youth",
    "gençler",
    "młodzież",
    "młodych ",
    "młodzi ",
    "молоді ",
    "молодь",
    "الشباب",
    # en
    "course",
    "study",
    "studies",
    "student",
    "pupil",
    "job",
    "work",
    "career",
    "profession",
    "tech",
    "engineer",
    "internship",
    "placement",
    "apprentice",
    "profile",
    "track",
    "level",
    "salary",
    "earn",
    "wage",
    "pay",
    "choose",
    "choice",
    "register",
    "enrol",
    "learn",
    "lesson",
    "class",
    "activit",
    "open day",
    "company",
    "port",
    "harbour",
    "energy",
    "construction",
    "electric",
    "mechanic",
    "coding",
    "counsellor",
    "future",
    "vacanc",
    "girls",
    "travel time",
    "university",
    "college",
    # tr
    "okul",
    "eğitim",
    "öğren",
    "ders",
    "sınıf",
    "meslek",
    "iş ",
    "işe",
    "çalış",
    "kariyer",
    "teknik",
    "teknoloj",
    "mühendis",
    "staj",
    "profil",
    "seviye",
    "maaş",
    "kazan",
    "ücret",
    "seç",
    "kayıt",
    "başvur",
    "etkinlik",
    "açık gün",
    "şirket",
    "liman",
    "enerji",
    "inşaat",
    "tesisat",
    "elektrik",
    "bilişim",
    "bilgisayar",
    "yazılım",
    "programla",
    "gelecek",
    "üniversite",
    # ... as parents type them without the letters' marks, and with the softened stem ("teknigi", "meslegi",
    # "secmiyor"); bare "sec" would also be English 'second', so only its verb forms
    "tekni",
    "mesle",
    "egitim",
    "ogren",
    "sinif",
    "calis",
    "maas",
    "ucret",
    "kayit",
    "basvur",
    "sirket",
    "insaat",
    "bilisim",
    "yazilim",
    "universite",
    "acik gun",
    "secm",
    "secim",
    "secer",
    "secsin",
    # pl
    "szkoł",
    "szkol",
    "nauk",
    "uczy",
    "uczeń",
    "uczni",
    "klas",
    "kierun",
    "studi",
    "zawod",
    "zawód",
    "prac",
    "karier",
    "techni",
    "technolog",
    "inżynier",
    "praktyk",
    "staż",
    "poziom",
    "dyplom",
    "pensj",
    "zarab",
    "płac",
    "wybór",
    "wybier",
    "wybra",
    "zapis",
    "rekrutac",
    "zajęci",
    "otwarte",
    "otwarty",
    "firm",
    "port",
    "energ",
    "budow",
    "instal",
    "elektry",
    "informaty",
    "komputer",
    "program",
    "przyszło",
    "uczelni",
    "politechni",
    # uk
    "школ",
    "шкіл",
    "навча",
    "освіт",
    "учн",
    "учен",
    "студент",
    "клас",
    "профес",
    "робот",
    "праці",
    "кар'єр",
    "кар’єр",
    "техні",
    "технолог",
    "інженер",
    "практик",
    "стаж",
    "профіл",
    "рівн",
    "рівен",
    "диплом",
    "зарплат",
    "заробля",
    "платять",
    "вибір",
    "вибира",
    "обира",
    "обрат",
    "вибра",
    "запис",
    "реєстр",
    "захід",
    "заход",
    "відкритих дверей",
    "вибор",
    "підприєм",
    "компан",
    "порт",
    "енерг",
    "будів",
    "інстал",
    "електр",
    "інформат",
    "комп'ют",
    "комп’ют",
    "програм",
    "майбутн",
    "університет",
    "дівча",
    "дівчин",
    # ar (matched anywhere in a word: al-, wa-, bi- prefixes)
    "مدرس",
    "دراس",
    "تعليم",
    "تعلم",
    "طالب",
    "طلاب",
    "تلميذ",
    "تلاميذ",
    "صف",
    "مهن",
    "عمل",
    "وظيف",
    "شغل",
    "تقني",
    "تكنولوج",
    "هندس",
    "تدريب",
    "مسار",
    "مستوى",
    "مستويات",
    "شهادة",
    "راتب",
    "أجر",
    "يكسب",
    "اختيار",
    "يختار",
    "ختار",  # تختار, نختار: she, we choose
    "تسجيل",
    "نشاط",
    "أنشطة",
    "يوم مفتوح",
    "شركة",
    "ميناء",
    "طاقة",
    "بناء",
    "كهرباء",
    "حاسوب",
    "كمبيوتر",
    "برمج",
    "جامعة",
    "البنات",
    "للبنات",
    "فتيات",
    # everyday verbs and words of the four big dialects (Levantine, Egyptian, Gulf, Maghrebi): 'يشتغل' (works) and
    # 'يدرس' (studies) do not hold 'شغل' or 'دراس'; the Maghrebi 'يخدم' (works), 'يقرا' (studies) and 'تكوين'
    # (training); 'معاش' (Levantine/Gulf pay), 'مرتب' (Egyptian pay); 'الفني' (the technician), 'دبلوم'
    "شتغل",
    "درس",
    "يخدم",
    "تخدم",
    "نخدم",
    "يقرا",
    "تقرا",
    "قراية",
    "تكوين",
    "تكنيك",
    "معاش",
    "مرتب",
    "فني",
    "دبلوم",
    "صنعة",
    "تصليح",
    "يصلح",
)


def _anchor_pattern(entry: str) -> re.Pattern[str]:
    if any("\u0600" <= ch <= "\u06ff" for ch in entry):
        return re.compile(re.escape(entry))
    if entry.endswith(" "):
        return re.compile(r"(?<![^\W\d_])" + re.escape(entry.strip()) + r"(?![^\W\d_])")
    return re.compile(r"(?<![^\W\d_])" + re.escape(entry))


_ANCHORS = re.compile("|".join(p.pattern for p in (_anchor_pattern(e) for e in DOMAIN_ANCHORS)))


_GLUED_LATIN = re.compile(r"(?<=[\u0600-\u06ff])(?=[a-z])")


def in_domain(text: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether the question uses a word of LOB-Kompas's domain (school, training, work, technology), or one
    of ``names`` (normalised words of the names of beroepen, opleidingen and initiatives)."""
    # a Dutch school word glued to an Arabic prefix ('بالmbo', 'بالvmbo') is still that word
    low = _GLUED_LATIN.sub(" ", fold(text)) + " "
    if _ANCHORS.search(low):
        return True
    # one or more of a named thing: "een bliksemstage" names the initiative "Bliksemstages"
    return bool(names) and any(
        w in names or (len(w) >= 5 and (f"{w}s" in names or (w.endswith("s") and w[:-1] in names)))
        for w in re.findall(r"[a-z0-9]+", _ascii(low))
    )


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()

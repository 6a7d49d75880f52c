"""Language of a question and sanity checks on user input.

Short questions are hard for statistical language ID, so detection goes in three steps:
the script (Arabic -> ar, Cyrillic -> uk), letters only one language uses (ğ ş ı -> tr,
ą ę ł ń ś ź ż -> pl), then a vote of common question words, with py3langid (restricted to
a few languages) as the tie-breaker. Dutch school words (vmbo, BBL, ...) are ignored since
parents use them in every language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from knowledge.inputs import LIMITS
from knowledge.vocab import TALEN
from retrieval.tokenize import UNMARKED_LANGS, unmarked

MAX_QUESTION_CHARS = LIMITS.question_chars
SUPPORTED = TALEN
# Languages py3langid may answer; anything outside SUPPORTED is reported but answered in English.
LANGID_LANGUAGES = ["nl", "en", "tr", "pl", "de", "fr", "es", "it", "pt"]

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# School words that say nothing about the language of the sentence around them.
DOMAIN_WORDS = {
    "vmbo",
    "mbo",
    "hbo",
    "havo",
    "vwo",
    "bbl",
    "bol",
    "bb",
    "kb",
    "gl",
    "tl",
    "wo",
    "lob",
    "techniek",
    "decaan",
    "mentor",
    "stage",
    "rotterdam",
    "zuid",
    "nprz",
    "bwi",
    "pie",
    "mvi",
    "mt",
    "mat",
}
QUESTION_WORDS: dict[str, set[str]] = {
    "nl": {
        "wat",
        "is",
        "een",
        "de",
        "het",
        "hoe",
        "welke",
        "voor",
        "mijn",
        "kind",
        "waar",
        "zijn",
        "kan",
        "ik",
        "er",
        "van",
        "op",
        "met",
        "bij",
        "naar",
        "wordt",
        "dat",
        "hoeveel",
        "wanneer",
        "waarom",
        "wie",
        "je",
        "zoon",
        "dochter",
        "moet",
        "heeft",
        "hebben",
        "veel",
        "ook",
        "niet",
        "wil",
        "wij",
        "we",
        "onze",
        "lang",
        "duurt",
        "verdient",
        "zeggen",
        "rapporten",
        "meisjes",
        "en",
        "of",
        "in",
        "welk",
        "als",
        "na",
        "gaan",
    },
    "en": {
        "what",
        "is",
        "the",
        "a",
        "an",
        "how",
        "which",
        "for",
        "my",
        "child",
        "where",
        "are",
        "can",
        "i",
        "of",
        "on",
        "with",
        "does",
        "do",
        "to",
        "many",
        "much",
        "why",
        "who",
        "there",
        "at",
        "son",
        "daughter",
        "should",
        "has",
        "have",
        "after",
        "about",
        "say",
        "reports",
        "girls",
        "and",
        "or",
        "in",
        "it",
        "if",
        "long",
        "take",
        "near",
        "activities",
        "earn",
        "job",
        "work",
    },
    "tr": {
        "nedir",
        "ne",
        "nasıl",
        "hangi",
        "için",
        "çocuğum",
        "var",
        "mı",
        "mi",
        "mu",
        "mü",
        "ve",
        "bir",
        "kaç",
        "nerede",
        "neden",
        "kim",
        "oğlum",
        "kızım",
        "ile",
        "sonra",
        "kadar",
        "nelerdir",
        "yakınında",
        "çocuğumun",
        "ediyor",
        "olur",
        "olarak",
        "eğitim",
        "iş",
        "yapabilir",
        "okul",
        "kızlar",
        "etkinlikler",
        "hangisi",
        "nereden",
        "nereye",
        "misin",
        "mısın",
        "musun",
        "lazım",
        "gerek",
        "peki",
        "yoksa",
        "değil",
        "çok",
        "daha",
        # words of the school questions Turkish parents type, also without letter marks (added below)
        "hangileri",
        "olan",
        "okulları",
        "teknik",
    },
    "pl": {
        "co",
        "to",
        "jest",
        "jak",
        "jakie",
        "dla",
        "moje",
        "dziecko",
        "gdzie",
        "czy",
        "w",
        "na",
        "z",
        "ile",
        "dlaczego",
        "kto",
        "są",
        "mój",
        "moja",
        "syn",
        "córka",
        "po",
        "się",
        "można",
        "mogę",
        "długo",
        "trwa",
        "zarabia",
        "jaki",
        "jaka",
        "szkoła",
        "praca",
        "dziewczyn",
        "zajęcia",
        "mówią",
        "raporty",
        "kiedy",
        "trzeba",
        "albo",
        "czym",
        "syna",
        "dziecka",
        # short words Polish shares with English ("a", "do", "i") vote for both; the Polish ones tip the balance
        # ("a kto to decaan a kto mentor, do kogo mam isc?" was read as English)
        "a",
        "do",
        "i",
        "o",
        "nie",
        "ale",
        "bo",
        "że",
        "kogo",
        "komu",
        "który",
        "która",
        "które",
        "mam",
        "ma",
        "mamy",
        "iść",
        "może",
        "jeśli",
        "gdy",
        "też",
        "tylko",
        "bardzo",
        "szkole",
        "szkoły",
    },
}
# Parents type Turkish and Polish without their letters' marks ("isc", "mozna", "cocuk"): those spellings vote too.
for _lang in UNMARKED_LANGS:
    QUESTION_WORDS[_lang] |= {unmarked(w) for w in QUESTION_WORDS[_lang]}
_TR_LETTERS = set("ğĞşŞıİ")
_PL_LETTERS = set("ąĄćĆęĘłŁńŃśŚźŹżŻ")


# Up to this many content words the question words decide; a longer text only when they vote clearly.
VOTE_WORDS_MAX = 12
CLEAR_VOTES = 3
CLEAR_RATIO = 3


@dataclass(frozen=True)
class Detected:
    """The detected language, and whether it is one LOB-Kompas answers in."""

    code: str
    supported: bool
    method: str


def script_of(ch: str) -> str:
    """The script of one letter: latin, arabic, cyrillic or other."""
    name = unicodedata.name(ch, "")
    for script in ("arabic", "cyrillic", "latin"):
        if name.startswith(script.upper()):
            return script
    return "other"


def word_script(word: str) -> str:
    """'arabic', 'cyrillic' or 'latin' for a word (its first letter decides; digits and the rest count as latin)."""
    script = script_of(word[0])
    return script if script in ("arabic", "cyrillic") else "latin"


def script_counts(text: str) -> dict[str, int]:
    """Letters per script: latin, arabic, cyrillic, other."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = script_of(ch)
            counts[script] = counts.get(script, 0) + 1
    return counts


@lru_cache(maxsize=1)
def _langid() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(LANGID_LANGUAGES)
    return ident


def detect_language(text: str) -> Detected:
    """Best guess of the language of ``text`` (see module doc for the method)."""
    scripts = script_counts(text)
    non_latin = {k: v for k, v in scripts.items() if k != "latin"}
    if non_latin:
        top = max(non_latin, key=lambda k: non_latin[k])
        if top == "arabic":
            return Detected("ar", True, "script")
        if top == "cyrillic":
            return Detected("uk", True, "script")
    letters = set(text)
    if letters & _TR_LETTERS:
        return Detected("tr", True, "letters")
    if letters & _PL_LETTERS:
        return Detected("pl", True, "letters")
    words = [w.lower() for w in _WORD.findall(text)]
    content = [w for w in words if w not in DOMAIN_WORDS]
    votes = {lang: sum(w in vocab for w in content) for lang, vocab in QUESTION_WORDS.items()}
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    short = len(content) <= VOTE_WORDS_MAX
    # a longer question is left to langid, unless its own question words vote clearly for one language: "den haag
    # da teknik icin open dag var mi mbo da? 14 yasinda oglum var" is Turkish though half its words are Dutch
    clear = ranked[0][1] >= CLEAR_VOTES and ranked[0][1] >= CLEAR_RATIO * ranked[1][1]
    if ranked[0][1] > 0 and ranked[0][1] > ranked[1][1] and (short or clear):
        return Detected(ranked[0][0], True, "words")
    sample = " ".join(content) or text
    code, _ = _langid().classify(sample)
    if ranked[0][1] > 0 and ranked[0][1] == ranked[1][1]:
        tied = {lang for lang, v in ranked if v == ranked[0][1]}
        if code not in tied:
            ordered = [c for c, _ in _langid().rank(sample) if c in tied]
            code = ordered[0] if ordered else ranked[0][0]
    return Detected(code, code in SUPPORTED, "langid")


def _clear_vote(text: str) -> bool:
    """The question's own question words vote clearly for one language (see detect_language)."""
    content = [w.lower() for w in _WORD.findall(text) if w.lower() not in DOMAIN_WORDS]
    ranked = sorted((sum(w in vocab for w in content) for vocab in QUESTION_WORDS.values()), reverse=True)
    return ranked[0] >= CLEAR_VOTES and ranked[0] >= CLEAR_RATIO * ranked[1]


# A follow-up this short is read in the conversation's language when its own words vote weakly.
FOLLOWUP_LANGUAGE_WORDS = 6


def in_conversation(text: str, previous: Sequence[str], detected: Detected | None = None) -> Detected:
    """The language of ``text`` asked after ``previous``: "a zarobki?" after a Polish question is Polish (its two
    words voted English: 'a' is an English word too). Only a short follow-up whose own language came from a
    weak vote (words, langid) takes the earlier question's language, and only when that one was told by its
    script, letters or words."""
    detected = detected or detect_language(text)
    if not previous or detected.method not in ("words", "langid") or len(text.split()) > FOLLOWUP_LANGUAGE_WORDS:
        return detected
    if detected.method == "words" and _clear_vote(text):
        # its own words vote clearly ("okulunda yoksa okul degistirebilir mi sonra?": okul, yoksa, mi, sonra):
        # that is its language, even when the earlier question (Turkish without letter marks) voted otherwise
        return detected
    # the earlier question is read in its own conversation too: "a ile lat trwa nauka?" after "a do jakiej
    # szkoly mbo?" after a Polish question is Polish, although "a do jakiej szkoly mbo?" alone votes English
    earlier = in_conversation(previous[-1], previous[:-1])
    if earlier.supported and earlier.code != detected.code and earlier.method != "langid":
        return Detected(earlier.code, True, "conversation")
    return detected


@dataclass(frozen=True)
class InputProblem:
    """Why a question cannot be answered as it is: a message key and its fields."""

    key: str
    fields: dict[str, Any]


def check_input(text: str | bytes | None) -> InputProblem | None:
    """None if ``text`` is a usable question, else what is wrong with it."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            return InputProblem("bad_binary", {})
    if text is None or not text.strip():
        return InputProblem("bad_empty", {})
    if len(text) > MAX_QUESTION_CHARS:
        return InputProblem("bad_too_long", {"n": len(text), "max": MAX_QUESTION_CHARS})
    stripped = text.strip()
    bad = sum(
        1
        for ch in stripped
        if ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\t\r")
    )
    letters = sum(1 for ch in stripped if ch.isalpha())
    garbage = (bad > 0 and bad >= 0.05 * len(stripped)) or letters < 0.4 * len(stripped.replace(" ", ""))
    if garbage and not re.fullmatch(r"[\d\s?]+", stripped):  # a bare postcode is still text
        return InputProblem("bad_binary", {})
    scripts = script_counts(stripped)
    non_latin = {k: v for k, v in scripts.items() if k != "latin" and v >= 2}
    if len(non_latin) >= 2:
        total = sum(non_latin.values())
        if min(non_latin.values()) >= 0.2 * total:
            return InputProblem("bad_mixed", {"scripts": ", ".join(sorted(non_latin))})
    return None


def input_language(text: str | bytes | None) -> str:
    """A language for a bad-input message: detected when there is text to go on, else Dutch."""
    if isinstance(text, str) and text.strip():
        try:
            d = detect_language(text[:500])
            return d.code if d.supported else "en"
        except Exception:  # noqa: BLE001 - a message language is never worth a crash
            return "nl"
    return "nl"

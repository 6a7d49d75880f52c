"""Tokens for BM25: lower-cased words, accents kept, stemmed per language (Dutch-aware).

Dutch text is stemmed with the Snowball Dutch stemmer and its long compounds
(``techniekopleiding``) also yield their known parts, so ``opleiding`` finds them.
Other languages use their Snowball stemmer when PyStemmer has one (en, tr, ar, pl);
Ukrainian is only lower-cased. Very common words are dropped.

Parents type Turkish and Polish without their letters' marks ("gocmen", "uczniow", "staz"): for those two
languages every word is stemmed from its unmarked spelling, on both the knowledge side and the question side. Arabic articles and clitics glued to a word (al-, wal-, bil-, lil-) are
stripped before stemming, so "للبنات" and "البنات" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

# A run of Arabic letters and a run of other letters are separate words: parents glue a Dutch school word to an
# Arabic article or preposition ("بالstage", "بالmbo"), which must still find the passages about "stage" and "mbo".
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Arabic short-vowel marks (harakat, tanween, shadda, sukun, dagger alef) and the tatweel stretch: a curated text writes
# "جيدًا" and "كوليّ", a parent types "جيدا" and "كولي"; the character grams and the loose forms drop them.
ARABIC_MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")


def without_arabic_marks(text: str) -> str:
    return ARABIC_MARKS.sub("", text)


_SCRIPT_RUN = re.compile(r"[\u0600-\u06FF]+|[^\u0600-\u06FF]+")
STEMMERS = {"nl": "dutch", "en": "english", "tr": "turkish", "ar": "arabic", "pl": "polish", "uk": "russian"}


def _set(text: str) -> set[str]:
    return set(text.split())


STOPWORDS: dict[str, set[str]] = {
    "nl": _set(
        "de het een en van in op is dat die wat voor met als zijn er aan om bij of ook naar dan nog je ik "
        "wij we u hij zij ze mijn mij kan niet wel hoe waar welke welk wie wordt worden heeft hebben te tot "
        "door over uit maar dit deze zo al veel meer waarom wanneer hoeveel kun kunnen moet moeten mag mijn "
        "onze ons jullie zou zouden iets precies eigenlijk graag weten vertel uitleggen"
    ),
    "en": _set(
        "the a an and of in on is are to for with what which how where who does do can my i it this that "
        "there be as at by or from about why when much many should could would me our tell explain know "
        "please is are was just any"
    ),
    "tr": _set(
        "ve bir bu da de mi mı mu mü ne için ile çok daha gibi olan nedir nasıl hangi neden nerede kaç var "
        "midir mıdır mudur müdür ki ya şu o benim bana nelerdir hakkında acaba"
    ),
    "pl": _set(
        "i w na z do się to jest że co jak czy nie dla o po są czym jakie jaki jaka gdzie ile dlaczego kiedy "
        "mój moja moje mi mnie o czym"
    ),
    "ar": _set(
        "في من على إلى عن ما هو هي هل أن و ماذا كيف أين كم لماذا متى أي التي الذي ذلك هذا هذه "
        # an article or preposition left alone when a Latin word was glued to it ("بالـmbo" -> "بالـ", "mbo")
        "ال الـ بال بالـ وال والـ لل للـ وبال فال كال ب ل ف "
        # everyday (Levantine, Egyptian, Gulf) pronouns, question and function words: they say nothing about the
        # topic, and no curated text uses them, so left in they outweigh the topic words of a dialect question
        "انا أنا احنا إحنا نحن انت إنت انتي إنتي هو هي هم هني هما شو ايش إيش وشو وش وين فين ليش ليه لشو قديش "
        "أديش اديش ازاي إزاي كيفاش بدي بدو بده بدها بدهم بدنا عايز عايزة عاوز عاوزة يبي تبي ابي أبي نبي مش مو "
        "موش هون هيك كده كدا كمان بس اللي الي يلي يعني تبع تبعه تبعها لحتى حتى عشان علشان مشان منشان رح راح "
        "منيح كويس كتير كثير مرة "
        # ... and the Maghrebi and Egyptian ones ('واش' yes/no, 'ديال' of, 'بغا' wants, 'خاصو' he must, 'ده' this)
        "واش شنو شنهو علاش شحال بشحال ديال ديالي ديالو ديالها ديالنا خاصو خاصها خاصني بغا بغات بغيت بغينا دابا "
        "بزاف غادي راه راها هادشي هادي هاد ماشي كام ده دي دا بتاع بتاعة بتاعه بتاعها بتاعي نفسه نفسها وايد "
        "ابغى يبغى تبغى منين ليه ازاي إزاي "
        # Levantine and Egyptian filler of a parent's sentence: 'thing' ('نفس الشي' the same thing), 'because',
        # 'someone', 'now', 'I/he/she can' with the dialect's bi- (the curated texts say يستطيع/يمكن); not 'ممكن'
        # (possible, "where can he try ..."): a question leans on it
        "شي الشي اشي إشي لانو لأنو لانه لأنه حدا هلق هلأ هلا بقدر بيقدر بتقدر بنقدر منقدر بيقدرو بعرف بيعرف "
        "بتعرف نفس"
    ),
    "uk": _set("і в на з до що як чи це є для у не таке такий яка які який де скільки чому коли мій моя моє мене про"),
}
# Parts that Dutch compounds in our domain are built from (techniek+opleiding, ...).
COMPOUND_PARTS = (
    "techniek",
    "technisch",
    "opleiding",
    "monteur",
    "installatie",
    "elektro",
    "werktuigbouw",
    "bouw",
    "haven",
    "maritiem",
    "logistiek",
    "proces",
    "onderhoud",
    "energie",
    "stage",
    "school",
    "beroep",
    "leerling",
    "meisje",
    "ouder",
    "reistijd",
    "afstand",
    "salaris",
    "loon",
    "baan",
    "werk",
    "profiel",
    "campus",
    "dag",
    "les",
)


@lru_cache(maxsize=8)
def _stemmer(lang: str) -> Any:
    algo = STEMMERS.get(lang)
    if not algo:
        return None
    import Stemmer

    try:
        return Stemmer.Stemmer(algo)
    except KeyError:
        return None


# Languages whose parents often type without diacritics: their tokens are compared without them.
UNMARKED_LANGS = frozenset({"tr", "pl"})
_NO_DECOMPOSE = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "đ": "d", "ø": "o"})
# Arabic article and clitics glued to a word, longest first (a bare wa-/bi-/li- is left to the stemmer).
ARABIC_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "ولل", "لل", "ال")


def unmarked(word: str) -> str:
    """A Latin-script word without its diacritics ("göçmen" -> "gocmen", "staż" -> "staz"); other scripts
    unchanged (Cyrillic й and ї keep their marks: they are letters of their own)."""
    if word.isascii():
        return word
    out = []
    for ch in word.translate(_NO_DECOMPOSE):
        if ch < "\u0250":  # Latin letters only
            out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)))
        else:
            out.append(ch)
    return "".join(out)


def strip_arabic_clitics(word: str) -> str:
    """The Arabic word without a glued article or clitic ("للبنات" -> "بنات"), if at least three letters remain."""
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


# Loose forms of an Arabic word, for deciding whether a section shares a question's words (not for BM25): everyday
# speech puts the verb in another person than the curated text ('بساعد'/'ساعد' "I help" vs 'أساعد', 'يساعد'), with the
# dialect's bi- before it ('بيقدر', 'بتختار'), and glues pronouns to the end ('بنتي' "my daughter" vs 'ابنتي').
_AR_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
_AR_LOOSE_PREFIXES = (
    "وبال",
    "وال",
    "بال",
    "فال",
    "كال",
    "عال",
    "ولل",
    "لل",
    "ال",
    "بي",
    "بت",
    "بن",
    "و",
    "ف",
    "ب",
    "ي",
    "ت",
    "ن",
    "ا",
)
_AR_LOOSE_SUFFIXES = ("هما", "كم", "هم", "ها", "نا", "ه", "ك", "ي", "ة")


def arabic_keys(word: str) -> frozenset[str]:
    """The word (hamza and alef maqsura written plainly) and its forms without up to two prefixes and one pronoun
    suffix, each of at least three letters; words of other scripts have none."""
    if not word or not all("\u0600" <= ch <= "\u06ff" for ch in word):
        return frozenset()
    plain = without_arabic_marks(word).translate(_AR_HAMZA)
    forms = {plain}
    todo = [plain]
    for _ in range(2):
        todo = [f[len(p) :] for f in todo for p in _AR_LOOSE_PREFIXES if f.startswith(p) and len(f) - len(p) >= 3]
        forms.update(todo)
    forms.update(
        f[: -len(s)] for f in list(forms) for s in _AR_LOOSE_SUFFIXES if f.endswith(s) and len(f) - len(s) >= 3
    )
    return frozenset(f for f in forms if len(f) >= 3)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits)."""
    # (Arabic vowel marks are left to the stemmer here: the passage checks were tuned on these tokens; the character
    # grams, the domain words and the loose forms of arabic_keys drop them)
    return [run.lower() for w in _WORD.findall(text) for run in _SCRIPT_RUN.findall(w)]


def _compound_parts(word: str) -> list[str]:
    if len(word) < 9:
        return []
    return [p for p in COMPOUND_PARTS if p in word and p != word]


def tokenize(text: str, lang: str = "nl") -> list[str]:
    """BM25 tokens of ``text`` in language ``lang``: stopwords out, stems in, Dutch compound parts added."""
    stop = _stopwords(lang)
    # the Arabic stretching mark glues an article to a Latin school word ("بالـ BBL", "وبالـmbo"): without it the
    # article left alone is a stopword instead of a rare token that outweighs the topic words
    if lang == "ar":
        text = text.replace("\u0640", "")
    raw = [w for w in words(text) if w not in stop and (lang not in UNMARKED_LANGS or unmarked(w) not in stop)]
    if lang == "nl" or lang not in STEMMERS:
        raw += [p for w in raw for p in _compound_parts(w)]
    if lang == "ar":
        raw = [strip_arabic_clitics(w) for w in raw]
    stemmer = _stemmer(lang if lang in STEMMERS else "nl")
    if lang in UNMARKED_LANGS:
        # one token per word, from its unmarked spelling: "yüzde" and "yuzde" give the same stem (the Turkish
        # stemmer writes a final c as ç, hence unmarked once more)
        raw = [unmarked(w) for w in raw]
        return [unmarked(stem) for stem in stemmer.stemWords(raw)] if stemmer else raw
    return stemmer.stemWords(raw) if stemmer else raw


@lru_cache(maxsize=16)
def _stopwords(lang: str) -> frozenset[str]:
    stop = STOPWORDS.get(lang, set())
    return frozenset(stop | {unmarked(w) for w in stop}) if lang in UNMARKED_LANGS else frozenset(stop)

"""Activity questions in six languages: "open dag in Delft?", "dni otwarte w Rotterdamie",
"день відкритих дверей", "what can we see near Delft?", "activiteiten voor meisjes op Zuid".

:func:`parse_activity_question` recognises the intent (activities, or a kind of activity such as an
open day, a company visit or a guest lesson, asked as a list or with a place) and the filters
(kind of activity, doelgroep, schooltype, branche, place). Places are every wijk, gebied and gemeente
of the knowledge base, the parts of Rotterdam people name (Zuid, Noord, West, Oost, Centrum) in six
languages, a few town names as written in Cyrillic and Arabic script, and postcodes.

:func:`answer_activities` runs :func:`recommender.initiatives.search_initiatives` over the curated
initiatives plus the school's own list (``extra=load_user_catalogue(...)``) and summarises the result
in the asker's language: kind of activity, for whom, where, distance. Names stay Dutch; records from
the school's own list say so.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from knowledge.geo import Place, UnknownPlace, area_names, normalise, resolve_place
from knowledge.i18n import label, t, word
from knowledge.i18n.formats import comma, format_km, format_list
from knowledge.loader import KnowledgeBase
from knowledge.sources import EIGEN_IMPORT
from retrieval.language import word_script
from retrieval.tokenize import unmarked

# Word starts that signal the activities intent (matched against lower-cased words).
# Dutch compounds put these inside words (techniekactiviteiten), so they match anywhere in a word.
INTENT_PARTS_NL = (
    "activiteit",
    "initiatie",
    "evenement",
    "gastles",
    "bedrijfsbezoek",
    "workshop",
    "techniekdag",
    "uitje",
    "uitjes",
)
INTENT_STARTS = (
    "doe-dag",
    "activit",
    "event",
    "initiative",
    "outing",
    "things to do",
    "etkinli",
    "faaliyet",
    "aktivite",
    "zajęci",
    "zajec",
    "aktywnoś",
    "wydarze",
    "inicjatyw",
    "warsztat",
    "заход",
    "занят",  # заняття: classes, sessions ("якісь уроки чи заняття з техніки")
    "активніст",
    "ініціатив",
    "поді",
    "майстер-клас",
)
INTENT_ARABIC = ("نشاط", "أنشطة", "انشطة", "فعاليات", "فعالية", "نشاطات", "مبادرات", "ورش")
# "What can we see / do near X?": an outing question without the word 'activity'
SEE_PHRASES = (
    "wat kunnen we zien",
    "wat kunnen we doen",
    "wat is er te zien",
    "wat is er te doen",
    "wat valt er te",
    "what can we see",
    "what can we do",
    "what is there to see",
    "what is there to do",
    "where can we go",
    "ne görebiliriz",
    "ne yapabiliriz",
    "nereye gidebiliriz",
    "görülecek",
    "co można zobaczyć",
    "co możemy zobaczyć",
    "co można robić",
    "gdzie można pojechać",
    "що можна побачити",
    "що можна подивитися",
    "куди можна піти",
    "куди можна поїхати",
    "ماذا يمكن أن نرى",
    "ماذا يمكننا أن نرى",
    "ماذا نستطيع أن نرى",
    "أين يمكن أن نذهب",
    # more ways to ask the same: visiting, going somewhere with the child
    "wat kunnen we bezoeken",
    "waar kunnen we heen",
    "what can we visit",
    "places to visit",
    "things to see",
    "gezilecek",
    "nereye gidelim",
    "ne gezebiliriz",
    "co zwiedzic",
    "co mozna zwiedzic",
    "gdzie mozna pojsc",
    "gdzie pojechac",
    "що відвідати",
    "куди сходити",
    "куди піти з",
    "ماذا نزور",
    "أين نذهب",
    "وين نروح",
)
# An outing in other words than SEE_PHRASES: going, visiting, looking, trying out somewhere, taking the children
# (regular expressions on the folded text). With a place they make a list question; a question about studying or a
# school choice ("waar kan hij in Delft studeren?") is not an outing.
OUTING_PATTERNS = (
    r"\bmet (?:de|mijn|onze|ons) (?:kind|zoon|dochter|gezin)",
    r"\bop bezoek\b",
    r"\b(?:gaan|komen|kunnen|mag|mogen) (?:\w+ )?(?:kijken|bekijken|bezoeken)\b",
    r"\bbezoeken\b",
    r"\buit ?(?:te )?prober",
    r"\b(?:naartoe|heen) (?:gaan|kunnen|met)",
    r"\bgo (?:and )?(?:see|visit|look)",
    r"\b(?:take|bring) (?:the |my |our )?(?:kids|children|son|daughter|him|her|them)\b",
    r"\bwith (?:the|my|our) (?:kids|children|son|daughter|family)",
    r"\b(?:could|can|to|we|she|he) (?:\w+ )?visit\b",
    r"\bday out\b",
    r"\btry (?:out )?(?:tech|engineering|something)",
    r"\bgez(?:ip|mek|ebil|elim|ecek|meye)",
    r"\bgor(?:mek|ebil|elim|eli|meye|sun)",
    r"\bziyaret",
    r"\bcocuk(?:lar)?la\b",
    r"\bgit(?:mek|ebil|elim|sek)",
    r"\bz (?:dzieck|dziec|corka|synem|rodzin)",
    r"\bpojech|\bpojsc|\bpojdziemy|\bzobacz|\bpopatrz|\bzwiedz|\bodwiedz|\bod srodka",
    r"з (?:діть|дитин|донько|сино|родин)",
    r"відвіда|подивит|побачит|сходит|поїхат|куди\b.*\bпіти",
    r"(?:ناخذ|نأخذ|ناخد|نروح|نزور|نشوف|يشوف|نرى|يرى|زيار)",
    r"مع (?:ال)?(?:أولاد|اولاد|أطفال|اطفال|عيال)",
)
_OUTING = re.compile("|".join(OUTING_PATTERNS))
# The child is in the upper years of secondary school (about to choose an mbo course): the question asks about the
# mbo (its open days, its courses) or names class 3 or 4 / the exam year (folded text, every language; not the
# English 'year 4' or 'grade 4' alone, which is primary school in the UK and the US). Activities for
# that stage come first; the ones that also serve primary school follow (a parent of a vmbo-4 pupil reads
# 'basisschool' first otherwise)
UPPER_STAGE_PATTERNS = (
    r"\bmbo\b",
    r"\b(?:vmbo|klas|leerjaar|sinif|klasa|klasie|klasy|клас\w*|السنة|الصف)[- ]?[34]\b",
    r"\bvmbo\b\W+(?:\w+\W+)?[34]\b|\b[34]\W+(?:\w+\W+)?vmbo\b",  # 'year 4 vmbo', 'vmbo سنة 3': a vmbo year
    r"\b[34](?:e|de|ste|\.)? ?(?:sinif|klas\w*|клас\w*)|\b[34](?:e|de|ste) jaar\b",
    r"\bexamen|\bexam year|\bson sinif|\bostatni\w* klas|\bвипускн|\bالسنة (?:الرابعة|الثالثة|الأخيرة|الاخيرة)",
    r"\b(?:derde|vierde|trzeci\w*|czwart\w*|трет\w*|четверт\w*) (?:jaar|klas\w*|клас\w*|рік)",
)
_UPPER_STAGE = re.compile("|".join(UPPER_STAGE_PATTERNS))
# the school types of the upper years, shown first in an activity's "for whom" when the question is about them
UPPER_SCHOOLTYPES = ("vo_bovenbouw", "vmbo")
# "Which kind of activity works best?" (a lecture or something hands-on; what lets her find out she likes technology)
# asks for advice on kinds of activity, an article's subject; without a place it is no request for a list
# (folded text, every language)
BEST_PATTERNS = (
    r"\bhet beste?\b|\bwerk\w* (?:het )?best\b|\bwat is beter\b|\bmeeste zin\b",
    r"\bworks? best\b|\bthe best\b|\bbest (?:way|kind|type|option)|\b(?:which|what) is better\b|\bmost useful\b",
    r"\ben (?:iyi|faydali|yararli)\b|\bdaha (?:iyi|faydali|yararli)\b",
    r"\bnajlep|\blepiej\b|\blepsz",
    r"найкращ|\bкраще\b|\bкращ",
    r"أفضل|افضل|أحسن|احسن",
)
_BEST = re.compile("|".join(BEST_PATTERNS))
# the doelgroepen that are pupils (girls and pupils with a migration background are pupils too)
PUPIL_GROUPS = frozenset({"leerlingen", "meisjes", "migratieachtergrond"})
# the kinds of activity a family can go to on an outing
VISITABLE = frozenset({"bedrijfsbezoek", "open_dag", "evenement"})
SITE_WORDS = 85  # the short list carries its items' websites up to this many words (the reply adds its closing lines)
# the kinds a child takes part in (not information, not a school's partnership with a company)
TAKE_PART = VISITABLE | {"gastles", "wedstrijd_online", "leerwerkplekken", "stage"}
# ... and the words of a study or school choice, which are not an outing
_STUDY = re.compile(
    r"\b(?:opleiding|studer|studie|leren|study|studying|course|degree|okuma|okusun|okuyabil|egitim|bolum|studi|"
    r"kierun|uczyc|nauk)|навча|вчит|يدرس|دراس|تخصص"
)

# Choosing the next school ("groep 8 in Schiedam, which secondary school?"): advice, not a list of activities
_CHOICE = re.compile(
    r"\b(?:kiez|kies|keuze|middelbare|choos|choice|pick|secondary|sec[ei]|tercih|ortaokul|wybor|wybra|wybier|"
    r"sredni)|обир|обра|вибир|вибор|середн|يختار|تختار|اختيار|اختار|ثانوي"
)

# Kinds of activity (vocab ACTIVITEITEN) and how people name them; a phrase is matched in the lower-cased text.
ACTIVITY_KINDS: dict[str, tuple[str, ...]] = {
    "open_dag": (
        "open dag",
        "opendag",
        "open dagen",
        "meeloopdag",
        "meeloop",
        "proefstudeer",
        "proefstuderen",
        "kijkdag",
        "open day",
        "open days",
        "open house",
        "taster day",
        "trial day",
        "açık gün",
        "acik gun",
        "tanıtım gün",
        "deneme ders",
        "dzień otwarty",
        "dni otwarte",
        "dzień otwartych drzwi",
        "drzwi otwarte",
        "dzień próbny",
        "день відкритих дверей",
        "дні відкритих дверей",
        "відкритих дверей",
        "пробн",
        "يوم مفتوح",
        "يوم المفتوح",
        "الأيام المفتوحة",
        "اليوم المفتوح",
        "أيام مفتوحة",
        "الباب المفتوح",
    ),
    "bedrijfsbezoek": (
        "bedrijfsbezoek",
        "bedrijf bezoeken",
        "bedrijven bezoeken",
        "excursie",
        "company visit",
        "visit a company",
        "factory visit",
        "field trip",
        "excursion",
        "şirket ziyaret",
        "fabrika ziyaret",
        "wizyta w firmie",
        "wizyty w firm",
        "wycieczk",
        "візит на підприємств",
        "екскурс",
        "زيارة شركة",
        "زيارة مصنع",
        "زيارة الشركات",
        "رحلة",
    ),
    "gastles": (
        "gastles",
        "guest lesson",
        "guest lecture",
        "konuk ders",
        "misafir ders",
        "lekcja gościnna",
        "lekcje gościnne",
        "гостьов",
        "درس ضيف",
        "حصة ضيف",
    ),
    "wedstrijd_online": ("wedstrijd", "competition", "contest", "yarışma", "konkurs", "конкурс", "змаган", "مسابقة"),
}
# Inflected forms of the kinds, as regular expressions on the folded text (see :func:`fold`: letter marks
# gone, so "dzien otwarty" and "dzień otwarty", "acik gunler" and "açık günler" read the same). A stem or a
# pattern per language, so singular, plural and case forms all count.
ACTIVITY_PATTERNS: dict[str, tuple[str, ...]] = {
    "open_dag": (
        r"\bopen ?dag",
        r"meeloop",
        r"proefstude",
        r"proefles",
        r"\bopen ?(?:day|house)",
        r"\b(?:taster|trial|try-out) (?:day|session|lesson)",
        r"\bacik ?gun",
        r"\btanitim gun",
        r"\bdeneme ders",
        r"\bd(?:zien|ni\w*) otwart",
        r"\botwart\w* drzwi",
        r"\bdrzwi otwart",
        r"\b(?:dzien|dni\w*|lekcj\w*) probn",
        r"відкрит\w* двер",
        r"двер\w* відкрит",
        r"\bд(?:ень|ні\w*|ня) відкрит",
        r"(?:يوم|أيام|ايام|الأيام|الايام|اليوم)\s+(?:ال)?مفتوح",
        r"(?:الباب|الأبواب|الابواب)\s+المفتوح",
    ),
    "bedrijfsbezoek": (
        r"bedrij\w* (?:bezoek|bekijk)",
        r"\bbezoek\w* (?:aan |bij )?(?:een |het )?bedrij",
        r"bedrij\w* op bezoek",
        # "bedrijven hier waar mn zoon een kijkje kan nemen", "een kijkje nemen in een fabriek"
        r"(?:bedrij|fabriek)\w*\b.{0,80}\bkijkje",
        r"\bkijkje\w* (?:\w+ )?(?:bij|in|achter) (?:een |het |de )?(?:\w+ )?(?:bedrij|fabriek|werkplaats|keuken van)",
        r"\b(?:look|see) (?:around |inside )(?:a |an |the |some )?(?:compan|factor|firm|workplace)",
        r"\bvisit\b.{0,30}\b(?:compan|factor|firm|workplace|plant)",
        r"excursie",
        r"\bcompan\w* visit",
        r"\bvisit\w* (?:to )?(?:a |an |the |some )?(?:compan|factor|firm|workplace|business)",
        r"\b(?:factory|company|workplace) tour",
        r"\bfield ?trip",
        r"\bexcursion",
        r"\b(?:sirket|fabrika|firma|isyeri|is yeri)\w* (?:ziyaret|gez)",
        r"\bgezi(?:si|ler|leri|ye|de|mi)?\b",  # a trip (not 'gezilecek', 'to be seen')
        r"\bwizyt\w* (?:w|u|na|do) (?:jakiej\w* )?(?:firm|zaklad|fabry|przedsieb)",
        r"\bodwiedz\w* (?:jak\w* )?(?:firm|zaklad|fabry)",
        r"\b(?:zobaczyc|zwiedzic|popatrzec na) (?:\w+ )?(?:firm|zaklad|fabry)",
        r"\b(?:firm|zaklad|fabryk)\w* (?:\w+ )?od srodka",
        r"\bwycieczk",
        r"екскурс",
        r"\b(?:візит\w*|сходити|піти|поїхати|відвіда\w*) (?:на |до |у |в )?(?:якусь |якийсь )?(?:підприєм|фірм|завод|компані)",
        r"(?:підприєм|фірм|завод)\w*\s+(?:\w+\s+)?(?:сходити|піти|поїхати|відвідати)",
        r"(?:подивитися|побачити)\s+(?:\w+\s+)?(?:підприєм|фірм|завод|компані)",
        r"زيار\w*\s+(?:\S+\s+)?\S*(?:شرك|مصن|مصان|معمل|معامل)",
        r"\bرحل(?:ة|ات)",
        r"جول(?:ة|ات)\s+(?:في|داخل)\s+\S*(?:شرك|مصن|مصان)",
    ),
    "gastles": (
        r"gastles",
        r"gastdocent",
        r"\bguest (?:lesson|lecture|speaker|teacher)",
        r"\b(?:konuk|misafir) (?:ders|ogretmen|konusmaci)",
        r"\blekcj\w* gosc",
        r"\bgoscinn\w* (?:lekcj|wyklad)",
        r"гостьов",
        r"(?:درس|حصة|حصص|محاضرة)\s+(?:من\s+)?ضيف",
    ),
    "wedstrijd_online": (
        r"wedstrijd",
        r"competition",
        r"contest",
        r"yarisma",
        r"konkurs",
        r"конкурс",
        r"змаган",
        r"مسابق",
    ),
}


def fold(text: str) -> str:
    """Lower-cased, with the marks of Latin letters dropped ("dzień" -> "dzien", "açık" -> "acik"); Cyrillic
    and Arabic stay as written (й and ї are letters of their own): the tokeniser's ``unmarked``, on the whole text."""
    return unmarked(text.lower().replace("ß", "ss"))


_KIND_PATTERNS = {
    code: re.compile("|".join([*(re.escape(fold(p)) for p in ACTIVITY_KINDS.get(code, ())), *pats]))
    for code, pats in ACTIVITY_PATTERNS.items()
}


def activity_kinds(text: str) -> list[str]:
    """The kinds of activity a question names, in any of the six languages, inflected or without letter marks."""
    folded = fold(text)
    return [code for code, pattern in _KIND_PATTERNS.items() if pattern.search(folded)]


DOELGROEP_STARTS: dict[str, tuple[str, ...]] = {
    "meisjes": (
        "meisje",
        "meiden",
        "girl",
        "kızlar",
        "kizlar",
        "kız öğrenci",
        "kız çocu",
        "kiz cocu",
        "dziewcz",
        "дівча",
        "дівчин",
        "فتيات",
        "الفتيات",
        "بنات",
        "للفتيات",
        "للبنات",
    ),
    "migratieachtergrond": ("migratie", "migrant", "migration", "göçmen", "migrac", "мігра", "مهاجر"),
    "leraren": ("leraren", "docenten", "teachers", "öğretmen", "nauczyciel", "вчител", "معلم", "للمعلمين"),
    "ouders": (
        "voor ouders",
        "for parents",
        "ebeveynler için",
        "dla rodziców",
        "для батьків",
        "للآباء",
        "لأولياء الأمور",
    ),
}
# "My daughter" in an activity question is who asks, not a filter: the girls' activities come first and the others
# that match the place and kind follow (a company visit in Hoogvliet is for a girl too). "For girls" stays a filter.
FAVOUR_STARTS: dict[str, tuple[str, ...]] = {
    "meisjes": (
        "dochter",
        "daughter",
        "kızım",
        "kizim",
        "kızıma",
        "kizima",
        "kızımı",
        "kizimi",
        "kızımız",
        "córk",
        "донь",
        "доню",
        "ابنتي",
        "بنتي",
        "لابنتي",
        "وابنتي",
    ),
}
SCHOOLTYPE_STARTS: dict[str, tuple[str, ...]] = {
    "po": (
        "basisschool",
        "basisscholen",
        "primary",
        "ilkokul",
        "podstawow",
        "podstawów",
        "початков",
        "ابتدائ",
        "groep 5",
        "groep 6",
        "groep 7",
        "groep 8",
    ),
    "vmbo": ("vmbo",),
    "havo": ("havo",),
    "vwo": ("vwo",),
}
BRANCHE_STARTS: dict[str, tuple[str, ...]] = {
    "bouw": ("bouw", "construction", "inşaat", "budow", "будів", "بناء"),
    "maritiem": ("maritie", "haven", "port", "liman", "morsk", "порт", "مينا", "بحري"),
    "ict": ("ict", "programmer", "coding", "informatica", "bilişim", "yazılım", "informaty", "програм", "برمج"),
}
# "How many ..." asks for a figure, not for a list of activities.
COUNT_WORDS = ("hoeveel", "kaç", "yüzde", "скільки", "كم", "procent", "percent", "percentage", "відсоток", "نسبة")
COUNT_PHRASES = ("how many", "how much", "ile jest", "ilu ", "ile ")
# Words that make a bare kind of activity ("open dag") a list question: where, when, which, are there, near ...
LIST_WORDS = (
    "waar",
    "wanneer",
    "welke",
    "zijn er",
    "is er",
    "in de buurt",
    "dichtbij",
    "lijst",
    "where",
    "when",
    "which",
    "are there",
    "is there",
    "near",
    "close to",
    "list",
    "any ",
    "nerede",
    "ne zaman",
    "hangi",
    "var mı",
    "yakın",
    "yakınında",
    "listesi",
    "gdzie",
    "kiedy",
    "jakie",
    "czy są",
    "czy jest",
    "w pobliżu",
    "blisko",
    "lista",
    "де ",
    "коли",
    "які",
    "чи є",
    "поблизу",
    "біля",
    "поруч",
    "список",
    "أين",
    "متى",
    "ما هي",
    "هل يوجد",
    "هل هناك",
    "قرب",
    "بالقرب",
    "قريب",
    "قائمة",
)

# Parts of Rotterdam as people name them, in six languages (the area names are in gebieden.yaml).
DIRECTIONS: dict[str, tuple[str, ...]] = {
    "Rotterdam Zuid": (
        "zuid",
        "south",
        "southern",
        "güney",
        "guney",
        "południ",
        "poludni",
        "півд",
        "جنوب",
        "زاود",
        "زويد",
    ),
    "Rotterdam Noord": ("noord", "north", "northern", "kuzey", "północ", "polnoc", "півн", "شمال", "نورد"),
    "Rotterdam West": ("west", "western", "batı", "bati", "zachód", "zachod", "захід", "західн", "غرب"),
    "Rotterdam Oost": ("oost", "east", "eastern", "doğu", "dogu", "wschód", "wschod", "схід", "східн", "شرق"),
    "Rotterdam Centrum": ("centrum", "center", "centre", "downtown", "merkez", "центр", "وسط"),
}
ROTTERDAM_FORMS = ("rotterdam", "роттердам", "روتردام")
# Dutch and English direction words must be the whole word (not 'noordereiland'); the others may be inflected.
_WHOLE_WORD_DIRECTIONS = frozenset(
    (
        "zuid",
        "south",
        "southern",
        "noord",
        "north",
        "northern",
        "west",
        "western",
        "oost",
        "east",
        "eastern",
        "centrum",
        "center",
        "centre",
        "downtown",
    )
)
# Town names in other scripts and other languages' names (Polish/Ukrainian cases are matched by their start).
PLACE_ALIASES: dict[str, str] = {
    "роттердам": "Rotterdam",
    "روتردام": "Rotterdam",
    "the hague": "Den Haag",
    "hague": "Den Haag",
    "lahey": "Den Haag",
    "haga": "Den Haag",
    "hadze": "Den Haag",
    "hagi": "Den Haag",
    "гаага": "Den Haag",
    "гаазі": "Den Haag",
    "гааги": "Den Haag",
    "لاهاي": "Den Haag",
    "دن هاخ": "Den Haag",  # the Dutch name in Arabic letters
    "делфт": "Delft",
    "дельфт": "Delft",
    "دلفت": "Delft",
    "delfcie": "Delft",
    "східам": "Schiedam",
    "سخيدام": "Schiedam",
    "شيدام": "Schiedam",
    "зутермер": "Zoetermeer",
    "زوترمير": "Zoetermeer",
    "дордрехт": "Dordrecht",
    "دوردريخت": "Dordrecht",
    "лейден": "Leiden",
    "лейдені": "Leiden",
    "لايدن": "Leiden",
    "ليدن": "Leiden",
    "влардінген": "Vlaardingen",
    "فلاردينغن": "Vlaardingen",
    "гауда": "Gouda",
    "рейсвейк": "Rijswijk",
    "вестланд": "Westland",
    "маасслюйс": "Maassluis",
    "барендрехт": "Barendrecht",
    "шарлуа": "Charlois",
    "شارلوا": "Charlois",
    "хейплат": "Heijplaat",
}
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


@dataclass
class ActivityQuery:
    """What a structured activities question asks for."""

    doelgroepen: list[str] = field(default_factory=list)
    schooltypen: list[str] = field(default_factory=list)
    branches: list[str] = field(default_factory=list)
    activiteiten: list[str] = field(default_factory=list)
    place: Place | None = None
    # doelgroepen whose activities come first without filtering the others out ("my daughter": girls' ones first)
    favour: list[str] = field(default_factory=list)
    # asked as an outing ("somewhere we can go and see"): activities at a place come before national or online ones
    outing: bool = False
    # the child is in the upper years (see UPPER_STAGE_PATTERNS): their activities first, not a filter
    upper: bool = False

    @property
    def has_filter(self) -> bool:
        return bool(
            self.doelgroepen or self.schooltypen or self.branches or self.activiteiten or self.place or self.favour
        )

    def merged(self, newer: ActivityQuery) -> ActivityQuery:
        """A follow-up ("en in Delft?", "and for girls?") keeps what it does not change."""
        return ActivityQuery(
            newer.doelgroepen or self.doelgroepen,
            newer.schooltypen or self.schooltypen,
            newer.branches or self.branches,
            newer.activiteiten or self.activiteiten,
            newer.place or self.place,
            newer.favour or self.favour,
            newer.outing or self.outing,
            newer.upper or self.upper,
        )


@functools.cache
def _fold_phrases(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(p) for p in phrases)


def _starts(words: list[str], text: str, starts: tuple[str, ...]) -> bool:
    """A word of the (folded) question starts with one of ``starts``, or a phrase of them is in it."""
    for s in _fold_phrases(starts):
        if " " in s or not s.isascii():
            if s in text:
                return True
        elif any(w.startswith(s) for w in words):
            return True
    return False


_SEE_FOLDED = tuple(fold(p) for p in SEE_PHRASES)
_COUNT_FOLDED = frozenset(fold(w) for w in COUNT_WORDS)
_LIST_FOLDED = tuple(fold(p) for p in LIST_WORDS)

_PLACE_NAMES: dict[int, tuple[KnowledgeBase, dict[str, str]]] = {}


def place_names(kb: KnowledgeBase) -> dict[str, str]:
    """Every normalised name :func:`resolve_place` knows (wijken, gebieden, gemeenten, campussen, schools)
    -> the text to resolve it with; built once per knowledge base (questions are matched against it)."""
    cached = _PLACE_NAMES.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    names: dict[str, str] = {}
    for s in kb.scholen.values():
        for key in (normalise(s.naam), normalise(s.id)):
            names.setdefault(key, s.naam)
    for c in kb.campussen.values():
        for key in (normalise(c.naam), normalise(c.id), normalise(c.afkorting)):
            names[key] = c.naam
    for key, g in area_names(kb).items():  # names, ids and aliases; the most specific area wins
        names[key] = g.naam
    _PLACE_NAMES[id(kb)] = (kb, names)
    return names


def _gebied_names(kb: KnowledgeBase) -> dict[str, str]:
    """Normalised one-word place names of five letters or more -> the name to resolve (for inflections)."""
    return {k: v for k, v in place_names(kb).items() if " " not in k and len(k) >= 5 and not k.isdigit()}


def _direction_area(text: str, words: list[str]) -> str | None:
    """'Rotterdam Zuid', 'op Zuid', 'południe Rotterdamu', 'південь Роттердама', 'جنوب روتردام' -> the area."""
    low = text.lower()
    rotterdam = any(f in low for f in ROTTERDAM_FORMS)
    for area, starts in DIRECTIONS.items():
        for i, w in enumerate(words):
            if not any(w == s if s in _WHOLE_WORD_DIRECTIONS else w.startswith(s) for s in starts):
                continue
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w.startswith("zuid") and (w.startswith("zuid-holland") or nxt.startswith("holland")):
                continue
            if nxt in ("holland", "brabant"):
                continue
            # "Zuid" and "Noord" are Dutch names of these areas: also bare, inside a sentence in another language
            # ("чи є день відкритих дверей біля Zuid?", "Zuid'de", "near Zuid"); 'south' alone stays a direction
            if rotterdam or (w in _DUTCH_AREA_NAMES and (i == 0 or words[i - 1] != "van")):  # not Kop van Zuid
                return area
    return None


_BARE_DIRECTIONS = frozenset({"zuid", "noord", "west", "oost"})
# "Zuid" and "Noord" as Dutch names of the areas, also as parents write them in Arabic script
_DUTCH_AREA_NAMES = frozenset({"zuid", "noord", "زاود", "زويد", "نورد"})

# --- place names written in Cyrillic or Arabic script ---------------------------------------------------
# A name is compared as it sounds: Dutch spelling and a transliteration (anyascii) are folded to one sound key
# ("Hoogvliet" and "Хогвліт" -> "hohvlit"; "Rijswijk" and "Рейсвейк" -> "reisveik"). Arabic script writes no
# short vowels, so there only the consonants are compared ("هوخفليت" and "Hoogvliet" -> "hflt").
_SOUND_FOLDS = (
    ("sch", "skh"),
    ("ch", "kh"),
    ("kh", "h"),
    ("gh", "h"),
    ("g", "h"),
    ("ij", "ei"),
    ("ui", "ei"),  # Maassluis: Маасслейс, ماسلاوس
    ("ey", "ei"),
    ("y", "i"),
    ("j", "i"),
    ("w", "v"),
    ("oe", "u"),
    ("ou", "au"),
    ("ie", "i"),
    ("x", "ks"),
    ("ck", "k"),
    ("c", "k"),
    ("q", "k"),
)
_ARABIC_PREFIXES = ("وبال", "وال", "بال", "لل", "ال", "و", "ب", "ل", "ف")  # and / in / to / the, written onto a word


def _collapse(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text)


def sound_key(text: str) -> str:
    """Dutch spelling or a Latin transliteration folded to a rough sound key (doubled letters once)."""
    key = re.sub(r"[^a-z]", "", normalise(text))
    for old, new in _SOUND_FOLDS:
        key = key.replace(old, new)
    return _collapse(key)


# How Arabic script writes the sounds of a Dutch name (after :func:`sound_key`): short vowels are not written,
# long ones may be (alif, waw, ya); Dutch v/w become f or waw, p becomes b, the Dutch g/ch sound kha, ghain or ha.
_ARABIC_CONSONANTS = {
    "v": "(?:f|w|v)",
    "p": "(?:b|p)",
    "h": "(?:kh|gh|h|x)",
    "k": "(?:k|q|kh)",
    "s": "(?:s|sh|s)",
    "z": "(?:z|s|dh)",
    "t": "(?:t|th)",
    "d": "(?:d|dh)",
}
_ARABIC_VOWELS = (
    ("ei", "(a?[yw])?"),
    ("au", "(a?w)?"),
    ("a", "(a)?"),
    ("o", "(w)?"),
    ("u", "(w)?"),
    ("e", "(y)?"),
    ("i", "(y)?"),
)


def arabic_pattern(name: str) -> re.Pattern[str]:
    """A pattern that a transliterated Arabic spelling of ``name`` matches (alif kept as 'a': see
    :func:`_arabic_letters`): "Hoogvliet" matches "hwkhflyt" (هوخفليت), not "mrafqh" (مرافقة). Each vowel is a
    group: :func:`_arabic_match` counts the vowels left unwritten."""
    key = sound_key(name)
    parts: list[str] = []
    i = 0
    while i < len(key):
        vowel = next(((v, r) for v, r in _ARABIC_VOWELS if key.startswith(v, i)), None)
        if vowel is not None:
            parts.append(vowel[1])
            i += len(vowel[0])
        else:
            parts.append(_ARABIC_CONSONANTS.get(key[i], re.escape(key[i])))
            i += 1
    # a final e or a is often written with ta marbuta or ha
    return re.compile("".join(parts) + "(?:h|a)?")


def _arabic_match(pattern: re.Pattern[str], consonants: int, letters: str) -> bool:
    """``letters`` spell the name, leaving at most one of its vowels unwritten (two in a long name): "دلفت" is
    Delft, but "بتلك" ('with that') is not Botlek. A name of three consonants says little: then every vowel
    must be written ("لدينا" 'we have' is not Leiden)."""
    m = pattern.fullmatch(letters)
    if m is None:
        return False
    unwritten = sum(not g for g in m.groups())
    allowed = 0 if consonants <= 3 else 1 if len(m.groups()) <= 3 else 2
    return unwritten <= allowed


def _arabic_letters(word: str) -> str:
    """An Arabic word in Latin letters, long vowels kept (anyascii drops alif; here it stays 'a')."""
    return re.sub(r"[^a-z]", "", anyascii(word.replace("ا", "a").replace("آ", "a").replace("أ", "a")).lower())


_ArabicName = tuple[re.Pattern[str], int, str]  # pattern, number of consonants, place name
_SOUND_NAMES: dict[int, tuple[KnowledgeBase, dict[str, str], list[_ArabicName]]] = {}


def _sound_names(kb: KnowledgeBase) -> tuple[dict[str, str], list[_ArabicName]]:
    """Sound keys and Arabic-script patterns of every wijk, kern, gebied and gemeente name and alias."""
    cached = _SOUND_NAMES.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1], cached[2]
    sounds: dict[str, str] = {}
    patterns: list[_ArabicName] = []
    for key, g in area_names(kb).items():
        if key.isdigit() or len(key) < 4 or " " in key:  # a question's words are matched one by one
            continue
        sounds.setdefault(sound_key(key), g.naam)
        consonants = len(re.sub("[aeiou]", "", sound_key(key)))
        if consonants >= 3:  # fewer cannot tell a name from a word
            patterns.append((arabic_pattern(key), consonants, g.naam))
    _SOUND_NAMES[id(kb)] = (kb, sounds, patterns)
    return sounds, patterns


def _sound_match(word: str, names: dict[str, str]) -> str | None:
    """The place whose sound key ``word`` (a transliterated sound key) is, is inflected from (up to two letters
    more: "Делфті", "Зутермері") or is one letter away from, when the name is long enough to tell."""
    if word in names:
        return names[word]
    for key, name in names.items():
        if len(key) >= 5 and word.startswith(key) and len(word) - len(key) <= 2:
            return name
    if len(word) >= 7:
        for key, name in names.items():
            if len(key) >= 7 and Levenshtein.distance(word, key, score_cutoff=1) <= 1:
                return name
    return None


def place_in_script(kb: KnowledgeBase, words: list[str]) -> str | None:
    """A known place written in Cyrillic or Arabic script among ``words`` (lower-cased), by its sound."""
    sounds, patterns = _sound_names(kb)
    for w in words:
        script = word_script(w)
        if script == "cyrillic" and all(word_script(c) == "cyrillic" for c in w if c.isalpha()):
            hit = _sound_match(sound_key(anyascii(w)), sounds)
        elif script == "arabic" and all(word_script(c) == "arabic" for c in w if c.isalpha()):
            forms = [w] + [w[len(p) :] for p in _ARABIC_PREFIXES if w.startswith(p) and len(w) - len(p) >= 3]
            letters = [_arabic_letters(f) for f in forms]
            hit = next((name for f in letters for pat, n, name in patterns if _arabic_match(pat, n, f)), None)
        else:
            continue
        if hit is not None:
            return hit
    return None


def find_place(kb: KnowledgeBase, text: str) -> Place | None:
    """The most specific known place named in ``text``: a postcode, a part of Rotterdam, a wijk, gebied or
    gemeente (up to four words, also inflected or in another script)."""
    m = re.search(r"\b(\d{4})(?:\s?[A-Za-z]{2})?\b", text)
    if m:
        try:
            return resolve_place(kb, m.group(1))
        except UnknownPlace:
            pass
    low = text.lower()
    words = _WORD.findall(low)
    area = _direction_area(low, words)
    if area is not None:
        return resolve_place(kb, area)
    tokens = normalise(text).split()
    known = place_names(kb)
    for n in (4, 3, 2, 1):
        for i in range(len(tokens) - n + 1):
            gram = " ".join(tokens[i : i + n])
            if len(gram) < 4 or gram in _BARE_DIRECTIONS:  # 'zuid' alone: _direction_area reads it in context
                continue
            if gram in known:  # a dict lookup per word group: a long question stays cheap
                try:
                    return resolve_place(kb, known[gram])
                except UnknownPlace:
                    continue
    # an Arabic preposition written onto the name ("بلاهاي": in The Hague) is read off it
    unglued = words + [
        w[len(p) :] for w in words if word_script(w) == "arabic" for p in _ARABIC_PREFIXES if w.startswith(p)
    ]
    for alias, name in PLACE_ALIASES.items():
        if (" " in alias and alias in low) or any(
            w == alias or (w.startswith(alias) and len(w) - len(alias) <= 3) for w in unglued
        ):
            return resolve_place(kb, name)
    in_script = place_in_script(kb, words)
    if in_script is not None:
        return resolve_place(kb, in_script)
    names = _gebied_names(kb)
    for tok in tokens:  # Polish and other inflections: "Rotterdamie", "Delftu", "Zoetermeeru"
        for key, name in names.items():
            if tok.startswith(key) and 0 < len(tok) - len(key) <= 3:
                return resolve_place(kb, name)
    return None


def parse_activity_question(kb: KnowledgeBase, question: str, *, followup: bool = False) -> ActivityQuery | None:
    """An :class:`ActivityQuery` when ``question`` asks for activities, else None (then the articles answer).

    With ``followup`` (the previous question was an activity question) a question that only names a
    filter ("en in Delft?", "a dla dziewczyn?") counts too; the caller merges it with the previous one.
    """
    text = fold(question)  # typed without letter marks or with them, the same words match
    words = _WORD.findall(text)
    arabic = any(w in question for w in INTENT_ARABIC)
    compound = any(p in w for w in words for p in INTENT_PARTS_NL)
    generic = compound or _starts(words, text, INTENT_STARTS) or arabic
    kinds = activity_kinds(question)
    see = any(p in text for p in _SEE_FOLDED)
    if any(w in _COUNT_FOLDED for w in words) or (any(p in f"{text} " for p in COUNT_PHRASES) and "icin" not in text):
        return None
    q = ActivityQuery(activiteiten=kinds, upper=bool(_UPPER_STAGE.search(text)))
    for code, starts in DOELGROEP_STARTS.items():
        if _starts(words, text, starts):
            q.doelgroepen.append(code)
    for code, starts in FAVOUR_STARTS.items():
        if code not in q.doelgroepen and _starts(words, text, starts):
            q.favour.append(code)
    for code, starts in SCHOOLTYPE_STARTS.items():
        if _starts(words, text, starts):
            q.schooltypen.append(code)
    for code, starts in BRANCHE_STARTS.items():
        if _starts(words, text, starts):
            q.branches.append(code)
    q.place = find_place(kb, question)
    listing = any(p in f" {text} " for p in _LIST_FOLDED) or q.place is not None
    if q.place is None and not followup and _BEST.search(text):
        return None  # which kind of activity is best: advice, not a list
    if generic:
        # "is there a workshop ...?" without any filter: a list of everything helps nobody
        return q if q.has_filter else None
    if kinds and listing:
        return q
    if see and q.place is not None:
        q.outing = True
        return q
    if q.place is not None and _OUTING.search(text) and not _STUDY.search(text):
        # "anything we can go and see at the maasvlakte with the kids?", "kan hij in Hoogvliet op bezoek?"
        q.outing = True
        return q
    if q.place is not None and q.schooltypen == ["po"] and not _STUDY.search(text) and not _CHOICE.search(text):
        # "groep 7, we live in Capelle: anything with techniek for the basisschool?": a primary-school child and a
        # place ask what there is to do there (no primary-school pupil chooses a study yet)
        return q
    if followup and (q.place is not None or q.doelgroepen or q.schooltypen or kinds or q.favour) and len(words) <= 6:
        return q
    return None


# --- the user's own list --------------------------------------------------------------------
Catalogue = Callable[[], Sequence[Any]]


def default_catalogue() -> Catalogue:
    """The school's own initiatives: the decaan's lists in the database
    (``recommender.initiatives.own_initiatives``). The store hands out the same list object until the database
    changes, so the search index built on it is reused; no database yet gives an empty list."""
    from recommender.initiatives import own_initiatives

    return own_initiatives


def _search(kb: KnowledgeBase, q: ActivityQuery, km: float | None, extra: Sequence[Any]) -> Sequence[Any]:
    from recommender.initiatives import InitiativeFilter, search_initiatives

    flt = InitiativeFilter(
        doelgroepen=q.doelgroepen,
        schooltypen=q.schooltypen,
        branches=q.branches,
        activiteiten=q.activiteiten,
        km=km if q.place else None,
    )
    # the same list object every time: the search keeps its index of a catalogue by identity
    return search_initiatives(kb, flt, extra=extra or None, place=q.place)


@dataclass
class ActivityAnswer:
    text: str
    details: str
    hits: Sequence[Any]
    shown: Sequence[Any]
    own: set[str]  # ids of the shown initiatives that come from the school's own list


def is_own(ini: Any, own_ids: set[str]) -> bool:
    return ini.id in own_ids or any(b.bron == EIGEN_IMPORT for b in ini.bronnen)


def activity_line(
    ini: Any,
    km: float | None,
    lang: str,
    own: bool,
    wanted: Sequence[str] = (),
    approximate: bool = False,
    with_site: bool = False,
    stage: Sequence[str] = (),
) -> str:
    """One activity in the asker's language: name (Dutch), kind, for whom, where and how far ("~" when the asked
    place or the activity's own place is only an area's centre point); ``with_site`` adds its website (the details,
    where a parent looks for dates and how to sign up). For whom names the school types of ``stage`` first (the asked
    ones: 'vmbo', not 'basisschool', for an activity that serves both)."""
    kind = next((c for c in ini.activiteiten if c in wanted), ini.activiteiten[0])
    kinds = [label("activiteit", kind, lang)]
    types = sorted(ini.schooltypen, key=lambda c: c not in stage)  # stable: the data's order otherwise
    # an activity that serves the asked stage names that stage only (a year-3 pupil reads "vmbo", not "vmbo and
    # class 1-2" or "vmbo and primary school" beside it)
    types = [c for c in types if c in stage] or types
    voor = [_inline(label("schooltype_initiatief", c, lang), lang) for c in types[:2]]
    place = ini.locatie.wijk or ini.locatie.gemeente or ini.locatie.naam or ""
    if km is None:
        # no place was asked: a local activity still says where it is (an open day in Rijswijk is not national)
        where = label("bereik", "landelijk", lang) if ini.landelijk_online or not place else place
    else:
        # "Rotterdam Zuid, 0 km" reads like an error: an activity at the asked place itself shows its place only
        approximate = approximate or ini.locatie.precisie in ("gemeente", "wijk")
        where = (
            f"{place}{comma(lang)}{format_km(km, lang, approximate)}".strip("،, ") if km >= 0.5 or not place else place
        )
    line = t(
        "assistant.activity_item",
        lang,
        naam=ini.naam,
        soort=" · ".join(kinds),
        voor=format_list(voor, lang),
        waar=where,
    )
    site = website_label(ini.website) if with_site else ""
    if via_school(ini):
        # a school-company partnership a parent cannot book: the school takes part or not
        site = t("assistant.activity_via_school", lang)
    return line + (f" · {site}" if site else "") + (f" ({t('bron.own_list', lang)})" if own else "")


def via_school(ini: Any) -> bool:
    """Whether an activity runs through schools only (a Jet-Net cluster: a company and the schools near it)."""
    return getattr(ini, "lokaal_soort", None) == "jet_net"


def off_stage(ini: Any) -> bool:
    """Whether an activity serves none of the upper years (only class 1-2, or primary school)."""
    return not set(ini.schooltypen) & set(UPPER_SCHOOLTYPES)


def _inline(text: str, lang: str) -> str:
    """A label inside a sentence starts in lower case ("voor bovenbouw vo", not "voor Bovenbouw vo"); Turkish dotted
    and dotless capitals keep their own small letters."""
    first = {"İ": "i", "I": "ı"}.get(text[:1], text[:1].lower()) if lang == "tr" else text[:1].lower()
    return first + text[1:]


def website_label(url: str | None) -> str:
    """A website as a parent can type it ("vhto.nl/meiden"): no scheme, no www; a long address is cut to its host."""
    if not url:
        return ""
    short = re.sub(r"^https?://(www\.)?", "", url.strip(), flags=re.I).rstrip("/")
    if not _WEBSITE.fullmatch(short):  # a school's own list may hold anything there: show only a plain address
        return ""
    return short if len(short) <= 40 else short.split("/")[0]


_WEBSITE = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/[\w./%-]*)?", re.I)


def filters_text(q: ActivityQuery, lang: str) -> tuple[str, str]:
    """The list's filters for its intro line: (for whom and where, the kinds). Each language's sentence puts
    them in its own order ("4 etkinlik buldum" follows "Den Haag yakınında"; the kinds close the sentence)."""
    filters = ""
    if q.doelgroepen:
        filters += t(
            "assistant.filter_for", lang, what=format_list([word("doelgroep", d, lang) for d in q.doelgroepen], lang)
        )
    if q.place:
        filters += t("assistant.filter_near", lang, place=q.place.naam)
    kind = ""
    if q.activiteiten:
        kind = t(
            "assistant.filter_kind",
            lang,
            what=format_list([label("activiteit", c, lang).lower() for c in q.activiteiten], lang),
        )
    return filters, kind


def off_audience(ini: Any, q: ActivityQuery) -> bool:
    """Whether an activity is for primary school only, or not for pupils at all, while the question asks for neither
    (not for an outing, where a family with young children may be asking)."""
    primary_only = set(ini.schooltypen) == {"po"} and not q.schooltypen and not q.outing
    not_for_pupils = not set(ini.doelgroepen) & PUPIL_GROUPS and not q.doelgroepen and not q.favour
    return primary_only or not_for_pupils


def favoured(ini: Any, groups: Sequence[str]) -> bool:
    """Whether an activity is meant for one of the favoured doelgroepen (a girls' activity for "my daughter")."""
    return any(g in ini.doelgroepen for g in groups)


def favour_words(groups: Sequence[str], lang: str) -> str:
    return format_list([word("doelgroep", g, lang) for g in groups], lang)


def favour_mark(groups: Sequence[str], lang: str) -> str:
    """The mark after a favoured activity's line, so the parent sees which ones are for girls."""
    return t("assistant.activity_favoured", lang, what=favour_words(groups, lang))


def _sentence(text: str, lang: str) -> str:
    """The first letter upper-case: a Turkish intro line starts with its filters ("kızlar için ...")."""
    first = "İ" if lang == "tr" and text[:1] == "i" else text[:1].upper()
    return first + text[1:]


def answer_activities(
    kb: KnowledgeBase,
    q: ActivityQuery,
    lang: str,
    *,
    km: float = 10.0,
    show: int = 3,
    more: int = 8,
    extra: Sequence[Any] = (),
    search: Callable[..., Sequence[Any]] = _search,
) -> ActivityAnswer:
    """The matching initiatives summarised in ``lang`` (names stay Dutch): ``show`` in the short answer,
    up to ``more`` further ones in the details."""
    hits = search(kb, q, km, extra)
    if not hits and q.branches and (q.doelgroepen or q.activiteiten or q.schooltypen):
        # the field is often the child's hobby beside the asked group or kind ("likes to build things, any workshops
        # just for girls?"): without it the group's activities still answer, and the answer names what it filtered on
        relaxed = dataclasses.replace(q, branches=[])
        hits = search(kb, relaxed, km, extra)
        if hits:
            q = relaxed
    # A parent who names no school type or group mostly has a vmbo child in mind (the informatieavond): activities for
    # primary school only, or for parents or teachers only, follow the rest instead of filling the short list.
    hits = sorted(hits, key=lambda h: off_audience(h.initiatief, q))
    if q.upper and "po" not in q.schooltypen:
        # a child about to choose an mbo course: the activities that also serve primary school follow the others
        hits = sorted(hits, key=lambda h: ("po" in h.initiatief.schooltypen, off_stage(h.initiatief)))
    if q.favour or (q.outing and q.place is not None):
        # the favoured group's activities first, the others after them; for an outing the ones at a place before the
        # national or online ones, and among those the ones a family can go to (a company visit, an open day, an
        # event) before programmes and information (stable: each part keeps the search's distance order)
        outing = q.outing and q.place is not None
        hits = sorted(
            hits,
            key=lambda h: (
                not favoured(h.initiatief, q.favour),
                outing and h.initiatief.landelijk_online,
                outing and not set(h.initiatief.activiteiten) & VISITABLE,
            ),
        )
    own_ids = {i.id for i in extra}
    filters, kind = filters_text(q, lang)
    if not hits:
        none = t("assistant.activities_none", lang, filters=filters, kind=kind)
        return ActivityAnswer(_sentence(none, lang), "", [], [], set())
    shown = hits[: show + more]
    found = "assistant.activities_found_one" if len(hits) == 1 else "assistant.activities_found"
    lines = [_sentence(t(found, lang, n=len(hits), filters=filters, kind=kind), lang)]
    if q.doelgroepen and not any(
        set(h.initiatief.activiteiten) & TAKE_PART and not h.initiatief.landelijk_online for h in hits
    ):
        # only national organisations and information for the asked group ("workshops just for girls?"): said
        # plainly, not listed as if they were activities to join nearby
        waar = (
            t("assistant.filter_near", lang, place=q.place.naam)
            if q.place is not None
            else t("assistant.activities_near_you", lang)
        )
        only = t("assistant.activities_only_info", lang, what=favour_words(q.doelgroepen, lang), waar=waar)
        lines = [_sentence(only, lang)]
    own = {h.initiatief.id for h in shown if is_own(h.initiatief, own_ids)}
    approximate = q.place is not None and q.place.approximate
    # an outing names no kind: each line shows the kind a family can go to ("company visit", not "school and company")
    wanted = q.activiteiten or (sorted(VISITABLE) if q.outing else [])
    stage = [*q.schooltypen, *(UPPER_SCHOOLTYPES if q.upper else ())]

    def item(h: Any, with_site: bool) -> str:
        line = activity_line(
            h.initiatief, h.afstand_km, lang, h.initiatief.id in own, wanted, approximate, with_site, stage
        )
        return f"- {line}" + (favour_mark(q.favour, lang) if q.favour and favoured(h.initiatief, q.favour) else "")

    # each listed activity with its website, where a parent finds dates and signs up, as long as the list stays short
    # enough for a phone (the last ones drop theirs first; the details name every website anyway)
    plain = [item(h, False) for h in shown[:show]]
    sited = [item(h, True) for h in shown[:show]]
    count = sum(len(x.split()) for x in [*lines, *plain])
    for n, (a, b) in enumerate(zip(plain, sited, strict=True)):
        grow = len(b.split()) - len(a.split())
        if count + grow <= SITE_WORDS:
            plain[n] = b
            count += grow
    lines += plain
    # the details: the websites of the ones in the short answer (the data hold no dates; the sites do), then the rest
    sites = [
        f"{h.initiatief.naam}: {website_label(h.initiatief.website)}" for h in shown[:show] if h.initiatief.website
    ]
    details = [t("assistant.activities_dates", lang), *(f"- {s}" for s in sites)] if sites else []
    if len(shown) > show:
        # under their own heading: after the list of websites a parent would read the next activities as more websites
        rest_heading = t("assistant.activities_more_heading", lang, n=len(shown) - show)
        details += [*([""] if details else []), rest_heading, *(item(h, True) for h in shown[show:])]
    if q.favour and any(favoured(h.initiatief, q.favour) for h in shown):
        lines.append(t("assistant.activities_favour_first", lang, what=favour_words(q.favour, lang)))
    if q.place is None:
        lines.append(t("assistant.activities_add_place", lang))
    if len(hits) > len(shown):
        # the count in the first line is every match: say where the ones not listed are, so the numbers add up
        lines.append(t("assistant.activities_more_rest", lang, n=len(shown) - show, rest=len(hits) - len(shown)))
    elif len(shown) > show:
        lines.append(t("assistant.activities_more", lang, n=len(shown) - show))
    return ActivityAnswer("\n".join(lines), "\n".join(details), hits, shown, own)

"""The multilingual assistant: a short answer to the question that was asked, in the asker's language.

``Assistant.ask(question, lang=None, previous=())`` works without any language model:

1. bad input (empty, too long, binary, mixed scripts) -> a clear message (``status=bad_input``); SQL,
   format strings and other code -> a decline;
2. the language is detected (``lang`` overrides);
3. an activity question ("open dag in Delft?", "dni otwarte", "what can we see near X") -> a list from
   :mod:`recommender.initiatives` (the curated initiatives plus the school's own list), summarised in the
   asker's language (``reply_kind=activity_list``);
4. otherwise the question (or each of two questions in one) is routed: the curated example questions of
   every article section (question-to-question, dense + character n-grams) next to the passage search;
   a record named in the question (a beroep, opleiding, initiative) wins over an article;
5. a short follow-up ("en BBL?", "hoe lang duurt dat?") is read together with the earlier question
   (``previous``); when it is still unclear the assistant asks what the parent means
   (``reply_kind=clarifying_question``);
6. the reply: an article section's curated short answer (2-5 sentences) plus one "what you can do" line,
   the whole article as ``details``, and sources as readable labels; a record as a few sentences built
   from its fields in the asker's language (the Dutch description as a marked quote); a passage of the
   user's own document, marked as unchecked, only when no curated article answers; otherwise a decline
   that says where to go instead.

With a language model configured (see :mod:`retrieval.llm`) the short answer is written by the model
from the fenced passages; a reply in the wrong language, without a usable answer or with an error falls
back to the curated short answer.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel
from rapidfuzz import fuzz

from knowledge import vocab
from knowledge.geo import Place, haversine_km, normalise
from knowledge.i18n import LANGUAGES, label, t, word
from knowledge.i18n.formats import comma, format_km, format_list, format_number
from knowledge.inputs import LIMITS, clean_text, question_text
from knowledge.loader import KnowledgeBase
from knowledge.schema import Artikel, BronRef, KortAntwoord
from knowledge.sources import ref_text, source_labels
from retrieval.chunking import QUESTION_KIND
from retrieval.embeddings import CountingEmbeddings, get_embeddings
from retrieval.index import BuildReport, open_knowledge_index, open_userdocs, shipped_index_dir
from retrieval.language import (
    SUPPORTED,
    Detected,
    check_input,
    detect_language,
    in_conversation,
    input_language,
)
from retrieval.routing import (
    _NOT_A_NUMBER_WORD,
    ASIDE_DOMAINS,
    FOLLOWUP_CONCEPTS,
    FOLLOWUP_STARTS,
    NUMBER_WORDS,
    POINTERS,
    QUESTION_STARTS,
    SCHOOL_LEVELS,
    ExampleQuestions,
    SectionMatch,
    asks_action,
    asks_cost,
    asks_course,
    asks_duration,
    asks_for_record,
    asks_havo_profiel,
    asks_if_closed,
    asks_job_leerweg,
    asks_next_step,
    asks_number,
    asks_pay,
    asks_plain_course,
    asks_profiel,
    asks_question,
    asks_school_list,
    asks_training,
    asks_where,
    asks_where_to_learn,
    asks_why,
    best_per_article,
    compares_back,
    compares_two,
    content_words,
    deictic_words,
    figure_tail,
    fold,
    followup_concept,
    in_domain,
    is_followup,
    leans_back,
    looks_like_code,
    names_mbo,
    names_profiel,
    names_school,
    names_teacher,
    names_techniek,
    of_them,
    other_domain,
    other_domains,
    overrides_instructions,
    profiel_codes,
    refers_back,
    same_situation,
    says_also,
    school_terms,
    split_question,
    vector_mean,
    without_aside,
    without_job_chances,
    words_of,
)
from retrieval.schools import (
    ARTICLE_RICHTINGEN,
    COURSES_SHOWN,
    SAME_PLACE_KM,
    SCHOOL_KM,
    SCHOOLS_SHOWN,
    field_opleidingen,
    richtingen_named,
    schools_near,
    schools_with_sector,
    sector_named,
)
from retrieval.search import Hit, HybridIndex, Mode, query_tokens
from retrieval.store import Notify, stderr_notify
from retrieval.structured import (
    ActivityQuery,
    Catalogue,
    answer_activities,
    default_catalogue,
    find_place,
    parse_activity_question,
)

# Travel to the mbo per gemeente (issue 18): the article that answers it and how its figures name the sector.
TRAVEL_ARTICLE = "reisafstand"
SECTOR_MARKS = {"techniek": "Techniek en gebouwde omgeving", "ict": "Creatieve industrie en ICT"}
_ICT = re.compile(
    r"\b(ict|informatica|informatyk\w*|bilişim|bilgisayar|computer\w*|комп'ютер\w*|інформат\w*)\b|"
    r"تقنية المعلومات|الكمبيوتر|الحاسوب"
)
# The advice line is left out when a sentence of the short answer already says it (this similar, rapidfuzz 0-100, in
# letters or in words in any order) and is not much shorter: a parent read the same tip twice in a row. At 73 the
# repeats in the knowledge (profielen, rol_ouders, in six languages) count, a sentence that says less does not.
ADVICE_REPEAT = 73
# A question that places the child in a class of secondary school ("син у 1 класі vmbo", "zoon zit in 3 kader"):
# advice for the choice in groep 8 comes too late for this parent
_IN_SECONDARY = re.compile(
    r"\b(?:klas\w*|leerjaar|sınıf\w*|sinif\w*)\b|клас\w*|الصف"
    r"|\b\d\s*(?:e\s+)?(?:vmbo|kader|mavo|basis|bb|kb|gl|tl)\b|\b(?:vmbo|kader|mavo)[\s-]*\d\b"
)
_PRIMARY_WORDS = re.compile(r"\b(?:groep|basisschool|ilkokul\w*|podstawow\w*)\b|початков\w*|الابتدائ")


def _says_again(short: str, advice: str) -> bool:
    """Whether a sentence of ``short`` already says what the advice line (after its label) says."""
    return _repeats(short, advice.split(":", 1)[-1].strip())


def _repeats(text: str, sentence: str) -> bool:
    """Whether a sentence of ``text`` already says what ``sentence`` says (nearly the same words)."""
    body = fold(sentence)
    return any(
        len(said) >= 0.6 * len(body) and max(fuzz.ratio(body, said), fuzz.token_sort_ratio(body, said)) >= ADVICE_REPEAT
        for said in map(fold, sentences(text))
    )


def _without_repeats(texts: list[str]) -> list[str]:
    """The parts of a two-part answer, a later part without the sentences an earlier part already said (a job and
    its course described in nearly the same words: "Je legt stroomkabels ..." / "Je leert stroomkabels ...")."""
    kept: list[str] = []
    for text in texts:
        said = "\n".join(kept)
        paragraphs = []
        for paragraph in text.split("\n\n"):  # a paragraph without repeats keeps its lines as they were
            own = [s for s in sentences(paragraph) if not (said and _repeats(said, s))]
            if own:
                paragraphs.append(paragraph if len(own) == len(sentences(paragraph)) else " ".join(own))
        if paragraphs:
            kept.append("\n\n".join(paragraphs))
    return kept


def _asks_figure(question: str, lang: str) -> bool:
    """Whether the question asks for a figure, read by whole words: a short number word inside a longer word
    (Arabic "كم" in "الكمبيوتر" computer or "كمان" also) does not count; a longer one may start a word ("procentów")."""
    ws = words_of(fold(question))
    joined = f" {' '.join(ws)} "
    skip = _NOT_A_NUMBER_WORD.get(lang, frozenset())
    return any(
        (f" {w} " in joined) if " " in w else any((tok == w) if len(w) <= 3 else tok.startswith(w) for tok in ws)
        for w in NUMBER_WORDS
        if w not in skip
    )


def _past_primary(art: Artikel, question: str) -> bool:
    """Whether the article's advice is for the choice in groep 8 and the question places the child past it."""
    low = fold(question)
    return "groep 8" in art.doen.get("nl", "") and bool(_IN_SECONDARY.search(low)) and not _PRIMARY_WORDS.search(low)


# An article without curated short answers answers with its own sentences on the question, at most this long.
SELECTED_WORDS = 60
# A curated short answer gets one more sentence of its article when the question's rarer words are only there.
MISSING_MIN_IDF = 2.5
MISSING_MIN_SCORE = 5.0
MISSING_MAX_WORDS = 40
MISSING_REPEAT = 0.6  # ... and not a sentence without a figure whose words are mostly the short answer's already

# Refusal calibration of the passage search (issue 3; see retrieval/README.md).
KEPT_VECTORS = 512  # query embeddings kept for conversations (and the evaluation's batches)
DENSE_STRONG = 0.875  # dense cosine of the best chunk at or above this: grounded
DENSE_MIN = 0.80  # below this: never grounded
COVERAGE_MIN = 0.40  # between the two: the query's rare words must occur in the top passages
BM25_ONLY_COVERAGE = 0.40  # bm25-only mode has no dense score: lexical overlap alone decides
DECLINE_REFERRALS = 2  # a decline names where to go for at most this many other domains (one per question part)

# Routing calibration (issue 11, tuned on retrieval/eval_data/questions.yaml; holdout.yaml is not tuned on).
# Off-topic questions reached an example-question cosine of at most 0.885 on the development set.
EXAMPLE_STRONG = 0.90  # best example question at or above this: the section answers, whatever the passages say
EXAMPLE_AGREE = 0.835  # ... or above this when the passage search puts the same article first
PASSAGE_AGREE = 0.80  # (with at least this dense cosine)
# A section that shares almost none of the question's words still answers when its article is the best passage and
# its example question is at least this close and at most AGREE_SPREAD below the best example (any article's)
AGREE_ALONE_MIN = 0.87
AGREE_SPREAD = 0.01
CHARS_STRONG = 0.80  # bm25-only mode: character similarity with an example question
NAMED_OVERRIDE = 0.96  # a record named in the question wins, unless an example question matches this closely
NO_ANCHOR_STRONG = 0.95  # a question without any word of the domain needs an example this close
SUPPORT_MIN = 0.15  # share of the question's (rare) words the chosen section must contain, unless ...
VERY_STRONG = 0.95  # ... an example question is this close
DOCUMENT_MARGIN = 0.05
DOCUMENT_WORDS_MARGIN = 0.3  # ... or when it holds this much more of the question's (rare) words
DOCUMENT_ACTIVITY = 0.90  # an own document this close to an activity-like question answers instead of a list   # an own document beats a matching article only when its passage is this much closer
PASSAGE_ONLY_MIN = 0.85  # passages alone (no strong example) answer only when some example is this close
# weights of the article choice: example-question cosine + W_CHARS x character cosine + W_PASSAGE x best
# passage cosine of the article + W_RANK / (1 + its rank among the retrieved passages)
W_CHARS, W_PASSAGE, W_RANK = 0.1, 0.3, 0.05
# A follow-up's section inside the conversation's article: its own words decide among the sections whose example is
# this close to the best one (words: IDF-weighted share found in the section's short answer and examples)
SECTION_MARGIN = 0.04
PAY_ARTICLE = "beeld_salaris"  # a question about pay: the article on pay in techniek (no amounts in the sources)
PAY_MARGIN = 0.03  # ... when its example question is at most this much further than the closest one
SECTION_WORDS = 0.1
KEEP_WORDS = 3  # ... when it has at most this many content words
SECTION_WORD_MIN_IDF = 2.0  # a follow-up that points back and finds nothing: a word this rare in the section just read
SECTION_SHIFT_WORDS = 0.25  # another section holds this much more of the question's words: it answers the detail
# a Dutch short answer that says a way stays open later ("later naar techniek", "alsnog", "niet dicht")
STILL_OPEN = re.compile(r"(?<![^\W_])(?:later|alsnog|niet dicht|nog steeds)(?![^\W_])")
SECTION_KEEP = 0.03  # a follow-up that points back ("is dat ...?") stays on the section just read, other things equal
ZUID = "Rotterdam Zuid"  # the area whose vmbo schools the articles on Zuid name
FIELD_MARGIN = 0.0  # a school question: a field article whose example is the closest of all names the field
# words of a school question that only ask where ("allemaal", "nearest", "civarında", "najbliżej", "поблизу")
_NEAR_WORDS = re.compile(
    r"^(?:allemaal|eigenlijk|buurt|omgeving|dichtbij\w*|dichtstbij\w*|near\w*|around|close\w*|civar\w*|yakin\w*|"
    r"najblizej|blisko|okolic\w*|kolo|wszystkie|поблизу|найближч\w*|біля|поруч|усі|قريب\w*|جنب|كل)$"
)
FIELD_SUPPORT = 0.15  # ... and shares at least this much of the question's rarer words with that article
NEW_SECTION_MARGIN = (
    0.05  # a follow-up saying "after" whose own example is this much closer to another section: its own topic
)
SECTION_FIGURE = 0.01  # a figure question: a section that gives a figure, other things equal
SECTION_MATCHING_FIGURE = 0.03  # ... and more when a sentence with the figure holds a word of the question
SECTION_EARLIER_FIGURE = 0.02  # ... and a figure follow-up's: when it also holds a rarer word of the earlier question
SECTION_OTHER_GROUP = 0.05  # ... less for a section about a group of its own (BBL, BOL) that the question does not name
# "What can we do / where do we complain?" (asks_action): the article's action section (``actie``: the meldpunt, who
# helps) answers when its example is at most this far below the article's best
ACTION_MARGIN = 0.06
# ... and an action section of another article answers when its example is about as close as the best one (the
# passage ranking chose an article that explains the problem, not what to do about it)
ACTION_SWITCH = 0.005
# A figure question ("what share of havo pupils choose an N-profiel?") moves to another article's section whose
# example is at most this far below the chosen one, when that section's sentences with a figure hold this much
# more (IDF-weighted share) of the question's words than the chosen section's do
FIGURE_MARGIN = 0.015
FIGURE_GAIN = 0.2
# ... and the article of the best passage answers a figure question when its example is at most this far below the
# best example (and its section gives a figure and holds about as many of the question's words)
FIGURE_PASSAGE_MARGIN = 0.05
FIGURE_PASSAGE_LEAD = 0.01  # ... unless its passage leads the chosen article's by less than this and fits less
# a figure question naming a group of pupils (girls) takes the closest section about that group with a figure when its
# example is this close to the best one (a short group word, Turkish "kız", moves the examples little: 0.07)
GROUP_MARGIN = 0.08
GROUP_OWN = 0.02  # ... the chosen article's own section for the group, when its example is about as close
# A follow-up that asks the conversation's question again for a group ("and with bbl?", "and for girls?") says at most
# this many words besides the group and 'kids' ("is it any better", "często tak")
GROUP_FOLLOWUP_WORDS = 3
FIGURE_PASSAGE_WORDS = 0.2  # (its words: at most this share of the question's words fewer than the chosen one's)
# ... but not when the figure there is clearly less the one asked: the question's words (its region or group: "girls",
# "Den Haag", "tl") stand next to the chosen section's figure and not next to that one's (figure fit: IDF-weighted
# share of the question's words in one sentence giving a figure, read with the sentence before it; a word found
# only elsewhere in the section counts FIGURE_AROUND) by more than FIGURE_FIT_GAP (the fit is lexical: stems and
# synonyms blur small gaps, "zorlanıyor" / "zor", "meiden" / "meisjes")
FIGURE_FIT_GAP = 0.2
FIGURE_AROUND = 0.5
# A figure question that names a region ("in Güney Hollanda", "в Гаазі"; regions_named): inside one article, a section
# whose sentences giving a figure name that region gains up to this much (times the share of its region-naming figure
# sentences that name it: the Zuid-Holland section, not the national one that also gives one Zuid-Holland figure);
# in the figure fit the region counts as a word of the question as rare as its rarest one
SECTION_REGION = 0.12
REGION_MARGIN = 0.06  # ... among the sections whose example is this close (not SECTION_MARGIN)
CONTEXT_WEIGHT = 0.3  # share of the earlier question in the vector of a follow-up
FOLLOWUP_BONUS = 0.05  # a follow-up stays on the earlier article unless another one is clearly closer
# A follow-up that names a new sub-topic ("and does it pay?", "hoe lang duurt dat?") moves to the article its own
# words match best, when that article's example is this much closer than the conversation's article ...
SHIFT_DENSE = 0.02
# a follow-up that compares the two things just explained ("which one ...?", compares_two) stays on the conversation's
# article when one of its examples is at most this far below the follow-up's best example anywhere
COMPARE_MARGIN = 0.035
# ... and its example questions or its text share clearly more of the follow-up's words (characters / rare words)
SHIFT_CHARS = 0.2
SHIFT_SUPPORT = 0.2
PULL_MARGIN = 0.02  # ... to the article the two questions read together choose, when the earlier question pulls there
# A follow-up that does not move stays on the conversation's article when one of its sections is this close
STAY_MIN = EXAMPLE_AGREE
# a follow-up that points back ("is this also for ...?") and finds nothing close anywhere stays on the conversation's
# article when one of its examples is at least this close (lower than STAY_MIN: pointing back says where it belongs)
POINTED_STAY_MIN = 0.78
# ... and a short follow-up says something of its own with one word this rare ('betaald'; not 'verder', 'else')
OWN_WORD_MIN_IDF = 5.0
STAY_WORDS = 2  # ... and it says something of its own: a word of the domain or this many content words
# A "why" question goes to a section whose examples ask why, among the next WHY_RANKS - 1 articles, when its example
# is at most WHY_MARGIN below the chosen one and the chosen section's examples never ask why
WHY_RANKS, WHY_MARGIN = 4, 0.02
STRONG_MARGIN = 0.03  # weak passages: an article whose example is this much below the strong one does not answer
NEAR_PASSAGES = 3  # a strong example whose article is among this many top passages needs no word overlap
# A beroep or opleiding named in plain words ("fixing bikes", "rowery", "велосипеди" -> Fietstechnicus): a rare word of
# the question that at most this many records use in the asker's language (the six-language korte_omschrijving of a
# beroep, the Dutch names of beroepen and opleidingen), and that the chosen article does not use itself.
PLAIN_RECORDS_MAX = 3
PLAIN_MIN_IDF = 2.5
# Words of the records' plain descriptions that name no record: everyday verbs and adverbs ("... if he goes into
# techniek" is not the site foreman who "makes sure everything goes to plan"), and words parents use in another sense
# (Arabic 'وصل' is 'to connect' in a welder's description, 'to get to' in "what should he choose to get to the port?")
PLAIN_NOT_NAMING: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "go",
            "goe",
            "goes",
            "going",
            "new",
            "very",
            "veri",
            "out",
            "along",
            "enter",
            "happen",
            "happens",
            "keeps",
            "lead",
            "meet",
            "high",
            "person",
        ]
    ),
    "tr": frozenset(["alir", "alır", "bulur", "üzerinde", "dis", "tutar", "yapmak"]),
    "pl": frozenset(["inne", "innymi", "now", "pod", "przed"]),
    "uk": frozenset(["все", "мали", "іншим", "іншими", "інші", "роб"]),
    "ar": frozenset({"وصل", "يوصل", "توصل", "جدا", "جديد", "بها", "وفق"}),
}
PLAIN_ARTICLES_MAX = 2  # ... and that at most this many articles use ('bike' in the travel article; not 'tech')
# ... when the question as a whole is about that record about as much as about any article ('long bus rides' in a
# travel question names no bus mechanic): its passage at most this far below the best article passage, and at least
PLAIN_GAP = 0.075
PLAIN_MIN_DENSE = 0.785
# ... and not when the question's other words are the chosen section's own subject (a beroep only as an example)
PLAIN_REST_SUPPORT = 0.5  # ... unless it asks for a beroep or opleiding ("what is that job called?")
PLAIN_MIN_DENSE_NAMED = 0.77  # ... the passage may be a little further when an everyday name of the beroep is used
# ... and further below the best article when the question also asks for its mbo course ("loves planes and wants to
# fix them, is there an mbo for that near Rotterdam?": the Arabic passage of the beroep is weak); not "what kind of
# work is there in logistics?", which asks about the field
PLAIN_GAP_ASKED = 0.10
# ... and then its passage may be a little further still (a dialect's words for the same thing: "الطيارات", "بدو
# يصلحها"): the everyday name and the question for its course already say which record is meant
PLAIN_MIN_DENSE_ASKED = 0.75
# Arabic questions: the gap to the best article is measured against the articles' Dutch passages (see _plain_record)
RECORD_GAP_DUTCH_LANGS = ("ar",)
HOBBY_RECORDS_MAX = 6  # a hobby word ('car': three articles use it) names at most this many records ...
HOBBY_ARTICLES_MAX = 4  # ... and at most this many articles use ('care', 'solar', 'work' are everywhere)
HOBBY_WEIGHT = 0.5  # ... and counts half a description word: any rarer word of the question decides first
PLAIN_OTHERS = 2  # a record found by words other beroepen share too names at most this many of them after its answer
PLAIN_NAMED_WEIGHT = 2.0  # a word of a beroep's everyday names (ook_genoemd) counts this much, a description word 1
# a question that asks for a job or its course and uses this many words of one record's plain words (its description,
# its names), at least PLAIN_DESCRIBED_LEAD more than any other record, describes that job: it is ours without any
# domain word ("who watches the installations of a chemical plant from a control panel? how to learn that")
PLAIN_DESCRIBED_MIN = 3.0
PLAIN_DESCRIBED_LEAD = 2.0
# An earlier question that found no answer still sets the conversation's topic when an example is this close
# "Which vmbo profiel?" with what the child likes (round 14): the profielen article's section on what each profiel is
# about answers, opened by the profiel the beroep of those words is reached from (its opleidingen's vmbo_profielen)
PROFIEL_ARTICLE = "techniekprofielen"
PROFIEL_SECTION = "inhoud"
PROFIELEN_ARTICLE, PROFIELEN_WHICH = "profielen", "welke"  # which vmbo profielen there are (the five techniek ones)
# the havo/vwo profielen (NT, NG) for a technical study: what they are and where they lead, unless a figure is asked
HAVO_ARTICLE, HAVO_SECTION = "havo_vwo_techniek", "n_profielen"
PROFIEL_VOTE_MARGIN = 1.0  # the profiel is named when its beroepen outscore the next profiel's by one word at least
CONTEXT_TOPIC_MIN = 0.85
LISTED_SHOWN = 3  # a follow-up after an activity list is about one of the activities the short answer showed:
LEAD_MARGIN = 0.01  # a follow-up on the same section: a sentence this much closer than the first one leads
COST_FOLLOWUP_WORDS = 8  # "do we have to pay to go?" after a list: about the listed activities, not pay in technology
LISTED_MARGIN = 0.02  # the first, unless another is this much closer to the follow-up
NAMED_ARTICLE_RANK = 6  # an article named by its Dutch title words answers when it is this close by example
NAMED_ARTICLE_PASSAGES = 5  # ... a programme named as parents hear it (AanDeBak): or among this many first passages
TITLE_WORD_ARTICLES = 2  # a word of at most this many articles' titles names them (the field of a parent's work)
EXAMPLE_TERM_LETTERS = 8  # a Dutch word of one article's examples this long names it in an Arabic/Ukrainian question
EXAMPLE_TERM_USES = 2  # ... used by at least this many of its Dutch example questions
NON_LATIN_LANGS = ("ar", "uk")  # Latin words in these questions are Dutch school words
SNIPPET_CHARS = 320
K_RETRIEVE = 8
MAX_ANSWER_WORDS = 120
# A short answer plus its "what you can do" line fits one phone screen: the line is left out (it stays in the
# article behind "lees meer") when both together would be longer than this.
ANSWER_BUDGET = 75
MULTI_BUDGET = 100  # a two-part answer takes the first article's 'what you can do' line while it stays this short
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
# ('عال' is the spoken 'على ال', "on the": 'عالسطوح'; 'فال' the Maghrebi 'في ال', "in the": 'فالكهرباء')
_AR_PREFIXES = ("وال", "بال", "فال", "عال", "لل", "ال", "و", "ي", "ت", "ل")
RECORD_KINDS = ("beroep", "opleiding", "initiatief", "school", "campus")
# the one-word openings of a follow-up ("en", "peki", "a"): no content of their own
FOLLOWUP_WORDS = {lang: tuple(s for s in starts if " " not in s) for lang, starts in FOLLOWUP_STARTS.items()}

ReplyKind = Literal["answer", "activity_list", "clarifying_question", "decline"]
SourceKind = Literal["knowledge", "report", "activity", "own_document"]


class Source(BaseModel):
    """One source of an answer, with a label a parent can read in the answer's language."""

    label: str
    kind: SourceKind
    source: str | None = None  # machine id (artikel:bol_bbl, initiatief:x, document:file.pdf, seor2026); JSON only
    title: str | None = None
    snippet: str | None = None
    language: str | None = None
    section: str | None = None
    score: float | None = None
    bronnen: list[str] = []  # machine references ('seor2026#Tabel 3.6'); JSON only


class Quote(BaseModel):
    """Text shown as a marked quotation: a record's Dutch description, a passage of the user's own document."""

    label: str  # in the asker's language, says what the text is and where it comes from
    language: str
    text: str


class Answer(BaseModel):
    """What ``lob-kompas ask --json`` prints (and the pages render)."""

    answer: str  # the short answer only
    details: str = ""  # the longer text behind "lees meer"
    language: str
    grounded: bool
    reply_kind: ReplyKind = "answer"
    sources: list[Source] = []
    quote: Quote | None = None
    notice: str | None = None
    status: Literal["answered", "refused", "bad_input"] = "answered"
    mode: str = "extractive"  # extractive | structured | llm
    topic: str | None = None  # what the reply is about: artikel:bol_bbl#werk, beroep:..., activities


@dataclass
class Route:
    """Where a question leads (before any text is written)."""

    kind: Literal["section", "record", "document", "activities", "schools", "multi", "clarify", "none"]
    text: str = ""
    article: str | None = None
    section: str | None = None
    hit: Hit | None = None
    hits: list[Hit] = field(default_factory=list)
    activity: ActivityQuery | None = None
    parts: list[Route] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)  # article ids, for a clarifying question
    context: Route | None = None  # the earlier topic a follow-up was read against
    qvec: np.ndarray | None = None
    confidence: float = 0.0
    # "which vmbo profiel for a boy who loves X?": the techniek profiel that fits and the beroep whose words the
    # question used (its opleidingen say which profielen lead to them)
    profiel: tuple[str | None, Hit] | None = None
    durations: bool = False  # "how long does it take?" after a beroep: all its opleidingen with level and length
    chances: bool = False  # "and will he find work?" after a beroep: its job chances, from the report that names it
    pay_said: bool = False  # a beroep's card after the article on pay: its own pay line would say the same again
    others: list[str] = field(default_factory=list)  # beroepen the same words name as well ('cars'), named after it
    aside: str | None = None  # a worry beside the question in another domain (health, extra support): see reply
    detail: bool = False  # the section was chosen for the question's own words over a closer example: it asks a detail
    # "which mbo schools in Den Haag have ICT?": the place asked about and the field's richtingen (None: all techniek)
    place: Place | None = None
    richtingen: tuple[str, ...] | None = None
    courses: tuple[str, ...] = ()  # ... the opleidingen of a job or course the question names (its route)
    field_name: str | None = None  # ... what the list is for, as the heading names it ("Elektricien", "ICT")
    sector: str | None = None  # ... a field outside techniek (interesse code): the schools that also teach it
    unknown_field: bool = False  # ... a field our sources know no school for: said so, no unrelated list

    @property
    def answers(self) -> bool:
        return self.kind in ("section", "record", "document", "activities", "schools", "multi")

    @property
    def topic(self) -> str | None:
        if self.kind == "section":
            return f"artikel:{self.article}#{self.section}"
        if self.kind in ("record", "document") and self.hit is not None:
            return self.hit.source
        if self.kind == "activities":
            return "activities"
        if self.kind == "schools":
            if self.unknown_field:
                return "schools:unknown"
            if self.sector is not None:
                return f"schools:{self.sector}"
            if self.courses:
                return "schools:" + ",".join(self.courses)
            return "schools:" + ",".join(self.richtingen or ("techniek",))
        if self.kind == "multi":
            return ";".join(p.topic or "" for p in self.parts)
        return None


SAME_NAME = 0.9  # a job's name this close to its course's name (a letter apart) is the same name: listed once
RECORD_WORDS = 100  # a record answer: what the job is, its courses with level, length, BOL/BBL and schools, job chances


def _opening(sentence: str, lang: str) -> str:
    """A sentence moved to the front of an answer, without the Arabic 'and' glued to its first word ("وقد ارتفع" ->
    "قد ارتفع"): it joined the sentence to the one before, which now comes after it."""
    if lang == "ar" and sentence.startswith("و") and len(sentence.split(" ", 1)[0]) > 2:
        return sentence[1:]
    return sentence


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _merged_sources(kb: KnowledgeBase, sources: list[Source], lang: str) -> list[Source]:
    """One line per source: a record or article the answer drew on twice is listed once (with its first, fuller
    label), and a report cited for two parts of the answer is one label with all its sections ('Sterk
    Techniekonderwijs Zuid 2019, § A.3.2, § B.2.2'), in the order they first appear."""
    merged: dict[tuple[str, str], Source] = {}
    for src in sources:
        key = (src.kind, src.source or src.label)
        first = merged.get(key)
        if first is None:
            merged[key] = src.model_copy()
        elif src.kind == "report":
            first.bronnen = list(dict.fromkeys([*first.bronnen, *src.bronnen]))
    for src in merged.values():
        if src.kind == "report" and src.bronnen:
            refs = [BronRef(bron=b, sectie=s or None) for b, _, s in (r.partition("#") for r in src.bronnen)]
            labels = source_labels(kb, refs, lang)
            if len(labels) == 1:
                src.label = labels[0]
    return list(merged.values())


def _hit_source(hit: Hit, name: str) -> Source:
    """The source line of a beroep or opleiding found by the search (its Dutch text, named ``name``)."""
    return Source(
        label=name,
        kind="knowledge",
        source=hit.source,
        title=name,
        snippet=_snippet(hit.text),
        language="nl",
        score=round(hit.score, 4),
        bronnen=hit.bronnen,
    )


def word_count(text: str) -> int:
    return len(text.split())


_SENTENCE = re.compile(r"(?<=[.!?؟])\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# a figure a parent asks for: a share, a decimal, a count with a thousands separator (not "groep 8" or a year)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s?%|%\s?\d|\d+,\d+|\d{1,3}\.\d{3}")
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)?")  # the figures of a sentence, to see whether another sentence repeats them
# a count written as a word in the Dutch text ("tien profielen", "vier niveaus"): it answers "how many ...?" as a
# digit does ("een" is also the article 'a' and does not count)
_COUNT_WORD = re.compile(r"\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\b", re.IGNORECASE)

# The regions a figure is given for, named in any of the six languages or scripts (folded text). A figure question
# that names one ("in Güney Hollanda", "بلاهاي") wants the sentence giving that region's figure, whatever language the
# article text names it in. The region itself ("regio Rotterdam Den Haag", "Роттердам–Гаага") is read before its two
# towns; Zuid-Holland before the country ("Güney Hollanda" / "Hollanda"); Rotterdam-Zuid is not Rotterdam's figure.
_HAGUE = r"den\s+haag|the\s+hague|hague|lahey|لاهاي|\bhag(?:a|i|ę|ą)\b|\bhadze\b|гааг\w*|гаазі"
_REGION_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("regio", re.compile(rf"(?:rotterdam|роттердам\w*|روتردام)[\s\-–—/]*(?:{_HAGUE})", re.UNICODE)),
    (
        "zuid-holland",
        re.compile(
            r"zuid[\s-]*holland|south[\s-]*holland|g[üu]ney[\s-]*hollanda|جنوب\s*هولندا|півден\w*\s+голланд\w*"
            r"|holandi\w*\s+po[łl]udniow\w*",
            re.UNICODE,
        ),
    ),
    ("den-haag", re.compile(_HAGUE, re.UNICODE)),
    (
        "rotterdam",
        re.compile(
            r"(?:rotterdam|роттердам\w*|روتردام)(?![\s-]*(?:zuid|south|güney|زاود|الجنوب|півд|połud))", re.UNICODE
        ),
    ),
    (
        "nederland",
        re.compile(r"nederland|netherlands|hollanda|هولندا|нідерланд\w*|holandi\w*|niderland\w*", re.UNICODE),
    ),
    ("regio", re.compile(r"\bregio\b|\bregion\b|bölge|منطق|регіон\w*|\bregion\w*", re.UNICODE)),
)


_BROAD_REGIONS = frozenset({"regio", "nederland"})
# "Rotterdam" in a parent's question often means the Rotterdam area ("tech jobs in the rotterdam area": the region's
# vacancies): it does not pick a section or move an answer by itself; it counts in the figure fit
_AREA_TOWNS = frozenset({"rotterdam"})


# The groups of pupils a figure is given for, named in any of the six languages or scripts (folded text): a figure
# question that names one ("hoeveel procent meiden", "كم بالمية ... بنات") wants a figure about that group, not the
# closest figure about all pupils. "My daughter" (dochter, kızım, بنتي, córka, дочка) is the asker's child, not a group.
_GROUP_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "girls",
        re.compile(
            r"\b(?:meisjes?|meiden|meid|girls?|female|k[iı]z|k[iı]zlar\w*|dziewczyn\w*|dziewcz[aeą]t\w*|дівчат\w*|дівчин\w*)\b"
            r"|(?:بنات|فتيات)",
            re.UNICODE,
        ),
    ),
    (
        "migration",
        re.compile(
            # a migration background, or roots / a country of origin outside Europe (the words the figures use)
            r"\b(?:migrat\w*|migrant\w*|immigrant\w*|imigrant\w*|allochto\w*|g[oö][cç]men\w*|migrac\w*|korzeni\w*|roots|"
            r"herkomst\w*|buiten europa|outside europe|non-western|niet-westers\w*|k[oö]ken\w*|avrupa d[iı][sş]\w*|"
            r"poza europ\w*|pochodzeni\w*|мігра\w*|іммігра\w*|корін\w*|походжен\w*|поза європ\w*)\b"
            r"|(?:مهاجر|هجرة|الهجرة|أصول|اصول|خارج أوروبا)",
            re.UNICODE,
        ),
    ),
    # pupils of the theoretical leerweg (tl, formerly mavo)
    (
        "tl",
        re.compile(
            r"\b(?:tl|mavo|theoretische leerweg|theoretical track|teorik\w*|teoretyczn\w*|теоретичн\w*)\b|النظري"
        ),
    ),
    # students of one mbo track: a figure for BBL (work and learn) or BOL (school with placements) is another figure
    # than the one for all mbo students ("BBL'de de aynı sorun var mı?" wants the BBL share, not the overall one)
    ("bbl", re.compile(r"\bbbl\w*")),
    # (not the Turkish "bol", plenty: "bol iş", "bol para")
    ("bol", re.compile(r"\bbol\b(?!\s*(?:bol|i[sş]|para|maa[sş]))")),
)


# Articles (or sections) whose subject is one group of pupils: they answer a question only when it speaks of that
# group. "Why do so few kids choose techniek here?" is the region's choices, not why so few girls do; a travel worry
# about a son is not the girls' article; a Polish "czemu tak malo mlodziezy" is not the migrant share. Here a
# daughter counts (the girls' article answers "my daughter wants techniek, is that odd?"), and so do the boys the
# worry contrasts with ("is it only for boys?"). Folded text; (article, sections or None for all, pattern).
_GIRL_SUBJECT = re.compile(
    r"\b(?:meisjes?|meiden|meid|dochter\w*|girls?|daughters?|female|women|boys?|k[iı]z\w*|erkek\w*|dziewczyn\w*|"
    r"dziewcz\w*|c[oó]rk\w*|c[oó]rce|ch[lł]opak\w*|ch[lł]opc\w*|дівч\w*|доньк\w*|доньц\w*|дочк\w*|дочц\w*|хлопц\w*|"
    r"хлопч\w*)\b|(?:بنت|بنات|فتيات|فتاة|ابنتي|الدراري|للدراري|الولاد|للولاد|الشباب بس|صبيان)",
    re.UNICODE,
)
_MIGRANT_SUBJECT = re.compile(
    _GROUP_NAMES[1][1].pattern
    + r"|\b(?:foreign\w*|turkish|moroccan|morocco|buitenlan\w*|marokk\w*|turks\w*|t[uü]rk\w*|fas\b|fasl[iı]\w*|"
    r"yabanc[iı]\w*|obcokraj\w*|cudzoziem\w*|imigr\w*|іноземн\w*|мігрант\w*|марокк\w*|турец\w*|турк\w*|"
    r"non-western|niet-westers\w*|communit\w*|gemeenschap\w*|topluluk\w*|spo[lł]eczno\w*|громад\w*)\b|(?:جالية|الجالية|اجانب|أجانب|الاجانب|الأجانب|اجنبي|أجنبي|مغربي|مغاربة|تركي|اتراك|أتراك)",
    re.UNICODE,
)
_PLACEMENT_SUBJECT = re.compile(
    r"\b(?:stage\w*|stagi\w*|internship\w*|placement\w*|leerbedrijf\w*|employer\w*|werkgever\w*|"
    r"afgewezen|rejected|refus\w*|turned down|discrimin\w*|staj\w*|ayr[iı]mc[iı]l\w*|[sş]ikayet\w*|i[sş]yeri\w*|sta[zż]\w*|"
    r"praktyk\w*|szkoląc\w*|szkolac\w*|dyskrymin\w*|стаж\w*|практик\w*|компан\w*|фірм\w*|дискримін\w*|hoofddoek\w*|headscarf\w*|"
    r"hijab\w*|ba[sş][oö]rt\w*|chust\w*|хустк\w*|хіджаб\w*|achternaam|surname|nazwisk\w*|soyad\w*|прізвищ\w*|"
    r"melden|report\w*)\b|(?:stage|تدريب|تمييز|عنصري|حجاب|محجب|شركة|الشركات|اشتكي|نشتكي|شكوى|اسمه)",
    re.UNICODE,
)
# a continuous route from vmbo into mbo, named as parents do: a route, a pathway, one school for both, a safety net
_ROUTE_SUBJECT = re.compile(
    r"\b(?:\w*route\w*|traject\w*|doorlop\w*|ge[iï]ntegreerd\w*|integr\w*|vangnet\w*|vast|aan elkaar|pathway\w*|"
    r"safety net|backup|yol\w*|entegre|g[uü]zergah\w*|[sś]cie[zż]k\w*|zintegr\w*|маршрут\w*|інтегр\w*|"
    r"програм\w*|траєкт\w*)\b|(?:مسار|المسار|بالمسار|route|vangnet)",
    re.UNICODE,
)
SUBJECT_GROUPS: tuple[tuple[str, frozenset[str] | None, re.Pattern[str]], ...] = (
    ("meisjes_techniek", None, _GIRL_SUBJECT),
    (
        "migratieachtergrond",
        frozenset({"cijfers", "stage"}),
        re.compile(_MIGRANT_SUBJECT.pattern + "|" + _PLACEMENT_SUBJECT.pattern, re.UNICODE),
    ),
    ("stage_discriminatie", None, re.compile(_MIGRANT_SUBJECT.pattern + "|" + _PLACEMENT_SUBJECT.pattern, re.UNICODE)),
    # the safety net of a continuous vmbo-mbo route is for a pupil in such a route: "my son did not get his vmbo
    # diploma, can he still go to mbo?" names no route and is who goes to Entree, not what if the route fails
    ("doorlopende_routes", frozenset({"vangnet"}), _ROUTE_SUBJECT),
    # the AanDeBak job guarantee is a programme, named when it is meant ("is a tech mbo a guaranteed job?" is not it)
    (
        "gaan_voor_een_baan",
        frozenset({"garantie"}),
        re.compile(r"aan ?de ?bak|nprz|gaan voor een baan|آن ?د", re.UNICODE),
    ),
)
# the N-profielen of havo and vwo are for a pupil there: "she is in vmbo basis but wants to be an engineer" names no
# havo or vwo and asks whether the vmbo route gets there (step by step), not which havo profiel leads to it
SUBJECT_GROUPS += (
    (
        "havo_vwo_techniek",
        None,
        re.compile(r"havo|vwo|atheneum|gymnas|\blise|liceum|ліце|гімназ|хаво|вво|هافو|\bn[tg]\b|natuur en", re.UNICODE),
    ),
)
# "is it a job for a girl?": a question about a job that asks whether it suits girls (not every question about a daughter)
_FOR_GIRLS = re.compile(
    r"\b(?:voor (?:een )?(?:meisje|meiden|meisjes|vrouw\w*)|meisjesberoep|for (?:a )?(?:girls?|wom[ae]n)|"
    r"dla (?:dziewczyn\w*|kobiet\w*)|k[iı]z(?:lar)?\s*i[cç]in|kad[iı]n\w*\s*i[cç]in)\b|"
    r"для (?:дівчин\w*|дівчат\w*|жінок|жінки)|(?:للبنات|لبنت|للفتيات|لفتاة|للمرأة|للستات)",
    re.UNICODE,
)
GIRLS_ARTICLE, GIRLS_SECTION = "meisjes_techniek", "ja"
SUBJECT_MISSING = 0.05  # a plain question that does not speak of such an article's group: this much lower

# Sections whose subject is one thing a parent asks about in everyday words that the passages share with a nearby
# article: switching to another school (not why the school has no profiel, the licence), a parent helping the child
# choose (not how the school system works). A plain question that names it ranks that article SUBJECT_NAMED higher.
_SWITCH_SCHOOL = re.compile(
    r"\b(?:(?:andere|nieuwe) school|(?:van )?school (?:te )?(?:wisselen|veranderen|verwisselen)|overstap\w*|"
    r"(?:another|other|different|new) school\w*|(?:switch\w*|chang\w*|mov\w*) (?:to another )?schools?|"
    r"(?:ba[sş]ka|farkl[iı]|di[gğ]er|yeni) (?:bir )?okul\w*|okul\w* de[gğ]i[sş]tir\w*|"
    r"(?:inn\w+|now\w+) szko[lł]\w*|zmieni\w* szko[lł]\w*|przenie\w* (?:si[eę] )?do (?:inn\w+ )?szko[lł]\w*|"
    r"(?:інш\w+|нов\w+) школ\w*|змін\w* школ\w*|перевест\w*|перейт\w* (?:до|в) (?:інш\w+ )?школ\w*)\b"
    r"|(?:مدرسة|مدرسه|لمدرسة|المدرسة) ?(?:ثانية|تانية|اخرى|أخرى|ثانيه|تانيه|غيرها)|(?:يغير|يبدل|يبدّل|تغيير) ?(?:ال)?مدرس",
    re.UNICODE,
)
_HELP_CHOOSE = re.compile(
    r"(?=.*(?:\b(?:help\w*|support\w*|steun\w*|begeleid\w*|yard[iı]m\w*|destek\w*|pom[oó]c\w*|pomaga[cć]|pomog\w*|wspier\w*|"
    r"допомог\w*|допомаг\w*|підтрим\w*)\b|ساعد|اساعد|أساعد|بساعد|نساعد|اوقف جنب|أقف جنب|نوقف مع))"
    r"(?=.*(?:\b(?:kiez\w*|kiest|keuze\w*|choos\w*|choice\w*|pick\w*|decid\w*|se[cç]\w*|karar\w*|wyb\w*|decyz\w*|"
    r"обира\w*|обрат\w*|обер\w*|вибир\w*|вибор\w*|вибрат\w*)\b|يختار|تختار|اختيار|يقرر|التوجيه))",
    re.UNICODE,
)
# ... and whether techniek means a sure job (not the AanDeBak job guarantee, which is named when it is meant)
_SURE_JOB = re.compile(
    r"^(?!.*(?:aan ?de ?bak|nprz))"
    r"(?=.*(?:\b(?:techn\w*|tech|teknik\w*|техн\w*)\b|تقني|التقنية|تكنيك|التكنيك))"
    r"(?=.*(?:\b(?:garant\w*|zeker\w*|sure|certain\w*|kesin\w*|pewn\w*|gwarant\w*|гарант\w*|точно)\b|أكيد|اكيد|مضمون|ضمان))"
    r"(?=.*(?:\b(?:werk\w*|baan|job\w*|work\w*|i[sş]|i[sş]e|i[sş]i|prac\w*|robot\w*|роб[оі]т\w*|employ\w*)\b"
    r"|شغل|عمل|خدمة|الخدمة|وظيفة))",
    re.UNICODE,
)
SUBJECT_SECTIONS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("geen_techniekprofiel", "wisselen", _SWITCH_SCHOOL),
    ("rol_ouders", "invloed", _HELP_CHOOSE),
    ("techniek_kansrijk", "zekerheid", _SURE_JOB),
)
SUBJECT_NAMED = 0.05

# young people or pupils, the ones our figures are about (folded text)
_YOUNG = re.compile(
    r"\b(?:jongeren|jeugd|tieners?|leerlingen|scholieren|kinderen|teenagers?|youth|young\w*|kids|pupils|students|"
    r"gen[cç]ler\w*|[oö][gğ]renci\w*|[cç]ocuk\w*|m[lł]odzie[zż]\w*|m[lł]odych|uczni\w*|dzieci|молод\w*|підлітк\w*|"
    r"учн\w*|діт\w*)\b|(?:شباب|مراهق|طلاب|تلاميذ|اولاد|أولاد|أطفال|اطفال)"
)


# an age range ("10-20 lat", "10 to 20", "بين 10 و 20") in folded text
_AGE_RANGE = re.compile(r"\b(?:[4-9]|[12]\d)\s*(?:-|–|tot|to|do|до|і|та|و|ile|ila|ve|and|en|i|a)\s*(?:1\d|2\d|30)\b")


def groups_named(text: str) -> frozenset[str]:
    """The groups of pupils (keys of _GROUP_NAMES) a text names."""
    folded = fold(text)
    return frozenset(key for key, pattern in _GROUP_NAMES if pattern.search(folded))


def regions_named(text: str) -> frozenset[str]:
    """The regions (keys of _REGION_NAMES) a text names; each name is read once (the region before its towns)."""
    return _regions(text)[0]


def region_words(text: str) -> str:
    """The words of a text that name a region (to be read as that region, not as words: "Holandii" in "Holandii
    Południowej" is not the country the national figure's sentence names)."""
    return " ".join(_regions(text)[1])


@functools.lru_cache(maxsize=4096)
def _regions(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    rest = fold(text)
    found: set[str] = set()
    spans: list[str] = []
    for key, pattern in _REGION_NAMES:
        named = [m.group(0) for m in pattern.finditer(rest)]
        if named:
            found.add(key)
            spans.extend(named)
            rest = pattern.sub(" ", rest)
    return frozenset(found), tuple(spans)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(" ".join(text.split())) if s.strip()]


def whole_sentences(text: str) -> list[str]:
    """Sentences that can stand on their own when reordered: a break after '.', '!' or '?' only where the next
    sentence starts with a capital, a digit or a letter of a script without capitals ("np. przy", "bijv. een" and
    "e.g. a" stay inside their sentence)."""
    out: list[str] = []
    start = 0
    text = " ".join(text.split())
    for m in _SENTENCE.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        if nxt.isupper() or nxt.isdigit() or (nxt.isalpha() and not nxt.islower()) or nxt in '"“«(':
            out.append(text[start : m.start()].strip())
            start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def trim_words(text: str, limit: int) -> str:
    """Whole sentences up to ``limit`` words (at least one sentence, cut with '…' if that is too long)."""
    out: list[str] = []
    for s in sentences(text):
        if out and word_count(" ".join(out + [s])) > limit:
            break
        out.append(s)
    joined = " ".join(out)
    if word_count(joined) > limit:
        joined = " ".join(joined.split()[:limit]) + " …"
    return joined


def trim_lines(text: str, limit: int) -> str:
    """Whole lines (and paragraphs) up to ``limit`` words, their breaks kept; the first line at least (cut to whole
    sentences by trim_words when it alone is too long)."""
    out: list[str] = []
    used = 0
    for para in text.split("\n\n"):
        kept: list[str] = []
        for line in para.split("\n"):
            n = word_count(line)
            if (out or kept) and used + n > limit:
                break
            kept.append(line if used + n <= limit else trim_words(line, limit))
            used += n
        else:
            out.append("\n".join(kept))
            continue
        if kept:
            out.append("\n".join(kept))
        break
    return "\n\n".join(out)


class Assistant:
    """Answers questions from the knowledge base and the user's documents. Thread-safe for reading."""

    def __init__(
        self,
        kb: KnowledgeBase,
        index: HybridIndex,
        *,
        questions: ExampleQuestions | None = None,
        llm: Any | None = None,
        build_report: BuildReport | None = None,
        catalogue: Catalogue | None = None,
    ):
        self.kb = kb
        self.index = index
        self.questions = questions if questions is not None else ExampleQuestions([], np.zeros((0, 1)))
        self._why_sections: dict[tuple[str, str], bool] = {}  # see _asked_why
        self.llm = llm
        self.build_report = build_report
        self.catalogue = catalogue or default_catalogue()
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._has_documents = any(d.metadata.get("kind") == "document" for d in index.docs)
        self._vlock = threading.Lock()
        self._domain_names = self._name_words(kb)
        self._title_words = self._unique_title_words(kb)
        self._programme_names = self._title_names(kb, self._title_words)
        self._example_terms = self._example_terms_of(kb)  # Dutch words of one article's example questions
        self._lang_title_words: dict[str, dict[str, frozenset[str]]] = {}  # per language: a rare title word -> articles
        self._field_profielen = self._field_profiel_sections(kb)
        self._concept_sections = self._concept_sections_of(kb)  # pay, finding work: the sections on each
        self._section_tokens: dict[tuple[str, str, str], frozenset[str]] = {}
        self._sentence_vectors: dict[str, np.ndarray] = {}  # curated sentences (knowledge text, not questions)
        # (article, section, lang) -> the words of each sentence that gives a figure, with the sentence before it
        self._figure_windows: dict[tuple[str, str, str], list[frozenset[str]]] = {}
        self._figure_places: dict[tuple[str, str, str], list[tuple[frozenset[str], frozenset[str]]]] = {}
        self._question_words = frozenset(w for ws in QUESTION_STARTS.values() for w in ws)
        self._number_tokens = self._tokens_of_number_words()
        self._plain_words: dict[str, dict[str, set[str]]] = {}  # lang -> word key -> record sources
        self._common_words: dict[str, frozenset[str]] = {}  # lang -> record words too common in the articles
        # lang -> hobby words: record words the articles use too often to name a record alone, that few records share
        # ('car', 'ship', 'машини'): they name those records only in a question asking for one
        self._hobby_words: dict[str, dict[str, set[str]]] = {}
        self._everyday_words: dict[str, frozenset[str]] = {}  # lang -> keys of one-word everyday names (ook_genoemd)
        # lang -> key of a one-word everyday name -> the records it is a whole name of ('كهربائي': the electrician,
        # not the industrial electrician, whose name only holds it as one word of 'كهربائي صناعي')
        self._everyday_owners: dict[str, dict[str, set[str]]] = {}
        self._everyday_phrases: dict[
            str, list[tuple[tuple[frozenset[str], ...], str]]
        ] = {}  # lang -> (keys of each word, record) of longer names
        self._exact_names: dict[str, list[str]] = {}
        self._names_by_part: dict[str, set[str]] = {}
        for name, src in self._record_names(kb):
            self._exact_names.setdefault(name, []).append(src)
            if len(name.split()) >= 2:
                for part in name.split():
                    if len(part) >= 4:
                        self._names_by_part.setdefault(part[:4], set()).add(name)

    # --- construction -------------------------------------------------------------
    @classmethod
    def from_default(
        cls,
        kb: KnowledgeBase | None = None,
        *,
        home: Path | None = None,
        embeddings: CountingEmbeddings | None = None,
        llm: Any | None = "env",
        notify: Notify = stderr_notify,
        rebuild: bool = False,
        include_userdocs: bool = True,
        catalogue: Catalogue | None = None,
    ) -> Assistant:
        """Load (or build) the persisted index under ``$LOB_HOME``, or use the shipped one in place when it
        matches; never uses the network.

        ``llm="env"`` takes the model from the environment (None when not configured).
        """
        from knowledge import load_knowledge
        from retrieval.llm import llm_from_env

        kb = kb or load_knowledge()
        emb = embeddings or get_embeddings()
        store, report = open_knowledge_index(
            kb, emb, home=home, notify=notify, force=rebuild, shipped=shipped_index_dir()
        )
        is_question = np.array([d.metadata.get("kind") == QUESTION_KIND for d in store.docs], dtype=bool)
        docs = [d for d, q in zip(store.docs, is_question, strict=True) if not q]
        vectors = store.vectors[~is_question] if len(store.docs) else store.vectors
        questions = ExampleQuestions(
            [d for d, q in zip(store.docs, is_question, strict=True) if q],
            store.vectors[is_question] if len(store.docs) else store.vectors,
        )
        user = open_userdocs(emb, home=home, notify=notify) if include_userdocs else None
        if user is not None and len(user):
            docs += user.docs
            vectors = np.vstack([vectors, user.vectors])
        index = HybridIndex(docs, vectors, emb)
        model = llm_from_env() if llm == "env" else llm
        assistant = cls(kb, index, questions=questions, llm=model, build_report=report, catalogue=catalogue)
        # read the school's own list in the background: the first activity question should not wait for it
        threading.Thread(target=assistant.catalogue, name="lob-own-list", daemon=True).start()
        return assistant

    # --- public API ---------------------------------------------------------------
    def search(
        self,
        query: str,
        k: int = 5,
        filters: dict[str, Any] | None = None,
        mode: Mode = "fused",
        lang: str | None = None,
    ) -> list[Hit]:
        """Top-``k`` chunks for ``query`` (hybrid by default), with optional metadata filters."""
        query = clean_text(query, max_chars=LIMITS.question_chars, what="query")  # raises InputError
        language = lang or detect_language(query).code
        return self.index.search(query, k=k, filters=filters, mode=mode, lang=language)

    def warm(self, languages: Iterable[str] = SUPPORTED) -> None:
        """Build what the first question in each language would otherwise build (the per-language index of the
        records' plain words: 0.2-0.7 s a language), so that no parent waits for it; the app calls it in the
        background after loading, the benchmark before it measures warm asks."""
        for code in languages:
            self._plain_index(code)

    def ask(
        self,
        question: str,
        lang: str | None = None,
        *,
        previous: Sequence[str] = (),
        mode: Mode = "fused",
        use_llm: bool = True,
        fallback_lang: str | None = None,
    ) -> Answer:
        """A short answer in the asker's language (see module doc); ``previous`` are earlier questions.

        ``lang`` forces the answer language; ``fallback_lang`` (the page's language) is used only when the
        question has no language to detect: bad input, code, a language LOB-Kompas does not speak.
        """
        for code in (lang, fallback_lang):
            if code is not None and code not in SUPPORTED:
                raise ValueError(f"onbekende taal '{code}'; kies uit {', '.join(SUPPORTED)}")
        question = question_text(question)  # the input boundary: repaired, normalised text
        previous = [question_text(p) for p in previous]
        problem = check_input(question)
        if problem is None and isinstance(question, bytes):
            question = question.decode("utf-8")
        if problem is not None:
            language = lang or fallback_lang or input_language(question)
            return Answer(
                answer=t(f"assistant.{problem.key}", language, **problem.fields),
                language=language,
                grounded=False,
                status="bad_input",
                reply_kind="decline",
                notice=problem.key,
            )
        if looks_like_code(question):
            language = lang or fallback_lang or input_language(question)
            return Answer(
                answer=t("assistant.bad_nonsense", language),
                language=language,
                grounded=False,
                status="bad_input",
                reply_kind="decline",
                notice="bad_nonsense",
            )
        notice = None
        detected = detect_language(question)
        if fallback_lang and detected.method == "langid" and len(question.split()) <= 6:
            # a few words without a telling letter or question word: the page's language is the better guess
            detected = Detected(fallback_lang, True, "page")
        detected = in_conversation(question, previous, detected)
        qlang = detected.code if detected.supported else (fallback_lang or "en")  # tokenising, overlap
        if lang is None:
            lang = qlang
            if not detected.supported and fallback_lang is None:
                notice = t("assistant.unsupported_language", "en", code=detected.code)
        context = self.context(previous, mode)
        route = self.route(question, qlang, mode, context)
        return self.reply(question, lang, route, notice=notice, use_llm=use_llm)

    # --- routing --------------------------------------------------------------------
    @staticmethod
    def _vector_key(text: str) -> str:
        """The key a query embedding is kept under: a hash of the text (the process holds no parent's words)."""
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def _keep_vectors(self, pairs: Iterable[tuple[str, np.ndarray]]) -> None:
        """Keep (key, vector) pairs, the least recently used going beyond KEPT_VECTORS."""
        with self._vlock:
            for key, vec in pairs:
                self._vectors[key] = vec
            while len(self._vectors) > KEPT_VECTORS:
                self._vectors.popitem(last=False)

    def query_vector(self, text: str) -> np.ndarray:
        """The query embedding of ``text``, kept for the conversation (a follow-up reuses the earlier one).
        Kept under a hash of the text: the process holds no parent's words (as the answer cache)."""
        key = self._vector_key(text)
        with self._vlock:
            vec = self._vectors.get(key)
            if vec is not None:
                self._vectors.move_to_end(key)
                return vec
        vec = self.index.emb.encode_query(text)
        self._keep_vectors([(key, vec)])
        return vec

    def remember_vectors(self, texts: Sequence[str]) -> None:
        """Embed in one batch those of ``texts`` whose query embedding is not kept yet (``query_vector`` then finds
        them): a batch on all cores costs about half of embedding them one by one (the evaluation's many questions).
        A batch gives the same vectors as single queries (checked bit for bit in tests/retrieval/test_eval.py)."""
        keys = {self._vector_key(t): t for t in texts if t}
        with self._vlock:
            todo = [(k, t) for k, t in keys.items() if k not in self._vectors]
        if todo:
            vectors = self.index.emb.encode_queries([t for _, t in todo])
            self._keep_vectors(zip((k for k, _ in todo), vectors, strict=True))

    def forget_vector(self, text: str) -> None:
        """Drop the kept embedding of ``text`` (the benchmark times asks that must embed their question)."""
        with self._vlock:
            self._vectors.pop(self._vector_key(text), None)

    def context(self, previous: Sequence[str], mode: Mode = "fused") -> Route | None:
        """The topic of the conversation so far: the earlier questions routed in order (last three)."""
        ctx: Route | None = None
        for text in [p for p in previous if isinstance(p, str)][-3:]:
            if check_input(text) is not None or looks_like_code(text):
                continue
            d = detect_language(text)
            routed = self.route(text, d.code if d.supported else "en", mode, ctx)
            if routed.kind == "multi" and routed.parts:
                routed = routed.parts[-1]
            if routed.answers:
                ctx = routed
            elif routed.kind == "none" and routed.qvec is not None:
                # the earlier question found no answer of its own, but its closest example question still tells
                # what the conversation is about ("bwi mi pie mi seçsin" -> the technical profiles): a follow-up
                # is read against that section
                best = max(self.questions.match(text, routed.qvec), key=lambda m: m.dense, default=None)
                if best is not None and best.dense >= CONTEXT_TOPIC_MIN:
                    ctx = Route(
                        "section",
                        text=text,
                        article=best.article,
                        section=best.section,
                        qvec=routed.qvec,
                        confidence=best.dense,
                    )
        return ctx

    def route(self, question: str, lang: str, mode: Mode = "fused", context: Route | None = None) -> Route:
        """Where ``question`` leads: activities, one section/record/document, two of them, a clarification, none."""
        if context is not None and context.kind == "schools":
            # "and in Delft?" after the mbo schools near Den Haag: the same field near the new place; anything else
            # is read as a new question (a list of schools is no topic to read a follow-up against)
            again = self._schools_again(question, lang, context)
            if again is not None:
                return again
            context = None
        routed = self._route_question(question, lang, mode, context)
        routed = self._school_list_route(question, lang, routed)
        if routed.kind == "section" and routed.article == PAY_ARTICLE and mode != "bm25" and asks_pay(question):
            # "what can you earn as a welder?", "elektrikçi olmak için kaç yıl, maaşlar nasıl": pay in techniek (the
            # reports give no amounts), then the job the question names by its everyday name: what it is and how to
            # train for it (a follow-up "and how long is the training?" then reads that job)
            job = self._plain_record(question, lang, None, None, self.query_vector(question))
            if job is not None and job[1] and job[0].kind == "beroep":
                card = Route(
                    "record", text=question, hit=job[0], qvec=routed.qvec, confidence=routed.confidence, pay_said=True
                )
                routed = Route("multi", text=question, parts=[routed, card], context=context)
        if (
            routed.kind == "record"
            and routed.hit is not None
            and routed.hit.kind == "beroep"
            and _FOR_GIRLS.search(fold(question))
        ):
            # "corka chce byc elektrykiem, czy to w ogole praca dla dziewczyny?": the worry is answered first (yes,
            # techniek is for girls too, and how few choose it), then the job itself
            girls = Route("section", text=question, article=GIRLS_ARTICLE, section=GIRLS_SECTION, confidence=1.0)
            routed = Route("multi", text=question, parts=[girls, routed], context=context)
        domain = other_domain(question)
        if domain not in ASIDE_DOMAINS or overrides_instructions(question):
            return routed
        if routed.kind == "none":
            # a worry beside the question ("he has asthma, can he still become an electrician?"): the rest of the
            # question is answered when it is ours, the worry is named after the answer (see reply)
            rest = without_aside(question)
            if rest is None:
                return routed
            routed = self._route_question(rest, lang, mode, context)
        if routed.kind in ("section", "record"):
            routed.aside = domain
        return routed

    def _school_list_route(self, question: str, lang: str, routed: Route) -> Route:
        """ "Which mbo schools in Den Haag have ICT?": the schools near the place that give the field's opleidingen,
        not the ICT article (which names no school). The field is the article the question reached (ICT, the port,
        the energy transition), else techniek as a whole; a beroep or opleiding the question names keeps its own
        card, which lists its schools nearest the place first. In a two-part question only the part that asks for
        schools becomes the list ("jakie są szkoły mbo w Den Haag z techniką i jak daleko trzeba dojeżdżać?")."""
        if routed.kind == "multi":
            # ... the part whose own words ask for schools (a part may carry the whole question: the shortest)
            asking = [p for p in routed.parts if asks_school_list(p.text or question, lang)]
            if asking:
                part = min(asking, key=lambda p: len(p.text))
                schools = self._school_list_route(part.text or question, lang, part)
                if schools.kind == "schools":
                    schools.place = schools.place or find_place(self.kb, question)
                    routed.parts = [schools, *(p for p in routed.parts if p is not part)]
            return routed
        if routed.kind not in ("section", "none", "record") or not asks_school_list(question, lang):
            return routed
        place = find_place(self.kb, question)
        if place is None or place.lat is None or place.lon is None:
            return routed
        if place.soort == "campus":
            # "we live near the biotech campus in Delft, is there an mbo there yet?": the campus article answers
            return routed
        if not names_mbo(question) and (place.naam == ZUID or profiel_codes(question)):
            # "which school on Zuid offers it?", "в якій школі на Zuid можна вчити MVI?": Zuid's vmbo schools and
            # their profielen, which the articles on Zuid answer; the mbo list needs the word mbo there
            return routed
        schools = Route("schools", text=question, place=place, qvec=routed.qvec, confidence=1.0)
        sector = sector_named(question)
        if sector is not None:
            # "syn chce być fryzjerem, jakie szkoły mbo koło dordrecht?": our courses are technical; the schools that
            # also teach that field (scholen.yaml), said as such - never technical courses as if they were it
            schools.sector = sector
            return schools
        record = self._school_record(question, lang, routed)
        if record is not None:
            # "my daughter wants to be an electrician, which mbo schools near spijkenisse have that?": the job's or
            # course's own route, at the schools near the place
            schools.courses, schools.field_name = record
            return schools
        field = self._school_field_article(question, lang, routed)
        if field is not None:
            schools.richtingen = ARTICLE_RICHTINGEN[field]
            schools.field_name = t(f"assistant.veld_{field}", lang)
            return schools
        named = richtingen_named(question)
        if named:
            # "gouda civarında inşaat (bouw) okulu var mı": the richting by its word; the heading names it
            schools.richtingen = named
            schools.field_name = format_list([t(f"assistant.richting_{r}", lang) for r in named], lang)
            return schools
        if names_techniek(question) or not self._names_other_field(question, lang, place):
            # "which mbo schools with techniek are there in Delft?", "wat voor mbo scholen zijn er in schiedam?":
            # every technical course, the heading says techniek
            schools.field_name = t("assistant.veld_techniek", lang)
            return schools
        if routed.kind == "section" and routed.confidence >= EXAMPLE_STRONG:
            # a question an article answers closely, with words we do not read as a field: the article answers
            return routed
        # "beveiliging, which mbo near Zuid?": a field we know no course of; said plainly, with who knows
        schools.unknown_field = True
        return schools

    def _school_record(self, question: str, lang: str, routed: Route) -> tuple[tuple[str, ...], str] | None:
        """The opleidingen of the job or course a school question names (a beroep's mbo route; an opleiding with the
        route of its first beroep), and its Dutch name for the heading; None when it names none."""
        # a job named by its everyday name ("electrician") first: the card route may have gone on to the first
        # course of its route (an Entree course), whose own first job is another one; a hobby or description word
        # ('computers') names the field better than one record
        qvec = routed.qvec if routed.qvec is not None else self.query_vector(question)
        found = self._plain_record(question, lang, None, None, qvec, wants=True)
        hit = found[0] if found is not None and found[1] else None
        if hit is None and routed.kind == "record" and routed.hit is not None:
            hit = routed.hit
        if hit is None or hit.kind not in ("beroep", "opleiding"):
            return None
        kind, rid = hit.source.split(":", 1)
        if kind == "beroep" and (b := self.kb.beroepen.get(rid)) is not None:
            return tuple(o for o in b.mbo_route if o in self.kb.opleidingen), b.naam
        o = self.kb.opleidingen.get(rid)
        if o is None:
            return None
        first = self.kb.beroepen.get(o.beroepen[0]) if o.beroepen else None
        route = [rid, *(x for x in (first.mbo_route if first is not None else []) if x in self.kb.opleidingen)]
        return tuple(dict.fromkeys(route)), (first.naam if first is not None else o.naam)

    def _school_field_article(self, question: str, lang: str, routed: Route) -> str | None:
        """The field article (ICT, the port, the energy transition) a school question is about: the one it reached,
        or the one whose example question is the closest of all, when the question shares words with it."""
        field = routed.article if routed.kind == "section" else None
        if field not in ARTICLE_RICHTINGEN:
            matches = self.questions.match(
                question, routed.qvec if routed.qvec is not None else self.query_vector(question)
            )
            closest = max((m.dense for m in matches), default=0.0)
            fields = [m for m in matches if m.article in ARTICLE_RICHTINGEN and m.dense >= closest - FIELD_MARGIN]
            field = max(fields, key=lambda m: m.dense).article if fields else None
        if field is None:
            return None
        # ... and only when the question uses a word of that article ("kapper in Dordrecht" is close to the ICT
        # examples by its school words alone)
        support = max(self.support(question, lang, field, k.id) for k in self.kb.artikelen[field].kort)
        return field if support >= FIELD_SUPPORT else None

    def _names_other_field(self, question: str, lang: str, place: Place) -> bool:
        """Whether a school question names a field of its own besides schools and the place: a rare word of the
        question ("beveiliging") that is no school word; "wat voor mbo scholen zijn er in schiedam?" names none."""
        text = fold(question)
        for name in (place.naam, place.query):
            text = text.replace(fold(name), " ")
        words = [
            w
            for w in content_words(text, lang)
            if not names_school(w) and not names_mbo(w) and not _NEAR_WORDS.search(w)
        ]
        return any(
            self.index.idf(tok) >= OWN_WORD_MIN_IDF
            for tok in query_tokens(" ".join(words), lang)
            if tok not in self._question_words and len(tok) >= 5
        )

    def _schools_again(self, question: str, lang: str, context: Route) -> Route | None:
        """A short follow-up that names another place after a list of schools ("en in Delft?", "a w Delfcie?")."""
        place = find_place(self.kb, question)
        if place is None or place.lat is None or len(content_words(question, lang)) > KEEP_WORDS:
            return None
        # the same field (its courses, heading, a sector outside techniek), near the new place
        return dataclasses.replace(context, text=question, place=place, context=context, parts=[], hits=[])

    def _route_question(self, question: str, lang: str, mode: Mode, context: Route | None) -> Route:
        if overrides_instructions(question):
            return Route("none", text=question)  # declined as a whole, also the half that looks like a question
        after_activities = context is not None and context.kind == "activities"
        activity = parse_activity_question(self.kb, question, followup=after_activities)
        if activity is None and after_activities:
            # "en in leidschendam-voorburg? daar wonen we eigenlijk": a remark after the new place is no new question;
            # the follow-up is read without it (a second real question, "... ? wat kost dat", is not dropped)
            parts = split_question(question, lang)
            if len(parts) == 2 and not asks_question(parts[1], lang):
                activity = parse_activity_question(self.kb, parts[0], followup=True)
        if activity is not None and self._has_documents and mode != "bm25":
            # "op welke dag is de drone workshop?" may be about an event in the user's own documents
            own = self.index.search(
                question, k=1, filters={"kind": "document"}, lang=lang, qvec=self.query_vector(question)
            )
            # without a place the list is a weak reading of the question: a document needs less to win
            needed = DOCUMENT_ACTIVITY if activity.place is not None else DOCUMENT_ACTIVITY - 0.05
            if own and (own[0].dense or 0) >= needed:
                activity = None
        if activity is not None and not after_activities and mode != "bm25":
            # "until when must I enrol him at the mbo? must I come along to the open days too?": the first question
            # is ours and answered closely; the open day in the worry beside it asks for no list of open days
            halves = split_question(question, lang)
            half_activity = parse_activity_question(self.kb, halves[1]) if len(halves) == 2 else None
            if (
                len(halves) == 2
                # "... is there one in Delft?", "... any for electrical engineering?" does ask for the list
                and (half_activity is None or (half_activity.place is None and not half_activity.branches))
                and asks_question(halves[0], lang)
                and parse_activity_question(self.kb, halves[0]) is None
            ):
                opening = self._route_one(halves[0], lang, mode, context)
                if opening.kind in ("section", "record") and opening.confidence >= EXAMPLE_STRONG:
                    activity = None
        if activity is not None:
            if (
                after_activities
                and context is not None
                and context.activity is not None
                and is_followup(question, lang)
            ):
                activity = context.activity.merged(activity)
            return Route("activities", text=question, activity=activity, context=context)
        parts = split_question(question, lang)
        if len(parts) == 2 and figure_tail(parts[1], lang):
            parts = [question]  # "... is it true? how many percent": one question that asks for a figure
        if len(parts) == 2:
            # a remark after the question ("... ? не розумію ці скорочення", "... ? syn nie ma dyplomu") is no second
            # question: it is not answered with another article (a glued paragraph) nor reported as not found
            remark = not asks_question(parts[1], lang)
            first = self._route_one(parts[0], lang, mode, context)
            if remark and first.answers:
                # the remark still tells which part of the article the parent needs ("what is Entree? my son has no
                # vmbo diploma": the section on who goes to Entree), not another article
                return self._with_remark(first, question, lang, mode, remark=parts[1])
            liked = asks_profiel(parts[1], lang) and not asks_profiel(parts[0], lang) and context is None
            job = first.kind == "record" and first.hit is not None and first.hit.kind == "beroep"
            if (liked or job) and asks_profiel(parts[1], lang):
                # "... gamet de hele dag, kan ie daar wat mee in de techniek? welk profiel moet hij kiezen": what the
                # child likes (or the job the first half names) is in the first half, the profiel question in the
                # second; read whole, the profiel that leads to that work answers (MVI for games): after a job
                # always, else when the words name a profiel or a field's own profiel section
                whole = self._route_one(question, lang, mode, context)
                if (job and whole.answers) or (
                    liked and whole.kind == "section" and (whole.profiel is not None or self._is_field_profiel(whole))
                ):
                    return whole
            if followup_concept(parts[1], lang) == "work" and self._says_job_chances(first):
                # "... wants to be a programmer, what can he learn at mbo and will there be work?": the beroep's
                # answer ends with its job chances (the report that names it), which answers the second part
                return first
            # the second part reads the first as its context when it cannot stand alone ("... stage yeri
            # bulamiyor? nereye sikayet ederiz")
            second = self._route_one(parts[1], lang, mode, first if first.answers else context, second_part=True)
            answered = [p for p in (first, second) if p.answers]
            if (
                first.answers
                and second.answers
                and second.topic != first.topic
                and len(content_words(parts[1], lang)) <= 1
                and not in_domain(parts[1], self._domain_names)
                # ... not one that asks something of its own: how long, how many, pay, work, what to do, where
                and not (
                    asks_duration(parts[1], lang)
                    or asks_number(parts[1], lang)
                    or asks_pay(parts[1])
                    or followup_concept(parts[1], lang)
                    or asks_action(parts[1], lang)
                    or asks_where(parts[1], lang)
                )
            ):
                # "... havo'ya geçebilir mi? nasıl oluyor" (how does that work?): a second question of one everyday
                # word asks about the first half's answer; what that word alone comes near elsewhere is no second topic
                return first
            if first.answers and not second.answers and refers_back(parts[1], lang):
                # "... do we have to do that ourselves": about the first half's topic, and no part of it answers
                # more; the first half's answer stands alone (not a paragraph found for the whole text)
                return first
            if len(answered) == 2 and (first.topic == second.topic or remark):
                return first
            fields = [p for p in answered if p.kind == "section" and self._is_field_profiel(p)]
            general = [p for p in answered if p.kind == "section" and p.article in (PROFIEL_ARTICLE, PROFIELEN_ARTICLE)]
            if len(answered) == 2 and len(fields) == 1 and len(general) == 1:
                # "tata pracuje w porcie, ... jaki profil na vmbo i jaka szkola mbo potem?": the port's section names
                # its profielen and its mbo school; the general list of profielen for the other half adds nothing
                return fields[0]
            if len(answered) == 1:
                # one part found nothing on its own (too few words, typed without its letters' marks): the whole
                # question may still lead to what that part asked, next to the part that did answer
                whole = self._route_one(question, lang, mode, context)
                if answered[0] is second and whole.kind in ("section", "record") and whole.topic == second.topic:
                    # the first half set the scene for the second ("is a presentation enough or should she build
                    # things herself? what works best ...") and the whole reads as the second's topic: one answer,
                    # not "about the other part I found nothing" after an answer that covers it
                    return second
                if whole.kind in ("section", "record") and whole.topic != answered[0].topic:
                    # the closer reading first: the whole question's, unless the part that answered is closer
                    ordered = sorted([whole, answered[0]], key=lambda r: -r.confidence)
                    return Route("multi", text=question, parts=ordered, context=context)
            if first.answers and not second.answers and len(content_words(parts[1], lang)) <= 1:
                # "... ? czy warto" (is it worth it?): a one-word second question that finds nothing of its own, and
                # that the whole question does not lead elsewhere, is read with the first half's answer, not
                # reported as a part without an answer
                return first
            if answered:
                if remark:
                    return answered[0]
                return Route("multi", text=question, parts=[first, second], context=context)
        return self._route_one(question, lang, mode, context)

    def _with_remark(self, first: Route, question: str, lang: str, mode: Mode, remark: str = "") -> Route:
        """``first`` (the question before a remark) with the section of its article that the whole text asks about."""
        if first.kind != "section" or first.article is None or mode == "bm25" or asks_number(question, lang):
            return first
        matches = self.questions.match(question, self.query_vector(question))
        section = self._wordier_section(first.article, first.section, question, lang, matches)
        if section == first.section and remark:
            told = max(self.questions.match(remark, self.query_vector(remark)), key=lambda m: m.dense, default=None)
        else:
            told = None
        whole: dict[str | None, float] = {m.section: m.dense for m in matches if m.article == first.article}
        if (
            told is not None
            and told.article == first.article
            and told.section != first.section
            and told.dense >= STAY_MIN
            # ... and the whole text agrees ("в якій школі на Zuid можна вчити MVI? син хоче щось з комп'ютерами"
            # asks where MVI is taught: the remark about computers does not move it to the ICT courses)
            and whole.get(told.section, 0.0) >= whole.get(first.section, 0.0)
        ):
            # "... hoe help ik hem kiezen? die brieven van school snap ik niet": the remark on its own is closest to
            # another section of the same article (help with the language), which tells what the parent needs; that
            # section's example is about the whole, so its short answer reads in its own order
            first.section = told.section
            return first
        if section is not None and section != first.section:
            first.section, first.detail = section, True
        return first

    def _route_one(self, text: str, lang: str, mode: Mode, context: Route | None, second_part: bool = False) -> Route:
        qvec = self.query_vector(text) if mode != "bm25" else None
        alone = self._decide(text, lang, mode, qvec)
        followup = is_followup(text, lang)
        cost = asks_cost(text) and len(text.split()) <= COST_FOLLOWUP_WORDS
        if context is not None and context.kind == "activities" and ((followup and not self._strong(alone)) or cost):
            # "is it free?", "for which age?" after a list of activities: about the activities just listed
            listed = self._listed_activity(text, lang, context, qvec)
            if listed is not None:
                return listed
        if context is None or context.kind not in ("section", "record", "document"):
            return alone
        # the second half of a two-in-one question that points back ("... kan je daar een mbo opleiding voor doen",
        # "... kto w tym pomaga") is about the first half's topic, not about whatever its few own words match
        back = second_part and refers_back(text, lang)
        if back and context.kind == "section" and qvec is not None:
            stay = self._stayed_topic(text, lang, self.questions.match(text, qvec), context, alone)
            if stay is not None and not self._names_own_topic(text, lang, alone, stay):
                return stay
            if stay is None and (alone.kind == "none" or alone.kind == "section" and alone.confidence < EXAMPLE_STRONG):
                # "... do we have to do that ourselves": no section of the first half's article fits its few words,
                # and what they match elsewhere is not close: it adds no topic of its own (the first half answers)
                return Route("none", text=text, qvec=qvec, hits=alone.hits)
        if context.kind == "record" and (
            followup
            or back
            or (not second_part and not alone.answers and len(content_words(text, lang)) <= STAY_WORDS + 2)
            # "how many years does it take to learn that?" after a beroep: about its training, whatever else matches
            or (not second_part and asks_training(text, lang) and len(content_words(text, lang)) <= STAY_WORDS + 3)
        ):
            # a short question after a beroep that finds nothing alone ("kaç yıl okuması lazım?") leans on it too
            kept = self._record_followup(text, lang, context, alone, qvec)
            if kept is not None:
                return kept
        if (
            followup
            and context.kind == "record"
            and context.hit is not None
            and context.hit.kind == "initiatief"
            and not self._strong(alone)
            and other_domain(text) is None
        ):
            # "ولأي عمر هو؟" (for what age is it?) after one activity: who it is for, what it costs, where it is are
            # facts of that activity, not of whatever article the few words come close to. An article section that
            # names the activity says them in the parent's language ("Port Rangers ... basisschoolleerlingen ...
            # gratis"); without one, the activity itself answers
            naming = self._section_naming(context.hit.source)
            if naming is not None:
                return self._same_section(text, qvec, context, article=naming[0], section=naming[1])
            return Route(
                "record",
                text=text,
                hit=context.hit,
                qvec=qvec,
                context=context,
                confidence=context.confidence,
            )
        if followup and not second_part and context.kind == "section" and mode != "bm25":
            # "a w ilu szkołach na Zuid to jest?" after what PIE is: which schools in a place teach the profiel just
            # named is the question that names both, and goes where that question goes (the schools on Zuid), not to
            # what profielen are, which the pointing word keeps it on
            placed = self._place_school_followup(text, lang, context, mode)
            if placed is not None:
                return placed
        if followup and context.kind in ("section", "record") and self._only_place(text, lang):
            # "a z Delft?" after travel times from Rotterdam: the same topic for another place (the travel figures
            # are read from the follow-up's place when the answer is written)
            return Route(
                context.kind,
                text=text,
                article=context.article,
                section=context.section,
                hit=context.hit,
                qvec=qvec,
                context=context,
                confidence=context.confidence,
            )
        if followup and context.kind == "section" and self._names_listed_profiel(text, lang, context):
            # "peki MVI hangisinde?" after which vmbo schools on Zuid teach techniek: the section just read says it
            # for each profiel ("MVI is at the Focus Beroepsacademie"), not what the profiel name alone comes close to
            return self._same_section(text, qvec, context)
        if followup and context.kind == "section" and self._other_member(text, lang, context):
            # "а з MaT?" after "how many PIE pupils go on in techniek?": the same figure for another profiel, group
            # or track that the section just read gives too, not what the name alone comes close to (what MaT is)
            return self._same_section(text, qvec, context)
        if (
            not second_part
            and context.kind == "section"
            and context.article is not None
            and asks_number(text, lang)
            # ... or "a ilu z nich idzie dalej w technike?" (how many of them) after the profiel for solar panels
            and (same_situation(text, lang) or of_them(text, lang))
            and other_domain(text) is None
        ):
            # "how many children on Zuid are in that situation?" after "our school has no technology profile": the
            # figure the conversation's article gives for the situation it describes (41% of the pupils on Zuid), not
            # what the figure's few words (children, Zuid) come close to elsewhere
            matches = self.questions.match(text, qvec) if qvec is not None else []
            section = self._section_for(context.article, text, lang, matches, keep=context.section, about=context.text)
            if section is not None and self._section_figure(context.article, section):
                return self._same_section(text, qvec, context, section=section)
        if followup and not second_part and context.kind == "section":
            # "and with bbl is it any better?" after migrant kids' trouble finding a placement, "a często tak jest u
            # dzieci z rodzin migrantów?" after a too-low school advice: the conversation's question again, for a
            # group it did not name; the section that gives that group's figure on the same topic answers, not the
            # article about the group itself (about BBL) that the bare word comes close to
            grouped = self._group_followup(text, lang, context, qvec)
            if grouped is not None:
                return grouped
        if self._field_profiel_followup(text, lang, context, followup or second_part):
            # "which vmbo profile should he pick for that?" after the kinds of work in the port: the profiel that leads
            # to the field just explained (its article names it), not what profielen are in general, which the
            # words 'vmbo profile' alone come closest to (the same rule as a question that names the field itself)
            assert context.article is not None
            return Route(
                "section",
                text=text,
                article=context.article,
                section=self._field_profielen[context.article][0],
                qvec=qvec,
                context=context,
                confidence=context.confidence,
                hits=alone.hits,
            )
        if not followup and not (second_part and not alone.answers):
            if (
                not second_part
                and not alone.answers
                and context.kind == "section"
                and qvec is not None
                and other_domain(text) is None
            ):
                # a full question inside a conversation that finds nothing on its own ("what if he fails halfway,
                # is there a backup?" after continuous routes): it stays on the conversation's article when a
                # section of that article is close to its own words; otherwise it is declined as before
                stay = self._stayed_topic(text, lang, self.questions.match(text, qvec), context, alone)
                if stay is not None:
                    return stay
            return alone
        own: list[SectionMatch] = []
        if context.kind == "section" and context.article is not None and qvec is not None:
            own = self.questions.match(text, qvec)
        # a follow-up: its own words, with the earlier question's meaning mixed into the vector
        if qvec is not None and context.qvec is not None:
            joined_vec = vector_mean(CONTEXT_WEIGHT * context.qvec, (1 - CONTEXT_WEIGHT) * qvec)
            joined = self._decide(
                text, lang, mode, joined_vec, anchor_text=f"{context.text} {text}", prefer=context.article
            )
        else:  # bm25-only: the words of both questions
            joined_vec = None
            joined = self._decide(f"{context.text} {text}", lang, mode, None, prefer=context.article)
        joined.text, joined.qvec, joined.context = f"{context.text} {text}", joined_vec, context
        concept = followup_concept(text, lang) if followup and own and not second_part else None
        if concept is not None and context.kind == "section" and other_domain(text) is None:
            # "а там студентам платять?" after BOL, "and does he find work easily after the diploma?" after dirty
            # work: the follow-up names pay or finding work, which the example questions of many articles come about
            # equally close to; a section that speaks of it answers: the conversation's own one first
            spoken = self._concept_section(text, lang, concept, own, context, joined_vec)
            if spoken is not None:
                spoken.qvec, spoken.hits = qvec, alone.hits
                return spoken
        if (
            followup
            and own
            and context.kind == "section"
            and compares_two(text, lang)
            and max((m.dense for m in own if m.article == context.article), default=0.0)
            >= max(m.dense for m in own) - COMPARE_MARGIN
        ):
            # "which of the two finds work more easily?" compares the things just explained: the conversation's
            # article answers (its section on that), not an example elsewhere about finding work; one whose own
            # words are clearly closer to another article ("which one is better to go on to hbo?") is read as before
            stay = self._stayed_topic(text, lang, own, context, joined)
            if stay is not None:
                stay.qvec, stay.hits = qvec, alone.hits
                return stay
        if (
            followup
            and not second_part
            and own
            and context.kind == "section"
            and self._next_step_here(text, lang, context)
            and not self._own_new_topic(text, lang, own, context, joined)
        ):
            # "а куди потім після vmbo?" after the profiel for the port: the next step in the field just explained
            # (the port's mbo school), not the school system in general that its few words match more closely
            stay = self._stayed_topic(text, lang, own, context, joined, next_step=True)
            if stay is not None:
                stay.qvec, stay.hits = qvec, alone.hits
                return stay
        if (
            followup
            and own
            and not second_part
            and context.kind == "section"
            and max(m.dense for m in own) < VERY_STRONG
            and self._points_back(text, lang)
            and self._names_part_here(text, lang, context)
        ):
            # "bbl de de aynı sorun var mı?" (the same problem with BBL too?) after stage discrimination points back
            # and names a school thing the conversation's article speaks of (its BBL figures): that part of the
            # article answers, not the article about BBL that its word 'bbl' comes close to (checked before a move:
            # the article about BBL is closer to its words than the section on BBL placements)
            stay = self._stayed_topic(text, lang, own, context, joined, minimum=POINTED_STAY_MIN)
            if stay is not None:
                stay.qvec, stay.hits = qvec, alone.hits
                return stay
        moved = self._moved_topic(text, lang, own, context, joined) if followup and own else None
        if moved is not None:
            # the follow-up leaves the conversation's article: for the article the two questions read together
            # choose when the conversation itself pulls towards it ("وبالنسبة للراتب؟" after dirty work: pay in
            # technology, not the first salary after hbo), not when the follow-up's own words already decided
            pulled = self._pulled_article(text, own, joined, joined_vec, moved, context)
            if pulled is not None:
                moved = Route(
                    "section",
                    text=text,
                    article=pulled.article,
                    section=self._section_for(pulled.article, text, lang, own),
                    confidence=pulled.dense,
                )
            moved.qvec, moved.context, moved.hits = qvec, context, alone.hits
            return moved
        if not followup:
            # the second half of a two-in-one question that found nothing alone: the first half's article
            # answers it when the two read together stay there ("stage yeri bulamiyor? nereye sikayet ederiz"),
            # otherwise it stays unanswered (the whole question is read next)
            if joined.kind == "section" and joined.article == context.article and own:
                stay = self._stayed_topic(text, lang, own, context, joined)
                return stay if stay is not None else joined
            return alone
        own_best = own[0].article if own else None
        mine = next((m for m in own if m.article == context.article), None)
        if (
            own
            and joined.kind == "section"
            and joined.article != context.article
            and mine is not None
            and mine.dense >= max(m.dense for m in own) - SHIFT_DENSE
        ):
            # the follow-up's own words are as close to the conversation's article as to any other (it did not move):
            # it stays there ("bbl ile de olur mu?" after hbo after mbo: the hbo article's section on BBL)
            stay = self._stayed_topic(text, lang, own, context, joined)
            if stay is not None:
                return stay
        if (
            own
            and not second_part
            and context.kind == "section"
            and joined.article != context.article
            and joined.confidence < EXAMPLE_STRONG
            and max(m.dense for m in own) < EXAMPLE_STRONG
            and self._points_back(text, lang)
            and (joined.article is None or self._points_back_only(text, lang, joined, context))
            # "blijft dat ieder jaar gelijk?" asks about a word of the section just read: that section answers (below)
            and not self._asks_about_section(text, lang, context)
        ):
            # "وهاد كمان لولاد الابتدائي؟" (is this also for primary-school kids?) points back at what was just
            # explained and nothing else is close to its few words: it asks about that thing (for whom, how long),
            # even when no example of the conversation's article is close either; its words choose the section
            stay = self._stayed_topic(text, lang, own, context, joined, minimum=POINTED_STAY_MIN)
            if stay is not None:
                return stay
        if (
            own
            and joined.kind == "section"
            and joined.article not in (context.article, own_best)
            # "а це оплачується?" points back at the conversation's topic: it drifts only to a very close example or
            # to an article that holds a rare word of its own ("a co to jest to NaSk?")
            and joined.confidence
            < (VERY_STRONG if self._points_back_only(text, lang, joined, context) else EXAMPLE_STRONG)
        ):
            # the mixed reading drifted to a third article that neither the conversation nor the follow-up's
            # own words lead to ("and which mbo school would that be?" after the port): stay on the conversation
            stay = self._stayed_topic(text, lang, own, context, joined)
            if stay is not None:
                return stay
        if joined.kind == "section" and own and joined.article == context.article:
            # on the conversation's article, the follow-up's own words choose the section ("en als het niet lukt?")
            stay = self._stayed_topic(text, lang, own, context, joined)
            return stay if stay is not None else joined
        if joined.kind in ("section", "record", "document"):
            return joined
        if alone.kind in ("section", "record") and alone.confidence >= EXAMPLE_STRONG:
            return alone
        names_something = (
            in_domain(text, self._domain_names)
            or len(content_words(text, lang)) >= STAY_WORDS
            # one rare word of its own is a sub-topic too ("en krijgt hij dan ook betaald?" after BOL and BBL); the
            # second half of a two-in-one question is read with the whole question instead
            or (
                not second_part
                and any(
                    self.index.idf(tok) >= OWN_WORD_MIN_IDF
                    for tok in query_tokens(" ".join(content_words(text, lang)), lang)
                    if tok not in self._question_words and len(tok) >= 5
                )
            )
        )
        if own and names_something and not self._points_back(text, lang):
            # the mixed reading found nothing, but the follow-up says something of its own (a word of our domain or
            # a few content words) close to a section of the conversation's article ("a z matma mu pomoga?");
            # "is dat moeilijk?" points back at the earlier answer itself, "en verder?" says nothing: a
            # clarifying question
            stay = self._stayed_topic(text, lang, own, context, joined)
            if stay is not None:
                return stay
        if self._asks_about_section(text, lang, context):
            # "blijft dat ieder jaar gelijk?" points back at the section just read, and that section speaks of its
            # words (the rules "can change from year to year"): the same section answers, its sentence on it first
            return self._same_section(text, qvec, context)
        return Route(
            "clarify",
            text=text,
            candidates=[context.article] if context.article else [],
            context=context,
            hits=joined.hits,
        )

    def _moved_topic(
        self, text: str, lang: str, own: list[SectionMatch], context: Route, joined: Route | None = None
    ) -> Route | None:
        """A follow-up that names a new sub-topic ("and does it pay?" after dirty work, "hoe lang duurt dat?"
        after BBL): the article its own words match best, when that one is clearly closer than the
        conversation's article by example question AND shares clearly more of its words; else None."""
        if other_domain(text) is not None:
            return None
        best = best_per_article(own)
        if not best or best[0].article == context.article:
            return None
        new = best[0]
        if self._points_back(text, lang) and (
            new.dense < EXAMPLE_STRONG or (joined is not None and joined.article != context.article)
        ):
            # "is dit moeilijk?" points back at the conversation's topic and names no new one; "а платять там
            # нормально?" points back too ("там") but its own words match another article's example closely (pay),
            # and the two questions read together do not lead anywhere else (when they do, that reading answers)
            return None
        if (
            joined is not None
            and joined.kind == "section"
            and joined.article == context.article
            and joined.confidence >= new.dense
            and len(content_words(text, lang)) <= KEEP_WORDS
            and says_also(text, lang)
        ):
            # "en als ie bbl doet ook?" after going on to hbo: a few words that ask the same again ('also') and, read
            # with the earlier question, stay on its article at least as closely as they alone come to another one
            # ('doet BBL' in the ICT figures); "a zarobki?" after dirty work names a topic of its own and moves
            return None
        here = next((m for m in best if m.article == context.article), None)
        here_dense, here_chars = (here.dense, here.chars) if here is not None else (0.0, 0.0)
        if new.dense < STAY_MIN or new.dense - here_dense < SHIFT_DENSE:
            return None
        assert context.article is not None
        art = self.kb.artikelen[context.article]
        here_support = max((self.support(text, lang, context.article, k.id) for k in art.kort), default=0.0)
        new_support = self.support(text, lang, new.article, new.section)
        words_more = new_support - here_support >= SHIFT_SUPPORT
        # more shared characters alone ('скільки ... у школі' in an example about another article) do not move a
        # follow-up whose rarer words the conversation's article holds better
        chars_more = new.chars - here_chars >= SHIFT_CHARS and new_support >= here_support
        # "а після нього можна в hbo?" after the mbo levels: it names a school level the conversation did not, and
        # an example about that level is close: the article about it answers (going on to hbo), not a section of the
        # levels article that shares the words 'after' and 'can'
        levels = (school_terms(text) - school_terms(context.text)) & (SCHOOL_LEVELS - {"mbo", "vmbo"})
        named_level = (
            # ... the article about that level (its title names it: "Na het mbo doorleren op het hbo")
            bool(levels & school_terms(self.kb.artikelen[new.article].titel.get("nl", "")))
            and new.dense >= EXAMPLE_STRONG
            # ... when the two questions read together stay on the conversation's article (when they lead elsewhere,
            # "which of BOL and BBL is better to go on to hbo later?", that reading answers)
            and (joined is None or joined.article == context.article)
        )
        # "وبعدها كم سنة بيدرس بالـ mbo؟" (and after that, how many years of mbo?) after the profielen: a question how
        # long that the follow-up's own closest section answers (its examples ask how long), not the school system
        duration = asks_duration(text, lang) and self._examples_ask(new.article, new.section, asks_duration)
        if not (words_more or chars_more or named_level or duration):
            return None
        section = self._section_for(new.article, text, lang, own)
        return Route("section", text=text, article=new.article, section=section, confidence=new.dense)

    def _pulled_article(
        self,
        text: str,
        own: list[SectionMatch],
        joined: Route,
        joined_vec: np.ndarray | None,
        moved: Route,
        context: Route,
    ) -> SectionMatch | None:
        """The follow-up's own best section in the article of the joined reading, when that article is not the
        conversation's nor the one the follow-up moved to, and mixing the earlier question into the vector brings
        its examples clearly closer than those of the moved-to article (the conversation pulls there); else None."""
        if joined.kind != "section" or joined.article in (context.article, moved.article) or joined_vec is None:
            return None
        alone = {m.article: m for m in best_per_article(own)}
        together = {m.article: m for m in best_per_article(self.questions.match(text, joined_vec, use_chars=False))}
        there, here = joined.article or "", moved.article or ""
        if not all(a in alone and a in together for a in (there, here)):
            return None
        gain_there = together[there].dense - alone[there].dense
        gain_here = together[here].dense - alone[here].dense
        if together[there].dense >= together[here].dense and gain_there - gain_here >= PULL_MARGIN:
            return alone[there]
        return None

    def _record_followup(
        self, text: str, lang: str, context: Route, alone: Route, qvec: np.ndarray | None
    ) -> Route | None:
        """A follow-up after a beroep or opleiding ("how long is that training?", "bbl mi bol mu?", "which school
        teaches it?"): the conversation's record stays the topic, unless the follow-up names another record or an
        example question of an article matches its own words closely (it names that article's subject: "and what
        do you earn in that job?"). After a beroep the answer is its opleiding closest to the two questions (how
        long, where, BOL/BBL are facts of the opleiding); None when the follow-up leaves the record."""
        hit = context.hit
        if hit is None or hit.kind not in ("beroep", "opleiding") or other_domain(text) is not None:
            return None
        if alone.kind == "record" and alone.hit is not None and alone.hit.source != hit.source:
            return None

        def same_record(chances: bool = False, durations: bool = False) -> Route:
            # the conversation's beroep again, for its job chances or its training's length
            return Route(
                "record",
                text=f"{context.text} {text}",
                hit=hit,
                qvec=qvec,
                context=context,
                confidence=context.confidence,
                chances=chances,
                durations=durations,
            )

        if followup_concept(text, lang) == "work" and self._says_job_chances(context):
            # "en hoeveel kans heeft hij op werk na zn diploma?" after the electrician: that job's own chances (the
            # report that names it), not job chances after mbo in general that its words come close to
            return same_record(chances=True)
        if not asks_training(text, lang) and alone.answers:
            # "a ile się zarabia w tym zawodzie?" asks about pay in that job: an article's subject
            return None
        kept = hit
        rid = hit.source.split(":", 1)[1]
        if hit.kind == "beroep" and rid in self.kb.beroepen and asks_duration(text, lang):
            # how long: the beroep's opleidingen, each with its level and length (not one opleiding of one level)
            return same_record(durations=True)
        # only a question about the training moves from the beroep to its opleiding ("mijn neef doet dat" stays)
        beroep = self.kb.beroepen.get(rid) if hit.kind == "beroep" and asks_training(text, lang) else None
        if beroep is not None and qvec is not None:
            routes = [f"opleiding:{o}" for o in beroep.mbo_route if o in self.kb.opleidingen]
            mixed = (
                qvec
                if context.qvec is None
                else vector_mean(CONTEXT_WEIGHT * context.qvec, (1 - CONTEXT_WEIGHT) * qvec)
            )
            found = (
                self.index.search(
                    f"{context.text} {text}", k=1, filters={"source": routes}, mode="dense", lang=lang, qvec=mixed
                )
                if routes
                else []
            )
            if found:
                kept = found[0]
        return Route(
            "record",
            text=f"{context.text} {text}",
            hit=kept,
            qvec=qvec,
            context=context,
            confidence=float(kept.dense or context.confidence),
        )

    @staticmethod
    def _strong(route: Route) -> bool:
        """Whether a question answers well on its own: a record, or a section whose example question is close."""
        return route.kind in ("record", "document") or (route.kind == "section" and route.confidence >= EXAMPLE_STRONG)

    def _only_place(self, text: str, lang: str) -> bool:
        """Whether a follow-up names a place and (almost) nothing else ("en uit Vlaardingen?", "peki Den Haag'dan?")."""
        from retrieval.structured import find_place

        place = find_place(self.kb, text)
        if place is None:
            return False
        names = [w for w in normalise(f"{place.naam} {place.gemeente or ''}").split() if len(w) >= 3]
        rest = [
            w
            for w in content_words(text, lang)
            if not any(normalise(w).startswith(n[:4]) for n in names) and w not in FOLLOWUP_WORDS.get(lang, ())
        ]
        return len(rest) <= 1

    def _other_member(self, text: str, lang: str, context: Route) -> bool:
        """Whether a short follow-up to a figure question names only something else that the section just read
        gives the same figure for ("en bij MVI?" after the share of BWI pupils going on in techniek: its sentence
        lists every profiel's share): its rarest word stands in one of the section's sentences with a figure, and
        the earlier question did not name it already."""
        if context.article is None or context.section is None or not asks_number(context.text, lang):
            return False
        # its own words: not "peki", "а", "en" (a follow-up's opening), which can be rarer than the name it asks about
        own = [w for w in content_words(text, lang) if w not in FOLLOWUP_WORDS.get(lang, ())]
        if not own or len(own) > STAY_WORDS:
            return False
        words = [tok for tok in query_tokens(" ".join(own), lang) if tok not in self._question_words]
        # ... a one-letter word is one only as part of a name ("M&T" is read as 'm' and 't')
        toks = [tok for tok in words if len(tok) >= 2] or [tok for tok in words if tok.isascii() and tok.isalpha()]
        if not toks:
            return False
        rarest = max(toks, key=self.index.idf)
        if rarest in set(query_tokens(context.text, lang)):
            return False
        return any(rarest in window for window in self._figure_window_words(context.article, context.section, lang))

    def _place_school_followup(self, text: str, lang: str, context: Route, mode: Mode) -> Route | None:
        """A follow-up that asks of the vmbo profielen the earlier question named without naming them ("a w ilu
        szkołach na Zuid to jest?", "a ilu uczniów po nim zostaje w technice?" after what PIE is): the follow-up read
        with those profielen ("... PIE") is the question the parent means, and answers when it leads to another
        article: about schools in a place (find_place) the earlier question did not name, an article that names the
        place in its own words; a figure, a section that names those profielen and gives a figure; else None."""
        from retrieval.structured import find_place

        codes = profiel_codes(context.text) - profiel_codes(text)
        if not codes or profiel_codes(text) or other_domain(text) is not None:
            return None
        place = find_place(self.kb, text) if names_school(text) else None
        if place is not None and find_place(self.kb, context.text) is not None:
            return None
        if place is None and not asks_number(text, lang):
            return None
        direct = f"{text} {' '.join(sorted(codes))}"
        dvec = self.query_vector(direct)
        routed = self._decide(direct, lang, mode, dvec)
        if routed.kind != "section" or routed.article is None:
            return None
        parts = self.kb.artikelen[routed.article].kort
        chosen = self._kort_part(routed.article, routed.section)
        if routed.article == context.article:
            # the same article answers only with another section that names both the place and the profielen ("MVI
            # profili nedir?" -> "peki Zuid'de hangi okulda var?": ICT's section on where MVI is taught on Zuid)
            said = chosen.tekst.get("nl", "") if chosen is not None else ""
            if (
                place is None
                or routed.section == context.section
                or fold(place.naam) not in fold(said)
                or not codes <= profiel_codes(said)
            ):
                return None
            routed.text, routed.context = text, context
            return routed
        if place is None:
            # the figure asked is that profiel's ('76% for PIE'), in a section that names it
            if chosen is None or not codes <= profiel_codes(chosen.tekst.get("nl", "")):
                return None
            if not self._section_figure(routed.article, routed.section or ""):
                return None
        else:
            name = fold(place.naam)
            if not any(name in fold(k.tekst.get("nl", "")) for k in parts):
                return None
            # ... in a section that speaks of profielen: one that names these (where PIE is taught), not one that
            # names none (the schools being rebuilt)
            naming = [k.id for k in parts if codes <= profiel_codes(k.tekst.get("nl", ""))]
            if naming and chosen is not None and not profiel_codes(chosen.tekst.get("nl", "")):
                score = {m.section: m.score for m in self.questions.match(direct, dvec) if m.article == routed.article}
                routed.section = max(naming, key=lambda sec: score.get(sec, 0.0))
        routed.text, routed.context = text, context
        return routed

    def _group_followup(self, text: str, lang: str, context: Route, qvec: np.ndarray | None) -> Route | None:
        """A short follow-up that names a group of pupils (groups_named: girls, migrants, BBL, BOL, tl) the earlier
        question did not, and says little else (GROUP_FOLLOWUP_WORDS words besides the group and 'kids'): the
        section that gives a figure for that group, in the conversation's article (the one just read when it does;
        else the one the follow-up's own words match best); when that article has none, the section of another
        article that gives a figure for the earlier question's groups and the new one together (placements of
        migrant youth in BBL), the closest to the two questions read together (GROUP_MARGIN); else None."""
        if context.article is None or qvec is None or other_domain(text) is not None:
            return None
        if asks_action(text, lang) or profiel_codes(text) or asks_why(text):
            return None
        new = groups_named(text) - groups_named(context.text)
        if not new:
            return None
        # a school thing of its own besides the group ('hbo', 'Entree') asks about that thing
        if school_terms(text) - school_terms(context.text) - new - {"mbo", "vmbo"}:
            return None
        # ... its words besides the group, 'kids', a pointing word ("وهذا") and one-letter words ('u', 'z')
        pointing = set(POINTERS.get(lang, ()))
        rest = [
            w
            for w in content_words(text, lang)
            if len(w) >= 2
            and w not in FOLLOWUP_WORDS.get(lang, ())
            and not deictic_words(w, lang) & pointing
            and not groups_named(w)
            and not _YOUNG.search(fold(w))
        ]
        if len(rest) > GROUP_FOLLOWUP_WORDS:
            return None
        # ... and it asks that question again: it names only the group ("and with BBL?"), points back ("hoe zit dat"),
        # compares ("is it any better?", "częściej?") or asks a figure; "are there programmes just for girls?" asks
        # for something of its own
        if rest and not (self._points_back(text, lang) or compares_back(text, lang) or asks_number(text, lang)):
            return None

        def gives(article: str, section: str, groups: frozenset[str]) -> bool:
            return groups <= self._section_groups(article, section, lang) and self._section_figure(article, section)

        own = self.questions.match(text, qvec)
        here = [k.id for k in self.kb.artikelen[context.article].kort if gives(context.article, k.id, new)]
        if here:
            if context.section in here:
                section: str | None = context.section
            else:
                dense = {m.section: m.dense for m in own if m.article == context.article}
                section = max(here, key=lambda s: dense.get(s, 0.0))
            return self._same_section(text, qvec, context, section=section)
        earlier = groups_named(context.text)
        if not earlier or context.qvec is None:
            return None
        joined_vec = vector_mean(CONTEXT_WEIGHT * context.qvec, (1 - CONTEXT_WEIGHT) * qvec)
        read = self.questions.match(text, joined_vec)
        best = max((m.dense for m in read), default=0.0)
        found = max(
            (m for m in read if m.dense >= best - GROUP_MARGIN and gives(m.article, m.section, earlier | new)),
            key=lambda m: m.dense,
            default=None,
        )
        if found is None:
            return None
        return Route(
            "section",
            text=text,
            article=found.article,
            section=found.section,
            qvec=qvec,
            context=context,
            confidence=found.dense,
        )

    def _concept_section(
        self,
        text: str,
        lang: str,
        concept: str,
        own: list[SectionMatch],
        context: Route,
        joined_vec: np.ndarray | None,
    ) -> Route | None:
        """The short-answer section that speaks of ``concept`` (pay, finding work: FOLLOWUP_CONCEPTS) for a follow-up
        naming it: in the conversation's article when it has one (the one the follow-up's own words match best),
        else the closest such section elsewhere by the follow-up's own example match (STAY_MIN at least). A section
        speaks of it when its curated example questions (any language) name it."""
        if school_terms(text) - school_terms(context.text) - {"mbo", "vmbo"}:
            # "a ta gwarancja aandebak to znaczy ze na pewno dostanie prace?": it names a school thing of its own,
            # whose own reading answers (the AanDeBak guarantee), not finding work in general
            return None
        speaking = self._concept_sections[concept]
        dense = {(m.article, m.section): m.dense for m in own}
        here = sorted((key for key in speaking if key[0] == context.article), key=lambda key: -dense.get(key, 0.0))
        if here:
            article, section = here[0]
            confidence = max(dense.get(here[0], 0.0), context.confidence)
        else:
            # ... read with the conversation (its vector mixed in, as the follow-up's other readings); a section whose
            # example questions ask about one school thing the conversation has not named ("do you find a job faster
            # after BBL?") answers less of the plain question than one about finding work in general
            asked = school_terms(f"{context.text} {text}") | {"mbo", "vmbo"}

            def plain(m: SectionMatch) -> bool:
                part = self._kort_part(m.article, m.section)
                if part is None:
                    return True
                return school_terms(" ".join([*part.vragen.get(lang, []), *part.vragen.get("nl", [])])) <= asked

            read = self.questions.match(text, joined_vec) if joined_vec is not None else own
            found = max(
                (m for m in read if (m.article, m.section) in speaking), key=lambda m: (plain(m), m.score), default=None
            )
            if found is None or found.dense < STAY_MIN:
                return None
            article, section, confidence = found.article, found.section, found.dense
        return Route("section", text=text, article=article, section=section, context=context, confidence=confidence)

    @staticmethod
    def _concept_sections_of(kb: KnowledgeBase) -> dict[str, frozenset[tuple[str, str]]]:
        """Per FOLLOWUP_CONCEPTS concept, the (article, section) pairs whose example questions name it."""
        found: dict[str, set[tuple[str, str]]] = {c: set() for c in FOLLOWUP_CONCEPTS}
        for art in kb.artikelen.values():
            for k in art.kort:
                for lang, vragen in k.vragen.items():
                    for vraag in vragen:
                        concept = followup_concept(vraag, lang)
                        if concept is not None:
                            found[concept].add((art.id, k.id))
        return {c: frozenset(v) for c, v in found.items()}

    def _names_listed_profiel(self, text: str, lang: str, context: Route) -> bool:
        """Whether a short follow-up names vmbo profielen ('MVI', 'MaT') that the earlier question did not, and the
        section just read names each of them (in the asker's language and in Dutch): it asks the same thing of that
        profiel ("and which one has MVI?" after where techniek is taught), which that section answers."""
        if context.article is None or context.section is None or asks_number(text, lang):
            return False
        codes = profiel_codes(text) - profiel_codes(context.text)
        if not codes:
            return False
        own = [w for w in content_words(text, lang) if w not in FOLLOWUP_WORDS.get(lang, ())]
        if len(own) > STAY_WORDS:
            return False
        part = self._kort_part(context.article, context.section)
        if part is None:
            return False
        said = profiel_codes(part.tekst.get(lang, "")) & profiel_codes(part.tekst.get("nl", ""))
        return codes <= said

    def _listed_activity(self, text: str, lang: str, context: Route, qvec: np.ndarray | None) -> Route | None:
        """The activity of the list just shown that a follow-up asks about ("а це безкоштовно?"): of the listed
        ones, the one whose description is closest to the follow-up; None when none of them is in the index."""
        if context.activity is None or qvec is None:
            return None
        try:
            result = answer_activities(self.kb, context.activity, lang, extra=self.catalogue())
        except (ImportError, ValueError):
            return None
        listed = [f"initiatief:{h.initiatief.id}" for h in result.shown[:LISTED_SHOWN]]
        found = self.index.search(text, k=len(listed), filters={"source": listed}, mode="dense", lang=lang, qvec=qvec)
        if not found:
            return None
        # "is it free?" says little of its own: the first of the list (the best match for the earlier question)
        # unless the follow-up is clearly closer to another one
        first = next((h for h in found if h.source == listed[0]), None)
        margin = (found[0].dense or 0) - (first.dense or 0) if first is not None else 1.0
        # "do we have to pay to go?" names no activity at all: the first of the list, however the vectors lean
        hit = found[0] if first is None or (margin >= LISTED_MARGIN and not asks_cost(text)) else first
        return Route("record", text=text, hit=hit, qvec=qvec, context=context, confidence=float(hit.dense or 0))

    def _points_back_only(self, text: str, lang: str, there: Route, context: Route) -> bool:
        """A follow-up that points back ("is that paid?") and names nothing of its own that the article ``there``
        holds and the conversation's article does not (a rare word such as 'NaSk')."""
        if not self._points_back(text, lang) or there.article is None or context.article is None:
            return False
        new = self._section_words(there.article, there.section or "", lang)
        here = self._article_words(context.article, lang)
        rare = [
            tok
            for tok in query_tokens(text, lang)
            if len(tok) >= 3 and tok not in self._question_words and self.index.idf(tok) >= PLAIN_MIN_IDF
        ]
        return not any(tok in new and tok not in here for tok in rare)

    def _names_own_topic(self, text: str, lang: str, alone: Route, stay: Route) -> bool:
        """Whether a second half that points back still names a subject of its own ("... and does he do BOL or BBL
        for that?" after ICT): its own section is very close, or holds clearly more of its words than the section
        of the first half's article it would stay on."""
        if alone.kind != "section" or alone.article is None or alone.article == stay.article:
            return False
        if alone.confidence >= VERY_STRONG:
            return True
        share = self._words_share(text, lang)
        mine = share(alone.article, alone.section or "")
        return mine - share(stay.article or "", stay.section or "") >= SECTION_SHIFT_WORDS

    def _asks_about_section(self, text: str, lang: str, context: Route) -> bool:
        """A short follow-up that points back ("is dat ...?") and has a rarer word that the section just read holds."""
        if context.kind != "section" or context.article is None or context.section is None:
            return False
        if not self._points_back(text, lang) or len(content_words(text, lang)) > KEEP_WORDS + 1:
            return False
        have = self._part_words(context.article, context.section, lang)
        return any(
            tok in have and self.index.idf(tok) >= SECTION_WORD_MIN_IDF
            for tok in query_tokens(text, lang)
            if tok not in self._question_words
        )

    def _section_naming(self, source: str) -> tuple[str, str] | None:
        """The one article section whose Dutch short text names the initiative ``source`` ("initiatief:<id>");
        None when none or several do."""
        ini = self.kb.initiatieven.get(source.split(":", 1)[1])
        if ini is None or len(ini.naam) < 4:
            return None
        name = fold(ini.naam)
        found = [
            (art.id, k.id)
            for art in self.kb.artikelen.values()
            for k in art.kort
            if name in fold(k.tekst.get("nl", ""))
        ]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _same_section(
        text: str,
        qvec: np.ndarray | None,
        context: Route,
        article: str | None = None,
        section: str | None = None,
    ) -> Route:
        """The follow-up ``text`` answered by the section just read (the conversation's ``context``), or by another
        ``section`` (of ``article``, else of the same article) read in that conversation."""
        same = article is None and section is None
        return Route(
            "section",
            text=text,
            article=context.article if article is None else article,
            section=context.section if same else section,
            qvec=qvec,
            context=context,
            confidence=context.confidence,
        )

    def _names_part_here(self, text: str, lang: str, context: Route) -> bool:
        """Whether the follow-up names a school thing ('bbl', 'Entree') that the earlier question did not, and that
        a section of the conversation's article other than the one just read speaks of. A short one ("BBL de de
        aynı mı?": the thing and 'the same') may name the section just read too: when the earlier question already
        landed on the part with the BBL figures, it asks for exactly that part, not for the article about BBL that
        the bare word comes close to; a longer one asks more than the part just read."""
        if context.article is None:
            return False
        named = school_terms(text) - school_terms(context.text)
        short = len(content_words(text, lang)) <= KEEP_WORDS
        parts = [k for k in self.kb.artikelen[context.article].kort if short or k.id != context.section]
        return bool(named) and all(any(term in school_terms(k.tekst.get("nl", "")) for k in parts) for term in named)

    def _next_step_here(self, text: str, lang: str, context: Route) -> bool:
        """A follow-up that asks what comes after ("en daarna?", "peki vmbo bitince nereye?") and names no school
        thing that the section just read and the earlier question do not ("en daarna naar het hbo?" after BOL and
        BBL asks about hbo); a figure question ("how many of them then go on ...?") chooses by its figure."""
        if context.article is None or not asks_next_step(text, lang) or asks_number(text):
            return False
        if asks_duration(text, lang):
            # "... and after that, how many years does the mbo take?" asks how long, which its own words choose
            return False
        if other_domain(text) is not None:
            return False
        part = self._kort_part(context.article, context.section)
        held = school_terms(part.tekst.get("nl", "")) if part is not None else frozenset()
        return not (school_terms(text) - held - school_terms(context.text))

    def _own_new_topic(self, text: str, lang: str, own: list[SectionMatch], context: Route, joined: Route) -> bool:
        """Whether a follow-up that says 'after' is a question of its own ("peki 2. siniftan sonra okul degistirmek
        mumkun mu?": switching school after year 2), not the next step of the route just read: besides its 'after'
        and school names it says more than 'where will she go?' (KEEP_WORDS words at least) and its own words move it
        (_moved_topic) to a section whose example question is close (EXAMPLE_STRONG)."""
        best = max(own, key=lambda m: m.dense)
        here = max((m.dense for m in own if (m.article, m.section) == (context.article, context.section)), default=0.0)
        if (
            best.article == context.article
            and best.section != context.section
            and best.dense >= EXAMPLE_STRONG
            and best.dense - here >= NEW_SECTION_MARGIN
        ):
            # "vinden die bbl'ers daarna ook sneller werk?" after what BBL is: its 'daarna' is no next step, its own
            # words are very close to another section of the same article (BBL and finding work)
            return True
        said = [w for w in content_words(text, lang) if not asks_next_step(w, lang) and not school_terms(w)]
        if len(said) < KEEP_WORDS:
            return False
        moved = self._moved_topic(text, lang, own, context, joined)
        return moved is not None and moved.confidence >= EXAMPLE_STRONG

    def _field_profiel_followup(self, text: str, lang: str, context: Route, leaning: bool) -> bool:
        """Whether a follow-up asks which vmbo profiel to choose for the field of work the conversation is about:
        the conversation's article names the profielen that lead to that field, the follow-up asks for a profiel
        (asks_profiel) without naming one or a figure, and it leans on what came before (a short follow-up, or one
        that points back: 'for that', 'daarvoor', 'bunun için')."""
        if context.kind != "section" or context.article not in self._field_profielen:
            return False
        if not asks_profiel(text, lang) or profiel_codes(text) or asks_number(text, lang):
            return False
        if other_domain(text) is not None:
            return False
        return leaning or refers_back(text, lang) or self._points_back(text, lang)

    @staticmethod
    def _points_back(text: str, lang: str) -> bool:
        """Whether the follow-up has a word that points back at the earlier topic ("dat", "this", "هذا")."""
        return bool(set(POINTERS.get(lang, ())) & deictic_words(text, lang))

    def _stayed_topic(
        self,
        text: str,
        lang: str,
        own: list[SectionMatch],
        context: Route,
        joined: Route,
        minimum: float = STAY_MIN,
        next_step: bool = False,
    ) -> Route | None:
        """The follow-up stays on the conversation's article; the section its own words match best (None when
        no section of that article is ``minimum`` close); ``next_step``: it asks what comes after the section
        just read (_next_step_here), which answers it."""
        mine = next((m for m in own if m.article == context.article), None)
        if mine is None or mine.dense < minimum:
            return None
        # "en is dat elk jaar hetzelfde?" points back at the section just read and names no subject of its own;
        # "a ta gwarancja aandebak to znaczy ...?" points too, but names the sub-topic it moves to
        short = len(content_words(text, lang)) <= KEEP_WORDS
        # ... unless it names a school thing the earlier question did not ("و Entree هذا لمين؟" after the mbo
        # levels: the section on Entree); "and after that?" asks for the next step of the route just read
        named_new = school_terms(text) - school_terms(context.text)
        pointing = short and refers_back(text, lang) and not named_new
        keep = context.section if pointing else None
        if next_step and self._kort_part(mine.article, context.section) is not None:
            section = context.section  # the next step of the route just read: its own words are mostly 'then, where'
        elif (
            refers_back(text, lang)
            and not named_new
            and asks_where(text, lang)
            and asks_training(text, lang)
            and self._is_field_profiel(context)
        ):
            # "а де це можна вчити на Zuid?" after the profiel for the port: where that route is taught is in the
            # section just read (the port's mbo school), not in the one on visits that 'where' and 'lessons' match
            section = context.section
        else:
            # a figure follow-up asks the figure of what the earlier question named ("how many of them ...?")
            about = context.text if asks_number(text, lang) else None
            section = self._section_for(mine.article, text, lang, own, keep, about=about)
        if asks_action(text, lang) and not asks_number(text, lang):
            # "... ne yapabiliriz, nereye şikayet ederiz?": the part of the article that says what to do
            _, section = self._action_choice(mine.article, section, own)
        if _PRIMARY_WORDS.search(fold(text)) and not self._speaks_of_primary(mine.article, section):
            # "وهاد كمان لولاد الابتدائي؟" (is this also for primary-school kids?): the part of the article about them
            primary = [m for m in own if m.article == mine.article and self._speaks_of_primary(m.article, m.section)]
            if primary:
                section = max(primary, key=lambda m: m.dense).section
        return Route(
            "section",
            text=joined.text,
            article=mine.article,
            section=section,
            confidence=mine.dense,
            qvec=joined.qvec,
            context=context,
            hits=joined.hits,
        )

    def _says_job_chances(self, route: Route) -> bool:
        """Whether a record answer for a beroep ends with its job chances (a report names the beroep or its sector)."""
        if route.kind != "record" or route.hit is None or route.hit.kind != "beroep":
            return False
        beroep = self.kb.beroepen.get(route.hit.source.split(":", 1)[1])
        return beroep is not None and self._job_chance(beroep, "nl") is not None

    def _is_field_profiel(self, route: Route) -> bool:
        """Whether a section route is a field article's section on the profielen that lead to it (the port's route)."""
        field = self._field_profielen.get(route.article or "")
        return field is not None and route.section == field[0]

    def _examples_ask(self, article: str, section: str | None, asks: Callable[[str, str], bool]) -> bool:
        """Whether an example question of an article section (in any language) asks what ``asks`` detects."""
        part = self._kort_part(article, section)
        return part is not None and any(asks(q, lang) for lang, qs in part.vragen.items() for q in qs)

    def _speaks_of_primary(self, article: str, section: str | None) -> bool:
        """Whether an article section's short answer (in Dutch) speaks of primary school (groep 7, basisschool)."""
        part = self._kort_part(article, section)
        return part is not None and bool(_PRIMARY_WORDS.search(fold(part.tekst.get("nl", ""))))

    def _decide(
        self,
        text: str,
        lang: str,
        mode: Mode,
        qvec: np.ndarray | None,
        anchor_text: str | None = None,
        prefer: str | None = None,
    ) -> Route:
        """Route one question (see _route_alone); a question that asks which vmbo profiel to choose and that nothing
        else answers gets which profielen there are."""
        route = self._route_alone(text, lang, mode, qvec, anchor_text, prefer)
        if (
            route.kind == "section"
            and prefer is None
            and route.article in self._field_profielen
            and not asks_number(text, lang)
            and asks_profiel(text, lang)
        ):
            # "loves ships and the port, what should he choose in vmbo?": the port article answers with the sentence
            # naming the profielen that lead there, not with the kinds of work (also when 'ships' is the word of
            # several beroepen of different profielen and no single profiel wins)
            route.section = self._field_profielen[route.article][0]
        if (
            prefer is None
            and mode != "bm25"
            and qvec is not None
            and route.kind in ("none", "section")
            and not self._section_pays(route.article, route.section)
            and asks_pay(text)
            # "my employer has not paid my wages, where do I get legal help?": another domain's question stays declined
            and (route.kind == "section" or other_domain(text) is None)
        ):
            # "başlangıç maaşı ne kadar, net rakam?", "بياخد كام في الشهر؟": a question about pay whose example is
            # nearly the closest is answered by the article on pay in techniek (which says honestly that the sources
            # give no amounts), not declined for want of its words nor answered by a section that says nothing of pay
            matches = self.questions.match(text, qvec)
            best = max((m.dense for m in matches), default=0.0)
            pay = next((m for m in matches if m.article == PAY_ARTICLE), None)
            if pay is not None and pay.dense >= best - PAY_MARGIN:
                route.kind, route.article, route.confidence = "section", PAY_ARTICLE, best
                route.section = self._section_for(PAY_ARTICLE, text, lang, matches)
        if route.kind == "none" and prefer is None and asks_profiel(text, lang):
            # "profil seçmesi lazım, teknik olanlar hangileri?": no interest to go by and no example close enough:
            # which profielen there are (the five techniek ones among them), rather than a decline
            route.kind, route.article, route.section = "section", PROFIELEN_ARTICLE, PROFIELEN_WHICH
            route.confidence = (
                max((m.dense for m in self.questions.match(text, qvec)), default=0.0) if qvec is not None else 0.0
            )
        return route

    def _section_pays(self, article: str | None, section: str | None) -> bool:
        """Whether an article section's short answer speaks of pay (in any language it is written in)."""
        part = self._kort_part(article, section) if article is not None else None
        return part is not None and any(asks_pay(t) for t in part.tekst.values())

    def _route_alone(
        self,
        text: str,
        lang: str,
        mode: Mode,
        qvec: np.ndarray | None,
        anchor_text: str | None = None,
        prefer: str | None = None,
    ) -> Route:
        """Route one question; ``prefer`` is the article of the conversation so far (a follow-up stays on it
        when one of its sections is about as close as the best other one)."""
        hits = self.index.search(text, k=K_RETRIEVE * 2, mode=mode, lang=lang, qvec=qvec)
        matches = self.questions.match(text, qvec, use_dense=mode != "bm25", use_chars=mode != "dense")
        route = Route("none", text=text, hits=hits[:K_RETRIEVE], qvec=qvec)
        best_example = max((m.chars if mode == "bm25" else m.dense for m in matches), default=0.0)
        named = self._named_record(text, hits)
        article, section, example = self._choose_article(matches, hits, prefer, text)
        if prefer is None and article is not None and asks_why(text):
            article, section, example = self._why_choice(article, section, example, matches, hits, text)
        programme = self._named_programme(text, matches, hits, lang) if prefer is None and mode != "bm25" else None
        if programme is not None and programme != article:
            # a programme named as parents hear it ("aandebak", "NPRZ") with a worry around it ("does he get a job
            # for sure?"): its article answers, not a record a loose word of the worry names ('sure') nor the
            # article of the worry's other words
            route.kind, route.article, route.confidence = "section", programme, best_example
            route.section = self._term_section(programme, text, lang) or self._best_section(programme, matches)
            return route
        fit = self._interest_profiel(text, lang, qvec, named) if prefer is None and mode != "bm25" else None
        field = self._field_profiel(fit[0], article, hits, text, lang) if fit is not None else None
        if fit is not None and field is not None:
            # "obsessed with solar panels and heat pumps, what should he pick in vmbo?": the article about that work
            # (the best article by example and passage) names the profiel that leads to it; its sentence answers
            route.kind, route.article, route.section = "section", field, self._field_profielen[field][0]
            route.confidence = max(best_example, float(fit[1].dense or 0))
            return route
        if fit is not None:
            # "which vmbo profiel for a boy who loves diggers?": the profielen article's section on what each profiel
            # is about, opened by the profiel that the beroep of those words is reached from
            route.kind, route.article, route.section = "section", PROFIEL_ARTICLE, PROFIEL_SECTION
            route.profiel, route.confidence = fit, max(best_example, float(fit[1].dense or 0))
            return route
        if named is None and prefer is None and asks_havo_profiel(text):
            # "kızım havo 3te, mühendis olmak istiyor: NT mi NG mi?": the havo/vwo profielen answer, not an engineer's
            # record nor the vmbo's techniek profielen
            route.kind, route.article, route.confidence = "section", HAVO_ARTICLE, best_example
            route.section = (
                self._section_for(HAVO_ARTICLE, text, lang, matches) if asks_number(text, lang) else HAVO_SECTION
            )
            return route
        if (
            named is not None
            and (best_example < NAMED_OVERRIDE or mode == "bm25")
            and not self._beroep_as_example(named, text, lang, article, section, example, mode)
        ):
            # "wat doet een lasser?" is about the record; "wil elektricien worden, bol of bbl?" about BOL/BBL
            route.kind, route.hit, route.confidence = "record", named, 1.0
            return route
        grounded = self.grounded(text, lang, hits[:K_RETRIEVE], mode)
        strong = best_example >= (CHARS_STRONG if mode == "bm25" else EXAMPLE_STRONG)
        agree = (
            mode != "bm25"
            and hits
            and hits[0].kind == "artikel"
            and article is not None
            and hits[0].source == f"artikel:{article}"
            and example >= EXAMPLE_AGREE
            and (hits[0].dense or 0) >= PASSAGE_AGREE
        )
        top = hits[0] if hits else None
        if top is not None and grounded and top.kind == "document":
            # the user's own document is the best passage: it answers (marked) when no curated article matches
            # the question, or when it is clearly closer than every curated passage and no example question is
            # very close. Otherwise the curated article answers: an own document never replaces it.
            curated = max((h.dense or 0 for h in hits if h.kind != "document"), default=0.0)
            # ... clearly closer: by vector, or by the question's words ("ouderavond" is in the document only)
            words_here = self.index.coverage(query_tokens(text, lang), [top.text], lang)
            words_there = self.support(text, lang, article, section) if article is not None else 0.0
            clearly = best_example < VERY_STRONG and (
                (top.dense or 0) - curated >= DOCUMENT_MARGIN or words_here - words_there >= DOCUMENT_WORDS_MARGIN
            )
            if not (strong or agree) or clearly:
                route.kind, route.hit, route.confidence = "document", top, float(top.dense or 0)
                return route
        if (
            other_domain(text) is not None
            and best_example < NO_ANCHOR_STRONG
            # "he mixes light and sound in church every Sunday, what can he do with that at mbo?": the place is
            # another domain's word, the question asks for the beroep it names by its everyday name
            and not self._names_a_beroep(text, lang)
        ):
            return route
        if (
            not in_domain(anchor_text or text, self._domain_names)
            and not self._names_a_beroep(text, lang)
            and not (agree and (self._group_figure(text) or self._young_figure(text, lang)))
            and not (prefer is None and self._describes_a_beroep(text, lang, article, section))
        ):
            # no word of our domain: only a very close example question answers ("which school" vs "which shop");
            # a figure about a group of young people where the passages and the examples agree is ours ("half the
            # teenagers in rotterdam have roots outside europe, is that right?")
            if best_example < NO_ANCHOR_STRONG or mode == "bm25":
                return route
            route.kind, route.article, route.section, route.confidence = "section", article, section, best_example
            return route
        plain = (
            # an example question this close that does not use the question's record words is a template ("my son
            # loves computers, what should he study?" for "... loves cars ..."): the record still answers when the
            # question asks for one
            self._plain_record(
                text, lang, article, section, qvec, example, bool(agree), template=best_example >= VERY_STRONG
            )
            if prefer is None
            else None
        )
        if (
            plain is not None
            and article is not None
            and names_profiel(text)
            and (not plain[1] or self._profiel_article(article, matches))
        ):
            # "computers and design, school says MVI: a good profile?" is about the profiel; a record that only a
            # description word names ('computers') does not answer it. Nor does a job's everyday name that the parent
            # uses as an example of what a profiel is about ("what does PIE mean, do they weld there or so?"), when
            # an example question of the profielen article itself matches strongly
            plain = None
        if plain is not None and article is not None and self._names_title(text, article):
            # "until when may a vmbo teacher give that praktijkgericht programma?": the chosen article's own Dutch
            # subject names what is asked; a record whose name only looks like one of its words ('programma',
            # 'programmeur') does not answer it
            plain = None
        if plain is not None and plain[1]:
            # "hij sleutelt aan fietsen en scooters": the beroep people call by those words, also when the passage
            # search puts another record first (the scooter mechanic's course)
            route.kind, route.hit, route.confidence = (
                "record",
                self._where_taught(plain[0], text, lang, qvec),
                best_example,
            )
            route.others = plain[2] if route.hit is plain[0] else []
            return route
        if top is not None and grounded and top.kind in RECORD_KINDS and not strong:
            route.kind, route.hit, route.confidence = "record", top, float(top.dense or 0)
            return route
        if plain is not None:
            # "is there an mbo course for fixing bikes?": the record whose own words the question uses
            route.kind, route.hit, route.confidence = (
                "record",
                self._where_taught(plain[0], text, lang, qvec),
                best_example,
            )
            route.others = plain[2] if route.hit is plain[0] else []
            return route
        if top is not None and grounded and top.kind == "vmbo" and not strong:
            article = "techniekprofielen" if top.source.startswith("profiel:") else "leerwegen"
            section = self._best_section(article, matches)
        passages_answer = (
            grounded
            and top is not None
            and top.kind != "document"
            and (best_example >= PASSAGE_ONLY_MIN or (top.dense or 0) >= DENSE_STRONG or mode == "bm25")
        )
        closest = max(matches, key=lambda m: m.dense) if matches and mode != "bm25" else None
        if (
            strong
            # weak passages: none grounded, or grounded only through word overlap (no passage strong by itself;
            # which passages form the top three that give the overlap shifts with the CPU's last float bits); or an
            # example question so close that it says what is asked ("وبعده كم سنة يدرس في mbo؟", how many years of
            # mbo: the passages on going on to hbo after mbo share its words 'after' and 'study')
            and (
                not grounded
                or max((h.dense or 0.0 for h in hits[:K_RETRIEVE]), default=0.0) < DENSE_STRONG
                or (
                    closest is not None
                    and closest.dense >= VERY_STRONG
                    # ... except for the profiel that leads to a field the question names ("he wants to work in the
                    # port, which vmbo profiel?"): the field's article says it (see _field_profielen below)
                    and not (article in self._field_profielen and asks_profiel(text, lang))
                )
            )
            and closest is not None
            and article != closest.article
            and example < closest.dense - STRONG_MARGIN
            # a programme the question names as parents hear it ("what is this NPRZ the school keeps mentioning?")
            # keeps its article: another programme's "what is ...?" example is close by its question words only
            and programme != article
        ):
            # the passages are weak: the example question that matches strongly decides the article, not a
            # passage ranking that mixes in articles whose examples are much further away
            article, section, example = closest.article, closest.section, closest.dense
        if article is not None and (strong or agree or passages_answer):
            passage_article = top.source.split(":", 1)[1] if top is not None else ""
            if (
                not strong
                and not agree
                and top is not None
                and top.kind == "artikel"
                and article != prefer
                and not (prefer is None and self._about_missing_group(text, passage_article, matches))
            ):
                # the passage search decides which article; the example questions which section of it (unless it
                # is an article about a group the question does not speak of: "girls" for a travel worry)
                article = passage_article
                section = self._best_section(article, matches)
            if asks_number(text, lang):
                # the section whose words and figure the question asks about ("how many days at school?" is the
                # section with the school days, not the first one with a share)
                section = self._section_for(article, text, lang, matches)
                if prefer is None:  # a follow-up keeps the conversation's article
                    passage = self._figure_passage(article, section, text, lang, matches, hits) if grounded else None
                    if passage is not None:
                        article, section = passage
                    elif not (grounded and top is not None and top.source == f"artikel:{article}"):
                        # the best passage and the examples agree on the article: its figure answers, not a
                        # figure elsewhere that shares more words ("meiden" is in the NPRZ targets, not "meisjes")
                        article, section = self._figure_choice(article, section, text, lang, matches)
                    else:
                        # ... unless another article's example question is the closest of all and its figure is
                        # clearly the one asked ("kids with a migrant background who have trouble finding a stage
                        # place in techniek": the placement gap in techniek, not the migrant share of the students)
                        article, section = self._figure_choice(article, section, text, lang, matches, closest_only=True)
                    article, section = self._region_choice(article, section, text, lang, matches)
                    article, section = self._group_choice(article, section, text, lang, matches)
            elif asks_action(text, lang):
                article, section = self._action_choice(article, section, matches)
            elif prefer is None and not asks_why(text):
                # a follow-up's section is chosen on the conversation's article (_stayed_topic); a "why" question's
                # closest example asks why, its section gives the reasons
                # a detail of the article ("will he be left without a diploma?" in the continuous routes): of its
                # sections whose example is about as close, the one that holds the question's own words
                wordier = self._wordier_section(article, section, text, lang, matches)
                # ... "is it the end of techniek for her?": of the sections about as close, the one that says the way
                # stays open later
                wordier = self._still_open_section(article, wordier, text, lang, matches)
                route.detail, section = wordier != section, wordier
            near = {h.source for h in hits[:NEAR_PASSAGES] if h.kind == "artikel"}
            seconded = (
                strong
                and closest is not None
                and article == closest.article
                # the passages agree: the article is among the best few (grounded) or the very best one (a worry
                # in everyday words, "someone told me MVI is a bad choice", shares few words with any passage)
                # (the best few passages even when none is close: their order among near-equal passages shifts
                # with every text added to the knowledge, "co to jest BBL prostymi słowami")
                and f"artikel:{article}" in near
            )
            if best_example < VERY_STRONG and not seconded and self.support(text, lang, article, section) < SUPPORT_MIN:
                # the section shares (almost) none of the question's words: it does not answer it; the next
                # of the next closest articles, one whose example is close on its own (or about as close as the
                # best one) and that holds the most of the question's words answers instead
                alts = [
                    (self.support(text, lang, art, sec), art, sec, ex)
                    for art, sec, ex in self._ranked_articles(matches, hits, prefer, text)[1:5]
                    if ex >= EXAMPLE_STRONG or (ex >= AGREE_ALONE_MIN and best_example - ex <= AGREE_SPREAD)
                ]
                alts = [a for a in alts if a[0] >= SUPPORT_MIN]
                # ... and when none does, the article that the best passage and an example question nearly as close
                # as the best one both name still answers ("esim teknik pis ve agir is diyor, gercekten oyle mi":
                # a worry in everyday words, typed without its letters' marks, shares few words with its section)
                agreed = agree and example >= AGREE_ALONE_MIN and best_example - example <= AGREE_SPREAD
                if not alts and not agreed:
                    return route
                if alts:
                    _, article, section, best_example = max(alts, key=lambda a: a[0])
            route.kind, route.article, route.section, route.confidence = "section", article, section, best_example
            return route
        seconded_near = self._near_agreement(text, lang, matches, hits) if mode != "bm25" and prefer is None else None
        if seconded_near is not None:
            # a worry or a question in everyday words ("firma nie chce przyjac syna na staz bo jest obcokrajowcem"):
            # no example is very close and the passages are weak, but the closest example and one of the best few
            # passages name the same article, and its section holds some of the question's words
            route.kind, route.article, route.section, route.confidence = "section", *seconded_near
            return route
        named_article = self._named_article(text, lang, matches, hits) if mode != "bm25" else None
        if named_article is not None:
            # nothing matched closely, but the question names an article's Dutch subject ("doorlopende route" in
            # an Arabic question) and that article is among the closest: it answers rather than a decline
            route.kind, route.article, route.confidence = "section", named_article, best_example
            route.section = self._best_section(named_article, matches)
        return route

    @staticmethod
    def _word_key(token: str) -> str | None:
        """The key a (stemmed) word is matched by; words of fewer than three letters say too little."""
        return token if len(token) >= 3 else None

    def _plain_index(self, lang: str) -> dict[str, set[str]]:
        """Word key -> the records (beroep, opleiding) whose plain words in ``lang`` (and Dutch) use it; only keys
        that at most PLAIN_RECORDS_MAX records share (a word every monteur has names none of them)."""
        cached = self._plain_words.get(lang)
        if cached is not None:
            return cached
        from retrieval.tokenize import tokenize

        by_key: dict[str, set[str]] = {}
        everyday: set[str] = set()
        owners: dict[str, set[str]] = {}
        phrases: list[tuple[tuple[frozenset[str], ...], str]] = []

        def add(source: str, text: str, code: str, named: bool = False) -> None:
            per_word = [ks for w in words_of(fold(text)) if (ks := self._loose_keys(w, code))]
            for ks in per_word:
                for key in ks:
                    by_key.setdefault(key, set()).add(source)
            # an everyday name of one word is a key of its own ('graafmachine'); one of several words names the
            # beroep only as a whole ('game developer', not any 'developer'; 'захист комп'ютерів', not 'захист')
            if named and len(per_word) == 1:
                everyday.update(per_word[0])
                # ... owned by the word and its stems, not by its first six letters ('elektr' of 'elektryk' is
                # also every 'elektrotechnika')
                for key in self._exact_forms(next(iter(words_of(fold(text))), ""), code):
                    owners.setdefault(key, set()).add(source)
            elif named and per_word:
                phrases.append((tuple(per_word), source))

        # Dutch: the names only (a Dutch question meets the Dutch records through the passage search already, and
        # their everyday words - 'weer', 'dag' - name nothing); the other languages: the beroep's own plain sentence.
        # Every language: the names people use for the beroep ('automonteur', 'car mechanic', 'автомеханік')
        for b in self.kb.beroepen.values():
            src = f"beroep:{b.id}"
            add(src, b.naam, "nl")
            if lang != "nl" and lang in b.korte_omschrijving:
                add(src, b.korte_omschrijving[lang], lang)
            for code in dict.fromkeys((lang, "nl")):
                for name in b.ook_genoemd.get(code, []):
                    add(src, name, code, named=True)
        for o in self.kb.opleidingen.values():
            add(f"opleiding:{o.id}", o.naam, "nl")
        # ... and words no article uses in this language (or Dutch): 'bike', 'rower', 'велосипед' name a record;
        # 'tech', 'gitmek', 'doet' are everyday words of the articles too
        in_articles: dict[str, int] = {}
        for art in self.kb.artikelen.values():
            used: set[str] = set()
            for code in {lang, "nl"}:
                texts = [art.titel.get(code, ""), art.tekst.get(code, ""), art.doen.get(code, "")]
                texts += [x for k in art.kort for x in (k.tekst.get(code, ""), *k.vragen.get(code, []))]
                used.update(tokenize(" ".join(texts), code))
                used.update(k for w in set(words_of(fold(" ".join(texts)))) for k in self._loose_keys(w, code))
            for tok in used:
                in_articles[tok] = in_articles.get(tok, 0) + 1
        index = {
            key: srcs
            for key, srcs in by_key.items()
            # a one-word everyday name stays a key however many records' descriptions use the word: it counts as a
            # name only for the few records it names whole ('الكهرباء': the electrician; every electrical job's
            # description says 'electricity')
            if key not in PLAIN_NOT_NAMING.get(lang, ())
            and (len(srcs) <= PLAIN_RECORDS_MAX or len(owners.get(key, ())) in range(1, PLAIN_RECORDS_MAX + 1))
            and (in_articles.get(key, 0) <= PLAIN_ARTICLES_MAX or key in everyday)
        }
        # record words the articles use too often to name a record: another form of such a word names none either
        # ('finds' when 'find' is everywhere)
        self._common_words[lang] = frozenset(
            key for key in by_key if key not in index and in_articles.get(key, 0) > PLAIN_ARTICLES_MAX
        )
        self._everyday_words[lang] = frozenset(everyday & index.keys())
        self._everyday_owners[lang] = owners
        self._hobby_words[lang] = {
            key: srcs
            for key, srcs in by_key.items()
            if key in self._common_words[lang]
            and key not in PLAIN_NOT_NAMING.get(lang, ())
            and len(srcs) <= HOBBY_RECORDS_MAX
            and in_articles.get(key, 0) <= HOBBY_ARTICLES_MAX
        }
        self._everyday_phrases[lang] = phrases
        # ... the index itself last: an ask in another thread (the app warms in the background) that finds it finds
        # the other per-language sets too
        self._plain_words[lang] = index
        return index

    @staticmethod
    def _loose_keys(word: str, lang: str) -> frozenset[str]:
        """The keys a word of a record's name or a question is matched by: its stem, the word as typed (the Turkish
        stem of 'gemi' is 'ge', too short to say anything) and, for a long word, its first six letters ('лабораторія'
        and 'лабораторії' stem differently); Arabic also without hamza forms and without the article or a
        conjunction / verb prefix ('والالعاب' and 'الألعاب', 'يصنع' and 'صنع')."""
        from retrieval.tokenize import tokenize

        w = word.strip("'’")
        forms = {w, *tokenize(w, lang)}
        if lang == "ar":
            plain = w.translate(_HAMZA)
            forms.add(plain)
            todo = [plain]
            for _ in range(2):
                todo = [f[len(p) :] for f in todo for p in _AR_PREFIXES if f.startswith(p) and len(f) - len(p) >= 3]
                forms.update(todo)
        elif len(w) >= 7 and w.isalpha():
            forms.add(w[:6])
        return frozenset(f for f in forms if len(f) >= 3)

    @staticmethod
    def _exact_forms(word: str, lang: str) -> frozenset[str]:
        """A word as typed (Arabic also without its article or a prefix: 'فالكهرباء' is 'الكهرباء'), not its stem
        nor its first six letters: the forms by which a question uses a one-word everyday name itself ('vrachtwagens'
        is not the name 'vrachtwagen')."""
        from retrieval.tokenize import tokenize

        w = word.strip("'’")
        if lang != "ar":
            return frozenset({w})
        stems = set(tokenize(w, lang)) - {w}
        return frozenset(Assistant._loose_keys(w, lang) - stems) | {w}

    def _question_keys(self, text: str, lang: str) -> set[str]:
        return {key for tok in self._plain_tokens(text, lang) if (key := self._word_key(tok)) is not None}

    def _word_forms(self, text: str, lang: str) -> list[frozenset[str]]:
        """Per word of the question: its stem(s), the word as typed and its loose forms (see _loose_keys)."""
        from retrieval.tokenize import tokenize

        return [frozenset({*tokenize(w, lang), *self._loose_keys(w, lang)}) for w in words_of(fold(text))]

    def _plain_tokens(self, text: str, lang: str) -> list[str]:
        """The question's tokens with the loose forms of its words (see _loose_keys), each once."""
        toks = list(query_tokens(text, lang))
        for w in words_of(fold(text)):
            toks.extend(sorted(self._loose_keys(w, lang)))
        return list(dict.fromkeys(toks))

    def _names_a_beroep(self, text: str, lang: str) -> bool:
        """Whether the question asks for a beroep or opleiding by an everyday name ('graafmachine', 'woodwork',
        'вітряки' + 'what is that job?'): ours even when no school word is there ('where can I buy a cheap bike'
        and 'developer mode' are not)."""
        if not asks_for_record(text, lang) and not asks_where_to_learn(text, lang):
            return False  # ... or "where does one learn" with such a name (see _plain_scores)
        self._plain_index(lang)
        keys = self._question_keys(text, lang)
        return bool(keys & self._everyday_words[lang]) or any(
            all(ks & keys for ks in p) for p, _ in self._everyday_phrases[lang]
        )

    def _describes_a_beroep(self, text: str, lang: str, article: str | None, section: str | None) -> bool:
        """Whether the question asks for a job or its course by describing what the person does, in several words of
        one record's plain words and clearly more of them than of any other record's ("who watches the
        installations of a chemical plant from a control panel? how do you learn that?")."""
        score, _, asks, by_hobby = self._plain_scores(text, lang, article, section)
        if not asks or by_hobby or not score:
            return False
        ranked = sorted(score.values(), reverse=True)
        lead = ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0)
        return ranked[0] >= PLAIN_DESCRIBED_MIN and lead >= PLAIN_DESCRIBED_LEAD

    def _plain_record(
        self,
        text: str,
        lang: str,
        article: str | None,
        section: str | None,
        qvec: np.ndarray | None,
        example: float = 0.0,
        agree: bool = False,
        wants: bool = False,
        template: bool = False,
    ) -> tuple[Hit, bool, list[str]] | None:
        """The beroep or opleiding a question names in plain words, when the chosen article does not use those
        words itself ("my boy loves fixing bikes, is there an mbo course?" -> Fietstechnicus, not the ICT article);
        with whether an everyday name of the beroep (ook_genoemd) is among the words, and the other beroepen the
        words name just as much."""
        score, named, asks, by_hobby = self._plain_scores(text, lang, article, section, wants)
        index = self._plain_index(lang)
        if not score:
            return None
        # ... two words of a record's own description that the section never uses ("loves computer games, can he
        # learn to make games at mbo?": the ICT article names no game) are no template difference either
        described = asks and max(score.values()) >= PLAIN_NAMED_WEIGHT and asks_course(text, lang)
        if template and not (asks and by_hobby) and not (named and asks_plain_course(text, lang)) and not described:
            # only a hobby word differs from a template example ('cars' for 'computers'); a word of the example's
            # own field ('computers', 'jobs') keeps the example's article. A job named by its everyday name with a
            # question for its course ("córka chce zostać elektrykiem, jaki kierunek na mbo?") is the job's, even
            # when an example of BOL/BBL names the same job ("syn chce być elektrykiem, lepiej BOL czy BBL?")
            return None
        if not named and not asks:
            # a word of a description alone ('print', 'develop') names a record only in a question that asks for one
            return None
        if (
            article is not None
            and not asks
            and (
                example >= EXAMPLE_STRONG
                or agree
                or self._rest_support(text, lang, article, section, index) >= PLAIN_REST_SUPPORT
            )
        ):
            # a question that does not ask for a beroep or opleiding and whose other words are the chosen section's
            # subject (an example question of it matches closely, the passages agree, or its section uses the other
            # words): "verdien je als automonteur goed?" asks about pay, "plumber, BBL or BOL?" about BBL, "loves
            # robots, but is technology dirty work?" about dirty work; the beroep is only the asker's example
            return None
        best = max(score.values())
        tied = sorted(s for s, v in score.items() if v == best)
        # of records that share the words, the one closest to the question as a whole
        if qvec is None:  # bm25-only: no way to tell 'bus rides' from a bus mechanic
            return None
        found = self.index.search(text, k=1, filters={"source": tied}, mode="dense", lang=lang, qvec=qvec)
        # the record's passages are Dutch (its names in every language): an Arabic question is much closer to an
        # article's Arabic passage than to any Dutch one, whatever it asks (airplanes: 0.87 against 0.79), so a
        # record it names by an everyday name is held against the articles' Dutch passages
        article_filter = {"kind": "artikel", **({"language": "nl"} if named and lang in RECORD_GAP_DUTCH_LANGS else {})}
        article_best = self.index.search(text, k=1, filters=article_filter, mode="dense", lang=lang, qvec=qvec)
        # a beroep named by an everyday name in a question that asks for its course: by the word mbo, or by asking
        # where one learns it ("loves planes, wants to fix them, where does he study that?" has no school word)
        course_asked = named and asks and ("mbo" in words_of(fold(text)) or asks_where(text, lang))
        least = PLAIN_MIN_DENSE_ASKED if course_asked else PLAIN_MIN_DENSE_NAMED if named else PLAIN_MIN_DENSE
        if not found or (found[0].dense or 0) < least:
            return None
        gap = PLAIN_GAP_ASKED if course_asked else PLAIN_GAP
        if not wants and article_best and (article_best[0].dense or 0) - (found[0].dense or 0) > gap:
            return None
        # the other beroepen the same words name ("my son loves cars": the body repairer too), closest first
        others = [src for src in tied if src != found[0].source and src.startswith("beroep:")]
        if others:
            ranked = self.index.search(
                text, k=len(others), filters={"source": others}, mode="dense", lang=lang, qvec=qvec
            )
            others = list(dict.fromkeys(h.source for h in ranked))[:PLAIN_OTHERS]
        return found[0], named, others

    def _plain_scores(
        self, text: str, lang: str, article: str | None, section: str | None, wants: bool = False
    ) -> tuple[dict[str, float], bool, bool, bool]:
        """Per record (beroep, opleiding), how much of the question names it (an everyday name counts
        PLAIN_NAMED_WEIGHT, a description word 1, a hobby word HOBBY_WEIGHT); whether an everyday name is among
        the words; whether the question asks for a record (``wants``: it asks which profiel leads there); whether
        hobby words alone gave the scores and the chosen section does not use them at all."""
        index = self._plain_index(lang)
        everyday = self._everyday_words[lang]
        hobby = self._hobby_words[lang]
        # a job named with BOL/BBL asks for the job's courses and their leerweg ("can he learn welding via bbl?")
        # ... "are there even jobs for that?" asks whether there is work, not which beroep (its 'jobs' does not count)
        asks = (
            wants
            or any(asks_for_record(piece, lang) for piece in without_job_chances(text, lang))
            or asks_job_leerweg(text, lang)
        )
        here = self._section_words(article, section or "", lang) if article is not None else frozenset()
        asked = self._example_words(article, section or "", lang) if article is not None else frozenset()
        # an everyday name gives way only to the chosen section's own short answer and example questions (the
        # port article's long text mentions lorries; a question about repairing lorries is not about the port)
        own = self._part_words(article, section or "", lang) if article is not None else frozenset()
        if article is not None and not wants and asks_plain_course(text, lang):
            # ... and when the question asks for the job's course without naming BOL/BBL, only to the short answer:
            # an example question of BOL/BBL that names the same job ("syn chce być elektrykiem, lepiej BOL czy
            # BBL?") does not take "córka chce zostać elektrykiem, jaki kierunek na mbo?"
            own = self._answer_words(article, section or "", lang)
        score: dict[str, float] = {}
        hobbies: list[set[str]] = []  # per hobby word of the question, the records using it
        elsewhere = True  # ... and whether the chosen section leaves all of them out (its text too)
        named = False
        all_keys = self._question_keys(text, lang)
        credits: list[tuple[frozenset[str], dict[str, float]]] = []  # per counted word: its keys, record -> weight
        for word_, forms in zip(words_of(fold(text)), self._word_forms(text, lang), strict=True):
            # each word of the question counts once, by whichever of its forms the index holds
            if not forms or forms & self._question_words or max(map(self.index.idf, forms)) < PLAIN_MIN_IDF:
                continue
            if forms & self._common_words[lang] and not forms & everyday:
                # a hobby word ('my son loves cars, what should he study?'): the few records using it, when the
                # question asks for one and the chosen section is not asked about it (its example questions do not
                # use it; its answer may name a car technician as an example)
                hobby_keys = {k for tok in forms if (k := self._word_key(tok)) is not None and k in hobby}
                if asks and hobby_keys and not forms & asked:
                    hobbies.append({src for k in hobby_keys for src in hobby[k]})
                    elsewhere = elsewhere and not forms & here
                continue
            # a form the chosen section uses itself does not count ('kaynak' in the profiles' text); another form
            # of the same word still may ('kaynakci', the welder's everyday name)
            keys = [
                k
                for tok in forms
                if (k := self._word_key(tok)) is not None and k in index and k not in (own if k in everyday else here)
            ]
            if not keys:
                continue
            is_named = any(k in everyday for k in keys)
            # an everyday name of the beroep says more than a word of its one-sentence description; the records
            # whose name only holds the word as part of a longer name, or whose description uses it, count it as a
            # description word ('كهربائي' names the electrician, the industrial electrician only as a word)
            weight = PLAIN_NAMED_WEIGHT if is_named else 1.0
            named = named or is_named
            sources = {src for k in keys for src in index[k]}
            # (only when the question uses the name itself, not another form of the word)
            exact = self._exact_forms(word_, lang)
            owners = {src for k in exact for src in self._everyday_owners[lang].get(k, ())}
            # ... a record whose longer everyday name holds the word keeps the full weight when the question uses
            # another word of that name too ('دهان' + 'السيارات': the car painter's 'دهان سيارات', not the painter)
            owners |= {
                src
                for phrase, src in self._everyday_phrases[lang]
                if src in sources
                and any(ks & set(keys) for ks in phrase)
                and any(ks & all_keys for ks in phrase if not ks & set(keys))
            }
            given = {src: weight if not owners or src in owners else 1.0 for src in sources}
            for src, amount in given.items():
                score[src] = score.get(src, 0.0) + amount
            credits.append((frozenset(keys), given))
        for phrase, src in self._everyday_phrases[lang]:
            if all(ks & all_keys for ks in phrase) and not any(ks & own for ks in phrase):
                score[src] = score.get(src, 0.0) + PLAIN_NAMED_WEIGHT
                named = True
                # a word of this longer name no longer counts for the other records it names on its own: 'ремонт
                # фур' (repairing lorries) is the lorry mechanic's, though 'фура' alone is the lorry driver's
                inside = frozenset().union(*phrase)
                for word_keys, given in credits:
                    if word_keys <= inside:
                        for other, amount in given.items():
                            if other != src:
                                score[other] = score.get(other, 0.0) - amount
        # a job called by its everyday name with "where?" asks where one learns it, also without a school word
        # ("wants to make furniture from wood, where do they teach that?")
        asks = asks or (named and asks_where_to_learn(text, lang))
        if score or not hobbies:
            return score, named, asks, False
        # hobby words decide only when no rarer word names a record, and only the records that every one of them
        # names ('engines and cars'): "solar panels, heat pumps etc." spreads over several beroepen, and the energy
        # transition article that holds them all answers
        common = set.intersection(*hobbies)
        return {src: HOBBY_WEIGHT * len(hobbies) for src in common}, named, asks, bool(common) and elsewhere

    def _where_taught(self, hit: Hit, text: str, lang: str, qvec: np.ndarray | None) -> Hit:
        """A beroep asked for together with where one learns it ("crazy about planes, can he learn to repair them
        somewhere near Rotterdam?"): its opleiding closest to the question answers (schools and whether the region
        offers it are the opleiding's facts); otherwise the beroep itself."""
        beroep = self.kb.beroepen.get(hit.source.split(":", 1)[1]) if hit.kind == "beroep" else None
        if beroep is None or qvec is None or not asks_where(text, lang):
            return hit
        routes = [f"opleiding:{o}" for o in beroep.mbo_route if o in self.kb.opleidingen]
        found = (
            self.index.search(text, k=1, filters={"source": routes}, mode="dense", lang=lang, qvec=qvec)
            if routes
            else []
        )
        return found[0] if found else hit

    def _interest_profiel(
        self, text: str, lang: str, qvec: np.ndarray | None, named: Hit | None
    ) -> tuple[str | None, Hit] | None:
        """For "which vmbo profiel?" with what the child likes or wants to become ("cars and scooters", "a plumber"):
        the techniek profiel of the beroep (or opleiding) those words name, with that record; no profiel when the
        words do not clearly point to one ('ships' is the welder's and the port worker's word)."""
        if qvec is None or not asks_profiel(text, lang):
            return None
        if named is not None and named.kind in ("beroep", "opleiding"):
            code = self._profiel_of(named.source)
            return (code, named) if code is not None else None
        # every record the words name votes for its profiel with its score ('build with wood' names the ship builder
        # too, but the carpenter, the furniture maker and the roofer outvote him)
        score, named_any, _, _ = self._plain_scores(text, lang, None, None, wants=True)
        votes: dict[str, float] = {}
        for src, value in score.items():
            code = self._profiel_of(src)
            if code is not None:
                votes[code] = votes.get(code, 0.0) + value
        if not votes:
            return None
        top = max(votes.values())
        close = [c for c, v in votes.items() if top - v < PROFIEL_VOTE_MARGIN]  # within one word of the best
        code = max(votes, key=lambda c: votes[c])
        clear = len(close) == 1 and named_any
        if not clear:
            # the words do not decide ('ships': the welder's, the ship builder's and the port worker's word; only
            # words of the beroepen's one-line descriptions, no everyday name): of the profielen they point to, the
            # one whose own description is closest to the question
            nearest = self.index.search(
                text, k=20, filters={"source": [f"profiel:{c}" for c in votes]}, mode="dense", lang=lang, qvec=qvec
            )
            if nearest:
                code, clear = nearest[0].source.split(":", 1)[1], True
        # the record shown as the example: of those of that profiel with the best score, the closest to the question
        mine = {src: v for src, v in score.items() if self._profiel_of(src) == code}
        best = max(mine.values())
        tied = sorted(src for src, v in mine.items() if v == best)
        found = self.index.search(text, k=1, filters={"source": tied}, mode="dense", lang=lang, qvec=qvec)
        if not found or (found[0].dense or 0) < PLAIN_MIN_DENSE_NAMED:
            return None
        return (code if clear else None), found[0]

    def _profiel_of(self, source: str) -> str | None:
        """The techniek profiel that leads to a beroep or opleiding: of its opleidingen, the profiel each lists first
        (the closest fit) among those with a source, most often; None when none is a techniek profiel."""
        kind, rid = source.split(":", 1)
        if kind == "beroep":
            beroep = self.kb.beroepen.get(rid)
            routes = list(beroep.mbo_route) if beroep is not None else []
        else:
            routes = [rid]
        votes: Counter[str] = Counter()
        for oid in routes:
            opl = self.kb.opleidingen.get(oid)
            if opl is None:
                continue
            codes = [
                c for c in opl.vmbo_profielen if c in vocab.TECHNIEK_PROFIELEN and c not in opl.profielen_eigen_indeling
            ]
            if codes:
                votes[codes[0]] += 1
        return votes.most_common(1)[0][0] if votes else None

    @staticmethod
    def _field_profiel_sections(kb: KnowledgeBase) -> dict[str, tuple[str, frozenset[str]]]:
        """Article about a field of work -> (its section naming the vmbo profielen that lead there, those codes): a
        section whose Dutch short answer names one or two techniek profielen and one of whose example questions asks
        which profiel ("welk profiel voor de scheepvaart"). The profiel articles themselves name them all."""
        out: dict[str, tuple[str, frozenset[str]]] = {}
        for art in kb.artikelen.values():
            if art.id in (PROFIEL_ARTICLE, PROFIELEN_ARTICLE):
                continue
            for part in art.kort:
                codes = profiel_codes(part.tekst.get("nl", ""))
                if 1 <= len(codes) <= 2 and any(asks_profiel(q, code) for code, qs in part.vragen.items() for q in qs):
                    out.setdefault(art.id, (part.id, codes))
        return out

    def _field_profiel(
        self, code: str | None, article: str | None, hits: list[Hit], text: str = "", lang: str = "nl"
    ) -> str | None:
        """For "which profiel?" with what the child likes: the article about that field of work when it names the
        profiel those words point to, and the question is closest to it (by example, or its best passage), or the
        question names the field by a rare word of that article's title ("my husband works in the port and our son
        wants to as well: which profiel?" -> working in the port, which names MaT and M&T and the port's school)."""
        if code is None:
            return None
        top = next((h.source.split(":", 1)[1] for h in hits if h.kind == "artikel"), None)
        for art in (article, top):
            if art is not None and art in self._field_profielen and code in self._field_profielen[art][1]:
                return art
        named = self._titles_named(text, lang)
        fields = [art for art, (_, codes) in self._field_profielen.items() if art in named and code in codes]
        return fields[0] if len(fields) == 1 else None

    def _titles_named(self, text: str, lang: str) -> frozenset[str]:
        """The articles whose title in ``lang`` has a word of ``text`` that few titles have ('port': the port's
        article and the NPRZ targets "... in technology and the port"; not 'work', which many titles have)."""
        from retrieval.tokenize import tokenize

        rare = self._lang_title_words.get(lang)
        if rare is None:
            seen: dict[str, set[str]] = {}
            for art in self.kb.artikelen.values():
                for tok in set(tokenize(art.titel.get(lang, ""), lang)):
                    if len(tok) >= 3:
                        seen.setdefault(tok, set()).add(art.id)
            rare = {tok: frozenset(ids) for tok, ids in seen.items() if len(ids) <= TITLE_WORD_ARTICLES}
            self._lang_title_words[lang] = rare
        return frozenset().union(*(rare[tok] for tok in tokenize(text, lang) if tok in rare))

    def _with_others(self, answer: Answer, others: list[str], lang: str) -> Answer:
        """A record answer followed by the other beroepen the question's words name as well, as sources too."""
        beroepen = [b for src in others if (b := self.kb.beroepen.get(src.split(":", 1)[1])) is not None]
        if not beroepen:
            return answer
        line = t("assistant.ook_beroepen", lang, beroepen=format_list([b.naam for b in beroepen], lang))
        answer.answer = f"{answer.answer}\n\n{line}"
        answer.sources += [self._record_source(f"beroep:{b.id}", lang) for b in beroepen]
        return answer

    def _with_profiel(self, answer: Answer, fit: tuple[str | None, Hit], lang: str) -> Answer:
        """The profiel answer opened by the profiel that fits the child's interest, with the record it comes from."""
        code, hit = fit
        if code is None:
            return answer
        kind, rid = hit.source.split(":", 1)
        record = self.kb.beroepen.get(rid) if kind == "beroep" else self.kb.opleidingen.get(rid)
        name = record.naam if record is not None else hit.title
        opening = t("assistant.profiel_past", lang, naam=name, profiel=label("profiel", code, lang))
        answer.answer = f"{opening} {answer.answer}"
        answer.sources.append(_hit_source(hit, name))
        return answer

    def _beroep_as_example(
        self, named: Hit, text: str, lang: str, article: str | None, section: str | None, example: float, mode: Mode
    ) -> bool:
        """Whether a beroep named in the question is only the asker's example and the question is about an
        article's subject ("verdient een stukadoor goed?", "is dakdekker zwaar en vies werk?"): it does not ask
        for the beroep, an example question of the article matches closely and the section uses its other words."""
        return (
            mode != "bm25"
            and named.kind == "beroep"
            and article is not None
            and example >= EXAMPLE_STRONG
            and not asks_for_record(text, lang)
            and not asks_job_leerweg(text, lang)
            and self._rest_support(text, lang, article, section, self._plain_index(lang)) >= PLAIN_REST_SUPPORT
        )

    def _rest_support(
        self, text: str, lang: str, article: str, section: str | None, index: dict[str, set[str]]
    ) -> float:
        """IDF-weighted share of the question's words that name no record and that the section's own short answer
        and example questions use."""
        toks = [
            tok
            for tok in query_tokens(text, lang)
            if tok not in self._question_words and (self._word_key(tok) or "") not in index
        ]
        weights = [self.index.idf(tok) for tok in toks]
        total = sum(weights)
        if not total:
            return 0.0
        have = self._part_words(article, section or "", lang)
        return sum(w for tok, w in zip(toks, weights, strict=True) if tok in have) / total

    @staticmethod
    def _unique_title_words(kb: KnowledgeBase) -> dict[str, str]:
        """Dutch (stemmed) words that occur in the Dutch title of exactly one article -> that article."""
        from retrieval.tokenize import tokenize

        seen: dict[str, set[str]] = {}
        for art in kb.artikelen.values():
            for tok in set(tokenize(art.titel.get("nl", ""), "nl")):
                if len(tok) >= 4:
                    seen.setdefault(tok, set()).add(art.id)
        return {tok: next(iter(ids)) for tok, ids in seen.items() if len(ids) == 1}

    def _term_section(self, article: str, text: str, lang: str) -> str | None:
        """Of ``article``, the section whose Dutch example questions use the Dutch school word of an Arabic or
        Ukrainian question most often ('praktijkvak': what a practical programme is, not who may teach it)."""
        terms = {w for w, named in self._dutch_terms(text, lang).items() if named == article}
        art = self.kb.artikelen.get(article)
        if not terms or art is None:
            return None
        uses = [
            (sum(1 for q in part.vragen.get("nl", []) if terms & set(words_of(fold(q)))), -i, part.id)
            for i, part in enumerate(art.kort)
        ]
        best = max(uses)
        return best[2] if best[0] > 0 else None

    def _dutch_terms(self, text: str, lang: str) -> dict[str, str]:
        """The Dutch school words an Arabic or Ukrainian question writes in Latin letters that only one article's
        example questions use (see _example_terms_of), each with that article; in a Polish, Turkish or English question
        too ("syn ma praktijkvak techniki na mavo"), never in a Dutch one (its own words are not borrowed terms)."""
        if lang == "nl":
            return {}
        latin = " ".join(re.findall(r"[A-Za-z][A-Za-z'-]+", text))
        return {w: self._example_terms[w] for w in words_of(fold(latin)) if w in self._example_terms}

    @staticmethod
    def _example_terms_of(kb: KnowledgeBase) -> dict[str, str]:
        """Dutch words (whole, of at least EXAMPLE_TERM_LETTERS letters) that the example questions of exactly one
        article use, in any language ('praktijkvak'): a parent who writes such a word in Dutch in an Arabic or
        Ukrainian question uses it as the school's name for the thing the article is about."""
        seen: dict[str, set[str]] = {}
        for art in kb.artikelen.values():
            for part in art.kort:
                for qs in part.vragen.values():
                    for q in qs:
                        for w in set(words_of(fold(q))):
                            seen.setdefault(w, set()).add(art.id)
        # ... and that more than one of its Dutch example questions uses: a term of the school ('praktijkvak'), not a
        # word that one example happens to use ('makkelijk', 'elektricien')
        uses: Counter[str] = Counter(
            w
            for art in kb.artikelen.values()
            for part in art.kort
            for q in part.vragen.get("nl", [])
            for w in set(words_of(fold(q)))
            if len(w) >= EXAMPLE_TERM_LETTERS and w.isascii() and w.isalpha()
        )
        return {w: next(iter(seen[w])) for w, n in uses.items() if n >= EXAMPLE_TERM_USES and len(seen[w]) == 1}

    @staticmethod
    def _title_names(kb: KnowledgeBase, unique: dict[str, str]) -> dict[str, str]:
        """Names that one article's Dutch title writes as a name, an acronym or a joined-up name ('NPRZ', 'AanDeBak',
        'NaSk'): parents use them as they hear them, in any language, so they name that article in any language."""
        from retrieval.tokenize import tokenize

        names: dict[str, str] = {}
        for art in kb.artikelen.values():
            for part in re.findall(r"[^\W\d_]+", art.titel.get("nl", "")):
                if (part.isupper() and len(part) >= 3) or re.search(r"[a-z][A-Z]", part):
                    for tok in tokenize(part, "nl"):
                        if unique.get(tok) == art.id:
                            names[tok] = art.id
        return names

    def _named_programme(self, text: str, matches: list[SectionMatch], hits: list[Hit], lang: str = "nl") -> str | None:
        """The article whose programme name the question uses ("school keeps going on about aandebak"), or, in an
        Arabic or Ukrainian question, a Dutch school word that only that article's example questions use
        ("школа каже що буде praktijkvak": the practical programmes), when that article is also among the closest
        by example question and passage."""
        from retrieval.tokenize import tokenize

        named = {self._programme_names[tok] for tok in tokenize(text, "nl") if tok in self._programme_names}
        named |= set(self._dutch_terms(text, lang).values())
        if len(named) != 1:
            return None
        article = next(iter(named))
        close = {a for a, _, _ in self._ranked_articles(matches, hits)[:NAMED_ARTICLE_RANK]}
        # ... or among the first passages: the ranking of whole articles shifts with every new example question
        close |= {h.source.removeprefix("artikel:") for h in hits[:NAMED_ARTICLE_PASSAGES]}
        return article if article in close else None

    def _near_agreement(
        self, text: str, lang: str, matches: list[SectionMatch], hits: list[Hit]
    ) -> tuple[str, str, float] | None:
        """(article, section, example cosine) when the best-scoring example question (dense + characters), or else
        the closest one by meaning, is at least AGREE_ALONE_MIN close, its article is among the NEAR_PASSAGES best
        passages (with at least PASSAGE_AGREE) and its section holds SUPPORT_MIN of the question's words."""
        if not matches:
            return None
        near = {h.source for h in hits[:NEAR_PASSAGES] if h.kind == "artikel" and (h.dense or 0) >= PASSAGE_AGREE}
        for m in (matches[0], max(matches, key=lambda x: x.dense)):
            if (
                m.dense >= AGREE_ALONE_MIN
                and f"artikel:{m.article}" in near
                and self.support(text, lang, m.article, m.section) >= SUPPORT_MIN
            ):
                return m.article, m.section, m.dense
        return None

    @staticmethod
    def _profiel_article(article: str, matches: list[SectionMatch]) -> bool:
        """Whether ``article`` is one about the vmbo profielen themselves and one of its example questions matches
        strongly."""
        return article in (PROFIEL_ARTICLE, PROFIELEN_ARTICLE) and (
            max((m.dense for m in matches if m.article == article), default=0.0) >= EXAMPLE_STRONG
        )

    def _names_title(self, text: str, article: str) -> bool:
        """Whether the question uses a Dutch word (of at least two) that only ``article``'s title has
        ('praktijkgericht programma')."""
        from retrieval.tokenize import tokenize

        latin = " ".join(re.findall(r"[A-Za-z][A-Za-z'-]+", text))
        own = {tok for tok in tokenize(latin, "nl") if self._title_words.get(tok) == article}
        return len(own) >= 2

    def _named_article(self, text: str, lang: str, matches: list[SectionMatch], hits: list[Hit]) -> str | None:
        """An article named by Dutch words in a question written in another script (Arabic, Cyrillic): words
        that only that article's title has, when the article is also among the closest by example question."""
        if lang not in NON_LATIN_LANGS:
            return None
        from retrieval.tokenize import tokenize

        latin = " ".join(w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text))
        named = {self._title_words[tok] for tok in tokenize(latin, "nl") if tok in self._title_words}
        if len(named) != 1:
            return None
        article = next(iter(named))
        close = [a for a, _, _ in self._ranked_articles(matches, hits)[:NAMED_ARTICLE_RANK]]
        return article if article in close else None

    def _why_choice(
        self,
        article: str,
        section: str | None,
        example: float,
        matches: list[SectionMatch],
        hits: list[Hit],
        text: str = "",
    ) -> tuple[str, str | None, float]:
        """For a "why" question: of the next closest articles, the first whose section is asked why in its own
        example questions and whose example is about as close, when the chosen section's examples never ask why
        ("why is there no techniek at our school?" is the licence, not "no techniek at school, what now?")."""
        if self._asked_why(article, section):
            return article, section, example
        missing = self._missing_subjects(text)
        for art, sec, ex in self._ranked_articles(matches, hits, None, text)[1:WHY_RANKS]:
            if (art, None) in missing or (art, sec) in missing:
                continue  # "why do so few teens go into tech?" is not why so few girls do
            if ex >= example - WHY_MARGIN and self._asked_why(art, sec):
                return art, sec, ex
        return article, section, example

    @staticmethod
    def _missing_subjects(text: str) -> frozenset[tuple[str, str | None]]:
        """The (article, section) pairs (section None: the whole article) about a group the question does not name."""
        folded = fold(text)
        out: set[tuple[str, str | None]] = set()
        for article, sections, pattern in SUBJECT_GROUPS:
            if pattern.search(folded):
                continue
            out.update((article, sec) for sec in sections) if sections is not None else out.add((article, None))
        return frozenset(out)

    @staticmethod
    def _named_subjects(text: str) -> frozenset[str]:
        """The articles one of whose sections is about a thing the question names in everyday words."""
        folded = fold(text)
        return frozenset(article for article, _, pattern in SUBJECT_SECTIONS if pattern.search(folded))

    def _about_missing_group(self, text: str, article: str, matches: list[SectionMatch]) -> bool:
        """Whether the article (by its best section for the question) is about a group the question does not name."""
        missing = self._missing_subjects(text)
        return (article, None) in missing or (article, self._best_section(article, matches)) in missing

    def _asked_why(self, article: str, section: str | None) -> bool:
        """Whether an example question of the section asks why (in any language); kept per section."""
        if section is None:
            return False
        key = (article, section)
        if key not in self._why_sections:
            self._why_sections[key] = any(
                asks_why(q) for lang in LANGUAGES for q in self.questions.examples(article, section, lang)
            )
        return self._why_sections[key]

    def _choose_article(
        self, matches: list[SectionMatch], hits: list[Hit], prefer: str | None = None, text: str = ""
    ) -> tuple[str | None, str | None, float]:
        """The article (and its section) with the best combined score; plus the best example cosine for it."""
        if not matches:
            if hits and hits[0].kind == "artikel":
                art = hits[0].source.split(":", 1)[1]
                return art, self._best_section(art, []), 0.0
            return None, None, 0.0
        return self._ranked_articles(matches, hits, prefer, text)[0]

    def _ranked_articles(
        self, matches: list[SectionMatch], hits: list[Hit], prefer: str | None = None, text: str = ""
    ) -> list[tuple[str, str, float]]:
        """(article, its best section, that example's cosine) for every matched article, best combined score first;
        for a plain question (``text``, no ``prefer``) an article about one group of pupils that the question does
        not speak of ranks SUBJECT_MISSING lower."""
        passage: dict[str, tuple[float, int]] = {}
        rank = 0
        for h in hits:
            if h.kind != "artikel":
                continue
            art = h.source.split(":", 1)[1]
            if art not in passage:
                passage[art] = (float(h.dense or 0.0), rank)
                rank += 1
        best: dict[str, SectionMatch] = {}
        for m in matches:
            best.setdefault(m.article, m)

        missing = self._missing_subjects(text) if prefer is None and text else frozenset()
        named = self._named_subjects(text) if prefer is None and text else frozenset()

        def score(art: str) -> float:
            m = best[art]
            dense, r = passage.get(art, (0.7, 20))
            bonus = FOLLOWUP_BONUS if art == prefer else 0.0
            if (art, m.section) in missing or (art, None) in missing:
                bonus -= SUBJECT_MISSING
            if art in named:
                bonus += SUBJECT_NAMED
            return m.dense + W_CHARS * m.chars + W_PASSAGE * dense + W_RANK / (1 + r) + bonus

        return [
            (art, best[art].section, best[art].dense if best[art].dense > 0 else best[art].chars)
            for art in sorted(best, key=score, reverse=True)
        ]

    def support(self, text: str, lang: str, article: str, section: str | None) -> float:
        """IDF-weighted share of the question's content words found in the section: its short answer, example
        questions and article text in the question's language (and Dutch)."""
        toks = [tok for tok in query_tokens(text, lang) if tok not in self._question_words]
        if not toks:
            return 1.0
        have = self._section_words(article, section or "", lang)
        weights = [self.index.idf(tok) for tok in toks]
        total = sum(weights)
        if lang == "ar":
            # Arabic: a word also meets the section in another person or with another pronoun ('بقدر ساعد بنتي', "I can
            # help my daughter", in everyday speech; 'أساعد ابنتي' in the curated text), see arabic_keys
            keys = self._arabic_token_keys(text)
            loose = self._arabic_section_keys(article, section or "")
            found = [tok in have or bool(keys.get(tok, frozenset()) & loose) for tok in toks]
        else:
            found = [tok in have for tok in toks]
        return sum(w for w, f in zip(weights, found, strict=True) if f) / total if total else 1.0

    @staticmethod
    def _arabic_token_keys(text: str) -> dict[str, frozenset[str]]:
        """Each Arabic token of the question -> the loose keys of the word it came from."""
        from retrieval.tokenize import arabic_keys, tokenize

        out: dict[str, frozenset[str]] = {}
        for w in words_of(fold(text)):
            for tok in tokenize(w, "ar"):
                out[tok] = out.get(tok, frozenset()) | arabic_keys(w)
        return out

    def _arabic_section_keys(self, article: str, section: str) -> frozenset[str]:
        """Loose keys (see arabic_keys) of the Arabic words of an article and one of its sections."""
        key = (article, f"~{section}", "ar")
        cached = self._section_tokens.get(key)
        if cached is None:
            from retrieval.tokenize import arabic_keys

            art = self.kb.artikelen[article]
            part = next((k for k in art.kort if k.id == section), None)
            texts = [art.titel.get("ar", ""), art.tekst.get("ar", ""), art.doen.get("ar", "")]
            if part is not None:
                texts += [part.tekst.get("ar", ""), *part.vragen.get("ar", [])]
            cached = frozenset(k for w in words_of(fold(" ".join(texts))) for k in arabic_keys(w))
            self._section_tokens[key] = cached
        return cached

    def _section_words(self, article: str, section: str, lang: str) -> frozenset[str]:
        """Words of an article (title, text, 'what you can do') with one of its sections (:meth:`_part_words`)."""
        return self._article_words(article, lang) | self._part_words(article, section, lang)

    def _article_words(self, article: str, lang: str) -> frozenset[str]:
        key = (article, "", lang)
        words = self._section_tokens.get(key)
        if words is None:
            from retrieval.tokenize import tokenize

            art = self.kb.artikelen[article]
            own = " ".join([art.titel.get(lang, ""), art.tekst.get(lang, ""), art.doen.get(lang, "")])
            dutch = " ".join([art.titel.get("nl", ""), art.tekst.get("nl", "")])
            # parents use the Dutch school words in every language ('doorlopende leerroute' in a Ukrainian
            # question): the article's Dutch text counts too
            words = frozenset(tokenize(own, lang)) | frozenset(tokenize(f"{own} {dutch}", "nl"))
            self._section_tokens[key] = words
        return words

    def _part_words(self, article: str, section: str, lang: str) -> frozenset[str]:
        """Words of one section alone: its short answer and example questions (asker's language and Dutch)."""
        key = (article, f"#{section}", lang)
        words = self._section_tokens.get(key)
        if words is None:
            from retrieval.tokenize import tokenize

            part = self._kort_part(article, section)
            if part is None:
                words = frozenset()
            else:
                own = " ".join([part.tekst.get(lang, ""), *part.vragen.get(lang, [])])
                dutch = " ".join([part.tekst.get("nl", ""), *part.vragen.get("nl", [])])
                words = frozenset(tokenize(own, lang)) | frozenset(tokenize(f"{own} {dutch}", "nl"))
            self._section_tokens[key] = words
        return words

    def _answer_words(self, article: str, section: str, lang: str) -> frozenset[str]:
        """Words of one section's short answer alone (asker's language and Dutch), without its example questions."""
        key = (article, f"={section}", lang)
        words = self._section_tokens.get(key)
        if words is None:
            from retrieval.tokenize import tokenize

            part = self._kort_part(article, section)
            own = part.tekst.get(lang, "") if part is not None else ""
            dutch = part.tekst.get("nl", "") if part is not None else ""
            words = frozenset(tokenize(own, lang)) | frozenset(tokenize(f"{own} {dutch}", "nl"))
            self._section_tokens[key] = words
        return words

    def _example_words(self, article: str, section: str, lang: str) -> frozenset[str]:
        """Words of one section's example questions (asker's language and Dutch), with their loose forms: what the
        section is asked about ('solar panels' for the energy transition's jobs), not the examples its answer gives."""
        key = (article, f"?{section}", lang)
        words = self._section_tokens.get(key)
        if words is None:
            part = self._kort_part(article, section)
            found: set[str] = set()
            for code in dict.fromkeys((lang, "nl")):
                for q in part.vragen.get(code, []) if part is not None else []:
                    found.update(k for w in words_of(fold(q)) for k in self._loose_keys(w, code))
            words = frozenset(found)
            self._section_tokens[key] = words
        return words

    def _words_share(self, text: str, lang: str) -> Callable[[str, str], float]:
        """(article, section) -> the IDF-weighted share of the question's content words that the section's own
        short answer and example questions hold (see _part_words)."""
        toks = [tok for tok in query_tokens(text, lang) if tok not in self._question_words]
        weights = {tok: self.index.idf(tok) for tok in toks}
        total = sum(weights.values()) or 1.0

        def share(article: str, section: str) -> float:
            have = self._part_words(article, section, lang)
            return sum(w for tok, w in weights.items() if tok in have) / total

        return share

    def _part_names_teacher(self, article: str, section: str | None) -> bool:
        """Whether an article section's Dutch short answer speaks of a teacher (see names_teacher)."""
        part = self._kort_part(article, section)
        return part is not None and names_teacher(part.tekst.get("nl", ""))

    def _still_open_section(
        self, article: str, section: str | None, text: str, lang: str, matches: list[SectionMatch]
    ) -> str | None:
        """For a worry that a choice closed a way for good (asks_if_closed): ``section`` when its Dutch text says the
        way stays open later, else the closest section of the article that says so and whose example is about as
        close (SECTION_MARGIN) as the article's best one."""
        if section is None or not asks_if_closed(text, lang) or self._says_still_open(article, section):
            return section
        return self._close_section(article, matches, lambda s: self._says_still_open(article, s)) or section

    def _says_still_open(self, article: str, section: str | None) -> bool:
        """Whether an article section's Dutch short answer says the way stays open later (STILL_OPEN)."""
        part = self._kort_part(article, section)
        return part is not None and STILL_OPEN.search(fold(part.tekst.get("nl", ""))) is not None

    @staticmethod
    def _close_section(article: str, matches: list[SectionMatch], fits: Callable[[str | None], bool]) -> str | None:
        """Of ``article``'s sections whose example is about as close (SECTION_MARGIN) as its best one, the closest
        that ``fits``; None when none does."""
        mine = [m for m in matches if m.article == article]
        best = max((m.dense for m in mine), default=0.0)
        found = [m for m in mine if m.dense >= best - SECTION_MARGIN and fits(m.section)]
        return max(found, key=lambda m: m.dense).section if found else None

    def _wordier_section(
        self, article: str, section: str | None, text: str, lang: str, matches: list[SectionMatch]
    ) -> str | None:
        """``section`` (the article's section whose example question matched best), or another section of the
        article whose example is about as close (SECTION_MARGIN) and that holds clearly more of the question's own
        words (SECTION_SHIFT_WORDS): a detail ("fewer than in the whole country?" -> the region against the
        national share, not Rotterdam against The Hague; "Entree? he has no diploma" -> who goes to Entree)."""
        mine = [m for m in matches if m.article == article]
        if not mine or section is None:
            return section
        share = self._words_share(text, lang)
        best = max(m.dense for m in mine)
        if names_teacher(text) and not self._part_names_teacher(article, section):
            # "mag elke leraar dat zomaar geven?", "until when may an ordinary vmbo teacher give it?": the question asks
            # about the teacher; of the sections whose example is about as close, the one whose short answer speaks
            # of the teacher answers (who may teach the programme), not the one about the programme itself
            teaching = self._close_section(article, matches, lambda s: self._part_names_teacher(article, s))
            if teaching is not None:
                return teaching
        here = share(article, section)
        wordier = [
            m
            for m in mine
            if m.dense >= best - SECTION_MARGIN and share(article, m.section) - here >= SECTION_SHIFT_WORDS
        ]
        if not wordier:
            return section
        return max(wordier, key=lambda m: m.dense + SECTION_WORDS * share(article, m.section)).section

    def _section_for(
        self,
        article: str,
        text: str,
        lang: str,
        matches: list[SectionMatch],
        keep: str | None = None,
        about: str | None = None,
    ) -> str | None:
        """The section of ``article`` that the question's own words ask about: among the sections whose example
        question is close (SECTION_MARGIN), the one whose short answer and examples hold the most of its rarer
        words ("how many days at school?" after BBL: the section with the school days, not the one with the BBL
        share); a figure question also prefers a section that gives a figure. ``matches`` are the question's own.
        ``keep``: the section the parent just read, when the question points back at it ("en is dat elk jaar
        hetzelfde?" after the AanDeBak-garantie): it stays unless another section is clearly closer. ``about``: the
        earlier question of a figure follow-up ("and how many of them go on in techniek?" after "what is PIE?"):
        its names ('PIE') say whose figure is asked, as the question's own words do."""
        mine = [m for m in matches if m.article == article]
        if not mine:
            return self._best_section(article, matches)
        best = max(m.dense for m in mine)
        number = asks_number(text, lang)
        asked = regions_named(text) - _AREA_TOWNS
        margin = REGION_MARGIN if number and asked else SECTION_MARGIN
        close = [m for m in mine if m.dense >= best - margin or m.section == keep]
        # a figure question's region is read as a region (SECTION_REGION), not as words of another language's text
        place = set(query_tokens(region_words(text), lang)) if number and asked else set()
        toks = [tok for tok in query_tokens(text, lang) if tok not in self._question_words and tok not in place]
        weights = {tok: self.index.idf(tok) for tok in toks}
        total = sum(weights.values()) or 1.0
        # ... the names of the earlier question (a profiel, BBL) that the follow-up does not repeat
        names = (profiel_codes(about) | school_terms(about)) - school_terms(text) if number and about else frozenset()
        earlier = {tok for tok in query_tokens(" ".join(sorted(names)), lang) if len(tok) >= 2}
        art = self.kb.artikelen[article]
        groups = groups_named(text)
        # the groups every section that names a group speaks of (young migrants, in the placement article)
        named = [g for g in (self._section_groups(article, k.id, lang) for k in art.kort) if g]
        common = frozenset.intersection(*named) if named else frozenset()

        def score(m: SectionMatch) -> float:
            have = self._part_words(article, m.section, lang)
            words = sum(w for tok, w in weights.items() if tok in have) / total
            part = next((k for k in art.kort if k.id == m.section), None)
            figure = 0.0
            dutch = part.tekst.get("nl", "") if part is not None else ""
            if number and part is not None and (_NUMBER.search(dutch) or _COUNT_WORD.search(dutch)):
                figure = SECTION_FIGURE
                # a figure that matches: a sentence with a number that also holds a word of the question
                # ("how many ... after PIE?": the sentence with '76% for PIE', not the one with '30%')
                held = self._figure_words(part.tekst.get(lang) or part.tekst["nl"], lang)
                if held & weights.keys():
                    figure = SECTION_MATCHING_FIGURE
                if earlier and earlier <= held:
                    # ... and sentences with the figure of all that the earlier question named ('76% for PIE')
                    figure += SECTION_EARLIER_FIGURE
            if number and asked:
                figure += SECTION_REGION * self._region_focus(article, m.section, asked, lang)
            # a figure question: a section that breaks the article's figure down by groups of its own (BBL and BOL)
            # answers a question that names one of them; "how many young migrants ..." gets the figure about all
            own = self._section_groups(article, m.section, lang) - common
            other = SECTION_OTHER_GROUP if number and len(own) > 1 and not own & groups else 0.0
            return m.dense + SECTION_WORDS * words + figure + (SECTION_KEEP if m.section == keep else 0.0) - other

        return max(close, key=score).section

    def _figure_choice(
        self,
        article: str,
        section: str | None,
        text: str,
        lang: str,
        matches: list[SectionMatch],
        closest_only: bool = False,
    ) -> tuple[str, str | None]:
        """A figure question whose chosen section's figures are not about its words: the section of another article
        whose example is about as close (FIGURE_MARGIN; with ``closest_only``, the closest example of all) and whose
        sentences with a figure hold clearly more of the question's rarer words ("what share of havo pupils ..." ->
        the havo share, not the vmbo share per city)."""

        def share(art: str, sec: str | None) -> float:
            # the words that say what the figure is about, next to the figure (see _figure_fit); "Rotterdam" alone
            # does not move the answer to another article's figure for the town ("rotterdamda gercekten teknik
            # eleman eksik mi": the area's vacancies, not the town's vmbo pupils; see _AREA_TOWNS)
            return self._figure_fit(art, sec, text, lang, towns=False)

        here = next((m for m in matches if m.article == article and m.section == section), None)
        part = self._kort_part(article, section)
        if here is None or part is None or not _FIGURE.search(part.tekst.get("nl", "")):
            # the chosen section gives no figure: "how many days at school?" is answered in words, not moved
            return article, section
        own = share(article, section)
        closest = max(m.dense for m in matches)
        best: tuple[float, str, str] | None = None
        for m in matches:
            if m.article == article or m.dense < (closest if closest_only else here.dense - FIGURE_MARGIN):
                continue
            gain = share(m.article, m.section) - own
            if gain >= FIGURE_GAIN and (best is None or gain > best[0]):
                best = (gain, m.article, m.section)
        return (best[1], best[2]) if best is not None else (article, section)

    def _region_choice(
        self, article: str, section: str | None, text: str, lang: str, matches: list[SectionMatch]
    ) -> tuple[str, str | None]:
        """A figure question that names a region whose chosen section gives no figure for it ("Lahey'de ... yüzde
        kaç?" -> the regional share): the section of another article whose example is nearly as close as the best
        one (FIGURE_PASSAGE_MARGIN) and whose figures name that region, the one that fits best, when it fits at least
        as well as the chosen one when that is another region's figure (Den Haag's 8%, not the region's 15,2%), and
        clearly better (FIGURE_GAIN) when the chosen section names no region."""
        # a named place, not "our region" or "the whole country" (most figures are the region's or the country's)
        asked = regions_named(text) - _BROAD_REGIONS - _AREA_TOWNS
        if not asked or self._region_focus(article, section, asked, lang) > 0.0:
            return article, section
        best = max((m.dense for m in matches), default=0.0)
        # a chosen figure that is another region's (the region's 15,2%) gives way to one about as fitting; a section
        # whose figures name no region, or that gives none, only to one that fits clearly better
        other = any(own for own, _ in self._figure_regions(article, section or "", lang))
        own = self._figure_fit(article, section, text, lang) + (0.0 if other else FIGURE_GAIN)
        found: tuple[float, str, str] | None = None
        for m in matches:
            if m.article == article or m.dense < best - FIGURE_PASSAGE_MARGIN:
                continue
            if self._region_focus(m.article, m.section, asked, lang) == 0.0:
                continue
            fit = self._figure_fit(m.article, m.section, text, lang)
            if fit >= own and (found is None or fit > found[0]):
                found = (fit, m.article, m.section)
        return (found[1], found[2]) if found is not None else (article, section)

    @staticmethod
    def _group_figure(text: str) -> bool:
        """A question about a figure (or a place's figure) for a group of pupils or young people (not "how many
        migrants live in Rotterdam?")."""
        return (
            bool(groups_named(text))
            and bool(_YOUNG.search(fold(text)))
            and (asks_number(text) or bool(regions_named(text)))
        )

    @staticmethod
    def _young_figure(text: str, lang: str) -> bool:
        """A figure question about young people of a region, named as such or by their ages ("ile mlodziezy 10-20 lat
        mieszka w regionie rotterdam-haga?", "كم واحد عمره بين 10 و 20 سنة ... روتردام - لاهاي"): ours when the
        passages and the examples agree, though it holds no school word."""
        folded = fold(text)
        return (
            asks_number(text, lang)
            and bool(regions_named(text))
            and bool(_YOUNG.search(folded) or _AGE_RANGE.search(folded))
        )

    def _group_choice(
        self, article: str, section: str | None, text: str, lang: str, matches: list[SectionMatch]
    ) -> tuple[str, str | None]:
        """A figure question that names a group of pupils ("what percent of vmbo technology pupils are girls?")
        whose chosen section does not speak of that group: the closest section that does and gives a figure, when
        its example is within GROUP_MARGIN of the best one (the examples of figure sections all ask "how many
        percent", so "meiden" or "بنات" moves the best example less than it changes the answer)."""
        asked = groups_named(text)
        if not asked or asked <= self._section_groups(article, section or "", lang):
            return article, section
        best = max((m.dense for m in matches), default=0.0)
        fitting = [
            m
            for m in matches
            if m.dense >= best - GROUP_MARGIN
            and asked <= self._section_groups(m.article, m.section or "", lang)
            and self._section_figure(m.article, m.section or "")
        ]
        # the chosen article's own section for that group, other things about equal (GROUP_OWN): the article was
        # chosen on the question's topic (finding a placement), the group picks the figure inside it (the BBL figure,
        # not another article's BBL figure about finding a job)
        # ... and the one whose figure sentence holds the question's words ("almost half of the ICT students have
        # migrant parents?": the 47% for ICT, not a placement figure that names migrants too)
        found = max(
            fitting,
            key=lambda m: (
                m.dense
                + (GROUP_OWN if m.article == article else 0.0)
                + SECTION_WORDS * self._figure_fit(m.article, m.section, text, lang)
            ),
            default=None,
        )
        return (found.article, found.section) if found is not None else (article, section)

    def _section_groups(self, article: str, section: str, lang: str) -> frozenset[str]:
        """The groups of pupils a section's text names, in the asker's language or in Dutch."""
        part = self._kort_part(article, section)
        if part is None:
            return frozenset()
        return groups_named(part.tekst.get(lang, "")) | groups_named(part.tekst.get("nl", ""))

    def _kort_part(self, article: str, section: str | None) -> KortAntwoord | None:
        """The short-answer section ``section`` of ``article`` (None when it has none by that id)."""
        return next((k for k in self.kb.artikelen[article].kort if k.id == section), None)

    def _section_figure(self, article: str, section: str) -> bool:
        part = self._kort_part(article, section)
        return part is not None and bool(_FIGURE.search(part.tekst.get("nl", "")))

    def _figure_fit(self, article: str, section: str | None, text: str, lang: str, towns: bool = True) -> float:
        """How well the section's figure is the one asked: IDF-weighted share of the question's words (not "how
        many", "percent") that one sentence giving a figure holds, read with the sentence before it; a word found
        only elsewhere in the section (its other sentences, its example questions: "meiden", "mavo") counts half.
        0.0 when the section gives no figure. ``towns=False``: a town that often means its area (_AREA_TOWNS) is
        not read as the region asked."""
        windows = self._figure_window_words(article, section or "", lang)
        if not windows:
            return 0.0
        place = set(query_tokens(region_words(text), lang))  # read as the region (below), not as words
        toks = [
            tok
            for tok in query_tokens(text, lang)
            if tok not in self._question_words
            and tok not in self._number_tokens
            and tok not in place
            and self.index.df.get(tok, 0)
        ]
        weights = {tok: self.index.idf(tok) for tok in toks}
        asked = regions_named(text) if towns else regions_named(text) - _AREA_TOWNS
        # the region asked, in whatever language or script the section names it (see SECTION_REGION)
        region = max(weights.values(), default=1.0) if asked else 0.0
        total = sum(weights.values()) + region
        if not total:
            return 0.0
        around = self._part_words(article, section or "", lang)
        places = self._figure_regions(article, section or "", lang)
        return (
            max(
                sum(w if tok in have else FIGURE_AROUND * w if tok in around else 0.0 for tok, w in weights.items())
                # the sentence's own regions (else those it continues): the figure of the asked region alone
                # ("In Den Haag was het maar 8%") fits better than one in a list of many places' figures
                + (region * len(asked & (own or named)) / len(asked | (own or named)) if asked else 0.0)
                for have, (own, named) in zip(windows, places, strict=True)
            )
            / total
        )

    def _figure_regions(self, article: str, section: str, lang: str) -> list[tuple[frozenset[str], frozenset[str]]]:
        """Per sentence of the section that gives a figure (as _figure_window_words): the regions it names, in the
        asker's language or in the Dutch sentence at the same place, and those it names with the sentence before."""
        key = (article, section, lang)
        cached = self._figure_places.get(key)
        if cached is not None:
            return cached
        part = self._kort_part(article, section)
        places: list[tuple[frozenset[str], frozenset[str]]] = []
        if part is not None and _FIGURE.search(part.tekst.get("nl", "")):
            own = sentences(part.tekst.get(lang) or part.tekst["nl"])
            dutch = sentences(part.tekst["nl"])
            named = [
                regions_named(s) | (regions_named(dutch[i]) if len(dutch) == len(own) else frozenset())
                for i, s in enumerate(own)
            ]
            places = [
                (named[i], named[i] | (named[i - 1] if i else frozenset()))
                for i, s in enumerate(own)
                if _NUMBER.search(s)
            ]
        self._figure_places[key] = places
        return places

    def _region_focus(self, article: str, section: str | None, asked: frozenset[str], lang: str) -> float:
        """How much the section's figures are the asked region's: the share of its sentences giving a figure and
        naming a region that name an asked one (0.0 when none names a region)."""
        places = [own for own, _ in self._figure_regions(article, section or "", lang) if own]
        return sum(1 for p in places if p & asked) / len(places) if places else 0.0

    def _figure_window_words(self, article: str, section: str, lang: str) -> list[frozenset[str]]:
        """Per sentence of the section that gives a figure: its words and those of the sentence before it (asker's
        language, plus the Dutch sentence at the same place when the two texts have as many sentences)."""
        key = (article, section, lang)
        cached = self._figure_windows.get(key)
        if cached is not None:
            return cached
        from retrieval.tokenize import tokenize

        part = self._kort_part(article, section)
        windows: list[frozenset[str]] = []
        if part is not None and _FIGURE.search(part.tekst.get("nl", "")):
            own = sentences(part.tekst.get(lang) or part.tekst["nl"])
            dutch = sentences(part.tekst["nl"])
            words = [
                frozenset(tokenize(s, lang))
                | frozenset(tokenize(s, "nl"))
                | (frozenset(tokenize(dutch[i], "nl")) if len(dutch) == len(own) else frozenset())
                for i, s in enumerate(own)
            ]
            windows = [words[i] | (words[i - 1] if i else frozenset()) for i, s in enumerate(own) if _NUMBER.search(s)]
        self._figure_windows[key] = windows
        return windows

    def _figure_passage(
        self, article: str, section: str | None, text: str, lang: str, matches: list[SectionMatch], hits: list[Hit]
    ) -> tuple[str, str | None] | None:
        """A figure question whose closest passage is another article's figure: that article answers when one of its
        example questions is nearly as close as the best one (FIGURE_PASSAGE_MARGIN) and its section holds about as
        many of the question's words (FIGURE_PASSAGE_WORDS). The examples of figure sections all ask "how many percent ...", so they
        lie close together and the topic words decide less there than in the passages that hold the figure
        ("hoeveel meiden zitten er bij techniek, in procenten?" -> the girls' share, not the NPRZ targets)."""
        # the first passage of the ranking that is also the closest by meaning (a first passage that only shares
        # words, or a closest one the ranking puts lower, does not take the figure from the chosen article)
        top = hits[0] if hits else None
        closest = max((h for h in hits if h.kind == "artikel"), key=lambda h: h.dense or 0.0, default=None)
        if top is None or closest is None or top.kind != "artikel" or top.source != closest.source:
            return None
        if top.source == f"artikel:{article}":
            return None
        if max((m.dense for m in matches if m.article == article and m.section == section), default=0.0) >= VERY_STRONG:
            # an example question of the chosen section matches very closely ("is it true there are loads of jobs in
            # techniek?"): the passage ranking does not move it to another article's figure
            return None
        there = top.source.split(":", 1)[1]
        if there not in self.kb.artikelen:
            return None
        best = max((m.dense for m in matches), default=0.0)
        mine = max((m.dense for m in matches if m.article == there), default=0.0)
        if mine < best - FIGURE_PASSAGE_MARGIN:
            return None
        sec = self._section_for(there, text, lang, matches)
        part = self._kort_part(there, sec)
        if part is None or not _FIGURE.search(part.tekst.get("nl", "")):
            return None
        if self.support(text, lang, there, sec) < self.support(text, lang, article, section) - FIGURE_PASSAGE_WORDS:
            return None
        fit_there, fit_here = self._figure_fit(there, sec, text, lang), self._figure_fit(article, section, text, lang)
        if fit_there < fit_here - FIGURE_FIT_GAP:
            # "what percentage of vmbo pupils in the technical profiles are girls": the passage about pupils near
            # the campuses shares words, but "girls" stands next to the chosen section's 15%
            return None
        own_passage = max((h.dense or 0.0 for h in hits if h.source == f"artikel:{article}"), default=0.0)
        if (
            (top.dense or 0.0) - own_passage < FIGURE_PASSAGE_LEAD
            and self.support(text, lang, there, sec) < self.support(text, lang, article, section)
            and fit_there < fit_here
        ):
            # the other article's passage is first by a hair and the chosen section holds more of the question's
            # words and fits its figure better ("Den Haag'da teknik seçen az mı? yüzde kaç": The Hague's 8%, not the
            # share near The Hague's campus)
            return None
        return there, sec

    def _action_choice(self, article: str, section: str | None, matches: list[SectionMatch]) -> tuple[str, str | None]:
        """ "What can we do / where do we complain?": the chosen article's action section when its example is close
        (ACTION_MARGIN below the article's best); when the article has none, the action section of another article
        whose example is about as close as the best example ("what to do when our school has no technology
        profiel?" -> what you can do, not why schools lack one)."""
        acting = {k.id for k in self.kb.artikelen[article].kort if k.actie}
        if acting:
            mine = [m for m in matches if m.article == article]
            top = max((m.dense for m in mine), default=0.0)
            near = [m for m in mine if m.section in acting and m.dense >= top - ACTION_MARGIN]
            return (article, near[0].section) if near else (article, section)
        best = max((m.dense for m in matches), default=0.0)
        for m in matches:
            part = self._kort_part(m.article, m.section)
            if part is not None and part.actie and m.dense >= best - ACTION_SWITCH:
                return m.article, m.section
        return article, section

    @staticmethod
    def _tokens_of_number_words() -> frozenset[str]:
        """The tokens of the words that ask for a figure ("yüzde", "procent"), in every language's tokenising."""
        from retrieval.tokenize import tokenize

        joined = " ".join(NUMBER_WORDS)
        return frozenset(tok for code in SUPPORTED for tok in tokenize(joined, code))

    @staticmethod
    def _figure_words(text: str, lang: str) -> frozenset[str]:
        """Words of the sentences of ``text`` that give a figure (asker's language and Dutch tokens)."""
        from retrieval.tokenize import tokenize

        joined = " ".join(s for s in sentences(text) if _NUMBER.search(s))
        return frozenset(tokenize(joined, lang)) | frozenset(tokenize(joined, "nl"))

    def _best_section(self, article: str, matches: list[SectionMatch]) -> str | None:
        m = next((m for m in matches if m.article == article), None)
        if m is not None:
            return m.section
        art = self.kb.artikelen.get(article)
        return art.kort[0].id if art is not None and art.kort else None

    @staticmethod
    def _name_words(kb: KnowledgeBase) -> frozenset[str]:
        """Words of the names of beroepen, opleidingen and initiatives (not places): they mark a question as ours."""
        places = {w for g in kb.gebieden.values() for w in normalise(g.naam).split()}
        common = {"online", "college", "techniek", "rotterdam", "voor", "nederland", "event", "experience"}
        words: set[str] = set()
        for name in [
            *(b.naam for b in kb.beroepen.values()),
            *(o.naam for o in kb.opleidingen.values()),
            *(i.naam for i in kb.initiatieven.values()),
        ]:
            words |= {w for w in normalise(name).split() if len(w) >= 5}
        return frozenset(words - places - common)

    @staticmethod
    def _record_names(kb: KnowledgeBase) -> list[tuple[str, str]]:
        """(normalised name, source) of records a question can name, longest first."""
        generic = {
            "operator",
            "operator a",
            "analist",
            "game on",
            "go dare",
            "kansrijk kiezen",
            "schilder",
            "mentoren op zuid",
            "vakkanjers",
        }
        # a part in brackets that is only a place ("Proefstuderen op het mbo (Rotterdam Zuid)") names no record:
        # otherwise every question about Rotterdam Zuid went to one of its six initiatives
        places = {normalise(g.naam) for g in kb.gebieden.values()}
        names: list[tuple[str, str]] = []

        def add(name: str, source: str) -> None:
            for part in re.split(r"[()/]", name):
                key = normalise(part)
                if len(key) >= 6 and key not in generic and key not in places:
                    names.append((key, source))

        for b in kb.beroepen.values():
            add(b.naam, f"beroep:{b.id}")
        for o in kb.opleidingen.values():
            add(o.naam, f"opleiding:{o.id}")
        for i in kb.initiatieven.values():
            add(i.naam, f"initiatief:{i.id}")
        return sorted(names, key=lambda kv: -len(kv[0]))

    def _named_record(self, text: str, hits: list[Hit]) -> Hit | None:
        """The record whose name the question contains (the longest name; beroep before opleiding).

        A name of several words also counts when every word starts a word of the question
        ('kapitein binnenvaart' in 'kapitein op een binnenvaartschip')."""
        words = normalise(text).split()
        found: set[str] = set()
        for n in range(1, 7):
            for i in range(len(words) - n + 1):
                gram = " ".join(words[i : i + n])
                if gram in self._exact_names:
                    found.add(gram)
        candidates = {name for w in words if len(w) >= 4 for name in self._names_by_part.get(w[:4], ())}
        for name in candidates - found:
            # by word starts only when two of its words are long: 'wij techniek' must be named as it is
            # ('wij zijn op zuid, ... techniek' is not about the initiative Wij Techniek)
            if sum(len(p) >= 4 for p in name.split()) < 2:
                continue
            if all(any(w.startswith(p) for w in words) if len(p) >= 4 else p in words for p in name.split()):
                found.add(name)
        if not found:
            return None
        longest = max(len(n) for n in found)
        same = [src for name in found if len(name) == longest for src in self._exact_names[name]]
        ranked = {h.source: i for i, h in reversed(list(enumerate(hits)))}
        source = min(same, key=lambda s: (ranked.get(s, 99), 0 if s.startswith("beroep:") else 1))
        hit = next((h for h in hits if h.source == source), None)
        if hit is None:
            found_hits = self.index.search(text, k=1, filters={"source": source}, lang="nl")
            hit = found_hits[0] if found_hits else None
        return hit

    # --- decisions ------------------------------------------------------------------
    def evidence(self, question: str, lang: str, hits: list[Hit]) -> tuple[float | None, float]:
        """(best dense cosine, lexical coverage of the top passages) for the refusal decision."""
        dense = max((h.dense for h in hits if h.dense is not None), default=None)
        coverage = self.index.coverage(query_tokens(question, lang), [h.text for h in hits[:3]], lang)
        return dense, coverage

    def grounded(self, question: str, lang: str, hits: list[Hit], mode: Mode = "fused") -> bool:
        """Whether the retrieved passages are strong enough to answer from."""
        if not hits:
            return False
        dense, coverage = self.evidence(question, lang, hits)
        if dense is None:  # bm25-only
            return coverage >= BM25_ONLY_COVERAGE
        if dense >= DENSE_STRONG:
            return True
        return dense >= DENSE_MIN and coverage >= COVERAGE_MIN

    # --- replies --------------------------------------------------------------------
    def reply(
        self, question: str, lang: str, route: Route, *, notice: str | None = None, use_llm: bool = True
    ) -> Answer:
        """The answer for a routed question."""
        if route.kind == "activities" and route.activity is not None:
            return self._activities(route, lang)
        if route.kind == "clarify":
            return self._clarify(route, lang)
        if route.kind == "none":
            return self._decline(question, lang, notice)
        # a question whose parts all lead to one section is routed by its first part: the words of all count
        answer = self._multi(route, lang) if route.kind == "multi" else self._single(route, lang, question=question)
        if route.kind == "section" and route.profiel is not None:
            answer = self._with_profiel(answer, route.profiel, lang)
        if route.kind == "record" and route.others:
            answer = self._with_others(answer, route.others, lang)
        answer.notice = answer.notice or notice
        if route.kind == "record" and route.context is not None and route.context.kind == "activities":
            # a question about an activity of the list ("is it free?"): what the record says, and where to ask what
            # our sources do not always hold
            answer.answer = f"{answer.answer}\n\n{t('assistant.listed_activity_ask', lang)}"
        if self.llm is not None and use_llm and route.kind in ("section", "record", "document"):
            answer = self._llm_answer(question, lang, route, answer)
        if route.aside is not None and answer.reply_kind == "answer":
            # the worry the parent mentioned beside the question is not ignored: our sources say nothing on it, and
            # who can help with it
            answer.answer = (
                f"{answer.answer}\n\n{t('assistant.aside_unknown', lang)} {t(f'assistant.domain_{route.aside}', lang)}"
            )
        answer.sources = _merged_sources(self.kb, answer.sources, lang)
        return answer

    def _single(self, route: Route, lang: str, with_advice: bool = True, question: str | None = None) -> Answer:
        if route.kind == "section" and route.article is not None:
            ctx = route.context
            again = question is not None and ctx is not None and ctx.kind == "section" and ctx.article == route.article
            if again or (route.detail and question is not None):
                # a follow-up on the article the parent has just read ("а це оплачується?" after "що таке BBL", "і
                # скільки років це займає?" after stapelen), or a detail of the article ("what is Entree? my son has
                # no diploma"): the sentence that answers it leads, not the paragraph's opening
                return self._section(
                    route.article, route.section, lang, with_advice, question=question or route.text, lead=question
                )
            return self._section(route.article, route.section, lang, with_advice, question=question or route.text)
        if route.kind == "record" and route.hit is not None and route.durations:
            return self._durations(route.hit, lang)
        if route.kind == "record" and route.hit is not None and route.chances:
            return self._chances(route.hit, lang)
        if route.kind == "record" and route.hit is not None:
            asked = question or route.text
            return self._record(
                route.hit, lang, courses_first=asks_course(asked, lang), question=asked, pay_said=route.pay_said
            )
        if route.kind == "document" and route.hit is not None:
            return self._document(route.hit, route.text, lang)
        if route.kind == "schools" and route.place is not None:
            return self._school_list(route, lang, with_advice)
        raise ValueError(f"no answer for route {route.kind}")

    def _school_list(self, route: Route, lang: str, with_advice: bool = True) -> Answer:
        """The mbo schools near the place asked about for the field (retrieval.schools): each with its place and
        distance and a few of its courses (Dutch names, with their niveau), nearest first, under a heading that names
        the field; that the list is our overview of the mbo offer, to be checked in the school's guide; the nearest
        school's open day as what to do. "Read more" holds every school within reach with all its courses. A field
        outside techniek lists the schools that also teach it, said as such; a field we know no course of is said."""
        place = route.place
        assert place is not None and place.lat is not None and place.lon is not None
        if route.unknown_field:
            return Answer(
                answer=t("assistant.scholen_lijst_onbekend", lang),
                language=lang,
                grounded=False,
                reply_kind="decline",
                topic=route.topic,
            )
        if route.sector is not None:
            return self._sector_schools(route, lang, with_advice)
        courses = list(route.courses) or field_opleidingen(self.kb, route.richtingen)
        offers = schools_near(self.kb, courses, place.lat, place.lon)

        def item(offer: Any, shown: int | None) -> str:
            names = [
                t(
                    "assistant.opleiding_niveau",
                    lang,
                    naam=self.kb.opleidingen[o].naam,
                    niveau=self.kb.opleidingen[o].niveau,
                )
                for o in offer.opleidingen
            ]
            listed = (
                names
                if shown is None or len(names) <= shown
                else [*names[:shown], t("assistant.scholen_lijst_nog", lang, n=len(names) - shown)]
            )
            return t(
                "assistant.scholen_lijst_item",
                lang,
                school=offer.naam,
                waar=self._school_place(offer, lang),
                opleidingen=format_list(listed, lang),
            )

        # in a two-part answer (no advice line) the list is shorter: the other part needs its words too
        shown, per_school = (SCHOOLS_SHOWN, COURSES_SHOWN) if with_advice else (SCHOOLS_SHOWN - 1, COURSES_SHOWN - 1)
        # no school within reach (aircraft maintenance near Rotterdam): the heading says so before the nearest one
        far = bool(offers) and all(o.km > SCHOOL_KM for o in offers)
        intro = "assistant.scholen_lijst_ver" if far else "assistant.scholen_lijst_intro"
        lines = [t(intro, lang, plaats=place.naam, wat=route.field_name or "")]
        lines += [f"- {item(o, per_school)}" for o in offers[:shown]]
        if len(offers) > shown:
            lines.append(t("assistant.scholen_lijst_meer", lang, n=len(offers) - shown))
        lines.append(t("assistant.scholen_lijst_check", lang))
        text = "\n".join(lines)
        if with_advice and offers:
            text = f"{text}\n\n{t('assistant.record_doen', lang, school=offers[0].naam)}"
        named = list(dict.fromkeys(o for offer in offers[:shown] for o in offer.opleidingen[:per_school]))
        return Answer(
            answer=trim_lines(text, RECORD_WORDS),
            details="\n".join(f"- {item(o, None)}" for o in offers),
            language=lang,
            grounded=True,
            sources=[self._record_source(f"opleiding:{o}", lang) for o in named],
            topic=route.topic,
        )

    def _school_place(self, offer: Any, lang: str) -> str:
        """Where a school is: its place, and how far it is unless it is in the place asked about itself."""
        km = format_km(offer.km, lang, offer.approximate) if offer.km >= SAME_PLACE_KM else ""
        return comma(lang).join(p for p in (offer.gemeente, km) if p)

    def _sector_schools(self, route: Route, lang: str, with_advice: bool) -> Answer:
        """A field outside techniek ("kapper", "verpleegkunde"): our courses are technical, so the answer says that,
        then the mbo schools near the place whose institution also teaches the field (general knowledge) and where
        to find which courses exactly; the school's own page as the source is not ours to give."""
        place, sector = route.place, route.sector
        assert place is not None and place.lat is not None and place.lon is not None and sector is not None
        offers = schools_with_sector(self.kb, sector, place.lat, place.lon)
        lines = [t("assistant.scholen_sector_intro", lang, plaats=place.naam, sector=word("interesse", sector, lang))]
        lines += [f"- {o.naam} ({self._school_place(o, lang)})" for o in offers[:SCHOOLS_SHOWN]]
        lines.append(t("assistant.scholen_sector_check", lang))
        text = "\n".join(lines)
        return Answer(
            answer=trim_lines(text, RECORD_WORDS),
            details="\n".join(f"- {o.naam} ({self._school_place(o, lang)})" for o in offers),
            language=lang,
            grounded=True,
            sources=self._report_sources([BronRef(bron="algemene_kennis", sectie=None)], lang),
            topic=route.topic,
        )

    def _multi(self, route: Route, lang: str) -> Answer:
        parts = [self._single(p, lang, with_advice=False) for p in route.parts if p.answers and p.kind != "activities"]
        if not parts:
            return self._decline(route.text, lang, None)
        budget = MAX_ANSWER_WORDS // len(parts)
        trimmed: list[str] = []
        for i, p in enumerate(parts):
            # a short earlier part leaves its words to the later ones ("no amounts in the reports", then the job's
            # card with its courses), the whole staying within MAX_ANSWER_WORDS
            left = MAX_ANSWER_WORDS - sum(word_count(x) for x in trimmed) - budget * (len(parts) - i - 1)
            # a list of schools keeps its lines (one school a line); other parts are sentences
            trim = trim_lines if (p.topic or "").startswith("schools:") else trim_words
            trimmed.append(trim(p.answer, max(budget, left)))
        texts = _without_repeats(trimmed)
        if len(parts) < len(route.parts):
            texts.append(t("assistant.part_missing", lang))
        else:
            advice = self._multi_advice(route, texts, lang)
            if advice:
                texts.append(advice)
        sources: list[Source] = []
        for p in parts:
            sources += [s for s in p.sources if s.label not in {x.label for x in sources}]
        details = "\n\n".join(dict.fromkeys(p.details for p in parts if p.details))
        quote = next((p.quote for p in parts if p.quote is not None), None)
        return Answer(
            answer="\n\n".join(texts),
            details=details,
            language=lang,
            grounded=True,
            sources=sources,
            quote=quote,
            topic=route.topic,
        )

    def _multi_advice(self, route: Route, texts: list[str], lang: str) -> str | None:
        """The 'what you can do' line of the first answered article of a two-part answer, when the whole still fits
        a phone screen (MULTI_BUDGET) and no part says it already; none for a figure question."""
        if _asks_figure(route.text, lang) and not asks_action(route.text, lang):
            return None
        said = "\n".join(texts)
        for part in route.parts:
            if part.kind != "section" or part.article is None:
                continue
            advice = self.kb.artikelen[part.article].doen.get(lang)
            if not advice or _says_again(said, advice) or _past_primary(self.kb.artikelen[part.article], route.text):
                return None
            return advice if word_count(said) + word_count(advice) <= MULTI_BUDGET else None
        return None

    def _section(
        self,
        article_id: str,
        section: str | None,
        lang: str,
        with_advice: bool = True,
        question: str = "",
        lead: str | None = None,
    ) -> Answer:
        art = self.kb.artikelen[article_id]
        part = next((k for k in art.kort if k.id == section), art.kort[0] if art.kort else None)
        use = lang if lang in art.tekst else "nl"
        plain = re.sub(r"(?m)^\s*[-•*]\s+", "", art.tekst[use]).strip()  # list items read as sentences
        travel = self._travel(question, lang) if article_id == TRAVEL_ARTICLE and question else None
        if travel is not None and (part is None or part.id != "locaties"):
            short = travel[0]  # the figures of the asker's own gemeente (Tabel 3.4), not Rotterdam's
        elif part is not None:
            short = part.tekst.get(lang) or part.tekst["nl"]
            if question:  # the article may hold what the question asks and the curated answer leaves out
                extra = self._missing_sentence(plain, short, question, use)
                short = f"{short} {extra}" if extra else short
        elif question:  # no curated short answer yet: the article's sentences on this question, in reading order
            short = self._best_sentences(plain, question, use, SELECTED_WORDS)
        else:
            short = trim_words(art.tekst[use].strip().split("\n\n")[0], SELECTED_WORDS)
        advice = art.doen.get(lang) if with_advice else None
        if advice and word_count(short) + word_count(advice) > ANSWER_BUDGET:
            advice = None  # a long answer already fills a phone screen: the advice stays in the article ("lees meer")
        if advice and (_says_again(short, advice) or (question and _past_primary(art, question))):
            advice = None
        if advice and question and _asks_figure(question, lang) and not asks_action(question, lang):
            # a parent who asks for a figure gets the figure: the article's general tip ("ask about competitions")
            # does not follow from the question and only pushes the answer down
            advice = None
        advice_first = False
        if lead:
            short, advice_first = self._led_by(short, advice, lead, use)
        text = (f"{advice}\n\n{short}" if advice_first else f"{short}\n\n{advice}") if advice else short
        title = art.titel.get(lang) or art.titel["nl"]
        sources = [
            Source(
                label=title,
                kind="knowledge",
                source=f"artikel:{art.id}",
                title=title,
                snippet=_snippet(short),
                language=lang,
                section=part.id if part else None,
                bronnen=[ref_text(b) for b in art.bronnen],
            )
        ]
        if travel is not None and short == travel[0]:
            sources += travel[1]
        else:
            sources += self._report_sources(self._refs_of(art, short), lang)
        return Answer(
            answer=text,
            details=f"{title}\n\n{art.tekst[use].strip()}",
            language=lang,
            grounded=True,
            sources=sources,
            topic=f"artikel:{art.id}#{part.id if part else ''}",
        )

    def _travel(self, question: str, lang: str) -> tuple[str, list[Source]] | None:
        """Travel to the mbo from the gemeente named in the question (a wijk counts as its gemeente): the
        gemeente's own figures (SEOR 2026, Tabel 3.4, kept on the gebied record) and the regional average
        from the article; a gemeente without figures is said to have none. None when no place is named."""
        from retrieval.structured import find_place

        place = find_place(self.kb, question)
        if place is None or place.soort in ("campus", "school", "postcode") and not place.gemeente:
            return None
        name = place.gemeente or place.naam
        gebied = next((g for g in self.kb.gebieden.values() if g.soort == "gemeente" and g.naam == name), None)
        if gebied is None:
            return None
        sector = "ict" if _ICT.search(question.lower()) else "techniek"
        mark = SECTOR_MARKS[sector]
        region = self.kb.artikelen[TRAVEL_ARTICLE].cijfers
        km_r = next(
            (c for c in region if "metropoolregio" in c.omschrijving and mark in c.omschrijving and c.eenheid == "km"),
            None,
        )
        min_r = next(
            (
                c
                for c in region
                if "metropoolregio" in c.omschrijving and mark in c.omschrijving and c.eenheid == "minuten"
            ),
            None,
        )
        tail = (
            t(
                "assistant.travel_region",
                lang,
                km=format_km(km_r.waarde, lang, as_reported=True),
                minuten=format_number(min_r.waarde, lang, as_reported=True),
            )
            if km_r is not None and min_r is not None
            else ""
        )
        km = next((c for c in gebied.cijfers if mark in c.omschrijving and c.eenheid == "km"), None)
        minutes = next((c for c in gebied.cijfers if mark in c.omschrijving and c.eenheid == "minuten"), None)
        refs = [c.bron for c in (km_r, min_r) if c is not None]
        if km is None or minutes is None:
            text = t("assistant.travel_no_figures", lang, gemeente=gebied.naam)
        else:
            text = t(
                "assistant.travel_gemeente",
                lang,
                sector=t(f"assistant.sector_{sector}", lang),
                gemeente=gebied.naam,
                km=format_km(km.waarde, lang, as_reported=True),
                minuten=format_number(minutes.waarde, lang, as_reported=True),
                jaar=km.jaar or "",
            )
            refs = [km.bron, *refs]
        # the report by its tables; the gebied record that carries the figures is the machine id
        sources = [
            Source(
                label=lbl,
                kind="report",
                source=f"gebied:{gebied.id}" if km is not None else None,
                title=gebied.naam,
                bronnen=[ref_text(r) for r in refs],
            )
            for lbl in source_labels(self.kb, list(dict.fromkeys(refs)), lang)
        ]
        return f"{text} {tail}".strip(), sources

    def _refs_of(self, art: Any, short: str) -> list[BronRef]:
        """The references behind a short answer: the figures it quotes (matched by value), else the article's
        sources without their sections (a parent needs the report, not every paragraph)."""
        values = set()
        for n in _NUMBER.findall(short):
            v = float(n.replace(",", "."))
            if not 1990 <= v <= 2100:
                values.add(round(v, 2))
        refs = [c.bron for c in art.cijfers if round(c.waarde, 2) in values]
        if refs:
            return list(dict.fromkeys(refs))
        return list(dict.fromkeys(BronRef(bron=b.bron, sectie=None) for b in art.bronnen))

    def _report_sources(self, refs: Sequence[BronRef], lang: str) -> list[Source]:
        out: list[Source] = []
        by_bron: dict[str, list[BronRef]] = {}
        for r in refs:
            by_bron.setdefault(r.bron, []).append(r)
        for bron_id, group in by_bron.items():
            bron = self.kb.bronnen.get(bron_id)
            kind: SourceKind = "knowledge" if bron is None or bron.soort == "algemene_kennis" else "report"
            labels = source_labels(self.kb, group, lang)
            for lbl in labels:
                if lbl not in {s.label for s in out}:
                    out.append(Source(label=lbl, kind=kind, source=bron_id, bronnen=[ref_text(r) for r in group]))
        return out

    def _record(
        self, hit: Hit, lang: str, courses_first: bool = False, question: str = "", pay_said: bool = False
    ) -> Answer:
        """The short answer about a record; a beroep asked for its course ("which mbo course is that?") opens with its
        courses and lists them first among the sources."""
        kind, rid = hit.source.split(":", 1)
        name, lines, dutch = hit.title, [], ""
        near = self._asker_place(question)
        refs: list[BronRef] = []
        named: list[str] = []  # the records the answer names (a beroep's opleidingen, an opleiding's beroepen)
        more: list[str] = []  # per course of a beroep, the schools that teach it
        first_school = ""  # where a parent can go and see the course (the 'what you can do' line)
        only_bbl = False  # a course the card names is taught only as BBL: the card says what that asks of a family
        if kind == "beroep" and (b := self.kb.beroepen.get(rid)) is not None:
            # as a parent reads it: what the job is and what the child would do, its mbo courses (level, length,
            # BOL/BBL, where), then its job chances when a source speaks about them; the report stays on the source
            # line, not inside the sentences, and nothing is said about job chances that no source gives
            name, dutch, refs = b.naam, b.omschrijving, [*b.bronnen, b.arbeidsmarkt.bron]
            if lang == "nl":
                # in Dutch the description itself, after the job's name, is the answer's first part
                lines.append(t("assistant.beroep_wat", lang, naam=b.naam, wat=b.omschrijving))
                dutch = ""
            elif b.korte_omschrijving.get(lang):
                # the curated plain sentence of the asker's language; the Dutch description is the marked quote
                lines.append(t("assistant.beroep_wat", lang, naam=b.naam, wat=b.korte_omschrijving[lang]))
            if b.werkvoorkeuren and lang != "nl":  # the Dutch description says how one works already
                lines.append(
                    t(
                        "assistant.beroep_werk",
                        lang,
                        werk=format_list([word("werkvoorkeur", w, lang) for w in b.werkvoorkeuren[:2]], lang),
                    )
                )
            route = sorted(
                (self.kb.opleidingen[o] for o in b.mbo_route[:3] if o in self.kb.opleidingen), key=lambda o: o.niveau
            )
            # the courses a pupil with a vmbo diploma starts in; an Entree course (niveau 1, for pupils without one)
            # goes behind "read more"
            courses = [o for o in route if o.niveau > 1] or route
            entree = [o for o in route if o not in courses]
            if courses_first:
                # the course the question names leads ("wat leer je bij de opleiding analist?"), then the one
                # called like the job itself, then by level
                asked = f" {' '.join(words_of(fold(question)))} "
                job = fold(b.naam)
                courses.sort(
                    key=lambda o: (f" {fold(o.naam)} " not in asked, not job.startswith(fold(o.naam)), o.niveau)
                )
            named = [f"opleiding:{o.id}" for o in (courses + entree if courses_first else route)]
            courses_first = courses_first and bool(courses)
            if courses_first:
                # the asked fact first: the courses for the job, then what the job is (the schools follow them)
                lines.insert(
                    0,
                    t(
                        "assistant.beroep_routes_eerst" if len(courses) > 1 else "assistant.beroep_route_eerst",
                        lang,
                        naam=b.naam,
                        opleidingen=format_list([self._course_facts(o, lang) for o in courses], lang),
                    ),
                )
            elif courses:
                lines.append(
                    t(
                        "assistant.beroep_routes" if len(courses) > 1 else "assistant.beroep_route",
                        lang,
                        opleidingen=format_list([self._course_facts(o, lang) for o in courses], lang),
                    )
                )
            if courses:
                schools = list(dict.fromkeys(s for o in courses for s in self._school_names(o, near)))
                if schools:
                    first_school = schools[0]
                    line, outside = self._schools_line("assistant.beroep_scholen", courses, schools[:3], lang)
                    # not taught in the region: the parent's first question ("can he learn it near us?"), said
                    # right after what the job is
                    lines.insert(1 if outside or courses_first else len(lines), line)
                    per_course = {o.naam: names for o in courses if (names := self._school_names(o, near))}
                    if len(schools) > 3 or len({tuple(n) for n in per_course.values()}) > 1:
                        # the courses are taught at different schools: which where, behind "read more"
                        more = [
                            t("assistant.opleiding_waar", lang, opleiding=naam, scholen=format_list(names, lang))
                            for naam, names in per_course.items()
                        ]
            only_bbl = any(list(o.leerwegen) == ["BBL"] for o in courses)
            more += [t("assistant.beroep_entree", lang, opleiding=self._course_facts(o, lang)) for o in entree]
            found = self._job_chance(b, lang)
            if found is not None and b.arbeidsmarkt.label == "onbekend":
                refs.append(found[1])  # the sector's report (a named beroep's own report is among its refs already)
            if found is not None and found[0]:
                lines.append(t("assistant.beroep_kans", lang, markt=found[0].strip().rstrip(".")))
            if question and asks_pay(question) and not pay_said:
                # "wat verdient een elektricien?": the card says first, plainly, that no report gives amounts and where
                # to ask (the asked fact leads; the card's last lines may not fit a phone screen)
                lines.insert(0, t("assistant.beroep_loon", lang))
        elif kind == "opleiding" and (o := self.kb.opleidingen.get(rid)) is not None:
            name, dutch, refs = o.naam, o.omschrijving, list(o.bronnen)
            lines.append(
                t(
                    "assistant.opleiding_intro",
                    lang,
                    naam=o.naam,
                    niveau=o.niveau,
                    leerwegen=self._leerwegen(o, lang),
                )
            )
            if o.duur_jaren:
                lines.append(t("assistant.opleiding_duur", lang, jaren=format_number(o.duur_jaren, lang)))
            named = [f"beroep:{b}" for b in o.beroepen[:3] if b in self.kb.beroepen]
            # a job called like the course says nothing new ("Vliegtuigonderhoudtechnicus ... Jobs:
            # Vliegtuigonderhoudstechnicus"): only the jobs with another name are listed
            course = fold(o.naam)
            jobs = [
                self.kb.beroepen[b].naam
                for b in o.beroepen[:3]
                if b in self.kb.beroepen
                and SequenceMatcher(None, fold(self.kb.beroepen[b].naam), course).ratio() < SAME_NAME
            ]
            if jobs:
                lines.append(t("assistant.opleiding_beroepen", lang, beroepen=format_list(jobs, lang)))
            # the other courses for the same jobs (another level: the niveau 4 course beside the niveau 3 one), so a
            # parent sees the choice, not one course only
            siblings = [
                self.kb.opleidingen[x]
                for b in o.beroepen[:3]
                if b in self.kb.beroepen
                for x in self.kb.beroepen[b].mbo_route
                if x != o.id and x in self.kb.opleidingen and self.kb.opleidingen[x].niveau > 1
            ]
            siblings = list({x.id: x for x in siblings}.values())[:2]
            if siblings:
                lines.append(
                    t(
                        "assistant.opleiding_ook",
                        lang,
                        opleidingen=format_list([self._course_facts(x, lang) for x in siblings], lang),
                    )
                )
                named += [f"opleiding:{x.id}" for x in siblings]
                only_bbl = only_bbl or any(list(x.leerwegen) == ["BBL"] for x in siblings)
            only_bbl = only_bbl or list(o.leerwegen) == ["BBL"]
            schools = self._school_names(o, near)
            if schools:
                first_school = schools[0]
                line, outside = self._schools_line("assistant.opleiding_scholen", [o], schools[:3], lang)
                lines.insert(1 if outside else len(lines), line)
        elif kind == "initiatief" and (i := self.kb.initiatieven.get(rid)) is not None:
            name, dutch, refs = i.naam, i.omschrijving, list(i.bronnen)
            lines.append(
                t(
                    "assistant.initiatief_intro",
                    lang,
                    naam=i.naam,
                    organisator=i.organisator,
                    soort=format_list([label("activiteit", c, lang).lower() for c in i.activiteiten[:2]], lang),
                )
            )
            lines.append(
                t(
                    "assistant.initiatief_voor",
                    lang,
                    voor=format_list([label("schooltype_initiatief", c, lang) for c in i.schooltypen[:3]], lang),
                )
            )
            where = (
                label("bereik", "landelijk", lang)
                if i.landelijk_online
                else ", ".join(dict.fromkeys(p for p in (i.locatie.naam, i.locatie.wijk, i.locatie.gemeente) if p))
            )
            lines.append(t("assistant.initiatief_waar", lang, waar=where))
        elif kind == "school" and (s := self.kb.scholen.get(rid)) is not None:
            name, dutch, refs = s.naam, s.opmerking or "", list(s.bronnen)
            lines.append(
                t("assistant.school_intro", lang, naam=s.naam, waar=s.locatie.wijk or s.locatie.gemeente or "")
            )
        elif kind == "campus" and (c := self.kb.campussen.get(rid)) is not None:
            name, dutch, refs = c.naam, c.omschrijving, list(c.bronnen)
            lines.append(
                t("assistant.campus_intro", lang, naam=c.naam, afkorting=c.afkorting, waar=c.locatie.gemeente or "")
            )
        else:
            lines.append(hit.title)
            dutch = hit.text
        if only_bbl:
            # 'only BBL' is no word a parent knows: the child learns while working and needs an employer first; said
            # right after the first line that names it
            marker = t("assistant.leerweg_alleen", lang, leerweg="BBL")
            at = next((i + 1 for i, line in enumerate(lines) if marker in line), len(lines))
            lines.insert(at, t("assistant.alleen_bbl_uitleg", lang))
        quote = None
        # one fact a line (what it is, the courses, the schools, job chances), readable on a phone, not one long
        # paragraph (issue 11, round 21)
        if lang == "nl":
            text = "\n".join([dutch, *lines]).strip() if dutch else "\n".join(lines)
        else:
            text = "\n".join(lines)
            if dutch:
                # the Dutch original sits behind its own short label ("Original description, only in Dutch")
                quote = Quote(label=t("assistant.original_dutch", lang), language="nl", text=dutch)
        if first_school:
            # like an article's advice, the card ends with what a parent can do next: see the course at a school
            # (left out when the answer would grow too long for a phone screen)
            doen = t("assistant.record_doen", lang, school=first_school)
            if word_count(text) + word_count(doen) <= RECORD_WORDS:
                text = f"{text}\n\n{doen}"
        sources = [_hit_source(hit, name)]
        # ... then the records it names (the opleidingen a parent can open next), then the reports
        sources += [self._record_source(src, lang) for src in named]
        if kind == "beroep" and courses_first:
            # the courses the answer opens with lead the sources too (the beroep follows them)
            sources = sources[1 : 1 + len(named)] + sources[:1] + sources[1 + len(named) :]
        sources += self._report_sources(refs, lang)
        # "read more": where each course is taught (the short answer names the first few schools only)
        details = "\n".join(more)
        return Answer(
            answer=trim_lines(text, RECORD_WORDS),
            details=details,
            language=lang,
            grounded=True,
            sources=sources,
            quote=quote,
            topic=hit.source,
        )

    def _schools_line(self, key: str, courses: Sequence[Any], schools: list[str], lang: str) -> tuple[str, bool]:
        """The sentence naming the schools of ``courses``, and whether every school lies outside the region (its
        municipality is not one of the MRDH's): then the sentence says so and names the places, in the asker's
        language (the Dutch description may say it too, but a parent reads the short answer)."""
        where = {
            (school := self.kb.scholen[loc.school]).naam: school.locatie.gemeente
            for o in courses
            for loc in o.locaties
            if loc.school in self.kb.scholen
        }
        if where and all(p is not None and p not in vocab.MRDH_GEMEENTEN for p in where.values()):
            # the places in the order of the schools named after them
            places = [p for n in schools if (p := where.get(n))] or [p for p in where.values() if p]
            text = t(
                "assistant.scholen_buiten_regio",
                lang,
                plaatsen=format_list(list(dict.fromkeys(places)), lang),
                scholen=format_list(schools, lang),
            )
            return text, True
        return t(key, lang, scholen=format_list(schools, lang)), False

    def _school_names(self, opleiding: Any, near: tuple[float, float] | None = None) -> list[str]:
        """The schools that teach an opleiding, nearest first to ``near`` (the asker's place; else Rotterdam, where
        most families who ask live: Techniek College Rotterdam before a college in Dordrecht), then by name."""
        lat, lon = near or self._rotterdam
        found: dict[str, float] = {}
        for loc in opleiding.locaties:
            school = self.kb.scholen.get(loc.school)
            if school is None:
                continue
            where = school.locatie
            km = (
                haversine_km(lat, lon, where.lat, where.lon) if where.lat is not None and where.lon is not None else 1e9
            )
            found[school.naam] = min(km, found.get(school.naam, km))
        return sorted(found, key=lambda naam: (round(found[naam]), naam))

    def _asker_place(self, question: str) -> tuple[float, float] | None:
        """Where the asker says they live or look ("we wonen in Delft"), as coordinates; None when no place is named."""
        from retrieval.structured import find_place

        place = find_place(self.kb, question) if question else None
        return (place.lat, place.lon) if place is not None else None

    @functools.cached_property
    def _rotterdam(self) -> tuple[float, float]:
        """The centre of the gemeente Rotterdam (gebieden.yaml): where the schools of a card are counted from."""
        gemeente = next(g for g in self.kb.gebieden.values() if g.soort == "gemeente" and g.naam == "Rotterdam")
        return gemeente.lat, gemeente.lon

    @staticmethod
    def _leerwegen(opleiding: Any, lang: str) -> str:
        """BOL/BBL as a parent reads it: "BOL or BBL", or "only BBL" (then it is learnt while working)."""
        ways = list(opleiding.leerwegen)
        if len(ways) == 1:
            return t("assistant.leerweg_alleen", lang, leerweg=ways[0])
        return t("assistant.leerwegen_beide", lang) if set(ways) == {"BOL", "BBL"} else format_list(ways, lang)

    def _course_facts(self, opleiding: Any, lang: str) -> str:
        """An opleiding with its level, length and BOL/BBL: "Dakdekker (niveau 2, 2 jaar, BOL of BBL)"."""
        if opleiding.duur_jaren:
            return t(
                "assistant.opleiding_feiten",
                lang,
                naam=opleiding.naam,
                niveau=opleiding.niveau,
                jaren=format_number(opleiding.duur_jaren, lang),
                leerwegen=self._leerwegen(opleiding, lang),
            )
        return t(
            "assistant.opleiding_feiten_kort",
            lang,
            naam=opleiding.naam,
            niveau=opleiding.niveau,
            leerwegen=self._leerwegen(opleiding, lang),
        )

    def _durations(self, hit: Hit, lang: str) -> Answer:
        """How long the training for a beroep takes: each opleiding of its mbo route with its level and length (the
        opleidingen's own facts), shortest first; the beroep and the opleidingen as sources."""
        beroep = self.kb.beroepen[hit.source.split(":", 1)[1]]
        routes = sorted(
            (self.kb.opleidingen[o] for o in beroep.mbo_route if o in self.kb.opleidingen), key=lambda o: o.niveau
        )
        items = [
            t(
                "assistant.opleiding_niveau_duur",
                lang,
                naam=o.naam,
                niveau=o.niveau,
                jaren=format_number(o.duur_jaren, lang),
            )
            if o.duur_jaren
            else t("assistant.opleiding_niveau", lang, naam=o.naam, niveau=o.niveau)
            for o in routes
        ]
        text = t("assistant.beroep_duur", lang, naam=beroep.naam, opleidingen=format_list(items, lang))
        sources = [_hit_source(hit, beroep.naam)]
        sources += [self._record_source(f"opleiding:{o.id}", lang) for o in routes]
        refs = {ref_text(b): b for o in routes for b in o.bronnen}
        sources += self._report_sources(list(refs.values()), lang)
        return Answer(
            answer=trim_words(text, 90),
            details="",
            language=lang,
            grounded=True,
            sources=sources,
            topic=hit.source,
        )

    def _chances(self, hit: Hit, lang: str) -> Answer:
        """A beroep's job chances: the label a report gives it by name, or what a report says of its whole sector
        (never a label on the beroep); the beroep and that report as sources."""
        beroep = self.kb.beroepen[hit.source.split(":", 1)[1]]
        found = self._job_chance(beroep, lang)
        assert found is not None  # routed here only when _says_job_chances
        chance, ref = found
        text = t("assistant.beroep_kans_van", lang, naam=beroep.naam, markt=chance.strip().rstrip("."))
        sources = [_hit_source(hit, beroep.naam), *self._report_sources([ref], lang)]
        return Answer(answer=text, details="", language=lang, grounded=True, sources=sources, topic=hit.source)

    def _record_source(self, source: str, lang: str) -> Source:
        """A beroep or opleiding that an answer names, as a source (its Dutch name, an opleiding with its level: the
        course 'Autotechnicus' is not the job 'Autotechnicus'; its own references)."""
        kind, rid = source.split(":", 1)
        record: Any = self.kb.beroepen[rid] if kind == "beroep" else self.kb.opleidingen[rid]
        text = record.omschrijving
        refs = list(record.bronnen)
        name = (
            record.naam
            if kind == "beroep"
            else t("assistant.opleiding_niveau", lang, naam=record.naam, niveau=record.niveau)
        )
        return Source(
            label=name,
            kind="knowledge",
            source=source,
            title=name,
            snippet=_snippet(text),
            language="nl",
            bronnen=[ref_text(b) for b in refs],
        )

    def _job_chance(self, beroep: Any, lang: str) -> tuple[str, BronRef] | None:
        """What a source says of a beroep's job chances, with that source: the label a report gives it by name, else
        the sentence a report says of its whole sector (never a label on the beroep); None when no source speaks."""
        if beroep.arbeidsmarkt.label != "onbekend":
            return word("arbeidsmarkt", beroep.arbeidsmarkt.label, lang), beroep.arbeidsmarkt.bron
        sector = self._sector_statement(beroep)
        if sector is None:
            return None
        return sector.tekst.get(lang) or sector.tekst["nl"], sector.bron

    def _sector_statement(self, beroep: Any) -> Any:
        """What a report says about the labour market of the beroep's whole sector (the most favourable, newest
        statement that covers that sector), or None."""
        from recommender.routes import sector_uitspraken

        found = sector_uitspraken(self.kb, sectoren=[beroep.sector])
        return found[0] if found else None

    def _document(self, hit: Hit, question: str, lang: str) -> Answer:
        name = hit.source.split(":", 1)[1]
        where = f"{name}, {hit.section}" if hit.section else name
        source = Source(
            label=own_label(where, lang),
            kind="own_document",
            source=hit.source,
            title=hit.title,
            snippet=_snippet(hit.text),
            language=hit.language,
            section=hit.section,
            score=round(hit.score, 4),
            bronnen=hit.bronnen,
        )
        if hit.language == lang:
            text = (
                t("assistant.own_document_intro", lang, name=name)
                + "\n\n"
                + self._best_sentences(hit.text, question, lang, 60)
            )
            return Answer(
                answer=text, details=hit.text.strip(), language=lang, grounded=True, sources=[source], topic=hit.source
            )
        text = t("assistant.own_document_other_language", lang, name=name, code=hit.language)
        quote = Quote(
            label=t("assistant.own_document_intro", lang, name=name), language=hit.language, text=hit.text.strip()
        )
        return Answer(answer=text, language=lang, grounded=True, sources=[source], quote=quote, topic=hit.source)

    def _missing_sentence(self, article: str, short: str, question: str, lang: str) -> str:
        """One sentence of the article that answers more of the question than the curated short answer does
        (a figure added to the article after its short answer was written), else "". A sentence that leans on the
        one before it ("Van hen zegt 35% ...") comes with that one, or not at all (see _standing_sentences)."""
        from retrieval.tokenize import tokenize

        wanted = set(query_tokens(question, lang))
        have = set(tokenize(short, lang))
        missing = {tok for tok in wanted - have if self.index.idf(tok) >= MISSING_MIN_IDF}
        if not missing:
            return ""
        best, best_score = "", 0.0
        # per line: a list item without a full stop ("Vlaardingen: 17,5 km, 68,6 min") is a sentence of its own,
        # not the start of one long run through the whole list
        for line in article.splitlines():
            for before, sent in self._standing_sentences(sentences(line), lang):
                if sent in short or sent.rstrip().endswith(("?", "؟", ":")):
                    # a heading in question form ("Wat kun je doen?") answers nothing; a sentence that opens a list
                    # ("... verschillen in hoeveel praktijk en theorie je krijgt:") says nothing without it
                    continue
                figures = _NUMBERS.findall(sent)
                if figures and all(f in short for f in figures):
                    continue  # the same figures in other words: it repeats what the short answer already says
                own = set(tokenize(sent, lang))
                if not figures and own and len(own & have) >= MISSING_REPEAT * len(own):
                    continue  # no figure and mostly the short answer's own words ("so we give no amounts here either")
                score = sum(self.index.idf(tok) for tok in own & missing)
                passage = f"{before} {sent}" if before and before not in short else sent
                if word_count(passage) > MISSING_MAX_WORDS:
                    continue
                if score > best_score:
                    best, best_score = passage, score
        if best_score < MISSING_MIN_SCORE:
            return ""
        return best if best[-1] in ".!?؟" else best + "."  # a list row ends like a sentence

    @staticmethod
    def _standing_sentences(sents: list[str], lang: str) -> list[tuple[str, str]]:
        """(the sentence it leans on or "", sentence) for each sentence of one paragraph: a sentence that opens by
        pointing back ("Dlatego ... tam", see leans_back) comes with the sentence before it, and is left out when
        that one leans back too or there is none."""
        out: list[tuple[str, str]] = []
        for i, sent in enumerate(sents):
            if i > 0 and sents[i - 1].rstrip().endswith(("?", "؟")):
                # the answer to a question in the text ("Twijfelt uw kind? Dan houdt NaSk ...") means nothing alone
                out.append((sents[i - 1], sent))
            elif not leans_back(sent, lang):
                out.append(("", sent))
            elif i > 0 and not leans_back(sents[i - 1], lang):
                out.append((sents[i - 1], sent))
        return out

    def _led_by(self, short: str, advice: str | None, question: str, lang: str) -> tuple[str, bool]:
        """``short`` with the sentence closest in meaning to ``question`` first, the others after it in reading
        order; and whether the advice line is closer still (then it leads: "which mbo school?" after port jobs is
        answered by "go to the open day at STC"). Only a clearly closer sentence moves. The sentences are curated
        knowledge text, their vectors are kept (embedded once per process); the question's vector is the one routing
        made."""
        parts = whole_sentences(short)
        for part in [*parts, advice or ""]:
            if part and part not in self._sentence_vectors:
                # one at a time, in the query form: a sentence against a question is a symmetric comparison, and the
                # single-threaded query path stays fast on a busy machine (the batch path's threads do not)
                self._sentence_vectors[part] = self.index.emb.encode_query(part)
        qvec = self.query_vector(question)
        scores = [float(self._sentence_vectors[p] @ qvec) for p in parts]
        # a sentence that leans on the one before it ("Daarom ...") cannot open the answer
        best = max((i for i in range(len(parts)) if i == 0 or not leans_back(parts[i], lang)), key=lambda i: scores[i])
        # the advice line leads only a question about what to do or where to go: "who is Entree for?" in Arabic lies
        # close to "ask at the open day ..." by vector, but asks for a fact of the answer
        acting = asks_action(question, lang) or asks_where(question, lang)
        if advice and acting and float(self._sentence_vectors[advice] @ qvec) - scores[best] >= LEAD_MARGIN:
            return short, True
        if best == 0 or scores[best] - scores[0] < LEAD_MARGIN:
            return short, False
        return " ".join([_opening(parts[best], lang), *parts[:best], *parts[best + 1 :]]), False

    def _best_sentences(self, text: str, question: str, lang: str, limit: int) -> str:
        """The sentences of a passage that share the most (rare) words with the question, in reading order."""
        from retrieval.tokenize import tokenize

        wanted = set(query_tokens(question, lang))
        sents = sentences(text)
        score = {
            i: sum(self.index.idf(tok) for tok in set(tokenize(sents[i], lang)) & wanted) for i in range(len(sents))
        }
        scored = sorted((i for i in score if score[i] > 0), key=lambda i: -score[i])  # only sentences on the question
        chosen: list[int] = []
        for i in scored:
            # a sentence that leans on the one before it ("Daarom ...") comes with that one
            with_before = [i - 1, i] if i > 0 and leans_back(sents[i], lang) else [i]
            if i == 0 and leans_back(sents[i], lang):
                continue
            added = [j for j in with_before if j not in chosen]
            if word_count(" ".join(sents[j] for j in sorted(chosen + added))) > limit:
                continue
            chosen += added
            if len(chosen) >= 3:
                break
        return " ".join(sents[i] for i in sorted(chosen)) or trim_words(text, limit)

    def _activities(self, route: Route, lang: str) -> Answer:
        assert route.activity is not None
        try:
            extra = self.catalogue()
            result = answer_activities(self.kb, route.activity, lang, extra=extra)
        except (ImportError, ValueError):
            return self._decline(route.text, lang, None)
        sources = [
            Source(
                label=h.initiatief.naam + (f" ({t('bron.own_list', lang)})" if h.initiatief.id in result.own else ""),
                kind="activity",
                source=f"initiatief:{h.initiatief.id}",
                title=h.initiatief.naam,
                snippet=_snippet(h.initiatief.omschrijving),
                language="nl",
                bronnen=[ref_text(b) for b in h.initiatief.bronnen],
            )
            for h in result.shown
        ]
        return Answer(
            answer=result.text,
            details=result.details,
            language=lang,
            grounded=bool(result.hits),
            sources=sources,
            reply_kind="activity_list",
            mode="structured",
            topic="activities",
        )

    def _clarify(self, route: Route, lang: str) -> Answer:
        if route.context is not None and route.context.kind == "section" and route.context.article:
            art = self.kb.artikelen[route.context.article]
            examples = self.questions.examples(art.id, route.context.section or "", lang) or self.questions.examples(
                art.id, art.kort[0].id if art.kort else "", lang
            )
            text = t(
                "assistant.clarify_topic",
                lang,
                topic=art.titel.get(lang) or art.titel["nl"],
                example=examples[0] if examples else art.titel.get(lang) or art.titel["nl"],
            )
        elif route.context is not None and route.context.hit is not None:
            text = t("assistant.clarify_topic", lang, topic=route.context.hit.title, example=route.context.text)
        elif len(route.candidates) >= 2:
            a, b = (self.kb.artikelen[c] for c in route.candidates[:2])
            text = t(
                "assistant.clarify_choice", lang, a=a.titel.get(lang, a.titel["nl"]), b=b.titel.get(lang, b.titel["nl"])
            )
        else:
            return self._decline(route.text, lang, None)
        return Answer(
            answer=text,
            language=lang,
            grounded=False,
            reply_kind="clarifying_question",
            topic=route.context.topic if route.context else None,
        )

    def _decline(self, question: str, lang: str, notice: str | None = None) -> Answer:
        domains = other_domains(question)[:DECLINE_REFERRALS]
        if overrides_instructions(question):
            # not a question to look up: no "my sources do not say", no hint where else to ask
            text = f"{t('assistant.outside_topic', lang)}\n\n{t('assistant.can_help', lang)}"
        elif domains:
            # another domain: say plainly that it is outside what LOB-Kompas does, and where to go instead (for each
            # part of a two-part question: the dentist and the insurer)
            where = " ".join(t(f"assistant.domain_{domain}", lang) for domain in domains)
            text = f"{t('assistant.outside_topic', lang)} {where}\n\n{t('assistant.can_help', lang)}"
        else:
            text = f"{t('assistant.refusal', lang)} {t('assistant.go_school', lang)}\n\n{t('assistant.can_help', lang)}"
        return Answer(answer=text, language=lang, grounded=False, status="refused", reply_kind="decline", notice=notice)

    def _llm_answer(self, question: str, lang: str, route: Route, extractive: Answer) -> Answer:
        from retrieval.llm import NO_ANSWER, ask_llm, cited_numbers, passages_for

        passages = passages_for(self.kb, route, extractive, lang)
        try:
            text = ask_llm(self.llm, question, lang, passages)
        except Exception as exc:  # noqa: BLE001 - any provider error falls back to the curated answer
            extractive.notice = t("assistant.llm_failed", lang, error=type(exc).__name__)
            return extractive
        if not text or NO_ANSWER in text:
            return self._decline(question, lang, None)
        if lang not in ("nl",) and detect_language(text).code != lang:
            extractive.notice = t("assistant.llm_wrong_language", lang)
            return extractive
        cited = cited_numbers(text, len(passages))
        own = [passages[k - 1] for k in cited if passages[k - 1].kind == "document"]
        sources = list(extractive.sources)
        for h in own:  # an own document the model used is marked as such
            name = h.source.split(":", 1)[1]
            if h.source not in {s.source for s in sources}:
                sources.append(
                    Source(
                        label=own_label(name, lang),
                        kind="own_document",
                        source=h.source,
                        title=h.title,
                        snippet=_snippet(h.text),
                        language=h.language,
                    )
                )
        clean = re.sub(r"\s*\[\d{1,2}\]", "", text).strip()
        return Answer(
            answer=trim_words(clean, MAX_ANSWER_WORDS),
            details=extractive.details,
            language=lang,
            grounded=True,
            sources=sources,
            quote=extractive.quote,
            mode="llm",
            topic=extractive.topic,
            notice=extractive.notice,
        )


def own_label(name: str, lang: str) -> str:
    """How an own document is named as a source: its file name, marked as not checked by LOB-Kompas."""
    return f"{name} ({t('assistant.own_document', lang)})"


_DEFAULT: Assistant | None = None
_LOCK = threading.Lock()


def get_assistant(**kwargs: Any) -> Assistant:
    """The process-wide assistant (built once; the Streamlit app and the CLI share it)."""
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None:
            _DEFAULT = Assistant.from_default(**kwargs)
        return _DEFAULT


def text_search_for_initiatives(assistant: Assistant, k: int = 50) -> Any:
    """A ``text_search`` callable for :func:`recommender.initiatives.search_initiatives` (``--q``)."""

    def run(query: str, ids: list[str]) -> dict[str, float]:
        allowed = {f"initiatief:{i}" for i in ids}
        if not allowed:
            return {}
        hits = assistant.search(query, k=k, filters={"kind": "initiatief", "source": sorted(allowed)})
        scores: dict[str, float] = {}
        for h in hits:
            if h.dense is not None and h.dense < DENSE_MIN and not h.bm25:
                continue
            key = h.source.split(":", 1)[1]
            scores[key] = max(scores.get(key, 0.0), h.score)
        return scores

    return run


__all__ = ["Answer", "Assistant", "Quote", "Route", "Source", "get_assistant", "text_search_for_initiatives"]

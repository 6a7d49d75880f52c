"""The evaluation: retrieval and answer quality per language, fused vs BM25 vs dense, and the
assistant's reply quality (issue 11) on the development set and, separately, on the held-out set.

The sets live in ``retrieval/eval_data/questions.yaml`` (development, tuned on) and ``holdout.yaml``
(never tuned on). Per question: ``id``, ``lang``, ``question``, ``type`` (article | record | structured |
figure | out_of_scope), ``expected_sources`` (acceptable sources such as ``artikel:bol_bbl``;
for a two-in-one question both), ``expected_facts`` (strings that must appear in the answer) and, for a
follow-up, ``previous`` (the earlier questions of the conversation).

Retrieval metrics (per language and overall, for each retrieval mode; conversations excluded):

* Recall@5 - share of expected sources among the first five distinct sources of the assistant's ranking
  (the sources of its reply, then the passage search);
* MRR - reciprocal rank of the first expected source (same ranking);
* facts - share of expected facts present in the short answer (a refused answer scores 0);
* language - the answer is labelled with the question's language AND its opening (without Dutch names) is
  detected as that language;
* refusal - grounded is False exactly for the out-of-scope questions.

Reply metrics (issue 11; fused, the default mode):

* right - in-scope questions answered on an expected source with every expected fact in the short answer
  (records: in the answer or the marked Dutch quote);
* refused - in-scope questions that got a decline;
* declined - off-topic questions (and nonsense) that got a decline;
* visible - replies whose every visible word (answer, details, source labels) is in the asker's language;
  Dutch names of schools, opleidingen, initiatives, places and reports and the Dutch school words that the
  curated translations keep (vmbo, BBL, leerbedrijf, ...) excepted (:func:`foreign_words`);
* words - median and maximum number of words of the short answer;
* followup - follow-up questions answered on an expected topic or with a clarifying question.
"""

from __future__ import annotations

import re
import statistics
import time
import unicodedata
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field

from knowledge.inputs import question_text
from knowledge.loader import KnowledgeBase
from knowledge.stats import latency_summary
from retrieval.assistant import K_RETRIEVE, Answer, Assistant, word_count
from retrieval.language import DOMAIN_WORDS, detect_language, word_script
from retrieval.search import Mode, unique_sources

EVAL_FILE = Path(__file__).resolve().parent / "eval_data" / "questions.yaml"
HOLDOUT_FILE = EVAL_FILE.with_name("holdout.yaml")
MODES: tuple[Mode, ...] = ("fused", "bm25", "dense")
METRICS = ("recall@5", "mrr", "facts", "language", "refusal")
REPLY_METRICS = ("right", "refused", "declined", "visible", "words_median", "words_max", "followup")
# targets of issue 11, per language
TARGETS = {
    "right": (">=", 0.95),
    "refused": ("<=", 0.02),
    "declined": (">=", 1.0),
    "visible": (">=", 1.0),
    "words_median": ("<=", 70),
    "words_max": ("<=", 120),
    "followup": (">=", 0.90),
}
LANG_ORDER = ("nl", "en", "tr", "ar", "pl", "uk")


class EvalQuestion(BaseModel):
    id: str
    lang: str
    question: str
    type: Literal["article", "record", "structured", "figure", "out_of_scope"]
    expected_sources: list[str] = Field(default_factory=list)
    expected_facts: list[str] = Field(default_factory=list)
    previous: list[str] = Field(default_factory=list)

    @property
    def in_scope(self) -> bool:
        return self.type != "out_of_scope"


def load_questions(path: Path | None = None) -> list[EvalQuestion]:
    raw = yaml.safe_load(Path(path or EVAL_FILE).read_text(encoding="utf-8"))
    return [EvalQuestion.model_validate(item) for item in raw or []]  # an empty set (no held-out yet) is []


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u00a0", " ").replace(" %", "%").replace("%", "%")
    return " ".join(text.split())


def opening(text: str) -> str:
    """The first paragraph of an answer (plus the next one if it is a short title)."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    if not paras:
        return ""
    first = paras[0]
    return (first + "\n" + paras[1])[:400] if len(first) < 60 and len(paras) > 1 else first[:400]


def fact_text(answer: Answer, q: EvalQuestion) -> str:
    """Where the facts must be: the short answer; for a record also its marked Dutch quote."""
    text = answer.answer
    if q.type == "record" and answer.quote is not None:
        text += "\n" + answer.quote.text
    return text


def fact_score(answer: Answer, facts: list[str], q: EvalQuestion | None = None) -> float:
    if not facts:
        return 1.0 if answer.grounded else 0.0
    if not answer.grounded:
        return 0.0
    body = _norm(fact_text(answer, q) if q is not None else answer.answer)
    return sum(_norm(f) in body for f in facts) / len(facts)


def ranking(assistant: Assistant, q: EvalQuestion, answer: Answer, mode: Mode) -> list[str]:
    """Distinct sources in rank order: the sources of the reply, then the passage search."""
    own = [s.source for s in answer.sources if s.source and s.kind in ("knowledge", "activity", "own_document")]
    if answer.mode == "structured":
        return list(dict.fromkeys(own))
    # the question's embedding as the reply computed it (kept by the assistant): the same vector, not embedded twice
    qvec = assistant.query_vector(q.question) if mode != "bm25" else None
    hits = assistant.index.search(q.question, k=K_RETRIEVE * 3, mode=mode, lang=answer.language, qvec=qvec)
    return list(dict.fromkeys(own + unique_sources(hits)))


def on_topic(answer: Answer, q: EvalQuestion) -> bool:
    """The reply is about an expected source: for a list any listed activity, else its first knowledge source
    (for two questions in one, any of its knowledge sources)."""
    expected = set(q.expected_sources)
    if answer.reply_kind == "activity_list":
        return any(s.source in expected for s in answer.sources) or (not answer.sources and q.type == "structured")
    knowledge = [
        s.source for s in answer.sources if s.kind in ("knowledge", "own_document") and s.source and ":" in s.source
    ]
    if not knowledge:
        return False
    if ";" in (answer.topic or ""):
        return bool(expected & set(knowledge))
    return knowledge[0] in expected


# --- the language of every visible word ---------------------------------------------------------
_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _LETTERS.findall(text) if len(w) >= 3}


_VOCAB_CACHE: dict[int, tuple[KnowledgeBase, tuple[dict[str, set[str]], set[str]]]] = {}


def _vocabularies(kb: KnowledgeBase) -> tuple[dict[str, set[str]], set[str]]:
    """Words per language (curated texts and the translation catalogue) and the names everyone may see."""
    cached = _VOCAB_CACHE.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    result = _build_vocabularies(kb)
    _VOCAB_CACHE[id(kb)] = (kb, result)
    return result


def _build_vocabularies(kb: KnowledgeBase) -> tuple[dict[str, set[str]], set[str]]:
    from knowledge.i18n import LANGUAGES, catalogue

    vocab: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for art in kb.artikelen.values():
        for lang in LANGUAGES:
            vocab[lang] |= _words(art.titel.get(lang, "")) | _words(art.tekst.get(lang, ""))
            vocab[lang] |= _words(art.doen.get(lang, ""))
            for part in art.kort:
                vocab[lang] |= _words(part.tekst.get(lang, ""))
    for lang in LANGUAGES:
        for text in catalogue(lang).values():
            vocab[lang] |= _words(text)
        for ber in kb.beroepen.values():  # the curated plain sentence of a beroep, written in each language
            vocab[lang] |= _words(ber.korte_omschrijving.get(lang, ""))
    # the records themselves are Dutch text
    for rec_text in [
        *(b.omschrijving for b in kb.beroepen.values()),
        *(o.omschrijving for o in kb.opleidingen.values()),
        *(i.omschrijving for i in kb.initiatieven.values()),
        *(c.omschrijving for c in kb.campussen.values()),
        *(s.opmerking or "" for s in kb.scholen.values()),
    ]:
        vocab["nl"] |= _words(rec_text)
    names: set[str] = set(DOMAIN_WORDS)
    for ini in kb.initiatieven.values():
        names |= _words(
            " ".join(
                filter(
                    None,
                    (
                        ini.naam,
                        ini.organisator,
                        ini.locatie.naam,
                        ini.locatie.wijk,
                        ini.locatie.gemeente,
                        ini.onderdeel_van,
                        ini.website,  # an activity's website is shown as an address ("mborijnland.nl")
                    ),
                )
            )
        )
    for name in [
        *(r.naam for r in kb.beroepen.values()),
        *(r.naam for r in kb.opleidingen.values()),
        *(r.naam for r in kb.scholen.values()),
        *(r.locatie.gemeente or "" for r in kb.scholen.values()),  # where a school outside the region lies
        *(r.naam for r in kb.campussen.values()),
        *(r.naam for r in kb.gebieden.values()),
    ]:
        names |= _words(name)
    for b in kb.bronnen.values():
        names |= _words(" ".join(filter(None, (b.kort, b.uitgever))))
    return vocab, names


def foreign_words(kb: KnowledgeBase, text: str, lang: str) -> list[str]:
    """Words of ``text`` that belong to another language than ``lang`` (names and kept school words allowed)."""
    vocab, names = _vocabularies(kb)
    own = vocab.get(lang, set())
    others = set().union(*(v for code, v in vocab.items() if code != lang)) - own
    script = {"ar": "arabic", "uk": "cyrillic"}.get(lang, "latin")
    out = []
    for w in sorted(_words(text)):
        if w in names or w in own:
            continue
        if word_script(w) != script or w in others:
            out.append(w)
    return out


def without_names(kb: KnowledgeBase, text: str) -> str:
    """``text`` without the Dutch names of records, places and reports (they say nothing about its language)."""
    _, names = _vocabularies(kb)
    return " ".join(w for w in text.split() if w.strip(".,;:()«»“”!?").lower() not in names)


def visible_text(answer: Answer) -> str:
    """What a reader sees in the answer's language: the answer, the details, the labels (not a marked quote)."""
    parts = [answer.answer, answer.details, *(s.label for s in answer.sources)]
    if answer.quote is not None:
        parts.append(answer.quote.label)
    return "\n".join(parts)


# --- scoring --------------------------------------------------------------------------------
def score_question(assistant: Assistant, q: EvalQuestion, mode: Mode) -> dict[str, Any]:
    t0 = time.perf_counter()
    # fallback_lang: the parent asks on a page in their own language (used only when nothing can be detected)
    answer = assistant.ask(q.question, previous=q.previous, mode=mode, use_llm=False, fallback_lang=q.lang)
    seconds = time.perf_counter() - t0
    declined = answer.reply_kind == "decline"
    row: dict[str, Any] = {
        "id": q.id,
        "lang": q.lang,
        "type": q.type,
        "mode": mode,
        "seconds": seconds,
        "grounded": answer.grounded,
        "answer_language": answer.language,
        "reply_kind": answer.reply_kind,
        "topic": answer.topic,
        "followup_question": bool(q.previous),
        "words": word_count(answer.answer),
        "language": float(
            answer.language == q.lang
            and detect_language(without_names(assistant.kb, opening(answer.answer))).code == q.lang
        ),
        "refusal": float(answer.grounded == q.in_scope),
    }
    foreign = foreign_words(assistant.kb, visible_text(answer), q.lang) if answer.language == q.lang else ["<lang>"]
    row["visible"] = float(not foreign)
    row["foreign"] = foreign[:8]
    if q.in_scope:
        topic_ok = on_topic(answer, q)
        facts = fact_score(answer, q.expected_facts, q)
        row["right"] = float(answer.reply_kind in ("answer", "activity_list") and topic_ok and facts == 1.0)
        row["refused"] = float(declined)
        if q.previous:
            row["followup"] = float(topic_ok or answer.reply_kind == "clarifying_question")
        else:
            ranked = ranking(assistant, q, answer, mode)
            expected = set(q.expected_sources)
            top5 = ranked[:5]
            row["recall@5"] = len(expected & set(top5)) / len(expected) if expected else None
            first = next((i for i, s in enumerate(ranked) if s in expected), None)
            row["mrr"] = 1.0 / (first + 1) if first is not None else 0.0
            row["facts"] = facts
            row["top_sources"] = top5
    else:
        row["declined"] = float(declined)
    return row


def _mean(values: list[Any]) -> float | None:
    vals = [v for v in values if v is not None]
    return round(sum(vals) / len(vals), 3) if vals else None


def _langs(rows: list[dict[str, Any]]) -> list[str]:
    return sorted({r["lang"] for r in rows}, key=lambda x: LANG_ORDER.index(x) if x in LANG_ORDER else 9)


def summarise(rows: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, float | None]]]:
    """mode -> language (and 'all') -> retrieval metric -> mean (conversations excluded)."""
    out: dict[str, dict[str, dict[str, float | None]]] = {}
    for mode in MODES:
        mrows = [r for r in rows if r["mode"] == mode and not r["followup_question"]]
        if not mrows:
            continue
        out[mode] = {}
        for lang in [*_langs(mrows), "all"]:
            sel = [r for r in mrows if lang == "all" or r["lang"] == lang]
            out[mode][lang] = {m: _mean([r.get(m) for r in sel]) for m in METRICS}
            out[mode][lang]["n"] = len(sel)
    return out


def summarise_replies(rows: list[dict[str, Any]], mode: Mode = "fused") -> dict[str, dict[str, Any]]:
    """language (and 'all') -> reply metric -> value, with the counts behind each share."""
    mrows = [r for r in rows if r["mode"] == mode]
    out: dict[str, dict[str, Any]] = {}
    for lang in [*_langs(mrows), "all"]:
        sel = [r for r in mrows if lang == "all" or r["lang"] == lang]
        words = [r["words"] for r in sel]
        vals: dict[str, Any] = {
            m: _mean([r.get(m) for r in sel]) for m in ("right", "refused", "declined", "visible", "followup")
        }
        vals["words_median"] = statistics.median(words) if words else None
        vals["words_max"] = max(words) if words else None
        vals["n"] = {
            "in_scope": sum("right" in r for r in sel),
            "off_topic": sum("declined" in r for r in sel),
            "followups": sum("followup" in r for r in sel),
            "all": len(sel),
        }
        out[lang] = vals
    return out


def meets(metric: str, value: float | None) -> bool:
    if value is None:
        return True
    op, target = TARGETS[metric]
    return value >= target if op == ">=" else value <= target


EMBED_BATCH = 128  # questions embedded together by run_eval(batch_embed=True)


def run_eval(
    assistant: Assistant,
    questions: list[EvalQuestion] | None = None,
    modes: tuple[Mode, ...] = MODES,
    other_modes_every: int = 1,
    batch_embed: bool = False,
) -> dict[str, Any]:
    """Score every question in every mode; the summary, the reply summary and warm latency of fused asks.

    other_modes_every=n scores the comparison modes (bm25, dense) on every n-th question only (the test suite's
    comparison of the retrievers does not need every question; the default mode always gets all of them).
    batch_embed=True embeds the questions (and their earlier questions) in batches before asking them: the same
    vectors in about half the time, for the test suite; the latency then leaves out the embedding, so the command
    (which reports latency) does not use it."""
    questions = questions or load_questions()
    for q in questions[:3]:  # warm-up (model, caches)
        assistant.ask(q.question, use_llm=False)
    # a follow-up counts only in the reply metrics, which are the default mode's: the other modes skip them
    todo = [
        (mode, q)
        for mode in modes
        for i, q in enumerate(questions)
        if mode == "fused" or "fused" not in modes or (not q.previous and i % other_modes_every == 0)
    ]
    rows = []
    for n, (mode, q) in enumerate(todo):
        if batch_embed and n % EMBED_BATCH == 0:
            # within the assistant's kept vectors (512): a batch is used before the asks push it out
            block = [t for _, b in todo[n : n + EMBED_BATCH] for t in (b.question, *b.previous)]
            assistant.remember_vectors([question_text(t) for t in block])  # the text ask() embeds
        rows.append(score_question(assistant, q, mode))
    fused_ms = [r["seconds"] * 1000 for r in rows if r["mode"] == "fused"]
    latency = latency_summary(fused_ms, digits=1) if fused_ms else {}
    return {
        "summary": summarise(rows),
        "replies": summarise_replies(rows),
        "latency": latency,
        "rows": rows,
        "questions": len(questions),
    }


def format_table(result: dict[str, Any]) -> str:
    """The retrieval summary (one block per mode) as plain text."""
    lines = []
    for mode, per_lang in result["summary"].items():
        lines.append(f"== {mode} ==")
        lines.append(f"{'lang':<5} {'n':>3} " + " ".join(f"{m:>9}" for m in METRICS))
        for lang, vals in per_lang.items():
            cells = " ".join(f"{'-' if vals[m] is None else format(vals[m], '.3f'):>9}" for m in METRICS)
            lines.append(f"{lang:<5} {vals['n']:>3} {cells}")
        lines.append("")
    lat = result.get("latency") or {}
    if lat:
        lines.append(f"ask latency (fused, warm, n={lat['n']}): median {lat['median_ms']} ms, p95 {lat['p95_ms']} ms")
    return "\n".join(lines)


def format_replies(replies: dict[str, dict[str, Any]], title: str) -> str:
    """The reply metrics per language with the targets; '!' marks a figure that misses its target."""
    head = (
        f"{'lang':<5} {'right':>7} {'refused':>8} {'declined':>9} {'visible':>8} {'words':>9} {'followup':>9}"
        f"   n(in/off/fu)"
    )
    lines = [f"== {title} ==", head]

    def cell(v: dict[str, Any], m: str, width: int, fmt: str = ".3f") -> str:
        val = v.get(m)
        text = "-" if val is None else format(val, fmt)
        return f"{text + ('!' if not meets(m, val) else ' '):>{width}}"

    for lang, v in replies.items():
        words = f"{v['words_median']:g}/{v['words_max']}" if v["words_median"] is not None else "-"
        mark = "!" if not (meets("words_median", v["words_median"]) and meets("words_max", v["words_max"])) else " "
        n = v["n"]
        lines.append(
            f"{lang:<5} {cell(v, 'right', 7)} {cell(v, 'refused', 8)} {cell(v, 'declined', 9)} "
            f"{cell(v, 'visible', 8)} {words + mark:>9} {cell(v, 'followup', 9)}   "
            f"{n['in_scope']}/{n['off_topic']}/{n['followups']}"
        )
    lines.append(
        "targets: right >= 0.95, refused <= 0.02, declined = 1, visible = 1, words median <= 70 and "
        "max <= 120, followup >= 0.90"
    )
    return "\n".join(lines)

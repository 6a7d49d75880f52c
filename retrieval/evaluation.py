"""The development evaluation: retrieval and answer quality per language, fused vs BM25 vs dense.

The set lives in ``retrieval/eval_data/questions.yaml``: per question ``id``, ``lang``, ``question``,
``type`` (article | record | structured | figure | out_of_scope), ``expected_sources`` (chunk
sources such as ``artikel:bol_bbl``) and ``expected_facts`` (short strings that must appear in
the answer).

Metrics (per language and overall, for each retrieval mode):

* Recall@5 - share of expected sources among the first five distinct sources (retrieval ranking;
  for structured questions the listed activities), answerable questions only;
* MRR - reciprocal rank of the first expected source (same ranking);
* facts - share of expected facts present in the answer text (a refused answer scores 0);
* language - the answer is labelled with the question's language AND its opening (the article text,
  the "only Dutch material" notice, the list heading or the refusal) is detected as that language;
* refusal - grounded is False exactly for the out-of-scope questions (all questions).
"""
from __future__ import annotations

import time
import unicodedata
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field

from knowledge.stats import latency_summary
from retrieval.assistant import K_RETRIEVE, Answer, Assistant
from retrieval.language import detect_language
from retrieval.search import Mode, unique_sources

EVAL_FILE = Path(__file__).resolve().parent / "eval_data" / "questions.yaml"
HOLDOUT_FILE = EVAL_FILE.with_name("holdout.yaml")
MODES: tuple[Mode, ...] = ("fused", "bm25", "dense")
METRICS = ("recall@5", "mrr", "facts", "language", "refusal")


class EvalQuestion(BaseModel):
    id: str
    lang: str
    question: str
    type: Literal["article", "record", "structured", "figure", "out_of_scope"]
    expected_sources: list[str] = Field(default_factory=list)
    expected_facts: list[str] = Field(default_factory=list)


def load_questions(path: Path | None = None) -> list[EvalQuestion]:
    raw = yaml.safe_load(Path(path or EVAL_FILE).read_text(encoding="utf-8"))
    return [EvalQuestion.model_validate(item) for item in raw]


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u00a0", " ").replace(" %", "%").replace("%", "%")
    return " ".join(text.split())


def opening(text: str) -> str:
    """The part of an answer the assistant wrote itself: the first paragraph (plus the next one if it is a
    short title), i.e. the article text, the 'only Dutch material' notice, the list heading or the refusal."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    if not paras:
        return ""
    first = paras[0]
    return (first + "\n" + paras[1])[:400] if len(first) < 60 and len(paras) > 1 else first[:400]


def fact_score(answer: Answer, facts: list[str]) -> float:
    if not facts:
        return 1.0 if answer.grounded else 0.0
    if not answer.grounded:
        return 0.0
    body = _norm(answer.answer)
    return sum(_norm(f) in body for f in facts) / len(facts)


def ranking(assistant: Assistant, q: EvalQuestion, answer: Answer, mode: Mode) -> list[str]:
    """Distinct sources in rank order: the structured list, else the retrieval ranking."""
    if answer.mode == "structured":
        return [s.source for s in answer.sources]
    hits = assistant.index.search(q.question, k=K_RETRIEVE * 3, mode=mode, lang=answer.language)
    return unique_sources(hits)


def score_question(assistant: Assistant, q: EvalQuestion, mode: Mode) -> dict[str, Any]:
    t0 = time.perf_counter()
    answer = assistant.ask(q.question, mode=mode, use_llm=False)
    seconds = time.perf_counter() - t0
    row: dict[str, Any] = {"id": q.id, "lang": q.lang, "type": q.type, "mode": mode, "seconds": seconds,
                           "grounded": answer.grounded, "answer_language": answer.language,
                           "language": float(answer.language == q.lang
                                             and detect_language(opening(answer.answer)).code == q.lang),
                           "refusal": float(answer.grounded == (q.type != "out_of_scope"))}
    if q.type != "out_of_scope":
        ranked = ranking(assistant, q, answer, mode)
        expected = set(q.expected_sources)
        top5 = ranked[:5]
        row["recall@5"] = len(expected & set(top5)) / len(expected) if expected else None
        first = next((i for i, s in enumerate(ranked) if s in expected), None)
        row["mrr"] = 1.0 / (first + 1) if first is not None else 0.0
        row["facts"] = fact_score(answer, q.expected_facts)
        row["top_sources"] = top5
    return row


def _mean(values: list[Any]) -> float | None:
    vals = [v for v in values if v is not None]
    return round(sum(vals) / len(vals), 3) if vals else None


def summarise(rows: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, float | None]]]:
    """mode -> language (and 'all') -> metric -> mean."""
    out: dict[str, dict[str, dict[str, float | None]]] = {}
    for mode in MODES:
        mrows = [r for r in rows if r["mode"] == mode]
        if not mrows:
            continue
        langs = sorted({r["lang"] for r in mrows}, key=lambda x: ("nl", "en", "tr", "ar", "pl", "uk").index(x)
                       if x in ("nl", "en", "tr", "ar", "pl", "uk") else 9)
        out[mode] = {}
        for lang in [*langs, "all"]:
            sel = [r for r in mrows if lang == "all" or r["lang"] == lang]
            out[mode][lang] = {m: _mean([r.get(m) for r in sel]) for m in METRICS}
            out[mode][lang]["n"] = len(sel)
    return out


def run_eval(assistant: Assistant, questions: list[EvalQuestion] | None = None,
             modes: tuple[Mode, ...] = MODES) -> dict[str, Any]:
    """Score every question in every mode; returns rows, the summary and warm latency of fused asks."""
    questions = questions or load_questions()
    for q in questions[:3]:  # warm-up (model, caches)
        assistant.ask(q.question, use_llm=False)
    rows = [score_question(assistant, q, mode) for mode in modes for q in questions]
    fused_ms = [r["seconds"] * 1000 for r in rows if r["mode"] == "fused"]
    latency = latency_summary(fused_ms, digits=1) if fused_ms else {}
    return {"summary": summarise(rows), "latency": latency, "rows": rows, "questions": len(questions)}


def format_table(result: dict[str, Any]) -> str:
    """The summary as a plain-text table: one block per mode, one row per language."""
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

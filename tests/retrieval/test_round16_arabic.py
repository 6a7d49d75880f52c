"""Round 16 (issue 11): Arabic as parents write it, in all four big dialects.

Parents write 'يشتغل' (works) and 'يدرس' (studies), which hold neither 'شغل' nor 'دراس'; Moroccan parents write
'يخدم' (works), 'يقرا' (studies), 'واش' (yes/no), 'شنو' (what) and 'ديال' (of); Egyptian parents 'كام' (how much) and
'مرتب' (pay); spoken Arabic glues 'على ال' into 'عال' ('عالسطوح', on the roofs). Records are indexed in Dutch (with
their everyday names in every language), so an Arabic question is always much closer to some Arabic article passage
than to the record it names by its everyday name. The questions here are our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from knowledge import load_knowledge
from retrieval.assistant import Assistant
from retrieval.routing import asks_question, in_domain, is_followup
from retrieval.structured import answer_activities, parse_activity_question
from retrieval.tokenize import arabic_keys, tokenize


@pytest.mark.parametrize(
    "text",
    [
        "بنتي بدها تشتغل بشي بيدها",  # Levantine 'works' (no 'شغل' inside 'تشتغل')
        "ولدي حاب يدرس شي عملي",  # 'studies' (no 'دراس' inside 'يدرس')
        "ولدي بغا يخدم مع باباه",  # Maghrebi 'works'
        "المرتب هناك عامل ازاي",  # Egyptian 'pay'
    ],
)
def test_arabic_dialect_verbs_of_work_and_study_are_ours(text: str) -> None:
    assert in_domain(text)


def test_an_arabic_question_without_our_words_stays_outside() -> None:
    assert not in_domain("وش احسن مطعم مشاوي قريب مننا")


@pytest.mark.parametrize("text", ["واش كاين شي حل", "شنو خاصنا نديرو دابا", "كام المصاريف", "علاش هاد الشي"])
def test_maghrebi_and_egyptian_question_words_ask(text: str) -> None:
    assert asks_question(text, "ar")


def test_maghrebi_and_egyptian_function_words_carry_no_topic() -> None:
    assert tokenize("واش شنو ديال خاصو دابا بزاف ده بتاع كام", "ar") == []


def test_a_spoken_glued_article_meets_the_bare_word() -> None:
    assert arabic_keys("عالسطوح") & arabic_keys("السطوح")


@pytest.mark.parametrize(
    ("question", "beroep"),
    [
        # Levantine: roofs and roof tiles, and "what is this trade called"
        ("جوزي بيقول ابني لازم يتعلم يصلح السطوح والقرميد، شو اسم هالشغلة وشو بيدرس؟", "ber_dakdekker"),
        # Egyptian: river boats, "what does he study after vmbo"
        ("ابني نفسه يبقى بحار على المراكب، يدرس ايه بعد الvmbo؟", "ber_matroos_binnenvaart"),
    ],
)
def test_an_everyday_arabic_job_word_reaches_its_beroep(assistant: Assistant, question: str, beroep: str) -> None:
    answer = assistant.ask(question, "ar", use_llm=False)
    assert answer.reply_kind == "answer", (answer.reply_kind, answer.answer)
    sources = [s.source for s in answer.sources if s.kind == "knowledge"]
    assert sources and beroep in sources[0] or any(o in sources[0] for o in assistant.kb.beroepen[beroep].mbo_route), (
        sources
    )


def test_an_arabic_question_naming_a_job_is_not_outweighed_by_an_arabic_article(assistant: Assistant) -> None:
    # Gulf Arabic, aeroplanes by their everyday word and "is there an mbo for that": the aircraft mechanic's record
    # (or its opleiding), not a decline because some Arabic article passage is closer than the Dutch record passage
    route = assistant.route("ولدي مولع بالطيارات ويبي يصير يصلحها، فيه دراسة لهذا؟", "ar")
    assert route.kind == "record", route.kind
    assert route.hit is not None and "vliegtuig" in route.hit.source


@pytest.mark.parametrize("text", ["واذا ما لقى شركة ابدا شو نعمل بعدها؟", "وبعدين لوين بيروح؟", "طب والبنات؟"])
def test_arabic_and_if_and_then_open_a_follow_up(text: str) -> None:
    assert is_followup(text, "ar")


def test_an_arabic_activity_line_uses_the_arabic_comma_before_its_distance() -> None:
    kb = load_knowledge()
    q = parse_activity_question(kb, "open dag bij Barendrecht")
    assert q is not None
    result = answer_activities(kb, q, "ar")
    lines = [line for line in result.text.splitlines() if line.endswith("كم")]
    assert lines and all("، ~" in line or "، " in line for line in lines) and not any(", ~" in x for x in lines)
    # the header names what was found first, then how many (not "the number of activities I found ...: 9.")
    assert result.text.splitlines()[0].startswith("أنشطة")

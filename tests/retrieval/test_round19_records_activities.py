"""Round 19 (issue 11): jobs and courses named in plain words, programme names as parents hear them, activities.

A job asked "which mbo course is that?" opens with its courses; a programme named as parents hear it ('aandebak',
'NPRZ') leads to its article in any language; an activity follow-up with a remark after the new place keeps the
list; a field word that is only the child's hobby does not empty a list asked for a group. The questions here are
not in the eval sets.
"""

from __future__ import annotations

from retrieval.assistant import Assistant
from retrieval.routing import asks_course


def test_asks_course_is_the_course_not_what_the_job_is() -> None:
    assert asks_course("my son wants to become a bricklayer, which mbo course is that?", "en")
    assert asks_course("kızım kuaför değil elektrikçi olmak istiyor, hangi bölüm?", "tr")
    assert asks_course("ابنتي بدها تصير كهربائية، شو الدراسة بالـ mbo؟", "ar")
    # what the job is leads when that is asked too, and a question about the job alone asks no course
    assert not asks_course("what does a wind technician do all day and which course gets you there?", "en")
    assert not asks_course("verdient een metselaar goed?", "nl")


def test_a_job_asked_for_its_course_opens_with_the_courses(assistant: Assistant) -> None:
    beroep = assistant.kb.beroepen["ber_metselaar"]
    answer = assistant.ask("my son wants to become a bricklayer, which mbo course is that?", lang="en", use_llm=False)
    assert answer.topic == "beroep:ber_metselaar", answer.topic
    first = answer.sources[0].source or ""
    assert first.startswith("opleiding:") and first.split(":", 1)[1] in beroep.mbo_route, first
    assert answer.answer.startswith("For the job Metselaar"), answer.answer
    # asked what the job is, the job leads as before
    answer = assistant.ask("what does a bricklayer do all day?", lang="en", use_llm=False)
    assert answer.sources[0].source == "beroep:ber_metselaar", [s.source for s in answer.sources]


def test_the_course_the_question_names_leads_the_courses(assistant: Assistant) -> None:
    answer = assistant.ask("welke mbo opleiding hoort bij laborant? ze wil eigenlijk analist worden", use_llm=False)
    assert answer.topic == "beroep:ber_laborant", answer.topic
    # by level the Allround laborant (niveau 3) would come first; the named Analist (niveau 4) leads instead
    assert [s.source for s in answer.sources][:2] == ["opleiding:opl_analist_n4", "opleiding:opl_allround_laborant_n3"]


def test_a_programme_named_as_parents_hear_it_leads_to_its_article(assistant: Assistant) -> None:
    for question, lang, article in [
        ("szkola ciagle mowi o aandebak, czy syn na pewno dostanie prace po mbo?", "pl", "gaan_voor_een_baan"),
        ("okul hep NPRZ diyor, bu ne demek, oglum icin iyi mi?", "tr", "nprz_doelen"),
    ]:
        answer = assistant.ask(question, lang=lang, use_llm=False)
        assert (answer.topic or "").startswith(f"artikel:{article}"), (question, answer.topic)


def test_an_activity_followup_with_a_remark_after_the_new_place_keeps_the_list(assistant: Assistant) -> None:
    answer = assistant.ask(
        "en in zoetermeer? daar woont zijn vader",
        previous=["zijn er open dagen voor techniek op het mbo in rotterdam?"],
        lang="nl",
        use_llm=False,
    )
    assert answer.reply_kind == "activity_list", answer.answer
    assert "initiatief:ini_rijnland_zoetermeer" in {s.source for s in answer.sources}, answer.answer


def test_a_hobby_field_does_not_empty_a_list_asked_for_a_group(assistant: Assistant) -> None:
    answer = assistant.ask(
        "my daughter likes building things, are there tech workshops only for girls?", lang="en", use_llm=False
    )
    assert answer.reply_kind == "activity_list", answer.answer
    assert {"initiatief:ini_vhto", "initiatief:ini_meiden_in_de_techniek"} & {s.source for s in answer.sources}

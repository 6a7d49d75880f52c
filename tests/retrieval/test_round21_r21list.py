"""Round 21 (issue 11): course cards, activity lists and declines a parent can use.

A parent-like review of the v14 replies found course cards that ran on as one paragraph with 'only BBL' unexplained
and a job that only repeated the course's name; too narrow a choice (cars gave the motorcycle mechanic only);
activity lists that showed school-only Jet-Net clusters as places to go, labelled items 'class 1-2' for an upper-year
pupil, left the top items without a website and pointed to an 'Activities' screen the parent does not see; and
declines that sent a health-insurance question to the bank. The questions here are our own, not in the eval sets.
"""

from __future__ import annotations

from retrieval.assistant import Assistant


def test_a_health_insurance_question_is_not_sent_to_the_bank(assistant: Assistant) -> None:
    answer = assistant.ask("welke zorgverzekering is het voordeligst voor ons gezin met drie kinderen?", use_llm=False)
    assert answer.reply_kind == "decline"
    assert "Dienst Toeslagen" in answer.answer
    assert "bank" not in answer.answer.split("\n\n")[0].lower()


def test_a_tax_return_goes_to_the_belastingdienst_only(assistant: Assistant) -> None:
    answer = assistant.ask("how do I fill in my tax return and when is the refund paid?", lang="en", use_llm=False)
    assert answer.reply_kind == "decline"
    assert "Belastingdienst" in answer.answer
    assert "bank" not in answer.answer.split("\n\n")[0].lower()


def test_a_course_card_has_one_fact_a_line_and_explains_only_bbl(assistant: Assistant) -> None:
    answer = assistant.ask(
        "my son wants to lay power cables underground and connect houses and charging points, which mbo course?",
        lang="en",
        use_llm=False,
    )
    assert answer.topic == "beroep:ber_netwerkmonteur_elektra"
    first = answer.answer.split("\n\n")[0]
    assert len(first.split("\n")) >= 3  # the courses, the schools, what the job is: each on its own line
    assert "employer" in answer.answer  # 'only BBL': the child needs an employer first


def test_a_course_card_shows_the_other_level_and_no_job_that_repeats_its_name(assistant: Assistant) -> None:
    answer = assistant.ask("is there an mbo course where he learns to maintain aircraft?", lang="en", use_llm=False)
    assert answer.topic == "opleiding:opl_vliegtuigonderhoudtechnicus_n3"
    assert "Jobs:" not in answer.answer
    assert "niveau 4" in answer.answer


def test_a_boy_who_loves_cars_gets_the_car_mechanic(assistant: Assistant) -> None:
    answer = assistant.ask("oğlum arabalarla uğraşmaya bayılıyor, mbo'da hangi bölümü okumalı?", use_llm=False)
    assert answer.topic == "beroep:ber_autotechnicus"


def test_an_upper_year_activity_list_names_the_childs_stage_and_marks_school_only_clusters(
    assistant: Assistant,
) -> None:
    answer = assistant.ask(
        "bedrijfsbezoek in Delft voor mijn zoon, hij zit in vmbo kader leerjaar 3?", lang="nl", use_llm=False
    )
    assert answer.reply_kind == "activity_list"
    items = [line for line in answer.answer.split("\n") if line.startswith("- ")]
    assert items
    assert not any("klas 1-2" in line or "basisschool" in line for line in items)
    assert all("Jet-Net" not in line or "alleen via school" in line for line in items)
    assert "Activiteiten»" not in answer.answer


def test_a_girls_only_question_that_finds_only_national_organisations_says_so(assistant: Assistant) -> None:
    answer = assistant.ask("zijn er workshops alleen voor meisjes in Schiedam?", lang="nl", use_llm=False)
    assert answer.reply_kind == "activity_list"
    assert answer.answer.startswith("Ik vond geen activiteit alleen voor meisjes")

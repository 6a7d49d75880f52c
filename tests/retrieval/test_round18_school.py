"""Round 18 (issue 11): what a school offers, "where" without a school word, a worry beside the question.

A parent asks where a job is learnt without saying mbo ("loves planes, wants to fix them, where does he study that?");
asks why the school has no techniek (the licence), not what to do about it; and mentions a worry beside the question
(asthma, dyslexia, "must I come along to the open day?"). The questions here are not in the eval sets.
"""

from __future__ import annotations

from knowledge.i18n import t
from retrieval.assistant import Assistant
from retrieval.routing import asks_why, other_domain, without_aside


def _record_of(assistant: Assistant, beroep: str) -> set[str]:
    return {f"beroep:{beroep}", *(f"opleiding:{o}" for o in assistant.kb.beroepen[beroep].mbo_route)}


def test_a_job_by_its_everyday_name_with_where_is_answered_without_a_school_word(assistant: Assistant) -> None:
    """No 'mbo', no 'school': the everyday name of the job and "where?" ask where it is taught (Arabic dialect too)."""
    for question, lang, beroep in [
        ("ابني يحب الطيارات وبدو يصلحها، وين يدرس هالشي؟", "ar", "ber_vliegtuigonderhoudstechnicus"),
        ("син обожнює літаки і хоче їх ремонтувати, де цьому навчаються?", "uk", "ber_vliegtuigonderhoudstechnicus"),
        ("she wants to put new roofs on houses, where can she learn that?", "en", "ber_dakdekker"),
    ]:
        answer = assistant.ask(question, lang=lang, use_llm=False)
        assert answer.reply_kind == "answer", (question, answer.answer)
        assert answer.topic in _record_of(assistant, beroep), (question, answer.topic)


def test_where_without_learning_a_job_is_no_record(assistant: Assistant) -> None:
    """'Where' alone asks for no course: where to report a refused internship is the internship article, and where to
    buy a plane ticket or a bike is declined (the job's everyday name is there, the learning is not)."""
    answer = assistant.ask("waar kan ik een klacht over stage melden?", lang="nl", use_llm=False)
    assert not (answer.topic or "").startswith(("beroep:", "opleiding:")), answer.topic
    for question, lang in [
        ("waar koop ik goedkope vliegtickets naar Turkije?", "nl"),
        ("де купити недорогий велосипед для сина?", "uk"),
    ]:
        answer = assistant.ask(question, lang=lang, use_llm=False)
        assert answer.reply_kind == "decline", (question, answer.topic)


def test_why_no_techniek_at_school_is_the_licence_and_what_now_is_the_way_in(assistant: Assistant) -> None:
    """ "Why does the school not give techniek?" is answered by the licence; "no techniek, what can he do?" by the
    ways into techniek without a profiel."""
    assert asks_why("there is no techniek at our school, how come?")
    why = assistant.ask("waarom geeft de school van mijn zoon geen techniek?", lang="nl", use_llm=False)
    assert why.topic == "artikel:praktijkgerichte_programmas#licentie", why.topic
    what = assistant.ask("onze school heeft geen techniek, wat kan mijn zoon doen?", lang="nl", use_llm=False)
    assert what.topic == "artikel:geen_techniekprofiel#kan_toch", what.topic


def test_a_health_worry_beside_the_question_is_named_not_ignored(assistant: Assistant) -> None:
    """ "She has asthma. What is BBL?": BBL is answered, and the reply says the sources say nothing on the worry and
    who helps; a question that is only about health is still declined."""
    assert other_domain("córka ma astmę") == "health"
    assert without_aside("córka ma astmę. co to jest BBL?") == "co to jest BBL?"
    assert without_aside("my son has a fever, what medicine should he take?") is None
    answer = assistant.ask("córka ma astmę. co to jest BBL?", lang="pl", use_llm=False)
    assert answer.reply_kind == "answer" and (answer.topic or "").startswith("artikel:bol_bbl"), answer.topic
    assert t("assistant.aside_unknown", "pl") in answer.answer
    assert t("assistant.domain_health", "pl") in answer.answer
    for question, lang in [
        ("he has asthma, can he still become an electrician?", "en"),
        ("syn ma dysleksję. co znaczą poziomy mbo od 1 do 4?", "pl"),
    ]:
        answer = assistant.ask(question, lang=lang, use_llm=False)
        assert answer.reply_kind == "answer", (question, answer.answer)
        assert t("assistant.aside_unknown", lang) in answer.answer, answer.answer
    sick = assistant.ask("my son has a fever, what medicine should he take?", lang="en", use_llm=False)
    assert sick.reply_kind == "decline"
    plain = assistant.ask("wat is het verschil tussen bol en bbl?", lang="nl", use_llm=False)
    assert t("assistant.aside_unknown", "nl") not in plain.answer


def test_an_open_day_worry_beside_a_question_does_not_turn_it_into_a_list(assistant: Assistant) -> None:
    """ "When must she enrol? must I come along to the open day?": the enrolment date is answered, not a list of open
    days; an open day asked for at a place still gets the list."""
    answer = assistant.ask(
        "wanneer moet mijn dochter zich inschrijven voor het mbo? moet ik mee naar de open dag?",
        lang="nl",
        use_llm=False,
    )
    assert answer.reply_kind == "answer", answer.answer
    assert "artikel:kiesmomenten#aanmelden" in (answer.topic or ""), answer.topic
    listed = assistant.ask("wat is bbl? is er een open dag in delft?", lang="nl", use_llm=False)
    assert listed.reply_kind == "activity_list", listed.answer

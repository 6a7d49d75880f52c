"""Round 17 (issue 11): a job named in plain words.

Parents describe a job by what the person does ("sits in the control room and keeps the plant running") rather than
by its name; they use a one-word everyday name that another beroep holds only inside a longer name ('electrician' and
'industrial electrician'); and they ask where a course is taught that the region does not offer. The questions here are
not in the eval sets.
"""

from __future__ import annotations

from retrieval.assistant import Assistant


def test_a_job_described_by_what_the_person_does_is_answered_without_a_domain_word(assistant: Assistant) -> None:
    """No school or domain word, but several words of one beroep's plain description and a question for how to learn
    it: the beroep answers, not a decline."""
    answer = assistant.ask(
        "хто слідкує за установками заводу в хімічній промисловості? де цього вчать?", lang="uk", use_llm=False
    )
    beroep = assistant.kb.beroepen["ber_procesoperator"]
    assert answer.reply_kind == "answer", answer.answer
    assert answer.topic in {"beroep:ber_procesoperator", *(f"opleiding:{o}" for o in beroep.mbo_route)}


def test_a_question_that_describes_no_job_of_ours_is_no_record(assistant: Assistant) -> None:
    """Words of everyday life with a question for how to learn it do not describe one of our beroepen."""
    for question, lang in [
        ("who keeps an eye on the children at the swimming pool? how do you learn that?", "en"),
        ("wie zorgt voor de zieke mensen in het ziekenhuis? welke opleiding is dat?", "nl"),
    ]:
        assert not assistant._describes_a_beroep(question, lang, None, None), question
        answer = assistant.ask(question, lang=lang, use_llm=False)
        assert not (answer.topic or "").startswith(("beroep:", "opleiding:")), answer.topic


def test_a_one_word_everyday_name_counts_for_the_beroep_it_names_whole(assistant: Assistant) -> None:
    """'electrician' is the electrician's everyday name; the industrial electrician only holds it inside 'industrial
    electrician', so there it counts as a plain word, not as a name."""
    score, named, _, _ = assistant._plain_scores(
        "my son wants to be an electrician, what should he study?", "en", None, None
    )
    assert named
    assert score["beroep:ber_elektromonteur"] > score.get("beroep:ber_elektromonteur_industrie", 0.0)
    # ... and the longer name still wins when it is used whole
    score, _, _, _ = assistant._plain_scores(
        "my son wants to be an industrial electrician, what should he study?", "en", None, None
    )
    assert score["beroep:ber_elektromonteur_industrie"] > score.get("beroep:ber_elektromonteur", 0.0)


def test_a_course_taught_only_outside_the_region_says_where_in_the_askers_language(assistant: Assistant) -> None:
    """The record answer names the places of the schools (their municipality) and that the region does not teach it,
    from the schools' data; a course the region teaches says nothing of the kind."""
    photonics = assistant.kb.opleidingen["opl_fotonica_n4"]
    hit = assistant.index.search(photonics.naam, k=1, filters={"source": ["opleiding:opl_fotonica_n4"]})[0]
    answer = assistant._record(hit, "en")
    assert "Leiden" in answer.answer
    assert "not taught in the Rotterdam" in answer.answer
    # ... said right after the course's name, before its length: the parent's first question is "near us?"
    assert answer.answer.index("not taught in the Rotterdam") < answer.answer.index("takes about")
    beroep_hit = assistant.index.search("Fotonica", k=1, filters={"source": ["beroep:ber_fotonica_technicus"]})[0]
    assert "Leiden" in assistant._record(beroep_hit, "uk").answer
    welder = assistant.index.search("Lasser", k=1, filters={"source": ["beroep:ber_lasser"]})[0]
    assert "not taught in the Rotterdam" not in assistant._record(welder, "en").answer


def test_the_first_letters_of_a_one_word_name_name_no_beroep(assistant: Assistant) -> None:
    """'elektryk' is the electrician's name; 'elektrotechnika' shares only its first six letters ('elektr') and
    names no beroep by an everyday name (the question is about BBL, not the electrician)."""
    _, named, _, _ = assistant._plain_scores(
        "syn lubi elektrotechnikę, czy BBL jest dla niego dobry?", "pl", None, None
    )
    assert not named

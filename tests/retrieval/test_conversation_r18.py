"""Round 18 (issue 11): follow-ups written by a stranger.

A follow-up that asks about the pay, the audience or the next step of the topic just explained stays on that topic;
one that names a new school thing ('Entree', 'bbl') goes to the part of the article about it; spoken Arabic points
back with its own words ('هاد'), and 'the same' points back in every language. The questions here are not in the
eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import asks_next_step, is_followup, refers_back, school_terms


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("وهادا لمين؟", "ar"),  # Levantine 'this', glued to 'and'
        ("طب ده ببلاش؟", "ar"),  # Egyptian 'this'
        ("peki bbl icin de ayni mi?", "tr"),
        ("is it the same for girls?", "en"),
        ("a w bbl tak samo?", "pl"),
    ],
)
def test_dialect_this_and_the_same_make_a_follow_up(text: str, lang: str) -> None:
    assert is_followup(text, lang)


def test_dialect_this_points_back_like_standard_arabic() -> None:
    assert refers_back("وهاد بيكلف مصاري؟", "ar")
    assert not refers_back("كم مدة الدراسة في mbo؟", "ar")


@pytest.mark.parametrize(
    ("text", "lang", "next_step"),
    [
        ("en wat doet hij daarna?", "nl", True),
        ("and after that, which school?", "en", True),
        ("peki lise bitince ne olacak?", "tr", True),
        ("a potem gdzie?", "pl", True),
        ("а потім куди?", "uk", True),
        ("وبعدين وين بيروح؟", "ar", True),
        ("hoe lang duurt de opleiding?", "nl", False),
        ("بيلاقي شغل بعد الشهادة؟", "ar", False),  # bare 'after' is about work after the diploma, not a next step
    ],
)
def test_asks_next_step(text: str, lang: str, next_step: bool) -> None:
    assert asks_next_step(text, lang) is next_step


def test_school_terms_are_found_in_every_script() -> None:
    assert school_terms("و Entree لمين؟") == frozenset({"entree"})
    assert school_terms("بالvmbo وبعدين mbo") == frozenset({"vmbo", "mbo"})
    assert school_terms("what is a bolt?") == frozenset()


def test_a_next_step_follow_up_stays_in_the_field_just_explained(assistant: Assistant) -> None:
    """'and after that, which school?' after the vmbo profiel for the port: the port's mbo (STC), not the school
    system in general."""
    answer = assistant.ask(
        "and after that, which school?",
        previous=["my boy is mad about ships, which vmbo profile fits the port?"],
        use_llm=False,
    )
    assert answer.topic == "artikel:haven_logistiek#route", answer.topic
    assert "STC" in answer.answer


def test_a_pointing_back_dialect_follow_up_about_the_audience_stays(assistant: Assistant) -> None:
    """'is this for small children too?' in Levantine after Gaan voor een Baan: the part about groep 7."""
    answer = assistant.ask(
        "وهاد للصغار كمان؟ يعني بالابتدائي", previous=["شو هو برنامج Gaan voor een Baan؟"], use_llm=False
    )
    assert answer.topic is not None and answer.topic.startswith("artikel:gaan_voor_een_baan"), answer.topic
    assert answer.language == "ar"


def test_the_same_with_a_named_part_stays_on_that_part(assistant: Assistant) -> None:
    """'is it the same with bbl?' after stage discrimination: the BBL figures of that article (13% and 8%)."""
    answer = assistant.ask(
        "and is it the same with bbl?",
        previous=["our son keeps getting refused for a stage, we think it is discrimination. what can we do?"],
        use_llm=False,
    )
    assert answer.topic == "artikel:stage_discriminatie#bbl_bol", answer.topic
    assert "13%" in answer.answer and "8%" in answer.answer


def test_a_pay_follow_up_with_one_word_of_its_own_is_answered(assistant: Assistant) -> None:
    """'does she get paid then?' after BOL and BBL says something of its own (pay): it is answered, not met
    with a clarifying question."""
    answer = assistant.ask("en wordt ze dan ook betaald?", previous=["hoe zit het met bol en bbl?"], use_llm=False)
    assert answer.reply_kind == "answer", answer.reply_kind
    assert answer.topic is not None and answer.topic.split("#")[0] in ("artikel:bol_bbl", "artikel:beeld_salaris")


def test_a_follow_up_after_one_activity_stays_on_it(assistant: Assistant) -> None:
    """'from what age?' after Port Rangers: who that activity is for."""
    answer = assistant.ask("vanaf welke leeftijd?", previous=["wat doen ze bij Port Rangers?"], use_llm=False)
    assert answer.topic in ("initiatief:ini_port_rangers", "artikel:haven_logistiek#zien"), answer.topic


def test_a_new_school_name_in_a_pointing_follow_up_leaves_the_section_just_read(assistant: Assistant) -> None:
    """'and this Entree, who is it for?' after the mbo levels: the part about who goes to Entree, not the list of
    levels again (the pointing word alone would keep the section just read)."""
    answer = assistant.ask("en dat entree, voor wie is dat?", previous=["welke niveaus heeft het mbo?"], use_llm=False)
    assert answer.topic == "artikel:mbo_niveaus#entree_vmbo", answer.topic

"""Round 23 (r23route): plain questions that went to the wrong article.

* "are there even jobs for that?" asks whether there is work, not for a beroep: a hobby word ('games') no longer turns
  an ICT question about job chances into the game developer's record.
* A programme named as parents hear it ("NPRZ") keeps its article against another programme's close "what is ...?"
  example question.
* A Dutch school word that only one article's example questions use ('praktijkvak') names that article in an Arabic
  or Ukrainian question, with the section whose examples use it.
* "which profiel? my husband works in the port": the article on that field of work, named by its title word and among
  the best passages, names the profielen and the school.

The questions here are our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import asks_for_record, asks_if_closed, without_job_chances


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("he loves games and wants ict, are there even jobs for that in rotterdam", "en"),
        ("will she find a job in that later?", "en"),
        ("is er eigenlijk wel werk in de ict?", "nl"),
    ],
)
def test_asking_whether_there_is_work_does_not_ask_for_a_record(text: str, lang: str) -> None:
    assert not any(asks_for_record(piece, lang) for piece in without_job_chances(text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("which jobs can he do with cars?", "en"),
        ("is there a course for that at mbo? are there jobs in it", "en"),
    ],
)
def test_asking_which_job_or_course_still_asks_for_a_record(text: str, lang: str) -> None:
    assert any(asks_for_record(piece, lang) for piece in without_job_chances(text, lang))


def test_a_job_chances_question_with_a_hobby_word_gets_the_field_article(assistant: Assistant) -> None:
    answer = assistant.ask(
        "my son plays games all day and wants to do ict at mbo, are there jobs in that in rotterdam?", use_llm=False
    )
    assert (answer.topic or "").startswith("artikel:ict_opleidingen"), answer.topic


def test_a_named_programme_keeps_its_article(assistant: Assistant) -> None:
    answer = assistant.ask("ايش يعني NPRZ اللي المدرسة في الجنوب دايم تتكلم عنه؟", use_llm=False, fallback_lang="ar")
    assert (answer.topic or "").startswith("artikel:nprz_doelen"), answer.topic


def test_a_dutch_school_word_in_a_ukrainian_question_names_its_article(assistant: Assistant) -> None:
    answer = assistant.ask(
        "донька в mavo, їй пропонують praktijkvak техніка, що це?", use_llm=False, fallback_lang="uk"
    )
    assert answer.topic == "artikel:praktijkgerichte_programmas#wat", answer.topic


def test_which_profiel_for_the_field_a_parent_works_in(assistant: Assistant) -> None:
    answer = assistant.ask(
        "tata pracuje w porcie, syn tez by chcial, jaki profil na vmbo i jaka szkola mbo potem?",
        use_llm=False,
        fallback_lang="pl",
    )
    assert answer.topic == "artikel:haven_logistiek#route", answer.topic
    assert "STC" in answer.answer


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("is it too late for techniek now that she picked economics?", "en"),
        ("ekonomi seçti, teknik için geç mi kaldı", "tr"),
        ("czy to juz koniec z technika dla niego?", "pl"),
    ],
)
def test_a_worry_that_the_way_is_closed(text: str, lang: str) -> None:
    assert asks_if_closed(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"), [("de school ligt dicht bij huis", "nl"), ("what does a welder do all day", "en")]
)
def test_no_worry_that_a_way_is_closed(text: str, lang: str) -> None:
    assert not asks_if_closed(text, lang)


def test_a_tl_pupil_without_techniek_gets_the_section_that_the_way_stays_open(assistant: Assistant) -> None:
    answer = assistant.ask(
        "mijn dochter zit in de tl en heeft economie gekozen, is het nu te laat voor techniek?", use_llm=False
    )
    assert answer.topic == "artikel:vmbo_tl_techniek#later_techniek", answer.topic
    assert "NaSk" in answer.answer

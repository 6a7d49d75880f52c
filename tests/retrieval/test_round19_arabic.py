"""Round 19 (issue 11): Arabic as a stranger writes it (Levantine, Egyptian, Moroccan, MSA).

The stretching mark glues an article to a Latin school word ("بالـ BBL"): left in, the article became a rare token of
its own that outweighed 'bbl' when choosing the section of a follow-up. Levantine filler ('شي' thing, 'لانو' because,
'بقدر' I can) likewise said nothing about the topic. Parents read the Dutch abbreviations of the vmbo profielen on
school letters and need the Dutch names they stand for in every language. The questions here are our own and not in
the eval sets.
"""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from retrieval.assistant import Assistant
from retrieval.search import query_tokens
from retrieval.tokenize import tokenize


@pytest.mark.parametrize("text", ["وبالـ BBL", "بالـmbo", "والـ BOL", "فالـ vmbo"])
def test_an_article_stretched_before_a_school_word_leaves_only_the_school_word(text: str) -> None:
    assert query_tokens(text, "ar") == [text.split("ـ")[-1].strip().lower()]


def test_levantine_filler_words_carry_no_topic() -> None:
    assert tokenize("نفس الشي لانو هلق حدا بقدر بيقدر بتقدر اشي", "ar") == []


_NAMES = {
    "BWI": "Bouwen, wonen en interieur",
    "PIE": "Produceren, installeren en energie",
    "M&T": "Mobiliteit en transport",
    "MaT": "Maritiem en techniek",
    "MVI": "Media, vormgeving en ICT",
}


def test_the_short_answer_on_the_techniek_profielen_names_each_in_dutch_in_every_language(kb: KnowledgeBase) -> None:
    part = next(k for k in kb.artikelen["techniekprofielen"].kort if k.id == "welke")
    for lang, text in part.tekst.items():
        for abbreviation, name in _NAMES.items():
            assert f"{abbreviation} ({name}" in text, (lang, abbreviation)


def test_a_levantine_follow_up_naming_bol_stays_on_that_part_of_the_placement_article(assistant: Assistant) -> None:
    answer = assistant.ask(
        "وبالـ BOL كمان نفس الشي؟",
        previous=["ابني اسمو عربي، رح يلاقي صعوبة بالstage بالmbo؟"],
        use_llm=False,
    )
    assert answer.topic == "artikel:stage_discriminatie#bbl_bol", answer.topic
    assert "27%" in answer.answer


def test_an_egyptian_question_about_an_abbreviation_gets_its_dutch_name(assistant: Assistant) -> None:
    answer = assistant.ask("المدرسة كاتبة PIE في الورقة، ده معناه ايه؟", use_llm=False)
    assert answer.topic is not None and answer.topic.startswith("artikel:techniekprofielen"), answer.topic
    assert "Produceren, installeren en energie" in answer.answer


def test_a_levantine_parent_without_a_vmbo_diploma_for_the_child_hears_of_entree(assistant: Assistant) -> None:
    answer = assistant.ask("بنتي ما خلصت الvmbo بشهادة، لوين بتروح بالmbo؟", use_llm=False)
    assert answer.topic == "artikel:mbo_niveaus#entree_vmbo", answer.topic
    # the asked fact first: who goes to Entree, before what a vmbo diploma gives access to
    assert answer.answer.startswith("Entree (niveau 1)"), answer.answer

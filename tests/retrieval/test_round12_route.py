"""Round 12 (issue 11): single questions to the right article, section and fact.

"What can we do / where do we complain?" gets the part of an article that says what to do (a section marked
``actie``: the meldpunt, who helps), not the part that describes the problem; a figure question gets the section whose
figure is about what was asked (the havo share, not the vmbo one); a single question's own words choose the section
of its article; a heading in question form is never added to an answer as "the missing fact". The questions here are
not in the eval sets.
"""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from retrieval.assistant import Assistant
from retrieval.routing import asks_action


@pytest.mark.parametrize(
    ("text", "lang", "action"),
    [
        ("bij wie kan ik een klacht indienen over de stage?", "nl", True),
        ("who can help us when the school does nothing?", "en", True),
        ("bu durumu nereye şikayet edebilirim", "tr", True),
        ("وين منقدم شكوى على الشركة؟", "ar", True),
        ("gdzie to zgłosić?", "pl", True),
        ("куди поскаржитися на школу?", "uk", True),
        ("waar kan hij techniek volgen op zuid?", "nl", False),  # a place, not help
        ("wat is bbl precies?", "nl", False),
        ("co to jest stapelen?", "pl", False),
    ],
)
def test_asks_action(text: str, lang: str, action: bool) -> None:
    assert asks_action(text, lang) is action


def test_action_sections_are_marked_once_per_article(kb: KnowledgeBase) -> None:
    marked = {a.id: [k.id for k in a.kort if k.actie] for a in kb.artikelen.values()}
    assert marked["stage_discriminatie"] == ["melden"]
    assert marked["geen_techniekprofiel"] == ["kan_toch"]
    assert all(len(ids) <= 1 for ids in marked.values()), marked


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("mijn dochter vindt geen stageplek, volgens mij door haar afkomst. wie kan ons helpen?", "nl"),
        ("доньку ніде не беруть на stage, мабуть через походження. куди звернутися зі скаргою?", "uk"),
    ],
)
def test_what_can_we_do_gets_the_section_that_says_where_to_report(
    assistant: Assistant, question: str, lang: str
) -> None:
    answer = assistant.ask(question, use_llm=False)
    assert answer.language == lang and answer.reply_kind == "answer"
    assert answer.topic == "artikel:stage_discriminatie#melden", answer.topic
    assert "SBB" in answer.answer


def test_a_question_about_the_problem_itself_keeps_the_problem_section(assistant: Assistant) -> None:
    """Without asking what to do, a section that explains the problem answers (the action choice is not global)."""
    answer = assistant.ask(
        "is het waar dat jongeren met een migratieachtergrond moeilijker een stage vinden?", use_llm=False
    )
    assert answer.reply_kind == "answer" and answer.topic is not None
    assert answer.topic.endswith(("#probleem", "#stage")) and "SBB" not in answer.answer, answer.topic


def test_a_figure_question_gets_the_section_whose_figure_is_about_its_words(assistant: Assistant) -> None:
    """'what share of havo pupils ...': the havo figure (38%), not the vmbo share per city of another article."""
    answer = assistant.ask("welk percentage van de havo-leerlingen in rotterdam kiest een N-profiel?", use_llm=False)
    assert answer.topic == "artikel:havo_vwo_techniek#cijfers", answer.topic
    assert "38%" in answer.answer


def test_a_heading_in_question_form_is_never_the_missing_sentence(assistant: Assistant) -> None:
    article = "Stage zoeken.\nWat kun je doen bij discriminatie op stage?\nMeld discriminatie bij het meldpunt."
    extra = assistant._missing_sentence(article, "Stage zoeken.", "discriminatie stage wat doen", "nl")
    assert not extra.endswith("?"), extra


@pytest.mark.parametrize(
    "question",
    ["hoeveel dagen per week gaat een bbl-leerling naar school?", "how many days a week is a bbl student at school?"],
)
def test_a_how_many_question_answered_in_words_gets_the_section_with_those_words(
    assistant: Assistant, question: str
) -> None:
    """'How many days at school' is the section with the school days (in words), not the first section with a share;
    nor does it move to another article's figure."""
    answer = assistant.ask(question, use_llm=False)
    assert answer.topic == "artikel:bol_bbl#verschil", answer.topic

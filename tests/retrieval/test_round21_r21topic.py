"""Round 21 (issue 11): the asked topic, not a neighbouring article.

A what-to-do question with a word of the parent's own in the middle ("what can we really do", "who can actually
help") still asks what to do: after a question on placement trouble for migrant children, the follow-up gets the part
that says where to report it (SBB), not the trouble again. The questions here are our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import asks_action


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("so what can we really do about it?", "en"),
        ("who can actually help us with that", "en"),
        ("what should i then do", "en"),
    ],
)
def test_a_what_to_do_phrase_with_a_word_in_between_asks_what_to_do(text: str, lang: str) -> None:
    assert asks_action(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("what can he study at mbo?", "en"), ("what can he do with that at mbo?", "en"), ("what is a profiel", "en")],
)
def test_other_questions_do_not_ask_what_to_do(text: str, lang: str) -> None:
    assert not asks_action(text, lang)


def test_what_to_do_after_placement_trouble_gives_where_to_report_it(assistant: Assistant) -> None:
    answer = assistant.ask(
        "so what can we really do about it?",
        previous=["do migrant children have more trouble getting a placement in technology?"],
        use_llm=False,
    )
    assert answer.topic == "artikel:stage_discriminatie#melden", answer.topic
    assert "SBB" in answer.answer

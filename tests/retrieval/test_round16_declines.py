"""Round 16 (issue 11): a decline says where to go; child benefit (kinderbijslag) is paid by the SVB, not by the
gemeente or Dienst Toeslagen (the parent reviewer's uk12)."""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant


@pytest.mark.parametrize(
    ("question", "lang"),
    [("hoe vraag ik kinderbijslag aan voor mijn twee kinderen?", "nl"), ("як оформити kinderbijslag на дітей?", "uk")],
)
def test_child_benefit_is_sent_to_the_svb(assistant: Assistant, question: str, lang: str) -> None:
    answer = assistant.ask(question, lang=lang, use_llm=False)
    assert answer.reply_kind == "decline" and "SVB" in answer.answer, answer.answer

"""Round 16 (issue 11): the "what you can do" line leads an answer only when the question asks what to do or where
to go; a follow-up asking a fact ("و Entree هذا لمين؟", who is Entree for) opens with the answer, not with the advice
that lies close to it by vector (the parent reviewer's v10-ar11)."""

from __future__ import annotations

from retrieval.assistant import Assistant


def test_a_fact_follow_up_does_not_open_with_the_advice(assistant: Assistant) -> None:
    answer = assistant.ask("و Entree هذا لمين؟", previous=["ما هي مستويات mbo"], lang="ar", use_llm=False)
    advice = assistant.kb.artikelen["mbo_niveaus"].doen["ar"]
    assert answer.reply_kind == "answer" and advice in answer.answer, answer.answer
    assert not answer.answer.startswith(advice), answer.answer

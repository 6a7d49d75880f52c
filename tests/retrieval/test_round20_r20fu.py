"""Round 20 (issue 11): follow-ups that stay, follow-ups that leave.

"And for BBL the same?" after placement trouble asks for the placement article's BBL figures, also when the earlier
question already landed on the part that names BBL (that part used not to count, so the bare word 'bbl' moved the
follow-up to the article about BBL); 'zo' / 'öyle' ("ook zo?", "öyle mi?") point back like 'the same'. A figure
follow-up ("how many of them ...?") asks the figure of what the earlier question named (PIE's 76%). "Is that paid?"
after BBL is answered by the part that says a BBL pupil has a contract and earns money. A follow-up that says 'after'
but asks a question of its own (switching school after year 2) leaves the route just read. The questions here are
our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        ("is finding a work placement at mbo harder for children of migrants?", "and in bbl the same?"),
        ("krijgen kinderen met een migratieachtergrond vaker nee bij een stageplek op het mbo?", "en bij bbl ook zo?"),
    ],
)
def test_the_same_for_bbl_after_placement_trouble_gives_the_bbl_placement_figures(
    assistant: Assistant, previous: str, question: str
) -> None:
    answer = assistant.ask(question, previous=[previous], use_llm=False)
    assert answer.topic == "artikel:stage_discriminatie#bbl_bol", answer.topic
    assert "13%" in answer.answer


@pytest.mark.parametrize(("text", "lang"), [("en bij bbl ook zo?", "nl"), ("bbl de de öyle mi?", "tr")])
def test_so_and_like_that_point_back(text: str, lang: str) -> None:
    assert Assistant._points_back(text, lang)


def test_a_figure_follow_up_about_them_gives_the_figure_of_the_profiel_asked_before(assistant: Assistant) -> None:
    answer = assistant.ask(
        "а скільки з них залишаються в техніці на mbo?", previous=["що таке профіль PIE у vmbo?"], use_llm=False
    )
    assert answer.topic == "artikel:techniekprofielen#doorstroom", answer.topic
    assert "76%" in answer.answer


def test_is_it_paid_after_bbl_gets_the_contract_and_the_money(assistant: Assistant) -> None:
    answer = assistant.ask("a czy za to płacą?", previous=["co to jest BBL?"], use_llm=False)
    assert answer.topic == "artikel:bol_bbl#verschil", answer.topic
    assert "umowę" in answer.answer


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        ("które szkoły vmbo na Zuid mają profil techniczny?", "a czy potem po drugiej klasie może zmienić szkołę?"),
        ("شو مدارس vmbo بروتردام زاود اللي فيها تقنية؟", "وبعدين بعد السنة التانية بيقدر يغير المدرسة؟"),
    ],
)
def test_a_follow_up_saying_after_with_a_question_of_its_own_leaves_the_route_just_read(
    assistant: Assistant, previous: str, question: str
) -> None:
    answer = assistant.ask(question, previous=[previous], use_llm=False)
    assert answer.topic == "artikel:geen_techniekprofiel#wisselen", answer.topic


def test_and_after_that_still_stays_on_the_route_just_read(assistant: Assistant) -> None:
    """The check above does not touch a short 'and after that?' (the next step of the route just read)."""
    answer = assistant.ask(
        "and after that, which school?",
        previous=["my son loves ships, which vmbo profile suits the port?"],
        use_llm=False,
    )
    assert answer.topic == "artikel:haven_logistiek#route", answer.topic

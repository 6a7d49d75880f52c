"""Round 23 (r23fu): follow-ups that lost their topic.

"Is it any better with BBL?" after migrant youth's trouble finding a placement asks the same question for a group the
earlier question did not name: the section with that group's figure on the same topic answers (the placement
article's BBL figures, also when the conversation landed on the migration article's placement part), not the article
about BBL itself; "does that happen more with migrant kids?" after a too-low school advice gets the part with the
migrant stackers' 51%. "In how many schools on Zuid is that?" after what a profiel is goes where the question naming
both goes (the schools on Zuid). "How many children are in that situation?" after "our school has no technology
profile" gets the article's figure for that situation (41%). The questions here are our own and not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import Assistant
from retrieval.routing import names_school, same_situation


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        ("do children of migrants get turned down more often for a placement at mbo?", "and is it better in bbl?"),
        ("stajda göçmen kökenli çocuklar daha çok mu reddediliyor?", "bbl'de daha mı kolay?"),
    ],
)
def test_the_same_question_for_bbl_gets_the_bbl_placement_figures(
    assistant: Assistant, previous: str, question: str
) -> None:
    answer = assistant.ask(question, previous=[previous], use_llm=False)
    assert answer.topic == "artikel:stage_discriminatie#bbl_bol", answer.topic


def test_a_group_followup_after_a_low_school_advice_gets_the_migrant_figure(assistant: Assistant) -> None:
    answer = assistant.ask(
        "en komt dat vaker voor bij kinderen met een migratieachtergrond?",
        previous=["het schooladvies van mijn zoon is te laag, kan hij later stapelen?"],
        use_llm=False,
    )
    assert answer.topic is not None and answer.topic.startswith("artikel:stapelen_schooladvies#"), answer.topic
    assert "51%" in answer.answer


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        ("what is the PIE profile at vmbo?", "and in how many schools on Zuid can he take that?"),
        ("MVI profili nedir?", "peki Zuid'de hangi okulda var?"),
    ],
)
def test_which_schools_on_zuid_after_a_profiel_goes_to_the_schools_on_zuid(
    assistant: Assistant, previous: str, question: str
) -> None:
    answer = assistant.ask(question, previous=[previous], use_llm=False)
    # round 24: where MVI is taught on Zuid has a section of its own in the ICT article (Focus Beroepsacademie)
    assert answer.topic in ("artikel:techniek_op_zuid#waar", "artikel:ict_opleidingen#vmbo"), answer.topic
    assert "MVI" not in previous or "Focus Beroepsacademie" in answer.answer, answer.answer


def test_how_many_children_in_that_situation_gets_the_articles_figure(assistant: Assistant) -> None:
    answer = assistant.ask(
        "how many kids on Zuid are in that situation?",
        previous=["our vmbo school has no technology profile, what can we do?"],
        use_llm=False,
    )
    assert answer.topic == "artikel:geen_techniekprofiel#kan_toch", answer.topic
    assert "41%" in answer.answer


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("hoeveel kinderen zitten in die situatie?", "nl", True),
        ("ile dzieci jest w takiej sytuacji?", "pl", True),
        ("Zuid'de kaç çocuk böyle bir okulda?", "tr", True),
        ("how many children go to technology?", "en", False),
    ],
)
def test_same_situation(text: str, lang: str, expected: bool) -> None:
    assert same_situation(text, lang) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("w ilu szkołach na Zuid?", True), ("وأي مدرسة عندها هذا؟", True), ("how long does it take?", False)],
)
def test_names_school(text: str, expected: bool) -> None:
    assert names_school(text) is expected


def test_programmes_just_for_girls_is_not_the_same_question_for_girls(assistant: Assistant) -> None:
    answer = assistant.ask(
        "and are there activities only for girls?", previous=["is technology only for boys?"], use_llm=False
    )
    assert answer.topic != "artikel:meisjes_techniek#ja", answer.topic


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("and is it any better in bbl?", "en", True),
        ("a częściej u dzieci migrantów?", "pl", True),
        ("وهل هو أسهل في bbl؟", "ar", True),
        ("are there programmes just for girls?", "en", False),
    ],
)
def test_compares_back(text: str, lang: str, expected: bool) -> None:
    from retrieval.routing import compares_back

    assert compares_back(text, lang) is expected


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        ("co to jest profil PIE w vmbo?", "a ilu z nich potem zostaje w technice na mbo?"),
    ],
)
def test_a_figure_followup_after_a_profiel_gets_that_profiels_figure(
    assistant: Assistant, previous: str, question: str
) -> None:
    answer = assistant.ask(question, previous=[previous], use_llm=False)
    assert answer.topic == "artikel:techniekprofielen#doorstroom", answer.topic
    assert "76%" in answer.answer

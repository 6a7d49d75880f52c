"""Language detection for short questions, input checks, and the message catalogue."""

from __future__ import annotations

import pytest

from knowledge.i18n import missing_keys, t
from knowledge.vocab import TALEN
from retrieval.language import MAX_QUESTION_CHARS, check_input, detect_language, in_conversation


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Wat is BBL?", "nl"),
        ("Welke opleiding past bij mijn zoon?", "nl"),
        ("What is BBL?", "en"),
        ("Is technology a good choice for girls?", "en"),
        ("BBL nedir?", "tr"),
        ("Kızım için hangi etkinlikler var?", "tr"),
        ("ما هو BBL؟", "ar"),
        ("Co to jest BBL?", "pl"),
        ("Jakie zajęcia są dla dziewczyn?", "pl"),
        ("Що таке BBL?", "uk"),
    ],
)
def test_short_questions_get_the_right_language(question: str, lang: str) -> None:
    assert detect_language(question).code == lang


def test_every_question_of_the_eval_set_is_detected_correctly() -> None:
    from retrieval.evaluation import load_questions
    from retrieval.routing import looks_like_code

    # code and format strings have no language: the assistant declines them in the page's language; a follow-up
    # is read in its conversation ("a w Prins Alexander?" after a Polish question), as the assistant reads it
    wrong = [
        (q.id, in_conversation(q.question, q.previous).code)
        for q in load_questions()
        if in_conversation(q.question, q.previous).code != q.lang and not looks_like_code(q.question)
    ]
    assert wrong == []


def test_a_short_follow_up_takes_the_conversations_language_only_when_its_own_vote_is_weak() -> None:
    # alone, words Polish shares with English ('a', 'do') vote for both and the Polish ones decide, also unmarked
    assert detect_language("a do jakiej szkoly mbo?").code == "pl"
    assert detect_language("a kto to decaan a kto mentor, do kogo mam isc?").code == "pl"
    assert in_conversation("a zarobki?", ["jaka praca jest w porcie?"]).code == "pl"
    assert in_conversation("and BBL?", ["Wat is BOL?"]).code == "nl"
    # a chain of short follow-ups keeps the language of the question that told it
    assert (
        in_conversation("a ile lat trwa nauka?", ["jaka praca jest w porcie?", "a do jakiej szkoly mbo?"]).code == "pl"
    )
    # told by its own letters or script, or long enough: its own language stays
    assert in_conversation("peki maaş?", ["What is BBL?"]).code == "tr"
    assert in_conversation("а скільки це триває?", ["What is BBL?"]).code == "uk"
    assert in_conversation("and how long does the training take at the mbo school?", ["Wat is BBL?"]).code == "en"
    # ... and so does a short one whose own question words vote clearly, after an earlier question that voted
    # otherwise (Turkish without letter marks, its 'de' read as Dutch)
    assert (
        in_conversation(
            "okulunda yoksa okul degistirebilir mi sonra?",
            ["rotterdam zuid de teknik profili olan vmbo okullari hangileri"],
        ).code
        == "tr"
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "bad_empty"),
        ("   \n\t ", "bad_empty"),
        ("a" * 10_000, "bad_too_long"),
        ("x" * (MAX_QUESTION_CHARS + 1), "bad_too_long"),
        ("\x00\x01\x02\x03\x04garbage\x05\x06\x07\x08", "bad_binary"),
        (bytes(range(128, 256)), "bad_binary"),
        ("\ufffd\ufffd\ufffd\ufffd", "bad_binary"),
        ("Що таке ما هو BBL", "bad_mixed"),
    ],
)
def test_bad_input_is_recognised(text: str | bytes, key: str) -> None:
    problem = check_input(text)
    assert problem is not None and problem.key == key


@pytest.mark.parametrize("text", ["Wat is BBL?", "ما هو BBL؟", "3083", "Що таке mbo?", "BBL nedir?"])
def test_normal_questions_pass_the_input_check(text: str) -> None:
    assert check_input(text) is None


def test_catalogue_has_all_six_languages() -> None:
    assert missing_keys() == {lang: [] for lang in TALEN}
    for key in ("refusal", "can_help", "bad_empty", "bad_too_long", "bad_binary", "bad_mixed"):
        texts = {lang: t(f"assistant.{key}", lang) for lang in TALEN}
        assert all(texts.values()) and len(set(texts.values())) == 6, key
    assert "12" in t("assistant.bad_too_long", "tr", n=12, max=5)


def test_a_long_question_full_of_dutch_school_words_keeps_its_own_language_when_its_question_words_vote_clearly() -> (
    None
):
    # half the words are Dutch names (den haag, open dag, mbo); five Turkish question words decide
    assert detect_language("den haag da teknik icin open dag var mi mbo da? 14 yasinda oglum var").code == "tr"
    # a long Dutch question stays Dutch: one or two stray votes are not a clear vote
    long_dutch = "mijn zoon zit in de derde klas van het vmbo en wil graag iets met techniek doen maar weet niet wat"
    assert detect_language(long_dutch).code == "nl"
    long_english = "my son is in the third year of vmbo kader and wants to work with his hands, what are the options"
    assert detect_language(long_english).code == "en"

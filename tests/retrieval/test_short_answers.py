"""The curated short answers and example questions (Artikel.kort, Artikel.doen): complete in six
languages, short, and never a figure that the article itself does not give."""

from __future__ import annotations

import re

import pytest

from knowledge import KnowledgeBase
from knowledge.vocab import TALEN

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# Articles still without curated short answers: the assistant answers them with the article's own sentences on
# the question (their titles stand in for example questions). Empty since issue 18's eight articles got theirs;
# a new article may be listed here only until its short answers are written. This list may only shrink.
PENDING_SHORT_ANSWERS: frozenset[str] = frozenset()


def test_every_article_has_short_answers_in_six_languages(kb: KnowledgeBase) -> None:
    assert set(kb.artikelen) >= PENDING_SHORT_ANSWERS, "an article on the pending list no longer exists"
    for art in kb.artikelen.values():
        if art.id in PENDING_SHORT_ANSWERS:
            assert not art.kort, f"{art.id} has short answers now: take it off PENDING_SHORT_ANSWERS"
            continue
        assert art.kort, art.id
        for part in art.kort:
            assert set(part.tekst) == set(TALEN), (art.id, part.id)
            assert all(part.vragen.get(lang) for lang in TALEN), (art.id, part.id, "example questions per language")


def test_short_answers_are_short(kb: KnowledgeBase) -> None:
    for art in kb.artikelen.values():
        for part in art.kort:
            for lang, text in part.tekst.items():
                words = len(text.split()) + len(art.doen.get(lang, "").split())
                assert len(text.split()) >= 8 and words <= 90, (art.id, part.id, lang, words)


@pytest.mark.parametrize("lang", TALEN)
def test_no_figure_that_the_article_does_not_give(kb: KnowledgeBase, lang: str) -> None:
    """A number in a short answer or advice line must appear, written the same way, in the article text."""
    for art in kb.artikelen.values():
        body = art.titel[lang] + " " + art.tekst[lang]
        texts = [(p.id, p.tekst[lang]) for p in art.kort] + [("doen", art.doen.get(lang, ""))]
        for part_id, text in texts:
            for number in _NUMBER.findall(text):
                assert re.search(r"(?<![\d.,])" + re.escape(number) + r"(?!\d)", body), (art.id, part_id, lang, number)


def test_the_first_paragraph_and_the_short_answer_agree_on_the_subject(kb: KnowledgeBase) -> None:
    """Every article's first short answer names at least one of the article's key words (a cheap guard
    against a short answer pasted into the wrong article)."""
    for art in (a for a in kb.artikelen.values() if a.kort):
        title_words = {w.lower() for w in re.findall(r"[\w&-]{3,}", art.titel["nl"])}
        first = art.kort[0].tekst["nl"].lower()
        assert any(w in first for w in title_words), art.id

"""Round 14 (issue 11): what the child likes, in the parent's words, to the right beroep or vmbo profiel.

- "Which vmbo profiel?" with an interest ("sleutelt aan brommers", "wants to be a plumber"): the profielen section on what
  each profiel is about, opened by the profiel the beroepen of those words are reached from (their opleidingen's
  vmbo_profielen), with that beroep as a source.
- A hobby word that several articles use ('cars') still names the few beroepen that share it when the question asks
  what to study; a question about a field ("solar panels and heat pumps") stays on its article.
- "How long does it take?" after a beroep: all its opleidingen with level and length.
- A beroep asked for with where to learn it: its opleiding (schools, region).
The questions here are not in the eval sets.
"""

from __future__ import annotations

import pytest

from retrieval.assistant import PROFIEL_ARTICLE, PROFIEL_SECTION, Assistant
from retrieval.routing import asks_profiel, in_domain


@pytest.mark.parametrize(
    ("question", "lang", "expected"),
    [
        ("welk profiel moet hij nemen op het vmbo als hij van brommers houdt?", "nl", True),
        ("what should she take at vmbo if she likes drawing?", "en", True),
        ("kızım için vmbo'da hangi profil uygun?", "tr", True),
        ("jaki profil wybrać w vmbo?", "pl", True),
        ("Wat is het verschil tussen BOL en BBL?", "nl", False),
        ("how many pupils choose a technology profile?", "en", False),
    ],
)
def test_asks_profiel(question: str, lang: str, expected: bool) -> None:
    assert asks_profiel(question, lang) is expected


def test_the_profiel_of_a_beroep_comes_from_its_opleidingen(assistant: Assistant) -> None:
    assert assistant._profiel_of("beroep:ber_autotechnicus") == "MT"
    assert assistant._profiel_of("beroep:ber_meubelmaker") == "BWI"
    assert assistant._profiel_of("beroep:ber_matroos_binnenvaart") == "MaT"
    assert assistant._profiel_of("opleiding:opl_mediavormgever_n4") == "MVI"


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("mijn zoon sleutelt de hele dag aan brommers, welk profiel moet hij kiezen op het vmbo?", "M&T"),
        ("my daughter wants to become a plumber, which vmbo profile fits her?", "PIE"),
        ("син хоче класти цеглу і будувати будинки, який профіль у vmbo обрати?", "BWI"),
    ],
)
def test_which_profiel_for_an_interest_names_the_profiel(assistant: Assistant, question: str, code: str) -> None:
    answer = assistant.ask(question, use_llm=False)
    assert answer.topic == f"artikel:{PROFIEL_ARTICLE}#{PROFIEL_SECTION}", answer.topic
    first = answer.answer.split(". ")[0]  # the opening sentence names the profiel
    assert f"({code})" in first, answer.answer
    assert any(s.source.startswith("beroep:") for s in answer.sources)
    others = {"M&T", "PIE", "BWI", "MVI", "MaT"} - {code}
    assert not any(f"({o})" in first for o in others), answer.answer


def test_a_hobby_word_of_several_articles_names_its_beroepen(assistant: Assistant) -> None:
    answer = assistant.ask("my daughter is mad about cars, which mbo course should she do?", use_llm=False)
    cars = {"ber_autotechnicus", "ber_technisch_specialist_autos", "ber_autoschadehersteller"}
    allowed = {f"beroep:{b}" for b in cars} | {
        f"opleiding:{o}" for b in cars for o in assistant.kb.beroepen[b].mbo_route
    }
    assert answer.topic in allowed, answer.topic
    # ... and the other beroepen of that hobby are named after it, as sources too
    named = {s.source for s in answer.sources} & {f"beroep:{b}" for b in cars}
    assert len(named | {answer.topic}) >= 2, answer.answer


def test_a_school_word_glued_to_an_arabic_prefix_is_ours() -> None:
    assert in_domain("شو لازم يدرس بالmbo؟")
    assert in_domain("أي مسار بالvmbo أحسن؟")
    assert not in_domain("شو لازم نطبخ اليوم؟")


def test_a_field_of_several_beroepen_stays_on_its_article(assistant: Assistant) -> None:
    answer = assistant.ask(
        "which jobs come with the energy transition, for example solar panels and heat pumps?", use_llm=False
    )
    assert (answer.topic or "").startswith("artikel:energietransitie"), answer.topic


@pytest.mark.parametrize(
    ("previous", "question", "beroep"),
    [
        ("wat doet een metselaar?", "hoeveel jaar duurt dat?", "ber_metselaar"),
        ("what does a procesoperator do?", "and how many years is the training?", "ber_procesoperator"),
    ],
)
def test_how_long_after_a_beroep_lists_its_opleidingen(
    assistant: Assistant, previous: str, question: str, beroep: str
) -> None:
    answer = assistant.ask(question, previous=[previous], use_llm=False)
    assert answer.topic == f"beroep:{beroep}", answer.topic
    for oid in assistant.kb.beroepen[beroep].mbo_route:
        opl = assistant.kb.opleidingen[oid]
        assert opl.naam in answer.answer
        assert f"niveau {opl.niveau}" in answer.answer
    assert {f"opleiding:{o}" for o in assistant.kb.beroepen[beroep].mbo_route} <= {s.source for s in answer.sources}


def test_a_beroep_asked_with_where_answers_with_its_opleiding(assistant: Assistant) -> None:
    answer = assistant.ask("she loves aircraft, where can she learn to maintain them?", use_llm=False)
    route = assistant.kb.beroepen["ber_vliegtuigonderhoudstechnicus"].mbo_route
    assert answer.topic in {f"opleiding:{o}" for o in route}, answer.topic

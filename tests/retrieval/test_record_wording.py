"""Round 16 (r16rec): job and course answers as a parent reads them, and the routing of job, BOL/BBL and profiel
questions.

A beroep's answer says what the job is, then its mbo courses with level, length and BOL/BBL ("only BBL" when the
school route is not there) and the schools, then its job chances only when a source gives them; the report goes on
the source line, never inside the sentences, and no "the description in Dutch is below" sentence is added."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.i18n import LANGUAGES, t
from retrieval.assistant import Assistant, Route
from retrieval.evaluation import foreign_words, visible_text
from retrieval.routing import asks_havo_profiel, asks_job_leerweg, names_profiel

ROOFER = {
    "nl": "Wat doet een dakdekker?",
    "en": "What does a dakdekker do?",
    "tr": "Dakdekker ne iş yapar?",
    "ar": "ماذا يعمل Dakdekker؟",
    "pl": "Czym zajmuje się dakdekker?",
    "uk": "Чим займається dakdekker?",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_job_answer_gives_its_courses_with_level_length_and_leerweg_and_keeps_reports_out_of_the_sentences(
    assistant: Assistant, kb: KnowledgeBase, lang: str
) -> None:
    answer = assistant.ask(ROOFER[lang])
    assert answer.language == lang and answer.topic == "beroep:ber_dakdekker", answer.topic
    beroep = kb.beroepen["ber_dakdekker"]
    courses = [kb.opleidingen[o] for o in beroep.mbo_route]
    assert all(o.leerwegen == ["BBL"] for o in courses), "precondition: roofing is learnt in BBL only"
    for o in courses:
        assert o.naam in answer.answer and f"niveau {o.niveau}" in answer.answer
    assert t("assistant.leerweg_alleen", lang, leerweg="BBL") in answer.answer, "'only BBL' is said"
    school = kb.scholen[courses[0].locaties[0].school].naam
    assert school in answer.answer, "where it is taught"
    # the report behind the job chances is on the source line, with its section; never inside the answer
    reports = [s.label for s in answer.sources if s.kind == "report"]
    assert reports and any("§" in label for label in reports), reports
    assert "§" not in answer.answer and not any(label in answer.answer for label in reports)
    assert not foreign_words(kb, visible_text(answer), lang)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_sentence_about_job_chances_without_a_source(assistant: Assistant, kb: KnowledgeBase, lang: str) -> None:
    beroep = kb.beroepen["ber_schipper_binnenvaart"]
    assert beroep.arbeidsmarkt.label == "onbekend" and assistant._sector_statement(beroep) is None, "precondition"
    question = {"en": "What does a schipper binnenvaart do?", "ar": "ماذا يعمل Schipper binnenvaart؟"}[lang]
    answer = assistant.ask(question)
    assert answer.topic == "beroep:ber_schipper_binnenvaart"
    opening = t("assistant.beroep_kans", lang, markt="\0").split("\0")[0]
    assert opening not in answer.answer
    assert t("woord.arbeidsmarkt.onbekend", lang) not in answer.answer
    assert answer.quote is not None and answer.quote.label == t("assistant.original_dutch", lang)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("kan mijn dochter tegelzetter worden via de bbl?", ("beroep:ber_tegelzetter", "opleiding:opl_tegelzetter_n2")),
        (
            "my son wants to lay bricks, can he do that in BBL while earning?",
            ("beroep:ber_metselaar", "opleiding:opl_metselaar_n2", "opleiding:opl_allround_metselaar_n3"),
        ),
    ],
)
def test_a_job_named_with_bbl_is_answered_by_the_job_with_its_leerweg(
    assistant: Assistant, question: str, expected: tuple[str, ...]
) -> None:
    answer = assistant.ask(question)
    assert answer.topic in expected, answer.topic
    assert "BBL" in answer.answer


def test_a_job_named_with_bol_or_bbl_which_is_better_stays_on_bol_bbl(assistant: Assistant) -> None:
    answer = assistant.ask("elektricien worden: is bol of bbl beter?")
    assert (answer.topic or "").startswith("artikel:bol_bbl"), answer.topic


def test_a_named_profiel_keeps_the_article_over_a_record_named_by_a_description_word(assistant: Assistant) -> None:
    answer = assistant.ask("she loves drawing and computers and the mentor suggests MVI. is that a wise profile?")
    assert (answer.topic or "").startswith("artikel:"), answer.topic


@pytest.mark.parametrize(
    "question",
    [
        "havo 4, hij wil civiel ingenieur worden: moet hij NT of NG nemen?",
        "daughter in vwo 3 wants to build bridges, NT or NG?",
    ],
)
def test_a_havo_profiel_question_gets_the_havo_article(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.topic == "artikel:havo_vwo_techniek#n_profielen", answer.topic


def test_which_profiel_with_nothing_else_found_gets_the_profielen(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    question = "kizim vmbo 2de, profil secmesi lazim. teknik olanlar hangileri?"
    monkeypatch.setattr(assistant, "_route_alone", lambda text, *a, **k: Route("none", text=text))
    route = assistant.route(question, "tr")
    assert (route.kind, route.article, route.section) == ("section", "profielen", "welke")


def test_the_routing_words() -> None:
    assert asks_job_leerweg("kan hij lassen leren via bbl?", "nl")
    assert not asks_job_leerweg("loodgieter: bol of bbl, wat is beter?", "nl")
    assert not asks_job_leerweg("oğlum tesisatçı olmak istiyor, bbl ne demek?", "tr")
    assert names_profiel("school says MVI, good idea?") and names_profiel("який профіль обрати?")
    assert not names_profiel("he likes pie and computers")
    assert asks_havo_profiel("kızım havo 3te: NT mi NG mi?") and not asks_havo_profiel("vmbo of havo, NT?")


def test_a_job_in_everyday_words_asked_for_its_mbo_course_is_answered_by_the_job_even_with_a_weak_passage(
    assistant: Assistant,
) -> None:
    # the Arabic passage of the aircraft mechanic lies 0.08 below the best article passage (beyond PLAIN_GAP)
    answer = assistant.ask("بنتي تحب تصلح الطيارات، وين تدرس هذا في mbo؟")
    assert answer.topic is not None and "vliegtuigonderhoud" in answer.topic, answer.topic


def test_a_question_about_a_field_stays_on_the_article(assistant: Assistant) -> None:
    answer = assistant.ask("What kind of work is there in the port and in logistics?")
    assert (answer.topic or "").startswith("artikel:haven_logistiek"), answer.topic


@pytest.mark.parametrize(
    "question",
    ["córka chce zostać elektrykiem, jaki kierunek na mbo?", "син хоче бути електриком, що вчити в mbo?"],
)
def test_a_job_asked_for_its_course_is_not_taken_by_a_bol_bbl_example_naming_the_same_job(
    assistant: Assistant, question: str
) -> None:
    # bol_bbl's example questions name the electrician ("syn chce być elektrykiem, lepiej BOL czy BBL?")
    answer = assistant.ask(question)
    assert answer.topic == "beroep:ber_elektromonteur", answer.topic

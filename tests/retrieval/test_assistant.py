"""The assistant without a language model: grounded answers in the asker's language, with sources."""
from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.i18n import t
from retrieval.assistant import Answer, Assistant, text_search_for_initiatives


@pytest.mark.parametrize(("question", "lang"), [
    ("Wat is BBL?", "nl"),
    ("What is BBL?", "en"),
    ("BBL nedir?", "tr"),
    ("ما هو BBL؟", "ar"),
    ("Co to jest BBL?", "pl"),
    ("Що таке BBL?", "uk"),
])
def test_bbl_is_answered_from_the_article_in_the_askers_language(assistant: Assistant, kb: KnowledgeBase,
                                                                 question: str, lang: str) -> None:
    answer = assistant.ask(question)
    assert answer.language == lang and answer.grounded and answer.status == "answered"
    art = kb.artikelen["bol_bbl"]
    assert answer.sources[0].source == "artikel:bol_bbl"
    assert answer.sources[0].language == lang, "the cited passage is the version in the asker's language"
    assert art.titel[lang] in answer.answer and art.tekst[lang].strip()[:80] in answer.answer
    assert t("assistant.sources_label", lang) in answer.answer


def test_lang_option_overrides_detection(assistant: Assistant, kb: KnowledgeBase) -> None:
    answer = assistant.ask("Wat is BBL?", lang="uk")
    assert answer.language == "uk" and kb.artikelen["bol_bbl"].titel["uk"] in answer.answer


def test_unknown_lang_option_is_an_error(assistant: Assistant) -> None:
    with pytest.raises(ValueError, match="onbekende taal"):
        assistant.ask("Wat is BBL?", lang="xx")


@pytest.mark.parametrize("lang", ["en", "tr", "ar", "pl", "uk"])
def test_dutch_only_record_says_so_in_the_askers_language(assistant: Assistant, lang: str) -> None:
    questions = {
        "en": "What does a CNC-verspaner do?", "tr": "CNC-verspaner ne iş yapar?",
        "ar": "ماذا يعمل CNC-verspaner؟", "pl": "Czym zajmuje się CNC-verspaner?", "uk": "Чим займається CNC-verspaner?",
    }
    answer = assistant.ask(questions[lang])
    assert answer.language == lang and answer.grounded
    assert answer.sources[0].source == "beroep:ber_cnc_verspaner"
    assert answer.answer.startswith(t("assistant.only_dutch", lang)), "notice first, in the asker's language"
    assert "draai- en freesmachines" in answer.answer, "then the Dutch passage itself"


def test_dutch_record_question_in_dutch_has_no_notice(assistant: Assistant) -> None:
    answer = assistant.ask("Wat doet een CNC-verspaner?")
    assert answer.language == "nl" and answer.grounded and not answer.answer.startswith("I only")
    assert answer.sources[0].source == "beroep:ber_cnc_verspaner"
    assert any("#" in b for b in answer.sources[0].bronnen), "the report section is cited"


@pytest.mark.parametrize(("question", "lang"), [
    ("Welke activiteiten zijn er voor meisjes in Charlois?", "nl"),
    ("Which activities are there for girls near Charlois?", "en"),
    ("Charlois'de kızlar için hangi etkinlikler var?", "tr"),
    ("ما هي الأنشطة المتاحة للفتيات قرب Charlois؟", "ar"),
    ("Jakie zajęcia są dla dziewczyn w pobliżu Charlois?", "pl"),
    ("Які заходи є для дівчат поблизу Charlois?", "uk"),
])
def test_structured_activity_question_lists_initiatives(assistant: Assistant, question: str, lang: str) -> None:
    answer = assistant.ask(question)
    assert answer.mode == "structured" and answer.language == lang and answer.grounded
    sources = {s.source for s in answer.sources}
    assert {"initiatief:ini_vhto", "initiatief:ini_meiden_in_de_techniek"} <= sources
    assert "Charlois" in answer.answer and "VHTO" in answer.answer


def test_structured_question_uses_place_and_schooltype(assistant: Assistant) -> None:
    answer = assistant.ask("Welke techniekactiviteiten zijn er voor de basisschool in de buurt van Heijplaat?")
    assert answer.mode == "structured"
    assert answer.sources[0].source == "initiatief:ini_discovery_lab"  # 0.5 km from Heijplaat, for groep 7
    assert "km)" in answer.answer


def test_count_question_is_not_a_list_request(assistant: Assistant) -> None:
    answer = assistant.ask("How many of the 70 promotion initiatives include a company visit?")
    assert answer.mode != "structured"


@pytest.mark.parametrize(("question", "lang"), [
    ("Wat voor weer wordt het morgen in Rotterdam?", "nl"),
    ("Who won the Champions League final last year?", "en"),
    ("Yarın Rotterdam'da hava nasıl olacak?", "tr"),
    ("كيف أطبخ الكسكس بالخضار؟", "ar"),
    ("Jak upiec sernik na święta?", "pl"),
    ("Як приготувати борщ?", "uk"),
])
def test_out_of_scope_is_refused_in_the_askers_language(assistant: Assistant, question: str, lang: str) -> None:
    answer = assistant.ask(question)
    assert not answer.grounded and answer.status == "refused" and answer.language == lang
    assert answer.answer.startswith(t("assistant.refusal", lang)) and t("assistant.can_help", lang) in answer.answer
    assert answer.sources == []


@pytest.mark.parametrize(("question", "key"), [
    ("", "bad_empty"),
    ("x " * 5000, "bad_too_long"),
    ("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b", "bad_binary"),
    ("Що таке ما هو BBL", "bad_mixed"),
])
def test_bad_input_gets_a_clear_message(assistant: Assistant, question: str, key: str) -> None:
    answer = assistant.ask(question)
    assert answer.status == "bad_input" and not answer.grounded and answer.notice == key
    assert answer.answer == t(f"assistant.{key}", answer.language, **({"n": len(question), "max": 2000}
                                                          if key == "bad_too_long" else
                                                          {"scripts": "arabic, cyrillic"} if key == "bad_mixed"
                                                          else {}))


def test_answer_json_has_the_agreed_fields(assistant: Assistant) -> None:
    data = assistant.ask("Wat is BBL?").model_dump(mode="json")
    assert {"answer", "language", "grounded", "sources", "notice"} <= set(data)
    assert {"title", "source", "snippet"} <= set(data["sources"][0])
    Answer.model_validate(data)


def test_search_filters_on_kind_language_and_source(assistant: Assistant) -> None:
    hits = assistant.search("BBL", k=5, filters={"kind": "artikel", "language": "pl"})
    assert hits and all(h.kind == "artikel" and h.language == "pl" for h in hits)
    only = assistant.search("werken en leren", k=3, filters={"source": ["artikel:bol_bbl"]})
    assert only and {h.source for h in only} == {"artikel:bol_bbl"}
    for mode in ("bm25", "dense"):
        assert assistant.search("lassen en metaal", k=3, mode=mode)


def test_text_search_for_initiatives_scores_only_given_ids(assistant: Assistant, kb: KnowledgeBase) -> None:
    search = text_search_for_initiatives(assistant)
    ids = list(kb.initiatieven)
    scores = search("haven excursie basisschool", ids)
    assert scores and set(scores) <= set(ids)
    assert "ini_port_rangers" in scores or "ini_eic_havenprogramma" in scores
    assert search("haven", []) == {}

"""Round 14 (issue 11), r14conv: activity questions asked as outings ("go and see", "with the kids", "op bezoek"),
"my daughter" in an activity question (girls' activities first and marked, the others still listed), follow-ups
that stay on the section just read (the sentence that answers them leads) and cost questions after a list."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.i18n import t
from retrieval.assistant import Assistant, whole_sentences
from retrieval.routing import asks_cost
from retrieval.structured import answer_activities, favour_mark, parse_activity_question


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("anything we can go and see at the maasvlakte with the kids?", "Maasvlakte"),
        ("is there somewhere near hoogvliet we could take the kids to see real engineering?", "Hoogvliet"),
        ("kunnen we met de kinderen ergens in delft gaan kijken hoe techniek werkt?", "Delft"),
        ("çocuklarla Maasvlakte'de gezip görebileceğimiz bir yer var mı?", "Maasvlakte"),
        ("gdzie w okolicy Schiedam możemy pojechać z dziećmi?", "Schiedam"),
        ("хочемо з дітьми щось відвідати у Vlaardingen", "Vlaardingen"),
        ("وين ممكن ناخذ الأولاد في دلفت؟", "Delft"),
    ],
)
def test_outings_in_six_languages_are_activity_questions(kb: KnowledgeBase, text: str, place: str) -> None:
    q = parse_activity_question(kb, text)
    assert q is not None and q.outing and q.place is not None and q.place.naam == place


def test_a_company_visit_in_everyday_words(kb: KnowledgeBase) -> None:
    q = parse_activity_question(kb, "kan mijn zoon ergens in hoogvliet bij een techniekbedrijf op bezoek?")
    assert q is not None and q.activiteiten == ["bedrijfsbezoek"] and q.place is not None


@pytest.mark.parametrize(
    "text",
    [
        "waar kan mijn zoon in Delft een opleiding volgen?",
        "kan mijn dochter in Rotterdam techniek gaan studeren?",
        "where can he study engineering in Delft?",
        "моя донька хоче стати монтером",
        "Is techniek iets voor meisjes?",
    ],
)
def test_study_questions_with_a_place_are_not_outings(kb: KnowledgeBase, text: str) -> None:
    assert parse_activity_question(kb, text) is None


def test_an_outing_lists_activities_at_a_place_before_national_ones(kb: KnowledgeBase) -> None:
    q = parse_activity_question(kb, "anything we can go and see at the maasvlakte with the kids?")
    assert q is not None
    result = answer_activities(kb, q, "en")
    assert result.shown[0].initiatief.id == "ini_futureland"
    national = [i for i, h in enumerate(result.hits) if h.initiatief.landelijk_online]
    local = [i for i, h in enumerate(result.hits) if not h.initiatief.landelijk_online]
    assert local and national and max(local) < min(national)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "kızım için Hoogvliet'te şirket ziyareti var mı?"),
        ("pl", "czy moja córka może zobaczyć firmę w Hoogvliet od środka?"),
        ("uk", "моя донька хоче подивитися завод біля Hoogvliet"),
        ("ar", "هل توجد زيارة شركة لابنتي في هوخفليت؟"),
        ("en", "any company visit near Hoogvliet for my daughter?"),
        ("nl", "bedrijfsbezoek in Hoogvliet voor mijn dochter?"),
    ],
)
def test_my_daughter_puts_girls_first_without_dropping_the_others(kb: KnowledgeBase, lang: str, text: str) -> None:
    q = parse_activity_question(kb, text)
    assert q is not None and q.doelgroepen == [] and q.favour == ["meisjes"]
    result = answer_activities(kb, q, lang)
    ids = [h.initiatief.id for h in result.hits]
    # the company visit in Hoogvliet itself is still there for a girl's parent
    assert "ini_jetnet_vicoma" in ids
    girls = [i for i, h in enumerate(result.hits) if "meisjes" in h.initiatief.doelgroepen]
    others = [i for i, h in enumerate(result.hits) if "meisjes" not in h.initiatief.doelgroepen]
    assert girls and max(girls) < min(others)
    # ... marked, so the parent sees which ones are for girls, and only those
    mark = favour_mark(["meisjes"], lang)
    lines = [line for line in result.text.splitlines() if line.startswith("- ")]
    assert lines[0].endswith(mark) and not any(line.endswith(mark) for line in lines[len(girls) :])


def test_for_girls_is_still_a_filter(kb: KnowledgeBase) -> None:
    q = parse_activity_question(kb, "Welke activiteiten zijn er voor meisjes in Charlois?")
    assert q is not None and q.doelgroepen == ["meisjes"] and not q.favour


def test_sentences_split_only_where_a_new_one_starts() -> None:
    text = "Dziecko może pracować np. przy obsłudze portu. W porcie jest praca. 52% to BBL."
    assert whole_sentences(text) == [
        "Dziecko może pracować np. przy obsłudze portu.",
        "W porcie jest praca.",
        "52% to BBL.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is it free?", True),
        ("moeten we daarvoor betalen?", True),
        ("a to jest płatne?", True),
        ("а це безкоштовно?", True),
        ("وهل هي مجانية؟", True),
        ("ücretli mi?", True),
        ("en verdient hij daar goed?", False),
        ("how do they feel about it?", False),
    ],
)
def test_cost_questions(text: str, expected: bool) -> None:
    assert asks_cost(text) is expected


@pytest.mark.parametrize(
    ("lang", "earlier", "followup", "words"),
    [
        ("uk", "що таке BBL", "а це оплачується?", "заробляє"),
        ("en", "what's the difference between bol and bbl", "so with bbl he actually gets a wage?", "earns money"),
        ("nl", "wat houdt bbl in?", "krijgt hij daar dan ook salaris voor?", "verdient"),
    ],
)
def test_a_followup_on_the_same_section_leads_with_its_answer(
    assistant: Assistant, lang: str, earlier: str, followup: str, words: str
) -> None:
    first = assistant.ask(earlier, use_llm=False)
    again = assistant.ask(followup, previous=[earlier], use_llm=False)
    assert again.topic == first.topic  # the same section ...
    assert again.answer != first.answer  # ... not the same paragraph again
    assert words in again.answer.split(".")[0]  # the wage sentence comes first


def test_the_advice_leads_when_it_answers_the_followup(assistant: Assistant) -> None:
    earlier = "jaka praca jest w porcie w Rotterdamie?"
    answer = assistant.ask("a do jakiej szkoly mbo?", previous=[earlier], use_llm=False)
    assert answer.topic is not None and answer.topic.startswith("artikel:haven_logistiek")
    assert "STC" in answer.answer.split("\n\n")[0]


def test_a_cost_question_after_a_list_is_about_the_listed_activities(assistant: Assistant) -> None:
    earlier = "open days for technical mbo schools in rotterdam?"
    listed = assistant.ask(earlier, use_llm=False)
    assert listed.reply_kind == "activity_list"
    answer = assistant.ask("do we have to pay to go?", previous=[earlier], use_llm=False)
    assert answer.sources and answer.sources[0].source in {s.source for s in listed.sources}
    assert t("assistant.listed_activity_ask", "en") in answer.answer


def test_a_place_only_followup_after_an_outing_keeps_the_list(assistant: Assistant) -> None:
    earlier = "kan mijn zoon ergens in hoogvliet bij een techniekbedrijf op bezoek?"
    answer = assistant.ask("en in pernis?", previous=[earlier], use_llm=False)
    assert answer.reply_kind == "activity_list"
    assert {s.source for s in answer.sources[:3]} >= {
        "initiatief:ini_jetnet_air_liquide",
        "initiatief:ini_jetnet_shell_pernis",
    }


@pytest.mark.parametrize(
    ("earlier", "followup"),
    [
        ("чи техніка це брудна і важка робота?", "а добре там платять?"),
        ("is technisch werk vies en zwaar?", "en betalen ze daar een beetje goed?"),
    ],
)
def test_a_followup_that_points_back_can_still_move_to_pay(assistant: Assistant, earlier: str, followup: str) -> None:
    # "там" / "daar" points back at dirty work, but the follow-up's own words are about pay: the pay article answers
    answer = assistant.ask(followup, previous=[earlier], use_llm=False)
    assert answer.topic is not None and answer.topic.startswith("artikel:beeld_salaris")


def test_a_followup_that_points_back_and_names_nothing_new_stays(assistant: Assistant) -> None:
    earlier = "is technisch werk vies en zwaar?"
    first = assistant.ask(earlier, use_llm=False)
    answer = assistant.ask("is dat echt zo?", previous=[earlier], use_llm=False)
    assert answer.reply_kind == "clarifying_question" or (
        answer.topic is not None and first.topic is not None and answer.topic.split("#")[0] == first.topic.split("#")[0]
    )


def test_a_cost_question_after_an_outing_is_about_the_first_listed(assistant: Assistant) -> None:
    earlier = "anything we can go and see at the maasvlakte with the kids?"
    answer = assistant.ask("do we have to pay to go?", previous=[earlier], use_llm=False)
    assert answer.sources and answer.sources[0].source == "initiatief:ini_futureland"

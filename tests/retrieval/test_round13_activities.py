"""Round 13 (issue 11): activity questions as parents type them in six languages: places written in Cyrillic or
Arabic script (found by their sound, every wijk/kern/gemeente, not a hand list), inflected and unaccented activity
words, follow-ups that change only the place or only the kind, and an intro line that reads as one sentence."""

from __future__ import annotations

import re

import pytest

from knowledge import KnowledgeBase
from retrieval.assistant import Assistant
from retrieval.structured import (
    PLACE_ALIASES,
    answer_activities,
    find_place,
    normalise,
    parse_activity_question,
)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Cyrillic, with Ukrainian case endings; none of these is a hand-written alias
        ("чи є екскурсії у Хогвліті?", "Hoogvliet"),
        ("а на Маасвлакте?", "Maasvlakte"),
        ("день відкритих дверей у Ваддінксвені", "Waddinxveen"),
        ("щось для дітей в Спейкеніссе", "Spijkenisse"),
        ("заходи у Рідеркерку", "Ridderkerk"),
        ("а в Нальдвейку?", "Naaldwijk"),
        ("у Маасслейсі", "Maassluis"),
        # Arabic script: short vowels unwritten, prefixes written onto the word
        ("هل توجد زيارات لشركات في هوخفليت؟", "Hoogvliet"),
        ("وفي ماسفلاكته؟", "Maasvlakte"),
        ("أيام مفتوحة في ريسفيك", "Rijswijk"),
        ("شيء في بيرنيس؟", "Pernis"),
        ("في سبايكنيسه", "Spijkenisse"),
        ("في ريدركيرك", "Ridderkerk"),
        ("نسكن في ماسلاوس", "Maassluis"),
        # Latin script, inflected
        ("Hoogvliet'te fabrika gezisi", "Hoogvliet"),
        ("wycieczka w Hoogvlietu", "Hoogvliet"),
    ],
)
def test_places_written_in_another_script_or_inflected(kb: KnowledgeBase, text: str, place: str) -> None:
    found = find_place(kb, text)
    assert found is not None and found.naam == place
    # the point: found by their sound, not because someone listed them
    assert not any(normalise(a) and a in text.lower() for a in PLACE_ALIASES if PLACE_ALIASES[a] == place)


@pytest.mark.parametrize(
    "text",
    [
        "هذا ما يقول المرافقة لدينا بتلك الطريقة",  # 'this is what the companion with us says in that way'
        "ويقول ابني انه يحب التقنية",
        "ми тут живемо роками, монтер так сказав",
        "моя донька хоче стати монтером",
    ],
)
def test_common_words_in_other_scripts_are_no_places(kb: KnowledgeBase, text: str) -> None:
    assert find_place(kb, text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("dnia otwartego w Delft?", "open_dag"),
        ("co jest w dniu otwartym w Delft", "open_dag"),
        ("dzien otwarty mbo w Delft, jest cos?", "open_dag"),
        ("acik gunu ne zaman Delftte", "open_dag"),
        ("açık günler Delft'te var mı", "open_dag"),
        ("відкриті двері в Делфті", "open_dag"),
        ("днів відкритих дверей у Делфті", "open_dag"),
        ("الأبواب المفتوحة في دلفت", "open_dag"),
        ("visiting a factory near Delft", "bedrijfsbezoek"),
        ("bedrijven bekijken in Delft", "bedrijfsbezoek"),
        ("zijn er excursies in Delft", "bedrijfsbezoek"),
        ("sirket ziyaretleri Delft'te", "bedrijfsbezoek"),
        ("wizyty w zakladach w Delft", "bedrijfsbezoek"),
        ("زيارات للشركات في دلفت", "bedrijfsbezoek"),
        ("на підприємство можна сходити в Делфті?", "bedrijfsbezoek"),
        ("lekcje goscinne w Delft", "gastles"),
        ("misafir ogretmen Delft'te", "gastles"),
    ],
)
def test_activity_words_inflected_and_without_letter_marks(kb: KnowledgeBase, text: str, kind: str) -> None:
    q = parse_activity_question(kb, text)
    assert q is not None and q.activiteiten == [kind] and q.place is not None and q.place.naam == "Delft"


@pytest.mark.parametrize(
    ("first", "follow", "kinds", "place"),
    [
        ("open dag techniek in Rotterdam?", "en in Schiedam?", ["open_dag"], "Schiedam"),
        ("open days in Rotterdam?", "and in Schiedam?", ["open_dag"], "Schiedam"),
        ("Rotterdam'da açık gün var mı?", "peki Vlaardingen'de?", ["open_dag"], "Vlaardingen"),
        ("يوم مفتوح في روتردام؟", "وفي فلاردينغن؟", ["open_dag"], "Vlaardingen"),
        ("dni otwarte w Rotterdamie?", "a w Schiedamie?", ["open_dag"], "Schiedam"),
        ("день відкритих дверей у Роттердамі?", "а у Влардінгені?", ["open_dag"], "Vlaardingen"),
        ("open dag techniek in Den Haag?", "en een bedrijfsbezoek?", ["bedrijfsbezoek"], "Den Haag"),
        ("open days in Den Haag?", "what about a factory visit?", ["bedrijfsbezoek"], "Den Haag"),
        ("Lahey'de açık gün var mı?", "peki sirket gezisi?", ["bedrijfsbezoek"], "Den Haag"),
        ("يوم مفتوح في لاهاي؟", "وزيارات المصانع؟", ["bedrijfsbezoek"], "Den Haag"),
        ("dni otwarte w Hadze?", "a bedrijfsbezoek?", ["bedrijfsbezoek"], "Den Haag"),
        ("день відкритих дверей у Гаазі?", "а екскурсія?", ["bedrijfsbezoek"], "Den Haag"),
    ],
)
def test_a_follow_up_changes_only_the_place_or_only_the_kind(
    kb: KnowledgeBase, first: str, follow: str, kinds: list[str], place: str
) -> None:
    before = parse_activity_question(kb, first)
    assert before is not None
    after = parse_activity_question(kb, follow, followup=True)
    assert after is not None
    merged = before.merged(after)
    assert merged.activiteiten == kinds and merged.place is not None and merged.place.naam == place


@pytest.mark.parametrize("lang", ["nl", "en", "tr", "ar", "pl", "uk"])
def test_the_intro_line_is_one_sentence(kb: KnowledgeBase, lang: str) -> None:
    q = parse_activity_question(kb, "open dag voor ouders in Den Haag")
    assert q is not None and q.doelgroepen == ["ouders"] and q.activiteiten == ["open_dag"]
    for asked in (q, parse_activity_question(kb, "open dag voor meisjes in Den Haag")):
        assert asked is not None
        first = answer_activities(kb, asked, lang).text.splitlines()[0]
        assert first.count("(") <= 1 and not re.search(r"\)\s*\(", first), first
        assert "Den Haag" in first and ": " not in first.split("Den Haag")[0][-8:], first
        assert first[0] == first[0].upper(), first


@pytest.mark.parametrize(
    ("earlier", "followup", "place", "lang"),
    [
        ("чи є екскурсії на фірми у Хогвліті?", "а в Спейкеніссе?", "Spijkenisse", "uk"),
        ("هل توجد زيارات لشركات في هوخفليت؟", "وفي بيرنيس؟", "Pernis", "ar"),
        ("wycieczki do firm w Hoogvliet?", "a dzien otwarty?", "Hoogvliet", "pl"),
    ],
)
def test_the_assistant_lists_activities_for_the_follow_up(
    assistant: Assistant, earlier: str, followup: str, place: str, lang: str
) -> None:
    answer = assistant.ask(followup, previous=[earlier], use_llm=False)
    assert answer.reply_kind == "activity_list" and answer.language == lang, answer.answer
    assert place in answer.answer.splitlines()[0], answer.answer


@pytest.mark.parametrize(
    ("text", "girls"),
    [
        ("co mozna zobaczyc z dziecmi w Delft?", False),
        ("Delft'te ne gorebiliriz cocuklarla", False),
        ("zajecia dla dziewczyn w Delfcie", True),
        ("kizlar icin etkinlik Delft'te var mi", True),
    ],
)
def test_outing_and_activity_questions_typed_without_letter_marks(kb: KnowledgeBase, text: str, girls: bool) -> None:
    q = parse_activity_question(kb, text)
    assert q is not None and q.place is not None and q.place.naam == "Delft"
    assert (q.doelgroepen == ["meisjes"]) is girls


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("open dag in Capelle?", "Capelle aan den IJssel"),
        ("bedrijfsbezoek in Krimpen", "Krimpen aan den IJssel"),
        ("proefstuderen in Alphen", "Alphen aan den Rijn"),
        ("meeloopdag in Dordt", "Dordrecht"),
        ("open days in Berkel?", "Berkel en Rodenrijs"),
    ],
)
def test_the_short_names_people_use_for_a_gemeente_or_kern(kb: KnowledgeBase, text: str, place: str) -> None:
    q = parse_activity_question(kb, text)
    assert q is not None and q.place is not None and q.place.naam == place


@pytest.mark.parametrize(
    "text",
    [
        "wat kunnen we bezoeken in Delft met de kinderen?",
        "places to visit with my son near Delft",
        "Delft'te cocukla gezilecek teknik yerler",
        "co mozna zwiedzic z synem w Delft?",
        "куди сходити з дитиною у Делфті?",
        "وين نروح مع ابني في دلفت؟",
    ],
)
def test_where_can_we_go_near_a_place_lists_every_kind(kb: KnowledgeBase, text: str) -> None:
    q = parse_activity_question(kb, text)
    assert q is not None and q.activiteiten == [] and q.place is not None and q.place.naam == "Delft"

"""Activity questions without the model: intent, kinds of activity and places in six languages, and the
summary in the asker's language (names stay Dutch, the school's own list is marked)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.i18n import label, t
from knowledge.schema import Initiatief
from retrieval.structured import activity_line, answer_activities, find_place, parse_activity_question


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("activiteiten op Rotterdam Zuid", "Rotterdam Zuid"),
        ("open days near Rotterdam Zuid?", "Rotterdam Zuid"),
        ("Rotterdam Zuid'de etkinlik var mı?", "Rotterdam Zuid"),
        ("zajęcia na południu Rotterdamu", "Rotterdam Zuid"),
        ("заходи на півдні Роттердама", "Rotterdam Zuid"),
        ("أنشطة في جنوب روتردام", "Rotterdam Zuid"),
        ("wat is er te doen in Rotterdam Noord", "Rotterdam Noord"),
        ("activiteiten in Rotterdam", "Rotterdam"),
        ("dni otwarte w Rotterdamie", "Rotterdam"),
        ("день відкритих дверей у Роттердамі", "Rotterdam"),
        ("чи є заходи у Делфті", "Delft"),
        ("activities in The Hague", "Den Haag"),
        ("zajęcia w pobliżu Delftu", "Delft"),
        ("activiteiten bij postcode 3083", "Tarwewijk"),
        ("iets in Charlois", "Charlois"),
        ("Zuid-Holland heeft veel techniek", None),
        ("activiteiten op het Noordereiland", "Noordereiland"),
        ("open dag in Bolnes", "Bolnes"),  # a kern (issue 13)
        ("activiteiten in Rdam Zuid", "Rotterdam Zuid"),  # an alias
        # the Dutch area name alone, inside a question in another language
        ("чи є день відкритих дверей біля Zuid?", "Rotterdam Zuid"),
        ("Zuid'de acik gun var mi", "Rotterdam Zuid"),
        ("open day near Noord?", "Rotterdam Noord"),
        # ... and as Arabic-speaking parents write the Dutch name in their script
        ("اريد يوم مفتوح للتقنية في روتردام زاود", "Rotterdam Zuid"),
        ("في يوم مفتوح تقني قريب من زويد؟", "Rotterdam Zuid"),
        ("شو في نشاطات تقنية في نورد؟", "Rotterdam Noord"),
        ("open dag op de Kop van Zuid", "Kop van Zuid-Entrepot"),  # a wijk, not the area
        ("stage in Noord-Brabant", None),
    ],
)
def test_places_in_six_languages(kb: KnowledgeBase, text: str, place: str | None) -> None:
    found = find_place(kb, text)
    assert (found.naam if found else None) == place


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("zijn er open dagen in Delft?", ["open_dag"]),
        ("waar kan mijn zoon een meeloopdag doen in Schiedam", ["open_dag"]),
        ("are there open days near Delft?", ["open_dag"]),
        ("Delft'te açık gün var mı?", ["open_dag"]),
        ("هل يوجد يوم مفتوح قرب Delft؟", ["open_dag"]),
        ("czy są dni otwarte w Delft?", ["open_dag"]),
        ("чи є дні відкритих дверей у Delft?", ["open_dag"]),
        ("company visits near Vlaardingen?", ["bedrijfsbezoek"]),
        ("what can we see near Delft with the kids?", []),
    ],
)
def test_activity_questions_in_six_languages(kb: KnowledgeBase, text: str, kinds: list[str]) -> None:
    q = parse_activity_question(kb, text)
    assert q is not None and q.activiteiten == kinds and q.place is not None


@pytest.mark.parametrize(
    "text",
    [
        "Wat is een open dag?",
        "What should I ask at the open day?",
        "How many initiatives include a company visit?",
        "Is techniek iets voor meisjes?",
    ],
)
def test_questions_about_activities_that_are_not_list_requests(kb: KnowledgeBase, text: str) -> None:
    assert parse_activity_question(kb, text) is None


def test_a_follow_up_that_only_names_a_place(kb: KnowledgeBase) -> None:
    assert parse_activity_question(kb, "en in Delft?") is None
    q = parse_activity_question(kb, "en in Delft?", followup=True)
    assert q is not None and q.place is not None and q.place.naam == "Delft"


def _own(i: int, **extra: object) -> Initiatief:
    raw = {
        "id": f"eigen-{i}",
        "naam": f"Eigen techniekmiddag {i}",
        "omschrijving": "Op school.",
        "organisator": "Onze school",
        "bereik": "lokaal",
        "lokaal_soort": "overig",
        "schooltypen": ["vmbo"],
        "doelgroepen": ["leerlingen"],
        "activiteiten": ["open_dag"],
        "praktijkgerichtheid": "veel",
        "branches": ["techniek_breed"],
        "classificatie": "algemene_kennis",
        "locatie": {"gemeente": "Delft", "precisie": "gemeente", "lat": 52.011, "lon": 4.359},
        "bronnen": ["eigen_import#lijst.csv"],
    }
    raw.update(extra)
    return Initiatief.model_validate(raw)


def test_girls_in_turkish_as_parents_write_it(kb: KnowledgeBase) -> None:
    q = parse_activity_question(kb, "Rotterdam Zuid'de kız çocukları için teknik etkinlik var mı")
    assert q is not None and q.doelgroepen == ["meisjes"] and q.place is not None


def test_an_activity_at_the_asked_place_shows_no_zero_distance(kb: KnowledgeBase) -> None:
    q = parse_activity_question(kb, "activiteiten op Rotterdam Zuid")
    assert q is not None
    result = answer_activities(kb, q, "nl")
    assert result.hits and " 0 km" not in result.text + result.details


@pytest.mark.parametrize("lang", ["nl", "en", "tr", "ar", "pl", "uk"])
def test_the_list_is_summarised_in_the_askers_language(kb: KnowledgeBase, lang: str) -> None:
    q = parse_activity_question(kb, "zijn er open dagen in Delft?")
    assert q is not None
    own = [_own(1)]
    result = answer_activities(kb, q, lang, extra=own)
    first = result.text.splitlines()[0]
    assert str(len(result.hits)) in first and "Delft" in first
    assert label("activiteit", "open_dag", lang) in result.text
    assert "Eigen techniekmiddag 1" in result.text and t("bron.own_list", lang) in result.text
    assert result.own == {"eigen-1"}
    assert len(result.text.split()) <= 120


def test_distances_from_an_area_centre_are_marked_approximate(kb: KnowledgeBase) -> None:
    """A place found by name (here a port area) is only its centre point: every distance shown gets "~"."""
    q = parse_activity_question(kb, "bedrijfsbezoek in de Botlek")
    assert q is not None and q.place is not None and q.place.naam == "Botlek"
    result = answer_activities(kb, q, "nl")
    lines = [line for line in (result.text + "\n" + result.details).splitlines() if line.endswith(" km")]
    assert lines and all(", ~" in line for line in lines)


def test_a_list_without_a_place_says_where_each_local_activity_is(kb: KnowledgeBase) -> None:
    local = next(i for i in kb.initiatieven.values() if not i.landelijk_online and i.locatie.gemeente)
    national = next(i for i in kb.initiatieven.values() if i.landelijk_online)
    line = activity_line(local, None, "uk", own=False)
    assert (local.locatie.wijk or local.locatie.gemeente) in line
    assert label("bereik", "landelijk", "uk") not in line
    assert label("bereik", "landelijk", "uk") in activity_line(national, None, "uk", own=False)


@pytest.mark.parametrize("lang", ["nl", "tr", "ar"])
def test_the_numbers_of_a_long_list_add_up(kb: KnowledgeBase, lang: str) -> None:
    # a parent read "17 found", saw 3 and "8 more" and wondered where the other 6 went
    q = parse_activity_question(kb, "bedrijfsbezoek in Pernis")
    assert q is not None
    reply = answer_activities(kb, q, lang)
    listed = len([line for line in reply.text.splitlines() if line.startswith("- ")])
    heading = t("assistant.activities_more_heading", lang, n=len(reply.shown) - listed)
    in_details = len(reply.details.split(heading, 1)[1].strip().splitlines())
    rest = len(reply.hits) - listed - in_details
    assert rest > 0, "this place has more matches than are listed"
    last = reply.text.splitlines()[-1]
    assert str(in_details) in last and str(rest) in last, last
    assert t("assistant.activities_more_rest", lang, n=in_details, rest=rest) == last

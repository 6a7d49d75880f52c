"""Round 16 (issue 11): an activity list for a parent who names no school type or group puts what a vmbo pupil can
do first; activities for primary school only, or for parents or teachers only, follow (still counted and listed)."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeBase
from knowledge.i18n import t
from retrieval.structured import _search, answer_activities, parse_activity_question, website_label


def _hits(kb: KnowledgeBase, question: str) -> list[tuple[str, float | None]]:
    q = parse_activity_question(kb, question)
    assert q is not None, question
    return [(h.initiatief.id, h.afstand_km) for h in answer_activities(kb, q, "nl").hits]


def _ids(kb: KnowledgeBase, question: str) -> list[str]:
    return [i for i, _ in _hits(kb, question)]


def _primary_only(kb: KnowledgeBase, ini_id: str) -> bool:
    return set(kb.initiatieven[ini_id].schooltypen) == {"po"}


@pytest.mark.parametrize(
    "question",
    ["bedrijfsbezoek in Pernis?", "pernis te bedrijfsbezoek var mı", "wizyty w firmach na Heijplaat"],
)
def test_primary_school_only_follows_when_no_school_type_is_named(kb: KnowledgeBase, question: str) -> None:
    ids = _ids(kb, question)
    flags = [_primary_only(kb, i) for i in ids]
    assert any(flags) and not all(flags), ids  # the list still holds both kinds ...
    assert flags == sorted(flags), ids  # ... and no primary-only activity comes before another one


def test_primary_school_named_keeps_its_activities_first(kb: KnowledgeBase) -> None:
    ids = _ids(kb, "bedrijfsbezoek voor de basisschool op Heijplaat")
    assert ids and _primary_only(kb, ids[0]), ids


def test_activities_for_parents_only_follow_unless_parents_ask(kb: KnowledgeBase) -> None:
    parents_only = {
        i.id
        for i in kb.initiatieven.values()
        if not {"leerlingen", "meisjes", "migratieachtergrond"} & set(i.doelgroepen)
    }
    assert parents_only
    ids = _ids(kb, "activiteiten op Rotterdam Zuid")
    regular = [n for n, i in enumerate(ids) if i not in parents_only and not _primary_only(kb, i)]
    late = [n for n, i in enumerate(ids) if i in parents_only]
    assert late and regular and min(late) > max(regular), ids
    question = "activiteiten voor ouders op Rotterdam Zuid"
    asked = _ids(kb, question)
    q = parse_activity_question(kb, question)
    assert q is not None and any(i in parents_only for i in asked), asked
    # asked for: the search's own order, apart from primary school only (no school type named)
    plain = [h.initiatief.id for h in _search(kb, q, 10.0, ())]
    assert asked == sorted(plain, key=lambda i: _primary_only(kb, i)), asked


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_the_details_say_where_dates_and_sign_up_are(kb: KnowledgeBase, lang: str) -> None:
    q = parse_activity_question(kb, "open dag in Rijswijk?")
    assert q is not None
    answer = answer_activities(kb, q, lang)
    with_site = [h.initiatief for h in answer.shown[:3] if h.initiatief.website]
    assert with_site
    assert answer.details.startswith(t("assistant.activities_dates", lang)), answer.details
    assert all(website_label(i.website) in answer.details for i in with_site)
    # round 21: a parent reads the short answer only, so each listed activity shows its website there too (as a
    # parent types it: no scheme)
    assert "http" not in answer.text
    assert all(website_label(i.website) in answer.text for i in with_site)


@pytest.mark.parametrize("lang", ["nl", "tr", "ar"])
def test_the_activities_after_the_websites_have_their_own_heading(kb: KnowledgeBase, lang: str) -> None:
    # a parent read the fourth activity, listed right under the websites, as one more website
    q = parse_activity_question(kb, "open dag techniek in rotterdam zuid")
    assert q is not None
    answer = answer_activities(kb, q, lang)
    listed = [line for line in answer.text.splitlines() if line.startswith("- ")]
    rest = answer.shown[len(listed) :]
    assert rest, "this place has more activities than the short answer lists"
    sites, heading, after = answer.details.partition(t("assistant.activities_more_heading", lang, n=len(rest)))
    assert heading and sites.startswith(t("assistant.activities_dates", lang)), answer.details
    assert [line.split(":")[0] for line in after.strip().splitlines()] == [f"- {h.initiatief.naam}" for h in rest]
    assert not any(h.initiatief.naam in sites for h in rest)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://www.vhto.nl/", "vhto.nl"),
        ("HTTPS://www.techniekcollegerotterdam.nl/open-dag/", "techniekcollegerotterdam.nl/open-dag"),
        ("javascript:alert(1)", ""),
        ("[klik](http://voorbeeld.nl)", ""),
        (None, ""),
    ],
)
def test_a_website_is_shown_only_as_a_plain_address(url: str | None, shown: str) -> None:
    assert website_label(url) == shown


@pytest.mark.parametrize(
    ("lang", "inside"), [("nl", "voor bovenbouw vo"), ("tr", "ortaokul üst"), ("pl", "dla: wyższe")]
)
def test_a_school_type_inside_the_line_starts_in_lower_case(kb: KnowledgeBase, lang: str, inside: str) -> None:
    q = parse_activity_question(kb, "open dag in Rijswijk?")
    assert q is not None
    assert inside in answer_activities(kb, q, lang).text

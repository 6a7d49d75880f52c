"""Dates as a decaan writes them, the school-year rule, and upcoming activities in the search."""

from __future__ import annotations

import datetime as dt

import pytest

from recommender.initiatives import InitiativeFilter, search_initiatives
from recommender.initiatives.dates import DateProblem, When, next_occurrence, parse_when, when_text

NOV = dt.date(2026, 11, 30)  # in school year 2026-2027
D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 maart", When(D(2027, 3, 14))),  # no year: the school year of the reference day
        ("3 oktober", When(D(2026, 10, 3))),  # earlier in the same school year
        ("14 maart 2028", When(D(2028, 3, 14))),
        ("14-3-2027", When(D(2027, 3, 14))),
        ("14/03/27", When(D(2027, 3, 14))),
        ("2027-03-14", When(D(2027, 3, 14))),
        ("wo 14 maart 2027, 13:00-16:00", When(D(2027, 3, 14))),
        ("vanaf 13.00 uur op do 12 februari", When(D(2027, 2, 12))),
        ("March 14, 2027", When(D(2027, 3, 14))),
        ("14th March", When(D(2027, 3, 14))),
        ("14 t/m 16 maart", When(D(2027, 3, 14), D(2027, 3, 16))),
        ("14-16 maart", When(D(2027, 3, 14), D(2027, 3, 16))),
        ("14 maart - 2 april", When(D(2027, 3, 14), D(2027, 4, 2))),
        ("28 dec t/m 5 jan", When(D(2026, 12, 28), D(2027, 1, 5))),
        ("maart", When(D(2027, 3, 1), D(2027, 3, 31))),
        ("jaarlijks in maart", When(jaarlijks_maand=3)),
        ("elk jaar (oktober)", When(jaarlijks_maand=10)),
        ("n.t.b.", When()),
        ("", When()),
        (None, When()),
        (dt.datetime(2027, 2, 5, 9, 30), When(D(2027, 2, 5))),
    ],
)
def test_parse_when(text, expected):
    assert parse_when(text, NOV) == expected


@pytest.mark.parametrize("text", ["31 februari", "Open dag", "14 t/m", "16 t/m 14 maart 2027", "jaarlijks"])
def test_unreadable_dates_are_problems(text):
    with pytest.raises(DateProblem):
        parse_when(text, NOV)


def test_next_occurrence_and_text(make_ini):
    single = make_ini("a", datum=D(2027, 3, 14))
    period = make_ini("b", datum=D(2026, 11, 28), tot=D(2026, 12, 2))
    past = make_ini("c", datum=D(2026, 10, 3))
    yearly = make_ini("d", jaarlijks_maand=1)
    now_month = make_ini("e", jaarlijks_maand=11)
    assert next_occurrence(single, NOV) == D(2027, 3, 14)
    assert next_occurrence(period, NOV) == NOV  # running now
    assert next_occurrence(past, NOV) is None
    assert next_occurrence(yearly, NOV) == D(2027, 1, 1) and next_occurrence(now_month, NOV) == NOV
    assert next_occurrence(make_ini("f"), NOV) is None
    assert when_text(single, "nl") == "14 maart 2027" and when_text(yearly, "en") == "every year in January"
    assert when_text(period, "nl") == "28 november 2026 t/m 2 december 2026"


def test_schema_keeps_dates_consistent(make_ini):
    with pytest.raises(ValueError, match="tot"):
        make_ini("x", datum=D(2027, 3, 14), tot=D(2027, 3, 1))
    with pytest.raises(ValueError, match="niet allebei"):
        make_ini("x", datum=D(2027, 3, 14), jaarlijks_maand=3)


def test_upcoming_filter_sorts_by_next_day_then_distance(make_ini, origin):
    cat = [
        make_ini("later", 0.01, datum=D(2027, 5, 1)),
        make_ini("soon_far", 0.05, datum=D(2026, 12, 10)),
        make_ini("soon_near", 0.01, datum=D(2026, 12, 10)),
        make_ini("past", 0.01, datum=D(2026, 11, 1)),
        make_ini("undated", 0.01),
        make_ini("yearly", 0.02, jaarlijks_maand=2),
    ]
    hits = search_initiatives(None, InitiativeFilter(komend=True, vandaag=NOV), extra=cat, place=origin)
    assert [h.initiatief.id for h in hits] == ["soon_near", "soon_far", "yearly", "later"]
    assert [h.volgende_datum for h in hits] == [D(2026, 12, 10), D(2026, 12, 10), D(2027, 2, 1), D(2027, 5, 1)]
    plain = search_initiatives(None, InitiativeFilter(), extra=cat)
    assert len(plain) == 6 and all(h.volgende_datum is None for h in plain)

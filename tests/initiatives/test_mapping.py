"""Which column is what: synonyms, similarity and the cells decide; the decaan can change it."""

from __future__ import annotations

import pytest

from recommender.initiatives.mapping import apply_choices, header_score, looks_like_header, suggest_mapping


def fields(header, rows):
    return {m.header: m.field for m in suggest_mapping(header, [(i + 2, r) for i, r in enumerate(rows)])}


@pytest.mark.parametrize(
    ("header", "field", "how"),
    [
        ("Naam", "naam", "naam"),
        ("Titel", "naam", "naam"),
        ("Wanneer", "datum", "naam"),
        ("Van", "datum", "naam"),
        ("Tot", "tot", "naam"),
        ("Voor wie", "voor_wie", "naam"),
        ("Doelgroep", "doelgroepen", "naam"),
        ("Adres", "adres", "naam"),
        ("Plaats", "gemeente", "naam"),
        ("Organisatie", "organisator", "naam"),
        ("Link", "website", "naam"),
        ("Datum en tijd", "datum", "bevat"),
        ("Website / aanmelden", "website", "bevat"),
        ("Organsatie", "organisator", "lijkt"),
        ("Doelgroepen", "doelgroepen", "naam"),
        ("For whom", "voor_wie", "naam"),
        ("Назва", "naam", "naam"),
        ("الاسم", "naam", "naam"),
    ],
)
def test_header_synonyms_and_similarity(header, field, how):
    assert header_score(header, field)[1] == how


def test_cells_decide_between_name_and_kind():
    names = [["Open dag Zadkine"], ["Gastles Shell"], ["Lasdag"]]
    kinds = [["Bedrijfsbezoek"], ["gastles"], ["Open dag"]]
    assert fields(["Activiteit"], names) == {"Activiteit": "naam"}
    named = [[f"Dag {i} bij de haven", *k] for i, k in enumerate(kinds)]
    assert fields(["Titel", "Activiteit"], named) == {"Titel": "naam", "Activiteit": "activiteiten"}


def test_a_column_of_dates_or_links_is_found_by_its_cells():
    header = ["Naam", "Kolom C", "Kolom D"]
    rows = [["Lasdag", "14-3-2027", "https://a.example"], ["Drones", "2 april", "www.b.example"]]
    assert fields(header, rows) == {"Naam": "naam", "Kolom C": "datum", "Kolom D": "website"}


def test_each_field_at_most_once_and_our_computed_columns_ignored():
    header = ["Naam", "Titel", "Afstand (km)", "Bron", "Distance (km)"]
    result = fields(header, [["a", "b", "1", "x", "2"]])
    assert list(result.values()).count("naam") == 1 and result["Afstand (km)"] is None and result["Bron"] is None


def test_choices_override_and_move_a_field():
    matches = suggest_mapping(["Naam", "Omschrijving"], [(2, ["Lasdag", "Rotterdam"])])
    changed = apply_choices(matches, {"Omschrijving": "naam"})
    assert [(m.header, m.field, m.how) for m in changed] == [
        ("Naam", None, "onbekend"),
        ("Omschrijving", "naam", "gekozen"),
    ]
    with pytest.raises(ValueError, match="geen veld"):
        apply_choices(matches, {"Naam": "verzonnen"})


def test_header_row_scoring():
    assert looks_like_header("Activiteit") >= 0.9 and looks_like_header("Open dag Zadkine techniek") < 0.6

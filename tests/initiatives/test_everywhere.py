"""Imported activities reach the mentor (with the next dated one as a route's next step) and the assistant's
activity answers, marked as the school's own list."""

from __future__ import annotations

import datetime as dt

from knowledge.i18n import t
from recommender.advies import recommend
from recommender.initiatives import catalogue, own_initiatives
from recommender.profile import Profiel
from retrieval.structured import answer_activities, default_catalogue, parse_activity_question

PUPIL = {
    "leerjaar": "vo3",
    "schooltype": "vmbo-bb",
    "interesses": ["autos_motoren"],
    "werkvoorkeuren": ["handen"],
    "postcode": "3083",
    "max_reisafstand_km": 10,
    "taal_ouders": "tr",
}
TODAY = dt.date.today()


def own(make_ini, name, **over):
    over.setdefault("bronnen", ["eigen_import#kalender.xlsx 2026-11-30"])
    return make_ini(name.lower().replace(" ", "_"), naam=name, **over)


def test_the_mentor_gets_the_next_dated_activity_of_the_routes_kind(kb, lob_home, make_ini):
    from knowledge.geo import resolve_place

    zuid = resolve_place(kb, "3083")
    near = {
        "locatie": {"precisie": "wijk", "lat": zuid.lat, "lon": zuid.lon, "gemeente": "Rotterdam"},
        "schooltypen": ["vmbo", "vo_bovenbouw"],
        "branches": ["techniek_breed"],
        "interesses": ["autos_motoren"],  # what the activity is about: a route's step must be about its interests
        "praktijkgerichtheid": "veel",
    }
    soon, later = TODAY + dt.timedelta(days=20), TODAY + dt.timedelta(days=60)
    catalogue().add_list(
        "kalender",
        [
            own(make_ini, "Open dag autotechniek later", datum=later, **near),
            own(make_ini, "Open dag autotechniek", datum=soon, **near),
            own(make_ini, "Al geweest", datum=TODAY - dt.timedelta(days=3), **near),
            own(
                make_ini,
                "Ver weg",
                datum=TODAY + dt.timedelta(days=5),
                **(near | {"locatie": {"precisie": "gemeente", "lat": 52.37, "lon": 4.89}}),
            ),  # Amsterdam: out of reach
        ],
        who="test",
        how="cli",
    )
    advies = recommend(kb, Profiel.model_validate(PUPIL), eigen_initiatieven=own_initiatives())
    steps = [r.volgende_stap for r in advies.routes if r.volgende_stap.activiteit_datum]
    assert steps, [r.volgende_stap for r in advies.routes]
    step = steps[0]
    assert (step.activiteit_naam, step.activiteit_datum) == ("Open dag autotechniek", soon)
    assert "Open dag autotechniek" in step.tekst["nl"] and "Eerstvolgende passende activiteit" in step.tekst["nl"]
    assert str(soon.year) in step.tekst["tr"]
    marked = [a for a in advies.activiteiten if a.bronnen[0].startswith("eigen_import")]
    assert marked and all(t("advies.act_eigen_lijst", "nl") in a.reden for a in marked)


def test_the_assistant_lists_own_activities_marked(kb, lob_home, make_ini):
    from knowledge.geo import resolve_place

    charlois = resolve_place(kb, "Charlois")
    catalogue().add_list(
        "kalender",
        [
            own(
                make_ini,
                "Meidenmiddag lassen",
                doelgroepen=["meisjes"],
                locatie={"precisie": "wijk", "lat": charlois.lat, "lon": charlois.lon, "gemeente": "Rotterdam"},
            )
        ],
        who="test",
        how="cli",
    )
    for lang, question in (
        ("nl", "Welke activiteiten zijn er voor meisjes in Charlois?"),
        ("en", "Which activities are there for girls in Charlois?"),
    ):
        q = parse_activity_question(kb, question)
        answer = answer_activities(kb, q, lang, extra=default_catalogue()())  # what the assistant passes
        shown = answer.text.splitlines() + answer.details.splitlines()
        line = next(line for line in shown if "Meidenmiddag lassen" in line)
        assert f"({t('bron.own_list', lang)})" in line


def test_no_database_yet_means_no_own_activities_and_no_file(lob_home):
    assert own_initiatives() == []
    assert not (lob_home / "lob-kompas.db").exists()  # reading never creates a database

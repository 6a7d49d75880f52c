"""The decaan's lists in a real database, on SQLite and on a throwaway PostgreSQL: lists as units, duplicates
reported and never overwritten, undo and delete, all-or-nothing writes, concurrent imports from real processes."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from recommender.initiatives import DuplicatesFound, InitiativeFilter, UnknownList, catalogue, search_initiatives
from recommender.initiatives import db as dbmod

REPO = Path(__file__).resolve().parents[2]


def own(make_ini, name: str, **over):
    over.setdefault("bronnen", ["eigen_import#test.csv 2026-11-30"])
    return make_ini(name.lower().replace(" ", "_"), naam=name, **over)


def test_lists_are_units_with_who_and_when(db_url, make_ini):
    store = catalogue()
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    first = store.add_list(
        "Najaar",
        [own(make_ini, "Open dag"), own(make_ini, "Gastles drones")],
        who="decaan@school.nl",
        how="oidc",
        source_file="najaar.xlsx",
        rows=[2, 3],
    )
    assert first.ids == [f"eigen-{first.lijst.id}-open-dag", f"eigen-{first.lijst.id}-gastles-drones"]
    second = store.add_list("Voorjaar", [own(make_ini, "Lasdag")], who="j.jansen (wachtwoord)", how="wachtwoord")
    lists = store.lists()
    assert [i.naam for i in lists] == ["Voorjaar", "Najaar"]  # newest first
    najaar = lists[1]
    assert (najaar.aangemaakt_door, najaar.rol, najaar.bestand, najaar.aantal) == (
        "decaan@school.nl",
        "oidc",
        "najaar.xlsx",
        2,
    )
    assert before <= najaar.aangemaakt_op <= dt.datetime.now(dt.UTC)
    assert {r.naam for r in store.records()} == {"Open dag", "Gastles drones", "Lasdag"}
    assert [r.naam for r, active in store.list_records(first.lijst.id)] == ["Open dag", "Gastles drones"]
    # delete one list: only its records go
    store.delete_list(first.lijst.id, who="decaan@school.nl")
    assert {r.naam for r in store.records()} == {"Lasdag"}
    with pytest.raises(UnknownList):
        store.delete_list(first.lijst.id, who="x")
    assert store.undo_last(who="x").id == second.lijst.id
    assert store.records() == [] and store.undo_last(who="x") is None
    actions = [e.action for e in store.events()]
    assert actions == ["undo", "delete", "import", "import"]


def test_duplicates_are_reported_then_kept_or_updated_never_silently(db_url, make_ini):
    store = catalogue()
    old = own(make_ini, "Open dag Zadkine", organisator="Zadkine", website="https://zadkine.example")
    store.add_list("eerste", [old], who="a", how="cli")
    new = own(make_ini, "open dag  ZADKINE", organisator="Zadkine Rotterdam")  # same name, website dropped
    with pytest.raises(DuplicatesFound) as info:
        store.add_list("tweede", [new], who="a", how="cli")
    dup = info.value.duplicates[0]
    assert dup.lijst_naam == "eerste" and set(dup.verschillen) >= {"organisator", "website"}
    assert len(store.lists()) == 1  # nothing written
    kept = store.add_list("tweede", [new], who="a", how="cli", on_duplicate="keep")
    assert sorted(r.organisator for r in store.records()) == ["Zadkine", "Zadkine Rotterdam"]
    store.delete_list(kept.lijst.id, who="a")
    updated = store.add_list("derde", [new], who="a", how="cli", on_duplicate="update")
    assert [r.organisator for r in store.records()] == ["Zadkine Rotterdam"]
    first_list = store.lists()[-1]
    assert first_list.actief == 0 and first_list.aantal == 1  # set aside, not deleted
    assert store.list_records(first_list.id)[0][0].website == "https://zadkine.example"
    store.undo_last(who="a")  # undoing the update brings the earlier record back, unchanged
    assert [(r.organisator, r.website) for r in store.records()] == [("Zadkine", "https://zadkine.example")]
    assert updated.vervangen


def test_another_date_is_another_occurrence_not_a_duplicate(db_url, make_ini):
    store = catalogue()
    store.add_list("a", [own(make_ini, "Open dag", datum=dt.date(2027, 3, 14))], who="a", how="cli")
    assert store.duplicates([own(make_ini, "Open dag", datum=dt.date(2027, 11, 20))]) == []
    assert len(store.duplicates([own(make_ini, "Open dag", datum=dt.date(2027, 3, 14))])) == 1
    assert len(store.duplicates([own(make_ini, "Open dag")])) == 1  # undated: could be the same one


def test_a_failed_import_changes_nothing(db_url, make_ini, monkeypatch):
    store = catalogue()
    store.add_list("goed", [own(make_ini, "Lasdag")], who="a", how="cli")
    version = store.version()
    real_insert = dbmod.catalogue_events.insert

    def broken_insert(*args, **kwargs):  # fails after the list and its records were inserted
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(dbmod.catalogue_events, "insert", broken_insert)
    with pytest.raises(Exception, match="niets veranderd"):
        store.add_list("kapot", [own(make_ini, "Gastles"), own(make_ini, "Techniekdag")], who="a", how="cli")
    monkeypatch.setattr(dbmod.catalogue_events, "insert", real_insert)
    assert [i.naam for i in store.lists()] == ["goed"]
    assert [r.naam for r in store.records()] == ["Lasdag"] and store.version() == version


def test_records_are_read_once_per_change(db_url, make_ini):
    store = catalogue()
    store.add_list("a", [own(make_ini, "Lasdag")], who="a", how="cli")
    first = store.records()
    assert store.records() is first  # unchanged database: the same list, so the search index is reused
    hits = search_initiatives(None, InitiativeFilter(q="lasdag"), extra=first)
    assert [h.initiatief.naam for h in hits] == ["Lasdag"]
    # a write from elsewhere (another process would do the same) is seen at the next read
    other = type(store)(db_url)
    other.add_list("b", [own(make_ini, "Gastles")], who="b", how="cli")
    again = store.records()
    assert again is not first and {r.naam for r in again} == {"Lasdag", "Gastles"}


def test_schema_is_made_by_alembic_and_at_head(db_url):
    engine = dbmod.engine_for(db_url)
    assert dbmod.current_revision(engine) == dbmod.head_revision() == "0002"
    tables = set(sa.inspect(engine).get_table_names())
    assert {
        "initiative_lists",
        "initiative_records",
        "catalogue_state",
        "catalogue_events",
        "ingested_documents",
        "alembic_version",
    } <= tables


def test_the_catalogue_of_before_is_adopted_once(tmp_path, monkeypatch, make_ini):
    import yaml

    from recommender.initiatives.catalogue import reset_stores

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("LOB_HOME", str(home))
    monkeypatch.delenv("LOB_DATABASE_URL", raising=False)
    reset_stores()
    old = [own(make_ini, "Oude activiteit").model_dump(mode="json", exclude_none=True)]
    (home / "catalogus.yaml").write_text(yaml.safe_dump(old, allow_unicode=True), encoding="utf-8")
    store = catalogue()
    assert [r.naam for r in store.records()] == ["Oude activiteit"]
    assert store.lists()[0].rol == "overgenomen"
    assert not (home / "catalogus.yaml").exists() and (home / "catalogus.yaml.overgenomen").exists()
    reset_stores()
    assert len(catalogue().lists()) == 1  # not adopted twice


_WORKER = """
import sys, time
from pathlib import Path
from knowledge.schema import Initiatief
from recommender.initiatives import catalogue
n, folder = int(sys.argv[1]), Path(sys.argv[2])
def ini(i):
    return Initiatief.model_validate(dict(
        id="x", naam=f"Activiteit {i % 7}", omschrijving=f"lijst {n} rij {i}", organisator=f"Organisator {n}",
        bereik="landelijk", schooltypen=["vmbo"], doelgroepen=["leerlingen"], activiteiten=["gastles"],
        praktijkgerichtheid="veel", branches=["bouw"], locatie={"precisie": "landelijk"},
        classificatie="algemene_kennis", bronnen=["eigen_import#lijst.csv"]))
records = [ini(i) for i in range(25)]
store = catalogue()
store.version()  # connect (and migrate) before the start line
(folder / f"ready-{n}").touch()
while not (folder / "go").exists():
    time.sleep(0.002)
store.add_list(f"lijst {n}", records, who=f"proces {n}", how="cli", on_duplicate="keep")
print("ok")
"""


def concurrent_imports(db_url: str, processes: int, folder: Path) -> None:
    """Start ``processes`` importers, wait until each is connected, then let them all write at once."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("ready-*"):
        old.unlink()
    (folder / "go").unlink(missing_ok=True)
    env = dict(os.environ, LOB_DATABASE_URL=db_url, LOB_HOME=str(folder), PYTHONPATH=str(REPO))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(n), str(folder)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    deadline = time.time() + 120
    while len(list(folder.glob("ready-*"))) < processes and time.time() < deadline:
        if any(p.poll() not in (None, 0) for p in procs):
            break
        time.sleep(0.01)
    (folder / "go").touch()
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0 and out.strip() == "ok", err[-800:]


@pytest.mark.slow  # four Python processes per database: out of the quick lane, in the full run
def test_concurrent_imports_from_real_processes_lose_nothing(db_url, tmp_path):
    """Four processes import a list each at the same moment, with overlapping names (kept both): every list
    and every record is there afterwards. (`lob-kompas bench --decaan` runs 20 such trials per database.)"""
    catalogue().version()  # migrate once, as the app does at start
    concurrent_imports(db_url, 4, tmp_path / "run")
    store = type(catalogue())(db_url)
    lists = store.lists()
    assert len(lists) == 4 and all(i.aantal == 25 and i.actief == 25 for i in lists)
    records = store.records()
    assert len(records) == 100 and len({r.id for r in records}) == 100
    assert {r.omschrijving for r in records} == {f"lijst {n} rij {i}" for n in range(4) for i in range(25)}

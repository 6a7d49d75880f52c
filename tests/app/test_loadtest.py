"""Smoke test of the load tool (scripts/loadtest.py): 2 users, 1 round, against a server this test starts.

The tool speaks Streamlit's websocket protocol; this checks that it still drives the real app (form submit
shows routes, a question gets sources) with the installed Streamlit version, and that it measures the server.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))  # browser_helpers, loadtest
import browser_helpers as bh  # noqa: E402

pytestmark = pytest.mark.slow
INDEX_CACHE = "lob_kompas_index"  # the pytest cache key of tests/retrieval/conftest.py and test_browser.py


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("loadtest", bh.REPO / "scripts" / "loadtest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file is executed
    spec.loader.exec_module(module)
    return module


def test_two_users_one_round(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> None:
    tool = _load_tool()
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    env.setdefault("LOB_HOME", str(tmp_path_factory.mktemp("lob_home")))
    bh.ensure_index(env, vectors_cache=Path(request.config.cache.mkdir(INDEX_CACHE)))  # a no-op when cached
    args = tool.parse_args(["--users", "2", "--rounds", "1", "--max-seconds", "120", "--timeout", "60"])
    report = tool.run(args, env)
    [level] = report["levels"]
    assert level["errors"] == 0, level["error_examples"]
    assert level["interactions"] == 2 * len(tool.INTERACTIONS)
    assert set(level["latency"]) == {*tool.INTERACTIONS, "all"}
    assert 0 < level["latency"]["all"]["median"] <= level["latency"]["all"]["max"]
    assert level["rss_peak_mb"] > 50 and level["server_cpu_pct"] > 0


def test_informatieavond_behind_nginx(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> None:
    """A tiny informatieavond against `lob-kompas serve --workers 2`: parents in all six languages open the
    parents' page with its static files, ask a suggested and an own question; a mentor runs advice."""
    tool = _load_tool()
    env = dict(os.environ, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    env.setdefault("LOB_HOME", str(tmp_path_factory.mktemp("lob_home")))
    bh.ensure_index(env, vectors_cache=Path(request.config.cache.mkdir(INDEX_CACHE)))
    args = tool.parse_args(
        [
            "--scenario",
            "informatieavond",
            "--workers",
            "2",
            "--parents",
            "6",
            "--mentors",
            "1",
            "--arrival-seconds",
            "3",
            "--read-seconds",
            "0.5",
            "--mentor-every",
            "2",
            "--max-seconds",
            "240",
        ]
    )
    report = tool.run(args, env)
    assert report["errors"] == 0, report["error_examples"]
    latency = report["latency"]
    for name in ("parents_assets", "parents_open", "question_suggested", "question_own", "mentor_open"):
        assert latency[name]["n"] >= (6 if name.startswith(("parents", "question")) else 1), (name, latency[name])
        assert 0 < latency[name]["p50"] <= latency[name]["p95"] <= latency[name]["p99"] <= latency[name]["max"]
    assert set(report["processes"]) == {"worker-1", "worker-2", "nginx"}
    assert all(p["rss_peak_mb"] > 10 for p in report["processes"].values())
    assert all(report["suggested_questions"][lang] for lang in report["languages"]), "suggested questions per language"
    assert "| parents: open page, total |" in tool.scenario_tables(report)


def test_refuses_unbounded_load() -> None:
    tool = _load_tool()
    with pytest.raises(SystemExit):
        tool.parse_args(["--users", str(tool.MAX_USERS + 1)])
    with pytest.raises(SystemExit):
        tool.parse_args(["--rounds", "0"])
    with pytest.raises(SystemExit):
        tool.parse_args(["--scenario", "informatieavond", "--parents", str(tool.MAX_PARENTS + 1)])
    with pytest.raises(SystemExit):
        tool.parse_args(["--max-seconds", "7200"])

"""The fuzz suite's bookkeeping: every generated input is counted per category with its outcome, and the
counts are printed at the end of the run and written to ``test-artifacts/fuzz_counts.json``.

Outcomes: ``clean`` (a result, or a refusal with a message in the user's language), ``traceback`` (an
exception escaped, or a message that was not for a user), ``lost`` (data lost or changed on failure).
The closing numbers of issue 15 are this table: ``pytest tests/fuzz`` (default
profile) or ``pytest tests/fuzz --hypothesis-profile=long``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.fuzz.helpers import TALLY, Tally

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def tally() -> Tally:
    return TALLY


def pytest_terminal_summary(terminalreporter: Any) -> None:
    rows = TALLY.rows()
    if not rows:
        return
    tw = terminalreporter
    tw.section("fuzz counts (issue 15)")
    tw.write_line(f"{'category':<22} {'tried':>6} {'clean':>6} {'tracebacks':>10} {'data lost':>9} {'slowest s':>9}")
    for r in rows:
        tw.write_line(
            f"{r['category']:<22} {r['tried']:>6} {r['handled_cleanly']:>6} {r['tracebacks']:>10} "
            f"{r['data_lost']:>9} {r['slowest_s']:>9}"
        )
    total = {k: sum(r[k] for r in rows) for k in ("tried", "handled_cleanly", "tracebacks", "data_lost")}
    tw.write_line(
        f"{'total':<22} {total['tried']:>6} {total['handled_cleanly']:>6} {total['tracebacks']:>10} "
        f"{total['data_lost']:>9}"
    )
    out = REPO / "test-artifacts" / "fuzz_counts.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "profile_max_examples": settings.default.max_examples,
                "rows": rows,
                "total": total,
                "seconds": round(time.perf_counter() - TALLY.started, 1),
            },
            indent=1,
        )
    )

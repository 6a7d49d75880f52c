#!/usr/bin/env bash
# Install with the test extras, make sure a headless Chromium is there for the browser test, run lint and tests.
# Usage: scripts/test.sh [--fast] [PYTEST ARGS...]
#   --fast  skip what needs the embedding model, the index or a browser (marker "slow"): a quick lane
#           for your own loop. Without it (the README's command, and CI) everything runs.
set -euo pipefail
fast=""
if [ "${1:-}" = "--fast" ]; then fast="1"; shift; fi
cd "$(dirname "$0")/.."
bash scripts/install.sh test
. .venv/bin/activate
if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
if ! command -v chromium >/dev/null 2>&1; then
  # Debian's Chromium; the browser test drives it with Playwright (no browser download of its own).
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium fonts-noto-color-emoji fonts-dejavu-core >/dev/null || echo "warning: chromium not installed; browser tests will fail"
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  # Debian's poppler-utils: the report tests read the verslag PDF back as text (tests/app/test_report.py)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq poppler-utils >/dev/null || echo "warning: poppler-utils not installed; the report tests will fail"
fi
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  # Debian's nginx: `lob-kompas serve` puts it in front of several app processes (tests/app/test_serve.py).
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq nginx >/dev/null || echo "warning: nginx not installed; the serve tests will fail"
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  # Debian's PostgreSQL: the database tests start a throwaway cluster of their own (app/bench/pgcluster.py)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq postgresql >/dev/null || echo "warning: postgresql not installed; database tests will fail"
fi
ruff check knowledge retrieval recommender app tests scripts
ruff format --check knowledge retrieval recommender app tests scripts
mypy
export LOB_HOME="${LOB_HOME:-$(mktemp -d)}"
mkdir -p test-artifacts
if [ -n "$fast" ]; then
  python -m pytest -q -m "not slow" "$@"
else
  # the slowest tests are listed: the suite must stay under 15 minutes on CI's two cores
  python -m pytest -q --durations=15 "$@"
fi

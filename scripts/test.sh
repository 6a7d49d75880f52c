#!/usr/bin/env bash
# Install with the test extras, make sure a headless Chromium is there for the browser test, run lint and tests.
# Usage: scripts/test.sh [--fast] [PYTEST ARGS...]
#   --fast  skip what needs the embedding model, the index or a browser (marker "slow"): a quick lane
#           for your own loop. Without it (the README's command, and CI) everything runs.
set -euo pipefail
fast=""
if [ "${1:-}" = "--fast" ]; then fast="1"; shift; fi
cd "$(dirname "$0")/.."
if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
# Debian's packages the tests use, where missing, in one apt run beside pip's install (a fresh CI machine lacks them
# all; one update instead of four, and neither waits for the other):
#   chromium (+ fonts): the browser tests drive it with Playwright (no browser download of its own);
#   poppler-utils: the report tests read the verslag PDF back as text (tests/app/test_report.py);
#   nginx: `lob-kompas serve` puts it in front of several app processes (tests/app/test_serve.py);
#   postgresql: the database tests start a throwaway cluster of their own (app/bench/pgcluster.py).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-noto-color-emoji fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
mkdir -p test-artifacts
apt_pid=""
if [ "${#missing[@]}" -gt 0 ]; then
  ( $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" ) \
    >test-artifacts/apt.log 2>&1 &
  apt_pid=$!
fi
bash scripts/install.sh test
if [ -n "$apt_pid" ] && ! wait "$apt_pid"; then
  echo "warning: could not install ${missing[*]} (test-artifacts/apt.log); the tests that need them will fail"
fi
. .venv/bin/activate
ruff check knowledge retrieval recommender app tests scripts
ruff format --check knowledge retrieval recommender app tests scripts
mypy
export LOB_HOME="${LOB_HOME:-$(mktemp -d)}"
if [ -n "$fast" ]; then
  python -m pytest -q -m "not slow" "$@"
else
  # the slowest tests are listed: the suite must stay under 15 minutes on CI's two cores
  python -m pytest -q --durations=15 "$@"
fi

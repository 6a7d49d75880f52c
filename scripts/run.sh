#!/usr/bin/env bash
# Install (once; later runs skip it while pyproject.toml is unchanged) and start the app.
# The search index ships with the code (retrieval/prebuilt), so a fresh clone starts in seconds without
# embedding anything. After a local edit of knowledge/data, run `lob-kompas build` once to embed the
# changed chunks with progress on the terminal (otherwise the app does it silently at the first question).
# Arguments go to `lob-kompas app`, e.g. --port 8502 or --address 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/lob-kompas app "$@"

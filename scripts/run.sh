#!/usr/bin/env bash
# Install (once; later runs skip it while pyproject.toml is unchanged), check the knowledge and its search
# index, start the app. The index ships with the code (retrieval/prebuilt), so a fresh clone starts in
# seconds without embedding anything; after a local edit of knowledge/data, `lob-kompas build` embeds only
# the changed chunks here, with progress on the terminal, before the app starts.
# Arguments go to `lob-kompas app`, e.g. --port 8502 or --address 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. .venv/bin/activate
lob-kompas build
exec lob-kompas app "$@"

#!/usr/bin/env bash
# Install, build the search index (once; reused while the knowledge is unchanged) and start the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. .venv/bin/activate
lob-kompas validate
lob-kompas build
exec lob-kompas app "$@"

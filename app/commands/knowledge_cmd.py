"""``lob-kompas validate``, ``stats`` and ``inventaris``: check, count and compare the knowledge base."""

from __future__ import annotations

import argparse

from app.commands.common import load_kb, print_json
from knowledge.inventory import compare_inventory


def _validate(args: argparse.Namespace) -> int:
    kb = load_kb(args.data_dir)
    if args.json:
        print_json({"ok": True, "counts": kb.counts(), "content_hash": kb.content_hash})
        return 0
    print("Kennisbank in orde.")
    for kind, n in kb.counts().items():
        print(f"  {kind:<16} {n:>5}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    kb = load_kb(args.data_dir)
    if args.json:
        print_json(kb.counts())
    else:
        for kind, n in kb.counts().items():
            print(f"{kind}\t{n}")
    return 0


def _inventaris(args: argparse.Namespace) -> int:
    rows = compare_inventory(load_kb(args.data_dir))
    if args.json:
        print_json([{**r.model_dump(), "verschil": r.verschil} for r in rows])
        return 0
    print("De 70 initiatieven van de inventarisatie 2023: onze indeling naast de tabellen van het rapport")
    print(f"{'dimensie':<20} {'code':<28} {'ons':>4} {'rapport':>7} {'verschil':>8}  bron")
    for r in rows:
        print(f"{r.dimensie:<20} {r.code:<28} {r.ons:>4} {r.rapport:>7} {r.verschil:>+8}  {r.bron}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    for name, handler, text in (
        ("validate", _validate, "controleer de hele kennisbank en toon aantallen per soort"),
        ("stats", _stats, "aantallen per soort (met --json als JSON)"),
        ("inventaris", _inventaris, "onze indeling van de 70 initiatieven naast tabel 3.1-3.6 van het rapport"),
    ):
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("--data-dir", default=None, help="een andere map met kennisbestanden (voor tests)")
        p.add_argument("--json", action="store_true", help="uitvoer als JSON")
        p.set_defaults(handler=handler)

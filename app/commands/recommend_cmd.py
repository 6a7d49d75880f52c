"""``lob-kompas recommend``: routes and activities for one pupil profile (JSON file or stdin).

    lob-kompas recommend --profile leerling.json [--json] [-n 5]
    cat leerling.json | lob-kompas recommend --json
    lob-kompas recommend --vocab --json

The profile is read, used and forgotten: it is never logged or written anywhere.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.common import UserError, load_kb, print_json
from knowledge import KnowledgeError, load_knowledge
from knowledge.i18n.formats import format_km
from recommender.advies import recommend, vocab
from recommender.initiatives import own_initiatives
from recommender.models import Advies
from recommender.profile import Profiel, ProfielError, parse_profiel


def _read_profile(arg: str | None) -> Profiel:
    if arg in (None, "-"):
        if arg is None and sys.stdin.isatty():
            raise UserError("geef een profiel: --profile BESTAND.json, of stuur het JSON-profiel via stdin "
                            "(velden en waarden: lob-kompas recommend --vocab)")
        text = sys.stdin.read()
    else:
        path = Path(arg)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UserError(f"profielbestand '{arg}' bestaat niet") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"kan profielbestand '{arg}' niet lezen: {exc}") from None
    if not text.strip():
        raise UserError("het profiel is leeg; verwacht een JSON-object (zie lob-kompas recommend --vocab)")
    try:
        return parse_profiel(text)
    except ProfielError as exc:
        raise UserError(str(exc)) from None


def _print_human(advies: Advies) -> None:
    for m in advies.meldingen:
        print(f"Let op: {m['nl']}")
    if advies.routes:
        print("Routes")
        print("======")
    for i, r in enumerate(advies.routes, 1):
        o = r.opleiding
        profiel = f"vmbo {r.vmbo_profiel} -> " if r.vmbo_profiel else ""
        print(f"\n{i}. {profiel}{o.naam} (mbo niveau {o.niveau}, {'/'.join(o.leerwegen)}) -> {', '.join(r.beroepen)}")
        delen = ", ".join(f"{k} {v:+.2f}" for k, v in r.score_delen.items())
        print(f"   score {r.score:.2f}  ({delen})")
        for taal, tekst in r.uitleg.items():
            print(f"   [{taal}] {tekst}")
        print(f"   {r.volgende_stap.tekst['nl']}")
        print(f"   bronnen: {', '.join(r.bronnen)}")
    if advies.waarom_techniek:
        print(f"\nWaarom techniek kan passen: {advies.waarom_techniek['nl']}")
    if advies.activiteiten:
        print("\nActiviteiten")
        print("============")
    for a in advies.activiteiten:
        waar = "landelijk/online" if a.landelijk else (
            format_km(a.afstand_km, "nl") if a.afstand_km is not None else "afstand onbekend")
        print(f"- {a.naam} ({waar}): {a.reden}")
    zt = advies.zonder_techniekprofiel
    if zt:
        print("\nGeen techniekprofiel op school")
        print("==============================")
        print(zt.uitleg["nl"])
        for mog in zt.mogelijkheden:
            bron = f" [{mog.bron}]" if mog.bron else ""
            print(f"- {mog.tekst['nl']}{bron}")


def _recommend(args: argparse.Namespace) -> int:
    if args.vocab:
        kb = None
        try:
            kb = load_knowledge(args.data_dir)
        except KnowledgeError:
            kb = None  # the fixed vocabularies still print
        lists = vocab(kb)
        if args.json:
            print_json(lists)
        else:
            for field, values in lists.items():
                print(f"{field}: {', '.join(values)}")
        return 0
    if args.n < 1 or args.n > 20:
        raise UserError("-n moet tussen 1 en 20 liggen")
    profiel = _read_profile(args.profile)
    kb = load_kb(args.data_dir)
    try:
        advies = recommend(kb, profiel, n=args.n, eigen_initiatieven=own_initiatives())
    except ProfielError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print_json(advies.model_dump(mode="json"))
    else:
        _print_human(advies)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    text = "kansrijke techniekroutes en activiteiten voor één leerlingprofiel, elk met uitleg"
    p = sub.add_parser("recommend", help=text, description=text)
    p.add_argument("--profile", default=None, metavar="BESTAND",
                   help="profiel als JSON-bestand; '-' of weglaten leest stdin")
    p.add_argument("-n", type=int, default=5, help="aantal routes (standaard 5)")
    p.add_argument("--vocab", action="store_true", help="toon per profielveld de toegestane waarden")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.add_argument("--data-dir", default=None, help="een andere map met kennisbestanden (voor tests)")
    p.set_defaults(handler=_recommend)

"""``lob-kompas interesse``: the picture-based interest check from the command line.

    lob-kompas interesse --items [--json]                 # the item bank: id, words, picture, what it measures
    lob-kompas interesse --answers antwoorden.json [--json]   # scores per value + the profile fields it fills
    cat antwoorden.json | lob-kompas interesse --answers - --json
    lob-kompas interesse --betrouwbaarheid [--json]       # reliability with simulated pupils

An answers file is a JSON object from item id to leuk / weet_niet / niet_leuk. It is read, scored and
forgotten: nothing is logged or written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.common import UserError, print_json
from recommender.interest import (
    ANTWOORDEN,
    AntwoordenError,
    Item,
    ItemBankError,
    Uitslag,
    load_items,
    parse_antwoorden,
    picture_path,
    scoor,
)

MAX_ANSWERS_BYTES = 1_000_000  # an answers file for 30 items is about 1 kB


def _items() -> tuple[Item, ...]:
    try:
        return load_items()
    except ItemBankError as exc:
        raise UserError(str(exc)) from None


def _read_answers(arg: str) -> str:
    if arg == "-":
        if sys.stdin.isatty():
            raise UserError("stuur de antwoorden (JSON) via stdin, of geef --answers BESTAND.json")
        text = sys.stdin.read(MAX_ANSWERS_BYTES + 1)
    else:
        path = Path(arg)
        try:
            if path.stat().st_size > MAX_ANSWERS_BYTES:
                raise UserError(f"antwoordenbestand '{arg}' is groter dan 1 MB; verwacht een klein JSON-object")
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UserError(f"antwoordenbestand '{arg}' bestaat niet") from None
        except IsADirectoryError:
            raise UserError(f"'{arg}' is een map, geen antwoordenbestand") from None
        except UnicodeDecodeError:
            raise UserError(f"antwoordenbestand '{arg}' is geen UTF-8-tekst; verwacht JSON") from None
        except OSError as exc:
            raise UserError(f"kan antwoordenbestand '{arg}' niet lezen: {exc.strerror or exc}") from None
    if len(text.encode("utf-8")) > MAX_ANSWERS_BYTES:
        raise UserError("de antwoorden zijn groter dan 1 MB; verwacht een klein JSON-object")
    if not text.strip():
        raise UserError(
            'de antwoorden zijn leeg; verwacht bv. {"scooter_repareren": "leuk"} '
            "(item-ids: lob-kompas interesse --items)"
        )
    return text


def _print_items(items: tuple[Item, ...]) -> None:
    for item in items:
        print(f"{item.id:24} {item.woorden['nl']}  [meet: {', '.join(item.meet)}]")
    print(f"\n{len(items)} items; antwoorden: {', '.join(ANTWOORDEN)}")


def _print_uitslag(uitslag: Uitslag) -> None:
    print(
        f"{uitslag.beantwoord} van {uitslag.totaal} items beantwoord; "
        + ", ".join(f"{k}: {v}" for k, v in uitslag.antwoorden.items())
    )
    print(f"\n{'waarde':22} {'soort':12} {'items':>5} {'leuk':>5} {'weet':>5} {'niet':>5} {'score':>6}")
    for s in sorted(uitslag.scores, key=lambda s: (s.soort, -s.score)):
        print(f"{s.waarde:22} {s.soort:12} {s.items:5} {s.leuk:5} {s.weet_niet:5} {s.niet_leuk:5} {s.score:6.2f}")
    for field, deel in (("interesses", uitslag.interesses), ("werkvoorkeuren", uitslag.werkvoorkeuren)):
        top = ", ".join(deel.top) or "-"
        print(f"\n{field}: {top}  ({deel.status})")
    if uitslag.probeer:
        print("\nNog geen duidelijk beeld: probeer deze activiteiten eens uit: " + ", ".join(uitslag.probeer))


def _interesse(args: argparse.Namespace) -> int:
    chosen = sum(bool(x) for x in (args.items, args.answers is not None, args.betrouwbaarheid))
    if chosen != 1:
        raise UserError("kies één van: --items, --answers BESTAND, --betrouwbaarheid")
    items = _items()
    if args.items:
        if args.json:
            print_json(
                [
                    {
                        "id": i.id,
                        "woorden": i.woorden,
                        "plaatje": i.plaatje,
                        "plaatje_pad": str(picture_path(i)),
                        "meet": list(i.meet),
                    }
                    for i in items
                ]
            )
        else:
            _print_items(items)
        return 0
    if args.betrouwbaarheid:
        from recommender.interest.simulation import betrouwbaarheid

        if not 1 <= args.simulaties <= 100_000:
            raise UserError("--simulaties moet tussen 1 en 100000 liggen")
        if not 0.0 <= args.ruis <= 1.0:
            raise UserError("--ruis is een kans tussen 0 en 1, bv. 0.15")
        rows = [
            betrouwbaarheid(items, args.simulaties, args.ruis, kind, werk, args.seed).model_dump()
            for kind in ("willekeurig", "twijfel")
            for werk in (False, True)
        ]
        if args.json:
            print_json(rows)
        else:
            for r in rows:
                werk = f", werkvoorkeur terug {r['werkvoorkeur_terug']:.1%}" if r["met_werkvoorkeur"] else ""
                print(
                    f"ruis {r['ruis']:.0%} ({r['soort_ruis']}){' + werkvoorkeur' if r['met_werkvoorkeur'] else ''}: "
                    f"interesses terug {r['interesses_terug']:.1%}{werk} ({r['simulaties']} leerlingen)"
                )
        return 0
    try:
        antwoorden = parse_antwoorden(_read_answers(args.answers), items)
    except AntwoordenError as exc:
        raise UserError(str(exc)) from None
    uitslag = scoor(items, antwoorden)
    if args.json:
        print_json(uitslag.model_dump(mode="json"))
    else:
        _print_uitslag(uitslag)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    text = "de interessecheck met plaatjes: items tonen, antwoorden scoren, betrouwbaarheid meten"
    p = sub.add_parser("interesse", help=text, description=text)
    p.add_argument("--items", action="store_true", help="toon de items (id, woorden per taal, plaatje, meet)")
    p.add_argument(
        "--answers",
        default=None,
        metavar="BESTAND",
        help="JSON-object item-id -> leuk/weet_niet/niet_leuk; '-' leest stdin",
    )
    p.add_argument(
        "--betrouwbaarheid",
        action="store_true",
        help="hoe vaak gesimuleerde leerlingen hun eigen interesses terugkrijgen",
    )
    p.add_argument("--simulaties", type=int, default=1000, help="aantal gesimuleerde leerlingen (standaard 1000)")
    p.add_argument("--ruis", type=float, default=0.15, help="kans dat een antwoord verandert (standaard 0.15)")
    p.add_argument("--seed", type=int, default=16, help="seed van de simulatie (standaard 16)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(handler=_interesse)

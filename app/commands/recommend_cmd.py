"""``lob-kompas recommend`` and ``lob-kompas verslag``: advice and the verslag for one pupil profile.

    lob-kompas recommend --profile leerling.json [--json] [-n 5]
    cat leerling.json | lob-kompas recommend --json
    lob-kompas recommend --vocab --json
    lob-kompas verslag --profile leerling.json --taal tr -o verslag.pdf

The profile is read, used and forgotten: it is never logged or written anywhere.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.common import UserError, load_kb, print_json
from knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from knowledge.i18n.formats import format_km
from knowledge.schema import Initiatief
from recommender.advies import recommend, vocab
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
        advies = recommend(kb, profiel, n=args.n, eigen_initiatieven=_own_initiatives(kb))
    except ProfielError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print_json(advies.model_dump(mode="json"))
    else:
        _print_human(advies)
    return 0


def _verslag(args: argparse.Namespace) -> int:
    from app.report import ReportError, build_html, build_pdf

    profiel = _read_profile(args.profile)
    if args.taal:
        profiel = profiel.model_copy(update={"taal_ouders": args.taal})
    fmt = args.format or ("html" if str(args.output).lower().endswith((".html", ".htm")) else "pdf")
    target = Path(args.output)
    if target.is_dir():
        raise UserError(f"'{target}' is een map; geef een bestandsnaam, bv. {target / f'verslag.{fmt}'}")
    if not target.parent.is_dir():
        raise UserError(f"de map '{target.parent}' bestaat niet")
    kb = load_kb(args.data_dir)
    try:
        own = _own_initiatives(kb)
        advies = recommend(kb, profiel, eigen_initiatieven=own)
        places = {i.id: i for i in own}  # where the school's own activities take place, for the next step
        if fmt == "pdf":
            data: bytes = build_pdf(kb, profiel, advies, profiel.taal_ouders, places)
        else:
            data = build_html(kb, profiel, advies, profiel.taal_ouders, places).encode("utf-8")
    except (ProfielError, ReportError) as exc:
        raise UserError(str(exc)) from None
    # write beside the target and rename: a reader never sees half a file, a failure leaves nothing behind
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"kan '{target}' niet schrijven: {exc.strerror or exc}") from None
    if args.json:
        print_json({"bestand": str(target), "formaat": fmt, "talen": advies.talen, "bytes": len(data)})
    else:
        print(f"verslag geschreven: {target} ({fmt}, {' + '.join(advies.talen)})")
    return 0


def _own_initiatives(kb: KnowledgeBase) -> list[Initiatief]:
    """The school's own imported activities, so the verslag names the same activities as the app."""
    from recommender.initiatives import UserCatalogueError, load_user_catalogue

    try:
        return load_user_catalogue(kb)
    except UserCatalogueError:
        return []


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

    text = "het gespreksverslag voor leerling en ouders (PDF of HTML), Nederlands plus de taal van de ouders"
    v = sub.add_parser("verslag", help=text, description=text)
    v.add_argument("--profile", default=None, metavar="BESTAND",
                   help="profiel als JSON-bestand; '-' of weglaten leest stdin")
    v.add_argument("--taal", choices=vocab_talen(), default=None,
                   help="taal van de ouders (standaard: taal_ouders uit het profiel)")
    v.add_argument("-o", "--output", required=True, metavar="BESTAND", help="uitvoerbestand, .pdf of .html")
    v.add_argument("--format", choices=("pdf", "html"), default=None, help="standaard: volgens de bestandsnaam")
    v.add_argument("--json", action="store_true", help="meld het resultaat als JSON")
    v.add_argument("--data-dir", default=None, help="een andere map met kennisbestanden (voor tests)")
    v.set_defaults(handler=_verslag)


def vocab_talen() -> tuple[str, ...]:
    from knowledge.vocab import TALEN

    return TALEN

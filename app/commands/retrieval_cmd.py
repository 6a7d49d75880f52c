"""``lob-kompas build | ask | ingest | documents | search | eval``: the retrieval index and the multilingual assistant."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import UserError, count_type, load_kb, print_json, read_stdin
from knowledge.vocab import TALEN


def _assistant(args: argparse.Namespace, **kwargs: object):  # type: ignore[no-untyped-def]
    from retrieval.assistant import Assistant
    from retrieval.llm import LLMConfigError

    try:
        return Assistant.from_default(load_kb(), **kwargs)  # type: ignore[arg-type]
    except LLMConfigError as exc:
        raise UserError(str(exc)) from exc
    except RuntimeError as exc:  # embedding model cannot be loaded
        raise UserError(str(exc)) from exc


def _build(args: argparse.Namespace) -> int:
    from retrieval.embeddings import get_embeddings
    from retrieval.index import open_knowledge_index, ship_knowledge_index, shipped_index_dir

    kb = load_kb()
    try:
        emb = get_embeddings()
    except RuntimeError as exc:
        raise UserError(str(exc)) from exc
    if args.ship:
        report = ship_knowledge_index(kb, emb)
    else:
        _, report = open_knowledge_index(kb, emb, force=args.force, shipped=shipped_index_dir())
    data = {
        "status": report.status,
        "reason": report.reason,
        "chunks": report.chunks,
        "embedded": report.embedded,
        "seconds": round(report.seconds, 2),
        "size_bytes": report.size_bytes,
        "model": emb.name,
        "shipped": bool(args.ship or report.status == "shipped"),
    }
    if args.json:
        print_json(data)
    elif args.ship:
        what = {
            "loaded": "Meegeleverde index is actueel (niets te doen)",
            "built": f"Meegeleverde index gebouwd in {shipped_index_dir()} (commit die map mee)",
        }[report.status]
        print(
            f"{what}: {report.chunks} stukken, {report.embedded} nieuw ge-embed, {report.seconds:.1f} s, "
            f"{report.size_bytes / 1e6:.1f} MB (model {emb.name})"
        )
        return 0
    else:
        what = {
            "loaded": "Index is actueel (niets te doen)",
            "built": "Index gebouwd",
            "rebuilt": "Index opnieuw gebouwd",
            "shipped": "De meegeleverde index past bij de kennisbank (niets te doen)",
        }[report.status]
        print(
            f"{what}: {report.chunks} stukken, {report.embedded} nieuw ge-embed, {report.seconds:.1f} s, "
            f"{report.size_bytes / 1e6:.1f} MB (model {emb.name})"
        )
    return 0


def _ask(args: argparse.Namespace) -> int:
    from knowledge.i18n import t

    question = " ".join(args.question) if args.question else ""
    if question == "-":
        question = read_stdin()
    assistant = _assistant(args, llm=None if args.no_llm else "env")
    answer = assistant.ask(question, lang=args.lang, previous=args.previous or ())
    if args.json:
        print_json(answer.model_dump(mode="json"))
        return 2 if answer.status == "bad_input" else 0
    if answer.status == "bad_input":
        raise UserError(answer.answer)
    if answer.notice and answer.notice not in answer.answer:
        print(f"[{answer.notice}]")
    print(answer.answer)
    if answer.quote is not None:
        print(f"\n{answer.quote.label}:\n> " + "\n> ".join(answer.quote.text.splitlines()))
    if answer.sources:
        print(f"\n{t('assistant.sources_label', answer.language)}: " + "; ".join(s.label for s in answer.sources))
    if args.details and answer.details:
        print(f"\n{t('assistant.read_more', answer.language)}:\n{answer.details}")
    return 0


def _ingest(args: argparse.Namespace) -> int:
    from retrieval.chunking import DocumentError
    from retrieval.embeddings import get_embeddings
    from retrieval.index import ingest_files

    try:
        report = ingest_files([Path(p) for p in args.paths], get_embeddings())
    except DocumentError as exc:
        raise UserError(str(exc)) from exc
    data = {
        "files": report.files,
        "chunks": report.chunks,
        "embedded": report.embedded,
        "seconds": round(report.seconds, 2),
        "total_chunks": report.total_chunks,
    }
    if args.json:
        print_json(data)
    else:
        print(
            f"Toegevoegd: {', '.join(report.files)} ({report.chunks} stukken, {report.seconds:.1f} s). "
            f"Totaal eigen documenten: {report.total_chunks} stukken."
        )
    return 0


def _documents(args: argparse.Namespace) -> int:
    from knowledge.i18n.formats import format_date
    from recommender.initiatives.db import DatabaseError
    from retrieval.registry import registered_documents

    try:
        docs = registered_documents(include_removed=args.all)
    except DatabaseError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print_json([d.model_dump(mode="json") for d in docs])
        return 0
    if not docs:
        print("Nog geen eigen documenten (voeg ze toe met 'lob-kompas ingest').")
        return 0
    for d in docs:
        local = d.op.astimezone()  # stored in UTC; shown in this computer's time
        when = f"{format_date(local.date(), 'nl')} {local:%H:%M}"
        removed = f", vervangen op {format_date(d.verwijderd_op.astimezone().date(), 'nl')}" if d.verwijderd_op else ""
        pieces = "1 stuk" if d.stukken == 1 else f"{d.stukken} stukken"
        size = f"{d.bytes} bytes" if d.bytes < 1000 else f"{d.bytes / 1000:.0f} kB"
        print(f"{d.naam}: {pieces}, {size}, door {d.door} ({d.hoe}) op {when}{removed}  sha256 {d.sha256[:12]}")
    return 0


def _search(args: argparse.Namespace) -> int:
    assistant = _assistant(args, llm=None)
    filters = {}
    for key in ("kind", "language", "source"):
        value = getattr(args, key)
        if value:
            filters[key] = value
    hits = assistant.search(" ".join(args.query), k=args.k, filters=filters or None, mode=args.mode)
    if args.json:
        print_json([h.model_dump(mode="json") for h in hits])
        return 0
    for i, h in enumerate(hits, 1):
        dense = "-" if h.dense is None else f"{h.dense:.3f}"
        print(
            f"{i}. {h.source} [{h.kind}, {h.language}] {h.title}  (rrf {h.score:.4f}, dense {dense}, "
            f"bm25 {h.bm25 or 0:.2f})"
        )
        print("   " + " ".join(h.text.split())[:200])
    return 0


def _eval(args: argparse.Namespace) -> int:
    from retrieval.evaluation import HOLDOUT_FILE, format_replies, format_table, load_questions, run_eval
    from retrieval.search import Mode

    assistant = _assistant(args, llm=None, include_userdocs=False)
    sets = (
        [("file", Path(args.file))]
        if args.file
        else [("development", None)] + ([] if args.no_holdout else [("held-out", HOLDOUT_FILE)])
    )
    results = {}
    for name, path in sets:
        questions = load_questions(path)
        if not questions:  # no held-out set in place (it is written and measured independently)
            continue
        modes: tuple[Mode, ...] = ("fused",) if name == "held-out" else ("fused", "bm25", "dense")
        results[name] = run_eval(assistant, questions, modes=modes)
    if args.json:
        for result in results.values():
            if not args.rows:
                result.pop("rows")
        # the default sets keep their names (also while no held-out set is in place); --file prints its one set
        print_json(next(iter(results.values())) if args.file else results)
        return 0
    for name, result in results.items():
        print(f"### {name}: {result['questions']} vragen")
        print(format_table(result))
        print(format_replies(result["replies"], f"replies ({name}, fused)"))
        print()
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="bouw (of controleer) de zoekindex van de kennisbank",
        description="Bouw de zoekindex in $LOB_HOME/index. Een actuele index wordt alleen geladen.",
    )
    p.add_argument("--force", action="store_true", help="altijd opnieuw bouwen (ongewijzigde stukken hergebruikt)")
    p.add_argument(
        "--ship",
        action="store_true",
        help="bouw de index die met de code meegaat (retrieval/prebuilt/); na elke kenniswijziging",
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(handler=_build)

    p = sub.add_parser(
        "ask",
        help="stel een vraag aan de assistent (nl, en, tr, ar, pl, uk)",
        description="Antwoord uit de kennisbank en eigen documenten, in de taal van de vraag, met bronnen.",
    )
    p.add_argument("question", nargs="*", help="de vraag ('-' leest van stdin)")
    p.add_argument("--lang", choices=TALEN, help="antwoordtaal (standaard: taal van de vraag)")
    p.add_argument(
        "--previous",
        action="append",
        metavar="EERDER",
        help="een eerdere vraag uit hetzelfde gesprek (herhaalbaar, oudste eerst)",
    )
    p.add_argument("--details", action="store_true", help="ook de langere tekst ('lees meer') tonen")
    p.add_argument("--no-llm", action="store_true", help="geen taalmodel gebruiken, ook als het is ingesteld")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(handler=_ask)

    p = sub.add_parser(
        "ingest",
        help="voeg eigen documenten toe (.txt, .md, .pdf, .docx)",
        description="Voeg documenten toe aan de eigen-documentenopslag in $LOB_HOME/userdocs.",
    )
    p.add_argument("paths", nargs="+", help="bestanden")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(handler=_ingest)

    p = sub.add_parser(
        "documents",
        help="toon de eigen documenten (naam, stukken, wie, wanneer)",
        description="Het register van toegevoegde documenten in de database (LOB_DATABASE_URL of "
        "SQLite in $LOB_HOME): naam, sha256, stukken, grootte, wie, hoe, wanneer.",
    )
    p.add_argument("--all", action="store_true", help="ook vervangen versies tonen")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(handler=_documents)

    p = sub.add_parser(
        "search",
        help="zoek stukken tekst (hybride, bm25 of dense)",
        description="Zoek in de index; toont bron, scores en een stukje tekst.",
    )
    p.add_argument("query", nargs="+")
    p.add_argument("-k", type=count_type("k", maximum=200), default=5, help="aantal resultaten (1-200)")
    p.add_argument("--mode", choices=("fused", "bm25", "dense"), default="fused")
    p.add_argument("--kind", action="append", help="filter op soort (artikel, beroep, opleiding, initiatief, ...)")
    p.add_argument("--language", action="append", choices=TALEN, help="filter op taal")
    p.add_argument("--source", action="append", help="filter op bron, bv. artikel:bol_bbl")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(handler=_search)

    p = sub.add_parser(
        "eval",
        help="meet de assistent op de ontwikkelset en de achtergehouden set (per taal)",
        description="Recall@5, MRR, feiten, taal en weigeren per taal (fused, BM25, dense), en per taal "
        "de antwoorden: juiste feiten, geweigerd, off-topic afgewezen, elk zichtbaar woord in "
        "de taal, woorden per antwoord, vervolgvragen; de achtergehouden set apart.",
    )
    p.add_argument("--file", help="een andere vragenset (YAML), in plaats van beide standaardsets")
    p.add_argument("--no-holdout", action="store_true", help="alleen de ontwikkelset")
    p.add_argument("--rows", action="store_true", help="met --json: ook de score per vraag")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.set_defaults(handler=_eval)

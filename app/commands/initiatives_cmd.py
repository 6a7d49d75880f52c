"""``lob-kompas initiatives``, ``initiatives-import`` and ``gaps``: find activities, import a list, find gaps.

All logic lives in :mod:`recommender.initiatives`, :mod:`recommender.initiatives.gaps` and
:mod:`recommender.initiatives.table_io`; this module only parses arguments and prints.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any

from pydantic import ValidationError

from app.commands.common import UserError, count_type, load_kb, output_path, print_json
from knowledge.campus_audit import campus_comparison, comparison_markdown
from knowledge.errors import format_validation_error
from knowledge.loader import KnowledgeBase
from knowledge.sources import source_label
from knowledge.vocab import DIMENSIES
from recommender.initiatives.catalogue import UserCatalogueError, load_user_catalogue, user_catalogue_path
from recommender.initiatives.codes import label
from recommender.initiatives.gaps import DEFAULT_KM, gap_analysis
from recommender.initiatives.search import InitiativeFilter, InitiativeHit, TextSearch, search_initiatives
from recommender.initiatives.table_io import ImportFout, export_csv, export_xlsx, import_file


def _clean(exc: Exception) -> str:
    """One readable line from a ValueError or pydantic ValidationError."""
    if isinstance(exc, ValidationError):
        return format_validation_error(exc, "nl", one_line=True)
    return str(exc)


def _extra(args: argparse.Namespace, kb: KnowledgeBase) -> list:
    if getattr(args, "no_eigen", False):
        return []
    try:
        return load_user_catalogue(kb)
    except UserCatalogueError as exc:
        raise UserError(f"{exc} (los het op, of gebruik --no-eigen)") from exc


def _text_search(args: argparse.Namespace, kb: KnowledgeBase) -> TextSearch | None:
    """The retrieval layer's scorer for --q, or None (plain matching) when absent or unusable."""
    if not args.q or args.plain_text:
        return None
    try:
        from retrieval.assistant import Assistant, text_search_for_initiatives
        from retrieval.index import index_dir
        from retrieval.store import has_store
    except ImportError:
        return None
    if not has_store(index_dir()):  # building the index takes minutes: never do that for a search
        sys.stderr.write("lob-kompas: nog geen zoekindex (maak die met 'lob-kompas build'); gewone tekstmatch.\n")
        return None
    try:
        return text_search_for_initiatives(Assistant.from_default(kb, llm=None))  # type: ignore[no-any-return]
    except Exception as exc:  # the index is optional for this command: fall back, but say so
        sys.stderr.write(f"lob-kompas: zoeken met de index lukt niet ({type(exc).__name__}); gewone tekstmatch.\n")
        return None


def _filter(args: argparse.Namespace) -> InitiativeFilter:
    try:
        # each flag is a dimension's canonical name (--schooltype ...), its filter field comes from the registry
        codes = {d.filter_field: getattr(args, name) or [] for name, d in DIMENSIES.items() if d.filter_field}
        return InitiativeFilter(**codes, near=args.near, km=args.km, q=args.q, include_landelijk=not args.no_landelijk)
    except ValueError as exc:
        raise UserError(_clean(exc)) from exc


def hit_json(hit: InitiativeHit, kb: KnowledgeBase) -> dict[str, Any]:
    """A search result as JSON: every attribute, distance, score and readable sources."""
    data = hit.initiatief.model_dump(mode="json")
    data.update(afstand_km=hit.afstand_km, landelijk_online=hit.landelijk_online, score=hit.score,
                bronnen_tekst=[source_label(kb, r, "nl", "full") for r in hit.initiatief.bronnen])
    return data


def _short_sources(refs: list) -> str:
    """'seor2023_promotie (Bijlage, 3.4); algemene_kennis': ids with their sections, for the screen."""
    by_id: dict[str, list[str]] = {}
    for r in refs:
        by_id.setdefault(r.bron, [])
        if r.sectie:
            by_id[r.bron].append(r.sectie)
    return "; ".join(f"{b} ({', '.join(s)})" if s else b for b, s in by_id.items())


def _print_hits(hits: list[InitiativeHit], kb: KnowledgeBase, flt: InitiativeFilter) -> None:
    if not hits:
        print("Geen initiatieven gevonden met deze filters.")
        return
    print(f"{len(hits)} initiatie{'f' if len(hits) == 1 else 'ven'} gevonden" + (f" rond {flt.near}" if flt.near else "") + ":")
    for n, h in enumerate(hits, 1):
        ini = h.initiatief
        where = "landelijk/online" if h.landelijk_online else (ini.locatie.gemeente or ini.locatie.naam or "lokaal")
        dist = f"{h.afstand_km:.1f} km, " if h.afstand_km is not None else ""
        print(f"{n:>3}. {ini.naam} ({ini.organisator}) [{dist}{where}]")
        print(f"     {label('praktijk', ini.praktijkgerichtheid)}; "
              f"{', '.join(label('schooltype', c) for c in ini.schooltypen)}; "
              f"{', '.join(label('activiteit', c) for c in ini.activiteiten)}; "
              f"voor {', '.join(label('doelgroep', c) for c in ini.doelgroepen)}")
        if ini.website:
            print(f"     {ini.website}")
        print(f"     bron: {_short_sources(ini.bronnen)}")


def _initiatives(args: argparse.Namespace) -> int:
    # output files are checked before the search runs: a typo in a folder name costs nothing
    xlsx = output_path(args.xlsx, "initiatieven.xlsx") if args.xlsx else None
    csv_path = output_path(args.csv, "initiatieven.csv") if args.csv not in (None, "-") else None
    flt = _filter(args)
    kb = load_kb()
    extra = _extra(args, kb)
    try:
        hits = search_initiatives(kb, flt, extra=extra, text_search=_text_search(args, kb), limit=args.limit)
    except ValueError as exc:
        raise UserError(_clean(exc)) from exc
    if xlsx is not None:
        export_xlsx(hits, kb, xlsx)
        sys.stderr.write(f"{len(hits)} initiatieven geschreven naar {args.xlsx}\n")
    if args.csv == "-":
        export_csv(hits, kb, sys.stdout)
    elif csv_path is not None:
        export_csv(hits, kb, csv_path)
        sys.stderr.write(f"{len(hits)} initiatieven geschreven naar {args.csv}\n")
    if args.json:
        print_json([hit_json(h, kb) for h in hits])
    elif args.csv is None and not args.xlsx:
        _print_hits(hits, kb, flt)
    return 0


def _import(args: argparse.Namespace) -> int:
    kb = load_kb()
    try:
        result = import_file(args.file, kb, replace=args.replace, dry_run=args.dry_run)
    except (ImportFout, UserCatalogueError) as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print_json(result.model_dump(mode="json"))
    else:
        verb = "Gecontroleerd" if args.dry_run else "Geïmporteerd"
        print(f"{verb}: {len(result.ids)} goede rij(en), {len(result.fouten)} rij(en) met fouten.")
        print("Kolommen: " + ", ".join(f"{k} -> {v}" for k, v in result.kolommen.items()))
        if result.genegeerde_kolommen:
            print("Niet gebruikt: " + ", ".join(result.genegeerde_kolommen))
        for fld, value in result.standaardwaarden.items():
            print(f"Kolom {fld} ontbreekt; standaard: {value if value != '' else '(leeg)'}")
        for fout in result.fouten:
            print(f"  rij {fout.rij}{f' ({fout.naam})' if fout.naam else ''}: {'; '.join(fout.redenen)}")
        if result.catalogus:
            print(f"Eigen catalogus: {result.catalogus} ({result.totaal_in_catalogus} initiatieven)")
    return 0 if not result.fouten else 1


def _print_gaps(report: Any) -> None:
    print(f"Aanbod binnen {report.km:g} km van {report.plaats.naam} ({report.plaats.soort}): {report.totaal} initiatieven")
    print(f"  ({report.telregel})")
    for dim, counts in report.tellingen.items():
        local = report.tellingen_lokaal[dim]
        cells = ", ".join(f"{label(dim, c)} {n} ({local[c]} lokaal)" for c, n in counts.items())
        print(f"  {dim}: {cells}")
    print("Lacunes:" if report.gaps else "Geen lacunes gevonden.")
    for gap in report.gaps:
        print(f"  - {gap.zin}")


def _print_comparison(rows: list) -> None:
    for camp in rows:
        print(f"\n{camp.afkorting} {camp.naam} (binnen {camp.km:g} km)")
        print(f"  {'kenmerk':<42} {'ons':>4} {'v/d 70':>6} {'rapport':>7}  bron")
        for r in camp.regels:
            rap = "-" if r.rapport is None else str(r.rapport)
            print(f"  {r.dimensie + '=' + r.code:<42} {r.ons:>4} {r.ons_inventarisatie_2023:>6} {rap:>7}  {r.bron or ''}")
        print(f"  Toelichting: {camp.toelichting}")


def _gaps(args: argparse.Namespace) -> int:
    kb = load_kb()
    if args.campussen:
        comparison = campus_comparison(kb, km=args.km)
        if args.json:
            print_json([c.model_dump(mode="json") for c in comparison])
        elif args.markdown:
            sys.stdout.write(comparison_markdown(comparison))
        else:
            _print_comparison(comparison)
        return 0
    if not args.near:
        raise UserError("geef --near POSTCODE|WIJK|GEMEENTE|CAMPUS, of --campussen voor de vergelijking met het rapport")
    try:
        report = gap_analysis(kb, args.near, km=args.km, extra=_extra(args, kb))
    except ValueError as exc:
        raise UserError(_clean(exc)) from exc
    if args.json:
        print_json(report.model_dump(mode="json"))
    else:
        _print_gaps(report)
    return 0


def _positive_km(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is geen getal") from exc
    if not value > 0:
        raise argparse.ArgumentTypeError("km moet groter dan 0 zijn")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "initiatives", help="zoek LOB-activiteiten en promotie-initiatieven (filters, afstand, export)",
        description="Zoek initiatieven. Binnen een filter geldt 'een van' (herhaal de optie of scheid met komma's); "
                    "filters samen gelden allemaal. Met --near op afstand gesorteerd; landelijke/online initiatieven "
                    "komen daarna. Je eigen geïmporteerde lijst (zie initiatives-import) doet mee.",
    )
    for name, dim in DIMENSIES.items():
        if dim.filter_field:
            p.add_argument(f"--{name}", action="append", help=", ".join(dim.codes))
    p.add_argument("--near", help="postcode, wijk, gemeente of campus")
    p.add_argument("--km", type=_positive_km, help="alleen lokale initiatieven binnen zoveel km (met --near)")
    p.add_argument("--q", help="vrije tekst; met de zoekindex als die er is, anders gewone tekstmatch")
    p.add_argument("--plain-text", action="store_true", help="--q zonder zoekindex (alleen tekstmatch)")
    p.add_argument("--no-landelijk", action="store_true", help="laat landelijke en online initiatieven weg")
    p.add_argument("--no-eigen", action="store_true", help="zonder je eigen geïmporteerde lijst")
    p.add_argument("--limit", type=count_type("limit"), default=None, help="toon hooguit zoveel resultaten (1 of meer)")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON (lijst met alle kenmerken, afstand_km, bronnen)")
    p.add_argument("--csv", nargs="?", const="-", default=None, metavar="FILE",
                   help="exporteer als CSV naar FILE (zonder FILE: naar het scherm)")
    p.add_argument("--xlsx", metavar="FILE", help="exporteer naar een Excel-bestand")
    p.set_defaults(handler=_initiatives)

    i = sub.add_parser(
        "initiatives-import", help="importeer je eigen lijst initiatieven (CSV of Excel)",
        description="Lees een eigen lijst (.csv met , ; of tab, of .xlsx; kopregel = rij 1). Kolommen worden op naam "
                    "herkend (naam, schooltype, doelgroep, activiteit, branche, praktijk, organisatie, website, "
                    "adres/postcode/gemeente of lat/lon, omschrijving, bereik). Elke rij wordt gecontroleerd; foute "
                    f"rijen worden met rijnummer en reden gemeld. Goede rijen komen in {user_catalogue_path()} "
                    "($LOB_HOME/catalogus.yaml), nooit in de kennisbank. Exitcode 1 als er foute rijen zijn.",
    )
    i.add_argument("file", help="het .csv- of .xlsx-bestand")
    i.add_argument("--replace", action="store_true", help="vervang je hele eigen catalogus door deze lijst")
    i.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")
    i.add_argument("--json", action="store_true", help="uitvoer als JSON")
    i.set_defaults(handler=_import)

    g = sub.add_parser(
        "gaps", help="lacune-analyse: tel het aanbod rond een plek en noem wat ontbreekt",
        description="Tel initiatieven binnen --km (standaard 10) van een plek of landelijk/online, per kenmerk, en "
                    "noem de lacunes. Met --campussen: onze tellingen naast die van het rapport (SEOR 2023) per campus.",
    )
    g.add_argument("--near", help="postcode, wijk, gemeente of campus")
    g.add_argument("--km", type=_positive_km, default=DEFAULT_KM, help="straal in km (standaard 10)")
    g.add_argument("--campussen", action="store_true", help="vergelijk de 8 campussen met het rapport (tabel 2.2, 4.1-4.6)")
    g.add_argument("--markdown", action="store_true", help="met --campussen: als Markdown-tabellen")
    g.add_argument("--no-eigen", action="store_true", help="zonder je eigen geïmporteerde lijst")
    g.add_argument("--json", action="store_true", help="uitvoer als JSON")
    g.set_defaults(handler=_gaps)

"""``lob-kompas initiatives``, ``initiatives-import``, the list commands, ``gaps``, ``decaan-wachtwoord``, ``db``.

All logic lives in :mod:`recommender.initiatives` (search, lists in the database, import, export, gaps)
and :mod:`app.access` (the decaan password hash); this module only parses arguments and prints.
The command line runs on this computer, so it has the decaan role; each list records the account
that imported it (``user@host``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from app.commands.common import UserError, count_type, load_kb, output_path, print_json
from knowledge.campus_audit import campus_comparison, comparison_markdown
from knowledge.errors import format_validation_error
from knowledge.i18n import LANGUAGES
from knowledge.loader import KnowledgeBase
from knowledge.sources import EIGEN_IMPORT, source_label
from knowledge.vocab import DIMENSIES
from recommender.initiatives import (
    DuplicatesFound,
    ImportFout,
    UserCatalogueError,
    catalogue,
    gap_sentence,
    gap_summary,
    import_table,
    template_xlsx,
)
from recommender.initiatives.catalogue import OnDuplicate, local_user
from recommender.initiatives.codes import label
from recommender.initiatives.dates import when_text
from recommender.initiatives.gaps import DEFAULT_KM, gap_analysis
from recommender.initiatives.mapping import FIELDS
from recommender.initiatives.search import InitiativeFilter, InitiativeHit, TextSearch, search_initiatives
from recommender.initiatives.table_io import export_csv, export_xlsx


def _clean(exc: Exception) -> str:
    """One readable line from a ValueError or pydantic ValidationError."""
    if isinstance(exc, ValidationError):
        return format_validation_error(exc, "nl", one_line=True)
    return str(exc)


def _extra(args: argparse.Namespace, kb: KnowledgeBase) -> list:
    if getattr(args, "no_eigen", False):
        return []
    try:
        return catalogue().records()
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


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum als 2027-03-14") from exc


def _filter(args: argparse.Namespace) -> InitiativeFilter:
    try:
        # each flag is a dimension's canonical name (--schooltype ...), its filter field comes from the registry
        codes = {d.filter_field: getattr(args, name) or [] for name, d in DIMENSIES.items() if d.filter_field}
        return InitiativeFilter(
            **codes,
            near=args.near,
            km=args.km,
            q=args.q,
            include_landelijk=not args.no_landelijk,
            komend=args.komend or args.vandaag is not None,
            vandaag=args.vandaag,
        )
    except ValueError as exc:
        raise UserError(_clean(exc)) from exc


def _is_own(ini: Any) -> bool:
    return any(r.bron == EIGEN_IMPORT for r in ini.bronnen)


def hit_json(hit: InitiativeHit, kb: KnowledgeBase) -> dict[str, Any]:
    """A search result as JSON: every attribute, distance, score, next day, readable sources."""
    data = hit.initiatief.model_dump(mode="json")
    data.update(
        afstand_km=hit.afstand_km,
        landelijk_online=hit.landelijk_online,
        score=hit.score,
        volgende_datum=hit.volgende_datum.isoformat() if hit.volgende_datum else None,
        eigen_lijst=_is_own(hit.initiatief),
        bronnen_tekst=[source_label(kb, r, "nl", "full") for r in hit.initiatief.bronnen],
    )
    return data


def _short_sources(refs: list) -> str:
    """'seor2023_promotie (Bijlage, 3.4); eigen lijst van de school': ids with sections, for the screen."""
    by_id: dict[str, list[str]] = {}
    for r in refs:
        by_id.setdefault(r.bron, [])
        if r.sectie and r.bron != EIGEN_IMPORT:
            by_id[r.bron].append(r.sectie)
    return "; ".join(
        source_label(None, b) if b == EIGEN_IMPORT else (f"{b} ({', '.join(s)})" if s else b) for b, s in by_id.items()
    )


def _print_hits(hits: Sequence[InitiativeHit], kb: KnowledgeBase, flt: InitiativeFilter) -> None:
    if not hits:
        print("Geen initiatieven gevonden met deze filters.")
        return
    print(
        f"{len(hits)} initiatie{'f' if len(hits) == 1 else 'ven'} gevonden"
        + (f" rond {flt.near}" if flt.near else "")
        + ":"
    )
    for n, h in enumerate(hits, 1):
        ini = h.initiatief
        where = "landelijk/online" if h.landelijk_online else (ini.locatie.gemeente or ini.locatie.naam or "lokaal")
        dist = f"{h.afstand_km:.1f} km, " if h.afstand_km is not None else ""
        when = when_text(ini, "nl")
        print(f"{n:>3}. {ini.naam} ({ini.organisator}) [{dist}{where}]" + (f" – {when}" if when else ""))
        print(
            f"     {label('praktijk', ini.praktijkgerichtheid)}; "
            f"{', '.join(label('schooltype', c) for c in ini.schooltypen)}; "
            f"{', '.join(label('activiteit', c) for c in ini.activiteiten)}; "
            f"voor {', '.join(label('doelgroep', c) for c in ini.doelgroepen)}"
        )
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
        export_xlsx(hits, kb, xlsx, args.taal)
        sys.stderr.write(f"{len(hits)} initiatieven geschreven naar {args.xlsx}\n")
    if args.csv == "-":
        export_csv(hits, kb, sys.stdout, args.taal)
    elif csv_path is not None:
        export_csv(hits, kb, csv_path, args.taal)
        sys.stderr.write(f"{len(hits)} initiatieven geschreven naar {args.csv}\n")
    if args.json:
        print_json([hit_json(h, kb) for h in hits])
    elif args.csv is None and not args.xlsx:
        _print_hits(hits, kb, flt)
    return 0


def _pairs(items: list[str] | None, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserError(f"{what} '{item}': schrijf het als NAAM=WAARDE")
        out[key.strip()] = value.strip()
    return out


def _defaults(items: list[str] | None) -> dict[str, Any]:
    from recommender.initiatives.codes import to_code
    from recommender.initiatives.table_io import _LIST_FIELDS, DEFAULTABLE, LIST_SEP

    out: dict[str, Any] = {}
    for fld, value in _pairs(items, "--standaard").items():
        if fld not in DEFAULTABLE:
            raise UserError(f"--standaard {fld}: kan alleen voor {', '.join(DEFAULTABLE)}")
        try:
            if fld in _LIST_FIELDS:
                out[fld] = [to_code(_LIST_FIELDS[fld], v) for v in LIST_SEP.split(value) if v]
            elif fld == "praktijkgerichtheid":
                out[fld] = to_code("praktijk", value)
            else:
                out[fld] = value
        except ValueError as exc:
            raise UserError(f"--standaard {fld}: {exc}") from exc
    return out


_ON_DUPLICATE: dict[str, OnDuplicate] = {"houden": "keep", "bijwerken": "update"}


def _import(args: argparse.Namespace) -> int:
    kb = load_kb()
    choices: dict[str, str | None] = {k: (v or None) for k, v in _pairs(args.kolom, "--kolom").items()}
    try:
        result = import_table(
            args.file,
            kb,
            name=args.naam,
            choices=choices,
            defaults=_defaults(args.standaard),
            on_duplicate=_ON_DUPLICATE.get(args.bij_dubbel or ""),
            dry_run=args.dry_run,
            who=local_user(),
            how="cli",
        )
    except DuplicatesFound as exc:
        for d in exc.duplicates:
            print(
                f"  dubbel: rij {d.rij} '{d.naam}' staat al in lijst #{d.lijst_id} '{d.lijst_naam}'"
                + (f" (verschilt in {', '.join(d.verschillen)})" if d.verschillen else ""),
                file=sys.stderr,
            )
        raise UserError(
            f"{exc} Er is niets opgeslagen; kies met --bij-dubbel houden of --bij-dubbel bijwerken."
        ) from exc
    except (ImportFout, UserCatalogueError, ValueError) as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print_json(result.model_dump(mode="json"))
    else:
        verb = "Gecontroleerd" if args.dry_run else "Opgeslagen"
        print(
            f"{verb}: {len(result.ids)} goede rij(en), {len(result.fouten)} rij(en) met fouten "
            f"(kopregel op rij {result.kopregel})."
        )
        if result.lijst_id is not None:
            print(f"Lijst #{result.lijst_id} '{result.lijst_naam}' door {local_user()}.")
        print("Kolommen: " + ", ".join(f"{k} -> {v}" for k, v in result.kolommen.items()))
        if result.genegeerde_kolommen:
            print("Niet gebruikt: " + ", ".join(result.genegeerde_kolommen))
        for fld, value in result.standaardwaarden.items():
            print(f"Standaard voor {fld}: {value}")
        for fout in result.fouten:
            print(f"  rij {fout.rij}{f' ({fout.naam})' if fout.naam else ''}: {' '.join(fout.redenen)}")
        for d in result.dubbel:
            print(
                f"  dubbel: '{d.naam}' stond al in lijst #{d.lijst_id} '{d.lijst_naam}'"
                + (" (bijgewerkt)" if d.bestaand_id in result.vervangen else " (beide gehouden)")
            )
        if result.catalogus:
            print(f"Eigen lijsten: {result.catalogus} ({result.totaal_in_catalogus} actieve activiteiten)")
    return 0 if not result.fouten else 1


def _store_call(fn: Any, *a: Any, **kw: Any) -> Any:
    try:
        return fn(*a, **kw)
    except UserCatalogueError as exc:
        raise UserError(str(exc)) from exc


def _lists(args: argparse.Namespace) -> int:
    store = catalogue()
    lists = _store_call(store.lists)
    if args.json:
        print_json(
            {
                "lijsten": [i.model_dump(mode="json") for i in lists],
                "gebeurtenissen": [e.model_dump(mode="json") for e in _store_call(store.events, 20)],
            }
        )
        return 0
    if not lists:
        print("Nog geen eigen lijsten (zie lob-kompas initiatives-import).")
        return 0
    for i in lists:
        print(
            f"#{i.id:<4} {i.naam}  [{i.actief}/{i.aantal} actief]  {i.bestand or ''}  "
            f"door {i.aangemaakt_door} ({i.rol}) op {i.aangemaakt_op.astimezone():%Y-%m-%d %H:%M}"
        )
    return 0


def _list_show(args: argparse.Namespace) -> int:
    records = _store_call(catalogue().list_records, args.id)
    if args.json:
        print_json([r.model_dump(mode="json") | {"actief": a} for r, a in records])
        return 0
    for r, active in records:
        when = when_text(r, "nl")
        print(
            f"{'  ' if active else 'x '}{r.id}: {r.naam}"
            + (f" – {when}" if when else "")
            + ("" if active else " (opzij gezet door een latere lijst)")
        )
    return 0


def _list_delete(args: argparse.Namespace) -> int:
    info = _store_call(catalogue().delete_list, args.id, who=local_user())
    if args.json:
        print_json(info.model_dump(mode="json"))
    else:
        print(f"Lijst #{info.id} '{info.naam}' verwijderd ({info.aantal} activiteiten).")
    return 0


def _undo(args: argparse.Namespace) -> int:
    info = _store_call(catalogue().undo_last, who=local_user())
    if args.json:
        print_json(info.model_dump(mode="json") if info else None)
    elif info is None:
        print("Er is geen upload om ongedaan te maken.")
    else:
        print(f"Upload #{info.id} '{info.naam}' ongedaan gemaakt ({info.aantal} activiteiten).")
    return 0


def _template(args: argparse.Namespace) -> int:
    template_xlsx(output_path(args.file, "sjabloon.xlsx"), args.taal)
    print(f"Invulsjabloon geschreven naar {args.file}")
    return 0


def _password(args: argparse.Namespace) -> int:
    from app.access import hash_password

    if sys.stdin.isatty():
        first = getpass.getpass("Nieuw decaan-wachtwoord: ")
        if getpass.getpass("Nog een keer: ") != first:
            raise UserError("de twee wachtwoorden zijn niet gelijk")
    else:
        first = sys.stdin.readline().rstrip("\n")
    try:
        stored = hash_password(first)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    print("Zet deze regels in .streamlit/secrets.toml van de app (het wachtwoord zelf wordt nergens bewaard):")
    print("[lob_kompas]")
    print(f'decaan_password_hash = "{stored}"')
    return 0


def _db(args: argparse.Namespace) -> int:
    from recommender.initiatives import db
    from retrieval.registry import registered_documents

    url = db.database_url()
    try:
        engine = db.engine_for(url)
        info = {
            "database": db.safe_url(url),
            "soort": engine.dialect.name,
            "revisie": db.current_revision(engine),
            "nieuwste_revisie": db.head_revision(),
            "lijsten": len(catalogue(url).lists()),
            "actieve_activiteiten": len(catalogue(url).records()),
            "documenten": len(registered_documents()),
        }
    except (db.DatabaseError, UserCatalogueError) as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print_json(info)
    else:
        for k, v in info.items():
            print(f"{k}: {v}")
    return 0


def _print_gaps(report: Any) -> None:
    print(gap_summary(report, "nl"))
    print(f"  ({report.telregel})")
    if report.eigen:
        print(f"  Waarvan {report.eigen} uit de eigen lijst van de school.")
    print(f"  {'kenmerk':<46} {'hier':>5} {'aandeel':>8} {'regio':>8}  signaal")
    for k in report.kenmerken:
        name = f"{k.dimensie}: {label(k.dimensie, k.code)}"
        flag = "" if k.status == "ok" else k.status.replace("_", " ")
        print(f"  {name:<46} {k.hier:>5} {k.aandeel_hier:>8.1%} {k.aandeel_regio:>8.1%}  {flag}")
    if report.gaps:
        print("Lacunes:")
    for gap in report.gaps:
        print(f"  - {gap_sentence(gap, report, 'nl')}")


def _print_comparison(rows: list) -> None:
    for camp in rows:
        print(f"\n{camp.afkorting} {camp.naam} (binnen {camp.km:g} km)")
        print(f"  {'kenmerk':<42} {'ons':>4} {'v/d 70':>6} {'rapport':>7}  bron")
        for r in camp.regels:
            rap = "-" if r.rapport is None else str(r.rapport)
            print(
                f"  {r.dimensie + '=' + r.code:<42} {r.ons:>4} {r.ons_inventarisatie_2023:>6} {rap:>7}  {r.bron or ''}"
            )
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
        raise UserError(
            "geef --near POSTCODE|WIJK|GEMEENTE|CAMPUS, of --campussen voor de vergelijking met het rapport"
        )
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
        "initiatives",
        help="zoek LOB-activiteiten en promotie-initiatieven (filters, afstand, datum, export)",
        description="Zoek initiatieven. Binnen een filter geldt 'een van' (herhaal de optie of scheid met komma's); "
        "filters samen gelden allemaal. Met --near op afstand gesorteerd; landelijke/online initiatieven "
        "komen daarna; met --komend op datum. De eigen lijsten van de school (zie initiatives-import) "
        "doen mee.",
    )
    for name, dim in DIMENSIES.items():
        if dim.filter_field:
            p.add_argument(f"--{name}", action="append", help=", ".join(dim.codes))
    p.add_argument("--near", help="postcode, wijk, gemeente of campus")
    p.add_argument("--km", type=_positive_km, help="alleen lokale initiatieven binnen zoveel km (met --near)")
    p.add_argument("--q", help="vrije tekst; met de zoekindex als die er is, anders gewone tekstmatch")
    p.add_argument("--plain-text", action="store_true", help="--q zonder zoekindex (alleen tekstmatch)")
    p.add_argument(
        "--komend", action="store_true", help="alleen komende activiteiten met een datum, eerstvolgende eerst"
    )
    p.add_argument("--vandaag", type=_date, help="met --komend: tel vanaf deze dag (JJJJ-MM-DD) in plaats van vandaag")
    p.add_argument("--no-landelijk", action="store_true", help="laat landelijke en online initiatieven weg")
    p.add_argument("--no-eigen", action="store_true", help="zonder de eigen lijsten van de school")
    p.add_argument("--limit", type=count_type("limit"), default=None, help="toon hooguit zoveel resultaten (1 of meer)")
    p.add_argument(
        "--json", action="store_true", help="uitvoer als JSON (alle kenmerken, afstand_km, volgende_datum, bronnen)"
    )
    p.add_argument(
        "--csv",
        nargs="?",
        const="-",
        default=None,
        metavar="FILE",
        help="exporteer als CSV naar FILE (zonder FILE: naar het scherm)",
    )
    p.add_argument("--xlsx", metavar="FILE", help="exporteer naar een Excel-bestand")
    p.add_argument("--taal", choices=LANGUAGES, default="nl", help="taal van de kolomkoppen en labels in de export")
    p.set_defaults(handler=_initiatives)

    i = sub.add_parser(
        "initiatives-import",
        help="importeer een eigen lijst activiteiten (CSV of Excel) als lijst",
        description="Lees een eigen lijst (.csv met , ; of tab, of .xlsx). De kopregel wordt gezocht (titelregels en "
        "lege regels erboven worden overgeslagen); kolommen worden op naam en inhoud herkend (naam/"
        "activiteit/titel, datum/wanneer/van/tot, voor wie/doelgroep, locatie/adres/plaats/postcode, "
        "organisatie, website/link, ...). Elke rij wordt gecontroleerd; foute rijen worden met rijnummer, "
        "kolom en toegestane waarden gemeld. De goede rijen worden één lijst in de database "
        "($LOB_HOME/lob-kompas.db of LOB_DATABASE_URL), nooit in de kennisbank. Exitcode 1 als er foute "
        "rijen zijn; 2 als het bestand niet bruikbaar is of er dubbelen zijn zonder keuze.",
    )
    i.add_argument("file", help="het .csv- of .xlsx-bestand")
    i.add_argument("--naam", help="naam van de lijst (standaard: de bestandsnaam)")
    i.add_argument(
        "--kolom",
        action="append",
        metavar="KOP=VELD",
        help=f"kies zelf welk veld een kolom is (leeg = niet gebruiken); velden: {', '.join(FIELDS)}",
    )
    i.add_argument(
        "--standaard",
        action="append",
        metavar="VELD=WAARDE",
        help="waarde voor elke rij waar die leeg is: activiteiten, schooltypen, doelgroepen, branches, "
        "praktijkgerichtheid, gemeente",
    )
    i.add_argument(
        "--bij-dubbel",
        choices=["houden", "bijwerken"],
        help="wat er gebeurt als een activiteit al in een eerdere lijst staat (zonder keuze: niets opslaan)",
    )
    i.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")
    i.add_argument("--json", action="store_true", help="uitvoer als JSON")
    i.set_defaults(handler=_import)

    ls = sub.add_parser("initiatives-lists", help="toon de eigen lijsten (wie, wanneer, hoeveel)")
    ls.add_argument("--json", action="store_true", help="uitvoer als JSON, met de laatste gebeurtenissen")
    ls.set_defaults(handler=_lists)
    sh = sub.add_parser("initiatives-list", help="toon de activiteiten van één eigen lijst")
    sh.add_argument("id", type=int, help="het nummer van de lijst (zie initiatives-lists)")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(handler=_list_show)
    de = sub.add_parser("initiatives-delete", help="verwijder één eigen lijst (wat die had bijgewerkt, komt terug)")
    de.add_argument("id", type=int, help="het nummer van de lijst (zie initiatives-lists)")
    de.add_argument("--json", action="store_true")
    de.set_defaults(handler=_list_delete)
    un = sub.add_parser("initiatives-undo", help="maak de laatste import ongedaan")
    un.add_argument("--json", action="store_true")
    un.set_defaults(handler=_undo)
    tp = sub.add_parser("initiatives-template", help="schrijf een leeg invulsjabloon (Excel, met keuzelijsten)")
    tp.add_argument("file", help="het .xlsx-bestand om te schrijven")
    tp.add_argument("--taal", choices=LANGUAGES, default="nl", help="taal van de kolomkoppen en keuzelijsten")
    tp.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    tp.set_defaults(handler=_template)

    g = sub.add_parser(
        "gaps",
        help="lacune-analyse: het aanbod rond een plek naast dat van de regio, met signalen",
        description="Tel initiatieven binnen --km (standaard 10) van een plek of landelijk/online, per kenmerk, en zet "
        "het aandeel naast dat in de hele catalogus. Signalen: geen, alleen landelijk, duidelijk lager dan "
        "de regio, weinig. Met --campussen: onze tellingen naast die van het rapport (SEOR 2023) per campus.",
    )
    g.add_argument("--near", help="postcode, wijk, gemeente of campus")
    g.add_argument("--km", type=_positive_km, default=DEFAULT_KM, help="straal in km (standaard 10)")
    g.add_argument(
        "--campussen", action="store_true", help="vergelijk de 8 campussen met het rapport (tabel 2.2, 4.1-4.6)"
    )
    g.add_argument("--markdown", action="store_true", help="met --campussen: als Markdown-tabellen")
    g.add_argument("--no-eigen", action="store_true", help="zonder de eigen lijsten van de school")
    g.add_argument("--json", action="store_true", help="uitvoer als JSON")
    g.set_defaults(handler=_gaps)

    w = sub.add_parser(
        "decaan-wachtwoord",
        help="maak de hash van een decaan-wachtwoord voor de app (secrets.toml)",
        description="Vraagt een wachtwoord (of leest één regel van stdin) en print de regel voor "
        ".streamlit/secrets.toml. Zie docs/deployment.md.",
    )
    w.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    w.set_defaults(handler=_password)

    d = sub.add_parser(
        "db",
        help="toon de database van de eigen lijsten (soort, revisie) en werk hem bij",
        description="SQLite in $LOB_HOME of PostgreSQL via LOB_DATABASE_URL; migraties met Alembic "
        "worden bij het openen uitgevoerd.",
    )
    d.add_argument("--json", action="store_true")
    d.set_defaults(handler=_db)

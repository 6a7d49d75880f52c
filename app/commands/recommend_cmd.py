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
from collections.abc import Mapping
from pathlib import Path

from app.commands.common import UserError, count_type, load_kb, print_json, read_stdin
from knowledge import KnowledgeBase, KnowledgeError, load_knowledge
from knowledge.i18n import label, t
from knowledge.i18n.formats import format_list
from knowledge.inputs import LIMITS, InputError, megabytes
from knowledge.sources import source_label, source_labels
from recommender.advies import recommend, vocab
from recommender.explain import (
    ander_profiel_tekst,
    hoofdroute_tekst,
    km_tekst,
    plek_tekst,
    plek_van,
    profiel_kort,
    school_tekst,
)
from recommender.initiatives import own_initiatives
from recommender.models import Advies
from recommender.profile import Profiel, ProfielError, parse_profiel


def _read_profile(arg: str | None) -> Profiel:
    if arg in (None, "-"):
        if arg is None and sys.stdin.isatty():
            raise UserError(
                "geef een profiel: --profile BESTAND.json, of stuur het JSON-profiel via stdin "
                "(velden en waarden: lob-kompas recommend --vocab)"
            )
        text: str | bytes = read_stdin()
    else:
        path = Path(arg)
        try:
            if path.stat().st_size > LIMITS.profile_bytes:  # refused before reading
                raise UserError(
                    InputError(
                        "too_large",
                        what="profile",
                        size=megabytes(path.stat().st_size),
                        max=megabytes(LIMITS.profile_bytes),
                    ).message("nl")
                )
            text = path.read_bytes()  # the boundary decodes (UTF-8 with or without BOM, else Windows-1252)
        except FileNotFoundError:
            raise UserError(f"profielbestand '{arg}' bestaat niet") from None
        except OSError as exc:
            raise UserError(f"kan profielbestand '{arg}' niet lezen: {exc.strerror or exc}") from None
    if not text.strip():
        raise UserError("het profiel is leeg; verwacht een JSON-object (zie lob-kompas recommend --vocab)")
    try:
        return parse_profiel(text)
    except ProfielError as exc:
        raise UserError(str(exc)) from None


def _km(km: float | None, approximate: bool) -> str:
    # the advice's own distance text: an approximate one is never "~0 km" (heading and reason agree)
    return km_tekst(km, "nl", approximate) if km is not None else "afstand onbekend"


def _ouders(tekst: Mapping[str, str] | None, talen: list[str], inspring: str = "  ") -> None:
    """The parents' line under a Dutch one: the advice's own translation (the same text the verslag shows),
    never a second translation here."""
    for taal in talen[1:]:
        if tekst and tekst.get(taal):
            print(f"{inspring}[{taal}] {tekst[taal]}")


def _bron(kb: KnowledgeBase | None, ref: str) -> str:
    """A source as the reader's label ('Sterk Techniekonderwijs Zuid 2019, § A.3.2'), never the internal id;
    without the knowledge (a test printing an Advies) the id is all there is."""
    return source_label(kb, ref, "nl") if kb is not None else ref


def _print_human(advies: Advies, kb: KnowledgeBase | None = None) -> None:
    talen = advies.talen
    for w in advies.waarschuwingen:
        print(f"Let op: {w.tekst['nl']}")  # the soort is a code for --json, not for the reader
        _ouders(w.tekst, talen)
    gewaarschuwd = {w.tekst["nl"] for w in advies.waarschuwingen}
    for m in advies.meldingen:
        if m["nl"] not in gewaarschuwd:
            print(f"Let op: {m['nl']}")
            _ouders(m, talen)
    for m in advies.goed_om_te_weten:  # information, not a warning (review 6)
        print(f"{t('advies.goed_om_te_weten', 'nl')}: {m['nl']}")
        _ouders(m, talen)
    fa = advies.fase_advies
    if fa is not None:
        print(f"\n{fa.titel['nl']}")
        print("=" * len(fa.titel["nl"]))
        print(fa.uitleg["nl"])
        if len(talen) > 1:
            _ouders(fa.uitleg, talen)
        for p in fa.profielen:
            print(f"- profiel {p.naam}: {p.uitleg['nl']}")
            _ouders(p.uitleg, talen, "    ")
            if p.aanbod:
                print(f"    {p.aanbod['nl']}")
                _ouders(p.aanbod, talen, "    ")
        for school in (s for s in fa.scholen if not s.verder_weg):  # those further away are in their own step
            # the profielen by name, as every page shows them, never as codes (review 9: "; PIE, MT", "; GR")
            # a sentence, not a data row (review 10: "- school: Focus Beroepsacademie (...); Groen")
            profielen = format_list([label("profiel", c, "nl") for c in school.profielen], "nl")
            key = "mentor.school_profiles" if len(school.profielen) > 1 else "mentor.school_profile"
            zin = (
                t(key, "nl", school=school_tekst(school, "nl"), profielen=profielen)
                if profielen
                else school_tekst(school, "nl")
            )
            print(f"- {zin}")
        for i, v in enumerate(fa.vervolg, 1):  # havo/vwo: the hbo/wo directions are the numbered advice
            scholen = f" bij {', '.join(v.scholen)}" if v.scholen else ""
            waarom = f" {v.uitleg['nl']}" if v.uitleg else ""
            via = f" ({t('mentor.also_via', 'nl', routes=', '.join(v.via))})" if v.via else ""
            print(f"{i}. {v.soort} {v.naam}{scholen}.{waarom}{via}")
        for stap in fa.stappen:
            print(f"* {stap.tekst['nl']}" + (f" [{stap.bron}]" if stap.bron else ""))
            _ouders(stap.tekst, talen)
    zijpad = [r for r in advies.routes if r.zijpad]
    if zijpad:  # havo/vwo: mbo 4 beside the hbo/wo directions, one line each
        po = advies.fase == "po"  # groep 7/8 with a havo/vwo advice: mbo 4 is for much later (review 5, R24)
        kop = t("mentor.side_routes_po" if po else "mentor.side_routes", "nl")
        print(f"\n{kop}")
        print("=" * len(kop))
        print(t("mentor.side_routes_intro_po" if po else "mentor.side_routes_intro", "nl"))
        gezegd: set[str] = set()
        for r in zijpad:
            o = r.opleiding
            volg = r.volgende_stap
            # the step's school where it names one with a place, else the route's nearest school
            waar = ""
            if volg.school_naam and (plek := plek_van(volg, "nl")):
                waar = f"; {volg.school_naam} ({plek})"
            elif r.school_naam and (plek := plek_van(r, "nl")):
                waar = f"; {r.school_naam} ({plek})"
            print(f"- {o.naam} (mbo niveau {o.niveau}, {'/'.join(o.leerwegen)}) -> {', '.join(r.beroepen)}{waar}")
            nieuw = [z for z in r.kanttekeningen.get("nl", []) if z not in gezegd]
            if nieuw:  # the caveats the full explanation carries: none dropped in the short list, each said once
                print(f"    {' '.join(nieuw)}")
                gezegd.update(nieuw)
    elif advies.routes:
        kop = "Routes (voor later)" if any(r.horizon for r in advies.routes) else "Routes"
        print(f"\n{kop}")
        print("=" * len(kop))
    for i, r in enumerate([r for r in advies.routes if not r.zijpad], 1):
        o = r.opleiding
        profiel = f"vmbo {profiel_kort(r.vmbo_profiel)} -> " if r.vmbo_profiel else ""
        hoofd = f"  [{hoofdroute_tekst(r, 'nl')}]" if r.hoofdroute else ""
        if (anders := ander_profiel_tekst(r, "nl")) is not None:
            hoofd += f"  [{anders}]"
        if r.voorop:  # why #1 leads while a lower route carries the main-route mark (review 9)
            hoofd += f"  [{r.voorop['nl']}]"
        print(
            f"\n{i}. {profiel}{o.naam} (mbo niveau {o.niveau}, {'/'.join(o.leerwegen)}) -> {', '.join(r.beroepen)}{hoofd}"
        )
        delen = ", ".join(f"{k} {v:+.2f}" for k, v in r.score_delen.items())
        print(f"   score {r.score:.2f}  ({delen})")
        for taal, tekst in r.uitleg.items():
            print(f"   [{taal}] {tekst}")
        if r.arbeidsmarkt_schaal:
            # the tag says what it is about: the main beroep / opleiding a report names, or the whole sector
            over = f" {r.arbeidsmarkt_over}" if r.arbeidsmarkt_over else ""
            # the label in words and the source as a reader's label (review 10: raw codes and ids reached the page)
            bron = f"; {_bron(kb, r.arbeidsmarkt_bron)}" if r.arbeidsmarkt_bron else ""
            sector = f" ({t('mentor.market_sector', 'nl')})" if r.arbeidsmarkt_schaal == "sector" else ""
            markt_label = label("arbeidsmarkt", r.arbeidsmarkt, "nl") if r.arbeidsmarkt else ""
            print(f"   arbeidsmarkt ({r.arbeidsmarkt_schaal}{over}{bron}): {markt_label}{sector}")
        for b in r.beroepen_info:
            markt = (
                f" [{label('arbeidsmarkt', b.arbeidsmarkt, 'nl')}: {_bron(kb, b.arbeidsmarkt_bron)}]"
                if b.arbeidsmarkt and b.arbeidsmarkt_bron
                else f" [{label('arbeidsmarkt', b.arbeidsmarkt, 'nl')}]"
                if b.arbeidsmarkt
                else ""
            )
            # the mentor reads Dutch; the parents' language is the extra line, as in the explanation (review 4)
            later = f"({t('mentor.grow_into', 'nl')}) " if b.doorgroei else ""  # office work to grow into (review 8)
            print(f"   - {later}{b.naam}: {b.omschrijving.get('nl', '')}{markt}")
            for taal in advies.talen:
                if taal != "nl" and b.omschrijving.get(taal):
                    print(f"     [{taal}] {b.omschrijving[taal]}")
        for v in r.vervolg:
            print(f"   - daarna {v.soort}: {v.naam}" + (f" ({', '.join(v.scholen)})" if v.scholen else ""))
        if r.wo_via_hbo:
            print(f"   - {r.wo_via_hbo['nl']}")
            _ouders(r.wo_via_hbo, talen, "     ")
        volgende = r.volgende_stap
        print(f"   {volgende.tekst['nl']}")
        _ouders(volgende.tekst, talen, "   ")
        if volgende.leerbedrijf:
            print(f"   {volgende.leerbedrijf['nl']}")
            _ouders(volgende.leerbedrijf, talen, "   ")
        bronnen = source_labels(kb, r.bronnen, "nl") if kb is not None else r.bronnen
        print(f"   bronnen: {'; '.join(bronnen)}")
    if advies.waarom_techniek:
        print(f"\nTechniek met een raakvlak: {advies.waarom_techniek['nl']}")
        _ouders(advies.waarom_techniek, talen)
    if advies.sector_uitspraken:
        print("\nWat de bronnen over je eigen sector zeggen")
        for z in advies.sector_uitspraken:
            print(f"- {z.tekst['nl']}")
            _ouders(z.tekst, talen)
    if advies.activiteiten:
        print("\nActiviteiten")
        print("============")
    for a in advies.activiteiten:
        waar = (
            "landelijk/online"
            if a.landelijk
            else plek_tekst(a.afstand_km, "nl", a.afstand_bij_benadering, gemeente=a.plek_gemeente, activiteit=True)
            or _km(None, False)
        )
        via = " (via school)" if a.via_school else ""
        print(f"- {a.naam}{via} ({waar}): {a.reden}")
        _ouders(a.uitleg, talen)
    zt = advies.zonder_techniekprofiel
    if zt:
        print("\nGeen techniekprofiel op school")
        print("==============================")
        print(zt.uitleg["nl"])
        _ouders(zt.uitleg, talen)
        for mog in zt.mogelijkheden:
            bron = f" [{mog.bron}]" if mog.bron else ""
            print(f"- {mog.tekst['nl']}{bron}")
            _ouders(mog.tekst, talen)


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
    profiel = _read_profile(args.profile)
    kb = load_kb(args.data_dir)
    try:
        advies = recommend(kb, profiel, n=args.n, eigen_initiatieven=own_initiatives())
    except ProfielError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print_json(advies.model_dump(mode="json"))
    else:
        _print_human(advies, kb)
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
        own = own_initiatives()
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


def register(sub: argparse._SubParsersAction) -> None:
    text = "kansrijke techniekroutes en activiteiten voor één leerlingprofiel, elk met uitleg"
    p = sub.add_parser("recommend", help=text, description=text)
    p.add_argument(
        "--profile", default=None, metavar="BESTAND", help="profiel als JSON-bestand; '-' of weglaten leest stdin"
    )
    p.add_argument("-n", type=count_type("n", maximum=20), default=5, help="aantal routes (1-20, standaard 5)")
    p.add_argument("--vocab", action="store_true", help="toon per profielveld de toegestane waarden")
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")
    p.add_argument("--data-dir", default=None, help="een andere map met kennisbestanden (voor tests)")
    p.set_defaults(handler=_recommend)

    text = "het gespreksverslag voor leerling en ouders (PDF of HTML), Nederlands plus de taal van de ouders"
    v = sub.add_parser("verslag", help=text, description=text)
    v.add_argument(
        "--profile", default=None, metavar="BESTAND", help="profiel als JSON-bestand; '-' of weglaten leest stdin"
    )
    v.add_argument(
        "--taal",
        choices=vocab_talen(),
        default=None,
        help="taal van de ouders (standaard: taal_ouders uit het profiel)",
    )
    v.add_argument("-o", "--output", required=True, metavar="BESTAND", help="uitvoerbestand, .pdf of .html")
    v.add_argument("--format", choices=("pdf", "html"), default=None, help="standaard: volgens de bestandsnaam")
    v.add_argument("--json", action="store_true", help="meld het resultaat als JSON")
    v.add_argument("--data-dir", default=None, help="een andere map met kennisbestanden (voor tests)")
    v.set_defaults(handler=_verslag)


def vocab_talen() -> tuple[str, ...]:
    from knowledge.vocab import TALEN

    return TALEN

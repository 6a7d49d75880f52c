"""The gespreksverslag: one page a family keeps, in Dutch and then in the parents' language.

Each language gets one A4 page: school and leerjaar, the pupil's interests in words, the top 3 routes
(each with its symbol, one line why, the prospect with a readable source, the next step with a place),
the "geen techniekprofiel op deze school" block where it applies, lines for agreements and
signatures, and short readable sources. Numbers and distances follow the page's language.

Right to left is done by the PDF library, not by us: fpdf2's text shaping (HarfBuzz through
uharfbuzz) joins the Arabic letters, and fpdf2 runs the Unicode bidi algorithm on each paragraph,
wraps it into lines in logical order and only then orders each line for display. (Reordering a whole
paragraph before wrapping, as the first version did, makes multi-line Arabic read bottom to top.)
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.icons import richting_icon
from knowledge import KnowledgeBase
from knowledge.i18n import direction, label, t, word
from knowledge.i18n.formats import format_date, format_list
from knowledge.schema import Initiatief
from knowledge.sources import ref_text, source_label, source_labels
from knowledge.vocab import TECHNISCHE_INTERESSES
from recommender.explain import plek_van, profiel_naam, school_tekst
from recommender.models import Advies, RouteAdvies
from recommender.profile import Profiel

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/TTF"),
)
MAX_ROUTES = 3


class ReportError(RuntimeError):
    """The report cannot be made (for example: no font with Arabic and Cyrillic letters)."""


def _font_dirs() -> list[Path]:
    dirs = list(FONT_DIRS)
    try:  # matplotlib ships DejaVu Sans too, when it is installed
        import matplotlib

        dirs.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:
        pass
    return dirs


def find_font(bold: bool = False) -> Path:
    """A TrueType font covering Latin, Turkish, Polish, Cyrillic and Arabic (DejaVu Sans)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in _font_dirs():
        if (folder / name).is_file():
            return folder / name
    raise ReportError("Geen lettertype voor het verslag gevonden: installeer het Debian-pakket fonts-dejavu-core.")


# --------------------------------------------------------------------------- content (one language)


@dataclass(frozen=True)
class RouteRegel:
    """One route as the family reads it."""

    icon: str
    titel: str
    soort: str  # "mbo niveau 2 · BOL / BBL"
    waarom: str
    vooruitzicht: str
    volgende_stap: str
    beroepen: tuple[str, ...] = ()  # what the first beroepen are, in plain words ("Timmerman: maakt ...")
    leerbedrijf: str = ""  # BBL: a leerbedrijf is needed and how to find one (once per page)


@dataclass(frozen=True)
class GeenTechniekBlok:
    titel: str
    regels: list[str]


@dataclass(frozen=True)
class FaseBlok:
    """The advice for the school stage (groep 8: which vmbo profiel and school; havo: hbo directions)."""

    titel: str
    uitleg: str
    regels: list[str]


@dataclass(frozen=True)
class VerslagPagina:
    """Everything on the page of one language, as finished text (numbers in that language's format)."""

    lang: str
    titel: str
    datum: str
    school: str
    leerjaar: str
    interesses: str
    geen_techniek: GeenTechniekBlok | None
    routes_titel: str
    routes: list[RouteRegel]
    geen_routes: str
    afspraken_titel: str
    afspraken_kop: tuple[str, str, str]
    handtekeningen_titel: str
    handtekeningen: tuple[str, str, str]
    bronnen: str
    gemaakt: str
    fase: FaseBlok | None = None
    sector_titel: str = ""
    sector: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def _in(texts: Mapping[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("nl", "")


def _prospect(kb: KnowledgeBase, route: RouteAdvies, lang: str) -> tuple[str, list[str]]:
    """The route's labour-market sentence, exactly as the advice says it, and its source.

    The recommender's sentence names what the source names (a beroep, an opleiding or a whole sector) with the
    region and the year of the data ("gegevens uit 2018"); the verslag repeats it instead of a shorter sentence of
    its own that would drop the year (review 2). Its source is among the route's bronnen."""
    if route.arbeidsmarkt_schaal and route.arbeidsmarkt_tekst and route.arbeidsmarkt_tekst.get(lang):
        return route.arbeidsmarkt_tekst[lang], []
    if route.arbeidsmarkt_schaal == "beroep" and route.arbeidsmarkt:
        for beroep_id in route.beroep_ids:
            beroep = kb.beroepen.get(beroep_id)
            if beroep is not None and beroep.arbeidsmarkt.label == route.arbeidsmarkt:
                bron = beroep.arbeidsmarkt.bron
                return t(
                    "report.prospect",
                    lang,
                    beroep=beroep.naam,
                    label_tekst=word("arbeidsmarkt_toen", route.arbeidsmarkt, lang),
                    bron=source_label(kb, bron, lang),
                ), [ref_text(bron)]
    return t("report.prospect_none", lang, beroep=route.beroepen[0] if route.beroepen else route.opleiding.naam), []


def _activity_place(ini: Initiatief | None, lang: str) -> str:
    """Where an activity happens, as the catalogue says it (name, wijk or gemeente); landelijk/online otherwise."""
    if ini is None:
        return ""
    if ini.landelijk_online:
        return t("mentor.national", lang)
    loc = ini.locatie
    parts = [p for p in (loc.naam, loc.wijk or loc.gemeente) if p]
    return ", ".join(dict.fromkeys(parts))


def _next_step(
    route: RouteAdvies,
    initiatives: Mapping[str, Initiatief],
    lang: str,
    gezegd: set[str] | None = None,
    kb: KnowledgeBase | None = None,
    po: bool = False,
) -> str:
    stap = route.volgende_stap
    po_key = "_po" if po else ""  # primary school has a leerkracht, not a mentor (review 3)
    parts = []
    if stap.soort == "eerst_profiel" and route.vmbo_profiel:  # groep 7/8, vo1-2: the profiel comes first
        # the profiel's name as the advice and the stage block write it, in every language (review 3: pl switched)
        naam = profiel_naam(kb, route.vmbo_profiel) if kb is not None else label("profiel", route.vmbo_profiel, lang)
        parts.append(t("report.step_profile", lang, profiel=naam))
    elif stap.school_naam:
        plek = plek_van(stap, lang)  # the one rule: km, 'in <gemeente>' or 'meerdere locaties' (review 6)
        km = f" ({plek})" if plek else ""
        parts.append(t("report.step_school", lang, school=stap.school_naam, km=km))
    elif po and route.zijpad:  # groep 7/8 with a havo/vwo advice: no mbo open day yet (review 5, R24)
        parts.append(t("report.step_havo_vwo_po", lang))
    elif (
        route.horizon
        and route.school_naam
        and route.afstand_km is not None
        and not any(
            route.school_naam in z for z in route.kanttekeningen.get(lang) or route.kanttekeningen.get("nl", [])
        )
    ):
        # havo/vwo klas 1-3: name where the route is given, so that 'a closer school may exist' has a school to be
        # closer than (review 5, R34)
        km = f" ({plek_van(route, lang)})"
        parts.append(t("report.step_school_later", lang, school=route.school_naam, km=km))
    else:
        parts.append(t(f"report.step_mentor{po_key}", lang))
    if stap.activiteit_naam:
        ini = initiatives.get(stap.activiteit or "")
        place = _activity_place(ini, lang)
        when = getattr(ini, "datum", None)  # the catalogue has no dates today; an imported list may one day
        extra = ", ".join(p for p in (place, format_date(when, lang) if isinstance(when, date) else "") if p)
        key = f"report.step_activity_school{po_key}" if stap.activiteit_via_school else "report.step_activity"
        if stap.activiteit_open_dag_ander:  # someone else's open day: not the school named just before (review 10)
            key = "report.step_activity_open_day_other"
        parts.append(t(key, lang, activiteit=stap.activiteit_naam, waar=f" ({extra})" if extra else ""))
    # over the travel limit, no wage source: the short line drops no caveat, and says each once on the page (review 3)
    gezegd = set() if gezegd is None else gezegd
    nieuw = [z for z in route.kanttekeningen.get(lang) or route.kanttekeningen.get("nl", []) if z not in gezegd]
    parts += nieuw
    gezegd.update(nieuw)
    return " ".join(parts)


def _why(route: RouteAdvies, profiel: Profiel, lang: str) -> str:
    interesses = format_list([word("interesse", c, lang) for c in route.passende_interesses], lang)
    if route.passende_interesses and not set(route.passende_interesses) & set(TECHNISCHE_INTERESSES):
        # only a non-technical interest links the route: a bridge, never "past bij" (as in the advice, review R06)
        return t("report.why_raakvlak", lang, interesses=interesses)
    if route.werk_match:  # only the ways of working the route's beroep really has, never the profile's wish list
        werk = format_list([label("werkvoorkeur", w, lang).lower() for w in route.werk_match], lang)
        return t("report.why_work", lang, interesses=interesses, werk=werk)
    return t("report.why", lang, interesses=interesses)


def _geen_techniek(advies: Advies, lang: str) -> GeenTechniekBlok | None:
    zt = advies.zonder_techniekprofiel
    if zt is None:
        return None
    # most useful first: a pupil can drop lines from the end when the page is full
    order = {"school_in_de_buurt": 0, "keuzevakken": 1, "praktijkgericht_programma": 2, "doorstroom": 3}
    regels = [_in(zt.uitleg, lang)]
    regels += [_in(m.tekst, lang) for m in sorted(zt.mogelijkheden, key=lambda m: order.get(m.soort, 9))]
    return GeenTechniekBlok(t("report.no_techniek_title", lang), [r for r in regels if r])


def _beroepen(route: RouteAdvies, lang: str, most: int = 2) -> tuple[str, ...]:
    """What the first beroepen of the route are, in the page's language (the names stay Dutch). On a right-to-left
    page a left-to-right mark closes the Dutch name, so that its closing bracket is not mirrored to the other end."""
    mark = "\u200e" if direction(lang) == "rtl" else ""
    getoond = list(route.beroepen_info[:most])
    # a beroep the card's text names (for the way of working, or in the labour-market sentence) is listed too, in
    # place of the last one nobody names (review 4: Scheepsbouwer, mechatronicus named but not listed)
    genoemd = [
        b
        for b in route.beroepen_info
        if (b.naam == route.werk_beroep and route.werk_match)
        or (
            route.arbeidsmarkt_schaal == "beroep"
            and b.arbeidsmarkt
            and b.naam in (route.arbeidsmarkt_tekst or {}).get("nl", "")
        )
    ]
    for b in genoemd[:most]:
        if b not in getoond:
            vrij = [i for i, g in enumerate(getoond) if g not in genoemd]
            if vrij:
                getoond[vrij[-1]] = b
    return tuple(f"{b.naam}{mark}: {_in(b.omschrijving, lang)}" for b in getoond)


def _names(items: Iterable[str], lang: str) -> str:
    return format_list(list(dict.fromkeys(items)), lang)


def _fase(advies: Advies, lang: str) -> FaseBlok | None:
    """The stage advice in a few lines: why, which profielen and schools (po, vo1-2), which hbo/wo directions
    (havo/vwo), then the concrete steps. Most useful first: the page drops lines from the end when full."""
    fa = advies.fase_advies
    if fa is None:
        return None
    regels: list[str] = []
    if fa.profielen:  # without interests: the leerweg's techniekprofielen, not 'profielen that fit' (review R23)
        key = "report.stage_profielen" if any(p.interesses for p in fa.profielen) else "report.stage_techniekprofielen"
        regels.append(t(key, lang, profielen=_names((p.naam for p in fa.profielen), lang)))
    dichtbij = [s for s in fa.scholen if not s.verder_weg]  # those further away come in their own step, later
    if dichtbij:
        regels.append(
            t(
                "report.stage_scholen",
                lang,
                # as the advice writes them: a school placed only at gemeente level says so (review 5, R36)
                scholen=_names((school_tekst(s, lang) for s in dichtbij[:3]), lang),
            )
        )
    if fa.vervolg:
        regels.append(
            t("report.stage_vervolg", lang, richtingen=_names((f"{v.soort} {v.naam}" for v in fa.vervolg[:3]), lang))
        )
    # the leerbedrijf step is on the BBL route itself, activities are in the routes' next steps
    regels += [_in(s.tekst, lang) for s in fa.stappen if s.soort not in ("leerbedrijf", "activiteiten", "scholen")]
    uitleg = "" if fa.fase == "vmbo_bovenbouw" else _in(fa.uitleg, lang)  # there the routes say it
    return FaseBlok(_in(fa.titel, lang), uitleg, [r for r in regels if r])


def page_content(
    kb: KnowledgeBase,
    profiel: Profiel,
    advies: Advies,
    lang: str,
    initiatives: Mapping[str, Initiatief] | None = None,
    today: date | None = None,
) -> VerslagPagina:
    """The page of one language (finished text; the PDF and the print page only lay it out)."""
    initiatives = dict(kb.initiatieven) | dict(initiatives or {})
    school = kb.scholen.get(profiel.school or "")
    routes: list[RouteRegel] = []
    refs: list[str] = []
    leerbedrijf_said = False
    gezegd: set[str] = set()  # caveats already on the page
    later = any(r.horizon for r in advies.routes)
    horizon = advies.fase in ("po", "vo_onderbouw", "havo_vwo_onderbouw")  # the mbo routes are a view of later
    for route in advies.routes[:MAX_ROUTES]:
        opl = route.opleiding
        prospect, prospect_refs = _prospect(kb, route, lang)
        refs += prospect_refs + list(route.bronnen)
        leerbedrijf = route.volgende_stap.leerbedrijf
        routes.append(
            RouteRegel(
                icon=richting_icon(opl.richting),
                titel=opl.naam,
                soort=t("report.route_kind", lang, niveau=opl.niveau, leerwegen=" / ".join(opl.leerwegen))
                + (
                    f" · {t('report.later_havo_vwo' if route.zijpad else 'report.later', lang)}"
                    if route.horizon
                    else ""
                ),
                waarom=_why(route, profiel, lang),
                vooruitzicht=prospect,
                volgende_stap=_next_step(route, initiatives, lang, gezegd, kb, po=profiel.schooltype == "po"),
                beroepen=_beroepen(route, lang),
                leerbedrijf=_in(leerbedrijf, lang) if leerbedrijf and not leerbedrijf_said else "",
            )
        )
        leerbedrijf_said = leerbedrijf_said or bool(leerbedrijf)
    if advies.zonder_techniekprofiel:
        refs += [m.bron for m in advies.zonder_techniekprofiel.mogelijkheden if m.bron]
    if advies.fase_advies:
        refs += [s.bron for s in advies.fase_advies.stappen if s.bron]
        refs += [p.bron for p in advies.fase_advies.profielen if p.bron]
    refs += [z.bron for z in advies.sector_uitspraken[:2]]
    interesses = format_list([label("interesse", c, lang) for c in profiel.interesses], lang)
    return VerslagPagina(
        lang=lang,
        titel=t("report.title", lang),
        datum=format_date(today or date.today(), lang),
        school=t("report.school", lang, school=school.naam if school else t("report.school_unknown", lang)),
        leerjaar=t(
            # groep 7/8: the leerjaar label already says primary school; "Groep 8, Basisschool" repeats it (review 4)
            "report.year_po" if profiel.schooltype == "po" else "report.year",
            lang,
            leerjaar=label("leerjaar", profiel.leerjaar, lang),
            schooltype=label("schooltype", profiel.schooltype, lang),
        ),
        interesses=t("report.interests", lang, interesses=interesses or "–"),
        geen_techniek=_geen_techniek(advies, lang),
        routes_titel=t(
            # groep 7/8 and klas 1-2 without routes: the mbo is a horizon, never "Routes (0)" (review 5, R12)
            "report.routes_title_horizon_geen"
            if not routes and horizon
            # groep 7/8 with a havo/vwo advice: mbo 4 is for much later, not 'also possible' now (review 5, R24)
            else "report.routes_title_later"
            if later and profiel.schooltype == "po"
            else "report.routes_title_zijpad"  # havo/vwo: mbo 4 is the side path beside the hbo/wo directions above
            if advies.routes and all(r.zijpad for r in advies.routes)
            else "report.routes_title_later"
            if later
            else "report.routes_title",
            lang,
            n=len(routes),
        ),
        routes=routes,
        geen_routes=t("report.no_routes_horizon" if horizon else "report.no_routes", lang),
        afspraken_titel=t("report.agreements", lang),
        afspraken_kop=(t("report.who", lang), t("report.what", lang), t("report.when", lang)),
        handtekeningen_titel=t("report.signatures", lang),
        handtekeningen=(
            t("report.sign_pupil", lang),
            t("report.sign_parent", lang),
            # a groep 7/8 family signs with the leerkracht: primary school has no mentor (review 4)
            t("report.sign_leerkracht" if profiel.schooltype == "po" else "report.sign_mentor", lang),
        ),
        bronnen=t("report.sources_line", lang, bronnen="; ".join(_readable_sources(kb, refs, lang))),
        gemaakt=t("report.generated", lang),
        fase=_fase(advies, lang),
        sector_titel=t("report.sector_title", lang),
        sector=[_in(z.tekst, lang) for z in advies.sector_uitspraken[:2]],
    )


def _readable_sources(kb: KnowledgeBase, refs: Iterable[str], lang: str) -> list[str]:
    """Short labels ('SEOR 2026, tabel 3.6'); the editors' own general knowledge is not a source to list."""
    wanted = [r for r in dict.fromkeys(refs) if r and not r.startswith(("algemene_kennis", "geo_"))]
    return source_labels(kb, wanted, lang)


def _languages(parent_lang: str | None) -> list[str]:
    return ["nl"] if parent_lang in ("", "nl", None) else ["nl", parent_lang]


def pages(
    kb: KnowledgeBase,
    profiel: Profiel,
    advies: Advies,
    parent_lang: str | None = "nl",
    initiatives: Mapping[str, Initiatief] | None = None,
    today: date | None = None,
) -> list[VerslagPagina]:
    return [page_content(kb, profiel, advies, lang, initiatives, today) for lang in _languages(parent_lang)]


# --------------------------------------------------------------------------- PDF


class _Layout:
    """Draws one language's page on an fpdf2 document; mirrors x positions for right-to-left pages."""

    def __init__(self, pdf: Any, lang: str, scale: float) -> None:
        self.pdf = pdf
        self.rtl = direction(lang) == "rtl"
        self.align = "R" if self.rtl else "L"
        self.scale = scale
        # HarfBuzz shaping is needed for Arabic (joined letters, bidi per line) and slow in fpdf2's line
        # breaking, so the left-to-right pages go without it
        pdf.set_text_shaping(use_shaping_engine=self.rtl, direction="rtl" if self.rtl else None)

    @property
    def width(self) -> float:
        return float(self.pdf.epw)

    def font(self, size: float, bold: bool = False) -> None:
        self.pdf.set_font("DejaVu", "B" if bold else "", size * self.scale)

    def text(
        self,
        text: str,
        size: float = 10,
        bold: bool = False,
        indent: float = 0,
        gap: float = 0.6,
        color: tuple[int, int, int] = (0, 0, 0),
    ) -> None:
        """A paragraph across the page (less ``indent`` on the reading side's start)."""
        if not text:
            return
        self.font(size, bold)
        self.pdf.set_text_color(*color)
        x = self.pdf.l_margin + (0 if self.rtl else indent)
        self.pdf.set_x(x)
        self.pdf.multi_cell(
            self.width - indent, size * 0.47 * self.scale, text, align=self.align, new_x="LMARGIN", new_y="NEXT"
        )
        self.pdf.set_text_color(0, 0, 0)
        self.pdf.ln(gap * self.scale)

    def rule(self, gap: float = 1.5) -> None:
        y = self.pdf.get_y() + gap
        self.pdf.set_draw_color(180, 180, 180)
        self.pdf.line(self.pdf.l_margin, y, self.pdf.l_margin + self.width, y)
        self.pdf.set_draw_color(0, 0, 0)
        self.pdf.set_y(y + gap)

    def heading(self, text: str) -> None:
        self.pdf.ln(1.2 * self.scale)
        self.text(text, 12, bold=True, gap=0.8, color=(20, 70, 150))

    def route(self, regel: RouteRegel) -> None:
        """Symbol on the reading side's start, title and four short lines beside it."""
        pdf = self.pdf
        top = pdf.get_y()
        icon_w = 11.0
        icon_x = pdf.l_margin + self.width - icon_w if self.rtl else pdf.l_margin
        pdf.set_fill_color(228, 238, 252)
        pdf.rect(icon_x, top + 0.5, icon_w - 2, icon_w - 2, style="F")
        pdf.set_xy(icon_x, top + 0.5)
        self.font(15)
        pdf.set_text_color(20, 70, 150)
        pdf.cell(icon_w - 2, icon_w - 2, regel.icon, align="C")
        pdf.set_text_color(0, 0, 0)
        pdf.set_y(top)
        indent = icon_w + 1
        self.text(regel.titel, 11, bold=True, indent=indent, gap=0.1)
        self.text(regel.soort, 9, indent=indent, gap=0.4, color=(90, 90, 90))
        for beroep in regel.beroepen:
            self.text(beroep, 9, indent=indent, gap=0.3, color=(40, 40, 40))
        for line in (regel.waarom, regel.vooruitzicht, regel.volgende_stap, regel.leerbedrijf):
            self.text(line, 9, indent=indent, gap=0.3)
        pdf.set_y(max(pdf.get_y(), top + icon_w) + 1.2 * self.scale)

    def box(self, blok: GeenTechniekBlok) -> None:
        """The geen-techniekprofiel block: framed, so that a family sees it first."""
        pdf = self.pdf
        top = pdf.get_y()
        pdf.set_left_margin(pdf.l_margin + 3)
        pdf.set_right_margin(pdf.r_margin + 3)
        pdf.set_y(top + 2)
        self.text("⚠ " + blok.titel if not self.rtl else blok.titel + " ⚠", 11, bold=True, gap=0.8, color=(150, 60, 0))
        for regel in blok.regels:
            self.text(regel, 9, gap=0.5)
        bottom = pdf.get_y() + 1
        pdf.set_left_margin(pdf.l_margin - 3)
        pdf.set_right_margin(pdf.r_margin - 3)
        pdf.set_draw_color(210, 110, 20)
        pdf.set_line_width(0.5)
        pdf.rect(pdf.l_margin, top, self.width, bottom - top)
        pdf.set_line_width(0.2)
        pdf.set_draw_color(0, 0, 0)
        pdf.set_y(bottom + 2)

    def stage(self, blok: FaseBlok) -> None:
        """The stage advice: a heading, the why, then short lines."""
        self.heading(blok.titel)
        self.text(blok.uitleg, 9.5, gap=0.4)
        for regel in blok.regels:
            self.text("• " + regel, 9, gap=0.4)

    def agreements(self, titel: str, kop: tuple[str, str, str], rows: int = 3) -> None:
        self.heading(titel)
        widths = [0.25, 0.5, 0.25]
        cols = list(zip(kop, widths, strict=True))
        if self.rtl:
            cols.reverse()
        pdf = self.pdf
        row_h = 8.5 * self.scale
        self.font(9, bold=True)
        x = pdf.l_margin
        y = pdf.get_y()
        for text, w in cols:
            pdf.set_xy(x, y)
            pdf.cell(self.width * w, 6, text, border="B", align=self.align)
            x += self.width * w
        pdf.set_y(y + 6)
        pdf.set_draw_color(160, 160, 160)
        for _ in range(rows):
            y = pdf.get_y() + row_h
            x = pdf.l_margin
            for _text, w in cols:
                pdf.line(x + 1, y, x + self.width * w - 2, y)
                x += self.width * w
            pdf.set_y(y)
        pdf.set_draw_color(0, 0, 0)
        pdf.ln(2)

    def signatures(self, titel: str, names: tuple[str, str, str]) -> None:
        self.heading(titel)
        pdf = self.pdf
        order = list(names)[::-1] if self.rtl else list(names)
        w = self.width / 3
        y = pdf.get_y() + 12 * self.scale
        self.font(9)
        for i, name in enumerate(order):
            x = pdf.l_margin + i * w
            pdf.line(x + 2, y, x + w - 4, y)
            pdf.set_xy(x + 2, y + 0.5)
            pdf.cell(w - 6, 5, name, align=self.align)
        pdf.set_y(y + 7)


def _draw_page(pdf: Any, page: VerslagPagina, scale: float, detail: int) -> None:
    lay = _Layout(pdf, page.lang, scale)
    pdf.add_page()
    lay.text(page.titel, 16, bold=True, gap=0.5)
    lay.text(page.datum, 9, gap=0.2, color=(90, 90, 90))
    lay.rule()
    lay.text(page.school, 10, bold=True, gap=0.3)
    lay.text(page.leerjaar, 10, gap=0.3)
    lay.text(page.interesses, 10, gap=1)
    if page.geen_techniek is not None:
        blok = page.geen_techniek
        lay.box(GeenTechniekBlok(blok.titel, blok.regels[:detail]))
    if page.fase is not None and (page.fase.uitleg or page.fase.regels):
        lay.stage(FaseBlok(page.fase.titel, page.fase.uitleg, page.fase.regels[:detail]))
    lay.heading(page.routes_titel)
    if not page.routes:
        lay.text(page.geen_routes, 10)
    for regel in page.routes:
        lay.route(regel)
    if page.sector:
        lay.heading(page.sector_titel)
        for zin in page.sector[: max(1, detail - 2)]:
            lay.text(zin, 9, gap=0.3)
    lay.agreements(page.afspraken_titel, page.afspraken_kop)
    lay.signatures(page.handtekeningen_titel, page.handtekeningen)
    lay.rule(1)
    lay.text(page.bronnen, 7.5, gap=0.4, color=(80, 80, 80))
    lay.text(page.gemaakt, 7.5, gap=0, color=(80, 80, 80))


# (scale, lines of the geen-techniekprofiel block) to try after the first fit, most readable first
_FIRST = (1.0, 4)
_LARGER = (1.12, 4)
_SMALLER = ((0.93, 4), (0.93, 3), (0.86, 3), (0.8, 2), (0.74, 2))
USABLE_MM = 297 - 12 - 10  # A4 less the top margin and the page-break margin


def _render_page(page: VerslagPagina, scale: float, detail: int) -> tuple[bytes, int, float]:
    """One language's page as its own PDF: (bytes, number of pages, how far down the page it reached)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(auto=True, margin=10)
    pdf.add_font("DejaVu", "", str(find_font()))
    pdf.add_font("DejaVu", "B", str(find_font(bold=True)))
    pdf.set_title(page.titel)
    pdf.set_lang(page.lang)
    pdf.set_creator("LOB-Kompas")
    _draw_page(pdf, page, scale, detail)
    return bytes(pdf.output()), pdf.pages_count, float(pdf.get_y())


def _fitted_page(page: VerslagPagina) -> bytes:
    """The page at the largest type that still fits one A4 (each try costs a full layout, so few tries:
    a page that is less than 80 % full tries larger type once; one that runs over gets smaller)."""
    data, count, bottom = _render_page(page, *_FIRST)
    if count == 1:
        if bottom / USABLE_MM < 0.8:
            larger, count, _ = _render_page(page, *_LARGER)
            if count == 1:
                return larger
        return data
    for scale, detail in _SMALLER:
        data, count, _ = _render_page(page, scale, detail)
        if count == 1:
            break
    return data


def build_pdf(
    kb: KnowledgeBase,
    profiel: Profiel,
    advies: Advies,
    parent_lang: str | None = "nl",
    initiatives: Mapping[str, Initiatief] | None = None,
    today: date | None = None,
) -> bytes:
    """The verslag as PDF bytes: one A4 page in Dutch, then one in the parents' language.

    A page that would run over is made to fit: first the geen-techniekprofiel block keeps its most
    important lines only, then the type gets a little smaller."""
    try:
        import uharfbuzz  # noqa: F401  (fpdf2's text shaping needs it)
    except ImportError:
        raise ReportError("Voor het verslag is het pakket uharfbuzz nodig: pip install uharfbuzz") from None
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in pages(kb, profiel, advies, parent_lang, initiatives, today):
        writer.append(PdfReader(io.BytesIO(_fitted_page(page))))
    writer.add_metadata({"/Title": t("report.title", "nl"), "/Creator": "LOB-Kompas"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --------------------------------------------------------------------------- print page (HTML)


def build_html(
    kb: KnowledgeBase,
    profiel: Profiel,
    advies: Advies,
    parent_lang: str | None = "nl",
    initiatives: Mapping[str, Initiatief] | None = None,
    today: date | None = None,
) -> str:
    """A print-friendly page with the same content; each language block carries its own ``lang`` and ``dir``."""
    e = html.escape
    blocks = []
    for page in pages(kb, profiel, advies, parent_lang, initiatives, today):
        parts = [
            f"<h1>{e(page.titel)}</h1><p class='date'>{e(page.datum)}</p>",
            f"<p><b>{e(page.school)}</b><br>{e(page.leerjaar)}<br>{e(page.interesses)}</p>",
        ]
        if page.geen_techniek:
            parts.append(
                f"<div class='warn'><h2>⚠ {e(page.geen_techniek.titel)}</h2>"
                + "".join(f"<p>{e(r)}</p>" for r in page.geen_techniek.regels)
                + "</div>"
            )
        if page.fase:
            parts.append(
                f"<h2>{e(page.fase.titel)}</h2><p>{e(page.fase.uitleg)}</p><ul class='stage'>"
                + "".join(f"<li>{e(r)}</li>" for r in page.fase.regels)
                + "</ul>"
            )
        parts.append(f"<h2>{e(page.routes_titel)}</h2>")
        if not page.routes:
            parts.append(f"<p>{e(page.geen_routes)}</p>")
        for r in page.routes:
            parts.append(
                f"<div class='route'><span class='icon' aria-hidden='true'>{e(r.icon)}</span><div>"
                f"<b>{e(r.titel)}</b> · {e(r.soort)}<br>"
                + "".join(f"<i>{e(b)}</i><br>" for b in r.beroepen)
                + f"{e(r.waarom)}<br>{e(r.vooruitzicht)}<br>{e(r.volgende_stap)}"
                + (f"<br>{e(r.leerbedrijf)}" if r.leerbedrijf else "")
                + "</div></div>"
            )
        if page.sector:
            parts.append(f"<h2>{e(page.sector_titel)}</h2>" + "".join(f"<p>{e(z)}</p>" for z in page.sector))
        head = "".join(f"<th>{e(h)}</th>" for h in page.afspraken_kop)
        parts.append(
            f"<h2>{e(page.afspraken_titel)}</h2><table><tr>{head}</tr>"
            + "<tr><td></td><td></td><td></td></tr>" * 3
            + "</table>"
        )
        parts.append(
            f"<h2>{e(page.handtekeningen_titel)}</h2><div class='sign'>"
            + "".join(f"<div>{e(n)}</div>" for n in page.handtekeningen)
            + "</div>"
        )
        parts.append(f"<p class='small'>{e(page.bronnen)}<br>{e(page.gemaakt)}</p>")
        blocks.append(f"<section lang='{page.lang}' dir='{direction(page.lang)}'>{''.join(parts)}</section>")
    style = (
        "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.45}"
        "section{page-break-after:always}h2{color:#14469a;font-size:1.1rem}.date,.small{color:#555}"
        ".small{font-size:.8rem}.warn{border:2px solid #d26e14;padding:.2rem .8rem;border-radius:.4rem}"
        ".route{display:flex;gap:.6rem;margin:.5rem 0}.icon{font-size:1.6rem;background:#e4eefc;"
        "min-width:2.4rem;text-align:center;border-radius:.3rem}table{width:100%;border-collapse:collapse}"
        "td{border-bottom:1px solid #999;height:2rem}th{text-align:start;border-bottom:2px solid #333}"
        ".sign{display:flex;gap:1.5rem}.sign div{flex:1;border-top:1px solid #333;margin-top:3rem}"
        "@media print{body{margin:0}}"
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>LOB-Kompas</title><style>{style}</style>"
        f"</head><body>{''.join(blocks)}</body></html>"
    )

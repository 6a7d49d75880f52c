"""Advice per school stage: what the pupil decides next, and the concrete steps for it.

* **po** (groep 7/8): which vmbo leerweg (from the schooladvies) and profiel fit, how often a pupil
  in the region sits at a school with that profiel (seor2026 Tabel 3.1, so the family looks for
  one), vmbo schools nearby that have it, and activities for the basisschool. The mbo routes are a
  horizon, not the next step.
* **vo_onderbouw** (vmbo klas 1-2): the profielkeuze at the end of klas 2, with the mbo routes as
  horizon; a warning when the own school lacks the profiel, with schools nearby that have it.
* **havo_vwo_onderbouw** (havo/vwo klas 1-3): the choice of an N-profiel, with hbo directions as horizon.
* **vmbo_bovenbouw** (vmbo klas 3-4): the mbo routes; open days, proefstuderen, the 1 April sign-up,
  a leerbedrijf for BBL.
* **havo_vwo_bovenbouw**: hbo (and for vwo wo) directions next to mbo 4, where the knowledge holds them.

Interest -> vmbo profiel is our own mapping (:data:`INTERESSE_PROFIELEN`, documented in README).
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge import vocab
from knowledge.geo import haversine_km
from knowledge.i18n import t, word
from knowledge.i18n.formats import format_list, format_number
from knowledge.loader import KnowledgeBase
from knowledge.schema import Cijfer, School
from knowledge.sources import ref_text, source_label
from recommender.explain import (
    interesses_tekst,
    km_tekst,
    lijst,
    profiel_markt_zin,
    profiel_naam,
    school_tekst,
    school_volgorde,
)
from recommender.models import ActiviteitAdvies, FaseAdvies, HoRichting, ProfielKeuze, SchoolAfstand, Stap
from recommender.profile import (
    Profiel,
    ProfielError,
    plaats_van,
    profielen_voor,
    thuis_bij_benadering,
    vmbo_leerweg,
)
from recommender.routes import RouteInfo, blend_zonder_eigen_deel, route_index, toelaatbaar
from recommender.scoring import RouteScore

# Which vmbo profielen (bb/kb/gl) fit an interest, best first (our own mapping; README).
INTERESSE_PROFIELEN: dict[str, tuple[str, ...]] = {
    "bouwen": ("BWI",),
    "elektro": ("PIE",),
    "autos_motoren": ("MT",),
    "ict_programmeren": ("MVI",),
    "haven_schepen": ("MaT",),
    "energie_duurzaamheid": ("PIE",),
    "maken_ontwerpen": ("BWI", "PIE"),
    "machines": ("PIE", "MT"),
    "logistiek": ("MT", "MaT"),
    "natuur_proefjes": ("PIE",),
    "media_vormgeving": ("MVI",),
    "gaming": ("MVI",),
    "tekenen_ontwerpen": ("MVI",),  # not BWI: drawing and design is MVI (vormgeving); BWI is building (review 7, R52)
    "zorg_welzijn": ("ZW",),
    "economie_handel": ("EO",),
    "sport_bewegen": ("ZW", "DP"),
    "koken_horeca": ("HBR",),
    "mode_uiterlijk": ("ZW", "DP"),
    "dieren_natuur": ("GR",),
}
# Why an interest fits a profiel where that is not self-evident, with the report that supports it (review R12:
# "Z&W past bij sport" needs a reason a decaan can check). (interest, profiel) -> (advies key, source).
KOPPELING_REDEN: dict[tuple[str, str], tuple[str, str]] = {
    ("sport_bewegen", "ZW"): ("koppeling_sport_zw", "seor2026#Tabel 3.2"),  # mbo sector 'zorg, welzijn en sport'
    ("sport_bewegen", "DP"): ("koppeling_sport_dp", "oberon2024#Hoofdstuk 5"),  # a sport school offers D&P and Z&W
}
# The same for the theoretische leerweg (four broad profielen).
INTERESSE_TL: dict[str, str] = {
    **{i: "TL_TECHNIEK" for i in vocab.TECHNISCHE_INTERESSES},
    "zorg_welzijn": "TL_ZW",
    "sport_bewegen": "TL_ZW",
    "mode_uiterlijk": "TL_ZW",
    "economie_handel": "TL_ECONOMIE",
    # no koken_horeca: HBR is a b/k/g profiel, and TL Economie is not about cooking (review 5, R36); a tl advice
    # hears that the gemengde leerweg at a school with HBR is the way (:func:`_tl_via_gemengd`)
    "dieren_natuur": "TL_LANDBOUW",
}
BRON_PROFIELKEUZE = "seor2026#6.1"  # inform families at the po choice which profielen a school offers (and lacks)
# havo/vwo: for animals, nature or care the profiel is Natuur en Gezondheid with biologie (general knowledge); it leads
# the profile advice, with natuurkunde to keep techniek open (review 9, R34)
NG_BIOLOGIE_INTERESSES = ("dieren_natuur", "zorg_welzijn")
# tl: these interests fit TL Techniek, but the beroepsgerichte profiel about them (MVI) is in b/k/g only, so a tl advice
# hears that the gemengde leerweg is a way to it too (review 9, R36); the other TL-Techniek interests are not said
TL_OOK_GEMENGD = ("media_vormgeving", "tekenen_ontwerpen")
BRON_N_PROFIEL = "seor2026#3.3.2"  # NT and NG are a good preparation for techniek (the access rules: general knowledge)
BRON_AANBOD = "seor2026#Tabel 3.1"
BRON_PROFIEL_ONZEKER = "oberon2024#2.2"  # M&T, MVI and MaT each at one location in Rotterdam Zuid (2024)
MAX_PROFIELEN = 3
MAX_SCHOLEN = 4
MAX_OPLEIDINGEN_PER_PROFIEL = 3
REGIO_AANBOD = ("Rotterdam", "Den Haag")  # Tabel 3.1 has these two cities; elsewhere the metropoolregio


def fase_van(profiel: Profiel) -> str:
    if profiel.schooltype == "po":
        return "po"
    if profiel.schooltype in ("havo", "vwo"):
        return "havo_vwo_onderbouw" if profiel.leerjaar in ("vo1", "vo2", "vo3") else "havo_vwo_bovenbouw"
    return "vo_onderbouw" if profiel.leerjaar in ("vo1", "vo2") else "vmbo_bovenbouw"


def is_horizon(fase: str) -> bool:
    """In these stages the mbo routes are a view of later, not the next step."""
    return fase in ("po", "vo_onderbouw", "havo_vwo_onderbouw")


def havo_vwo_pad(profiel: Profiel) -> bool:
    """havo/vwo, or a havo/vwo schooladvies in groep 7/8: the own next step is hbo/wo, so the mbo 4 routes are a
    side path shown short beside the hbo/wo directions (review R11, R24)."""
    return profiel.schooltype in ("havo", "vwo") or (
        profiel.schooltype == "po" and profiel.schooladvies in ("havo", "vwo")
    )


def _vmbo_type(profiel: Profiel) -> str | None:
    """The vmbo leerweg the advice is about: the own one, or the schooladvies in groep 7/8."""
    if profiel.schooltype == "po":
        return profiel.schooladvies if profiel.schooladvies and profiel.schooladvies.startswith("vmbo-") else None
    return profiel.schooltype if profiel.schooltype.startswith("vmbo-") else None


def profiel_keuzes(
    kb: KnowledgeBase, profiel: Profiel, routes: list[RouteScore], talen: list[str], gemeente: str | None
) -> list[ProfielKeuze]:
    """The vmbo profielen that fit the pupil's interests, best first (routes add weight to their profiel)."""
    schooltype = _vmbo_type(profiel) or "vmbo-kb"
    tl = schooltype == "vmbo-tl"
    mogelijk = set(profielen_voor(schooltype))
    gewicht: dict[str, float] = {}
    waarom: dict[str, list[str]] = {}
    for pos, interesse in enumerate(profiel.interesses):
        w_int = 1.0 if pos == 0 else 0.8 if pos == 1 else 0.6
        codes = (
            ((INTERESSE_TL[interesse],) if interesse in INTERESSE_TL else ())
            if tl
            else INTERESSE_PROFIELEN.get(interesse, ())
        )
        for rank, code in enumerate(codes):
            if code not in mogelijk:
                continue
            gewicht[code] = gewicht.get(code, 0.0) + w_int * (1.0 if rank == 0 else 0.5)
            waarom.setdefault(code, [])
            if interesse not in waarom[code]:
                waarom[code].append(interesse)
    for s in routes[:3]:  # the best routes support the profiel they start from
        for code in s.route.vmbo_profielen:
            if code in gewicht:
                gewicht[code] += 0.2
                break
    gekozen = sorted(gewicht, key=lambda c: (-gewicht[c], vocab.VMBO_PROFIELEN.index(c)))[:MAX_PROFIELEN]
    out = []
    for code in gekozen:
        cijfer, regio = _aanbod(kb, code, gemeente)
        aanbod = None
        if cijfer is not None:
            aanbod = {
                taal: t(
                    "advies.profiel_aanbod",
                    taal,
                    jaar=cijfer.jaar or "",
                    regio=regio if regio in REGIO_AANBOD else t("advies.regio_mrdh", taal),
                    waarde=format_number(cijfer.waarde, taal),
                    bron=source_label(kb, cijfer.bron, taal),
                )
                for taal in talen
            }
        interesses = waarom[code]
        redenen = [KOPPELING_REDEN[(i, code)] for i in interesses if (i, code) in KOPPELING_REDEN]
        out.append(
            ProfielKeuze(
                code=code,
                naam=profiel_naam(kb, code),
                interesses=interesses,
                uitleg={
                    taal: " ".join(
                        z
                        for z in (
                            t(
                                "advies.profiel_waarom",
                                taal,
                                profiel=profiel_naam(kb, code),
                                interesses=interesses_tekst(interesses, taal),
                            ),
                            profiel_markt_zin(kb, code, taal),  # a report about this profiel (Oberon 2024 on MVI)
                            *(t(f"advies.{key}", taal, bron=source_label(kb, bron, taal)) for key, bron in redenen),
                        )
                        if z
                    )
                    for taal in talen
                },
                aanbod=aanbod,
                bron=ref_text(cijfer.bron) if cijfer is not None else None,
                redenen_bronnen=[bron for _, bron in redenen],
            )
        )
    return out


def _aanbod(kb: KnowledgeBase, code: str, gemeente: str | None) -> tuple[Cijfer | None, str]:
    """The Tabel 3.1 share of pupils at a school that offers this profiel, for the pupil's city or the region."""
    p = kb.profielen.get(code)
    if p is None:
        return None, ""
    regio = gemeente if gemeente in REGIO_AANBOD else "metropoolregio"
    for c in p.cijfers:
        if (
            c.bron.sectie == "Tabel 3.1"
            and "vmbo-locatie" in c.omschrijving
            and c.omschrijving.rsplit(", ", 1)[-1].split(" (")[0] == regio
        ):
            return c, regio
    return None, regio


def scholen_met(
    kb: KnowledgeBase,
    codes: list[str],
    profiel: Profiel,
    plaats: tuple[float, float] | None,
    uitsluiten: str | None = None,
) -> list[SchoolAfstand]:
    """Vmbo schools known to offer one of these profielen (for the pupil's leerweg when known), nearest first.

    Without a place the list is empty: a list of schools without distance helps nobody choose.
    Schools farther than the pupil's travel maximum are left out: the list is presented as "in de buurt",
    and with none left the advice says so and points to scholenopdekaart.nl (review R12).
    """
    if plaats is None or not codes:
        return []
    lw = vmbo_leerweg(_vmbo_type(profiel) or "")
    rows: list[tuple[float, str, School]] = []
    for s in kb.scholen.values():
        if s.id == uitsluiten or s.soort != "vmbo" or not s.profielen_bekend:
            continue
        if not set(codes) & set(s.profielen):
            continue
        if lw and s.leerwegen and lw not in s.leerwegen:
            continue
        if s.locatie.lat is None or s.locatie.lon is None:
            continue
        km = haversine_km(plaats[0], plaats[1], s.locatie.lat, s.locatie.lon)
        if km <= profiel.max_reisafstand_km:
            rows.append((km, s.id, s))
    rows.sort(key=lambda r: (r[0], r[1]))
    # the nearest school for each advised profiel first, then the nearest others: four PIE schools must not
    # hide the one Groen school a few km further (review 5, R44); shown nearest first
    gekozen: list[tuple[float, str, School]] = []
    for code in codes:
        eerste = next((r for r in rows if code in r[2].profielen and r not in gekozen), None)
        if eerste is not None and len(gekozen) < MAX_SCHOLEN and not any(code in g[2].profielen for g in gekozen):
            gekozen.append(eerste)
    gekozen += [r for r in rows if r not in gekozen][: max(0, MAX_SCHOLEN - len(gekozen))]
    rows = sorted(gekozen, key=lambda r: (r[0], r[1]))
    grof = thuis_bij_benadering(kb, profiel)  # home is an area's centre point: every distance gets "~"
    scholen = [
        SchoolAfstand(
            id=s.id,
            naam=s.naam,
            afstand_km=round(km, 1),
            afstand_bij_benadering=grof or s.locatie.precisie == "gemeente",
            profielen=[p for p in s.profielen if p in codes],
            leerwegen=list(s.leerwegen),
            gemeente=s.locatie.gemeente,
            plek_bij_benadering=s.locatie.precisie == "gemeente",
            meerdere_locaties=s.locatie.meerdere_locaties,
            grondslag=s.grondslag,
        )
        for km, _, s in rows[:MAX_SCHOLEN]
    ]
    return sorted(scholen, key=school_volgorde)  # exactly placed first: a town's centre is never 'the nearest'


def _gemeente_van(kb: KnowledgeBase, profiel: Profiel) -> str | None:
    """The pupil's gemeente (from the resolved place, else as filled in)."""
    try:
        place, _ = plaats_van(kb, profiel)
    except ProfielError:
        place = None
    return (place.gemeente if place is not None else None) or profiel.gemeente


def _zoekplaats(kb: KnowledgeBase, profiel: Profiel) -> str | None:
    """What the family types into scholenopdekaart.nl: a town (kern: Spijkenisse, Nootdorp) as it is, a wijk or
    district by its gemeente (Schilderswijk -> Den Haag), since the site searches by place."""
    try:
        place, _ = plaats_van(kb, profiel)
    except ProfielError:
        place = None
    if place is not None and place.soort == "kern":
        return place.naam
    return _gemeente_van(kb, profiel)


def _school_lijst(scholen: list[SchoolAfstand], taal: str) -> str:
    return lijst([school_tekst(s, taal) for s in scholen], taal)


def _stap(soort: str, key: str, talen: list[str], bron: str | None = None, **values: object) -> Stap:
    return Stap(
        soort=soort,
        bron=bron,
        tekst={
            taal: t(f"advies.{key}", taal, **{k: (v(taal) if callable(v) else v) for k, v in values.items()})
            for taal in talen
        },
    )


def activiteiten_proberen(
    profiel: Profiel, activiteiten: list[ActiviteitAdvies], po: bool, n: int = 3, in_routes: bool = False
) -> tuple[str, list[str]] | None:
    """The step "activiteiten om het uit te proberen": (i18n key, up to ``n`` names), by the activity list's own fit
    ranking (review 3, R18). A school's own open day is never listed (it is in the open-day step).

    With interests: the best ones about them the pupil can join alone; else the best ones about them that run
    through school (ask the mentor, in po the leerkracht); else ones about techniek in general; else a plain
    "none yet, go to open days". An activity about another branche (a maritime museum for a bouw pupil) is never
    the headline: it stays in the list below with its label. Without interests every activity is a way to find out.
    """
    # a parents-only item (the parents' film, R52) is no try-out for the pupil (review 7, defect 4)
    kandidaten = [
        a for a in activiteiten if a.open_dag_van is None and ("leerlingen" in a.doelgroepen or not a.doelgroepen)
    ]
    zelf = [a for a in kandidaten if not a.via_school]
    los = "stap_po_activiteiten" if po else "stap_activiteiten"
    if (
        not profiel.interesses
    ):  # techniek in general first, as in the list below (review 8, R23): alone, else via school
        breed = [a for a in kandidaten if set(a.branches) <= {"techniek_breed"}]
        if zelf_breed := [a for a in breed if not a.via_school]:
            return los, [a.naam for a in zelf_breed[:n]]
        if school_breed := [a for a in breed if a.via_school]:
            key = "stap_activiteiten_school_po" if po else "stap_activiteiten_school"
            return key, [a.naam for a in school_breed[:n]]
        return (los, [a.naam for a in zelf[:n]]) if zelf else None
    past = [a for a in kandidaten if a.passende_interesses or a.gevraagde_doelgroep]
    if zelf_past := [a for a in past if not a.via_school]:
        return los, [a.naam for a in zelf_past[:n]]
    if school_past := [a for a in past if a.via_school]:
        return ("stap_activiteiten_school_po" if po else "stap_activiteiten_school"), [a.naam for a in school_past[:n]]
    if algemeen := [a for a in zelf if set(a.branches) == {"techniek_breed"}]:
        return "stap_activiteiten_breed", [a.naam for a in algemeen[:n]]
    if in_routes or any(a.passende_interesses for a in activiteiten):
        # the list below has one on the pupil's interests (an open day, R04/R32), or a route's next step names one
        # (``in_routes``, R19): "nog geen activiteit over je interesses" would contradict it (review 9, defect 5)
        return None
    return ("stap_activiteiten_geen", []) if profiel.technische_interesses() else None


# hbo/wo directions from further ranked routes fill the list up to this many (review 4, R38)
MAX_RICHTINGEN = 6
# a horizon (groep 7/8, klas 1-2) is a glimpse, not a choice list: at most this many mbo routes or hbo/wo directions,
# the best one per interest first (review 8, defect 5: a page of wo/hbo programmes for an 11-year-old)
MAX_HORIZON = 3


def horizon_kort(profiel: Profiel) -> bool:
    """Groep 7/8 and klas 1-2 (vmbo, havo, vwo): the school or profiel choice comes first, later routes stay short.
    Klas 3 of havo/vwo chooses its profiel now and looks at the directions behind it, so it keeps the longer list."""
    return profiel.schooltype == "po" or profiel.leerjaar in ("vo1", "vo2")


def beste_per_interesse(richtingen: list[HoRichting], interesses: Sequence[str], n: int) -> list[HoRichting]:
    """At most ``n`` directions: the first one for each of the pupil's interests (in the pupil's order), then the
    next ones in their own order; the list keeps its order (wo before hbo for vwo)."""
    gekozen: list[int] = []
    for interesse in interesses:
        if len(gekozen) >= n:
            break
        eerste = next((nr for nr, v in enumerate(richtingen) if interesse in v.interesses), None)
        if eerste is not None and eerste not in gekozen:
            gekozen.append(eerste)
    gekozen += [nr for nr in range(len(richtingen)) if nr not in gekozen][: max(0, n - len(gekozen))]
    return [richtingen[nr] for nr in sorted(gekozen)]


def ho_richtingen(
    routes: list[RouteScore],
    profiel: Profiel,
    talen: list[str] | None = None,
    kandidaten: Sequence[RouteScore] = (),
) -> list[HoRichting]:
    """hbo (and for vwo wo) directions behind the pupil's routes, in route order, merged by name.

    ``kandidaten``: the other ranked routes. A havo/vwo pupil's own next step is hbo/wo, so a direction behind an
    mbo route that did not make the short mbo list still counts when that route is about one of the pupil's
    interests (Industrieel ontwerpen behind Technicus engineering for drawing + ICT, review 4 R38); they come
    after the directions behind the chosen routes, up to :data:`MAX_RICHTINGEN`.

    With ``talen`` each direction says which of the pupil's interests it fits (the stage advice numbers them)."""
    vwo = profiel.schooltype == "vwo" or (profiel.schooltype == "po" and profiel.schooladvies == "vwo")
    soorten = ("hbo", "wo") if vwo else ("hbo",)
    merged: dict[tuple[str, str], HoRichting] = {}
    over = [s for s in routes if not s.raakvlak]  # "passen bij je interesses": only behind routes about them
    gekozen = {id(s) for s in routes}
    extra = [s for s in kandidaten if id(s) not in gekozen]
    for nr, s in enumerate([*(over or routes), *extra]):
        aanvulling = nr >= len(over or routes)
        smaller = dict(s.route.vervolg_over)
        for naam, soort, scholen in s.route.vervolg:
            if soort not in soorten:
                continue
            key = (naam, soort)
            if aanvulling and (key in merged or len(merged) >= MAX_RICHTINGEN):
                continue
            if aanvulling and s.raakvlak and key not in smaller:
                continue  # behind a side-link route only a direction coded with the pupil's interest itself
            # a direction narrower than its opleiding fits only the interests it is about (review R30: Aeronautical
            # engineering is about machines, not elektrotechniek)
            eigen = [i for i in s.interesses if key not in smaller or i in smaller[key]]
            if not eigen:
                continue
            if blend_zonder_eigen_deel(s.route, naam, soort, eigen):
                continue  # a blended direction (Technische bedrijfskunde) needs its non-technical interest too
            if key in merged:
                old = merged[key]
                merged[key] = old.model_copy(
                    update={
                        "via": list(dict.fromkeys([*old.via, s.route.naam])) if soort == "hbo" else [],
                        "interesses": list(dict.fromkeys([*old.interesses, *eigen])),
                        "scholen": list(dict.fromkeys([*old.scholen, *scholen])),
                    }
                )
            else:
                merged[key] = HoRichting(
                    naam=naam,
                    soort=soort,
                    scholen=list(scholen),
                    # mbo 4 admits to the hbo, not to a wo bachelor: a wo direction is never "ook via mbo 4"
                    via=[s.route.naam] if soort == "hbo" else [],
                    interesses=eigen,
                )
    # a vwo pupil's own next step is wo (or hbo): wo directions lead, each kind in route order (review R11)
    out = sorted(merged.values(), key=lambda v: soorten[::-1].index(v.soort)) if vwo else list(merged.values())
    if talen:
        out = [
            v.model_copy(
                update={
                    "uitleg": {
                        taal: t(
                            "advies.ho_richting_waarom",
                            taal,
                            interesses=interesses_tekst(v.interesses, taal),
                        )
                        for taal in talen
                    }
                    if v.interesses
                    else {}
                }
            )
            for v in out
        ]
    return out


_INTERESSE_VOLGORDE = {i: n for n, i in enumerate(INTERESSE_PROFIELEN)}  # bouwen before maken_ontwerpen for BWI


_GEWOON_NIVEAU = {"bb": 2, "kb": 3, "gl": 3, "tl": 4}


def _voorbeeld_rang(r: RouteInfo, eigen: set[str]) -> tuple[int, int, int]:
    """Example routes for a profiel: the usual first route of its first interest leads, then routes about it."""
    hoofd = [_INTERESSE_VOLGORDE[i] for i in eigen & r.hoofdroute_voor]
    kern = [_INTERESSE_VOLGORDE[i] for i in eigen & set(r.kern)]  # about it, not only coded with it (review R23)
    return (
        min(hoofd) if hoofd else len(_INTERESSE_VOLGORDE),
        min(kern) if kern else len(_INTERESSE_VOLGORDE),
        0 if eigen & r.opl_interesses else 1,
    )


def techniekprofielen(kb: KnowledgeBase, profiel: Profiel, talen: list[str]) -> list[ProfielKeuze]:
    """The techniekprofielen of the pupil's leerweg and the mbo opleidingen they lead to (usual first routes first).

    For a pupil who filled in nothing (review R23): something concrete to look at while the interests are open."""
    schooltype = _vmbo_type(profiel)
    lw = vmbo_leerweg(schooltype or "")
    if schooltype is None or lw is None:
        return []
    tl = lw == "tl"
    codes = (
        ["TL_TECHNIEK"]
        if tl
        else [
            c
            for c in vocab.VMBO_PROFIELEN
            if c in vocab.TECHNIEK_PROFIELEN and c in kb.profielen and lw in kb.profielen[c].leerwegen
        ]
    )
    index = route_index(kb)
    out = []
    for code in codes:
        past = [
            r
            for r in index.routes
            if toelaatbaar(r, profiel.schooltype, profiel.leerweg_voorkeur, profiel.schooladvies)
            and (set(r.vmbo_profielen) & set(vocab.TECHNIEK_PROFIELEN) if tl else code in r.vmbo_profielen)
        ]
        # the interests this profiel is the first choice for (bouwen -> BWI); their usual first routes lead
        # (Timmerman for BWI), then other routes about them (Metselaar), so each profiel shows its most typical
        # routes (review R23: not 'BWI -> laagspanningsdistributie'), one per trade, at the leerweg's usual niveau
        eigen = {
            i
            for i, c in INTERESSE_PROFIELEN.items()
            if i in vocab.TECHNISCHE_INTERESSES and (tl or (c and c[0] == code))
        }
        gewoon = _GEWOON_NIVEAU.get(lw, 3)  # the niveau most pupils of this leerweg go to: Allround metselaar for kb
        past.sort(key=lambda r: (*_voorbeeld_rang(r, eigen), abs(r.niveau - gewoon)))
        beroepen: set[str] = set()
        gekozen = []
        for r in past:
            if beroepen & set(r.beroep_ids):
                continue  # Eerste autotechnicus after Autotechnicus: the same trade one niveau up says nothing new
            gekozen.append(r)
            beroepen |= set(r.beroep_ids)
        namen = list(dict.fromkeys(r.naam for r in gekozen))[: MAX_OPLEIDINGEN_PER_PROFIEL + (1 if tl else 0)]
        if not namen:
            continue
        out.append(
            ProfielKeuze(
                code=code,
                naam=profiel_naam(kb, code),
                interesses=[],
                uitleg={
                    taal: t(
                        "advies.profiel_leidt_naar",
                        taal,
                        profiel=profiel_naam(kb, code),
                        opleidingen=lijst(namen, taal),
                    )
                    for taal in talen
                },
            )
        )
    return out


def _profielen_of(kb: KnowledgeBase, codes: list[str], taal: str) -> str:
    """'Horeca, bakkerij en recreatie (HBR) of Zorg en welzijn (Z&W)': any one of them will do."""
    return format_list([profiel_naam(kb, c) for c in codes], taal, style="or")


def _school_stappen(
    kb: KnowledgeBase,
    profiel: Profiel,
    codes: list[str],
    plaats: tuple[float, float] | None,
    talen: list[str],
    fase: str,
) -> tuple[list[SchoolAfstand], list[Stap]]:
    """Where the family finds a vmbo school with one of the advised profielen (review R12, R14; review 5 defect 1).

    Local first: for a profiel no known school in the pupil's own gemeente has, the first step is a concrete search
    on scholenopdekaart.nl for the pupil's place, with the gemeente's Tabel 3.1 share where the report has one
    (then such schools exist there). Known schools in another gemeente come only after it, marked as further
    away. ``fase``: po (choosing a school) or vo_onderbouw (at a school already: 'if yours lacks it')."""
    if not codes:
        return [], []
    scholen = scholen_met(kb, codes, profiel, plaats)
    profielen = {taal: _profielen_of(kb, codes, taal) for taal in talen}
    limit = {taal: km_tekst(profiel.max_reisafstand_km, taal, False) for taal in talen}
    if plaats is None:
        return scholen, [
            _stap("scholen_zoeken", "stap_geen_scholen_zonder_plaats", talen, None, profielen=profielen.get)
        ]
    gemeente = _gemeente_van(kb, profiel)
    zoekplaats = _zoekplaats(kb, profiel)
    # profielen that no known school in the pupil's own gemeente has (at any distance: a school in the own town
    # beyond the travel maximum is still the town's)
    lw = vmbo_leerweg(_vmbo_type(profiel) or "")
    in_gemeente = {
        c
        for sch in kb.scholen.values()
        if sch.soort == "vmbo"
        and sch.profielen_bekend
        and sch.locatie.gemeente == gemeente
        and not (lw and sch.leerwegen and lw not in sch.leerwegen)
        for c in sch.profielen
    }
    missend = [c for c in codes if c not in in_gemeente] if gemeente and zoekplaats else []
    if missend:  # schools elsewhere come after the local search, marked as further away
        scholen = [s.model_copy(update={"verder_weg": s.gemeente != gemeente}) for s in scholen]
    lokaal = [s for s in scholen if not s.verder_weg]
    verder = [s for s in scholen if s.verder_weg]
    stappen: list[Stap] = []
    if missend and zoekplaats:
        stappen += _lokaal_zoeken(kb, missend, gemeente, zoekplaats, talen, fase)
    if lokaal:
        key = "stap_po_scholen" if fase == "po" else "stap_vo_scholen"
        lokale_codes = [c for c in codes if any(c in s.profielen for s in lokaal)]
        stappen.append(
            _stap(
                "scholen",
                key,
                talen,
                None,
                scholen=lambda taal: _school_lijst(lokaal, taal),
                profielen=lambda taal: _profielen_of(kb, lokale_codes, taal),
            )
        )
    if verder:
        verder_codes = [c for c in codes if any(c in s.profielen for s in verder)]
        if missend:
            key = "stap_scholen_verder" if fase == "po" else "stap_vo_scholen_verder"
        else:
            key = "stap_po_scholen" if fase == "po" else "stap_vo_scholen"
        stappen.append(
            _stap(
                "scholen_verder" if missend else "scholen",
                key,
                talen,
                None,
                scholen=lambda taal: _school_lijst(verder, taal),
                profielen=lambda taal: _profielen_of(kb, verder_codes, taal),
                gemeente=gemeente or "",
            )
        )
    if scholen:
        # a newer report counts fewer schools with this profiel than the older plan the school data comes from
        twijfel = [s for s in scholen if set(codes) & set(kb.scholen[s.id].profielen_onzeker)]
        if twijfel:
            code = next(c for c in codes if any(c in kb.scholen[s.id].profielen_onzeker for s in twijfel))
            stappen.append(
                _stap(
                    "scholen_nagaan",
                    "stap_profiel_onzeker",
                    talen,
                    BRON_PROFIEL_ONZEKER,
                    profiel=profiel_naam(kb, code),
                    scholen=lambda taal: lijst([s.naam for s in twijfel], taal),
                ),
            )
        if not missend:
            stappen.append(_stap("scholen_zoeken", "stap_po_meer_scholen", talen))
    elif not missend:
        key = "stap_po_geen_scholen" if fase == "po" else "stap_vo_geen_scholen"
        stappen.append(_stap("scholen_zoeken", key, talen, None, profielen=profielen.get, max=limit.get))
    return scholen, stappen


def _gemeente_aandelen(kb: KnowledgeBase, codes: list[str], gemeente: str | None) -> list[tuple[str, Cijfer]]:
    """Tabel 3.1 shares for the pupil's own gemeente (only Rotterdam and Den Haag have them); '-' gives none."""
    out = []
    for code in codes:
        cijfer, regio = _aanbod(kb, code, gemeente)
        if cijfer is not None and regio == gemeente and cijfer.waarde > 0:
            out.append((code, cijfer))
    return out


def _lokaal_zoeken(
    kb: KnowledgeBase, codes: list[str], gemeente: str | None, zoekplaats: str, talen: list[str], fase: str
) -> list[Stap]:
    """The concrete local search for profielen LOB-Kompas knows no school for in the pupil's gemeente, and per
    profiel the gemeente's Tabel 3.1 share when the report has one (Rotterdam, Den Haag): then such schools are
    there. No share, or '-', says nothing either way, so then no claim is made."""
    stappen = [
        _stap(
            "scholen_lokaal",
            "stap_scholen_lokaal_zoeken" if fase == "po" else "stap_vo_scholen_lokaal_zoeken",
            talen,
            None,
            plaats=zoekplaats,
            profielen=lambda taal: _profielen_of(kb, codes, taal),
        )
    ]
    # the gemeente's Tabel 3.1 shares in one sentence (the profiel list above then leaves them out)
    cijfers = _gemeente_aandelen(kb, codes, gemeente)
    if cijfers:
        bron = cijfers[0][1].bron
        stappen.append(
            Stap(
                soort="scholen_lokaal_aanbod",
                bron=ref_text(bron),
                tekst={
                    taal: t(
                        "advies.stap_scholen_lokaal_aanbod",
                        taal,
                        gemeente=gemeente,
                        jaar=cijfers[0][1].jaar or "",
                        aandelen=lijst(
                            [
                                t(
                                    "advies.aandeel_profiel",
                                    taal,
                                    profiel=profiel_naam(kb, code),
                                    waarde=format_number(c.waarde, taal),
                                )
                                for code, c in cijfers
                            ],
                            taal,
                        ),
                        bron=source_label(kb, bron, taal),
                    )
                    for taal in talen
                },
            )
        )
    return stappen


BRON_BKG = "seor2026#Tabel 3.1"  # the beroepsgerichte profielen are offered in the leerwegen basis, kader, gemengd


def _ng_biologie(profiel: Profiel, talen: list[str]) -> list[Stap]:
    """havo/vwo with animals, nature or care: Natuur en Gezondheid with biologie first (general knowledge)."""
    codes = [i for i in profiel.interesses if i in NG_BIOLOGIE_INTERESSES]
    if not codes:
        return []
    return [
        _stap(
            "ng_biologie",
            "stap_havo_ng_biologie",
            talen,
            "algemene_kennis",
            interesses=lambda taal: interesses_tekst(codes, taal, "or"),
        )
    ]


def _tl_via_gemengd(
    kb: KnowledgeBase, profiel: Profiel, plaats: tuple[float, float] | None, talen: list[str], fase: str
) -> list[Stap]:
    """A tl advice (or tl in klas 1-2) with an interest whose profiel exists only in b/k/g (cooking: HBR): say so,
    and that the gemengde leerweg at a school with that profiel is the way (ask the leerkracht / decaan), with the
    known schools that have it in gl. Never a TL profiel that does not fit (review 5, R36)."""
    if vmbo_leerweg(_vmbo_type(profiel) or "") != "tl":
        return []
    gl = profiel.model_copy(
        update={"schooladvies": "vmbo-gl"} if profiel.schooltype == "po" else {"schooltype": "vmbo-gl"}
    )
    stappen = []
    gezegd: set[str] = set()
    for interesse in profiel.interesses:
        ook = interesse in TL_OOK_GEMENGD  # fits TL Techniek too: the b/k/g profiel is a second way (MVI, R36)
        if interesse in INTERESSE_TL and not ook:
            continue
        code = next(iter(INTERESSE_PROFIELEN.get(interesse, ())), None)
        p = kb.profielen.get(code) if code else None
        if code is None or p is None or "gl" not in p.leerwegen or code in gezegd:
            continue
        gezegd.add(code)
        key = ("stap_tl_gemengd" if fase == "po" else "stap_vo_tl_gemengd") + ("_ook" if ook else "")
        scholen = scholen_met(kb, [code], gl, plaats)
        tekst = {}
        for taal in talen:
            naam = word("interesse", interesse, taal)
            zin = t(
                f"advies.{key}",
                taal,
                interesse=naam[:1].upper() + naam[1:],
                profiel=profiel_naam(kb, code),
                bron=source_label(kb, BRON_BKG, taal),
            )
            if scholen:  # the gemengde leerweg is claimed only for a school whose leerwegen say so
                met_gl = [s for s in scholen if "gl" in s.leerwegen]
                zin += " " + t(
                    "advies.stap_tl_gemengd_scholen" if met_gl else "advies.stap_tl_gemengd_scholen_vraag",
                    taal,
                    profiel=profiel_naam(kb, code),
                    scholen=_school_lijst(met_gl or scholen, taal),
                )
            tekst[taal] = zin
        stappen.append(Stap(soort="tl_gemengd_ook" if ook else "tl_gemengd", bron=BRON_BKG, tekst=tekst))
    return stappen


def _zonder_dubbel_aanbod(
    kb: KnowledgeBase, profielen: list[ProfielKeuze], stappen: list[Stap], gemeente: str | None
) -> list[ProfielKeuze]:
    """A share the local search step already gives (with 'so there are such schools') is not repeated per profiel."""
    if not any(s.soort == "scholen_lokaal_aanbod" for s in stappen):
        return profielen
    gegeven = {code for code, _ in _gemeente_aandelen(kb, [p.code for p in profielen], gemeente)}
    return [p.model_copy(update={"aanbod": None}) if p.code in gegeven else p for p in profielen]


def _horizon_richtingen(
    routes: list[RouteScore],
    profiel: Profiel,
    talen: list[str],
    kandidaten: Sequence[RouteScore],
    stappen: list[Stap],
) -> list[HoRichting]:
    """The hbo/wo directions of a havo/vwo horizon; in groep 7/8 and klas 1-2 only the best few, with one step
    saying that the full overview comes later (studiekeuze123.nl from klas 3 on)."""
    vervolg = ho_richtingen(routes, profiel, talen, kandidaten)
    if horizon_kort(profiel) and vervolg:
        if len(vervolg) > MAX_HORIZON:
            vervolg = beste_per_interesse(vervolg, profiel.interesses, MAX_HORIZON)
        stappen.append(_stap("later_meer", "stap_ho_later_meer", talen))
    return vervolg


def _advies_tekst(advies: str | None, taal: str) -> str:
    if advies:
        return t("advies.fase_po_met_advies", taal, advies=word("schooltype", advies, taal))
    return t("advies.fase_po_zonder_advies", taal)


def fase_advies(
    kb: KnowledgeBase,
    profiel: Profiel,
    fase: str,
    routes: list[RouteScore],
    activiteiten: list[ActiviteitAdvies],
    plaats: tuple[float, float] | None,
    gemeente: str | None,
    talen: list[str],
    kandidaten: Sequence[RouteScore] = (),
    route_activiteit: bool = False,
) -> FaseAdvies:
    """The advice block for the pupil's school stage (``route_activiteit``: a route's next step names an
    activity of its branche)."""
    titel = {taal: t(f"advies.fase_{fase}_titel", taal) for taal in talen}
    stappen: list[Stap] = []
    profielen: list[ProfielKeuze] = []
    scholen: list[SchoolAfstand] = []
    vervolg: list[HoRichting] = []
    bronnen: list[str] = []
    proberen = activiteiten_proberen(profiel, activiteiten, fase == "po", in_routes=route_activiteit)

    if fase == "po":
        advies = profiel.schooladvies
        if advies in ("havo", "vwo"):
            uitleg = {
                taal: t("advies.fase_po_uitleg_havo", taal, advies=word("schooltype", advies, taal)) for taal in talen
            }
            stappen += _ng_biologie(profiel, talen)
            stappen.append(_stap("n_profiel", "stap_havo_nprofiel", talen, BRON_N_PROFIEL))
            # no havo/vwo school is in the knowledge (the reports name none): said plainly, with where to look
            key = "stap_po_havo_scholen_techniek" if profiel.technische_interesses() else "stap_po_havo_scholen"
            stappen.append(_stap("scholen_zoeken", key, talen))
            vervolg = _horizon_richtingen(routes, profiel, talen, kandidaten, stappen)
            bronnen.append(BRON_N_PROFIEL)
        else:
            uitleg = {taal: t("advies.fase_po_uitleg", taal, advies=_advies_tekst(advies, taal)) for taal in talen}
            profielen = profiel_keuzes(kb, profiel, routes, talen, gemeente)
            codes = [p.code for p in profielen if not p.code.startswith("TL_")]
            eigen = kb.scholen.get(profiel.school or "")
            if (
                eigen is not None
                and eigen.soort == "vmbo"
                and eigen.profielen_bekend
                and codes
                and codes[0] not in eigen.profielen
            ):
                stappen.append(
                    _stap(
                        "school_zonder_profiel",
                        "stap_gekozen_school_mist",
                        talen,
                        BRON_PROFIELKEUZE,
                        school=eigen.naam,
                        profiel=profiel_naam(kb, codes[0]),
                    )
                )
            # where to find a school with the profiel comes first (local search before schools elsewhere), then
            # their open days; a tl advice has only TL profielen: then the schools (mavo's) with those (review R36)
            school_codes = codes or [p.code for p in profielen]
            scholen, school_stappen = _school_stappen(kb, profiel, school_codes, plaats, talen, "po")
            stappen += school_stappen + _tl_via_gemengd(kb, profiel, plaats, talen, "po")
            profielen = _zonder_dubbel_aanbod(kb, profielen, school_stappen, gemeente)
            stappen.append(_stap("open_dagen_vo", "stap_po_open_dagen", talen, BRON_PROFIELKEUZE))
            if codes and codes[0] not in vocab.TECHNIEK_PROFIELEN:  # a try-out in THEIR profiel (cooking: HBR)
                stappen.append(_stap("proefles", "stap_po_proefles_profiel", talen, profiel=profiel_naam(kb, codes[0])))
            bronnen += [BRON_PROFIELKEUZE] + [p.bron for p in profielen if p.bron]
            bronnen += [b for p in profielen for b in p.redenen_bronnen]
            if routes:  # the mbo routes below are a short glimpse; the full overview is for klas 3 (review 8)
                stappen.append(_stap("later_meer", "stap_mbo_later_meer", talen))
        stappen.append(_stap("leerkracht", "stap_po_leerkracht", talen))
    elif fase == "vo_onderbouw":
        profielen = profiel_keuzes(kb, profiel, routes, talen, gemeente)
        uitleg = {taal: t("advies.fase_vo_onderbouw_uitleg", taal) for taal in talen}
        if profielen:
            stappen.append(
                _stap(
                    "profielkeuze",
                    # two profielen are a choice ("welk past het best: A of B?"): their names hold "en" themselves,
                    # so "A en B" would read as one list joined by semicolons (review 5, "Bespreek X; Y")
                    "stap_profielkeuze_keus" if len(profielen) > 1 else "stap_profielkeuze",
                    talen,
                    None,
                    # every profiel the section lists above, not the first two (review 9, R51: D&P left out)
                    profielen=lambda taal: format_list([p.naam for p in profielen], taal, style="or"),
                )
            )
            eigen = kb.scholen.get(profiel.school or "")
            top = profielen[0].code
            codes = [p.code for p in profielen if not p.code.startswith("TL_")]
            if eigen is not None and eigen.profielen_bekend:
                if top not in eigen.profielen:
                    scholen = scholen_met(kb, [top], profiel, plaats, uitsluiten=eigen.id)
                    key = "stap_eigen_school_mist" if scholen else "stap_eigen_school_mist_geen"
                    stappen.append(
                        _stap(
                            "eigen_school_mist",
                            key,
                            talen,
                            "oberon2024#Hoofdstuk 6",
                            school=eigen.naam,
                            profiel=profielen[0].naam,
                            scholen=lambda taal: _school_lijst(scholen, taal),
                        )
                    )
            else:  # the own school's profielen are not known: schools nearby that have them, or where to look
                school_codes = codes or [p.code for p in profielen]  # tl: the mavo's with the TL profielen
                scholen, school_stappen = _school_stappen(kb, profiel, school_codes, plaats, talen, "vo_onderbouw")
                stappen += school_stappen
                profielen = _zonder_dubbel_aanbod(kb, profielen, school_stappen, gemeente)
        stappen += _tl_via_gemengd(kb, profiel, plaats, talen, "vo_onderbouw")
        stappen.append(_stap("proberen", "stap_snuffel", talen))
        if routes:  # the mbo routes below are a short glimpse; the full overview is for klas 3 (review 8)
            stappen.append(_stap("later_meer", "stap_mbo_later_meer", talen))
        bronnen += [p.bron for p in profielen if p.bron]
        bronnen += [b for p in profielen for b in p.redenen_bronnen]
    elif fase == "havo_vwo_onderbouw":
        uitleg = {taal: t("advies.fase_havo_vwo_onderbouw_uitleg", taal) for taal in talen}
        stappen += _ng_biologie(profiel, talen)
        stappen.append(_stap("n_profiel", "stap_havo_nprofiel", talen, BRON_N_PROFIEL))
        vervolg = _horizon_richtingen(routes, profiel, talen, kandidaten, stappen)
        bronnen.append(BRON_N_PROFIEL)
    elif fase == "vmbo_bovenbouw":
        key = (
            "fase_vmbo_bovenbouw_uitleg"
            if routes
            else "fase_vmbo_bovenbouw_geen_routes"
            if profiel.interesses
            else "fase_vmbo_bovenbouw_geen_interesses"  # nothing filled in: not 'your interests point elsewhere'
        )
        uitleg = {taal: t(f"advies.{key}", taal) for taal in talen}
        if not profiel.interesses:  # something concrete to look at meanwhile: the techniekprofielen, where they lead
            profielen = techniekprofielen(kb, profiel, talen)
        open_dagen = list(dict.fromkeys(s.dichtstbij.naam for s in routes[:3] if s.dichtstbij is not None))
        if open_dagen:
            stappen.append(
                _stap(
                    "open_dagen_mbo", "stap_mbo_open_dagen", talen, None, scholen=lambda taal: lijst(open_dagen, taal)
                )
            )
        stappen.append(_stap("aanmelden", "stap_mbo_aanmelden", talen))
        if "doorleren_hbo" in profiel.belangrijk:  # the road to hbo from this leerweg (review R17)
            lw = vmbo_leerweg(profiel.schooltype)
            stappen.append(_stap("naar_hbo", "stap_hbo_via_havo" if lw in ("tl", "gl") else "stap_hbo_via_mbo4", talen))
        if profiel.leerweg_voorkeur == "BBL" or any(s.route.alleen_bbl for s in routes[:3]):
            stappen.append(_stap("leerbedrijf", "stap_leerbedrijf", talen))
    else:  # havo_vwo_bovenbouw
        vervolg = ho_richtingen(routes, profiel, talen, kandidaten)
        uitleg = {taal: t(f"advies.fase_havo_vwo_bovenbouw_uitleg_{profiel.schooltype}", taal) for taal in talen}
        hogescholen = list(dict.fromkeys(s for v in vervolg for s in v.scholen))[:3]
        if hogescholen:
            stappen.append(
                _stap(
                    "open_dagen_ho", "stap_hbo_open_dagen", talen, None, scholen=lambda taal: lijst(hogescholen, taal)
                )
            )
        stappen.append(_stap("mbo4", "stap_hbo_mbo4", talen))
        if profiel.leerweg_voorkeur == "BBL":
            stappen.append(_stap("leerbedrijf", "stap_leerbedrijf", talen))
    if proberen is not None:
        key, namen = proberen
        stappen.append(_stap("activiteiten", key, talen, None, activiteiten=lambda taal: lijst(namen, taal)))
    return FaseAdvies(
        fase=fase,
        titel=titel,
        uitleg=uitleg,
        profielen=profielen,
        scholen=scholen,
        vervolg=vervolg,
        stappen=stappen,
        bronnen=list(dict.fromkeys(b for b in bronnen if b)),
    )

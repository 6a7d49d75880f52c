"""``recommend(kb, profiel, n=5) -> Advies``: routes, activities, stage advice and checks for one pupil.

Pure: the same knowledge base and profile always give the same advice (no randomness, no clock,
no I/O; the per-kb route index is cached on ``kb.content_hash``). See recommender/README.md for
the rules in words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from knowledge.geo import Place
from knowledge.i18n import LANGUAGES, t, word
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from knowledge.sources import ref_text, source_label
from knowledge.vocab import TECHNISCHE_INTERESSES
from recommender.activities import (
    activiteiten_melding,
    rank_activiteiten,
    route_aanbod,
    stap_activiteit,
    talen_voor,
)
from recommender.alternatives import (
    eigen_sector_stappen,
    zonder_techniekprofiel,
    zonder_techniekprofiel_van_toepassing,
)
from recommender.explain import (
    PROFIEL_TWIJFEL,
    gemeente_niveau,
    interesses_tekst,
    lijst,
    markt_zin,
    melding,
    route_kanttekeningen,
    route_uitleg,
    volgende_stap,
    voorop_reden,
)
from recommender.fase import MAX_HORIZON, fase_advies, fase_van, havo_vwo_pad, horizon_kort, is_horizon
from recommender.initiatives.search import distances_km
from recommender.intake import intake_checks, plaats_tegenstrijdig, profiel_sluit_niet_aan
from recommender.markt_regio import markt_regio_melding, oude_gegevens_melding, regios_buiten
from recommender.models import (
    ActiviteitAdvies,
    Advies,
    BeroepUitleg,
    FaseAdvies,
    HoRichting,
    OpleidingKort,
    PlaatsInfo,
    RouteAdvies,
    SectorZin,
    Stap,
    Waarschuwing,
)
from recommender.profile import (
    Profiel,
    ProfielError,
    check_tegen_kennisbank,
    gemeente_buiten_mrdh,
    parse_profiel,
    plaats_van,
    thuis_midden,
    vocab_lijsten,
)
from recommender.reistijd import reistijd_melding
from recommender.routes import (
    SectorMarkt,
    blend_zonder_eigen_deel,
    route_index,
    sector_uitspraken,
    toelaatbaar,
    vmbo_profiel_voor,
)
from recommender.scoring import RouteScore, kies_routes, rangorde, score_route

N_ACTIVITEITEN = 6


def score_alle(
    kb: KnowledgeBase, profiel: Profiel, plaats: tuple[float, float] | None, plaats_grof: bool = False
) -> list[RouteScore]:
    """Every admissible route with an interest link, ranked (before the choice step)."""
    out = []
    index = route_index(kb)
    afstanden = (
        distances_km(plaats[0], plaats[1], index.loc_lat, index.loc_lon).tolist()
        if plaats is not None and index.loc_lat.size
        else None
    )
    for i, route in enumerate(index.routes):
        if not toelaatbaar(route, profiel.schooltype, profiel.leerweg_voorkeur, profiel.schooladvies):
            continue
        deel = afstanden[index.loc_start[i] : index.loc_start[i + 1]] if afstanden is not None else None
        s = score_route(route, profiel, plaats, plaats_grof, deel)
        if s is not None:
            out.append(s)
    return rangorde(out)


def _route_advies(
    kb: KnowledgeBase,
    s: RouteScore,
    profiel: Profiel,
    talen: list[str],
    horizon: bool,
    activiteiten: list,
    plaats: tuple[float, float] | None,
    eigen_initiatieven: Sequence[Initiatief] | None,
    buiten: bool = False,
    profiel_twijfel: bool = False,
    gebruikt: set[str] | None = None,
    profiel_markeren: bool = True,
    genoemd: dict[str, ActiviteitAdvies] | None = None,
    andere_regios: tuple[str, ...] = (),
    gemeente: str | None = None,
) -> RouteAdvies:
    r = s.route
    vp = vmbo_profiel_voor(r, profiel)
    schaal = s.markt.schaal if s.markt is not None else ("sector" if s.sector is not None else None)
    markt_tekst = {taal: markt_zin(kb, s.markt, s.sector, taal) or "" for taal in talen} if schaal else None
    # groep 7/8: the mbo is years away and the next school is a vo school, so no mbo school or distance (review R24)
    d = s.dichtstbij if profiel.schooltype != "po" else None
    activiteit, datum = stap_activiteit(
        kb,
        profiel,
        plaats,
        r.richting,
        activiteiten,
        eigen_initiatieven,
        alleen_landelijk=buiten,
        gebruikt=gebruikt or (),
    )
    if activiteit is not None and gebruikt is not None:  # the next route prefers another, equally good one (R01)
        gebruikt.add(activiteit.id)
    if activiteit is not None and genoemd is not None:
        genoemd.setdefault(activiteit.id, activiteit)
    # an mbo 4 diploma admits to the hbo, not to a wo bachelor (review 6, defect 1): a route card offers only hbo
    # as the next step; a wo direction in the data is named as a road via the hbo (general knowledge, no figure)
    vervolg = [
        HoRichting(naam=naam, soort=soort, scholen=list(scholen), via=[r.naam], interesses=list(s.interesses))
        for naam, soort, scholen in r.vervolg
        if soort == "hbo" and not blend_zonder_eigen_deel(r, naam, soort, s.interesses)
    ]
    wo_namen = list(dict.fromkeys(naam for naam, soort, _ in r.vervolg if soort == "wo"))
    toon_vervolg = profiel.schooltype in ("havo", "vwo") or r.niveau == 4
    return RouteAdvies(
        vmbo_profiel=vp,
        opleiding=OpleidingKort(
            id=r.id, naam=r.naam, niveau=r.niveau, leerwegen=list(r.leerwegen), richting=r.richting
        ),
        # the pupil's beroepen; office or sales work the pupil did not point to is listed apart (review 8, defect 4)
        beroepen=[b.naam for b in s.eigen_beroepen],
        beroep_ids=[b.id for b in s.eigen_beroepen],
        doorgroei_beroepen=[b.naam for b in s.doorgroei],
        score=round(s.totaal, 2),
        score_delen={k: round(v, 2) for k, v in s.delen.items()},
        passende_interesses=list(s.interesses),
        arbeidsmarkt=s.markt.label if s.markt else (s.sector.label if s.sector else None),
        arbeidsmarkt_schaal=schaal,
        arbeidsmarkt_tekst=markt_tekst,
        arbeidsmarkt_over=s.markt.beroep if s.markt else None,
        arbeidsmarkt_bron=ref_text(s.markt.bron) if s.markt else (ref_text(s.sector.bron) if s.sector else None),
        dichtstbijzijnde_school=d.school if d else None,
        school_naam=d.naam if d is not None and d.km is not None else None,
        afstand_km=round(d.km, 1) if d is not None and d.km is not None else None,
        afstand_bij_benadering=bool(d and d.km is not None and d.benadering),
        school_landelijk=bool(d and d.km is None),
        school_plek_gemeente=gemeente_niveau(kb, d.school) if d is not None and d.km is not None else None,
        school_meerdere_locaties=bool(d and d.km is not None and d.meerdere),
        school_grondslag=kb.scholen[d.school].grondslag if d is not None and d.school in kb.scholen else None,
        hoofdroute=s.hoofdroute,
        hoofdroute_voor=[i for i in s.interesses if i in s.route.hoofdroute_voor] if s.hoofdroute else [],
        ander_profiel=profiel.profiel if s.ander_profiel and profiel_markeren else None,
        raakvlak=s.raakvlak,
        horizon=horizon,
        zijpad=havo_vwo_pad(profiel),
        werk_beroep=s.werk.beroep,
        werk_match=list(s.werk.match),
        beroepen_info=[
            BeroepUitleg(
                id=b.id,
                naam=b.naam,
                omschrijving={taal: b.kort.get(taal) or b.kort.get("nl", "") for taal in talen},
                arbeidsmarkt=b.markt.label if b.markt else None,
                arbeidsmarkt_bron=ref_text(b.markt.bron) if b.markt else None,
                doorgroei=b.id in s.later,
            )
            for b in (*s.eigen_beroepen, *s.doorgroei)
        ],
        vervolg=vervolg if toon_vervolg else [],
        wo_via_hbo={taal: t("advies.wo_via_hbo", taal, richtingen=lijst(wo_namen, taal)) for taal in talen}
        if toon_vervolg and wo_namen and r.niveau == 4
        else {},
        uitleg={
            taal: route_uitleg(kb, s, profiel, vp, taal, horizon, profiel_twijfel, andere_regios, gemeente)
            for taal in talen
        },
        kanttekeningen={taal: k for taal in talen if (k := route_kanttekeningen(s, profiel, taal))},
        volgende_stap=volgende_stap(kb, s, activiteit, talen, profiel, vp, horizon, datum=datum),
        bronnen=list(r.bronnen),
    )


def met_stap_activiteiten(
    activiteiten: list[ActiviteitAdvies], genoemd: Iterable[ActiviteitAdvies]
) -> list[ActiviteitAdvies]:
    """The activity list with every activity a route's next step names: a mentor told "vraag je mentor naar X" must
    find X in the list, with its place and its "via school" mark (review 10, defect 3: R28, R35, R48). The ranked list
    keeps its order; a step's activity that did not make the cut is added after it, in route order."""
    bekend = {a.id for a in activiteiten}
    extra = list({a.id: a for a in genoemd if a.id not in bekend}.values())
    return [*activiteiten, *extra] if extra else activiteiten


def _sector_jaar(kb: KnowledgeBase, sector: SectorMarkt | None) -> str | None:
    rec = kb.sectoren.get(sector.id) if sector is not None else None
    return rec.gegevensjaar if rec is not None else None


def eigen_sector(kb: KnowledgeBase, profiel: Profiel, talen: list[str]) -> list[SectorZin]:
    """What the reports say about the pupil's own, non-technical sector (zorg, economie, ...)."""
    out = []
    havo_vwo = havo_vwo_pad(profiel)
    for interesse in profiel.interesses:
        for s in sector_uitspraken(kb, interesse=interesse):
            if havo_vwo and kb.sectoren[s.id].alleen_vmbo:  # a source about vmbo choices, not about hbo (R50)
                continue
            out.append(
                SectorZin(
                    id=s.id,
                    interesse=interesse,
                    label=s.label,
                    bron=ref_text(s.bron),
                    tekst={
                        taal: t(
                            "advies.sector_eigen",
                            taal,
                            interesse=word("interesse", interesse, taal),
                            bron=source_label(kb, s.bron, taal),
                            tekst=s.tekst.get(taal) or s.tekst["nl"],
                        )
                        for taal in talen
                    },
                )
            )
    return out


def recommend(
    kb: KnowledgeBase,
    profiel: Profiel,
    n: int = 5,
    eigen_initiatieven: Sequence[Initiatief] | None = None,
    taal_pagina: str | None = None,
) -> Advies:
    """Top ``n`` routes, nearby activities, advice for the school stage and the intake checks.

    ``eigen_initiatieven``: the school's own imported activities (the decaan's list), offered next
    to the curated ones. ``taal_pagina``: the app page's language; the texts come in that language
    too (a mentor reading in English or Arabic), next to Dutch and the parents' language.

    Raises :class:`ProfielError` when the profile names an unknown school or place name (a postcode
    outside the region is not an error: the advice comes without distances and says so).
    """
    check_tegen_kennisbank(kb, profiel)
    talen = talen_voor(profiel)
    if taal_pagina in LANGUAGES and taal_pagina not in talen:
        talen = [*talen, taal_pagina]
    waarschuwingen: list[Waarschuwing] = intake_checks(kb, profiel, talen)
    place, buiten = plaats_van(kb, profiel)
    plaats = (place.lat, place.lon) if place is not None else None
    # outside the region the labour-market sentences still speak of Rotterdam/Rijnmond: say so once (review 4, R08)
    markt_elders = melding("w_buiten_regio_markt", talen)
    if buiten:
        tekst = melding("w_buiten_regio", talen, postcode=profiel.plaats_tekst())
        waarschuwingen.append(
            Waarschuwing(soort="buiten_regio", tekst={taal: f"{z} {markt_elders[taal]}" for taal, z in tekst.items()})
        )
    elif (gemeente := gemeente_buiten_mrdh(place)) is not None:  # Gouda: distances yes, schools not all (R31)
        tekst = melding("w_buiten_regio_plaats", talen, plaats=gemeente)
        waarschuwingen.append(
            Waarschuwing(
                soort="buiten_regio_plaats", tekst={taal: f"{z} {markt_elders[taal]}" for taal, z in tekst.items()}
            )
        )
    if (w := plaats_tegenstrijdig(kb, profiel, talen)) is not None:
        waarschuwingen.append(w)
    fase = fase_van(profiel)
    horizon = is_horizon(fase)

    ranked = score_alle(kb, profiel, plaats, bool(place and place.approximate))
    # a horizon in groep 7/8 and klas 1-2 stays short: the best route per interest, at most MAX_HORIZON (review 8)
    n_routes = min(n, MAX_HORIZON) if horizon and horizon_kort(profiel) else n
    gekozen = kies_routes(
        ranked,
        list(profiel.interesses),
        max(0, n_routes),
        po=profiel.schooltype == "po",
        max_km=profiel.max_reisafstand_km,
    )
    if (w := profiel_sluit_niet_aan(kb, profiel, gekozen, talen)) is not None:
        waarschuwingen.append(w)
    activiteiten = rank_activiteiten(
        kb,
        profiel,
        plaats,
        N_ACTIVITEITEN,
        extra=eigen_initiatieven,
        route_richting=gekozen[0].route.richting if gekozen else None,
        alleen_landelijk=buiten,
        route_aanbod=route_aanbod(kb, gekozen),
    )
    twijfel = any(w.soort in PROFIEL_TWIJFEL for w in waarschuwingen)
    sector_zinnen = eigen_sector(kb, profiel, talen)
    regios = [s.markt.regio for s in gekozen if s.markt is not None]
    regios += [s.sector.regio for s in gekozen if s.sector is not None]
    regios += [kb.sectoren[z.id].regio for z in sector_zinnen if z.id in kb.sectoren]
    # the regions the advice's notice names as not the pupil's: a route's sentence about one says so too (review 10)
    andere_regios = () if buiten else tuple(regios_buiten(regios, place.gemeente if place else None))
    gebruikt: set[str] = set()
    genoemd: dict[str, ActiviteitAdvies] = {}  # the activities the routes' next steps name, in route order
    routes = [
        _route_advies(
            kb,
            s,
            profiel,
            talen,
            horizon,
            activiteiten,
            plaats,
            eigen_initiatieven,
            buiten,
            twijfel,
            gebruikt,
            # mark the routes outside the own profiel only when some route connects to it: when none does, the intake
            # notice says it once instead of a mark on every route (R27, R48)
            any(c.profiel_sluit_aan for c in gekozen),
            genoemd,
            andere_regios,
            place.gemeente if place else None,
        )
        for s in gekozen
    ]
    activiteiten = met_stap_activiteiten(activiteiten, genoemd.values())

    # route #1 says why it leads when a lower route carries the main-route mark (review 9, R22/R44)
    lijst_routes = [r for r in routes if not r.zijpad]
    if (voorop := voorop_reden(lijst_routes, list(profiel.interesses), talen)) is not None:
        top = lijst_routes[0]
        routes = [r.model_copy(update={"voorop": voorop}) if r is top else r for r in routes]

    meldingen = []
    goed_om_te_weten = []
    richtingen = [s.route.richting for s in gekozen]
    if not profiel.plaats_tekst():
        meldingen.append(melding("geen_plaats", talen))
    elif (
        routes
        and not havo_vwo_pad(profiel)
        and fase != "po"
        and (reis := reistijd_melding(kb, profiel, talen, richtingen))
    ):
        # about mbo students of the routes' sector: only for a pupil whose next step is the mbo (not groep 7/8, not
        # havo/vwo); information, not a warning (review 6, defect 3)
        goed_om_te_weten.append(reis)
    if plaats is not None:  # every km shown is a straight line, once per advice (review 7, defect 3: R22 over water)
        # home known only as a wijk or gemeente: from where the "~" distances are measured, in plain words (review 8)
        midden = thuis_midden(kb, profiel)
        goed_om_te_weten.append(
            melding("hemelsbreed_midden", talen, plaats=midden) if midden else melding("hemelsbreed", talen)
        )
    if not profiel.interesses:
        meldingen.append(melding("geen_interesses", talen))
    buiten_techniek = [i for i in profiel.interesses if i not in TECHNISCHE_INTERESSES]
    if buiten_techniek:  # said plainly, once for all of them: no route of ours is about these interests
        meldingen.append(
            {
                taal: t(
                    # a havo/vwo pupil's way on is the hbo/wo: studiekeuze123.nl, not kiesmbo.nl (review 7, R34); in
                    # groep 7/8 the next choice is a secondary school, and there is no decaan yet (review 8)
                    "advies.geen_route_interesse_po"
                    if fase == "po"
                    else "advies.geen_route_interesse_havo"
                    if havo_vwo_pad(profiel)
                    else "advies.geen_route_interesse",
                    taal,
                    interesse=interesses_tekst(buiten_techniek, taal, style="or"),
                )
                for taal in talen
            }
        )
    waarom = None
    if not profiel.technische_interesses():
        if routes:
            codes = list(dict.fromkeys(i for s in gekozen for i in s.interesses))
            waarom = {taal: _waarom(taal, codes, [r.opleiding.naam for r in routes[:3]]) for taal in talen}
        elif profiel.interesses:
            meldingen.append(melding("geen_techniek_interesse", talen))
    elif not routes:
        meldingen.append(melding("geen_route", talen))
    # the routes' next steps name open days about the pupil's own technical interests (not a bridge route's)
    tech = set(profiel.technische_interesses())
    open_dagen = any(r.volgende_stap.school_naam and tech & set(r.passende_interesses) for r in routes)
    if (geen_passend := activiteiten_melding(profiel, activiteiten, talen, open_dagen)) is not None:
        meldingen.append(geen_passend)
    gevraagd = [d for d in profiel.doelgroep_activiteiten if d != "leerlingen"]
    for d in gevraagd:
        if not any(d in a.doelgroepen for a in activiteiten):
            meldingen.append(
                {
                    taal: t("advies.geen_doelgroep_activiteiten", taal, doelgroep=word("doelgroep", d, taal))
                    for taal in talen
                }
            )
            continue
        voor = [a for a in activiteiten if a.gevraagde_doelgroep == d]
        if (
            d in LEERLING_GROEPEN
            and voor
            and tech
            and all(a.landelijk or a.via_school for a in voor)
            and not any(a.passende_interesses and not a.landelijk for a in voor)
        ):
            # only national or off-interest items for this group: say so plainly, once (review 7, defect 4)
            meldingen.append(
                {
                    taal: t(
                        "advies.doelgroep_alleen",
                        taal,
                        doelgroep=word("doelgroep", d, taal),
                        activiteiten=lijst([a.naam.split(",")[0] for a in voor], taal),
                        interesses=interesses_tekst(sorted(tech), taal, "or"),
                    )
                    for taal in talen
                }
            )

    zt = None
    school = zonder_techniekprofiel_van_toepassing(kb, profiel)
    if school is not None:
        zt = zonder_techniekprofiel(kb, profiel, school, plaats, activiteiten, talen)
    elif profiel.school and profiel.school in kb.scholen and not kb.scholen[profiel.school].profielen_bekend:
        meldingen.append(melding("school_onbekend_profielen", talen, school=kb.scholen[profiel.school].naam))

    fa = fase_advies(
        kb,
        profiel,
        fase,
        gekozen,
        activiteiten,
        plaats,
        place.gemeente if place else profiel.gemeente,
        talen,
        kandidaten=ranked,
        route_activiteit=any(r.volgende_stap.activiteit for r in routes),
    )
    if fa is not None:  # the own-sector step at every stage (review 5, defect 3)
        fa = fa.model_copy(update={"stappen": _eigen_sector_in_stappen(kb, profiel, plaats, fa, talen)})
    if fa is not None and fa.fase in ("po", "vo_onderbouw") and (dekking := _vmbo_dekking(kb, place, talen)):
        # once, at the top of the school part, not only per profiel (review 7, defect 1)
        fa = fa.model_copy(update={"uitleg": {taal: f"{dekking[taal]} {z}" for taal, z in fa.uitleg.items()}})

    if (
        not buiten
        and (regio := markt_regio_melding(regios, place.gemeente if place else None, talen, po=fase == "po"))
        is not None
    ):
        meldingen.append(regio)  # Rijnmond figures for a Den Haag pupil: said once (review 6, defect 3)

    # the data years behind the labour-market sentences shown: a route's own claim or else its sector line, a side
    # beroep's claim, the own-sector lines; data from 2018 gets one plain "ask how it is now" (review 9)
    jaren = [s.markt.gegevensjaar if s.markt else _sector_jaar(kb, s.sector) for s in gekozen]
    jaren += [
        s.route.bijmarkt.gegevensjaar
        for s in gekozen
        if s.route.bijmarkt is not None and (s.markt is None or s.markt.schaal == "opleiding")
    ]
    jaren += [kb.sectoren[z.id].gegevensjaar for z in sector_zinnen if z.id in kb.sectoren]
    if (oud := oude_gegevens_melding(kb, jaren, talen)) is not None:
        goed_om_te_weten.append(oud)

    # the warnings are notices too: pages that show `meldingen` show them without knowing the new field
    meldingen = [dict(w.tekst) for w in waarschuwingen] + meldingen
    return Advies(
        routes=routes,
        activiteiten=activiteiten,
        zonder_techniekprofiel=zt,
        waarom_techniek=waarom,
        meldingen=meldingen,
        goed_om_te_weten=goed_om_te_weten,
        waarschuwingen=waarschuwingen,
        fase=fase,
        fase_advies=fa,
        sector_uitspraken=sector_zinnen,
        plaats=PlaatsInfo(
            naam=place.naam if place else None,
            soort=place.soort if place else None,
            buiten_regio=buiten,
            buiten_mrdh=buiten or gemeente_buiten_mrdh(place) is not None,
            afstanden=plaats is not None,
            bij_benadering=bool(place and place.approximate),
        )
        if profiel.plaats_tekst()
        else None,
        talen=talen,
        vertaalkwaliteit={taal: t("advies.vertaling_kwaliteit", taal) for taal in talen},
    )


def _eigen_sector_in_stappen(
    kb: KnowledgeBase, profiel: Profiel, plaats: tuple[float, float] | None, fa: FaseAdvies, talen: list[str]
) -> list[Stap]:
    """A next step in the pupil's own non-technical sector (review R05, R06, R31): in klas 3-4 and havo/vwo
    bovenbouw first when no interest is technical, else (and in the earlier stages, where the school and profiel
    steps come first) before the activities; the techniek activities then read as a side path."""
    stappen = fa.stappen
    getoond = [p.code for p in fa.profielen]
    eigen = [
        Stap(soort=m.soort, tekst=m.tekst, bron=m.bron)
        for m in eigen_sector_stappen(kb, profiel, plaats, talen, fa.fase, getoond)
    ]
    if not eigen:
        return stappen
    if profiel.technische_interesses() or fa.fase not in ("vmbo_bovenbouw", "havo_vwo_bovenbouw"):
        plek = next((i for i, st in enumerate(stappen) if st.soort == "activiteiten"), len(stappen))
        return [*stappen[:plek], *eigen, *stappen[plek:]]
    zijpad = [
        st.model_copy(
            update={"tekst": {taal: t("advies.stap_techniek_ook", taal) + " " + x for taal, x in st.tekst.items()}}
        )
        if st.soort == "activiteiten"
        else st
        for st in stappen
    ]
    return [*eigen, *zijpad]


def _waarom(taal: str, interesses: list[str], opleidingen: list[str]) -> str:
    """Why techniek may still fit a pupil without technical interests (only from interests that matched)."""
    return t(
        "advies.waarom_techniek",
        taal,
        interesses=interesses_tekst(interesses, taal),
        opleidingen=lijst(opleidingen, taal),
    )


def vocab(kb: KnowledgeBase | None = None) -> dict[str, list[str]]:
    """Every profile field with its allowed values (``lob-kompas recommend --vocab --json``)."""
    return vocab_lijsten(kb)


__all__ = ["Advies", "Profiel", "ProfielError", "parse_profiel", "recommend", "vocab"]


# Doelgroepen that are pupils: for them an activity about the pupil's own interest is what the mentor looks for
# (parents and teachers are not expected to get interest-specific activities).
LEERLING_GROEPEN = frozenset({"meisjes", "migratieachtergrond"})


def _vmbo_dekking(kb: KnowledgeBase, place: Place | None, talen: list[str]) -> dict[str, str] | None:
    """The notice that LOB-Kompas knows vmbo schools only in a few gemeenten, for a pupil whose own gemeente is not
    one of them; None otherwise (an unknown place: the place notice says enough)."""
    if place is None:
        return None
    gemeente = place.gemeente or (place.naam if place.soort == "gemeente" else None)
    telling = Counter(s.locatie.gemeente for s in kb.scholen.values() if s.soort == "vmbo" and s.locatie.gemeente)
    if not gemeente or not telling or gemeente in telling:
        return None
    gemeenten = [g for g, _ in sorted(telling.items(), key=lambda gn: (-gn[1], gn[0]))]
    return {
        taal: t("advies.vmbo_scholen_dekking", taal, gemeenten=lijst(gemeenten, taal), gemeente=gemeente)
        for taal in talen
    }

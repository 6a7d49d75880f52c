"""``recommend(kb, profiel, n=5) -> Advies``: routes, activities and alternatives for one pupil.

Pure: the same knowledge base and profile always give the same advice (no randomness, no clock,
no I/O; the per-kb route index is cached on ``kb.content_hash``). See recommender/README.md for
the scoring rule in words.
"""
from __future__ import annotations

from collections.abc import Sequence

from knowledge.geo import UnknownPlace, resolve_place
from knowledge.i18n import t
from knowledge.i18n.formats import format_list
from knowledge.loader import KnowledgeBase
from knowledge.schema import Initiatief
from recommender.activities import rank_activiteiten, stap_activiteit, talen_voor
from recommender.alternatives import zonder_techniekprofiel, zonder_techniekprofiel_van_toepassing
from recommender.explain import interesses_tekst, melding, route_uitleg, volgende_stap
from recommender.models import Advies, OpleidingKort, RouteAdvies
from recommender.profile import Profiel, ProfielError, check_tegen_kennisbank, parse_profiel, vocab_lijsten
from recommender.routes import kies_divers, route_index, toelaatbaar, vmbo_profiel_voor
from recommender.scoring import RouteScore, rangorde, score_route

N_ACTIVITEITEN = 6


_PLAATSEN: dict[tuple[str, str], tuple[float, float]] = {}


def plaats_van(kb: KnowledgeBase, profiel: Profiel) -> tuple[float, float] | None:
    """Coordinates of the pupil's postcode/wijk/gemeente, or None when none is given.

    Raises :class:`ProfielError` for an unknown place. Resolved places are cached per ``kb.content_hash``
    (a place, not a profile, is kept).
    """
    text = profiel.plaats_tekst()
    if not text:
        return None
    key = (kb.content_hash, text)
    if kb.content_hash and key in _PLAATSEN:
        return _PLAATSEN[key]
    try:
        p = resolve_place(kb, text)
    except UnknownPlace as exc:
        raise ProfielError(str(exc)) from None
    if kb.content_hash and len(_PLAATSEN) < 5000:
        _PLAATSEN[key] = (p.lat, p.lon)
    return (p.lat, p.lon)


def score_alle(kb: KnowledgeBase, profiel: Profiel, plaats: tuple[float, float] | None) -> list[RouteScore]:
    """Every admissible route with an interest link, ranked (before the diversity step)."""
    out = []
    for route in route_index(kb).routes:
        if not toelaatbaar(route, profiel.schooltype, profiel.leerweg_voorkeur):
            continue
        s = score_route(route, profiel, plaats)
        if s is not None:
            out.append(s)
    return rangorde(out)


def recommend(kb: KnowledgeBase, profiel: Profiel, n: int = 5,
              eigen_initiatieven: Sequence[Initiatief] | None = None) -> Advies:
    """Top ``n`` diverse routes, nearby activities and (if needed) what is possible without a techniekprofiel.

    ``eigen_initiatieven``: the school's own imported activities (the decaan's list), offered next
    to the curated ones.

    Raises :class:`ProfielError` when the profile names an unknown school or place.
    """
    check_tegen_kennisbank(kb, profiel)
    plaats = plaats_van(kb, profiel)
    talen = talen_voor(profiel)
    ranked = score_alle(kb, profiel, plaats)
    gekozen_ids = {r.id for r in kies_divers([s.route for s in ranked], max(0, n))}
    gekozen = [s for s in ranked if s.route.id in gekozen_ids]  # diverse set, shown in score order
    activiteiten = rank_activiteiten(kb, profiel, plaats, N_ACTIVITEITEN, extra=eigen_initiatieven)

    routes = []
    for s in gekozen:
        r = s.route
        vp = vmbo_profiel_voor(r, profiel)
        routes.append(RouteAdvies(
            vmbo_profiel=vp,
            opleiding=OpleidingKort(id=r.id, naam=r.naam, niveau=r.niveau, leerwegen=list(r.leerwegen),
                                    richting=r.richting),
            beroepen=list(r.beroep_namen), beroep_ids=list(r.beroep_ids),
            score=round(s.totaal, 2), score_delen={k: round(v, 2) for k, v in s.delen.items()},
            passende_interesses=list(s.interesses), arbeidsmarkt=s.markt.label if s.markt else None,
            dichtstbijzijnde_school=s.dichtstbij.school if s.dichtstbij else None,
            afstand_km=round(s.dichtstbij.km, 1) if s.dichtstbij else None,
            afstand_bij_benadering=bool(s.dichtstbij and s.dichtstbij.benadering),
            uitleg={t: route_uitleg(kb, s, profiel, vp, t) for t in talen},
            volgende_stap=volgende_stap(s, *stap_activiteit(kb, profiel, plaats, r.richting, activiteiten,
                                                            eigen_initiatieven), talen=talen),
            bronnen=list(r.bronnen),
        ))

    meldingen = []
    if plaats is None:
        meldingen.append(melding("geen_plaats", talen))
    waarom = None
    if not profiel.technische_interesses():
        if routes:
            codes = list(dict.fromkeys(i for s in gekozen for i in s.interesses))
            waarom = {t: _waarom(t, codes, [r.opleiding.naam for r in routes[:3]]) for t in talen}
        else:
            meldingen.append(melding("geen_techniek_interesse", talen))
    elif not routes:
        meldingen.append(melding("geen_route", talen))

    zt = None
    school = zonder_techniekprofiel_van_toepassing(kb, profiel)
    if school is not None:
        zt = zonder_techniekprofiel(kb, profiel, school, plaats, activiteiten, talen)
    elif profiel.school and profiel.school in kb.scholen and not kb.scholen[profiel.school].profielen_bekend:
        meldingen.append(melding("school_onbekend_profielen", talen, school=kb.scholen[profiel.school].naam))

    return Advies(routes=routes, activiteiten=activiteiten, zonder_techniekprofiel=zt, waarom_techniek=waarom,
                  meldingen=meldingen, talen=talen,
                  vertaalkwaliteit={taal: t("advies.vertaling_kwaliteit", taal) for taal in talen})


def _waarom(taal: str, interesses: list[str], opleidingen: list[str]) -> str:
    """Why techniek may still fit a pupil without technical interests (only from interests that matched)."""
    return t("advies.waarom_techniek", taal, interesses=interesses_tekst(interesses, taal),
                     opleidingen=format_list(opleidingen, taal))


def vocab(kb: KnowledgeBase | None = None) -> dict[str, list[str]]:
    """Every profile field with its allowed values (``lob-kompas recommend --vocab --json``)."""
    return vocab_lijsten(kb)


__all__ = ["Advies", "Profiel", "ProfielError", "parse_profiel", "recommend", "vocab"]

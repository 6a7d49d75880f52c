"""The route score: a transparent sum of parts, each shown to the mentor. Pure and deterministic.

score = interesse + werkvoorkeur + arbeidsmarkt + belangrijk + afstand + aansluiting

- interesse (0-3): 2 x the share of the pupil's interests (at most 2 counted) found in the coded
  interests of the opleiding (counts 1) or only of one of its beroepen (counts 1/2), + 1 x the share
  of the opleiding's own interest codes that the pupil named (a focused match beats a broad one).
  No shared interest -> no route.
- werkvoorkeur (0-2): 2 x the share of the pupil's work preferences (at most 2 counted) that the
  opleiding or its beroepen are coded with. None given -> 0 for every route.
- arbeidsmarkt (0-2): points for the best *sourced* label among the beroepen (:data:`MARKT_PUNTEN`):
  groot_tekort 2, tekort 1.5, goed 1, gemiddeld 0.5, beperkt 0, onbekend 0. A label whose source is
  our own classification (algemene_kennis) counts 0: no source, no bonus.
- belangrijk (0-2, capped): baanzekerheid +1 for (groot) tekort, +0.5 for goed; salaris +0.5 for
  niveau 4, +0.25 for niveau 3; doorleren_hbo +1 for niveau 4; snel_geld +1 when BBL is offered;
  dichtbij_huis +1 within 5 km, +0.5 within the pupil's maximum.
- afstand (-1..1): 1 - d / max_reisafstand_km for the nearest location (d in great-circle km),
  floored at -1. No place given or no location known -> 0.
- aansluiting (-1..0.5): +0.5 when the pupil's current vmbo profiel is one that connects;
  -1 when the niveau is allowed but lower than the schooltype fits (e.g. niveau 2 for vmbo-tl).
"""
from __future__ import annotations

from dataclasses import dataclass

from knowledge.geo import haversine_km
from recommender.profile import Profiel
from recommender.routes import Locatie, Markt, RouteInfo, niveau_past

DELEN = ("interesse", "werkvoorkeur", "arbeidsmarkt", "belangrijk", "afstand", "aansluiting")
DICHTBIJ_KM = 5.0
BELANGRIJK_MAX = 2.0


@dataclass(frozen=True)
class Dichtstbij:
    school: str
    naam: str
    km: float
    benadering: bool = False


@dataclass(frozen=True)
class RouteScore:
    """A scored route with the evidence each part rests on (used by the explanations)."""

    route: RouteInfo
    delen: dict[str, float]
    interesses: tuple[str, ...]  # the pupil's interests that match, in the pupil's order
    werk: tuple[str, ...]
    markt: Markt | None
    dichtstbij: Dichtstbij | None
    belangrijk: tuple[str, ...]  # which 'belangrijk' items gave points
    lager_niveau: bool
    profiel_sluit_aan: bool
    via_beroep: str | None = None  # the beroep that carries an interest the opleiding itself is not coded with

    @property
    def totaal(self) -> float:
        return round(sum(self.delen.values()), 3)


def interesse_punten(pupil: list[str], route: RouteInfo) -> tuple[float, tuple[str, ...]]:
    match = tuple(i for i in pupil if i in route.interesses)
    if not match:
        return 0.0, ()
    gewicht = sum(1.0 if i in route.opl_interesses else 0.5 for i in match)  # beroep-only match counts half
    recall = min(1.0, gewicht / min(len(pupil), 2))
    focus = len([i for i in pupil if i in route.opl_interesses]) / max(1, len(route.opl_interesses))
    return 2.0 * recall + 1.0 * focus, match


def werk_punten(pupil: list[str], route: RouteInfo) -> tuple[float, tuple[str, ...]]:
    match = tuple(w for w in pupil if w in route.werk)
    if not pupil:
        return 0.0, ()
    return 2.0 * min(1.0, len(match) / min(len(pupil), 2)), match


def dichtstbij(locaties: tuple[Locatie, ...], lat: float, lon: float, leerweg: str) -> Dichtstbij | None:
    """Nearest location (offering the preferred mbo leerweg when a location names its leerwegen)."""
    best: Dichtstbij | None = None
    for loc in locaties:
        if leerweg in ("BOL", "BBL") and loc.leerwegen and leerweg not in loc.leerwegen:
            continue
        km = haversine_km(lat, lon, loc.lat, loc.lon)
        if best is None or (km, loc.school) < (best.km, best.school):
            best = Dichtstbij(loc.school, loc.naam, km, loc.benadering)
    return best


def afstand_punten(d: Dichtstbij | None, max_km: float) -> float:
    if d is None:
        return 0.0
    return max(-1.0, 1.0 - d.km / max_km)


def belangrijk_punten(profiel: Profiel, route: RouteInfo, d: Dichtstbij | None) -> tuple[float, tuple[str, ...]]:
    punten = 0.0
    hits: list[str] = []
    label = route.markt.label if route.markt else None
    for item in profiel.belangrijk:
        p = 0.0
        if item == "baanzekerheid":
            p = 1.0 if label in ("groot_tekort", "tekort") else 0.5 if label == "goed" else 0.0
        elif item == "salaris":
            p = {4: 0.5, 3: 0.25}.get(route.niveau, 0.0)
        elif item == "doorleren_hbo":
            p = 1.0 if route.niveau == 4 else 0.0
        elif item == "snel_geld":
            p = 1.0 if "BBL" in route.leerwegen else 0.0
        elif item == "dichtbij_huis" and d is not None:
            p = 1.0 if d.km <= DICHTBIJ_KM else 0.5 if d.km <= profiel.max_reisafstand_km else 0.0
        if p > 0:
            hits.append(item)
            punten += p
    return min(BELANGRIJK_MAX, punten), tuple(hits)


def score_route(route: RouteInfo, profiel: Profiel, plaats: tuple[float, float] | None) -> RouteScore | None:
    """Score one admissible route for a pupil, or None when no stated interest connects to it."""
    interesse, match = interesse_punten(list(profiel.interesses), route)
    if not match:
        return None
    werk, werk_match = werk_punten(list(profiel.werkvoorkeuren), route)
    markt = route.markt.punten if route.markt else 0.0
    d = dichtstbij(route.locaties, plaats[0], plaats[1], profiel.leerweg_voorkeur) if plaats else None
    belangrijk, hits = belangrijk_punten(profiel, route, d)
    lager = niveau_past(profiel.schooltype, route.niveau)[1]
    sluit_aan = bool(profiel.profiel and profiel.profiel in route.vmbo_profielen)
    aansluiting = (0.5 if sluit_aan else 0.0) - (1.0 if lager else 0.0)
    delen = {
        "interesse": round(interesse, 3), "werkvoorkeur": round(werk, 3), "arbeidsmarkt": markt,
        "belangrijk": round(belangrijk, 3), "afstand": round(afstand_punten(d, profiel.max_reisafstand_km), 3),
        "aansluiting": aansluiting,
    }
    return RouteScore(route, delen, match, werk_match, route.markt, d, hits, lager, sluit_aan,
                      via_beroep(route, match))


def via_beroep(route: RouteInfo, match: tuple[str, ...]) -> str | None:
    """When no matched interest is on the opleiding itself: the first beroep that carries one."""
    if any(i in route.opl_interesses for i in match):
        return None
    for naam, tags in zip(route.beroep_namen, route.beroep_interesses, strict=True):
        if tags.intersection(match):
            return naam
    return None


def rangorde(scores: list[RouteScore]) -> list[RouteScore]:
    """Highest total first; ties by interest, then opleiding id (deterministic)."""
    return sorted(scores, key=lambda s: (-s.totaal, -s.delen["interesse"], s.route.id))

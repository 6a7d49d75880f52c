"""The route score and the choice of routes: a transparent sum of parts, each shown to the mentor. Pure.

score = interesse + werkvoorkeur + arbeidsmarkt + belangrijk + afstand + aansluiting
        \\______ fit (-1..5.75) _____/  \\_________ the rest (about -2..3) _________/

Fit comes first: the two fit parts together weigh more than all other parts, so a route that fits
the pupil is never pushed down by a route that is only nearby or only "kansrijk".

- interesse (0-3.75): 2 x the share of the pupil's interests (at most 2 counted) found in the route,
  where an interest the opleiding is about (``RouteInfo.kern``) counts 1, and one it is only coded with
  as a side link (elektro on a car route) or found only on a beroep counts 1/2; + 1 x the share of the
  opleiding's own interest codes that the pupil named (focus); + 0.75 when the route is the usual first
  route for one of the matched interests at this niveau (``hoofdroute_voor``: Timmerman for bouwen,
  Autotechnicus for auto's), enough to beat a narrower opleiding of the same richting.
- werkvoorkeur (-1..2): per beroep, 2 x the share of the pupil's preferences (at most 2 counted) that
  this beroep is coded with, -1 when the beroep conflicts with one (schoon_binnen vs buiten); the
  best beroep counts and is named in the explanation. No preferences given: 0 for every route.
- arbeidsmarkt (0-1): a report that names a beroep of the route: groot_tekort 1, tekort 0.75, goed 0.5,
  gemiddeld 0.25; a report about the route's sector only counts half.
- belangrijk (0-1.5, capped): baanzekerheid, salaris, doorleren_hbo, snel_geld (BBL), dichtbij_huis.
- afstand (-1..0.5): 0.5 x (1 - d / max) within the pupil's maximum, below zero beyond it (floored at -1).
- aansluiting (-1.5..0.5): +0.5 when the pupil's vmbo profiel connects, -0.5 when the pupil has a profiel and the
  route connects to another one; -1 for a lower niveau than fits.

A route is a *raakvlak* (side link) when none of the matched interests is one the opleiding is about.

Choice (:func:`kies_routes`): first the best route for each of the pupil's technical interests (a route
about it), then the rest by score minus a variety penalty (same richting and niveau, same richting, a
shared beroep): variety is a penalty, never an exclusion. Routes about an interest come before every
raakvlak; a raakvlak fills only when the work fits well or the list is still short. Shown in that
order: routes about an interest by score, then raakvlak routes by score; ties by fit, labour market,
distance, id; in a near tie the usual first route for the first interest leads (:func:`hoofdroute_voorop`).
A lower niveau than fits fills only while no route at a fitting niveau with a comparable fit is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from knowledge.geo import haversine_km
from knowledge.vocab import TECHNISCHE_INTERESSES
from recommender.profile import Profiel
from recommender.routes import (
    BeroepInfo,
    Locatie,
    Markt,
    RouteInfo,
    SectorMarkt,
    familie,
    niveaus_voor,
    vmbo_profiel_voor,
)

DELEN = ("interesse", "werkvoorkeur", "arbeidsmarkt", "belangrijk", "afstand", "aansluiting")
DICHTBIJ_KM = 5.0
BELANGRIJK_MAX = 1.5
# Work preferences that clash with what a beroep is coded with.
CONFLICT: dict[str, frozenset[str]] = {"schoon_binnen": frozenset({"buiten"}), "buiten": frozenset({"schoon_binnen"})}
# Variety penalties (subtracted while choosing, never shown as part of the score).
STRAF_FAMILIE = 0.75
STRAF_RICHTING = 0.25
STRAF_BEROEP = 1.0
STRAF_BEROEP_PO = 2.5  # in groep 7/8 the niveau is no choice yet: two niveaus of one chain say the same
HOOFDROUTE_PUNTEN = 0.75
MIN_INTERESSE_AANVULLING = 1.0  # at or below this interest fit (one interest, only via a beroep) a route only
# enters as the best route of an interest, never as filler
RAAKVLAK_GEWICHT = 0.5  # an interest the opleiding is only coded with as a side link, or only via a beroep
RAAKVLAK_MIN_FIT = 3.0  # a raakvlak fills only with this fit (interest + work: the work itself suits the pupil)
KORTE_LIJST = 3  # ... or while the list has fewer routes than this (then with interesse > MIN_INTERESSE_AANVULLING)
STRAF_RAAKVLAK = 1.5  # while filling, a raakvlak competes with routes about an interest at this handicap
# A filler whose nearest school lies this far beyond the pupil's travel limit is left out (half the limit, at least
# 10 km): an empty slot is better than an aviation course 30 km away for a pupil with a 15 km limit (review 5, R30)
VER_AANDEEL = 0.5
ANDER_PROFIEL = 0.5  # aansluiting for a route outside the pupil's own (known) vmbo profiel
# A near tie (total and fit at most this far below route #1): the usual first route for the pupil's first interest goes
# first when it fits at least as many of the pupil's interests (review 8: [hoofdroute] on #2-#4, R15 R22 R37 R46)
BIJNA_GELIJK = 0.5
ENTREE_NIVEAU = 1
VER_MIN_KM = 10.0


@dataclass(frozen=True)
class Dichtstbij:
    school: str
    naam: str
    km: float | None  # None: a national provider without a place near the pupil
    benadering: bool = False
    meerdere: bool = False  # a school with several locations, placed on one point: the distance means little
    # a school placed only at its gemeente's centre that looked nearer than this located one: named as "ook bij"
    # (review 9, defect 1: a town's centre point is no address, so it never pushes a located campus aside)
    ook: Dichtstbij | None = None

    @property
    def km_rang(self) -> float | None:
        """The distance that scores and ranks: the nearer of the named school and its "ook" school, so that naming
        a located campus first never pushes a route down (the town-centre school may well be as near)."""
        if self.km is None or self.ook is None or self.ook.km is None:
            return self.km
        return min(self.km, self.ook.km)


# the route's first beroepen are what it is about: the ones every page lists with it (the verslag shows two)
REPRESENTATIEVE_BEROEPEN = 2
# the first beroep is the one most graduates reach (the opleiding's main beroep): the work-preference explanation
# speaks of its work; a match on another beroep is named as a side beroep (review 6, defect 5: R45, R46)
HOOFDBEROEPEN = 1


@dataclass(frozen=True)
class WerkMatch:
    punten: float
    match: tuple[str, ...]
    beroep: str | None  # the beroep whose coding matched (or clashed)
    conflict: tuple[str, ...] = ()  # the beroep's work that clashes with a preference (e.g. buiten)
    # the match is only on a beroep after the route's main (first) one (Scheepsbouwer on Technicus engineering,
    # Monteur beveiligingsinstallaties on Eerste monteur elektrotechniek): the route is mostly about other work, and
    # the explanation says so first (review 4, review 6)
    bijberoep: bool = False


@dataclass(frozen=True, eq=False)
class RouteScore:
    """A scored route with the evidence each part rests on (used by the explanations)."""

    route: RouteInfo
    delen: dict[str, float]
    interesses: tuple[str, ...]  # the pupil's interests that match, in the pupil's order
    werk: WerkMatch
    markt: Markt | None
    sector: SectorMarkt | None
    dichtstbij: Dichtstbij | None
    belangrijk: tuple[str, ...]  # which 'belangrijk' items gave points
    lager_niveau: bool
    profiel_sluit_aan: bool
    hoofdroute: bool = False
    via_beroep: str | None = None  # the beroep that carries an interest the opleiding itself is not coded with
    # a non-technical interest of the pupil that a route about a technical interest serves through one of its beroepen
    # (economie_handel -> accountmanager technische producten on Technicus engineering, review 7 R50): (interest, beroep)
    beroep_voor: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the ids of the route's office or sales beroepen this pupil's interests and preferences do not point to: shown
    # apart as work to grow into (doorgroei_beroepen)
    later: tuple[str, ...] = ()
    ander_profiel: bool = False  # the pupil has a vmbo profiel and the route is shown under another one

    @cached_property
    def eigen_beroepen(self) -> tuple[BeroepInfo, ...]:
        """The route's beroepen shown as this pupil's: all but the ones to grow into, in the route's order."""
        return tuple(b for b in self.route.beroepen if b.id not in self.later)

    @cached_property
    def doorgroei(self) -> tuple[BeroepInfo, ...]:
        return tuple(b for b in self.route.beroepen if b.id in self.later)

    @cached_property
    def raakvlak(self) -> bool:
        """None of the matched interests is one the opleiding is about: only a side link."""
        return not any(i in self.route.kern for i in self.interesses)

    @cached_property
    def totaal(self) -> float:
        return round(sum(self.delen.values()), 3)

    @cached_property
    def fit(self) -> float:
        return round(self.delen["interesse"] + self.delen["werkvoorkeur"], 3)


def _gewicht(interesse: str, route: RouteInfo) -> float:
    """1 for an interest the opleiding is about, or a non-technical one it is coded with (a techniek route
    is never about those: they are always a raakvlak, ranked among themselves as before); 1/2 for a
    technical side link on the opleiding or an interest found only on a beroep."""
    if interesse in route.kern:
        return 1.0
    if interesse in route.opl_interesses and interesse not in TECHNISCHE_INTERESSES:
        return 1.0
    return RAAKVLAK_GEWICHT


# A commercial or planning beroep (accountmanager, werkvoorbereider/calculator, projectleider: coded with economie_handel)
# next to a route's main beroep is work to grow into for a pupil whose interests and work preferences do not point there:
# named apart ("later kun je ook doorgroeien naar ..."), never listed, matched or explained as the pupil's work (review
# 8, defect 4: accountmanager under a hands-on route). What points there: economie_handel, or an office preference the
# beroep is coded with.
KANTOOR_INTERESSES = frozenset({"economie_handel"})
KANTOOR_VOORKEUREN = frozenset({"computers", "schoon_binnen"})


def doorgroei_beroepen(route: RouteInfo, interesses: Sequence[str], werkvoorkeuren: Sequence[str]) -> frozenset[str]:
    """The ids of the route's office or sales beroepen that this pupil's interests and work preferences do not point
    to. Never the route's main (first) beroep, and none on a route whose main beroep is office work itself
    (Middenkaderfunctionaris bouwkunde leads to werkvoorbereider first; Manager transport en logistiek)."""
    if not KANTOOR_INTERESSES.isdisjoint(interesses) or not route.beroepen:
        return frozenset()
    if not KANTOOR_INTERESSES.isdisjoint(route.beroepen[0].interesses):
        return frozenset()
    voorkeur = KANTOOR_VOORKEUREN.intersection(werkvoorkeuren)
    return frozenset(
        b.id
        for b in route.beroepen[HOOFDBEROEPEN:]
        if not KANTOOR_INTERESSES.isdisjoint(b.interesses) and voorkeur.isdisjoint(b.werk)
    )


def _route_interesses(route: RouteInfo, later: frozenset[str]) -> frozenset[str]:
    """What the route is coded with, without what only a beroep to grow into carries."""
    if not later:
        return route.interesses
    return route.opl_interesses.union(*(b.interesses for b in route.beroepen if b.id not in later))


def interesse_punten(
    pupil: list[str], route: RouteInfo, later: frozenset[str] = frozenset()
) -> tuple[float, tuple[str, ...], bool]:
    """(points, matched interests in the pupil's order, route is the usual first route for one of them).

    ``later``: beroepen to grow into (:func:`doorgroei_beroepen`); an interest only they carry is no link."""
    coded = _route_interesses(route, later)
    match = tuple(i for i in pupil if i in coded)
    if not match:
        return 0.0, (), False
    gewicht = sum(_gewicht(i, route) for i in match)
    dekking = min(1.0, gewicht / min(len(pupil), 2))
    focus = len([i for i in pupil if i in route.opl_interesses]) / max(1, len(route.opl_interesses))
    hoofd = any(i in route.hoofdroute_voor for i in match)
    return 2.0 * dekking + 1.0 * focus + (HOOFDROUTE_PUNTEN if hoofd else 0.0), match, hoofd


def werk_punten(pupil: list[str], route: RouteInfo, later: frozenset[str] = frozenset()) -> WerkMatch:
    """The best beroep of the route for the pupil's work preferences (a clash costs a point); never a beroep to grow
    into (``later``): "Als accountmanager werk je met mensen" is not what the route offers this pupil (review 8)."""
    if not pupil or not route.beroepen:
        return WerkMatch(0.0, (), None)
    best: tuple[float, int, BeroepInfo, tuple[str, ...], tuple[str, ...]] | None = None
    for pos, ber in enumerate(route.beroepen):
        if ber.id in later:
            continue
        match = tuple(w for w in pupil if w in ber.werk)
        conflict = tuple(sorted({c for w in pupil for c in CONFLICT.get(w, frozenset()) if c in ber.werk}))
        punten = 2.0 * min(1.0, len(match) / min(len(pupil), 2)) - (1.0 if conflict else 0.0)
        # equal points: the earlier (more representative) beroep is the one named
        if best is None or (punten, -pos) > (best[0], -best[1]):
            best = (punten, pos, ber, match, conflict)
    assert best is not None
    punten, pos, ber, match, conflict = best
    bij = bool(match) and pos >= HOOFDBEROEPEN
    return WerkMatch(punten, match, ber.naam if (match or conflict) else None, conflict, bij)


def dichtstbij(
    locaties: tuple[Locatie, ...],
    lat: float | None,
    lon: float | None,
    leerweg: str,
    plaats_grof: bool = False,
    afstanden: Sequence[float] | None = None,
) -> Dichtstbij | None:
    """Nearest location offering the preferred mbo leerweg (a national provider when that is all there is).

    ``plaats_grof``: the pupil's place is a whole gemeente or area, so every distance is approximate.
    ``afstanden``: the distances to ``locaties``, when computed in one go for all routes.
    """
    best: Dichtstbij | None = None  # the nearest of all
    best_ruw = False  # ... is one school placed only at its gemeente's centre (not one point for several)
    marge = 0.0
    exact: Dichtstbij | None = None  # the nearest with a known spot (address, wijk or campus)
    landelijk: Dichtstbij | None = None
    for pos, loc in enumerate(locaties):
        if leerweg in ("BOL", "BBL") and loc.leerwegen and leerweg not in loc.leerwegen:
            continue
        if loc.landelijk:
            landelijk = landelijk or Dichtstbij(loc.school, loc.naam, None)
            continue
        if lat is None or lon is None:
            continue
        km = afstanden[pos] if afstanden is not None else haversine_km(lat, lon, loc.lat, loc.lon)  # type: ignore[arg-type]
        kandidaat = Dichtstbij(loc.school, loc.naam, km, loc.benadering or plaats_grof, loc.meerdere)
        if best is None or (km, loc.school) < (best.km, best.school):  # type: ignore[operator]
            best, best_ruw, marge = kandidaat, loc.benadering and not loc.meerdere, loc.marge_km
        if not loc.benadering and (exact is None or (km, loc.school) < (exact.km, exact.school)):  # type: ignore[operator]
            exact = kandidaat
    # a school placed only at its gemeente's centre may in truth lie anywhere in that gemeente: a located school
    # wins unless it is farther than that centre point plus the gemeente's extent; the other is named "ook bij"
    # (review 9, defect 1)
    if best is not None and best_ruw and exact is not None and exact.km <= best.km + marge:  # type: ignore[operator]
        return replace(exact, ook=best)
    return best or landelijk


def afstand_punten(d: Dichtstbij | None, max_km: float) -> float:
    km = d.km_rang if d is not None else None
    if km is None:
        return 0.0
    if km <= max_km:
        return 0.5 * (1.0 - km / max_km)
    return max(-1.0, -(km - max_km) / max_km)


def belangrijk_punten(profiel: Profiel, route: RouteInfo, d: Dichtstbij | None) -> tuple[float, tuple[str, ...]]:
    punten = 0.0
    hits: list[str] = []
    beroep = route.markt.label if route.markt else None
    sector = route.sector.label if route.sector else None
    for item in profiel.belangrijk:
        p = 0.0
        if item == "baanzekerheid":
            if beroep in ("groot_tekort", "tekort"):
                p = 0.75
            elif beroep in ("goed", "redelijk_tot_goed") or sector in ("groot_tekort", "tekort"):
                p = 0.5
            elif sector in ("goed", "redelijk_tot_goed"):
                p = 0.25
        elif item == "salaris":
            p = {4: 0.5, 3: 0.25}.get(route.niveau, 0.0)
        elif item == "doorleren_hbo":
            p = 0.75 if route.niveau == 4 else 0.0
        elif item == "snel_geld":
            p = 0.75 if "BBL" in route.leerwegen else 0.0
        elif item == "dichtbij_huis" and d is not None and d.km_rang is not None:
            km = d.km_rang
            p = 0.75 if km <= DICHTBIJ_KM else 0.25 if km <= profiel.max_reisafstand_km else 0.0
        if p > 0:
            hits.append(item)
            punten += p
    return min(BELANGRIJK_MAX, punten), tuple(hits)


def score_route(
    route: RouteInfo,
    profiel: Profiel,
    plaats: tuple[float, float] | None,
    plaats_grof: bool = False,
    afstanden: Sequence[float] | None = None,
) -> RouteScore | None:
    """Score one admissible route for a pupil, or None when no stated interest connects to it."""
    later = doorgroei_beroepen(route, profiel.interesses, profiel.werkvoorkeuren)
    interesse, match, hoofd = interesse_punten(list(profiel.interesses), route, later)
    if not match:
        return None
    werk = werk_punten(list(profiel.werkvoorkeuren), route, later)
    markt_punten = max(route.markt.punten if route.markt else 0.0, route.sector.punten if route.sector else 0.0)
    d = dichtstbij(
        route.locaties,
        plaats[0] if plaats else None,
        plaats[1] if plaats else None,
        profiel.leerweg_voorkeur,
        plaats_grof,
        afstanden,
    )
    belangrijk, hits = belangrijk_punten(profiel, route, d)
    hoofd_niveaus, lager_niveaus = niveaus_voor(profiel)
    lager = route.niveau in lager_niveaus and route.niveau not in hoofd_niveaus
    sluit_aan = bool(profiel.profiel and profiel.profiel in route.vmbo_profielen)
    # a pupil who already has a vmbo profiel: a route of another profiel costs half a point, so a route of the own
    # profiel wins a near tie (review 8, R39: a PIE route above the MaT routes of a MaT pupil)
    # (the profiel shown for the route decides: a tl pupil's TL Techniek stands for every techniek profiel)
    anders = bool(profiel.profiel) and not sluit_aan and vmbo_profiel_voor(route, profiel) != profiel.profiel
    aansluiting = (0.5 if sluit_aan else 0.0) - (ANDER_PROFIEL if anders else 0.0) - (1.0 if lager else 0.0)
    delen = {
        "interesse": round(interesse, 3),
        "werkvoorkeur": round(werk.punten, 3),
        "arbeidsmarkt": markt_punten,
        "belangrijk": round(belangrijk, 3),
        "afstand": round(afstand_punten(d, profiel.max_reisafstand_km), 3),
        "aansluiting": aansluiting,
    }
    return RouteScore(
        route,
        delen,
        match,
        werk,
        route.markt,
        route.sector,
        d,
        hits,
        lager,
        sluit_aan,
        hoofd,
        via_beroep(route, match, later),
        beroep_voor(route, match),
        tuple(b.id for b in route.beroepen if b.id in later),
        anders,
    )


# Non-technical interests a beroep on a techniek route can truly be about: the commercial and planning jobs
# (accountmanager technische producten, werkvoorbereider/calculator). Not zorg or dieren: "Monteur mobiele
# werktuigen past bij dieren" or "servicemonteur werkt met mensen" would be a stretch (review 7, R44/R46).
BEROEP_DRAAGT = frozenset({"economie_handel"})


def beroep_voor(route: RouteInfo, match: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For a route about one of the matched technical interests: each matched non-technical interest the opleiding
    is not coded with, with the beroepen that carry it (the commercial or planning jobs on a techniek route)."""
    if not any(i in route.kern for i in match):
        return ()
    uit: list[tuple[str, tuple[str, ...]]] = []
    for i in match:
        if i not in BEROEP_DRAAGT or i in route.opl_interesses:
            continue
        namen = tuple(b.naam for b in route.beroepen if i in b.interesses)
        if namen:
            uit.append((i, namen))
    return tuple(uit)


def via_beroep(route: RouteInfo, match: tuple[str, ...], later: frozenset[str] = frozenset()) -> str | None:
    """When no matched interest is on the opleiding itself: the first beroep that carries one."""
    if any(i in route.opl_interesses for i in match):
        return None
    for ber in route.beroepen:
        if ber.id not in later and ber.interesses.intersection(match):
            return ber.naam
    return None


def rang_sleutel(s: RouteScore) -> tuple[bool, float, float, float, float, str]:
    """Routes about an interest before raakvlak routes; then highest total; ties by fit, labour market,
    the nearest school, id."""
    km = s.dichtstbij.km_rang if s.dichtstbij is not None and s.dichtstbij.km_rang is not None else 1e9
    return (s.raakvlak, -s.totaal, -s.fit, -s.delen["arbeidsmarkt"], km, s.route.id)


def rangorde(scores: list[RouteScore]) -> list[RouteScore]:
    return sorted(scores, key=rang_sleutel)


def nieuwe_beroepen(s: RouteScore, getoond: set[str]) -> bool:
    """Does this route bring a beroep coded with one of its matched interests that no chosen route shows?"""
    return any(b.id not in getoond and not b.interesses.isdisjoint(s.interesses) for b in s.route.beroepen)


def variatie_straf(
    s: RouteScore, gekozen: list[RouteScore], straf_beroep: float = STRAF_BEROEP, getoond: set[str] | None = None
) -> float:
    """How much a route repeats what is already chosen (a penalty, never an exclusion).

    A shared beroep costs ``straf_beroep`` only when the route (at a niveau that fits) shows no new beroep for
    the pupil's interests:
    Eerste monteur werktuigkundige installaties n3 shares a servicemonteur with the n4, but its Monteur
    warmtepompen is something new to see for a pupil who likes energie.
    """
    straf = 0.0
    beroepen = set(s.route.beroep_ids)
    if getoond is None:
        getoond = {b for c in gekozen for b in c.route.beroep_ids}
    nieuw = not s.lager_niveau and nieuwe_beroepen(s, getoond)  # a lower niveau (entree) stays a repeat
    for c in gekozen:
        if familie(c.route) == familie(s.route):
            straf += STRAF_FAMILIE
        elif c.route.richting == s.route.richting:
            straf += STRAF_RICHTING
        if not nieuw and beroepen.intersection(c.route.beroep_ids):
            straf += straf_beroep
    return straf


def kies_routes(
    ranked: list[RouteScore], interesses: list[str], n: int, po: bool = False, max_km: float = float("inf")
) -> list[RouteScore]:
    """Up to ``n`` routes: the best route for each interest first, then the rest by score minus variety penalty.

    The best route for a technical interest is its usual first route at this niveau (``hoofdroute_voor``: a
    pupil who loves cars always sees Autotechnicus), else the best route about it (``RouteInfo.kern``), else
    (none about it is admissible) the best route that touches it, as a raakvlak. An interest a chosen
    opleiding is already about needs no second route unless its usual first route is missing. A non-technical
    interest gets no route of its own: no techniek route is about it (the advice says so and points to its
    own sector). The fill step takes routes about an interest first (interesse > ``MIN_INTERESSE_AANVULLING``);
    a raakvlak only when its fit reaches ``RAAKVLAK_MIN_FIT`` or the list is shorter than ``KORTE_LIJST``.
    The list can be shorter than ``n``: it is never padded with implausible routes.
    """
    gekozen: list[RouteScore] = []
    for interesse in interesses:
        if len(gekozen) >= n:
            break
        if interesse not in TECHNISCHE_INTERESSES:
            # no techniek route is about it; a route about another of the pupil's interests whose beroepen serve it
            # (a commercial or planning job) is lifted into the list, if it is not there yet (review 7, R50)
            if not any(interesse in c.route.opl_interesses or interesse in dict(c.beroep_voor) for c in gekozen):
                gedragen = [s for s in ranked if interesse in dict(s.beroep_voor) and not _lager_entree(s)]
                if gedragen:
                    gekozen.append(gedragen[0])
            continue
        if any(interesse in c.route.hoofdroute_voor for c in gekozen):
            continue  # the usual first route for this interest is already there
        kandidaten = [s for s in ranked if interesse in s.interesses]
        hoofd = [s for s in kandidaten if interesse in s.route.hoofdroute_voor]
        kern = [s for s in kandidaten if interesse in s.route.kern]
        if not hoofd and any(interesse in c.route.kern for c in gekozen):
            continue  # a chosen opleiding is already about this interest
        eerste = (hoofd or kern or kandidaten)[:1]
        if eerste and eerste[0] not in gekozen:
            gekozen.append(eerste[0])
    rest = [s for s in ranked if s not in gekozen]
    sleutels = {id(s): rang_sleutel(s) for s in rest}
    straf_beroep = STRAF_BEROEP_PO if po else STRAF_BEROEP

    getoond: set[str] = {b for c in gekozen for b in c.route.beroep_ids}

    def keuze(s: RouteScore) -> tuple[float, bool, float, float, float, float, str]:
        straf = variatie_straf(s, gekozen, straf_beroep, getoond) + (STRAF_RAAKVLAK if s.raakvlak else 0.0)
        return (-(s.totaal - straf), *sleutels[id(s)])

    while len(gekozen) < n and rest:
        kort = len(gekozen) < KORTE_LIJST
        kandidaten = [
            s
            for s in rest
            if _vult(s, kort, max_km) and not _lagere_herhaling(s, getoond) and not _gedekt_raakvlak(s, gekozen, kort)
        ]
        if not kandidaten:
            break
        # a niveau below what fits (niveau 2 for a gl/tl pupil) fills only when no route at a fitting niveau with a
        # comparable fit is left (review 8, R47: Tegelzetter n2 before Allround dakdekker n3)
        passend = [s.fit for s in kandidaten if not s.lager_niveau]
        kandidaten = [s for s in kandidaten if not s.lager_niveau or not passend or max(passend) < s.fit - BIJNA_GELIJK]
        beste = min(kandidaten, key=keuze)
        getoond.update(beste.route.beroep_ids)
        gekozen.append(beste)
        rest.remove(beste)
    return hoofdroute_voorop(rangorde(gekozen), interesses)


def _dekking(s: RouteScore) -> float:
    """How many of the pupil's interests the route fits (an interest it is only side-linked to counts half)."""
    return sum(_gewicht(i, s.route) for i in s.interesses)


def hoofdroute_voorop(routes: list[RouteScore], interesses: Sequence[str]) -> list[RouteScore]:
    """The usual first route for the pupil's first technical interest goes to #1 in a near tie (:data:`BIJNA_GELIJK`
    in total and in fit) when it fits at least as many of the pupil's interests as route #1: a decaan can say "this is
    where most pupils who like X start" instead of explaining a few hundredths of a point."""
    eerste = next((i for i in interesses if i in TECHNISCHE_INTERESSES), None)
    if eerste is None or not routes:
        return routes
    top = routes[0]
    hoofd = next((s for s in routes if eerste in s.interesses and eerste in s.route.hoofdroute_voor), None)
    if (
        hoofd is None
        or hoofd is top
        or hoofd.raakvlak != top.raakvlak
        or top.totaal - hoofd.totaal > BIJNA_GELIJK
        or top.fit - hoofd.fit > BIJNA_GELIJK
        or _dekking(hoofd) < _dekking(top)
    ):
        return routes
    return [hoofd, *(s for s in routes if s is not hoofd)]


def _gedekt_raakvlak(s: RouteScore, gekozen: list[RouteScore], kort: bool) -> bool:
    """A raakvlak through a side code on the opleiding whose every matched interest already has a chosen route about
    it: a filler (Middenkaderfunctionaris bouwkunde for a drawing pupil who has Mediavormgever, review 7
    R01/R21/R52). Fewer routes beat fillers. While the list is short, a raakvlak through a named beroep about the
    interest stays possible (scheepsbouwer on Constructiewerker for a bb port pupil, review 3 R28)."""
    return (
        s.raakvlak
        and not (kort and s.via_beroep is not None)
        and bool(s.route.kern)  # about another subject of ours; Fietstechnicus (bikes, no code) is not a filler
        and all(any(i in c.route.kern for c in gekozen) for i in s.interesses)
    )


def _lager_entree(s: RouteScore) -> bool:
    return s.lager_niveau and s.route.niveau == ENTREE_NIVEAU


def _lagere_herhaling(s: RouteScore, getoond: set[str]) -> bool:
    """A route at a lower niveau than fits that only repeats beroepen already shown (Medewerker podium n2 after
    Podium- en evenemententechnicus n4 for a tl pupil): its chain is there at a niveau that fits."""
    return s.lager_niveau and not getoond.isdisjoint(s.route.beroep_ids) and not nieuwe_beroepen(s, getoond)


def te_ver(s: RouteScore, max_km: float) -> bool:
    """Is the nearest school far beyond the pupil's travel limit (more than half the limit, at least
    ``VER_MIN_KM``, beyond it)? Such a route is shown only as the best route for an interest, never as filler."""
    d = s.dichtstbij
    km = d.km_rang if d is not None else None
    if km is None:
        return False
    return km > max_km + max(VER_AANDEEL * max_km, VER_MIN_KM)


def _vult(s: RouteScore, kort: bool, max_km: float = float("inf")) -> bool:
    """May this route fill the list (after the best route per interest)?

    A route about an interest: with more than a beroep-only link (interesse > ``MIN_INTERESSE_AANVULLING``).
    A raakvlak: when the work suits the pupil (fit >= ``RAAKVLAK_MIN_FIT``, interesse at least
    ``MIN_INTERESSE_AANVULLING``) or, while the list is short, with the same interest link as a route about
    an interest and a school within the pupil's travel limit (a weak link far away is not worth the trip). A non-technical interest found only on a beroep never fills: the opleiding is not coded with it.
    """
    interesse = s.delen["interesse"]
    if te_ver(s, max_km) or (s.lager_niveau and s.route.niveau == ENTREE_NIVEAU):
        # far beyond the travel limit, or an entree course below the niveau that fits (it is for pupils without a
        # diploma that gives access to niveau 2): only as the best route for an interest, never as filler (review 5)
        return False
    if not s.raakvlak:
        return interesse > MIN_INTERESSE_AANVULLING
    if s.via_beroep and not any(i in TECHNISCHE_INTERESSES for i in s.interesses):
        return False
    return (s.fit >= RAAKVLAK_MIN_FIT and interesse >= MIN_INTERESSE_AANVULLING) or (
        kort and interesse > MIN_INTERESSE_AANVULLING and s.delen["afstand"] >= 0.0
    )

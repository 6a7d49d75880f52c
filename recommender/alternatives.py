"""What is still possible when the pupil's school has no techniekprofiel.

Concretely for the pupil: the nearest vmbo schools that do have one (for the pupil's leerweg),
techniek inside the own school (keuzeprogramma, keuzevakken, company visits; oberon2024 chapter 4),
praktijkgerichte programma's on vmbo-gl/-tl since 2024-2025 (oberon2024 chapter 4), following the
profiel at a school nearby (oberon2024 chapter 6), activities nearby, and the later routes into mbo
techniek from a non-technical profiel with the doorstroom figures that the knowledge base holds
(vmbo.yaml profielen cijfers, seor2026 Tabel 3.6). No figure is used that is not in the knowledge base.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge import vocab
from knowledge.geo import haversine_km
from knowledge.i18n import t, word
from knowledge.i18n.formats import format_number
from knowledge.loader import KnowledgeBase
from knowledge.schema import Cijfer, School
from knowledge.sources import ref_text, source_label
from recommender.explain import km_tekst, lijst, melding, profiel_naam, school_tekst, school_volgorde
from recommender.fase import INTERESSE_PROFIELEN, INTERESSE_TL, havo_vwo_pad
from recommender.models import (
    ActiviteitAdvies,
    Doorstroom,
    Mogelijkheid,
    SchoolAfstand,
    ZonderTechniekprofiel,
)
from recommender.profile import Profiel, profielen_voor, thuis_bij_benadering, vmbo_leerweg

BRON_BINNEN_SCHOOL = "oberon2024#Hoofdstuk 4"
BRON_ANDERE_SCHOOL = "oberon2024#Hoofdstuk 6"
BRON_INSTROOM = "seor2026#6.1"  # special entry routes into techniek from non-technical profielen
PRAKTIJKGERICHT_SINDS = "2024-2025"  # oberon2024#Hoofdstuk 4
REGIO_VOORKEUR = ("Rotterdam", "Zuid-Holland", "Nederland")
MAX_SCHOLEN = 3


def heeft_techniek(school: School, schooltype: str) -> bool:
    """A techniekprofiel the pupil could take: a hard-techniek/MVI profiel, or TL_TECHNIEK for vmbo-tl."""
    return school.heeft_techniekprofiel or (schooltype == "vmbo-tl" and "TL_TECHNIEK" in school.profielen)


def zonder_techniekprofiel_van_toepassing(kb: KnowledgeBase, profiel: Profiel) -> School | None:
    """The pupil's school when it is a vmbo school known to have no techniekprofiel, else None."""
    if not profiel.school or vmbo_leerweg(profiel.schooltype) is None:
        return None
    school = kb.scholen.get(profiel.school)
    if school is None or school.soort not in ("vmbo", "vso") or not school.profielen_bekend:
        return None
    return None if heeft_techniek(school, profiel.schooltype) else school


def _scholen_met_techniek(
    kb: KnowledgeBase, profiel: Profiel, origin: tuple[float, float] | None, eigen: School
) -> list[SchoolAfstand]:
    lw = vmbo_leerweg(profiel.schooltype)
    out: list[tuple[float, str, School]] = []
    for s in kb.scholen.values():
        if s.id == eigen.id or s.soort != "vmbo" or not heeft_techniek(s, profiel.schooltype):
            continue
        if s.leerwegen and lw not in s.leerwegen:
            continue
        if origin is None or s.locatie.lat is None or s.locatie.lon is None:
            km = float("inf")
        else:
            km = haversine_km(origin[0], origin[1], s.locatie.lat, s.locatie.lon)
        out.append((km, s.id, s))
    out.sort(key=lambda t: (t[0], t[1]))
    # from the pupil's home known only as an area's centre point, every distance is approximate ("~")
    grof = origin is not None and thuis_bij_benadering(kb, profiel)
    scholen = [
        SchoolAfstand(
            id=s.id,
            naam=s.naam,
            afstand_km=None if km == float("inf") else round(km, 1),
            afstand_bij_benadering=grof or s.locatie.precisie == "gemeente",
            profielen=[p for p in s.profielen if p in vocab.TECHNIEK_PROFIELEN or p == "TL_TECHNIEK"],
            gemeente=s.locatie.gemeente,
            plek_bij_benadering=s.locatie.precisie == "gemeente",
            meerdere_locaties=s.locatie.meerdere_locaties,
            grondslag=s.grondslag,
        )
        for km, _, s in out[:MAX_SCHOLEN]
    ]
    return sorted(scholen, key=school_volgorde)  # exactly placed first (review 6, defect 2)


def _regio(c: Cijfer) -> str:
    for r in REGIO_VOORKEUR:
        if r.lower() in c.omschrijving.lower():
            return r
    return ""


def doorstroom_cijfers(kb: KnowledgeBase, codes: list[str]) -> list[tuple[str, Cijfer]]:
    """Doorstroom-to-mbo-techniek figures in vmbo.yaml for these profielen, best region first per profiel."""
    found: list[tuple[str, Cijfer]] = []
    for code in codes:
        p = kb.profielen.get(code)
        if p is None:
            continue
        cijfers = [c for c in p.cijfers if "doorstroom" in c.omschrijving.lower()]
        cijfers.sort(key=lambda c: (REGIO_VOORKEUR.index(_regio(c)) if _regio(c) else 9, c.omschrijving))
        found += [(code, c) for c in cijfers]
    return found


def _eerste_percentages(cijfers: list[tuple[str, Cijfer]]) -> dict[str, Cijfer]:
    eerste: dict[str, Cijfer] = {}
    for code, c in cijfers:
        if c.eenheid.strip() == "%":
            eerste.setdefault(code, c)
    return eerste


def _doorstroom_tekst(kb: KnowledgeBase, eerste: dict[str, Cijfer], taal: str) -> str:
    refs = list(dict.fromkeys(c.bron for c in eerste.values()))
    return t(
        "advies.zt_doorstroom",
        taal,
        bron="; ".join(source_label(kb, r, taal) for r in refs),
        cijfers=lijst(
            [
                f"{profiel_naam(kb, code)} {format_number(c.waarde, taal)}% ({_regio(c) or '-'}, {c.jaar or '-'})"
                for code, c in eerste.items()
            ],
            taal,
        ),
    )


def doorstroom_zin(kb: KnowledgeBase, codes: list[str], taal: str) -> str | None:
    """The doorstroom-to-mbo-techniek sentence for these profielen, or None when the knowledge holds no figure."""
    eerste = _eerste_percentages(doorstroom_cijfers(kb, codes))
    return _doorstroom_tekst(kb, eerste, taal) if eerste else None


def doorstroom_profielen(profiel: Profiel, school: School) -> list[str]:
    """Whose doorstroom to show: the pupil's own profiel; else the school's non-technical profielen;
    else (profielen not named) every non-technical profiel of the pupil's leerweg."""
    if profiel.profiel:
        return [profiel.profiel]
    mogelijk = profielen_voor(profiel.schooltype)
    eigen = [p for p in school.profielen if p in mogelijk and p not in vocab.TECHNIEK_PROFIELEN and p != "TL_TECHNIEK"]
    return eigen or [p for p in mogelijk if p not in vocab.TECHNIEK_PROFIELEN and p != "TL_TECHNIEK"]


def zonder_techniekprofiel(
    kb: KnowledgeBase,
    profiel: Profiel,
    school: School,
    plaats: tuple[float, float] | None,
    activiteiten: list[ActiviteitAdvies],
    talen: list[str],
) -> ZonderTechniekprofiel:
    """The concrete alternatives for a pupil whose school has no techniekprofiel."""
    origin = plaats
    if origin is None and school.locatie.lat is not None and school.locatie.lon is not None:
        origin = (school.locatie.lat, school.locatie.lon)
    scholen = _scholen_met_techniek(kb, profiel, origin, school)
    mogelijk: list[Mogelijkheid] = []
    dichtbij = [s for s in scholen if s.afstand_km is None or s.afstand_km <= profiel.max_reisafstand_km]
    if scholen and not dichtbij:  # only schools beyond the pupil's reach: never call them "in de buurt"
        tekst = {
            taal: t(
                "advies.zt_scholen_ver",
                taal,
                km=km_tekst(profiel.max_reisafstand_km, taal),
                scholen=lijst(
                    [school_tekst(s, taal) for s in scholen],
                    taal,
                ),
            )
            for taal in talen
        }
        mogelijk.append(Mogelijkheid(soort="school_ver", tekst=tekst, bron=BRON_ANDERE_SCHOOL))
    scholen = dichtbij
    if scholen:
        tekst = {
            taal: t(
                "advies.zt_scholen",
                taal,
                scholen=lijst(
                    [school_tekst(s, taal) for s in scholen],
                    taal,
                ),
            )
            + " "
            + t("advies.zt_andere_school", taal)
            for taal in talen
        }
        mogelijk.append(Mogelijkheid(soort="school_in_de_buurt", tekst=tekst, bron=BRON_ANDERE_SCHOOL))
    mogelijk.append(Mogelijkheid(soort="keuzevakken", tekst=melding("zt_keuzevakken", talen), bron=BRON_BINNEN_SCHOOL))
    if profiel.schooltype in ("vmbo-gl", "vmbo-tl"):
        mogelijk.append(
            Mogelijkheid(
                soort="praktijkgericht_programma",
                bron=BRON_BINNEN_SCHOOL,
                tekst=melding("zt_praktijkgericht", talen, jaar=PRAKTIJKGERICHT_SINDS),
            )
        )
    lokaal = [a for a in activiteiten if not a.landelijk][:3]
    if lokaal:
        mogelijk.append(
            Mogelijkheid(
                soort="activiteit",
                tekst={
                    taal: t("advies.zt_activiteiten", taal, activiteiten=lijst([a.naam for a in lokaal], taal))
                    for taal in talen
                },
            )
        )
    # doorstroom from the pupil's own (non-technical) profiel, else from the profielen the school offers
    codes = doorstroom_profielen(profiel, school)
    cijfers = doorstroom_cijfers(kb, codes)
    doorstroom = [
        Doorstroom(
            profiel=code,
            profiel_naam=profiel_naam(kb, code),
            omschrijving=c.omschrijving,
            waarde=c.waarde,
            eenheid=c.eenheid,
            jaar=c.jaar,
            bron=ref_text(c.bron),
        )
        for code, c in cijfers
    ]
    eerste = _eerste_percentages(cijfers)
    if eerste:
        refs = list(dict.fromkeys(c.bron for c in eerste.values()))
        mogelijk.append(
            Mogelijkheid(
                soort="doorstroom",
                bron=", ".join(ref_text(r) for r in refs),
                tekst={taal: _doorstroom_tekst(kb, eerste, taal) for taal in talen},
            )
        )
    mogelijk.append(
        Mogelijkheid(
            soort="instroomroute",
            bron=BRON_INSTROOM,
            tekst={taal: t("advies.zt_instroom", taal, bron=source_label(kb, BRON_INSTROOM, taal)) for taal in talen},
        )
    )
    uitleg = {taal: t("advies.zt_intro", taal, school=school.naam) for taal in talen}
    bronnen = list(dict.fromkeys([ref_text(r) for r in school.bronnen] + [m.bron for m in mogelijk if m.bron]))
    return ZonderTechniekprofiel(
        school=school.id,
        school_naam=school.naam,
        uitleg=uitleg,
        scholen_met_techniekprofiel=scholen,
        mogelijkheden=mogelijk,
        activiteiten=[a.id for a in lokaal],
        doorstroom=doorstroom,
        bronnen=bronnen,
    )


# --- a step in the pupil's own, non-technical sector ---------------------------------------------------
BRON_EIGEN_SECTOR = "algemene_kennis"  # which roc's give zorg, economie, sport, ...: general knowledge (scholen.yaml)
MAX_SECTOR_SCHOLEN = 3


def sector_scholen(
    kb: KnowledgeBase, interesse: str, origin: tuple[float, float] | None, grof: bool = False
) -> list[SchoolAfstand]:
    """The mbo schools in the knowledge that also give opleidingen for this non-technical interest, nearest first.

    Without a place: by name. From ``School.sectoren`` (general knowledge: the broad regional roc's, green mbo).
    """
    out: list[tuple[float, str, School]] = []
    for s in kb.scholen.values():
        if s.soort != "mbo" or interesse not in s.sectoren:
            continue
        if origin is None or s.locatie.lat is None or s.locatie.lon is None:
            km = float("inf")
        else:
            km = haversine_km(origin[0], origin[1], s.locatie.lat, s.locatie.lon)
        out.append((km, s.naam, s))
    out.sort(key=lambda x: (x[0], x[1]))
    scholen = [
        SchoolAfstand(
            id=s.id,
            naam=s.naam,
            afstand_km=None if km == float("inf") else round(km, 1),
            afstand_bij_benadering=grof or s.locatie.precisie == "gemeente",  # grof: home is a centre point
            profielen=[],
            gemeente=s.locatie.gemeente,
            plek_bij_benadering=s.locatie.precisie == "gemeente",
            meerdere_locaties=s.locatie.meerdere_locaties,
            grondslag=s.grondslag,
        )
        for km, _, s in out[:MAX_SECTOR_SCHOLEN]
    ]
    return sorted(scholen, key=school_volgorde)  # exactly placed first (review 6, defect 2)


# one sourced sentence that places a non-technical interest in its mbo sector (review 5, R31: sport was never placed)
SECTOR_PLAATS: dict[str, tuple[str, str]] = {
    "sport_bewegen": ("koppeling_sport_zw", "seor2026#Tabel 3.2"),  # mbo sector 'zorg, welzijn en sport'
}
# a general pointer where hbo opleidingen for the interest are, when there is a usual kind of school for it
HBO_HINT: dict[str, str] = {"dieren_natuur": "eigen_sector_hbo_groen"}
# the usual mbo / hbo direction for an interest outside techniek, named as general knowledge without a figure or a
# school (review 10, defect 2: an animal lover heard nothing about dierverzorging, as a zorg pupil hears about zorg)
SECTOR_RICHTING_MBO: dict[str, str] = {"dieren_natuur": "eigen_sector_richting_dieren"}
SECTOR_RICHTING_HBO: dict[str, str] = {"dieren_natuur": "eigen_sector_hbo_richting_dieren"}


def _sector_scholen_tekst(scholen: list[SchoolAfstand], taal: str) -> str:
    return lijst(
        [school_tekst(s, taal) for s in scholen],
        taal,
    )


def _met_richting(zin: str, key: str | None, taal: str) -> str:
    """``zin`` followed by the usual direction for the interest (general knowledge), when there is one."""
    return f"{zin} {t(f'advies.{key}', taal)}" if key else zin


def eigen_sector_stappen(
    kb: KnowledgeBase,
    profiel: Profiel,
    origin: tuple[float, float] | None,
    talen: list[str],
    fase: str = "vmbo_bovenbouw",
    getoonde_profielen: Sequence[str] = (),
) -> list[Mogelijkheid]:
    """For each non-technical interest the pupil's own next step in that sector, the same at every stage (review 5,
    defect 3): LOB-Kompas has no routes there, so this is where the pupil goes on.

    * po and vmbo klas 1-2: the vmbo profiel for it when the stage advice above does not already advise it; in
      klas 1-2 also where the mbo opleidingen for it are (horizon).
    * vmbo klas 3-4: where the mbo opleidingen are (nearest known roc's, general knowledge) and kiesmbo.nl.
    * havo/vwo (and a havo/vwo schooladvies): hbo has opleidingen for it; LOB-Kompas knows none, so a general pointer.
    A sourced sentence placing the interest in its mbo sector (sport: zorg, welzijn en sport) comes with the mbo steps.
    """
    stappen: list[Mogelijkheid] = []
    grof = origin is not None and thuis_bij_benadering(kb, profiel)
    havo_vwo = havo_vwo_pad(profiel)
    for interesse in profiel.interesses:
        if interesse in vocab.TECHNISCHE_INTERESSES:
            continue
        if havo_vwo:
            key = HBO_HINT.get(interesse, "eigen_sector_hbo")
            stappen.append(
                Mogelijkheid(
                    soort=f"eigen_sector_{interesse}",
                    bron=BRON_EIGEN_SECTOR,
                    tekst={
                        taal: _met_richting(
                            t(f"advies.{key}", taal, interesse=word("interesse", interesse, taal)),
                            SECTOR_RICHTING_HBO.get(interesse),
                            taal,
                        )
                        for taal in talen
                    },
                )
            )
            continue
        if fase in ("po", "vo_onderbouw"):
            leerweg = profiel.schooladvies if profiel.schooltype == "po" else profiel.schooltype
            tl = vmbo_leerweg(leerweg or "") == "tl"
            code = INTERESSE_TL.get(interesse) if tl else next(iter(INTERESSE_PROFIELEN.get(interesse, ())), None)
            if code and code in kb.profielen and code not in getoonde_profielen:
                stappen.append(
                    Mogelijkheid(
                        soort=f"eigen_sector_profiel_{interesse}",
                        tekst={
                            taal: t(
                                "advies.eigen_sector_profiel",
                                taal,
                                interesse=word("interesse", interesse, taal),
                                profiel=profiel_naam(kb, code),
                            )
                            for taal in talen
                        },
                    )
                )
            if fase == "po":
                # in groep 7/8 the mbo is a horizon the stage advice does not fill in; its usual direction is one line
                if (richting := SECTOR_RICHTING_MBO.get(interesse)) is not None:
                    stappen.append(
                        Mogelijkheid(
                            soort=f"eigen_sector_richting_{interesse}",
                            bron=BRON_EIGEN_SECTOR,
                            tekst={taal: t(f"advies.{richting}", taal) for taal in talen},
                        )
                    )
                continue
        scholen = sector_scholen(kb, interesse, origin, grof)
        binnen = [s for s in scholen if s.afstand_km is not None and s.afstand_km <= profiel.max_reisafstand_km]
        scholen = binnen or scholen[:1]  # within reach; else only the nearest, with its distance
        plaats = SECTOR_PLAATS.get(interesse)
        tekst: dict[str, str] = {}
        for taal in talen:
            naam = word("interesse", interesse, taal)
            if scholen:
                key = "eigen_sector_later_scholen" if fase == "vo_onderbouw" else "eigen_sector_scholen"
                zin = t(f"advies.{key}", taal, interesse=naam, scholen=_sector_scholen_tekst(scholen, taal))
            else:
                key = "eigen_sector_later_kiesmbo" if fase == "vo_onderbouw" else "eigen_sector_kiesmbo"
                zin = t(f"advies.{key}", taal, interesse=naam)
            if plaats is not None:
                zin += " " + t(f"advies.{plaats[0]}", taal, bron=source_label(kb, plaats[1], taal))
            tekst[taal] = _met_richting(zin, SECTOR_RICHTING_MBO.get(interesse), taal)
        bron = BRON_EIGEN_SECTOR if scholen or interesse in SECTOR_RICHTING_MBO else (plaats[1] if plaats else None)
        stappen.append(Mogelijkheid(soort=f"eigen_sector_{interesse}", tekst=tekst, bron=bron))
    return stappen

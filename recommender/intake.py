"""Intake checks: parts of a profile that do not fit together. Each gives a warning; the advice still comes.

Impossible combinations (a leerjaar the schooltype does not have, a vmbo profiel for a havo pupil)
are rejected by :class:`recommender.profile.Profiel` itself. What is possible but probably a mistake,
or worth a conversation, is checked here against the knowledge base:

* ``school_zonder_profiel``: the school is known not to offer the pupil's profiel;
* ``school_zonder_leerweg``: the school is known not to offer the pupil's leerweg (bb at a mavo);
* ``school_soort``: a vo pupil at a po school, or a havo/vwo pupil at a vmbo-only school;
* ``havo_bbl_hbo``: havo/vwo + BBL + doorleren naar hbo (the direct road to hbo is shorter);
* ``bb_hbo``: vmbo-bb + doorleren naar hbo (possible, but a long road; mbo 2 is the first step);
* ``schooladvies_niet_po``: a schooladvies outside groep 7/8 (ignored);
* ``profiel_te_vroeg``: a profiel in klas 1 (usually chosen at the end of klas 2);
* ``buiten_regio``: a postcode outside the region (advice without distances);
* ``plaats_tegenstrijdig``: postcode, wijk and gemeente point at different gemeenten (the most precise is used);
* ``profiel_sluit_niet_aan``: the pupil's own vmbo profiel is not a profiel any of the chosen routes connects
  to (TL Economie with techniek routes): what changes, the doorstroom figures the knowledge holds, and that the
  mentor checks admission with the mbo school.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.geo import Place, UnknownPlace, resolve_place
from knowledge.i18n import t, word
from knowledge.loader import KnowledgeBase
from recommender.alternatives import doorstroom_zin
from recommender.explain import lijst, profiel_naam
from recommender.models import Waarschuwing
from recommender.profile import Profiel, profielen_voor, vmbo_leerweg
from recommender.scoring import RouteScore


def _w(soort: str, talen: list[str], **values: object) -> Waarschuwing:
    return Waarschuwing(
        soort=soort,
        tekst={
            taal: t(f"advies.w_{soort}", taal, **{k: (v(taal) if callable(v) else v) for k, v in values.items()})
            for taal in talen
        },
    )


def intake_checks(kb: KnowledgeBase, profiel: Profiel, talen: list[str]) -> list[Waarschuwing]:
    out: list[Waarschuwing] = []
    school = kb.scholen.get(profiel.school or "")
    lw = vmbo_leerweg(profiel.schooltype)
    if school is not None:
        vo_op_po = profiel.schooltype != "po" and school.soort == "po"
        havo_op_vmbo = (
            profiel.schooltype in ("havo", "vwo") and school.soort in ("vmbo", "vso") and bool(school.leerwegen)
        )
        if vo_op_po or havo_op_vmbo:
            out.append(
                _w(
                    "school_soort",
                    talen,
                    school=school.naam,
                    schooltype=lambda taal: word("schooltype", profiel.schooltype, taal),
                )
            )
        if lw and school.soort in ("vmbo", "vso") and school.leerwegen and lw not in school.leerwegen:
            out.append(
                _w(
                    "school_zonder_leerweg",
                    talen,
                    school=school.naam,
                    leerweg=lambda taal: word("schooltype", profiel.schooltype, taal),
                    leerwegen=lambda taal: lijst(
                        [word("schooltype", f"vmbo-{x}", taal) for x in school.leerwegen], taal
                    ),
                )
            )
        if profiel.profiel and school.profielen_bekend and school.profielen and profiel.profiel not in school.profielen:
            out.append(
                _w("school_zonder_profiel", talen, school=school.naam, profiel=profiel_naam(kb, profiel.profiel))
            )
    if (
        profiel.schooltype in ("havo", "vwo")
        and profiel.leerweg_voorkeur == "BBL"
        and "doorleren_hbo" in profiel.belangrijk
    ):
        out.append(_w("havo_bbl_hbo", talen))
    if profiel.schooltype == "vmbo-bb" and "doorleren_hbo" in profiel.belangrijk:
        out.append(_w("bb_hbo", talen))
    if profiel.schooladvies and profiel.schooltype != "po":
        out.append(_w("schooladvies_niet_po", talen))
    if profiel.profiel and profiel.leerjaar == "vo1":
        out.append(_w("profiel_te_vroeg", talen))
    return out


def _gemeente_van(kb: KnowledgeBase, text: str) -> str | None:
    try:
        place: Place = resolve_place(kb, text)
    except UnknownPlace:  # outside the region or unknown: checked elsewhere
        return None
    return place.gemeente or (place.naam if place.soort == "gemeente" else None)


def plaats_tegenstrijdig(kb: KnowledgeBase, profiel: Profiel, talen: list[str]) -> Waarschuwing | None:
    """Postcode, wijk and gemeente that lie in different gemeenten: say which one the advice used."""
    velden = [
        (veld, waarde)
        for veld, waarde in (("postcode", profiel.postcode), ("wijk", profiel.wijk), ("gemeente", profiel.gemeente))
        if waarde
    ]
    if len(velden) < 2:
        return None
    gemeenten = [(veld, waarde, _gemeente_van(kb, waarde)) for veld, waarde in velden]
    gebruikt = gemeenten[0]  # the most precise field is the one the advice uses (Profiel.plaats_tekst)
    ander = next((g for g in gemeenten[1:] if g[2] and gebruikt[2] and g[2] != gebruikt[2]), None)
    if ander is None:
        return None
    return _w(
        "plaats_tegenstrijdig", talen, gebruikt=gebruikt[1], gebruikt_gemeente=gebruikt[2], ander_gemeente=ander[2]
    )


def profiel_sluit_niet_aan(
    kb: KnowledgeBase, profiel: Profiel, gekozen: Sequence[RouteScore], talen: list[str]
) -> Waarschuwing | None:
    """The pupil's own vmbo profiel is not among the profielen the chosen routes connect to."""
    eigen = profiel.profiel
    if not eigen or not gekozen or any(eigen in s.route.vmbo_profielen for s in gekozen):
        return None
    mogelijk = profielen_voor(profiel.schooltype)
    passend = list(
        dict.fromkeys(
            p for s in gekozen for p in s.route.vmbo_profielen if p in kb.profielen and (not mogelijk or p in mogelijk)
        )
    )[:4]
    tekst = {}
    for taal in talen:
        zin = t(
            "advies.w_profiel_sluit_niet_aan",
            taal,
            profiel=profiel_naam(kb, eigen),
            profielen=lijst([profiel_naam(kb, p) for p in passend], taal),
        )
        extra = doorstroom_zin(kb, [eigen], taal)
        tekst[taal] = f"{zin} {extra}" if extra else zin
    return Waarschuwing(soort="profiel_sluit_niet_aan", tekst=tekst)

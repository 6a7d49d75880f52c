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
* ``buiten_regio``: a postcode outside the region (advice without distances).
"""
from __future__ import annotations

from knowledge.i18n import t, word
from knowledge.loader import KnowledgeBase
from recommender.explain import lijst, profiel_naam
from recommender.models import Waarschuwing
from recommender.profile import Profiel, vmbo_leerweg


def _w(soort: str, talen: list[str], **values: object) -> Waarschuwing:
    return Waarschuwing(soort=soort, tekst={taal: t(f"advies.w_{soort}", taal, **{
        k: (v(taal) if callable(v) else v) for k, v in values.items()}) for taal in talen})


def intake_checks(kb: KnowledgeBase, profiel: Profiel, talen: list[str]) -> list[Waarschuwing]:
    out: list[Waarschuwing] = []
    school = kb.scholen.get(profiel.school or "")
    lw = vmbo_leerweg(profiel.schooltype)
    if school is not None:
        vo_op_po = profiel.schooltype != "po" and school.soort == "po"
        havo_op_vmbo = profiel.schooltype in ("havo", "vwo") and school.soort in ("vmbo", "vso") and bool(
            school.leerwegen)
        if vo_op_po or havo_op_vmbo:
            out.append(_w("school_soort", talen, school=school.naam,
                          schooltype=lambda taal: word("schooltype", profiel.schooltype, taal)))
        if lw and school.soort in ("vmbo", "vso") and school.leerwegen and lw not in school.leerwegen:
            out.append(_w("school_zonder_leerweg", talen, school=school.naam,
                          leerweg=lambda taal: word("schooltype", profiel.schooltype, taal),
                          leerwegen=lambda taal: lijst([word("schooltype", f"vmbo-{x}", taal)
                                                              for x in school.leerwegen], taal)))
        if profiel.profiel and school.profielen_bekend and school.profielen and \
                profiel.profiel not in school.profielen:
            out.append(_w("school_zonder_profiel", talen, school=school.naam,
                          profiel=profiel_naam(kb, profiel.profiel)))
    if profiel.schooltype in ("havo", "vwo") and profiel.leerweg_voorkeur == "BBL" \
            and "doorleren_hbo" in profiel.belangrijk:
        out.append(_w("havo_bbl_hbo", talen))
    if profiel.schooltype == "vmbo-bb" and "doorleren_hbo" in profiel.belangrijk:
        out.append(_w("bb_hbo", talen))
    if profiel.schooladvies and profiel.schooltype != "po":
        out.append(_w("schooladvies_niet_po", talen))
    if profiel.profiel and profiel.leerjaar == "vo1":
        out.append(_w("profiel_te_vroeg", talen))
    return out

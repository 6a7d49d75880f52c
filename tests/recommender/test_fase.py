"""Advice per school stage on the REAL knowledge base (round 3 of issue 13, review 2): schools for the advised
profielen or a plain 'none known' with a pointer, havo/vwo with hbo/wo first and mbo 4 short, the N-profiel made
precise, the road to hbo from tl/gl, and something concrete for a pupil who filled in nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from knowledge.i18n import LANGUAGES, t
from knowledge.loader import KnowledgeBase
from knowledge.sources import source_label
from recommender.advies import recommend
from recommender.fase import BRON_N_PROFIEL, KOPPELING_REDEN
from recommender.models import Advies
from recommender.profile import Profiel
from tests.recommender.helpers import advies


def _stappen(a: Advies, soort: str) -> list[str]:
    assert a.fase_advies is not None
    return [s.tekst["nl"] for s in a.fase_advies.stappen if s.soort == soort]


R12 = dict(
    leerjaar="groep8",
    schooltype="po",
    schooladvies="vmbo-bb",
    interesses=["koken_horeca", "sport_bewegen"],
    wijk="Schilderswijk",
    taal_ouders="ar",
)


def test_r12_no_known_school_is_said_plainly_for_every_advised_profiel_with_a_pointer(kb: KnowledgeBase) -> None:
    a = advies(kb, **R12)
    fa = a.fase_advies
    assert fa is not None and [p.code for p in fa.profielen][:1] == ["HBR"]  # cooking gets ITS profiel first
    assert not fa.scholen  # the knowledge has no vmbo school in Den Haag
    # review 5, defect 1: the first step is a concrete local search in Den Haag, not "none within 15 km"
    assert fa.stappen[0].soort == "scholen_lokaal"
    zoek = _stappen(a, "scholen_lokaal")
    assert len(zoek) == 1 and "scholenopdekaart.nl" in zoek[0] and "Den Haag" in zoek[0]
    for p in fa.profielen:  # every advised profiel is named, not only the first
        assert p.naam in zoek[0]
    ar = [s.tekst["ar"] for s in fa.stappen if s.soort == "scholen_lokaal"][0]
    assert "scholenopdekaart.nl" in ar and "Den Haag" in ar
    # a try-out in the pupil's OWN profiel, not only techniek activities
    assert any("Horeca, bakkerij en recreatie" in x for x in _stappen(a, "proefles"))


def test_no_own_profiel_try_out_step_when_the_first_profiel_is_techniek(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="groep8", schooltype="po", schooladvies="vmbo-kb", interesses=["bouwen"], wijk="Charlois")
    assert not _stappen(a, "proefles")


def test_sport_maps_to_zw_and_dp_each_with_the_report_that_supports_it(kb: KnowledgeBase) -> None:
    a = advies(kb, **R12)
    assert a.fase_advies is not None
    sport = {p.code: p for p in a.fase_advies.profielen if "sport_bewegen" in p.interesses}
    assert set(sport) == {"ZW", "DP"}
    for code, p in sport.items():
        _, bron = KOPPELING_REDEN[("sport_bewegen", code)]
        assert bron in p.redenen_bronnen and bron in a.fase_advies.bronnen
        for taal in ("nl", "ar"):
            assert source_label(kb, bron, taal) in p.uitleg[taal]
    assert "zorg, welzijn en sport" in sport["ZW"].uitleg["nl"]


def test_r14_klas2_without_a_known_school_gets_the_nearby_school_with_groen(kb: KnowledgeBase) -> None:
    a = advies(
        kb, leerjaar="vo2", schooltype="vmbo-bb", interesses=["dieren_natuur"], wijk="Carnisselande", taal_ouders="ar"
    )
    fa = a.fase_advies
    assert fa is not None and fa.profielen[0].code == "GR"
    assert fa.scholen and all("GR" in s.profielen for s in fa.scholen)
    assert any(kb.scholen[s.id].naam in tekst for s in fa.scholen for tekst in _stappen(a, "scholen"))


def test_klas2_far_from_any_known_school_with_the_profiel_says_so(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo1", schooltype="vmbo-kb", interesses=["dieren_natuur"], gemeente="Delft")
    assert a.fase_advies is not None and not a.fase_advies.scholen
    zoek = _stappen(a, "scholen_lokaal")
    assert zoek and "scholenopdekaart.nl" in zoek[0] and "decaan" in zoek[0] and "Delft" in zoek[0]
    assert not _stappen(a, "scholen_lokaal_aanbod")  # Tabel 3.1 has no Delft column: no claim either way


def test_groep8_without_a_place_points_to_scholenopdekaart_and_asks_for_the_place(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="groep8", schooltype="po", schooladvies="vmbo-kb", interesses=["autos_motoren"])
    zoek = _stappen(a, "scholen_zoeken")
    assert zoek and "scholenopdekaart.nl" in zoek[0] and "woonplaats" in zoek[0]


R24 = dict(
    leerjaar="groep8",
    schooltype="po",
    schooladvies="vwo",
    interesses=["ict_programmeren", "gaming"],
    wijk="IJsselmonde",
    taal_ouders="tr",
)


def test_r24_vwo_advice_no_mbo_school_distance_and_an_honest_havo_vwo_school_pointer(kb: KnowledgeBase) -> None:
    a = advies(kb, **R24)
    assert a.routes and all(r.zijpad and r.horizon for r in a.routes)
    for r in a.routes:
        assert r.dichtstbijzijnde_school is None and r.afstand_km is None
        assert "Dichtstbijzijnde" not in r.uitleg["nl"] and " km" not in r.uitleg["nl"]
        assert "En yakın okul" not in r.uitleg["tr"] and " km" not in r.uitleg["tr"]
    zoek = _stappen(a, "scholen_zoeken")
    assert len(zoek) == 1 and "LOB-Kompas kent geen havo- en vwo-scholen" in zoek[0]
    assert "scholenopdekaart.nl" in zoek[0] and "technasium.nl" in zoek[0]
    assert not any("fietsafstand" in m["nl"] for m in a.goed_om_te_weten)
    fa = a.fase_advies
    assert fa is not None and fa.vervolg and fa.vervolg[0].soort == "wo"
    assert all(v.uitleg and v.uitleg["tr"] for v in fa.vervolg)


def test_technasium_pointer_only_for_a_pupil_with_technical_interests(kb: KnowledgeBase) -> None:
    a = advies(
        kb, leerjaar="groep8", schooltype="po", schooladvies="havo", interesses=["zorg_welzijn"], wijk="Charlois"
    )
    zoek = _stappen(a, "scholen_zoeken")
    assert zoek and "scholenopdekaart.nl" in zoek[0] and "technasium" not in zoek[0]


def test_groep7_vmbo_advice_routes_name_no_mbo_school(kb: KnowledgeBase) -> None:
    """R02 stays good: vmbo schools with M&T in the stage advice, the mbo routes without an mbo school."""
    a = advies(
        kb, leerjaar="groep7", schooltype="po", schooladvies="vmbo-kb", interesses=["autos_motoren"], wijk="Spijkenisse"
    )
    assert a.fase_advies is not None and a.fase_advies.scholen
    assert all("MT" in s.profielen for s in a.fase_advies.scholen)
    assert a.routes and all(not r.zijpad and r.afstand_km is None for r in a.routes)
    assert all("Dichtstbijzijnde" not in r.uitleg["nl"] for r in a.routes)


R11 = dict(
    leerjaar="vo6",
    schooltype="vwo",
    interesses=["energie_duurzaamheid", "ict_programmeren"],
    wijk="Kralingen",
    taal_ouders="uk",
)


def test_r11_vwo_leads_with_wo_and_hbo_and_mbo4_is_the_side_path(kb: KnowledgeBase) -> None:
    a = advies(kb, **R11)
    fa = a.fase_advies
    assert fa is not None and fa.vervolg
    soorten = [v.soort for v in fa.vervolg]
    assert soorten[0] == "wo" and soorten == sorted(soorten, key=lambda s: s != "wo")
    assert {"energie_duurzaamheid", "ict_programmeren"} <= {i for v in fa.vervolg for i in v.interesses}
    assert all(r.zijpad and r.opleiding.niveau == 4 for r in a.routes)
    assert not any("fietsafstand" in m["nl"] for m in a.goed_om_te_weten)  # the mbo travel notice is not for vwo


def test_vmbo_routes_are_not_a_side_path(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["elektro"], wijk="Charlois")
    assert a.routes and not any(r.zijpad for r in a.routes)


def test_cli_numbers_the_hbo_wo_directions_and_lists_mbo4_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    path = tmp_path / "p.json"
    path.write_text(json.dumps(R11), encoding="utf-8")
    assert main(["recommend", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\n1. wo " in out and t("mentor.side_routes", "nl") in out
    kant = out.split(t("mentor.side_routes", "nl"), 1)[1]
    assert "- Software developer (mbo niveau 4" in kant
    assert "\n1. Software developer" not in out  # no mbo route in the numbered advice
    assert out.index("\n1. wo ") < out.index(t("mentor.side_routes", "nl"))


@pytest.mark.parametrize("taal", LANGUAGES)
def test_n_profiel_sentences_are_precise_in_every_language(taal: str) -> None:
    """R18/R24: not 'NT or NG keeps techniek open' but NT, or NG with natuurkunde, and wiskunde B for wo."""
    stap = t("advies.stap_havo_nprofiel", taal)
    assert "(NT)" in stap and "(NG)" in stap and "natuurkunde" in stap and "wiskunde B" in stap
    for key in ("advies.fase_havo_vwo_onderbouw_uitleg", "advies.fase_po_uitleg_havo"):
        assert "natuurkunde" in t(key, taal, advies="vwo"), (key, taal)


def test_n_profiel_source_is_the_section_that_calls_nt_and_ng_a_preparation(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo3", schooltype="havo", interesses=["bouwen"], postcode="3035")
    assert a.fase_advies is not None
    n = [s for s in a.fase_advies.stappen if s.soort == "n_profiel"]
    assert n and n[0].bron == BRON_N_PROFIEL == "seor2026#3.3.2"
    assert "3.3.2" in source_label(kb, BRON_N_PROFIEL, "nl")


@pytest.mark.parametrize(
    ("schooltype", "key"),
    [("vmbo-tl", "stap_hbo_via_havo"), ("vmbo-gl", "stap_hbo_via_havo"), ("vmbo-kb", "stap_hbo_via_mbo4")],
)
def test_r17_the_road_to_hbo_from_the_own_leerweg(kb: KnowledgeBase, schooltype: str, key: str) -> None:
    a = advies(
        kb,
        leerjaar="vo4",
        schooltype=schooltype,
        interesses=["natuur_proefjes"],
        belangrijk=["doorleren_hbo"],
        gemeente="Delft",
    )
    assert _stappen(a, "naar_hbo") == [t(f"advies.{key}", "nl")]
    zonder = advies(kb, leerjaar="vo4", schooltype=schooltype, interesses=["natuur_proefjes"], gemeente="Delft")
    assert not _stappen(zonder, "naar_hbo")


def test_tl_hbo_step_names_havo_4_and_mbo_4() -> None:
    for taal in LANGUAGES:
        tekst = t("advies.stap_hbo_via_havo", taal)
        assert "havo" in tekst and "4" in tekst and "hbo" in tekst and "mbo" in tekst
    assert "havo 4" in t("advies.stap_hbo_via_havo", "nl")


def test_r23_nothing_filled_in_lists_the_leerweg_techniekprofielen_and_where_they_lead(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", gemeente="Rotterdam")
    fa = a.fase_advies
    assert fa is not None and not a.routes
    codes = [p.code for p in fa.profielen]
    assert {"BWI", "PIE", "MT", "MVI"} <= set(codes)
    assert all(not p.interesses for p in fa.profielen)  # not presented as 'profielen die passen'
    bwi = next(p for p in fa.profielen if p.code == "BWI")
    assert "timmerman" in bwi.uitleg["nl"].lower().split(" naar ", 1)[1].split(",")[0]
    # no self-contradiction: nothing says the interests point elsewhere; the interest check is named
    assert "wijzen" not in fa.uitleg["nl"] and "plaatjes-check" in fa.uitleg["nl"]


def test_tl_pupil_without_interests_gets_tl_techniek_with_routes_from_several_richtingen(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo4", schooltype="vmbo-tl", gemeente="Delft")
    assert a.fase_advies is not None
    assert [p.code for p in a.fase_advies.profielen] == ["TL_TECHNIEK"]
    assert a.fase_advies.profielen[0].uitleg["nl"].count(",") >= 2


def test_each_advised_profiel_has_its_nearest_school_in_the_list(kb) -> None:
    """Review 5 (R44, groep 7 Hoogvliet, machines + animals): four PIE/M&T schools nearby must not hide the one
    school with Groen a little further; the list stays nearest first."""

    p = Profiel.model_validate(
        dict(
            leerjaar="groep7",
            schooltype="po",
            schooladvies="vmbo-bb",
            interesses=["machines", "dieren_natuur"],
            wijk="Hoogvliet",
        )
    )
    a = recommend(kb, p)
    assert a.fase_advies is not None
    scholen = a.fase_advies.scholen
    assert any("GR" in s.profielen for s in scholen), [(s.naam, s.profielen) for s in scholen]
    assert [s.afstand_km for s in scholen] == sorted(s.afstand_km for s in scholen)


# --- review 5, defect 1: local first, schools in another gemeente only after the local search -----------------


def test_den_haag_share_from_tabel_3_1_says_such_schools_exist_there_and_is_not_repeated(kb: KnowledgeBase) -> None:
    a = advies(kb, **R12)
    fa = a.fase_advies
    assert fa is not None
    aanbod = [s for s in fa.stappen if s.soort == "scholen_lokaal_aanbod"]
    assert len(aanbod) == 1 and aanbod[0].bron == "seor2026#Tabel 3.1"
    nl = aanbod[0].tekst["nl"]
    assert "12,2%" in nl and "50,8%" in nl and "2021" in nl and "Zulke scholen zijn er dus in Den Haag" in nl
    assert "%12,2" in advies(kb, **{**R12, "taal_ouders": "tr"}).fase_advies.stappen[1].tekst["tr"]  # type: ignore[union-attr]
    assert all(p.aanbod is None for p in fa.profielen)  # said once, in the step


def test_rotterdam_groen_has_no_share_so_no_claim_and_the_barendrecht_school_comes_after_the_search(
    kb: KnowledgeBase,
) -> None:
    """R44 Hoogvliet: Rotterdam schools for PIE/M&T are local; Groen has none in Rotterdam (Tabel 3.1 '-'), so the
    search for Groen comes first and Focus Beroepsacademie (Barendrecht) only after it, marked further away."""
    a = advies(
        kb,
        leerjaar="groep7",
        schooltype="po",
        schooladvies="vmbo-bb",
        interesses=["machines", "dieren_natuur"],
        wijk="Hoogvliet",
    )
    fa = a.fase_advies
    assert fa is not None
    soorten = [s.soort for s in fa.stappen]
    assert soorten.index("scholen_lokaal") < soorten.index("scholen") < soorten.index("scholen_verder")
    assert "Groen" in _stappen(a, "scholen_lokaal")[0] and "PIE" not in _stappen(a, "scholen_lokaal")[0]
    assert not _stappen(a, "scholen_lokaal_aanbod")
    verder = [s for s in fa.scholen if s.verder_weg]
    assert [s.id for s in verder] == ["vmbo_focus_barendrecht"]
    assert "buiten Rotterdam" in _stappen(a, "scholen_verder")[0]
    assert all(s.gemeente == "Rotterdam" for s in fa.scholen if not s.verder_weg)


def test_schools_only_in_another_city_never_come_first(kb: KnowledgeBase) -> None:
    """R36 Schiedam, R02 Spijkenisse, R40 Delft: the own place's search first, known schools elsewhere after it."""
    for profiel, plaats in (
        (dict(leerjaar="groep7", schooltype="po", schooladvies="vmbo-kb", interesses=["autos_motoren"]), "Spijkenisse"),
        (dict(leerjaar="groep8", schooltype="po", schooladvies="vmbo-kb", interesses=["bouwen"]), "Delft"),
        (dict(leerjaar="vo1", schooltype="vmbo-kb", interesses=["elektro"]), "Schiedam"),
    ):
        a = advies(kb, **profiel, wijk=plaats) if plaats != "Delft" else advies(kb, **profiel, gemeente=plaats)
        fa = a.fase_advies
        assert fa is not None
        eerste = next(s for s in fa.stappen if s.soort.startswith("scholen"))
        assert eerste.soort == "scholen_lokaal" and plaats in eerste.tekst["nl"], (plaats, eerste.tekst["nl"])
        assert all(s.verder_weg for s in fa.scholen)
        assert not _stappen(a, "scholen")  # no 'known schools, nearest first' list above the local search


def test_a_school_placed_only_at_gemeente_level_says_so_instead_of_an_exact_looking_distance(kb: KnowledgeBase) -> None:
    """R36: Calvijn Zuidermavo and Vak College Zuidrand share one approximate point: the text says the exact place
    is unknown rather than showing two equal distances as if measured."""
    a = advies(
        kb,
        leerjaar="groep7",
        schooltype="po",
        schooladvies="vmbo-tl",
        interesses=["media_vormgeving"],
        wijk="Schiedam-Oost",
    )
    fa = a.fase_advies
    assert fa is not None
    grof = [s for s in fa.scholen if s.plek_bij_benadering]
    assert grof
    tekst = " ".join(_stappen(a, "scholen_verder"))
    for s in grof:
        assert f"{s.naam} (in {s.gemeente}; precieze plek onbekend" in tekst


# --- review 5, R36: a tl advice with a cooking interest -----------------------------------------------------


def test_tl_advice_with_cooking_hears_hbr_via_the_gemengde_leerweg_not_tl_economie(kb: KnowledgeBase) -> None:
    a = advies(
        kb,
        leerjaar="groep7",
        schooltype="po",
        schooladvies="vmbo-tl",
        interesses=["media_vormgeving", "koken_horeca"],
        wijk="Schiedam-Oost",
        taal_ouders="ar",
    )
    fa = a.fase_advies
    assert fa is not None
    assert "TL_ECONOMIE" not in [p.code for p in fa.profielen]  # TL Economie is not about cooking
    stap = next(s for s in fa.stappen if s.soort == "tl_gemengd")
    assert stap.bron == "seor2026#Tabel 3.1" and "HBR" in stap.tekst["nl"] and "gemengde leerweg" in stap.tekst["nl"]
    assert "leerkracht" in stap.tekst["nl"] and "algemene kennis" in stap.tekst["nl"]
    assert "gemengde leerweg" in stap.tekst["ar"]
    # a school without known leerwegen is never said to have the gemengde leerweg
    for s in fa.scholen:
        assert s.id != "vmbo_focus_barendrecht"
    assert "Of ze de gemengde leerweg hebben, weet LOB-Kompas niet" in stap.tekst["nl"]


def test_no_gemengd_step_for_a_kader_advice_or_a_tl_interest_that_has_a_tl_profiel(kb: KnowledgeBase) -> None:
    kader = advies(
        kb, leerjaar="groep8", schooltype="po", schooladvies="vmbo-kb", interesses=["koken_horeca"], wijk="Charlois"
    )
    tl_zorg = advies(kb, leerjaar="vo2", schooltype="vmbo-tl", interesses=["zorg_welzijn"], wijk="Charlois")
    for a in (kader, tl_zorg):
        assert a.fase_advies is not None and not any(s.soort == "tl_gemengd" for s in a.fase_advies.stappen)

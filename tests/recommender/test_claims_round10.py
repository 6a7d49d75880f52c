"""Claims within their scope and honest source labels (decaan review 9, defect 4 and "Factually wrong")."""

from __future__ import annotations

from knowledge.i18n import LANGUAGES, t
from knowledge.loader import KnowledgeBase
from knowledge.sources import source_label, year_text
from recommender.markt_regio import oude_gegevens_melding
from recommender.routes import route_index
from tests.recommender.helpers import advies, review_persona

SCHEEPVAART = {"opl_maritiem_officier_n4", "opl_kapitein_binnenvaart_n4", "opl_schipper_binnenvaart_n3"}


def test_sailing_routes_get_no_sector_line_from_a_source_about_technical_and_logistics_trades(
    kb: KnowledgeBase,
) -> None:
    """STO Zuid 2019 § A.3.3 speaks of technical and logistics trades; sailing a ship is neither, so Maritiem officier
    and Kapitein binnenvaart go without a labour line rather than borrow it; port work and shipbuilding keep it."""
    routes = {r.id: r for r in route_index(kb).routes}
    for rid in SCHEEPVAART:
        assert routes[rid].sector is None, (rid, routes[rid].sector)
        assert routes[rid].markt is None, rid
    assert "scheepvaart" not in kb.sectoren["sec_sto2019_techniek_logistiek_zuid"].richtingen
    haven = routes["opl_gevorderd_medewerker_havenoperaties_n3"]
    assert "maritiem_haven" in kb.sectoren["sec_sto2019_techniek_logistiek_zuid"].richtingen
    assert haven.markt is not None or haven.sector is not None


def test_a_source_about_vmbo_pupils_choices_is_not_said_to_a_havo_pupil(kb: KnowledgeBase) -> None:
    """SEOR 2026 § 4.2 (economische specialisaties, vmbo pupils) reaches a vmbo pupil with economy, not R50 (havo 5,
    hbo)."""
    assert kb.sectoren["sec_seor2026_economie"].alleen_vmbo
    havo = advies(kb, **review_persona("R50"))
    assert "sec_seor2026_economie" not in {z.id for z in havo.sector_uitspraken}
    vmbo = advies(kb, **{**review_persona("R50"), "schooltype": "vmbo-gl", "leerjaar": "vo4"})
    zin = next(z for z in vmbo.sector_uitspraken if z.id == "sec_seor2026_economie")
    assert "vmbo" in zin.tekst["nl"]


def test_an_undated_report_is_cited_without_a_year_in_every_language(kb: KnowledgeBase) -> None:
    """The Masterplan carries no date: 'zonder jaartal' / 'n.d.', never '2024' (its newest citation)."""
    assert kb.bronnen["masterplan_tt"].zonder_jaartal
    for taal in LANGUAGES:
        short = source_label(kb, "masterplan_tt#4.2 Demografische trends", taal)
        full = source_label(kb, "masterplan_tt#4.2", taal, style="full")
        assert "2024" not in short and "2024" not in full, (taal, short, full)
        assert t("bron.no_year", taal) in short and year_text(kb, "masterplan_tt", taal) in full
    assert source_label(kb, "sto_zuid2019#A.3.2", "nl").startswith("Sterk Techniekonderwijs Zuid 2019")
    assert year_text(kb, "masterplan_tt", "en") == "n.d."


def test_old_data_gets_one_plain_hint_per_advice(kb: KnowledgeBase) -> None:
    """UWV 2018 beroep labels (R07: Timmerman, Metselaar): one 'vraag naar de situatie nu' notice, not one per route;
    data from 2023 alone gets none."""
    a = advies(kb, **review_persona("R07"))
    oud = [m for m in a.goed_om_te_weten if "2018" in m["nl"] and "situatie nu" in m["nl"]]
    assert len(oud) == 1
    assert all("situatie nu" not in r.uitleg["nl"] for r in a.routes)
    assert oude_gegevens_melding(kb, ["2023", None], ["nl"]) is None
    assert oude_gegevens_melding(kb, ["2023", "2018"], ["nl", "ar"]) is not None


# --- stage advice (review 9, defect 5) ----------------------------------------------------------------------------
def test_havo_with_animals_hears_ng_with_biologie_first(kb: KnowledgeBase) -> None:
    fa = advies(kb, **review_persona("R34")).fase_advies  # havo 3, proefjes + dieren
    assert fa is not None
    soorten = [s.soort for s in fa.stappen]
    assert soorten.index("ng_biologie") < soorten.index("n_profiel")
    stap = fa.stappen[soorten.index("ng_biologie")]
    assert "biologie" in stap.tekst["nl"] and "algemene kennis" in stap.tekst["nl"] and "biologie" in stap.tekst["en"]
    techniek = advies(kb, **{**review_persona("R34"), "interesses": ["natuur_proefjes"]}).fase_advies
    assert techniek is not None and "ng_biologie" not in [s.soort for s in techniek.stappen]


def test_tl_advice_with_media_hears_mvi_via_the_gemengde_leerweg(kb: KnowledgeBase) -> None:
    fa = advies(kb, **review_persona("R36")).fase_advies  # groep 7, tl advice, media + koken
    assert fa is not None
    ook = [s for s in fa.stappen if s.soort == "tl_gemengd_ook"]
    assert len(ook) == 1 and "MVI" in ook[0].tekst["nl"] and "gemengde leerweg" in ook[0].tekst["nl"]
    assert "algemene kennis" in ook[0].tekst["nl"] and "MVI" in ook[0].tekst["ar"]
    assert any(s.soort == "tl_gemengd" and "HBR" in s.tekst["nl"] for s in fa.stappen)  # cooking still says HBR
    gl = advies(kb, **{**review_persona("R36"), "schooladvies": "vmbo-gl"}).fase_advies
    assert gl is not None and not [s for s in gl.stappen if s.soort.startswith("tl_gemengd")]


def test_the_profile_question_names_every_profiel_the_section_lists(kb: KnowledgeBase) -> None:
    fa = advies(kb, **{**review_persona("R51"), "taal_ouders": "en"}).fase_advies  # kb2, schepen + sport: MaT, Z&W, D&P
    assert fa is not None and len(fa.profielen) == 3
    vraag = next(s for s in fa.stappen if s.soort == "profielkeuze")
    for taal in ("nl", "en"):
        for p in fa.profielen:
            assert p.naam in vraag.tekst[taal], (taal, p.naam)


# --- why #1 leads (review 9, R22/R44) ------------------------------------------------------------------------------
def test_route_one_says_why_it_leads_when_a_lower_route_is_marked(kb: KnowledgeBase) -> None:
    for naam in ("R22", "R44"):
        a = advies(kb, **{**review_persona(naam), "taal_ouders": "tr"})
        routes = [r for r in a.routes if not r.zijpad]
        assert not routes[0].hoofdroute and any(r.hoofdroute for r in routes[1:]), naam
        assert routes[0].voorop is not None and set(routes[0].voorop) >= {"nl", "tr"}, naam
        if naam == "R22":  # machines + auto's: mobiele werktuigen is about both
            assert "al je interesses" in routes[0].voorop["nl"], (naam, routes[0].voorop)
        else:  # R44: loonwerk only touches dieren en natuur (a raakvlak): no "fits all your interests" (review 11)
            assert "al je interesses" not in routes[0].voorop["nl"] and "dieren" not in routes[0].voorop["nl"]
        assert all(r.voorop is None for r in routes[1:])
    marked_first = advies(kb, **review_persona("R37"))
    assert marked_first.routes[0].hoofdroute and marked_first.routes[0].voorop is None

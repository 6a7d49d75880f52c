"""The family verslag carries the stage advice (groep 8: profielen and schools; havo: hbo directions), routes
marked 'for later', what each beroep is in the family's language, and the leerbedrijf step on a BBL route,
and still fits one A4 page per language."""

from __future__ import annotations

import io

from pypdf import PdfReader

from app.report import build_pdf, page_content
from knowledge import KnowledgeBase
from knowledge.i18n import t
from recommender.advies import recommend
from recommender.profile import Profiel

GROEP8 = Profiel(
    leerjaar="groep8",
    schooltype="po",
    interesses=["tekenen_ontwerpen", "dieren_natuur"],
    wijk="Charlois",
    taal_ouders="ar",
)
BBL = Profiel(
    leerjaar="vo3",
    schooltype="vmbo-kb",
    interesses=["autos_motoren"],
    leerweg_voorkeur="BBL",
    wijk="Spijkenisse",
    taal_ouders="pl",
)
HAVO = Profiel(leerjaar="vo4", schooltype="havo", interesses=["ict_programmeren"], gemeente="Delft", taal_ouders="nl")


def test_groep8_verslag_has_the_stage_advice_and_routes_for_later(kb: KnowledgeBase) -> None:
    advies = recommend(kb, GROEP8)
    for lang in ("nl", "ar"):
        page = page_content(kb, GROEP8, advies, lang)
        assert page.fase is not None and page.fase.titel == t("advies.fase_po_titel", lang)
        assert any(r.startswith(t("report.stage_profielen", lang, profielen="")) for r in page.fase.regels)
        assert page.routes_titel == t("report.routes_title_later", lang, n=len(page.routes))
        assert all(t("report.later", lang) in r.soort for r in page.routes)
        assert all(
            r.volgende_stap.startswith(t("report.step_profile", lang, profiel="").split(" ")[0]) for r in page.routes
        )
    ar = page_content(kb, GROEP8, advies, "ar")
    first = advies.routes[0].beroepen_info[0]
    assert ar.routes[0].beroepen[0].endswith(kb.beroepen[first.id].korte_omschrijving["ar"])
    assert len(PdfReader(io.BytesIO(build_pdf(kb, GROEP8, advies, "ar"))).pages) == 2


def test_bbl_verslag_says_once_that_a_leerbedrijf_is_needed(kb: KnowledgeBase) -> None:
    advies = recommend(kb, BBL)
    assert any(r.volgende_stap.leerbedrijf for r in advies.routes[:3])
    for lang in ("nl", "pl"):
        page = page_content(kb, BBL, advies, lang)
        said = [r.leerbedrijf for r in page.routes if r.leerbedrijf]
        assert len(said) == 1 and "leerbanen.nl" in said[0]
        assert page.fase is not None and not page.fase.uitleg  # vmbo 3/4: the routes are the advice
    assert len(PdfReader(io.BytesIO(build_pdf(kb, BBL, advies, "pl"))).pages) == 2


def test_havo_verslag_names_hbo_directions(kb: KnowledgeBase) -> None:
    page = page_content(kb, HAVO, recommend(kb, HAVO), "nl")
    assert page.fase is not None
    assert any(
        r.startswith(t("report.stage_vervolg", "nl", richtingen="")) and "Informatica" in r for r in page.fase.regels
    )


def test_sector_claim_stays_a_sector_sentence(kb: KnowledgeBase) -> None:
    """A route whose labour-market source speaks of the whole sector gets that sentence with its year,
    not 'Kans op werk als <beroep>'."""
    # a groep 8 pupil with kb advice who likes cars: the car routes carry sector and opleiding sentences
    profiel = GROEP8.model_copy(update={"schooladvies": "vmbo-kb", "interesses": ["autos_motoren"]})
    advies = recommend(kb, profiel)
    assert any(r.arbeidsmarkt_schaal == "sector" for r in advies.routes)
    for route, regel in zip(advies.routes, page_content(kb, profiel, advies, "nl").routes, strict=False):
        if route.arbeidsmarkt_schaal == "sector":
            assert regel.vooruitzicht == route.arbeidsmarkt_tekst["nl"]  # type: ignore[index]
            assert "Kans op werk als" not in regel.vooruitzicht
        if route.arbeidsmarkt_schaal == "opleiding":  # STO Zuid 2019 Figuur 10: said about the opleiding
            assert regel.vooruitzicht == route.arbeidsmarkt_tekst["nl"]  # type: ignore[index]


def test_a_primary_school_pupil_is_sent_to_the_leerkracht_not_a_mentor(kb: KnowledgeBase) -> None:
    """Groep 7/8 has a leerkracht: a step without a school, or with an activity that runs via school, asks the
    leerkracht, not 'the mentor' (review 3, R02/R24/R36); a vo pupil still asks the mentor."""
    from app.report import _next_step

    route = recommend(kb, BBL).routes[0]
    stap = route.volgende_stap.model_copy(
        update={
            "soort": "activiteit",
            "school_naam": None,
            "activiteit_naam": "Tech op Zuid",
            "activiteit_via_school": True,
        }
    )
    route = route.model_copy(update={"volgende_stap": stap})
    for lang in ("nl", "en", "pl", "tr"):
        po, vo = (_next_step(route, {}, lang, po=po) for po in (True, False))
        assert "mentor" not in po.lower() and t("report.step_mentor_po", lang) in po, (lang, po)
        assert "mentor" in vo.lower(), (lang, vo)

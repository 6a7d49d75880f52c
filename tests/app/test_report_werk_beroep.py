"""A beroep the explanation names for the pupil's way of working is listed with the route in the verslag, and a
route whose matching work is only on a side beroep first says what it mostly leads to (review 4: Technicus
engineering explained as hands-on through Scheepsbouwer, while the verslag listed office jobs only)."""

from __future__ import annotations

from app.report import page_content
from knowledge import KnowledgeBase
from recommender.advies import recommend
from recommender.profile import Profiel
from recommender.scoring import REPRESENTATIEVE_BEROEPEN

PROFIELEN = [
    Profiel(
        leerjaar="vo3",
        schooltype="vmbo-kb",
        profiel="MaT",
        interesses=["haven_schepen", "machines"],
        werkvoorkeuren=["handen", "afwisseling"],
        belangrijk=["baanzekerheid"],
        gemeente="Maassluis",
        taal_ouders="ar",
    ),
    Profiel(
        leerjaar="groep8",
        schooltype="po",
        schooladvies="vmbo-kb",
        interesses=["bouwen", "maken_ontwerpen"],
        werkvoorkeuren=["handen"],
        gemeente="Delft",
        taal_ouders="uk",
    ),
    Profiel(
        leerjaar="vo3",
        schooltype="vmbo-gl",
        interesses=["energie_duurzaamheid"],
        werkvoorkeuren=["handen", "buiten"],
        gemeente="Ridderkerk",
        leerweg_voorkeur="BBL",
    ),
    # review 5: Constructiewerker through its Scheepsbouwer (outdoors) for a port pupil (decaan review persona R28)
    Profiel(
        leerjaar="vo3",
        schooltype="vmbo-bb",
        interesses=["haven_schepen"],
        werkvoorkeuren=["buiten"],
        leerweg_voorkeur="BOL",
        wijk="Pernis",
        taal_ouders="ar",
    ),
]


def test_the_named_beroep_is_listed_and_a_side_beroep_is_introduced_as_such(kb: KnowledgeBase) -> None:
    bij = 0
    markt_genoemd = 0
    for profiel in PROFIELEN:
        advies = recommend(kb, profiel)
        for lang in ("nl", "uk"):
            page = page_content(kb, profiel, advies, lang)
            for route, regel in zip([r for r in advies.routes if not r.zijpad], page.routes, strict=False):
                if not (route.werk_beroep and route.werk_match):
                    continue
                assert any(b.startswith(route.werk_beroep) for b in regel.beroepen), (route.werk_beroep, regel.beroepen)
                if route.arbeidsmarkt_schaal == "beroep":  # the beroep the labour-market sentence names is listed
                    markt = [b.naam for b in route.beroepen_info if b.arbeidsmarkt and b.naam in regel.vooruitzicht]
                    assert not markt or any(b.startswith(markt[0]) for b in regel.beroepen), (markt, regel.beroepen)
                    # review 5: a route's labour-market beroep is the one it mainly leads to, never a side beroep
                    assert not markt or markt[0] == route.beroepen[0], (markt, route.beroepen)
                    markt_genoemd += 1
                eerste = route.beroepen[:REPRESENTATIEVE_BEROEPEN]
                if route.werk_beroep not in eerste:
                    bij += 1
                    assert route.opleiding.naam + " " in route.uitleg["nl"]
                    assert "leidt vooral naar werk als " + eerste[0] in route.uitleg["nl"]
    assert bij, "no route with the matching work on a side beroep: the test lost its case"
    assert markt_genoemd, "no card with a beroep-level labour-market sentence: the test lost its case"

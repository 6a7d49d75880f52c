"""Office and sales beroepen on a hands-on route are the pupil's only when the pupil points there (review 8, defect 4:
accountmanager and werkvoorbereider/calculator listed under installatie routes for hands-on pupils, R15/R46)."""

from __future__ import annotations

from knowledge import KnowledgeBase
from recommender.routes import route_index
from recommender.scoring import doorgroei_beroepen, werk_punten
from tests.recommender.helpers import advies

TWI = "opl_technicus_werktuigkundige_installaties_n4"
TEI = "opl_technicus_elektrotechnische_installaties_n4"
ACCOUNT = "ber_accountmanager_technische_producten"
WVB = "ber_werkvoorbereider_bouw_installaties"


def _route(kb: KnowledgeBase, rid: str):  # type: ignore[no-untyped-def]
    return next(r for r in route_index(kb).routes if r.id == rid)


def test_office_beroepen_are_for_later_unless_the_pupil_points_there(kb: KnowledgeBase) -> None:
    twi = _route(kb, TWI)
    # energie, no work preference or hands-on ones: both office beroepen are work to grow into
    assert doorgroei_beroepen(twi, ["energie_duurzaamheid"], []) == {WVB, ACCOUNT}
    assert doorgroei_beroepen(twi, ["energie_duurzaamheid"], ["handen", "buiten"]) == {WVB, ACCOUNT}
    # "met mensen" is no pointer to sales or office work
    assert doorgroei_beroepen(twi, ["energie_duurzaamheid"], ["mensen", "afwisseling"]) == {WVB, ACCOUNT}
    # economie: the commercial and planning work is the pupil's own
    assert doorgroei_beroepen(twi, ["energie_duurzaamheid", "economie_handel"], []) == frozenset()
    # an office preference the werkvoorbereider is coded with keeps him, not the accountmanager
    assert doorgroei_beroepen(twi, ["energie_duurzaamheid"], ["schoon_binnen"]) == {ACCOUNT}
    # the main beroep is never moved: Middenkaderfunctionaris bouwkunde leads to werkvoorbereider first
    assert WVB not in doorgroei_beroepen(_route(kb, "opl_middenkaderfunctionaris_bouwkunde_n4"), ["bouwen"], [])


def test_work_preference_is_never_explained_through_a_beroep_to_grow_into(kb: KnowledgeBase) -> None:
    tei = _route(kb, TEI)
    later = doorgroei_beroepen(tei, ["energie_duurzaamheid"], ["mensen", "afwisseling"])
    werk = werk_punten(["mensen", "afwisseling"], tei, later)
    assert werk.beroep != "Vertegenwoordiger / accountmanager technische producten"
    assert werk.punten < werk_punten(["mensen", "afwisseling"], tei).punten


def test_route_lists_the_pupils_beroepen_and_names_the_rest_apart(kb: KnowledgeBase) -> None:
    a = advies(
        kb,
        leerjaar="vo4",
        schooltype="vmbo-gl",
        interesses=["energie_duurzaamheid", "zorg_welzijn"],
        werkvoorkeuren=["mensen", "afwisseling"],
        gemeente="Barendrecht",
        taal_ouders="ar",
    )
    twi = next(r for r in a.routes if r.opleiding.id == TWI)
    assert twi.beroepen == ["Servicemonteur installatietechniek"]
    assert ACCOUNT not in twi.beroep_ids and len(twi.doorgroei_beroepen) == 2
    assert [b.doorgroei for b in twi.beroepen_info] == [False, True, True]
    for route in a.routes:
        assert route.werk_beroep not in route.doorgroei_beroepen or route.werk_beroep is None
    assert set(twi.uitleg) == {"nl", "ar"}
    for tekst in twi.uitleg.values():
        assert "accountmanager" in tekst  # named, as work to grow into
    assert "doorgroeien naar kantoor- of verkoopwerk" in twi.uitleg["nl"]


def test_an_economy_pupil_keeps_the_accountmanager(kb: KnowledgeBase) -> None:
    a = advies(kb, leerjaar="vo4", schooltype="vmbo-gl", interesses=["energie_duurzaamheid", "economie_handel"])
    twi = next(r for r in a.routes if r.opleiding.id == TWI)
    assert ACCOUNT in twi.beroep_ids and not twi.doorgroei_beroepen

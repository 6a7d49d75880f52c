"""Round 9 of issue 13 (review 8, defect 5): advice sized to the school stage on the REAL knowledge base.

Groep 7/8 and klas 1-2 choose a school or a profiel first; later routes and hbo/wo directions are a short glimpse
(the best one per interest, at most three) with one step saying that the full overview comes from klas 3 on."""

from __future__ import annotations

import pytest

from knowledge.loader import KnowledgeBase
from recommender.fase import MAX_HORIZON, beste_per_interesse
from recommender.models import Advies, HoRichting
from tests.recommender.helpers import advies, review_persona


def _stap_soorten(a: Advies) -> list[str]:
    assert a.fase_advies is not None
    return [s.soort for s in a.fase_advies.stappen]


@pytest.mark.parametrize("persona", ["R24", "R38"])
def test_havo_vwo_horizon_short_with_later_step(kb: KnowledgeBase, persona: str) -> None:
    """Groep 8 with a vwo advice and vwo klas 2: at most three directions, each interest's best one kept, and the
    step that points to studiekeuze123.nl for later (not to kiesmbo.nl)."""
    a = advies(kb, **review_persona(persona))
    assert a.fase_advies is not None
    vervolg = a.fase_advies.vervolg
    assert 0 < len(vervolg) <= MAX_HORIZON
    tech = [i for i in review_persona(persona)["interesses"] if i not in ("sport_bewegen",)]
    for interesse in tech:
        assert any(interesse in v.interesses for v in vervolg), interesse
    later = [s for s in a.fase_advies.stappen if s.soort == "later_meer"]
    assert len(later) == 1
    assert "studiekeuze123.nl" in later[0].tekst["nl"] and "kiesmbo" not in later[0].tekst["nl"]
    assert len(a.routes) <= MAX_HORIZON


def test_havo_klas3_keeps_longer_list(kb: KnowledgeBase) -> None:
    """havo 3 chooses its profiel now: its directions are not cut to the horizon size and get no 'later' step."""
    a = advies(kb, **review_persona("R34"))
    assert a.fase_advies is not None
    assert len(a.fase_advies.vervolg) > MAX_HORIZON
    assert "later_meer" not in _stap_soorten(a)


@pytest.mark.parametrize("persona", ["R13", "R36", "R52"])
def test_vmbo_horizon_short_with_kiesmbo_later(kb: KnowledgeBase, persona: str) -> None:
    """vmbo klas 1-2 and groep 7/8 with a vmbo advice: at most three horizon routes and a 'later: kiesmbo.nl' step."""
    a = advies(kb, **review_persona(persona))
    assert a.routes and len(a.routes) <= MAX_HORIZON
    assert all(r.horizon for r in a.routes)
    assert a.fase_advies is not None
    later = [s for s in a.fase_advies.stappen if s.soort == "later_meer"]
    assert len(later) == 1 and "kiesmbo.nl" in later[0].tekst["nl"]


def test_klas3_vmbo_keeps_five_routes(kb: KnowledgeBase) -> None:
    """The stage limit is for the horizon only: a klas-3 vmbo pupil still sees the full route list."""
    a = advies(kb, **review_persona("R20"))
    assert len(a.routes) > MAX_HORIZON


def _richting(naam: str, *interesses: str) -> HoRichting:
    return HoRichting(naam=naam, soort="hbo", scholen=[], via=[], interesses=list(interesses))


def test_beste_per_interesse_keeps_each_interest_and_order() -> None:
    """The second interest's first direction survives the cut even when the first interest has many; order kept."""
    lijst = [_richting("A", "ict"), _richting("B", "ict"), _richting("C", "ict"), _richting("D", "gaming")]
    gekozen = beste_per_interesse(lijst, ["ict", "gaming"], 3)
    assert [v.naam for v in gekozen] == ["A", "B", "D"]
    assert [v.naam for v in beste_per_interesse(lijst, ["ict"], 2)] == ["A", "B"]


@pytest.mark.parametrize("persona", ["R12", "R36", "R40", "R44"])
def test_groep78_notices_fit_the_stage(kb: KnowledgeBase, persona: str) -> None:
    """Groep 7/8 has no decaan and chooses a secondary school: no notice sends the family to a decaan or to
    kiesmbo.nl (review 8: R12, R36 got 'Vraag je decaan ... kiesmbo.nl')."""
    a = advies(kb, **review_persona(persona))
    assert a.meldingen
    for m in a.meldingen:
        assert "kiesmbo" not in m["nl"] and "Vraag je decaan" not in m["nl"], m["nl"]


@pytest.mark.parametrize("persona", ["R30", "R34", "R50"])
def test_havo_vwo_notices_point_to_ho(kb: KnowledgeBase, persona: str) -> None:
    """havo/vwo notices point to studiekeuze123.nl and hbo/wo open days, never to kiesmbo.nl or a vmbo snuffelstage."""
    a = advies(kb, **review_persona(persona))
    assert a.meldingen
    for m in a.meldingen:
        assert "kiesmbo" not in m["nl"] and "snuffelstage" not in m["nl"], m["nl"]


def test_out_of_region_open_day_dropped_when_region_has_options(kb: KnowledgeBase) -> None:
    """R41 (Bergschenhoek) has open days inside the MRDH: the Waddinxveen one is not shown (review 8)."""
    a = advies(kb, **review_persona("R41"))
    assert any(not x.landelijk for x in a.activiteiten)
    assert not any(x.buiten_regio for x in a.activiteiten)
    assert all("Waddinxveen" not in x.naam for x in a.activiteiten)


def test_out_of_region_activity_says_so(kb: KnowledgeBase) -> None:
    """R31 lives in Gouda (outside the MRDH): the nearby Waddinxveen open day may stay, and its line says it lies
    outside the region, in every language shown."""
    a = advies(kb, **review_persona("R31"))
    buiten = [x for x in a.activiteiten if x.buiten_regio]
    assert buiten
    for x in buiten:
        assert "buiten de regio Rotterdam Den Haag" in x.reden
        assert all(x.uitleg[taal] for taal in a.talen)


def test_no_interests_broad_activities_first_and_said_why(kb: KnowledgeBase) -> None:
    """R23 chose no interest: techniek in general comes before one branche (the maritime museum), and every line
    says that no interest was chosen yet."""
    a = advies(kb, **review_persona("R23"))
    breed = [set(x.branches) <= {"techniek_breed"} for x in a.activiteiten]
    assert breed and breed[0] and breed == sorted(breed, reverse=True)
    assert all("nog geen interesse gekozen" in x.reden for x in a.activiteiten)


def test_general_techniek_labelled_for_non_technical_interests(kb: KnowledgeBase) -> None:
    """R12 (cooking + sport): a general techniek item is labelled 'Algemene techniek', not as a fit."""
    a = advies(kb, **review_persona("R12"))
    breed = [x for x in a.activiteiten if set(x.branches) <= {"techniek_breed"}]
    # first the side-path words (review 9), then what it is about
    assert breed and all(x.reden.startswith("Wil je ook techniek eens uitproberen?") for x in breed)
    assert all("Algemene techniek" in x.reden for x in breed)


@pytest.mark.parametrize(("persona", "midden"), [("R04", "Charlois"), ("R24", "IJsselmonde")])
def test_approximate_home_said_once_in_plain_words(kb: KnowledgeBase, persona: str, midden: str) -> None:
    """Home known as a wijk: the route lines' '~x km' are explained once, in the straight-line notice, with the area
    whose centre stands for home; the plain straight-line notice is not shown next to it."""
    a = advies(kb, **review_persona(persona))
    uitleg = [m["nl"] for m in a.goed_om_te_weten if "hemelsbreed" in m["nl"]]
    assert len(uitleg) == 1
    assert f"vanaf het midden van {midden}, niet vanaf je huis" in uitleg[0]


def test_no_interests_try_out_step_names_general_techniek(kb: KnowledgeBase) -> None:
    """R23's 'to try it out' step names general techniek items (via school when none can be joined alone), not the
    maritime museum that the list labels as one branche."""
    a = advies(kb, **review_persona("R23"))
    assert a.fase_advies is not None
    (stap,) = [s for s in a.fase_advies.stappen if s.soort == "activiteiten"]
    breed = [x.naam for x in a.activiteiten if set(x.branches) <= {"techniek_breed"}]
    assert breed and breed[0] in stap.tekst["nl"]
    assert not any(x.naam in stap.tekst["nl"] for x in a.activiteiten if not set(x.branches) <= {"techniek_breed"})

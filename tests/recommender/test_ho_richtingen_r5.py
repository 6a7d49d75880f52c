"""A havo/vwo pupil's next step is hbo/wo: a direction coded with the pupil's own interest is offered even when
the mbo route it sits behind did not make the short mbo list (review 4, R38: drawing + ICT got no Industrieel
ontwerpen although the catalogue has it). Directions behind the chosen routes stay first."""

from __future__ import annotations

from knowledge import KnowledgeBase
from recommender.advies import recommend
from recommender.fase import MAX_RICHTINGEN
from recommender.profile import Profiel


def test_drawing_and_ict_vwo_pupil_gets_industrieel_ontwerpen(kb: KnowledgeBase) -> None:
    profiel = Profiel(
        leerjaar="vo2", schooltype="vwo", interesses=["ict_programmeren", "tekenen_ontwerpen"], gemeente="Rijswijk"
    )
    advies = recommend(kb, profiel)
    assert advies.fase_advies is not None
    vervolg = advies.fase_advies.vervolg
    namen = [(v.soort, v.naam) for v in vervolg]
    assert ("wo", "Industrieel ontwerpen") in namen
    assert len(vervolg) <= MAX_RICHTINGEN
    io = next(v for v in vervolg if v.naam == "Industrieel ontwerpen")
    assert io.interesses == ["tekenen_ontwerpen"]
    # the directions behind the chosen mbo routes come first within each kind
    gekozen = {r.opleiding.naam for r in advies.routes}
    wo = [v for v in vervolg if v.soort == "wo"]
    # an mbo 4 diploma admits to the hbo, not to a wo bachelor: a wo direction is never "ook via mbo 4" (review 6)
    assert wo and all(not v.via for v in wo)
    hbo = [v for v in vervolg if v.soort == "hbo"]
    assert set(hbo[0].via) & gekozen

"""Review 11's defects that were mended in this round: an activity named as a route's next step claims only that
route's branche; route headers name a vmbo profiel as readers know it; "past bij al je interesses" never counts an
interest the route only touches; the Rijnmond sector line is labelled as its source says (krapte, not groot tekort).
"""

from __future__ import annotations

from knowledge import KnowledgeBase
from recommender.explain import profiel_kort
from tests.recommender.helpers import advies, review_persona


def test_a_step_activity_claims_no_branche_its_routes_do_not_have(kb: KnowledgeBase) -> None:
    a = advies(kb, **review_persona("R28"))  # a port pupil: no ICT route; Make and Experience (IT) is a route's step
    assert not any(r.opleiding.id.startswith("opl_ict") or "software" in r.opleiding.id for r in a.routes)
    item = next(x for x in a.activiteiten if x.naam == "Make and Experience")
    assert "als volgende stap" in item.reden and "IT" not in item.reden, item.reden


def test_route_headers_name_profielen_as_readers_know_them() -> None:
    assert [profiel_kort(c) for c in ("MT", "ZW", "GR", "PIE", "TL_TECHNIEK")] == [
        "M&T",
        "Z&W",
        "Groen",
        "PIE",
        "tl-profiel Techniek",
    ]


def test_all_interests_never_counts_a_raakvlak(kb: KnowledgeBase) -> None:
    top = advies(kb, **review_persona("R44")).routes[0]  # loonwerk: machines, and dieren only as a side link
    assert top.voorop is not None and "dieren" not in top.voorop["nl"]


def test_the_rijnmond_sector_line_says_krapte_not_groot_tekort(kb: KnowledgeBase) -> None:
    # STO Zuid 2019 § A.3.2: "De krapte zit primair in de sector techniek" (no "groot"); § A.3.3 does say "groot tekort"
    assert kb.sectoren["sec_sto2019_techniek_krapte"].label == "tekort"

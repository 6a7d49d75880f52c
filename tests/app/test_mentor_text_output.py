"""The mentor's text output (`lob-kompas recommend`) shows each beroep in Dutch first, the parents' language as the
extra line: a mentor cannot read a beroep line that is only in Ukrainian (review 4)."""

from __future__ import annotations

import pytest

from app.commands.recommend_cmd import _print_human
from knowledge import KnowledgeBase
from recommender.advies import recommend
from recommender.profile import Profiel


def test_beroep_lines_are_dutch_with_the_parents_language_below(
    kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    profiel = Profiel(leerjaar="vo3", schooltype="vmbo-kb", interesses=["bouwen"], wijk="Charlois", taal_ouders="uk")
    advies = recommend(kb, profiel)
    _print_human(advies)
    out = capsys.readouterr().out
    beroep = next(b for r in advies.routes for b in r.beroepen_info)
    assert f"- {beroep.naam}: {beroep.omschrijving['nl']}" in out
    assert f"  [uk] {beroep.omschrijving['uk']}" in out

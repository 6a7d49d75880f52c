"""Review 10, defects 4 and 5: labels say what the source says, and lists read as sentences."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from knowledge import KnowledgeBase
from tests.recommender.helpers import REVIEW_PERSONAS


def test_figuur_10_opleidingen_keep_the_sources_words(kb: KnowledgeBase) -> None:
    """STO Zuid 2019 Figuur 10 says 'redelijk tot goed': the label must not round that up to 'goed'."""
    figuur_10 = [
        o for o in kb.opleidingen.values() if o.arbeidsmarkt and "Figuur 10" in (o.arbeidsmarkt.bron.sectie or "")
    ]
    assert figuur_10
    assert {o.arbeidsmarkt.label for o in figuur_10 if o.arbeidsmarkt} == {"redelijk_tot_goed"}


@pytest.mark.parametrize("persona", ["R07", "R16"])
def test_cli_text_shows_labels_and_readable_sources(persona: str, capsys: pytest.CaptureFixture[str]) -> None:
    profiel = str(REVIEW_PERSONAS / f"{persona}.json")
    assert main(["recommend", "--profile", profiel]) == 0
    markt = [r for r in capsys.readouterr().out.splitlines() if "arbeidsmarkt (" in r or "tekort" in r]
    assert markt
    tekst = "\n".join(markt)
    for raw in ("groot_tekort", "redelijk_tot_goed", "sto_zuid2019#", ": goed"):
        assert raw not in tekst, (persona, raw)
    assert main(["recommend", "--profile", profiel, "--json"]) == 0  # the JSON keeps the codes
    codes = {r["arbeidsmarkt"] for r in json.loads(capsys.readouterr().out)["routes"]}
    assert codes & {"groot_tekort", "tekort", "redelijk_tot_goed"}

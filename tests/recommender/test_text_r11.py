"""Review 10, defects 4 and 5: labels say what the source says, and lists read as sentences."""

from __future__ import annotations

import json
import re

import pytest

from app.cli import main
from knowledge import KnowledgeBase
from tests.recommender.helpers import REVIEW_PERSONAS, advies, review_persona


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
    out = capsys.readouterr().out.splitlines()
    assert not [r for r in out if r.strip().startswith("bronnen:") and "#" in r]  # reader's labels, not ids
    markt = [r for r in out if "arbeidsmarkt (" in r or "tekort" in r]
    assert markt
    tekst = "\n".join(markt)
    for raw in ("groot_tekort", "redelijk_tot_goed", "sto_zuid2019#", ": goed"):
        assert raw not in tekst, (persona, raw)
    assert main(["recommend", "--profile", profiel, "--json"]) == 0  # the JSON keeps the codes
    codes = {r["arbeidsmarkt"] for r in json.loads(capsys.readouterr().out)["routes"]}
    assert codes & {"groot_tekort", "tekort", "redelijk_tot_goed"}


def _alle_tekst(kb: KnowledgeBase, persona: str) -> str:
    return advies(kb, **review_persona(persona)).model_dump_json()


def test_polish_choice_and_negation_do_not_hang_on_lub(kb: KnowledgeBase) -> None:
    """R25: 'Który profil ...: BWI lub PIE?' and 'nie ma profilu BWI lub PIE' (a question wants czy, a negation ani):
    the templates put the list in a positive statement ('Do wyboru jest profil A lub B')."""
    tekst = json.loads(_alle_tekst(kb, "R25"))
    zinnen = [
        z for z in re.split(r"(?<=[.?])\s", json.dumps(tekst, ensure_ascii=False)) if "(PIE)" in z or "(BWI)" in z
    ]
    assert zinnen
    for zin in zinnen:
        assert not re.search(r"\) lub [^.?,\"]*\)\?", zin), zin  # '... A lub B?' as an either/or question
        assert not re.search(r"nie ma profilu [^.?\"]* lub ", zin), zin


def test_ukrainian_interests_are_not_slotted_after_a_colon(kb: KnowledgeBase) -> None:
    """R31: 'не має навчання у сфері: спорт і рух або ...' read like a form; the interest is now the subject."""
    tekst = _alle_tekst(kb, "R31")
    for seam in ("у сфері: ", "на тему: ", "в цій сфері: ", "Інтерес: ", "інтересу дитини: "):
        assert seam not in tekst, seam
    assert "цікавить" in tekst or "де головне" in tekst


def test_stage_school_lines_are_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    """R14/R44: '- school: Focus Beroepsacademie (...); Groen' read like data."""
    assert main(["recommend", "--profile", str(REVIEW_PERSONAS / "R14.json")]) == 0
    out = capsys.readouterr().out
    assert "- school:" not in out
    assert "heeft het profiel Groen." in out


def test_old_labour_market_data_weighs_half(kb: KnowledgeBase) -> None:
    """Review 10: 2018 UWV data (STO Zuid 2019) still pushed routes up by a full point; data more than OUD_JAREN
    older than the newest report counts half, fresh data counts in full."""
    from recommender.routes import MARKT_PUNTEN, OUD_FACTOR, beroep_markt, opleiding_markt, peiljaar

    assert peiljaar(kb) >= 2026
    oud = [beroep_markt(kb, b) for b, ber in kb.beroepen.items() if ber.arbeidsmarkt.gegevensjaar == "2018"]
    oud = [m for m in oud if m is not None]
    assert oud
    for m in oud:
        assert m.punten == MARKT_PUNTEN[m.label] * OUD_FACTOR, m
    figuur_10 = [opleiding_markt(kb, o) for o in kb.opleidingen.values() if o.arbeidsmarkt is not None]
    assert [m.punten for m in figuur_10 if m is not None] and all(
        m.punten == MARKT_PUNTEN["redelijk_tot_goed"] * OUD_FACTOR for m in figuur_10 if m is not None
    )


def test_halving_old_data_keeps_the_obvious_route_first(kb: KnowledgeBase) -> None:
    """R07 (BWI, bouwen, BBL): Timmerman is still the first route with the old shortage data counted half."""
    a = advies(kb, **review_persona("R07"))
    assert a.routes[0].opleiding.naam == "Timmerman"
    assert a.routes[0].score_delen["arbeidsmarkt"] == 0.5

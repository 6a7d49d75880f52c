"""Travel to the mbo per gemeente (issue 18 / round 3): the assistant answers "how far do mbo techniek students
from X travel" with X's own figures from the SEOR 2026 report's Tabel 3.4, read here from the report itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.i18n.formats import format_number
from retrieval.assistant import Assistant

REPORT = "004_acda9420b8a811c2.txt"


def table_3_4(seeds_dir: Path) -> dict[str, tuple[float, float, float, float]]:
    """Gemeente -> (km techniek, minutes techniek, km ICT, minutes ICT) as the report prints them."""
    text = (seeds_dir / REPORT).read_text(encoding="utf-8")
    block = text.split("**Tabel 3.4", 1)[1].split("Bron:", 1)[0]
    rows = {}
    for line in block.splitlines():
        cells = line.split("\t")
        if len(cells) == 5 and re.fullmatch(r"\d+,\d", cells[1].strip()):
            values = tuple(float(c.replace(",", ".")) for c in cells[1:])
            rows[cells[0].strip().replace("'s-Gravenhage", "Den Haag")] = values
    assert len(rows) == 21
    return rows  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("lang", "question", "gemeente"),
    [
        ("nl", "hoe lang is mijn kind onderweg naar het mbo techniek als we in Vlaardingen wonen", "Vlaardingen"),
        ("en", "we live in Zoetermeer, how far is the tech mbo on average?", "Zoetermeer"),
        ("tr", "Ridderkerk'ten teknik mbo'ya toplu taşımayla kaç dakika sürüyor", "Ridderkerk"),
        ("ar", "كم المسافة من Westland إلى مدرسة mbo تقنية بالدراجة", "Westland"),
        ("pl", "ile km jezdzi sie z Nissewaard do mbo technicznego", "Nissewaard"),
        ("uk", "скільки їхати з Делфта до технічного mbo автобусом", "Delft"),
    ],
)
def test_travel_per_gemeente_gives_that_gemeentes_figures_from_table_3_4(
    assistant: Assistant, seeds_dir: Path, lang: str, question: str, gemeente: str
) -> None:
    km, minutes, _, _ = table_3_4(seeds_dir)[gemeente]
    answer = assistant.ask(question, use_llm=False)
    assert answer.language == lang and answer.topic == "artikel:reisafstand#reistijd", answer
    assert format_number(km, lang) in answer.answer and format_number(minutes, lang) in answer.answer, answer.answer
    assert any(s.source == f"gebied:gem_{gemeente.lower()}" and "3.4" in s.label for s in answer.sources), (
        answer.sources
    )


def test_a_gemeente_outside_the_table_gets_no_invented_figure(assistant: Assistant, seeds_dir: Path) -> None:
    answer = assistant.ask("hoe lang reist mijn kind naar het mbo techniek vanuit Dordrecht", use_llm=False)
    figures = {format_number(v, "nl") for row in table_3_4(seeds_dir).values() for v in row}
    shown = set(re.findall(r"\d+(?:,\d+)?", answer.answer.split("\n\n")[0]))
    assert "Dordrecht" in answer.answer and "21" in shown
    # only the regional average (Tabel 3.2) and the number of gemeenten the table covers
    assert not (shown & figures - {"19,6", "61,2", "21"}), shown

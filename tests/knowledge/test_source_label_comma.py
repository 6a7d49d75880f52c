"""Source labels inside an Arabic answer use the Arabic comma (round 16, parent review of v8: "(بدون تاريخ), §" mixed a
Latin comma into right-to-left text); every other language keeps ", "."""

from __future__ import annotations

from knowledge import load_knowledge
from knowledge.sources import source_label, source_labels


def test_an_arabic_source_label_uses_the_arabic_comma() -> None:
    kb = load_knowledge()
    label = source_label(kb, "masterplan_tt#4.2", "ar")
    assert "،" in label and ", " not in label, label
    (joined,) = source_labels(kb, ["seor2026#Tabel 3.6", "seor2026#3.2.3 Profielkeuzes"], "ar")
    assert joined.count("، ") == 2 and ", " not in joined, joined


def test_other_languages_keep_the_latin_comma() -> None:
    kb = load_knowledge()
    (joined,) = source_labels(kb, ["seor2026#Tabel 3.6", "seor2026#3.2.3 Profielkeuzes"], "nl")
    assert joined == "SEOR 2026, tabel 3.6, § 3.2.3", joined

"""The one formatter from a source reference (``BronRef``) to text a person reads.

Two styles:

* ``short`` (pupils, parents, mentors): "SEOR 2026, tabel 3.6", "Oberon 2024, hoofdstuk 5",
  "LOB-Kompas redactie", "eigen lijst van de school"; the section kind in the reader's language,
  descriptive section titles left out;
* ``full`` (decanen, exports): "Eindrapport: Jongerenkeuzes ... (SEOR, 2026), Tabel 3.6".

Internal ids (``seor2026#3.2.3``, ``algemene_kennis``) never reach a reader through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from knowledge.i18n import t
from knowledge.i18n.formats import comma
from knowledge.loader import KnowledgeBase
from knowledge.schema import BronRef

Style = Literal["short", "full"]
EIGEN_IMPORT = "eigen_import"  # the source id of a decaan's own imported list

# Dutch section words in the knowledge -> catalogue key of the word in each language
_KINDS = {
    "tabel": "table",
    "figuur": "figure",
    "hoofdstuk": "chapter",
    "paragraaf": "section",
    "bijlage": "appendix",
    "voetnoot": "footnote",
    "box": "box",
}
_KIND_RE = re.compile(r"^(tabel|figuur|hoofdstuk|paragraaf|bijlage|voetnoot|box)\s*([A-Z]?[\d.]*\d)?", re.I)
_NUMBER_RE = re.compile(r"^([A-Z]\.)?\d+(\.\d+)*")


def _as_ref(ref: BronRef | str) -> BronRef:
    return ref if isinstance(ref, BronRef) else BronRef.parse(ref)


def section_text(sectie: str, lang: str) -> str:
    """'Tabel 3.6' -> 'tabel 3.6' / 'table 3.6'; '3.2.3 Profielkeuzes' -> '§ 3.2.3'; titles are left out."""
    sectie = sectie.strip()
    m = _KIND_RE.match(sectie)
    if m:
        word = t(f"bron.{_KINDS[m.group(1).lower()]}", lang)
        return f"{word} {m.group(2)}" if m.group(2) else word
    m = _NUMBER_RE.match(sectie)
    if m:
        return f"§ {m.group(0)}"
    return sectie.split("(")[0].strip()


def _short_head(kb: KnowledgeBase | None, bron_id: str, lang: str) -> str:
    if bron_id == EIGEN_IMPORT:
        return t("bron.own_list", lang)
    bron = kb.bronnen.get(bron_id) if kb is not None else None
    if bron is None:
        return t("bron.unknown", lang)
    if bron.soort == "algemene_kennis":
        return t("bron.editors", lang)
    publisher = bron.kort or re.sub(r"\s*\(.*?\)", "", bron.uitgever.split(",")[0]).strip()
    return f"{publisher} ({t('bron.no_year', lang)})" if bron.zonder_jaartal else f"{publisher} {bron.jaar}"


def year_text(kb: KnowledgeBase | None, bron_id: str, lang: str) -> str:
    """The year of a source as a reader sees it: '2019', or 'z.j.' / 'n.d.' for an undated report."""
    bron = kb.bronnen.get(bron_id) if kb is not None else None
    if bron is None:
        return ""
    return t("bron.no_year_abbr", lang) if bron.zonder_jaartal else str(bron.jaar)


def source_label(kb: KnowledgeBase | None, ref: BronRef | str, lang: str = "nl", style: Style = "short") -> str:
    """One reference as text in ``lang`` (see the module doc for the two styles)."""
    ref = _as_ref(ref)
    if style == "full":
        if ref.bron == EIGEN_IMPORT:  # "eigen lijst van de school, kalender.xlsx 2026-11-30"
            head = t("bron.own_list", lang)
            return f"{head}{comma(lang)}{ref.sectie}" if ref.sectie else head
        bron = kb.bronnen.get(ref.bron) if kb is not None else None
        if bron is None:
            return t("bron.unknown", lang)
        head = f"{bron.titel} ({bron.uitgever}{comma(lang)}{year_text(kb, bron.id, lang)})"
        return f"{head}{comma(lang)}{ref.sectie}" if ref.sectie else head
    head = _short_head(kb, ref.bron, lang)
    if (
        ref.bron == EIGEN_IMPORT
        or not ref.sectie
        or (kb and ref.bron in kb.bronnen and kb.bronnen[ref.bron].soort == "algemene_kennis")
    ):
        return head
    return f"{head}{comma(lang)}{section_text(ref.sectie, lang)}"


def source_labels(
    kb: KnowledgeBase | None, refs: Iterable[BronRef | str], lang: str = "nl", style: Style = "short"
) -> list[str]:
    """One label per source, in order, sections of the same source joined: 'SEOR 2026, tabel 3.6, § 3.2.3'."""
    grouped: dict[str, list[str]] = {}
    for raw in refs:
        ref = _as_ref(raw)
        label = source_label(kb, ref, lang, style)
        head = source_label(kb, BronRef(bron=ref.bron, sectie=None), lang, style)
        parts = grouped.setdefault(head, [])
        rest = label[len(head) :].lstrip("،, ") if label.startswith(head) else label
        if rest and rest not in parts:
            parts.append(rest)
    sep = comma(lang)
    return [f"{head}{sep}{sep.join(parts)}" if parts else head for head, parts in grouped.items()]


def ref_text(ref: BronRef) -> str:
    """The machine form 'seor2026#Tabel 3.6' (JSON, data files); never shown to a reader."""
    return f"{ref.bron}#{ref.sectie}" if ref.sectie else ref.bron


__all__ = ["EIGEN_IMPORT", "ref_text", "section_text", "source_label", "source_labels", "year_text"]

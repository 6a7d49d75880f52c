"""The figures added for issue 18 against the reports themselves, read at run time.

Each checked figure must cite a section that we can find in its report, its number must appear in that
section (as the report writes it: '17,3', '277.768', 'vijftien'), and every year it carries must appear
there too: a figure never gets a year its report does not give.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge import KnowledgeBase
from knowledge.geo import resolve_place
from knowledge.schema import Cijfer

# (bron, sectie) -> (start, end) markers in the report text; end None = the next 6,000 characters.
# Start markers are chosen so that the table of contents does not match them.
SECTIONS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("seor2026", "Tabel 3.3"): ("**Tabel 3.3", "Bron:"),
    ("seor2026", "Tabel 3.4"): ("**Tabel 3.4", "Bron:"),
    ("seor2026", "Tabel 3.7"): ("**Tabel 3.7", "Bron:"),
    ("seor2026", "Tabel 3.9"): ("**Tabel 3.9**", "Bron:"),
    ("seor2026", "2.1 Aantallen en verdeling"): ("### 2.1 AANTALLEN EN VERDELING", "## 2.2 ONTWIKKELING"),
    ("seor2026", "2.2 Ontwikkeling"): ("## 2.2 ONTWIKKELING", "### 3 AANBOD"),
    ("seor2026", "3.2.1 (NaSk)"): ("### 3.2.1 VMBO", "### 3.2.2"),
    ("seor2026", "3.3.1"): ("#### 3.3.1", "### 3.3.2"),
    ("seor2026", "Hoofdstuk 5 (inleiding, ROA Höfelmann & Huijgen 2025)"): ("## 5 KEUZES VAN JONGEREN", "### 5.1"),
    ("seor2026", "5.1"): ("### 5.1 KEUZE VOOR BOL/BBL", "## 5.2 KANS"),
    ("seor2026", "5.1 (voetnoot 45, CPB 2022)"): ("<sup>45</sup> CPB", "<sup>46</sup>"),
    ("seor2026", "5.2 Kans op een stageplaats en een baan"): ("## 5.2 KANS OP", "## 6 MOGELIJKE"),
    ("seor2026", "6.1 Aanbod van opleidingen"): ("### 6.1 AANBOD VAN OPLEIDINGEN", "## 6.2 LOOPBAAN"),
    ("seor2023_promotie", "Tabel 5.1"): ("Tabel 5.1 Profielaanbod", "Bron: SEOR"),
    ("seor2023_promotie", "Tabel 5.2"): ("Tabel 5.2 Percentages", "Bron: SEOR"),
    ("masterplan_tt", "4.2 Demografische trends"): ("4.2 Demografische trends", "4.3 Oorzaken van Tekorten"),
    ("sto_zuid2019", "A.2"): ("A.2. Afbakening regio", "A.3. Dekkend"),
    ("sto_zuid2019", "A.3.1"): ("A.3.1 Huidige aanbod", "A.3.2 Kwalitatieve"),
    ("sto_zuid2019", "A.3.2"): ("A.3.2 Kwalitatieve", "A.3.3 Behoefte"),
    ("sto_zuid2019", "B.2.3"): ("B.2.3 Geïntegreerde", "B.2.4 Professionaliseren"),
    ("oberon2024", "1 Inleiding"): (" 1 Inleiding", " 2 Deskresearch"),
    ("oberon2024", "2.1 Profielkeuzes in het vmbo"): ("2.1 Profielkeuzes in het vmbo \n", "2.2 Aanbod en locaties"),
    ("oberon2024", "2.2 Aanbod en locaties techniekprofielen in Rotterdam Zuid"): (
        "2.2 Aanbod en locaties techniekprofielen",
        "2.3 Scholenschuif",
    ),
    ("oberon2024", "Hoofdstuk 5 (Vak College Zuidrand)"): ("Vak College Zuidrand (https", " 6 Alternatieven"),
    ("oberon2024", "7 Beantwoording onderzoeksvragen en conclusie"): (" 7 Beantwoording onderzoeksvragen", None),
}

# Articles written for issue 18: every figure in them is checked.
NEW_ARTICLES = (
    "baankansen_na_diploma",
    "stapelen_schooladvies",
    "vmbo_tl_techniek",
    "nprz_doelen",
    "techniek_op_zuid",
    "doorlopende_routes",
    "jongeren_in_de_regio",
    "techniek_rond_campussen",
)
# Articles that got new figures: these values must be among the checked ones.
NEW_IN_ARTICLES: dict[str, set[float]] = {
    "bol_bbl": {30, 37.8, 12.0, 34.6, 11.7, 0.8},
    "reisafstand": {23.5, 63.0, 15.8, 53.0, 21.9, 57.8, 11.7, 46.3, 27.0, 78.6, 26.5, 22.8, 68.3, 21.8, 11.4},
    "migratieachtergrond": {10},
    "techniekprofielen": {30},
    "geen_techniekprofiel": {2024},
}
NUMBER_WORDS = {
    1: "een",
    2: "twee",
    3: "drie",
    4: "vier",
    5: "vijf",
    6: "zes",
    7: "zeven",
    8: "acht",
    9: "negen",
    10: "tien",
    15: "vijftien",
    20: "twintig",
}


def _section(seeds: Path, kb: KnowledgeBase, bron: str, sectie: str) -> str:
    start, end = SECTIONS[(bron, sectie)]
    text = (seeds / kb.bronnen[bron].bestand).read_text(encoding="utf-8")  # type: ignore[operator]
    i = text.find(start)
    assert i >= 0, f"{bron}#{sectie}: section start {start!r} not found in the report"
    j = len(text) if end is None else text.find(end, i + len(start))
    assert j > i, f"{bron}#{sectie}: section end {end!r} not found"
    return text[i:j] if end is not None else text[i : i + 6000]


def _spellings(value: float) -> list[str]:
    """How a report may write this number: '17,3', '27,0' and '27', '277.768', 'vijftien'."""
    out = []
    if value == int(value):
        n = int(value)
        out += [str(n), f"{n:,}".replace(",", "."), f"{value:.1f}".replace(".", ",")]
        if n in NUMBER_WORDS:
            out.append(NUMBER_WORDS[n])
    else:
        out += [f"{value:g}".replace(".", ","), f"{value:.1f}".replace(".", ","), f"{value:.2f}".replace(".", ",")]
    return list(dict.fromkeys(out))


def _in_text(value: float, text: str) -> bool:
    for s in _spellings(value):
        pattern = rf"(?<![\d,.]){re.escape(s)}(?![\d]|[,.]\d)" if s[0].isdigit() else rf"\b{s}\b"
        if re.search(pattern, text, flags=re.IGNORECASE):
            return True
    return False


def _new_figures(kb: KnowledgeBase) -> list[tuple[str, Cijfer]]:
    figures: list[tuple[str, Cijfer]] = []
    for g in kb.gebieden.values():
        figures += [(f"gebied {g.id}", c) for c in g.cijfers]
    for campus in kb.campussen.values():
        figures += [(f"campus {campus.id}", c) for c in campus.cijfers if (c.bron.sectie or "").startswith("Tabel 5.")]
    for art_id in NEW_ARTICLES:
        figures += [(f"artikel {art_id}", c) for c in kb.artikelen[art_id].cijfers]
    for art_id, values in NEW_IN_ARTICLES.items():
        # the value, from a section we can check (an older figure may share the value: '2024' in geen_techniekprofiel)
        new = [
            c
            for c in kb.artikelen[art_id].cijfers
            if round(c.waarde, 1) in values and (c.bron.bron, c.bron.sectie or "") in SECTIONS
        ]
        assert {round(c.waarde, 1) for c in new} == values, (art_id, values)
        figures += [(f"artikel {art_id}", c) for c in new]
    return figures


def test_the_new_figures_are_there(kb: KnowledgeBase) -> None:
    figures = _new_figures(kb)
    gebied = [f for f in figures if f[0].startswith("gebied")]
    campus = [f for f in figures if f[0].startswith("campus")]
    assert len(gebied) == 21 * 4, "Tabel 3.4: four figures for each of the 21 MRDH gemeenten"
    assert len(campus) == 8 * 10, "Tabel 5.1 (2 rows) and 5.2 (8 rows) for each of the 8 campuses"
    assert len(figures) > 200


def test_every_new_figure_is_in_its_cited_report_section(kb: KnowledgeBase, seeds_dir: Path) -> None:
    missing = []
    for where, c in _new_figures(kb):
        key = (c.bron.bron, c.bron.sectie or "")
        assert key in SECTIONS, f"{where}: no section marker for {key}; add it to SECTIONS"
        if not _in_text(c.waarde, _section(seeds_dir, kb, *key)):
            missing.append(f"{where}: {c.waarde:g} not in {c.bron.bron}#{c.bron.sectie} ({c.omschrijving})")
    assert missing == []


def test_no_figure_carries_a_year_its_section_does_not_give(kb: KnowledgeBase, seeds_dir: Path) -> None:
    """For every figure in the knowledge base whose section we can find: each year it names is in that section."""
    records = [
        *kb.gebieden.values(),
        *kb.campussen.values(),
        *kb.artikelen.values(),
        *kb.opleidingen.values(),
        *kb.beroepen.values(),
        *kb.vmbo.profielen,
    ]
    checked, wrong = 0, []
    for rec in records:
        for c in rec.cijfers:
            key = (c.bron.bron, c.bron.sectie or "")
            if not c.jaar or key not in SECTIONS:
                continue
            checked += 1
            text = _section(seeds_dir, kb, *key)
            for year in re.findall(r"(?:19|20)\d\d", c.jaar):
                if year not in text:
                    wrong.append(
                        f"{getattr(rec, 'id', rec)}: {c.omschrijving} has year {c.jaar}; "
                        f"{key[0]}#{key[1]} does not give {year}"
                    )
    assert checked > 150
    assert wrong == []


def test_the_kansrijk_growth_figures_carry_no_invented_period(kb: KnowledgeBase) -> None:
    """Report 002 gives 'the last two years' (with UWV data of October 2018), not '2016-2018'."""
    art = kb.artikelen["techniek_kansrijk"]
    figures = [c for c in art.cijfers if c.bron.bron == "sto_zuid2019"]
    assert figures and all(c.jaar is None for c in figures)
    assert "2016" not in " ".join(art.tekst.values())


def test_no_new_figure_cites_general_knowledge(kb: KnowledgeBase) -> None:
    general = {b.id for b in kb.bronnen.values() if b.soort == "algemene_kennis"}
    figures = _new_figures(kb)
    assert [w for w, c in figures if c.bron.bron in general] == []
    assert all(kb.bronnen[c.bron.bron].soort == "rapport" for _, c in figures)


# --- corrections of the audit -------------------------------------------------------------


def test_entree_is_for_pupils_without_a_diploma_that_admits_to_niveau_2(kb: KnowledgeBase) -> None:
    entree = [o for o in kb.opleidingen.values() if o.niveau == 1]
    assert entree
    assert all(o.vooropleidingen == ["geen"] for o in entree), [o.id for o in entree]
    text = kb.artikelen["mbo_niveaus"].tekst["nl"]
    assert "toegang geeft tot niveau 2" in text and "niet naar Entree" in text


@pytest.mark.parametrize("pc4", ["2401", "2771", "2391", "2396", "2471", "2453"])
def test_the_kernen_of_alphen_aan_den_rijn_resolve_to_it(kb: KnowledgeBase, pc4: str) -> None:
    assert resolve_place(kb, pc4).naam == "Alphen aan den Rijn"


def test_the_travel_figures_of_a_gemeente_are_searchable(kb: KnowledgeBase) -> None:
    from retrieval.chunking import knowledge_chunks

    chunks = {d.metadata["source"]: d.page_content for d in knowledge_chunks(kb) if d.metadata["kind"] == "gebied"}
    assert len(chunks) == 21
    assert (
        "78,6 minuten" in chunks["gebied:gem_zoetermeer"]
        and "Techniek en gebouwde omgeving" in chunks["gebied:gem_zoetermeer"]
    )


def test_the_travel_article_lists_every_gemeente_with_its_own_figures(kb: KnowledgeBase) -> None:
    """The per-gemeente list in each language of the article is the gebied records' Tabel 3.4 figures."""
    art = kb.artikelen["reisafstand"]
    decimal = {"nl": ",", "en": ".", "tr": ",", "ar": ".", "pl": ",", "uk": ","}
    gemeenten = [g for g in kb.gebieden.values() if g.cijfers]
    for lang, text in art.tekst.items():
        for g in gemeenten:
            km, ov = (
                next(c.waarde for c in g.cijfers if "Techniek" in c.omschrijving and kind in c.omschrijving)
                for kind in ("fietsafstand", "reistijd")
            )
            line = next((x for x in text.splitlines() if x.startswith(f"- {g.naam}:")), None)
            assert line is not None, (lang, g.naam)
            for value in (km, ov):
                assert f"{value:.1f}".replace(".", decimal[lang]) in line, (lang, g.naam, value, line)

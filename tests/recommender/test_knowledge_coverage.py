"""The knowledge behind the advice (issue 13): honest labour-market labels, plain beroep descriptions in six
languages, every opleiding at a school with its leerwegen, the routes and schools a decaan expects, places."""

from __future__ import annotations

import re

import pytest

from knowledge import KnowledgeBase, vocab
from knowledge.geo import OutsideRegion, resolve_place
from recommender.routes import is_gerapporteerd


def test_every_beroep_is_explained_in_one_plain_line_in_six_languages(kb: KnowledgeBase) -> None:
    for b in kb.beroepen.values():
        assert set(b.korte_omschrijving) == set(vocab.TALEN), b.id
        for taal, tekst in b.korte_omschrijving.items():
            assert 10 < len(tekst) < 160 and "\n" not in tekst, (b.id, taal)
        assert re.search(r"[\u0600-\u06ff]", b.korte_omschrijving["ar"]), b.id
        assert re.search(r"[\u0400-\u04ff]", b.korte_omschrijving["uk"]), b.id


def test_a_label_on_a_beroep_only_where_a_report_names_it(kb: KnowledgeBase) -> None:
    named = 0
    for b in kb.beroepen.values():
        am = b.arbeidsmarkt
        if am.label == "onbekend":
            assert am.bron.bron == "algemene_kennis", b.id
            continue
        named += 1
        assert is_gerapporteerd(kb, am.bron) and am.bron.sectie and (am.regio or am.werkgever), b.id  # where or who
        assert "'" in am.toelichting or "monteurs" in am.toelichting, b.id  # the source's own wording is quoted
        if am.label == "groot_tekort":
            assert am.bron.sectie == "A.3.2" and am.gegevensjaar == "2018", b.id
    assert 0 < named < len(kb.beroepen)  # not every beroep carries a label any more


def test_sector_statements_are_sourced_and_translated(kb: KnowledgeBase) -> None:
    assert len(kb.sectoren) >= 8
    for s in kb.sectoren.values():
        assert is_gerapporteerd(kb, s.bron) and s.bron.sectie, s.id
        assert set(s.tekst) == set(vocab.TALEN), s.id
    covered = {r for s in kb.sectoren.values() for r in s.richtingen}
    assert {
        "bouw_infra",
        "installatie_energie",
        "elektrotechniek",
        "ict",
        "logistiek",
        "maritiem_haven",
        "mobiliteit_voertuigen",
    } <= covered
    # no report speaks about mbo media routes: Oberon 2024 2.1 is about the vmbo profiel MVI (review 2)
    assert "media_vormgeving" not in covered
    assert {p for s in kb.sectoren.values() for p in s.profielen} == {"MVI"}
    assert {i for s in kb.sectoren.values() for i in s.interesses} >= {"zorg_welzijn", "economie_handel"}


def test_every_opleiding_is_at_a_school_with_its_leerwegen(kb: KnowledgeBase) -> None:
    for o in kb.opleidingen.values():
        assert o.locaties, o.id
        for loc in o.locaties:
            assert loc.leerwegen and set(loc.leerwegen) <= set(o.leerwegen), (o.id, loc.school)
            assert loc.school in kb.scholen
        assert set(o.hoofdroute_voor) <= set(o.interesses), o.id
        for v in o.vervolg:
            assert all(kb.scholen[s].soort == "hbo" for s in v.scholen), (o.id, v.naam)


@pytest.mark.parametrize(
    "woord",
    [
        "vliegtuigonderhoud",
        "koude",
        "dakdekker",
        "autoschade",
        "mobiele werktuigen",
        "game",
        "fotonica",
        "meubelmaker",
        "motorfiets",
        "stukadoor",
        "groen, grond",
    ],
)
def test_common_technical_routes_are_there(kb: KnowledgeBase, woord: str) -> None:
    assert any(woord in o.naam.lower() for o in kb.opleidingen.values()), woord


@pytest.mark.parametrize(
    "school",
    ["Da Vinci College", "Lentiz", "Hout- en Meubileringscollege", "Leidse instrumentmakers", "MBO College Airport"],
)
def test_regional_and_trade_schools_are_there(kb: KnowledgeBase, school: str) -> None:
    assert any(school in s.naam for s in kb.scholen.values()), school


def test_every_new_intake_value_reaches_something(kb: KnowledgeBase) -> None:
    for interesse in ("gaming", "tekenen_ontwerpen", "dieren_natuur"):
        assert any(interesse in o.interesses for o in kb.opleidingen.values()) or any(
            interesse in b.interesses for b in kb.beroepen.values()
        ), interesse
    assert any("schoon_binnen" in b.werkvoorkeuren for b in kb.beroepen.values())


@pytest.mark.parametrize(
    ("tekst", "naam"),
    [
        ("Spijkenisse", "Spijkenisse"),
        ("3201", "Spijkenisse"),
        ("Kralingen", "Kralingen"),
        ("3062", "Kralingen"),
        ("Rotterdam Zuid", "Rotterdam Zuid"),
        ("rotterdam-zuid", "Rotterdam Zuid"),
        ("Rotterdam Noord", "Rotterdam Noord"),
        ("Rotterdam-West", "Rotterdam West"),
        ("Den Haag Zuidwest", "Escamp"),
        ("Naaldwijk", "Naaldwijk"),
        ("Hellevoetsluis", "Hellevoetsluis"),
        ("Bergschenhoek", "Bergschenhoek"),
        ("Ypenburg", "Ypenburg"),
        ("Kop van Zuid", "Kop van Zuid-Entrepot"),
        ("Waalhaven", "Waalhaven-Eemhaven"),
        ("Vlaardinger Ambacht", "Vlaardingen-Ambacht"),
        ("Botlek", "Botlek"),
        ("Europoort", "Europoort"),
        ("Maasvlakte", "Maasvlakte"),
        ("Smitshoek", "Smitshoek"),
    ],
)
def test_kernen_wijken_and_area_names_resolve(kb: KnowledgeBase, tekst: str, naam: str) -> None:
    assert resolve_place(kb, tekst).naam == naam


def test_every_mrdh_gemeente_resolves_and_kernen_do_not_share_a_pc4(kb: KnowledgeBase) -> None:
    for g in kb.gebieden.values():
        if g.soort == "gemeente":
            assert resolve_place(kb, g.naam).naam == g.naam
    seen: dict[int, str] = {}
    for g in kb.gebieden.values():
        if g.soort == "kern":
            for code in g.pc4_codes():
                assert code not in seen, (code, seen.get(code), g.id)
                seen[code] = g.id


def test_a_postcode_outside_the_region_is_its_own_error(kb: KnowledgeBase) -> None:
    with pytest.raises(OutsideRegion):
        resolve_place(kb, "1012")

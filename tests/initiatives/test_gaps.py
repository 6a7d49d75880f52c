"""Gap analysis on a hand-made catalogue with known answers, and the campus comparison with report 003."""

from __future__ import annotations

import re

import pytest

from knowledge import vocab
from knowledge.campus_audit import campus_comparison, report_figures
from recommender.initiatives.gaps import gap_analysis

EXPECTED_10KM = {
    "bereik": {"landelijk": 1, "lokaal": 3},
    "lokaal_soort": {"mbo_instelling": 1, "jet_net": 1, "eic_haven": 0, "sto": 1, "overig": 0},
    "schooltype": {"po": 0, "vo_onderbouw": 1, "vo_bovenbouw": 1, "vmbo": 3, "havo": 1, "vwo": 0},
    "doelgroep": {"leerlingen": 3, "meisjes": 1, "migratieachtergrond": 0, "leraren": 1, "ouders": 1},
    "activiteit": {
        "samenwerking_school_bedrijf": 0,
        "bedrijfsbezoek": 1,
        "stage": 0,
        "leerwerkplekken": 0,
        "gastles": 1,
        "informatie": 0,
        "evenement": 1,
        "open_dag": 1,
        "wedstrijd_online": 1,
    },
    "praktijk": {"geen": 1, "deels": 2, "veel": 1},
    "branche": {
        "bouw": 1,
        "maritiem": 1,
        "installatietechniek": 1,
        "ict": 1,
        "technologie_wetenschap": 0,
        "techniek_breed": 0,
    },
}


def test_counts_on_hand_made_catalogue(hand_catalogue, origin):
    report = gap_analysis(hand_catalogue, origin, km=10)
    assert report.totaal == 4  # a, b, f within 10 km; d landelijk; c, g and e (lokaal, online) lie farther
    assert {i.id for i in report.initiatieven} == {
        "a_bouwbezoek",
        "b_haven_opendag",
        "f_installatie_dag",
        "d_landelijke_wedstrijd",
    }
    assert report.tellingen == EXPECTED_10KM
    assert report.tellingen_lokaal["doelgroep"]["meisjes"] == 0
    assert report.tellingen_lokaal["schooltype"]["vmbo"] == 2


def test_every_code_is_present_with_zeros(hand_catalogue, origin):
    report = gap_analysis(hand_catalogue, origin)
    assert list(report.tellingen["activiteit"]) == list(vocab.ACTIVITEITEN)
    assert list(report.tellingen["branche"]) == list(vocab.BRANCHES)
    assert report.km == 10


def test_named_gaps(hand_catalogue, origin):
    report = gap_analysis(hand_catalogue, origin, km=10)
    gaps = {(g.dimensie, g.code): g for g in report.gaps}
    nothing = {k for k, g in gaps.items() if g.soort == "geen"}
    only_far = {k for k, g in gaps.items() if g.soort == "alleen_landelijk"}
    assert nothing == {
        ("doelgroep", "migratieachtergrond"),
        ("schooltype", "po"),
        ("schooltype", "vwo"),
        ("activiteit", "samenwerking_school_bedrijf"),
        ("activiteit", "stage"),
        ("activiteit", "leerwerkplekken"),
        ("activiteit", "informatie"),
        ("branche", "technologie_wetenschap"),
        ("branche", "techniek_breed"),
    }
    assert only_far == {
        ("doelgroep", "meisjes"),
        ("schooltype", "havo"),
        ("activiteit", "wedstrijd_online"),
        ("branche", "ict"),
    }
    assert "migratieachtergrond" in gaps[("doelgroep", "migratieachtergrond")].zin
    assert "10 km van Testplein" in gaps[("schooltype", "po")].zin
    assert gaps[("doelgroep", "meisjes")].zin.startswith("Doelgroep – Meisjes: 1 van 4 activiteiten binnen 10 km")
    assert "Alleen landelijk of online" in gaps[("doelgroep", "meisjes")].zin
    # 'praktijk=geen' never counts as a gap
    assert not any(g.dimensie == "praktijk" and g.code != "veel" for g in report.gaps)


def test_smaller_radius_finds_no_doe_activiteit(hand_catalogue, origin):
    report = gap_analysis(hand_catalogue, origin, km=5)
    assert report.totaal == 2  # f (1.1 km) and the landelijk one
    assert report.tellingen["praktijk"]["veel"] == 0
    assert any(g.dimensie == "praktijk" and g.code == "veel" and g.soort == "geen" for g in report.gaps)


def test_only_landelijk_offer_is_named(hand_catalogue, origin, make_ini):
    far = [i for i in hand_catalogue if i.id in ("c_ver_weg_po", "d_landelijke_wedstrijd")]
    report = gap_analysis(far, origin, km=10)
    assert report.tellingen["bereik"] == {"landelijk": 1, "lokaal": 0}
    assert report.gaps[0].dimensie == "bereik" and "geen enkele activiteit ter plaatse" in report.gaps[0].zin


def test_place_as_text_needs_a_knowledge_base(hand_catalogue, kb):
    with pytest.raises(ValueError, match="kennisbank"):
        gap_analysis(hand_catalogue, "3083")
    report = gap_analysis(hand_catalogue, "3083", kb=kb)
    assert report.plaats.soort == "postcode"


def test_real_knowledge_base_by_campus_and_postcode(kb):
    campus = next(iter(kb.campussen.values()))
    report = gap_analysis(kb, campus.id)
    landelijk = sum(1 for i in kb.initiatieven.values() if i.bereik == "landelijk" or i.locatie.lat is None)
    assert report.tellingen["bereik"]["landelijk"] == landelijk  # counted for every place, like the report
    assert report.totaal == len(report.initiatieven)
    assert report.totaal >= landelijk
    with pytest.raises(ValueError):
        gap_analysis(kb, "3083", km=0)


# --- campus comparison ---------------------------------------------------------------
REPORT_ORDER = ("IT&S", "GT", "DIF", "IE&M", "DOC", "ETL", "IT", "BT")  # column order of Tabel 2.2


def table_2_2(seeds_dir) -> dict[str, int]:
    """Read Tabel 2.2 of report 003 at run time: the first line of eight numbers after its title."""
    text = next(seeds_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    after = text[text.index("Tabel 2.2 Aantallen") :]
    line = next(m.group(0) for m in re.finditer(r"(?m)^\s*(\d+\s+){7}\d+\s*$", after))
    return dict(zip(REPORT_ORDER, map(int, line.split()), strict=True))


@pytest.fixture(scope="module")
def comparison(kb):
    return campus_comparison(kb)


def test_comparison_covers_every_campus_and_dimension(comparison, kb):
    assert len(comparison) == len(kb.campussen) == 8
    for camp in comparison:
        keys = {(r.dimensie, r.code) for r in camp.regels}
        assert ("totaal", "totaal") in keys
        assert all((d, c) in keys for d, c in [("bereik", "lokaal"), ("doelgroep", "ouders"), ("branche", "ict")])
        assert all(r.ons_inventarisatie_2023 <= r.ons for r in camp.regels)


def test_every_row_and_campus_is_explained(comparison):
    for camp in comparison:
        assert "voetnoot 9" in camp.toelichting and camp.afkorting in camp.toelichting
        for r in camp.regels:
            assert r.verklaring
            if r.rapport is not None and r.ons != r.rapport:
                assert r.verklaring != "Gelijk aan het rapport."
                assert r.verschil == r.ons - r.rapport


def test_report_figures_come_from_the_campus_data_and_match_table_2_2(comparison, seeds_dir):
    expected = table_2_2(seeds_dir)
    for camp in comparison:
        total = next(r for r in camp.regels if r.dimensie == "totaal")
        assert total.rapport == expected[camp.afkorting]
        assert total.bron and total.bron.startswith("seor2023_promotie#Tabel 2.2")
        bereik = {r.code: r.rapport for r in camp.regels if r.dimensie == "bereik"}
        assert bereik["landelijk"] == 11  # Tabel 4.1: the same 11 landelijk/online ones for every campus
        assert bereik["landelijk"] + bereik["lokaal"] == total.rapport


def test_report_figures_parser_ignores_unknown_descriptions(kb):
    from knowledge.schema import Cijfer

    cijfers = [
        Cijfer(omschrijving="totaal", waarde=30, eenheid="aantal", bron="seor2023_promotie#Tabel 2.2"),
        Cijfer(omschrijving="doelgroep=ouders", waarde=3, eenheid="aantal", bron="seor2023_promotie#Tabel 4.3"),
        Cijfer(omschrijving="iets anders", waarde=1, eenheid="aantal", bron="seor2023_promotie#Tabel 9"),
        Cijfer(omschrijving="doelgroep=opa", waarde=1, eenheid="aantal", bron="seor2023_promotie#Tabel 4.3"),
    ]
    assert report_figures(cijfers) == {
        ("totaal", "totaal"): (30, "seor2023_promotie#Tabel 2.2"),
        ("doelgroep", "ouders"): (3, "seor2023_promotie#Tabel 4.3"),
    }


# row label in the report text (first occurrence after the table title) -> (dimension, code)
TABLE_ROWS: dict[tuple[str, str], tuple[str, str]] = {
    ("4.1", "Landelijk/online"): ("bereik", "landelijk"),
    ("4.1", "Lokaal"): ("bereik", "lokaal"),
    ("4.1", "ROC’s"): ("lokaal_soort", "mbo_instelling"),
    ("4.1", "Jet-Net clusters"): ("lokaal_soort", "jet_net"),
    ("4.1", "Initiatieven"): ("lokaal_soort", "eic_haven"),
    ("4.1", "STO clusters"): ("lokaal_soort", "sto"),
    ("4.1", "Overig"): ("lokaal_soort", "overig"),
    ("4.2", "Primair onderwijs"): ("schooltype", "po"),
    ("4.2", "onderbouw"): ("schooltype", "vo_onderbouw"),
    ("4.2", "bovenbouw"): ("schooltype", "vo_bovenbouw"),
    ("4.2", "Vmbo"): ("schooltype", "vmbo"),
    ("4.2", "Havo"): ("schooltype", "havo"),
    ("4.2", "Vwo"): ("schooltype", "vwo"),
    ("4.3", "Leerlingen"): ("doelgroep", "leerlingen"),
    ("4.3", "Meisjes"): ("doelgroep", "meisjes"),
    ("4.3", "Migratieachtergrond"): ("doelgroep", "migratieachtergrond"),
    ("4.3", "Leraren"): ("doelgroep", "leraren"),
    ("4.3", "Ouders"): ("doelgroep", "ouders"),
    ("4.4", "bedrijven"): ("activiteit", "samenwerking_school_bedrijf"),
    ("4.4", "Bedrijfsbezoek"): ("activiteit", "bedrijfsbezoek"),
    ("4.4", "Stage"): ("activiteit", "stage"),
    ("4.4", "leerwerkplekken mbo"): ("activiteit", "leerwerkplekken"),
    ("4.4", "Gastlessen/lesprogramma’s"): ("activiteit", "gastles"),
    ("4.4", "Informatievoorziening"): ("activiteit", "informatie"),
    ("4.4", "Evenement"): ("activiteit", "evenement"),
    ("4.4", "Open dagen/proefstuderen"): ("activiteit", "open_dag"),
    ("4.4", "activiteit \n"): ("activiteit", "wedstrijd_online"),
    ("4.5", "Geen"): ("praktijk", "geen"),
    ("4.5", "Deels"): ("praktijk", "deels"),
    ("4.5", "Veel"): ("praktijk", "veel"),
    ("4.6", "Bouw"): ("branche", "bouw"),
    ("4.6", "Maritiem"): ("branche", "maritiem"),
    ("4.6", "Installatietechniek"): ("branche", "installatietechniek"),
    ("4.6", "IT/ICT"): ("branche", "ict"),
    ("4.6", "Technologie en wetenschap"): ("branche", "technologie_wetenschap"),
    ("4.6", "Techniek breed"): ("branche", "techniek_breed"),
}


def test_report_figures_match_tables_4_1_to_4_6(kb, seeds_dir):
    """The comparison's input: every campus figure equals the report text and cites the right table."""
    text = next(seeds_dir.glob("003_*.txt")).read_text(encoding="utf-8")
    numbers = re.compile(r"(?m)((?:\d+ ){8}\d+)\s*$")  # eight campuses and the total
    by_abbr = {c.afkorting: report_figures(c.cijfers) for c in kb.campussen.values()}
    checked = 0
    for (table, row_label), key in TABLE_ROWS.items():
        start = re.search(rf"Tabel {re.escape(table)} Aantal", text)
        assert start, table
        segment = text[start.start() : text.index("Bron: SEOR", start.start())]
        found = numbers.search(segment, segment.index(row_label))
        assert found, (table, row_label)
        for abbr, value in zip(REPORT_ORDER, map(int, found.group(1).split()[:8]), strict=True):
            waarde, bron = by_abbr[abbr][key]
            assert (waarde, bron) == (value, f"seor2023_promotie#Tabel {table}"), (abbr, key)
            checked += 1
    assert checked == 8 * 36


def test_low_counts_are_flagged_against_the_region(make_ini, origin):
    """Here: 20 activities within 10 km, 1 for girls (5 %); the region (the whole catalogue) has 40 % for girls.
    1 < half of 40 % x 20 = 8 expected: clearly below the region (laag)."""
    near = [
        make_ini(f"n{i}", 0.01, doelgroepen=["leerlingen", "meisjes"] if i == 0 else ["leerlingen"]) for i in range(20)
    ]
    far = [make_ini(f"f{i}", 0.5, doelgroepen=["meisjes"]) for i in range(20)]  # 55 km away: region only
    report = gap_analysis(near + far, origin, km=10)
    girls = next(k for k in report.kenmerken if (k.dimensie, k.code) == ("doelgroep", "meisjes"))
    assert (girls.hier, girls.aandeel_hier, girls.regio, girls.aandeel_regio) == (1, 0.05, 21, 0.525)
    assert girls.status == "laag"
    gap = next(g for g in report.gaps if g.code == "meisjes")
    assert gap.zin == (
        "Doelgroep – Meisjes: 1 van 20 activiteiten binnen 10 km van Testplein (5%); "
        "in de hele catalogus 52%. Duidelijk minder dan in de regio (minder dan de helft van het "
        "regionale aandeel)."
    )
    pupils = next(k for k in report.kenmerken if k.code == "leerlingen")
    assert pupils.status == "ok"


def test_few_activities_are_flagged_even_when_the_region_has_few_too(make_ini, origin):
    cat = [make_ini(f"n{i}", 0.01, activiteiten=["stage"] if i < 2 else ["gastles"]) for i in range(10)]
    report = gap_analysis(cat, origin, km=10)
    stage = next(k for k in report.kenmerken if k.code == "stage")
    assert stage.hier == 2 and stage.aandeel_hier == stage.aandeel_regio and stage.status == "weinig"
    assert "Weinig aanbod (minder dan 5 activiteiten)" in next(g.zin for g in report.gaps if g.code == "stage")


def test_summary_and_sentences_in_every_language(make_ini, origin):
    from recommender.initiatives import gap_sentence, gap_summary

    cat = [make_ini(f"n{i}", 0.01) for i in range(6)]
    report = gap_analysis(cat, origin, km=10)
    lines = {
        lang: (gap_summary(report, lang), gap_sentence(report.gaps[0], report, lang))
        for lang in ("nl", "en", "tr", "ar", "pl", "uk")
    }
    assert len({v for v in lines.values()}) == 6
    assert lines["nl"][0].startswith(
        "6 activiteiten tellen mee binnen 10 km van Testplein (van 6 in de hele catalogus)."
    )
    assert "Testplein" in lines["ar"][1] and "10" in lines["uk"][1]


def test_own_lists_count_and_are_marked(make_ini, origin):
    curated = [make_ini("a", 0.01)]
    own = [make_ini("b", 0.02, bronnen=["eigen_import#lijst.xlsx 2026-11-30"])]
    report = gap_analysis(curated, origin, km=10, extra=own)
    assert report.totaal == 2 and report.eigen == 1 and report.totaal_regio == 2
    assert [c.eigen_lijst for c in report.initiatieven] == [False, True]

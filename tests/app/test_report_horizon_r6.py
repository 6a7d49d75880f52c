"""Review 5 (R12, R24, R34): in groep 7/8 the verslag never says "Routes (0) ... nog geen route die goed past", a
groep-8 vwo child gets mbo 4 as a view of much later (no mbo open day, not 'after the vmbo profiel'), and a havo
klas-3 mbo 4 line names the school before it says a closer one may exist."""

from __future__ import annotations

from app.report import page_content
from knowledge import KnowledgeBase
from knowledge.i18n import t
from recommender.advies import recommend
from recommender.profile import Profiel

R12 = Profiel(
    leerjaar="groep8",
    schooltype="po",
    schooladvies="vmbo-bb",
    interesses=["koken_horeca", "sport_bewegen"],
    wijk="Schilderswijk",
    taal_ouders="ar",
)
R24 = Profiel(
    leerjaar="groep8",
    schooltype="po",
    schooladvies="vwo",
    interesses=["ict_programmeren", "gaming"],
    wijk="IJsselmonde",
    taal_ouders="tr",
)
R34 = Profiel(
    leerjaar="vo3",
    schooltype="havo",
    interesses=["natuur_proefjes", "dieren_natuur"],
    werkvoorkeuren=["schoon_binnen"],
    gemeente="Delft",
)


def test_groep8_without_routes_reads_as_a_horizon_not_as_zero_routes(kb: KnowledgeBase) -> None:
    advies = recommend(kb, R12)
    assert not advies.routes
    for lang in ("nl", "ar"):
        page = page_content(kb, R12, advies, lang)
        assert page.routes_titel == t("report.routes_title_horizon_geen", lang)
        assert page.geen_routes == t("report.no_routes_horizon", lang)
        assert "(0)" not in page.routes_titel and t("report.no_routes", lang) != page.geen_routes


def test_vmbo_klas3_without_routes_keeps_the_plain_no_route_line(kb: KnowledgeBase) -> None:
    p = Profiel(leerjaar="vo3", schooltype="vmbo-kb", interesses=["koken_horeca"], wijk="Charlois")
    page = page_content(kb, p, recommend(kb, p), "nl")
    assert page.geen_routes == t("report.no_routes", "nl")


def test_groep8_vwo_mbo4_is_for_much_later_without_an_mbo_open_day(kb: KnowledgeBase) -> None:
    advies = recommend(kb, R24)
    assert advies.routes and all(r.zijpad for r in advies.routes)
    for lang in ("nl", "tr"):
        page = page_content(kb, R24, advies, lang)
        assert page.routes_titel.startswith(t("report.routes_title_later", lang, n=0)[:-3])
        for r in page.routes:
            assert t("report.later_havo_vwo", lang) in r.soort and t("report.later", lang) not in r.soort
            assert r.volgende_stap.startswith(t("report.step_havo_vwo_po", lang))
            assert t("report.step_mentor_po", lang) not in r.volgende_stap


def test_havo3_mbo4_line_names_the_school_before_a_closer_one_may_exist(kb: KnowledgeBase) -> None:
    advies = recommend(kb, R34)
    page = page_content(kb, R34, advies, "nl")
    kent_niet = t("advies.afstand_kent_niet", "nl")
    met = [r for r in page.routes if kent_niet in r.volgende_stap]
    assert met
    for r in met:  # 'kijk of er een dichterbij is' always follows a named school
        voor = r.volgende_stap.split(kent_niet)[0]
        assert any(s.naam in voor for s in [*(kb.scholen.values())] if s.soort == "mbo"), r.volgende_stap

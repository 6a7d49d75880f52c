"""Round 8 (review 7): honest tense for old labour-market data, and the other text fixes of issue 13."""

from __future__ import annotations

import re

import pytest

from knowledge.i18n import LANGUAGES, word
from knowledge.loader import KnowledgeBase
from recommender.explain import bijmarkt_zin, markt_zin
from recommender.routes import MARKT_PUNTEN, Markt
from tests.recommender.helpers import review_persona as _persona

# The present-tense labels ("er is een groot tekort") must never stand in a sentence about data from years ago.
NU = {
    lang: [word("arbeidsmarkt", c, lang) for c in ("groot_tekort", "tekort", "goed", "gemiddeld", "beperkt")]
    for lang in LANGUAGES
}


@pytest.mark.parametrize("taal", LANGUAGES)
def test_old_shortage_data_is_said_in_the_past_tense_with_its_year(kb: KnowledgeBase, taal: str) -> None:
    beroepen = [b for b in kb.beroepen.values() if b.arbeidsmarkt.gegevensjaar and b.arbeidsmarkt.label != "onbekend"]
    assert beroepen  # STO Zuid 2019 § A.3.2 (UWV 2018) names several
    for b in beroepen:
        am = b.arbeidsmarkt
        m = Markt(am.label, b.naam, am.bron, MARKT_PUNTEN[am.label], am.regio, am.gegevensjaar)
        for zin in (markt_zin(kb, m, None, taal), bijmarkt_zin(kb, m, taal)):
            assert zin is not None and am.gegevensjaar in zin
            toen = word("arbeidsmarkt_toen", am.label, taal)
            assert toen in zin
            rest = zin.replace(toen, "")  # Arabic's past adds a word before the present clause
            assert not any(re.search(re.escape(nu) + r"(?!\w)", rest) for nu in NU[taal]), zin


def test_past_tense_dutch_reads_as_history() -> None:
    assert word("arbeidsmarkt_toen", "groot_tekort", "nl") == "er was een groot tekort aan vakmensen"


def test_distances_from_a_gemeente_centre_never_say_from_home_and_are_called_straight_lines(kb: KnowledgeBase) -> None:
    from knowledge.i18n import t
    from tests.recommender.helpers import advies

    a = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["bouwen", "elektro"], gemeente="Vlaardingen")
    assert a.plaats is not None and a.plaats.bij_benadering
    redenen = [act.uitleg["nl"] for act in a.activiteiten if act.afstand_km is not None and not act.plek_gemeente]
    assert redenen  # activities with a distance are shown
    van_huis = t("advies.act_afstand", "nl", km="").split()[-1]  # "huis."
    assert not any(van_huis in r for r in redenen), redenen
    assert any("vanaf het midden van Vlaardingen" in r or "midden van Vlaardingen" in r for r in redenen)
    # home is the centre of Vlaardingen: the one straight-line notice also says from where (review 8, round 9)
    for taal in LANGUAGES:
        hemels = t("advies.hemelsbreed_midden", taal, plaats="Vlaardingen")
        assert sum(m.get(taal) == hemels for m in a.goed_om_te_weten) <= 1
    assert [m for m in a.goed_om_te_weten if m["nl"] == t("advies.hemelsbreed_midden", "nl", plaats="Vlaardingen")]
    assert not [m for m in a.goed_om_te_weten if m["nl"] == t("advies.hemelsbreed", "nl")]


def test_pupil_outside_the_known_vmbo_gemeenten_is_told_once_at_the_top_of_the_school_part(kb: KnowledgeBase) -> None:
    from knowledge.i18n import t
    from tests.recommender.helpers import advies

    elders = advies(
        kb, leerjaar="groep8", schooltype="po", schooladvies="vmbo-kb", interesses=["elektro"], gemeente="Delft"
    )
    assert elders.fase_advies is not None
    kop = elders.fase_advies.uitleg
    for tekst in kop.values():
        assert "Delft" in tekst and "scholenopdekaart.nl" in tekst
    assert kop["nl"].startswith("LOB-Kompas kent alleen vmbo-scholen in Rotterdam")
    thuis = advies(
        kb, leerjaar="groep8", schooltype="po", schooladvies="vmbo-kb", interesses=["elektro"], gemeente="Rotterdam"
    )
    assert thuis.fase_advies is not None
    assert "LOB-Kompas kent alleen vmbo-scholen" not in thuis.fase_advies.uitleg["nl"]
    assert t("advies.vmbo_scholen_dekking", "nl", gemeenten="x", gemeente="y") not in thuis.fase_advies.uitleg["nl"]


def test_girls_only_national_item_is_said_plainly_and_still_opens_the_list(kb: KnowledgeBase) -> None:
    from tests.recommender.helpers import advies

    a = advies(kb, **_persona("R16"))  # haven + logistiek, Rozenburg, doelgroep meisjes
    alleen = [m for m in a.meldingen if "Voor meisjes kent LOB-Kompas alleen" in m["nl"]]
    assert len(alleen) == 1 and "VHTO" in alleen[0]["nl"] and "de haven en schepen" in alleen[0]["nl"]
    namen = [x.naam for x in a.activiteiten]
    # the request is honoured first (review 8); the notice above says it is national and not about her interest
    assert a.activiteiten[0].gevraagde_doelgroep == "meisjes", namen
    for taal in a.talen:
        assert "VHTO" in alleen[0][taal]


def test_an_item_only_for_parents_speaks_to_the_parents(kb: KnowledgeBase) -> None:
    from tests.recommender.helpers import advies

    a = advies(kb, n=5, **_persona("R52"))
    ouders = [x for x in a.activiteiten if "ouders" in x.doelgroepen and "leerlingen" not in x.doelgroepen]
    assert ouders
    for x in ouders:
        assert "U maakt" in x.uitleg["nl"] and "vraag je" not in x.uitleg["nl"], x.uitleg["nl"]


def test_a_parents_only_item_is_no_try_out_step_for_the_pupil(kb: KnowledgeBase) -> None:
    from tests.recommender.helpers import advies

    a = advies(kb, n=5, **_persona("R52"))
    ouders = [x.naam for x in a.activiteiten if "ouders" in x.doelgroepen and "leerlingen" not in x.doelgroepen]
    assert ouders and a.fase_advies is not None
    for stap in a.fase_advies.stappen:
        assert not any(naam in stap.tekst["nl"] for naam in ouders), stap.tekst["nl"]


def test_havo_pupil_with_an_interest_outside_techniek_is_sent_to_studiekeuze123_not_kiesmbo(kb: KnowledgeBase) -> None:
    from tests.recommender.helpers import advies

    a = advies(kb, **_persona("R34"))  # havo 3, natuur + dieren
    eerste = a.meldingen[0]
    for taal in a.talen:
        assert "studiekeuze123.nl" in eerste[taal] and "kiesmbo.nl" not in eerste[taal]
    vmbo = advies(kb, leerjaar="vo3", schooltype="vmbo-kb", interesses=["dieren_natuur"], gemeente="Delft")
    assert any("kiesmbo.nl" in m["nl"] and "dieren" in m["nl"] for m in vmbo.meldingen)


def test_parents_as_doelgroep_get_no_interest_notice(kb: KnowledgeBase) -> None:
    from tests.recommender.helpers import advies

    a = advies(kb, **_persona("R25"))
    assert not [m for m in a.meldingen if "Voor ouders kent LOB-Kompas alleen" in m["nl"]]

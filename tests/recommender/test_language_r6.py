"""Language slips of decaan review 5 ("Language remarks"), in every language where the pattern exists:

- no doubled brackets in a profiel name ("Techniek (theoretische leerweg) (TL Techniek)");
- two profielen are a choice ("A of B"), never joined by a semicolon ("Bespreek X; Y met je mentor");
- the Polish interest sentence is not slot-filled ("interesuje się tym: budowanie");
- a sentence never starts with a lower-case word (Turkish "bakım ve sağlık hakkında ..."), except the
  Dutch school words that are always written in lower case (vmbo, mbo, havo, ...);
- the Turkish in-sentence word for zorg en welzijn has the header's order ("sağlık ve bakım").
"""

from __future__ import annotations

import re

import pytest

from knowledge import vocab
from knowledge.i18n import label, t, word
from knowledge.loader import KnowledgeBase
from recommender.explain import profiel_naam
from recommender.models import Advies
from tests.recommender.helpers import advies
from tests.recommender.helpers import review_persona as _persona

# lower case by convention, or an abbreviation inside a sentence ("m.in.", "np.")
KLEIN = re.compile(r"(vmbo|mbo|havo|vwo|hbo|wo\b|kiesmbo|scholenopdekaart|leerbanen|te szkoły|na kiesmbo|z powodu)")


def test_no_profiel_name_has_doubled_brackets(kb: KnowledgeBase) -> None:
    namen = {code: profiel_naam(kb, code) for code in kb.profielen}
    assert not [n for n in namen.values() if ") (" in n], namen
    tl = next(code for code, p in kb.profielen.items() if p.naam.endswith(")"))  # the tl profielen
    assert namen[tl].endswith(f", {kb.profielen[tl].afkorting})"), namen[tl]


@pytest.mark.parametrize("taal", vocab.TALEN)
def test_two_profielen_are_a_choice_not_a_semicolon_list(kb: KnowledgeBase, taal: str) -> None:
    """R13 (klas 1, elektro + gaming): PIE or MVI; the step asks which one fits, in every language."""
    a = advies(
        kb, leerjaar="vo1", schooltype="vmbo-kb", interesses=["elektro", "gaming"], wijk="Schollevaar", taal_ouders=taal
    )
    assert a.fase_advies is not None
    stap = next(s for s in a.fase_advies.stappen if s.soort == "profielkeuze")
    assert len([p for p in a.fase_advies.profielen]) > 1
    for tekst in stap.tekst.values():
        assert ";" not in tekst and "؛" not in tekst, tekst
    assert stap.tekst["nl"].startswith("Welk profiel past het best bij je:"), stap.tekst["nl"]
    for r in a.routes:  # "sluit aan op het vmbo-profiel X of Y", never "X; Y"
        for tekst in r.uitleg.values():
            assert "(PIE);" not in tekst and "(PIE)؛" not in tekst, tekst


def test_the_polish_interest_sentence_is_not_slot_filled(kb: KnowledgeBase) -> None:
    a = advies(kb, **_persona("R07"))  # bouw, Polish parents
    assert a.routes
    for r in a.routes:
        assert "interesuje się tym:" not in r.uitleg["pl"], r.uitleg["pl"]
    assert a.routes[0].uitleg["pl"].startswith("Zainteresowania Państwa dziecka to budowanie."), a.routes[0].uitleg[
        "pl"
    ]


def test_turkish_zorg_word_matches_its_header() -> None:
    assert word("interesse", "zorg_welzijn", "tr").lower() == label("interesse", "zorg_welzijn", "tr").lower()


def _zinnen(a: Advies, taal: str) -> list[str]:
    teksten = [m[taal] for m in a.meldingen] + [x.uitleg[taal] for x in a.activiteiten]
    teksten += [z.tekst[taal] for z in a.sector_uitspraken]
    teksten += [r.uitleg[taal] for r in a.routes] + [r.volgende_stap.tekst[taal] for r in a.routes]
    if a.fase_advies:
        teksten += [s.tekst[taal] for s in a.fase_advies.stappen] + [a.fase_advies.uitleg[taal]]
    # a sentence ends after a word (not after "3." in "klas 3. en 4." or an abbreviation's inner dot)
    return [z for tekst in teksten for z in re.split(r"(?<=[^\d\s.][.!?])\s+", tekst) if z]


@pytest.mark.parametrize("naam", ["R06", "R07", "R12", "R13", "R19", "R31", "R43"])
@pytest.mark.parametrize("taal", vocab.TALEN)
def test_no_sentence_starts_with_a_lower_case_word(kb: KnowledgeBase, naam: str, taal: str) -> None:
    a = advies(kb, **{**_persona(naam), "taal_ouders": taal})
    klein = [z[:80] for z in _zinnen(a, taal) if z[0].islower() and not KLEIN.match(z)]
    assert not klein, klein


def test_the_turkish_sector_sentence_starts_with_the_source(kb: KnowledgeBase) -> None:
    """R43 (drawing + care, Turkish parents): 'SEOR 2026, § 1.1, sağlık ve bakım hakkında ...'."""
    a = advies(kb, **_persona("R43"))
    assert a.sector_uitspraken
    for z in a.sector_uitspraken:
        assert z.tekst["tr"][0].isupper() and "sağlık ve bakım hakkında" in z.tekst["tr"], z.tekst["tr"]
    assert t("advies.sector_eigen", "tr", bron="B", interesse="i", tekst="x").startswith("B")

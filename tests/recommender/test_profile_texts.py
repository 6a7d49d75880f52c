"""Profile validation (Dutch messages listing allowed values), vocab, and the six-language templates."""

from __future__ import annotations

import json
import re

import pytest

from knowledge import vocab
from knowledge.i18n import t
from knowledge.i18n.formats import format_list, format_number
from recommender.advies import vocab as recommend_vocab
from recommender.profile import Profiel, ProfielError, parse_profiel

GOED = {"leerjaar": "vo3", "schooltype": "vmbo-bb", "interesses": ["autos_motoren"], "postcode": "3083"}


def test_valid_profile_roundtrip() -> None:
    p = parse_profiel(json.dumps(GOED))
    assert p.leerweg_voorkeur == "weet_niet" and p.taal_ouders == "nl" and p.max_reisafstand_km == 15
    assert parse_profiel(p.model_dump_json()) == p


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("interesses", ["autos"], vocab.INTERESSES),
        ("werkvoorkeuren", ["binnen"], vocab.WERKVOORKEUREN),
        ("belangrijk", ["roem"], vocab.BELANGRIJK),
        ("leerweg_voorkeur", "BOLBBL", vocab.LEERWEG_VOORKEUR),
        ("taal_ouders", "fr", vocab.TALEN),
        ("schooltype", "mavo", vocab.SCHOOLTYPEN_LEERLING),
        ("doelgroep_activiteiten", ["opa"], vocab.DOELGROEPEN),
    ],
)
def test_unknown_value_lists_allowed(field: str, value: object, allowed: tuple[str, ...]) -> None:
    with pytest.raises(ProfielError) as exc:
        parse_profiel({**GOED, field: value})
    msg = str(exc.value)
    assert "toegestaan" in msg and field in msg
    assert all(a in msg for a in allowed)


def test_unknown_field_and_missing_field() -> None:
    with pytest.raises(ProfielError, match="onbekend veld; toegestane velden: leerjaar"):
        parse_profiel({**GOED, "naam": "Ahmed"})
    with pytest.raises(ProfielError, match="schooltype: dit veld is verplicht"):
        parse_profiel({"leerjaar": "vo3"})


def test_consistency_rules() -> None:
    with pytest.raises(ProfielError, match="past niet bij schooltype 'po'"):
        parse_profiel({**GOED, "schooltype": "po"})  # vo3 is not a po leerjaar
    with pytest.raises(ProfielError, match="toegestaan: TL_TECHNIEK"):
        parse_profiel({**GOED, "schooltype": "vmbo-tl", "profiel": "PIE"})
    with pytest.raises(ProfielError, match="alleen vmbo-leerlingen"):
        parse_profiel({**GOED, "schooltype": "havo", "profiel": "PIE"})
    with pytest.raises(ProfielError, match="geen geldige JSON"):
        parse_profiel("{kapot")
    with pytest.raises(ProfielError, match="JSON-object"):
        parse_profiel("[1, 2]")


@pytest.mark.parametrize(
    ("value", "expected"), [("ver", "verwacht een getal"), (0, "groter zijn dan 0"), (500, "hoogstens 200")]
)
def test_numeric_errors_in_dutch(value: object, expected: str) -> None:
    with pytest.raises(ProfielError, match=expected):
        parse_profiel({**GOED, "max_reisafstand_km": value})
    with pytest.raises(ProfielError, match="verwacht een lijst"):
        parse_profiel({**GOED, "interesses": "bouwen"})


def test_readme_publishes_the_same_points() -> None:
    """The kansrijk rule in recommender/README.md must match the code."""
    from pathlib import Path

    from recommender.routes import MARKT_PUNTEN

    readme = (Path(__file__).resolve().parents[2] / "recommender" / "README.md").read_text(encoding="utf-8")
    for label, punten in MARKT_PUNTEN.items():
        shown = f"{punten:g}"
        assert re.search(rf"\|\s*{label}\s*\|\s*{re.escape(shown)}\s*\|", readme), (label, shown)


def test_duplicates_removed() -> None:
    p = Profiel.model_validate({**GOED, "interesses": ["bouwen", "bouwen", "elektro"]})
    assert p.interesses == ["bouwen", "elektro"]


def test_vocab_lists_every_field(kb) -> None:  # type: ignore[no-untyped-def]
    v = recommend_vocab(kb)
    for field in (
        "leerjaar",
        "schooltype",
        "profiel",
        "interesses",
        "werkvoorkeuren",
        "belangrijk",
        "leerweg_voorkeur",
        "taal_ouders",
        "doelgroep_activiteiten",
        "school",
        "wijk",
        "gemeente",
    ):
        assert v[field], field
    assert v["interesses"] == list(vocab.INTERESSES)
    assert "Charlois" in v["wijk"] or "Charlois" in v["gemeente"]


def test_number_and_list_format() -> None:
    assert format_number(4.25, "nl") == "4,2" or format_number(4.25, "nl") == "4,3"
    assert format_number(4.0, "nl") == "4"
    assert format_number(3.6, "en") == "3.6"
    assert format_list(["a", "b", "c"], "nl") == "a, b en c"
    assert format_list(["a", "b"], "pl") == "a i b"
    assert re.search("[\u0600-\u06ff]", t("advies.po", "ar"))


def test_distances_carry_their_unit_once_in_every_language() -> None:
    from knowledge.i18n import LANGUAGES
    from recommender.explain import km_tekst

    for lang in LANGUAGES:
        for key in ("advies.afstand", "advies.afstand_ver", "advies.act_afstand", "advies.stap_open_dag_km"):
            limit = (
                {"max": km_tekst(15, lang)} if key == "advies.afstand_ver" else {}
            )  # the pupil's limit: a second distance
            text = t(key, lang, km=km_tekst(2.5, lang, True), school="X", **limit)
            assert len(re.findall(r"(?<!\w)(?:km|كم|км)(?!\w)", text)) == 1 + len(limit), (lang, key, text)

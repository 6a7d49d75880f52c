"""The interest check (issue 16): item bank, pictures, the published scoring rule, ties, and reliability."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from knowledge import vocab
from recommender.interest import (
    ITEMS_FILE,
    MIN_ITEMS_PER_WAARDE,
    AntwoordenError,
    ItemBankError,
    dekking,
    load_items,
    parse_antwoorden,
    picture_path,
    profiel_json,
    scoor,
    vul_profiel,
)
from recommender.interest.items import parse_items
from recommender.interest.simulation import betrouwbaarheid, simuleer_leerling

ITEMS = load_items()
BY_ID = {i.id: i for i in ITEMS}
SCRIPT = {"ar": r"[\u0600-\u06ff]", "uk": r"[\u0400-\u04ff]"}


def _items_for(value: str) -> list[str]:
    return [i.id for i in ITEMS if value in i.meet]


def _answers(default: str = "weet_niet", **by_value: str) -> dict[str, str]:
    """Every item ``default``; items measuring one of ``by_value``'s interests get that answer."""
    out = dict.fromkeys(BY_ID, default)
    for value, answer in by_value.items():
        for item_id in _items_for(value):
            out[item_id] = answer
    return out


# --------------------------------------------------------------------------- item bank


def test_bank_stays_short() -> None:
    # two pictures per interest (19 interests since issue 13) and no more than 36: about six minutes
    assert len(ITEMS) <= 36


@pytest.mark.parametrize("value", vocab.INTERESSES + vocab.WERKVOORKEUREN)
def test_every_profile_value_is_measured_by_at_least_two_items(value: str) -> None:
    # reads the vocabulary itself: a value added to knowledge/vocab.py fails here until items measure it
    assert dekking(ITEMS)[value] >= MIN_ITEMS_PER_WAARDE, f"add items for '{value}' to {ITEMS_FILE}"


def test_interests_are_balanced_so_the_check_does_not_push_techniek() -> None:
    counts = [dekking(ITEMS)[v] for v in vocab.INTERESSES]
    assert max(counts) - min(counts) <= 1, counts


def test_every_item_has_words_in_six_languages_in_the_right_script() -> None:
    for item in ITEMS:
        assert set(item.woorden) == set(vocab.TALEN), item.id
        for lang, pattern in SCRIPT.items():
            assert re.search(pattern, item.woorden[lang]), (item.id, lang)
        assert len({item.woorden[lang] for lang in vocab.TALEN}) >= 5, f"{item.id}: untranslated words"


def test_pictures_are_local_svg_without_outside_references() -> None:
    seen = set()
    for item in ITEMS:
        path = picture_path(item)
        text = path.read_text(encoding="utf-8")
        root = ET.fromstring(text)
        assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("viewBox"), item.plaatje
        assert len(root) > 5, f"{item.plaatje} is nearly empty"
        without_ns = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "http" not in without_ns and "<image" not in text and "<script" not in text, item.plaatje
        assert "<text" not in text, f"{item.plaatje}: words belong next to the picture, in the pupil's language"
        seen.add(item.plaatje)
    assert len(seen) == len(ITEMS), "every item has its own picture"


def test_broken_item_banks_give_clear_messages(tmp_path: Path) -> None:
    raw = yaml.safe_load(ITEMS_FILE.read_text(encoding="utf-8"))
    pictures = ITEMS_FILE.parent / "pictures"

    def broken(change) -> str:  # type: ignore[no-untyped-def]
        data = yaml.safe_load(ITEMS_FILE.read_text(encoding="utf-8"))
        change(data["items"])
        with pytest.raises(ItemBankError) as exc:
            parse_items(data, pictures)
        return str(exc.value)

    assert len(parse_items(raw, pictures)) == len(ITEMS)
    assert "twee keer" in broken(lambda items: items.append(dict(items[0])))
    assert "bestaat niet" in broken(lambda items: items[0].update(plaatje="weg.svg"))
    assert "geen geldige interesse of werkvoorkeur" in broken(lambda items: items[0].update(meet=["gamen"]))
    assert "ontbreekt in: ar" in broken(lambda items: items[1]["woorden"].pop("ar"))
    with pytest.raises(ItemBankError, match="lijst 'items:'"):
        parse_items({"items": []}, pictures)


# --------------------------------------------------------------------------- the scoring rule


@pytest.mark.parametrize(
    ("answers", "score"),
    [
        (("leuk", "leuk"), 1.0),
        (("leuk", "weet_niet"), 0.5),
        (("leuk", "niet_leuk"), 0.25),
        (("weet_niet", "weet_niet"), 0.0),
        (("weet_niet", "niet_leuk"), -0.25),
        (("niet_leuk", "niet_leuk"), -0.5),
    ],
)
def test_published_score_table(answers: tuple[str, str], score: float) -> None:
    """README: leuk 2, weet niet 0, niet leuk -1, divided by 2 x the number of items measuring the value."""
    first, second = _items_for("autos_motoren")
    uitslag = scoor(ITEMS, {first: answers[0], second: answers[1]})
    autos = next(s for s in uitslag.scores if s.waarde == "autos_motoren")
    assert autos.items == 2 and autos.score == score
    assert ("autos_motoren" in uitslag.interesses.leuk) == (score >= 0.25)


def test_clear_pattern_fills_the_profile() -> None:
    uitslag = scoor(ITEMS, _answers("niet_leuk", autos_motoren="leuk", zorg_welzijn="leuk"))
    assert uitslag.interesses.status == "duidelijk"
    assert uitslag.interesses.top == ["autos_motoren", "zorg_welzijn"]
    assert uitslag.profiel_velden["interesses"] == ["autos_motoren", "zorg_welzijn"]
    assert uitslag.probeer == []
    assert uitslag.beantwoord == len(ITEMS) and uitslag.antwoorden["leuk"] == 4


def test_work_preference_follows_the_liked_pictures() -> None:
    answers = _answers(
        "niet_leuk", zorg_welzijn="leuk", economie_handel="leuk", koken_horeca="leuk", sport_bewegen="leuk"
    )
    uitslag = scoor(ITEMS, answers)
    assert uitslag.werkvoorkeuren.top[0] == "mensen"


def test_all_weet_niet_is_no_clear_picture_with_balanced_suggestions() -> None:
    uitslag = scoor(ITEMS, _answers("weet_niet"))
    assert uitslag.interesses.status == "geen_beeld" and uitslag.werkvoorkeuren.status == "geen_beeld"
    assert uitslag.profiel_velden == {"interesses": [], "werkvoorkeuren": []}
    assert len(uitslag.probeer) == 4
    technisch = [any(v in vocab.TECHNISCHE_INTERESSES for v in BY_ID[i].meet) for i in uitslag.probeer]
    assert technisch == [True, False, True, False], "suggestions take turns: techniek and not techniek"


def test_no_answers_at_all_is_no_clear_picture() -> None:
    uitslag = scoor(ITEMS, {})
    assert uitslag.beantwoord == 0 and uitslag.antwoorden["weet_niet"] == len(ITEMS)
    assert uitslag.interesses.status == "geen_beeld" and uitslag.probeer


def test_all_niet_leuk_is_no_clear_picture() -> None:
    uitslag = scoor(ITEMS, _answers("niet_leuk"))
    assert uitslag.interesses.status == "geen_beeld" and uitslag.profiel_velden["interesses"] == []


def test_everything_leuk_is_flat_and_prefills_nothing() -> None:
    uitslag = scoor(ITEMS, _answers("leuk"))
    assert uitslag.interesses.status == "vlak"
    assert uitslag.interesses.top == [] and len(uitslag.interesses.leuk) == len(vocab.INTERESSES)
    assert uitslag.probeer, "a flat result suggests what to try out"


def test_ties_at_the_last_place_are_all_shown() -> None:
    four = ("bouwen", "koken_horeca", "ict_programmeren", "zorg_welzijn")
    uitslag = scoor(ITEMS, _answers("niet_leuk", **dict.fromkeys(four, "leuk")))
    assert uitslag.interesses.status == "gelijk" and set(uitslag.interesses.top) == set(four)


def test_a_clear_favourite_survives_a_crowd_tied_behind_it() -> None:
    answers = _answers("niet_leuk", autos_motoren="leuk")
    for value in ("bouwen", "elektro", "koken_horeca", "zorg_welzijn", "sport_bewegen", "machines"):
        answers[_items_for(value)[0]] = "leuk"  # one of two pictures: score 0.25 each, six-way tie
    uitslag = scoor(ITEMS, answers)
    assert uitslag.interesses.top == ["autos_motoren"] and uitslag.interesses.status == "duidelijk"
    assert len(uitslag.interesses.leuk) == 7


def test_unanswered_items_count_as_weet_niet() -> None:
    first, _ = _items_for("machines")
    uitslag = scoor(ITEMS, {first: "leuk"})
    machines = next(s for s in uitslag.scores if s.waarde == "machines")
    assert (machines.leuk, machines.weet_niet, machines.score) == (1, 1, 0.5)
    assert uitslag.beantwoord == 1


def test_check_adds_to_what_the_mentor_typed() -> None:
    uitslag = scoor(ITEMS, _answers("niet_leuk", autos_motoren="leuk"))
    assert vul_profiel({"interesses": ["bouwen", "autos_motoren"], "werkvoorkeuren": ["buiten"]}, uitslag) == {
        "interesses": ["bouwen", "autos_motoren"],
        "werkvoorkeuren": ["buiten", *uitslag.profiel_velden["werkvoorkeuren"]],
    }


def test_profile_json_is_a_valid_profile() -> None:
    data = profiel_json("vmbo-kb", "vo2", {"interesses": ["autos_motoren"], "werkvoorkeuren": ["handen"]})
    assert data == {
        "leerjaar": "vo2",
        "schooltype": "vmbo-kb",
        "interesses": ["autos_motoren"],
        "werkvoorkeuren": ["handen"],
    }
    with pytest.raises(ValueError, match="past niet bij schooltype"):
        profiel_json("po", "vo3", {})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("[1, 2", "geen geldige JSON"),
        ('["leuk"]', "verwacht een JSON-object"),
        ('{"gamen": "leuk"}', "onbekende item-id"),
        ('{"koken": "ja"}', "ongeldig; toegestaan: leuk, weet_niet, niet_leuk"),
        ('{"koken": null}', "ongeldig"),
    ],
)
def test_bad_answers_give_clear_messages(data: str, message: str) -> None:
    with pytest.raises(AntwoordenError, match=re.escape(message)):
        parse_antwoorden(data, ITEMS)


def test_good_answers_parse() -> None:
    assert parse_antwoorden('{"koken": "leuk", "heftruck": "niet_leuk"}', ITEMS) == {
        "koken": "leuk",
        "heftruck": "niet_leuk",
    }


# --------------------------------------------------------------------------- reliability


def test_simulated_pupil_without_noise_answers_by_its_liking() -> None:
    import random

    answers = simuleer_leerling(ITEMS, {"autos_motoren"}, random.Random(1))
    assert all(answers[i] == "leuk" for i in _items_for("autos_motoren"))
    assert scoor(ITEMS, answers).interesses.top == ["autos_motoren"]


@pytest.mark.parametrize(("ruis", "soort"), [(0.10, "willekeurig"), (0.15, "twijfel")])
def test_simulated_pupils_get_their_interests_back(ruis: float, soort: str) -> None:
    """>= 90% of 1000 simulated pupils (1-3 liked interests, noisy answers) find all of them in their top."""
    result = betrouwbaarheid(ITEMS, simulaties=1000, ruis=ruis, soort_ruis=soort, seed=16)  # type: ignore[arg-type]
    assert result.interesses_terug >= 0.90, result
    assert result.gemiddeld_aantal_top <= 3.5, "a hit must not come from showing (nearly) everything"


def test_reliability_measure_can_fail() -> None:
    """Pupils who click at random do not get 'their' interests back: the measure is not vacuous."""
    result = betrouwbaarheid(ITEMS, simulaties=300, ruis=1.0, seed=16)
    assert result.interesses_terug < 0.3, result

"""The item bank of the interest check: ``items.yaml`` plus one picture per item, validated once at load.

An item is a picture with a few words and the profile values it measures (``meet``): interest codes
(``knowledge.vocab.INTERESSES``) and work-preference codes (``WERKVOORKEUREN``). The bank is data:
adding a profile value means adding items to the YAML file, not code.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from knowledge import vocab
from knowledge.schema import one_of

ITEMS_FILE = Path(__file__).with_name("items.yaml")
PICTURES_DIR = Path(__file__).with_name("pictures")
MEETBARE_WAARDEN: tuple[str, ...] = vocab.INTERESSES + vocab.WERKVOORKEUREN
MIN_ITEMS_PER_WAARDE = 2  # one picture is a coin flip; two at least show whether the liking holds

MeetWaarde = Annotated[str, one_of(MEETBARE_WAARDEN, "interesse of werkvoorkeur")]
Soort = Literal["interesse", "werkvoorkeur"]


def soort(waarde: str) -> Soort:
    """Which profile field a measured value belongs to."""
    return "interesse" if waarde in vocab.INTERESSES else "werkvoorkeur"


class Item(BaseModel):
    """One picture of the check."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str = Field(pattern=r"^[a-z0-9_]+$", description="code of the item; the key in an answers file")
    plaatje: str = Field(pattern=r"^[a-z0-9_]+\.svg$", description="file in recommender/interest/pictures/")
    meet: tuple[MeetWaarde, ...] = Field(min_length=1, description="profile values this item measures")
    woorden: dict[str, str] = Field(description="the words under the picture, per language")

    @field_validator("meet")
    @classmethod
    def _no_repeats(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(values)) != len(values):
            raise ValueError(f"een waarde staat twee keer in 'meet': {', '.join(values)}")
        return values

    @field_validator("woorden")
    @classmethod
    def _every_language(cls, words: dict[str, str]) -> dict[str, str]:
        missing = [t for t in vocab.TALEN if not str(words.get(t) or "").strip()]
        extra = sorted(set(words) - set(vocab.TALEN))
        if missing or extra:
            parts = [f"ontbreekt in: {', '.join(missing)}"] if missing else []
            parts += [f"onbekende taal: {', '.join(extra)}"] if extra else []
            raise ValueError("; ".join(parts))
        return {t: words[t].strip() for t in vocab.TALEN}

    def tekst(self, lang: str) -> str:
        """The words in ``lang`` (Dutch for an unknown language)."""
        return self.woorden.get(lang) or self.woorden["nl"]


class ItemBankError(ValueError):
    """The item bank file is broken; the message says which item and what to fix (Dutch)."""


def picture_path(item: Item) -> Path:
    return PICTURES_DIR / item.plaatje


def _fout(exc: ValidationError, where: str) -> ItemBankError:
    lines = [
        f"  - {where}.{'.'.join(str(p) for p in e['loc'])}: {e['msg'].removeprefix('Value error, ')}"
        for e in exc.errors()
    ]
    return ItemBankError("De itembank van de interessecheck klopt niet:\n" + "\n".join(lines))


def parse_items(raw: object, pictures: Path = PICTURES_DIR) -> tuple[Item, ...]:
    """Validate the parsed YAML of an item bank: fields, unique ids, pictures that exist."""
    if not isinstance(raw, dict) or not isinstance(raw.get("items"), list) or not raw["items"]:
        raise ItemBankError("De itembank moet een lijst 'items:' met minstens één item hebben.")
    items: list[Item] = []
    for i, entry in enumerate(raw["items"]):
        where = f"items[{i}]" + (f" ({entry.get('id')})" if isinstance(entry, dict) and entry.get("id") else "")
        try:
            items.append(Item.model_validate(entry))
        except ValidationError as exc:
            raise _fout(exc, where) from None
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ItemBankError(f"Item-id '{item.id}' staat twee keer in de itembank.")
        seen.add(item.id)
        if not (pictures / item.plaatje).is_file():
            raise ItemBankError(f"Item '{item.id}': plaatje '{item.plaatje}' bestaat niet in {pictures}.")
    return tuple(items)


@cache
def load_items(path: Path = ITEMS_FILE) -> tuple[Item, ...]:
    """The item bank, in the order the pupil sees it (read and validated once per process)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ItemBankError(f"Kan de itembank {path} niet lezen: {exc}") from None
    return parse_items(raw, path.parent / "pictures")


def dekking(items: Iterable[Item]) -> dict[str, int]:
    """How many items measure each interest and work-preference value (0 for a value no item measures)."""
    counts = dict.fromkeys(MEETBARE_WAARDEN, 0)
    for item in items:
        for waarde in item.meet:
            counts[waarde] += 1
    return counts

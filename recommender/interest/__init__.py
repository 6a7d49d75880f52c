"""The interest check (issue 16): a short picture-based check of what a pupil likes.

``load_items()`` gives the item bank (``items.yaml`` + ``pictures/``), ``parse_antwoorden`` checks an
answers map, ``scoor(items, antwoorden)`` gives an :class:`Uitslag` with a score per interest and
work-preference value and the profile fields it fills. The rule is in recommender/README.md.
Answers are used and forgotten: nothing here logs or stores them.
"""

from recommender.interest.items import (
    ITEMS_FILE,
    MEETBARE_WAARDEN,
    MIN_ITEMS_PER_WAARDE,
    PICTURES_DIR,
    Item,
    ItemBankError,
    dekking,
    load_items,
    picture_path,
    soort,
)
from recommender.interest.scoring import (
    ANTWOORDEN,
    DREMPEL,
    MAX_GELIJK,
    MAX_TOP,
    PUNTEN,
    AntwoordenError,
    Deel,
    Uitslag,
    WaardeScore,
    parse_antwoorden,
    profiel_json,
    scoor,
    vul_profiel,
)

__all__ = [
    "ANTWOORDEN",
    "DREMPEL",
    "ITEMS_FILE",
    "MAX_GELIJK",
    "MAX_TOP",
    "MEETBARE_WAARDEN",
    "MIN_ITEMS_PER_WAARDE",
    "PICTURES_DIR",
    "PUNTEN",
    "AntwoordenError",
    "Deel",
    "Item",
    "ItemBankError",
    "Uitslag",
    "WaardeScore",
    "dekking",
    "load_items",
    "parse_antwoorden",
    "picture_path",
    "profiel_json",
    "scoor",
    "soort",
    "vul_profiel",
]

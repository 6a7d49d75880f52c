"""The development personas: one profile each, as a mentor would fill it in, with who the pupil is.

Used by test_personas.py (the decaan's key expectations) and by the persona review
(docs/persona_review.md): ``python -m tests.recommender.personas OUT_DIR`` writes one JSON profile per
persona so that ``lob-kompas recommend --profile OUT_DIR/P01.json`` can be read as a decaan would.
The profile holds no name and no gender; the description says who the persona is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

PERSONAS: dict[str, tuple[str, dict[str, Any]]] = {
    "P01": (
        "jongen, vmbo-bb klas 3, Charlois, houdt van auto's, werkt graag met zijn handen",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-bb",
            "interesses": ["autos_motoren"],
            "werkvoorkeuren": ["handen"],
            "wijk": "Charlois",
        },
    ),
    "P02": (
        "meisje, vmbo-tl klas 3, Hillesluis, zorg en sport, geen techniek",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-tl",
            "interesses": ["zorg_welzijn", "sport_bewegen"],
            "werkvoorkeuren": ["mensen"],
            "postcode": "3074",
        },
    ),
    "P03": (
        "jongen, vmbo-tl klas 3, Hillesluis, economie en handel",
        {"leerjaar": "vo3", "schooltype": "vmbo-tl", "interesses": ["economie_handel"], "postcode": "3074"},
    ),
    "P04": (
        "jongen, vmbo-kb klas 3 op Dalton Palmentuin (geen techniekprofiel), profiel D&P, elektro en machines",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-kb",
            "school": "vmbo_dalton_palmentuin",
            "profiel": "DP",
            "interesses": ["elektro", "machines"],
            "wijk": "Lombardijen",
        },
    ),
    "P05": (
        "meisje, vmbo-gl klas 2 op Calvijn Zuidermavo, ICT",
        {
            "leerjaar": "vo2",
            "schooltype": "vmbo-gl",
            "school": "vmbo_calvijn_zuidermavo",
            "interesses": ["ict_programmeren"],
            "postcode": "3083",
        },
    ),
    "P06": (
        "jongen, vmbo-tl klas 3 op Calvijn Zuidermavo (TL techniek), ICT",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-tl",
            "school": "vmbo_calvijn_zuidermavo",
            "interesses": ["ict_programmeren"],
            "postcode": "3083",
        },
    ),
    "P07": (
        "jongen, havo 4, Rotterdam, ICT en programmeren, werkt graag met computers",
        {
            "leerjaar": "vo4",
            "schooltype": "havo",
            "interesses": ["ict_programmeren"],
            "werkvoorkeuren": ["computers"],
            "gemeente": "Rotterdam",
        },
    ),
    "P08": (
        "meisje, groep 8, Feijenoord, bouwen en maken",
        {"leerjaar": "groep8", "schooltype": "po", "interesses": ["bouwen", "maken_ontwerpen"], "wijk": "Feijenoord"},
    ),
    "P09": (
        "jongen, vmbo-kb klas 4, Heijplaat, haven, wil BBL",
        {
            "leerjaar": "vo4",
            "schooltype": "vmbo-kb",
            "interesses": ["haven_schepen"],
            "leerweg_voorkeur": "BBL",
            "postcode": "3089",
        },
    ),
    "P10": (
        "meisje, vmbo-tl klas 4, IJsselmonde, elektro, wil doorleren naar hbo",
        {
            "leerjaar": "vo4",
            "schooltype": "vmbo-tl",
            "interesses": ["elektro"],
            "belangrijk": ["doorleren_hbo"],
            "wijk": "IJsselmonde",
        },
    ),
    "P11": (
        "jongen, vmbo-bb klas 3, Charlois, elektro, wil snel geld verdienen, ouders Arabisch",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-bb",
            "interesses": ["elektro"],
            "belangrijk": ["snel_geld"],
            "wijk": "Charlois",
            "taal_ouders": "ar",
        },
    ),
    "P12": (
        "jongen, vmbo-kb klas 3 met profiel M&T, Oud-Charlois, auto's, ouders Pools",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-kb",
            "profiel": "MT",
            "interesses": ["autos_motoren"],
            "postcode": "3082",
            "taal_ouders": "pl",
        },
    ),
    "P13": (
        "meisje, vmbo-gl klas 3, Tarwewijk, proefjes en onderzoek",
        {"leerjaar": "vo3", "schooltype": "vmbo-gl", "interesses": ["natuur_proefjes"], "postcode": "3083"},
    ),
    "P14": (
        "jongen, vmbo-kb klas 2, Tarwewijk, bouwen, mentor vraagt ook ouderactiviteiten, ouders Turks",
        {
            "leerjaar": "vo2",
            "schooltype": "vmbo-kb",
            "interesses": ["bouwen"],
            "postcode": "3083",
            "doelgroep_activiteiten": ["ouders"],
            "taal_ouders": "tr",
        },
    ),
    "P15": (
        "jongen, vmbo-kb klas 3, Charlois, bouwen, wil niet verder dan 5 km reizen",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-kb",
            "interesses": ["bouwen"],
            "wijk": "Charlois",
            "max_reisafstand_km": 5,
        },
    ),
    "P16": (
        "meisje, vmbo-gl klas 3, geen plaats opgegeven, energie en duurzaamheid",
        {"leerjaar": "vo3", "schooltype": "vmbo-gl", "interesses": ["energie_duurzaamheid"]},
    ),
    "P17": (
        "jongen, vwo 5, Schiedam, proefjes en energie, ouders Oekraïens",
        {
            "leerjaar": "vo5",
            "schooltype": "vwo",
            "interesses": ["natuur_proefjes", "energie_duurzaamheid"],
            "gemeente": "Schiedam",
            "taal_ouders": "uk",
        },
    ),
    "P18": (
        "jongen, vmbo-kb klas 3, Tarwewijk, bouwen, elektro en machines, werkt met zijn handen",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-kb",
            "interesses": ["bouwen", "elektro", "machines"],
            "werkvoorkeuren": ["handen"],
            "postcode": "3083",
        },
    ),
    "P19": (
        "meisje, vmbo-gl klas 4, Heijplaat, logistiek en haven, baanzekerheid",
        {
            "leerjaar": "vo4",
            "schooltype": "vmbo-gl",
            "interesses": ["logistiek", "haven_schepen"],
            "postcode": "3089",
            "belangrijk": ["baanzekerheid"],
        },
    ),
    "P20": (
        "jongen, vmbo-bb klas 3, Charlois, bouwen, buiten, baanzekerheid en snel geld",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-bb",
            "interesses": ["bouwen"],
            "werkvoorkeuren": ["buiten"],
            "belangrijk": ["baanzekerheid", "snel_geld"],
            "wijk": "Charlois",
        },
    ),
    # --- added in issue 13: all leerwegen, groep 7 to vwo 6, places across the region, parents tr/ar/pl/uk
    "P21": (
        "meisje, groep 8, Oude Noorden (Rotterdam Noord), tekenen en gamen, verwacht kader-advies, ouders Turks",
        {
            "leerjaar": "groep8",
            "schooltype": "po",
            "schooladvies": "vmbo-kb",
            "interesses": ["tekenen_ontwerpen", "gaming"],
            "wijk": "Oude Noorden",
            "taal_ouders": "tr",
        },
    ),
    "P22": (
        "jongen, groep 7, Spijkenisse, auto's en machines, nog geen advies, ouders Pools",
        {
            "leerjaar": "groep7",
            "schooltype": "po",
            "interesses": ["autos_motoren", "machines"],
            "wijk": "Spijkenisse",
            "taal_ouders": "pl",
        },
    ),
    "P23": (
        "meisje, vmbo-kb klas 2, Schilderswijk (Den Haag), elektro en energie, mentor vraagt meisjesactiviteiten, "
        "ouders Arabisch",
        {
            "leerjaar": "vo2",
            "schooltype": "vmbo-kb",
            "interesses": ["elektro", "energie_duurzaamheid"],
            "wijk": "Schilderswijk",
            "doelgroep_activiteiten": ["meisjes"],
            "taal_ouders": "ar",
        },
    ),
    "P24": (
        "jongen, vmbo-bb klas 3, Schiedam (3117), dieren en natuur, machines, buiten en met zijn handen",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-bb",
            "interesses": ["dieren_natuur", "machines"],
            "werkvoorkeuren": ["buiten", "handen"],
            "postcode": "3117",
        },
    ),
    "P25": (
        "meisje, vmbo-gl klas 4, Delft (2624), houdt van auto's, werkt met haar handen, ouders Oekraïens",
        {
            "leerjaar": "vo4",
            "schooltype": "vmbo-gl",
            "interesses": ["autos_motoren"],
            "werkvoorkeuren": ["handen"],
            "postcode": "2624",
            "taal_ouders": "uk",
        },
    ),
    "P26": (
        "jongen, havo 4, Zoetermeer, programmeren, computers, ouders Pools",
        {
            "leerjaar": "vo4",
            "schooltype": "havo",
            "interesses": ["ict_programmeren"],
            "werkvoorkeuren": ["computers"],
            "gemeente": "Zoetermeer",
            "taal_ouders": "pl",
        },
    ),
    "P27": (
        "meisje, havo 5, Kralingen, tekenen en bouwen, liever schoon en binnen, creatief, wil naar hbo, "
        "ouders Arabisch",
        {
            "leerjaar": "vo5",
            "schooltype": "havo",
            "interesses": ["tekenen_ontwerpen", "bouwen"],
            "werkvoorkeuren": ["schoon_binnen", "creatief"],
            "belangrijk": ["doorleren_hbo"],
            "wijk": "Kralingen",
            "taal_ouders": "ar",
        },
    ),
    "P28": (
        "jongen, vwo 6, Delft, haven en schepen, machines, ouders Turks",
        {
            "leerjaar": "vo6",
            "schooltype": "vwo",
            "interesses": ["haven_schepen", "machines"],
            "gemeente": "Delft",
            "taal_ouders": "tr",
        },
    ),
    "P29": (
        "meisje, vmbo-tl klas 3, Spijkenisse, zorg en proefjes, liever schoon en binnen, ouders Arabisch",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-tl",
            "interesses": ["zorg_welzijn", "natuur_proefjes"],
            "werkvoorkeuren": ["schoon_binnen"],
            "wijk": "Spijkenisse",
            "taal_ouders": "ar",
        },
    ),
    "P30": (
        "jongen, vmbo-bb klas 4, Rotterdam Zuid, bouwen, buiten en handen, wil BBL en snel geld, ouders Pools",
        {
            "leerjaar": "vo4",
            "schooltype": "vmbo-bb",
            "interesses": ["bouwen"],
            "werkvoorkeuren": ["buiten", "handen"],
            "leerweg_voorkeur": "BBL",
            "belangrijk": ["snel_geld"],
            "wijk": "Rotterdam Zuid",
            "taal_ouders": "pl",
        },
    ),
    "P31": (
        "jongen, vmbo-kb klas 1, Zoetermeer, gamen en programmeren, ouders Oekraïens",
        {
            "leerjaar": "vo1",
            "schooltype": "vmbo-kb",
            "interesses": ["gaming", "ict_programmeren"],
            "gemeente": "Zoetermeer",
            "taal_ouders": "uk",
        },
    ),
    "P32": (
        "jongen, havo 4, Spangen (Rotterdam West), auto's en economie, wil BBL maar ook naar hbo, ouders Turks",
        {
            "leerjaar": "vo4",
            "schooltype": "havo",
            "interesses": ["autos_motoren", "economie_handel"],
            "leerweg_voorkeur": "BBL",
            "belangrijk": ["doorleren_hbo"],
            "wijk": "Spangen",
            "taal_ouders": "tr",
        },
    ),
    "P33": (
        "meisje, vmbo-bb klas 3 ingevuld op een mavo (Calvijn Zuidermavo), koken en economie, ouders Arabisch",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-bb",
            "school": "vmbo_calvijn_zuidermavo",
            "interesses": ["koken_horeca", "economie_handel"],
            "postcode": "3083",
            "taal_ouders": "ar",
        },
    ),
    "P34": (
        "jongen, vmbo-gl klas 3, net verhuisd uit Amsterdam (postcode 1012), elektro",
        {"leerjaar": "vo3", "schooltype": "vmbo-gl", "interesses": ["elektro"], "postcode": "1012"},
    ),
    "P35": (
        "meisje, vmbo-kb klas 3, Escamp (Den Haag Zuidwest), ICT en media, meisjesactiviteiten, ouders Turks",
        {
            "leerjaar": "vo3",
            "schooltype": "vmbo-kb",
            "interesses": ["ict_programmeren", "media_vormgeving"],
            "wijk": "Den Haag Zuidwest",
            "doelgroep_activiteiten": ["meisjes"],
            "taal_ouders": "tr",
        },
    ),
    "P36": (
        "meisje, groep 8, Blijdorp, proefjes en dieren, havo-advies, ouders Oekraïens",
        {
            "leerjaar": "groep8",
            "schooltype": "po",
            "schooladvies": "havo",
            "interesses": ["natuur_proefjes", "dieren_natuur"],
            "wijk": "Blijdorp",
            "taal_ouders": "uk",
        },
    ),
}


def write_profiles(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for key, (_, profiel) in PERSONAS.items():
        path = out / f"{key}.json"
        path.write_text(json.dumps(profiel, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in write_profiles(Path(sys.argv[1] if len(sys.argv) > 1 else "personas")):
        print(p)

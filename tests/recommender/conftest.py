"""Fixtures for the recommender tests: a tiny hand-built knowledge base for the pure functions.

The persona tests use the real knowledge base (fixture ``kb`` from tests/conftest.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.loader import KnowledgeBase, check_references
from knowledge.schema import Beroep, Bron, Gebied, Initiatief, Opleiding, School, Vmbo


def _bron(id_: str, soort: str = "rapport") -> Bron:
    return Bron(id=id_, titel=f"Titel {id_}", uitgever="Uitgever", jaar=2024, soort=soort)


def _opl(id_: str, niveau: int, richting: str, interesses: list[str], beroepen: list[str], **kw: Any) -> Opleiding:
    data: dict[str, Any] = dict(
        id=id_,
        naam=id_.replace("_", " ").title(),
        niveau=niveau,
        leerwegen=["BOL", "BBL"],
        richting=richting,
        omschrijving="x",
        vmbo_profielen=["PIE"],
        vooropleidingen=["vmbo-bb", "vmbo-kb", "vmbo-gl", "vmbo-tl", "havo", "vwo"],
        beroepen=beroepen,
        interesses=interesses,
        werkvoorkeuren=["handen"],
        locaties=[{"school": "mbo_a", "leerwegen": ["BOL", "BBL"]}],
        bronnen=["rap#1"],
    )
    data.update(kw)
    return Opleiding.model_validate(data)


def _ber(id_: str, label: str, bron: str = "rap#2", **kw: Any) -> Beroep:
    data: dict[str, Any] = dict(
        id=id_,
        naam=id_.title(),
        omschrijving="x",
        sector="elektrotechniek",
        werkvoorkeuren=["handen"],
        interesses=["elektro"],
        arbeidsmarkt={"label": label, "toelichting": "x", "bron": bron},
        bronnen=["rap#2"],
    )
    data.update(kw)
    return Beroep.model_validate(data)


def _school(id_: str, soort: str, lat: float, lon: float, **kw: Any) -> School:
    data: dict[str, Any] = dict(
        id=id_, naam=id_.upper(), soort=soort, locatie={"lat": lat, "lon": lon, "precisie": "adres"}, bronnen=["geo"]
    )
    data.update(kw)
    return School.model_validate(data)


def _ini(id_: str, lat: float | None, lon: float | None, **kw: Any) -> Initiatief:
    loc: dict[str, Any] = (
        {"lat": lat, "lon": lon, "precisie": "adres"} if lat is not None else {"precisie": "landelijk"}
    )
    data: dict[str, Any] = dict(
        id=id_,
        naam=id_,
        omschrijving="x",
        organisator="o",
        bereik="lokaal" if lat is not None else "landelijk",
        lokaal_soort="overig" if lat is not None else None,
        schooltypen=["vmbo"],
        doelgroepen=["leerlingen"],
        activiteiten=["gastles"],
        praktijkgerichtheid="veel",
        branches=["installatietechniek"],
        locatie=loc,
        classificatie="algemene_kennis",
        bronnen=["eigen"],
    )
    data.update(kw)
    return Initiatief.model_validate(data)


def build_tiny_kb() -> KnowledgeBase:
    """Six opleidingen, four beroepen, a few schools and initiatives around Rotterdam Zuid."""
    bronnen = {b.id: b for b in [_bron("rap"), _bron("eigen", "algemene_kennis"), _bron("geo", "algemene_kennis")]}
    beroepen = {
        b.id: b
        for b in [
            _ber("elektromonteur", "groot_tekort"),
            _ber("installateur", "tekort", interesses=["elektro", "energie_duurzaamheid"]),
            _ber("laborant", "groot_tekort", bron="eigen", interesses=["natuur_proefjes"], sector="laboratorium"),
            _ber("automonteur", "goed", interesses=["autos_motoren"], sector="mobiliteit_voertuigen"),
        ]
    }
    opleidingen = {
        o.id: o
        for o in [
            _opl("elektro_n2", 2, "elektrotechniek", ["elektro"], ["elektromonteur"]),
            _opl("elektro_n3", 3, "elektrotechniek", ["elektro"], ["elektromonteur"]),
            _opl("installatie_n3", 3, "installatie_energie", ["elektro", "energie_duurzaamheid"], ["installateur"]),
            _opl(
                "installatie_n4",
                4,
                "installatie_energie",
                ["energie_duurzaamheid"],
                ["installateur"],
                leerwegen=["BOL"],
                locaties=[{"school": "mbo_b"}],
            ),
            _opl("lab_n4", 4, "laboratorium", ["natuur_proefjes"], ["laborant"]),
            _opl("auto_n2", 2, "mobiliteit_voertuigen", ["autos_motoren"], ["automonteur"], vmbo_profielen=["MT"]),
        ]
    }
    scholen = {
        s.id: s
        for s in [
            _school("mbo_a", "mbo", 51.89, 4.48),
            _school("mbo_b", "mbo", 52.07, 4.30),  # Den Haag, ~30 km
            _school("vmbo_zonder", "vmbo", 51.88, 4.49, profielen=["ZW", "DP"], leerwegen=["bb", "kb"]),
            _school("vmbo_met", "vmbo", 51.87, 4.50, profielen=["PIE", "ZW"], leerwegen=["bb", "kb"]),
            _school("vmbo_onbekend", "vmbo", 51.87, 4.50, profielen_bekend=False),
        ]
    }
    gebieden = {
        g.id: g
        for g in [
            Gebied(
                id="charlois",
                naam="Charlois",
                soort="gebied",
                gemeente="Rotterdam",
                lat=51.88,
                lon=4.47,
                pc4=["3081-3089"],
                bronnen=["geo"],
            )
        ]
    }
    initiatieven = {
        i.id: i
        for i in [
            _ini("dichtbij_elektro", 51.885, 4.475),
            _ini("ver_weg", 52.07, 4.30),
            _ini("landelijk_online", None, None, online=True, branches=["techniek_breed"]),
            _ini("voor_ouders", 51.886, 4.476, doelgroepen=["ouders"], praktijkgerichtheid="geen"),
            _ini("alleen_po", 51.886, 4.476, schooltypen=["po"]),
            _ini("bouw_only", 51.886, 4.476, branches=["bouw"]),
        ]
    }
    vmbo = Vmbo.model_validate(
        {
            "leerwegen": [],
            "profielen": [
                {
                    "code": c,
                    "naam": c,
                    "afkorting": c,
                    "leerwegen": ["bb", "kb", "gl"],
                    "technisch": c in ("PIE", "MT"),
                    "harde_techniek": c == "PIE",
                    "omschrijving": "x",
                    "bronnen": ["rap"],
                    "cijfers": [
                        {
                            "omschrijving": f"Aandeel met {c} dat doorstroomt naar techniek of ICT, Rotterdam",
                            "waarde": w,
                            "eenheid": "%",
                            "jaar": "2023/2024",
                            "bron": "rap#Tabel 3.6",
                        }
                    ],
                }
                for c, w in (("PIE", 76.0), ("MT", 89.0), ("ZW", 6.0), ("DP", 27.0))
            ],
        }
    )
    kb = KnowledgeBase(
        bronnen=bronnen,
        vmbo=vmbo,
        opleidingen=opleidingen,
        beroepen=beroepen,
        initiatieven=initiatieven,
        scholen=scholen,
        campussen={},
        gebieden=gebieden,
        artikelen={},
    )
    assert check_references(kb) == []
    return kb


@pytest.fixture()
def tiny_kb() -> KnowledgeBase:
    return build_tiny_kb()

"""Load and validate the whole knowledge base, all or nothing.

``load_knowledge()`` parses every file in ``knowledge/data`` with the models of
:mod:`knowledge.schema`, then checks every cross-reference. Any problem raises
:class:`KnowledgeError`, which lists each problem as *file, record, field: message*;
nothing is returned half-loaded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from knowledge.errors import validation_lines
from knowledge.schema import (
    Artikel,
    Beroep,
    Bron,
    BronRef,
    Campus,
    Gebied,
    Initiatief,
    LeerwegInfo,
    Opleiding,
    School,
    SectorArbeidsmarkt,
    Vmbo,
    VmboProfiel,
)

DATA_DIR = Path(__file__).parent / "data"
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
M = TypeVar("M", bound=BaseModel)

# file name -> model of each record (list files) ; vmbo.yaml and artikelen/ are special.
LIST_FILES: dict[str, type[BaseModel]] = {
    "bronnen.yaml": Bron,
    "opleidingen.yaml": Opleiding,
    "beroepen.yaml": Beroep,
    "initiatieven.yaml": Initiatief,
    "scholen.yaml": School,
    "campussen.yaml": Campus,
    "gebieden.yaml": Gebied,
    "arbeidsmarkt_sectoren.yaml": SectorArbeidsmarkt,
}


@dataclass(frozen=True)
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, record {self.record}, veld {self.field}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base is broken; ``problems`` says exactly where."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... en nog {len(problems) - 50}" if len(problems) > 50 else ""
        super().__init__(f"De kennisbank bevat {len(problems)} fout(en):\n{lines}{more}")


@dataclass
class KnowledgeBase:
    """All curated knowledge, indexed by id. Build it with :func:`load_knowledge`."""

    bronnen: dict[str, Bron]
    vmbo: Vmbo
    opleidingen: dict[str, Opleiding]
    beroepen: dict[str, Beroep]
    initiatieven: dict[str, Initiatief]
    scholen: dict[str, School]
    campussen: dict[str, Campus]
    gebieden: dict[str, Gebied]
    artikelen: dict[str, Artikel]
    content_hash: str = ""
    data_dir: Path = field(default=DATA_DIR)
    # sector-level labour-market statements (arbeidsmarkt_sectoren.yaml); defaults empty for hand-built kbs
    sectoren: dict[str, SectorArbeidsmarkt] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "bronnen": len(self.bronnen),
            "leerwegen": len(self.vmbo.leerwegen),
            "vmbo_profielen": len(self.vmbo.profielen),
            "opleidingen": len(self.opleidingen),
            "beroepen": len(self.beroepen),
            "initiatieven": len(self.initiatieven),
            "scholen": len(self.scholen),
            "campussen": len(self.campussen),
            "gebieden": len(self.gebieden),
            "artikelen": len(self.artikelen),
            "arbeidsmarkt_sectoren": len(self.sectoren),
        }

    @cached_property
    def profielen(self) -> dict[str, Any]:
        return {p.code: p for p in self.vmbo.profielen}


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
    try:
        # the C loader parses five times faster; it is the same safe subset of YAML
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except FileNotFoundError:
        problems.append(Problem(path.name, "-", "-", "bestand ontbreekt"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problems.append(Problem(path.name, "-", "-", f"geen geldige YAML: {exc}".replace("\n", " ")))
    return None


def _record_name(raw: Any, index: int) -> str:
    if isinstance(raw, dict) and raw.get("id") is not None:
        return f"#{index + 1} (id={raw['id']})"
    return f"#{index + 1}"


def _validation_problems(file: str, record: str, exc: ValidationError) -> list[Problem]:
    # the one error formatter (knowledge.errors): same sentences as for profiles and CLI filters
    return [Problem(file, record, loc, msg) for loc, msg in validation_lines(exc, "nl")]


def parse_records(file: str, raw: Any, model: type[M], problems: list[Problem]) -> list[M]:
    """Validate a list of raw records with ``model``; collect every problem, keep the good ones."""
    if not isinstance(raw, list):
        problems.append(Problem(file, "-", "-", "verwacht een lijst van records"))
        return []
    records: list[M] = []
    for i, item in enumerate(raw):
        name = _record_name(item, i)
        try:
            records.append(model.model_validate(item))
        except ValidationError as exc:
            problems.extend(_validation_problems(file, name, exc))
    return records


def _index(file: str, records: list[M], problems: list[Problem]) -> dict[str, M]:
    out: dict[str, M] = {}
    for rec in records:
        key = str(rec.id)  # type: ignore[attr-defined]  # every list model has an id
        if key in out:
            problems.append(Problem(file, f"id={key}", "id", "dubbele id"))
        out[key] = rec
    return out


def _hash_dir(data_dir: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(data_dir.rglob("*.yaml")):
        h.update(str(path.relative_to(data_dir)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def load_knowledge(data_dir: Path | str | None = None) -> KnowledgeBase:
    """Load, validate and cross-check every file; raise :class:`KnowledgeError` on any problem."""
    data_dir = Path(data_dir) if data_dir else DATA_DIR
    problems: list[Problem] = []
    parsed: dict[str, dict[str, Any]] = {}
    for file, model in LIST_FILES.items():
        raw = _read_yaml(data_dir / file, problems)
        parsed[file] = _index(file, parse_records(file, raw, model, problems), problems)

    vmbo_raw = _read_yaml(data_dir / "vmbo.yaml", problems)
    vmbo = Vmbo(leerwegen=[], profielen=[])
    try:
        if vmbo_raw is not None:
            vmbo = Vmbo.model_validate(vmbo_raw)
    except ValidationError as exc:
        problems.extend(_validation_problems("vmbo.yaml", "-", exc))

    artikelen: dict[str, Artikel] = {}
    for path in sorted((data_dir / "artikelen").glob("*.yaml")):
        file = f"artikelen/{path.name}"
        raw = _read_yaml(path, problems)
        if raw is None:
            continue
        try:
            art = Artikel.model_validate(raw)
        except ValidationError as exc:
            problems.extend(_validation_problems(file, _record_name(raw, 0), exc))
            continue
        if art.id in artikelen:
            problems.append(Problem(file, f"id={art.id}", "id", "dubbele id"))
        artikelen[art.id] = art

    kb = KnowledgeBase(
        bronnen=parsed["bronnen.yaml"],
        vmbo=vmbo,
        opleidingen=parsed["opleidingen.yaml"],
        beroepen=parsed["beroepen.yaml"],
        initiatieven=parsed["initiatieven.yaml"],
        scholen=parsed["scholen.yaml"],
        campussen=parsed["campussen.yaml"],
        gebieden=parsed["gebieden.yaml"],
        artikelen=artikelen,
        data_dir=data_dir,
        sectoren=parsed["arbeidsmarkt_sectoren.yaml"],
    )
    problems.extend(check_references(kb))
    if problems:
        raise KnowledgeError(problems)
    kb.content_hash = _hash_dir(data_dir)
    return kb


def _bron_refs(obj: Any, path: str = "") -> list[tuple[str, BronRef]]:
    """Every BronRef inside a model, with its field path."""
    found: list[tuple[str, BronRef]] = []
    if isinstance(obj, BronRef):
        return [(path, obj)]
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            found += _bron_refs(getattr(obj, name), f"{path}.{name}" if path else name)
    elif isinstance(obj, (list, tuple)):
        for i, item in enumerate(obj):
            found += _bron_refs(item, f"{path}.{i}")
    elif isinstance(obj, dict):
        for key, item in obj.items():
            found += _bron_refs(item, f"{path}.{key}")
    return found


def check_references(kb: KnowledgeBase) -> list[Problem]:
    """Every id a record names must exist: sources, opleidingen, beroepen, schools."""
    problems: list[Problem] = []
    collections: list[tuple[str, dict[str, Any]]] = [
        ("opleidingen.yaml", kb.opleidingen),
        ("beroepen.yaml", kb.beroepen),
        ("initiatieven.yaml", kb.initiatieven),
        ("scholen.yaml", kb.scholen),
        ("campussen.yaml", kb.campussen),
        ("gebieden.yaml", kb.gebieden),
        ("arbeidsmarkt_sectoren.yaml", kb.sectoren),
    ]
    collections += [(f"artikelen/{k}.yaml", {k: v}) for k, v in kb.artikelen.items()]
    for file, records in collections:
        for key, rec in records.items():
            for path, ref in _bron_refs(rec):
                if ref.bron not in kb.bronnen:
                    problems.append(Problem(file, f"id={key}", path, f"onbekende bron '{ref.bron}'"))
    vmbo_records: list[VmboProfiel | LeerwegInfo] = [*kb.vmbo.profielen, *kb.vmbo.leerwegen]
    for prof in vmbo_records:
        for path, ref in _bron_refs(prof):
            if ref.bron not in kb.bronnen:
                problems.append(Problem("vmbo.yaml", f"code={prof.code}", path, f"onbekende bron '{ref.bron}'"))
    for key, opl in kb.opleidingen.items():
        for j, b in enumerate(opl.beroepen):
            if b not in kb.beroepen:
                problems.append(Problem("opleidingen.yaml", f"id={key}", f"beroepen.{j}", f"onbekend beroep '{b}'"))
        for j, loc in enumerate(opl.locaties):
            if loc.school not in kb.scholen:
                problems.append(
                    Problem("opleidingen.yaml", f"id={key}", f"locaties.{j}.school", f"onbekende school '{loc.school}'")
                )
        for j, v in enumerate(opl.vervolg):
            for s in v.scholen:
                if s not in kb.scholen:
                    problems.append(
                        Problem("opleidingen.yaml", f"id={key}", f"vervolg.{j}.scholen", f"onbekende school '{s}'")
                    )
    for key, ini in kb.initiatieven.items():
        if ini.school is not None and ini.school not in kb.scholen:
            problems.append(Problem("initiatieven.yaml", f"id={key}", "school", f"onbekende school '{ini.school}'"))
        if ini.alleen_school is not None and ini.alleen_school not in kb.scholen:
            problems.append(
                Problem("initiatieven.yaml", f"id={key}", "alleen_school", f"onbekende school '{ini.alleen_school}'")
            )
        for j, g in enumerate(ini.gebied):
            if g not in kb.gebieden:
                problems.append(Problem("initiatieven.yaml", f"id={key}", f"gebied.{j}", f"onbekend gebied '{g}'"))
    for key, ber in kb.beroepen.items():
        for j, o in enumerate(ber.mbo_route):
            if o not in kb.opleidingen:
                problems.append(Problem("beroepen.yaml", f"id={key}", f"mbo_route.{j}", f"onbekende opleiding '{o}'"))
    for key, school in kb.scholen.items():
        if school.instelling and school.instelling not in kb.scholen:
            problems.append(
                Problem("scholen.yaml", f"id={key}", "instelling", f"onbekende instelling '{school.instelling}'")
            )
    for key, campus in kb.campussen.items():
        for j, s in enumerate(campus.instellingen):
            if s not in kb.scholen:
                problems.append(Problem("campussen.yaml", f"id={key}", f"instellingen.{j}", f"onbekende school '{s}'"))
    return problems

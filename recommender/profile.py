"""The pupil profile (``Profiel``): what a mentor fills in, saves as JSON and reuses.

Field names are Dutch and every value comes from a fixed vocabulary in
:mod:`knowledge.vocab`. An unknown value gives a Dutch message that lists the allowed ones.
The profile holds no name and no gender. It is never logged or written to disk by this code.
"""

from __future__ import annotations

import random
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator

from knowledge import vocab
from knowledge.errors import format_validation_error
from knowledge.geo import OutsideRegion, Place, UnknownPlace, resolve_place
from knowledge.inputs import LIMITS, InputError, clean_text, parse_json, shorten
from knowledge.loader import KnowledgeBase
from knowledge.schema import Doelgroep, Interesse, ProfielCode, Taal, Werkvoorkeur, one_of

# The pupil-only vocabularies; the shared ones come from the knowledge schema.
Leerjaar = Annotated[str, one_of(vocab.LEERJAREN, "leerjaar")]
SchooltypeLeerling = Annotated[str, one_of(vocab.SCHOOLTYPEN_LEERLING, "schooltype")]
Belangrijk = Annotated[str, one_of(vocab.BELANGRIJK, "keuze bij 'belangrijk'")]
LeerwegVoorkeur = Annotated[str, one_of(vocab.LEERWEG_VOORKEUR, "leerweg-voorkeur")]
Schooladvies = Annotated[str, one_of(vocab.SCHOOLADVIEZEN, "schooladvies")]

# Which leerjaren fit which schooltype (po: groep 7/8; vmbo 4 years; havo 5; vwo 6).
LEERJAREN_PER_SCHOOLTYPE: dict[str, tuple[str, ...]] = {
    "po": ("groep7", "groep8"),
    **{f"vmbo-{lw}": ("vo1", "vo2", "vo3", "vo4") for lw in vocab.VMBO_LEERWEGEN},
    "havo": ("vo1", "vo2", "vo3", "vo4", "vo5"),
    "vwo": ("vo1", "vo2", "vo3", "vo4", "vo5", "vo6"),
}
TL_PROFIELEN = tuple(p for p in vocab.VMBO_PROFIELEN if p.startswith("TL_"))
BEROEPS_PROFIELEN = tuple(p for p in vocab.VMBO_PROFIELEN if not p.startswith("TL_"))


def vmbo_leerweg(schooltype: str) -> str | None:
    """'vmbo-kb' -> 'kb'; None for po, havo and vwo."""
    return schooltype.removeprefix("vmbo-") if schooltype.startswith("vmbo-") else None


def profielen_voor(schooltype: str) -> tuple[str, ...]:
    """The vmbo profielen a pupil of this schooltype can have (TL profielen for vmbo-tl)."""
    lw = vmbo_leerweg(schooltype)
    if lw is None:
        return ()
    return TL_PROFIELEN if lw == "tl" else BEROEPS_PROFIELEN


def _uniek(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _no_bool(value: Any) -> Any:
    # JSON true/false is not a distance (pydantic would read true as 1 km)
    if isinstance(value, bool):
        raise ValueError(f"verwacht een getal in km, niet {str(value).lower()}")
    return value


Kilometers = Annotated[float, BeforeValidator(_no_bool)]
ShortText = Annotated[str, Field(max_length=LIMITS.text_field_chars)]


class Profiel(BaseModel):
    """One pupil, as the mentor describes them. Codes only; the app shows the labels."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    leerjaar: Leerjaar
    schooltype: SchooltypeLeerling
    school: ShortText | None = Field(None, description="id van de school in de kennisbank (optioneel)")
    profiel: ProfielCode | None = Field(None, description="huidig vmbo-profiel (optioneel)")
    schooladvies: Schooladvies | None = Field(None, description="groep 7/8: het (verwachte) schooladvies (optioneel)")
    interesses: list[Interesse] = Field([], max_length=LIMITS.list_items)
    werkvoorkeuren: list[Werkvoorkeur] = Field([], max_length=LIMITS.list_items)
    belangrijk: list[Belangrijk] = Field([], max_length=LIMITS.list_items)
    leerweg_voorkeur: LeerwegVoorkeur = "weet_niet"
    postcode: ShortText | None = Field(None, description="PC4, bv. 3083")
    wijk: ShortText | None = None
    gemeente: ShortText | None = None
    max_reisafstand_km: Kilometers = Field(15.0, gt=0, le=200)
    taal_ouders: Taal = "nl"
    doelgroep_activiteiten: list[Doelgroep] = Field([], max_length=LIMITS.list_items)

    @model_validator(mode="before")
    @classmethod
    def _clean_texts(cls, data: Any) -> Any:
        """Text from a file or form goes through the input boundary: control characters, BOMs and broken
        bytes out, one line. Over-long values are left for the field limits to report (without echoing)."""
        if not isinstance(data, dict):
            return data
        out: dict[str, Any] = {}
        for key, value in data.items():
            if isinstance(value, str) and len(value) <= 4 * LIMITS.text_field_chars:
                value = clean_text(value, single_line=True)
            elif isinstance(value, list) and len(value) <= LIMITS.list_items:
                value = [clean_text(v, single_line=True) if isinstance(v, str) and len(v) <= 200 else v for v in value]
            out[key] = value
        return out

    @field_validator("interesses", "werkvoorkeuren", "belangrijk", "doelgroep_activiteiten")
    @classmethod
    def _dedupe(cls, values: list[str]) -> list[str]:
        return _uniek(values)

    @field_validator("school", "postcode", "wijk", "gemeente", "profiel", "schooladvies", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _consistent(self) -> Profiel:
        allowed = LEERJAREN_PER_SCHOOLTYPE[self.schooltype]
        if self.leerjaar not in allowed:
            raise ValueError(
                f"leerjaar '{self.leerjaar}' past niet bij schooltype '{self.schooltype}'; "
                f"toegestaan: {', '.join(allowed)}"
            )
        if self.profiel is not None:
            ok = profielen_voor(self.schooltype)
            if self.profiel not in ok:
                where = f"toegestaan: {', '.join(ok)}" if ok else "alleen vmbo-leerlingen hebben een vmbo-profiel"
                raise ValueError(f"profiel '{self.profiel}' past niet bij schooltype '{self.schooltype}'; {where}")
        return self

    @classmethod
    def from_form(cls, values: dict[str, Any]) -> Profiel:
        """The mentor form's values (one ``plaats`` field) through the CLI's parser; see :func:`profiel_from_form`."""
        return profiel_from_form(values)

    def reisafstand_standaard(self) -> bool:
        """True when the travel limit is the default (none set, or the form's untouched default of 15 km)."""
        return self.max_reisafstand_km == Profiel.model_fields["max_reisafstand_km"].default

    def plaats_tekst(self) -> str | None:
        """The most precise place the profile gives: postcode, then wijk, then gemeente."""
        return self.postcode or self.wijk or self.gemeente

    def technische_interesses(self) -> list[str]:
        return [i for i in self.interesses if i in vocab.TECHNISCHE_INTERESSES]


class ProfielError(ValueError):
    """A profile that cannot be used; the message is Dutch and says how to fix it."""


def _field_list() -> str:
    return ", ".join(Profiel.model_fields)


def _format_errors(exc: ValidationError) -> str:
    return format_validation_error(exc, "nl", heading="Het profiel klopt niet:", fields=list(Profiel.model_fields))


def parse_profiel(data: Any) -> Profiel:
    """Build a :class:`Profiel` from a dict or JSON text; raise :class:`ProfielError` with a Dutch message.

    JSON text passes the input boundary first (:func:`knowledge.inputs.parse_json`): a BOM is fine, while
    size, nesting depth and number length are bounded before anything is parsed."""
    if isinstance(data, (str, bytes)):
        try:
            data = parse_json(data, what="profile")
        except InputError as exc:
            raise ProfielError(str(exc)) from None
    if not isinstance(data, dict):
        raise ProfielError(f"Een profiel is een JSON-object met de velden: {_field_list()}.")
    try:
        return Profiel.model_validate(data)
    except ValidationError as exc:
        raise ProfielError(_format_errors(exc)) from None


def form_fields(values: dict[str, Any]) -> dict[str, Any]:
    """The mentor form's values as profile fields (what 'Profiel opslaan' writes).

    The form has one place field (``plaats``): four digits (a PC4) go to ``postcode``, anything else
    to ``wijk`` (which also resolves gemeenten). Empty values are left out.
    """
    data = {k: v for k, v in values.items() if k != "plaats" and v not in (None, "", [])}
    place = str(values.get("plaats") or "").strip()
    if place:
        data["postcode" if place[:4].isdigit() else "wijk"] = place
    return data


def profiel_from_form(values: dict[str, Any]) -> Profiel:
    """The mentor form's values as a :class:`Profiel`, through the same parser as the CLI (ProfielError)."""
    return parse_profiel(form_fields(values))


def form_values(profiel: Profiel) -> dict[str, Any]:
    """The other way round: a profile as the mentor form's values (one ``plaats`` field)."""
    data = profiel.model_dump(mode="json")
    data["plaats"] = profiel.plaats_tekst() or ""
    for field in ("postcode", "wijk", "gemeente"):
        data.pop(field, None)
    return data


def check_tegen_kennisbank(kb: KnowledgeBase, profiel: Profiel) -> None:
    """Check the school, wijk and gemeente against the knowledge base. The most precise place is resolved
    by the recommender; a wijk or gemeente given next to it must still exist, or the mentor would never
    learn that it was a typo."""
    for field, value in (("wijk", profiel.wijk), ("gemeente", profiel.gemeente)):
        if value is None:
            continue
        try:
            resolve_place(kb, value)
        except UnknownPlace as exc:
            raise ProfielError(
                f"{field}: {exc} (alle namen: lob-kompas recommend --vocab --json; of laat het veld leeg)"
            ) from None
    if profiel.school is not None and profiel.school not in kb.scholen:
        vo = sorted(s for s, sch in kb.scholen.items() if sch.soort in ("vmbo", "vso"))
        raise ProfielError(
            f"school '{shorten(profiel.school)}' staat niet in de kennisbank; gebruik een school-id, "
            f"bijvoorbeeld: {', '.join(vo[:12])}{' ...' if len(vo) > 12 else ''} "
            "(alle ids: lob-kompas recommend --vocab --json)"
        )


_PLAATSEN: dict[tuple[str, str], Place | None] = {}


def plaats_van(kb: KnowledgeBase, profiel: Profiel) -> tuple[Place | None, bool]:
    """(the pupil's place, postcode outside the region) from postcode, wijk/kern or gemeente.

    Raises :class:`ProfielError` for an unknown place name. A well-formed postcode outside the region
    gives ``(None, True)``: the advice comes without distances. Resolved places are cached per
    ``kb.content_hash`` (a place, not a profile, is kept).
    """
    text = profiel.plaats_tekst()
    if not text:
        return None, False
    key = (kb.content_hash, text)
    if kb.content_hash and key in _PLAATSEN:
        p = _PLAATSEN[key]
        return p, p is None
    try:
        place: Place | None = resolve_place(kb, text)
    except OutsideRegion:
        place = None
    except UnknownPlace as exc:
        raise ProfielError(str(exc)) from None
    if kb.content_hash and len(_PLAATSEN) < 5000:
        _PLAATSEN[key] = place
    return place, place is None


def thuis_bij_benadering(kb: KnowledgeBase, profiel: Profiel) -> bool:
    """True when the pupil's home is only known as an area's centre point: every distance from it gets "~".

    One rule for routes, schools, activities and the verslag; an unknown or unresolvable place is not approximate
    (no distances are shown then)."""
    try:
        place, _ = plaats_van(kb, profiel)
    except ProfielError:
        return False
    return place is not None and place.approximate


def thuis_midden(kb: KnowledgeBase, profiel: Profiel) -> str | None:
    """The name of the area whose centre point stands for the pupil's home (a gemeente, wijk or kern), else None:
    a distance from it is "vanaf het midden van <plaats>", never "van huis" (review 7, defect 3)."""
    try:
        place, _ = plaats_van(kb, profiel)
    except ProfielError:
        return None
    return place.naam if place is not None and place.approximate else None


def gemeente_buiten_mrdh(place: Place | None) -> str | None:
    """The gemeente of a resolved place when it lies outside the 21 MRDH gemeenten (e.g. Gouda), else None."""
    if place is None:
        return None
    gemeente = place.gemeente or (place.naam if place.soort == "gemeente" else None)
    return gemeente if gemeente and gemeente not in vocab.MRDH_GEMEENTEN else None


def vocab_lijsten(kb: KnowledgeBase | None = None) -> dict[str, list[str]]:
    """Every profile field with its allowed values (``recommend --vocab``).

    With a knowledge base, ``school`` lists the ids of vo schools and ``wijk``/``gemeente`` the known places.
    """
    out: dict[str, list[str]] = {
        "leerjaar": list(vocab.LEERJAREN),
        "schooltype": list(vocab.SCHOOLTYPEN_LEERLING),
        "profiel": list(vocab.VMBO_PROFIELEN),
        "interesses": list(vocab.INTERESSES),
        "werkvoorkeuren": list(vocab.WERKVOORKEUREN),
        "belangrijk": list(vocab.BELANGRIJK),
        "leerweg_voorkeur": list(vocab.LEERWEG_VOORKEUR),
        "schooladvies": list(vocab.SCHOOLADVIEZEN),
        "taal_ouders": list(vocab.TALEN),
        "doelgroep_activiteiten": list(vocab.DOELGROEPEN),
    }
    if kb is not None:
        out["school"] = sorted(s for s, sch in kb.scholen.items() if sch.soort in ("vmbo", "vso", "po"))
        out["wijk"] = sorted(g.naam for g in kb.gebieden.values() if g.soort in ("wijk", "gebied", "kern"))
        out["gemeente"] = sorted(g.naam for g in kb.gebieden.values() if g.soort == "gemeente")
    return out


def random_profiles(kb: KnowledgeBase, n: int, seed: int = 0) -> list[Profiel]:
    """``n`` random but valid profiles, reproducible from ``seed`` (for benchmarks and property tests)."""
    rng = random.Random(seed)
    scholen = sorted(s for s, sch in kb.scholen.items() if sch.soort == "vmbo")
    pc4 = sorted({str(c) for g in kb.gebieden.values() for c in g.pc4_codes()})
    wijken = sorted(g.naam for g in kb.gebieden.values())
    out: list[Profiel] = []
    for _ in range(n):
        schooltype = rng.choice(vocab.SCHOOLTYPEN_LEERLING)
        leerjaar = rng.choice(LEERJAREN_PER_SCHOOLTYPE[schooltype])
        mogelijk = profielen_voor(schooltype)
        profiel = rng.choice(mogelijk) if mogelijk and leerjaar in ("vo3", "vo4") and rng.random() < 0.7 else None
        plaats: dict[str, str] = {}
        r = rng.random()
        if r < 0.6 and pc4:
            plaats["postcode"] = rng.choice(pc4)
        elif r < 0.85 and wijken:
            plaats["wijk"] = rng.choice(wijken)
        school = rng.choice(scholen) if scholen and schooltype.startswith("vmbo") and rng.random() < 0.5 else None
        advies = rng.choice(vocab.SCHOOLADVIEZEN) if schooltype == "po" and rng.random() < 0.5 else None
        out.append(
            Profiel(
                leerjaar=leerjaar,
                schooltype=schooltype,
                school=school,
                profiel=profiel,
                schooladvies=advies,
                interesses=rng.sample(vocab.INTERESSES, rng.randint(0, 4)),
                werkvoorkeuren=rng.sample(vocab.WERKVOORKEUREN, rng.randint(0, 3)),
                belangrijk=rng.sample(vocab.BELANGRIJK, rng.randint(0, 2)),
                leerweg_voorkeur=rng.choice(vocab.LEERWEG_VOORKEUR),
                max_reisafstand_km=rng.choice((5.0, 10.0, 15.0, 25.0, 40.0)),
                taal_ouders=rng.choice(vocab.TALEN),
                doelgroep_activiteiten=rng.sample(("ouders", "meisjes", "migratieachtergrond"), rng.randint(0, 1)),
                **plaats,
            )
        )
    return out

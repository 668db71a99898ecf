"""Say what the model found wrong in a document in Dutch, at the right line.

Pydantic reports in English with a location tuple; this module maps each error type to a
message a policy advisor can act on (what was found, what is allowed, how to fix it).
"""

from __future__ import annotations

import difflib
import re
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from ..contract.models import MAX_AANTAL, MAX_WEKEN
from . import catalogue
from .catalogue import ProblemKind
from .documents import Document, KeyPath, format_key_path
from .problems import Problem

_THOUSANDS_RE = re.compile(r"^-?\d{1,3}([.,]\d{3})+$")
_SEXAGESIMAL_RE = re.compile(r"^\d+(:[0-5]?\d)+$")
_TEXT_HINT = "zet de waarde tussen aanhalingstekens als het tekst is"
_LIMIT_HINTS: dict[float, str] = {
    100: " (een percentage loopt van 0 tot en met 100)",
    MAX_WEKEN: " (tien jaar); controleer of er geen cijfer te veel staat, of dat u dagen schreef in plaats van weken",
    MAX_AANTAL: (
        ", meer dan alle ggz-patiënten van Nederland in een jaar; controleer op een tikfout (een nul te veel?), of gebruik null als het getal onbekend is"
    ),
}


def model_problems(doc: Document, model_class: type[BaseModel], exc: ValidationError) -> list[Problem]:
    """Each error pydantic found in ``doc`` as a located problem with a Dutch message."""
    return [_problem(doc, model_class, err) for err in exc.errors(include_url=False)]


def _problem(doc: Document, model_class: type[BaseModel], err: Any) -> Problem:
    loc: KeyPath = tuple(part for part in err["loc"] if part != "[key]")
    kind = err["type"]
    at_key = kind in {"extra_forbidden"} or "[key]" in err["loc"]
    info = doc.locate(loc)
    raw = info.raw if loc in doc.nodes else None
    found = _found(err.get("input"), raw)
    message = _message(kind, err, loc, found, raw, model_class)
    if kind == "missing":
        line, column = doc.locate_key(loc[:-1]) if loc[:-1] else (1, 1)
    elif at_key:
        line, column = doc.locate_key(loc)
    else:
        line, column = info.line, info.column
    return Problem.of(_kind(kind, raw), doc.path, line, column, format_key_path(loc), message)


_KINDS: dict[str, ProblemKind] = {
    "missing": catalogue.ONTBREKENDE_SLEUTEL,
    "extra_forbidden": catalogue.ONBEKENDE_SLEUTEL,
    "int_type": catalogue.GEEN_GEHEEL_GETAL,
    "int_from_float": catalogue.GEEN_GEHEEL_GETAL,
    "int_parsing": catalogue.GEEN_GEHEEL_GETAL,
    "greater_than_equal": catalogue.TE_LAAG,
    "greater_than": catalogue.TE_LAAG,
    "less_than_equal": catalogue.TE_HOOG,
    "less_than": catalogue.TE_HOOG,
    "float_type": catalogue.GEEN_GETAL,
    "float_parsing": catalogue.GEEN_GETAL,
    "finite_number": catalogue.GEEN_EINDIG_GETAL,
    "bool_type": catalogue.GEEN_JA_NEE,
    "bool_parsing": catalogue.GEEN_JA_NEE,
    "date_type": catalogue.DATUMVORM,
    "date_parsing": catalogue.DATUMVORM,
    "date_from_datetime_inexact": catalogue.DATUMVORM,
    "date_from_datetime_parsing": catalogue.DATUMVORM,
    "string_type": catalogue.GEEN_TEKST,
    "string_too_short": catalogue.LEGE_TEKST,
    "een_regel": catalogue.MEER_REGELS,
    "string_pattern_mismatch": catalogue.ONGELDIGE_VORM,
    "enum": catalogue.ONGELDIGE_KEUZE,
    "literal_error": catalogue.ONGELDIGE_KEUZE,
    "model_type": catalogue.GEEN_BLOK,
    "dict_type": catalogue.GEEN_BLOK,
    "model_attributes_type": catalogue.GEEN_BLOK,
    "list_type": catalogue.GEEN_LIJST,
    "too_short": catalogue.LEGE_LIJST,
}


def _kind(kind: str, raw: str | None) -> ProblemKind:
    """The catalogued kind of a model error: by pydantic's error type, with the thousands-separator case apart."""
    if _KINDS.get(kind) == catalogue.GEEN_GEHEEL_GETAL and raw is not None and _THOUSANDS_RE.match(raw):
        return catalogue.DUIZENDTALPUNT
    return _KINDS.get(kind, catalogue.ONGELDIGE_WAARDE)


def _found(value: Any, raw: str | None) -> str:
    if raw is not None:
        return f"'{_shortened(raw)}'" if raw else "een lege waarde"
    if value is None:
        return "een lege waarde (null)"
    if isinstance(value, dict):
        return "een blok met sleutels"
    if isinstance(value, list):
        return "een lijst"
    return f"'{_shortened(str(value))}'"


def _shortened(text: str, most: int = 80) -> str:
    """A quoted value of at most ``most`` characters: a message stays readable when a whole text was pasted in."""
    return text if len(text) <= most else f"{text[: most - 1]}…"


def _message(kind: str, err: Any, loc: KeyPath, found: str, raw: str | None, model_class: type[BaseModel]) -> str:
    ctx = err.get("ctx") or {}
    key = loc[-1] if loc else ""
    if kind == "missing":
        if _nullable(model_class, loc):
            return f"ontbrekende sleutel '{key}'; vul hem in (gebruik null als de waarde onbekend is)"
        return f"ontbrekende sleutel '{key}'; deze sleutel is verplicht"
    if kind == "extra_forbidden":
        return _unknown_key(model_class, loc)
    if kind in {"int_type", "int_from_float", "int_parsing"}:
        return _not_a_count(found, raw)
    if kind in {"greater_than_equal", "greater_than", "less_than_equal", "less_than", "finite_number"}:
        return _out_of_range(kind, ctx, found)
    if kind in {"float_type", "float_parsing"}:
        return f"verwacht een getal, gevonden {found}; gebruik een punt voor decimalen (1.5) of null als het onbekend is"
    if kind in {"bool_type", "bool_parsing"}:
        return f"verwacht true of false, gevonden {found}"
    if kind in {"date_type", "date_parsing", "date_from_datetime_inexact", "date_from_datetime_parsing"}:
        return f"datum moet de vorm JJJJ-MM-DD hebben, bijvoorbeeld 2026-04-14; gevonden {found}"
    if kind == "string_type":
        return _not_text(key, found, raw)
    if kind == "string_too_short":
        return "lege tekst; vul de tekst in of laat de sleutel weg als die niet verplicht is"
    if kind == "een_regel":
        return f"{found} beslaat meer dan één regel; een {key} staat op één regel: haal de regelovergang (of \\n) weg"
    if kind == "string_pattern_mismatch":
        return _pattern(key, found)
    if kind in {"enum", "literal_error"}:
        return _enum(err, found)
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"verwacht een blok met sleutels eronder (ingesprongen), gevonden {found}"
    if kind == "list_type":
        return f"verwacht een lijst (regels die beginnen met '- ' of [a, b]), gevonden {found}"
    if kind == "too_short":
        return "deze lijst mag niet leeg zijn"
    return f"ongeldige waarde {found}: {err.get('msg', '')}"


def _out_of_range(kind: str, ctx: dict[str, Any], found: str) -> str:
    """A number below its minimum, above the contract's maximum (with why that maximum), or not finite."""
    if kind == "finite_number":
        return f"{found} is geen eindig getal: YAML leest het als oneindig of als 'geen getal' (.inf, .nan); vul het getal in, of null als het onbekend is"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"{found} is te laag: de waarde moet minimaal {ctx.get('ge', ctx.get('gt')):g} zijn"
    limit = float(ctx["le"] if "le" in ctx else ctx["lt"])
    return f"{found} is te hoog: de waarde mag hoogstens {limit:.15g} zijn{_LIMIT_HINTS.get(limit, '')}"  # as typed: 1000000


def _not_a_count(found: str, raw: str | None) -> str:
    if raw is not None and _THOUSANDS_RE.match(raw):
        digits = re.sub(r"[.,]", "", raw)
        return f"{found} is geen geheel getal; gebruik geen punt als duizendtalscheiding: schrijf {digits}"
    if raw is not None and _SEXAGESIMAL_RE.match(raw):
        return f"{found} is geen geheel getal; YAML leest getallen met ':' als tijd, schrijf een gewoon getal"
    return f"verwacht een geheel getal van 0 of meer, gevonden {found}; gebruik null als de waarde onbekend is"


def _not_text(key: str | int, found: str, raw: str | None) -> str:
    if key == "tijd" or (raw is not None and _SEXAGESIMAL_RE.match(raw)):
        return f'verwacht tekst, gevonden {found}: YAML leest een tijd zonder aanhalingstekens als getal; schrijf bijvoorbeeld tijd: "13:30-17:00"'
    return f"verwacht tekst, gevonden {found}; {_TEXT_HINT}"


def _pattern(key: str | int, found: str) -> str:
    hints = {
        "tijd": 'schrijf de tijd als "13:30" of "13:30-17:00", tussen aanhalingstekens',
        "email": "gebruik een functioneel e-mailadres zoals secretariaat@regio.nl",
        "code": 'gebruik de viercijferige zorgkantoorregiocode tussen aanhalingstekens, bijvoorbeeld "5509"',
        "website": "een webadres begint met https://",
    }
    hint = hints.get(str(key), "gebruik kleine letters a-z, cijfers en koppeltekens, zoals de mapnaam van de regio")
    return f"ongeldige waarde {found}; {hint}"


def _enum(err: Any, found: str) -> str:
    ctx = err.get("ctx") or {}
    expected = ctx.get("expected", "")
    allowed = re.findall(r"'([^']+)'", str(expected))
    message = f"waarde {found} is niet toegestaan; kies uit: {', '.join(allowed)}"
    value = err.get("input")
    if isinstance(value, str):
        close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
        if close:
            message += f" (bedoelde je '{close[0]}'?)"
    return message


def _unknown_key(model_class: type[BaseModel], loc: KeyPath) -> str:
    parent = _model_at(model_class, loc[:-1])
    key = str(loc[-1])
    if parent is None:
        return f"onbekende sleutel '{key}'"
    allowed = list(parent.model_fields)
    message = f"onbekende sleutel '{key}'; toegestaan zijn: {', '.join(allowed)}"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        message = f"onbekende sleutel '{key}' (bedoelde je '{close[0]}'?); toegestaan zijn: {', '.join(allowed)}"
    return message


def _nullable(model_class: type[BaseModel], loc: KeyPath) -> bool:
    parent = _model_at(model_class, loc[:-1])
    if parent is None or str(loc[-1]) not in parent.model_fields:
        return False
    return type(None) in getattr(parent.model_fields[str(loc[-1])].annotation, "__args__", ())


def _model_at(model_class: type[BaseModel], loc: KeyPath) -> type[BaseModel] | None:
    """Walk the model's fields along ``loc`` to find which model holds the offending key."""
    current: Any = model_class
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, (BaseModel, Enum)):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation

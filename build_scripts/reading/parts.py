"""What could be read of a data file: every part that passes its own model, even when the file as a whole does not.

The rules need parts, not whole files: a region's ``jaar`` mismatch or its meetings in the wrong
order can be told while a figure elsewhere in the file is still a typo. So each part is validated
on its own (the same models, so the same meaning), and a rule runs on every part it needs that
could be read. Problems inside a part that could not be read are already reported by the model
check; the rule stays silent there, so each problem is reported once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..contract.models import Advies, Bijeenkomst, Escalatie, Landelijk, LandelijkeTafel, Regio, RegioJaar, Tafel, ZorgvormGegevens
from ..contract.vocabulary import Zorgvorm


@dataclass
class YearParts:
    """The readable parts of ``data/regions/<slug>/<jaar>.yaml``; lists keep each item's index in the file."""

    versie: int | None = None
    regio: str | None = None
    jaar: int | None = None
    tafel: Tafel | None = None
    gepubliceerd: dt.date | None = None
    bijeenkomsten: list[tuple[int, Bijeenkomst]] = field(default_factory=list)
    zorgvormen: dict[Zorgvorm, ZorgvormGegevens] = field(default_factory=dict)
    escalaties: list[tuple[int, Escalatie]] = field(default_factory=list)


@dataclass
class NationalParts:
    """The readable parts of ``data/landelijk/<jaar>.yaml``."""

    jaar: int | None = None
    tafel: LandelijkeTafel | None = None
    heidag: dt.date | None = None
    stukken_verspreid: dt.date | None = None
    adviezen: list[tuple[int, Advies]] = field(default_factory=list)


def year_parts(model: RegioJaar | None, data: Any) -> YearParts:
    """From the whole model when the file passed it, else part by part from the file's plain values."""
    if model is not None:
        return YearParts(
            model.versie, model.regio, model.jaar, model.tafel, model.jaaragenda.gepubliceerd,
            list(enumerate(model.jaaragenda.bijeenkomsten)), dict(model.zorgvormen.items()), list(enumerate(model.escalaties)),
        )
    data = data if isinstance(data, dict) else {}
    agenda = data.get("jaaragenda") if isinstance(data.get("jaaragenda"), dict) else {}
    zorgvormen = data.get("zorgvormen") if isinstance(data.get("zorgvormen"), dict) else {}
    return YearParts(
        versie=_field(RegioJaar, "versie", data), regio=_field(RegioJaar, "regio", data), jaar=_field(RegioJaar, "jaar", data),
        tafel=_field(RegioJaar, "tafel", data),
        gepubliceerd=_read(_adapter(dt.date | None), agenda.get("gepubliceerd")),
        bijeenkomsten=_items(Bijeenkomst, agenda.get("bijeenkomsten")),
        zorgvormen={z: g for z in Zorgvorm if (g := _read(_adapter(ZorgvormGegevens), zorgvormen.get(z.value))) is not None},
        escalaties=_items(Escalatie, data.get("escalaties")),
    )


def national_parts(model: Landelijk | None, data: Any) -> NationalParts:
    if model is not None:
        return NationalParts(model.jaar, model.tafel, model.heidag, model.stukken_verspreid, list(enumerate(model.adviezen)))
    data = data if isinstance(data, dict) else {}
    return NationalParts(
        jaar=_field(Landelijk, "jaar", data), tafel=_field(Landelijk, "tafel", data), heidag=_field(Landelijk, "heidag", data),
        stukken_verspreid=_field(Landelijk, "stukken_verspreid", data), adviezen=_items(Advies, data.get("adviezen")),
    )


def neighbours(model: Regio | None, data: Any) -> list[str]:
    """The readable ``buurregios`` of a ``regio.yaml``."""
    if model is not None:
        return list(model.buurregios)
    return _field(Regio, "buurregios", data if isinstance(data, dict) else {}) or []


@cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


@cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    annotation: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation  # the field's own constraints too
    return _adapter(annotation)


def _read(adapter: TypeAdapter[Any], value: Any) -> Any:
    try:
        return adapter.validate_python(value)
    except ValidationError:
        return None


def _field(model: type[BaseModel], name: str, data: dict[str, Any]) -> Any:
    return _read(_field_adapter(model, name), data[name]) if name in data else None


def _items(model: type[BaseModel], value: Any) -> list[tuple[int, Any]]:
    """Each readable item of a list with its index in the file; unreadable items are left out (the model check reported them)."""
    if not isinstance(value, list):
        return []
    adapter = _adapter(model)
    return [(i, item) for i, raw in enumerate(value) if (item := _read(adapter, raw)) is not None]

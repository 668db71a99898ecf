"""Every contract key with its Dutch label, and the field registry of the Tabel 2 figures: one vocabulary from YAML key to page.

Pages, diff reports and downloads all name a field through this module, so a figure carries the
same words in the region's table, on the wijzigingen page and in a merge-request summary.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from .figure import Figuur
from .models import ZorgvormGegevens
from .notation import number, number_as_given

KEY_LABELS: dict[str, str] = {
    "aanwezig": "aanwezig", "verwachte_vraag": "verwachte vraag", "werkelijke_vraag": "werkelijke vraag",
    "landelijke_functie": "landelijke functie", "bovenregionale_netwerken": "bovenregionale netwerken",
    "capaciteit": "capaciteit", "binnen_regio": "voor patiënten uit de regio", "buiten_regio": "voor patiënten van buiten de regio",
    "wachtenden": "wachtenden", "gemiddelde_wachttijd_weken": "gemiddelde wachttijd (weken)",
    "gesloten_wachtlijsten": "gesloten wachtlijsten", "exclusiecriteria": "exclusiecriteria", "criterium": "criterium",
    "motivatie": "motivatie", "onder_druk": "onder druk", "mate": "mate", "pnil_aandeel_pct": "PNIL-aandeel (%)",
    "vacaturegraad_pct": "vacaturegraad (%)", "toelichting": "toelichting", "prioriteit": "prioriteit",
    "bespreekpunt": "bespreekpunt", "agenderen": "agenderen", "redenen": "redenen", "gezette_stappen": "gezette stappen",
    "voorstel": "voorstel", "contact": "contact", "functie": "functie", "email": "e-mail", "tafel": "tafel",
    "voorzitter": "voorzitter", "naam": "naam", "organisatie": "organisatie", "onafhankelijk": "onafhankelijk",
    "projectmanagement": "projectmanagement", "deelnemers": "deelnemers", "vertegenwoordiging": "vertegenwoordiging",
    "soort": "soort", "opmerking": "opmerking", "jaaragenda": "jaaragenda", "gepubliceerd": "gepubliceerd",
    "bijeenkomsten": "bijeenkomsten", "datum": "datum", "tijd": "tijd", "locatie": "locatie", "fysiek": "fysiek",
    "stukken_verspreid": "stukken verspreid", "onderwerpen": "onderwerpen", "regioplan": "regioplan",
    "maatregel": "maatregel", "verantwoordelijke": "verantwoordelijke", "status": "status", "escalaties": "escalaties",
    "escalerende_partij": "escalerende partij", "extra_bijeenkomsten": "extra bijeenkomsten", "knelpunt": "knelpunt",
    "argumenten": "argumenten", "afwegingen": "afwegingen", "waarom_geen_oplossing": "waarom geen oplossing",
    "besluit": "besluit", "uitkomst": "uitkomst", "code": "code", "buurregios": "buurregio's", "website": "website",
    "voorbeeld": "voorbeeldgegevens", "heidag": "heidag", "adviezen": "adviezen", "reactie": "reactie", "advies": "advies",
    "voortgangsrapportage": "voortgangsrapportage", "regio": "regio", "jaar": "jaar", "zorgvorm": "zorgvorm",
    "versie": "contractversie", "doelgroep": "doelgroep", "alternatief": "alternatief", "toegangsprobleem": "toegangsprobleem",
    "oordeel": "oordeel", "elders": "zorg elders", "aantal": "aantal",
}
"""The label of each key as a segment of a longer path (``Klinische zorg › capaciteit › voor patiënten uit de regio``)."""

ENUM_KEYS = frozenset({"soort", "status", "mate", "vertegenwoordiging", "uitkomst", "zorgvorm", "doelgroep", "oordeel"})
"""Keys whose values are enum values: shown by their Dutch label, not their key."""


Soort = Literal["bool", "int", "float", "enum", "list"]


@dataclass(frozen=True)
class Veld:
    """One figure of the registry: where it stands in a care form, how the contract types it, and its :class:`Figuur`."""

    path: str
    soort: Soort
    beschrijving: str | None
    figuur: Figuur

    @property
    def label(self) -> str:
        """The Dutch row heading (Tabel 2)."""
        return self.figuur.label

    @property
    def column(self) -> str:
        """The name in frames and CSV downloads: ``capaciteit.binnen_regio`` → ``capaciteit_binnen_regio``."""
        return self.figuur.kolom or self.path.replace(".", "_")

    @property
    def weergave(self) -> str:
        """How the region page's table shows it: the declared way, else by total and value type."""
        if self.figuur.weergave is not None:
            return self.figuur.weergave
        if self.figuur.totaal == "capaciteit":
            return "capaciteit"
        return {"bool": "ja_nee", "list": "lijst"}.get(self.soort, "getal")

    @property
    def uitleg(self) -> str:
        """The column's explanation in a region's CSV."""
        return self.figuur.uitleg or f"{self.label}; leeg = onbekend"

    @property
    def totaal_uitleg(self) -> str:
        """The column's explanation in the national CSV (figures that join a total)."""
        return self.figuur.totaal_uitleg or f"Som van: {self.label[:1].lower()}{self.label[1:]}"


def _soort(annotation: Any) -> Soort:
    """The value type behind ``Aantal | None``, ``list[Tekst]``, an enum …"""
    args = [a for a in get_args(annotation) if a is not type(None)] if get_origin(annotation) in (Union, UnionType) else [annotation]
    kind = args[0]
    while get_origin(kind) is Annotated:
        kind = get_args(kind)[0]
    if get_origin(kind) is list:
        return "list"
    if isinstance(kind, type) and issubclass(kind, Enum):
        return "enum"
    if kind is bool:
        return "bool"
    return "int" if kind is int else "float"


def _walk(model: type[BaseModel], prefix: str = "") -> Iterator[Veld]:
    """The figures of a model in declaration order, descending into sub-models (``capaciteit``, ``onder_druk``)."""
    for name, info in model.model_fields.items():
        figuur = next((m for m in info.metadata if isinstance(m, Figuur)), None)
        if figuur is not None:
            yield Veld(prefix + name, _soort(info.annotation), info.description, figuur)
        elif isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
            yield from _walk(info.annotation, f"{prefix}{name}.")


FIGUREN: tuple[Veld, ...] = tuple(_walk(ZorgvormGegevens))
"""The field registry: every figure of a care form, in the contract's order (which is also the order of tables and downloads)."""
FIGUREN_BY_PATH = {f.path: f for f in FIGUREN}
TABEL2: tuple[Veld, ...] = tuple(f for f in FIGUREN if f.figuur.tabel2)
"""The rows of Bijlage 2, Tabel 2."""
TABEL2_BY_PATH = {f.path: f for f in TABEL2}
REGIOTABEL: tuple[Veld, ...] = tuple(f for f in FIGUREN if f.figuur.regiotabel)
"""The rows of a care form's table on the region page."""
COUNT_PATHS = tuple(f.path for f in FIGUREN if f.figuur.totaal in ("som", "capaciteit"))
"""The Tabel 2 figures that are counts (whole numbers ≥ 0): summed nationally."""
CAPACITEIT_PATHS = tuple(f.path for f in FIGUREN if f.figuur.totaal == "capaciteit")
"""The figures whose sum is the capacity total (binnen + buiten de regio)."""
GEWOGEN_PATHS = tuple(f.path for f in FIGUREN if f.figuur.totaal == "gewogen")
"""The figures whose national total is a mean weighted by demand."""
FIGURE_PATHS = tuple(f.path for f in FIGUREN if f.figuur.totaal is not None)
"""Every Tabel 2 figure a region may not know (``null`` = onbekend) that joins a total: completeness and plausibility read these."""

DECIMALEN = {f.path.rsplit(".", 1)[-1]: f.figuur.decimalen for f in FIGUREN if f.figuur.decimalen is not None}
"""Keys (last segment) whose figures always show a fixed number of decimals: a waiting time reads 6,0 weeks everywhere."""


def figure(value: float, key: str = "") -> str:
    """A figure as every page and report writes it: the registry's fixed decimals for its key, else as given."""
    if key in DECIMALEN:
        return number(value, DECIMALEN[key])
    return number_as_given(value)


def fields_markdown_table() -> str:
    """The registry as a Markdown table (key, label, unit, total, new-year), for the engineering docs."""
    rows = ["| Key | Label | Unit | Total | New year |", "| --- | --- | --- | --- | --- |"]
    for f in FIGUREN:
        rows.append(
            f"| `{f.path}` | {f.label} | {f.figuur.eenheid or '–'} | {f.figuur.totaal or '–'} | {'copied' if f.figuur.nieuw_jaar else 'null'} |"
        )
    return "\n".join(rows) + "\n"


def field_value(obj: object, path: str) -> object:
    """The value at a dotted key path of a model (``capaciteit.binnen_regio``); enums as their contract key."""
    value = obj
    for part in path.split("."):
        value = getattr(value, part)
    return value.value if isinstance(value, Enum) else value


def field_label(path: str) -> str:
    """The Dutch heading of a field: its registry label, else its key's label, capitalised."""
    if path in FIGUREN_BY_PATH:
        return FIGUREN_BY_PATH[path].label
    text = KEY_LABELS.get(path.rsplit(".", 1)[-1], path.rsplit(".", 1)[-1].replace("_", " "))
    return text[:1].upper() + text[1:]

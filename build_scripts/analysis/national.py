"""National aggregation: validated models → a pandas frame per region and care form, and national totals.

The national table compares demand and supply per care form over all regions. Unknown values
(``None``) stay unknown: sums skip them and every total carries the number of regions it rests
on (``n_<veld>``), so a page can say "op basis van 31 van 40 regio's"; a total over no known
value is unknown, never 0. Pure: no I/O, no pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..contract.fields import CAPACITEIT_PATHS, COUNT_PATHS, FIGUREN, FIGUREN_BY_PATH, GEWOGEN_PATHS, Veld, field_value
from ..contract.models import Exclusiecriterium, ZorgvormGegevens
from ..contract.vocabulary import TREEKNORM_WEKEN, Zorgvorm
from ..reading.dataset import Dataset

AANTAL_VELDEN = tuple(FIGUREN_BY_PATH[path].column for path in COUNT_PATHS)
"""The count columns of the frame, summed nationally (``capaciteit_binnen_regio``, …)."""
CAPACITEIT_VELDEN = tuple(FIGUREN_BY_PATH[path].column for path in CAPACITEIT_PATHS)
"""The columns whose sum is the frame's ``capaciteit``."""
GEWOGEN_VELDEN = tuple(FIGUREN_BY_PATH[path].column for path in GEWOGEN_PATHS)
"""The columns totalled as a mean weighted by demand (``gemiddelde_wachttijd_weken``)."""
@dataclass(frozen=True)
class Overzicht:
    """Everything national pages and downloads read, computed once per build."""

    frame: pd.DataFrame
    totaal: pd.DataFrame
    buren: dict[str, tuple[str, ...]]
    namen: dict[str, str]
    regios_totaal: int

    groepen: dict[tuple[int, str], pd.DataFrame]
    beelden: dict[int, Any] = field(default_factory=dict, repr=False, compare=False)
    """Per year the signals of :func:`.signals.tekortbeelden`, computed once: six sections read them (``Any``: signals builds on this module)."""

    def rows(self, jaar: int, zorgvorm: Zorgvorm | None = None) -> pd.DataFrame:
        """The region rows of one year (and care form); split once, so lookups stay cheap."""
        if zorgvorm is not None:
            return self.groepen.get((jaar, zorgvorm.value), self.frame.iloc[0:0])
        return self.frame[self.frame["jaar"] == jaar]


def overzicht(dataset: Dataset) -> Overzicht:
    """Frame, totals and the region registry (names, neighbours, how many regions exist)."""
    frame = region_frame(dataset)
    registry = {slug: r for slug, r in sorted(dataset.regions.items()) if r.regio is not None}
    return Overzicht(
        frame=frame,
        totaal=totals(frame),
        buren={slug: tuple(r.regio.buurregios) for slug, r in registry.items() if r.regio is not None},
        namen={slug: r.naam for slug, r in sorted(dataset.regions.items())},
        regios_totaal=len(registry),
        groepen=split_by_form(frame),
    )


def split_by_form(frame: pd.DataFrame) -> dict[tuple[int, str], pd.DataFrame]:
    """The region rows per (jaar, zorgvorm), in one pass over the frame."""
    return {(int(str(jaar)), str(zorgvorm)): rows for (jaar, zorgvorm), rows in frame.groupby(["jaar", "zorgvorm"], sort=True)}


def region_frame(dataset: Dataset) -> pd.DataFrame:
    """One row per year × region × care form, with the Tabel 2 figures as nullable columns."""
    rows = [
        _row(jaar, slug, zorgvorm, g)
        for slug, region in sorted(dataset.regions.items())
        for jaar, model in sorted(region.jaren.items())
        for zorgvorm, g in model.zorgvormen.items()
    ]
    return _derive(pd.DataFrame(rows, columns=_COLUMNS))


_COLUMNS = [
    "jaar", "regio", "zorgvorm", *(f.column for f in FIGUREN), "exclusiecriteria", "bespreekpunt", "criteria", "toegangsprobleem",
]


def frame_value(g: ZorgvormGegevens, f: Veld) -> object:
    """A figure as a frame cell: enums by their key, lists joined by ``; ``, ``None`` stays onbekend."""
    value = field_value(g, f.path)
    return "; ".join(value) if isinstance(value, list) else value


def _row(jaar: int, slug: str, zorgvorm: Zorgvorm, g: ZorgvormGegevens) -> dict[str, object]:
    return {
        "jaar": jaar, "regio": slug, "zorgvorm": zorgvorm.value, **{f.column: frame_value(g, f) for f in FIGUREN},
        "exclusiecriteria": len(g.exclusiecriteria),
        "bespreekpunt": g.bespreekpunt is not None and g.bespreekpunt.agenderen,
        "criteria": tuple(Criterium.of(c) for c in g.exclusiecriteria),
        "toegangsprobleem": g.toegangsprobleem.oordeel.value if g.toegangsprobleem is not None else None,
    }


@dataclass(frozen=True)
class Criterium:
    """What the exclusion-criteria rule needs of one criterion: its group, and whether an alternative was given or is known."""

    criterium: str
    doelgroep: str | None
    alternatief_opgegeven: bool
    alternatief: str | None
    leeftijden: tuple[int, int | None] | None = None
    """For an age limit: the ages it excludes, from and through (``None``: no upper bound); ``None`` when the file gives neither bound."""

    @classmethod
    def of(cls, c: Exclusiecriterium) -> Criterium:
        grenzen = c.leeftijd_vanaf, c.leeftijd_tot_en_met
        leeftijden = None if grenzen == (None, None) else (c.leeftijd_vanaf or 0, c.leeftijd_tot_en_met)
        return cls(c.criterium, c.doelgroep.value if c.doelgroep else None, c.alternatief_opgegeven, c.alternatief, leeftijden)


def _derive(frame: pd.DataFrame) -> pd.DataFrame:
    """Typed columns plus the per-region facts the shortage rules read.

    A form that is absent (``aanwezig: false``) has capacity 0 in that region, also where the file
    leaves it ``null`` (as ``dossier new-year`` writes it): the guide's MPU example counts exactly
    those regions' demand. ``wachtsignaal`` is a nullable boolean: unknown stays unknown, and an
    absent form has no waiting list of its own to signal.
    """
    soorten: dict[str, Any] = {"int": "Int64", "float": "Float64", "bool": "bool"}
    frame = frame.astype({f.column: soorten[f.soort] for f in FIGUREN if f.soort in soorten} | {"jaar": "int64"})
    frame = frame.astype({"bespreekpunt": bool, "exclusiecriteria": "int64"})
    afwezig = ~frame["aanwezig"]
    for veld in CAPACITEIT_VELDEN:
        frame[veld] = frame[veld].mask(afwezig & frame[veld].isna(), 0)
    frame["vraag"] = frame["werkelijke_vraag"].fillna(frame["verwachte_vraag"])
    frame["vraag_verwacht"] = frame["werkelijke_vraag"].isna() & frame["verwachte_vraag"].notna()
    frame["capaciteit"] = sum((frame[veld] for veld in CAPACITEIT_VELDEN[1:]), frame[CAPACITEIT_VELDEN[0]])
    frame["heeft_aanbod"] = frame["aanwezig"] & ~(frame["capaciteit"] == 0).fillna(False).astype(bool)
    frame["boven_treeknorm"] = frame["gemiddelde_wachttijd_weken"] > TREEKNORM_WEKEN
    frame["wachtsignaal"] = (frame["boven_treeknorm"] | (frame["gesloten_wachtlijsten"] > 0)).mask(afwezig, False)
    return frame


def totals(frame: pd.DataFrame) -> pd.DataFrame:
    """National totals per (jaar, zorgvorm): skip-unknown sums, each with the count it rests on."""
    work = frame.assign(_vergelijk=frame["vraag"].notna() & frame["capaciteit"].notna())
    work["_vraag_v"] = work["vraag"].where(work["_vergelijk"])
    work["_cap_v"] = work["capaciteit"].where(work["_vergelijk"])
    work["_verwacht_v"] = work["vraag_verwacht"] & work["_vergelijk"]
    work["_buiten_v"] = work["capaciteit_buiten_regio"].where(work["capaciteit"].notna())
    groups = work.groupby(["jaar", "zorgvorm"], sort=True)
    out = pd.DataFrame({"n_regios": groups.size()})
    for veld in AANTAL_VELDEN:
        out[veld] = groups[veld].sum(min_count=1)
        out[f"n_{veld}"] = groups[veld].count()
    for veld in GEWOGEN_VELDEN:
        out[veld], out[f"n_{veld}"] = _weighted_mean(frame, veld)
    out["vraag_vergelijking"] = groups["_vraag_v"].sum(min_count=1)
    out["capaciteit_vergelijking"] = groups["_cap_v"].sum(min_count=1)
    out["n_vergelijking"] = groups["_vergelijk"].sum()
    out["n_vraag_verwacht"] = groups["_verwacht_v"].sum()
    capaciteit = groups["capaciteit"].sum(min_count=1)
    out["aandeel_buiten_regio_pct"] = (100 * groups["_buiten_v"].sum(min_count=1) / capaciteit).where(capaciteit > 0)
    out["n_aandeel_buiten_regio_pct"] = groups["capaciteit"].count()
    out["regios_met_aanbod"] = groups["heeft_aanbod"].sum()
    out["regios_zonder_aanbod"] = out["n_regios"] - out["regios_met_aanbod"]
    out["regios_landelijke_functie"] = groups["landelijke_functie"].sum()
    return out


def _weighted_mean(frame: pd.DataFrame, veld: str) -> tuple[pd.Series, pd.Series]:
    """Per (jaar, zorgvorm) the mean of a figure weighted by each region's demand, and how many regions it rests on."""
    bekend = frame[veld].notna() & frame["vraag"].notna()
    work = pd.DataFrame({
        "jaar": frame["jaar"], "zorgvorm": frame["zorgvorm"], "bekend": bekend,
        "gewicht": frame["vraag"].where(bekend), "gewogen": (frame[veld] * frame["vraag"]).where(bekend),
    })
    groups = work.groupby(["jaar", "zorgvorm"], sort=True)
    gewicht = groups["gewicht"].sum(min_count=1)
    return (groups["gewogen"].sum(min_count=1) / gewicht).where(gewicht > 0), groups["bekend"].sum()


def totals_of_year(totaal: pd.DataFrame, jaar: int) -> dict[Zorgvorm, dict[str, Any]]:
    """The totals of one year as plain Python values per care form (``None`` = onbekend)."""
    jaar_rows: dict[Any, dict[Any, Any]] = {}
    if jaar in totaal.index.get_level_values("jaar"):
        jaar_rows = pd.DataFrame(totaal.xs(jaar, level="jaar")).to_dict("index")
    result: dict[Zorgvorm, dict[str, Any]] = {}
    for zorgvorm in Zorgvorm:
        row = jaar_rows.get(zorgvorm.value)
        if row is not None:
            result[zorgvorm] = {str(col): plain(value) for col, value in row.items()}
        else:
            result[zorgvorm] = {col: 0 if col.startswith(("n_", "regios_")) else None for col in totaal.columns}
    return result


def plain(value: Any) -> Any:
    """pandas/numpy scalars to int/float/None, so templates and CSV see plain values."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def group_neighbours(slugs: Sequence[str], buren: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Split regions into groups of neighbours (connected through buurregios within ``slugs``).

    The national table discusses neighbouring regions with a point on the same care form
    together. Breadth-first over the neighbour lists: linear in regions × neighbours.
    """
    remaining = set(slugs)
    groups = []
    for start in sorted(slugs):
        if start not in remaining:
            continue
        remaining.discard(start)
        group, queue = [start], [start]
        while queue:
            for buur in buren.get(queue.pop(), ()):
                if buur in remaining:
                    remaining.discard(buur)
                    group.append(buur)
                    queue.append(buur)
        groups.append(sorted(group))
    return groups

"""National aggregation: validated models → a pandas frame per region and care form, and national totals.

The national table compares demand and supply per care form over all regions. Unknown values
(``None``) stay unknown: sums skip them and every total carries the number of regions it rests
on (``n_<veld>``), so a page can say "op basis van 31 van 40 regio's"; a total over no known
value is unknown, never 0. Pure: no I/O, no pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..contract.fields import COUNT_PATHS, TABEL2_BY_PATH
from ..contract.models import Exclusiecriterium, ZorgvormGegevens
from ..contract.vocabulary import TREEKNORM_WEKEN, Zorgvorm
from ..reading.dataset import Dataset

AANTAL_VELDEN = tuple(TABEL2_BY_PATH[path].column for path in COUNT_PATHS)
"""The count columns of the frame, summed nationally (``capaciteit_binnen_regio``, …)."""
@dataclass(frozen=True)
class Overzicht:
    """Everything national pages and downloads read, computed once per build."""

    frame: pd.DataFrame
    totaal: pd.DataFrame
    buren: dict[str, tuple[str, ...]]
    namen: dict[str, str]
    regios_totaal: int

    groepen: dict[tuple[int, str], pd.DataFrame]

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
    "jaar", "regio", "zorgvorm", "aanwezig", "landelijke_functie", *AANTAL_VELDEN,
    "gemiddelde_wachttijd_weken", "exclusiecriteria", "onder_druk", "bespreekpunt", "bovenregionale_netwerken",
    "pnil_aandeel_pct", "vacaturegraad_pct", "criteria", "toegangsprobleem",
]


def _row(jaar: int, slug: str, zorgvorm: Zorgvorm, g: ZorgvormGegevens) -> dict[str, object]:
    return {
        "jaar": jaar, "regio": slug, "zorgvorm": zorgvorm.value, "aanwezig": g.aanwezig, "landelijke_functie": g.landelijke_functie,
        "verwachte_vraag": g.verwachte_vraag, "werkelijke_vraag": g.werkelijke_vraag,
        "capaciteit_binnen_regio": g.capaciteit.binnen_regio, "capaciteit_buiten_regio": g.capaciteit.buiten_regio,
        "wachtenden": g.wachtenden, "gesloten_wachtlijsten": g.gesloten_wachtlijsten, "gemiddelde_wachttijd_weken": g.gemiddelde_wachttijd_weken,
        "exclusiecriteria": len(g.exclusiecriteria), "onder_druk": g.onder_druk.mate.value,
        "bespreekpunt": g.bespreekpunt is not None and g.bespreekpunt.agenderen,
        "bovenregionale_netwerken": "; ".join(g.bovenregionale_netwerken),
        "pnil_aandeel_pct": g.onder_druk.pnil_aandeel_pct, "vacaturegraad_pct": g.onder_druk.vacaturegraad_pct,
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
    floats = {"gemiddelde_wachttijd_weken": "Float64", "pnil_aandeel_pct": "Float64", "vacaturegraad_pct": "Float64"}
    frame = frame.astype({veld: "Int64" for veld in AANTAL_VELDEN} | floats | {"jaar": "int64"})
    frame = frame.astype({"aanwezig": bool, "landelijke_functie": bool, "bespreekpunt": bool, "exclusiecriteria": "int64"})
    afwezig = ~frame["aanwezig"]
    for veld in ("capaciteit_binnen_regio", "capaciteit_buiten_regio"):
        frame[veld] = frame[veld].mask(afwezig & frame[veld].isna(), 0)
    frame["vraag"] = frame["werkelijke_vraag"].fillna(frame["verwachte_vraag"])
    frame["vraag_verwacht"] = frame["werkelijke_vraag"].isna() & frame["verwachte_vraag"].notna()
    frame["capaciteit"] = frame["capaciteit_binnen_regio"] + frame["capaciteit_buiten_regio"]
    frame["heeft_aanbod"] = frame["aanwezig"] & ~(frame["capaciteit"] == 0).fillna(False).astype(bool)
    frame["boven_treeknorm"] = frame["gemiddelde_wachttijd_weken"] > TREEKNORM_WEKEN
    frame["wachtsignaal"] = (frame["boven_treeknorm"] | (frame["gesloten_wachtlijsten"] > 0)).mask(afwezig, False)
    return frame


def totals(frame: pd.DataFrame) -> pd.DataFrame:
    """National totals per (jaar, zorgvorm): skip-unknown sums, each with the count it rests on."""
    work = frame.assign(
        _wacht_bekend=frame["gemiddelde_wachttijd_weken"].notna() & frame["vraag"].notna(),
        _vergelijk=frame["vraag"].notna() & frame["capaciteit"].notna(),
    )
    work["_gewicht"] = work["vraag"].where(work["_wacht_bekend"])
    work["_gewogen"] = (work["gemiddelde_wachttijd_weken"] * work["vraag"]).where(work["_wacht_bekend"])
    work["_vraag_v"] = work["vraag"].where(work["_vergelijk"])
    work["_cap_v"] = work["capaciteit"].where(work["_vergelijk"])
    work["_verwacht_v"] = work["vraag_verwacht"] & work["_vergelijk"]
    work["_buiten_v"] = work["capaciteit_buiten_regio"].where(work["capaciteit"].notna())
    groups = work.groupby(["jaar", "zorgvorm"], sort=True)
    out = pd.DataFrame({"n_regios": groups.size()})
    for veld in AANTAL_VELDEN:
        out[veld] = groups[veld].sum(min_count=1)
        out[f"n_{veld}"] = groups[veld].count()
    gewicht = groups["_gewicht"].sum(min_count=1)
    out["gemiddelde_wachttijd_weken"] = (groups["_gewogen"].sum(min_count=1) / gewicht).where(gewicht > 0)
    out["n_gemiddelde_wachttijd_weken"] = groups["_wacht_bekend"].sum()
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

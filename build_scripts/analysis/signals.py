"""Shortage signals per care form and year, by the guide's classes, on the national frame.

Each rule is a small function of the region rows of one care form and year (see
:mod:`national`), so the national page, the home page and the downloads state the same signals.
Pure: no I/O, no pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from ..contract.vocabulary import Zorgvorm
from .national import Overzicht, split_by_form, totals_of_year

DRUK_SIGNAAL = ("matig", "ernstig")
TEKORTKLASSEN = ("absoluut_tekort", "lokaal_tekort", "tekort_door_exclusiecriteria", "onder_druk")
WACHTSIGNALEN = ("wachttijd_boven_treeknorm", "gesloten_wachtlijsten", "structureel")
SIGNAAL_LABELS = {
    "absoluut_tekort": "Absoluut tekort",
    "lokaal_tekort": "Lokaal tekort",
    "tekort_door_exclusiecriteria": "Tekort door exclusiecriteria",
    "onder_druk": "Aanbod onder druk",
    "wachttijd_boven_treeknorm": "Wachttijd boven de Treeknorm",
    "gesloten_wachtlijsten": "Gesloten wachtlijsten",
    "structureel": "Wachtlijstprobleem twee jaar op rij",
}


@dataclass(frozen=True)
class Signaal:
    """One shortage signal on one care form, with the regions it concerns (slugs)."""

    key: str
    regios: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return SIGNAAL_LABELS[self.key]


@dataclass(frozen=True)
class Tekortbeeld:
    """All signals on one care form in one year; a care form can carry several."""

    jaar: int
    zorgvorm: Zorgvorm
    absoluut: bool | None
    signalen: tuple[Signaal, ...]

    def signaal(self, key: str) -> Signaal | None:
        return next((s for s in self.signalen if s.key == key), None)

    @property
    def tekortklasse(self) -> str:
        """The guide's shortage classes that apply, ';'-separated keys (CSV), or 'geen'."""
        keys = [s.key for s in self.signalen if s.key in TEKORTKLASSEN]
        return ";".join(keys) if keys else "geen"


def absoluut_tekort(totaal: Mapping[str, object]) -> bool | None:
    """Absolute shortage: national demand above national capacity (binnen + buiten regio).

    Compared over the regions where both are known, so a missing figure on one side does not
    make a shortage appear or disappear; ``None`` when no region has both.
    """
    vraag, capaciteit = totaal["vraag_vergelijking"], totaal["capaciteit_vergelijking"]
    if vraag is None or capaciteit is None or not totaal["n_vergelijking"]:
        return None
    return bool(vraag > capaciteit)  # type: ignore[operator]


def lokaal_tekort(rows: pd.DataFrame, buren: Mapping[str, Sequence[str]]) -> list[str]:
    """Regions with unmet demand, no offer of their own and no neighbour with the offer.

    Linear in regions × neighbours: the set of regions with an offer is built once.
    """
    met_aanbod = set(rows.loc[rows["heeft_aanbod"], "regio"])
    kandidaten = rows.loc[rows["onvervulde_vraag"] & ~rows["heeft_aanbod"], "regio"]
    return sorted(slug for slug in kandidaten if met_aanbod.isdisjoint(buren.get(slug, ())))


def tekort_door_exclusiecriteria(rows: pd.DataFrame) -> list[str]:
    """Regions that have the offer, apply exclusion criteria and still report unmet demand."""
    mask = rows["heeft_aanbod"] & (rows["exclusiecriteria"] > 0) & rows["onvervulde_vraag"]
    return sorted(rows.loc[mask, "regio"])


def onder_druk(rows: pd.DataFrame) -> list[str]:
    """Regions that call their offer matig or ernstig under pressure."""
    return sorted(rows.loc[rows["onder_druk"].isin(DRUK_SIGNAAL), "regio"])


def wachttijd_boven_treeknorm(rows: pd.DataFrame) -> list[str]:
    """Regions whose mean waiting time over the past year exceeds the Treeknorm (14 weeks)."""
    return sorted(rows.loc[rows["boven_treeknorm"], "regio"])


def gesloten_wachtlijsten(rows: pd.DataFrame) -> list[str]:
    """Regions that closed a waiting list: a signal of its own, not just a long wait."""
    return sorted(rows.loc[(rows["gesloten_wachtlijsten"] > 0).fillna(False).astype(bool), "regio"])


def structureel(rows: pd.DataFrame, vorig: pd.DataFrame) -> list[str]:
    """Regions with a waiting-list signal (above Treeknorm or closed list) this year and last year."""
    return sorted(set(rows.loc[rows["wachtsignaal"], "regio"]) & set(vorig.loc[vorig["wachtsignaal"], "regio"]))


def classify(frame: pd.DataFrame, totaal: pd.DataFrame, buren: Mapping[str, Sequence[str]], jaar: int) -> dict[Zorgvorm, Tekortbeeld]:
    """Every shortage signal per care form in ``jaar``, by the rules above."""
    jaar_totalen = totals_of_year(totaal, jaar)
    groepen = split_by_form(frame[frame["jaar"].isin([jaar - 1, jaar])])
    leeg = frame.iloc[0:0]
    result = {}
    for zorgvorm in Zorgvorm:
        rows = groepen.get((jaar, zorgvorm.value), leeg)
        vorig = groepen.get((jaar - 1, zorgvorm.value), leeg)
        absoluut = absoluut_tekort(jaar_totalen[zorgvorm])
        found: dict[str, list[str]] = {
            "lokaal_tekort": [] if absoluut else lokaal_tekort(rows, buren),
            "tekort_door_exclusiecriteria": tekort_door_exclusiecriteria(rows),
            "onder_druk": onder_druk(rows),
            "wachttijd_boven_treeknorm": wachttijd_boven_treeknorm(rows),
            "gesloten_wachtlijsten": gesloten_wachtlijsten(rows),
            "structureel": structureel(rows, vorig),
        }
        signalen = [Signaal("absoluut_tekort", _tekort_regios(rows))] if absoluut else []
        signalen += [Signaal(key, tuple(regios)) for key, regios in found.items() if regios]
        result[zorgvorm] = Tekortbeeld(jaar, zorgvorm, absoluut, tuple(signalen))
    return result


def _tekort_regios(rows: pd.DataFrame) -> tuple[str, ...]:
    """Regions whose own demand exceeds their total capacity: where an absolute shortage shows."""
    return tuple(sorted(rows.loc[(rows["vraag"] > rows["capaciteit"]).fillna(False).astype(bool), "regio"]))




def region_signals(ov: Overzicht, jaren: Iterable[int]) -> dict[tuple[str, int], dict[Zorgvorm, tuple[Signaal, ...]]]:
    """Per (region, year) and care form, the signals of :func:`classify` that name that region.

    A region's overview shows these next to its figures. :func:`classify` runs once per year, not
    once per region, so this stays linear in regions × years. A signal names a region when the
    region is among its ``regios``; an absolute shortage names the regions whose own demand
    exceeds their capacity.
    """
    found: dict[tuple[str, int], dict[Zorgvorm, list[Signaal]]] = {}
    for jaar in sorted(set(jaren)):
        for zorgvorm, beeld in classify(ov.frame, ov.totaal, ov.buren, jaar).items():
            for signaal in beeld.signalen:
                for slug in signaal.regios:
                    found.setdefault((slug, jaar), {}).setdefault(zorgvorm, []).append(signaal)
    return {key: {z: tuple(s) for z, s in per_form.items()} for key, per_form in found.items()}

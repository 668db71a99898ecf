"""Shortage signals per care form and year, faithful to the guide: each rule a small function of the region rows.

The shortage classes of §4.2 (absolute, local, by exclusion criteria) apply to the four possibly
national forms only, each form compared like with like (MPU demand with MPU beds); the two
hoogspecialistische forms are shown as one topic (:data:`ONDERWERPEN`). Pressure, waiting and a
disappearing or shrinking offer apply to all six. Thresholds live in :mod:`..reading.norms`.
Beside every computed signal stand the tables' own judgements (``toegangsprobleem``, §3.2).
Pure: no I/O, no pages.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..contract.vocabulary import HOOGSPECIALISTISCH, Zorgvorm
from ..reading import norms
from .national import plain, split_by_form, totals_of_year

TEKORTKLASSEN = ("absoluut_tekort", "lokaal_tekort", "tekort_door_exclusiecriteria", "onder_druk", "aanbod_krimpt")
WACHTSIGNALEN = ("wachttijd_boven_treeknorm", "gesloten_wachtlijsten", "structureel")
LANDELIJKE_KLASSEN = frozenset({"absoluut_tekort", "lokaal_tekort", "tekort_door_exclusiecriteria"})
"""The shortage classes of §4.2: only for the four possibly national forms."""
SIGNAAL_LABELS = {
    "absoluut_tekort": "Absoluut tekort",
    "lokaal_tekort": "Lokaal tekort",
    "tekort_door_exclusiecriteria": "Tekort door exclusiecriteria",
    "onder_druk": "Aanbod onder druk",
    "aanbod_krimpt": "Aanbod verdwijnt of krimpt",
    "wachttijd_boven_treeknorm": "Wachttijd boven de Treeknorm",
    "gesloten_wachtlijsten": "Gesloten wachtlijsten",
    "structureel": "Wachtlijstprobleem twee jaar op rij",
}
HOOGSPECIALISTISCH_LABEL = "Hoogspecialistische zorg (ggz-instellingen en ziekenhuizen)"
ONDERWERPEN: tuple[tuple[str, tuple[Zorgvorm, ...]], ...] = (
    (Zorgvorm.klinische_zorg.label, (Zorgvorm.klinische_zorg,)),
    (Zorgvorm.beveiligde_zorg.label, (Zorgvorm.beveiligde_zorg,)),
    (HOOGSPECIALISTISCH_LABEL, HOOGSPECIALISTISCH),
)
"""The national table's topics (§4.2): the two hoogspecialistische forms as one."""


@dataclass(frozen=True)
class Signaal:
    """One signal on one care form: the regions it concerns, why per region, and where it could not be judged."""

    key: str
    regios: tuple[str, ...] = ()
    waarom: Mapping[str, str] = field(default_factory=dict, compare=False)
    niet_te_beoordelen: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return SIGNAAL_LABELS[self.key]


@dataclass(frozen=True)
class Tekortbeeld:
    """All signals on one care form in one year, and each region's own judgement of access."""

    jaar: int
    zorgvorm: Zorgvorm
    absoluut: bool | None
    signalen: tuple[Signaal, ...]
    oordelen: Mapping[str, str | None] = field(default_factory=dict, compare=False)
    niet_beoordeeld: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    def signaal(self, key: str) -> Signaal | None:
        return next((s for s in self.signalen if s.key == key), None)

    @property
    def tekortklasse(self) -> str:
        """The shortage classes that apply, ';'-separated keys (CSV), or 'geen'."""
        keys = [s.key for s in self.signalen if s.key in TEKORTKLASSEN]
        return ";".join(keys) if keys else "geen"


Gevonden = tuple[list[str], dict[str, str], list[str]]
"""What a rule finds: the regions, why per region, and the regions it could not judge."""


def _each(rows: pd.DataFrame) -> Iterator[Any]:
    """The rows with attribute access; pandas types each field as a union of every scalar type, so say Any once here."""
    return iter(rows.itertuples())


def _vraag_tekst(row: Any) -> str:
    return f"vraag {plain(row.vraag)}" + (" (verwacht)" if row.vraag_verwacht else "")


def absoluut_tekort(totaal: Mapping[str, Any]) -> bool | None:
    """Nationally, demand above capacity by more than :data:`norms.MARGE_PCT`, over the regions that know both.

    Compared over the same regions on both sides, so a missing figure makes no shortage appear or
    disappear; ``None`` when no region knows both.
    """
    vraag, capaciteit = totaal["vraag_vergelijking"], totaal["capaciteit_vergelijking"]
    if vraag is None or capaciteit is None or not totaal["n_vergelijking"]:
        return None
    return bool(vraag > capaciteit * (1 + norms.MARGE_PCT / 100))


def _tekort(row: Any) -> float:
    return float(row.vraag) - float(row.capaciteit)


def _beduidend(tekort: float, vraag: float) -> bool:
    return tekort >= norms.MIN_TEKORT and tekort > vraag * norms.MARGE_PCT / 100


def lokaal_tekort(rows: pd.DataFrame, buren: Mapping[str, Sequence[str]]) -> Gevonden:
    """Regions whose shortfall (demand − own capacity) exceeds what their neighbours have to spare.

    A neighbour's spare capacity is its capacity minus its own demand (never below 0); a neighbour
    with unknown figures or without a file has nothing to spare. Regions with unknown demand or
    capacity cannot be judged. Linear in regions × neighbours.
    """
    bekend = rows[rows["vraag"].notna() & rows["capaciteit"].notna()]
    ruimte = {r.regio: max(0.0, -_tekort(r)) for r in _each(bekend)}
    gevonden, waarom = [], {}
    for r in _each(bekend):
        tekort, beschikbaar = _tekort(r), sum(ruimte.get(b, 0.0) for b in buren.get(str(r.regio), ()))
        if _beduidend(tekort, float(r.vraag)) and tekort > beschikbaar:
            gevonden.append(str(r.regio))
            waarom[str(r.regio)] = f"{_vraag_tekst(r)}, capaciteit {plain(r.capaciteit)}: {tekort:.0f} tekort; buurregio's hebben samen {beschikbaar:.0f} over"
    onbekend = sorted(set(rows["regio"]) - set(bekend["regio"]))
    return sorted(gevonden), waarom, onbekend


def tekort_door_exclusiecriteria(rows: pd.DataFrame, buren: Mapping[str, Sequence[str]]) -> Gevonden:
    """Criteria that leave part of the patients without suitable care (§4.2), per region that offers the form.

    A criterion counts when the region knows no alternative (``alternatief: null``), or when its
    ``doelgroep`` is excluded by every region within reach (itself and its neighbours) that offers
    the form. A criterion without ``alternatief`` and without such a group cannot be judged.
    """
    aanbod = rows[rows["heeft_aanbod"]]
    uitgesloten = {str(r.regio): {c.doelgroep for c in r.criteria if c.doelgroep} for r in _each(aanbod)}
    gevonden, waarom, onbekend = [], {}, []
    for r in _each(aanbod):
        slug = str(r.regio)
        bereik = [s for s in (slug, *buren.get(slug, ())) if s in uitgesloten]
        redenen = [_exclusion_reason(c, bereik, uitgesloten) for c in r.criteria]
        if any(redenen):
            gevonden.append(slug)
            waarom[slug] = "; ".join(reden for reden in redenen if reden)
        elif any(not c.alternatief_opgegeven for c in r.criteria):
            onbekend.append(slug)
    return sorted(gevonden), waarom, sorted(onbekend)


def _exclusion_reason(c: Any, bereik: list[str], uitgesloten: Mapping[str, set[str]]) -> str | None:
    if c.alternatief_opgegeven and c.alternatief is None:
        return f"'{c.criterium}': geen alternatief bekend"
    if c.doelgroep and all(c.doelgroep in uitgesloten[s] for s in bereik):
        return f"'{c.criterium}': elke regio binnen bereik met dit aanbod sluit deze groep uit"
    return None


def onder_druk(rows: pd.DataFrame) -> list[str]:
    """Offer under significant pressure: ``ernstig``, or ``matig`` with PNIL or vacancies above the thresholds."""
    pnil = (rows["pnil_aandeel_pct"] >= norms.DRUK_PNIL_PCT).fillna(False).astype(bool)
    vacatures = (rows["vacaturegraad_pct"] >= norms.DRUK_VACATURE_PCT).fillna(False).astype(bool)
    mask = (rows["onder_druk"] == "ernstig") | ((rows["onder_druk"] == "matig") & (pnil | vacatures))
    return sorted(rows.loc[mask, "regio"])


def aanbod_krimpt(rows: pd.DataFrame, vorig: pd.DataFrame) -> Gevonden:
    """Offer present last cycle that is gone now, or whose capacity fell by more than :data:`norms.KRIMP_PCT`."""
    eerder = {str(r.regio): r for r in _each(vorig)}
    gevonden, waarom = [], {}
    for r in _each(rows):
        v = eerder.get(str(r.regio))
        if v is None:
            continue
        wijziging = norms.supply_change(bool(v.aanwezig), plain(v.capaciteit), bool(r.aanwezig), plain(r.capaciteit))
        if wijziging is not None:
            gevonden.append(str(r.regio))
            waarom[str(r.regio)] = "niet meer aanwezig" if wijziging == "verdwijnt" else f"capaciteit {plain(v.capaciteit)} → {plain(r.capaciteit)}"
    return sorted(gevonden), waarom, []


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
    """Every signal per care form in ``jaar``, by the rules above."""
    jaar_totalen = totals_of_year(totaal, jaar)
    groepen = split_by_form(frame[frame["jaar"].isin([jaar - 1, jaar])])
    leeg = frame.iloc[0:0]
    return {
        z: _classify_form(jaar, z, groepen.get((jaar, z.value), leeg), groepen.get((jaar - 1, z.value), leeg), jaar_totalen[z], buren)
        for z in Zorgvorm
    }


def _classify_form(
    jaar: int, zorgvorm: Zorgvorm, rows: pd.DataFrame, vorig: pd.DataFrame, totaal: Mapping[str, Any], buren: Mapping[str, Sequence[str]]
) -> Tekortbeeld:
    found: dict[str, Gevonden] = {"aanbod_krimpt": aanbod_krimpt(rows, vorig)}
    absoluut = None
    if not zorgvorm.regionaal:
        absoluut = absoluut_tekort(totaal)
        if absoluut:
            found["absoluut_tekort"] = (list(_tekort_regios(rows)), {}, [])
        found["lokaal_tekort"] = lokaal_tekort(rows, buren)
        found["tekort_door_exclusiecriteria"] = tekort_door_exclusiecriteria(rows, buren)
    simple = {
        "onder_druk": onder_druk(rows), "wachttijd_boven_treeknorm": wachttijd_boven_treeknorm(rows),
        "gesloten_wachtlijsten": gesloten_wachtlijsten(rows), "structureel": structureel(rows, vorig),
    }
    found.update({key: (regios, {}, []) for key, regios in simple.items()})
    order = [*TEKORTKLASSEN, *WACHTSIGNALEN]
    signalen = tuple(Signaal(key, tuple(found[key][0]), found[key][1], tuple(found[key][2])) for key in order if key in found and found[key][0])
    niet = {key: tuple(found[key][2]) for key in order if key in found and found[key][2]}
    oordelen = {str(r.regio): r.toegangsprobleem for r in _each(rows)}
    return Tekortbeeld(jaar, zorgvorm, absoluut, signalen, oordelen, niet)


def _tekort_regios(rows: pd.DataFrame) -> tuple[str, ...]:
    """Regions whose own demand exceeds their total capacity: where an absolute shortage shows."""
    return tuple(sorted(rows.loc[(rows["vraag"] > rows["capaciteit"]).fillna(False).astype(bool), "regio"]))

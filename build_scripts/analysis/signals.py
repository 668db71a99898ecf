"""Shortage signals per care form and year, faithful to the guide: the rules of :mod:`.signal_rules`, gathered.

The shortage classes of §4.2 (absolute, local, by exclusion criteria) apply to the four possibly
national forms only, each form compared like with like (MPU demand with MPU beds); the two
hoogspecialistische forms are shown as one topic (:data:`ONDERWERPEN`). Pressure, waiting and a
disappearing or shrinking offer apply to all six. Every signal says which regions it names, and
which it could not judge and why: coverage ("op basis van N van M regio's") follows from that.
Absolute shortage is a national conclusion: a region's own pages show its balance in neutral
words (:class:`Balans`), never that label. Beside every computed signal stand the tables' own
judgements (``toegangsprobleem``, §3.2). Pure: no I/O, no pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..contract.notation import number
from ..contract.vocabulary import HOOGSPECIALISTISCH, Zorgvorm
from . import signal_rules as regels
from .national import Overzicht, plain, split_by_form, totals_of_year
from .signal_rules import Gevonden
from .signal_rules import absoluut_tekort as absoluut_tekort  # re-exported: the national rule callers know by this module

TEKORTKLASSEN = ("absoluut_tekort", "lokaal_tekort", "tekort_door_exclusiecriteria", "onder_druk", "aanbod_krimpt")
WACHTSIGNALEN = ("wachttijd_boven_treeknorm", "gesloten_wachtlijsten", "structureel")
_LANDELIJKE_REGELS: dict[str, Callable[[pd.DataFrame, Mapping[str, Sequence[str]]], Gevonden]] = {
    "absoluut_tekort": lambda rows, _buren: regels.vraag_boven_capaciteit(rows),  # the regions whose demand tops capacity; fires on the national total
    "lokaal_tekort": regels.lokaal_tekort,
    "tekort_door_exclusiecriteria": regels.tekort_door_exclusiecriteria,
}
LANDELIJKE_KLASSEN = frozenset(_LANDELIJKE_REGELS)
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
SIGNAAL_KEYS = (*TEKORTKLASSEN, *WACHTSIGNALEN)
"""Every signal, in the order pages and downloads show them."""
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
    """All signals on one care form in one year, where they could not be judged, and each region's own judgement of access."""

    jaar: int
    zorgvorm: Zorgvorm
    absoluut: bool | None
    signalen: tuple[Signaal, ...]
    oordelen: Mapping[str, str | None] = field(default_factory=dict, compare=False)
    niet_beoordeeld: Mapping[str, Mapping[str, str]] = field(default_factory=dict, compare=False)
    """Per signal key, the regions it could not judge and why (only keys with such regions)."""
    n_regios: int = 0
    """Regions with figures for this form in this cycle: every rule looks at each of them."""

    def signaal(self, key: str) -> Signaal | None:
        return next((s for s in self.signalen if s.key == key), None)

    @property
    def signaal_keys(self) -> tuple[str, ...]:
        """The signals that apply to this form: the §4.2 classes only to the four possibly national forms."""
        return tuple(k for k in SIGNAAL_KEYS if not (self.zorgvorm.regionaal and k in LANDELIJKE_KLASSEN))

    def beoordeeld(self, key: str) -> int:
        """On how many regions the conclusion of one signal rests: those with figures that it could judge."""
        return self.n_regios - len(self.niet_beoordeeld.get(key, {}))

    @property
    def tekortklasse(self) -> str:
        """The shortage classes that apply, ';'-separated keys (CSV), or 'geen'."""
        keys = [s.key for s in self.signalen if s.key in TEKORTKLASSEN]
        return ";".join(keys) if keys else "geen"


def classify(frame: pd.DataFrame, totaal: pd.DataFrame, buren: Mapping[str, Sequence[str]], jaar: int) -> dict[Zorgvorm, Tekortbeeld]:
    """Every signal per care form in ``jaar``, by the rules of :mod:`.signal_rules`."""
    jaar_totalen = totals_of_year(totaal, jaar)
    groepen = split_by_form(frame[frame["jaar"].isin([jaar - 1, jaar])])
    leeg = frame.iloc[0:0]
    return {
        z: _classify_form(jaar, z, groepen.get((jaar, z.value), leeg), groepen.get((jaar - 1, z.value), leeg), jaar_totalen[z], buren)
        for z in Zorgvorm
    }


def tekortbeelden(ov: Overzicht, jaar: int) -> dict[Zorgvorm, Tekortbeeld]:
    """:func:`classify` of ``ov``'s figures in ``jaar``, computed once per build and year however many pages read it."""
    if jaar not in ov.beelden:
        ov.beelden[jaar] = classify(ov.frame, ov.totaal, ov.buren, jaar)
    beelden: dict[Zorgvorm, Tekortbeeld] = ov.beelden[jaar]
    return beelden


def _classify_form(
    jaar: int, zorgvorm: Zorgvorm, rows: pd.DataFrame, vorig: pd.DataFrame, totaal: Mapping[str, Any], buren: Mapping[str, Sequence[str]]
) -> Tekortbeeld:
    found: dict[str, Gevonden] = {
        "onder_druk": regels.onder_druk(rows), "aanbod_krimpt": regels.aanbod_krimpt(rows, vorig),
        "wachttijd_boven_treeknorm": regels.wachttijd_boven_treeknorm(rows), "gesloten_wachtlijsten": regels.gesloten_wachtlijsten(rows),
        "structureel": regels.structureel(rows, vorig),
    }
    absoluut = None
    if not zorgvorm.regionaal:
        absoluut = absoluut_tekort(totaal)
        found |= {key: rule(rows, buren) for key, rule in _LANDELIJKE_REGELS.items()}
    fired = {key: g for key, g in found.items() if (absoluut if key == "absoluut_tekort" else g.waarom)}
    signalen = tuple(
        Signaal(key, fired[key].regios, {s: w for s, w in fired[key].waarom.items() if w}, tuple(sorted(fired[key].niet)))
        for key in SIGNAAL_KEYS if key in fired
    )
    niet = {key: dict(sorted(found[key].niet.items())) for key in SIGNAAL_KEYS if key in found and found[key].niet}
    oordelen: dict[str, str | None] = {str(r.regio): plain(r.toegangsprobleem) for r in regels.each(rows)}
    return Tekortbeeld(jaar, zorgvorm, absoluut, signalen, oordelen, niet, len(rows))


@dataclass(frozen=True)
class Balans:
    """A region's own demand against its own capacity, in neutral words: an imbalance is no access problem by itself (§3.2)."""

    vraag: int | None
    vraag_verwacht: bool
    capaciteit: int | None
    aanwezig: bool

    @property
    def zin(self) -> str:
        """One Dutch sentence without a verdict: the figures, and which side is larger by how much."""
        vraag = f"Vraag {number(self.vraag)}" + (" (verwacht)" if self.vraag_verwacht else "")
        capaciteit = f"eigen capaciteit {number(self.capaciteit)}" + ("" if self.aanwezig else " (zorgvorm niet aanwezig)")
        if self.vraag is None or self.capaciteit is None:
            return f"{vraag}, {capaciteit}: de verhouding is onbekend."
        verschil = self.vraag - self.capaciteit
        if verschil > 0:
            return f"{vraag} tegenover {capaciteit}: {number(verschil)} meer vraag dan eigen capaciteit."
        if verschil < 0:
            return f"{vraag} tegenover {capaciteit}: {number(-verschil)} meer eigen capaciteit dan vraag."
        return f"{vraag} tegenover {capaciteit}: even groot."


@dataclass(frozen=True)
class RegioSignalen:
    """What the rules say about one region in one cycle on one care form, for its own pages."""

    balans: Balans
    signalen: tuple[Signaal, ...]
    """The signals that name this region; never the national absolute shortage."""
    niet_te_beoordelen: Mapping[str, str]
    """Per signal key the rule could not judge for this region, why not."""
    absoluut: bool | None
    """The national conclusion on this form (None: not determinable); see :attr:`landelijk`."""
    landelijk: bool
    """Whether the §4.2 classes apply to this form (the four possibly national forms)."""

    @property
    def onbeoordeeld(self) -> tuple[tuple[str, str, str], ...]:
        """(key, label, why not) of each signal the rules could not judge for this region."""
        return tuple((key, SIGNAAL_LABELS[key], reden) for key, reden in self.niet_te_beoordelen.items())


def region_signals(ov: Overzicht, jaren: Iterable[int]) -> dict[tuple[str, int], dict[Zorgvorm, RegioSignalen]]:
    """Per (region, year) and care form: its balance, the signals of :func:`classify` that name it, and what could not be judged.

    :func:`classify` runs once per year, not once per region, so this stays linear in regions ×
    years. Absolute shortage is a national conclusion (§4.2): it names no region here; the region's
    page shows its own balance and links to the national page instead.
    """
    result: dict[tuple[str, int], dict[Zorgvorm, RegioSignalen]] = {}
    for jaar in sorted(set(jaren)):
        for zorgvorm, beeld in tekortbeelden(ov, jaar).items():
            for r in regels.each(ov.rows(jaar, zorgvorm)):
                slug = str(r.regio)
                result.setdefault((slug, jaar), {})[zorgvorm] = RegioSignalen(
                    balans=Balans(plain(r.vraag), bool(r.vraag_verwacht), plain(r.capaciteit), bool(r.aanwezig)),
                    signalen=tuple(s for s in beeld.signalen if slug in s.regios and s.key != "absoluut_tekort"),
                    niet_te_beoordelen={k: n[slug] for k, n in beeld.niet_beoordeeld.items() if slug in n and k != "absoluut_tekort"},
                    absoluut=beeld.absoluut,
                    landelijk=not zorgvorm.regionaal,
                )
    return result

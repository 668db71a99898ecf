"""The rule behind each shortage signal: one small function per rule, over the region rows of one care form and year.

Each rule names the regions it finds (with why) and the regions it cannot judge (with why not).
An unknown figure is never read as 0: a neighbour whose capacity is unknown has no "0 over", a
region whose staffing figures are unknown is no region without pressure. So no conclusion rests
on an unknown; the page lists those regions as *niet te beoordelen* and says on how many regions
each conclusion rests. Thresholds live in :mod:`..contract.norms`; the national page's rules
("Zo rekenen we") state each rule in the same terms. Pure: no I/O, no pages.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..contract import norms
from ..contract.notation import number, number_as_given
from .national import Criterium, plain

ONVERGELIJKBARE_GROEPEN = frozenset({"anders"})
"""Groups two criteria never share: ``anders`` names no group. Age limits are compared by their ages (:func:`zelfde_groep`)."""


@dataclass
class Gevonden:
    """What a rule finds: the regions it names (why, or '' where the rule needs no reason) and the regions it could not judge (why not)."""

    waarom: dict[str, str] = field(default_factory=dict)
    niet: dict[str, str] = field(default_factory=dict)

    @property
    def regios(self) -> tuple[str, ...]:
        return tuple(sorted(self.waarom))


def each(rows: pd.DataFrame) -> Iterator[Any]:
    """The rows with attribute access; pandas types each field as a union of every scalar type, so say Any once here."""
    return iter(rows.itertuples())


def _known(value: Any) -> bool:
    return plain(value) is not None


def _demand_text(row: Any) -> str:
    return f"vraag {number(plain(row.vraag))}" + (" (verwacht)" if row.vraag_verwacht else "")


def _capacity_text(row: Any) -> str:
    return f"capaciteit {number(plain(row.capaciteit))}" + ("" if row.aanwezig else ", zorgvorm niet aanwezig")


def _unknown_text(row: Any) -> str:
    onbekend = [naam for naam, value in (("vraag", row.vraag), ("capaciteit", row.capaciteit)) if not _known(value)]
    return " en ".join(onbekend) + " onbekend"


def boven_marge(vraag: float, capaciteit: float) -> bool:
    """Demand above capacity by more than :data:`norms.MARGE_PCT`: the margin of every absolute comparison."""
    return vraag > capaciteit * (1 + norms.MARGE_PCT / 100)


def absoluut_tekort(totaal: Mapping[str, Any]) -> bool | None:
    """Nationally, demand above capacity by more than the margin, over the regions that know both.

    Compared over the same regions on both sides, so a missing figure makes no shortage appear or
    disappear; ``None`` when no region knows both.
    """
    vraag, capaciteit = totaal["vraag_vergelijking"], totaal["capaciteit_vergelijking"]
    if vraag is None or capaciteit is None or not totaal["n_vergelijking"]:
        return None
    return boven_marge(vraag, capaciteit)


def vraag_boven_capaciteit(rows: pd.DataFrame) -> Gevonden:
    """Where a national absolute shortage shows: regions whose demand exceeds their own capacity by more than the margin.

    Regions whose demand or capacity is unknown are left out of the national comparison: not judged.
    """
    uit = Gevonden()
    for r in each(rows):
        if not (_known(r.vraag) and _known(r.capaciteit)):
            uit.niet[str(r.regio)] = _unknown_text(r)
        elif boven_marge(float(r.vraag), float(r.capaciteit)):
            uit.waarom[str(r.regio)] = f"{_demand_text(r)}, {_capacity_text(r)}"
    return uit


def _significant(tekort: float, vraag: float) -> bool:
    return tekort >= norms.MIN_TEKORT and tekort > vraag * norms.MARGE_PCT / 100


@dataclass(frozen=True)
class _Ruimte:
    """The spare capacity a short region can count on at its neighbours, after sharing (rule 6)."""

    zeker: float
    """Its shares at neighbours whose other neighbours are all known too: no unknown region can claim them."""
    hooguit: float
    """Its shares at every known neighbour, as if the unknown regions around them claimed nothing."""
    buren: int
    bekend: int


def lokaal_tekort(rows: pd.DataFrame, buren: Mapping[str, Sequence[str]]) -> Gevonden:
    """Regions whose shortfall (demand − own capacity) exceeds what their neighbours have to spare for them.

    A neighbour's spare (capacity − own demand, never below 0) is shared among all its neighbours
    with a shortfall, in proportion to their shortfall: one neighbour's beds are never counted
    twice. A region whose own demand or capacity is unknown cannot be judged; nor can a short
    region whose conclusion would rest on an unknown neighbour (unknown is no "0 over").
    Linear in regions × neighbours.
    """
    tekort = {str(r.regio): float(r.vraag) - float(r.capaciteit) for r in each(rows) if _known(r.vraag) and _known(r.capaciteit)}
    gevraagd = {slug: sum(max(0.0, tekort[b]) for b in buren.get(slug, ()) if b in tekort) for slug in tekort}
    uit = Gevonden()
    for r in each(rows):
        slug = str(r.regio)
        if slug not in tekort:
            uit.niet[slug] = _unknown_text(r)
        elif _significant(tekort[slug], float(r.vraag)):
            _judge_local(uit, r, _spare_for(slug, tekort, gevraagd, buren))
    return uit


def _spare_for(slug: str, tekort: Mapping[str, float], gevraagd: Mapping[str, float], buren: Mapping[str, Sequence[str]]) -> _Ruimte:
    eigen = buren.get(slug, ())
    bekend = [b for b in eigen if b in tekort]
    zeker = hooguit = 0.0
    for b in bekend:
        over = max(0.0, -tekort[b])
        deel = over * tekort[slug] / max(gevraagd[b], tekort[slug]) if over else 0.0
        hooguit += deel
        if all(c in tekort for c in buren.get(b, ())):
            zeker += deel
    return _Ruimte(zeker, hooguit, len(eigen), len(bekend))


def _judge_local(uit: Gevonden, r: Any, ruimte: _Ruimte) -> None:
    tekort = float(r.vraag) - float(r.capaciteit)
    if tekort <= ruimte.zeker:
        return
    eigen = f"{_demand_text(r)}, {_capacity_text(r)}: {number(tekort)} tekort"
    if tekort > ruimte.hooguit and ruimte.bekend == ruimte.buren:
        uit.waarom[str(r.regio)] = f"{eigen}; {_neighbours_text(ruimte)}"
    else:
        uit.niet[str(r.regio)] = f"{eigen}; {_neighbours_text(ruimte)}"


def _neighbours_text(ruimte: _Ruimte) -> str:
    """How many neighbours could be judged and what they have to spare for this region; never "0 over" for an unknown."""
    over = number(math.floor(ruimte.hooguit))
    if not ruimte.buren:
        return "geen buurregio's"
    if ruimte.bekend < ruimte.buren:
        rest = ruimte.buren - ruimte.bekend
        return (f"{ruimte.bekend} van de {ruimte.buren} buurregio's te beoordelen, samen {over} over voor deze regio; "
                f"van {'de andere' if rest == 1 else f'de andere {rest}'} zijn vraag of capaciteit onbekend")
    samen = "de buurregio heeft" if ruimte.buren == 1 else f"de {ruimte.buren} buurregio's hebben samen"
    if ruimte.zeker < ruimte.hooguit:
        return f"{samen} hooguit {over} over voor deze regio, maar een deel daarvan is mogelijk nodig voor een regio met onbekende cijfers"
    return f"{samen} {over} over voor deze regio"


def zelfde_groep(a: Criterium, b: Criterium) -> bool:
    """Do two criteria exclude the same patients? Only when they name the same group, and one that can be compared.

    ``anders`` is never the same group; two age limits are the same group only when both state their
    ages and the ranges overlap ("onder 18" and "vanaf 65" exclude different patients).
    """
    if a.doelgroep is None or a.doelgroep != b.doelgroep or a.doelgroep in ONVERGELIJKBARE_GROEPEN:
        return False
    if a.doelgroep == "leeftijd":
        return a.leeftijden is not None and b.leeftijden is not None and _overlappen(a.leeftijden, b.leeftijden)
    return True


def _overlappen(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    """Do two age ranges (from, through; ``None`` = no upper bound) share at least one age?"""
    return (a[1] is None or b[0] <= a[1]) and (b[1] is None or a[0] <= b[1])


def tekort_door_exclusiecriteria(rows: pd.DataFrame, buren: Mapping[str, Sequence[str]]) -> Gevonden:
    """Criteria that leave part of the patients without suitable care at all (§4.2), per region that offers the form.

    The region's own answer decides: a named ``alternatief`` answers the question (no shortage, even
    where no neighbour offers the form); ``alternatief: null`` (none known) counts; a criterion
    without ``alternatief`` is not answered, so the region is not judged, never counted. The reason
    says how many neighbours with the offer exclude the same group (:func:`zelfde_groep`).
    """
    aanbod = {str(r.regio): tuple(r.criteria) for r in each(rows[rows["heeft_aanbod"]])}
    met_gegevens = set(rows["regio"])
    uit = Gevonden()
    for slug, criteria in aanbod.items():
        bereik = [aanbod[b] for b in buren.get(slug, ()) if b in aanbod]
        onbekend = sum(b not in met_gegevens for b in buren.get(slug, ()))
        zonder = [c for c in criteria if c.alternatief_opgegeven and c.alternatief is None]
        open_vraag = [c for c in criteria if not c.alternatief_opgegeven]
        if zonder:
            uit.waarom[slug] = "; ".join(_without_alternative(c, bereik, onbekend) for c in zonder)
        elif open_vraag:
            uit.niet[slug] = f"bij {len(open_vraag)} van de {len(criteria)} exclusiecriteria staat niet of er een alternatief is"
    return uit


def _without_alternative(c: Criterium, bereik: Sequence[tuple[Criterium, ...]], onbekend: int) -> str:
    """The reason for one criterion without a known alternative, with what the neighbours do; a neighbour without figures is unknown, not "no offer"."""
    delen = [f"'{c.criterium}': geen alternatief bekend"]
    ook = sum(any(zelfde_groep(c, d) for d in criteria) for criteria in bereik)
    if ook:
        delen.append(f"{ook} van de {len(bereik)} buurregio's met dit aanbod {'sluit' if ook == 1 else 'sluiten'} dezelfde groep uit")
    elif not bereik and not onbekend:
        delen.append("geen buurregio biedt deze zorgvorm aan")
    if onbekend:
        buurregios = "buurregio" if onbekend == 1 else "buurregio's"
        delen.append(f"van {onbekend} {buurregios} zijn voor deze cyclus geen gegevens")
    return "; ".join(delen)


def onder_druk(rows: pd.DataFrame) -> Gevonden:
    """Offer under significant pressure: ``ernstig``, or ``matig`` with PNIL or vacancies at or above the thresholds.

    ``matig`` without a figure above its threshold and with a figure unknown cannot be judged.
    """
    uit = Gevonden()
    for r in each(rows):
        slug = str(r.regio)
        if r.onder_druk == "ernstig":
            uit.waarom[slug] = "ernstig"
        elif r.onder_druk == "matig":
            cijfers = (("PNIL-aandeel", plain(r.pnil_aandeel_pct), norms.DRUK_PNIL_PCT), ("vacaturegraad", plain(r.vacaturegraad_pct), norms.DRUK_VACATURE_PCT))
            boven = [f"{naam} {number_as_given(v)}%" for naam, v, drempel in cijfers if v is not None and v >= drempel]
            onbekend = [naam for naam, v, _drempel in cijfers if v is None]
            if boven:
                uit.waarom[slug] = "matig; " + ", ".join(boven)
            elif onbekend:
                uit.niet[slug] = "matig, en " + " en ".join(onbekend) + " onbekend"
    return uit


def aanbod_krimpt(rows: pd.DataFrame, vorig: pd.DataFrame) -> Gevonden:
    """Offer present last cycle that is gone now, or whose capacity fell by more than :data:`norms.KRIMP_PCT`.

    A region without last cycle's figures, or with capacity unknown in either cycle, cannot be judged:
    a form that shrinks must never pass unnoticed because a figure is missing.
    """
    eerder = {str(r.regio): r for r in each(vorig)}
    uit = Gevonden()
    for r in each(rows):
        slug, v = str(r.regio), eerder.get(str(r.regio))
        if v is None:
            uit.niet[slug] = "geen gegevens van de vorige cyclus"
            continue
        oud, nu = plain(v.capaciteit), plain(r.capaciteit)
        wijziging = norms.supply_change(bool(v.aanwezig), oud, bool(r.aanwezig), nu)
        if wijziging is not None:
            uit.waarom[slug] = "niet meer aanwezig" if wijziging == "verdwijnt" else f"capaciteit {number(oud)} → {number(nu)}"
        elif v.aanwezig and r.aanwezig and oud != 0 and None in (oud, nu):
            uit.niet[slug] = f"capaciteit {number(oud)} → {number(nu)}"
    return uit


def _per_figure(rows: pd.DataFrame, figure: Callable[[Any], Any], why: Callable[[Any], str], unknown: str) -> Gevonden:
    """A rule on one figure of each region: it names the regions where the figure holds, and cannot judge those with the form where it is unknown."""
    uit = Gevonden()
    for r in each(rows):
        value = plain(figure(r))
        if value:
            uit.waarom[str(r.regio)] = why(r)
        elif value is None and r.aanwezig:
            uit.niet[str(r.regio)] = unknown
    return uit


def wachttijd_boven_treeknorm(rows: pd.DataFrame) -> Gevonden:
    """Regions whose mean waiting time over the past year exceeds the Treeknorm (14 weeks)."""
    return _per_figure(
        rows, lambda r: r.boven_treeknorm, lambda r: f"{number(plain(r.gemiddelde_wachttijd_weken), 1)} weken", "gemiddelde wachttijd onbekend"
    )


def gesloten_wachtlijsten(rows: pd.DataFrame) -> Gevonden:
    """Regions that closed a waiting list: a signal of its own, not just a long wait."""
    return _per_figure(rows, lambda r: r.gesloten_wachtlijsten, lambda _r: "", "aantal gesloten wachtlijsten onbekend")


def structureel(rows: pd.DataFrame, vorig: pd.DataFrame) -> Gevonden:
    """Regions with a waiting-list signal (above Treeknorm or closed list) this cycle and the one before."""
    eerder = {str(r.regio): plain(r.wachtsignaal) for r in each(vorig)}
    uit = Gevonden()
    for r in each(rows):
        slug, nu = str(r.regio), plain(r.wachtsignaal)
        oud = eerder.get(slug)
        if nu is False or oud is False:
            continue
        if nu and oud:
            uit.waarom[slug] = ""
        elif nu is None:
            uit.niet[slug] = "wachttijd of gesloten wachtlijsten onbekend"
        else:
            uit.niet[slug] = "wachtlijstsignaal in de vorige cyclus onbekend" if slug in eerder else "geen gegevens van de vorige cyclus"
    return uit

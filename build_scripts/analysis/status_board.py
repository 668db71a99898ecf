"""The status board: per region, how far the current cycle is, judged against the milestone dates.

Pure: a region-year, the national file, the milestones and an explicit peildatum ("today") in,
one state per step out. The peildatum is always passed in, never read from a clock, so a board
can be rebuilt and tested for any day. The rules per step:

``agenda`` — *Jaaragenda gepubliceerd*, expected by the end of February:
    gedaan when ``gepubliceerd`` ≤ peildatum; otherwise te laat after 31 May, risico after
    February (or when the planned publication date lies after February), else op schema.
``eerste_ronde`` / ``tweede_ronde`` — *gehouden*, by 31 May / 15 August:
    gedaan when a meeting of that kind is dated ≤ peildatum; otherwise te laat once the
    milestone has passed; risico when the next planned one lies after the milestone, or none is
    planned after February; else op schema.
``input`` — *Input geleverd* to the national table, by 31 May:
    gedaan when the first round has been held and the file's status is ``ingediend`` or
    ``vastgesteld`` or the national file holds an advice for the region; otherwise te laat
    after 31 May, risico when the first round is at risk, else op schema.
``plan`` — *Regioplan vastgesteld* in the second round, by 15 August:
    gedaan when the second round has been held, the status is ``vastgesteld`` and the regioplan
    holds at least one maatregel; otherwise te laat after 15 August, risico when the second
    round is at risk, else op schema.

A region without a file for the cycle gets *n.v.t.* in every step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from ..contract.models import Landelijk, RegioJaar
from ..contract.notation import dutch_date
from ..contract.vocabulary import Bijeenkomstsoort, Status
from ..reading import milestones
from ..reading.dataset import Dataset
from ..reading.milestones import Mijlpaal


class Staat(StrEnum):
    gedaan = "gedaan"
    op_schema = "op_schema"
    risico = "risico"
    te_laat = "te_laat"
    niet_van_toepassing = "niet_van_toepassing"


STAAT_LABELS = {
    Staat.gedaan: "gedaan",
    Staat.op_schema: "op schema",
    Staat.risico: "risico",
    Staat.te_laat: "te laat",
    Staat.niet_van_toepassing: "n.v.t.",
}
STAAT_SYMBOLEN = {Staat.gedaan: "✓", Staat.op_schema: "…", Staat.risico: "!", Staat.te_laat: "✗", Staat.niet_van_toepassing: "–"}
_IN_GEVAAR = (Staat.risico, Staat.te_laat)


@dataclass(frozen=True)
class Stap:
    """One step of the cycle and the date by which it should be done."""

    key: str
    label: str
    uiterlijk: dt.date


@dataclass(frozen=True)
class Cel:
    """One region's state in one step; ``dagen`` is signed: days left (≥ 0) or overdue (< 0)."""

    stap: Stap
    staat: Staat
    toelichting: str
    dagen: int | None = None

    @property
    def label(self) -> str:
        return STAAT_LABELS[self.staat]

    @property
    def symbool(self) -> str:
        return STAAT_SYMBOLEN[self.staat]

    @property
    def dagen_tekst(self) -> str | None:
        """'nog 11 dagen', 'uiterlijk vandaag', '3 dagen over tijd'; None for finished steps."""
        if self.dagen is None:
            return None
        if self.dagen == 0:
            return "uiterlijk vandaag"
        n = abs(self.dagen)
        dagen = f"{n} {'dag' if n == 1 else 'dagen'}"
        return f"nog {dagen}" if self.dagen > 0 else f"{dagen} over tijd"


@dataclass(frozen=True)
class Rij:
    slug: str
    naam: str
    jaar: int
    heeft_gegevens: bool
    cellen: tuple[Cel, ...]


@dataclass(frozen=True)
class Bord:
    jaar: int
    peildatum: dt.date
    stappen: tuple[Stap, ...]
    rijen: tuple[Rij, ...]
    volgende: Mijlpaal | None

    @property
    def dagen_tot_volgende(self) -> int | None:
        return None if self.volgende is None else (self.volgende.datum - self.peildatum).days


def stappen(jaar: int) -> tuple[Stap, ...]:
    """The five steps of a cycle, in order."""
    return (
        Stap("agenda", "Jaaragenda gepubliceerd", milestones.agenda_uiterlijk(jaar)),
        Stap("eerste_ronde", "Eerste ronde gehouden", milestones.eerste_ronde_uiterlijk(jaar)),
        Stap("input", "Input geleverd", milestones.eerste_ronde_uiterlijk(jaar)),
        Stap("tweede_ronde", "Tweede ronde gehouden", milestones.tweede_ronde_uiterlijk(jaar)),
        Stap("plan", "Regioplan vastgesteld", milestones.tweede_ronde_uiterlijk(jaar)),
    )


def board(dataset: Dataset, jaar: int, peildatum: dt.date) -> Bord:
    """The grid of every region × step for cycle ``jaar`` as it stands on the peildatum."""
    landelijk = dataset.landelijk.get(jaar)
    steps = stappen(jaar)
    rijen = []
    for slug, region in sorted(dataset.regions.items()):  # by slug, like the other region tables
        if region.regio is None:
            continue
        model = region.jaren.get(jaar)
        geen = tuple(Cel(s, Staat.niet_van_toepassing, f"geen gegevens voor {jaar}") for s in steps)
        cellen = geen if model is None else assess(model, peildatum, landelijk)
        rijen.append(Rij(slug, region.naam, jaar, model is not None, cellen))
    return Bord(jaar, peildatum, steps, tuple(rijen), next_milestone(jaar, peildatum, landelijk))


def assess(model: RegioJaar, peildatum: dt.date, landelijk: Landelijk | None = None) -> tuple[Cel, ...]:
    """The five cells of one region-year on the peildatum (rules in the module docstring)."""
    agenda_stap, eerste_stap, input_stap, tweede_stap, plan_stap = stappen(model.jaar)
    eerste = _ronde(model, peildatum, eerste_stap, Bijeenkomstsoort.eerste_gespreksronde)
    tweede = _ronde(model, peildatum, tweede_stap, Bijeenkomstsoort.tweede_gespreksronde)
    advies = landelijk is not None and any(a.regio == model.regio for a in landelijk.adviezen)
    geleverd = eerste.staat is Staat.gedaan and (model.status is not Status.concept or advies)
    vastgesteld = (
        tweede.staat is Staat.gedaan
        and model.status is Status.vastgesteld
        and model.regioplan is not None
        and any(maatregelen for _, maatregelen in model.regioplan.items())
    )
    return (
        _agenda(model, peildatum, agenda_stap),
        eerste,
        _follows(input_stap, peildatum, eerste, geleverd, "input ingediend" + (" en advies ontvangen" if advies else ""), "input nog niet ingediend"),
        tweede,
        _follows(plan_stap, peildatum, tweede, vastgesteld, "regioplan vastgesteld", "regioplan nog niet vastgesteld"),
    )


def _agenda(model: RegioJaar, peildatum: dt.date, stap: Stap) -> Cel:
    gepubliceerd = model.jaaragenda.gepubliceerd
    if gepubliceerd is not None and gepubliceerd <= peildatum:
        return Cel(stap, Staat.gedaan, f"gepubliceerd op {dutch_date(gepubliceerd)}")
    tekst = f"publicatie gepland op {dutch_date(gepubliceerd)}" if gepubliceerd else "nog niet gepubliceerd"
    if peildatum > milestones.eerste_ronde_uiterlijk(model.jaar):
        staat = Staat.te_laat
    elif peildatum > stap.uiterlijk or (gepubliceerd is not None and gepubliceerd > stap.uiterlijk):
        staat = Staat.risico
    else:
        staat = Staat.op_schema
    return Cel(stap, staat, tekst, _days(stap, peildatum))


def _ronde(model: RegioJaar, peildatum: dt.date, stap: Stap, soort: Bijeenkomstsoort) -> Cel:
    data = sorted(b.datum for b in model.jaaragenda.bijeenkomsten if b.soort is soort)
    gehouden = [d for d in data if d <= peildatum]
    if gehouden:
        return Cel(stap, Staat.gedaan, f"gehouden op {dutch_date(gehouden[0])}")
    gepland = [d for d in data if d > peildatum]
    tekst = "niet gepland"
    if gepland:
        tekst = f"gepland op {dutch_date(gepland[0])}" + (", na de mijlpaal" if gepland[0] > stap.uiterlijk else "")
    if peildatum > stap.uiterlijk:
        staat = Staat.te_laat
    elif gepland:
        staat = Staat.op_schema if gepland[0] <= stap.uiterlijk else Staat.risico
    else:
        staat = Staat.risico if peildatum > milestones.agenda_uiterlijk(model.jaar) else Staat.op_schema
    return Cel(stap, staat, tekst, _days(stap, peildatum))


def _follows(stap: Stap, peildatum: dt.date, voorgaand: Cel, gedaan: bool, klaar: str, open_: str) -> Cel:
    """A step that can only be done after a round: its risk follows that round's state."""
    if gedaan:
        return Cel(stap, Staat.gedaan, klaar)
    if peildatum > stap.uiterlijk:
        staat = Staat.te_laat
    elif voorgaand.staat in _IN_GEVAAR:
        staat = Staat.risico
    else:
        staat = Staat.op_schema
    return Cel(stap, staat, open_, _days(stap, peildatum))


def _days(stap: Stap, peildatum: dt.date) -> int:
    return (stap.uiterlijk - peildatum).days


def next_milestone(jaar: int, peildatum: dt.date, landelijk: Landelijk | None = None) -> Mijlpaal | None:
    """The first milestone of the cycle on or after the peildatum (the real heidag when known)."""
    upcoming = []
    for m in milestones.mijlpalen(jaar):
        if m.key == "heidag" and landelijk is not None and landelijk.heidag is not None:
            m = Mijlpaal(m.key, "Heidag landelijke tafel", landelijk.heidag)
        if m.datum >= peildatum:
            upcoming.append(m)
    return min(upcoming, key=lambda m: m.datum, default=None)

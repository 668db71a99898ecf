"""Meetings and national milestones as calendar entries, grouped by month and looked ahead.

One list of :class:`CalendarEntry` values feeds the region agenda, the national calendar page and
the ``.ics`` files (:mod:`ical`), so a meeting has the same date, time and identity everywhere.

UID scheme: ``<jaar>-<regio>-<soort>-<n>@cruciale-ggz-dossier``, where ``n`` is the meeting's
ordinal among the meetings of that kind in that region-year, in date order. The UID is derived
from the region, the year of the date and the kind, but not from the day itself: when a table
moves its first *eerste gespreksronde* from 14 to 21 April, the UID stays the same and a
subscribed calendar moves the event instead of showing it twice. (If two meetings of one kind
swap order, they swap UIDs: both events are still updated, none is duplicated.) National entries
use ``<jaar>-landelijk-<key>``; the heidag keeps its UID when its date becomes known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from ..contract.models import Bijeenkomst, Landelijk, RegioJaar
from ..contract.notation import MAANDEN
from ..contract.vocabulary import label
from ..reading import milestones
from ..reading.dataset import Dataset

UID_DOMAIN = "cruciale-ggz-dossier"
LANDELIJK = "landelijk"
WEEKDAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")
NATIONAL_LABELS = {"mijlpaal": "Landelijke mijlpaal", "heidag": "Heidag landelijke tafel", "stukken_heidag": "Stukken heidag"}


@dataclass(frozen=True)
class CalendarEntry:
    """One row of a calendar: a regional meeting (``regio`` set) or a national date (``regio`` None).

    ``tot`` is the last day of a multi-day all-day entry (the heidag window before its date is
    known); ``bron`` is the data file the entry came from.
    """

    uid: str
    datum: dt.date
    soort: str
    titel: str
    regio: str | None = None
    regio_naam: str | None = None
    begin: dt.time | None = None
    einde: dt.time | None = None
    tot: dt.date | None = None
    locatie: str | None = None
    fysiek: bool | None = None
    onderwerpen: tuple[str, ...] = ()
    stukken_verspreid: dt.date | None = None
    bron: str | None = None
    mijlpaal: bool = False

    @property
    def soort_label(self) -> str:
        return NATIONAL_LABELS.get(self.soort) or label(self.soort)

    @property
    def tijd(self) -> str | None:
        """'13:30–17:00' or '13:30'; None for all-day entries."""
        if self.begin is None:
            return None
        return f"{self.begin:%H:%M}" + (f"–{self.einde:%H:%M}" if self.einde else "")

    @property
    def plaats(self) -> str | None:
        """Location text with 'online' or 'fysiek' when the data says so."""
        vorm = None if self.fysiek is None else ("fysiek" if self.fysiek else "online")
        if self.locatie and vorm and self.locatie.casefold() != vorm:
            return f"{self.locatie} ({vorm})"
        return self.locatie or (vorm.capitalize() if vorm else None)

    @property
    def dag(self) -> str:
        """'di 14 april', or '15–21 juni' for a span: the month heading gives the year."""
        if self.tot is not None:
            return f"{self.datum.day}–{self.tot.day} {MAANDEN[self.tot.month - 1]}"
        return f"{WEEKDAGEN[self.datum.weekday()]} {self.datum.day} {MAANDEN[self.datum.month - 1]}"

    def gehouden(self, peildatum: dt.date) -> bool:
        """A meeting counts as held once its day has passed or is today (relative to the peildatum)."""
        return (self.tot or self.datum) <= peildatum


def parse_tijd(tijd: str | None) -> tuple[dt.time | None, dt.time | None]:
    """``"13:30-17:00"`` → (13:30, 17:00); ``"13:30"`` → (13:30, None); nothing → all day.

    An end that is not after the start (a typo like ``"17:00-13:30"``) is dropped rather than
    written as an event that ends before it begins, which calendars reject.
    """
    if not tijd:
        return None, None
    parts = [dt.time.fromisoformat(p) for p in tijd.split("-")]
    einde = parts[1] if len(parts) > 1 and parts[1] > parts[0] else None
    return parts[0], einde


def region_entries(slug: str, naam: str, model: RegioJaar, bron: str | None = None) -> list[CalendarEntry]:
    """The meetings of one region-year in date order, each with its stable UID."""
    ordered = sorted(enumerate(model.jaaragenda.bijeenkomsten), key=lambda pair: (pair[1].datum, pair[0]))
    counts: dict[str, int] = {}
    entries = []
    for _, b in ordered:
        counts[b.soort.value] = counts.get(b.soort.value, 0) + 1
        uid = f"{model.jaar}-{slug}-{b.soort.value}-{counts[b.soort.value]}@{UID_DOMAIN}"
        entries.append(_meeting(uid, slug, naam, b, bron))
    return entries


def year_entries(dataset: Dataset, jaar: int) -> list[CalendarEntry]:
    """Every region's meetings in cycle ``jaar`` plus the national milestones and heidag."""
    entries = national_entries(jaar, dataset.landelijk.get(jaar), dataset.landelijk_paths.get(jaar))
    for slug, region in sorted(dataset.regions.items()):
        if jaar in region.jaren:
            entries.extend(region_entries(slug, region.naam, region.jaren[jaar], region.jaar_paths[jaar]))
    return entries


def all_region_entries(dataset: Dataset, slug: str) -> list[CalendarEntry]:
    """All meetings of one region over every year it has a file for."""
    region = dataset.regions[slug]
    entries: list[CalendarEntry] = []
    for jaar, model in sorted(region.jaren.items()):
        entries.extend(region_entries(slug, region.naam, model, region.jaar_paths[jaar]))
    return entries


def _meeting(uid: str, slug: str, naam: str, b: Bijeenkomst, bron: str | None) -> CalendarEntry:
    begin, einde = parse_tijd(b.tijd)
    return CalendarEntry(
        uid=uid,
        datum=b.datum,
        soort=b.soort.value,
        titel=f"{naam}: {label(b.soort).lower()}",
        regio=slug,
        regio_naam=naam,
        begin=begin,
        einde=einde,
        locatie=b.locatie,
        fysiek=b.fysiek,
        onderwerpen=tuple(b.onderwerpen),
        stukken_verspreid=b.stukken_verspreid,
        bron=bron,
    )


def national_entries(jaar: int, landelijk: Landelijk | None = None, bron: str | None = None) -> list[CalendarEntry]:
    """The cycle's milestones, with the heidag's real date (and its documents) when the national file has it."""
    entries = []
    for m in milestones.mijlpalen(jaar):
        if m.key == "heidag":
            entries.extend(_heidag(jaar, landelijk, bron))
            continue
        entries.append(CalendarEntry(uid=_national_uid(jaar, m.key), datum=m.datum, soort="mijlpaal", titel=m.label, mijlpaal=True))
    return sorted(entries, key=lambda e: (e.datum, e.uid))


def _heidag(jaar: int, landelijk: Landelijk | None, bron: str | None) -> list[CalendarEntry]:
    start, end = milestones.heidag_venster(jaar)
    uid = _national_uid(jaar, "heidag")
    if landelijk is None or landelijk.heidag is None:
        return [CalendarEntry(uid=uid, datum=start, tot=end, soort="heidag", titel="Heidag landelijke tafel (derde week van juni; datum volgt)", mijlpaal=True)]
    entries = [CalendarEntry(uid=uid, datum=landelijk.heidag, soort="heidag", titel="Heidag landelijke tafel", bron=bron, mijlpaal=True)]
    if landelijk.stukken_verspreid is not None:
        entries.append(
            CalendarEntry(
                uid=_national_uid(jaar, "stukken_heidag"),
                datum=landelijk.stukken_verspreid,
                soort="stukken_heidag",
                titel="Landelijke voorzitter verspreidt de stukken voor de heidag",
                bron=bron,
                mijlpaal=True,
            )
        )
    return entries


def _national_uid(jaar: int, key: str) -> str:
    return f"{jaar}-{LANDELIJK}-{key}@{UID_DOMAIN}"


def by_month(entries: Iterable[CalendarEntry]) -> list[tuple[str, list[CalendarEntry]]]:
    """Entries grouped per month ('april 2026'), national entries first on a shared day."""
    ordered = sorted(entries, key=lambda e: (e.datum, not e.mijlpaal, e.regio_naam or "", e.begin or dt.time(0), e.uid))
    return [
        (f"{MAANDEN[month - 1]} {year}", list(group))
        for (year, month), group in groupby(ordered, key=lambda e: (e.datum.year, e.datum.month))
    ]


def upcoming(entries: Iterable[CalendarEntry], peildatum: dt.date, limit: int) -> list[CalendarEntry]:
    """The first ``limit`` entries after the peildatum, in date order."""
    later = [e for e in entries if e.datum > peildatum]
    return sorted(later, key=lambda e: (e.datum, e.begin or dt.time(0), e.regio_naam or "", e.uid))[:limit]

"""Meetings and national milestones as calendar entries: month views and iCalendar feeds.

One list of :class:`CalendarEntry` values feeds the region agenda, the national calendar page and
the ``.ics`` files, so a meeting has the same date, time and identity everywhere.

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby
from zoneinfo import ZoneInfo

import icalendar

from . import milestones
from .model import Bijeenkomst, Landelijk, RegioJaar
from .templating import MAANDEN, datum
from .vocabulary import label

TZID = "Europe/Amsterdam"
TIMEZONE = ZoneInfo(TZID)
UID_DOMAIN = "cruciale-ggz-dossier"
PRODID = "-//Cruciale ggz dossier//Jaaragenda//NL"
LANDELIJK = "landelijk"
# The years over which the VTIMEZONE is checked against the tz database (widened to the data's
# years). Every feed gets the same definition: clients cache a timezone by its TZID.
TZ_YEARS = (2020, 2040)
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


EventCache = dict[tuple["CalendarEntry", dt.datetime], bytes]


def to_ical(
    entries: Iterable[CalendarEntry], naam: str, cal_uid: str, stamps: Mapping[str, dt.date], default_stamp: dt.date | None,
    event_cache: EventCache | None = None,
) -> bytes:
    """An RFC 5545 calendar: timed meetings in Europe/Amsterdam, everything else all-day.

    DTSTAMP is the date the entry's data file last changed (``stamps``, by path), else
    ``default_stamp`` (the data's date), else the feed's latest date: never the build machine's
    clock nor the peildatum, so the same data gives the same bytes. Every meeting is in two feeds
    (its year's and its region's): ``event_cache``, keyed on the whole entry, serialises it once.
    """
    entries = sorted(entries, key=lambda e: (e.datum, e.begin or dt.time(0), e.uid))
    if default_stamp is None:
        default_stamp = max((e.tot or e.datum for e in entries), default=dt.date(2000, 1, 1))
    cal = icalendar.Calendar.new(prodid=PRODID, name=naam, uid=f"{cal_uid}@{UID_DOMAIN}", method="PUBLISH", calscale="GREGORIAN")
    cal.add("x-wr-timezone", TZID)
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")  # the older, Outlook/Google spelling of REFRESH-INTERVAL
    years = [e.datum.year for e in entries]
    # Always present, so even a region without meetings is a valid calendar (RFC 5545 wants one component).
    cal.add_component(vtimezone(min([TZ_YEARS[0], *years]), max([TZ_YEARS[1], *years])))
    cache: EventCache = {} if event_cache is None else event_cache
    events = []
    for entry in entries:
        stamp = dt.datetime.combine(stamps.get(entry.bron or "", default_stamp), dt.time(0), tzinfo=dt.UTC)
        if (entry, stamp) not in cache:
            cache[(entry, stamp)] = _event(entry, stamp).to_ical()
        events.append(cache[(entry, stamp)])
    # A component serialises as BEGIN, its properties, its subcomponents, END: the events go last.
    head = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    if not head.endswith(end):
        raise RuntimeError("icalendar changed its output: the events cannot be appended")
    return head[: -len(end)] + b"".join(events) + end


def vtimezone(first: int, last: int) -> icalendar.Timezone:
    """Europe/Amsterdam as a VTIMEZONE, the same in every feed.

    While the tz database agrees with the EU rule (summer time from the last Sunday of March to
    the last Sunday of October, switching at 01:00 UTC) for every year in ``first..last``, the
    rule is written as two RRULEs: the form Outlook, Google and Apple publish and every parser
    reads. Otherwise icalendar lists each transition (as RDATEs), which some parsers misread.
    """
    if not all(_eu_rule_holds(year) for year in range(first, last + 1)):
        return icalendar.Timezone.from_tzid(TZID, first_date=dt.date(first, 1, 1), last_date=dt.date(last + 1, 1, 1))
    tz = icalendar.Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    for kind, name, month, before, after in ((icalendar.TimezoneDaylight, "CEST", 3, 1, 2), (icalendar.TimezoneStandard, "CET", 10, 2, 1)):
        part = kind()
        part.add("tzname", name)
        part.add("tzoffsetfrom", dt.timedelta(hours=before))
        part.add("tzoffsetto", dt.timedelta(hours=after))
        part.add("dtstart", dt.datetime.combine(_last_sunday(1996, month), dt.time(1 + before)))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        tz.add_component(part)
    return tz


def _last_sunday(year: int, month: int) -> dt.date:
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - 6) % 7)


def _eu_rule_holds(year: int) -> bool:
    """Does the tz database switch Amsterdam at 01:00 UTC on the last Sundays of March and October?"""
    for month, before, after in ((3, 1, 2), (10, 2, 1)):
        switch = dt.datetime.combine(_last_sunday(year, month), dt.time(1), tzinfo=dt.UTC)
        offsets = [(switch + dt.timedelta(minutes=m)).astimezone(TIMEZONE).utcoffset() for m in (-1, 0)]
        if offsets != [dt.timedelta(hours=before), dt.timedelta(hours=after)]:
            return False
    return True


def _event(e: CalendarEntry, stamp: dt.datetime) -> icalendar.Event:
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    if e.begin is None:
        start, end = e.datum, (e.tot or e.datum) + dt.timedelta(days=1)
    else:
        start = dt.datetime.combine(e.datum, e.begin, tzinfo=TIMEZONE)
        end = dt.datetime.combine(e.datum, e.einde, tzinfo=TIMEZONE) if e.einde else None
    event = icalendar.Event.new(
        uid=e.uid,
        stamp=stamp,
        start=start,
        end=end,
        summary=e.titel,
        description=_description(e),
        location=e.plaats,
        categories=[e.soort_label] + ([e.regio_naam] if e.regio_naam else []),
        transparency="TRANSPARENT" if e.mijlpaal else "OPAQUE",
    )
    return event


def _description(e: CalendarEntry) -> str:
    """Plain text; the library escapes commas, semicolons and newlines."""
    lines = [f"Regionale tafel cruciale ggz {e.regio_naam}" if e.regio_naam else "Ondersteunende landelijke tafel cruciale ggz"]
    lines.append(f"Soort: {e.soort_label}")
    if e.tot is not None:
        lines.append(f"Periode: {datum(e.datum)} tot en met {datum(e.tot)}")
    if e.onderwerpen:
        lines.append("Onderwerpen: " + "; ".join(e.onderwerpen))
    if e.stukken_verspreid is not None:
        lines.append(f"Stukken verspreid: {datum(e.stukken_verspreid)}")
    return "\n".join(lines)

"""iCalendar feeds (RFC 5545) of calendar entries: timed meetings in Europe/Amsterdam, the rest all-day.

The feeds are byte-identical for the same data: DTSTAMP comes from git dates of the data files,
never from the build machine's clock, and every feed carries the same VTIMEZONE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from zoneinfo import ZoneInfo

import icalendar

from ..contract.notation import dutch_date
from .agenda import UID_DOMAIN, CalendarEntry

TZID = "Europe/Amsterdam"
TIMEZONE = ZoneInfo(TZID)
PRODID = "-//Cruciale ggz dossier//Jaaragenda//NL"
# The years over which the VTIMEZONE is checked against the tz database (widened to the data's
# years). Every feed gets the same definition: clients cache a timezone by its TZID.
TZ_YEARS = (2020, 2040)


EventCache = dict[tuple[CalendarEntry, dt.datetime], bytes]


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
        transparency=icalendar.TRANSP.TRANSPARENT if e.mijlpaal else icalendar.TRANSP.OPAQUE,
    )
    return event


def _description(e: CalendarEntry) -> str:
    """Plain text; the library escapes commas, semicolons and newlines."""
    lines = [f"Regionale tafel cruciale ggz {e.regio_naam}" if e.regio_naam else "Ondersteunende landelijke tafel cruciale ggz"]
    lines.append(f"Soort: {e.soort_label}")
    if e.tot is not None:
        lines.append(f"Periode: {dutch_date(e.datum)} tot en met {dutch_date(e.tot)}")
    if e.onderwerpen:
        lines.append("Onderwerpen: " + "; ".join(e.onderwerpen))
    if e.stukken_verspreid is not None:
        lines.append(f"Stukken verspreid: {dutch_date(e.stukken_verspreid)}")
    return "\n".join(lines)

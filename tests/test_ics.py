"""iCalendar feeds, read back with an independent parser (vobject, not the icalendar library that writes them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
import yaml

from agenda_support import build
from build_scripts.reading.load import load_dataset
from conftest import Project

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PEIL = dt.date(2026, 6, 1)
ALFA = "data/regions/alfa/2026.yaml"


def feeds(root: Path, peildatum: dt.date = PEIL) -> dict[str, bytes]:
    dataset, problems = load_dataset(root)
    assert not [p for p in problems if p.is_error], problems
    outputs = build(dataset, peildatum)
    return {path: out.content for path, out in outputs.items() if path.endswith(".ics")}  # type: ignore[misc]


def parse(data: bytes) -> vobject.base.Component:
    text = data.decode("utf-8")
    cal = vobject.readOne(text)
    assert cal.validate(raiseException=True)
    return cal


def events(data: bytes) -> dict[str, vobject.base.Component]:
    cal = parse(data)
    found = {ev.uid.value: ev for ev in cal.contents.get("vevent", [])}
    assert len(found) == len(cal.contents.get("vevent", [])), "UIDs must be unique within a feed"
    return found


def yaml_meetings(root: Path) -> list[tuple[str, int, dict]]:
    """Every meeting as the YAML has it, read without the project's own loader."""
    found = []
    for path in sorted(root.glob("data/regions/*/[0-9]*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found.extend((path.parent.name, data["jaar"], b) for b in data["jaaragenda"]["bijeenkomsten"])
    return found


def matching(evs: dict[str, vobject.base.Component], slug: str, meeting: dict) -> list[vobject.base.Component]:
    prefix = f"{meeting['datum'].year}-{slug}-{meeting['soort']}-"
    return [ev for uid, ev in evs.items() if uid.startswith(prefix) and _day(ev.dtstart.value) == meeting["datum"]]


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.astimezone(AMSTERDAM).date() if isinstance(value, dt.datetime) else value


def test_every_meeting_is_in_its_region_feed_and_in_alle_ics_on_the_right_date(agenda_project: Project) -> None:
    out = feeds(agenda_project.root)
    meetings = yaml_meetings(agenda_project.root)
    assert len(meetings) >= 8
    for slug, jaar, meeting in meetings:
        for feed in (f"regios/{slug}/jaaragenda.ics", f"jaaragenda/{jaar}/alle.ics"):
            [ev] = matching(events(out[feed]), slug, meeting)
            start = ev.dtstart.value
            if "tijd" in meeting:
                begin = dt.time.fromisoformat(meeting["tijd"].split("-")[0])
                assert ev.dtstart.params["X-VOBJ-ORIGINAL-TZID"] == ["Europe/Amsterdam"], feed  # vobject keeps TZID here
                assert start.astimezone(AMSTERDAM) == dt.datetime.combine(meeting["datum"], begin, tzinfo=AMSTERDAM)
            else:
                assert type(start) is dt.date and ev.dtstart.params.get("VALUE") == ["DATE"]
                assert ev.dtend.value == meeting["datum"] + dt.timedelta(days=1)


def test_region_feed_holds_only_that_regions_meetings(agenda_project: Project) -> None:
    out = feeds(agenda_project.root)
    for slug in ("alfa", "beta", "gamma", "delta"):
        expected = [m for s, _, m in yaml_meetings(agenda_project.root) if s == slug]
        uids = set(events(out[f"regios/{slug}/jaaragenda.ics"]))
        assert len(uids) == len(expected) and all(f"-{slug}-" in uid for uid in uids)


def test_timezone_is_real_not_just_a_label(agenda_project: Project) -> None:
    """Summer and winter times convert to the right UTC instants through the feed's own VTIMEZONE."""
    evs = events(feeds(agenda_project.root)["regios/alfa/jaaragenda.ics"])
    utc = {uid.split("@")[0]: ev.dtstart.value.astimezone(dt.UTC) for uid, ev in evs.items() if isinstance(ev.dtstart.value, dt.datetime)}
    assert utc["2026-alfa-eerste_gespreksronde-1"] == dt.datetime(2026, 4, 14, 11, 30, tzinfo=dt.UTC)  # CEST, UTC+2
    assert utc["2026-alfa-monitoring-1"] == dt.datetime(2026, 11, 10, 8, 30, tzinfo=dt.UTC)  # CET, UTC+1
    end = evs["2026-alfa-eerste_gespreksronde-1@cruciale-ggz-dossier"].dtend.value
    assert end.astimezone(AMSTERDAM).time() == dt.time(17, 0)


def test_text_from_the_data_round_trips_escaped(agenda_project: Project) -> None:
    ev = events(feeds(agenda_project.root)["regios/alfa/jaaragenda.ics"])["2026-alfa-eerste_gespreksronde-1@cruciale-ggz-dossier"]
    assert ev.location.value == "Zaal 3; Stadhuis, Alfastad (fysiek)"
    assert "Onderwerpen: Vraag en aanbod; Landelijke functie; MPU" in ev.description.value.split("\n")
    assert "Stukken verspreid: 31 maart 2026" in ev.description.value


def test_feeds_do_not_depend_on_the_peildatum(agenda_project: Project) -> None:
    assert feeds(agenda_project.root, dt.date(2026, 1, 15)) == feeds(agenda_project.root, dt.date(2026, 9, 1))


def test_moved_meeting_keeps_its_uid(agenda_project: Project) -> None:
    """A subscribed calendar then moves the event instead of showing it twice."""
    before = events(feeds(agenda_project.root)["jaaragenda/2026/alle.ics"])
    agenda_project.replace(ALFA, "- datum: 2026-04-14", "- datum: 2026-04-21")
    agenda_project.replace(ALFA, "stukken_verspreid: 2026-03-31", "stukken_verspreid: 2026-04-07")
    after = events(feeds(agenda_project.root)["jaaragenda/2026/alle.ics"])
    uid = "2026-alfa-eerste_gespreksronde-1@cruciale-ggz-dossier"
    assert set(before) == set(after)
    assert _day(before[uid].dtstart.value) == dt.date(2026, 4, 14)
    assert _day(after[uid].dtstart.value) == dt.date(2026, 4, 21)


def test_added_meeting_adds_one_uid_and_keeps_the_others(agenda_project: Project) -> None:
    before = set(events(feeds(agenda_project.root)["regios/alfa/jaaragenda.ics"]))
    agenda_project.replace(ALFA, "  bijeenkomsten:\n", "  bijeenkomsten:\n    - datum: 2026-03-03\n      soort: voorbereiding\n")
    after = set(events(feeds(agenda_project.root)["regios/alfa/jaaragenda.ics"]))
    assert before < after and after - before == {"2026-alfa-voorbereiding-1@cruciale-ggz-dossier"}


def test_national_dates_are_in_alle_ics(agenda_project: Project) -> None:
    evs = events(feeds(agenda_project.root)["jaaragenda/2026/alle.ics"])
    national = {uid.split("@")[0].removeprefix("2026-landelijk-"): ev.dtstart.value for uid, ev in evs.items() if "-landelijk-" in uid}
    assert national["heidag"] == dt.date(2026, 6, 17)
    assert national["eerste_ronde"] == dt.date(2026, 5, 31)
    assert national["advies"].month == 7 and national["tweede_ronde"] == dt.date(2026, 8, 15)
    assert national["stukken_heidag"] == dt.date(2026, 6, 3)


def test_unknown_heidag_spans_the_third_week_under_the_same_uid(agenda_project: Project) -> None:
    agenda_project.replace("data/landelijk/2026.yaml", "heidag: 2026-06-17\n", "")
    ev = events(feeds(agenda_project.root)["jaaragenda/2026/alle.ics"])["2026-landelijk-heidag@cruciale-ggz-dossier"]
    assert (ev.dtstart.value, ev.dtend.value) == (dt.date(2026, 6, 15), dt.date(2026, 6, 22))


def test_feed_without_meetings_is_still_a_valid_calendar(agenda_project: Project) -> None:
    cal = parse(feeds(agenda_project.root)["regios/gamma/jaaragenda.ics"])
    assert "vevent" not in cal.contents and cal.vtimezone.tzid.value == "Europe/Amsterdam"


def test_feeds_follow_rfc_5545_line_rules(agenda_project: Project) -> None:
    for path, data in feeds(agenda_project.root).items():
        lines = data.split(b"\r\n")
        assert lines[-1] == b"" and b"\n" not in b"".join(lines), path
        assert max(len(line) for line in lines) <= 75, path
        cal = parse(data)
        assert cal.version.value == "2.0" and cal.prodid.value
        assert all(ev.dtstamp.value.tzinfo is not None for ev in cal.contents.get("vevent", []))


def _vobject_tz(component: object) -> dt.tzinfo:
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NL\r\n" + component.to_ical().decode() + "END:VCALENDAR\r\n"  # type: ignore[attr-defined]
    return vobject.readOne(text).vtimezone.gettzinfo()


def _instants(first: int, last: int) -> list[dt.datetime]:
    """Noon on the 1st and 15th of every month, and a minute either side of every switch."""
    points = [dt.datetime(y, m, d, 12, tzinfo=dt.UTC) for y in range(first, last + 1) for m in range(1, 13) for d in (1, 15)]
    for y in range(first, last + 1):
        for month in (3, 10):
            last_day = dt.date(y, month, 31)
            sunday = last_day - dt.timedelta(days=(last_day.weekday() - 6) % 7)
            switch = dt.datetime.combine(sunday, dt.time(1), tzinfo=dt.UTC)
            points += [switch - dt.timedelta(minutes=1), switch + dt.timedelta(minutes=1)]
    return points


def test_vtimezone_agrees_with_the_tz_database() -> None:
    from build_scripts.analysis.ical import TZ_YEARS, vtimezone

    tz = _vobject_tz(vtimezone(*TZ_YEARS))
    for instant in _instants(*TZ_YEARS):
        local = instant.astimezone(AMSTERDAM)
        assert tz.utcoffset(local.replace(tzinfo=None)) == local.utcoffset(), instant


def test_vtimezone_falls_back_to_listed_transitions_when_the_rule_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    from build_scripts.analysis import ical

    monkeypatch.setattr(ical, "_eu_rule_holds", lambda year: year != 2030)
    component = ical.vtimezone(2029, 2031)
    assert "RRULE" not in component.to_ical().decode() and "RDATE" in component.to_ical().decode()
    assert component["TZID"] == "Europe/Amsterdam"

"""Calendar entries and the agenda pages: region agenda, national calendar, home block."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from agenda_support import build
from build_scripts.analysis import agenda
from build_scripts.reading.load import load_dataset
from build_scripts.render.context import make_context
from conftest import FIXTURES, Project

PEIL = dt.date(2026, 6, 1)
ALFA = "data/regions/alfa/2026.yaml"
FOUR_MILESTONES = {
    "eerste_ronde": "Eerste gespreksronde afgerond, input naar landelijke tafel",
    "heidag": "Heidag landelijke tafel",
    "advies": "Advies landelijke tafel terug naar de regio&#39;s (begin juli)",
    "tweede_ronde": "Tweede gespreksronde afgerond (half augustus)",
}


def site(root: Path, peildatum: dt.date = PEIL) -> dict[str, str | bytes]:
    dataset, problems = load_dataset(root)
    assert not [p for p in problems if p.is_error], problems
    return {path: out.content for path, out in build(dataset, peildatum).items()}


def month_section(page: str, heading: str) -> str:
    start = page.index(f"## {heading}\n")
    end = page.find("\n## ", start + 1)
    return page[start : end if end != -1 else len(page)]


@pytest.mark.parametrize(
    ("tijd", "expected"),
    [
        (None, (None, None)),
        ("13:30", (dt.time(13, 30), None)),
        ("09:00-12:15", (dt.time(9), dt.time(12, 15))),
        ("17:00-13:30", (dt.time(17), None)),  # end before start: keep the start, never an invalid event
    ],
)
def test_parse_tijd(tijd: str | None, expected: tuple[dt.time | None, dt.time | None]) -> None:
    assert agenda.parse_tijd(tijd) == expected


def test_ordinals_follow_the_date_not_the_yaml_order(agenda_project: Project) -> None:
    agenda_project.replace(ALFA, "  bijeenkomsten:\n", "  bijeenkomsten:\n    - datum: 2026-05-26\n      soort: eerste_gespreksronde\n")
    dataset, _ = load_dataset(agenda_project.root)
    entries = agenda.region_entries("alfa", "Alfa", dataset.regions["alfa"].jaren[2026])
    firsts = [(e.datum, e.uid.split("@")[0]) for e in entries if e.soort == "eerste_gespreksronde"]
    assert firsts == [(dt.date(2026, 4, 14), "2026-alfa-eerste_gespreksronde-1"), (dt.date(2026, 5, 26), "2026-alfa-eerste_gespreksronde-2")]


def test_national_entries_hold_the_four_milestones_and_the_real_heidag(agenda_project: Project) -> None:
    dataset, _ = load_dataset(agenda_project.root)
    entries = {e.uid.split("@")[0].removeprefix("2026-landelijk-"): e for e in agenda.national_entries(2026, dataset.landelijk[2026])}
    assert set(FOUR_MILESTONES) <= set(entries)
    assert entries["heidag"].datum == dataset.landelijk[2026].heidag and entries["heidag"].tot is None
    assert all(e.mijlpaal and e.regio is None for e in entries.values())


def test_without_national_file_the_heidag_is_the_third_week() -> None:
    [heidag] = [e for e in agenda.national_entries(2027) if e.soort == "heidag"]
    assert (heidag.datum, heidag.tot, heidag.dag) == (dt.date(2027, 6, 15), dt.date(2027, 6, 21), "15–21 juni")


def test_by_month_puts_national_dates_first_on_a_shared_day() -> None:
    meeting = agenda.CalendarEntry(uid="m", datum=dt.date(2026, 5, 31), soort="overig", titel="x", regio="a", regio_naam="A")
    entries = [meeting, *agenda.national_entries(2026)]
    months = dict(agenda.by_month(entries))
    assert list(months)[:3] == ["februari 2026", "april 2026", "mei 2026"]
    assert [e.uid for e in months["mei 2026"]] == ["2026-landelijk-eerste_ronde@cruciale-ggz-dossier", "m"]


def test_calendar_page_shows_the_four_milestones_in_their_months(agenda_project: Project) -> None:
    page = str(site(agenda_project.root)["jaaragenda/2026/index.md"])
    months = {"eerste_ronde": "Mei 2026", "heidag": "Juni 2026", "advies": "Juli 2026", "tweede_ronde": "Augustus 2026"}
    for key, label in FOUR_MILESTONES.items():
        row = next(line for line in month_section(page, months[key]).splitlines() if label in line)
        assert 'class="agenda-mijlpaal' in row and 'data-regio=""' in row and "Landelijk" in row


def test_calendar_page_lists_every_meeting_with_a_link_and_its_place(agenda_project: Project) -> None:
    dataset, _ = load_dataset(agenda_project.root)
    page = str(site(agenda_project.root)["jaaragenda/2026/index.md"])
    rows = [line for line in page.splitlines() if 'class="agenda-bijeenkomst' in line]
    meetings = [(slug, b) for slug, model in dataset.region_years(2026).items() for b in model.jaaragenda.bijeenkomsten]
    assert len(rows) == len(meetings)
    for slug, b in meetings:
        [row] = [r for r in rows if f'datetime="{b.datum.isoformat()}"' in r and f'data-regio="{slug}"' in r]
        assert f'<a href="../../regios/{slug}/2026/">' in row
        assert (b.tijd or "niet opgegeven").replace("-", "–") in row


def test_past_meetings_are_marked_as_held_relative_to_the_peildatum(agenda_project: Project) -> None:
    def held(peildatum: dt.date) -> set[str]:
        page = str(site(agenda_project.root, peildatum)["jaaragenda/2026/index.md"])
        rows = [line for line in page.splitlines() if 'class="agenda-bijeenkomst' in line]
        assert len(rows) == 6
        return {re.search(r'datetime="([\d-]+)"', r).group(1) for r in rows if '<span class="gehouden">gehouden</span>' in r}  # type: ignore[union-attr]

    assert held(dt.date(2026, 4, 13)) == set()
    assert held(dt.date(2026, 4, 14)) == {"2026-04-14"}
    assert held(dt.date(2026, 6, 9)) == {"2026-04-14", "2026-05-12", "2026-06-09"}


def test_region_filter_is_progressive_and_labelled(agenda_project: Project) -> None:
    page = str(site(agenda_project.root)["jaaragenda/2026/index.md"])
    assert '<div class="agenda-filter" data-agenda-filter hidden>' in page
    assert '<label for="agenda-filter-2026">' in page and '<select id="agenda-filter-2026">' in page
    assert 'aria-live="polite"' in page
    options = re.findall(r'<option value="([a-z-]*)">', page)
    assert options == ["", "alfa", "beta"]  # only regions with meetings this year, by name


def test_region_pages_show_held_meetings_and_the_feed_link(agenda_project: Project) -> None:
    pages = site(agenda_project.root, dt.date(2026, 5, 1))
    year_page, overview = str(pages["regios/alfa/2026/index.md"]), str(pages["regios/alfa/index.md"])
    assert year_page.count('<span class="gehouden">gehouden</span>') == 1
    assert '<a href="../jaaragenda.ics">' in year_page  # regios/alfa/jaaragenda.ics, from regios/alfa/2026/
    assert "## Jaaragenda 2026" in overview and '<a href="jaaragenda.ics">' in overview
    assert "(14 dagen vooraf)" in year_page


def test_short_lead_time_is_flagged_on_the_region_page(agenda_project: Project) -> None:
    page = str(site(agenda_project.root)["regios/beta/2026/index.md"])
    assert '<span class="signaal">(7 dagen vooraf; de leidraad vraagt minstens 14)</span>' in page


def test_region_text_is_escaped(agenda_project: Project) -> None:
    agenda_project.replace(ALFA, 'locatie: "Zaal 3; Stadhuis, Alfastad"', 'locatie: "<b>Zaal</b> & co"')
    pages = site(agenda_project.root)
    for path in ("jaaragenda/2026/index.md", "regios/alfa/2026/index.md"):
        assert "&lt;b&gt;Zaal&lt;/b&gt; &amp; co" in str(pages[path]) and "<b>Zaal" not in str(pages[path])


def test_home_lists_the_next_meetings_after_the_peildatum(agenda_project: Project) -> None:
    home = str(site(agenda_project.root, dt.date(2026, 5, 12))["index.md"])
    block = home[home.index("## Eerstvolgende bijeenkomsten") :]
    dates = re.findall(r'<li><time datetime="([\d-]+)"', block)
    assert dates == sorted(dates) and dates[0] == "2026-06-09" and "2026-05-12" not in dates
    assert '<a href="regios/beta/2026/">Beta</a>, eerste gespreksronde' in block
    assert '<a href="jaaragenda/2026/">Heidag landelijke tafel</a>' in block


def test_section_index_lists_every_year(agenda_project: Project) -> None:
    page = str(site(agenda_project.root)["jaaragenda/index.md"])
    assert '<a href="2026/">Jaaragenda 2026</a>' in page and '<a href="2025/">Jaaragenda 2025</a>' in page
    assert '<a href="2026/alle.ics">' in page


def test_agenda_section_is_part_of_the_published_site() -> None:
    """The builders are registered: the site the hook and `dossier export` publish has the agenda and the board."""
    from build_scripts.render.registry import generate_site

    dataset, _ = load_dataset(FIXTURES / "mini")
    outputs = generate_site(make_context(dataset, peildatum=PEIL))
    assert {"jaaragenda/index.md", "jaaragenda/2026/index.md", "jaaragenda/2026/alle.ics", "regios/noord/jaaragenda.ics"} <= set(outputs)
    assert 'id="statusbord-2026"' in str(outputs["index.md"].content) and 'id="statusbord-2026"' in str(outputs["regios/index.md"].content)


@pytest.mark.parametrize(
    ("locatie", "fysiek", "expected"),
    [("Stadhuis", True, "Stadhuis (fysiek)"), ("Online", False, "Online"), (None, False, "Online"), (None, None, None), ("Teams", None, "Teams")],
)
def test_place_says_online_or_physical_once(locatie: str | None, fysiek: bool | None, expected: str | None) -> None:
    entry = agenda.CalendarEntry(uid="u", datum=PEIL, soort="overig", titel="t", locatie=locatie, fysiek=fysiek)
    assert entry.plaats == expected

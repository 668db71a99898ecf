"""The jaaragenda section: national calendar per year, iCalendar feeds, and the home page block.

URLs (public, keep stable): ``/jaaragenda/``, ``/jaaragenda/<jaar>/``, ``/jaaragenda/<jaar>/alle.ics``
and ``/regios/<slug>/jaaragenda.ics``.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import agenda, milestones, status_board
from .agenda import CalendarEntry
from .pages import Output, SiteContext
from .templating import render

UPCOMING_ON_HOME = 8


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    jaren = ctx.dataset.jaren
    events: agenda.EventCache = {}
    yield "jaaragenda/index.md", Output(render("agenda_index.md.j2", jaren=jaren, huidig_jaar=ctx.huidig_jaar), title="Jaaragenda")
    for i, jaar in enumerate(jaren):
        entries = year_entries(ctx, jaar)
        text = render(
            "agenda_year.md.j2",
            jaar=jaar,
            maanden=agenda.by_month(entries),
            regios=_regions_in(entries),
            peildatum=ctx.peildatum,
            vorig_jaar=jaren[i - 1] if i else None,
            volgend_jaar=jaren[i + 1] if i + 1 < len(jaren) else None,
            heidag_bekend=ctx.dataset.landelijk.get(jaar) is not None and ctx.dataset.landelijk[jaar].heidag is not None,
            aantal=sum(e.regio is not None for e in entries),
        )
        yield f"jaaragenda/{jaar}/index.md", Output(text, title=str(jaar))  # many files behind it: no single edit link
        feed = agenda.to_ical(entries, f"Cruciale ggz: jaaragenda {jaar}", f"jaaragenda-{jaar}", ctx.file_dates, ctx.data_datum, events)
        yield f"jaaragenda/{jaar}/alle.ics", Output(feed)
    for slug, region in sorted(ctx.dataset.regions.items()):
        if region.regio is None or not region.jaren:
            continue
        naam = f"Cruciale ggz: regionale tafel {region.naam}"
        feed = agenda.to_ical(region_entries(ctx, slug), naam, f"regio-{slug}", ctx.file_dates, ctx.data_datum, events)
        yield f"regios/{slug}/jaaragenda.ics", Output(feed)


def year_entries(ctx: SiteContext, jaar: int) -> list[CalendarEntry]:
    """Every region's meetings in cycle ``jaar`` plus the national milestones and heidag."""
    entries = agenda.national_entries(jaar, ctx.dataset.landelijk.get(jaar), ctx.dataset.landelijk_paths.get(jaar))
    for slug, region in sorted(ctx.dataset.regions.items()):
        if jaar in region.jaren:
            entries.extend(agenda.region_entries(slug, region.naam, region.jaren[jaar], region.jaar_paths[jaar]))
    return entries


def region_entries(ctx: SiteContext, slug: str) -> list[CalendarEntry]:
    """All meetings of one region over every year it has a file for."""
    region = ctx.dataset.regions[slug]
    entries: list[CalendarEntry] = []
    for jaar, model in sorted(region.jaren.items()):
        entries.extend(agenda.region_entries(slug, region.naam, model, region.jaar_paths[jaar]))
    return entries




def _regions_in(entries: list[CalendarEntry]) -> list[tuple[str, str]]:
    """(slug, naam) of the regions with meetings in these entries, sorted by name."""
    found = {e.regio: e.regio_naam or e.regio for e in entries if e.regio is not None}
    return sorted(found.items(), key=lambda item: (item[1].casefold(), item[0]))


def home_section(ctx: SiteContext) -> str:
    """Status board of the current cycle and the next meetings after the peildatum, for the home page."""
    jaar = ctx.huidig_jaar
    if jaar is None:
        return ""
    entries = [e for j in ctx.dataset.jaren if j >= jaar for e in year_entries(ctx, j)]
    volgende = agenda.upcoming((e for e in entries if e.regio is not None or e.soort == "heidag"), ctx.peildatum, UPCOMING_ON_HOME)
    return render(
        "_agenda_home.md.j2",
        bord=status_board.board(ctx.dataset, jaar, ctx.peildatum),
        volgende=volgende,
        jaar=jaar,
        root="",
    )


def region_agenda_context(ctx: SiteContext, root: str) -> dict[str, object]:
    """What ``_agenda_region.md.j2`` needs besides the model; ``root`` leads from the page to the site root."""
    return {"peildatum": ctx.peildatum, "min_dagen": milestones.MIN_DAGEN_STUKKEN, "root": root}


def region_index_board(ctx: SiteContext) -> status_board.Bord | None:
    """The status board of the current cycle for ``/regios/`` (None without data)."""
    jaar = ctx.huidig_jaar
    return None if jaar is None else status_board.board(ctx.dataset, jaar, ctx.peildatum)

"""The jaaragenda section: the national calendar per year and the iCalendar feeds.

URLs (public, keep stable): ``/jaaragenda/``, ``/jaaragenda/<jaar>/``, ``/jaaragenda/<jaar>/alle.ics``
and ``/regios/<slug>/jaaragenda.ics``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import agenda, ical
from ..analysis.agenda import CalendarEntry
from ..contract.notation import name_sort_key
from ..contract.site_paths import agenda_year_page
from .context import Output, SiteContext
from .templating import render


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    jaren = ctx.dataset.jaren
    events: ical.EventCache = {}
    index = render("agenda_index.md.j2", ctx.urls("jaaragenda/index.md"), jaren=jaren, huidig_jaar=ctx.huidig_jaar)
    yield "jaaragenda/index.md", Output(index, title="Jaaragenda")
    for i, jaar in enumerate(jaren):
        entries = agenda.year_entries(ctx.dataset, jaar)
        text = render(
            "agenda_year.md.j2",
            ctx.urls(agenda_year_page(jaar)),
            jaar=jaar,
            maanden=agenda.by_month(entries),
            regios=_regions_in(entries),
            peildatum=ctx.peildatum,
            vorig_jaar=jaren[i - 1] if i else None,
            volgend_jaar=jaren[i + 1] if i + 1 < len(jaren) else None,
            heidag_bekend=ctx.dataset.landelijk.get(jaar) is not None and ctx.dataset.landelijk[jaar].heidag is not None,
            aantal=sum(e.regio is not None for e in entries),
        )
        yield agenda_year_page(jaar), Output(text, title=str(jaar))  # many files behind it: no single edit link
        feed = ical.to_ical(entries, f"Cruciale ggz: jaaragenda {jaar}", f"jaaragenda-{jaar}", ctx.file_dates, ctx.data_datum, events)
        yield f"jaaragenda/{jaar}/alle.ics", Output(feed)
    for slug, region in ctx.dataset.published_regions().items():
        naam = f"Cruciale ggz: regionale tafel {region.naam}"
        entries = agenda.all_region_entries(ctx.dataset, slug)
        yield f"regios/{slug}/jaaragenda.ics", Output(ical.to_ical(entries, naam, f"regio-{slug}", ctx.file_dates, ctx.data_datum, events))


def _regions_in(entries: list[CalendarEntry]) -> list[tuple[str, str]]:
    """(slug, naam) of the regions with meetings in these entries, sorted by name."""
    found = {e.regio: e.regio_naam or e.regio for e in entries if e.regio is not None}
    return sorted(found.items(), key=lambda item: (name_sort_key(item[1]), item[0]))

"""The home page: what the dossier is, the state per region and pointers into the site."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .pages import Output, SiteContext
from .region_pages import region_rows
from .templating import render


def _home_sections() -> list[Callable[[SiteContext], str]]:
    """Markdown blocks other parts of the site contribute to the home page, in page order."""
    from . import agenda_pages, national_pages

    return [national_pages.home_section, agenda_pages.home_section]


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    voorbeeld = any(r.regio is not None and r.regio.voorbeeld for r in ctx.dataset.regions.values())
    text = render(
        "home.md.j2",
        rijen=region_rows(ctx),
        voorbeeld=voorbeeld,
        peildatum=ctx.peildatum,
        data_datum=ctx.data_datum,
        huidig_jaar=ctx.huidig_jaar,
        secties=[section(ctx) for section in _home_sections()],
    )
    yield "index.md", Output(text, title="Home")

"""The national section: /landelijk/, per year the totals and shortages, and all discussion points.

Everything here is read from :mod:`..analysis.national` and :mod:`..analysis.signals` (numbers
and rules) and drawn by :mod:`charts`; the year page itself is :mod:`national_year` (the print
edition renders it too); this module names the pages and the chart files.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from ..contract.site_paths import bespreekpunten_page, national_year_page
from .charts import render_charts
from .context import Output, SiteContext
from .national_year import RegioLinks, discussion_topics, year_page, year_view
from .templating import render

log = logging.getLogger("mkdocs.hooks.dossier.charts")


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    """Section index, per year the national page and the discussion points, and the charts."""
    ov = ctx.overzicht
    jaren = ctx.dataset.jaren
    views = {jaar: year_view(ctx, ov, jaar) for jaar in jaren}
    charts = {f"landelijk/{jaar}/grafieken/{name}.svg": chart for jaar, view in views.items() for name, chart in view["grafieken"].items()}
    result = render_charts(charts, ctx.cache_dir)
    log.info("grafieken: %d getekend, %d uit de cache, %d cachebestanden verworpen", result.rendered, result.cached, result.refused)
    index = render("national_index.md.j2", ctx.urls("landelijk/index.md"), jaren=[views[j] for j in sorted(jaren, reverse=True)])
    yield "landelijk/index.md", Output(index, title="Landelijk")
    for jaar, view in views.items():
        bron = ctx.dataset.landelijk_paths.get(jaar)
        page = year_page(ctx, view, ctx.urls(national_year_page(jaar)))
        yield national_year_page(jaar), Output(page, source=bron, title=str(jaar))
        bespreekpunten_urls = ctx.urls(bespreekpunten_page(jaar))
        yield bespreekpunten_page(jaar), Output(
            render(
                "national_bespreekpunten.md.j2", bespreekpunten_urls, jaar=jaar, onderwerpen=discussion_topics(ctx, ov, jaar),
                regio=RegioLinks(ov.namen, bespreekpunten_urls),
            ),
            title="Bespreekpunten",
        )
    for path, svg in result.svgs.items():
        yield path, Output(svg)

"""Pages per region: the regions index, one overview per region and one page per region-year."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from typing import Any

from ..analysis import status_board
from ..analysis.region_facts import region_summaries
from ..analysis.signals import RegioSignalen
from ..contract.site_paths import region_page, region_year_page
from ..contract.vocabulary import TREEKNORM_WEKEN, Zorgvorm
from ..reading.dataset import RegionData
from . import trend_chart
from .charts import Chart, render_charts
from .context import Output, SiteContext
from .region_year import RegionYearPages, agenda_context
from .templating import render

log = logging.getLogger("mkdocs.hooks.dossier.charts")


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    rijen = region_summaries(ctx.dataset, ctx.file_dates)
    yield "regios/index.md", Output(render("regions_index.md.j2", ctx.urls("regios/index.md"), rijen=rijen, ctx=ctx, bord=_index_board(ctx)), title="Regio's")
    year_pages = RegionYearPages.of(ctx)
    published = ctx.dataset.published_regions()
    verloop = {slug: _story(region, year_pages.signalen) for slug, region in published.items()}
    charts = render_charts({f"regios/{slug}/{v['pad']}": v["grafiek"] for slug, story in verloop.items() for v in story}, ctx.cache_dir)
    log.info("grafieken per regio: %d getekend, %d uit de cache, %d cachebestanden verworpen", charts.rendered, charts.cached, charts.refused)
    for slug, region in published.items():
        yield region_page(slug), Output(
            render(
                "region.md.j2", ctx.urls(region_page(slug)),
                region=region, regio=region.regio, naam=region.naam, verloop=verloop[slug], ctx=ctx, **agenda_context(ctx),
            ),
            source=region.regio_path,
            title=region.naam,
        )
        for jaar in sorted(region.jaren):
            text = year_pages.text(region, jaar, ctx.urls(region_year_page(slug, jaar)))
            yield region_year_page(slug, jaar), Output(text, source=region.jaar_paths[jaar], title=str(jaar))
    for path, svg in charts.svgs.items():
        yield path, Output(svg)


def _index_board(ctx: SiteContext) -> status_board.Bord | None:
    """The status board of the current cycle for ``/regios/`` (None without data)."""
    jaar = ctx.huidig_jaar
    return None if jaar is None else status_board.board(ctx.dataset, jaar, ctx.peildatum)


def _story(region: RegionData, signalen: Mapping[tuple[str, int], Mapping[Zorgvorm, RegioSignalen]]) -> list[dict[str, Any]]:
    """Per care form the region's cycles side by side: the chart, the change since the cycle before in words, and per year the figures and the signals."""
    story = []
    for zorgvorm in Zorgvorm:
        jaren = [{"jaar": jaar, "g": region.jaren[jaar].zorgvormen[zorgvorm], "rs": signalen[(region.slug, jaar)][zorgvorm]} for jaar in sorted(region.jaren)]
        slug = zorgvorm.value.replace("_", "-")
        grafiek = _trend_chart(region.naam, zorgvorm, jaren)
        story.append({
            "zorgvorm": zorgvorm, "id": slug, "pad": f"grafieken/{slug}.svg", "jaren": jaren, "grafiek": grafiek,
            "vergelijking": trend_chart.comparison(grafiek.data),
        })
    return story


def _trend_chart(naam: str, zorgvorm: Zorgvorm, jaren: list[dict[str, Any]]) -> Chart:
    gegevens = [j["g"] for j in jaren]
    return Chart("verloop", {
        "titel": f"{zorgvorm.label} in {naam}",
        "jaren": [j["jaar"] for j in jaren],
        "aanwezig": [g.aanwezig for g in gegevens],
        "vraag": [g.werkelijke_vraag for g in gegevens],
        "capaciteit": [j["rs"].balans.capaciteit for j in jaren],  # as the rules count it: 0 where the form is absent
        "wachtenden": [g.wachtenden for g in gegevens],
        "wachttijd": [g.gemiddelde_wachttijd_weken for g in gegevens],
        "treeknorm": TREEKNORM_WEKEN,
    })

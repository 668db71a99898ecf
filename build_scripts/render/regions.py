"""Pages per region: the regions index, one overview per region and one page per region-year."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from typing import Any

from ..analysis import status_board
from ..analysis.history import PaginaHerkomst
from ..analysis.region_facts import region_summaries
from ..analysis.signals import RegioSignalen, region_signals
from ..contract.models import Advies
from ..contract.site_paths import region_page, region_year_page
from ..contract.vocabulary import TREEKNORM_WEKEN, ZORGVORM_OMSCHRIJVING, Zorgvorm
from ..reading import milestones
from ..reading.dataset import RegionData
from . import trend_chart
from .charts import Chart, render_charts
from .context import Output, SiteContext
from .templating import render

log = logging.getLogger("mkdocs.hooks.dossier.charts")


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    rijen = region_summaries(ctx.dataset, ctx.file_dates)
    yield "regios/index.md", Output(render("regions_index.md.j2", ctx.urls("regios/index.md"), rijen=rijen, ctx=ctx, bord=_index_board(ctx)), title="Regio's")
    adviezen = _adviezen(ctx)
    published = ctx.dataset.published_regions()
    signalen = region_signals(ctx.overzicht, ctx.dataset.jaren)
    verloop = {slug: _story(region, signalen) for slug, region in published.items()}
    charts = render_charts({f"regios/{slug}/{v['pad']}": v["grafiek"] for slug, story in verloop.items() for v in story}, ctx.cache_dir)
    log.info("grafieken per regio: %d getekend, %d uit de cache, %d cachebestanden verworpen", charts.rendered, charts.cached, charts.refused)
    for slug, region in published.items():
        yield region_page(slug), Output(
            render(
                "region.md.j2", ctx.urls(region_page(slug)),
                region=region, regio=region.regio, naam=region.naam, verloop=verloop[slug], ctx=ctx, **_agenda_context(ctx),
            ),
            source=region.regio_path,
            title=region.naam,
        )
        years = sorted(region.jaren)
        for i, jaar in enumerate(years):
            vorig, volgend = years[i - 1] if i else None, years[i + 1] if i + 1 < len(years) else None
            yield region_year_page(slug, jaar), _region_year(
                ctx, region, jaar, (vorig, volgend), adviezen.get((slug, jaar), {}), signalen.get((slug, jaar), {})
            )
    for path, svg in charts.svgs.items():
        yield path, Output(svg)


def _region_year(
    ctx: SiteContext, region: RegionData, jaar: int, vorig_volgend: tuple[int | None, int | None],
    adviezen: dict[Zorgvorm, list[Advies]], regio_signalen: Mapping[Zorgvorm, RegioSignalen],
) -> Output:
    model = region.jaren[jaar]
    vorig, volgend = vorig_volgend
    path = region.jaar_paths[jaar]
    text = render(
        "region_year.md.j2",
        ctx.urls(region_year_page(region.slug, jaar)),
        regio=region.regio,
        naam=region.naam,
        jaar=jaar,
        model=model,
        vorig_jaar=vorig,
        volgend_jaar=volgend,
        wijzigingen=vorig is not None and vorig == jaar - 1,
        gewijzigd=ctx.file_dates.get(path),
        adviezen=adviezen,
        regio_signalen=regio_signalen,
        omschrijving=ZORGVORM_OMSCHRIJVING,
        treeknorm=TREEKNORM_WEKEN,
        bron=path,
        herkomst=PaginaHerkomst(ctx.geschiedenis.van(path), ctx.geschiedenis.bekend),
        regio_naam=lambda slug: ctx.dataset.regions[slug].naam if slug in ctx.dataset.regions else slug,
        **_agenda_context(ctx),
    )
    return Output(text, source=path, title=str(jaar))


def _adviezen(ctx: SiteContext) -> dict[tuple[str, int], dict[Zorgvorm, list[Advies]]]:
    """The national table's advice per (region, year) and care form, indexed once (not per page)."""
    result: dict[tuple[str, int], dict[Zorgvorm, list[Advies]]] = {}
    for jaar, national in ctx.dataset.landelijk.items():
        for advies in national.adviezen:
            result.setdefault((advies.regio, jaar), {}).setdefault(advies.zorgvorm, []).append(advies)
    return result


def _agenda_context(ctx: SiteContext) -> dict[str, object]:
    """What ``_agenda_region.md.j2`` needs besides the model (and the page's URL builder)."""
    return {"peildatum": ctx.peildatum, "min_dagen": milestones.MIN_DAGEN_STUKKEN}


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

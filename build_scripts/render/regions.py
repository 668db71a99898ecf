"""Pages per region: the regions index, one overview per region and one page per region-year."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..analysis import status_board
from ..analysis.history import PaginaHerkomst
from ..analysis.region_facts import region_summaries
from ..analysis.signals import RegioSignalen, region_signals
from ..contract.models import Advies
from ..contract.site_paths import Urls, region_page, region_year_page
from ..contract.vocabulary import TREEKNORM_WEKEN, ZORGVORM_OMSCHRIJVING, Zorgvorm
from ..reading import milestones
from ..reading.dataset import RegionData
from . import trend_chart
from .charts import Chart, render_charts
from .context import Output, SiteContext
from .headings import Deel
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
                region=region, regio=region.regio, naam=region.naam, verloop=verloop[slug], ctx=ctx, **_agenda_context(ctx),
            ),
            source=region.regio_path,
            title=region.naam,
        )
        for jaar in sorted(region.jaren):
            text = year_pages.text(region, jaar, ctx.urls(region_year_page(slug, jaar)))
            yield region_year_page(slug, jaar), Output(text, source=region.jaar_paths[jaar], title=str(jaar))
    for path, svg in charts.svgs.items():
        yield path, Output(svg)


@dataclass(frozen=True)
class RegionYearPages:
    """What every region-year page reads besides its region's data (indexed once per build), and the page itself.

    The site renders each page on its own; the print edition renders the same page as one of its
    parts, with its own URL builder and :class:`.headings.Deel`, from this same context.
    """

    ctx: SiteContext
    adviezen: Mapping[tuple[str, int], Mapping[Zorgvorm, list[Advies]]]
    signalen: Mapping[tuple[str, int], Mapping[Zorgvorm, RegioSignalen]]

    @classmethod
    def of(cls, ctx: SiteContext) -> RegionYearPages:
        return cls(ctx, _adviezen(ctx), region_signals(ctx.overzicht, ctx.dataset.jaren))

    def text(self, region: RegionData, jaar: int, urls: Urls, deel: Deel | None = None) -> str:
        """The Markdown of ``region``'s page for ``jaar``, its links from ``urls``, its headings and ids from ``deel``."""
        ctx, model, path = self.ctx, region.jaren[jaar], region.jaar_paths[jaar]
        years = sorted(region.jaren)
        vorig = max((j for j in years if j < jaar), default=None)
        volgend = min((j for j in years if j > jaar), default=None)
        return render(
            "region_year.md.j2",
            urls,
            deel,
            regio=region.regio,
            naam=region.naam,
            jaar=jaar,
            model=model,
            vorig_jaar=vorig,
            volgend_jaar=volgend,
            wijzigingen=vorig is not None and vorig == jaar - 1,
            gewijzigd=ctx.file_dates.get(path),
            adviezen=self.adviezen.get((region.slug, jaar), {}),
            regio_signalen=self.signalen.get((region.slug, jaar), {}),
            omschrijving=ZORGVORM_OMSCHRIJVING,
            treeknorm=TREEKNORM_WEKEN,
            bron=path,
            herkomst=PaginaHerkomst(ctx.geschiedenis.van(path), ctx.geschiedenis.bekend),
            regio_naam=lambda slug: ctx.dataset.regions[slug].naam if slug in ctx.dataset.regions else slug,
            **_agenda_context(ctx),
        )


def _adviezen(ctx: SiteContext) -> dict[tuple[str, int], dict[Zorgvorm, list[Advies]]]:
    """The national table's advice per (region, year) and care form, indexed once (not per page)."""
    result: dict[tuple[str, int], dict[Zorgvorm, list[Advies]]] = {}
    for jaar, national in ctx.dataset.landelijk.items():
        for advies in national.adviezen:
            result.setdefault((advies.regio, jaar), {}).setdefault(advies.zorgvorm, []).append(advies)
    return result


def _agenda_context(ctx: SiteContext) -> dict[str, Any]:
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

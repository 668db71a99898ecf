"""Pages per region: the regions index, one overview per region and one page per region-year."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import status_board
from ..analysis.region_facts import region_summaries
from ..contract.models import Advies
from ..contract.vocabulary import TREEKNORM_WEKEN, ZORGVORM_OMSCHRIJVING, Zorgvorm
from ..reading import milestones
from ..reading.dataset import RegionData
from .context import Output, SiteContext
from .templating import render


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    rijen = region_summaries(ctx.dataset, ctx.file_dates)
    yield "regios/index.md", Output(render("regions_index.md.j2", rijen=rijen, ctx=ctx, bord=_index_board(ctx)), title="Regio's")
    adviezen = _adviezen(ctx)
    for slug, region in ctx.dataset.published_regions().items():
        yield f"regios/{slug}/index.md", Output(
            render("region.md.j2", region=region, regio=region.regio, naam=region.naam, rows=_history(region), ctx=ctx, **_agenda_context(ctx, "../../")),
            source=region.regio_path,
            title=region.naam,
        )
        years = sorted(region.jaren)
        for i, jaar in enumerate(years):
            vorig, volgend = years[i - 1] if i else None, years[i + 1] if i + 1 < len(years) else None
            yield f"regios/{slug}/{jaar}/index.md", _region_year(ctx, region, jaar, vorig, volgend, adviezen.get((slug, jaar), {}))


def _region_year(
    ctx: SiteContext, region: RegionData, jaar: int, vorig: int | None, volgend: int | None, adviezen: dict[Zorgvorm, list[Advies]]
) -> Output:
    model = region.jaren[jaar]
    path = region.jaar_paths[jaar]
    text = render(
        "region_year.md.j2",
        regio=region.regio,
        naam=region.naam,
        jaar=jaar,
        model=model,
        vorig_jaar=vorig,
        volgend_jaar=volgend,
        wijzigingen=vorig is not None and vorig == jaar - 1,
        gewijzigd=ctx.file_dates.get(path),
        adviezen=adviezen,
        omschrijving=ZORGVORM_OMSCHRIJVING,
        treeknorm=TREEKNORM_WEKEN,
        bron=path,
        regio_naam=lambda slug: ctx.dataset.regions[slug].naam if slug in ctx.dataset.regions else slug,
        **_agenda_context(ctx, "../../../"),
    )
    return Output(text, source=path, title=str(jaar))


def _adviezen(ctx: SiteContext) -> dict[tuple[str, int], dict[Zorgvorm, list[Advies]]]:
    """The national table's advice per (region, year) and care form, indexed once (not per page)."""
    result: dict[tuple[str, int], dict[Zorgvorm, list[Advies]]] = {}
    for jaar, national in ctx.dataset.landelijk.items():
        for advies in national.adviezen:
            result.setdefault((advies.regio, jaar), {}).setdefault(advies.zorgvorm, []).append(advies)
    return result


def _agenda_context(ctx: SiteContext, root: str) -> dict[str, object]:
    """What ``_agenda_region.md.j2`` needs besides the model; ``root`` leads from the page to the site root."""
    return {"peildatum": ctx.peildatum, "min_dagen": milestones.MIN_DAGEN_STUKKEN, "root": root}


def _index_board(ctx: SiteContext) -> status_board.Bord | None:
    """The status board of the current cycle for ``/regios/`` (None without data)."""
    jaar = ctx.huidig_jaar
    return None if jaar is None else status_board.board(ctx.dataset, jaar, ctx.peildatum)


def _history(region: RegionData) -> list[dict[str, object]]:
    """Key figures per care form and year, for the region overview's history table."""
    rows = []
    for zorgvorm in Zorgvorm:
        for jaar in sorted(region.jaren):
            g = region.jaren[jaar].zorgvormen[zorgvorm]
            rows.append({"zorgvorm": zorgvorm, "jaar": jaar, "g": g})
    return rows

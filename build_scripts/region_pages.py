"""Pages per region: the regions index, one overview per region and one page per region-year."""

from __future__ import annotations

from collections.abc import Iterator

from .agenda_pages import region_agenda_context, region_index_board
from .dataset import RegionData
from .model import Advies, RegioJaar
from .pages import Output, SiteContext
from .region_facts import completeness, discussion_points
from .templating import render
from .vocabulary import TREEKNORM_WEKEN, ZORGVORM_OMSCHRIJVING, Zorgvorm


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    yield "regios/index.md", Output(render("regions_index.md.j2", rijen=region_rows(ctx), ctx=ctx, bord=region_index_board(ctx)), title="Regio's")
    adviezen = _adviezen(ctx)
    for slug, region in sorted(ctx.dataset.regions.items()):
        if region.regio is None or not region.jaren:
            continue
        yield f"regios/{slug}/index.md", Output(
            render("region.md.j2", region=region, regio=region.regio, naam=region.naam, rows=_history(region), ctx=ctx, **region_agenda_context(ctx, "../../")),
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
        **region_agenda_context(ctx, "../../../"),
    )
    return Output(text, source=path, title=str(jaar))


def _adviezen(ctx: SiteContext) -> dict[tuple[str, int], dict[Zorgvorm, list[Advies]]]:
    """The national table's advice per (region, year) and care form, indexed once (not per page)."""
    result: dict[tuple[str, int], dict[Zorgvorm, list[Advies]]] = {}
    for jaar, national in ctx.dataset.landelijk.items():
        for advies in national.adviezen:
            result.setdefault((advies.regio, jaar), {}).setdefault(advies.zorgvorm, []).append(advies)
    return result


def region_rows(ctx: SiteContext) -> list[dict[str, object]]:
    """One row per region for the index and the home page: latest cycle, status, completeness."""
    rows = []
    for slug, region in sorted(ctx.dataset.regions.items()):
        if region.regio is None or not region.jaren:
            continue
        jaar = region.laatste_jaar
        assert jaar is not None
        model: RegioJaar = region.jaren[jaar]
        rows.append(
            {
                "slug": slug,
                "naam": region.naam,
                "code": region.regio.code,
                "jaar": jaar,
                "status": model.status,
                "volledigheid": completeness(model),
                "bespreekpunten": len(discussion_points(model)),
                "gewijzigd": ctx.file_dates.get(region.jaar_paths[jaar]),
            }
        )
    return rows


def _history(region: RegionData) -> list[dict[str, object]]:
    """Key figures per care form and year, for the region overview's history table."""
    rows = []
    for zorgvorm in Zorgvorm:
        for jaar in sorted(region.jaren):
            g = region.jaren[jaar].zorgvormen[zorgvorm]
            rows.append({"zorgvorm": zorgvorm, "jaar": jaar, "g": g})
    return rows

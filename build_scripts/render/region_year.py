"""The page of one region in one year: what it reads besides its region's data, and its Markdown.

Shared below the sections: the regions section (:mod:`regions`) publishes each page on its own,
the print edition (:mod:`print_edition`) renders the same page as one of its parts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..analysis.history import PaginaHerkomst
from ..analysis.signals import RegioSignalen, region_signals
from ..contract.models import Advies
from ..contract.site_paths import Urls
from ..contract.vocabulary import TREEKNORM_WEKEN, ZORGVORM_OMSCHRIJVING, Zorgvorm
from ..reading import milestones
from ..reading.dataset import RegionData
from .context import SiteContext
from .headings import Deel
from .templating import render


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
        return cls(ctx, adviezen_per_regiojaar(ctx), region_signals(ctx.overzicht, ctx.dataset.jaren))

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
            **agenda_context(ctx),
        )


def adviezen_per_regiojaar(ctx: SiteContext) -> dict[tuple[str, int], dict[Zorgvorm, list[Advies]]]:
    """The national table's advice per (region, year) and care form, indexed once (not per page)."""
    result: dict[tuple[str, int], dict[Zorgvorm, list[Advies]]] = {}
    for jaar, national in ctx.dataset.landelijk.items():
        for advies in national.adviezen:
            result.setdefault((advies.regio, jaar), {}).setdefault(advies.zorgvorm, []).append(advies)
    return result


def agenda_context(ctx: SiteContext) -> dict[str, Any]:
    """What ``_agenda_region.md.j2`` needs besides the model (and the page's URL builder)."""
    return {"peildatum": ctx.peildatum, "min_dagen": milestones.MIN_DAGEN_STUKKEN}

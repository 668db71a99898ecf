"""The home page: what the dossier is, the state per region, national key figures and the next meetings."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis import agenda, status_board
from ..analysis.national import totals_of_year
from ..analysis.region_facts import region_summaries
from ..analysis.signals import SIGNAAL_LABELS, tekortbeelden
from ..contract.vocabulary import Zorgvorm
from .context import Output, SiteContext
from .templating import render

UPCOMING_ON_HOME = 8


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    text = render(
        "home.md.j2",
        ctx.urls("index.md"),
        rijen=region_summaries(ctx.dataset, ctx.file_dates),
        voorbeeld=ctx.dataset.voorbeeld,
        peildatum=ctx.peildatum,
        data_datum=ctx.data_datum,
        huidig_jaar=ctx.huidig_jaar,
        secties=[_national_section(ctx), _agenda_section(ctx)],
    )
    yield "index.md", Output(text, title="Home")


def _national_section(ctx: SiteContext) -> str:
    """'Landelijke kerncijfers <jaar>': totals and signals of the current cycle."""
    jaar = ctx.huidig_jaar
    if jaar is None or not ctx.dataset.region_years(jaar):
        return ""
    ov = ctx.overzicht
    return render(
        "national_home.md.j2",
        ctx.urls("index.md"),
        jaar=jaar,
        totalen=totals_of_year(ov.totaal, jaar),
        tekorten=tekortbeelden(ov, jaar),
        zorgvormen=list(Zorgvorm),
        regios_totaal=ov.regios_totaal,
        n_regios=len(ctx.dataset.region_years(jaar)),
        signaal_labels=SIGNAAL_LABELS,
    )


def _agenda_section(ctx: SiteContext) -> str:
    """Status board of the current cycle and the next meetings after the peildatum."""
    jaar = ctx.huidig_jaar
    if jaar is None:
        return ""
    entries = [e for j in ctx.dataset.jaren if j >= jaar for e in agenda.year_entries(ctx.dataset, j)]
    volgende = agenda.upcoming((e for e in entries if e.regio is not None or e.soort == "heidag"), ctx.peildatum, UPCOMING_ON_HOME)
    return render(
        "_agenda_home.md.j2",
        ctx.urls("index.md"),
        bord=status_board.board(ctx.dataset, jaar, ctx.peildatum),
        volgende=volgende,
        jaar=jaar,
    )

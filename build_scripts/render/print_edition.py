"""The yearly print edition: the guide, the national summary and every region page of one year.

One page per year, ``downloads/dossier-<jaar>/``, so the printed dossier and the site can never
disagree. The national page and the region pages are rendered for it from their own templates and
context (:func:`.national_year.year_page`, :class:`.region_year.RegionYearPages`), each as a part of this
page: headings two levels down and ids with the part's prefix (:class:`.headings.Deel`), links to
another part as anchors in this page (:class:`..contract.site_paths.EditionUrls`). The guide is
Markdown written by people, so it is included by :mod:`include_markdown`. Its print stylesheet
(``content/assets/dossier.css``) starts each part on a new sheet; ``dossier pdf``
(:mod:`..engines.pdf`) prints it to ``downloads/dossier-<jaar>.pdf`` after the build.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from ..contract.site_paths import EditionUrls, national_year_page, print_edition_page, region_year_page
from . import national_year
from .context import Output, SiteContext
from .headings import Deel
from .include_markdown import Page, include, prepare
from .region_year import RegionYearPages
from .templating import render

PDF_NAME = "dossier-{jaar}.pdf"
GUIDE_FOLDER = "leidraad/"
SHIFT = 2
"""How many levels a part's headings go down: the page's title is ``#``, each group ``##``, each part's title ``###``."""
PART_CLASS = "print-deel"
"""The class on each part's title: the print stylesheet starts a part on a new sheet by it."""


@dataclass(frozen=True)
class Part:
    """One part of the edition as it is written into it: its id (its prefix), its title and its Markdown."""

    prefix: str
    titel: str
    tekst: str


@dataclass(frozen=True)
class Group:
    """One group of the edition (guide, national, regions): a heading and its parts."""

    id: str
    titel: str
    parts: list[Part]


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    """One print edition per cycle year; its parts are rendered here, so it runs beside the other sections."""
    guide = _guide_pages(ctx.docs_dir, ctx.nav)
    region_years = RegionYearPages.of(ctx)
    for jaar in ctx.dataset.jaren:
        yield print_edition_page(jaar), Output(_edition(ctx, region_years, guide, jaar), title=f"Dossier {jaar}")


def _edition(ctx: SiteContext, region_years: RegionYearPages, guide: list[tuple[str, str]], jaar: int) -> str:
    home = print_edition_page(jaar)
    regions = [(slug, region) for slug, region in ctx.dataset.published_regions().items() if jaar in region.jaren]
    prefixes = {national_year_page(jaar): "landelijk"} | {region_year_page(slug, jaar): f"regio-{slug}" for slug, _ in regions}
    urls = EditionUrls(home, ctx.directory_urls, prefixes)
    view = national_year.year_view(ctx, ctx.overzicht, jaar)
    groups = [
        Group("deel-leidraad", "De leidraad in eigen woorden", _guide_parts(guide, home)),
        Group("deel-landelijk", f"Landelijke samenvatting {jaar}", [_part(partial(national_year.year_page, ctx, view, urls), "landelijk")]),
        Group("deel-regios", f"Regio's, cyclus {jaar}", [_part(partial(region_years.text, region, jaar, urls), f"regio-{slug}") for slug, region in regions]),
    ]
    return render(
        "print_edition.md.j2",
        ctx.urls(home),
        jaar=jaar,
        groepen=[g for g in groups if g.parts],
        pdf=PDF_NAME.format(jaar=jaar),
        peildatum=ctx.peildatum,
        data_datum=ctx.data_datum,
        voorbeeld=ctx.dataset.voorbeeld,
    )


def _part(render_page: Callable[[Deel], str], prefix: str) -> Part:
    """A generated page rendered as the part ``prefix``: ``render_page(deel)`` gives its Markdown."""
    deel = Deel(prefix, SHIFT, PART_CLASS)
    tekst = render_page(deel).strip() + "\n"
    return Part(prefix, deel.titel, tekst)


def _guide_parts(guide: list[tuple[str, str]], home: str) -> list[Part]:
    """The guide's chapters, included as hand-written Markdown (:mod:`include_markdown`)."""
    chapters = [Page(src, text, src.removesuffix(".md").removesuffix("index").strip("/").replace("/", "-")) for src, text in guide]
    prepare(chapters)
    return [Part(p.prefix, html.unescape(p.title), include(p, chapters, home, SHIFT, PART_CLASS)) for p in chapters]


def _guide_pages(docs_dir: Path | None, nav: Sequence[Any]) -> list[tuple[str, str]]:
    """The guide's Markdown files in the order of the site's navigation (passed in by the engine)."""
    if docs_dir is None or not (docs_dir / GUIDE_FOLDER).is_dir():
        return []
    folder = docs_dir / GUIDE_FOLDER
    listed = [p for p in _flatten(list(nav)) if p.startswith(GUIDE_FOLDER) and (docs_dir / p).is_file()]
    if not listed:
        found = (p.relative_to(docs_dir).as_posix() for p in folder.rglob("*.md"))
        listed = sorted(found, key=lambda p: (p.count("/"), p != f"{GUIDE_FOLDER}index.md", p))
    return [(p, (docs_dir / p).read_text(encoding="utf-8")) for p in listed]


def _flatten(nav: Any) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _flatten(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _flatten(value)

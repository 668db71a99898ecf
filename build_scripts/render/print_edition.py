"""The yearly print edition: the guide, the national summary and every region page of one year.

One page per year, ``downloads/dossier-<jaar>/``, made from the Markdown the site already
publishes (see :mod:`page_merge`), so the printed dossier and the site can never disagree. Its
print stylesheet (``content/assets/dossier.css``) starts each part on a new sheet; ``dossier pdf``
(:mod:`..engines.pdf`) prints it to ``downloads/dossier-<jaar>.pdf`` after the build.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..contract.site_paths import national_year_page, print_edition_page, region_year_page
from .context import Output, SiteContext
from .page_merge import Part, merge_part, prepare
from .templating import render

PDF_NAME = "dossier-{jaar}.pdf"
GUIDE_FOLDER = "leidraad/"


@dataclass
class Group:
    """One part of the edition (guide, national, regions): a heading and its pages."""

    id: str
    titel: str
    parts: list[Part]
    teksten: list[str]


def pages(ctx: SiteContext, outputs: dict[str, Output]) -> Iterator[tuple[str, Output]]:
    """One print edition per cycle year that has regional or national data."""
    guide = _guide_pages(ctx.docs_dir, ctx.nav)
    for jaar in ctx.dataset.jaren:
        yield print_edition_page(jaar), Output(_edition(ctx, outputs, guide, jaar), title=f"Dossier {jaar}")


def _edition(ctx: SiteContext, outputs: dict[str, Output], guide: list[tuple[str, str]], jaar: int) -> str:
    home = print_edition_page(jaar)
    groups = [Group("deel-leidraad", "De leidraad in eigen woorden", [_part(src, text) for src, text in guide], [])]
    national = outputs.get(national_year_page(jaar))
    if national is not None and isinstance(national.content, str):
        groups.append(Group("deel-landelijk", f"Landelijke samenvatting {jaar}", [Part(national_year_page(jaar), national.content, "landelijk")], []))
    regions = [
        Part(path, output.content, f"regio-{slug}")
        for slug, _ in ctx.dataset.by_name()
        if (output := outputs.get(path := region_year_page(slug, jaar))) is not None and isinstance(output.content, str)
    ]
    groups.append(Group("deel-regios", f"Regio's, cyclus {jaar}", regions, []))
    every = [part for group in groups for part in group.parts]
    prepare(every)
    for group in groups:
        group.teksten = [merge_part(part, every, home, shift=2, part_class="print-deel") for part in group.parts]
    return render(
        "print_edition.md.j2",
        ctx.urls(home),
        jaar=jaar,
        groepen=[g for g in groups if g.parts],
        titels={p.prefix: html.unescape(p.title) for p in every},
        pdf=PDF_NAME.format(jaar=jaar),
        peildatum=ctx.peildatum,
        data_datum=ctx.data_datum,
        voorbeeld=ctx.dataset.voorbeeld,
    )


def _part(src: str, text: str) -> Part:
    stem = src.removesuffix(".md").removesuffix("index").strip("/").replace("/", "-")
    return Part(src, text, stem)


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

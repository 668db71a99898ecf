"""The pure core of the site: a validated dataset in, ``{site path: Output}`` out.

Each section of the site lives in its own module with a ``pages(ctx)`` generator; this module
only gathers them, so the MkDocs hook and ``dossier export`` publish exactly the same mapping.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from .dataset import Dataset
from .forking import fork_is_safe
from .gitinfo import last_changes

PEILDATUM_ENV = "DOSSIER_PEILDATUM"
WORKERS_ENV = "DOSSIER_WORKERS"  # 1: build every page in this process (profiling, debugging)
PARALLEL_DREMPEL = 40  # yearly region files below which forking workers costs more than it saves
CACHE_ENV = "DOSSIER_CACHE_DIR"  # CI keeps this folder between runs; tests share one per session


@dataclass(frozen=True)
class Output:
    """One generated file: Markdown page text, or bytes for downloads, feeds and charts.

    ``source`` is the data file behind a page (for its "bewerk" link); ``title`` its nav title.
    """

    content: str | bytes
    source: str | None = None
    title: str | None = None


@dataclass
class SiteContext:
    """What every page builder may read. ``peildatum`` is the explicit "today" of the build."""

    dataset: Dataset
    peildatum: dt.date
    data_datum: dt.date | None
    file_dates: dict[str, dt.date] = field(default_factory=dict)
    cache_dir: Path | None = None

    @property
    def huidig_jaar(self) -> int | None:
        """The cycle shown by default: the latest year with data, not later than the peildatum's."""
        years = [j for j in self.dataset.jaren if j <= self.peildatum.year] or self.dataset.jaren
        return max(years) if years else None


def make_context(dataset: Dataset, peildatum: dt.date | None = None, cache_dir: Path | None = None) -> SiteContext:
    """Context with dates from git; the peildatum comes from the argument, the environment or the data.

    Charts are cached under ``$DOSSIER_CACHE_DIR/charts`` or else ``<root>/.cache/charts``.
    """
    file_dates = last_changes(dataset.root)
    data_datum = max(file_dates.values()) if file_dates else None
    if peildatum is None and os.environ.get(PEILDATUM_ENV):
        peildatum = dt.date.fromisoformat(os.environ[PEILDATUM_ENV])
    if peildatum is None:
        peildatum = data_datum or _latest_data_date(dataset)
    if cache_dir is None:
        cache_dir = Path(os.environ.get(CACHE_ENV) or dataset.root / ".cache") / "charts"
    return SiteContext(dataset, peildatum, data_datum, file_dates, cache_dir)


def _latest_data_date(dataset: Dataset) -> dt.date:
    """Without git, "today" is the last date the data itself mentions: reproducible."""
    dates = [dt.date(j, 1, 1) for j in dataset.jaren] or [dt.date(2000, 1, 1)]
    for region in dataset.regions.values():
        for model in region.jaren.values():
            dates.extend(b.datum for b in model.jaaragenda.bijeenkomsten)
    return max(dates)


PageBuilder = Callable[[SiteContext], Iterable[tuple[str, Output]]]


def _builders() -> list[PageBuilder]:
    from . import agenda_pages, diff_pages, downloads, home_page, national_pages, region_pages

    return [home_page.pages, region_pages.pages, agenda_pages.pages, national_pages.pages, downloads.pages, diff_pages.pages]


PageFinisher = Callable[[SiteContext, dict[str, Output]], Iterable[tuple[str, Output]]]


def _finishers() -> list[PageFinisher]:
    """Builders that bundle pages the others made (the print edition): they run last."""
    from . import print_edition

    return [print_edition.pages]


def generate_site(ctx: SiteContext, workers: int | None = None) -> dict[str, Output]:
    """Every generated file of the site, in a deterministic order.

    The builders are independent, so on a large dataset they run side by side in forked worker
    processes (``workers``, default :func:`build_workers`); the output is the same either way.
    """
    outputs: dict[str, Output] = {}
    builders = _builders()
    workers = build_workers(ctx) if workers is None else workers
    for produced in _run_parallel(ctx, builders, workers) if workers > 1 else (list(b(ctx)) for b in builders):
        _add_outputs(outputs, produced)
    for finisher in _finishers():
        _add_outputs(outputs, list(finisher(ctx, dict(sorted(outputs.items())))))
    return dict(sorted(outputs.items()))


def build_workers(ctx: SiteContext) -> int:
    """How many processes build pages: ``$DOSSIER_WORKERS``, else one per core for a large dataset.

    Forking only pays off above :data:`PARALLEL_DREMPEL` yearly files, and only where it is safe
    (:func:`forking.fork_is_safe`; ``mkdocs serve`` has threads, so it builds in one process).
    """
    if os.environ.get(WORKERS_ENV):
        return max(1, int(os.environ[WORKERS_ENV]))
    files = sum(len(region.jaren) for region in ctx.dataset.regions.values())
    if files < PARALLEL_DREMPEL or not fork_is_safe():
        return 1
    return min(os.cpu_count() or 1, len(_builders()))


def _run_parallel(ctx: SiteContext, builders: list[PageBuilder], workers: int) -> list[list[tuple[str, Output]]]:
    """Each builder's outputs, built in forked workers that inherit ``ctx`` (nothing large is pickled on the way in)."""
    global _fork_state
    _fork_state = (ctx, builders)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run_builder, range(len(builders))))
    finally:
        _fork_state = None


_fork_state: tuple[SiteContext, list[PageBuilder]] | None = None


def _run_builder(index: int) -> list[tuple[str, Output]]:
    assert _fork_state is not None, "only called in a worker forked by _run_parallel"
    ctx, builders = _fork_state
    return list(builders[index](ctx))


def _add_outputs(outputs: dict[str, Output], new: Iterable[tuple[str, Output]]) -> None:
    for path, output in new:
        if path in outputs:
            raise ValueError(f"two builders generate {path}")
        outputs[path] = output


NavItem = str | dict[str, "list[NavItem] | str"]


NAV_GROUPS = {"regios/index.md": "Alle regio's"}


def nav_section(outputs: dict[str, Output], index: str) -> list[NavItem]:
    """A hierarchical nav for the generated pages under ``index``'s folder.

    Folders become sections with their ``index.md`` as section page, so Material (with
    ``navigation.indexes`` and ``navigation.prune``) renders only the open branch on each page.
    Material always renders the sections directly under a tab fully open, so a section with
    one subsection per region (``NAV_GROUPS``) gets one extra level: otherwise every page would
    carry every page of every region, and the build would grow quadratically.
    Linear: the outputs are grouped into a folder tree once, not scanned again per folder.
    """
    folder = index.removesuffix("index.md")
    tree = _Folder()
    for path in outputs:
        if path.startswith(folder) and path.endswith(".md"):
            node = tree
            for part in path[len(folder):].split("/")[:-1]:
                node = node.folders.setdefault(part, _Folder())
            node.files.append(path)
    items = _section_items(outputs, folder, tree)
    group = NAV_GROUPS.get(index)
    sections = [item for item in items[1:] if isinstance(item, dict)]
    if group and sections:
        items = [item for item in items if not isinstance(item, dict)] + [{group: sections}]
    return items


@dataclass
class _Folder:
    """The generated Markdown pages of one folder: its files and its subfolders."""

    files: list[str] = field(default_factory=list)
    folders: dict[str, _Folder] = field(default_factory=dict)

    def all_files(self) -> list[str]:
        return self.files + [path for sub in self.folders.values() for path in sub.all_files()]


def _section_items(outputs: dict[str, Output], folder: str, tree: _Folder) -> list[NavItem]:
    index = f"{folder}index.md"
    files = {path[len(folder):]: path for path in tree.files if path != index}
    items: list[NavItem] = [index]
    for name in sorted([*files, *tree.folders], key=_nav_key):
        sub_index = f"{folder}{name}/index.md"
        if name in tree.folders and sub_index in outputs:
            title = str(escape(outputs[sub_index].title or name))  # theme templates do not escape
            items.append({title: _section_items(outputs, f"{folder}{name}/", tree.folders[name])})
        else:
            items.extend(sorted([files[name]] if name in files else tree.folders[name].all_files()))
    return items


def _nav_key(name: str) -> tuple[int, str]:
    """Years newest first, everything else alphabetical after them."""
    return (0, f"{9999 - int(name):04d}") if name.isdigit() else (1, name)


def iter_markdown(outputs: dict[str, Output]) -> Iterator[tuple[str, str]]:
    for path, output in outputs.items():
        if path.endswith(".md") and isinstance(output.content, str):
            yield path, output.content

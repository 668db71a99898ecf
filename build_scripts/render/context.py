"""What every page builder reads: the dataset, the explicit "today", git dates, and the site's own folders.

``Output`` is one generated file. The context is made once per build by an engine, which also
passes in what only the engine's configuration knows (the docs folder and the navigation of the
hand-written pages), so no builder re-reads ``mkdocs.yml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..analysis.national import Overzicht, overzicht
from ..reading.dataset import Dataset
from ..reading.gitdates import last_changes
from ..settings import Settings, read_settings


@dataclass(frozen=True)
class Output:
    """One generated file: Markdown page text, or bytes for downloads, feeds and charts.

    ``source`` is the data file behind a page (for its "bewerk" link); ``title`` its nav title.
    """

    content: str | bytes
    source: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class RepositorySettings:
    """Where the data's repository lives (``repo_url``) and the invulhulp's settings for it (``extra.invulhulp``).

    Both come from the engine's configuration, the one place they are set (``mkdocs.yml``).
    """

    repo_url: str | None
    invulhulp: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class SiteContext:
    """What every page builder may read. ``peildatum`` is the explicit "today" of the build."""

    dataset: Dataset
    peildatum: dt.date
    data_datum: dt.date | None
    file_dates: dict[str, dt.date] = field(default_factory=dict)
    cache_dir: Path | None = None
    docs_dir: Path | None = None
    nav: Sequence[Any] = ()
    repository: RepositorySettings = field(default_factory=lambda: RepositorySettings(None))
    settings: Settings = field(default_factory=Settings)

    @cached_property
    def overzicht(self) -> Overzicht:
        """The national frame and totals, computed once per build for every section that needs them."""
        return overzicht(self.dataset)

    @property
    def huidig_jaar(self) -> int | None:
        """The cycle shown by default: the latest year with data, not later than the peildatum's."""
        years = [j for j in self.dataset.jaren if j <= self.peildatum.year] or self.dataset.jaren
        return max(years) if years else None


def make_context(
    dataset: Dataset, peildatum: dt.date | None = None, cache_dir: Path | None = None, *,
    docs_dir: Path | None = None, nav: Sequence[Any] = (), repository: RepositorySettings | None = None, settings: Settings | None = None,
) -> SiteContext:
    """Context with dates from git; the peildatum comes from the argument, the settings or the data.

    Charts are cached under ``<cache folder>/charts`` (:func:`cache_folder`).
    ``docs_dir``, ``nav`` and ``repository`` are the engine's folder and navigation of the
    hand-written pages and its repository settings; ``settings`` the entry point's (default: read now).
    """
    settings = settings or read_settings()
    file_dates = last_changes(dataset.root)
    data_datum = max(file_dates.values()) if file_dates else None
    if peildatum is None:
        peildatum = settings.peildatum
    if peildatum is None:
        peildatum = data_datum or _latest_data_date(dataset)
    if cache_dir is None:
        cache_dir = cache_folder(dataset.root, settings) / "charts"
    return SiteContext(dataset, peildatum, data_datum, file_dates, cache_dir, docs_dir, nav, repository or RepositorySettings(None), settings)


def cache_folder(root: Path, settings: Settings) -> Path:
    """Where builds keep what they may reuse (charts, an engine's build folder): ``DOSSIER_CACHE_DIR``, else ``<root>/.cache``."""
    return settings.cache_dir or root / ".cache"


def _latest_data_date(dataset: Dataset) -> dt.date:
    """Without git, "today" is the last date the data itself mentions: reproducible."""
    dates = [dt.date(j, 1, 1) for j in dataset.jaren] or [dt.date(2000, 1, 1)]
    for region in dataset.regions.values():
        for model in region.jaren.values():
            dates.extend(b.datum for b in model.jaaragenda.bijeenkomsten)
    return max(dates)

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

from ..analysis.history import Geschiedenis, geschiedenis
from ..analysis.national import Overzicht, overzicht
from ..contract.site_paths import Urls
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

    All come from the engine's configuration, the one place they are set (``mkdocs.yml``); so do
    the site's address (``site_url``) and the open-data catalogue's settings (``extra.open_data``).
    """

    repo_url: str | None
    invulhulp: Mapping[str, Any] = field(default_factory=dict)
    site_url: str | None = None
    open_data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Stand:
    """``dossier build --stand``: the site as published on ``datum``, from the data of ``commit`` in the repository at ``root``."""

    datum: dt.date
    commit: str
    root: Path


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
    settings: Settings = field(default_factory=read_settings)
    directory_urls: bool = True
    """The engine's URL style: folders (``regios/utrecht/``, the published site) or files (``…/index.html``, a preview)."""
    stand: Stand | None = None

    @cached_property
    def geschiedenis(self) -> Geschiedenis:
        """Every data file's revisions from git, up to the stand's commit (computed once per build, before workers fork)."""
        root = self.stand.root if self.stand is not None else self.dataset.root
        return geschiedenis(root, until=self.stand.commit if self.stand is not None else "HEAD", cache=herkomst_cache(root, self.settings))

    @cached_property
    def overzicht(self) -> Overzicht:
        """The national frame and totals, computed once per build for every section that needs them."""
        return overzicht(self.dataset)

    def urls(self, here: str) -> Urls:
        """The URL builder for the page at ``here`` (its source path), in this build's URL style."""
        return Urls(here, self.directory_urls)

    @property
    def huidig_jaar(self) -> int | None:
        """The cycle shown by default: the latest year with data, not later than the peildatum's."""
        years = [j for j in self.dataset.jaren if j <= self.peildatum.year] or self.dataset.jaren
        return max(years) if years else None


def make_context(
    dataset: Dataset, peildatum: dt.date | None = None, cache_dir: Path | None = None, *,
    docs_dir: Path | None = None, nav: Sequence[Any] = (), repository: RepositorySettings | None = None, settings: Settings | None = None,
    directory_urls: bool = True,
    stand: Stand | None = None,
) -> SiteContext:
    """Context with dates from git; the peildatum comes from the argument, the settings or the data.

    Charts are cached under ``<cache folder>/charts`` (:func:`cache_folder`).
    ``docs_dir``, ``nav`` and ``repository`` are the engine's folder and navigation of the
    hand-written pages and its repository settings; ``settings`` the entry point's (default: read now). With a
    ``stand`` the dates are those of that commit's history and the peildatum is the stand's date.
    """
    settings = settings or read_settings()
    file_dates = last_changes(stand.root, until=stand.commit) if stand is not None else last_changes(dataset.root)
    if stand is not None and peildatum is None:
        peildatum = stand.datum
    data_datum = max(file_dates.values()) if file_dates else None
    if peildatum is None:
        peildatum = settings.peildatum
    if peildatum is None:
        peildatum = data_datum or _latest_data_date(dataset)
    if cache_dir is None:
        cache_dir = cache_folder(dataset.root, settings) / "charts"
    return SiteContext(
        dataset, peildatum, data_datum, file_dates, cache_dir, docs_dir, nav, repository or RepositorySettings(None), settings, directory_urls, stand
    )


def cache_folder(root: Path, settings: Settings) -> Path:
    """Where builds keep what they may reuse (charts, an engine's build folder): ``DOSSIER_CACHE_DIR``, else ``<root>/.cache``."""
    return settings.cache_dir or root / ".cache"


def herkomst_cache(root: Path, settings: Settings) -> Path:
    """Where builds keep the parsed versions of the data files (by git blob id): :func:`..analysis.history.geschiedenis`."""
    return cache_folder(root, settings) / "herkomst.json"


def _latest_data_date(dataset: Dataset) -> dt.date:
    """Without git, "today" is the last date the data itself mentions: reproducible."""
    dates = [dt.date(j, 1, 1) for j in dataset.jaren] or [dt.date(2000, 1, 1)]
    for region in dataset.regions.values():
        for model in region.jaren.values():
            dates.extend(b.datum for b in model.jaaragenda.bijeenkomsten)
    return max(dates)

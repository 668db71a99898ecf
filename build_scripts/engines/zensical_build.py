"""The Zensical engine adapter: ``dossier build --engine zensical``, the same site as the MkDocs hook makes.

The shared core (:mod:`.site_source`) validates and generates; :mod:`.zensical_source` writes it
all into a build folder (Zensical runs no hooks); Zensical builds it strictly, then the site gets
its search index (:mod:`.search_index`); only a build that succeeded replaces ``site/``
(Zensical writes its whole output even when strict mode then fails, and a half site must never
be published). The only module that imports Zensical.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import zensical
from click import ClickException

from ..render.context import cache_folder
from ..settings import Settings, read_settings
from .mkdocs_config import read_config, repository_settings
from .output_folder import check_output_folder
from .search_index import SearchIndexError, index_site
from .site_source import SiteSource, prepare_site
from .zensical_source import SITE, write_source


class BuildError(Exception):
    """Zensical did not build the site (a broken link, a template error, a bad setting); the message is Dutch."""


def build_zensical(
    root: Path, site_dir: Path | None = None, work: Path | None = None, peildatum: dt.date | None = None, settings: Settings | None = None
) -> SiteSource:
    """Build ``root``'s site with Zensical into ``site_dir`` (default: ``site_dir`` of ``mkdocs.yml``).

    ``work`` is the build folder, kept between builds so Zensical's cache can skip unchanged pages
    (default: ``zensical/`` in the build cache). Raises ``OutputFolderError`` when either folder could hold the
    project, ``DataError`` on bad data, both before writing anything, and :class:`BuildError` when Zensical
    fails; ``site_dir`` is then left as it was.
    """
    settings = settings or read_settings()
    if settings.preview:
        raise BuildError(
            f"{Settings.variable('preview')} is gezet: een voorbeeld van een samenvoegverzoek bouwt nu alleen MkDocs "
            "(dossier build of mkdocs build --strict); Zensical bouwt de gewone site"
        )
    config = read_config(root)
    docs_dir = root / str(config.get("docs_dir", "docs"))
    work = work or cache_folder(root, settings) / "zensical"
    target = site_dir or root / str(config.get("site_dir", "site"))
    for folder in (target, _staging(target)):
        check_output_folder(folder, root, keep=[docs_dir])
    check_output_folder(work, root, keep=[docs_dir], markers=("data", ".git"), what="de bouwmap van Zensical")  # it holds its own mkdocs.yml
    repository = repository_settings(config.get("repo_url"), config.get("extra") or {})
    source = prepare_site(root, docs_dir, list(config.get("nav") or []), peildatum, repository, settings)
    config_file = write_source(root, work, config, source)
    try:
        zensical.build(str(config_file), {"strict": True, "clean": False})
    except (RuntimeError, ClickException) as exc:
        raise BuildError(f"Zensical {zensical.version()} bouwde de site niet ({exc}); {target} is niet veranderd") from exc
    try:
        index_site(work / SITE, config.get("use_directory_urls", True))
    except SearchIndexError as exc:
        raise BuildError(f"{exc}; {target} is niet veranderd") from exc
    publish(work / SITE, target)
    return source


def publish(built: Path, target: Path) -> None:
    """Replace ``target`` by a copy of ``built`` (the build folder keeps its own for Zensical's next build)."""
    staged = _staging(target)
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(built, staged)
    if target.exists():
        shutil.rmtree(target)
    staged.rename(target)


def _staging(target: Path) -> Path:
    """Where the new site is copied before it replaces ``target`` (a sibling, so the swap is one rename)."""
    return target.with_name(f"{target.name}.nieuw")

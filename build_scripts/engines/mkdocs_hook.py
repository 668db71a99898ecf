"""The MkDocs engine adapter: hands the shared site source (:mod:`.site_source`) to MkDocs, or to ProperDocs.

``mkdocs build --strict`` is the whole build (``properdocs build --strict`` the same: ProperDocs
answers every ``import mkdocs…`` with its own modules). Invalid data stops it before anything is
written, with the same located Dutch messages as ``dossier validate``, so a half site is never
published. After the build the site gets its search index (:mod:`.search_index`). With
``DOSSIER_PREVIEW`` set (CI, for a merge request) it builds the preview variant instead
(:mod:`build_scripts.engines.preview`).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from build_scripts.engines.engine_plan import EngineSettingError, warn_if_past_end_of_life
from build_scripts.engines.mkdocs_config import repository_settings
from build_scripts.engines.output_folder import OutputFolderError, check_output_folder
from build_scripts.engines.preview import Preview, PreviewError, mark_static_page, preview_from_env
from build_scripts.engines.search_index import SearchIndexError, index_site
from build_scripts.engines.site_source import DataError, SiteSource, edit_path, prepare_site
from build_scripts.settings import Settings, SettingsError, environment, read_settings

log = logging.getLogger("mkdocs.hooks.dossier")

_build: list[tuple[SiteSource, Preview | None]] = []
"""This build's site source and preview (if any), from ``on_config`` for ``on_files``."""
_serving: list[bool] = [False]
"""Whether this process is ``mkdocs serve`` (set once, ``on_startup``)."""
_indexing: list[threading.Thread] = []
"""``mkdocs serve`` only: the search index of the last rebuild, being written after MkDocs reported it done."""


def on_startup(command: str, dirty: bool) -> None:
    """Once per command (``mkdocs serve`` rebuilds many times): our warning when the engine is past its end of life."""
    _serving[0] = command == "serve"
    try:
        warn_if_past_end_of_life(engine_name(), _settings())
    except EngineSettingError as exc:
        raise PluginError(str(exc)) from exc


def engine_name() -> str:
    """``properdocs`` when ProperDocs runs this hook (its modules stand in for ``mkdocs``), else ``mkdocs``."""
    return "properdocs" if mkdocs.__name__ == "properdocs" else "mkdocs"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:  # MkDocs empties site_dir right after this event
        check_output_folder(Path(config.site_dir), root, keep=[Path(config.docs_dir)])
    except OutputFolderError as exc:
        raise PluginError(str(exc)) from exc
    preview = _preview()
    repository = repository_settings(config.repo_url, dict(config.extra), config.site_url)
    try:
        directory_urls = config.use_directory_urls and preview is None  # a preview names files (preview.py)
        source = prepare_site(
            root, Path(config.docs_dir), list(config.nav or []), repository=repository, settings=_settings(), directory_urls=directory_urls
        )
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    for problem in source.warnings:
        log.info("gegevens: %s", problem.as_text())  # INFO: warnings never fail --strict
    _build[:] = [(source, preview)]
    if preview is not None:
        _apply_preview(config, preview, source)
    config.nav = source.nav
    config.extra.update(source.theme_extra)
    return config


def _settings() -> Settings:
    """The hook is an entry point (``mkdocs build`` runs it without ``dossier``): it reads the settings itself."""
    try:
        return read_settings()
    except SettingsError as exc:
        raise PluginError(str(exc)) from exc


def _preview() -> Preview | None:
    try:
        return preview_from_env(environment())
    except (PreviewError, SettingsError) as exc:
        raise PluginError(str(exc)) from exc


def _apply_preview(config: MkDocsConfig, preview: Preview, source: SiteSource) -> None:
    """A merge request's preview: links to files, its banner and ``noindex`` (theme ``main.html``), its own address."""
    settings = preview.config()
    config.use_directory_urls = settings["use_directory_urls"]
    config.extra.update(settings["extra"])
    config.extra["preview"]["html"] = preview.banner_html  # the theme's announce block shows it as is
    if "site_url" in settings:
        config.site_url = settings["site_url"]
    log.info("voorbeeld: %s", preview.banner)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    source, preview = _build[0]
    for path, output in source.outputs.items():
        content = output.content
        if preview is not None and path.endswith(".html") and isinstance(content, str):  # a page the theme does not render: the form's
            content = mark_static_page(content, preview)
        generated = File.generated(config, path, content=content)
        generated.edit_uri = edit_path(config.repo_url, config.edit_uri, Path(config.docs_dir), output.source)
        files.append(generated)
    if preview is not None:
        _mark_static_pages(files, config, preview)
    return files


def _mark_static_pages(files: Files, config: MkDocsConfig, preview: Preview) -> None:
    """In a preview, hand-written HTML pages of the docs folder (none today) get the preview's marks too, as generated ones do."""
    docs = Path(config.docs_dir).resolve()
    for file in [f for f in files if f.src_uri.endswith(".html") and f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(docs)]:
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=mark_static_page(file.content_string, preview)))


def on_pre_build(config: MkDocsConfig) -> None:
    """Before MkDocs empties the site folder: the last rebuild's search index is finished (``mkdocs serve``)."""
    _finish_indexing()


def on_post_build(config: MkDocsConfig) -> None:
    """The site's search index, from the pages just written (the same index on every engine).

    ``mkdocs serve`` writes it beside the editor's next look at the pages: a rebuild is done when
    its pages are, and search follows a few seconds later (Pagefind takes 4 s at 40 regions × 5 years).
    A published build (``mkdocs build``) waits for it and fails when it fails.
    """
    site_dir, directory_urls = Path(config.site_dir), config.use_directory_urls
    if _serving[0]:
        _indexing[:] = [threading.Thread(target=_index_beside, args=(site_dir, directory_urls), name="zoekindex", daemon=True)]
        _indexing[0].start()
        return
    try:
        found = index_site(site_dir, directory_urls)
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from exc
    log.info(found.summary())


def _index_beside(site_dir: Path, directory_urls: bool) -> None:
    try:
        log.info(index_site(site_dir, directory_urls).summary())
    except SearchIndexError as exc:
        log.warning("zoekindex niet gemaakt: %s", exc)


def _finish_indexing() -> None:
    for thread in _indexing:
        thread.join()
    _indexing.clear()


def on_shutdown() -> None:
    """``mkdocs serve`` stops: the search index being written is finished first."""
    _finish_indexing()

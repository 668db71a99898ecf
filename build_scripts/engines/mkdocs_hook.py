"""The MkDocs engine adapter: hands the shared site source (:mod:`.site_source`) to MkDocs.

``mkdocs build --strict`` is the whole build. Invalid data stops it before anything is written,
with the same located Dutch messages as ``dossier validate``, so a half site is never published.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from build_scripts.engines.site_source import DataError, SiteSource, edit_path, prepare_site

log = logging.getLogger("mkdocs.hooks.dossier")

_source: list[SiteSource] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        source = prepare_site(Path(config.config_file_path).parent, Path(config.docs_dir), list(config.nav or []))
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    for problem in source.warnings:
        log.info("gegevens: %s", problem.as_text())  # INFO: warnings never fail --strict
    _source[:] = [source]
    config.nav = source.nav
    config.extra["data_datum"] = source.data_datum
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, output in _source[0].outputs.items():
        generated = File.generated(config, path, content=output.content)
        generated.edit_uri = edit_path(config.repo_url, config.edit_uri, Path(config.docs_dir), output.source)
        files.append(generated)
    return files

"""The MkDocs engine adapter: adds the generated pages and turns data problems into one error.

``mkdocs build --strict`` is the whole build. Invalid data stops it before anything is written,
with the same located Dutch messages as ``dossier validate``, so a half site is never published.
With ``DOSSIER_PREVIEW`` set (CI, for a merge request) it builds the preview variant instead
(:mod:`build_scripts.engines.preview`).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from build_scripts.contract.notation import dutch_date
from build_scripts.engines.mkdocs_config import repository_settings
from build_scripts.engines.preview import Preview, PreviewError, file_links, mark_static_page, preview_from_env
from build_scripts.reading.load import load_dataset
from build_scripts.reading.problems import format_text, has_errors, summary
from build_scripts.render.context import Output, make_context
from build_scripts.render.nav import expand_nav
from build_scripts.render.registry import generate_site

log = logging.getLogger("mkdocs.hooks.dossier")

_outputs: dict[str, Output] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    preview = _preview()
    root = Path(config.config_file_path).parent
    dataset, problems = load_dataset(root)
    for problem in problems:
        if not problem.is_error:
            log.info("gegevens: %s", problem.as_text())
    if has_errors(problems):
        errors = [p for p in problems if p.is_error]
        raise PluginError(
            f"De gegevens bevatten fouten; de site is niet gebouwd ({summary(problems)}):\n{format_text(errors)}"
        )
    repository = repository_settings(config.repo_url, dict(config.extra))
    ctx = make_context(dataset, docs_dir=Path(config.docs_dir), nav=list(config.nav or []), repository=repository)
    _outputs.clear()
    _outputs.update(generate_site(ctx))
    if preview is not None:
        _apply_preview(config, preview)
    config.nav = expand_nav(list(config.nav or []), _outputs)
    config.extra["data_datum"] = dutch_date(ctx.data_datum)
    return config


def _preview() -> Preview | None:
    try:
        return preview_from_env(os.environ)
    except PreviewError as exc:
        raise PluginError(str(exc)) from exc


def _apply_preview(config: MkDocsConfig, preview: Preview) -> None:
    """A merge request's preview: links to files, its banner and ``noindex`` (theme ``main.html``), its own address."""
    settings = preview.config()
    config.use_directory_urls = settings["use_directory_urls"]
    config.extra.update(settings["extra"])
    if "site_url" in settings:
        config.site_url = settings["site_url"]
    _outputs.update(file_links(_outputs))
    log.info("voorbeeld: %s", preview.banner)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, output in _outputs.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"{path} bestaat zowel in content/ als in de gegenereerde pagina's; verwijder één van beide")
        generated = File.generated(config, path, content=output.content)
        generated.edit_uri = _edit_uri(config, output.source)
        files.append(generated)
    preview = _preview()
    if preview is not None:
        _mark_static_pages(files, config, preview)
    return files


def _mark_static_pages(files: Files, config: MkDocsConfig, preview: Preview) -> None:
    """In a preview, the hand-written HTML pages of the docs folder (the invulhulp's form) get the preview's marks too."""
    docs = Path(config.docs_dir).resolve()
    for file in [f for f in files if f.src_uri.endswith(".html") and f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(docs)]:
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=mark_static_page(file.content_string, preview)))


def _edit_uri(config: MkDocsConfig, source: str | None) -> str | None:
    """The edit button of a generated page opens its YAML file: ``edit_uri`` points into the docs folder, so step out of it."""
    if not source or not config.repo_url or not config.edit_uri:
        return None
    docs_folder = f"{Path(config.docs_dir).name}/"
    return f"../{source}" if config.edit_uri.endswith(docs_folder) else source

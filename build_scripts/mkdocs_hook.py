"""The only MkDocs-aware module: adds the generated pages and turns data problems into one error.

``mkdocs build --strict`` is the whole build. Invalid data stops it before anything is written,
with the same located Dutch messages as ``dossier validate``, so a half site is never published.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_scripts.dataset import load_dataset
from build_scripts.pages import Output, generate_site, make_context, nav_section
from build_scripts.problems import format_text, has_errors, summary
from build_scripts.templating import datum

log = logging.getLogger("mkdocs.hooks.dossier")
GENERATED_SECTIONS = ("regios/index.md", "landelijk/index.md", "jaaragenda/index.md")

_outputs: dict[str, Output] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
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
    ctx = make_context(dataset)
    _outputs.clear()
    _outputs.update(generate_site(ctx))
    config.nav = _expand_nav(config.nav or [])
    config.extra["data_datum"] = datum(ctx.data_datum)
    return config


def _expand_nav(nav: list[Any]) -> list[Any]:
    """Replace each generated section's index entry in ``mkdocs.yml`` by its full subtree."""
    expanded = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, target), = item.items()
            if isinstance(target, str) and target in GENERATED_SECTIONS and target in _outputs:
                item = {title: nav_section(_outputs, target)}
        expanded.append(item)
    return expanded


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, output in _outputs.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"{path} bestaat zowel in content/ als in de gegenereerde pagina's; verwijder één van beide")
        files.append(File.generated(config, path, content=output.content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Point the page's edit button at the YAML file behind a generated page."""
    output = _outputs.get(page.file.src_uri)
    if output is not None:
        page.edit_url = _edit_url(config, output.source)
    return markdown


def _edit_url(config: MkDocsConfig, source: str | None) -> str | None:
    if not source or not config.repo_url:
        return None
    edit_uri = (config.edit_uri or "").removesuffix(f"{Path(config.docs_dir).name}/")
    return f"{config.repo_url.rstrip('/')}/{edit_uri.strip('/')}/{source}"

"""The folder Zensical builds from: hand-written pages, every generated file, the theme and a config.

Zensical reads ``mkdocs.yml`` but runs no hooks, so what the MkDocs hook hands MkDocs in memory
is written here to disk: the docs folder with the generated pages beside ``content/``, the theme
overrides (plus ``zensical_theme/``, Zensical's equivalents of what the hook does in Python), and
a config with the expanded navigation and the data's date. A file is written only when its bytes
changed and a file no longer generated is removed, so Zensical's cache sees only what changed.
No engine is imported here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ..render.context import Output
from .site_source import SiteSource, edit_url

DOCS, THEME, SITE, CONFIG = "docs", "theme", "site", "mkdocs.yml"
ZENSICAL_THEME = Path(__file__).parent / "zensical_theme"
DROPPED_SETTINGS = ("hooks", "watch")  # the hook's work is done here; watching is `mkdocs serve`'s


def write_source(root: Path, work: Path, config: dict[str, Any], source: SiteSource) -> Path:
    """Write the whole site source for ``root`` into ``work``; returns the config file to build."""
    docs_dir = root / str(config.get("docs_dir", "docs"))
    wanted = {f"{DOCS}/{rel}": data for rel, data in _tree(docs_dir).items()}
    for path, output in source.outputs.items():
        wanted[f"{DOCS}/{path}"] = _generated_file(path, output, config, docs_dir)
    custom_dir = config.get("theme", {}).get("custom_dir")
    for folder in ([root / custom_dir] if custom_dir else []) + [ZENSICAL_THEME]:
        wanted.update({f"{THEME}/{rel}": data for rel, data in _tree(folder).items()})
    wanted[CONFIG] = _config_text(config, source).encode()
    _sync(work, wanted, owned=(DOCS, THEME))
    return work / CONFIG


def _generated_file(path: str, output: Output, config: dict[str, Any], docs_dir: Path) -> bytes:
    """A generated file's bytes; a page gets its edit link in its front matter (Zensical's template reads it)."""
    if isinstance(output.content, bytes):
        return output.content
    if not path.endswith(".md"):
        return output.content.encode()
    url = edit_url(config.get("repo_url"), config.get("edit_uri"), docs_dir, output.source)
    return with_front_matter(output.content, "edit_url", url or "").encode()


def with_front_matter(text: str, key: str, value: str) -> str:
    """``text`` with ``key: value`` as the first line of its front matter (a JSON string is a YAML string)."""
    line = f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
    if text.startswith("---\n"):
        return f"---\n{line}{text[4:]}"
    return f"---\n{line}---\n\n{text}"


def _config_text(config: dict[str, Any], source: SiteSource) -> str:
    """``mkdocs.yml`` as the hook leaves it to MkDocs: expanded nav, the data's date; folders inside the build folder."""
    generated = {key: value for key, value in config.items() if key not in DROPPED_SETTINGS}
    generated.update(docs_dir=DOCS, site_dir=SITE, nav=source.nav)
    generated["theme"] = {**config.get("theme", {}), "custom_dir": THEME}
    generated["extra"] = {**(config.get("extra") or {}), **source.theme_extra}
    return yaml.safe_dump(generated, allow_unicode=True, sort_keys=False, width=10_000)


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _sync(work: Path, wanted: dict[str, bytes], owned: tuple[str, ...]) -> None:
    """Make ``work`` hold exactly ``wanted`` in its ``owned`` folders (and the top-level files), touching only what differs."""
    for rel, data in wanted.items():
        target = work / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for folder in owned:
        for path in sorted((work / folder).rglob("*"), reverse=True):
            rel = path.relative_to(work).as_posix()
            if path.is_file() and rel not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()

"""Reading ``mkdocs.yml`` outside a MkDocs build, with MkDocs' own YAML loader (``!ENV`` and friends resolved).

The doors that do not run inside MkDocs (``dossier export``, the Zensical build) need the docs
folder and the navigation of the hand-written pages, and Zensical the whole configuration; they
read them here, never with a loader of their own that would drop tagged values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from ..render.context import RepositorySettings

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class SiteConfig:
    """What the rendering needs from the engine's configuration."""

    docs_dir: Path | None
    nav: list[Any] = field(default_factory=list)
    repository: RepositorySettings = field(default_factory=lambda: RepositorySettings(None))


def read_site_config(root: Path) -> SiteConfig:
    """The docs folder, nav and repository of ``root/mkdocs.yml``; none when the project has no such file (test fixtures)."""
    if not (root / CONFIG_FILE).is_file():
        return SiteConfig(None)
    config = read_config(root)
    docs_dir = root / str(config.get("docs_dir", "docs"))
    return SiteConfig(docs_dir, list(config.get("nav") or []), repository_settings(config.get("repo_url"), config.get("extra") or {}, config.get("site_url")))


def read_config(root: Path) -> dict[str, Any]:
    """The whole of ``root/mkdocs.yml`` as plain values (``!ENV`` resolved)."""
    with (root / CONFIG_FILE).open(encoding="utf-8") as handle:
        return dict(yaml_load(handle) or {})


def repository_settings(repo_url: str | None, extra: dict[str, Any], site_url: str | None = None) -> RepositorySettings:
    """The repository settings of a MkDocs configuration: ``repo_url``, ``extra.invulhulp``, ``site_url`` and ``extra.open_data``."""
    return RepositorySettings(repo_url or None, dict(extra.get("invulhulp") or {}), site_url or None, dict(extra.get("open_data") or {}))

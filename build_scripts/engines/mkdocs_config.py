"""Reading ``mkdocs.yml`` outside a MkDocs build, with MkDocs' own YAML loader (``!ENV`` and friends resolved).

The engines that do not run inside MkDocs (``dossier export``, later a second engine) need the
docs folder and the navigation of the hand-written pages; they read them here, never with a
loader of their own that would drop tagged values.
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
    config_file = root / CONFIG_FILE
    if not config_file.is_file():
        return SiteConfig(None)
    with config_file.open(encoding="utf-8") as handle:
        config = yaml_load(handle) or {}
    docs_dir = root / str(config.get("docs_dir", "docs"))
    return SiteConfig(docs_dir, list(config.get("nav") or []), repository_settings(config.get("repo_url"), config.get("extra") or {}))


def repository_settings(repo_url: str | None, extra: dict[str, Any]) -> RepositorySettings:
    """The repository settings of a MkDocs configuration: ``repo_url`` and ``extra.invulhulp``."""
    return RepositorySettings(repo_url or None, dict(extra.get("invulhulp") or {}))

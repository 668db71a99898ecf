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

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class SiteConfig:
    """What the rendering needs from the engine's configuration."""

    docs_dir: Path | None
    nav: list[Any] = field(default_factory=list)


def read_site_config(root: Path) -> SiteConfig:
    """The docs folder and nav of ``root/mkdocs.yml``; none when the project has no such file (test fixtures)."""
    if not (root / CONFIG_FILE).is_file():
        return SiteConfig(None)
    config = read_config(root)
    return SiteConfig(root / str(config.get("docs_dir", "docs")), list(config.get("nav") or []))


def read_config(root: Path) -> dict[str, Any]:
    """The whole of ``root/mkdocs.yml`` as plain values (``!ENV`` resolved)."""
    with (root / CONFIG_FILE).open(encoding="utf-8") as handle:
        return dict(yaml_load(handle) or {})

"""``dossier build --engine mkdocs``: exactly ``mkdocs build --strict``, the default build.

MkDocs runs the hook (:mod:`.mkdocs_hook`) itself, so this door only starts it, in its own
process as a reader would from the command line; its exit code is the build's.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .mkdocs_config import CONFIG_FILE


def build_mkdocs(root: Path, site_dir: Path | None = None) -> int:
    """Run ``mkdocs build --strict`` on ``root/mkdocs.yml`` (into ``site_dir`` when given); returns its exit code."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / CONFIG_FILE)]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=root, check=False).returncode

"""``dossier build --engine mkdocs|properdocs``: exactly ``mkdocs build --strict`` (the default), or the same with ProperDocs.

ProperDocs is a maintained fork of MkDocs 1.6: it reads the same ``mkdocs.yml`` and runs the
same hook (:mod:`.mkdocs_hook`), because its own modules answer every ``import mkdocs…`` in its
process. So this door only starts the engine, in its own process as a reader would from the
command line; its exit code is the build's. Material's end-of-life box is switched off
(``NO_MKDOCS_2_WARNING``): the hook says it in our words, and only once the date has passed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from ..settings import child_environment
from .mkdocs_config import CONFIG_FILE

INSTALL = {"mkdocs": "pip install -e .", "properdocs": "pip install -e '.[properdocs]'"}
"""The engines that run our hook (``python -m <engine>`` starts each), and how each is installed."""


class EngineMissing(Exception):
    """The engine is not installed; the message says how to install it (Dutch)."""


def build_mkdocs(root: Path, site_dir: Path | None = None, engine: str = "mkdocs") -> int:
    """Run ``<engine> build --strict`` on ``root/mkdocs.yml`` (into ``site_dir`` when given); returns its exit code."""
    if importlib.util.find_spec(engine) is None:
        raise EngineMissing(f"{engine} ontbreekt: {INSTALL[engine]}")
    command = [sys.executable, "-m", engine, "build", "--strict", "--config-file", str(root / CONFIG_FILE)]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    env = child_environment(NO_MKDOCS_2_WARNING="1")
    return subprocess.run(command, cwd=root, env=env, check=False).returncode

"""Where the test suite finds the npm-installed checkers (axe-core, vnu.jar) that tests/run.sh installs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO

NODE_MODULES = Path(os.environ.get("DOSSIER_NODE_MODULES", REPO / ".cache" / "node" / "node_modules"))
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def need_tool(path: Path) -> None:
    """Skip without the tool on a developer's machine; fail in CI, where tests/run.sh installs it."""
    if path.is_file():
        return
    reason = f"{path} ontbreekt: voer bash tests/run.sh uit (installeert axe-core en vnu-jar in .cache/node)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)

"""Where the test suite finds the npm-installed tools (axe-core, vnu.jar, decap-server) that tests/run.sh installs, and Node."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import REPO

NODE_MODULES = [Path(p) for p in os.environ.get("DOSSIER_NODE_MODULES", "").split(os.pathsep) if p]
NODE_MODULES.append(REPO / ".cache" / "node" / "node_modules")
"""Where to look, in order: ``DOSSIER_NODE_MODULES`` (folders separated by ``os.pathsep``), then ``.cache/node``."""


def _node_tool(relative: str) -> Path:
    """The first installed copy of a tool in ``NODE_MODULES``; else where ``tests/run.sh`` puts it."""
    return next((d / relative for d in NODE_MODULES if (d / relative).is_file()), NODE_MODULES[-1] / relative)


AXE_JS = _node_tool("axe-core/axe.min.js")
VNU_JAR = _node_tool("vnu-jar/build/dist/vnu.jar")
DECAP_SERVER = _node_tool("decap-server/dist/index.js")


def need_tool(path: Path) -> None:
    """Skip without the tool on a developer's machine; fail in CI, where tests/run.sh installs it."""
    if path.is_file():
        return
    reason = f"{path} ontbreekt: voer bash tests/run.sh uit (installeert npm, axe-core, vnu-jar en decap-server in .cache/node)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def need_program(name: str) -> str:
    """The path of a program on the PATH (``node``); skipped without it, failed in CI."""
    found = shutil.which(name)
    need_tool(Path(found or f"/usr/bin/{name}"))
    return found or name

"""Shared test helpers: a writable copy of the mini fixture and a one-call validator."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from build_scripts.reading.load import load_dataset
from build_scripts.reading.problems import Problem

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


class Project:
    """A temporary project root with a ``data/`` tree the test may change."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str | bytes) -> None:
        target = self.path(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str, count: int = 1) -> None:
        """Change a file's text; fails loudly if the text to change is not there."""
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, count))

    def line_of(self, rel: str, needle: str, nth: int = 1) -> int:
        """1-based line number of the nth line containing ``needle``."""
        hits = [i for i, line in enumerate(self.read(rel).splitlines(), 1) if needle in line]
        assert len(hits) >= nth, f"{needle!r} not found {nth}x in {rel}"
        return hits[nth - 1]

    def problems(self) -> list[Problem]:
        return load_dataset(self.root)[1]


@pytest.fixture(scope="session", autouse=True)
def shared_chart_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One chart cache per test worker: charts are drawn once, not in every test that builds pages."""
    import os

    cache = tmp_path_factory.mktemp("cache")
    os.environ["DOSSIER_CACHE_DIR"] = str(cache)
    return cache


@pytest.fixture
def stub_charts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The one stand-in for matplotlib's drawing (tested in test_charts): records each kind drawn.

    Its SVG still depends on the chart's data, so a cache or determinism test sees real differences.
    """
    from build_scripts.render import charts

    drawn: list[str] = []

    def render(kind: str, data: dict[str, object]) -> bytes:
        drawn.append(kind)
        return f"<svg><!-- {kind} {data.get('titel', '')} {len(str(data))} --></svg>".encode()

    monkeypatch.setattr(charts, "render_svg", render)
    monkeypatch.setattr(charts, "POOL_THRESHOLD", 10_000)  # the stand-in is not picklable: draw in this process
    return drawn


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(FIXTURES / "mini", tmp_path / "proj")
    return Project(tmp_path / "proj")


def prepare_site_project(root: Path) -> None:
    """Give a fixture project the repository's mkdocs.yml and content/, pointing at our hook."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - build_scripts/engines/mkdocs_hook.py", f"  - {REPO / 'build_scripts/engines/mkdocs_hook.py'}")
    config = config.replace("custom_dir: build_scripts/render/theme", f"custom_dir: {REPO / 'build_scripts/render/theme'}")
    config = config.replace("  - build_scripts\n", "")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    if (root / "content").exists():
        shutil.rmtree(root / "content")
    shutil.copytree(REPO / "content", root / "content")


def mkdocs_build(root: Path, *extra: str, engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``root``, or with another ``engine`` the documented ``dossier build --engine ENGINE``."""
    if engine != "mkdocs":
        return dossier_build(root, "--engine", engine, *extra)
    return _run_in(root, "-m", "mkdocs", "build", "--strict", *extra)


def dossier_build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``dossier build ARGS`` in ``root``, in its own process as a region would run it."""
    return _run_in(root, "-m", "build_scripts.cli", "build", *args)


def _run_in(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    import os
    import sys

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOSSIER_PEILDATUM": "2026-06-01"}
    return subprocess.run([sys.executable, *args], cwd=root, capture_output=True, text=True, env=env)


@pytest.fixture
def agenda_project(tmp_path: Path) -> Project:
    """The agenda fixture (four regions: on time, late, empty, and one without a file this year)."""
    shutil.copytree(FIXTURES / "agenda" / "basis", tmp_path / "proj")
    return Project(tmp_path / "proj")

"""One built site per engine per test run, shared by the link check, the parity tests and the browser tests (and xdist workers).

The site is built from the repository's example data (``data/``) with the repository's
``mkdocs.yml`` and ``content/``: what CI publishes. While ``data/`` holds no region yet, the mini
fixture stands in. The first worker builds under a file lock; the others reuse the result.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, REPO, prepare_site_project

PAGES = {
    "home": "",
    "regio-overzicht": "regios/",
    "regio-pagina": "regios/{regio}/",
    "regio-jaar": "regios/{regio}/{jaar}/",
    "landelijk": "landelijk/{jaar}/",
    "jaaragenda": "jaaragenda/{jaar}/",
    "leidraad": "leidraad/",
    "leidraad-hoofdstuk": "leidraad/jaarcyclus/",
    "downloads": "downloads/",
    "afdrukversie": "downloads/dossier-{jaar}/",
    "invulhulp": "invulhulp/",
    "zoeken": "zoeken/?q=wachtlijsten",
}
"""The pages the browser tests cover (issues 8 and 17), by a short name: site-relative URL patterns.

``regio-overzicht`` is the index of all regions; ``regio-pagina`` one region's overview;
``zoeken`` the search page with a Dutch query (its results appear after the page has loaded).
"""
READY = {"zoeken": ".pagefind-ui__result-link"}
"""Pages whose content arrives after loading: what must be on screen before a check looks at the page."""


def wait_until_ready(page: Any, name: str) -> None:
    if name in READY:
        page.locator(READY[name]).first.wait_for(timeout=30_000)


ENGINES = ("mkdocs", "zensical")
"""The engines the browser tests and the link check visit. ProperDocs is left out there: its whole
output is byte-identical to MkDocs' but for the generator tag (tests/test_engine_parity.py)."""
DOORS = ("mkdocs", "properdocs", "zensical")
"""Every ``dossier build --engine``: the end-to-end build tests run on each."""


@dataclass(frozen=True)
class BuiltSite:
    """The built ``site/`` folder, the engine that built it, and the cycle and region whose pages the tests visit."""

    root: Path
    jaar: int
    regio: str
    engine: str = "mkdocs"

    def url(self, name: str) -> str:
        return PAGES[name].format(jaar=self.jaar, regio=self.regio)


def uses_repository_data() -> bool:
    return any((REPO / "data" / "regions").glob("*/regio.yaml"))


PREVIEW_ENV = {
    "DOSSIER_PREVIEW": "!15",
    "DOSSIER_PREVIEW_URL": "https://gitlab.example.org/cruciale-ggz/dossier/-/merge_requests/15",
    "DOSSIER_PREVIEW_SITE_URL": "https://cruciale-ggz.gitlab.example.io/-/dossier/-/jobs/7/artifacts/voorbeeld/",
}
"""What the GitLab fallback preview job sets (engines/preview.py): merge request !15, served by the artifact browser."""


def build_once(tmp_path_factory: pytest.TempPathFactory, engine: str = "mkdocs", preview: bool = False) -> BuiltSite:
    """Build (or reuse, when another xdist worker already did) the site of this test run with ``engine``, or its preview variant."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    name = "built-preview" if preview else f"built-site-{engine}"
    work = shared / name
    work.mkdir(exist_ok=True)
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (work / "ok").exists() and not (work / "failed").exists():
                _build(work, engine, PREVIEW_ENV if preview else {})
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    if (work / "failed").exists():
        pytest.fail(f"bouwen met {engine} faalde:\n" + (work / "failed").read_text(encoding="utf-8"), pytrace=False)
    return _describe(work / "site", engine)


def build_command(engine: str, root: Path, site: Path) -> list[str]:
    """The command that builds ``root``'s site into ``site`` with ``engine``.

    MkDocs with --no-strict: a warning fails the real build (.ci/run, test_site_build); here it must
    not hide every browser finding behind one build error. ``dossier build --engine properdocs`` and
    ``--engine zensical`` are always strict (Zensical's own build folder lives in the test session's cache).
    """
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    return [sys.executable, "-m", "build_scripts.cli", "--root", str(root), "build", "--engine", engine, "--site-dir", str(site)]


def _build(work: Path, engine: str, extra_env: dict[str, str]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOSSIER_PREVIEW")}
    env.update(extra_env, NO_MKDOCS_2_WARNING="1")
    root = REPO
    if not uses_repository_data():
        root = work / "project"
        shutil.copytree(FIXTURES / "mini", root)
        prepare_site_project(root)
        env["DOSSIER_PEILDATUM"] = "2026-06-01"
    result = subprocess.run(build_command(engine, root, work / "site"), cwd=root, env=env, capture_output=True, text=True)
    (work / "build.log").write_text(result.stderr, encoding="utf-8")
    (work / ("ok" if result.returncode == 0 else "failed")).write_text(result.stderr[-5000:], encoding="utf-8")


def _describe(site: Path, engine: str) -> BuiltSite:
    """Pick the latest cycle with region pages, and the first region (by slug) that has it."""
    years: dict[int, list[str]] = {}
    for page in site.glob("regios/*/*/index.html"):
        if re.fullmatch(r"\d{4}", page.parent.name):
            years.setdefault(int(page.parent.name), []).append(page.parent.parent.name)
    if not years:
        pytest.fail(f"geen regio-jaarpagina's in {site}", pytrace=False)
    jaar = max(years)
    return BuiltSite(site, jaar, sorted(years[jaar])[0], engine)

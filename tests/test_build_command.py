"""``dossier build``: MkDocs by default exactly as ``mkdocs build --strict``; Zensical publishes only a build that succeeded."""

from __future__ import annotations

import sys

import pytest

from build_scripts.cli import main
from conftest import Project, dossier_build, prepare_site_project

BROKEN_PAGE = "# Kapot\n\nZie [de pagina die er niet is](nergens.md).\n"


@pytest.fixture
def site_project(project: Project) -> Project:
    prepare_site_project(project.root)
    return project


def test_the_default_engine_is_mkdocs_in_strict_mode(site_project: Project) -> None:
    result = dossier_build(site_project.root)
    assert result.returncode == 0, result.stderr
    assert '<meta name="generator" content="mkdocs-' in site_project.read("site/index.html")
    site_project.write("content/kapot.md", BROKEN_PAGE)
    result = dossier_build(site_project.root, "--engine", "mkdocs")
    assert result.returncode == 1 and "nergens.md" in result.stderr, "een waarschuwing laat de build falen (--strict)"


def test_a_failed_zensical_build_leaves_the_published_site_as_it_was(site_project: Project) -> None:
    site_project.write("site/index.html", "de vorige site")
    site_project.write("content/kapot.md", BROKEN_PAGE)
    result = dossier_build(site_project.root, "--engine", "zensical", "--site-dir", str(site_project.path("site")))
    assert result.returncode == 1
    assert "bouwde de site niet" in result.stderr and "site is niet veranderd" in result.stderr
    assert site_project.read("site/index.html") == "de vorige site"
    assert sorted(p.name for p in site_project.root.iterdir() if p.name.startswith("site")) == ["site"]


def test_without_zensical_the_command_says_how_to_install_it(
    site_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "zensical", None)  # import zensical now fails, as when it is not installed
    monkeypatch.delitem(sys.modules, "build_scripts.engines.zensical_build", raising=False)
    assert main(["--root", str(site_project.root), "build", "--engine", "zensical"]) == 2
    assert "pip install -e '.[zensical]'" in capsys.readouterr().err
    assert not site_project.path("site").exists()


def test_zensical_refuses_a_preview_rather_than_publish_one_without_banner(
    site_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The preview (banner, noindex, links to files) is applied by the MkDocs door only: Zensical must not build a plain site for it."""
    monkeypatch.setenv("DOSSIER_PREVIEW", "!15")
    assert main(["--root", str(site_project.root), "build", "--engine", "zensical"]) == 1
    assert "DOSSIER_PREVIEW is gezet" in capsys.readouterr().err
    assert not site_project.path("site").exists()

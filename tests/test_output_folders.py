"""No command may fill a folder that is the project, holds it, or looks like a project (issue 24, item 6).

Every case runs on a scratch copy of a project with its own ``.git``: on the code before this change
``dossier build --engine zensical --site-dir .`` deleted the whole copy and exited 0.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from build_scripts.cli import main
from conftest import FIXTURES, mkdocs_build, prepare_site_project


def scratch_project(folder: Path) -> Path:
    """A complete small project (data, content, mkdocs.yml) with a git history, in ``folder``."""
    shutil.copytree(FIXTURES / "mini", folder)
    prepare_site_project(folder)
    git = ["git", "-C", str(folder), "-c", "user.name=test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "begin"], check=True)
    return folder


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    return scratch_project(tmp_path / "project")


REFUSED = "er is niets verwijderd"


@pytest.mark.parametrize("site_dir", [".", "..", "data", "data/regions", "content", ".git"])
def test_zensical_build_refuses_the_project_and_its_parts(scratch: Path, site_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(scratch)
    code = main(["--root", str(scratch), "build", "--engine", "zensical", "--site-dir", site_dir])
    assert scratch.is_dir() and snapshot(scratch) == before, "the project was changed"
    assert code == 2
    assert REFUSED in capsys.readouterr().err


@pytest.mark.parametrize("site_dir", [".", "..", "data"])
def test_mkdocs_build_through_dossier_refuses_too(scratch: Path, site_dir: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(scratch)
    assert main(["--root", str(scratch), "build", "--site-dir", site_dir]) == 2
    assert snapshot(scratch) == before
    assert "de uitvoermap" in capsys.readouterr().err


def test_a_folder_holding_another_project_is_refused(scratch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "ander"
    (other / ".git").mkdir(parents=True)
    (other / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    for args in (["build", "--engine", "zensical", "--site-dir", str(other)], ["export", "--out", str(other)], ["pdf", "--site", str(other)]):
        assert main(["--root", str(scratch), *args]) == 2, args
        assert "bevat al '.git'" in capsys.readouterr().err
    assert (other / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"


@pytest.mark.parametrize("out", [".", "data", ".."])
def test_export_and_pdf_refuse_the_project(scratch: Path, out: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(scratch)
    monkeypatch.chdir(scratch)  # --out is relative to where the command runs
    assert main(["--root", str(scratch), "export", "--out", out]) == 2
    assert main(["--root", str(scratch), "pdf", "--site", out]) == 2
    assert snapshot(scratch) == before
    assert capsys.readouterr().err.count(REFUSED) == 2


@pytest.mark.slow
def test_mkdocs_own_site_dir_is_checked_by_the_hook(scratch: Path) -> None:
    """``site_dir: data`` in mkdocs.yml: MkDocs would empty data/ right after the hook's on_config."""
    config = scratch / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_dir: site", "site_dir: data"), encoding="utf-8")
    before = snapshot(scratch)
    result = mkdocs_build(scratch)
    assert snapshot(scratch) == before, "MkDocs emptied data/"
    assert result.returncode == 1
    assert "is de map data/ van het project" in result.stderr and REFUSED in result.stderr


def test_the_zensical_build_folder_may_not_be_the_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The build folder is ``$DOSSIER_CACHE_DIR/zensical``: here the project itself, whose mkdocs.yml it would overwrite."""
    project = scratch_project(tmp_path / "zensical")
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(tmp_path))
    before = snapshot(project)
    assert main(["--root", str(project), "build", "--engine", "zensical", "--site-dir", str(tmp_path / "site")]) == 2
    assert snapshot(project) == before
    assert "de bouwmap van Zensical" in capsys.readouterr().err


def test_the_staging_folder_beside_the_site_may_not_be_the_project(tmp_path: Path, capsys) -> None:
    """Zensical's door copies the new site to ``<site>.nieuw`` first, after removing what is there."""
    project = scratch_project(tmp_path / "uit.nieuw")
    before = snapshot(project)
    assert main(["--root", str(project), "build", "--engine", "zensical", "--site-dir", str(tmp_path / "uit")]) == 2
    assert snapshot(project) == before
    assert "uit.nieuw is de projectmap zelf" in capsys.readouterr().err

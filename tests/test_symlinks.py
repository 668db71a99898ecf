"""Symbolic links under data/ and content/ are refused, never followed or written through (issue 24, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.cli import main
from conftest import Project, dossier_build, mkdocs_build, prepare_site_project

NOORD_2026 = "data/regions/noord/2026.yaml"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the project: where a link would lead."""
    folder = tmp_path / "buiten"
    folder.mkdir()
    return folder


def link_problems(project: Project) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.severity) for p in project.problems() if p.code == "snelkoppeling"]


def test_a_year_file_linked_to_outside_the_repository_is_refused_not_published(project: Project, outside: Path, capsys) -> None:
    secret = outside / "2027.yaml"
    secret.write_text(project.read(NOORD_2026).replace("jaar: 2026", "jaar: 2027"), encoding="utf-8")
    project.path("data/regions/noord/2027.yaml").symlink_to(secret)
    assert link_problems(project) == [("data/regions/noord/2027.yaml", 1, 1, "fout")]
    assert main(["--root", str(project.root), "validate"]) == 1
    out = capsys.readouterr().out
    assert "data/regions/noord/2027.yaml:1:1: fout: dit is een symbolische koppeling (symlink); het dossier volgt geen koppelingen" in out
    from build_scripts.reading.load import load_dataset

    assert 2027 not in load_dataset(project.root)[0].regions["noord"].jaren


@pytest.mark.parametrize("linked", ["data/regions/oost", "data/landelijk/2027.yaml", "data/regions/noord/regio.yaml"])
def test_every_link_under_data_is_reported_at_its_own_path(project: Project, outside: Path, linked: str) -> None:
    source = project.path(linked.replace("oost", "zuid").replace("2027", "2026"))
    if linked.endswith("regio.yaml"):
        (outside / "regio.yaml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        source.unlink()
        source = outside / "regio.yaml"
    project.path(linked).symlink_to(source)
    assert (linked, 1, 1, "fout") in link_problems(project)


def test_a_linked_data_folder_is_not_read(project: Project, outside: Path) -> None:
    (project.path("data")).rename(outside / "data")
    project.path("data").symlink_to(outside / "data")
    assert link_problems(project) == [("data", 1, 1, "fout")]


def test_a_dangling_link_is_reported_too(project: Project, outside: Path) -> None:
    project.path("data/regions/noord/2027.yaml").symlink_to(outside / "bestaat-niet.yaml")
    assert link_problems(project) == [("data/regions/noord/2027.yaml", 1, 1, "fout")]


def test_new_year_never_writes_through_a_dangling_link(project: Project, outside: Path, capsys) -> None:
    target = outside / "geschreven.yaml"
    project.path("data/regions/noord/2027.yaml").symlink_to(target)
    assert main(["--root", str(project.root), "new-year", "2027"]) == 2
    assert not target.exists(), "new-year schreef door de koppeling heen, buiten de repository"
    err = capsys.readouterr().err
    assert "data/ bevat symbolische koppelingen (symlinks)" in err and "data/regions/noord/2027.yaml:1:1: fout: dit is een symbolische koppeling" in err
    assert not project.path("data/regions/zuid/2027.yaml").exists(), "nothing is written while data/ holds a link"


def test_new_year_write_refuses_a_link_that_appears_after_the_check(project: Project, outside: Path) -> None:
    from build_scripts.editing.writing import LinkError, write_new

    project.path("data/regions/noord/2027.yaml").symlink_to(outside / "geschreven.yaml")
    with pytest.raises(LinkError, match="symbolische koppeling"):
        write_new(project.root, project.path("data/regions/noord/2027.yaml"), "jaar: 2027\n")
    project.path("data/regions/zuid").rename(outside / "zuid")
    project.path("data/regions/zuid").symlink_to(outside / "zuid")
    with pytest.raises(LinkError, match="data/regions/zuid is een symbolische koppeling"):
        write_new(project.root, project.path("data/regions/zuid/2027.yaml"), "jaar: 2027\n")
    assert not (outside / "geschreven.yaml").exists() and not (outside / "zuid" / "2027.yaml").exists()


def test_migrate_never_writes_through_a_link(project: Project, outside: Path, capsys) -> None:
    version_1 = project.read(NOORD_2026).replace("jaar: 2026", "jaar: 2027")
    assert "versie:" not in version_1
    (outside / "2027.yaml").write_text(version_1, encoding="utf-8")
    project.path("data/regions/noord/2027.yaml").symlink_to(outside / "2027.yaml")
    assert main(["--root", str(project.root), "migrate"]) == 1
    assert (outside / "2027.yaml").read_text(encoding="utf-8") == version_1, "migrate schreef door de koppeling heen"
    err = capsys.readouterr().err
    assert "data/regions/noord/2027.yaml: niet bijgewerkt: dit is een symbolische koppeling (symlink)" in err
    assert "versie: 2" in project.read(NOORD_2026), "the other files are still migrated"


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_both_engines_refuse_links_in_data_and_content(project: Project, outside: Path, engine: str) -> None:
    prepare_site_project(project.root)
    (outside / "geheim.md").write_text("# Geheim\n\nwachtwoord: hunter2\n", encoding="utf-8")
    project.path("content/geheim.md").symlink_to(outside / "geheim.md")
    result = mkdocs_build(project.root, engine=engine)
    assert result.returncode == 1, result.stderr
    assert "content/geheim.md:1:1: fout: dit is een symbolische koppeling (symlink)" in result.stderr
    assert not project.path("site").exists()
    project.path("content/geheim.md").unlink()
    project.path("data/regions/noord/2027.yaml").symlink_to(project.path(NOORD_2026))
    result = dossier_build(project.root, "--engine", engine)
    assert result.returncode == 1 and "data/regions/noord/2027.yaml:1:1: fout: dit is een symbolische koppeling" in result.stderr
    assert not project.path("site").exists()


def test_diff_against_a_revision_with_a_link_leaves_the_link_out(project: Project, outside: Path, capsys) -> None:
    """``git archive`` of an old revision may hold a link (to /etc/passwd, say): never extracted, never read."""
    import subprocess

    (outside / "geheim.yaml").write_text("wachtwoord: hunter2\n", encoding="utf-8")
    project.path("data/regions/noord/2027.yaml").symlink_to(outside / "geheim.yaml")
    git = ["git", "-C", str(project.root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "met koppeling"]):
        subprocess.run([*git, *args], check=True)
    project.path("data/regions/noord/2027.yaml").unlink()
    assert main(["--root", str(project.root), "diff", "--base", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert "hunter2" not in out and "Geen wijzigingen in de gegevens" in out

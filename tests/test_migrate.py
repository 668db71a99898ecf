"""Contract versions: version-1 files stay valid, version-2 keys need ``versie: 2``, ``dossier migrate`` is a one-line diff."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from build_scripts.cli import EXIT_DATA, EXIT_OK, main
from build_scripts.editing.migrate import migrate_text
from build_scripts.reading.load import load_dataset
from conftest import FIXTURES, REPO, Project


def test_every_example_file_is_exactly_its_version_1_text_plus_the_version_line() -> None:
    """Strip the version line from each committed example file: migrating that gives the committed file back, byte for byte."""
    files = sorted((REPO / "data").rglob("*.yaml"))
    assert len(files) == 32
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.count("\nversie: 2\n") == 1, path
        assert migrate_text(text.replace("\nversie: 2\n", "\n", 1)) == text, path


def test_migrate_changes_only_the_version_line_and_the_files_stay_valid(tmp_path: Path) -> None:
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    before = {p: p.read_text(encoding="utf-8") for p in sorted((root / "data").rglob("*.yaml"))}
    assert main(["--root", str(root), "migrate"]) == EXIT_OK
    for path, old in before.items():
        diff = [line for line in difflib.unified_diff(old.splitlines(), path.read_text(encoding="utf-8").splitlines(), lineterm="", n=0)
                if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        assert diff == ["+versie: 2"], (path, diff)
    assert [p for p in load_dataset(root)[1] if p.is_error] == []
    assert main(["--root", str(root), "migrate"]) == EXIT_OK  # a second run changes nothing
    assert all(p.read_text(encoding="utf-8").count("versie: 2") == 1 for p in before)


def test_migrate_leaves_a_broken_file_alone_and_says_so(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    path = "data/regions/noord/2026.yaml"
    project.replace(path, "status: vastgesteld", "status: [vastgesteld")
    broken = project.read(path)
    assert main(["--root", str(project.root), "migrate"]) == EXIT_DATA
    assert project.read(path) == broken
    assert "noord/2026.yaml: niet bijgewerkt: het bestand is geen leesbare YAML" in capsys.readouterr().err


def test_a_version_2_key_in_a_version_1_file_is_an_error_at_its_line(project: Project) -> None:
    path = "data/regions/noord/2026.yaml"
    text = project.read(path)
    start = text.index("  klinische_zorg:")
    project.write(path, text[:start] + text[start:].replace("    onder_druk:", "    toegangsprobleem:\n      oordeel: ja\n    onder_druk:", 1))
    line = project.line_of(path, "toegangsprobleem:")
    found = [p.as_text() for p in project.problems() if p.is_error]
    assert found == [
        f"{path}:{line}:5: fout: zorgvormen.klinische_zorg.toegangsprobleem: 'toegangsprobleem' hoort bij versie 2 van het "
        "gegevenscontract; zet 'versie: 2' bovenaan het bestand (of voer dossier migrate uit)"
    ]
    project.replace(path, "regio: noord", "versie: 2\nregio: noord")
    assert [p for p in project.problems() if p.is_error] == []


def _version_2_with_elders(project: Project, regio: str) -> str:
    """noord's 2026 file at version 2, with care elsewhere (``elders``) in ``regio`` for klinische zorg; returns its path."""
    path = "data/regions/noord/2026.yaml"
    project.replace(path, "regio: noord", "versie: 2\nregio: noord")
    text = project.read(path)
    start = text.index("  klinische_zorg:")
    project.write(path, text[:start] + text[start:].replace("    onder_druk:", f"    elders:\n      - {{regio: {regio}, aantal: 4}}\n    onder_druk:", 1))
    return path


def test_elders_must_name_an_existing_other_region(project: Project) -> None:
    path = _version_2_with_elders(project, "oost")
    line = project.line_of(path, "regio: oost")
    assert [p.as_text() for p in project.problems() if p.is_error] == [
        f"{path}:{line}:17: fout: zorgvormen.klinische_zorg.elders[0].regio: regio 'oost' bestaat niet; kies een mapnaam uit data/regions/"
    ]


def test_a_third_version_is_one_more_step_and_validate_and_migrate_follow_it(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Register a fake step 2 → 3 (here: ``elders`` moves to version 3) and nothing else: the version rule and migrate follow the list."""
    from build_scripts.contract import versions
    from build_scripts.reading import catalogue

    step_3 = versions.Step(3, zorgvorm_keys=("elders",))
    (real_2,) = versions.STEPS
    step_2 = versions.Step(2, tuple(k for k in real_2.zorgvorm_keys if k != "elders"), real_2.criterium_keys)
    monkeypatch.setattr(versions, "STEPS", (step_2, step_3))
    monkeypatch.setitem(catalogue.CATALOGUE, step_3.problem_code, catalogue.version_key_kind(step_3))
    assert versions.current_version() == 3

    path = _version_2_with_elders(project, "zuid")
    line = project.line_of(path, "elders:")
    found = [p for p in project.problems() if p.is_error]
    assert [(p.code, p.line) for p in found] == [("versie-3-sleutel", line)]
    assert "'elders' hoort bij versie 3 van het gegevenscontract; zet 'versie: 3' bovenaan het bestand" in found[0].message

    assert main(["--root", str(project.root), "migrate"]) == EXIT_OK
    assert "versie: 3\nregio: noord" in project.read(path)  # version 2 → 3: the number changed, nothing else
    assert all(f.read_text(encoding="utf-8").count("versie: 3\n") == 1 for f in (project.root / "data").rglob("*.yaml")), "every file at version 3"
    assert "bijgewerkt naar versie 3" in capsys.readouterr().err
    assert main(["--root", str(project.root), "migrate"]) == EXIT_OK and "al actueel" in capsys.readouterr().err

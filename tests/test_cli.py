"""The ``dossier`` command as a region's advisor uses it: exit codes, formats, path filters."""

from __future__ import annotations

import json

import pytest

from build_scripts.cli import COMMANDS, main
from conftest import Project

NOORD = "data/regions/noord/2026.yaml"


def run(project: Project, *args: str) -> int:
    return main(["--root", str(project.root), *args])


def test_clean_data_exits_zero(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "validate") == 0
    assert "0 fouten, 0 waarschuwingen in 6 bestanden" in capsys.readouterr().err


def test_errors_exit_one_with_located_lines(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.replace(NOORD, "mate: matig", "mate: hoog")
    assert run(project, "validate") == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [f"{NOORD}:{project.line_of(NOORD, 'mate: hoog')}:13: fout: zorgvormen.acute_zorg.onder_druk.mate: "
                   "waarde 'hoog' is niet toegestaan; kies uit: geen, beperkt, matig, ernstig"]


def test_warnings_exit_zero_unless_strict(project: Project) -> None:
    project.replace(NOORD, "- datum: 2026-04-14", "- datum: 2026-07-14")
    assert run(project, "validate") == 0
    assert run(project, "validate", "--strict") == 1


def test_path_filter(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.replace(NOORD, "mate: matig", "mate: hoog")
    assert run(project, "validate", str(project.path("data/regions/zuid"))) == 0
    assert run(project, "validate", str(project.path(NOORD))) == 1


def test_usage_errors_exit_two(project: Project) -> None:
    assert run(project, "validate", str(project.path("data/regions/bestaat-niet"))) == 2
    assert run(project, "validate", "--format", "xml") == 2
    assert main(["onbekend-commando"]) == 2


def test_json_format(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.replace(NOORD, "mate: matig", "mate: hoog")
    run(project, "validate", "--format", "json")
    [item] = json.loads(capsys.readouterr().out)
    assert item["path"] == NOORD and item["severity"] == "fout" and item["key_path"].endswith("mate")


def test_github_annotations(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.replace(NOORD, "mate: matig", "mate: hoog")
    run(project, "validate", "--format", "github")
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"::error file={NOORD},line={project.line_of(NOORD, 'mate: hoog')},col=13,")
    assert "::zorgvormen.acute_zorg.onder_druk.mate: waarde 'hoog'" in line


def test_gitlab_code_quality(project: Project, tmp_path) -> None:
    project.replace(NOORD, "mate: matig", "mate: hoog")
    report = tmp_path / "gl.json"
    assert run(project, "validate", "--format", "gitlab", "--output", str(report)) == 1
    [item] = json.loads(report.read_text(encoding="utf-8"))
    assert item["location"] == {"path": NOORD, "lines": {"begin": project.line_of(NOORD, "mate: hoog")}}
    assert item["severity"] == "major" and len(item["fingerprint"]) == 64


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_dutch_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    assert COMMANDS[command][0] in " ".join(capsys.readouterr().out.split())

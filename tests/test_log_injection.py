"""No data can start a GitHub workflow command in a log (issue 24, item 4).

The GitHub runner reads a job's output line by line; a line that starts, after optional whitespace, with
``::`` is a workflow command (``TryParseV2`` in actions/runner's ``ActionCommand.cs``: ``TrimStart()``, then
``StartsWith("::")``), and so is ``##[command]`` anywhere in a line (the legacy ``TryParse``:
``IndexOf("##[")``). So region text with a line break and ``::add-mask::`` in it, quoted in a message, could
mask or fake log lines. Every real output here (validate in all formats, both builds, diff, new-year,
migrate) runs through that pattern; the only commands allowed are our own ``--format github``
annotations, whose data must decode (GitHub's own unescaping) to one line.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURES, Project, mkdocs_build, prepare_site_project

NOORD = "data/regions/noord/2026.yaml"
PAYLOAD = "\\n::add-mask::geheim\\n  ::error file=x,line=1::nep\\n\\t::warning::tab\\n##[add-mask]oud ##[stop-commands]stop"
"""As written between double quotes in YAML: line breaks, indented and tab-led commands, the legacy form."""
ANNOTATION = re.compile(r"^::(?:error|warning) file=[^:,]*,line=\d+,col=\d+,title=[^:,]*::(?P<data>.*)$")
"""Our annotation; GitHub's escaping of properties leaves no ':' or ',' in their values."""


def workflow_commands(output: str) -> list[str]:
    """Every line GitHub would run as a workflow command (lines split as generously as any reader could)."""
    return [line for line in output.splitlines() if line.lstrip().startswith("::") or "##[" in line]


def github_unescape(data: str) -> str:
    """How the runner turns a command's data back into text (``UnescapeData``)."""
    return data.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def dossier(project: Project, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts.cli", "--root", str(project.root), *args],
        capture_output=True, text=True, cwd=project.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOSSIER_PEILDATUM": "2026-06-01"},
    )
    return result.stdout + result.stderr


@pytest.fixture
def hostile(tmp_path) -> Project:
    """Data with the payload in places that are errors: a key, a choice, a name, a file name, a folder name."""
    shutil.copytree(FIXTURES / "mini", tmp_path / "fouten")
    project = Project(tmp_path / "fouten")
    project.replace(NOORD, "    wachtenden: 12", f'    "wachtenden{PAYLOAD}": 12')
    project.replace(NOORD, "mate: matig", f'mate: "matig{PAYLOAD}"')
    project.replace(NOORD, "toelichting: Krapte bij verpleegkundigen", 'toelichting: "Krapte\\r::error::cr\\e[2J"')
    project.replace("data/regions/noord/regio.yaml", "naam: Noord", f'naam: "Noord{PAYLOAD}"')
    project.write("data/regions/noord/2027\n::error::bestand.yaml", "jaar: 2027\n")
    project.write("data/regions/Zuid\n::warning::map/regio.yaml", "naam: Zuid\n")
    return project


@pytest.fixture
def valid_hostile(tmp_path) -> Project:
    """Data that passes validation and still carries the payload: free text may hold line breaks and ``##[``."""
    shutil.copytree(FIXTURES / "mini", tmp_path / "geldig")
    project = Project(tmp_path / "geldig")
    project.replace(NOORD, "toelichting: Krapte bij verpleegkundigen", f'toelichting: "Krapte{PAYLOAD}"')
    project.replace("data/regions/noord/regio.yaml", "naam: Noord", "naam: Noord ##[add-mask]naam")
    return project


@pytest.mark.parametrize("fmt", ["text", "json", "gitlab"])
def test_validate_quotes_the_data_on_one_line(hostile: Project, fmt: str) -> None:
    output = dossier(hostile, "validate", "--format", fmt)
    assert workflow_commands(output) == []
    quoted = "\\\\n::add-mask::geheim" if fmt != "text" else "\\n::add-mask::geheim"  # JSON escapes the backslash once more
    assert quoted in output, "the data is quoted, escaped, not left out"
    if fmt != "text":
        json.loads(output[: output.rindex("]") + 1])  # JSON stays JSON


def test_validate_for_github_emits_only_its_own_annotations(hostile: Project) -> None:
    problems = json.loads(dossier(hostile, "validate", "--format", "json").rsplit("]", 1)[0] + "]")
    output = dossier(hostile, "validate", "--format", "github")
    commands = workflow_commands(output)
    assert len(commands) == len(problems) > 5
    for line in commands:
        match = ANNOTATION.match(line)
        assert match, f"not one of our annotations: {line!r}"
        assert "\n" not in github_unescape(match["data"]) and "\r" not in github_unescape(match["data"])
    assert any("::add-mask::geheim" in line for line in commands), "the payload is in the annotation's data, not on a line of its own"


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_build_stopped_by_the_data_shows_each_problem_on_one_line(hostile: Project, engine: str) -> None:
    prepare_site_project(hostile.root)
    result = mkdocs_build(hostile.root, engine=engine)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "De gegevens bevatten fouten" in output and "\\n::add-mask::geheim" in output
    assert workflow_commands(output) == []


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_build_of_valid_data_with_the_payload_logs_no_command(valid_hostile: Project, engine: str) -> None:
    prepare_site_project(valid_hostile.root)
    result = mkdocs_build(valid_hostile.root, engine=engine)
    assert result.returncode == 0, result.stderr
    assert workflow_commands(result.stdout + result.stderr) == []


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_diff_output_keeps_each_change_on_one_line(valid_hostile: Project, fmt: str) -> None:
    output = dossier(valid_hostile, "diff", "2025", "2026", "--format", fmt)
    assert "::add-mask::geheim" in output
    assert workflow_commands(output) == []
    if fmt == "json":
        entries = json.loads(output)["wijzigingen"]
        assert any("\n::add-mask::geheim" in str(e["nieuw"]) for e in entries), "the JSON still holds the exact text"


def test_new_year_and_migrate_messages_hold_no_command(valid_hostile: Project, hostile: Project) -> None:
    for project in (valid_hostile, hostile):
        for args in (("new-year", "2027"), ("migrate",)):
            assert workflow_commands(dossier(project, *args)) == [], (project.root, args)

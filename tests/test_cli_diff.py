"""``dossier diff``: a merge request's diff against its base revision lists exactly the changes made."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_scripts.cli import COMMANDS, EXIT_OK, EXIT_USAGE, main
from conftest import FIXTURES

JAAR = "data/regions/noord/2026.yaml"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def make_repo(top: Path, sub: str = "") -> Path:
    """A git repository holding the mini fixture (optionally in a subfolder), one commit."""
    root = top / sub if sub else top
    shutil.copytree(FIXTURES / "mini", root)
    git(top, "init", "-q", "-b", "main")
    git(top, "-c", "user.name=Test", "-c", "user.email=test@example.org", "add", ".")
    git(top, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "basis")
    return root


def run_json(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> dict:
    assert main(["--root", str(root), "diff", *args, "--format", "json"]) == EXIT_OK
    return json.loads(capsys.readouterr().out)


def edit(root: Path, old: str, new: str) -> None:
    path = root / JAAR
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("sub", ["", "repo/dossier"])
def test_base_diff_lists_exactly_the_change_made(tmp_path: Path, capsys: pytest.CaptureFixture[str], sub: str) -> None:
    root = make_repo(tmp_path / "top", sub)
    edit(root, "verwachte_vraag: 1000", "verwachte_vraag: 1100")
    report = run_json(capsys, root, "--base", "HEAD")
    entries = [{k: e[k] for k in ("regio", "jaar", "pad", "soort", "oud", "nieuw")} for e in report["wijzigingen"]]
    assert entries == [
        {"regio": "noord", "jaar": 2026, "pad": "zorgvormen.acute_zorg.verwachte_vraag", "soort": "gewijzigd", "oud": 1000, "nieuw": 1100}
    ]
    assert report["oud"] == "HEAD" and report["niet_vergeleken"] == []


def test_base_diff_of_unchanged_tree_is_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path / "top")
    assert run_json(capsys, root, "--base", "HEAD")["wijzigingen"] == []


def test_new_file_and_committed_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path / "top")
    base = git(root, "rev-parse", "HEAD").strip()
    edit(root, "status: vastgesteld", "status: ingediend")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-am", "status")
    shutil.copy(root / JAAR, root / "data/regions/noord/2027.yaml")
    edit(root, "status: ingediend", "status: vastgesteld")  # back to what the base had
    new_year = root / "data/regions/noord/2027.yaml"
    new_year.write_text(new_year.read_text(encoding="utf-8").replace("jaar: 2026", "jaar: 2027"), encoding="utf-8")
    report = run_json(capsys, root, "--base", base)
    assert [(e["bestand"], e["pad"], e["soort"]) for e in report["wijzigingen"]] == [("data/regions/noord/2027.yaml", "", "toegevoegd")]
    assert report["oud"] == base[:10]


def test_failing_merge_request_still_shows_its_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path / "top")
    edit(root, "verwachte_vraag: 1000", "verwachte_vraag: 1.000")  # a thousands separator: an error
    report = run_json(capsys, root, "--base", "HEAD")
    assert [(e["pad"], e["oud"], e["nieuw"]) for e in report["wijzigingen"]] == [("zorgvormen.acute_zorg.verwachte_vraag", 1000, 1.0)]
    assert report["met_fouten"] == [JAAR] and report["niet_vergeleken"] == []
    assert main(["--root", str(root), "diff", "--base", "HEAD", "--format", "markdown"]) == EXIT_OK
    assert "Dit bestand bevat nog fouten" in capsys.readouterr().out


def test_unknown_revision_is_a_dutch_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_repo(tmp_path / "top")
    assert main(["--root", str(root), "diff", "--base", "origin/bestaat-niet"]) == EXIT_USAGE
    assert "revisie 'origin/bestaat-niet' bestaat niet" in capsys.readouterr().err


def test_base_outside_git_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(FIXTURES / "mini", tmp_path / "los")
    assert main(["--root", str(tmp_path / "los"), "diff", "--base", "HEAD"]) == EXIT_USAGE
    assert "geen git-repository" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2025"], "geef óf twee jaren"),
        (["2025", "2026", "--base", "HEAD"], "geef óf twee jaren"),
        (["2024", "2026"], "geen gegevens voor 2024"),
        (["2026", "2026"], "twee verschillende jaren"),
        (["2025", "2026", "--regio", "west"], "regio 'west' bestaat niet"),
    ],
)
def test_wrong_calls(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(FIXTURES / "mini"), "diff", *args]) == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_year_diff_markdown_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "wijzigingen.md"
    assert main(["--root", str(FIXTURES / "mini"), "diff", "2025", "2026", "--regio", "noord", "--format", "markdown", "--output", str(out)]) == EXIT_OK
    text = out.read_text(encoding="utf-8")
    assert text.startswith("## Wijzigingen in de gegevens: 2025 → 2026")
    assert "| Klinische zorg › verwachte vraag | gewijzigd | 380 | 400 | +20 (+5,3%) |" in text
    assert "Zuid" not in text and capsys.readouterr().out == ""


def test_commands_are_registered_with_help() -> None:
    assert {"diff", "new-year"} <= set(COMMANDS)
    assert all(COMMANDS[name][0] for name in ("diff", "new-year"))


def test_head_compares_two_revisions_and_ignores_the_work_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--base A --head B``: what a trusted job runs for a request, reading only data/ of both commits."""
    root = make_repo(tmp_path / "top")
    base = git(root, "rev-parse", "HEAD").strip()
    edit(root, "verwachte_vraag: 1000", "verwachte_vraag: 1100")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qam", "verzoek")
    head = git(root, "rev-parse", "HEAD").strip()
    edit(root, "verwachte_vraag: 1100", "verwachte_vraag: 9999")  # not committed: not part of the request
    report = run_json(capsys, root, "--base", base, "--head", head)
    assert [(e["oud"], e["nieuw"]) for e in report["wijzigingen"]] == [(1000, 1100)]
    assert (report["oud"], report["nieuw"]) == (base[:10], head[:10])
    assert main(["--root", str(root), "diff", "--head", head]) == EXIT_USAGE

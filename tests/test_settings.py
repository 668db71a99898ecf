"""One typed settings object for every ``DOSSIER_*`` variable (issue 25); no other module reads the environment."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from build_scripts import cli
from build_scripts.settings import Settings, SettingsError, read_settings, settings_markdown
from conftest import REPO

SETTINGS_MODULE = REPO / "build_scripts" / "settings.py"


def _reads_environment(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os" and node.attr in ("environ", "getenv", "environb"):
            found.append(f"{path.relative_to(REPO)}:{node.lineno} os.{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module == "os" and any(a.name in ("environ", "getenv") for a in node.names):
            found.append(f"{path.relative_to(REPO)}:{node.lineno} from os import …")
    return found


def test_nothing_but_the_settings_module_reads_the_environment() -> None:
    paths = [p for folder in ("build_scripts", "scripts") for p in sorted((REPO / folder).rglob("*.py")) if p != SETTINGS_MODULE]
    assert paths and not [hit for p in paths for hit in _reads_environment(p)]
    assert _reads_environment(SETTINGS_MODULE), "the check itself finds os.environ where it is"


def test_every_dossier_variable_the_package_names_is_a_setting() -> None:
    """A ``DOSSIER_*`` name in the package's code is one of the settings (the CI configuration's own DOSSIER_VOORBEELD is not the package's)."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "build_scripts").rglob("*.py"))
    named = set(re.findall(r"\bDOSSIER_[A-Z_]+[A-Z]\b", source))
    assert named <= {Settings.variable(n) for n in Settings.model_fields}, named
    assert len(Settings.model_fields) >= 10


def test_settings_are_typed_and_an_empty_variable_is_unset() -> None:
    settings = read_settings({"DOSSIER_PEILDATUM": "2026-06-01", "DOSSIER_WORKERS": "3", "DOSSIER_CACHE_DIR": "", "DOSSIER_GITLAB_TOKEN": "geheim"})
    assert settings.peildatum == dt.date(2026, 6, 1) and settings.workers == 3 and settings.cache_dir is None
    assert settings.gitlab_token is not None and "geheim" not in repr(settings)  # a secret never reaches a log line
    with pytest.raises(SettingsError, match=r"^DOSSIER_WORKERS is geen geheel getal: 'veel'$"):
        read_settings({"DOSSIER_WORKERS": "veel"})


def test_a_given_mapping_is_read_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOSSIER_WORKERS", "5")
    assert read_settings().workers == 5
    assert read_settings({}).workers is None


def test_a_wrong_setting_is_a_usage_error_of_every_command(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DOSSIER_PEILDATUM", "1 juni")
    assert cli.main(["problemen"]) == cli.EXIT_USAGE
    assert "DOSSIER_PEILDATUM is geen datum in de vorm JJJJ-MM-DD: '1 juni'" in capsys.readouterr().err


def test_the_documented_table_lists_every_setting() -> None:
    table = settings_markdown()
    for name, info in Settings.model_fields.items():
        assert f"| `{Settings.variable(name)}` |" in table and info.description and info.description in table

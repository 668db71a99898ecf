"""The committed JSON Schemas match the models, and an independent validator agrees with them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.contract.schema import SCHEMA_FILES, schema_texts
from conftest import FIXTURES, REPO

SCHEMA_DIR = REPO / "schema"
SCHEMA_FOR = {"regio.yaml": "regio.schema.json", "landelijk": "landelijk.schema.json"}


def _schema_for(path: Path) -> str:
    if path.name == "regio.yaml":
        return "regio.schema.json"
    return "landelijk.schema.json" if path.parent.name == "landelijk" else "regio-jaar.schema.json"


def _data_files(root: Path) -> list[Path]:
    return sorted(root.glob("data/**/*.yaml"))


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in schema_texts().items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, f"schema/{name} is verouderd: voer 'dossier schema' uit"
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(SCHEMA_FILES)


def _check(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA_DIR / schema), *map(str, files)],
        capture_output=True, text=True,
    )


@pytest.mark.parametrize("root", [REPO, FIXTURES / "mini"], ids=["voorbeelddata", "mini"])
def test_independent_validator_accepts_every_data_file(root: Path) -> None:
    files = _data_files(root)
    assert files
    by_schema: dict[str, list[Path]] = {}
    for path in files:
        by_schema.setdefault(_schema_for(path), []).append(path)
    for schema, group in by_schema.items():
        result = _check(schema, group)
        assert result.returncode == 0, result.stdout + result.stderr


def test_independent_validator_rejects_misspelled_key(tmp_path: Path) -> None:
    bad = tmp_path / "2026.yaml"
    bad.write_text((FIXTURES / "mini/data/regions/noord/2026.yaml").read_text().replace("wachtenden:", "wachtende:", 1))
    result = _check("regio-jaar.schema.json", [bad])
    assert result.returncode == 1 and "'wachtende' was unexpected" in result.stdout


def test_example_files_point_editors_at_the_schema() -> None:
    for path in _data_files(REPO):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        expected = f"# yaml-language-server: $schema={'../' * (len(path.relative_to(REPO).parts) - 1)}schema/{_schema_for(path)}"
        assert first == expected, path

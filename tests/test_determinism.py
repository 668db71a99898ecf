"""The same data gives byte-identical output, whatever the process: two exports with different hash seeds.

Two runs inside one test process share one hash seed, so set and dict order that depends on it
would look stable there; only separate processes with different ``PYTHONHASHSEED`` can catch it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES


@pytest.mark.parametrize("fixture", ["mini", "agenda/basis"])
def test_export_is_byte_identical_across_hash_seeds(tmp_path: Path, fixture: str) -> None:
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"export-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "DOSSIER_CACHE_DIR": str(tmp_path / f"cache-{seed}")}
        command = [sys.executable, "-m", "build_scripts.cli", "--root", str(FIXTURES / fixture), "export", "--out", str(out), "--peildatum", "2026-06-01"]
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        outputs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    first, second = outputs
    assert any(path.endswith(".ics") for path in first) and any(path.endswith(".svg") for path in first)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []

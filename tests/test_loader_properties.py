"""Property-based: whatever a region types, validation ends in models or problems, never a crash."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.reading.load import load_dataset
from conftest import FIXTURES

KEYS = ["regio", "jaar", "status", "tafel", "zorgvormen", "acute_zorg", "wachtenden", "capaciteit", "binnen_regio", "datum", "x"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False), st.text(max_size=20), st.dates(),
)
trees = st.recursive(
    scalars,
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), kids, max_size=5),
    max_leaves=25,
)

_BASE = Path(tempfile.mkdtemp(prefix="dossier-prop-"))
shutil.copytree(FIXTURES / "mini", _BASE / "proj")
TARGET = _BASE / "proj/data/regions/noord/2026.yaml"


def _check(raw: bytes) -> None:
    TARGET.write_bytes(raw)
    dataset, problems = load_dataset(_BASE / "proj")
    in_dataset = 2026 in dataset.regions["noord"].jaren
    file_errors = [p for p in problems if p.path.endswith("noord/2026.yaml") and p.is_error]
    assert in_dataset != bool(file_errors), (raw[:200], file_errors)
    for p in file_errors:
        assert p.line >= 1 and p.column >= 1 and p.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees)
def test_structured_yaml_never_crashes(tree: object) -> None:
    _check(yaml.safe_dump(tree, allow_unicode=True).encode())


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    _check(raw)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 4000), st.text(alphabet="\t :-[]{}&*!#|>'\"\n%@`a1", max_size=12))
def test_mutated_valid_file_never_crashes(pos: int, junk: str) -> None:
    text = (FIXTURES / "mini/data/regions/noord/2026.yaml").read_text(encoding="utf-8")
    pos = min(pos, len(text))
    _check((text[:pos] + junk + text[pos:]).encode())

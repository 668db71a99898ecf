"""Generated tables in README.md, CONTRIBUTING.md and docs/ match the code they are generated from (issue 25)."""

from __future__ import annotations

import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import generated_docs


def test_every_generated_table_is_up_to_date() -> None:
    """Fails when a table drifted: run ``python scripts/generated_docs.py`` and commit the result."""
    assert generated_docs.main(["--check"]) == 0


def test_every_generator_has_a_block_somewhere() -> None:
    texts = "\n".join(p.read_text(encoding="utf-8") for p in generated_docs._files())
    missing = [name for name in generated_docs.GENERATORS if f"<!-- gegenereerd: {name} " not in texts]
    assert not missing, missing

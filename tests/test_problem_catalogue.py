"""The problem catalogue (issue 25): every code declared once, raised only through its declaration, listed for contributors."""

from __future__ import annotations

import ast
import sys

import pytest

from build_scripts.cli import main
from build_scripts.reading import catalogue
from build_scripts.reading.catalogue import CATALOGUE, ProblemKind
from build_scripts.reading.problems import Problem
from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import generated_docs


def test_each_code_is_declared_once_with_dutch_texts() -> None:
    kinds = [*(v for v in vars(catalogue).values() if isinstance(v, ProblemKind)), *catalogue.VERSION_KEYS]
    codes = [k.code for k in kinds]
    assert len(codes) == len(set(codes)) == len(CATALOGUE), "two declarations share a code"
    for kind in kinds:
        assert kind.title and kind.explanation.endswith(".") and kind.fix.endswith("."), kind.code
        assert kind.severity in ("fout", "waarschuwing"), kind.code


def test_no_raising_site_writes_a_code_as_a_literal() -> None:
    """Outside the catalogue no string literal in the package is a problem code: every site names the declaration."""
    literals = []
    for path in sorted((REPO / "build_scripts").rglob("*.py")):
        if path.name == "catalogue.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "code" and isinstance(node.value, ast.Constant):
                literals.append(f"{path.relative_to(REPO)}:{node.lineno} code={node.value.value!r}")
            if isinstance(node, ast.Call) and any(isinstance(a, ast.Constant) and a.value in CATALOGUE for a in node.args):
                literals.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not literals, literals


def test_a_problem_with_an_undeclared_code_cannot_be_made() -> None:
    with pytest.raises(ValueError, match="not declared"):
        Problem("data/x.yaml", 1, 1, "fout", "", "tekst", code="bestaat-niet")
    made = Problem.of(catalogue.GROTE_SPRONG, "data/x.yaml", 2, 3, "jaar", "tekst")
    assert (made.code, made.severity) == ("grote-sprong", "waarschuwing")


def test_dossier_problemen_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["problemen"]) == 0
    out = capsys.readouterr().out
    for kind in CATALOGUE.values():
        assert f"{kind.code} ({kind.severity}): {kind.title}" in out
    assert main(["problemen", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.strip() == catalogue.catalogue_markdown()


def test_contributing_holds_the_generated_table_and_drift_is_caught() -> None:
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert catalogue.catalogue_markdown() in text
    stale = text.replace("| `tab` | fout |", "| `tab` | waarschuwing |")
    assert generated_docs.render(stale) == text, "rendering restores the catalogue's table"

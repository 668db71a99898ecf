"""The package stays in small pieces: no module above 400 lines, no function above 40.

Small modules with one job each and short functions are how a newcomer finds their way (the
house style in the README); this test keeps it so, naming every piece that grew too large.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "build_scripts"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 40


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_above_400_lines() -> None:
    too_long = [f"{p.relative_to(REPO)}: {n} regels" for p in _modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert not too_long, too_long


def test_no_function_above_40_lines() -> None:
    too_long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                length = (node.end_lineno or node.lineno) - first + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name}: {length} regels")
    assert not too_long, too_long

"""The README a newcomer reads to the end (issue 25): what the project is, the two commands, where to go next.

The two commands must stay exactly true: ``.ci/run`` runs the README's test command and its build
command. Every link in the README and in docs/ leads to a file that exists.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

README = REPO / "README.md"
BUILD = "pip install -e . && dossier build"
TESTS = "bash tests/run.sh"


def _code_lines(text: str) -> list[str]:
    return [line.strip() for block in re.findall(r"```bash\n(.*?)```", text, re.S) for line in block.splitlines() if line.strip()]


def test_the_readme_is_short_and_gives_the_two_commands_first() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 100
    assert _code_lines(text)[:2] == [BUILD, TESTS]


def test_ci_runs_exactly_the_readmes_commands() -> None:
    """``.ci/run`` runs the README's test command, then the build command (``pip install -e .`` is part of tests/run.sh)."""
    ci = [line.strip() for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    assert TESTS in ci and "dossier build" in ci and ci.index(TESTS) < ci.index("dossier build")
    assert 'python -m pip install --quiet --disable-pip-version-check -e ".[test]"' in (REPO / "tests" / "run.sh").read_text(encoding="utf-8")


def test_every_engineering_page_is_linked_from_the_readme_and_every_link_resolves() -> None:
    readme = README.read_text(encoding="utf-8")
    pages = sorted((REPO / "docs").glob("*.md"))
    assert [p.name for p in pages if f"](docs/{p.name})" not in readme] == []
    broken = []
    for page in [README, *pages]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not (page.parent / target).resolve().exists():
                broken.append(f"{page.relative_to(REPO)} → {target}")
    assert broken == []


def test_anchors_into_docs_pages_exist() -> None:
    def anchors(path: Path) -> set[str]:
        return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in re.findall(r"^#+ (.*)$", path.read_text(encoding="utf-8"), re.M)}

    missing = []
    for page in [README, *sorted((REPO / "docs").glob("*.md"))]:
        for target, anchor in re.findall(r"\]\(([^)#:]*)#([^)]+)\)", page.read_text(encoding="utf-8")):
            path = (page.parent / target).resolve() if target else page
            if anchor not in anchors(path):
                missing.append(f"{page.relative_to(REPO)} → {target}#{anchor}")
    assert missing == []

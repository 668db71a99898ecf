"""No floor in pyproject.toml lets in a version with a known advisory, and each floor says why it is where it is.

:data:`ADVISORIES` is the list checked by hand for issue 24 (GitHub advisories, the projects'
changelogs): per package, the first version with every known fix, and the advisory that set it.
The lowest-versions job (.ci/lowest.sh) installs exactly these floors and runs the tests.
"""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from conftest import REPO

ADVISORIES = {
    "mkdocs-material": ("9.7.7", "GHSA-xvg9-69gf-fjrf"),  # DOM XSS in search suggestions, 7.2.0-9.7.6
    "jinja2": ("3.1.6", "CVE-2025-27516"),  # sandbox breakout via |attr (and the 3.1.3-3.1.5 fixes before it)
    "icalendar": ("7.2.1", "GHSA-qjcq-q7h7-r74v"),  # a VALARM's REPEAT exhausts memory
    "pydantic": ("2.4", "CVE-2024-3772"),  # e-mail ReDoS
    "mkdocs": ("1.2.3", "CVE-2021-40978"),  # dev-server path traversal
    "pyyaml": ("5.4", "CVE-2020-14343"),  # FullLoader code execution
    "pytest": ("9.0.3", "GHSA-6w46-j5rx-g56g"),  # predictable tmpdir on a shared machine
}
TEXT = (REPO / "pyproject.toml").read_text(encoding="utf-8")
PROJECT = tomllib.loads(TEXT)["project"]
DECLARED = [*PROJECT["dependencies"], *(d for extra in PROJECT["optional-dependencies"].values() for d in extra)]


def floor(package: str) -> Version:
    (spec,) = {Requirement(d).specifier for d in DECLARED if Requirement(d).name.lower() == package}
    (low,) = [Version(s.version) for s in spec if s.operator == ">="]
    return low


def comment_of(package: str) -> str:
    line = next(line for line in TEXT.splitlines() if re.match(rf'\s*"{re.escape(package)}\s*(\[[^\]]*\])?\s*[<>=~!]', line, re.IGNORECASE))
    return line.split("#", 1)[1] if "#" in line else ""


@pytest.mark.parametrize("package", sorted(ADVISORIES))
def test_the_floor_is_at_or_above_every_known_fix_and_names_the_advisory(package: str) -> None:
    fixed, advisory = ADVISORIES[package]
    assert floor(package) >= Version(fixed), f"{package}>={floor(package)} laat {advisory} toe (opgelost in {fixed})"
    assert advisory in comment_of(package)


def test_every_runtime_floor_says_why() -> None:
    assert [d for d in PROJECT["dependencies"] if not comment_of(Requirement(d).name)] == []

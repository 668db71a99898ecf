"""Validation problems as values, and their output formats.

Problems are collected from every file and rule, then reported in one go; only the CLI and the
MkDocs hook turn them into exit codes or build failures.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from ..contract.characters import one_line
from .catalogue import CATALOGUE, FOUT, WAARSCHUWING, ProblemKind, Severity

__all__ = ["FOUT", "WAARSCHUWING", "Problem", "Severity"]


@dataclass(frozen=True, order=True)
class Problem:
    """One located finding: file, 1-based line and column, key path, a Dutch message and a stable ``code``.

    The code names the kind of problem (``dubbele-sleutel``, ``tijd-volgorde``): it stays the same when
    a message is reworded, so tests, the JSON output and GitLab's Code Quality fingerprint rely on it.
    Path, key path and message often quote the region's data (a file name, a key, a value): each is made
    one line here (:func:`one_line`), so no report, build error or log line can carry a line break or
    a control character from the data.
    """

    path: str
    line: int
    column: int
    severity: Severity
    key_path: str
    message: str
    code: str = field(kw_only=True)

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"problem code {self.code!r} is not declared in reading/catalogue.py")
        for name in ("path", "key_path", "message"):
            object.__setattr__(self, name, one_line(getattr(self, name)))

    @classmethod
    def of(cls, kind: ProblemKind, path: str, line: int, column: int, key_path: str, message: str) -> Problem:
        """A problem of a catalogued kind, with the kind's code and severity."""
        return cls(path, line, column, kind.severity, key_path, message, code=kind.code)

    @property
    def is_error(self) -> bool:
        return self.severity == FOUT

    def as_text(self) -> str:
        where = f"{self.key_path}: " if self.key_path else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {where}{self.message}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sort by file, line and column, dropping exact duplicates (one rule may hit a spot twice)."""
    return sorted(set(problems))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


def promote_warnings(problems: Iterable[Problem]) -> list[Problem]:
    """``--strict``: every warning becomes an error."""
    return [Problem(p.path, p.line, p.column, FOUT, p.key_path, p.message, code=p.code) for p in problems]


def summary(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    return f"{errors} {'fout' if errors == 1 else 'fouten'}, {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"


def format_text(problems: list[Problem]) -> str:
    return "\n".join(p.as_text() for p in problems)


def format_json(problems: list[Problem]) -> str:
    return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)


def _github_escape(text: str, *, prop: bool = False) -> str:
    """GitHub's own escaping of a workflow command's data (and, with ``prop``, of a property's value)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(problems: list[Problem]) -> str:
    """GitHub Actions workflow commands: annotations appear on the changed lines of a pull request."""
    lines = []
    for p in problems:
        kind = "error" if p.is_error else "warning"
        title = _github_escape(p.key_path or p.path, prop=True)
        message = _github_escape(f"{p.key_path}: {p.message}" if p.key_path else p.message)
        lines.append(
            f"::{kind} file={_github_escape(p.path, prop=True)},line={p.line},col={p.column},title={title}::{message}"
        )
    return "\n".join(lines)


def format_gitlab(problems: list[Problem]) -> str:
    """GitLab Code Quality report: problems show inline in the merge-request diff."""
    report = []
    for p in problems:
        fingerprint = hashlib.sha256(f"{p.path}|{p.key_path}|{p.code}".encode()).hexdigest()  # not the wording: see Problem
        report.append(
            {
                "description": f"{p.key_path}: {p.message}" if p.key_path else p.message,
                "check_name": p.code,
                "fingerprint": fingerprint,
                "severity": "major" if p.is_error else "minor",
                "location": {"path": p.path, "lines": {"begin": p.line}},
            }
        )
    return json.dumps(report, ensure_ascii=False, indent=2)


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github, "gitlab": format_gitlab}

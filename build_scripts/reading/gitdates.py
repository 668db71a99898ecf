"""Dates from git, so pages show when data changed, never the build machine's clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .git import git_output


def last_changes(root: Path, under: str = "data", until: str = "HEAD") -> dict[str, dt.date]:
    """Path (relative to the repository root) → date of the last commit that touched it.

    One ``git log`` call for the whole tree keeps this linear in the number of files. Outside a
    git checkout the mapping is empty and pages say the date is unknown. ``until``: the history up
    to that commit (``dossier build --stand``).
    """
    log = git_output(root, "log", "--format=@%cs", "--name-only", "--no-renames", until, "--", under, timeout=60)
    show_prefix = git_output(root, "rev-parse", "--show-prefix", timeout=10)
    if log is None or show_prefix is None:
        return {}
    out, prefix = log.decode(), show_prefix.decode().strip()
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in out.splitlines():
        if line.startswith("@"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault(line.removeprefix(prefix), current)
    return dates

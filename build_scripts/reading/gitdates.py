"""Dates from git, so pages show when data changed, never the build machine's clock."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changes(root: Path, under: str = "data", until: str = "HEAD") -> dict[str, dt.date]:
    """Path (relative to the repository root) → date of the last commit that touched it.

    One ``git log`` call for the whole tree keeps this linear in the number of files. Outside a
    git checkout the mapping is empty and pages say the date is unknown. ``until``: the history up
    to that commit (``dossier build --stand``).
    """
    try:
        out = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--no-renames", until, "--", under],
            cwd=root, capture_output=True, text=True, check=True, timeout=60,
        ).stdout
        prefix = subprocess.run(
            ["git", "rev-parse", "--show-prefix"], cwd=root, capture_output=True, text=True, check=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in out.splitlines():
        if line.startswith("@"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault(line.removeprefix(prefix), current)
    return dates

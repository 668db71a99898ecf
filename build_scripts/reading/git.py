"""Running ``git`` for what the build reads from the history (page dates, provenance, a stand's commit).

One runner, so every reader treats a missing git, a failed command and a timeout alike: no output,
and the pages say the history is unknown. (:mod:`.revision` runs git itself, because a revision a
person typed needs a Dutch explanation of why it cannot be read.)
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def git_output(root: Path, *args: str, stdin: bytes | None = None, timeout: float = 300) -> bytes | None:
    """What ``git -C root ARGS`` prints, or ``None`` when git is missing, fails or runs out of time."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None

"""Write a data file without ever following a symbolic link.

``dossier new-year`` and ``dossier migrate`` write into ``data/``. A link there (a dangling
``2027.yaml``, or a region folder pointing elsewhere) would make them write outside the
repository; the contract refuses links under ``data/`` (``reading/discovery.py``), and these
writes refuse them too, up to the project folder, and open the file itself with ``O_NOFOLLOW``.
"""

from __future__ import annotations

import os
from pathlib import Path

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


class LinkError(ValueError):
    """The file, or a folder on its way from the project folder, is a symbolic link: nothing was written."""


def write_new(root: Path, target: Path, text: str) -> None:
    """Create ``target`` with ``text``; fails if anything (a file or a link, dangling or not) is already there."""
    _refuse_links(root, target)
    _write(target, text, os.O_CREAT | os.O_EXCL)


def write_existing(root: Path, target: Path, text: str) -> None:
    """Replace the text of the existing file ``target``."""
    _refuse_links(root, target)
    _write(target, text, os.O_TRUNC)


def _write(target: Path, text: str, flags: int) -> None:
    try:
        fd = os.open(target, os.O_WRONLY | _NO_FOLLOW | flags, 0o644)
    except OSError as exc:
        if target.is_symlink():  # replaced by a link after the check: O_NOFOLLOW refused it
            raise LinkError(f"{target} is een symbolische koppeling (symlink); niets geschreven") from exc
        raise
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def _refuse_links(root: Path, target: Path) -> None:
    """Check ``target`` and every folder between it and ``root`` (``root`` itself is the user's choice)."""
    for path in [target, *target.parents]:
        if path == root:
            return
        if path.is_symlink():
            raise LinkError(f"{path.relative_to(root).as_posix()} is een symbolische koppeling (symlink); het dossier schrijft nooit door een koppeling")
    raise LinkError(f"{target} ligt buiten de projectmap {root}")

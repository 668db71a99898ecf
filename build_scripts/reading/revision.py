"""The data as it was at a git revision: what a merge request's changes are measured against.

``git archive`` copies ``data/`` of that revision into a temporary folder, which is loaded with
the same loader as the working tree, so both sides of the diff are read by identical rules. A
symbolic link in that revision is left out (the working tree's validation reports links).
"""

from __future__ import annotations

import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .dataset import Dataset
from .load import load_dataset
from .problems import Problem


class RevisionError(ValueError):
    """A revision that cannot be read, explained in Dutch for the person who typed it."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=120, check=False)
    except OSError as exc:
        raise RevisionError(f"git is niet beschikbaar: {exc}") from exc


def resolve(root: Path, revision: str) -> str:
    """The commit id of ``revision``, or a Dutch explanation of why there is none."""
    if not revision or revision.startswith("-"):
        raise RevisionError(f"'{revision}' is geen geldige revisie")
    if _git(root, "rev-parse", "--show-toplevel").returncode != 0:
        raise RevisionError(f"{root} is geen git-repository; --base werkt alleen in een git-kloon")
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if found.returncode != 0:
        raise RevisionError(
            f"revisie '{revision}' bestaat niet in deze repository; controleer de naam, "
            f"of haal de tak eerst op (bijvoorbeeld: git fetch origin main)"
        )
    return found.stdout.decode().strip()


def _no_links(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    """Extract files and folders only: a link is never followed, also not in an old revision (its target is not read)."""
    return None if member.issym() or member.islnk() else tarfile.data_filter(member, path)


@contextmanager
def revision_root(root: Path, revision: str) -> Iterator[Path]:
    """A temporary project folder holding ``data/`` as committed at ``revision`` (empty if it had none yet), removed afterwards."""
    commit = resolve(root, revision)
    prefix = _git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
    top = Path(_git(root, "rev-parse", "--show-toplevel").stdout.decode().strip())
    tree = f"{commit}:{prefix}data"
    with tempfile.TemporaryDirectory(prefix="dossier-base-") as tmp:
        base = Path(tmp)
        (base / "data").mkdir()
        if _git(top, "cat-file", "-e", tree).returncode == 0:
            archive = _git(top, "archive", "--format=tar", "--prefix=data/", tree)
            if archive.returncode != 0:
                raise RevisionError(f"kon data/ van revisie '{revision}' niet lezen: {archive.stderr.decode().strip()}")
            tar_path = base / "data.tar"
            tar_path.write_bytes(archive.stdout)
            with tarfile.open(tar_path) as tar:
                tar.extractall(base, filter=_no_links)
            tar_path.unlink()
        yield base


def load_revision(root: Path, revision: str) -> tuple[Dataset, list[Problem]]:
    """Load ``data/`` as committed at ``revision`` (an empty dataset if it had no data/ yet)."""
    with revision_root(root, revision) as base:
        return load_dataset(base)

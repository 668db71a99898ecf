"""Which folder a command may fill with a site: never the project, a folder around it, or one that looks like a project.

MkDocs empties its site folder before a build, and ``dossier export`` and the Zensical door replace
theirs; pointed at the project (``--site-dir .``) they would delete it, ``.git`` included. So every
door that writes a folder asks here first, before anything is removed, and refuses in Dutch.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

PROJECT_MARKERS = ("data", ".git", "mkdocs.yml")
"""What a project holds and a built site never does: an output folder holding one of these is refused."""


class OutputFolderError(ValueError):
    """The chosen output folder would put the project at risk; nothing was removed or written. The message is Dutch."""


def check_output_folder(
    folder: Path, root: Path, *, keep: Sequence[Path] = (), markers: Sequence[str] = PROJECT_MARKERS, what: str = "de uitvoermap"
) -> None:
    """Refuse ``folder`` when it is the project ``root``, holds it, lies inside ``root``'s data, ``.git`` or ``keep``
    folders (the docs folder), or holds one of ``markers``. Links are resolved first: what counts is where they lead."""
    target, project = folder.resolve(), root.resolve()
    if target == project:
        _refuse(folder, what, "is de projectmap zelf")
    if project.is_relative_to(target):
        _refuse(folder, what, f"bevat de projectmap {project}")
    for inside in [project / "data", project / ".git", *keep]:
        inside = inside.resolve()
        if target.is_relative_to(inside):
            _refuse(folder, what, f"{'is' if target == inside else 'ligt in'} de map {_shown(inside, project)} van het project")
    for name in markers:
        if os.path.lexists(target / name):
            _refuse(folder, what, f"bevat al '{name}', zoals een project en nooit een gebouwde site")


def _refuse(folder: Path, what: str, why: str) -> None:
    raise OutputFolderError(f"{what} {folder} {why}: daar schrijft het dossier geen site in (er is niets verwijderd); kies een eigen map, zoals site/")


def _shown(path: Path, project: Path) -> str:
    return f"{path.relative_to(project).as_posix()}/" if path.is_relative_to(project) else str(path)

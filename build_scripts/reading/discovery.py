"""Find the contract's files under ``data/``: every file is either a place in the contract or reported.

A stray file (``2026.yml``, a folder without ``regio.yaml``, a misspelled folder) would otherwise
be skipped in silence, and a region would think its data was published. A symbolic link is never
followed: it could publish a file from outside the repository, or let a command write through it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from . import catalogue
from .catalogue import ProblemKind
from .problems import Problem

Kind = Literal["regio", "regio_jaar", "landelijk"]
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_YEAR_FILE_RE = re.compile(r"^(\d{4})\.yaml$")
Stray = Callable[[Path, ProblemKind, str], None]


@dataclass(frozen=True)
class DataFile:
    """A file found under ``data/`` that has a place in the contract."""

    file: Path
    display: str
    kind: Kind
    slug: str | None
    jaar: int | None


def discover(data_dir: Path, display_root: Path) -> tuple[list[DataFile], list[Problem]]:
    """Find the contract's files; report every other file and folder instead of skipping it."""
    files: list[DataFile] = []
    problems: list[Problem] = []

    def stray(path: Path, kind: ProblemKind, message: str) -> None:
        problems.append(Problem.of(kind, _display(path, display_root), 1, 1, "", message))

    if is_link(data_dir, stray):
        return files, problems
    if not data_dir.is_dir():
        stray(data_dir, catalogue.MAP_ONTBREEKT, "de map met gegevens bestaat niet")
        return files, problems
    for path in sorted(data_dir.iterdir()):
        if path.name not in {"regions", "landelijk"}:
            stray(path, catalogue.ONVERWACHT_BESTAND, "onverwacht bestand of onverwachte map in data/; alleen 'regions/' en 'landelijk/' horen hier")
    regions_dir, national_dir = data_dir / "regions", data_dir / "landelijk"
    if not is_link(regions_dir, stray) and regions_dir.is_dir():
        for region_dir in sorted(regions_dir.iterdir()):
            if not is_link(region_dir, stray):
                files.extend(_discover_region(region_dir, display_root, stray))
    if not is_link(national_dir, stray) and national_dir.is_dir():
        for path in sorted(national_dir.iterdir()):
            jaar = None if is_link(path, stray) else _year_of(path, stray, "data/landelijk/<jaar>.yaml")
            if jaar is not None:
                files.append(DataFile(path, _display(path, display_root), "landelijk", None, jaar))
    return files, problems


def _discover_region(region_dir: Path, display_root: Path, stray: Stray) -> Iterator[DataFile]:
    slug = region_dir.name
    if not region_dir.is_dir():
        stray(region_dir, catalogue.ONVERWACHT_BESTAND, "onverwacht bestand in data/regions/; elke regio heeft een eigen map data/regions/<regio>/")
        return
    if not SLUG_RE.match(slug):
        stray(region_dir, catalogue.ONGELDIGE_MAPNAAM, f"mapnaam '{slug}' is geen geldige regiocode; gebruik kleine letters a-z, cijfers en koppeltekens")
        return
    regio_file = region_dir / "regio.yaml"
    if not regio_file.is_file():
        stray(region_dir, catalogue.REGIO_YAML_ONTBREEKT, "deze regiomap heeft geen regio.yaml; maak dat bestand aan (naam, buurregio's) of verwijder de map")
    for path in sorted(region_dir.iterdir()):
        if is_link(path, stray):
            continue
        if path == regio_file:
            yield DataFile(path, _display(path, display_root), "regio", slug, None)
            continue
        jaar = _year_of(path, stray, f"data/regions/{slug}/<jaar>.yaml of regio.yaml")
        if jaar is not None:  # validated also without regio.yaml: every problem in one run
            yield DataFile(path, _display(path, display_root), "regio_jaar", slug, jaar)


LINK_MESSAGE = (
    "dit is een symbolische koppeling (symlink); het dossier volgt geen koppelingen, want zo kan een bestand van buiten "
    "de repository op de site komen of een commando erdoorheen schrijven: zet het bestand of de map zelf hier neer"
)


def is_link(path: Path, stray: Stray) -> bool:
    """Report a symbolic link (also a dangling one) instead of following it."""
    if path.is_symlink():
        stray(path, catalogue.SNELKOPPELING, LINK_MESSAGE)
        return True
    return False


def find_links(folder: Path, display_root: Path) -> list[Problem]:
    """Every symbolic link in ``folder`` (the hand-written pages), the folder itself included, as a located problem."""
    problems: list[Problem] = []

    def stray(path: Path, kind: ProblemKind, message: str) -> None:
        problems.append(Problem.of(kind, _display(path, display_root), 1, 1, "", message))

    if is_link(folder, stray) or not folder.is_dir():
        return problems
    for parent, dirs, names in os.walk(folder):  # never into a linked folder: os.walk does not follow links
        for name in sorted([*dirs, *names]):
            is_link(Path(parent) / name, stray)
    return sorted(problems)


def _year_of(path: Path, stray: Stray, expected: str) -> int | None:
    match = _YEAR_FILE_RE.match(path.name)
    if match and path.is_file():
        return int(match.group(1))
    hint = ""
    if path.suffix == ".yml":
        hint = f"; hernoem het naar {path.stem}.yaml"
    stray(path, catalogue.ONVERWACHT_BESTAND, f"onverwacht bestand '{path.name}': hier horen alleen bestanden als {expected}{hint}")
    return None


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()

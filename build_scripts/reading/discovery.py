"""Find the contract's files under ``data/``: every file is either a place in the contract or reported.

A stray file (``2026.yml``, a folder without ``regio.yaml``, a misspelled folder) would otherwise
be skipped in silence, and a region would think its data was published.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .problems import FOUT, Problem

Kind = Literal["regio", "regio_jaar", "landelijk"]
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_YEAR_FILE_RE = re.compile(r"^(\d{4})\.yaml$")
Stray = Callable[[Path, str, str], None]


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

    def stray(path: Path, code: str, message: str) -> None:
        problems.append(Problem(_display(path, display_root), 1, 1, FOUT, "", message, code=code))

    if not data_dir.is_dir():
        stray(data_dir, "map-ontbreekt", "de map met gegevens bestaat niet")
        return files, problems
    for path in sorted(data_dir.iterdir()):
        if path.name not in {"regions", "landelijk"}:
            stray(path, "onverwacht-bestand", "onverwacht bestand of onverwachte map in data/; alleen 'regions/' en 'landelijk/' horen hier")
    regions_dir, national_dir = data_dir / "regions", data_dir / "landelijk"
    if regions_dir.is_dir():
        for region_dir in sorted(regions_dir.iterdir()):
            files.extend(_discover_region(region_dir, display_root, stray))
    if national_dir.is_dir():
        for path in sorted(national_dir.iterdir()):
            jaar = _year_of(path, stray, "data/landelijk/<jaar>.yaml")
            if jaar is not None:
                files.append(DataFile(path, _display(path, display_root), "landelijk", None, jaar))
    return files, problems


def _discover_region(region_dir: Path, display_root: Path, stray: Stray) -> Iterator[DataFile]:
    slug = region_dir.name
    if not region_dir.is_dir():
        stray(region_dir, "onverwacht-bestand", "onverwacht bestand in data/regions/; elke regio heeft een eigen map data/regions/<regio>/")
        return
    if not SLUG_RE.match(slug):
        stray(region_dir, "ongeldige-mapnaam", f"mapnaam '{slug}' is geen geldige regiocode; gebruik kleine letters a-z, cijfers en koppeltekens")
        return
    regio_file = region_dir / "regio.yaml"
    if not regio_file.is_file():
        stray(region_dir, "regio-yaml-ontbreekt", "deze regiomap heeft geen regio.yaml; maak dat bestand aan (naam, buurregio's) of verwijder de map")
    for path in sorted(region_dir.iterdir()):
        if path == regio_file:
            yield DataFile(path, _display(path, display_root), "regio", slug, None)
            continue
        jaar = _year_of(path, stray, f"data/regions/{slug}/<jaar>.yaml of regio.yaml")
        if jaar is not None:  # validated also without regio.yaml: every problem in one run
            yield DataFile(path, _display(path, display_root), "regio_jaar", slug, jaar)


def _year_of(path: Path, stray: Stray, expected: str) -> int | None:
    match = _YEAR_FILE_RE.match(path.name)
    if match and path.is_file():
        return int(match.group(1))
    hint = ""
    if path.suffix == ".yml":
        hint = f"; hernoem het naar {path.stem}.yaml"
    stray(path, "onverwacht-bestand", f"onverwacht bestand '{path.name}': hier horen alleen bestanden als {expected}{hint}")
    return None


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()

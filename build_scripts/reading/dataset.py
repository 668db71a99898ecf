"""The validated data, keyed for the pages: regions with their yearly files, and the national files.

Only what passed its model is in here; every parsed document stays available by path, so a
rule or a diff can still point at the line a region must change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..contract.models import Landelijk, Regio, RegioJaar
from ..contract.notation import name_sort_key
from .documents import Document


@dataclass
class RegionData:
    """One region: its ``regio.yaml`` and its yearly files, with the paths they came from."""

    slug: str
    regio: Regio | None = None
    regio_path: str = ""
    jaren: dict[int, RegioJaar] = field(default_factory=dict)
    jaar_paths: dict[int, str] = field(default_factory=dict)

    @property
    def naam(self) -> str:
        return self.regio.naam if self.regio is not None else self.slug

    @property
    def laatste_jaar(self) -> int | None:
        return max(self.jaren) if self.jaren else None


@dataclass
class Dataset:
    """Everything under ``data/`` that passed its model, keyed for the pages."""

    root: Path
    regions: dict[str, RegionData] = field(default_factory=dict)
    landelijk: dict[int, Landelijk] = field(default_factory=dict)
    landelijk_paths: dict[int, str] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)

    @property
    def jaren(self) -> list[int]:
        """Every cycle year that has a regional or national file, ascending."""
        years = set(self.landelijk)
        for region in self.regions.values():
            years.update(region.jaren)
        return sorted(years)

    def by_name(self) -> list[tuple[str, RegionData]]:
        """Every region in the order of every region list: by name, 't Gooi under G (:func:`name_sort_key`)."""
        return sorted(self.regions.items(), key=lambda item: (name_sort_key(item[1].naam), item[0]))

    def region_years(self, jaar: int) -> dict[str, RegioJaar]:
        """Per region slug, that region's file for ``jaar`` (regions without one are absent), by name."""
        return {slug: r.jaren[jaar] for slug, r in self.by_name() if jaar in r.jaren}

    def published_regions(self) -> dict[str, RegionData]:
        """The regions that get pages: a valid ``regio.yaml`` and at least one valid year file, by name."""
        return {slug: r for slug, r in self.by_name() if r.regio is not None and r.jaren}

    @property
    def voorbeeld(self) -> bool:
        """Does any region say it is fictitious example data? Then national pages carry the banner too."""
        return any(r.regio is not None and r.regio.voorbeeld for r in self.regions.values())


def unknown_region_message(slug: str, bestaande: set[str]) -> str:
    """The one Dutch message for a region slug that does not exist (command-line options)."""
    return f"regio '{slug}' bestaat niet; kies een mapnaam uit data/regions/ ({', '.join(sorted(bestaande))})"

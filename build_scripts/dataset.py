"""Load, validate and check the whole ``data/`` tree in one pass: the single entry to the data.

Returns the validated dataset together with every problem found, so callers can report all of
them at once and decide themselves whether to stop.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .loading import Document, discover, read_document
from .model import Landelijk, Regio, RegioJaar
from .problems import Problem, sort_problems
from .rules import check_dataset
from .validation import validate_document


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

    def region_years(self, jaar: int) -> dict[str, RegioJaar]:
        """Per region slug, that region's file for ``jaar`` (regions without one are absent)."""
        return {slug: r.jaren[jaar] for slug, r in sorted(self.regions.items()) if jaar in r.jaren}


def load_dataset(root: Path, data_dir: Path | None = None) -> tuple[Dataset, list[Problem]]:
    """Read every file under ``root/data`` (or ``data_dir``), validate it and run all rules."""
    data_dir = data_dir or root / "data"
    dataset = Dataset(root=root)
    data_files, problems = discover(data_dir, root)
    with _gc_paused():
        for data_file in data_files:
            if data_file.slug is not None:
                dataset.regions.setdefault(data_file.slug, RegionData(data_file.slug))
            doc, load_problems = read_document(data_file)
            problems.extend(load_problems)
            dataset.documents[doc.path] = doc
            if doc.data is None:
                continue
            model, model_problems = validate_document(doc)
            explained = {p.key_path for p in load_problems}  # one message per mistake
            problems.extend(p for p in model_problems if p.key_path not in explained)
            if model is not None and not load_problems:
                _add(dataset, doc, model)
    problems.extend(check_dataset(dataset))
    return dataset, sort_problems(problems)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading makes hundreds of thousands of small objects that all stay alive (values, positions,
    models) and no reference cycles: the cyclic collector would rescan them over and over for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _add(dataset: Dataset, doc: Document, model: object) -> None:
    if isinstance(model, Landelijk):
        assert doc.jaar is not None
        dataset.landelijk[doc.jaar] = model
        dataset.landelijk_paths[doc.jaar] = doc.path
        return
    assert doc.slug is not None
    region = dataset.regions.setdefault(doc.slug, RegionData(doc.slug))
    if isinstance(model, Regio):
        region.regio, region.regio_path = model, doc.path
    elif isinstance(model, RegioJaar):
        assert doc.jaar is not None
        region.jaren[doc.jaar] = model
        region.jaar_paths[doc.jaar] = doc.path

"""Load, validate and check the whole ``data/`` tree in one pass: the single entry to the data.

Returns the validated dataset together with every problem found, so callers can report all of
them at once and decide themselves whether to stop.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from ..contract.models import Landelijk, Regio, RegioJaar
from .dataset import Dataset, RegionData
from .discovery import discover
from .documents import Document, read_document
from .problems import Problem, sort_problems
from .rules import check_dataset
from .validate import validate_document


def load_dataset(root: Path, data_dir: Path | None = None) -> tuple[Dataset, list[Problem]]:
    """Read every file under ``root/data`` (or ``data_dir``), validate it and run all rules."""
    data_dir = data_dir or root / "data"
    dataset = Dataset(root=root)
    data_files, problems = discover(data_dir, root)
    models: dict[str, BaseModel | None] = {}
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
                models[doc.path] = model
    problems.extend(check_dataset(dataset, models))
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

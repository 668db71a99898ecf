"""Every data file's readable parts, keyed the way the cross-file rules look them up.

Built once per load from the documents and the models that passed (see :mod:`parts`), so each
rule finds the neighbours of a region, the previous year of a file, or the national file of a
cycle without re-reading anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel

from ..contract.models import Landelijk, Regio, RegioJaar
from .dataset import Dataset
from .documents import Document
from .parts import NationalParts, YearParts, national_parts, neighbours, year_parts


@dataclass
class Readings:
    years: dict[tuple[str, int], tuple[Document, YearParts]] = field(default_factory=dict)
    national: dict[int, tuple[Document, NationalParts]] = field(default_factory=dict)
    neighbours: dict[str, tuple[Document, list[str]]] = field(default_factory=dict)
    slugs: set[str] = field(default_factory=set)

    def heidag(self, jaar: int) -> dt.date | None:
        """The national file's heidag of ``jaar`` when it could be read."""
        found = self.national.get(jaar)
        return found[1].heidag if found is not None else None


def read_all(dataset: Dataset, models: Mapping[str, BaseModel | None]) -> Readings:
    """Every parsed document's readable parts; a file that is not even YAML has none."""
    readings = Readings(slugs=set(dataset.regions))
    for path, doc in sorted(dataset.documents.items()):
        if doc.data is None:
            continue
        model = models.get(path)
        if doc.kind == "regio_jaar" and doc.slug is not None and doc.jaar is not None:
            readings.years[(doc.slug, doc.jaar)] = (doc, year_parts(model if isinstance(model, RegioJaar) else None, doc.data))
        elif doc.kind == "landelijk" and doc.jaar is not None:
            readings.national[doc.jaar] = (doc, national_parts(model if isinstance(model, Landelijk) else None, doc.data))
        elif doc.kind == "regio" and doc.slug is not None:
            readings.neighbours[doc.slug] = (doc, neighbours(model if isinstance(model, Regio) else None, doc.data))
    return readings

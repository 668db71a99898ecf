"""Shared by the agenda tests: a build of only the pages they read."""

from __future__ import annotations

import datetime as dt

from build_scripts.reading.dataset import Dataset
from build_scripts.render import agenda, home, regions
from build_scripts.render.context import Output, make_context


def build(dataset: Dataset, peildatum: dt.date | None) -> dict[str, Output]:
    """The home, region and agenda builders only: the national charts are slow and tested elsewhere."""
    ctx = make_context(dataset, peildatum=peildatum)
    return {path: out for builder in (home.pages, regions.pages, agenda.pages) for path, out in builder(ctx)}

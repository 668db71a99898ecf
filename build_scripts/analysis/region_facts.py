"""Small derived facts about one region-year, shared by the pages that summarise regions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..contract.fields import FIGURE_PATHS, field_value
from ..contract.models import Bespreekpunt, RegioJaar
from ..contract.vocabulary import Zorgvorm
from ..reading.dataset import Dataset


def volledigheid(model: RegioJaar) -> float:
    """Share (0–1) of Tabel 2 figures that are known; forms that are absent count as complete."""
    known = total = 0
    for _zorgvorm, g in model.zorgvormen.items():
        if not g.aanwezig:
            continue
        total += len(FIGURE_PATHS)
        known += sum(field_value(g, path) is not None for path in FIGURE_PATHS)
    return known / total if total else 1.0


def bespreekpunten(model: RegioJaar) -> dict[Zorgvorm, Bespreekpunt]:
    """The care forms this region puts on the national agenda this year."""
    return {
        zorgvorm: g.bespreekpunt
        for zorgvorm, g in model.zorgvormen.items()
        if g.bespreekpunt is not None and g.bespreekpunt.agenderen
    }


def region_summaries(dataset: Dataset, file_dates: Mapping[str, dt.date]) -> list[dict[str, object]]:
    """One row per region for the index and the home page: latest cycle, status, completeness."""
    rows: list[dict[str, object]] = []
    for slug, region in dataset.published_regions().items():
        jaar = max(region.jaren)
        model = region.jaren[jaar]
        assert region.regio is not None  # published_regions() keeps only regions with a valid regio.yaml
        rows.append(
            {
                "slug": slug,
                "naam": region.naam,
                "code": region.regio.code,
                "jaar": jaar,
                "status": model.status,
                "volledigheid": volledigheid(model),
                "bespreekpunten": len(bespreekpunten(model)),
                "gewijzigd": file_dates.get(region.jaar_paths[jaar]),
            }
        )
    return rows

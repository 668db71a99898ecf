"""Small derived facts about one region-year, shared by the pages that summarise regions."""

from __future__ import annotations

from .model import Bespreekpunt, RegioJaar
from .vocabulary import Zorgvorm

TABEL2_VELDEN = ("verwachte_vraag", "werkelijke_vraag", "wachtenden", "gemiddelde_wachttijd_weken", "gesloten_wachtlijsten")


def completeness(model: RegioJaar) -> float:
    """Share (0–1) of Tabel 2 figures that are known; forms that are absent count as complete."""
    known = total = 0
    for _zorgvorm, g in model.zorgvormen.items():
        if not g.aanwezig:
            continue
        values = [getattr(g, veld) for veld in TABEL2_VELDEN] + [g.capaciteit.binnen_regio, g.capaciteit.buiten_regio]
        total += len(values)
        known += sum(v is not None for v in values)
    return known / total if total else 1.0


def discussion_points(model: RegioJaar) -> dict[Zorgvorm, Bespreekpunt]:
    """The care forms this region puts on the national agenda this year."""
    return {
        zorgvorm: g.bespreekpunt
        for zorgvorm, g in model.zorgvormen.items()
        if g.bespreekpunt is not None and g.bespreekpunt.agenderen
    }

"""Every threshold the shortage signals apply, with its reasoning: one place the pages and messages quote.

The guide (Gespreksleidraad §3.2, §4.2) names the kinds of shortage but no numbers; these are the
dossier's own choices, stated on the national page so a table can check and contest them. Change
a number here and every page, download and message follows.
"""

from __future__ import annotations

from typing import Literal

MARGE_PCT = 5
"""Absolute and local shortage: demand must exceed supply by more than 5%. Demand is an estimate
(registrations, or demography where those are unknown), so a smaller difference is within the
uncertainty of the figures and proves no shortage."""

MIN_TEKORT = 5
"""Local shortage: and by at least 5 patients a year. Small regions' counts move by a few
patients from year to year; a shortfall of one or two is no structural problem."""

DRUK_PNIL_PCT = 20
"""Offer under pressure: `matig` counts as significant pressure from 20% of staff not on the payroll (PNIL)."""

DRUK_VACATURE_PCT = 10
"""... or from a vacancy rate of 10%: one in ten posts unfilled."""

KRIMP_PCT = 15
"""Offer disappears or shrinks: capacity (within + outside the region) fell by more than 15% since
the previous cycle, or the form is no longer present. Year-to-year movement in the example regions
stays within a few percent; a sixth less is a change the Kamerbrief (2025) wants discussed early."""

Aanbodwijziging = Literal["verdwijnt", "krimpt"]


def supply_change(aanwezig_vorig: bool, capaciteit_vorig: int | None, aanwezig: bool, capaciteit: int | None) -> Aanbodwijziging | None:
    """Did the offer disappear (present last cycle, not now) or shrink by more than :data:`KRIMP_PCT`?"""
    had_offer = aanwezig_vorig and capaciteit_vorig != 0
    if not had_offer:
        return None
    if not aanwezig or capaciteit == 0:
        return "verdwijnt"
    if capaciteit_vorig is not None and capaciteit is not None and capaciteit < capaciteit_vorig * (1 - KRIMP_PCT / 100):
        return "krimpt"
    return None

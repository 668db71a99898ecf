"""The year-over-year plausibility rule: a figure that moved by more than a factor 3 is likely a typo.

One home for the rule, read by the validation warning and by every diff (pages, merge-request
summary), so "grote sprong" means the same thing everywhere.
"""

from __future__ import annotations

from typing import TypeGuard

from ..contract.fields import FIGURE_PATHS

JUMP_FACTOR = 3
JUMP_MIN = 10  # small counts fluctuate; only values from 10 up are compared
JUMP_PATHS = FIGURE_PATHS
"""The Tabel 2 figures the rule compares, as key paths within a care form."""


def is_jump(oud: object, nieuw: object) -> bool:
    """More than :data:`JUMP_FACTOR` up or down between two numbers, the larger at least :data:`JUMP_MIN`."""
    if not (is_number(oud) and is_number(nieuw)):
        return False
    hi, lo = max(oud, nieuw), min(oud, nieuw)
    return hi >= JUMP_MIN and (lo == 0 or hi / lo > JUMP_FACTOR)


def is_number(value: object) -> TypeGuard[int | float]:
    """A count or a measure, not a yes/no (``bool`` is an ``int`` in Python)."""
    return isinstance(value, int | float) and not isinstance(value, bool)

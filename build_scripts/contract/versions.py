"""The contract's versions as a list of steps: a new version is one more :class:`Step`, not new conditionals.

A file states its version (``versie: 2``); without it, it is version 1 and stays valid. Each step
says what its version adds, so the validator (a key of version *n* in a file below *n* is an
error, ``reading/versions.py``), ``dossier migrate`` (states the newest version, step by step,
``editing/migrate.py``), the model's bound on ``versie`` and ``dossier new-year`` all follow
:data:`STEPS`. Every step so far only adds optional keys, so migrating is stating the version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FIRST_VERSION = 1
"""The version of a file that states none."""


@dataclass(frozen=True)
class Step:
    """What version ``version`` adds to the one before it: keys per care form and per exclusion criterion."""

    version: int
    zorgvorm_keys: tuple[str, ...] = ()
    criterium_keys: tuple[str, ...] = ()

    @property
    def problem_code(self) -> str:
        """The code of a key of this version in an older file (declared in ``reading/catalogue.py``)."""
        return f"versie-{self.version}-sleutel"


STEPS: tuple[Step, ...] = (
    Step(2, zorgvorm_keys=("toegangsprobleem", "elders"), criterium_keys=("doelgroep", "alternatief", "leeftijd_vanaf", "leeftijd_tot_en_met")),
)
"""Every version after the first, oldest first; each ``version`` one above the previous."""


def current_version(steps: Sequence[Step] | None = None) -> int:
    """The newest version: the last step's (``dossier migrate`` and ``dossier new-year`` write it)."""
    steps = STEPS if steps is None else steps
    return steps[-1].version if steps else FIRST_VERSION


def steps_after(version: int, steps: Sequence[Step] | None = None) -> list[Step]:
    """The steps a file at ``version`` has not taken yet, in order."""
    return [step for step in (STEPS if steps is None else steps) if step.version > version]

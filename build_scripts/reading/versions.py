"""Which contract version a key needs: a key of version *n* in a file that states a lower version is an error.

The keys each version adds are declared once, as a step of :data:`contract.versions.STEPS`, so
this rule, the schema docs and ``dossier migrate`` agree on what each version means.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..contract import versions
from .catalogue import CATALOGUE
from .documents import Document, KeyPath
from .parts import YearParts
from .problems import Problem


def version_problems(doc: Document, parts: YearParts) -> Iterator[Problem]:
    """Every key of a version above the file's own, at its own line (a file without ``versie`` is version 1)."""
    for step in versions.steps_after(parts.versie or versions.FIRST_VERSION):
        for zorgvorm, g in parts.zorgvormen.items():
            base: KeyPath = ("zorgvormen", zorgvorm.value)
            for key in step.zorgvorm_keys:
                if key in g.model_fields_set:
                    yield _problem(doc, step, (*base, key))
            for i, criterium in enumerate(g.exclusiecriteria):
                for key in step.criterium_keys:
                    if key in criterium.model_fields_set:
                        yield _problem(doc, step, (*base, "exclusiecriteria", i, key))


def _problem(doc: Document, step: versions.Step, where: KeyPath) -> Problem:
    return doc.problem(
        where,
        CATALOGUE[step.problem_code],
        f"'{where[-1]}' hoort bij versie {step.version} van het gegevenscontract; zet 'versie: {versions.current_version()}' "
        "bovenaan het bestand (of voer dossier migrate uit)",
        at_key=True,
    )

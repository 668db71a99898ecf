"""Which contract version a key needs: a version-2 key in a file that says it is version 1 is an error.

A file states its version (``versie: 2``); without it, it is version 1 and stays valid. The keys
added in version 2 are listed here once, so the rule, the schema docs and ``dossier migrate``
agree on what version 2 means.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..contract.models import CURRENT_VERSION
from .documents import Document, KeyPath
from .parts import YearParts
from .problems import Problem

VERSIE_2_ZORGVORM = ("toegangsprobleem", "elders")
VERSIE_2_CRITERIUM = ("doelgroep", "alternatief", "leeftijd_vanaf", "leeftijd_tot_en_met")


def version_problems(doc: Document, parts: YearParts) -> Iterator[Problem]:
    """Every version-2 key used in a file without ``versie: 2``, at its own line."""
    if (parts.versie or 1) >= 2:
        return
    for zorgvorm, g in parts.zorgvormen.items():
        base: KeyPath = ("zorgvormen", zorgvorm.value)
        for key in VERSIE_2_ZORGVORM:
            if key in g.model_fields_set:
                yield _problem(doc, (*base, key))
        for i, criterium in enumerate(g.exclusiecriteria):
            for key in VERSIE_2_CRITERIUM:
                if key in criterium.model_fields_set:
                    yield _problem(doc, (*base, "exclusiecriteria", i, key))


def _problem(doc: Document, where: KeyPath) -> Problem:
    return doc.problem(
        where,
        "versie-2-sleutel",
        f"'{where[-1]}' hoort bij versie {CURRENT_VERSION} van het gegevenscontract; zet 'versie: {CURRENT_VERSION}' "
        "bovenaan het bestand (of voer dossier migrate uit)",
        at_key=True,
    )

"""The marker that makes a contract field a figure: how it is shown, totalled, downloaded and carried into a new year.

A figure is declared once, on its field in :mod:`.models` (``Annotated[Aantal | None, Figuur(...)]``);
:mod:`.fields` walks the model and builds the registry every page, total, download and ``new-year``
reads. Nothing else lists the figures, so adding one to the contract is the whole change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Totaal = Literal["som", "capaciteit", "gewogen"]
"""How a figure joins the national totals: ``som`` summed (skipping onbekend), ``capaciteit`` summed and
part of the capacity total (binnen + buiten), ``gewogen`` a mean weighted by each region's demand."""

Weergave = Literal["ja_nee", "getal", "capaciteit", "wachttijd", "lijst", "druk"]
"""How the region page's table shows a value (``druk``: the pressure with its PNIL share and vacancy rate)."""


@dataclass(frozen=True)
class Figuur:
    """One figure of Bijlage 2, Tabel 2 as the site treats it (the key path comes from where it stands in the model).

    ``label``: the Dutch row heading. ``eenheid``: the unit, for the fields table. ``totaal``: which national
    total it joins, if any. ``nieuw_jaar``: ``dossier new-year`` copies it (else it starts as ``null``).
    ``weergave``: how the region table shows it (default: from the value type). ``tabel2``: a row of Tabel 2
    (diff pages, the form); ``regiotabel``: a row of its own on the region page. ``kolom``: its column
    in frames and downloads (default: the key path with ``_``). ``uitleg`` / ``totaal_uitleg``: the column's
    explanation in the region CSV and in the national CSV (defaults from the label). ``decimalen``: the
    fixed number of decimals every page and report shows (6,0 weeks); default as the value was given.
    """

    label: str
    eenheid: str = ""
    totaal: Totaal | None = None
    nieuw_jaar: bool = False
    weergave: Weergave | None = None
    tabel2: bool = True
    regiotabel: bool = True
    kolom: str | None = None
    uitleg: str | None = None
    totaal_uitleg: str | None = None
    decimalen: int | None = None

"""``dossier build --stand JJJJ-MM-DD``: the site as it was published on a date, so what was known then can be cited.

The data is that of the last commit on the branch's first-parent chain on or before that date
(end of the day), read with the same loader as the working tree; the provenance and the pages'
dates stop at that commit, and "today" is that date. Every page says so ("Stand per 1 juni
2026"). The date is ``settings.stand``: ``dossier build --stand`` passes it to the engine's
process as ``DOSSIER_STAND``, because MkDocs runs in a process of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..contract.notation import dutch_date
from ..reading.provenance import stand_commit
from ..reading.revision import revision_root
from ..render.context import Stand


class StandError(ValueError):
    """A stand that cannot be built, explained in Dutch."""


def stand_for(root: Path, datum: dt.date | None) -> Stand | None:
    """The stand of ``datum`` (``settings.stand``), resolved to a commit of the repository at ``root``; ``None`` without a date."""
    if datum is None:
        return None
    commit = stand_commit(root, datum)
    if commit is None:
        raise StandError(f"geen vastgelegde gegevens op of vóór {dutch_date(datum)}: --stand werkt alleen in een git-kloon met de geschiedenis tot die datum")
    return Stand(datum, commit, root)


def stand_label(stand: Stand) -> str:
    """The mark on every page of a stand build."""
    return f"Stand per {dutch_date(stand.datum)}"


@contextmanager
def data_root(root: Path, stand: Stand | None) -> Iterator[Path]:
    """The project folder whose ``data/`` the build reads: ``root`` itself, or a temporary copy of the stand's commit."""
    if stand is None:
        yield root
        return
    with revision_root(root, stand.commit) as base:
        yield base

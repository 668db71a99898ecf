"""``dossier build --stand JJJJ-MM-DD``: the site as it was published on a date, so what was known then can be cited.

The data is that of the last commit on the branch's first-parent chain on or before that date
(end of the day), read with the same loader as the working tree; the provenance and the pages'
dates stop at that commit, and "today" is that date. Every page says so ("Stand per 1 juni
2026"). The door passes the date on in ``DOSSIER_STAND`` (read here only), because MkDocs runs in
a process of its own.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from ..contract.notation import dutch_date
from ..reading.provenance import stand_commit
from ..reading.revision import revision_root
from ..render.context import Stand

STAND_ENV = "DOSSIER_STAND"


class StandError(ValueError):
    """A stand that cannot be built, explained in Dutch."""


def stand_from_env(root: Path, env: Mapping[str, str] = os.environ) -> Stand | None:
    """The stand ``DOSSIER_STAND`` asks for, resolved to a commit of the repository at ``root``; ``None`` when unset."""
    text = env.get(STAND_ENV, "").strip()
    if not text:
        return None
    try:
        datum = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise StandError(f"--stand '{text}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-06-01") from exc
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

"""The data as it stood at each milestone of the cycle, so the chair and the press can cite what was known then.

For every milestone of a cycle (:func:`..reading.milestones.mijlpalen`) that has passed on the
build's "today", the last published commit on or before its date (:func:`..reading.provenance.stand_commit`)
is read with the same loader as the working tree. The downloads section publishes that data's
``dossier.json`` and national CSVs under ``downloads/stand/<datum>/``; the national year page
links them. Without a full git history there are none (the pages say why).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..reading.dataset import Dataset
from ..reading.load import load_dataset
from ..reading.milestones import Mijlpaal, mijlpalen
from ..reading.problems import has_errors
from ..reading.provenance import stand_commit
from ..reading.revision import RevisionError, revision_root
from .context import SiteContext, cache_folder

CACHE_DIR = "mijlpalen"
_FILE_NAME = re.compile(r"\A(?:landelijk-[0-9]{4}\.csv|dossier\.json)\Z")  # all a cache entry may name: no path leads out of it


@dataclass(frozen=True)
class MijlpaalStand:
    """One milestone of one cycle and the commit whose data stood then."""

    jaar: int
    mijlpaal: Mijlpaal
    commit: str

    @property
    def map(self) -> str:
        """Where its files are, under ``/downloads/``."""
        return f"stand/{self.mijlpaal.datum.isoformat()}"


def repository_root(ctx: SiteContext) -> Path:
    return ctx.stand.root if ctx.stand is not None else ctx.dataset.root


def standen(ctx: SiteContext, jaar: int) -> list[MijlpaalStand]:
    """The passed milestones of cycle ``jaar`` with data committed by then; none without a full history."""
    if not ctx.geschiedenis.bekend:
        return []
    root = repository_root(ctx)
    found = []
    for mijlpaal in mijlpalen(jaar):
        if mijlpaal.datum <= ctx.peildatum and (commit := stand_commit(root, mijlpaal.datum)) is not None:
            found.append(MijlpaalStand(jaar, mijlpaal, commit))
    return found


@contextmanager
def dataset_at(ctx: SiteContext, commit: str) -> Iterator[Dataset | None]:
    """The validated data of ``commit`` (``None`` when it had errors then, or cannot be read: no site was built from it)."""
    try:
        with revision_root(repository_root(ctx), commit) as base:
            dataset, problems = load_dataset(base)
            yield None if has_errors(problems) else dataset
    except RevisionError:
        yield None


def cached_files(ctx: SiteContext, commit: str, make: Callable[[], list[tuple[str, bytes]]]) -> list[tuple[str, bytes]]:
    """The files of one milestone's commit, made once: a commit's data never changes, so with the same code neither do they.

    Kept under ``.cache/mijlpalen/<commit>-<code>/`` (CI keeps ``.cache`` per trust level, as the
    charts: README, "Security"); an entry naming anything but those files is made again.
    """
    folder = cache_folder(repository_root(ctx), ctx.settings) / CACHE_DIR / f"{commit}-{_code_id()}"
    try:
        names = json.loads((folder / "bestanden.json").read_text(encoding="utf-8"))
        if isinstance(names, list) and names and all(isinstance(n, str) and _FILE_NAME.match(n) for n in names):
            return [(name, (folder / name).read_bytes()) for name in names]
    except (OSError, ValueError):
        pass
    files = make()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in files:
            (folder / name).write_bytes(content)
        (folder / "bestanden.json").write_text(json.dumps([name for name, _content in files]), encoding="utf-8")  # last: the entry is whole
    except OSError:
        pass  # a cache that cannot be written costs time, never a build
    return files


@cache
def _code_id() -> str:
    """A hash of the package's code and templates: what the files also depend on besides the commit's data."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in {".py", ".j2"}):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]

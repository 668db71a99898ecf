"""Every committed version of each data file, with the date and merge request that published it.

The published history is the first-parent chain of the branch being built: a merge commit is one
merge request (its number read from the message GitLab or GitHub writes), a commit made directly
on the branch stands for itself. Two git processes serve the whole tree (one ``git log``, one
``git cat-file --batch``), so the cost grows with the number of changes, not with pages.

Plain ``git`` through :mod:`subprocess`, as :mod:`.gitdates` and :mod:`.revision` already do: no
library to install or keep up to date, and the same git that checked the repository out reads it.
Without a full history (no ``.git``, a tarball, a shallow clone) the answer is ``None`` and pages
say "herkomst onbekend": an incomplete history would date every figure at the clone's cut-off.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .git import git_output

# GitLab: "See merge request group/project!42"; GitHub: "Merge pull request #42 from …". A squashed GitHub
# request ("Title (#42)") is not read: "(#12)" names an issue just as often, so such a commit shows its id.
_GITLAB_REF = re.compile(r"See merge request \S*?(![0-9]+)")
_GITHUB_MERGE = re.compile(r"^Merge pull request (#[0-9]+)")
_RECORD, _FIELD = "\x01", "\x02"


@dataclass(frozen=True)
class Commit:
    """One published change: the commit, its date (committer date, as :mod:`.gitdates`), and its merge request if known."""

    sha: str
    datum: dt.date
    verzoek: str | None  # "!42" (GitLab) or "#42" (GitHub)
    onderwerp: str

    @property
    def ref(self) -> str:
        """How pages name the change: the merge request, else the short commit id."""
        return self.verzoek or self.sha[:8]


@dataclass(frozen=True)
class Versie:
    """A data file as one commit left it; ``tekst`` (and ``blob``, git's id of it) is ``None`` where that commit removed it."""

    commit: Commit
    tekst: str | None
    blob: str | None = None


def merge_request_of(message: str) -> str | None:
    """The merge request a commit message names, as GitLab or GitHub write it; ``None`` for a plain commit."""
    if found := _GITLAB_REF.search(message):
        return found[1]
    first = message.strip().splitlines()[0] if message.strip() else ""
    if found := _GITHUB_MERGE.match(first):
        return found[1]
    return None


def stand_commit(root: Path, datum: dt.date) -> str | None:
    """The last published commit on or before ``datum`` (end of that day, committer time), or ``None``."""
    out = git_output(root, "rev-list", "-1", "--first-parent", f"--before={datum.isoformat()} 23:59:59", "HEAD")
    return out.decode().strip() or None if out is not None else None


def file_versions(root: Path, under: str = "data", until: str = "HEAD") -> dict[str, list[Versie]] | None:
    """Path (relative to ``root``) → its versions, oldest first; ``None`` without a full git history.

    Only commits on the first-parent chain up to ``until`` count: what was published, in order.
    """
    shallow = git_output(root, "rev-parse", "--is-shallow-repository", "--show-prefix")
    if shallow is None:
        return None
    flag, _, prefix = shallow.decode().partition("\n")
    if flag.strip() != "false":
        return None
    prefix = prefix.strip()
    log = git_output(
        root, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--name-only",
        f"--format={_RECORD}%H{_FIELD}%cs{_FIELD}%B{_FIELD}", until, "--", under,
    )
    if log is None:
        return None
    changes: list[tuple[Commit, list[str]]] = []
    for record in log.decode("utf-8", "replace").split(_RECORD)[1:]:
        sha, datum, message, names = record.split(_FIELD, 3)
        commit = Commit(sha, dt.date.fromisoformat(datum), merge_request_of(message), message.strip().splitlines()[0] if message.strip() else "")
        changes.append((commit, [n for n in names.splitlines() if n.strip()]))
    changes.reverse()
    wanted = [(commit, name) for commit, names in changes for name in names if name.endswith(".yaml")]
    texts = _blobs(root, [f"{commit.sha}:{name}" for commit, name in wanted])
    if texts is None:
        return None
    versions: dict[str, list[Versie]] = {}
    for (commit, name), found in zip(wanted, texts, strict=True):
        blob, tekst = found if found is not None else (None, None)
        versions.setdefault(name.removeprefix(prefix), []).append(Versie(commit, tekst, blob))
    return versions


def _blobs(root: Path, objects: list[str]) -> list[tuple[str, str] | None] | None:
    """The blob id and text of each ``commit:path`` in one ``git cat-file --batch`` run; ``None`` for a path the commit does not have."""
    if not objects:
        return []
    out = git_output(root, "cat-file", "--batch", stdin="".join(f"{o}\n" for o in objects).encode())
    if out is None:
        return None
    result: list[tuple[str, str] | None] = []
    pos = 0
    for _ in objects:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) != 3 or header[1] != b"blob":
            result.append(None)
            continue
        size = int(header[2])
        result.append((header[0].decode(), out[pos : pos + size].decode("utf-8", "replace")))
        pos += size + 1
    return result

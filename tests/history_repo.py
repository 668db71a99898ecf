"""A scratch git repository with two published changes, for the provenance, stand and feed tests.

The mini fixture is committed on 2 March 2026 (a plain commit), then merge request !42 (merged
on 10 June 2026, the message as GitLab writes it) changes one figure: acute care's waiting list
in region noord, 12 → 17. Dates are fixed, so the pages' dates are too.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

EERSTE = "2026-03-02T12:00:00+01:00"
TWEEDE = "2026-06-10T12:00:00+02:00"
JAAR_BESTAND = "data/regions/noord/2026.yaml"
OUD, NIEUW = "    wachtenden: 12\n", "    wachtenden: 17\n"


def git(root: Path, *args: str, datum: str = EERSTE) -> str:
    env = {
        **os.environ, "GIT_AUTHOR_DATE": datum, "GIT_COMMITTER_DATE": datum, "GIT_AUTHOR_NAME": "Regio Noord",
        "GIT_AUTHOR_EMAIL": "noord@example.org", "GIT_COMMITTER_NAME": "Regio Noord", "GIT_COMMITTER_EMAIL": "noord@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True, text=True).stdout.strip()


def make_history(root: Path) -> tuple[str, str]:
    """Commit ``root`` as it is, then merge !42 changing one figure; returns (first commit, merge commit)."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Eerste gegevens van de regio's")
    eerste = git(root, "rev-parse", "HEAD")
    git(root, "checkout", "-q", "-b", "wachtenden-noord")
    path = root / JAAR_BESTAND
    text = path.read_text(encoding="utf-8")
    assert text.count(OUD) >= 1
    path.write_text(text.replace(OUD, NIEUW, 1), encoding="utf-8")
    git(root, "commit", "-q", "-am", "Wachtenden acute zorg bijgewerkt", datum=TWEEDE)
    git(root, "checkout", "-q", "main")
    message = "Merge branch 'wachtenden-noord' into 'main'\n\nWachtenden acute zorg bijgewerkt\n\nSee merge request cruciale-ggz/dossier!42"
    git(root, "merge", "-q", "--no-ff", "-m", message, "wachtenden-noord", datum=TWEEDE)
    return eerste, git(root, "rev-parse", "HEAD")

"""Post the review summary on the merge request as one comment, edited on every push (a CI step).

``python -m build_scripts.review_comment wijzigingen.md`` finds the host from CI's variables:

- GitLab (``GITLAB_CI``): the notes API, with a project access token in ``DOSSIER_GITLAB_TOKEN``
  (role Reporter, scope ``api``; the job token may not write notes);
- GitHub (``GITHUB_ACTIONS``): the issue-comments API, with the workflow's ``GITHUB_TOKEN``
  (``permissions: pull-requests: write``).

Our earlier comment is found by :data:`MARKER` *and* its author (the token's own user), so a
comment someone else wrote is never edited. Without a token the step says so and succeeds: the
summary stays in the job log and artifact. Only the standard library and our address check, so it
runs without installing the package.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError

from .contract.site_paths import is_web_address

MARKER = "<!-- dossier: samenvatting van de wijzigingen -->"
GITLAB_TOKEN_ENV = "DOSSIER_GITLAB_TOKEN"
GITHUB_BOT = "github-actions[bot]"
PER_PAGE = 100
CUT_AT = "### Alle wijzigingen per bestand"
DOWNLOAD_NOTE = "**Voorbeeld van de site:** [downloaden]({url}) (zip-bestand: uitpakken en `index.html` openen in de browser)."
CUT_NOTE = "*De lijst van alle wijzigingen is te lang voor een reactie; ze staat in de uitvoer en het artefact `wijzigingen.md` van de job.*"


class CommentError(Exception):
    """The host refused or could not be reached: reported in Dutch, exit code 1."""


@dataclass(frozen=True)
class Host:
    """One merge request's comments on one host's API."""

    name: str
    comments_url: str  # list (GET, paged) and create (POST)
    headers: dict[str, str]
    limit: int  # longest body the host accepts
    edit_method: str
    edit_url: Callable[[int], str]
    is_ours: Callable[[Mapping[str, Any]], bool]


def gitlab(env: Mapping[str, str], request: Callable[..., Any]) -> Host | None:
    token = env.get(GITLAB_TOKEN_ENV)
    if not token:
        return None
    api, project, iid = env["CI_API_V4_URL"].rstrip("/"), env["CI_PROJECT_ID"], env["CI_MERGE_REQUEST_IID"]
    headers = {"PRIVATE-TOKEN": token}
    me = request("GET", f"{api}/user", headers)["id"]
    notes = f"{api}/projects/{project}/merge_requests/{iid}/notes"
    return Host(
        "GitLab", notes, headers, 1_000_000, "PUT", lambda i: f"{notes}/{i}",
        lambda note: note.get("author", {}).get("id") == me and not note.get("system"),
    )


def github(env: Mapping[str, str], request: Callable[..., Any]) -> Host | None:
    token = env.get("GITHUB_TOKEN")
    if not token:
        return None
    api, repo = env.get("GITHUB_API_URL", "https://api.github.com").rstrip("/"), env["GITHUB_REPOSITORY"]
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    number = event["pull_request"]["number"]
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
    return Host(
        "GitHub", f"{api}/repos/{repo}/issues/{number}/comments", headers, 65_536, "PATCH",
        lambda i: f"{api}/repos/{repo}/issues/comments/{i}", lambda c: c.get("user", {}).get("login") == GITHUB_BOT,
    )


def http_json(method: str, url: str, headers: Mapping[str, str], body: Mapping[str, Any] | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={**headers, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return json.loads(response.read() or b"null")
    except HTTPError as exc:
        raise CommentError(f"{method} {url}: {exc.code} {exc.reason}") from exc
    except URLError as exc:
        raise CommentError(f"{method} {url}: niet bereikbaar ({exc.reason})") from exc


def comment_body(summary: str, limit: int, download: str | None = None) -> str:
    """The marker, the preview's download link (GitHub), then the summary; past the host's limit the
    per-file list goes (it is in the job's output)."""
    if download:
        summary = DOWNLOAD_NOTE.format(url=download) + "\n\n" + summary
    body = f"{MARKER}\n{summary.rstrip()}\n"
    if len(body) <= limit:
        return body
    head = body.split(CUT_AT, 1)[0].rstrip()
    body = f"{head}\n\n{CUT_NOTE}\n"
    return body if len(body) <= limit else body[: limit - len(CUT_NOTE) - 2] + f"\n\n{CUT_NOTE}"


def post(host: Host, summary: str, request: Callable[..., Any] = http_json, download: str | None = None) -> str:
    """Edit our earlier comment, or place the first one; returns what was done, in Dutch."""
    body = {"body": comment_body(summary, host.limit, download)}
    ours = [c for c in _all_comments(host, request) if MARKER in (c.get("body") or "") and host.is_ours(c)]
    if ours:
        request(host.edit_method, host.edit_url(ours[0]["id"]), host.headers, body)
        return f"reactie {ours[0]['id']} bijgewerkt"
    created = request("POST", host.comments_url, host.headers, body)
    return f"reactie {created['id']} geplaatst"


def _all_comments(host: Host, request: Callable[..., Any]) -> list[Mapping[str, Any]]:
    comments: list[Mapping[str, Any]] = []
    page = 1
    while True:
        batch = request("GET", f"{host.comments_url}?per_page={PER_PAGE}&page={page}", host.headers)
        comments += batch
        if len(batch) < PER_PAGE:
            return comments
        page += 1


def _args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m build_scripts.review_comment", description="plaats de samenvatting als één reactie")
    parser.add_argument("samenvatting", type=Path, help="het Markdown-bestand van dossier diff")
    parser.add_argument("--voorbeeld", metavar="URL", help="downloadadres van het voorbeeld van de site (GitHub-artefact)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None, request: Callable[..., Any] = http_json) -> int:
    args = _args(argv)
    env = os.environ if env is None else env
    download = args.voorbeeld if args.voorbeeld and is_web_address(args.voorbeeld) else None
    summary = args.samenvatting.read_text(encoding="utf-8")
    try:
        host = gitlab(env, request) if env.get("GITLAB_CI") else github(env, request) if env.get("GITHUB_ACTIONS") else None
        if host is None:
            print(f"reactie: geen token ({GITLAB_TOKEN_ENV} op GitLab, GITHUB_TOKEN op GitHub); de samenvatting staat in de job-uitvoer", file=sys.stderr)
            return 0
        print(f"reactie op {host.name}: {post(host, summary, request, download)}", file=sys.stderr)
    except CommentError as exc:
        print(f"reactie: niet geplaatst: {exc}", file=sys.stderr)
        return 1
    except KeyError as exc:
        print(f"reactie: niet geplaatst: {exc} ontbreekt (variabele van CI of veld in het antwoord)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

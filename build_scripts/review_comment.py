"""One comment per merge request on GitLab or GitHub, edited on every push: the hosts' APIs (standard library only).

Used by :mod:`review_requests`, the trusted job that writes the review summary; never by a job
that runs a merge request's code, since the token that writes comments must stay out of reach of
that code (docs/security.md):

- GitLab: the notes API, with a project access token (role Reporter, scope ``api``) kept in the
  *protected* CI/CD variable ``DOSSIER_GITLAB_TOKEN``; the job token may not write notes;
- GitHub: the issue-comments API, with the workflow's ``GITHUB_TOKEN`` (``pull-requests: write``).

Our earlier comment is found by :data:`MARKER` *and* its author (the token's own user), so a
comment someone else wrote is never edited.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError, URLError

from .settings import Settings

MARKER = "<!-- dossier: samenvatting van de wijzigingen -->"
VERSION_MARKER = "<!-- dossier: versie {sha} -->"  # the commit the summary describes: a job that polls skips it next time
GITLAB_TOKEN_ENV = Settings.variable("gitlab_token")
GITHUB_BOT = "github-actions[bot]"
PER_PAGE = 100
CUT_AT = "### Alle wijzigingen per bestand"
DOWNLOAD_NOTE = "**Voorbeeld van de site:** [downloaden]({url}) (zip-bestand: uitpakken en `index.html` openen in de browser)."
CUT_NOTE = "*De lijst van alle wijzigingen is te lang voor een reactie; ze staat in de uitvoer en het artefact `wijzigingen.md` van de job.*"
Request = Callable[..., Any]


class CommentError(Exception):
    """The host refused or could not be reached: reported in Dutch."""


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


def gitlab_headers(token: str) -> dict[str, str]:
    return {"PRIVATE-TOKEN": token}


def github_headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}


def gitlab_host(api: str, project: str, iid: int, headers: dict[str, str], me: int) -> Host:
    """The notes of merge request ``iid``; ``me`` is the token's own user id."""
    notes = f"{api}/projects/{project}/merge_requests/{iid}/notes"
    return Host(
        "GitLab", notes, headers, 1_000_000, "PUT", lambda i: f"{notes}/{i}",
        lambda note: note.get("author", {}).get("id") == me and not note.get("system"),
    )


def github_host(api: str, repo: str, number: int, headers: dict[str, str]) -> Host:
    """The comments of pull request ``number`` (an issue, to the API)."""
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


def paged(url: str, headers: Mapping[str, str], request: Request) -> list[Any]:
    """Every item of a paged list (both hosts page by ``per_page`` and ``page``)."""
    items: list[Any] = []
    page = 1
    while True:
        batch = request("GET", f"{url}{'&' if '?' in url else '?'}per_page={PER_PAGE}&page={page}", headers)
        items += batch
        if len(batch) < PER_PAGE:
            return items
        page += 1


def comment_body(summary: str, limit: int, download: str | None = None, sha: str | None = None) -> str:
    """The markers, the preview's download link (GitHub), then the summary; past the host's limit the
    per-file list goes (it is in the job's output)."""
    if download:
        summary = DOWNLOAD_NOTE.format(url=download) + "\n\n" + summary
    head = MARKER + ("\n" + VERSION_MARKER.format(sha=sha) if sha else "")
    body = f"{head}\n{summary.rstrip()}\n"
    if len(body) <= limit:
        return body
    kept = body.split(CUT_AT, 1)[0].rstrip()
    body = f"{kept}\n\n{CUT_NOTE}\n"
    return body if len(body) <= limit else body[: limit - len(CUT_NOTE) - 2] + f"\n\n{CUT_NOTE}"


def our_comment(host: Host, request: Request = http_json) -> Mapping[str, Any] | None:
    """Our earlier comment on this request (the marker and our own author), if there is one."""
    ours = [c for c in paged(host.comments_url, host.headers, request) if MARKER in (c.get("body") or "") and host.is_ours(c)]
    return ours[0] if ours else None


def post(host: Host, body: str, request: Request = http_json) -> str:
    """Edit our earlier comment, or place the first one; returns what was done, in Dutch."""
    earlier = our_comment(host, request)
    if earlier is not None:
        request(host.edit_method, host.edit_url(earlier["id"]), host.headers, {"body": body})
        return f"reactie {earlier['id']} bijgewerkt"
    created = request("POST", host.comments_url, host.headers, {"body": body})
    return f"reactie {created['id']} geplaatst"

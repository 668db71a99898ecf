"""The review summary as one comment on each open merge request, posted by a trusted job: our code, the request's data.

The token that writes comments must never be where a merge request's code runs
(docs/security.md): a merge request can change any script its own pipeline runs, and a masked variable is
only hidden in the log, not from that code. So the request's pipeline posts nothing. A job on the
protected default branch runs this module from its own checkout instead:

- GitLab (``python -m build_scripts.review_requests gitlab``): a scheduled pipeline, the only one
  that sees the protected variable ``DOSSIER_GITLAB_TOKEN``; it visits every open merge request
  into the default branch whose pipeline has finished and whose comment does not yet describe its
  latest commit;
- GitHub (``… github``): a ``workflow_run`` workflow (the default branch's file and code, with the
  workflow token) after each CI run of a pull request.

For each request it fetches the request's commit and runs its own ``dossier diff --base <merge
base> --head <commit>``, which reads only ``data/`` of that commit (``git archive``): the request's
code is never checked out, imported or run. Region text reaches the comment only as inert Markdown
(``analysis/host_markdown.py``). The preview's address comes from the host's API (the preview
job of the request's pipeline, or the run's ``voorbeeld`` artifact), never from the request's output.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .contract.site_paths import is_web_address
from .review_comment import (
    GITLAB_TOKEN_ENV,
    VERSION_MARKER,
    CommentError,
    Host,
    Request,
    comment_body,
    github_headers,
    github_host,
    gitlab_headers,
    gitlab_host,
    http_json,
    our_comment,
    paged,
    post,
)
from .settings import environment, read_settings

FINISHED = frozenset({"success", "failed", "canceled", "skipped", "manual"})


@dataclass(frozen=True)
class MergeRequest:
    """An open request: its number, the commit the host says is its head, the branch it goes to, the ref holding that commit."""

    number: int
    sha: str
    target: str
    ref: str


def summarise(root: Path, request: MergeRequest, links: str | None) -> str | None:
    """The summary of ``request`` by this checkout's code, or ``None`` when the request moved on since the host listed it."""
    _git(root, "fetch", "--quiet", "--no-tags", "origin", f"+refs/heads/{request.target}:refs/dossier/doel", f"+{request.ref}:refs/dossier/verzoek")
    head = _git(root, "rev-parse", "--verify", "refs/dossier/verzoek^{commit}")
    if head != request.sha:
        return None
    base = _git(root, "merge-base", "refs/dossier/doel", head)
    command = [sys.executable, "-m", "build_scripts.cli", "--root", str(root), "diff", "--base", base, "--head", head, "--format", "markdown"]
    result = subprocess.run([*command, *(["--links", links] if links else [])], capture_output=True, text=True, timeout=900, check=False)
    if result.returncode != 0:
        raise CommentError(f"dossier diff faalde: {result.stderr.strip()[-800:]}")
    return result.stdout


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        raise CommentError(f"git {args[0]} faalde: {result.stderr.strip()[-500:]}")
    return result.stdout.strip()


def gitlab_all(env: Mapping[str, str], root: Path, request: Request) -> int:
    """Every open merge request into the default branch; exit 1 when one of them could not be commented on."""
    secret = read_settings(env).gitlab_token
    token = secret.get_secret_value() if secret else None
    if not token:
        print(f"reacties: geen {GITLAB_TOKEN_ENV} (beschermde variabele); er worden geen reacties geplaatst", file=sys.stderr)
        return 0
    api, project, default = env["CI_API_V4_URL"].rstrip("/"), env["CI_PROJECT_ID"], env["CI_DEFAULT_BRANCH"]
    headers = gitlab_headers(token)
    me = request("GET", f"{api}/user", headers)["id"]
    failed = 0
    for item in paged(f"{api}/projects/{project}/merge_requests?state=opened&target_branch={quote(default, safe='')}", headers, request):
        iid = int(item["iid"])
        mr = MergeRequest(iid, str(item["sha"]), default, f"refs/merge-requests/{iid}/head")
        try:
            done = _gitlab_one(env, root, request, gitlab_host(api, project, iid, headers, me), mr)
        except CommentError as exc:
            failed += 1
            done = f"niet geplaatst: {exc}"
        print(f"reactie op !{iid}: {done}", file=sys.stderr)
    return 1 if failed else 0


def _gitlab_one(env: Mapping[str, str], root: Path, request: Request, host: Host, mr: MergeRequest) -> str:
    earlier = our_comment(host, request)
    if earlier is not None and VERSION_MARKER.format(sha=mr.sha) in (earlier.get("body") or ""):
        return "beschrijft de laatste versie al"
    api, project = env["CI_API_V4_URL"].rstrip("/"), env["CI_PROJECT_ID"]
    pipelines = [p for p in request("GET", f"{api}/projects/{project}/merge_requests/{mr.number}/pipelines", host.headers) if p.get("sha") == mr.sha]
    if pipelines and pipelines[0].get("status") not in FINISHED:
        return "wacht tot de pijplijn klaar is"
    links = _gitlab_preview(env, request, host.headers, pipelines[0]["id"], mr.number) if pipelines else None
    summary = summarise(root, mr, links)
    if summary is None:
        return "intussen een nieuwere versie; de volgende ronde"
    return post(host, comment_body(summary, host.limit, sha=mr.sha), request)


def _gitlab_preview(env: Mapping[str, str], request: Request, headers: Mapping[str, str], pipeline: int, iid: int) -> str | None:
    """Where the pipeline's preview is, built from the host's own facts (job id, Pages address), as the preview jobs build it."""
    api, project = env["CI_API_V4_URL"].rstrip("/"), env["CI_PROJECT_ID"]
    jobs = {job["name"]: job for job in paged(f"{api}/projects/{project}/pipelines/{pipeline}/jobs", headers, request) if job.get("status") == "success"}
    url = None
    if "voorbeeld" in jobs:
        below_root = env["CI_PROJECT_PATH"].split("/", 1)[-1]
        url = f"https://{env['CI_PROJECT_ROOT_NAMESPACE']}.{env['CI_PAGES_DOMAIN']}/-/{below_root}/-/jobs/{int(jobs['voorbeeld']['id'])}/artifacts/voorbeeld/"
    elif "voorbeeld-pages" in jobs and env.get("CI_PAGES_URL"):
        url = f"{env['CI_PAGES_URL'].rstrip('/')}/mr-{iid}/"
    return url if url and is_web_address(url) else None


def github_run(env: Mapping[str, str], root: Path, request: Request) -> int:
    """The pull request whose CI run triggered this ``workflow_run`` (found by its head commit: a fork's run names none)."""
    token = env.get("GITHUB_TOKEN")
    if not token:
        print("reactie: geen GITHUB_TOKEN; er wordt geen reactie geplaatst", file=sys.stderr)
        return 0
    event = json.loads(Path(env["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    run, default = event["workflow_run"], event["repository"]["default_branch"]
    if run.get("event") != "pull_request":
        print("reactie: deze run hoort niet bij een pull request", file=sys.stderr)
        return 0
    api, repo = env.get("GITHUB_API_URL", "https://api.github.com").rstrip("/"), env["GITHUB_REPOSITORY"]
    headers = github_headers(token)
    pulls = [p for p in paged(f"{api}/repos/{repo}/pulls?state=open&base={quote(default, safe='')}", headers, request) if p["head"]["sha"] == run["head_sha"]]
    if not pulls:
        print(f"reactie: geen open pull request naar {default} met versie {run['head_sha'][:10]}", file=sys.stderr)
        return 0
    number = int(pulls[0]["number"])
    mr, host = MergeRequest(number, str(run["head_sha"]), default, f"refs/pull/{number}/head"), github_host(api, repo, number, headers)
    try:
        summary = summarise(root, mr, None)
        download = _github_preview(env, request, headers, int(run["id"]))
        done = "intussen een nieuwere versie" if summary is None else post(host, comment_body(summary, host.limit, download, mr.sha), request)
    except CommentError as exc:
        print(f"reactie op #{number}: niet geplaatst: {exc}", file=sys.stderr)
        return 1
    print(f"reactie op #{number}: {done}", file=sys.stderr)
    return 0


def _github_preview(env: Mapping[str, str], request: Request, headers: Mapping[str, str], run: int) -> str | None:
    """The download address of the run's ``voorbeeld`` artifact (GitHub's own pattern)."""
    api, repo = env.get("GITHUB_API_URL", "https://api.github.com").rstrip("/"), env["GITHUB_REPOSITORY"]
    server = env.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
    artifacts = request("GET", f"{api}/repos/{repo}/actions/runs/{run}/artifacts?name=voorbeeld", headers).get("artifacts", [])
    found = [a for a in artifacts if a.get("name") == "voorbeeld" and not a.get("expired")]
    url = f"{server}/{repo}/actions/runs/{run}/artifacts/{int(found[0]['id'])}" if found else None
    return url if url and is_web_address(url) else None


def main(argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None, request: Request = http_json) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m build_scripts.review_requests", description="plaats de samenvatting als reactie, vanuit een vertrouwde job"
    )
    parser.add_argument("host", choices=("gitlab", "github"), help="gitlab: elk open samenvoegverzoek; github: de pull request van deze workflow_run")
    parser.add_argument("--root", type=Path, default=Path("."), help="de eigen checkout van de standaardtak (standaard: hier)")
    args = parser.parse_args(argv)
    env = environment() if env is None else env
    try:
        return (gitlab_all if args.host == "gitlab" else github_run)(env, args.root.resolve(), request)
    except CommentError as exc:
        print(f"reactie: niet geplaatst: {exc}", file=sys.stderr)
        return 1
    except KeyError as exc:
        print(f"reactie: niet geplaatst: {exc} ontbreekt (variabele van CI of veld in het antwoord)", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

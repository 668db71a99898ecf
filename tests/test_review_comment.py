"""The review comment, posted by the trusted job (build_scripts/review_requests.py), against a fake GitLab and GitHub on 127.0.0.1.

The fake keeps comments like the hosts do, pages lists by ``per_page``/``page``, checks the token
header and answers the few questions the job asks (open requests, their pipelines and preview
jobs, a run's artifacts). Git is real: an "origin" holds the default branch and each request's
head under the host's own ref (``refs/merge-requests/15/head``, ``refs/pull/3/head``), and the
job works in a clone of the default branch, as in CI. The request's commit carries code of its
own that would leave a mark if anything ran it: nothing may.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from build_scripts.review_comment import CUT_AT, CUT_NOTE, GITHUB_BOT, MARKER, comment_body, github_headers, github_host, post
from build_scripts.review_requests import main
from conftest import REPO

GITLAB_TOKEN, GITHUB_TOKEN = "glpat-test", "ghs-test"
BOT_ID = 4242
UTRECHT = "data/regions/utrecht/2026.yaml"
PLANTED = {  # the request's own code: run, it would write STOLEN next to itself
    "build_scripts/__init__.py": "",
    "build_scripts/cli.py": "import pathlib, os\npathlib.Path(__file__).parent.parent.joinpath('STOLEN').write_text(str(os.environ))\n",
    "setup.py": "import pathlib\npathlib.Path('STOLEN').write_text('setup')\n",
}


class FakeHost(BaseHTTPRequestHandler):
    """GitLab (``/api/v4/…``) and GitHub (``/repos/…``): comments per request in ``server.threads``, and the facts the job reads."""

    server: Any

    def log_message(self, *args: object) -> None:
        pass

    def _reply(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorised(self) -> bool:
        gitlab = self.path.startswith("/api/v4/")
        ok = self.headers.get("PRIVATE-TOKEN") == GITLAB_TOKEN if gitlab else self.headers.get("Authorization") == f"Bearer {GITHUB_TOKEN}"
        if not ok:
            self._reply(401, {"message": "401 Unauthorized"})
        return ok

    def _page(self, items: list[Any]) -> None:
        query = parse_qs(urlsplit(self.path).query)
        size, page = int(query["per_page"][0]), int(query["page"][0])
        self._reply(200, items[(page - 1) * size : page * size])

    def do_GET(self) -> None:
        if not self._authorised():
            return
        path, s = urlsplit(self.path).path, self.server
        self.server.asked.append(self.path)
        if path == "/api/v4/user":
            return self._reply(200, {"id": BOT_ID, "username": "project_7_bot"})
        if path == "/api/v4/projects/7/merge_requests":
            return self._page(s.requests)
        if m := re.fullmatch(r"/api/v4/projects/7/merge_requests/(\d+)/pipelines", path):
            return self._reply(200, s.pipelines.get(int(m[1]), []))
        if m := re.fullmatch(r"/api/v4/projects/7/pipelines/(\d+)/jobs", path):
            return self._page(s.jobs.get(int(m[1]), []))
        if path == "/repos/o/r/pulls":
            return self._page(s.requests)
        if m := re.fullmatch(r"/repos/o/r/actions/runs/(\d+)/artifacts", path):
            return self._reply(200, {"artifacts": s.artifacts.get(int(m[1]), [])})
        if m := re.fullmatch(r"/api/v4/projects/7/merge_requests/(\d+)/notes|/repos/o/r/issues/(\d+)/comments", path):
            return self._page(s.threads.setdefault(int(m[1] or m[2]), []))
        self._reply(404, {"message": "404 Not found"})

    def _body(self) -> str:
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))["body"]

    def do_POST(self) -> None:
        if not self._authorised():
            return
        m = re.fullmatch(r"/api/v4/projects/7/merge_requests/(\d+)/notes|/repos/o/r/issues/(\d+)/comments", urlsplit(self.path).path)
        assert m, self.path
        comment = {"id": 1000 + self.server.posts, "body": self._body(), **self.server.author}
        self.server.posts += 1
        self.server.threads.setdefault(int(m[1] or m[2]), []).append(comment)
        self._reply(201, comment)

    def do_PUT(self) -> None:
        self._edit()

    def do_PATCH(self) -> None:
        self._edit()

    def _edit(self) -> None:
        if not self._authorised():
            return
        number = int(re.search(r"/(\d+)$", self.path).group(1))
        (comment,) = [c for thread in self.server.threads.values() for c in thread if c["id"] == number]
        comment["body"] = self._body()
        self.server.edits.append((self.command, self.path))
        self._reply(200, comment)


@pytest.fixture
def fake() -> Iterator[Any]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeHost)
    server.threads, server.posts, server.edits, server.asked = {}, 0, [], []
    server.requests, server.pipelines, server.jobs, server.artifacts = [], {}, {}, {}
    server.author = {}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def git(root: Path, *args: str) -> str:
    command = ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.org", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def origin(tmp_path: Path) -> tuple[Path, Path, str]:
    """(the job's clone of the default branch, origin, the request's head commit): Utrecht types 610 instead of 61 waiting."""
    work = tmp_path / "werk"
    shutil.copytree(REPO / "data", work / "data")
    git(tmp_path, "init", "-q", "-b", "main", str(work))
    git(work, "add", ".")
    git(work, "commit", "-qm", "basis")
    path = work / UTRECHT
    path.write_text(path.read_text(encoding="utf-8").replace("wachtenden: 61", "wachtenden: 610", 1), encoding="utf-8")
    for rel, text in PLANTED.items():
        (work / rel).parent.mkdir(parents=True, exist_ok=True)
        (work / rel).write_text(text, encoding="utf-8")
    git(work, "add", ".")
    git(work, "commit", "-qm", "verzoek")
    head = git(work, "rev-parse", "HEAD")
    bare = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    git(work, "push", "-q", str(bare), "HEAD~1:refs/heads/main", "HEAD:refs/merge-requests/15/head", "HEAD:refs/pull/3/head")
    clone = tmp_path / "job"
    git(tmp_path, "clone", "-q", "--branch", "main", str(bare), str(clone))
    return clone, bare, head


def _gitlab_env(server: Any, **extra: str) -> dict[str, str]:
    server.author = {"author": {"id": BOT_ID}, "system": False}
    return {
        "CI_API_V4_URL": f"http://127.0.0.1:{server.server_port}/api/v4", "CI_PROJECT_ID": "7", "CI_DEFAULT_BRANCH": "main",
        "CI_PROJECT_PATH": "cruciale-ggz/dossier", "CI_PROJECT_ROOT_NAMESPACE": "cruciale-ggz", "CI_PAGES_DOMAIN": "gitlab.io",
        "DOSSIER_GITLAB_TOKEN": GITLAB_TOKEN, **extra,
    }


def _github_env(server: Any, tmp_path: Path, head: str, event: str = "pull_request") -> dict[str, str]:
    server.author = {"user": {"login": GITHUB_BOT, "type": "Bot"}}
    path = tmp_path / "event.json"
    path.write_text(json.dumps({"workflow_run": {"id": 77, "event": event, "head_sha": head}, "repository": {"default_branch": "main"}}), encoding="utf-8")
    return {
        "GITHUB_API_URL": f"http://127.0.0.1:{server.server_port}", "GITHUB_REPOSITORY": "o/r", "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_EVENT_PATH": str(path), "GITHUB_TOKEN": GITHUB_TOKEN,
    }


def _untouched(clone: Path) -> None:
    """Nothing of the request's code ran or was checked out: no mark, the job's tree is still the default branch's."""
    assert not list(clone.parent.rglob("STOLEN"))
    assert git(clone, "status", "--porcelain") == "" and git(clone, "rev-parse", "--abbrev-ref", "HEAD") == "main"
    assert not (clone / "build_scripts").exists() and not (clone / "setup.py").exists()


def test_gitlab_the_scheduled_job_comments_once_per_version_with_the_preview(fake: Any, origin: tuple[Path, Path, str]) -> None:
    clone, _, head = origin
    fake.requests = [{"iid": 15, "sha": head}]
    fake.pipelines = {15: [{"id": 300, "sha": head, "status": "failed"}]}
    fake.jobs = {300: [{"id": 901, "name": "voorbeeld", "status": "success"}, {"id": 902, "name": "gegevens", "status": "failed"}]}
    foreign = {"id": 1, "body": f"{MARKER}\nnagemaakt", "author": {"id": 1}}
    fake.threads[15] = [foreign] + [{"id": 2 + i, "body": "gewone reactie", "author": {"id": BOT_ID}} for i in range(150)]  # two pages
    env = _gitlab_env(fake)
    assert main(["gitlab", "--root", str(clone)], env) == 0
    ours = [c for c in fake.threads[15] if MARKER in c["body"] and c is not foreign]
    assert fake.posts == 1 and len(ours) == 1
    body = ours[0]["body"]
    assert body.startswith(f"{MARKER}\n<!-- dossier: versie {head} -->\n## Wijzigingen in de gegevens")
    assert "https://cruciale-ggz.gitlab.io/-/dossier/-/jobs/901/artifacts/voorbeeld/regios/utrecht/2026/index.html" in body
    assert re.search(r"\| 61 \| 610 \|", body)
    assert main(["gitlab", "--root", str(clone)], env) == 0  # the next round: the comment already describes this version
    assert fake.posts == 1 and fake.edits == [] and foreign["body"] == f"{MARKER}\nnagemaakt"
    _untouched(clone)


def test_gitlab_waits_for_a_running_pipeline_and_for_a_push_origin_does_not_hold_yet(fake: Any, origin: tuple[Path, Path, str]) -> None:
    clone, _, head = origin
    fake.requests = [{"iid": 15, "sha": head}]
    fake.pipelines = {15: [{"id": 300, "sha": head, "status": "running"}]}
    env = _gitlab_env(fake, CI_PAGES_URL="https://cruciale-ggz.gitlab.io/dossier")
    assert main(["gitlab", "--root", str(clone)], env) == 0 and fake.posts == 0
    fake.pipelines = {15: [{"id": 300, "sha": head, "status": "success"}]}
    fake.jobs = {300: [{"id": 905, "name": "voorbeeld-pages", "status": "success"}]}
    assert main(["gitlab", "--root", str(clone)], env) == 0 and fake.posts == 1
    assert "https://cruciale-ggz.gitlab.io/dossier/mr-15/regios/utrecht/" in fake.threads[15][0]["body"]
    fake.requests = [{"iid": 15, "sha": "0" * 40}]  # the host already names a newer push that origin does not hold yet
    fake.pipelines = {15: [{"id": 301, "sha": "0" * 40, "status": "success"}]}
    assert main(["gitlab", "--root", str(clone)], env) == 0 and fake.edits == []
    _untouched(clone)


def test_gitlab_without_the_protected_variable_nothing_is_posted(fake: Any, origin: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    env = {k: v for k, v in _gitlab_env(fake).items() if k != "DOSSIER_GITLAB_TOKEN"}
    assert main(["gitlab", "--root", str(origin[0])], env) == 0
    assert "geen DOSSIER_GITLAB_TOKEN (beschermde variabele)" in capsys.readouterr().err and fake.asked == []


def test_a_refused_token_fails_the_job_in_dutch(fake: Any, origin: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    env = {**_gitlab_env(fake), "DOSSIER_GITLAB_TOKEN": "verkeerd"}
    assert main(["gitlab", "--root", str(origin[0])], env) == 1
    err = capsys.readouterr().err
    assert "niet geplaatst" in err and "401 Unauthorized" in err and fake.threads == {}


def test_an_unreachable_host_fails_the_job(origin: tuple[Path, Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    env = {"CI_API_V4_URL": "http://127.0.0.1:9/api/v4", "CI_PROJECT_ID": "7", "CI_DEFAULT_BRANCH": "main", "DOSSIER_GITLAB_TOKEN": GITLAB_TOKEN}
    assert main(["gitlab", "--root", str(origin[0])], env) == 1
    assert "niet bereikbaar" in capsys.readouterr().err


def test_github_the_workflow_run_comments_on_its_pull_request_with_the_download(fake: Any, origin: tuple[Path, Path, str], tmp_path: Path) -> None:
    clone, _, head = origin
    fake.requests = [{"number": 2, "head": {"sha": "f" * 40}}, {"number": 3, "head": {"sha": head}}]
    fake.artifacts = {77: [{"id": 12, "name": "voorbeeld", "expired": False}]}
    env = _github_env(fake, tmp_path, head)
    assert main(["github", "--root", str(clone)], env) == 0
    (comment,) = fake.threads[3]
    url = "https://github.com/o/r/actions/runs/77/artifacts/12"
    assert comment["body"].startswith(f"{MARKER}\n<!-- dossier: versie {head} -->\n**Voorbeeld van de site:** [downloaden]({url}) (zip-bestand")
    assert re.search(r"\| 61 \| 610 \|", comment["body"]) and 2 not in fake.threads
    assert main(["github", "--root", str(clone)], env) == 0
    assert fake.posts == 1 and fake.edits == [("PATCH", f"/repos/o/r/issues/comments/{comment['id']}")]
    _untouched(clone)


def test_github_a_run_of_a_push_or_an_unknown_commit_posts_nothing(fake: Any, origin: tuple[Path, Path, str], tmp_path: Path) -> None:
    clone, _, head = origin
    assert main(["github", "--root", str(clone)], _github_env(fake, tmp_path, head, event="push")) == 0
    fake.requests = [{"number": 3, "head": {"sha": "e" * 40}}]
    assert main(["github", "--root", str(clone)], _github_env(fake, tmp_path, head)) == 0
    assert fake.posts == 0


def test_someone_elses_comment_with_the_marker_is_never_edited(fake: Any) -> None:
    fake.author = {"user": {"login": GITHUB_BOT}}
    fake.threads[3] = [{"id": 1, "body": f"{MARKER}\nnagemaakt", "user": {"login": "iemand"}}]
    host = github_host(f"http://127.0.0.1:{fake.server_port}", "o/r", 3, github_headers(GITHUB_TOKEN))
    assert post(host, f"{MARKER}\n## Eerste\n") == "reactie 1000 geplaatst"
    assert post(host, f"{MARKER}\n## Tweede\n") == "reactie 1000 bijgewerkt"
    assert [c["body"] for c in fake.threads[3]] == [f"{MARKER}\nnagemaakt", f"{MARKER}\n## Tweede\n"]


def test_a_long_summary_keeps_the_overview_and_drops_the_per_file_list() -> None:
    summary = "## Wijzigingen\n\n### Regio's en jaren\n\nUtrecht\n\n" + CUT_AT + "\n\n" + "| rij |\n" * 20_000
    body = comment_body(summary, 65_536)
    assert len(body) <= 65_536 and body.startswith(MARKER) and "Utrecht" in body and CUT_AT not in body and body.rstrip().endswith(CUT_NOTE)
    assert comment_body("kort", 65_536) == f"{MARKER}\nkort\n"
    assert len(comment_body("x" * 100_000, 65_536)) == 65_536

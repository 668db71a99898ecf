"""The review comment (build_scripts/review_comment.py) against a fake GitLab and GitHub on 127.0.0.1.

The fake keeps comments like the hosts do, pages lists by ``per_page``/``page`` and checks the
token header, so the test sees what the real API would: one comment, edited on each push.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from build_scripts.review_comment import CUT_AT, CUT_NOTE, GITHUB_BOT, MARKER, comment_body, main

GITLAB_TOKEN, GITHUB_TOKEN = "glpat-test", "ghs-test"
BOT_ID = 4242


class FakeHost(BaseHTTPRequestHandler):
    """GitLab notes (``/api/v4/…``) and GitHub issue comments (``/repos/…``) held in ``server.comments``."""

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

    def do_GET(self) -> None:
        if not self._authorised():
            return
        url = urlsplit(self.path)
        if url.path == "/api/v4/user":
            return self._reply(200, {"id": BOT_ID, "username": "project_7_bot"})
        query = parse_qs(url.query)
        size, page = int(query["per_page"][0]), int(query["page"][0])
        self._reply(200, self.server.comments[(page - 1) * size : page * size])

    def _body(self) -> str:
        return json.loads(self.rfile.read(int(self.headers["Content-Length"])))["body"]

    def do_POST(self) -> None:
        if not self._authorised():
            return
        self.server.posts += 1
        comment = {"id": 1000 + len(self.server.comments), "body": self._body(), **self.server.author}
        self.server.comments.append(comment)
        self._reply(201, comment)

    def do_PUT(self) -> None:
        self._edit()

    def do_PATCH(self) -> None:
        self._edit()

    def _edit(self) -> None:
        if not self._authorised():
            return
        number = int(re.search(r"/(\d+)$", self.path).group(1))
        (comment,) = [c for c in self.server.comments if c["id"] == number]
        comment["body"] = self._body()
        self.server.edits.append((self.command, self.path))
        self._reply(200, comment)


@pytest.fixture
def fake() -> Iterator[Any]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeHost)
    server.comments, server.posts, server.edits = [], 0, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _gitlab_env(server: Any) -> dict[str, str]:
    server.author = {"author": {"id": BOT_ID}, "system": False}
    return {
        "GITLAB_CI": "true", "CI_API_V4_URL": f"http://127.0.0.1:{server.server_port}/api/v4", "CI_PROJECT_ID": "7",
        "CI_MERGE_REQUEST_IID": "15", "DOSSIER_GITLAB_TOKEN": GITLAB_TOKEN,
    }


def _github_env(server: Any, tmp_path: Path) -> dict[str, str]:
    server.author = {"user": {"login": GITHUB_BOT, "type": "Bot"}}
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 3}}), encoding="utf-8")
    return {
        "GITHUB_ACTIONS": "true", "GITHUB_API_URL": f"http://127.0.0.1:{server.server_port}", "GITHUB_REPOSITORY": "o/r",
        "GITHUB_EVENT_PATH": str(event), "GITHUB_TOKEN": GITHUB_TOKEN,
    }


def _summary(tmp_path: Path, text: str) -> str:
    path = tmp_path / "wijzigingen.md"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("host", ["gitlab", "github"])
def test_one_comment_edited_on_every_push(fake: Any, tmp_path: Path, host: str) -> None:
    env = _gitlab_env(fake) if host == "gitlab" else _github_env(fake, tmp_path)
    foreign = {"id": 1, "body": f"{MARKER}\nnagemaakt", **({"author": {"id": 1}} if host == "gitlab" else {"user": {"login": "iemand"}})}
    fake.comments += [foreign] + [{"id": 2 + i, "body": "gewone reactie", **fake.author} for i in range(150)]  # two pages
    assert main([_summary(tmp_path, "## Eerste push\n")], env) == 0
    assert main([_summary(tmp_path, "## Tweede push\n")], env) == 0
    assert main([_summary(tmp_path, "## Derde push\n")], env) == 0
    ours = [c for c in fake.comments if MARKER in c["body"] and c is not foreign]
    assert fake.posts == 1 and len(ours) == 1 and ours[0]["body"] == f"{MARKER}\n## Derde push\n"
    method = "PUT" if host == "gitlab" else "PATCH"
    path = f"/api/v4/projects/7/merge_requests/15/notes/{ours[0]['id']}" if host == "gitlab" else f"/repos/o/r/issues/comments/{ours[0]['id']}"
    assert fake.edits == [(method, path)] * 2
    assert foreign["body"] == f"{MARKER}\nnagemaakt"  # someone else's comment with the marker is left alone


def test_without_a_token_the_summary_stays_in_the_job(fake: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = {k: v for k, v in _gitlab_env(fake).items() if k != "DOSSIER_GITLAB_TOKEN"}
    assert main([_summary(tmp_path, "x")], env) == 0
    assert "geen token" in capsys.readouterr().err and fake.comments == []


def test_a_refused_token_fails_the_step_in_dutch(fake: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = {**_gitlab_env(fake), "DOSSIER_GITLAB_TOKEN": "verkeerd"}
    assert main([_summary(tmp_path, "x")], env) == 1
    err = capsys.readouterr().err
    assert "niet geplaatst" in err and "401 Unauthorized" in err and fake.comments == []


def test_an_unreachable_host_fails_the_step(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env = {"GITLAB_CI": "true", "CI_API_V4_URL": "http://127.0.0.1:9/api/v4", "CI_PROJECT_ID": "7", "CI_MERGE_REQUEST_IID": "1",
           "DOSSIER_GITLAB_TOKEN": GITLAB_TOKEN}
    assert main([_summary(tmp_path, "x")], env) == 1
    assert "niet bereikbaar" in capsys.readouterr().err


def test_a_long_summary_keeps_the_overview_and_drops_the_per_file_list() -> None:
    summary = "## Wijzigingen\n\n### Regio's en jaren\n\nUtrecht\n\n" + CUT_AT + "\n\n" + "| rij |\n" * 20_000
    body = comment_body(summary, 65_536)
    assert len(body) <= 65_536 and body.startswith(MARKER) and "Utrecht" in body and CUT_AT not in body and body.rstrip().endswith(CUT_NOTE)
    assert comment_body("kort", 65_536) == f"{MARKER}\nkort\n"
    assert len(comment_body("x" * 100_000, 65_536)) == 65_536


def test_github_comment_carries_the_preview_download(fake: Any, tmp_path: Path) -> None:
    env = _github_env(fake, tmp_path)
    url = "https://github.com/o/r/actions/runs/1/artifacts/2"
    assert main([_summary(tmp_path, "## Wijzigingen\n"), "--voorbeeld", url], env) == 0
    assert main([_summary(tmp_path, "## Wijzigingen\n"), "--voorbeeld", "javascript:x"], env) == 0  # not an address: left out
    (body,) = [c["body"] for c in fake.comments]
    assert body == f"{MARKER}\n## Wijzigingen\n" and fake.edits
    fake.comments.clear()
    assert main([_summary(tmp_path, "## Wijzigingen\n"), "--voorbeeld", url], env) == 0
    assert fake.comments[0]["body"].startswith(f"{MARKER}\n**Voorbeeld van de site:** [downloaden]({url}) (zip-bestand")

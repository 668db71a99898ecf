"""Every page of both engines' sites carries the Content-Security-Policy before anything it governs, and needs nothing it forbids.

The policy (``build_scripts/render/csp.py``) allows scripts from the site only, so no page may hold
an inline script (a JSON data block such as Material's ``__config`` is not run, so it may), an
event-handler attribute or a ``javascript:`` address, and nothing may be loaded from another host.
The invulhulp's form has its own policy: the site's, plus the configured code host's API.
tests/browser/test_security.py shows the same in Chromium, with no violation reported.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from built_site import ENGINES, BuiltSite, build_once

from build_scripts.engines.mkdocs_config import read_site_config
from build_scripts.render.context import RepositorySettings
from build_scripts.render.csp import LOCAL_BACKEND, SITE_POLICY, form_policy
from build_scripts.render.invulhulp import repository_backend
from conftest import REPO

FORM_PAGE = "invulhulp/formulier/index.html"
_LOADS = ("script", "img", "iframe", "embed", "object", "source", "audio", "video")  # elements that fetch their src
_LINKS_THAT_LOAD = ("stylesheet", "preload", "modulepreload", "icon", "preconnect")


class _Head(HTMLParser):
    """What the CSP governs, in document order, and what it would refuse."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.order: list[str] = []  # "csp", "script", "style", "link"
        self.policies: list[str] = []
        self.refused: list[str] = []
        self._in_script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.order.append("csp")
            self.policies.append(a.get("content", ""))
        elif tag in ("script", "style") or (tag == "link" and a.get("rel") == "stylesheet"):
            self.order.append(tag)
        if tag == "script":
            inline = "src" not in a and a.get("type") not in ("application/json", "application/ld+json")
            self._in_script = "inline" if inline else None
        for name, value in a.items():
            if name.startswith("on"):
                self.refused.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                self.refused.append(f"<{tag} {name}={value[:30]}>")
            if name in ("src", "href") and tag in _LOADS and re.match(r"(https?:)?//", value):
                self.refused.append(f"<{tag} {name}={value}>")
            if tag == "link" and a.get("rel") in _LINKS_THAT_LOAD and re.match(r"(https?:)?//", a.get("href", "")):
                self.refused.append(f"<link rel={a.get('rel')} href={a.get('href')}>")

    def handle_data(self, data: str) -> None:
        if self._in_script == "inline" and data.strip():
            self.refused.append(f"inline <script>{data.strip()[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def read(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module", params=ENGINES)
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_once(tmp_path_factory, request.param)


def test_every_page_has_the_policy_first_and_needs_nothing_it_forbids(built_site: BuiltSite) -> None:
    pages = sorted(built_site.root.rglob("*.html"))
    assert len(pages) > 50
    problems = []
    for path in pages:
        rel = path.relative_to(built_site.root).as_posix()
        head = read(path)
        expected = form_policy(repository_backend(_repository()).origins) if rel == FORM_PAGE else SITE_POLICY
        if head.policies != [expected]:
            problems.append(f"{rel}: {len(head.policies)} policies, not the expected one")
        elif head.order[0] != "csp":
            problems.append(f"{rel}: {head.order[0]} before the policy")
        problems += [f"{rel}: {item}" for item in head.refused]
    assert problems == [], f"{built_site.engine}: " + "\n".join(problems[:20])


def _repository() -> RepositorySettings:
    """The repository settings of the repository's mkdocs.yml, as the build reads them."""
    return read_site_config(REPO).repository


@pytest.mark.parametrize(
    ("repository", "host"),
    [
        (RepositorySettings("https://gitlab.com/cruciale-ggz/dossier", {"app_id": "a1"}), "https://gitlab.com"),
        (RepositorySettings("https://git.example.nl/ggz/dossier", {"backend": "gitlab"}), "https://git.example.nl"),
        (RepositorySettings("https://github.com/cruciale-ggz/dossier", {"oauth_proxy": "https://auth.example.nl"}), "https://api.github.com"),
        (RepositorySettings("https://github.example.nl/ggz/dossier", {"backend": "github"}), "https://github.example.nl"),
    ],
)
def test_the_form_may_connect_to_its_code_host_and_nowhere_else(repository: RepositorySettings, host: str) -> None:
    directives = dict(d.split(" ", 1) for d in form_policy(repository_backend(repository).origins).split("; "))
    assert directives["connect-src"] == f"'self' {host} {LOCAL_BACKEND}"
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval' 'unsafe-eval'" and directives["default-src"] == "'self'"
    assert re.findall(r"https?://[^\s;]+", form_policy(repository_backend(repository).origins)) == [host, host, LOCAL_BACKEND]


def test_without_a_repository_the_form_connects_only_to_the_site() -> None:
    directives = dict(d.split(" ", 1) for d in form_policy(repository_backend(RepositorySettings(None)).origins).split("; "))
    assert directives["connect-src"] == f"'self' {LOCAL_BACKEND}"

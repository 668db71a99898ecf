"""Fixtures for the browser tests: the built site served on 127.0.0.1, and headless Chromium.

Chromium is Debian's (``apt-get install chromium``), driven by Playwright's Python package, which
ships its own driver: nothing is downloaded at test time. Without Chromium the tests skip on a
developer's machine, but fail in CI (``CI=true``), where ``tests/run.sh`` must have installed it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from built_site import ENGINES, BuiltSite, build_once

from build_scripts.engines.pdf import CHROMIUM_ARGS, PdfError, find_chromium, serve

MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (in CI moet tests/run.sh dit installeren)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session", params=ENGINES)
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site built by each engine in turn: every browser check runs on both."""
    return build_once(tmp_path_factory, request.param)


@pytest.fixture(scope="session")
def base_url(built_site: BuiltSite) -> Iterator[str]:
    with serve(built_site.root) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        executable = find_chromium()
    except PdfError as exc:
        _unavailable(str(exc))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright ontbreekt: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A page opened in the browser, with everything that went wrong while it loaded."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.console_errors + self.failed_requests


@pytest.fixture
def open_page(browser: Any, base_url: str) -> Iterator[Any]:
    """``open_page(path, viewport=, color_scheme=, settle=)`` loads a site page in a fresh context and records errors."""
    contexts: list[Any] = []

    def _open(path: str, viewport: dict[str, int] = DESKTOP, color_scheme: str = "light", settle: bool = False) -> Visit:
        context = browser.new_context(viewport=viewport, locale="nl-NL", service_workers="block", color_scheme=color_scheme)
        contexts.append(context)
        # Tests never leave this machine: calls to other hosts (Material's repository widget asks
        # GitLab for its star count) are cut off, and their failure is not the page's fault.
        context.route(lambda url: not url.startswith(base_url), lambda route: route.abort())
        page = context.new_page()
        page.set_default_timeout(10_000)
        visit = Visit(page)

        def on_console(msg: Any) -> None:
            if msg.type == "error" and (msg.location or {}).get("url", base_url).startswith(base_url):
                visit.console_errors.append(f"console: {msg.text} ({msg.location.get('url')})")

        page.on("console", on_console)
        page.on("pageerror", lambda exc: visit.console_errors.append(f"script: {exc}"))
        # net::ERR_ABORTED is the browser cancelling a request of a page it leaves (the favicon while the search opens /zoeken/):
        # not the site's fault. A file that is missing answers HTTP 404, which the response handler below records.
        page.on(
            "requestfailed",
            lambda req: visit.failed_requests.append(f"{req.url}: {req.failure}")
            if req.url.startswith(base_url) and req.failure != "net::ERR_ABORTED" else None,
        )
        page.on("response", lambda resp: visit.failed_requests.append(f"{resp.url}: HTTP {resp.status}") if resp.status >= 400 else None)
        response = page.goto(base_url + path, wait_until="load")
        assert response is not None and response.status == 200, f"/{path} gaf HTTP {response.status if response else 'geen antwoord'}"
        if settle:  # wait for late requests too (search index, fonts): slower, so only where errors are counted
            page.wait_for_load_state("networkidle")
        return visit

    yield _open
    for context in contexts:
        context.close()

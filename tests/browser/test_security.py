"""No page sends its reader to another host, and every page runs under its Content-Security-Policy without a violation.

Both engines' sites, every key page (``PAGES``), the 404 page and the invulhulp's form (started
without an account, which loads all of Decap): every request the browser makes is recorded and
must stay on the site (before, the theme's repository widget asked the code host's API for star
and fork counts from every page); the page must carry the policy of ``build_scripts/render/csp.py``
and report no ``securitypolicyviolation`` and no CSP message in the console, also while a reader
searches and switches the colour scheme (the theme's scripts that used to be inline).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from built_site import PAGES, BuiltSite

from build_scripts.render.csp import SITE_POLICY

from .conftest import DESKTOP

pytestmark = pytest.mark.browser
LISTEN = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`), true);"""
FORM = "invulhulp/formulier/?bestand={regio}-{jaar}&zonder-account"


@dataclass
class Watched:
    """A page, every request it made to another host, and every CSP complaint."""

    page: Any
    base: str
    elsewhere: list[str] = field(default_factory=list)
    complaints: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        return self.complaints + self.page.evaluate("window.__violations")

    def policy(self) -> str | None:
        meta = self.page.locator('meta[http-equiv="Content-Security-Policy"]')
        return meta.get_attribute("content") if meta.count() == 1 else f"{meta.count()} policies"


@pytest.fixture
def watch(browser: Any, base_url: str) -> Iterator[Any]:
    contexts: list[Any] = []

    def _open(path: str) -> Watched:
        context = browser.new_context(viewport=DESKTOP, locale="nl-NL", service_workers="block")
        contexts.append(context)
        watched = Watched(context.new_page(), base_url)
        context.on("request", lambda r: None if r.url.startswith((base_url, "data:", "blob:")) else watched.elsewhere.append(r.url))
        context.route(lambda url: not url.startswith(base_url), lambda route: route.abort())  # recorded above; never sent
        context.add_init_script(LISTEN)
        watched.page.on("console", lambda m: watched.complaints.append(m.text) if "Content Security Policy" in m.text else None)
        watched.page.on("pageerror", lambda e: watched.complaints.append(str(e)) if "Content Security Policy" in str(e) else None)
        watched.page.set_default_timeout(20_000)
        watched.page.goto(base_url + path, wait_until="load")
        return watched

    yield _open
    for context in contexts:
        context.close()


@pytest.mark.parametrize("name", [*PAGES, "404"])
def test_a_page_asks_nothing_of_another_host_and_keeps_to_its_policy(name: str, built_site: BuiltSite, watch: Any) -> None:
    watched = watch("404.html" if name == "404" else built_site.url(name))
    watched.page.wait_for_load_state("networkidle")
    assert watched.policy() == SITE_POLICY
    assert watched.elsewhere == [], f"{built_site.engine} /{name}: verzoeken aan andere hosts"
    assert watched.violations() == []


def test_the_form_loads_decap_under_its_own_policy_and_asks_no_other_host(built_site: BuiltSite, watch: Any) -> None:
    watched = watch(FORM.format(regio=built_site.regio, jaar=built_site.jaar))
    watched.page.get_by_role("button", name="Beginnen zonder account").click()
    watched.page.get_by_role("heading", name="Bijlage 1").first.wait_for()
    watched.page.wait_for_load_state("networkidle")
    policy = watched.policy() or ""
    assert "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval';" in policy and "connect-src 'self' https://gitlab.com http://localhost:8081;" in policy
    assert watched.elsewhere == [] and watched.violations() == []
    assert watched.page.get_by_role("link", name="Media").count() == 0 and watched.page.get_by_role("button", name="Media").count() == 0


def test_searching_and_switching_the_colour_scheme_stay_within_the_policy(built_site: BuiltSite, watch: Any) -> None:
    """The theme's once-inline scripts, now files: the scope is the site's root and a chosen scheme survives a reload; search runs under it too."""
    watched = watch(built_site.url("regio-jaar"))
    page = watched.page
    assert page.evaluate("__md_scope.href") == watched.base
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("zorg")
    page.keyboard.press("Enter")  # the header's field opens /zoeken/, where Pagefind (WebAssembly) searches
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=30_000)
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    chosen = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.reload(wait_until="load")
    assert chosen != before and page.evaluate("document.body.getAttribute('data-md-color-scheme')") == chosen
    assert watched.elsewhere == [] and watched.violations() == []

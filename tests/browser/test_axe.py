"""axe-core in the browser, WCAG 2.1 A and AA rules: no serious or critical violation on any page.

Lesser findings (moderate, minor) are printed for the record, not failed on; rules that need a
person to decide ("incomplete") are printed as well. Each page gets all rules in the light
colour scheme and the contrast rule again in the dark one, the only rule the scheme changes.
The print edition repeats the other pages' content, so it is checked in the light scheme only.
Each page also gets all rules at 390 px: only there do tables scroll sideways inside their box
(scrollable-region-focusable), and the mobile layout shows other parts of Material's header.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from built_site import PAGES, BuiltSite, wait_until_ready
from tools import AXE_JS, need_tool

from .conftest import DESKTOP, MOBILE

pytestmark = pytest.mark.browser
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def run_axe(page: Any, contrast_only: bool = False) -> dict[str, Any]:
    """axe-core on the page as it is, its Content-Security-Policy on: axe is evaluated by the test
    (DevTools), not added as an inline ``<script>``, which the policy rightly refuses."""
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    only = {"type": "rule", "values": ["color-contrast"]} if contrast_only else {"type": "tag", "values": TAGS}
    return page.evaluate("only => axe.run(document, {runOnly: only, resultTypes: ['violations', 'incomplete']})", only)


def describe(violation: dict[str, Any]) -> str:
    targets = "; ".join(json.dumps(n["target"], ensure_ascii=False) for n in violation["nodes"][:4])
    return f"[{violation['impact']}] {violation['id']}: {violation['help']} ({len(violation['nodes'])}×: {targets})"


CASES = (
    [(name, "light", "desktop") for name in PAGES]
    + [(name, "dark", "desktop") for name in PAGES if name != "afdrukversie"]
    + [(name, "light", "390px") for name in PAGES]
)


@pytest.mark.parametrize(("name", "scheme", "width"), CASES)
def test_no_serious_accessibility_violations(name: str, scheme: str, width: str, built_site: BuiltSite, open_page: Any) -> None:
    need_tool(AXE_JS)
    page = open_page(built_site.url(name), viewport=MOBILE if width == "390px" else DESKTOP, color_scheme=scheme).page
    wait_until_ready(page, name)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")  # check hidden tables too
    results = run_axe(page, contrast_only=scheme == "dark")
    blocking = [describe(v) for v in results["violations"] if v["impact"] in BLOCKING]
    for v in results["violations"]:
        if v["impact"] not in BLOCKING:
            print(f"/{built_site.url(name)} ({scheme}, {width}) {describe(v)}")
    for v in results["incomplete"]:
        print(f"/{built_site.url(name)} ({scheme}, {width}) na te kijken: {v['id']} ({len(v['nodes'])}×)")
    assert blocking == [], f"/{built_site.url(name)} ({scheme}, {width}):\n" + "\n".join(blocking)


def test_a_dark_scheme_reader_prints_dark_text_on_white_paper(built_site: BuiltSite, open_page: Any) -> None:
    """The print stylesheet makes the paper white; in the dark scheme the text and links would stay pale (1.4:1)."""
    need_tool(AXE_JS)
    page = open_page(built_site.url("regio-jaar"), color_scheme="dark").page
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what a browser sends before printing
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    # no colour fades on paper (Zensical fades links over 125 ms): a printout, or this check, taken inside the fade saw pale links
    assert page.evaluate("[...document.querySelectorAll('.md-typeset a')].map(a => getComputedStyle(a).transitionDuration).filter(d => d !== '0s')") == []
    results = run_axe(page, contrast_only=True)
    assert [describe(v) for v in results["violations"]] == []
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "na het afdrukken weer de donkere weergave"

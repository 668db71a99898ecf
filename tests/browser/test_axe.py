"""axe-core in the browser, WCAG 2.1 A and AA rules: no serious or critical violation on any page.

Lesser findings (moderate, minor) are printed for the record, not failed on; rules that need a
person to decide ("incomplete") are printed as well. Each page gets all rules in the light
colour scheme and the contrast rule again in the dark one, the only rule the scheme changes.
The print edition repeats the other pages' content, so it is checked in the light scheme only.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from built_site import PAGES, BuiltSite
from tools import AXE_JS, need_tool

pytestmark = pytest.mark.browser
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def run_axe(page: Any, contrast_only: bool = False) -> dict[str, Any]:
    page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    only = {"type": "rule", "values": ["color-contrast"]} if contrast_only else {"type": "tag", "values": TAGS}
    return page.evaluate("only => axe.run(document, {runOnly: only, resultTypes: ['violations', 'incomplete']})", only)


def describe(violation: dict[str, Any]) -> str:
    targets = "; ".join(json.dumps(n["target"], ensure_ascii=False) for n in violation["nodes"][:4])
    return f"[{violation['impact']}] {violation['id']}: {violation['help']} ({len(violation['nodes'])}×: {targets})"


CASES = [(name, "light") for name in PAGES] + [(name, "dark") for name in PAGES if name != "afdrukversie"]


@pytest.mark.parametrize(("name", "scheme"), CASES)
def test_no_serious_accessibility_violations(name: str, scheme: str, built_site: BuiltSite, open_page: Any) -> None:
    need_tool(AXE_JS)
    page = open_page(built_site.url(name), color_scheme=scheme).page
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")  # check hidden tables too
    results = run_axe(page, contrast_only=scheme == "dark")
    blocking = [describe(v) for v in results["violations"] if v["impact"] in BLOCKING]
    for v in results["violations"]:
        if v["impact"] not in BLOCKING:
            print(f"/{built_site.url(name)} ({scheme}) {describe(v)}")
    for v in results["incomplete"]:
        print(f"/{built_site.url(name)} ({scheme}) na te kijken: {v['id']} ({len(v['nodes'])}×)")
    assert blocking == [], f"/{built_site.url(name)} ({scheme}):\n" + "\n".join(blocking)

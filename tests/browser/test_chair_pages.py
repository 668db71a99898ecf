"""The chair's pages on screen (issue 26): changes pages lead with a summary and stay short; headers break between words.

At 1280 × 900 and at 390 × 844: the national changes page shows the figures that moved most near
its top, a region's changes page opens with its summary and folds the rest (it was 19,000 px
tall at 1280 px), and no table header word is split by automatic hyphenation.
"""

from __future__ import annotations

from typing import Any

import pytest
from built_site import BuiltSite
from tools import AXE_JS, need_tool

from .conftest import DESKTOP, MOBILE
from .test_axe import BLOCKING, describe, run_axe

pytestmark = pytest.mark.browser
VIEWPORTS = {"1280": DESKTOP, "390": MOBILE}

# Words of a header that the browser set on more than one line, except right after a hyphen of the word itself.
_SPLIT_HEADER_WORDS = """() => {
  const out = [];
  for (const th of document.querySelectorAll('.md-content table.dossier-tabel th')) {
    if (!th.offsetParent) continue;
    if (getComputedStyle(th).hyphens !== 'manual') out.push('hyphens ' + getComputedStyle(th).hyphens + ': ' + th.innerText.trim());
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const m of node.data.matchAll(/[^\\s-]+-?/g)) {  // a word up to and with its own hyphen: breaking after that is allowed
        const r = document.createRange(); r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
}"""


def _changes_pages(site: BuiltSite) -> dict[str, str]:
    return {"landelijk": f"landelijk/{site.jaar}/wijzigingen/", "regio": f"regios/{site.regio}/{site.jaar}/wijzigingen/"}


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("name", ["regio-overzicht", "regio-jaar", "landelijk", "wijzigingen-landelijk", "wijzigingen-regio"])
def test_headers_break_between_words(name: str, width: str, built_site: BuiltSite, open_page: Any) -> None:
    path = _changes_pages(built_site)[name.split("-")[1]] if name.startswith("wijzigingen") else built_site.url(name)
    found = open_page(path, viewport=VIEWPORTS[width]).page.evaluate(_SPLIT_HEADER_WORDS)
    assert found == [], f"/{path} at {width} px: {found[:8]}"


@pytest.mark.parametrize("width", VIEWPORTS)
def test_a_region_changes_page_opens_with_its_summary_and_folds_the_rest(width: str, built_site: BuiltSite, open_page: Any) -> None:
    page = open_page(_changes_pages(built_site)["regio"], viewport=VIEWPORTS[width]).page
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < (4_000 if width == "1280" else 6_000), f"{height} px"
    summary = page.locator("table", has_text="cijfers die het meest veranderden").first
    assert summary.is_visible() and summary.bounding_box()["y"] < 2_000
    folded = page.locator(".md-content details.wijzigingen-details:not([open])")
    assert folded.count() >= 6


@pytest.mark.parametrize("width", VIEWPORTS)
def test_the_national_changes_page_lists_the_figures_that_moved_most_first(width: str, built_site: BuiltSite, open_page: Any) -> None:
    page = open_page(_changes_pages(built_site)["landelijk"], viewport=VIEWPORTS[width]).page
    heading = page.locator("h2#cijfers")
    assert heading.is_visible() and heading.bounding_box()["y"] < (1_200 if width == "1280" else 2_200)
    rows = page.locator("table", has_text="het meest veranderden").first.locator("tbody tr")
    assert rows.count() == 10


@pytest.mark.parametrize("width", VIEWPORTS)
@pytest.mark.parametrize("which", ["landelijk", "regio"])
def test_the_changes_pages_pass_axe(which: str, width: str, built_site: BuiltSite, open_page: Any) -> None:
    need_tool(AXE_JS)
    page = open_page(_changes_pages(built_site)[which], viewport=VIEWPORTS[width]).page
    closed = run_axe(page)  # folded, as a reader first sees it; then unfolded, every table checked
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    opened = run_axe(page)
    blocking = [describe(v) for results in (closed, opened) for v in results["violations"] if v["impact"] in BLOCKING]
    assert blocking == [], "\n".join(blocking)

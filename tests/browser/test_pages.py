"""Every kind of page loads in a real browser without errors and fits a 390 px wide phone."""

from __future__ import annotations

from typing import Any

import pytest
from built_site import PAGES, BuiltSite, wait_until_ready

from .conftest import MOBILE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_without_errors(name: str, built_site: BuiltSite, open_page: Any) -> None:
    visit = open_page(built_site.url(name), settle=True)
    wait_until_ready(visit.page, name)
    assert visit.page.locator("h1").count() == 1, "elke pagina heeft precies één h1"
    assert visit.page.evaluate("document.documentElement.lang") == "nl"
    assert visit.problems() == [], "\n".join(visit.problems())


@pytest.mark.parametrize("name", list(PAGES))
def test_no_horizontal_scrolling_at_390px(name: str, built_site: BuiltSite, open_page: Any) -> None:
    visit = open_page(built_site.url(name), viewport=MOBILE)
    wait_until_ready(visit.page, name)
    too_wide = visit.page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const out = [...document.querySelectorAll('body *')].filter(el => {
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.right <= width + 1) return false;
            for (let p = el.parentElement; p; p = p.parentElement) {   // inside a scroll box is fine
              const s = getComputedStyle(p);
              if (p.scrollWidth > p.clientWidth && (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden')) return false;
            }
            return getComputedStyle(el).visibility !== 'hidden';
          });
          return {scroll: document.documentElement.scrollWidth, width,
                  culprits: out.slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''))};
        }"""
    )
    assert too_wide["scroll"] <= too_wide["width"], f"pagina is {too_wide['scroll']} px breed bij {too_wide['width']} px: {too_wide['culprits']}"


def test_print_stylesheet_hides_navigation_and_breaks_between_regions(built_site: BuiltSite, open_page: Any) -> None:
    visit = open_page(built_site.url("afdrukversie"))
    page = visit.page
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer', '.md-search'].map(s => "
        "[s, [...document.querySelectorAll(s)].every(el => getComputedStyle(el).display === 'none')])"
    )
    assert all(ok for _, ok in hidden), hidden
    breaks = page.evaluate("[...document.querySelectorAll('.print-deel')].map(h => [h.id, getComputedStyle(h).breakBefore])")
    regions = [b for i, b in breaks if i.startswith("regio-")]
    assert len(regions) >= 2 and set(regions[1:]) == {"page"}, breaks
    assert page.evaluate("getComputedStyle(document.getElementById('deel-regios')).breakBefore") == "page"
    link = page.locator("a[data-print-href]").first
    assert link.evaluate("a => getComputedStyle(a, '::after').content").startswith('" (http')
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset table thead')).display") == "table-header-group"


def test_print_edition_fits_the_paper(built_site: BuiltSite, open_page: Any) -> None:
    """Nothing is wider than A4 minus the margins: Chromium would shrink every page of the PDF to fit it."""
    printable = round((210 - 2 * 14) / 25.4 * 96)  # @page: A4, 14 mm left and right; CSS px
    page = open_page(built_site.url("afdrukversie"), viewport={"width": printable, "height": 1000}).page
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    page.emulate_media(media="print")
    too_wide = page.evaluate(
        """w => [...document.querySelectorAll('.md-content *')].filter(el => el.getBoundingClientRect().right > w + 1)
                .slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0]
                                 + ' ' + ((el.querySelector('caption') || {}).textContent || '').slice(0, 60))""",
        printable,
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= printable, too_wide

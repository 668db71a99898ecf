"""Navigation, search and the calendar's region filter work with the keyboard alone."""

from __future__ import annotations

import re
from typing import Any

import pytest
from built_site import BuiltSite

pytestmark = pytest.mark.browser
MAX_TABS = 80
_ACTIVE = "(() => { const e = document.activeElement; return [e.tagName, e.className || '', e.getAttribute('href') || '', (e.textContent || '').trim()] })()"


def tab_until(page: Any, wanted: Any, what: str) -> int:
    """Press Tab until ``wanted(active element info)`` holds; fail after MAX_TABS presses."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if wanted(page.evaluate(_ACTIVE)):
            return presses
    pytest.fail(f"{what} niet bereikt met {MAX_TABS}× Tab")


def test_first_tab_reaches_the_skip_link_which_jumps_to_the_content(built_site: BuiltSite, open_page: Any) -> None:
    """Material points the skip link at the h1; Zensical at an anchor just above it in the article."""
    page = open_page(built_site.url("regio-jaar")).page
    page.keyboard.press("Tab")
    tag, cls, href, text = page.evaluate(_ACTIVE)
    assert (tag, "md-skip" in cls, text) == ("A", True, "Ga naar inhoud")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == href
    target = page.locator(f"[id='{href[1:]}']")
    assert target.evaluate("t => t.closest('article.md-content__inner') !== null"), "het doel ligt in de inhoud"
    before_h1 = "t => t.tagName === 'H1' || !!(t.compareDocumentPosition(t.closest('article').querySelector('h1')) & Node.DOCUMENT_POSITION_FOLLOWING)"
    assert target.evaluate(before_h1), "het doel is de h1 of ligt erboven"
    assert page.locator("article h1").evaluate("h => h.getBoundingClientRect().top < window.innerHeight")


def test_main_navigation_by_keyboard(built_site: BuiltSite, open_page: Any) -> None:
    page = open_page(built_site.url("home")).page
    tab_until(page, lambda a: "md-tabs__link" in a[1] and a[3] == "Regio's", "het tabblad Regio's")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/regios/$"))
    assert page.locator("h1").inner_text().startswith("Regio's")
    tab_until(page, lambda a: a[0] == "A" and a[2].startswith(f"{built_site.regio}/"), "de link naar een regio in de tabel")
    naam = page.evaluate("document.activeElement.textContent").strip()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/regios/{built_site.regio}/(\d{{4}}/)?$"))
    assert page.locator("h1").inner_text().startswith(naam)


SEARCH_HOTKEYS = {"mkdocs": ("/", "s"), "zensical": ("/",)}  # Zensical has no "s"; it adds Ctrl+K
# The search field in focus, looking into Zensical's search dialog (a shadow root); the result a
# field points at with aria-activedescendant (Zensical) counts as the selected one.
_SEARCH_FOCUS = """(() => {
  let e = document.activeElement;
  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
  const chosen = e && e.getAttribute('aria-activedescendant');
  if (chosen) e = e.getRootNode().getElementById(chosen);
  return e ? [e.tagName, e.getAttribute('type') || '', e.getAttribute('href') || ''] : null;
})()"""


def test_search_by_keyboard(built_site: BuiltSite, open_page: Any) -> None:
    for hotkey in SEARCH_HOTKEYS[built_site.engine]:
        page = open_page(built_site.url("regio-overzicht")).page
        naam = page.locator(f"table a[href^='{built_site.regio}/']").first.inner_text()
        page.keyboard.press(hotkey)
        assert page.evaluate(_SEARCH_FOCUS)[:2] == ["INPUT", "text"], f"de sneltoets {hotkey} zet de focus in het zoekveld"
        page.keyboard.type(naam)
        results = page.locator("a[href*='?h=']")  # search.highlight: every result carries the query
        results.first.wait_for()
        assert naam in " ".join(results.all_inner_texts())
        page.keyboard.press("ArrowDown")
        tag, _, href = page.evaluate(_SEARCH_FOCUS)
        assert tag == "A" and "?h=" in href, "pijl omlaag kiest een zoekresultaat"
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url, href=href: url.split("?")[0].split("#")[0] == href.split("?")[0].split("#")[0])
        assert naam in page.locator("h1").inner_text()


def test_calendar_region_filter_by_keyboard(built_site: BuiltSite, open_page: Any) -> None:
    page = open_page(built_site.url("jaaragenda")).page
    select = page.get_by_label("Toon bijeenkomsten van")
    assert select.evaluate("e => e.tagName") == "SELECT"
    rows = page.locator("tr.agenda-bijeenkomst")
    total = rows.count()
    regions = set(rows.evaluate_all("rs => rs.map(r => r.dataset.regio)"))
    assert total > 0 and len(regions) >= 2, "de voorbeeldagenda heeft bijeenkomsten van meer dan één regio"
    tab_until(page, lambda a: a[0] == "SELECT", "het regiofilter")
    page.keyboard.press("ArrowDown")
    chosen = select.input_value()
    assert chosen in regions
    shown = page.locator("tr.agenda-bijeenkomst:not([hidden])")
    assert 0 < shown.count() < total
    assert set(shown.evaluate_all("rs => rs.map(r => r.dataset.regio)")) == {chosen}
    assert f"{shown.count()} bijeenkomst" in page.locator(".agenda-telling").inner_text()
    assert page.locator(".agenda-telling").get_attribute("aria-live") == "polite"
    page.keyboard.press("Home")
    assert select.input_value() == "" and page.locator("tr.agenda-bijeenkomst:not([hidden])").count() == total

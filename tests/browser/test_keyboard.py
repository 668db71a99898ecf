"""Navigation, search and the calendar's region filter work with the keyboard alone."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from built_site import BuiltSite

from .test_search import found_pages

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


SEARCH_HOTKEYS = ("/", "s")  # as Material's own search had them; the same on every engine (content/assets/zoeken.js)


def test_search_by_keyboard(built_site: BuiltSite, open_page: Any) -> None:
    """A hotkey puts the focus in the header's search field; Enter shows the results; Tab reaches them; Enter opens one."""
    for hotkey in SEARCH_HOTKEYS:
        page = open_page(built_site.url("regio-overzicht")).page
        naam = page.locator(f"table a[href^='{built_site.regio}/']").first.inner_text()
        page.keyboard.press(hotkey)
        assert page.evaluate("[document.activeElement.tagName, document.activeElement.type]") == ["INPUT", "search"], (
            f"de sneltoets {hotkey} zet de focus in het zoekveld"
        )
        page.keyboard.type(naam)
        page.keyboard.press("Enter")
        found_pages(page)  # every result shown has loaded
        assert naam in " ".join(page.locator(".pagefind-ui__result-link").all_inner_texts())
        tab_until(page, lambda a: a[0] == "A" and "pagefind-ui__result-link" in a[1], "een zoekresultaat")
        target = urlsplit(page.evaluate("document.activeElement.href")).path
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url, target=target: urlsplit(url).path == target)
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

"""Search works on every engine's site, the same Dutch search: a word from a region page finds that page.

The search is Pagefind (engines/search_index.py): the header's field opens /zoeken/ with the
words typed, and Pagefind's interface there fetches only the index chunks that query needs,
from the site itself. The word is taken from the page: among the page's words, the one on the
fewest other pages, so the page must be among the first results.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from built_site import BuiltSite
from site_parity import article_text

from build_scripts.engines.pdf import serve
from build_scripts.engines.search_index import index_site
from conftest import REPO

pytestmark = pytest.mark.browser
_WORD = re.compile(r"\b[a-zà-ÿ]{8,}\b")
RESULT = ".pagefind-ui__result-link"


def rare_word(built_site: BuiltSite, page: str) -> str:
    """The page's word (lower case letters, eight or more) that the fewest other pages of the site contain."""
    words = set(_WORD.findall(article_text((built_site.root / page / "index.html").read_text(encoding="utf-8"))))
    seen: Counter[str] = Counter()
    for html_file in built_site.root.rglob("*.html"):
        seen.update(words & set(_WORD.findall(article_text(html_file.read_text(encoding="utf-8")).lower())))
    assert words, f"geen woorden op /{page}"
    return min(sorted(words), key=lambda word: seen[word])


LOADED = """() => {
  const shown = document.querySelectorAll('.pagefind-ui__result').length;
  return shown > 0 && document.querySelectorAll('.pagefind-ui__result-inner > .pagefind-ui__result-title > a').length === shown;
}"""
"""Every result shown has its link: a result is an empty placeholder until its fragment has loaded."""


def found_pages(page: Any) -> set[str]:
    """The site paths of the results on the search page, once every result shown has loaded."""
    page.wait_for_function(LOADED, timeout=30_000)
    return {urlsplit(href).path for href in page.locator(RESULT).evaluate_all("links => links.map(a => a.href)")}


def test_a_word_from_a_region_page_finds_that_page(built_site: BuiltSite, open_page: Any) -> None:
    page_path = built_site.url("regio-jaar")
    word = rare_word(built_site, page_path)
    visit = open_page(built_site.url("home"))
    page = visit.page
    page.keyboard.press("/")
    page.keyboard.type(word)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q="))
    found = found_pages(page)
    assert f"/{page_path}" in found, f"zoeken op {word!r} ({built_site.engine}) vond {sorted(found)[:8]}"
    assert visit.problems() == [], visit.problems()


def test_dutch_stemming_finds_the_other_form_of_a_word(built_site: BuiltSite, open_page: Any) -> None:
    """``wachtlijsten`` finds a page that only says ``wachtlijst`` (Pagefind's Dutch stemmer; Zensical's own search had none)."""
    only_singular = [
        p.relative_to(built_site.root).parent.as_posix() + "/" for p in sorted(built_site.root.rglob("index.html"))
        if "data-pagefind-body" in (text := p.read_text(encoding="utf-8"))
        and re.search(r"\bwachtlijst\b", article_text(text).lower()) and not re.search(r"\bwachtlijsten\b", article_text(text).lower())
    ]
    assert only_singular, "de voorbeeldgegevens hebben een pagina met alleen 'wachtlijst'"
    page = open_page("zoeken/?q=wachtlijsten").page
    message = page.locator(".pagefind-ui__message").filter(has_text="gevonden")
    message.wait_for(timeout=30_000)
    total = int(message.inner_text().split()[0])
    while (shown := page.locator(".pagefind-ui__result").count()) < total:  # "Meer resultaten" until every result is shown
        page.locator(".pagefind-ui__button").click()
        page.wait_for_function("n => document.querySelectorAll('.pagefind-ui__result').length > n", arg=shown)
    assert set(only_singular) and {f"/{url}" for url in only_singular} <= found_pages(page)


def test_the_search_page_speaks_dutch_and_asks_only_the_site_itself(built_site: BuiltSite, open_page: Any, base_url: str) -> None:
    visit = open_page("zoeken/?q=heidag")
    page, requests = visit.page, []
    page.on("request", lambda request: requests.append(request.url))
    page.reload()
    field = page.get_by_role("textbox", name="Zoek in het dossier")
    assert field.input_value() == "heidag" and field.get_attribute("placeholder") == "Zoek in het dossier"
    page.locator(".pagefind-ui__message").filter(has_text="gevonden voor heidag").wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Wissen").count() == 1
    assert any("/pagefind/" in url and url.endswith(".pf_fragment") for url in requests), "resultaten komen uit de eigen zoekindex"
    elsewhere = [url for url in requests if not url.startswith(base_url)]
    assert elsewhere == [], "de zoekfunctie vraagt niets aan een andere partij"
    assert page.locator("#dossier-zoekterm").count() == 0, "de zoekpagina heeft één zoekveld"


def test_an_empty_header_search_opens_the_search_page_ready_to_type(built_site: BuiltSite, open_page: Any) -> None:
    """On a phone the header shows only the magnifier: it opens the search page, with the focus in its field."""
    page = open_page(built_site.url("regio-overzicht"), viewport={"width": 390, "height": 844}).page
    assert not page.locator("#dossier-zoekterm").is_visible()
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"/zoeken/(\?q=)?$"))
    page.get_by_role("textbox", name="Zoek in het dossier").wait_for()
    assert page.evaluate("document.activeElement.placeholder") == "Zoek in het dossier"


HOSTILE = '<img src=x onerror="window.geraakt=1">'


def test_free_text_in_a_result_is_shown_never_run(tmp_path: Path, browser: Any) -> None:
    """A region's free text reaches the index as text; in a result it stays text (Pagefind escapes its excerpts)."""
    site = tmp_path / "site"
    page_html = '<!doctype html><html lang="nl"><head><title>t</title></head><body>{}</body></html>'
    (site / "zoeken").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "index.html").write_text(page_html.format(f"<div data-pagefind-body><h1>{escape(HOSTILE)}</h1><p>Wachtlijst: {escape(HOSTILE)}</p></div>"))
    search_page = '<div id="dossier-zoeken" class="dossier-zoeken"></div><script src="../assets/zoeken.js"></script>'
    (site / "zoeken" / "index.html").write_text(page_html.format(search_page))
    shutil.copyfile(REPO / "content" / "assets" / "zoeken.js", site / "assets" / "zoeken.js")
    index_site(site)
    with serve(site) as base:
        page = browser.new_context(locale="nl-NL").new_page()
        page.goto(base + "zoeken/?q=wachtlijst")
        page.locator(RESULT).first.wait_for(timeout=30_000)
        page.wait_for_load_state("networkidle")
        assert HOSTILE in page.locator(".pagefind-ui__result-excerpt").first.inner_text()
        assert HOSTILE in page.locator(RESULT).first.inner_text()
        assert page.locator("#dossier-zoeken img").count() == 0 and page.evaluate("window.geraakt") is None
        page.context.close()

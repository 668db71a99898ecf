"""Search works on either engine's site: a Dutch word that stands on a region page finds that page.

The word is taken from the page itself: the longest-lived test is one that picks, among the
page's words, the one on the fewest other pages, so the page must be among the first results.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import pytest
from built_site import BuiltSite
from site_parity import article_text

pytestmark = pytest.mark.browser
_WORD = re.compile(r"\b[a-zà-ÿ]{8,}\b")


def rare_word(built_site: BuiltSite, page: str) -> str:
    """The page's word (lower case letters, eight or more) that the fewest other pages of the site contain."""
    words = set(_WORD.findall(article_text((built_site.root / page / "index.html").read_text(encoding="utf-8"))))
    seen: Counter[str] = Counter()
    for html_file in built_site.root.rglob("*.html"):
        seen.update(words & set(_WORD.findall(article_text(html_file.read_text(encoding="utf-8")).lower())))
    assert words, f"geen woorden op /{page}"
    return min(sorted(words), key=lambda word: seen[word])


def test_a_word_from_a_region_page_finds_that_page(built_site: BuiltSite, open_page: Any) -> None:
    page_path = built_site.url("regio-jaar")
    word = rare_word(built_site, page_path)
    page = open_page(built_site.url("home")).page
    # An engine fetches its search index after the page loads or when search opens. Once, in .ci/run
    # on a loaded machine, no result came within 10 s: wait for the index, then allow 30 s.
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.wait_for_load_state("networkidle")  # an engine that loads its index only when search opens
    page.keyboard.type(word)
    results = page.locator("a[href*='?h=']")  # search.highlight: every result carries the query
    results.first.wait_for(timeout=30_000)
    found = {urlsplit(href).path for href in results.evaluate_all("links => links.map(a => a.href)")}
    assert f"/{page_path}" in found, f"zoeken op {word!r} ({built_site.engine}) vond {sorted(found)[:8]}"

"""The browser half of benchmarks/search.py: each engine's first search in Chromium, its bytes and its results.

Material: the site's own search dialog (``/`` then the query); its payload is every file of its
search (the index, the worker, the lunr language files), wherever in the page's life it was
fetched. Pagefind: the Default UI of the Pagefind bundle (``pagefind-ui.js``) with the options the
dossier uses, on the same page; its payload is every file under ``pagefind/``. Material's index
request is blocked in the Pagefind runs so the two never mix. Each query runs in a fresh
browser context: nothing is cached, as for a reader's first search.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

from site_parity import article_text  # noqa: E402

from build_scripts.engines.pdf import chromium, serve  # noqa: E402

MATERIAL_FILES = re.compile(r"/(search/search_index\.json|assets/javascripts/workers/search\.|assets/javascripts/lunr/)")
PAGEFIND_FILES = re.compile(r"/pagefind/")
TIMEOUT_MS = 600_000
Sizer = Callable[[Path, str], tuple[int, int]]


def _payload(site: Path, urls: list[str], pattern: re.Pattern[str], sizer: Sizer) -> dict[str, Any]:
    files = sorted({urlsplit(u).path for u in urls if pattern.search(urlsplit(u).path)})
    sizes = {f: sizer(site, f) for f in files}
    return {"files": {f: {"bytes": s[0], "gzip_bytes": s[1]} for f, s in sizes.items()},
            "bytes": sum(s[0] for s in sizes.values()), "gzip_bytes": sum(s[1] for s in sizes.values())}


def material_count(text: str) -> int:
    """The number in Material's "1.1k overeenkomende documenten" (it rounds 1000 and more to hundreds); 0 for "Geen"."""
    count = re.search(r"(\d+(?:\.\d+)?)(k?) overeenkomend", text)
    return round(float(count.group(1)) * (1000 if count.group(2) else 1)) if count else 0


def _material(browser: Any, base: str, query: str) -> dict[str, Any]:
    context = browser.new_context(locale="nl-NL", service_workers="block")
    page, urls = context.new_page(), []
    page.on("requestfinished", lambda request: urls.append(request.url))
    page.goto(base, wait_until="load")
    started = time.perf_counter()
    page.keyboard.press("/")
    page.keyboard.type(query)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "() => /\\dk? overeenkomend|Geen overeenkomende/.test(document.querySelector('.md-search-result__meta')?.textContent || '')",
        timeout=TIMEOUT_MS,
    )
    seconds = time.perf_counter() - started
    page.wait_for_timeout(3000)  # the count of a part of the query can show first: read it once the dialog is still
    text = meta.text_content() or ""
    links = page.locator("li.md-search-result__item > a.md-search-result__link")
    top = list(dict.fromkeys(urlsplit(h).path for h in links.evaluate_all("links => links.map(a => a.href)")))
    context.close()
    results = material_count(text)
    return {"results": results, "results_shown_as": " ".join(text.split()), "top": top, "seconds_to_results": round(seconds, 2), "urls": urls}


_PAGEFIND_UI = """async () => {
  await new Promise((ok, fail) => {
    const s = document.createElement('script'); s.src = '/pagefind/pagefind-ui.js'; s.onload = ok; s.onerror = fail; document.head.append(s);
  });
  const box = document.createElement('div'); box.id = 'bench-zoeken'; document.body.prepend(box);
  new PagefindUI({element: '#bench-zoeken', showImages: false, showSubResults: true, resetStyles: false});
}"""
_PAGEFIND_API = """async ([query, n]) => {
  const pf = await import('/pagefind/pagefind.js');
  const found = await pf.search(query);
  const top = await Promise.all(found.results.slice(0, n).map(r => r.data()));
  return {results: found.results.length, top: top.map(d => d.url)};
}"""


def _pagefind(browser: Any, base: str, query: str, n: int) -> dict[str, Any]:
    context = browser.new_context(locale="nl-NL", service_workers="block")
    context.route(re.compile(r"search/search_index\.json"), lambda route: route.abort())
    page, urls = context.new_page(), []
    page.on("requestfinished", lambda request: urls.append(request.url))
    page.goto(base, wait_until="load")
    page.evaluate(_PAGEFIND_UI)
    started = time.perf_counter()
    page.locator(".pagefind-ui__search-input").fill(query)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    seconds = time.perf_counter() - started
    shown = len(page.locator(".pagefind-ui__result-link").all())
    first_search = list(urls)
    found = page.evaluate(_PAGEFIND_API, [query, n])
    context.close()
    return {"results": found["results"], "top": found["top"], "shown_by_ui": shown, "seconds_to_results": round(seconds, 2), "urls": first_search}


def truth(site: Path) -> dict[str, Any]:
    """What the pages say, counted from the built HTML: the ground truth the result counts are read against."""
    pages = {p.relative_to(site).parent.as_posix() + "/": p.read_text(encoding="utf-8") for p in site.rglob("index.html")}
    texts = {url: article_text(html).lower() for url, html in pages.items() if "data-pagefind-body" in html}
    words = {w: {u for u, t in texts.items() if re.search(rf"\b{w}\b", t)} for w in ("wachtlijst", "wachtlijsten", "heidag", "beveiligde")}
    return {
        "pages": len(texts),
        "pages_with_wachtlijst_or_wachtlijsten": len(words["wachtlijst"] | words["wachtlijsten"]),
        "pages_with_wachtlijst_only": len(words["wachtlijst"] - words["wachtlijsten"]),
        "pages_with_wachtlijsten": len(words["wachtlijsten"]),
        "pages_with_heidag": len(words["heidag"]),
        "pages_with_beveiligde_and_zorg": len({u for u in words["beveiligde"] if re.search(r"\bzorg\b", texts[u])}),
    }


def measure_queries(site: Path, queries: tuple[str, ...], n: int, sizer: Sizer) -> dict[str, Any]:
    """Per engine and query: result count, top ``n`` pages, time to the first results, and the first search's payload."""
    out: dict[str, Any] = {"truth": truth(site)}
    with serve(site) as base, chromium() as browser:
        for query in queries:
            material = _material(browser, base, query)
            material["payload"] = _payload(site, material.pop("urls"), MATERIAL_FILES, sizer)
            material["top"] = material["top"][:n]
            pagefind = _pagefind(browser, base, query, n)
            pagefind["payload"] = _payload(site, pagefind.pop("urls"), PAGEFIND_FILES, sizer)
            out[query] = {"material": material, "pagefind": pagefind}
            print(f"{query!r}: material {material['results']} ({material['payload']['gzip_bytes']} B gz), "
                  f"pagefind {pagefind['results']} ({pagefind['payload']['gzip_bytes']} B gz)", file=sys.stderr)
    return out

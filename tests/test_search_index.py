"""The site's search index (engines/search_index.py): Pagefind over the built pages, only their own content, in Dutch.

Small hand-made sites show what the indexer refuses (no marked page, a page not in Dutch) and
what it leaves out; the built example site shows which pages are in the index: every page with
content of its own, none of the print editions (they repeat the region pages), the change pages
(they repeat the year pages' figures as changes) or the search page.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from built_site import build_once

from build_scripts.engines.search_index import SearchIndexError, index_site

PAGE = '<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body><nav>Menu Regio\'s</nav>{body}</body></html>'


def fragments(site: Path) -> list[dict[str, Any]]:
    """Every result fragment of the index: a page's address, title and words (gzip, after Pagefind's own signature)."""
    found = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data[data.index(b"{"):]))
    return found


def _site(root: Path, pages: dict[str, str], lang: str = "nl") -> Path:
    for rel, body in pages.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(PAGE.format(lang=lang, title=rel, body=body), encoding="utf-8")
    return root


def test_only_the_marked_content_is_indexed_without_permalinks(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<div data-pagefind-body><h1>Wachtlijsten<a class="headerlink" href="#w">¶</a></h1><p>Gesloten wachtlijsten.</p></div>',
        "regios/noord/index.html": "<div data-pagefind-body><h1>Noord</h1><p>Eén wachtlijst.</p></div>",
        "downloads/dossier-2026/index.html": "<h1>Afdrukversie</h1><p>Alles nog eens.</p>",
    })
    found = index_site(site)
    assert (found.pages, found.languages) == (2, ("nl",))
    by_url = {f["url"]: f for f in fragments(site)}
    assert set(by_url) == {"/", "/regios/noord/"}, "een pagina zonder markering (de afdrukversie) blijft buiten de index"
    assert by_url["/"]["meta"]["title"] == "Wachtlijsten" and "¶" not in json.dumps(by_url["/"], ensure_ascii=False)
    assert "Menu" not in by_url["/regios/noord/"]["content"], "de navigatie hoort niet bij de inhoud"


def test_a_second_index_replaces_the_first(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": "<div data-pagefind-body><h1>Een</h1></div>", "b/index.html": "<div data-pagefind-body><h1>B</h1></div>"})
    index_site(site)
    (site / "b" / "index.html").unlink()
    index_site(site)
    assert [f["url"] for f in fragments(site)] == ["/"], "geen resten van een vorige build"


def test_a_preview_keeps_index_html_in_every_address(tmp_path: Path) -> None:
    site = _site(tmp_path, {"regios/noord/index.html": "<div data-pagefind-body><h1>Noord</h1></div>"})
    index_site(site, directory_urls=False)
    assert [f["url"] for f in fragments(site)] == ["/regios/noord/index.html"]


def test_a_site_without_marked_content_or_not_in_dutch_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="geen enkele pagina is gemarkeerd"):
        index_site(_site(tmp_path / "a", {"index.html": "<h1>Navigatie en alles</h1>"}))
    with pytest.raises(SearchIndexError, match="niet \\(alleen\\) Nederlands"):
        index_site(_site(tmp_path / "b", {"index.html": "<div data-pagefind-body><h1>Waiting lists</h1></div>"}, lang="en"))


@pytest.mark.slow
def test_the_built_site_indexes_every_content_page_and_no_repeat(tmp_path_factory: pytest.TempPathFactory) -> None:
    site = build_once(tmp_path_factory, "mkdocs").root
    indexed = {f["url"]: f for f in fragments(site)}
    pages = {"/" + p.relative_to(site).parent.as_posix().removeprefix(".") + "/": p for p in site.rglob("index.html")}
    pages = {url.replace("//", "/"): path for url, path in pages.items()}
    left_out = {url for url in pages if url.startswith("/downloads/dossier-") or url.endswith("/wijzigingen/") or url in ("/zoeken/", "/invulhulp/formulier/")}
    assert "/zoeken/" in left_out and any(url.startswith("/downloads/dossier-") for url in left_out)
    assert any(url.startswith("/regios/") and url.endswith("/wijzigingen/") for url in left_out) and "/landelijk/2026/wijzigingen/" in left_out
    assert set(indexed) == set(pages) - left_out
    home = indexed["/"]
    assert home["meta"]["title"] == "Cruciale ggz dossier" and "Ga naar inhoud" not in home["content"], "alleen het artikel, niet de kop van de site"


def test_mkdocs_serve_writes_the_index_after_the_rebuild_and_mkdocs_build_before_it_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor's rebuild is done when its pages are; the index follows and is finished before the next rebuild empties the folder."""
    from types import SimpleNamespace

    from build_scripts.engines import mkdocs_hook

    site = _site(tmp_path / "site", {"index.html": "<main data-pagefind-body><p>Wachtlijsten</p></main>"})
    config: Any = SimpleNamespace(site_dir=str(site), use_directory_urls=True)
    started = []
    monkeypatch.setattr(mkdocs_hook, "index_site", lambda *args: started.append(args) or index_site(*args))
    mkdocs_hook._serving[0] = True
    try:
        mkdocs_hook.on_post_build(config)
        assert [t.name for t in mkdocs_hook._indexing] == ["zoekindex"]  # writing beside the served pages
        mkdocs_hook.on_pre_build(config)  # the next rebuild waits for it before its folder is emptied
        assert not mkdocs_hook._indexing and (site / "pagefind" / "pagefind.js").is_file()
    finally:
        mkdocs_hook._serving[0] = False
    (site / "pagefind" / "pagefind.js").unlink()
    mkdocs_hook.on_post_build(config)  # mkdocs build: the index is there when the build ends
    assert not mkdocs_hook._indexing and (site / "pagefind" / "pagefind.js").is_file()
    assert len(started) == 2

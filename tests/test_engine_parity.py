"""Engine continuity: MkDocs, ProperDocs and Zensical publish the same dossier, page by page.

The sites are built from the repository's example data (tests/built_site.py). Zensical: same page
URLs, same article on every page (or a reviewed difference in engine_differences.yaml), same
titles, navigation and edit links, byte-identical downloads, feeds, charts and search index
(``pagefind/``: the same Dutch search on every door). ProperDocs, a fork of MkDocs 1.6 running
the same hook and theme: every file byte-identical, every page too but for the generator tag.
The checks are also run on two tiny sites that differ, so they are known to fail when a page
goes missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from built_site import BuiltSite, build_once
from site_parity import Difference, article, edit_link, files_differing_beyond, load_differences, nav_links, our_files, pages, sitemap_urls, title

pytestmark = pytest.mark.slow
MIN_PAGES = 10
DIFF_FILE = "tests/engine_differences.yaml"


def _shown(left: object, right: object) -> str:
    """Two differing values for a failure message; of two lists, only the items one of them lacks."""
    if isinstance(left, list) and isinstance(right, list):
        left, right = [x for x in left if x not in right], [x for x in right if x not in left]
    return f"  mkdocs:   {str(left)[:400]!r}\n  zensical: {str(right)[:400]!r}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, BuiltSite]:
    return build_once(tmp_path_factory, "mkdocs"), build_once(tmp_path_factory, "zensical")


def page_differences(mkdocs: Path, zensical: Path) -> list[str]:
    """Every page only one engine published, and every page whose article, title, navigation or edit link differs."""
    found = [f"alleen {engine}: {page}" for engine, here, there in (("mkdocs", mkdocs, zensical), ("zensical", zensical, mkdocs))
             for page in sorted(pages(here) - pages(there))]
    differences = load_differences()
    used: set[int] = set()
    for page in sorted(pages(mkdocs) & pages(zensical)):
        a, b = (mkdocs / page).read_text(encoding="utf-8"), (zensical / page).read_text(encoding="utf-8")
        for what, left, right in (
            ("artikel", article(a, "mkdocs", differences, used), article(b, "zensical", differences, used)),
            ("titel", title(a), title(b)),
            ("bewerklink", edit_link(a), edit_link(b)),
            ("navigatie", nav_links(a, page), nav_links(b, page)),
        ):
            if left != right:
                found.append(f"{page}: {what} verschilt:\n{_shown(left, right)}")
    found += [f"{DIFF_FILE}: '{d.pattern.pattern}' ({d.engine}) komt niet meer voor; haal het weg" for i, d in enumerate(differences) if i not in used]
    return found


def test_both_engines_publish_the_same_pages_with_the_same_content(sites: tuple[BuiltSite, BuiltSite]) -> None:
    mkdocs, zensical = (site.root for site in sites)
    assert len(pages(mkdocs)) >= MIN_PAGES
    found = page_differences(mkdocs, zensical)
    assert found == [], f"{len(found)} verschillen tussen de engines:\n" + "\n".join(found[:20])
    assert sitemap_urls(mkdocs) == sitemap_urls(zensical)


def test_downloads_feeds_and_charts_are_byte_identical(sites: tuple[BuiltSite, BuiltSite]) -> None:
    mkdocs, zensical = (site.root for site in sites)
    files = our_files(mkdocs)
    assert files == our_files(zensical)
    assert {Path(f).suffix for f in files} >= {".ics", ".csv", ".xlsx", ".json", ".svg", ".css", ".js", ".pf_fragment", ".pf_index"}
    different = [f for f in sorted(files) if (mkdocs / f).read_bytes() != (zensical / f).read_bytes()]
    assert different == []


def test_a_generated_page_opens_its_yaml_file_for_editing(sites: tuple[BuiltSite, BuiltSite]) -> None:
    for site in sites:
        html = (site.root / f"regios/{site.regio}/{site.jaar}/index.html").read_text(encoding="utf-8")
        assert (edit_link(html) or "").endswith(f"/-/edit/main/data/regions/{site.regio}/{site.jaar}.yaml"), site.engine
        assert edit_link((site.root / "leidraad/index.html").read_text(encoding="utf-8")) == "https://gitlab.com/cruciale-ggz/dossier/-/edit/main/content/leidraad/index.md"
        assert edit_link((site.root / "landelijk/index.html").read_text(encoding="utf-8")) is None, "geen gegevensbestand: geen bewerkknop"


def _page(body: str, edit: str = "", nav: str = "") -> str:
    button = f'<a href="{edit}" title="Bewerk" class="md-content__button md-icon" rel="edit">' if edit else ""
    return (f'<title>T</title><div class="md-sidebar md-sidebar--primary">{nav}</div><div class="md-sidebar md-sidebar--secondary"></div>'
            f'<article class="md-content__inner md-typeset">{button}{body}</article>')


def test_the_comparison_sees_a_missing_page_and_each_kind_of_difference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    home, elsewhere = '<a href="../" class="md-nav__link">Home</a>', '<a href="../y/" class="md-nav__link">Home</a>'
    left = {"index.html": _page("<h1>Hoi</h1>"), "x/index.html": _page("<p>één</p>", edit="e1", nav=home), "weg/index.html": _page("<p>weg</p>")}
    right = {"index.html": _page("<h1 >Hoi</h1>\n"), "x/index.html": _page("<p>twee</p>", edit="e2", nav=elsewhere)}  # index.html: same HTML
    for site, files in ((a, left), (b, right)):
        for rel, text in files.items():
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_text(text, encoding="utf-8")
    monkeypatch.setattr("test_engine_parity.load_differences", lambda: [Difference("zensical", re.compile("nooit"), "test")])
    found = page_differences(a, b)
    assert [line.split(":")[0] for line in found] == ["alleen mkdocs", "x/index.html", "x/index.html", "x/index.html", DIFF_FILE]
    assert [line.split("\n")[0] for line in found[1:4]] == [f"x/index.html: {w} verschilt:" for w in ("artikel", "bewerklink", "navigatie")]


GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_properdocs_publishes_the_mkdocs_site_byte_for_byte_but_its_name(tmp_path_factory: pytest.TempPathFactory) -> None:
    """ProperDocs runs our hook with Material: every file the same, every page but the generator tag (no page left out)."""
    mkdocs, properdocs = build_once(tmp_path_factory, "mkdocs").root, build_once(tmp_path_factory, "properdocs").root
    assert len(pages(mkdocs)) >= MIN_PAGES and "ProperDocs" in (properdocs / "index.html").read_text(encoding="utf-8")
    assert files_differing_beyond(mkdocs, properdocs, GENERATOR) == []


def test_the_byte_comparison_sees_a_missing_file_and_a_changed_page(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for site, generator, body in ((a, "mkdocs-1.6.1", "<p>één</p>"), (b, "mkdocs-ProperDocs 1.6.7", "<p>twee</p>")):
        (site / "x").mkdir(parents=True)
        (site / "index.html").write_text(f'<meta name="generator" content="{generator}">\n<p>zelfde</p>', encoding="utf-8")
        (site / "x" / "index.html").write_text(f'<meta name="generator" content="{generator}">\n{body}', encoding="utf-8")
    (a / "weg.csv").write_text("a;b", encoding="utf-8")
    assert files_differing_beyond(a, b, GENERATOR) == ["alleen in a: weg.csv", "x/index.html"]

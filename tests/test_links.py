"""Link check of the whole built site, from each engine: every internal link, image, script and stylesheet exists,
and every ``#fragment`` names an id in its target page. External links are not followed; links to
the site's own public address (``site_url``, used by canonical links) count as internal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from built_site import ENGINES, BuiltSite, build_once

from conftest import REPO

LINK_ATTRS = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"), ("iframe", "src"), ("form", "action")}
LOCAL = "http://site.invalid/"


class _Page(HTMLParser):
    """The ids of one page and the (tag, attribute, url, line) of everything it links to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if (tag, name) in LINK_ATTRS:
                self.links.append((value, self.getpos()[0]))


@pytest.fixture(scope="module", params=ENGINES)
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_once(tmp_path_factory, request.param)


def site_url() -> str:
    match = re.search(r"^site_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    return match.group(1).rstrip("/") + "/" if match else LOCAL


@cache
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def target_file(root: Path, url_path: str, directory_index: bool = True) -> Path:
    """The file a site path is served from: ``a/`` → ``a/index.html`` by a web server, nothing without one."""
    target = root / unquote(url_path).lstrip("/")
    return target / "index.html" if directory_index and (url_path.endswith("/") or target.is_dir()) else target


def broken_links(root: Path, *, public: str | None = None, directory_index: bool = True) -> Iterator[str]:
    """Every link that does not resolve. Without ``directory_index`` (files opened one by one, as
    GitLab's artifact browser or a downloaded copy serves them) a link must name a file, and an
    absolute path must lie under ``public`` (the preview's own address), not at the host's root."""
    public = public or site_url()
    base_path = urlsplit(public).path
    for html_file in sorted(root.rglob("*.html")):
        rel = html_file.relative_to(root).as_posix()
        here = LOCAL + rel
        for url, line in parse(html_file).links:
            if url.startswith("//"):
                yield f"{rel}:{line}: {url} → protocol-relatief: een andere host"
                continue
            if url.startswith(public):
                url = LOCAL + url[len(public):]
            elif not directory_index and url.startswith("/") and not url.startswith("//"):
                if not url.startswith(base_path):
                    yield f"{rel}:{line}: {url} → absoluut pad buiten {base_path}"
                    continue
                url = LOCAL + url[len(base_path):]
            absolute = urljoin(here, url.strip())
            if not absolute.startswith(LOCAL):
                continue  # another site, mailto:, javascript:, data:
            parts = urlsplit(absolute)
            target = target_file(root, parts.path[len(urlsplit(LOCAL).path):] or "/", directory_index)
            if not target.is_file():
                yield f"{rel}:{line}: {url} → {target.relative_to(root)} bestaat niet"
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(target).ids:
                yield f"{rel}:{line}: {url} → #{parts.fragment} bestaat niet in {target.relative_to(root)}"


def test_every_internal_link_and_anchor_resolves(built_site: BuiltSite) -> None:
    pages = list(built_site.root.rglob("*.html"))
    links = sum(len(parse(p).links) for p in pages)
    assert len(pages) >= 10 and links > 1000, f"te weinig om te controleren: {len(pages)} pagina's, {links} links"
    broken = list(broken_links(built_site.root))
    assert broken == [], f"{len(broken)} kapotte links:\n" + "\n".join(broken[:40])


def test_the_checker_sees_a_broken_link_and_a_broken_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#x">ok</a> <a href="b/">weg</a> <a href="#nergens">weg</a> <a href="https://example.org/">extern</a>'
        ' <a href="//over/">host</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h1 id="x">A</h1><img src="../plaatje.png">')
    assert sorted(broken_links(tmp_path)) == [
        "a/index.html:1: ../plaatje.png → plaatje.png bestaat niet",
        "index.html:1: #nergens → #nergens bestaat niet in index.html",
        "index.html:1: //over/ → protocol-relatief: een andere host",
        "index.html:1: b/ → b/index.html bestaat niet",
    ]


def test_without_a_directory_index_a_link_must_name_a_file(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">map</a> <a href="a/index.html">bestand</a> <a href="/a/index.html">wortel</a> <a href="/p/a/index.html">ok</a>'
    )
    (tmp_path / "a" / "index.html").write_text("<p>A</p>")
    assert sorted(broken_links(tmp_path, public="https://host.example/p/", directory_index=False)) == [
        "index.html:1: /a/index.html → absoluut pad buiten /p/",
        "index.html:1: a/ → a bestaat niet",
    ]

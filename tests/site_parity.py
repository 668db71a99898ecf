"""How two built sites are compared page by page (tests/test_engine_parity.py): what each page says, not how an engine spells it.

An article is normalised to one tag or text per line (attributes sorted and unescaped,
whitespace collapsed), so two serialisations of the same HTML compare equal; the reviewed
differences in ``engine_differences.yaml`` are removed before comparing. Files an engine adds of
its own (its scripts, styles, search index, sitemap) are left out of the file comparison.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

DIFFERENCES = Path(__file__).parent / "engine_differences.yaml"
ENGINE_FILES = re.compile(r"^(assets/(javascripts|stylesheets)/|assets/images/favicon\.png$|search/|search\.json$|sitemap\.xml(\.gz)?$)")
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"[^>]*>(.*?)</article>', re.S)
_EDIT = re.compile(r'<a href="([^"]*)" title="[^"]*" class="md-content__button md-icon" rel="edit"')
_NAV_LINK = re.compile(r'<a href="([^"#]*)"[^>]*class="(md-nav__link[^"]*)"[^>]*>(.*?)</a>', re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@dataclass(frozen=True)
class Difference:
    """One reviewed difference: removed from ``engine``'s articles before they are compared."""

    engine: str
    pattern: re.Pattern[str]
    why: str


def load_differences(path: Path = DIFFERENCES) -> list[Difference]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Difference(e["engine"], re.compile(e["pattern"]), e["why"].strip()) for e in entries]


class _Lines(HTMLParser):
    """An HTML fragment as one normalised line per tag or piece of text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        shown = "".join(f' {k}="{_space(v)}"' if v is not None else f" {k}" for k, v in sorted(attrs))
        self.lines.append(f"<{tag}{shown}>")

    def handle_endtag(self, tag: str) -> None:
        self.lines.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.lines.append(_space(data))


def _space(text: str) -> str:
    return " ".join(text.split())


def normalised(fragment: str) -> str:
    parser = _Lines()
    parser.feed(fragment)
    parser.close()
    return "".join(line + "\n" for line in parser.lines)


def text_of(fragment: str) -> str:
    """Only the text of an HTML fragment, whitespace collapsed."""
    return " ".join(line for line in normalised(fragment).splitlines() if not line.startswith("<"))


def article_text(html: str) -> str:
    """Only the text of the page's article."""
    match = _ARTICLE.search(html)
    return text_of(match.group(1)) if match else ""


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def our_files(site: Path) -> set[str]:
    """Every non-HTML file that comes from us (content/ or the generated mapping), not from the engine."""
    files = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.suffix != ".html")
    return {f for f in files if not ENGINE_FILES.match(f)}


def article(html: str, engine: str, differences: list[Difference], used: set[int] | None = None) -> str:
    """The page's normalised article with ``engine``'s reviewed differences removed (their indexes added to ``used``)."""
    match = _ARTICLE.search(html)
    text = normalised(match.group(1)) if match else ""
    for index, difference in enumerate(differences):
        if difference.engine == engine:
            text, count = difference.pattern.subn("", text)
            if count and used is not None:
                used.add(index)
    return text


def edit_link(html: str) -> str | None:
    match = _EDIT.search(html)
    return match.group(1) if match else None


def title(html: str) -> str:
    match = _TITLE.search(html)
    return text_of(match.group(1)) if match else ""


def nav_links(html: str, page: str) -> list[tuple[str, bool, str]]:
    """The primary sidebar's links (target resolved against the page, active or not, label): the expanded navigation."""
    start = html.find('<div class="md-sidebar md-sidebar--primary"')
    end = html.find('<div class="md-sidebar md-sidebar--secondary"', start)
    here = posixpath.dirname("/" + page)
    return [
        (posixpath.normpath(posixpath.join(here, href)), "md-nav__link--active" in cls, text_of(body))
        for href, cls, body in _NAV_LINK.findall(html[start:end])
    ]


def sitemap_urls(site: Path) -> set[str]:
    return set(re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")))


def files_differing_beyond(left: Path, right: Path, allowed: re.Pattern[str]) -> list[str]:
    """Every file only one site has, and every file whose bytes differ once ``allowed`` is removed from both."""
    files = {side: {p.relative_to(side).as_posix() for p in side.rglob("*") if p.is_file()} for side in (left, right)}
    found = [f"alleen in {side.name}: {f}" for side, other in ((left, right), (right, left)) for f in sorted(files[side] - files[other])]
    for rel in sorted(files[left] & files[right]):
        a, b = (left / rel).read_bytes(), (right / rel).read_bytes()
        if a != b and (not rel.endswith(".html") or allowed.sub("", a.decode()) != allowed.sub("", b.decode())):
            found.append(rel)
    return found

"""Include hand-written Markdown pages (the guide) in another page: the print edition's one text-rewriting step.

Like mkdocs-include-markdown-plugin's ``include-markdown``: a page written by people for its own
URL is pasted into a bigger one, so its headings go down ``shift`` levels, each heading gets an
explicit id with the page's prefix (the ids stay unique beside the other chapters), and the links
its author typed are made valid there: a link to another included page becomes an anchor in the
bundle, every other relative link is re-based onto the bundle's own path.

It reads Markdown only: headings, ``[text](link)`` and ``![alt](src)``, never inside a fenced code
block. The guide has no raw HTML; should a chapter ever get some, its ids are not prefixed and the
print edition's test (every id unique, every in-page link resolves) says so. Generated pages never
come here: their templates write the print edition's headings, ids and links themselves
(:mod:`headings`, :class:`..contract.site_paths.EditionUrls`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

from ..contract.site_paths import page_url

_FRONT_MATTER = re.compile(r"\A\s*---\n.*?\n---[ \t]*\n", re.DOTALL)
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?<!\\)(?:\{:?[ \t]*([^}]*)\})?[ \t]*#*[ \t]*$")
_MD_URL = re.compile(r"(!?\[[^\]\n]*\]\()(<?)([^)\s>]+)(>?)((?:[ \t]+\"[^\"]*\")?\))")
_INLINE_MARKUP = re.compile(r"\\(.)|[*_`]|\[([^\]]*)\]\([^)]*\)")
_EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//|/)")


@dataclass
class Page:
    """One hand-written page to include: its docs path, its Markdown and the id prefix it gets in the bundle."""

    src: str
    text: str
    prefix: str
    ids: set[str] = field(default_factory=set)
    title: str = ""
    top_id: str = ""


def prepare(pages: list[Page]) -> None:
    """Collect every page's heading ids and title first, so links between the pages can be resolved."""
    for page in pages:
        page.text = _FRONT_MATTER.sub("", page.text, count=1)
        used: set[str] = set()
        for level, text, attrs in _headings(page.text):
            heading_id = _heading_id(text, attrs, used)
            if level == 1 and not page.title:
                page.title, page.top_id = _plain(text), heading_id
        page.ids = used


def include(page: Page, pages: list[Page], home: str, shift: int, part_class: str) -> str:
    """``page``'s Markdown, headings shifted by ``shift``, ids prefixed, links made valid at ``home``.

    ``home`` is the docs path of the page it is pasted into; links to any of ``pages`` become links
    inside that page, every other relative link is re-based onto ``home``. Its title (the first
    ``#`` heading) gets the prefix itself as id and ``part_class``.
    """
    links = _LinkMapper(page, {page_url(p.src): p for p in pages}, home)
    used: set[str] = set()
    out: list[str] = []
    first = True
    for line, in_fence in _lines(page.text):
        match = None if in_fence else _HEADING.match(line)
        if in_fence:
            out.append(line)
        elif match:
            level, text, attrs = len(match.group(1)), match.group(2), match.group(3) or ""
            heading_id = _heading_id(text, attrs, used)
            title = first and level == 1
            new_id = page.prefix if title else f"{page.prefix}-{heading_id}"
            extra = f" .{part_class}" if title else ""
            first = first and level != 1
            keep = " ".join(a for a in attrs.split() if not a.startswith("#"))
            text = _MD_URL.sub(links.markdown, text)
            out.append(f"{'#' * min(6, level + shift)} {text} {{ #{new_id}{extra}{' ' + keep if keep else ''} }}")
        else:
            out.append(_MD_URL.sub(links.markdown, line))
    return "\n".join(out).strip() + "\n"


class _LinkMapper:
    """Turns a page's relative Markdown links into anchors in the bundle or links re-based onto ``home``."""

    def __init__(self, page: Page, by_url: dict[str, Page], home: str) -> None:
        self.page = page
        self.by_url = by_url
        self.home_dir = posixpath.dirname(home)

    def markdown(self, match: re.Match[str]) -> str:
        """A Markdown link: relative to the source file, as MkDocs resolves it."""
        base = posixpath.dirname(self.page.src)
        base = base + "/" if base else ""
        return f"{match.group(1)}{match.group(2)}{self._map(match.group(3), base)}{match.group(4)}{match.group(5)}"

    def _map(self, url: str, base: str) -> str:
        if not url or _EXTERNAL.match(url):
            return url
        path, _, fragment = url.partition("#")
        if not path:
            return "#" + _anchor(self.page, fragment)
        target = posixpath.normpath(posixpath.join(base, path.split("?")[0]))
        target = "" if target == "." else target
        as_url = page_url(target) if target.endswith(".md") else (target + "/" if path.endswith("/") and target else target)
        included = self.by_url.get(as_url)
        if included is not None:
            return "#" + _anchor(included, fragment)
        rebased = posixpath.relpath(target or ".", self.home_dir or ".")
        query = "?" + path.split("?", 1)[1] if "?" in path else ""
        return rebased + query + (f"#{fragment}" if fragment else "")


def _anchor(page: Page, fragment: str) -> str:
    if fragment and fragment in page.ids and fragment != page.top_id:
        return f"{page.prefix}-{fragment}"
    return page.prefix


def _lines(text: str) -> Iterator[tuple[str, bool]]:
    """Each line with whether it is inside a fenced code block (fence lines count as inside)."""
    fence: str | None = None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            yield line, True
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            yield line, True
        else:
            yield line, False


def _headings(text: str) -> Iterator[tuple[int, str, str]]:
    for line, in_fence in _lines(text):
        match = None if in_fence else _HEADING.match(line)
        if match:
            yield len(match.group(1)), match.group(2), match.group(3) or ""


def _heading_id(text: str, attrs: str, used: set[str]) -> str:
    """The id Python-Markdown's toc gives a heading: its ``#id`` attribute, else a unique slug."""
    for attr in attrs.split():
        if attr.startswith("#"):
            used.add(attr[1:])
            return attr[1:]
    slug = slugify(_plain(text), "-") or "_"
    candidate, n = slug, 0
    while candidate in used:
        n += 1
        candidate = f"{slug}_{n}"
    used.add(candidate)
    return candidate


def _plain(text: str) -> str:
    """A heading's text without Markdown escapes, emphasis marks and link targets."""
    return _INLINE_MARKUP.sub(_unmark, text).strip()


def _unmark(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2) or ""

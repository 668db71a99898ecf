"""Rewrite one site page's Markdown so it can live inside another page (the yearly print edition).

A page written for its own URL breaks when pasted into a bigger one: its headings start at ``#``,
its ids clash with the ids of the next region's page, and its relative links point elsewhere.
:func:`merge_part` fixes exactly those three things and leaves the text itself alone, so the print
edition is made from the very Markdown the site publishes, never from a copy of its templates.
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
_HTML_HEADING = re.compile(r"<(/?)h([1-6])\b")
_HTML_ID = re.compile(r'\bid="([^"]+)"')
_ID_REFS = re.compile(r'\b(for|headers|aria-labelledby|aria-describedby|aria-controls)="([^"]+)"')
_HTML_URL = re.compile(r'\b(href|src)="([^"]*)"')
_MD_URL = re.compile(r"(!?\[[^\]\n]*\]\()(<?)([^)\s>]+)(>?)((?:[ \t]+\"[^\"]*\")?\))")
_INLINE_MARKUP = re.compile(r"\\(.)|[*_`]|\[([^\]]*)\]\([^)]*\)")
_EXTERNAL = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//|/)")


@dataclass
class Part:
    """One page to include: its docs path, its Markdown and the id prefix it gets in the bundle."""

    src: str
    text: str
    prefix: str
    ids: set[str] = field(default_factory=set)
    title: str = ""
    top_id: str = ""


def prepare(parts: list[Part]) -> None:
    """Collect every part's ids and title first, so links between parts can be resolved."""
    for part in parts:
        part.text = _FRONT_MATTER.sub("", part.text, count=1)
        used: set[str] = set()
        for level, text, attrs, _line in _headings(part.text):
            heading_id = _heading_id(text, attrs, used)
            if level == 1 and not part.title:
                part.title, part.top_id = _plain(text), heading_id
        part.ids = used | set(_HTML_ID.findall(part.text))


def merge_part(part: Part, parts: list[Part], home: str, shift: int, part_class: str) -> str:
    """``part``'s Markdown, headings shifted by ``shift``, ids prefixed, links made valid at ``home``.

    ``home`` is the docs path of the page the part is pasted into; links to any of ``parts``
    become links inside that page, every other relative link is re-based onto ``home``.
    """
    by_url = {page_url(p.src, style): p for p in parts for style in (True, False)}  # the parts' links name folders or files
    links = _LinkMapper(part, by_url, home)
    used: set[str] = set()
    out: list[str] = []
    first = True
    for line, in_fence in _lines(part.text):
        if in_fence:
            out.append(line)
            continue
        match = _HEADING.match(line)
        if match:
            level, text, attrs = len(match.group(1)), match.group(2), match.group(3) or ""
            heading_id = _heading_id(text, attrs, used)
            new_id = part.prefix if first and level == 1 else f"{part.prefix}-{heading_id}"
            extra = f" .{part_class}" if first and level == 1 else ""
            first = first and level != 1
            keep = " ".join(a for a in attrs.split() if not a.startswith("#"))
            text = _MD_URL.sub(links.markdown, text)
            out.append(f"{'#' * min(6, level + shift)} {text} {{ #{new_id}{extra}{' ' + keep if keep else ''} }}")
            continue
        line = _HTML_HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", line)
        line = _HTML_ID.sub(lambda m: f'id="{part.prefix}-{m.group(1)}"', line)
        line = _ID_REFS.sub(lambda m: f'{m.group(1)}="{" ".join(part.prefix + "-" + i for i in m.group(2).split())}"', line)
        line = _HTML_URL.sub(links.html, line)
        out.append(_MD_URL.sub(links.markdown, line))
    return "\n".join(out).strip() + "\n"


class _LinkMapper:
    """Turns a part's relative links into anchors in the bundle or links re-based onto ``home``."""

    def __init__(self, part: Part, by_url: dict[str, Part], home: str) -> None:
        self.part = part
        self.by_url = by_url
        self.home_dir = posixpath.dirname(home)

    def html(self, match: re.Match[str]) -> str:
        """``href``/``src`` in raw HTML: relative to the page's URL (``a/b.md`` is served at ``a/b/``)."""
        return f'{match.group(1)}="{self._map(match.group(2), page_url(self.part.src), markdown=False)}"'

    def markdown(self, match: re.Match[str]) -> str:
        """A Markdown link: relative to the source file, as MkDocs resolves it."""
        base = posixpath.dirname(self.part.src)
        base = base + "/" if base else ""
        return f"{match.group(1)}{match.group(2)}{self._map(match.group(3), base, markdown=True)}{match.group(4)}{match.group(5)}"

    def _map(self, url: str, base: str, markdown: bool) -> str:
        if not url or _EXTERNAL.match(url):
            return url
        path, _, fragment = url.partition("#")
        if not path:
            return "#" + _anchor(self.part, fragment)
        target = posixpath.normpath(posixpath.join(base, path.split("?")[0]))
        target = "" if target == "." else target
        as_url = page_url(target) if target.endswith(".md") else (target + "/" if path.endswith("/") and target else target)
        included = self.by_url.get(as_url)
        if included is not None:
            return "#" + _anchor(included, fragment)
        rebased = posixpath.relpath(target or ".", self.home_dir or ".")
        if path.endswith("/") and not markdown:
            rebased = rebased.rstrip("/") + "/"
        query = "?" + path.split("?", 1)[1] if "?" in path else ""
        return rebased + query + (f"#{fragment}" if fragment else "")


def _anchor(part: Part, fragment: str) -> str:
    if fragment and fragment in part.ids and fragment != part.top_id:
        return f"{part.prefix}-{fragment}"
    return part.prefix


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


def _headings(text: str) -> Iterator[tuple[int, str, str, str]]:
    for line, in_fence in _lines(text):
        match = None if in_fence else _HEADING.match(line)
        if match:
            yield len(match.group(1)), match.group(2), match.group(3) or "", line


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

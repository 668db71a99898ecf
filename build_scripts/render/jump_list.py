"""The in-page jump list "Op deze pagina" at the top of a long page (issue 26).

Material shows its table of contents beside the content on a wide screen only; on a phone it is
tucked away in the menu. A page that wants a list it can always see puts :data:`MARKER` where the
list belongs; :func:`add_jump_list` replaces it with a link to every ``##`` section of the page,
using the section's own id (``{ #id }``) or the id the Markdown ``toc`` extension gives it. A page
rendered as a part of the print edition has its sections a few levels deeper and its ids
prefixed (:class:`.headings.Deel`): its list reads those headings and labels itself with its own id.
"""

from __future__ import annotations

import re
from functools import cache

from markdown.extensions.toc import slugify

MARKER = "<!-- op-deze-pagina -->"
MIN_SECTIONS = 3
"""A page with fewer sections needs no list: the marker is then removed."""
KOP_ID = "op-deze-pagina-kop"
"""The id of the list's own heading (its label)."""


@cache
def _section_pattern(level: int) -> re.Pattern[str]:
    return re.compile(rf"^{'#' * level} (?P<text>.+?)(?:\s*\{{\s*#(?P<id>[\w-]+)\s*\}})?\s*$", re.MULTILINE)


def sections(text: str, level: int = 2) -> list[tuple[str, str]]:
    """(id, title) of every Markdown heading of ``level`` (a section) in ``text``, in order."""
    return [(m["id"] or slugify(m["text"], "-"), m["text"].strip()) for m in _section_pattern(level).finditer(text)]


def add_jump_list(text: str, level: int = 2, kop_id: str = KOP_ID) -> str:
    """``text`` with its marker replaced by a list of its sections (titles are template text, already escaped).

    ``level`` is the level of the page's sections and ``kop_id`` the id of the list's heading:
    other than ``2`` and :data:`KOP_ID` only in a part of a bigger page.
    """
    if MARKER not in text:
        return text
    found = sections(text, level)
    if len(found) < MIN_SECTIONS:
        return text.replace(MARKER, "")
    items = "".join(f'<li><a href="#{ident}">{title}</a></li>' for ident, title in found)
    kop = f'<p class="op-deze-pagina-kop" id="{kop_id}">Op deze pagina</p>'
    html = f'<nav class="op-deze-pagina" aria-labelledby="{kop_id}">\n{kop}\n<ul>{items}</ul>\n</nav>'
    return text.replace(MARKER, html, 1)

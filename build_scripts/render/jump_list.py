"""The in-page jump list "Op deze pagina" at the top of a long page (issue 26).

Material shows its table of contents beside the content on a wide screen only; on a phone it is
tucked away in the menu. A page that wants a list it can always see puts :data:`MARKER` where the
list belongs; :func:`add_jump_list` replaces it with a link to every ``##`` section of the page,
using the section's own id (``{ #id }``) or the id the Markdown ``toc`` extension gives it.
"""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify

MARKER = "<!-- op-deze-pagina -->"
MIN_SECTIONS = 3
"""A page with fewer sections needs no list: the marker is then removed."""
_SECTION = re.compile(r"^## (?P<text>.+?)(?:\s*\{\s*#(?P<id>[\w-]+)\s*\})?\s*$", re.MULTILINE)


def sections(text: str) -> list[tuple[str, str]]:
    """(id, title) of every second-level Markdown heading in ``text``, in order."""
    return [(m["id"] or slugify(m["text"], "-"), m["text"].strip()) for m in _SECTION.finditer(text)]


def add_jump_list(text: str) -> str:
    """``text`` with its marker replaced by a list of its sections (titles are template text, already escaped)."""
    if MARKER not in text:
        return text
    found = sections(text)
    if len(found) < MIN_SECTIONS:
        return text.replace(MARKER, "")
    items = "".join(f'<li><a href="#{ident}">{title}</a></li>' for ident, title in found)
    kop = '<p class="op-deze-pagina-kop" id="op-deze-pagina-kop">Op deze pagina</p>'
    html = f'<nav class="op-deze-pagina" aria-labelledby="op-deze-pagina-kop">\n{kop}\n<ul>{items}</ul>\n</nav>'
    return text.replace(MARKER, html, 1)

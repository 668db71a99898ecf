"""Headings and ids of a generated page, written for the page on its own or for one part of a bigger page.

The yearly print edition (:mod:`print_edition`) shows the national page and every region page of a
year on one page. Rendered as such a part, a page's headings sit two levels deeper and each of its
ids carries the part's prefix (``regio-utrecht-geschiedenis``), so ten region parts never share an
id. The templates write every heading and id through ``deel``, a :class:`Deel`: the default one
(``Deel()``) writes exactly what the page on its own needs (``## Regioplan``, ``geschiedenis``),
so the site's pages do not change, and no pass rewrites a page afterwards.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify
from markupsafe import Markup, escape

_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


@dataclass
class Deel:
    """How a page writes its headings and ids: alone (no prefix, no shift) or as a part of a bigger page.

    ``prefix`` starts every id of the part and is the id of its title; ``verschuiving`` is how many
    levels its headings go down; ``klasse`` is the class on its title (the print stylesheet starts
    a part on a new sheet by it). ``titel`` is the part's title as plain text, noted when the
    template writes it in a part (``kop(1, …)``), for the bundle's table of contents.
    """

    prefix: str = ""
    verschuiving: int = 0
    klasse: str = ""
    titel: str = field(default="", compare=False)

    @property
    def zelfstandig(self) -> bool:
        """Is this the page on its own (which writes its front matter), not a part of a bigger page?"""
        return not self.prefix

    def niveau(self, level: int) -> int:
        """The level a heading written as ``level`` gets (an HTML ``<h3>`` too): at most 6."""
        return min(6, level + self.verschuiving)

    def id(self, name: str) -> str:
        """The id ``name`` gets in this part: ``name`` alone, ``<prefix>-name`` in a part."""
        return f"{self.prefix}-{name}" if self.prefix else name

    def kop(self, level: int, tekst: str, id: str | None = None) -> Markup:
        """A Markdown heading of ``tekst`` (template text, escaped unless it is Markup), with its ``id`` if it has one.

        Alone a heading is written as it always was (``## Regioplan``, ``### Acute zorg { #acute-zorg }``).
        In a part every heading gets an explicit, prefixed id: the id the Markdown ``toc`` would give
        it (its slug) when it has none, the prefix itself for the title.
        """
        text = escape(tekst)
        hashes = "#" * self.niveau(level)
        if not self.prefix:
            return Markup("{} {}{}").format(hashes, text, Markup(f" {{ #{id} }}") if id else "")
        if level == 1:
            self.titel = html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", str(text)))
            attributes = f"#{self.prefix}" + (f" .{self.klasse}" if self.klasse else "")
        else:
            attributes = "#" + self.id(id or slugify(html.unescape(str(text)), "-"))
        return Markup("{} {} {{ {} }}").format(hashes, text, attributes)

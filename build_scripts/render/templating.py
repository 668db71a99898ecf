"""The Jinja2 environment for generated pages: autoescape on, Dutch number and date formats.

Generated pages are Markdown with HTML blocks. Everything a region typed is escaped here, so it
appears exactly as written and is never interpreted as HTML or Markdown.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..contract.fields import REGIOTABEL, field_label, field_value, figure
from ..contract.notation import dutch_date, escape_markdown, number, yes_no
from ..contract.site_paths import Urls, region_feed
from ..contract.vocabulary import label
from .headings import Deel
from .jump_list import KOP_ID, add_jump_list

TEMPLATE_DIR = Path(__file__).parent / "templates"
ONBEKEND = Markup('<span class="onbekend">onbekend</span>')


def getal(value: float | None, decimals: int = 0) -> Markup:
    """Dutch number (1.450; 1,5) for a page; ``None`` shows as *onbekend*, never as 0."""
    return ONBEKEND if value is None else Markup(number(value, decimals))


def cijfer(value: float | None, key: str) -> Markup:
    """A contract figure as every page and ``dossier diff`` write it (:func:`figure`): 12,5% stays 12,5%, 6 weeks read 6,0."""
    return ONBEKEND if value is None else Markup(figure(value, key))


def alinea(text: str | None) -> Markup:
    """Free text as escaped paragraphs: blank lines split paragraphs, single newlines stay."""
    if text is None:
        return ONBEKEND
    parts = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(Markup("<br>\n").join(escape(line) for line in p.split("\n"))) for p in parts)


def md(text: object) -> Markup:
    """A data value as literal Markdown text (headings): never interpreted as Markdown or HTML."""
    return Markup(escape_markdown(text))


def tekst(text: object) -> Markup:
    """Text as element content: HTML-escaped, the apostrophe kept as itself ("regio's"), which needs no escape there."""
    return Markup(str(escape(str(text))).replace("&#39;", "'"))


def yaml_string(text: object) -> Markup:
    """A double-quoted YAML scalar for front matter, HTML-escaped first.

    MkDocs' theme templates do not autoescape, so a page title must already be safe HTML. The
    apostrophe stays itself ("'t Gooi"): it is safe in text and in the theme's double-quoted
    attributes, and Material escapes a title once more in its footer's ``aria-label``, where
    ``&#39;`` would be read out raw (axe: label-content-name-mismatch, issue 26).
    """
    return Markup(json.dumps(str(tekst(text)), ensure_ascii=False))


def mailto(email: str | None) -> Markup:
    if not email:
        return Markup("")
    return Markup('<a href="mailto:{0}">{0}</a>').format(email)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        getal=getal, cijfer=cijfer, getal_tekst=number, datum=dutch_date, ja_nee=yes_no, alinea=alinea, md=md, label=label,
        yaml_string=yaml_string, tekst=tekst, mailto=mailto, veldlabel=field_label, veldwaarde=field_value,
    )
    env.globals["regiotabel"] = REGIOTABEL
    env.globals["regio_feed_pad"] = region_feed
    return env


def render(template: str, urls: Urls, deel: Deel | None = None, **context: Any) -> str:
    """A template's text with its jump list filled in (:mod:`jump_list`).

    ``urls`` is the page's URL builder: every internal link in a template asks it (``urls.region_year(…)``).
    ``deel`` writes the page's headings and ids (:mod:`headings`): by default for the page on its
    own, or for the page as one part of the print edition.
    """
    deel = deel or Deel()
    text = environment().get_template(template).render(urls=urls, deel=deel, **context)
    return add_jump_list(text, deel.niveau(2), deel.id(KOP_ID))

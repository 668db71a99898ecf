"""The Jinja2 environment for generated pages: autoescape on, Dutch number and date formats.

Generated pages are Markdown with HTML blocks. Everything a region typed is escaped here, so it
appears exactly as written and is never interpreted as HTML or Markdown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .vocabulary import label

TEMPLATE_DIR = Path(__file__).parent / "templates"
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")
ONBEKEND = Markup('<span class="onbekend">onbekend</span>')
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def getal(value: float | int | None, decimals: int = 0) -> Markup:
    """Dutch number (1.450; 1,5); ``None`` shows as *onbekend*, never as 0."""
    if value is None:
        return ONBEKEND
    text = f"{value:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return Markup(text)


def getal_tekst(value: float | int | None, decimals: int = 0) -> str:
    """Like :func:`getal` but plain text (alt texts, CSV-like contexts)."""
    return "onbekend" if value is None else str(getal(value, decimals))


def datum(value: dt.date | None, style: str = "lang") -> str:
    """14 april 2026 (lang) or 14-04-2026 (kort); empty dates read 'onbekend'."""
    if value is None:
        return "onbekend"
    if style == "kort":
        return f"{value:%d-%m-%Y}"
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def ja_nee(value: bool | None) -> str:
    return "onbekend" if value is None else ("ja" if value else "nee")


def alinea(text: str | None) -> Markup:
    """Free text as escaped paragraphs: blank lines split paragraphs, single newlines stay."""
    if text is None:
        return ONBEKEND
    parts = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(Markup("<br>\n").join(escape(line) for line in p.split("\n"))) for p in parts)


def md(text: object) -> Markup:
    """Escape a data value for Markdown text (headings): Markdown specials first, then HTML.

    In that order no entity produced by the HTML escape gets a backslash, and ``<`` never
    reaches Markdown as raw HTML.
    """
    return Markup(escape(_MD_SPECIAL.sub(r"\\\1", str(text))))


def yaml_string(text: object) -> Markup:
    """A double-quoted YAML scalar for front matter, HTML-escaped first.

    MkDocs' theme templates do not autoescape, so a page title must already be safe HTML.
    """
    return Markup(json.dumps(str(escape(str(text))), ensure_ascii=False))


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
        getal=getal, getal_tekst=getal_tekst, datum=datum, ja_nee=ja_nee, alinea=alinea, md=md, label=label,
        yaml_string=yaml_string, mailto=mailto,
    )
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)

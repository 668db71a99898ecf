"""How contract values are written as text: Dutch numbers, dates and yes/no, and literal Markdown.

One home for how a value reads in Dutch, below every layer that writes text (validation
messages, calendars, status boards, diff reports, pages), so a figure or a date reads the same
in a message and on a page. ``None`` always reads *onbekend*, never 0.
"""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import escape

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")
ONBEKEND_TEKST = "onbekend"


def number(value: float | None, decimals: int = 0) -> str:
    """Dutch number (1.450; 1,5); ``None`` reads *onbekend*."""
    if value is None:
        return ONBEKEND_TEKST
    return f"{value:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def number_as_given(value: float) -> str:
    """Dutch notation with only the decimals the value has (6,5; 1.450; 0,25)."""
    if isinstance(value, float) and not value.is_integer():
        return number(value, 1 if round(value, 1) == value else 2)
    return number(value)



_LEADING_ARTICLE = re.compile(r"^(?:['’][st](?:[\s-]+|$)|(?:de|het)\s+|['’])", re.IGNORECASE)


def name_sort_key(naam: str) -> tuple[str, str]:
    """Where a name stands in a Dutch list: 't Gooi under G, De Meerlanden under M ('s-Hertogenbosch under H).

    A leading article or apostrophe is skipped for sorting only; the name itself is shown as written.
    """
    return (_LEADING_ARTICLE.sub("", naam.strip(), count=1).casefold(), naam.casefold())


def dutch_date(value: dt.date | None) -> str:
    """14 april 2026: the one date format of every message and page; an empty date reads *onbekend*.

    ISO dates (2026-04-14) appear only where a region must write one into its YAML (a fix hint).
    """
    if value is None:
        return ONBEKEND_TEKST
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def yes_no(value: bool | None) -> str:
    return ONBEKEND_TEKST if value is None else ("ja" if value else "nee")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")  # what Markdown would read as markup inside a line


def escape_markdown(text: object, *, table_cell: bool = False) -> str:
    """A data value as literal Markdown text: Markdown specials backslashed first, then HTML-escaped.

    In that order no entity made by the HTML escape gets a backslash, and ``<`` never reaches
    Markdown as raw HTML. In a table cell (``table_cell``) a line break becomes ``<br>``, since
    a cell is one line.
    """
    escaped = str(escape(_MARKDOWN_SPECIAL.sub(r"\\\1", str(text))))
    return escaped.replace("\r", "").replace("\n", "<br>") if table_cell else escaped

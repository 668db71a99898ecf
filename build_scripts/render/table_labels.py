"""Column headers as labels on every data cell, so that a table can read top to bottom on a phone.

At narrow widths ``dossier.css`` shows each row of a data table as a block in which every value
stands beside its column header, taken from the cell's ``data-label``. The labels are written
here, once, from the header row of each generated table, so no template repeats its headers and
no template can forget them. A label is the header's ``abbr`` attribute (HTML's short form of a
header) or else its text. Row headers (``<th>`` in the body) head their block and get no label,
nor does a cell spanning several columns (a note such as "Geen."). Applying it twice changes
nothing: a cell that has a label keeps it.

The page text is our own template output, in which every value from the data is escaped, so a
``<td`` or ``</tr>`` in it is always markup: matching tags with regular expressions is safe here.
"""

from __future__ import annotations

import html
import re

from markupsafe import escape

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_HEAD_ROW = re.compile(r"<thead>\s*<tr\b[^>]*>(.*?)</tr>", re.S)
_BODY = re.compile(r"<tbody>.*?</tbody>", re.S)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_CELL = re.compile(r"<(t[dh])\b([^>]*)>(.*?)</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_COLSPAN = re.compile(r'\bcolspan="(\d+)"')
_ABBR = re.compile(r'\babbr="([^"]*)"')


def label_cells(text: str) -> str:
    """``text`` with a ``data-label`` on every data cell of every table that has a header row."""
    if "<thead>" not in text:
        return text
    return _TABLE.sub(_label_table, text)


def _label_table(match: re.Match[str]) -> str:
    table = match.group(0)
    head = _HEAD_ROW.search(table)
    if head is None:
        return table
    labels = _header_labels(head.group(1))
    return _BODY.sub(lambda body: _ROW.sub(lambda row: _label_row(row, labels), body.group(0)), table)


def _header_labels(row: str) -> list[str]:
    """One label per column (a header spanning two columns labels both)."""
    labels: list[str] = []
    for cell in _CELL.finditer(row):
        abbr = _ABBR.search(cell.group(2))
        text = html.unescape(abbr.group(1)) if abbr else " ".join(html.unescape(_TAG.sub(" ", cell.group(3))).split())
        labels.extend([text] * _span(cell.group(2)))
    return labels


def _label_row(row: re.Match[str], labels: list[str]) -> str:
    column = 0

    def cell(match: re.Match[str]) -> str:
        nonlocal column
        tag, attrs, inner = match.groups()
        span, index = _span(attrs), column
        column += span
        if tag == "th" or span > 1 or index >= len(labels) or "data-label=" in attrs:
            return match.group(0)
        return f'<td{attrs} data-label="{escape(labels[index])}">{inner}</td>'

    return row.group(1) + _CELL.sub(cell, row.group(2)) + row.group(3)


def _span(attrs: str) -> int:
    found = _COLSPAN.search(attrs)
    return int(found.group(1)) if found else 1

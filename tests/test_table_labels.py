"""Every data cell carries its column header as ``data-label``: what a phone shows beside each value (issues 17, 25).

The templates write the labels themselves (``m.kolomkoppen`` and ``data-label="{{ kolommen[i] }}"``);
this reads every generated page independently of them, so a template that forgets a label, or
gives a cell the wrong one, fails here.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_scripts.reading.load import load_dataset
from build_scripts.render.context import make_context
from build_scripts.render.registry import generate_site, iter_markdown
from build_scripts.render.templating import environment
from conftest import FIXTURES, REPO


class _Tables(HTMLParser):
    """An independent reading of the page's tables: per body cell the label it must carry and the one it has.

    The rules: a label is the header's ``abbr`` or else its text (tags read as spaces, whitespace
    collapsed); a header spanning two columns labels both; a row header (``<th>`` in the body), a
    cell spanning several columns and every cell of a table without a header row carry none.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[tuple[str | None, str | None, str]] = []  # (label it must carry, its data-label, caption)
        self.headed_tables = 0
        self._headers: list[str] = []
        self._caption = self._text = ""
        self._where: list[str] = []
        self._column = 0
        self._cell: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("thead", "tbody", "caption"):
            self._where.append(tag)
            if tag == "thead":
                self._headers = []
                self.headed_tables += 1
        elif tag == "tr":
            self._column = 0
        elif tag in ("th", "td"):
            self._cell, self._text = a, ""
        elif self._cell is not None:
            self._text += " "  # a tag inside a header separates words (a deadline under a step's name)

    def handle_data(self, data: str) -> None:
        self._text += data
        if self._where and self._where[-1] == "caption":
            self._caption += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("thead", "tbody", "caption") and self._where:
            self._where.pop()
        if tag == "table":
            self._headers, self._caption = [], ""
        if tag not in ("th", "td") or self._cell is None:
            return
        span = int(self._cell.get("colspan") or 1)
        if self._where and self._where[-1] == "thead":
            self._headers += [self._cell.get("abbr") or " ".join(self._text.split())] * span
        else:
            labelled = tag == "td" and span == 1 and self._column < len(self._headers)
            self.cells.append((self._headers[self._column] if labelled else None, self._cell.get("data-label"), self._caption))
        self._column += span
        self._cell = None


def test_the_reading_follows_the_rules() -> None:
    tables = _Tables()
    tables.feed(
        '<table><caption>C</caption><thead><tr><th scope="col">Zorgvorm</th><th abbr="Vraag">Werkelijke <span>vraag</span></th>'
        '<th colspan="2">Capaciteit &amp; "bedden"</th></tr></thead><tbody>'
        '<tr><th scope="row">Acute zorg</th><td data-label="Vraag">1</td><td>2</td><td data-label="Capaciteit &amp; &#34;bedden&#34;">3</td></tr>'
        '<tr><td colspan="4">Geen.</td></tr></tbody></table>'
        '<table><tbody><tr><th scope="row">Aanwezig</th><td data-label="x">ja</td></tr></tbody></table>'
    )
    assert tables.headed_tables == 1
    assert tables.cells == [
        (None, None, "C"),  # a row header heads its block
        ("Vraag", "Vraag", "C"),  # abbr: the short form
        ('Capaciteit & "bedden"', None, "C"),  # a header spanning two columns labels both (here one forgot it)
        ('Capaciteit & "bedden"', 'Capaciteit & "bedden"', "C"),
        (None, None, "C"),  # a note across the table
        (None, None, ""),  # a table without a header row: its row header ...
        (None, "x", ""),  # ... and its cells carry no label (here one does)
    ]


def test_a_header_and_its_cells_label_are_one_escaped_text() -> None:
    template = environment().from_string(
        '{% import "_macros.j2" as m %}{% set kolommen = ["Regio\'s", jaar, "<b>&"] %}{{ m.kolomkoppen(kolommen, getal=[1]) }}'
        '<tr><td data-label="{{ kolommen[0] }}">a</td><td data-label="{{ kolommen[2] }}">b</td></tr>'
    )
    assert template.render(jaar=2026) == (
        '<thead><tr><th scope="col">Regio\'s</th><th scope="col" class="getal">2026</th><th scope="col">&lt;b&gt;&amp;</th></tr></thead>'
        '<tr><td data-label="Regio&#39;s">a</td><td data-label="&lt;b&gt;&amp;">b</td></tr>'
    )


@pytest.mark.parametrize("root", [REPO, FIXTURES / "national"], ids=["voorbeelddata", "national"])
def test_every_data_cell_of_every_generated_table_is_labelled_with_its_column_header(
    root: Path, tmp_path: Path, stub_charts: list[str]
) -> None:
    dataset, _problems = load_dataset(root)
    outputs = generate_site(make_context(dataset, peildatum=dt.date(2026, 6, 1), cache_dir=tmp_path))
    labelled = tables = 0
    for path, text in iter_markdown(outputs):
        reading = _Tables()
        reading.feed(text)
        wrong = [cell for cell in reading.cells if cell[0] != cell[1]]
        assert wrong == [], f"{path}: (kop, data-label, caption) {wrong[:3]}"
        labelled += sum(cell[0] is not None for cell in reading.cells)
        tables += reading.headed_tables
    assert labelled > 1000 and tables > 100, (labelled, tables)  # every kind of page took part

"""Every data cell carries its column header as ``data-label``: what a phone shows beside each value (issue 17)."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

from build_scripts.reading.load import load_dataset
from build_scripts.render.context import make_context
from build_scripts.render.registry import generate_site, iter_markdown
from build_scripts.render.table_labels import label_cells
from conftest import FIXTURES

TABLE = (
    '<p>voor</p><table class="dossier-tabel"><caption>C</caption>'
    '<thead><tr><th scope="col">Zorgvorm</th><th scope="col" abbr="Vraag">Werkelijke vraag<span> (per jaar)</span></th>'
    '<th scope="col" colspan="2">Capaciteit &amp; "bedden"</th></tr></thead>\n<tbody>\n'
    '<tr class="x"><th scope="row">Acute zorg</th><td class="getal">1.100<br><span class="basis">3 van 4</span></td><td>5</td><td>6</td></tr>\n'
    '<tr><td colspan="4">Geen.</td></tr>\n'
    '<tr><td>a</td><td data-label="Eigen">b</td><td>c</td><td>d</td><td>te veel</td></tr>\n'
    "</tbody></table><p>na</p>"
)


def test_each_cell_gets_the_header_of_its_column() -> None:
    out = label_cells(TABLE)
    assert '<th scope="row">Acute zorg</th>' in out  # a row header heads its block: no label
    assert '<td class="getal" data-label="Vraag">1.100<br><span class="basis">3 van 4</span></td>' in out  # abbr: the short form
    assert out.count('data-label="Capaciteit &amp; &#34;bedden&#34;"') == 4  # a header spanning two columns labels both; quotes escaped
    assert '<td colspan="4">Geen.</td>' in out  # a note across the table gets no label
    assert '<td data-label="Zorgvorm">a</td>' in out and '<td data-label="Eigen">b</td>' in out  # an existing label stays
    assert "<td>te veel</td>" in out  # a cell beyond the header row: nothing to say
    assert out.startswith("<p>voor</p>") and out.endswith("<p>na</p>")


def test_labelling_twice_changes_nothing_and_a_table_without_header_row_stays_as_it_is() -> None:
    once = label_cells(TABLE)
    assert label_cells(once) == once
    plain = '<table class="dossier-tabel tabel2"><tbody><tr><th scope="row">Aanwezig</th><td>ja</td></tr></tbody></table>'
    assert label_cells(plain) == plain


class _Tables(HTMLParser):
    """An independent reading of the page's tables: per body cell its column header and its data-label."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[tuple[str, str | None, str]] = []  # (header, data-label, caption)
        self._headers: list[str] = []
        self._caption = self._text = ""
        self._where: list[str] = []
        self._column = 0
        self._cell: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("thead", "tbody", "caption"):
            self._where.append(tag)
            self._headers = [] if tag == "thead" else self._headers
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
        elif tag == "td" and span == 1 and self._headers:
            self.cells.append((self._headers[self._column], self._cell.get("data-label"), self._caption))
        self._column += span
        self._cell = None


def test_every_data_cell_of_every_generated_table_is_labelled_with_its_column_header(tmp_path: Path, stub_charts: list[str]) -> None:
    dataset, _problems = load_dataset(FIXTURES / "national")
    outputs = generate_site(make_context(dataset, peildatum=dt.date(2026, 6, 1), cache_dir=tmp_path))
    checked = 0
    for path, text in iter_markdown(outputs):
        tables = _Tables()
        tables.feed(text)
        wrong = [cell for cell in tables.cells if cell[0] != cell[1]]
        assert wrong == [], f"{path}: {wrong[:3]}"
        checked += len(tables.cells)
    assert checked > 1000, checked  # every kind of page took part

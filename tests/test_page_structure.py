"""What axe cannot fully judge, checked on every built page: headings in order, data tables with
captions and header cells, a text alternative and a data table for every chart, and state
colours that always come with a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from built_site import BuiltSite, build_once


@dataclass
class _Table:
    classes: str
    caption: str = ""
    header_cells: int = 0


@dataclass
class _Article(HTMLParser):
    """The page's content (``<article>``): its headings, tables, images and top-level blocks in order."""

    headings: list[int] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    blocks: list[str] = field(default_factory=list)
    coloured: list[tuple[str, str]] = field(default_factory=list)
    lang: str = ""

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._depth = 0  # > 0 inside the article
        self._text: list[list[str]] = []  # open text collectors: caption, coloured element
        self._collect: list[tuple[str, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "article" and "md-content__inner" in a.get("class", ""):
            self._depth = 1
            return
        if not self._depth or tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col"}:
            if self._depth and tag == "img":
                self.images.append(a)
            return
        self._depth += 1
        if self._depth == 2:
            self.blocks.append(f"{tag}.{a.get('class', '')}")
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        elif tag == "table":
            self.tables.append(_Table(a.get("class", "")))
        elif tag == "caption":
            self._open("caption", "")
        elif tag == "th" and self.tables:
            self.tables[-1].header_cells += 1
        classes = a.get("class", "").split()
        if any(c.startswith(("staat-", "status-")) or c == "signaal" for c in classes) and "staat-symbool" not in classes:
            self._open("coloured", " ".join(classes))

    def _open(self, kind: str, label: str) -> None:
        self._collect.append((kind, self._depth, label))
        self._text.append([])

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        while self._collect and self._collect[-1][1] == self._depth:
            kind, _depth, label = self._collect.pop()
            text = "".join(self._text.pop()).strip()
            if kind == "caption" and self.tables:
                self.tables[-1].caption = text
            elif kind == "coloured":
                self.coloured.append((label, text))
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        for collector in self._text:
            collector.append(data)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, _Article]:
    site: BuiltSite = build_once(tmp_path_factory)
    parsed = {}
    for path in sorted(site.root.rglob("*.html")):
        article = _Article()
        article.feed(path.read_text(encoding="utf-8"))
        parsed[path.relative_to(site.root).as_posix()] = article
    return parsed


def _each(pages: dict[str, _Article], check: object) -> list[str]:
    return [f"{path}: {problem}" for path, page in pages.items() for problem in check(page)]  # type: ignore[operator]


def _heading_problems(page: _Article) -> list[str]:
    problems = [] if page.headings.count(1) == 1 and page.headings[:1] == [1] else [f"h1 niet precies één keer bovenaan: {page.headings[:5]}"]
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        if after > before + 1:
            problems.append(f"kop h{after} volgt op h{before}")
    return problems


APPS = {"invulhulp/formulier/index.html": "the invulhulp's form: Decap CMS builds its own page, checked by tests/browser/test_invulhulp.py"}
"""Pages that are an application, not a Material page with an article: their headings are not ours."""


def test_every_page_is_dutch_and_its_headings_are_in_order(pages: dict[str, _Article]) -> None:
    content = {p: a for p, a in pages.items() if p != "404.html" and p not in APPS}
    assert len(content) >= 10
    assert [p for p, a in pages.items() if a.lang != "nl"] == []
    assert _each(content, _heading_problems) == []


def test_data_tables_have_a_caption_and_header_cells(pages: dict[str, _Article]) -> None:
    tables = [(p, t) for p, a in pages.items() for t in a.tables]
    assert len([t for _, t in tables if "dossier-tabel" in t.classes]) >= 20
    assert [f"{p}: tabel zonder kopcellen" for p, t in tables if t.header_cells == 0] == []
    assert [f"{p}: {t.classes} zonder bijschrift" for p, t in tables if "dossier-tabel" in t.classes and not t.caption] == []


def test_every_chart_has_a_text_alternative_and_a_data_table(pages: dict[str, _Article]) -> None:
    charts = [(p, img) for p, a in pages.items() for img in a.images if img.get("src", "").endswith(".svg")]
    assert charts, "de voorbeeldsite heeft grafieken"
    assert [f"{p}: {img['src']} zonder alt-tekst" for p, img in charts if len(img.get("alt", "").strip()) < 20] == []
    for path, page in pages.items():
        for i, block in enumerate(page.blocks):
            if block.startswith("figure.") and "grafiek" in block:
                following = page.blocks[i + 1] if i + 1 < len(page.blocks) else ""
                assert following.startswith("details.") and "grafiek-cijfers" in following, f"{path}: grafiek zonder cijfertabel erna ({following})"


def test_colour_never_carries_meaning_alone(pages: dict[str, _Article]) -> None:
    coloured = [(p, c, t) for p, a in pages.items() for c, t in a.coloured]
    assert coloured, "de voorbeeldsite toont statussen"
    assert [f"{p}: .{c.replace(' ', '.')} zonder tekst" for p, c, t in coloured if not t] == []


def test_the_structure_checker_finds_mistakes(tmp_path: Path) -> None:
    page = _Article()
    page.feed(
        '<html lang="en"><article class="md-content__inner"><h1>A</h1><h3>B</h3>'
        '<table class="dossier-tabel"><tr><td>1</td></tr></table><span class="status status-x"></span></article></html>'
    )
    assert (page.lang, _heading_problems(page)) == ("en", ["kop h3 volgt op h1"])
    assert (page.tables[0].caption, page.tables[0].header_cells, page.coloured) == ("", 0, [("status status-x", "")])

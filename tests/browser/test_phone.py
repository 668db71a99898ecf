"""Reading on a phone (issue 17): at 390 px every figure is on the screen, labelled, and still a table to a screen reader.

The older check (test_pages) lets a table scroll sideways inside its own box; these do not: a
reader who sees only the first column and stops has not read the table.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from built_site import BuiltSite

from .conftest import DESKTOP, MOBILE

pytestmark = pytest.mark.browser
PHONE_PAGES = ("home", "regio-jaar", "regio-pagina", "landelijk", "jaaragenda")
SUMMARY = "Vraag, aanbod en wachtenden per zorgvorm"

# Elements of the content that stick out of the screen, also inside a box that scrolls sideways.
# A visually hidden element (clip or clip-path on it or an ancestor) is not on the screen at all.
_OFF_SCREEN = """() => {
  document.querySelectorAll('.md-content details').forEach(d => d.open = true);
  const width = document.documentElement.clientWidth;
  const hidden = el => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.visibility === 'hidden' || (s.clip && s.clip !== 'auto') || (s.clipPath && s.clipPath !== 'none')) return true;
    }
    return false;
  };
  const out = [...document.querySelectorAll('.md-content *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && (box.right > width + 1 || box.left < -1) && !hidden(el);
  });
  const name = el => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().split(/\\s+/)[0] : '')
    + ' "' + (el.textContent || '').trim().slice(0, 30) + '" @' + Math.round(el.getBoundingClientRect().right);
  return {width, count: out.length, culprits: out.slice(0, 6).map(name)};
}"""


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_nothing_sticks_out_or_hides_behind_a_sideways_scroll_at_390px(name: str, built_site: BuiltSite, open_page: Any) -> None:
    page = open_page(built_site.url(name), viewport=MOBILE).page
    found = page.evaluate(_OFF_SCREEN)
    assert found["count"] == 0, f"/{built_site.url(name)}: {found['count']} elementen buiten {found['width']} px: {found['culprits']}"


# Every phone cell label whose longest word is wider than the label column (it would break inside the word).
_LABELS_TOO_NARROW = """() => {
  document.querySelectorAll('.md-content details').forEach(d => d.open = true);
  const canvas = document.createElement('canvas').getContext('2d');
  const out = new Set();
  for (const td of document.querySelectorAll('.md-content table.dossier-tabel td[data-label]')) {
    const label = getComputedStyle(td, '::before');
    if (label.content === 'none' || label.float === 'none') continue;
    canvas.font = `${label.fontStyle} ${label.fontWeight} ${label.fontSize} ${label.fontFamily}`;
    const longest = Math.max(...td.dataset.label.split(/\\s+/).map(w => canvas.measureText(w).width));
    if (longest > parseFloat(label.width) + 0.5) out.add(`${td.dataset.label} (${Math.ceil(longest)} > ${label.width})`);
  }
  return [...out];
}"""


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_no_cell_label_breaks_inside_a_word_at_390px(name: str, built_site: BuiltSite, open_page: Any) -> None:
    """Issue 26: a header never breaks mid-word; on a phone the headers are the cells' labels, in a column of their own."""
    page = open_page(built_site.url(name), viewport=MOBILE).page
    assert page.evaluate(_LABELS_TOO_NARROW) == []


# The text of every data cell as the reader sees it (innerText: generated labels are not part of it).
_CELL_TEXTS = """() => {
  document.querySelectorAll('.md-content details').forEach(d => d.open = true);
  return [...document.querySelectorAll('.md-content table.dossier-tabel td')].map(td => td.innerText.replace(/\\s+/g, ' ').trim());
}"""


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_every_cell_reads_at_390px_as_on_a_wide_screen(name: str, built_site: BuiltSite, open_page: Any) -> None:
    """No word glued to the next ("ziekenhuizen:3 regio's") when a row becomes a block: the table layout is the reference."""
    wide = open_page(built_site.url(name), viewport=DESKTOP).page.evaluate(_CELL_TEXTS)
    phone = open_page(built_site.url(name), viewport=MOBILE).page.evaluate(_CELL_TEXTS)
    assert len(phone) == len(wide) > 0
    glued = [(w, p) for w, p in zip(wide, phone, strict=True) if w != p]
    assert glued == [], f"{len(glued)} van {len(wide)} cellen lezen anders op 390 px: {glued[:4]}"


def _summary_cells(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """caption => {
          const table = [...document.querySelectorAll('table')].find(t => t.caption && t.caption.textContent.startsWith(caption));
          const headers = [...table.tHead.rows[0].cells].map(th => th.textContent.trim());
          const rows = [...table.tBodies[0].rows].map(tr => [...tr.cells].map((cell, i) => {
            const box = cell.getBoundingClientRect();
            return {header: headers[i], tag: cell.tagName, left: box.left, right: box.right, height: box.height,
                    text: cell.innerText.trim(), label: getComputedStyle(cell, '::before').content};
          }));
          return {width: document.documentElement.clientWidth, headers, rows};
        }""",
        SUMMARY,
    )


def test_every_figure_of_the_tabel2_summary_is_on_the_screen_with_its_column_header(built_site: BuiltSite, open_page: Any) -> None:
    page = open_page(built_site.url("regio-jaar"), viewport=MOBILE).page
    summary = _summary_cells(page)
    width = summary["width"]
    assert len(summary["headers"]) == 6 and len(summary["rows"]) == 6, summary["headers"]
    cells = [(row[0]["text"], cell) for row in summary["rows"] for cell in row]
    empty = [f"{form} / {c['header']}" for form, c in cells if not c["text"]]  # a figure, ja/nee, or 'onbekend': never nothing
    off = [f"{form} / {c['header']} {c['text']!r} op {c['left']:.0f}–{c['right']:.0f} px" for form, c in cells
           if not (c["height"] > 0 and c["left"] >= 0 and c["right"] <= width + 0.5)]
    # The row header (the care form) heads its block; every other value carries its column header.
    unlabelled = [f"{form} / {c['header']}: {c['label']}" for form, c in cells if c["tag"] == "TD" and not c["label"].startswith(f'"{c["header"]}"')]
    assert empty == []
    assert off == [], f"{len(off)} van {len(cells)} cellen niet binnen {width} px: {off[:6]}"
    assert unlabelled == [], f"{len(unlabelled)} waarden zonder kolomkop: {unlabelled[:4]}"


def _ax_table(page: Any, caption: str) -> dict[str, list[tuple[str, str]]]:
    """The accessibility tree below the table named ``caption``: (role, name) per node, by role."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    by_id = {n["nodeId"]: n for n in nodes}
    table = next(n for n in nodes if n["role"]["value"] == "table" and n.get("name", {}).get("value", "").startswith(caption))
    found: dict[str, list[tuple[str, str]]] = {}
    stack = list(table.get("childIds", []))
    while stack:
        node = by_id.get(stack.pop())
        if node is None:
            continue
        if not node.get("ignored"):
            found.setdefault(node["role"]["value"], []).append((node["role"]["value"], node.get("name", {}).get("value", "")))
        stack.extend(node.get("childIds", []))
    return found


def test_the_stacked_summary_is_still_a_table_and_reads_each_value_once(built_site: BuiltSite, open_page: Any) -> None:
    """Screen readers get rows, column headers and cells; the visible labels are not read as part of the cell."""
    page = open_page(built_site.url("regio-jaar"), viewport=MOBILE).page
    summary = _summary_cells(page)
    tree = _ax_table(page, SUMMARY)
    assert sorted(name for _role, name in tree.get("columnheader", [])) == sorted(summary["headers"])
    assert len(tree.get("row", [])) == 1 + len(summary["rows"])
    assert sorted(name for _role, name in tree.get("rowheader", [])) == sorted(row[0]["text"] for row in summary["rows"])
    expected = sorted(re.sub(r"\s+", " ", cell["text"]) for row in summary["rows"] for cell in row[1:])
    assert sorted(name for _role, name in tree.get("cell", [])) == expected  # no "Wachtenden Wachtenden 12"


def test_the_home_page_offers_region_nation_and_calendar_on_the_first_screen(built_site: BuiltSite, open_page: Any) -> None:
    page = open_page(built_site.url("home"), viewport=MOBILE).page
    first = page.evaluate(
        """() => {
          const links = [...document.querySelectorAll('.md-content a[href]')].map(a => [a.getAttribute('href'), a.getBoundingClientRect()]);
          const onScreen = pattern => links.filter(([href, box]) => new RegExp(pattern).test(href) && box.height > 0 && box.bottom <= innerHeight)
                                           .map(([href, box]) => box.bottom);
          const table = document.querySelector('.md-content table');
          const intro = document.querySelector('.md-content h1 ~ p');
          return {region: onScreen('^regios/([a-z0-9-]+/)?$'), nation: onScreen('^landelijk/(\\\\d{4}/)?$'),
                  calendar: onScreen('^jaaragenda/(\\\\d{4}/)?$'), intro: intro ? intro.getBoundingClientRect().bottom : null,
                  table: table ? table.getBoundingClientRect().top : null, height: innerHeight};
        }"""
    )
    for what in ("region", "nation", "calendar"):
        assert first[what], f"geen link naar {what} in het eerste scherm ({first['height']} px hoog)"
    last = max(min(first[w]) for w in ("region", "nation", "calendar"))
    assert first["intro"] is not None and first["intro"] < last, "eerst zegt de pagina wat het dossier is"
    assert first["table"] is None or first["table"] > last, "de drie ingangen staan vóór de eerste tabel"


def test_the_region_overview_charts_fit_the_phone_and_load(built_site: BuiltSite, open_page: Any) -> None:
    page = open_page(built_site.url("regio-pagina"), viewport=MOBILE).page
    figures = page.locator(".md-content figure.grafiek img")
    assert figures.count() == 6, "één grafiek per zorgvorm"
    for i in range(figures.count()):
        img = figures.nth(i)
        img.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
        box = img.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"] + 0.5
        assert re.search(r"\d", img.get_attribute("alt") or ""), "de alt-tekst noemt het verloop in cijfers"

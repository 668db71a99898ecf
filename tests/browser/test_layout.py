"""Every figure readable on a laptop (1280 × 800) and a phone (390 × 844), on every key page (issue 26).

A region-year page's tables fit a laptop's content column, and on a phone every number of it is on
the screen. Elsewhere a table wider than the screen scrolls only inside its own box, which is a
named, focusable region with its first column fixed and a visible line saying more columns follow;
no page scrolls sideways as a whole. Chart text is at least 12 px as shown: the SVG's font sizes
times the scale at which the browser draws the image. axe stays at 0 serious or critical findings.
Each visit saves a full-page screenshot (JPEG) under ``test-artifacts/screenshots/`` (CI keeps the folder).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from built_site import BuiltSite
from tools import AXE_JS, need_tool

from conftest import REPO

from .test_axe import BLOCKING, describe, run_axe

pytestmark = pytest.mark.browser
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
MIN_CHART_PX = 12
SCREENSHOTS = Path(os.environ.get("DOSSIER_TEST_ARTIFACTS", REPO / "test-artifacts")) / "screenshots"
REGION_YEAR = re.compile(r"regios/[a-z0-9-]+/\d{4}/$")


def key_pages(site: BuiltSite) -> list[str]:
    """Home, the region index, one region's overview, every region-year page, national, calendar, and every changes page."""
    region_years = sorted(f"{p.parent.relative_to(site.root).as_posix()}/" for p in site.root.glob("regios/*/*/index.html")
                          if re.fullmatch(r"\d{4}", p.parent.name))
    changes = sorted(f"{p.parent.relative_to(site.root).as_posix()}/" for p in site.root.glob("*/**/wijzigingen/index.html"))
    return ["", "regios/", f"regios/{site.regio}/", *region_years, f"landelijk/{site.jaar}/", f"jaaragenda/{site.jaar}/", *changes]


# What a reader at this width meets: page width, every table's box, every number of a region-year page.
_MEASURE = """() => {
  document.querySelectorAll('.md-content details').forEach(d => d.open = true);
  const width = document.documentElement.clientWidth;
  const boxes = [...document.querySelectorAll('.md-content .tabel-scroll, .md-content .md-typeset__scrollwrap')];
  const name = t => ((t.caption && t.caption.textContent) || (t.tHead && t.tHead.textContent) || '').trim().slice(0, 60);
  const wide = boxes.filter(b => b.scrollWidth > b.clientWidth + 1 && b.querySelector('table')).map(b => {
    const t = b.querySelector('table');
    const firsts = [...t.rows].map(r => r.cells[0]).filter(Boolean);
    const hint = b.previousElementSibling;
    const r = b.getBoundingClientRect();
    return {table: name(t), tabindex: b.getAttribute('tabindex'), role: b.getAttribute('role'), label: b.getAttribute('aria-label') || '',
            sticky: firsts.every(c => getComputedStyle(c).position === 'sticky'),
            hint: !!(hint && hint.classList.contains('scroll-hint') && !hint.hidden && hint.getBoundingClientRect().height > 0),
            inside: r.left >= -1 && r.right <= width + 1};
  });
  const loose = [...document.querySelectorAll('.md-content table')].filter(t => !t.closest('.tabel-scroll, .md-typeset__scrollwrap'))
    .filter(t => t.getBoundingClientRect().right > width + 1).map(name);
  // Every run of text with a digit in a table: on the screen, and inside the box it scrolls in (not hidden to its right).
  const numbers = [];
  document.querySelectorAll('.md-content table td, .md-content table th').forEach(cell => {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!/\\d/.test(n.textContent)) continue;
      const range = document.createRange(); range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const box = cell.closest('.tabel-scroll, .md-typeset__scrollwrap');
      const b = box ? box.getBoundingClientRect() : {left: 0, right: width};
      if (r.left < Math.max(0, b.left) - 1 || r.right > Math.min(width, b.right) + 1)
        numbers.push(n.textContent.trim().slice(0, 30) + ' @' + Math.round(r.left) + '–' + Math.round(r.right));
    }
  });
  return {width, scroll: document.documentElement.scrollWidth, wide, loose, numbers,
          scrolling: boxes.filter(b => b.scrollWidth > b.clientWidth + 1).map(b => name(b.querySelector('table') || b))};
}"""

# Each chart: the smallest font size in its SVG (user units) times the scale at which the image is drawn.
_CHART_TEXT = """async () => {
  const out = [];
  for (const img of document.querySelectorAll('.md-content figure img')) {
    if (!/\\.svg$/.test(new URL(img.currentSrc || img.src).pathname)) continue;
    img.loading = 'eager'; img.scrollIntoView();
    if (!img.complete) await new Promise(ok => { img.addEventListener('load', ok, {once: true}); img.addEventListener('error', ok, {once: true}); });
    const svg = await (await fetch(img.currentSrc || img.src)).text();
    const view = svg.match(/viewBox="[-0-9.]+ [-0-9.]+ ([0-9.]+) [0-9.]+"/);
    const sizes = [...svg.matchAll(/font-size: ?([0-9.]+)px/g)].map(m => parseFloat(m[1]));
    const shown = img.getBoundingClientRect().width;
    out.push({src: img.getAttribute('src'), shown, min: sizes.length ? Math.min(...sizes) * shown / parseFloat(view[1]) : null});
  }
  return out;
}"""


def _screenshot(page: Any, site: BuiltSite, path: str, width: str) -> None:
    name = path.strip("/").replace("/", "_") or "home"
    target = SCREENSHOTS / site.engine / width / f"{name}.jpg"  # JPEG: a whole site at two widths stays a few MB
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True, type="jpeg", quality=60)


@pytest.mark.parametrize("width", ["1280x800", "390x844"])
def test_every_key_page_reads_without_sideways_scrolling(width: str, built_site: BuiltSite, open_page: Any) -> None:
    need_tool(AXE_JS)
    viewport = LAPTOP if width == "1280x800" else PHONE
    problems: list[str] = []
    pages = key_pages(built_site)
    assert sum(bool(REGION_YEAR.search(p)) for p in pages) >= 2 and any("wijzigingen" in p for p in pages), pages
    for path in pages:
        page = open_page(path, viewport=viewport).page
        _screenshot(page, built_site, path, width)  # as a reader first sees it: on a phone the long sections folded
        found = page.evaluate(_MEASURE)
        where = f"/{path} ({width})"
        if found["scroll"] > found["width"]:
            problems.append(f"{where}: de pagina is {found['scroll']} px breed")
        problems += [f"{where}: tabel '{t}' steekt buiten het scherm zonder eigen scrollvak" for t in found["loose"]]
        if REGION_YEAR.search(path):
            if viewport is LAPTOP:
                problems += [f"{where}: tabel '{t}' moet opzij scrollen" for t in found["scrolling"]]
            problems += [f"{where}: getal niet op het scherm: {n}" for n in found["numbers"]]
        for box in found["wide"]:
            bad = [what for what, ok in (("tabindex=0", box["tabindex"] == "0"), ("role=region", box["role"] == "region"),
                                         ("aria-label", bool(box["label"])), ("eerste kolom vast", box["sticky"]),
                                         ("regel 'scroll opzij'", box["hint"]), ("vak binnen het scherm", box["inside"])) if not ok]
            if bad:
                problems.append(f"{where}: breed scrollvak '{box['table']}' mist {', '.join(bad)}")
        for chart in page.evaluate(_CHART_TEXT):
            if chart["min"] is None or chart["min"] < MIN_CHART_PX:
                problems.append(f"{where}: grafiek {chart['src']} heeft tekst van {chart['min']} px (getoond {chart['shown']:.0f} px breed)")
        results = run_axe(page)
        problems += [f"{where}: {describe(v)}" for v in results["violations"] if v["impact"] in BLOCKING]
        page.context.close()
    assert problems == [], f"{len(problems)} problemen:\n" + "\n".join(problems)


def test_a_wide_table_scrolls_by_keyboard_and_keeps_its_first_column(built_site: BuiltSite, open_page: Any) -> None:
    """The national totals are wider than a laptop's column: Tab reaches the box, the arrow key scrolls it, the care form stays."""
    page = open_page(f"landelijk/{built_site.jaar}/", viewport=LAPTOP).page
    box = page.locator(".tabel-scroll[role=region]").first
    box.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    first = box.locator("tbody tr th").first
    before = first.bounding_box()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("b => b.scrollLeft > 0", arg=box.element_handle())
    after = first.bounding_box()
    assert before is not None and after is not None and abs(after["x"] - before["x"]) < 1, "de eerste kolom blijft staan"


@pytest.mark.parametrize("name", ["home", "landelijk", "regio-jaar", "regio-pagina"])
def test_a_long_page_opens_with_its_jump_list_on_a_phone(name: str, built_site: BuiltSite, open_page: Any) -> None:
    """Material's table of contents is in the menu on a phone; "Op deze pagina" is on the page, near the top, and every link lands."""
    page = open_page(built_site.url(name), viewport=PHONE).page
    found = page.evaluate(
        """() => {
          const nav = document.querySelector('.md-content nav.op-deze-pagina');
          if (!nav) return null;
          const links = [...nav.querySelectorAll('a')].map(a => a.getAttribute('href'));
          return {top: nav.getBoundingClientRect().top + scrollY, visible: nav.getBoundingClientRect().height > 0,
                  name: nav.getAttribute('aria-labelledby') && document.getElementById(nav.getAttribute('aria-labelledby')).textContent,
                  links, missing: links.filter(h => !document.getElementById(decodeURIComponent(h.slice(1))))};
        }"""
    )
    assert found is not None, f"/{built_site.url(name)} heeft geen lijst 'Op deze pagina'"
    assert found["visible"] and found["top"] < 2 * PHONE["height"], found
    assert found["name"] == "Op deze pagina" and len(found["links"]) >= 3 and found["missing"] == [], found


def test_the_sections_of_a_region_year_fold_on_a_phone_and_stay_open_on_a_laptop(built_site: BuiltSite, open_page: Any) -> None:
    phone = open_page(built_site.url("regio-jaar"), viewport=PHONE).page
    laptop = open_page(built_site.url("regio-jaar"), viewport=LAPTOP).page
    state = "() => [...document.querySelectorAll('.md-content details.inklap-smal')].map(d => d.open)"
    folded, opened = phone.evaluate(state), laptop.evaluate(state)
    assert len(folded) == 6 and not any(folded), folded
    assert len(opened) == 6 and all(opened), opened
    phone.locator("details.inklap-smal > summary").first.click()
    assert phone.evaluate(state)[0] is True, "een tik opent de zorgvorm"

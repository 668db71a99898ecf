"""Charts: byte-identical for the same data, drawn only when their data changed, readable without sight."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import matplotlib
import pytest

from build_scripts.reading.load import load_dataset
from build_scripts.render import chart_cache, chart_style, charts
from build_scripts.render.context import make_context
from build_scripts.render.national import pages as national_pages
from conftest import FIXTURES

LABELS = ["Acute zorg", "Outreachende zorg", "Klinische zorg", "Beveiligde zorg", "Hoogspecialistische ggz", "Hoogspecialistische zorg"]
SPECS = {
    "vraag": charts.Chart("vraag_aanbod", {
        "titel": "Klinische zorg 2026: vraag en capaciteit per regio",
        "regios": ["Alfa", "Beta", "Gamma"], "vraag": [510, 460, None], "capaciteit": [390, 390, 400],
    }),
    "totalen": charts.Chart("totalen", {
        "titel": "Landelijke vraag en capaciteit per cyclus", "jaren": [2025, 2026], "zorgvormen": LABELS,
        "vraag": [[10, 12], [3, None], [40, 42], [3, 3], [2, 2], [None, None]],
        "capaciteit": [[11, 11], [2, 2], [41, 41], [2, 3], [2, 2], [1, 1]],
    }),
    "wachten": charts.Chart("wachten", {
        "titel": "Wachtenden en gemiddelde wachttijd per cyclus", "jaren": [2025, 2026], "zorgvormen": LABELS,
        "wachtenden": [[40, 55], [0, 0], [12, None], [0, 4], [0, 7], [0, 0]],
        "wachttijd": [[16.0, 18.5], [2.0, 2.0], [8.0, 8.0], [3.0, 3.0], [6.0, 6.0], [None, None]],
        "treeknorm": 14,
    }),
    "verloop": charts.Chart("verloop", {
        "titel": "Hoogspecialistische ggz (ggz-instellingen) in Amstelland en de Meerlanden", "jaren": [2024, 2025, 2026],
        "aanwezig": [True, True, True], "vraag": [300, None, 330], "capaciteit": [310, 300, 300],
        "wachtenden": [40, 30, 30], "wachttijd": [15.5, 12.0, None], "treeknorm": 14,
    }),
    "verloop-een-regel": charts.Chart("verloop", {  # a title just short enough for one line in normal weight, not in bold
        "titel": "Outreachende zorg in Amstelland en de Meerlanden", "jaren": [2025, 2026],
        "aanwezig": [True, True], "vraag": [455, 470], "capaciteit": [455, 460],
        "wachtenden": [14, 19], "wachttijd": [4.0, 5.0], "treeknorm": 14,
    }),
}


@pytest.fixture
def counted(stub_charts: list[str]) -> list[str]:
    """Every drawing, so a test can tell a cache hit from a render (the drawing is the shared stand-in)."""
    return stub_charts


@pytest.mark.parametrize("name", sorted(SPECS))
def test_same_data_gives_byte_identical_svg(name: str) -> None:
    chart = SPECS[name]
    first = charts.render_svg(chart.kind, chart.data)
    assert first.startswith(b"<?xml") and b"<svg" in first
    assert first == charts.render_svg(chart.kind, chart.data)
    assert b"<dc:date>" not in first  # no build time in the file


@pytest.mark.parametrize("name", sorted(SPECS))
def test_text_is_svg_text_with_a_sans_serif_fallback_and_stays_inside_the_figure(name: str) -> None:
    """Labels are real text (selectable, a third of the bytes); a reader without DejaVu Sans gets a sans-serif."""
    chart = SPECS[name]
    svg = charts.render_svg(chart.kind, chart.data).decode()
    assert chart.data["titel"] in " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))  # a long title may take two lines
    families = set(re.findall(r"font-family: ([^;\"]+)", svg))
    assert families == {"'DejaVu Sans', sans-serif"}
    width, height = (float(v) for v in re.search(r'<svg[^>]*width="([0-9.]+)pt" height="([0-9.]+)pt"', svg).groups())
    texts = [_svg_text(m) for m in re.finditer(r'<text style="([^"]*)"([^>]*)>([^<]*)</text>', svg)]
    assert len(texts) > 10 and any(bold for bold, *_rest in texts), "the bold title is measured too"
    with matplotlib.rc_context(charts.RC):
        for bold, size, anchor, x, y, angle, text in texts:
            assert 0 <= y <= height, text  # no label above or below the figure
            if angle == 0:  # horizontal: its whole width must fit (margins come from measured text, not a layout engine)
                w = chart_style.text_width(text, size, bold=bold) * 72
                left = x - {"middle": w / 2, "end": w}.get(anchor or "start", 0)
                assert left >= -1 and left + w <= width + 1, (text, left, w, width)


def _svg_text(m: re.Match[str]) -> tuple[bool, float, str, float, float, float, str]:
    """(bold, size, anchor, x, y, angle, text) of one SVG text: placed by x/y and a rotation, or (multi-line or italic text) by a translation."""
    style, attrs, text = m.groups()
    size = float(re.search(r"font-size: ([0-9.]+)px", style).group(1))
    anchored = re.search(r"text-anchor: (\w+)", style)
    anchor = anchored.group(1) if anchored else "start"
    if moved := re.search(r'transform="translate\(([-0-9.]+) ([-0-9.]+)\)(?: rotate\((-?[0-9.]+)\))?"', attrs):
        return "font-weight: 700" in style, size, anchor, float(moved.group(1)), float(moved.group(2)), float(moved.group(3) or 0), text
    x, y, angle = re.search(r'x="([-0-9.]+)" y="([-0-9.]+)" transform="rotate\((-?[0-9.]+)', attrs).groups()
    return "font-weight: 700" in style, size, anchor, float(x), float(y), float(angle), text


def test_second_render_comes_from_the_cache(tmp_path: Path, counted: list[str]) -> None:
    first = charts.render_charts(SPECS, tmp_path)
    assert (first.rendered, first.cached) == (len(SPECS), 0) and len(counted) == len(SPECS)
    second = charts.render_charts(SPECS, tmp_path)
    assert (second.rendered, second.cached) == (0, len(SPECS)) and len(counted) == len(SPECS)
    assert second.svgs == first.svgs


def test_only_the_chart_whose_data_changed_is_drawn_again(tmp_path: Path, counted: list[str]) -> None:
    charts.render_charts(SPECS, tmp_path)
    changed = dict(SPECS)
    changed["vraag"] = charts.Chart("vraag_aanbod", {**SPECS["vraag"].data, "vraag": [511, 460, None]})
    result = charts.render_charts(changed, tmp_path)
    assert (result.rendered, result.cached) == (1, len(SPECS) - 1) and counted[-1] == "vraag_aanbod"


def test_without_cache_dir_every_chart_is_drawn(counted: list[str]) -> None:
    charts.render_charts(SPECS, None)
    charts.render_charts(SPECS, None)
    assert len(counted) == 2 * len(SPECS)


def test_key_depends_on_kind_data_and_version(monkeypatch: pytest.MonkeyPatch) -> None:
    chart = SPECS["vraag"]
    key = charts.chart_key(chart)
    assert key == charts.chart_key(charts.Chart(chart.kind, dict(reversed(list(chart.data.items())))))  # key order is irrelevant
    assert key != charts.chart_key(charts.Chart(chart.kind, {**chart.data, "titel": "Anders"}))
    monkeypatch.setattr(charts, "CHART_VERSION", charts.CHART_VERSION + "-nieuw")
    assert key != charts.chart_key(chart)


def test_parallel_rendering_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    chart = SPECS["vraag"]
    specs = {"a": chart, "b": charts.Chart(chart.kind, {**chart.data, "vraag": [1, 2, 3]})}
    serial = charts.render_charts(specs, None).svgs
    monkeypatch.setattr(charts, "POOL_THRESHOLD", 0)
    monkeypatch.setattr(charts.os, "cpu_count", lambda: 2)
    assert charts.render_charts(specs, None).svgs == serial


@pytest.mark.parametrize("name", sorted(SPECS))
def test_alt_text_states_the_finding_with_a_number(name: str) -> None:
    alt = SPECS[name].alt
    assert alt.startswith(SPECS[name].data["titel"])
    assert re.search(r"\d", alt.removeprefix(SPECS[name].data["titel"]))


def test_alt_texts_name_what_exceeds() -> None:
    assert "Alfa en Beta" in SPECS["vraag"].alt  # demand above capacity; Gamma's demand is unknown
    assert "Klinische zorg (vraag 42, capaciteit 41)" in SPECS["totalen"].alt
    assert "Acute zorg (18,5 weken)" in SPECS["wachten"].alt


def test_every_chart_on_the_national_page_has_alt_text_and_a_table(tmp_path: Path, stub_charts: list[str]) -> None:
    dataset, _problems = load_dataset(FIXTURES / "national")
    outputs = dict(national_pages(make_context(dataset, peildatum=dt.date(2026, 6, 1), cache_dir=tmp_path)))
    page = outputs["landelijk/2026/index.md"].content
    assert isinstance(page, str)
    figures = re.findall(r'<figure class="grafiek">\n<img src="([^"]+)" alt="([^"]+)"', page)
    assert len(figures) == 8
    for src, alt in figures:
        assert isinstance(outputs[f"landelijk/2026/{src}"].content, bytes)
        assert re.search(r"\d", alt), src
        after = page.split(f'src="{src}"')[1].split("<figure")[0]
        assert "<table" in after and "<caption>" in after and 'scope="col"' in after and 'scope="row"' in after, src


def test_trend_alt_text_says_which_way_each_figure_went() -> None:
    alt = SPECS["verloop"].alt
    assert "Cyclus 2024 tot en met 2026" in alt
    assert "de werkelijke vraag steeg van 300 in 2024 naar 330 in 2026" in alt  # 2025 unknown: first and last known cycle
    assert "de capaciteit (binnen + buiten de regio) daalde van 310 in 2024 naar 300 in 2026" in alt
    assert "de gemiddelde wachttijd daalde van 15,5 weken in 2024 naar 12,0 weken in 2025" in alt
    assert alt.endswith("In 2026 is de vraag groter dan de capaciteit.")  # no word on the Treeknorm: 2026's waiting time is unknown


@pytest.mark.parametrize(("values", "expected"), [
    ([7, 7, 7], "het aantal wachtenden bleef 7 (2024–2026)"),
    ([None, 5, None], "het aantal wachtenden is 5 in 2025 (andere jaren onbekend)"),
    ([None, None, None], "het aantal wachtenden is onbekend"),
])
def test_trend_alt_text_for_flat_single_and_unknown_figures(values: list[int | None], expected: str) -> None:
    assert expected in charts.Chart("verloop", {**SPECS["verloop"].data, "wachtenden": values}).alt


def test_trend_alt_text_names_an_absent_offer_and_the_treeknorm() -> None:
    data = {**SPECS["verloop"].data, "jaren": [2026], "aanwezig": [False], "vraag": [12], "capaciteit": [0], "wachtenden": [3], "wachttijd": [20.0]}
    alt = charts.Chart("verloop", data).alt
    assert "Alleen cyclus 2026: de werkelijke vraag is 12 in 2026;" in alt
    assert "In 2026 is deze zorgvorm niet aanwezig in de regio." in alt and "boven de Treeknorm van 14 weken" in alt


PLANTED = {
    "script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
    "event handler": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><g/></svg>',
    "xhtml script": b'<svg xmlns="http://www.w3.org/2000/svg"><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>',
    "foreignObject": b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
    "external use": b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="https://kwaad.example/x.svg#a"/></svg>',
    "javascript link": b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>klik</text></a></svg>',
    "css import": b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://kwaad.example/a.css);</style></svg>',
    "css url": b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://kwaad.example/p)"/></svg>',
    "stylesheet instruction": b'<?xml-stylesheet href="https://kwaad.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    "entity": b'<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
    "truncated": b'<svg xmlns="http://www.w3.org/2000/svg"><g><path d="M 0 0',
    "not svg": b"<html><body>hallo</body></html>",
}


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_a_planted_cache_entry_is_never_published_the_chart_is_drawn_again(tmp_path: Path, kind: str) -> None:
    """What a merge request could leave in a shared CI cache, under the exact key of a real chart."""
    chart = SPECS["vraag"]
    entry = tmp_path / f"{charts.chart_key(chart)}.svg"
    entry.write_bytes(PLANTED[kind])
    result = charts.render_charts({"vraag": chart}, tmp_path)
    fresh = charts.render_svg(chart.kind, chart.data)
    assert result.svgs["vraag"] == fresh and (result.rendered, result.cached, result.refused) == (1, 0, 1)
    assert entry.read_bytes() == fresh, "the refused entry is replaced by the drawing"


def test_a_cache_entry_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    chart = SPECS["vraag"]
    outside = tmp_path / "elders.svg"
    outside.write_bytes(PLANTED["script"])
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"{charts.chart_key(chart)}.svg").symlink_to(outside)
    result = charts.render_charts({"vraag": chart}, cache)
    assert result.refused == 1 and b"<script" not in result.svgs["vraag"]
    assert outside.read_bytes() == PLANTED["script"], "the write replaced the link, not what it points to"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_chart_matplotlib_draws_passes_the_cache_check(tmp_path: Path, name: str) -> None:
    """So a real cache entry is used: the check refuses only what matplotlib would not draw."""
    chart = SPECS[name]
    assert chart_cache.is_drawn_svg(charts.render_svg(chart.kind, chart.data))
    charts.render_charts({name: chart}, tmp_path)
    assert charts.render_charts({name: chart}, tmp_path).cached == 1

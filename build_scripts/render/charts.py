"""Charts as pure functions of their data: a JSON-able spec in, byte-identical SVG out.

Rendering is the slow part of a build, so every chart is cached on the hash of its kind, its
data, :data:`CHART_VERSION`, the source of the chart modules and the matplotlib version: a chart is drawn
only when one of those changed, or when its cache entry is not what matplotlib draws
(:mod:`chart_cache` checks every entry on use). Many missing charts are drawn in parallel. matplotlib is imported inside the drawing
functions only, so importing this module stays cheap.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import json
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from ..contract.notation import number as getal_tekst
from . import chart_style, trend_chart
from .chart_cache import read_entry, write_entry
from .chart_style import (
    ARCERING,
    KLEUR_CAPACITEIT,
    KLEUR_VRAAG,
    OKABE_ITO,
    RC,
    bar_lengths,
    count_limits,
    dutch_axis,
    label_margin,
    margins,
    opsomming,
    title,
    title_height,
    value_labels,
    wrap,
)
from .forking import fork_is_safe

CHART_VERSION = "4"  # bump when a drawing function changes its output
POOL_THRESHOLD = 6  # below this many missing charts a process pool costs more than it saves
CHART_MODULES = (Path(__file__), Path(chart_style.__file__), Path(trend_chart.__file__))  # whose source is in every chart's key


@dataclass(frozen=True)
class Chart:
    """What to draw: a kind (one of :data:`KINDS`) and its JSON-able data."""

    kind: str
    data: Mapping[str, Any]

    @property
    def alt(self) -> str:
        """The alt text: the chart's main finding in one or two Dutch sentences."""
        return ALT_TEXTS[self.kind](self.data)


@dataclass(frozen=True)
class RenderResult:
    """The SVG per chart name, and how many were drawn versus taken from the cache (``refused``: entries not read, drawn again)."""

    svgs: dict[str, bytes]
    rendered: int
    cached: int
    refused: int = 0


def chart_key(chart: Chart) -> str:
    """Content hash of everything the SVG depends on (without importing matplotlib: a cache hit stays cheap)."""
    payload = json.dumps(
        {"kind": chart.kind, "data": chart.data, "version": CHART_VERSION, "code": _code_hash(), "matplotlib": _matplotlib_version()},
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@cache
def _matplotlib_version() -> str:
    return importlib.metadata.version("matplotlib")


@cache
def _code_hash() -> str:
    """The charts' own source: a change to a drawing function or a shared helper can never serve a stale chart."""
    return hashlib.sha256(b"".join(path.read_bytes() for path in CHART_MODULES)).hexdigest()


def render_charts(charts: Mapping[str, Chart], cache_dir: Path | None) -> RenderResult:
    """Every chart's SVG, from the cache where possible; misses are drawn (in parallel if many)."""
    keys = {name: chart_key(chart) for name, chart in charts.items()}
    by_key: dict[str, bytes] = {}
    refused = 0
    for key in sorted(set(keys.values())):
        cached, was_refused = read_entry(cache_dir, key)
        refused += was_refused
        if cached is not None:
            by_key[key] = cached
    missing = sorted({key: charts[name] for name, key in keys.items() if key not in by_key}.items())
    for (key, _chart), svg in zip(missing, _draw_many([chart for _key, chart in missing]), strict=True):
        by_key[key] = svg
        write_entry(cache_dir, key, svg)
    svgs = {name: by_key[key] for name, key in keys.items()}
    return RenderResult(svgs, rendered=len(missing), cached=len(by_key) - len(missing), refused=refused)


def _draw_many(charts: list[Chart]) -> list[bytes]:
    workers = min(os.cpu_count() or 1, len(charts))
    if len(charts) <= POOL_THRESHOLD or workers < 2:
        return [render_svg(chart.kind, chart.data) for chart in charts]
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
            return list(pool.map(render_svg, [c.kind for c in charts], [c.data for c in charts], chunksize=2))
    except BrokenProcessPool:  # e.g. a __main__ a spawned worker cannot re-import: draw here instead
        return [render_svg(chart.kind, chart.data) for chart in charts]


def _pool_context() -> BaseContext:
    """fork where it is safe: no re-import of matplotlib per worker."""
    if fork_is_safe():
        return get_context("fork")
    return get_context("spawn")


def render_svg(kind: str, data: Mapping[str, Any]) -> bytes:
    """Draw one chart: no dates, fixed hash salt, so the same data gives the same bytes."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    with matplotlib.rc_context(RC):  # type: ignore[arg-type, unused-ignore]  # RC keys are rcParams names: matplotlib ≥ 3.11 types them as one Literal
        fig = Figure(figsize=(8, 4))  # no layout engine: each drawer sets its margins from measured text (one draw, not three)
        DRAWERS[kind](fig, data)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


NARROW = 3.6
"""Width in inches of the national charts: shown 312 px wide or more (a phone of 390 px, also in a folded section),
10 pt text is at least 12 px (issue 26)."""
PAIR = (("Vraag", KLEUR_VRAAG, "//"), ("Capaciteit (binnen + buiten regio)", KLEUR_CAPACITEIT, ""))


def _pair_bars(ax: Any, rows: Sequence[float], vraag: list[int | float | None], capaciteit: list[int | float | None], labels: tuple[str, str]) -> None:
    """Demand above capacity for each row position: the two bars of a row, each with its figure."""
    for (_name, colour, hatch), label, values, offset in zip(PAIR, labels, (vraag, capaciteit), (-0.17, 0.17), strict=True):
        bars = ax.barh([r + offset for r in rows], bar_lengths(values), height=0.32, color=colour, hatch=hatch, edgecolor="white", label=label)
        value_labels(ax, bars, values)


def _draw_demand_supply(fig: Any, data: Mapping[str, Any]) -> None:
    """One region per row, its name on a line of its own above its two bars: the bars get the whole width of a phone."""
    regios: list[str] = data["regios"]
    top = title_height(data["titel"], NARROW) + 0.62
    fig.set_size_inches(NARROW, top + 0.72 * max(len(regios), 1) + 0.6)
    ax = fig.add_subplot()
    rows = [i + 0.2 for i in range(len(regios))]  # the upper fifth of each row holds the region's name
    _pair_bars(ax, rows, data["vraag"], data["capaciteit"], (PAIR[0][0], PAIR[1][0]))
    for i, regio in enumerate(regios):
        ax.text(0, i - 0.24, regio, transform=ax.get_yaxis_transform(), va="center", ha="left", fontsize=10, fontweight="bold")
    ax.set_yticks([])
    ax.spines["left"].set_visible(True)
    ax.set_ylim(len(regios) - 0.5 + 0.1, -0.5)
    ax.set_xlabel("Behandelingen of opnames per jaar")
    count_limits(ax, "x", [*data["vraag"], *data["capaciteit"]], 1.3, nbins=4)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=1, frameon=False, borderaxespad=0.1)
    title(fig, data["titel"])
    margins(fig, left=0.12, right=0.15, top=top, bottom=0.55)


def _draw_totals(fig: Any, data: Mapping[str, Any]) -> None:
    """One panel per care form under each other, a row per cycle, each panel on its own scale."""
    jaren: list[int] = data["jaren"]
    zorgvormen: list[str] = data["zorgvormen"]
    top = title_height(data["titel"], NARROW) + 0.55
    panel = 0.45 + 0.5 * max(len(jaren), 1)
    fig.set_size_inches(NARROW, top + len(zorgvormen) * panel + 0.2)
    axes = fig.subplots(len(zorgvormen), 1)
    rows = list(range(len(jaren)))
    labels = [str(j) for j in jaren]
    for i, (ax, label) in enumerate(zip(axes.flat, zorgvormen, strict=True)):
        _pair_bars(ax, rows, data["vraag"][i], data["capaciteit"][i], ("Vraag", "Capaciteit"))
        ax.set_yticks(rows, labels)
        ax.set_ylim(len(jaren) - 0.5, -0.5)
        ax.set_title(label, loc="left", fontsize=10.5, fontweight="bold")
        count_limits(ax, "x", [*data["vraag"][i], *data["capaciteit"][i]], 1.35, nbins=4)
    handles, names = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, names, loc="upper left", bbox_to_anchor=(0.1 / NARROW, 1 - (top - 0.5) / fig.get_size_inches()[1]), ncols=2, frameon=False)
    title(fig, data["titel"])
    margins(fig, left=label_margin(labels), right=0.15, top=top, bottom=0.35, hgap=0.55, nrows=len(zorgvormen))


def _draw_waiting(fig: Any, data: Mapping[str, Any]) -> None:
    """Waiting people above, waiting time below (with the Treeknorm), a bar per cycle for each care form."""
    jaren: list[int] = data["jaren"]
    zorgvormen = [wrap(z, 20) for z in data["zorgvormen"]]
    ncols = min(len(jaren), 4)
    legend_rows = -(-len(jaren) // ncols) if jaren else 1
    top = title_height(data["titel"], NARROW) + 0.3
    panel = len(zorgvormen) * (0.24 * len(jaren) + 0.3)
    fig.set_size_inches(NARROW, top + 2 * panel + 1.25 + 0.55 + 0.25 * (legend_rows + 1))
    upper, lower = fig.subplots(2, 1)
    step = 0.8 / max(len(jaren), 1)
    for j, jaar in enumerate(jaren):
        offset = -0.4 + step * (j + 0.5)
        style = {"height": step * 0.95, "color": OKABE_ITO[j % len(OKABE_ITO)], "hatch": ARCERING[j % len(ARCERING)], "edgecolor": "white", "label": str(jaar)}
        wachtenden = [row[j] for row in data["wachtenden"]]
        wachttijd = [row[j] for row in data["wachttijd"]]
        value_labels(upper, upper.barh([i + offset for i in range(len(zorgvormen))], bar_lengths(wachtenden), **style), wachtenden)
        value_labels(lower, lower.barh([i + offset for i in range(len(zorgvormen))], bar_lengths(wachttijd), **style), wachttijd, decimals=1)
    for ax in (upper, lower):
        ax.set_yticks(range(len(zorgvormen)), zorgvormen)
        ax.set_ylim(len(zorgvormen) - 0.5, -0.5)
    upper.set_xlabel("Wachtenden (aantal mensen)")
    lower.set_xlabel("Gemiddelde wachttijd (weken)")
    count_limits(upper, "x", [v for row in data["wachtenden"] for v in row], 1.3, nbins=4)
    weken = [v for row in data["wachttijd"] for v in row if v is not None]
    lower.set_xlim(0, 1.35 * max([*weken, data["treeknorm"]]))
    dutch_axis(lower.xaxis, integer=False, nbins=4)
    lower.axvline(data["treeknorm"], color="black", linestyle="--", linewidth=1.2)
    lower.annotate(f"Treeknorm {data['treeknorm']} weken", (data["treeknorm"], 1.0), xycoords=("data", "axes fraction"),
                   xytext=(0, 3), textcoords="offset points", ha="center", va="bottom", fontsize=10)
    handles, labels = upper.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncols=ncols, frameon=False, title="Cyclus")
    title(fig, data["titel"])
    margins(fig, left=label_margin(zorgvormen), right=0.45, top=top, bottom=0.55 + 0.25 * (legend_rows + 1), hgap=1.25, nrows=2)


DRAWERS: dict[str, Callable[[Any, Mapping[str, Any]], None]] = {
    "vraag_aanbod": _draw_demand_supply,
    "totalen": _draw_totals,
    "wachten": _draw_waiting,
    "verloop": trend_chart.draw,
}
KINDS = tuple(DRAWERS)


def _alt_demand_supply(data: Mapping[str, Any]) -> str:
    bekend = [(r, v, c) for r, v, c in zip(data["regios"], data["vraag"], data["capaciteit"], strict=True) if v is not None and c is not None]
    tekort = [r for r, v, c in bekend if v > c]
    text = f"{data['titel']}. Van {len(data['regios'])} regio's zijn vraag en capaciteit bij {len(bekend)} allebei bekend. "
    if tekort:
        return text + f"In {len(tekort)} daarvan is de vraag groter dan de capaciteit: {opsomming(tekort)}."
    return text + "In geen daarvan is de vraag groter dan de capaciteit."


def _alt_totals(data: Mapping[str, Any]) -> str:
    jaar, i = data["jaren"][-1], len(data["jaren"]) - 1
    rows = list(zip(data["zorgvormen"], data["vraag"], data["capaciteit"], strict=True))
    tekort = [f"{z} (vraag {getal_tekst(v[i])}, capaciteit {getal_tekst(c[i])})" for z, v, c in rows if v[i] is not None and c[i] is not None and v[i] > c[i]]
    text = f"{data['titel']}. "
    if tekort:
        return text + f"In {jaar} is de landelijke vraag groter dan de capaciteit bij {len(tekort)} van de {len(rows)} zorgvormen: {opsomming(tekort)}."
    return text + f"In {jaar} is de landelijke vraag bij geen van de {len(rows)} zorgvormen groter dan de capaciteit."


def _alt_waiting(data: Mapping[str, Any]) -> str:
    jaren, norm = data["jaren"], data["treeknorm"]
    sums = [sum(row[j] for row in data["wachtenden"] if row[j] is not None) for j in range(len(jaren))]
    text = f"{data['titel']}. "
    if len(jaren) > 1:
        text += f"Opgeteld over de zorgvormen ging het aantal wachtenden van {getal_tekst(sums[0])} in {jaren[0]} naar {getal_tekst(sums[-1])} in {jaren[-1]}. "
    else:
        text += f"Opgeteld over de zorgvormen wachten in {jaren[0]} {getal_tekst(sums[0])} mensen. "
    laatste = [(z, row[-1]) for z, row in zip(data["zorgvormen"], data["wachttijd"], strict=True)]
    boven = [f"{z} ({getal_tekst(weken, 1)} weken)" for z, weken in laatste if weken is not None and weken > norm]
    if boven:
        return text + f"In {jaren[-1]} ligt de gemiddelde wachttijd bij {len(boven)} zorgvormen boven de Treeknorm van {norm} weken: {opsomming(boven)}."
    return text + f"In {jaren[-1]} ligt de gemiddelde wachttijd bij geen enkele zorgvorm boven de Treeknorm van {norm} weken."


ALT_TEXTS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "vraag_aanbod": _alt_demand_supply,
    "totalen": _alt_totals,
    "wachten": _alt_waiting,
    "verloop": trend_chart.alt,
}

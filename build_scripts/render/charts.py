"""Charts as pure functions of their data: a JSON-able spec in, byte-identical SVG out.

Rendering is the slow part of a build, so every chart is cached on the hash of its kind, its
data, :data:`CHART_VERSION`, this module's source and the matplotlib version: a chart is drawn
only when one of those changed. Many missing charts are drawn in parallel. matplotlib is imported inside the drawing
functions only, so importing this module stays cheap.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import io
import json
import os
import textwrap
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from multiprocessing import get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from ..contract.notation import number as getal_tekst
from .forking import fork_is_safe

CHART_VERSION = "3"  # bump when a drawing function changes its output
POOL_THRESHOLD = 6  # below this many missing charts a process pool costs more than it saves
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
ARCERING = ("", "//", "..", "xx", "\\\\", "--", "++", "oo")
KLEUR_VRAAG, KLEUR_CAPACITEIT = "#D55E00", "#0072B2"
RC: dict[str, Any] = {
    "svg.hashsalt": "cruciale-ggz-dossier",
    "svg.fonttype": "none",  # text stays text: a third of the bytes, selectable, and much faster to write
    "font.family": "sans-serif",  # text is SVG text: a reader without DejaVu Sans gets a sans-serif, not the default serif
    "font.sans-serif": ["DejaVu Sans"],  # the metrics the margins are computed with
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "figure.titlesize": 13,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "hatch.linewidth": 0.8,
}


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
    """The SVG per chart name, and how many were drawn versus taken from the cache."""

    svgs: dict[str, bytes]
    rendered: int
    cached: int


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
    """This module's own source: a change to a drawing function can never serve a stale chart."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def render_charts(charts: Mapping[str, Chart], cache_dir: Path | None) -> RenderResult:
    """Every chart's SVG, from the cache where possible; misses are drawn (in parallel if many)."""
    keys = {name: chart_key(chart) for name, chart in charts.items()}
    by_key: dict[str, bytes] = {}
    for key in set(keys.values()):
        cached = _read_cache(cache_dir, key)
        if cached is not None:
            by_key[key] = cached
    missing = sorted({key: charts[name] for name, key in keys.items() if key not in by_key}.items())
    for (key, _chart), svg in zip(missing, _draw_many([chart for _key, chart in missing]), strict=True):
        by_key[key] = svg
        _write_cache(cache_dir, key, svg)
    return RenderResult({name: by_key[key] for name, key in keys.items()}, rendered=len(missing), cached=len(by_key) - len(missing))


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


def _read_cache(cache_dir: Path | None, key: str) -> bytes | None:
    if cache_dir is None:
        return None
    path = cache_dir / f"{key}.svg"
    return path.read_bytes() if path.is_file() else None


def _write_cache(cache_dir: Path | None, key: str, svg: bytes) -> None:
    """Atomic write, so a parallel or interrupted build never leaves half an SVG behind."""
    if cache_dir is None:
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f".{key}.{os.getpid()}.tmp"
    tmp.write_bytes(svg)
    os.replace(tmp, cache_dir / f"{key}.svg")


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


def _text_width(text: str, size: float) -> float:
    """Width in inches of (multi-line) text in the chart font, read from the font's metrics without drawing."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family=RC["font.family"], size=size)
    return max(text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0] for line in text.split("\n")) / 72


def _margins(fig: Any, left: float, right: float, top: float, bottom: float, wgap: float = 0.0, hgap: float = 0.0,
             ncols: int = 1, nrows: int = 1) -> None:
    """Place the axes with margins and gaps given in inches (what a layout engine would compute, at a fraction of its cost)."""
    width, height = fig.get_size_inches()
    axes_w = (width - left - right - (ncols - 1) * wgap) / ncols
    axes_h = (height - top - bottom - (nrows - 1) * hgap) / nrows
    fig.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height,
                        wspace=wgap / axes_w, hspace=hgap / axes_h)


def _label_margin(labels: list[str]) -> float:
    """Left margin in inches for a column of y tick labels: the widest label plus the tick and a gap."""
    return max((_text_width(label, RC["ytick.labelsize"]) for label in labels), default=0) + 0.25


def _title(fig: Any, titel: str) -> None:
    """The bold title, 0.12 inch below the top edge whatever the figure's height."""
    fig.suptitle(titel, fontweight="bold", y=1 - 0.12 / fig.get_size_inches()[1], va="top")


def _wrap(label: str, width: int = 24) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _value_labels(ax: Any, bars: Any, values: list[int | float | None], decimals: int = 0, horizontal: bool = True) -> None:
    """Numbers on the bars (so the chart does not rely on colour) and 'onbekend' where unknown."""
    for bar, value in zip(bars, values, strict=True):
        text = getal_tekst(value, decimals)
        if horizontal:
            ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(3, 0),
                        textcoords="offset points", va="center", fontsize=10, style="normal" if value is not None else "italic")
        else:
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), xytext=(0, 2),
                        textcoords="offset points", ha="center", fontsize=10, rotation=90 if len(text) > 4 else 0,
                        style="normal" if value is not None else "italic")


def _count_limits(ax: Any, which: str, values: list[int | float | None], headroom: float) -> None:
    """A count axis from 0 with room for the value labels; without any known value just a 0."""
    top = max((v for v in values if v is not None), default=0)
    getattr(ax, f"set_{which}lim")(0, top * headroom if top > 0 else 1)
    axis = getattr(ax, f"{which}axis")
    if top > 0:
        _dutch_axis(axis)
    else:
        axis.set_ticks([0], ["0"])


def _dutch_axis(axis: Any, integer: bool = True) -> None:
    """Dutch tick labels (10.000; 2,5), whole numbers only on count axes."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=integer))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: getal_tekst(v, 0 if float(v).is_integer() else 1)))


def _zero(values: list[int | float | None]) -> list[float]:
    """Bar lengths: an unknown value gets no bar (its label says 'onbekend'), never a 0 value."""
    return [0.0 if v is None else float(v) for v in values]


def _draw_vraag_aanbod(fig: Any, data: Mapping[str, Any]) -> None:
    regios: list[str] = data["regios"]
    fig.set_size_inches(8, 1.6 + 0.55 * max(len(regios), 1))
    ax = fig.add_subplot()
    positions = list(range(len(regios)))
    series = (("Vraag", data["vraag"], KLEUR_VRAAG, "//", -0.2), ("Capaciteit (binnen + buiten regio)", data["capaciteit"], KLEUR_CAPACITEIT, "", 0.2))
    for label, values, colour, hatch, offset in series:
        bars = ax.barh([p + offset for p in positions], _zero(values), height=0.38, color=colour, hatch=hatch, edgecolor="white", label=label)
        _value_labels(ax, bars, values)
    ax.set_yticks(positions, regios)
    ax.set_ylim(len(regios) - 0.5, -0.5)  # first region on top, no empty rows around the bars
    ax.set_xlabel("Behandelingen of opnames per jaar")
    _count_limits(ax, "x", [*data["vraag"], *data["capaciteit"]], 1.18)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, frameon=False)
    _title(fig, data["titel"])
    _margins(fig, left=_label_margin(regios), right=0.3, top=0.85, bottom=0.65)


def _draw_totalen(fig: Any, data: Mapping[str, Any]) -> None:
    jaren: list[int] = data["jaren"]
    zorgvormen: list[str] = data["zorgvormen"]
    fig.set_size_inches(8, 7)
    axes = fig.subplots(2, 3)
    positions = list(range(len(jaren)))
    for i, (ax, label) in enumerate(zip(axes.flat, zorgvormen, strict=True)):
        for name, values, colour, hatch, offset in (
            ("Vraag", data["vraag"][i], KLEUR_VRAAG, "//", -0.2),
            ("Capaciteit", data["capaciteit"][i], KLEUR_CAPACITEIT, "", 0.2),
        ):
            bars = ax.bar([p + offset for p in positions], _zero(values), width=0.38, color=colour, hatch=hatch, edgecolor="white", label=name)
            if len(jaren) <= 4:
                _value_labels(ax, bars, values, horizontal=False)
        ax.set_title(_wrap(label, 22), fontsize=11)
        ax.set_xticks(positions, [str(j) for j in jaren])
        _count_limits(ax, "y", [*data["vraag"][i], *data["capaciteit"][i]], 1.3)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncols=2, frameon=False)
    _title(fig, data["titel"])
    _margins(fig, left=0.6, right=0.15, top=0.75, bottom=0.75, wgap=0.6, hgap=0.85, ncols=3, nrows=2)


def _draw_wachten(fig: Any, data: Mapping[str, Any]) -> None:
    jaren: list[int] = data["jaren"]
    zorgvormen = [_wrap(z, 20) for z in data["zorgvormen"]]
    fig.set_size_inches(8, 1.8 + len(zorgvormen) * (0.3 * len(jaren) + 0.35))
    left, right = fig.subplots(1, 2, sharey=True)
    step = 0.8 / max(len(jaren), 1)
    for j, jaar in enumerate(jaren):
        offset = -0.4 + step * (j + 0.5)
        style = {"height": step * 0.95, "color": OKABE_ITO[j % len(OKABE_ITO)], "hatch": ARCERING[j % len(ARCERING)], "edgecolor": "white", "label": str(jaar)}
        wachtenden = [row[j] for row in data["wachtenden"]]
        wachttijd = [row[j] for row in data["wachttijd"]]
        _value_labels(left, left.barh([i + offset for i in range(len(zorgvormen))], _zero(wachtenden), **style), wachtenden)
        _value_labels(right, right.barh([i + offset for i in range(len(zorgvormen))], _zero(wachttijd), **style), wachttijd, decimals=1)
    left.set_yticks(range(len(zorgvormen)), zorgvormen)
    left.set_ylim(len(zorgvormen) - 0.5, -0.5)
    left.set_xlabel("Wachtenden (aantal mensen)")
    right.set_xlabel("Gemiddelde wachttijd (weken)")
    _count_limits(left, "x", [v for row in data["wachtenden"] for v in row], 1.25)
    weken = [v for row in data["wachttijd"] for v in row if v is not None]
    right.set_xlim(0, 1.3 * max([*weken, data["treeknorm"]]))
    _dutch_axis(right.xaxis, integer=False)
    right.axvline(data["treeknorm"], color="black", linestyle="--", linewidth=1.2)
    right.annotate(f"Treeknorm {data['treeknorm']} weken", (data["treeknorm"], 1.0), xycoords=("data", "axes fraction"),
                   xytext=(0, 3), textcoords="offset points", ha="center", va="bottom", fontsize=10)
    handles, labels = left.get_legend_handles_labels()
    ncols = min(len(jaren), 6)
    fig.legend(handles, labels, loc="lower center", ncols=ncols, frameon=False, title="Cyclus")
    _title(fig, data["titel"])
    legend_rows = -(-len(jaren) // ncols) if jaren else 1
    _margins(fig, left=_label_margin(zorgvormen), right=0.45, top=0.7, bottom=0.75 + 0.25 * (legend_rows + 1), wgap=0.3, ncols=2)


DRAWERS: dict[str, Callable[[Any, Mapping[str, Any]], None]] = {
    "vraag_aanbod": _draw_vraag_aanbod,
    "totalen": _draw_totalen,
    "wachten": _draw_wachten,
}
KINDS = tuple(DRAWERS)


def _opsomming(items: list[str]) -> str:
    """Dutch enumeration: 'A', 'A en B', 'A, B en C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _alt_vraag_aanbod(data: Mapping[str, Any]) -> str:
    bekend = [(r, v, c) for r, v, c in zip(data["regios"], data["vraag"], data["capaciteit"], strict=True) if v is not None and c is not None]
    tekort = [r for r, v, c in bekend if v > c]
    text = f"{data['titel']}. Van {len(data['regios'])} regio's zijn vraag en capaciteit bij {len(bekend)} allebei bekend. "
    if tekort:
        return text + f"In {len(tekort)} daarvan is de vraag groter dan de capaciteit: {_opsomming(tekort)}."
    return text + "In geen daarvan is de vraag groter dan de capaciteit."


def _alt_totalen(data: Mapping[str, Any]) -> str:
    jaar, i = data["jaren"][-1], len(data["jaren"]) - 1
    rows = list(zip(data["zorgvormen"], data["vraag"], data["capaciteit"], strict=True))
    tekort = [f"{z} (vraag {getal_tekst(v[i])}, capaciteit {getal_tekst(c[i])})" for z, v, c in rows if v[i] is not None and c[i] is not None and v[i] > c[i]]
    text = f"{data['titel']}. "
    if tekort:
        return text + f"In {jaar} is de landelijke vraag groter dan de capaciteit bij {len(tekort)} van de {len(rows)} zorgvormen: {_opsomming(tekort)}."
    return text + f"In {jaar} is de landelijke vraag bij geen van de {len(rows)} zorgvormen groter dan de capaciteit."


def _alt_wachten(data: Mapping[str, Any]) -> str:
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
        return text + f"In {jaren[-1]} ligt de gemiddelde wachttijd bij {len(boven)} zorgvormen boven de Treeknorm van {norm} weken: {_opsomming(boven)}."
    return text + f"In {jaren[-1]} ligt de gemiddelde wachttijd bij geen enkele zorgvorm boven de Treeknorm van {norm} weken."


ALT_TEXTS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "vraag_aanbod": _alt_vraag_aanbod,
    "totalen": _alt_totalen,
    "wachten": _alt_wachten,
}

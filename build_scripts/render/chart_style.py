"""What every chart shares: the matplotlib settings, the colours, and the helpers that place text.

Each drawer (``charts`` for the national charts, ``trend_chart`` for a region's years) builds on
these, so all charts have the same font, the same colours for demand and capacity, Dutch numbers,
and margins computed from the font's metrics instead of a layout engine.
"""

from __future__ import annotations

import textwrap
from typing import Any, Literal

from ..contract.notation import number as getal_tekst

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


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in inches of (multi-line) text in the chart font, read from the font's metrics without drawing."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family=RC["font.family"], size=size, weight="bold" if bold else "normal")
    return max(text_to_path.get_text_width_height_descent(line, prop, ismath=False)[0] for line in text.split("\n")) / 72


def margins(fig: Any, left: float, right: float, top: float, bottom: float, wgap: float = 0.0, hgap: float = 0.0,
            ncols: int = 1, nrows: int = 1) -> None:
    """Place the axes with margins and gaps given in inches (what a layout engine would compute, at a fraction of its cost)."""
    width, height = fig.get_size_inches()
    axes_w = (width - left - right - (ncols - 1) * wgap) / ncols
    axes_h = (height - top - bottom - (nrows - 1) * hgap) / nrows
    fig.subplots_adjust(left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height,
                        wspace=wgap / axes_w, hspace=hgap / axes_h)


def label_margin(labels: list[str]) -> float:
    """Left margin in inches for a column of y tick labels: the widest label plus the tick and a gap."""
    return max((text_width(label, RC["ytick.labelsize"]) for label in labels), default=0) + 0.25


def title(fig: Any, titel: str) -> None:
    """The bold title, 0.12 inch below the top edge whatever the figure's height, wrapped to the figure's width."""
    fig.suptitle(fit_lines(titel, RC["figure.titlesize"], fig.get_size_inches()[0] - 0.2, bold=True),
                 fontweight="bold", y=1 - 0.12 / fig.get_size_inches()[1], va="top")


def fit_lines(text: str, size: float, width: float, bold: bool = False) -> str:
    """``text`` broken at spaces into lines no wider than ``width`` inches (measured, not counted in characters)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines) or text


def title_height(titel: str, width: float) -> float:
    """Height in inches the wrapped title takes below the top edge (with its gap to what follows)."""
    lines = fit_lines(titel, RC["figure.titlesize"], width - 0.2, bold=True).count("\n") + 1
    return 0.12 + lines * RC["figure.titlesize"] * 1.25 / 72


def wrap(label: str, width: int = 24) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def value_labels(ax: Any, bars: Any, values: list[int | float | None], decimals: int = 0, horizontal: bool = True) -> None:
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


def count_limits(ax: Any, which: str, values: list[int | float | None], headroom: float, nbins: int | Literal["auto"] = "auto") -> None:
    """A count axis from 0 with room for the value labels; without any known value just a 0. ``nbins``: at most that many ticks."""
    top = max((v for v in values if v is not None), default=0)
    getattr(ax, f"set_{which}lim")(0, top * headroom if top > 0 else 1)
    axis = getattr(ax, f"{which}axis")
    if top > 0:
        dutch_axis(axis, nbins=nbins)
    else:
        axis.set_ticks([0], ["0"])


def dutch_axis(axis: Any, integer: bool = True, nbins: int | Literal["auto"] = "auto") -> None:
    """Dutch tick labels (10.000; 2,5), whole numbers only on count axes."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10], integer=integer))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: getal_tekst(v, 0 if float(v).is_integer() else 1)))


def bar_lengths(values: list[int | float | None]) -> list[float]:
    """Bar lengths: an unknown value gets no bar (its label says 'onbekend'), never a 0 value."""
    return [0.0 if v is None else float(v) for v in values]


def opsomming(items: list[str]) -> str:
    """Dutch enumeration: 'A', 'A en B', 'A, B en C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]

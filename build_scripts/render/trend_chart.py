"""The ``verloop`` chart: one care form in one region, its cycles side by side, small enough for a phone.

Three panels: demand against capacity, the number waiting, and the mean waiting time against the
Treeknorm, each with one bar per cycle and its number written beside it (an unknown figure gets no
bar and the word *onbekend*). The figure is drawn 4.8 inches wide, so that on a 390 px screen it
shrinks by less than a quarter and its text stays readable. The alt text says in words which way
each figure went: the chart answers "is it getting better here?", and so must its text; :func:`comparison`
says the same for the last two cycles in a sentence every reader sees.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..contract.notation import number as getal_tekst
from .chart_style import KLEUR_CAPACITEIT, KLEUR_VRAAG, bar_lengths, count_limits, dutch_axis, fit_lines, label_margin, value_labels

WIDTH = 3.8  # inches: shown 329 px wide or more (a phone of 390 px), 10 pt text is at least 12 px (issue 26)
KLEUR_WACHTEN = "#009E73"  # Okabe-Ito green: 3.3:1 against the white background
_BAR_ROW, _WAIT_ROW = 0.44, 0.3  # inches of axes height per cycle
_LINE = 0.24  # one line of 10-11 pt text, in inches


def draw(fig: Any, data: Mapping[str, Any]) -> None:
    """Title and legend on top, demand and capacity across the width, the two waiting panels below it side by side."""
    jaren: list[str] = [str(j) for j in data["jaren"]]
    n = max(len(jaren), 1)
    titel = _title_lines(data["titel"])
    top = 0.12 + _LINE * (titel.count("\n") + 1) + 0.08 + 2 * _LINE + _LINE + 0.06  # title, legend (two rows), panel title
    top_h, wait_h = _BAR_ROW * n + 0.1, _WAIT_ROW * n + 0.1
    gap = _LINE + 0.12 + _LINE + 0.04  # tick labels of the upper panel, then the titles of the lower ones
    height = top + top_h + gap + wait_h + _LINE + 0.12
    fig.set_size_inches(WIDTH, height)
    left = label_margin(jaren)
    wide = _axes(fig, left, height - top - top_h, WIDTH - left - 0.2, top_h)
    half = (WIDTH - left - 0.2 - 0.45) / 2
    wachtenden = _axes(fig, left, _LINE + 0.12, half, wait_h)
    wachttijd = _axes(fig, left + half + 0.45, _LINE + 0.12, half, wait_h, share=wachtenden)
    _demand_panel(wide, jaren, data)
    _bars(wachtenden, jaren, data["wachtenden"], "Wachtenden (aantal)", 0)
    count_limits(wachtenden, "x", data["wachtenden"], 1.45, nbins=3)
    _waiting_time_panel(wachttijd, jaren, data)
    fig.suptitle(titel, fontweight="bold", fontsize=12, x=0.02, ha="left", y=1 - 0.12 / height, va="top")
    handles, labels = wide.get_legend_handles_labels()
    norm = wachttijd.get_legend_handles_labels()
    fig.legend([*handles, *norm[0]], [*labels, *norm[1]], loc="upper left", bbox_to_anchor=(0.02, 1 - (0.2 + _LINE * (titel.count("\n") + 1)) / height),
               ncols=2, frameon=False, handlelength=1.4, columnspacing=1.0, borderaxespad=0, borderpad=0)


def _title_lines(titel: str) -> str:
    """The title on as many lines as it needs to fit the narrow figure, broken at spaces only."""
    return fit_lines(titel, 12, WIDTH - 0.25, bold=True)


def _axes(fig: Any, left: float, bottom: float, width: float, height: float, share: Any = None) -> Any:
    """Axes placed in inches; ``share`` gives the years the same order as in another panel."""
    w, h = fig.get_size_inches()
    return fig.add_axes((left / w, bottom / h, width / w, height / h), sharey=share)


def _bars(ax: Any, jaren: list[str], values: list[int | float | None], titel: str, decimals: int) -> None:
    positions = list(range(len(jaren)))
    bars = ax.barh(positions, bar_lengths(values), height=0.6, color=KLEUR_WACHTEN, edgecolor="white")
    value_labels(ax, bars, values, decimals=decimals)
    ax.set_yticks(positions, jaren)
    ax.set_ylim(len(jaren) - 0.5, -0.5)  # the first cycle on top, as in the table
    ax.set_title(titel, loc="left", fontsize=10.5)


def _demand_panel(ax: Any, jaren: list[str], data: Mapping[str, Any]) -> None:
    positions = list(range(len(jaren)))
    for label, values, colour, hatch, offset in (
        ("Vraag", data["vraag"], KLEUR_VRAAG, "//", -0.2),
        ("Capaciteit", data["capaciteit"], KLEUR_CAPACITEIT, "", 0.2),
    ):
        bars = ax.barh([p + offset for p in positions], bar_lengths(values), height=0.38, color=colour, hatch=hatch, edgecolor="white", label=label)
        value_labels(ax, bars, values)
    ax.set_yticks(positions, jaren)
    ax.set_ylim(len(jaren) - 0.5, -0.5)
    ax.set_title("Vraag en capaciteit (binnen + buiten regio)", loc="left", fontsize=10.5)
    count_limits(ax, "x", [*data["vraag"], *data["capaciteit"]], 1.3, nbins=5)


def _waiting_time_panel(ax: Any, jaren: list[str], data: Mapping[str, Any]) -> None:
    norm = data["treeknorm"]
    _bars(ax, jaren, data["wachttijd"], "Wachttijd (weken)", 1)
    ax.tick_params(axis="y", labelleft=False)
    weken = [v for v in data["wachttijd"] if v is not None]
    ax.set_xlim(0, 1.45 * max([*weken, norm]))
    dutch_axis(ax.xaxis, integer=False, nbins=3)
    ax.axvline(norm, color="black", linestyle="--", linewidth=1.1, label=f"Treeknorm ({norm} weken)")


def alt(data: Mapping[str, Any]) -> str:
    """What the chart shows, in words: per figure its direction from the first to the last cycle it is known in."""
    jaren: list[int] = data["jaren"]
    laatste = jaren[-1]
    cycli = f"Cyclus {jaren[0]} tot en met {laatste}" if len(jaren) > 1 else f"Alleen cyclus {laatste}"
    zinnen = [
        _trend("de werkelijke vraag", jaren, data["vraag"]),
        _trend("de capaciteit (binnen + buiten de regio)", jaren, data["capaciteit"]),
        _trend("het aantal wachtenden", jaren, data["wachtenden"]),
        _trend("de gemiddelde wachttijd", jaren, data["wachttijd"], decimals=1, unit=" weken"),
    ]
    text = f"{data['titel']}. {cycli}: {'; '.join(zinnen)}."
    return " ".join([text, *_latest(data, laatste)])


def _trend(name: str, jaren: Sequence[int], values: Sequence[int | float | None], decimals: int = 0, unit: str = "") -> str:
    known = [(j, v) for j, v in zip(jaren, values, strict=True) if v is not None]
    if not known:
        return f"{name} is onbekend"
    (j0, first), (j1, last) = known[0], known[-1]
    a, b = getal_tekst(first, decimals) + unit, getal_tekst(last, decimals) + unit
    if len(known) == 1:
        return f"{name} is {a} in {j0}" + (" (andere jaren onbekend)" if len(jaren) > 1 else "")
    if last == first:
        return f"{name} bleef {a} ({j0}–{j1})"
    return f"{name} {'steeg' if last > first else 'daalde'} van {a} in {j0} naar {b} in {j1}"


def comparison(data: Mapping[str, Any]) -> str | None:
    """The chart's answer to "better or worse than last time?" as a sentence under it, not only in its alt text.

    Compares the last cycle with the one before it; ``None`` when the region has one cycle only.
    """
    jaren: list[int] = data["jaren"]
    if len(jaren) < 2:
        return None
    delen = [
        _change("de werkelijke vraag", data["vraag"], ("steeg", "daalde")),
        _change("de capaciteit", data["capaciteit"], ("groeide", "kromp")),
        _change("het aantal wachtenden", data["wachtenden"], ("steeg", "daalde")),
        _change("de gemiddelde wachttijd", data["wachttijd"], ("werd langer", "werd korter"), decimals=1, unit=" weken"),
    ]
    zin = "; ".join(delen)
    return f"Cyclus {jaren[-1]} tegenover {jaren[-2]}: {zin}."


def _change(name: str, values: Sequence[int | float | None], verbs: tuple[str, str], decimals: int = 0, unit: str = "") -> str:
    vorig, laatste = values[-2], values[-1]
    if vorig is None or laatste is None:
        return f"{name} is in een van beide cycli onbekend"
    a, b = getal_tekst(vorig, decimals) + unit, getal_tekst(laatste, decimals) + unit
    if laatste == vorig:
        return f"{name} bleef {a}"
    return f"{name} {verbs[0] if laatste > vorig else verbs[1]} van {a} naar {b}"


def _latest(data: Mapping[str, Any], jaar: int) -> list[str]:
    """What the last cycle says about access: demand above capacity, the Treeknorm, an absent offer."""
    vraag, capaciteit, weken, norm = data["vraag"][-1], data["capaciteit"][-1], data["wachttijd"][-1], data["treeknorm"]
    out = []
    if not data["aanwezig"][-1]:
        out.append(f"In {jaar} is deze zorgvorm niet aanwezig in de regio.")
    if vraag is not None and capaciteit is not None:
        out.append(f"In {jaar} is de vraag {'groter dan' if vraag > capaciteit else 'niet groter dan'} de capaciteit.")
    if weken is not None:
        out.append(f"De wachttijd ligt in {jaar} {'boven' if weken > norm else 'binnen'} de Treeknorm van {norm} weken.")
    return out


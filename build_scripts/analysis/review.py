"""What the national chair reads first in a merge request: where it changes, what moved most, which discussion points come or go.

Pure selections from a list of changes (:mod:`diff`); :mod:`diff_report` puts them at the top of
the Markdown summary, each entry linked to its page on the site (:class:`PageLinks`: the merge
request's preview, whose links name files).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..contract.site_paths import Urls, is_web_address, national_year_page, region_page, region_year_page, zorgvorm_anchor
from ..contract.vocabulary import Zorgvorm
from ..reading.plausibility import is_number
from .diff import Wijziging

MOST_MOVED = 10
"""How many figures the overview lists as the ones that moved most (every large jump is listed besides)."""
SMALL_BASE = 5
"""Below this old value a change is marked "kleine basis": from 1 to 3 is +200% but says little."""
MOST_CHANGED_REGIONS = 3
"""How many regions the summary names as the ones that changed most."""


@dataclass(frozen=True)
class PageLinks:
    """Links into a built site at ``base`` (ending in ``/``), as files: ``regios/utrecht/2026/index.html``.

    File links open both in a preview browsed as files and on the published site.
    """

    base: str

    def __post_init__(self) -> None:
        if not is_web_address(self.base):
            raise ValueError(f"--links {self.base!r}: geef een webadres dat begint met http:// of https://")
        if not self.base.endswith("/"):
            object.__setattr__(self, "base", self.base + "/")

    def to(self, src: str, anchor: str | None = None) -> str:
        return self.base + Urls("index.md", directory_urls=False).page(src, anchor)  # as files: a preview has no folder URLs

    def of(self, w: Wijziging) -> str:
        """The page that shows a change: the region-year (at its care form), the region, or the national year."""
        anchor = zorgvorm_anchor(w.zorgvorm.value) if w.zorgvorm is not None and w.regio and w.jaar else None
        return self.to(page_of(w), anchor)


def page_of(w: Wijziging) -> str:
    if w.regio is None:
        return national_year_page(w.jaar) if w.jaar is not None else "index.md"
    return region_page(w.regio) if w.jaar is None else region_year_page(w.regio, w.jaar)


@dataclass(frozen=True)
class Plek:
    """One region (``None``: the national table) and cycle year (``None``: ``regio.yaml``) the request changes."""

    regio: str | None
    jaar: int | None
    aantal: int
    sprongen: int
    voorbeeld: Wijziging  # one of its changes, to link its page


def plekken(changes: Iterable[Wijziging]) -> list[Plek]:
    """Regions and years in file order (regions by slug, years up, the national table last)."""
    groups: dict[tuple[str | None, int | None], list[Wijziging]] = {}
    for w in changes:
        groups.setdefault((w.regio, w.jaar), []).append(w)
    order = sorted(groups, key=lambda k: (k[0] is None, k[0] or "", k[1] or 0))
    return [Plek(r, j, len(groups[(r, j)]), sum(w.grote_sprong for w in groups[(r, j)]), groups[(r, j)][0]) for r, j in order]


def factor(w: Wijziging) -> float:
    """How many times larger the larger of both numbers is (from 0: infinitely)."""
    hi, lo = abs(max(w.oud, w.nieuw)), abs(min(w.oud, w.nieuw))
    return math.inf if lo == 0 else hi / lo


def _figures(changes: Iterable[Wijziging]) -> list[Wijziging]:
    """Care-form figures that changed between two numbers (onbekend → bekend has no size)."""
    return [w for w in changes if w.absoluut is not None and w.absoluut != 0 and w.zorgvorm is not None]


def small_base(w: Wijziging) -> bool:
    """The old value is below :data:`SMALL_BASE`: the relative change of such a figure means little."""
    return is_number(w.oud) and abs(w.oud) < SMALL_BASE


def moved_most(changes: Iterable[Wijziging], limit: int = MOST_MOVED) -> list[Wijziging]:
    """The ``limit`` figures that moved most in absolute size (a change of 0 → 1 is small, whatever its factor)."""
    ranked = sorted(_figures(changes), key=lambda w: (-abs(w.absoluut or 0), not w.grote_sprong, w.regio or "", w.jaar or 0, w.pad))
    return ranked[:limit]


def large_jumps(changes: Iterable[Wijziging]) -> list[Wijziging]:
    """Every figure that moved more than the ×3 plausibility rule allows, the largest factor first."""
    jumps = [w for w in _figures(changes) if w.grote_sprong]
    return sorted(jumps, key=lambda w: (-factor(w), -abs(w.absoluut or 0), w.regio or "", w.pad))


@dataclass(frozen=True)
class Regiotelling:
    """How much one region's data changed: all changes, changed figures, large jumps."""

    regio: str
    aantal: int
    cijfers: int
    sprongen: int


def regions_most_changed(changes: Iterable[Wijziging], limit: int = MOST_CHANGED_REGIONS) -> list[Regiotelling]:
    """The regions with the most large jumps, then the most changed figures, then the most changes."""
    per_regio: dict[str, list[Wijziging]] = {}
    for w in changes:
        if w.regio is not None:
            per_regio.setdefault(w.regio, []).append(w)
    tellingen = [Regiotelling(r, len(ch), len(_figures(ch)), sum(w.grote_sprong for w in ch)) for r, ch in per_regio.items()]
    return sorted(tellingen, key=lambda t: (-t.sprongen, -t.cijfers, -t.aantal, t.regio))[:limit]


@dataclass(frozen=True)
class Zorgvormwissel:
    """A care form a region now offers (``aanwezig`` false → true) or no longer offers."""

    regio: str
    jaar: int | None
    zorgvorm: Zorgvorm
    aanwezig: bool


def zorgvorm_wissels(changes: Iterable[Wijziging]) -> list[Zorgvormwissel]:
    """Care forms that appear in or disappear from a region (the ``aanwezig`` answer flipped)."""
    result = [
        Zorgvormwissel(w.regio, w.jaar, w.zorgvorm, w.nieuw is True)
        for w in changes
        if w.regio is not None and w.zorgvorm is not None and w.pad.startswith("zorgvormen.") and w.veld == "aanwezig" and w.oud is not w.nieuw
    ]
    return sorted(result, key=lambda z: (not z.aanwezig, z.regio, z.jaar or 0, list(Zorgvorm).index(z.zorgvorm)))


def whole_files(changes: Iterable[Wijziging]) -> tuple[list[Wijziging], list[Wijziging]]:
    """Files added and files removed as a whole (a new region, a new cycle year, a file taken out)."""
    whole = [w for w in changes if not w.pad]
    return [w for w in whole if w.soort == "toegevoegd"], [w for w in whole if w.soort == "verwijderd"]


@dataclass(frozen=True)
class Bespreekpuntwissel:
    """A discussion point that is put on the national agenda (``geagendeerd``) or taken off it."""

    regio: str
    jaar: int
    zorgvorm: Zorgvorm
    geagendeerd: bool


def bespreekpunt_wissels(changes: Iterable[Wijziging]) -> list[Bespreekpuntwissel]:
    """From ``agenderen`` flips, added or removed ``bespreekpunt`` blocks and whole added or removed files."""
    result = []
    for w in changes:
        if w.regio is None or w.jaar is None:
            continue
        for zorgvorm, was, is_ in _agenderen(w):
            if was != is_:
                result.append(Bespreekpuntwissel(w.regio, w.jaar, zorgvorm, is_))
    return sorted(result, key=lambda b: (not b.geagendeerd, b.regio, b.jaar, list(Zorgvorm).index(b.zorgvorm)))


def _agenderen(w: Wijziging) -> list[tuple[Zorgvorm, bool, bool]]:
    """(care form, on the agenda before, after) for each discussion point this change touches."""
    if not w.pad:
        side = w.nieuw if w.soort == "toegevoegd" else w.oud
        forms = side.get("zorgvormen") if isinstance(side, dict) else None
        agenda = {z: _on_agenda(forms.get(z.value)) for z in Zorgvorm} if isinstance(forms, dict) else {}
        return [(z, False, on) if w.soort == "toegevoegd" else (z, on, False) for z, on in agenda.items()]
    if w.zorgvorm is None or w.veld not in ("bespreekpunt", "bespreekpunt.agenderen"):
        return []
    if w.veld == "bespreekpunt":
        return [(w.zorgvorm, _agendered(w.oud), _agendered(w.nieuw))]
    return [(w.zorgvorm, w.oud is True, w.nieuw is True)]


def _on_agenda(form: Any) -> bool:
    return isinstance(form, dict) and _agendered(form.get("bespreekpunt"))


def _agendered(bespreekpunt: Any) -> bool:
    return isinstance(bespreekpunt, dict) and bespreekpunt.get("agenderen") is True

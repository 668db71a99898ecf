"""Structured changes between two versions of the data: year over year, or a git revision against now.

The national chair reviews what a region changed (between cycles, and within a merge request),
so a change must be one readable entry: the region, the key path, old and new value. List items
(participants, exclusion criteria, meetings, measures) are matched by a natural key, so inserting
one item shows as one addition instead of a change to every item after it. Comparing one cycle
with the previous, dates are compared one year on: a meeting held on the same day every year
is no change. Pure: models in, :class:`Wijziging` values out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel

from ..contract.vocabulary import Zorgvorm, label
from ..reading.dataset import Dataset
from ..reading.documents import KeyPath, format_key_path
from ..reading.plausibility import JUMP_PATHS, is_jump, is_number

Soort = Literal["gewijzigd", "toegevoegd", "verwijderd", "onbekend_naar_bekend", "bekend_naar_onbekend"]
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_JUMP_SUFFIXES = frozenset(JUMP_PATHS)


@dataclass(frozen=True)
class Wijziging:
    """One change: where (region, cycle year, key path), what kind, and the values before and after.

    ``regio`` is ``None`` for the national table's file, ``jaar`` is ``None`` for ``regio.yaml``.
    ``item`` names the list item the change is in (a participant's organisation, a criterion),
    because list indices alone mean little to a reader. ``absoluut`` and ``relatief`` are set
    only when both values are numbers (``relatief`` not when the old value is 0).
    """

    regio: str | None
    jaar: int | None
    pad: str
    soort: Soort
    oud: Any = None
    nieuw: Any = None
    item: str | None = None
    absoluut: float | None = None
    relatief: float | None = None

    @cached_property
    def zorgvorm(self) -> Zorgvorm | None:
        """The care form this change belongs to, read from the key path (once: pages ask often)."""
        parts = self.pad.split(".")
        if len(parts) > 1 and parts[0] in ("zorgvormen", "regioplan"):
            name = parts[1].split("[", 1)[0]
            return Zorgvorm(name) if name in Zorgvorm.__members__ else None
        return None

    @cached_property
    def veld(self) -> str:
        """The key path within the care form (``capaciteit.binnen_regio``), or the whole path."""
        parts = self.pad.split(".")
        return ".".join(parts[2:]) if self.zorgvorm is not None and parts[0] == "zorgvormen" else self.pad

    @cached_property
    def grote_sprong(self) -> bool:
        """More than a factor 3 up or down: the same rule as the validation warning (likely a typo)."""
        if self.zorgvorm is None or self.veld not in _JUMP_SUFFIXES:
            return False
        return is_jump(self.oud, self.nieuw)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "zorgvorm": self.zorgvorm.value if self.zorgvorm else None, "grote_sprong": self.grote_sprong}


def _is_default(value: Any) -> bool:
    return value is None or value is False or value == []


KeyFunc = Callable[[dict[str, Any]], Any]


def _get(*keys: str) -> KeyFunc:
    return lambda item: tuple(item.get(k) for k in keys)


# Natural keys per list, tried in order: an exact match first, then a looser one, so an edited
# participant or a moved meeting pairs with its old self and shows as "gewijzigd".
LIST_KEYS: dict[str, tuple[KeyFunc, ...]] = {
    "deelnemers": (_get("soort", "organisatie"), _get("organisatie"), _get("soort")),
    "exclusiecriteria": (_get("criterium"), _get("motivatie")),
    "bijeenkomsten": (_get("soort", "datum"), _get("soort")),
    "maatregelen": (_get("maatregel"),),
    "escalaties": (_get("zorgvorm", "escalerende_partij"), _get("zorgvorm")),
    "adviezen": (_get("regio", "zorgvorm", "advies"), _get("regio", "zorgvorm")),
}


def _item_label(lijst: str, item: dict[str, Any]) -> str | None:
    """A short Dutch name for a list item, shown next to its key path."""
    if lijst == "bijeenkomsten":
        return f"{label(item.get('soort'))} {item.get('datum')}"
    if lijst in ("escalaties", "adviezen"):
        wie = item.get("escalerende_partij") or item.get("regio")
        return f"{label(item.get('zorgvorm'))} ({wie})"
    for key in ("organisatie", "criterium", "maatregel"):
        if item.get(key):
            return str(item[key])
    return None


@dataclass
class _Walker:
    """Walks two JSON dumps side by side and collects the differences."""

    regio: str | None
    jaar: int | None
    verschuiving: int = 0
    out: list[Wijziging] = field(default_factory=list)

    def walk(self, path: KeyPath, oud: Any, nieuw: Any, item: str | None = None) -> None:
        if isinstance(oud, dict) and isinstance(nieuw, dict):
            for key in [*nieuw, *(k for k in oud if k not in nieuw)]:
                if (key not in oud and _is_default(nieuw[key])) or (key not in nieuw and _is_default(oud[key])):
                    continue  # an omitted optional key equals its default (a file compared as written)
                self.walk((*path, key), oud.get(key), nieuw.get(key), item)
        elif isinstance(oud, list) and isinstance(nieuw, list):
            self._list(path, oud, nieuw, item)
        elif self._norm(oud) != nieuw:
            self.add(path, oud, nieuw, item)

    def add(self, path: KeyPath, oud: Any, nieuw: Any, item: str | None, soort: Soort | None = None) -> None:
        soort = soort or _soort(oud, nieuw)
        absoluut = relatief = None
        if is_number(oud) and is_number(nieuw):
            absoluut = round(nieuw - oud, 9)  # 0.6 - 0.5 is 0.09999999999999998 in floats
            relatief = absoluut / oud if oud else None
        self.out.append(Wijziging(self.regio, self.jaar, format_key_path(path), soort, oud, nieuw, item, absoluut, relatief))

    def _list(self, path: KeyPath, oud: list[Any], nieuw: list[Any], item: str | None) -> None:
        lijst = _list_name(path)
        if all(not isinstance(x, dict | list) for x in [*oud, *nieuw]):
            keys: tuple[KeyFunc, ...] = (lambda x: x,)
        else:
            keys = (*LIST_KEYS.get(lijst, ()), _position)
        pairs, removed, added = _match([self._norm(x) for x in oud], nieuw, keys)
        for i, j in pairs:
            naam = _item_label(lijst, nieuw[j]) if isinstance(nieuw[j], dict) else item
            self.walk((*path, j), oud[i], nieuw[j], naam or item)
        for i in removed:
            self.add(path, oud[i], None, _label_of(lijst, oud[i], item), "verwijderd")
        for j in added:
            self.add(path, None, nieuw[j], _label_of(lijst, nieuw[j], item), "toegevoegd")

    def _norm(self, value: Any) -> Any:
        """The old value as it would read in the new cycle: dates moved on by the years between."""
        if not self.verschuiving:
            return value
        if isinstance(value, str) and _DATE_RE.match(value):
            return _shift(value, self.verschuiving)
        if isinstance(value, dict):
            return {k: self._norm(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._norm(v) for v in value]
        return value


def _label_of(lijst: str, value: Any, item: str | None) -> str | None:
    return (_item_label(lijst, value) or item) if isinstance(value, dict) else item


def _list_name(path: KeyPath) -> str:
    """The list's kind: its key, except the regioplan's per-care-form lists of measures."""
    if len(path) == 2 and path[0] == "regioplan":
        return "maatregelen"
    return str(path[-1]) if path else ""


def _position(item: Any) -> None:
    """Last-resort key: pair the leftovers in order."""
    return None


def _match(oud: list[Any], nieuw: list[Any], keys: Iterable[KeyFunc]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair old and new items by each key in turn; equal keys pair in order of appearance."""
    left_old, left_new = list(range(len(oud))), list(range(len(nieuw)))
    pairs: list[tuple[int, int]] = []
    for key in keys:
        buckets: dict[Any, list[int]] = {}
        for i in left_old:
            buckets.setdefault(_hashable(key(oud[i])), []).append(i)
        for j in list(left_new):
            bucket = buckets.get(_hashable(key(nieuw[j])))
            if bucket:
                i = bucket.pop(0)
                pairs.append((i, j))
                left_old.remove(i)
                left_new.remove(j)
    return sorted(pairs, key=lambda p: p[1]), left_old, left_new


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_hashable(v) for v in value)
    return value


def _soort(oud: Any, nieuw: Any) -> Soort:
    """Unknown → known (and back) is a change of its own kind: for figures, null means onbekend."""
    if oud is None:
        return "onbekend_naar_bekend" if is_number(nieuw) else "toegevoegd"
    if nieuw is None:
        return "bekend_naar_onbekend" if is_number(oud) else "verwijderd"
    return "gewijzigd"


def _shift(text: str, years: int) -> str:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return text
    try:
        return day.replace(year=day.year + years).isoformat()
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28).isoformat()


def diff_models(
    oud: BaseModel | None, nieuw: BaseModel | None, *, regio: str | None, jaar: int | None, verschuiving: int = 0
) -> list[Wijziging]:
    """Changes between two versions of one file; a missing side makes the whole file added or removed."""
    walker = _Walker(regio, jaar, verschuiving)
    if oud is None and nieuw is None:
        return []
    if oud is None or nieuw is None:
        walker.add((), _dump(oud), _dump(nieuw), None, "toegevoegd" if oud is None else "verwijderd")
        return walker.out
    old_dump, new_dump = _dump(oud), _dump(nieuw)
    if verschuiving:  # the cycle year itself is not a change between cycles
        old_dump.pop("jaar", None)
        new_dump.pop("jaar", None)
    walker.walk((), old_dump, new_dump)
    return walker.out


def _dump(model: BaseModel | None) -> Any:
    return None if model is None else model.model_dump(mode="json")


def diff_jaren(dataset: Dataset, van: int, naar: int, regio: str | None = None) -> list[Wijziging]:
    """Every region's cycle ``naar`` against its cycle ``van`` (and the national files, without ``regio``).

    A file that did not pass validation is skipped, not reported as missing (see :func:`diff_datasets`).
    """
    onleesbaar = {(e.regio, e.jaar) for e in _files_by_path(dataset).values() if e.model is None}
    result: list[Wijziging] = []
    for slug, region in sorted(dataset.regions.items()):
        if (regio is not None and slug != regio) or {(slug, van), (slug, naar)} & onleesbaar:
            continue
        result += diff_models(region.jaren.get(van), region.jaren.get(naar), regio=slug, jaar=naar, verschuiving=naar - van)
    if regio is None and not {(None, van), (None, naar)} & onleesbaar:
        result += diff_models(dataset.landelijk.get(van), dataset.landelijk.get(naar), regio=None, jaar=naar, verschuiving=naar - van)
    return result


def diff_datasets(oud: Dataset, nieuw: Dataset, regio: str | None = None) -> list[Wijziging]:
    """File by file, what changed from ``oud`` to ``nieuw`` (a merge request's base and its result).

    A file that does not pass validation is compared as written (its plain YAML values), so a
    failing merge request still shows what it changes; only a file that is not even readable
    YAML is left out (see :func:`onleesbare_bestanden`), never reported as removed.
    """
    old_files, new_files = _files_by_path(oud), _files_by_path(nieuw)
    result: list[Wijziging] = []
    for path in sorted(set(old_files) | set(new_files), key=_file_order):
        old_entry, new_entry = old_files.get(path), new_files.get(path)
        if (old_entry is not None and old_entry.inhoud is None) or (new_entry is not None and new_entry.inhoud is None):
            continue
        entry = new_entry or old_entry
        assert entry is not None
        if regio is not None and entry.regio != regio:
            continue
        walker = _Walker(entry.regio, entry.jaar)
        if old_entry is None or new_entry is None:
            walker.add((), old_entry and old_entry.inhoud, new_entry and new_entry.inhoud, None, "toegevoegd" if old_entry is None else "verwijderd")
        else:
            walker.walk((), old_entry.inhoud, new_entry.inhoud)
        result += walker.out
    return result


def onleesbare_bestanden(dataset: Dataset, *, als_geschreven: bool = False) -> list[str]:
    """Files the diff cannot compare: those that did not validate (or, ``als_geschreven``, are no YAML at all)."""
    files = _files_by_path(dataset)
    return sorted(p for p, e in files.items() if (e.inhoud if als_geschreven else e.model) is None)


@dataclass(frozen=True)
class _Entry:
    regio: str | None
    jaar: int | None
    model: BaseModel | None
    inhoud: Any  # the model's dump, or the file's plain YAML values when it did not validate


def _files_by_path(dataset: Dataset) -> dict[str, _Entry]:
    """Every data file of a dataset by path, with its model (``None`` when it did not validate)."""
    result: dict[str, _Entry] = {}
    for path, doc in dataset.documents.items():
        model: BaseModel | None = None
        region = dataset.regions.get(doc.slug or "")
        if doc.kind == "landelijk" and doc.jaar is not None and dataset.landelijk_paths.get(doc.jaar) == path:
            model = dataset.landelijk.get(doc.jaar)
        elif doc.kind == "regio" and region is not None and region.regio_path == path:
            model = region.regio
        elif doc.kind == "regio_jaar" and region is not None and doc.jaar is not None and region.jaar_paths.get(doc.jaar) == path:
            model = region.jaren.get(doc.jaar)
        inhoud = _dump(model) if model is not None else _plain(doc.data)
        result[path] = _Entry(doc.slug, doc.jaar if doc.kind != "regio" else None, model, inhoud)
    return result


def _plain(value: Any) -> Any:
    """Plain YAML values in the shape of a JSON dump (dates as text), to compare with model dumps."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _file_order(path: str) -> tuple[bool, str]:
    """Regions first (regio.yaml before the years, by path), the national files last."""
    return (path.startswith("data/landelijk/"), path.replace("regio.yaml", "0000.yaml"))

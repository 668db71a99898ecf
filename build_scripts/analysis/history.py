"""Where each figure comes from: per data file its revisions, and per figure the change that set it last.

Readers ask *who changed this figure, when, in which merge request*. The versions git keeps
(:mod:`..reading.provenance`) are compared one after the other as plain YAML, not as validated
models, so an old version written to an earlier contract still counts. A version that is no
readable YAML is skipped: the next readable one is compared with the last readable one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..contract.characters import one_line
from ..contract.fields import TABEL2, field_label, figure
from ..contract.notation import dutch_date, yes_no
from ..contract.vocabulary import Zorgvorm, label
from ..reading.dataset import Dataset
from ..reading.provenance import Commit, Versie, file_versions

FIGURES = (*(f.path for f in TABEL2), "bovenregionale_netwerken")
"""The figures of a care form's table (Bijlage 2, Tabel 2) whose last change each table names."""
BESPREEKPUNT = "bespreekpunt"
ONBEKEND = "herkomst onbekend"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Cijferwijziging:
    """One figure of one care form, from → to, as a reader sees it (``onbekend`` for ``null``)."""

    zorgvorm: Zorgvorm
    veld: str
    oud: Any
    nieuw: Any

    @property
    def label(self) -> str:
        return f"{self.zorgvorm.label} › {field_label(self.veld)}"

    @property
    def van_naar(self) -> str:
        """``12 → 15``; a bespreekpunt is text, so only that it changed."""
        return "gewijzigd" if self.veld == BESPREEKPUNT else f"{waarde(self.oud, self.veld)} → {waarde(self.nieuw, self.veld)}"

    def as_dict(self) -> dict[str, Any]:
        return {"zorgvorm": self.zorgvorm.value, "veld": self.veld, "oud": _json(self.oud), "nieuw": _json(self.nieuw)}


@dataclass(frozen=True)
class Revisie:
    """One published change of one file: the commit, the figures it changed, and how many other values."""

    commit: Commit
    cijfers: tuple[Cijferwijziging, ...]
    overig: int
    nieuw_bestand: bool

    @property
    def samenvatting(self) -> str:
        """One line for a feed entry or a commit list: the first figures changed, then how many more."""
        if self.nieuw_bestand:
            return "bestand toegevoegd"
        if not self.cijfers:
            return f"{self.overig} {'wijziging' if self.overig == 1 else 'wijzigingen'} buiten de cijfers"
        parts = [f"{c.label}: {c.van_naar}" for c in self.cijfers[:2]]
        rest = len(self.cijfers) - min(len(self.cijfers), 2) + self.overig
        if rest:
            parts.append(f"{rest} {'andere wijziging' if rest == 1 else 'andere wijzigingen'}")
        return "; ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        cijfers = [c.as_dict() for c in self.cijfers]
        return {**(herkomst_dict(self.commit) or {}), "cijfers": cijfers, "overig": self.overig, "nieuw_bestand": self.nieuw_bestand}


@dataclass(frozen=True)
class BestandsHerkomst:
    """One data file: its revisions newest first, and per key (``zorgvormen.klinisch.wachtenden``) the commit that set it last."""

    revisies: tuple[Revisie, ...]
    velden: Mapping[str, Commit]

    def laatste(self, zorgvorm: Zorgvorm, velden: tuple[str, ...] = FIGURES) -> Commit | None:
        """The latest change among ``velden`` of one care form: what a table's "laatst gewijzigd" line names."""
        found = [c for v in velden if (c := self.velden.get(f"zorgvormen.{zorgvorm.value}.{v}")) is not None]
        return max(found, key=lambda c: c.datum, default=None) if found else None

    def bespreekpunt(self, zorgvorm: Zorgvorm) -> Commit | None:
        return self.laatste(zorgvorm, (BESPREEKPUNT,))


@dataclass(frozen=True)
class Geschiedenis:
    """The provenance of every data file; ``bekend`` is false without a full git history (then every page says so)."""

    bekend: bool
    bestanden: Mapping[str, BestandsHerkomst] = field(default_factory=dict)

    def van(self, path: str) -> BestandsHerkomst | None:
        return self.bestanden.get(path)

    def revisies(self, prefix: str = "") -> list[tuple[str, Revisie]]:
        """Every revision of the files under ``prefix``, newest first (ties: by path): a feed's entries."""
        found = [(path, r) for path, h in self.bestanden.items() if path.startswith(prefix) for r in h.revisies]
        return sorted(found, key=lambda pr: (pr[1].commit.datum, pr[0]), reverse=True)


@dataclass(frozen=True)
class PaginaHerkomst:
    """What a region-year page shows of its file's provenance: a line per table and the revisions."""

    bestand: BestandsHerkomst | None
    bekend: bool

    @property
    def revisies(self) -> tuple[Revisie, ...]:
        return self.bestand.revisies if self.bestand is not None else ()

    def tabel(self, zorgvorm: Zorgvorm) -> str:
        return herkomst_tekst(self.bestand.laatste(zorgvorm) if self.bestand else None, self.bekend)

    def bespreekpunt(self, zorgvorm: Zorgvorm) -> str:
        return herkomst_tekst(self.bestand.bespreekpunt(zorgvorm) if self.bestand else None, self.bekend)

    def as_dict(self) -> dict[str, Any]:
        """The JSON download's ``herkomst`` of one region-year: per care form the table's and the bespreekpunt's last change."""
        if not self.bekend or self.bestand is None:
            return {"bekend": False}
        b = self.bestand
        return {
            "bekend": True,
            "zorgvormen": {
                z.value: {"tabel": herkomst_dict(b.laatste(z)), "bespreekpunt": herkomst_dict(b.bespreekpunt(z)),
                          "velden": {v: herkomst_dict(b.velden.get(f"zorgvormen.{z.value}.{v}")) for v in FIGURES}}
                for z in Zorgvorm
            },
            "revisies": [r.as_dict() for r in b.revisies],
        }


def geschiedenis(root: Path, until: str = "HEAD", cache: Path | None = None) -> Geschiedenis:
    """The provenance of every file under ``root/data`` as published up to ``until``.

    Parsing every version's YAML is most of the work, and a version never changes: its keys are
    kept in ``cache`` (a JSON file) under git's blob id, so a later build parses only new versions.
    """
    versions = file_versions(root, until=until)
    if versions is None:
        return Geschiedenis(False)
    known = _read_cache(cache)
    used: dict[str, dict[str, Any] | None] = {}
    result = Geschiedenis(True, {path: file_history(vs, known, used) for path, vs in sorted(versions.items())})
    if cache is not None and not used.keys() <= known.keys():
        _write_cache(cache, {**known, **used})
    return result


def _read_cache(cache: Path | None) -> dict[str, dict[str, Any] | None]:
    try:
        found = json.loads(cache.read_text(encoding="utf-8")) if cache is not None and cache.is_file() else {}
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write_cache(cache: Path, used: dict[str, dict[str, Any] | None]) -> None:
    """Every version read so far (no more than the history holds), written whole or not at all."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(".tmp")
        partial.write_text(json.dumps(used, sort_keys=True), encoding="utf-8")
        partial.replace(cache)
    except OSError:
        pass  # a cache that cannot be written costs time, never a build


def _version_keys(versie: Versie, known: dict[str, dict[str, Any] | None]) -> dict[str, Any] | None:
    """The keys of one version (``None``: no readable YAML), from the cache by blob id or parsed, as JSON values either way."""
    if versie.tekst is None:
        return {}
    if versie.blob is not None and versie.blob in known:
        return known[versie.blob]
    try:
        data = yaml.load(versie.tekst, Loader=_Loader)
    except yaml.YAMLError:
        return None
    keys: dict[str, Any] = json.loads(json.dumps(_keys(data if isinstance(data, dict) else {}), default=str))
    return keys


def file_history(
    versions: list[Versie], known: dict[str, dict[str, Any] | None] | None = None, used: dict[str, dict[str, Any] | None] | None = None
) -> BestandsHerkomst:
    """Compare each version with the last readable one before it (oldest first in, newest first out).

    ``known`` holds the keys of versions parsed before (by blob id); ``used`` receives those of every version read here.
    """
    known = {} if known is None else known
    vorige: dict[str, Any] = {}
    velden: dict[str, Commit] = {}
    revisies: list[Revisie] = []
    for versie in versions:
        found = _version_keys(versie, known)
        if versie.blob is not None and used is not None:
            used[versie.blob] = found
        if found is None:
            continue
        huidige = found
        if not vorige:  # the file (again): every value it holds starts here
            if huidige:
                velden.update(dict.fromkeys(huidige, versie.commit))
                revisies.append(Revisie(versie.commit, (), 0, True))
            vorige = huidige
            continue
        changed = sorted(k for k in vorige.keys() | huidige.keys() if vorige.get(k) != huidige.get(k))  # left out = null
        if not changed:
            continue
        for key in changed:
            velden[key] = versie.commit
        cijfers = tuple(_figure(key, vorige.get(key), huidige.get(key)) for key in changed if _is_figure(key))
        revisies.append(Revisie(versie.commit, tuple(c for c in cijfers if c is not None), sum(not _is_figure(k) for k in changed), False))
        vorige = huidige
    return BestandsHerkomst(tuple(reversed(revisies)), velden)


def _keys(data: Mapping[str, Any]) -> dict[str, Any]:
    """Each figure and bespreekpunt of a care form as one key, every other value per leaf (lists per item)."""
    keys: dict[str, Any] = {}
    for name, value in data.items():
        if name == "zorgvormen" and isinstance(value, dict):
            for zorgvorm, g in value.items():
                keys.update(_care_form_keys(f"zorgvormen.{zorgvorm}", g if isinstance(g, dict) else {"": g}))
        else:
            _leaves(str(name), value, keys)
    return keys


def _care_form_keys(prefix: str, g: Mapping[str, Any]) -> dict[str, Any]:
    keys: dict[str, Any] = {}
    for veld in (*FIGURES, BESPREEKPUNT):
        value: Any = g
        for part in veld.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        keys[f"{prefix}.{veld}"] = _frozen(value)
    rest = {k: v for k, v in g.items() if k not in {f.split(".")[0] for f in (*FIGURES, BESPREEKPUNT)}}
    for key in ("capaciteit", "onder_druk"):  # the parts of these mappings that are not figures
        if isinstance(g.get(key), dict):
            rest[key] = {k: v for k, v in g[key].items() if f"{key}.{k}" not in FIGURES}
    for name, value in rest.items():
        _leaves(f"{prefix}.{name}", value, keys)
    return keys


def _leaves(path: str, value: Any, into: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _leaves(f"{path}.{k}", v, into)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _leaves(f"{path}[{i}]", v, into)
    else:
        into[path] = value


def _frozen(value: Any) -> Any:
    """A value that compares by content (a list of networks, a bespreekpunt mapping)."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def _is_figure(key: str) -> bool:
    parts = key.split(".", 2)
    return len(parts) == 3 and parts[0] == "zorgvormen" and parts[2] in (*FIGURES, BESPREEKPUNT)


def _figure(key: str, oud: Any, nieuw: Any) -> Cijferwijziging | None:
    _, zorgvorm, veld = key.split(".", 2)
    return Cijferwijziging(Zorgvorm(zorgvorm), veld, oud, nieuw) if zorgvorm in Zorgvorm._value2member_map_ else None


def waarde(value: Any, veld: str = "") -> str:
    """A figure as a reader reads it: Dutch numbers as every page writes ``veld``'s figure (:func:`figure`), ja/nee,
    ``onbekend`` for ``null``, a list joined by ``;``, text on one line."""
    if value is None:
        return "onbekend"
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int | float):
        return figure(value, veld.rsplit(".", 1)[-1])
    if isinstance(value, list | tuple):
        return "; ".join(waarde(v, veld) for v in value) or "geen"
    return one_line(label(value))  # an old version may hold what validation refuses today: control characters shown, never sent


def _json(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def herkomst_dict(commit: Commit | None) -> dict[str, Any] | None:
    """A change as the JSON download names it: date, merge request (or ``null``), commit."""
    if commit is None:
        return None
    return {"datum": commit.datum.isoformat(), "verzoek": commit.verzoek, "commit": commit.sha}


def herkomst_tekst(commit: Commit | None, bekend: bool) -> str:
    """The line under a table: "Laatst gewijzigd op 3 december 2026 in !42", or why it cannot say."""
    if not bekend:
        return ONBEKEND
    if commit is None:
        return "nog niet vastgelegd in de geschiedenis"
    return f"Laatst gewijzigd op {dutch_date(commit.datum)} in {commit.ref}"


def herkomst_json(dataset: Dataset, geschiedenis: Geschiedenis) -> dict[str, Any]:
    """Per region slug and year the provenance of its figures, as the JSON download carries it."""
    return {
        slug: {str(jaar): PaginaHerkomst(geschiedenis.van(region.jaar_paths[jaar]), geschiedenis.bekend).as_dict() for jaar in sorted(region.jaren)}
        for slug, region in sorted(dataset.regions.items())
    }

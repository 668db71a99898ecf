"""The engine plan: which engines build the dossier, which one builds by default, and when one is past its end of life.

One setting chooses the engine: ``extra.engine`` in ``mkdocs.yml`` (``dossier build`` without
``--engine`` follows it). Each door asks :func:`end_of_life_warning` once per build and shows
the answer in our own Dutch words; the dates are the ones the projects themselves announced.
No engine is imported here.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..contract.notation import dutch_date
from ..settings import Settings
from .mkdocs_config import CONFIG_FILE, read_config

ENGINES = ("mkdocs", "properdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"
ENGINE_SETTING = "engine"
"""The key under ``extra`` in ``mkdocs.yml`` that names the engine ``dossier build`` uses."""
ENGINE_NAMES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs", "zensical": "Zensical"}


@dataclass(frozen=True)
class EndOfLife:
    """A part of an engine's build that stops receiving security fixes on ``datum``, by its makers' own announcement."""

    onderdeel: str
    datum: dt.date
    engines: tuple[str, ...]


END_OF_LIFE = (
    # mkdocs-material's own notice: "Material for MkDocs reaches end of life on May 5, 2027.
    # Critical fixes and security updates continue until that date."
    EndOfLife("het thema Material for MkDocs 9.x", dt.date(2027, 5, 5), ("mkdocs", "properdocs")),
)
"""Announced ends of life. MkDocs 1.x has no announced date (unmaintained since 2024: docs/engines.md)."""


class EngineSettingError(ValueError):
    """``extra.engine`` names no engine we build with; the message is Dutch."""


def configured_engine(extra: Mapping[str, Any] | None) -> str:
    """The engine ``extra.engine`` of ``mkdocs.yml`` names (default :data:`DEFAULT_ENGINE`)."""
    value = (extra or {}).get(ENGINE_SETTING) or DEFAULT_ENGINE
    if value not in ENGINES:
        raise EngineSettingError(f"extra.{ENGINE_SETTING} in mkdocs.yml is {value!r}; kies {', '.join(ENGINES)}")
    return str(value)


def today(settings: Settings) -> dt.date:
    """Today for the engine plan: ``DOSSIER_VANDAAG`` when set, else the clock (never the data's peildatum)."""
    return settings.vandaag or dt.date.today()


def end_of_life_warning(engine: str, on: dt.date) -> str | None:
    """Our one warning when ``engine`` builds with a part past its end of life on ``on``; none before that date."""
    past = [e for e in END_OF_LIFE if engine in e.engines and on >= e.datum]
    if not past:
        return None
    parts = " en ".join(f"{e.onderdeel}, dat sinds {dutch_date(e.datum)} geen beveiligingsupdates meer krijgt" for e in past)
    others = [name for name in ENGINES if not any(name in e.engines and on >= e.datum for e in END_OF_LIFE)]
    return (
        f"{ENGINE_NAMES[engine]} bouwt deze site met {parts}. De site werkt nog, maar fouten worden niet meer hersteld. "
        f"Stap over op {' of '.join(ENGINE_NAMES[o] for o in others)}: zet in mkdocs.yml onder extra de regel "
        f"'{ENGINE_SETTING}: {others[0]}' (docs/engines.md)."
    )


def engine_for(root: Path, requested: str | None = None) -> str:
    """The engine of a build: the one asked for (``--engine``), else the one ``root/mkdocs.yml`` names."""
    if requested is not None:
        return requested
    return configured_engine(read_config(root).get("extra")) if (root / CONFIG_FILE).is_file() else DEFAULT_ENGINE


def warn_if_past_end_of_life(engine: str, settings: Settings) -> None:
    """Print our warning (once per build: each door calls this once) when ``engine`` is past its end of life today.

    Printed to stderr, not logged: MkDocs' ``--strict`` fails on a logged warning, and the site must still build.
    """
    warning = end_of_life_warning(engine, today(settings))
    if warning:
        print(f"WAARSCHUWING -  {warning}", file=sys.stderr)

"""``dossier migrate``: bring every data file to the current contract version, in place, as a minimal diff.

The file takes the steps of :data:`contract.versions.STEPS` it has not taken yet. Every step so
far only adds optional keys, so migrating means stating the newest version: one line
``versie: N`` before the first key (or the number changed where the file states one). The file
is edited as text, never re-serialised, so comments, key order, quoting and block text stay
exactly as the region wrote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..contract import versions
from ..reading.catalogue import SNELKOPPELING
from ..reading.discovery import discover
from ..reading.documents import read_document
from .writing import LinkError, write_existing

_VERSION_LINE = re.compile(r"^versie:[ \t]*(\S*)[ \t]*(#.*)?$", re.MULTILINE)
_FIRST_KEY = re.compile(r"^[^\s#\-]", re.MULTILINE)


@dataclass(frozen=True)
class Migratie:
    """What happened to one file: ``bijgewerkt``, ``al actueel``, or why it was left alone."""

    pad: str
    status: str


def migrate_text(text: str) -> str | None:
    """The file's text at the current version, or ``None`` when it already is (or states a newer one)."""
    found = _VERSION_LINE.search(text)
    stated = int(found.group(1)) if found is not None and found.group(1).isdigit() else versions.FIRST_VERSION
    if not versions.steps_after(stated):
        return None
    target = str(versions.current_version())
    if found is not None:
        return text[: found.start(1)] + target + text[found.end(1):]
    first = _FIRST_KEY.search(text)
    at = first.start() if first is not None else len(text)
    return f"{text[:at]}versie: {target}\n{text[at:]}"


def _reads_as(text: str, expected: object) -> bool:
    """The migrated text must read back as the old data plus the version: otherwise nothing is written."""
    try:
        return bool(yaml.safe_load(text) == expected)
    except yaml.YAMLError:
        return False


def migrate_files(root: Path) -> list[Migratie]:
    """Migrate every data file under ``root/data``; a file that is not readable YAML, or a link, is reported, never touched."""
    files, stray = discover(root / "data", root)
    results = [Migratie(p.path, f"niet bijgewerkt: {p.message}") for p in stray if p.code == SNELKOPPELING.code]
    for data_file in files:
        doc, problems = read_document(data_file)
        if doc.data is None or any(p.is_error for p in problems):
            results.append(Migratie(doc.path, "niet bijgewerkt: het bestand is geen leesbare YAML; los eerst de fouten op (dossier validate)"))
            continue
        text = data_file.file.read_text(encoding="utf-8")
        new = migrate_text(text)
        if new is None:
            results.append(Migratie(doc.path, "al actueel"))
            continue
        current = versions.current_version()
        if not _reads_as(new, {**doc.data, "versie": current}):
            results.append(Migratie(doc.path, f"niet bijgewerkt: zet zelf 'versie: {current}' als eerste sleutel in het bestand"))
            continue
        try:
            write_existing(root, data_file.file, new)
        except LinkError as exc:  # a link put in place since the files were found
            results.append(Migratie(doc.path, f"niet bijgewerkt: {exc}"))
            continue
        results.append(Migratie(doc.path, f"bijgewerkt naar versie {current}"))
    return results

"""``dossier new-year``: start next cycle's file of a region from its current one.

Regions should not retype their table and their exclusion criteria every year, but last year's
figures must never pass for this year's: figures become ``null`` (onbekend), meetings and the
year's results (discussion points, plan, escalations) go, and a Dutch comment at the top says
what to fill in. The YAML text is written here, in the contract's key order, so the file reads
like the examples regions already know.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..contract import versions
from ..contract.characters import one_line
from ..contract.models import RegioJaar, ZorgvormGegevens
from ..contract.notation import dutch_date
from ..reading import milestones
from ..reading.catalogue import SNELKOPPELING
from ..reading.dataset import unknown_region_message
from ..reading.load import load_dataset
from ..reading.problems import format_text
from .writing import LinkError, write_new

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/regio-jaar.schema.json"


@dataclass(frozen=True)
class Resultaat:
    """What happened for one region: ``geschreven``, or why nothing was written."""

    regio: str
    pad: Path
    status: str
    bron: int | None = None


def next_year_data(model: RegioJaar, jaar: int) -> dict[str, Any]:
    """Next cycle's content: stable fields kept, figures onbekend, the year's own results dropped."""
    return {
        "versie": versions.current_version(),
        "regio": model.regio,
        "jaar": jaar,
        "status": "concept",
        "tafel": model.tafel.model_dump(mode="json", exclude_none=True),
        "jaaragenda": {"gepubliceerd": None, "bijeenkomsten": []},
        "zorgvormen": {zorgvorm.value: _zorgvorm(g) for zorgvorm, g in model.zorgvormen.items()},
    }


def _zorgvorm(g: ZorgvormGegevens) -> dict[str, Any]:
    return {
        "aanwezig": g.aanwezig,
        "verwachte_vraag": None,
        "werkelijke_vraag": None,
        "landelijke_functie": g.landelijke_functie,
        "bovenregionale_netwerken": list(g.bovenregionale_netwerken),
        "capaciteit": {"binnen_regio": None, "buiten_regio": None},
        "wachtenden": None,
        "gemiddelde_wachttijd_weken": None,
        "gesloten_wachtlijsten": None,
        "exclusiecriteria": [c.model_dump(mode="json", exclude_unset=True) for c in g.exclusiecriteria],  # unset ≠ null
        "onder_druk": {"mate": g.onder_druk.mate.value, "pnil_aandeel_pct": None, "vacaturegraad_pct": None},
    }


def header(naam: str, slug: str, bron: int, jaar: int) -> str:
    """The Dutch comment block at the top: what was copied, what to fill in, how to check."""
    return f"""{SCHEMA_LINE}
#
# {one_line(naam)}: cyclus {jaar} (bereidt inkoopjaar {jaar + 1} voor).
# Gemaakt uit {bron}.yaml met 'dossier new-year {jaar}'. Vul dit bestand aan; deze uitleg mag daarna weg.
#
# Overgenomen uit {bron} (controleer of het nog klopt):
#   - de tafel: voorzitter, projectmanagement en deelnemers;
#   - per zorgvorm: aanwezig, landelijke_functie, bovenregionale_netwerken, exclusiecriteria
#     en onder_druk.mate.
#
# Nog in te vullen (null betekent onbekend: laat null staan als je het niet weet, vul dan nooit 0 in):
#   - jaaragenda: de publicatiedatum (gepubliceerd) en de bijeenkomsten, met de eerste
#     gespreksronde uiterlijk {dutch_date(milestones.eerste_ronde_uiterlijk(jaar))} en de tweede uiterlijk \
{dutch_date(milestones.tweede_ronde_uiterlijk(jaar))};
#   - per zorgvorm de cijfers van {jaar}: verwachte_vraag, werkelijke_vraag, capaciteit,
#     wachtenden, gemiddelde_wachttijd_weken, gesloten_wachtlijsten, pnil_aandeel_pct
#     en vacaturegraad_pct, met een toelichting bij onder_druk als het aanbod onder druk staat;
#   - na de eerste gespreksronde: een bespreekpunt bij de zorgvormen die naar de landelijke tafel gaan;
#   - na de tweede gespreksronde: het regioplan, en eventuele escalaties;
#   - status: concept zolang de tafel eraan werkt, daarna ingediend of vastgesteld.
#
# Controleer het bestand met: dossier validate data/regions/{slug}/{jaar}.yaml
"""


def next_year_text(model: RegioJaar, naam: str, jaar: int) -> str:
    """The complete YAML text of next cycle's file (checked to read back as the intended data)."""
    data = next_year_data(model, jaar)
    body = "\n".join(_emit(data, 0))
    text = f"{header(naam, model.regio, model.jaar, jaar)}\n{body}\n"
    if yaml.load(text, Loader=_Loader) != data:  # pragma: no cover - a bug in _emit, never the region's fault
        raise RuntimeError(f"new-year: de YAML voor {model.regio} {jaar} leest niet terug als bedoeld")
    return text


def _emit(value: dict[str, Any], indent: int) -> list[str]:
    """Block-style YAML of a mapping; top-level sections are separated by a blank line."""
    pad = " " * indent
    lines: list[str] = []
    for key, item in value.items():
        if indent == 0 and isinstance(item, dict) and lines:
            lines.append("")
        if isinstance(item, dict):
            lines += [f"{pad}{key}:", *_emit(item, indent + 2)]
        elif isinstance(item, list) and item:
            lines += [f"{pad}{key}:", *_emit_list(item, indent + 2)]
        elif isinstance(item, list):
            lines.append(f"{pad}{key}: []")
        else:
            lines += _emit_scalar(f"{pad}{key}:", item, indent + 2)
    return lines


def _emit_list(items: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict):
            inner = _emit(item, indent + 2)
            lines += [f"{pad}- {inner[0].lstrip()}", *inner[1:]]
        else:
            lines += _emit_scalar(f"{pad}-", item, indent + 2)
    return lines


def _emit_scalar(prefix: str, value: Any, indent: int) -> list[str]:
    """One scalar after ``key:`` or ``-``: multi-line text as a literal block, the rest quoted where needed."""
    if isinstance(value, str) and "\n" in value.rstrip("\n") and not value.endswith("\n\n") and not value[:1].isspace() and "\r" not in value:
        indicator = "|" if value.endswith("\n") else "|-"
        return [f"{prefix} {indicator}"] + [(" " * indent + line) if line else "" for line in value.removesuffix("\n").split("\n")]
    return [f"{prefix} {_scalar(value)}"]


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    text = yaml.safe_dump(str(value), allow_unicode=True, default_flow_style=True, width=1_000_000)
    plain = text.removesuffix("\n").removesuffix("\n...").strip()
    for candidate in (plain, json.dumps(value, ensure_ascii=False), json.dumps(value)):
        if _reads_back(candidate, value):
            return candidate
    raise ValueError(f"kan {value!r} niet als YAML schrijven")  # pragma: no cover - JSON escapes always read back


def _reads_back(scalar: str, value: str) -> bool:
    """PyYAML's emitter and libyaml's parser disagree on a few characters (a leading no-break space)."""
    try:
        return yaml.load(f"k: {scalar}\n", Loader=_Loader) == {"k": value} and yaml.load(f"- {scalar}\n", Loader=_Loader) == [value]
    except yaml.YAMLError:
        return False


def _write(root: Path, target: Path, model: RegioJaar, naam: str, jaar: int) -> Resultaat:
    """Write one new file; never over a file or through a link that appeared since the check."""
    try:
        write_new(root, target, next_year_text(model, naam, jaar))
    except FileExistsError:
        return Resultaat(model.regio, target, "bestaat al; niet overschreven")
    except LinkError as exc:
        return Resultaat(model.regio, target, f"niet geschreven: {exc}")
    return Resultaat(model.regio, target, "geschreven", model.jaar)


def create_next_year(root: Path, jaar: int, regio: str | None = None) -> list[Resultaat]:
    """Write ``data/regions/<slug>/<jaar>.yaml`` for each region (or one), never over an existing file."""
    dataset, problems = load_dataset(root)
    links = [p for p in problems if p.code == SNELKOPPELING.code]
    if links:
        raise ValueError(f"data/ bevat symbolische koppelingen (symlinks); vervang ze eerst door de bestanden zelf:\n{format_text(links)}")
    if regio is not None and regio not in dataset.regions:
        raise ValueError(unknown_region_message(regio, set(dataset.regions)))
    results = []
    for slug, region in sorted(dataset.regions.items()):
        if regio is not None and slug != regio:
            continue
        target = root / "data" / "regions" / slug / f"{jaar}.yaml"
        bron = max((j for j in region.jaren if j < jaar), default=None)
        if target.exists():
            results.append(Resultaat(slug, target, "bestaat al; niet overschreven"))
        elif bron is None:
            results.append(Resultaat(slug, target, f"geen (geldig) bestand van vóór {jaar} om uit te starten"))
        else:
            results.append(_write(root, target, region.jaren[bron], region.naam, jaar))
    return results

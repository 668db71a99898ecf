"""Dutch renderings of a list of changes: text for the terminal, Markdown for a merge request, JSON.

The Markdown goes into a merge request's summary (GitLab artifact, GitHub job summary), read by
the national chair and by region staff who are not programmers: labels instead of key paths,
numbers in Dutch notation, *onbekend* instead of null, and large jumps called out in words.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from .diff import Wijziging
from .templating import getal_tekst
from .vocabulary import Zorgvorm, label

SOORT_LABELS = {
    "gewijzigd": "gewijzigd",
    "toegevoegd": "toegevoegd",
    "verwijderd": "verwijderd",
    "onbekend_naar_bekend": "onbekend → bekend",
    "bekend_naar_onbekend": "bekend → onbekend",
}
VELD_LABELS = {
    "aanwezig": "aanwezig", "verwachte_vraag": "verwachte vraag", "werkelijke_vraag": "werkelijke vraag",
    "landelijke_functie": "landelijke functie", "bovenregionale_netwerken": "bovenregionale netwerken",
    "capaciteit": "capaciteit", "binnen_regio": "voor patiënten uit de regio", "buiten_regio": "voor patiënten van buiten de regio",
    "wachtenden": "wachtenden", "gemiddelde_wachttijd_weken": "gemiddelde wachttijd (weken)",
    "gesloten_wachtlijsten": "gesloten wachtlijsten", "exclusiecriteria": "exclusiecriteria", "criterium": "criterium",
    "motivatie": "motivatie", "onder_druk": "onder druk", "mate": "mate", "pnil_aandeel_pct": "PNIL-aandeel (%)",
    "vacaturegraad_pct": "vacaturegraad (%)", "toelichting": "toelichting", "prioriteit": "prioriteit",
    "bespreekpunt": "bespreekpunt", "agenderen": "agenderen", "redenen": "redenen", "gezette_stappen": "gezette stappen",
    "voorstel": "voorstel", "contact": "contact", "functie": "functie", "email": "e-mail", "tafel": "tafel",
    "voorzitter": "voorzitter", "naam": "naam", "organisatie": "organisatie", "onafhankelijk": "onafhankelijk",
    "projectmanagement": "projectmanagement", "deelnemers": "deelnemers", "vertegenwoordiging": "vertegenwoordiging",
    "soort": "soort", "opmerking": "opmerking", "jaaragenda": "jaaragenda", "gepubliceerd": "gepubliceerd",
    "bijeenkomsten": "bijeenkomsten", "datum": "datum", "tijd": "tijd", "locatie": "locatie", "fysiek": "fysiek",
    "stukken_verspreid": "stukken verspreid", "onderwerpen": "onderwerpen", "regioplan": "regioplan",
    "maatregel": "maatregel", "verantwoordelijke": "verantwoordelijke", "status": "status", "escalaties": "escalaties",
    "escalerende_partij": "escalerende partij", "extra_bijeenkomsten": "extra bijeenkomsten", "knelpunt": "knelpunt",
    "argumenten": "argumenten", "afwegingen": "afwegingen", "waarom_geen_oplossing": "waarom geen oplossing",
    "besluit": "besluit", "uitkomst": "uitkomst", "code": "code", "buurregios": "buurregio's", "website": "website",
    "voorbeeld": "voorbeeldgegevens", "heidag": "heidag", "adviezen": "adviezen", "reactie": "reactie", "advies": "advies",
    "voortgangsrapportage": "voortgangsrapportage", "regio": "regio", "jaar": "jaar", "zorgvorm": "zorgvorm",
}
ENUM_VELDEN = frozenset({"soort", "status", "mate", "vertegenwoordiging", "uitkomst", "zorgvorm"})
_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class Versies:
    """What is compared with what, in words: ``2025``/``2026`` or ``origin/main``/``werkmap``."""

    oud: str
    nieuw: str
    namen: dict[str, str] = field(default_factory=dict)
    niet_vergeleken: tuple[str, ...] = ()
    met_fouten: tuple[str, ...] = ()  # compared as written: they do not pass dossier validate


def pad_label(w: Wijziging) -> str:
    """``zorgvormen.klinische_zorg.capaciteit.binnen_regio`` → ``Klinische zorg › capaciteit › voor patiënten uit de regio``."""
    segments = [(name, index) for name, index in _SEGMENT.findall(w.pad) if name != "zorgvormen"]
    last_index = max((i for i, (_, idx) in enumerate(segments) if idx), default=-1)
    parts = []
    for i, (name, index) in enumerate(segments):
        if index:
            parts.append(w.item if i == last_index and w.item else f"nr. {int(index) + 1}")
        elif name in Zorgvorm.__members__:
            parts.append(Zorgvorm(name).label)
        else:
            parts.append(VELD_LABELS.get(name, name.replace("_", " ")))
    if w.item and w.soort in ("toegevoegd", "verwijderd") and last_index == -1 and not _scalar_item(w):
        parts.append(w.item)
    text = " › ".join(parts) if parts else "hele bestand"
    return text[:1].upper() + text[1:]


def _scalar_item(w: Wijziging) -> bool:
    value = w.nieuw if w.soort == "toegevoegd" else w.oud
    return not isinstance(value, dict)


def getal(value: float) -> str:
    """Dutch notation with only the decimals the value has (6,5; 1.450)."""
    if isinstance(value, float) and not value.is_integer():
        return getal_tekst(value, 1 if round(value, 1) == value else 2)
    return getal_tekst(value)


def waarde_tekst(value: Any, pad: str = "") -> str:
    """A value as a reader sees it on the site: onbekend, ja/nee, Dutch numbers, labels of enums."""
    if value is None:
        return "onbekend"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return getal(value)
    if isinstance(value, list):
        return "; ".join(waarde_tekst(v) for v in value) if value else "geen"
    if isinstance(value, dict):
        return "; ".join(f"{VELD_LABELS.get(k, k)}: {waarde_tekst(v, k)}" for k, v in value.items() if v not in (None, []))
    last = pad.rsplit(".", 1)[-1]
    return label(value) if last in ENUM_VELDEN else str(value)


def waarden(w: Wijziging) -> tuple[str, str]:
    """Old and new value as text; the missing side of an addition or removal reads "—", not onbekend."""
    oud = "—" if w.soort == "toegevoegd" else waarde_tekst(w.oud, w.pad)
    nieuw = "—" if w.soort == "verwijderd" else waarde_tekst(w.nieuw, w.pad)
    return oud, nieuw


def verschil_tekst(w: Wijziging) -> str:
    """``+20 (+5,3%)``; empty when the change is not between two numbers."""
    if w.absoluut is None:
        return ""
    text = _signed(getal(abs(w.absoluut)), w.absoluut)
    if w.relatief is not None:
        text += f" ({_signed(getal_tekst(abs(w.relatief) * 100, 1), w.relatief)}%)"
    return text


def _signed(text: str, value: float) -> str:
    return f"+{text}" if value > 0 else (f"-{text}" if value < 0 else text)


def bestand(w: Wijziging) -> str:
    """The data file a change belongs to, by the contract's file layout."""
    if w.regio is None:
        return f"data/landelijk/{w.jaar}.yaml"
    return f"data/regions/{w.regio}/{'regio' if w.jaar is None else w.jaar}.yaml"


def _groups(changes: Iterable[Wijziging]) -> list[tuple[str, list[Wijziging]]]:
    return [(path, list(group)) for path, group in groupby(changes, key=bestand)]


def _kop(w: Wijziging, versies: Versies) -> str:
    if w.regio is None:
        return "Landelijke tafel"
    return versies.namen.get(w.regio, w.regio)


def _hele_bestand(w: Wijziging, versies: Versies) -> str:
    return f"nieuw bestand (alleen in {versies.nieuw})" if w.soort == "toegevoegd" else f"bestand verwijderd (alleen in {versies.oud})"


def _geen(versies: Versies) -> str:
    return "Geen wijzigingen in de bestanden die te lezen zijn." if versies.niet_vergeleken else "Geen wijzigingen in de gegevens."


def _tellingen(changes: list[Wijziging]) -> str:
    files = len({bestand(w) for w in changes})
    jumps = sum(w.grote_sprong for w in changes)
    text = f"{len(changes)} {'wijziging' if len(changes) == 1 else 'wijzigingen'} in {files} {'bestand' if files == 1 else 'bestanden'}"
    if jumps:
        text += f", waarvan {jumps} {'grote sprong' if jumps == 1 else 'grote sprongen'} (meer dan een factor 3: controleer op tikfouten)"
    return text


def format_text(changes: list[Wijziging], versies: Versies) -> str:
    """For the terminal: one line per change under a heading per file."""
    lines = [f"Wijzigingen van {versies.oud} naar {versies.nieuw}"]
    lines += [f"niet vergeleken (niet te lezen, zie dossier validate): {path}" for path in versies.niet_vergeleken]
    for path, group in _groups(changes):
        fouten = " (bevat fouten, zie dossier validate)" if path in versies.met_fouten else ""
        lines.append(f"\n{_kop(group[0], versies)} — {path}{fouten}")
        for w in group:
            if not w.pad:
                lines.append(f"  {_hele_bestand(w, versies)}")
                continue
            delta = verschil_tekst(w)
            oud, nieuw = waarden(w)
            line = f"  {SOORT_LABELS[w.soort]}: {w.pad}: {oud} → {nieuw}" + (f", {delta}" if delta else "")
            lines.append(line + (" GROTE SPRONG" if w.grote_sprong else ""))
    lines.append(f"\n{_tellingen(changes)}" if changes else f"\n{_geen(versies)}")
    return "\n".join(lines)


def _md(text: str) -> str:
    """Escape for a Markdown table cell: shown exactly as typed, never interpreted."""
    text = html.escape(text, quote=False)
    text = re.sub(r"([\\`*_\[\]|#~])", r"\\\1", text)
    return text.replace("\r", "").replace("\n", "<br>")


def format_markdown(changes: list[Wijziging], versies: Versies) -> str:
    """For a merge request: a table per file with labels, old and new value and the difference."""
    lines = [f"## Wijzigingen in de gegevens: {_md(versies.oud)} → {_md(versies.nieuw)}", ""]
    if versies.niet_vergeleken:
        lines += ["> **Let op:** deze bestanden zijn niet te lezen en dus niet vergeleken; zie de uitvoer van `dossier validate`:", ">"]
        lines += [f"> - `{path}`" for path in versies.niet_vergeleken]
        lines.append("")
    lines += [_tellingen(changes) + "." if changes else _geen(versies), ""]
    for path, group in _groups(changes):
        lines += [f"### {_md(_kop(group[0], versies))} — `{path}`", ""]
        if path in versies.met_fouten:
            lines += ["Dit bestand bevat nog fouten (zie de controle `dossier validate`); hieronder staat het zoals het geschreven is.", ""]
        whole = [w for w in group if not w.pad]
        if whole:
            lines += [_hele_bestand(whole[0], versies) + ".", ""]
            continue
        lines += ["| Onderdeel | Wat | Oud | Nieuw | Verschil |", "|---|---|---|---|---|"]
        for w in group:
            soort = SOORT_LABELS[w.soort] + (" — **grote sprong**" if w.grote_sprong else "")
            cells = [_md(pad_label(w)), soort, *(_md(v) for v in waarden(w)), _md(verschil_tekst(w))]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def format_json(changes: list[Wijziging], versies: Versies) -> str:
    """Everything, machine-readable: each entry has regio, jaar, pad, soort, oud, nieuw and more."""
    entries = [{**w.as_dict(), "bestand": bestand(w), "label": pad_label(w)} for w in changes]
    report = {
        "oud": versies.oud, "nieuw": versies.nieuw, "niet_vergeleken": list(versies.niet_vergeleken),
        "met_fouten": list(versies.met_fouten), "wijzigingen": entries,
    }
    return json.dumps(report, ensure_ascii=False, indent=2)


FORMATS: dict[str, Callable[[list[Wijziging], Versies], str]] = {"text": format_text, "markdown": format_markdown, "json": format_json}


def report(root: Path, fmt: str, *, jaren: tuple[int, int] | None = None, base: str | None = None, regio: str | None = None) -> str:
    """``dossier diff``: load both sides, compare and format; a wrong call raises ``ValueError`` in Dutch."""
    from .dataset import load_dataset
    from .diff import diff_datasets, diff_jaren, onleesbare_bestanden

    dataset, _ = load_dataset(root)
    namen = {slug: r.naam for slug, r in dataset.regions.items()}
    if base is not None:
        from .git_revision import load_revision

        oud, _ = load_revision(root, base)
        _check_regio(regio, set(dataset.regions) | set(oud.regions))
        onleesbaar = sorted(set(onleesbare_bestanden(oud, als_geschreven=True)) | set(onleesbare_bestanden(dataset, als_geschreven=True)))
        label = base[:10] if re.fullmatch(r"[0-9a-f]{40}", base) else base  # a commit id from CI: short is enough
        fouten = tuple(sorted(set(onleesbare_bestanden(dataset)) - set(onleesbaar)))
        versies = Versies(label, "huidige versie", {**{s: r.naam for s, r in oud.regions.items()}, **namen}, tuple(onleesbaar), fouten)
        return FORMATS[fmt](diff_datasets(oud, dataset, regio), versies)
    if jaren is None:
        raise ValueError("geef twee jaren (dossier diff 2025 2026) of een revisie (dossier diff --base origin/main)")
    van, naar = jaren
    for jaar in (van, naar):
        if jaar not in dataset.jaren:
            raise ValueError(f"er zijn geen gegevens voor {jaar}; beschikbare jaren: {', '.join(map(str, dataset.jaren)) or 'geen'}")
    if van == naar:
        raise ValueError("geef twee verschillende jaren, of gebruik --base om met een git-revisie te vergelijken")
    _check_regio(regio, set(dataset.regions))
    onleesbaar = [p for p in onleesbare_bestanden(dataset) if p.endswith((f"/{van}.yaml", f"/{naar}.yaml"))]
    return FORMATS[fmt](diff_jaren(dataset, van, naar, regio), Versies(str(van), str(naar), namen, tuple(onleesbaar)))


def _check_regio(regio: str | None, bestaande: set[str]) -> None:
    if regio is not None and regio not in bestaande:
        raise ValueError(f"regio '{regio}' bestaat niet; kies een mapnaam uit data/regions/ ({', '.join(sorted(bestaande))})")

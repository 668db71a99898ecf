"""Dutch renderings of a list of changes: text for the terminal, Markdown for a merge request, JSON.

The Markdown is the merge request's review comment (and job summary), read by the national chair
and by region staff who are not programmers: it starts with what the chair needs (regions and
years, the figures that moved most with the large jumps first, discussion points that come or go;
see :mod:`review`), each linked to its page in the preview, then every change per file; labels
instead of key paths, numbers in Dutch notation, *onbekend* instead of null.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from ..contract.characters import json_for_logs, one_line
from ..contract.fields import ENUM_KEYS, KEY_LABELS, figure
from ..contract.notation import dutch_date, number
from ..contract.site_paths import region_year_page, zorgvorm_anchor
from ..contract.vocabulary import Zorgvorm, label
from .diff import Wijziging
from .host_markdown import code_span, inert_markdown
from .review import (
    SMALL_BASE,
    PageLinks,
    bespreekpunt_wissels,
    large_jumps,
    moved_most,
    page_of,
    plekken,
    regions_most_changed,
    small_base,
    whole_files,
    zorgvorm_wissels,
)

SOORT_LABELS = {
    "gewijzigd": "gewijzigd",
    "toegevoegd": "toegevoegd",
    "verwijderd": "verwijderd",
    "onbekend_naar_bekend": "onbekend → bekend",
    "bekend_naar_onbekend": "bekend → onbekend",
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # dates in the diff are JSON text: shown the Dutch way
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
            parts.append(KEY_LABELS.get(name, name.replace("_", " ")))
    if w.item and w.soort in ("toegevoegd", "verwijderd") and last_index == -1 and not _scalar_item(w):
        parts.append(w.item)
    text = " › ".join(parts) if parts else "hele bestand"
    return text[:1].upper() + text[1:]


def _scalar_item(w: Wijziging) -> bool:
    value = w.nieuw if w.soort == "toegevoegd" else w.oud
    return not isinstance(value, dict)


def waarde_tekst(value: Any, pad: str = "") -> str:
    """A value as a reader sees it on the site: onbekend, ja/nee, Dutch numbers, labels of enums."""
    if value is None:
        return "onbekend"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        return figure(value, pad.rsplit(".", 1)[-1])
    if isinstance(value, list):
        return "; ".join(waarde_tekst(v) for v in value) if value else "geen"
    if isinstance(value, dict):
        return "; ".join(f"{KEY_LABELS.get(k, k)}: {waarde_tekst(v, k)}" for k, v in value.items() if v not in (None, []))
    last = pad.rsplit(".", 1)[-1]
    if last in ENUM_KEYS:
        return label(value)
    return dutch_date(dt.date.fromisoformat(value)) if _ISO_DATE.match(str(value)) else str(value)


def waarden(w: Wijziging) -> tuple[str, str]:
    """Old and new value as text; the missing side of an addition or removal reads "—", not onbekend."""
    oud = "—" if w.soort == "toegevoegd" else waarde_tekst(w.oud, w.pad)
    nieuw = "—" if w.soort == "verwijderd" else waarde_tekst(w.nieuw, w.pad)
    return oud, nieuw


def verschil_tekst(w: Wijziging) -> str:
    """``+20 (+5,3%)``; empty when the change is not between two numbers."""
    if w.absoluut is None:
        return ""
    text = _signed(figure(abs(w.absoluut), w.pad.rsplit(".", 1)[-1]), w.absoluut)
    if w.relatief is not None:
        text += f" ({_signed(number(abs(w.relatief) * 100, 1), w.relatief)}%)"
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


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _per_soort(changes: list[Wijziging]) -> str:
    parts = [f"{n} {SOORT_LABELS[soort]}" for soort in SOORT_LABELS if (n := sum(w.soort == soort for w in changes))]
    return ", ".join(parts)


def _plek_naam(regio: str | None, jaar: int | None, versies: Versies) -> str:
    naam = "Landelijke tafel" if regio is None else versies.namen.get(regio, regio)
    return naam if jaar is None else f"{naam} {jaar}"


def _opsomming(items: list[str]) -> str:
    return "; ".join(items) if items else "geen"


def samenvatting(changes: list[Wijziging], versies: Versies) -> list[str]:
    """The chair's overview in a few plain lines: counts by kind, the regions that changed most, files and care
    forms added or removed, discussion points put on or taken off the agenda. Each formatter escapes them."""
    if not changes:
        return [_geen(versies)]
    lines = [f"{_tellingen(changes).split(', waarvan', 1)[0]}: {_per_soort(changes)}."]
    jumps = large_jumps(changes)
    lines.append(
        f"Grote sprongen (meer dan een factor 3): {len(jumps)}; kijk die eerst na op tikfouten." if jumps else "Geen grote sprongen (meer dan een factor 3)."
    )
    regios = regions_most_changed(changes)
    if regios:
        namen = [
            f"{versies.namen.get(r.regio, r.regio)} ({_n(r.aantal, 'wijziging', 'wijzigingen')}, {_n(r.cijfers, 'cijfer', 'cijfers')}"
            + (f", {_n(r.sprongen, 'grote sprong', 'grote sprongen')})" if r.sprongen else ")")
            for r in regios
        ]
        lines.append(f"Meest veranderde regio's: {'; '.join(namen)}.")
    erbij, eraf = whole_files(changes)
    lines.append(
        f"Bestanden erbij: {_opsomming([_plek_naam(w.regio, w.jaar, versies) for w in erbij])}. "
        f"Bestanden eraf: {_opsomming([_plek_naam(w.regio, w.jaar, versies) for w in eraf])}."
    )
    vormen = zorgvorm_wissels(changes)
    erbij_vormen = [f"{_plek_naam(z.regio, z.jaar, versies)} — {z.zorgvorm.label}" for z in vormen if z.aanwezig]
    eraf_vormen = [f"{_plek_naam(z.regio, z.jaar, versies)} — {z.zorgvorm.label}" for z in vormen if not z.aanwezig]
    lines.append(f"Zorgvormen erbij (nu aanwezig): {_opsomming(erbij_vormen)}. Zorgvormen eraf (niet meer aanwezig): {_opsomming(eraf_vormen)}.")
    wissels = bespreekpunt_wissels(changes)
    op = sum(b.geagendeerd for b in wissels)
    lines.append(f"Bespreekpunten voor de landelijke tafel: {op} op de agenda gezet, {len(wissels) - op} van de agenda gehaald.")
    return lines


def let_op(w: Wijziging) -> list[str]:
    """Why a moved figure needs a second look: a large jump (likely a typo), a small base (a large percentage of little)."""
    return [text for text, on in (("grote sprong", w.grote_sprong), (f"kleine basis (oud < {SMALL_BASE})", small_base(w))) if on]


def _cijfer_regel(w: Wijziging, versies: Versies) -> str:
    oud, nieuw = waarden(w)
    notes = let_op(w)
    return f"{_plek_naam(w.regio, w.jaar, versies)} — {pad_label(w)}: {oud} → {nieuw}, {verschil_tekst(w)}" + (f" [{', '.join(notes)}]" if notes else "")


def _overzicht_tekst(changes: list[Wijziging], versies: Versies) -> list[str]:
    """The text version of the overview: the summary, the figures that moved most, every large jump."""
    lines = ["", "Samenvatting", *(f"  {line}" for line in samenvatting(changes, versies))]
    cijfers = moved_most(changes)
    if cijfers:
        lines += ["", f"Cijfers die het meest veranderden (absolute verandering; kleine basis: oud < {SMALL_BASE})"]
        lines += [f"  {i}. {_cijfer_regel(w, versies)}" for i, w in enumerate(cijfers, 1)]
    jumps = large_jumps(changes)
    if jumps:
        lines += ["", "Grote sprongen (meer dan een factor 3: controleer op tikfouten)", *(f"  {_cijfer_regel(w, versies)}" for w in jumps)]
    wissels = bespreekpunt_wissels(changes)
    if wissels:
        lines += ["", "Bespreekpunten voor de landelijke tafel"]
        for b in wissels:
            lines.append(f"  {'Nieuw geagendeerd' if b.geagendeerd else 'Niet meer geagendeerd'}: {_plek_naam(b.regio, b.jaar, versies)} — {b.zorgvorm.label}")
    return [*lines, "", "Alle wijzigingen per bestand"] if changes else lines


def format_text(changes: list[Wijziging], versies: Versies, links: PageLinks | None = None) -> str:
    """For the terminal: one line per change under a heading per file (with its page, given ``links``); a value's
    line breaks and control characters are shown escaped (``\\n``), so no value starts a line of a CI log."""
    lines = [f"Wijzigingen van {versies.oud} naar {versies.nieuw}"]
    lines += [f"niet vergeleken (niet te lezen, zie dossier validate): {path}" for path in versies.niet_vergeleken]
    lines += _overzicht_tekst(changes, versies)
    for path, group in _groups(changes):
        fouten = " (bevat fouten, zie dossier validate)" if path in versies.met_fouten else ""
        pagina = f" · {links.to(page_of(group[0]))}" if links else ""
        lines += ["", f"{_kop(group[0], versies)} — {path}{fouten}{pagina}"]
        for w in group:
            if not w.pad:
                lines.append(f"  {_hele_bestand(w, versies)}")
                continue
            delta = verschil_tekst(w)
            oud, nieuw = waarden(w)
            line = f"  {SOORT_LABELS[w.soort]}: {w.pad}: {oud} → {nieuw}" + (f", {delta}" if delta else "")
            lines.append(line + (" GROTE SPRONG" if w.grote_sprong else ""))
    lines += ["", _tellingen(changes) if changes else _geen(versies)]
    return "\n".join(one_line(line) for line in lines)  # names, keys and values are the data's: one line each


def _md(text: str) -> str:
    """A table cell shown exactly as typed, never interpreted: no Markdown, no mention, reference or link on the code host."""
    return inert_markdown(text)


def _link(text: str, url: str | None) -> str:
    """Escaped text, linked when there is a page to link to (``url`` is ours: slugs, years and a checked base)."""
    return f"[{_md(text)}]({url})" if url else _md(text)


def format_markdown(changes: list[Wijziging], versies: Versies, links: PageLinks | None = None) -> str:
    """For a merge request: first what the chair needs (:func:`_overzicht`), then a table per file."""
    lines = [f"## Wijzigingen in de gegevens: {_md(versies.oud)} → {_md(versies.nieuw)}", ""]
    if versies.niet_vergeleken:
        lines += ["> **Let op:** deze bestanden zijn niet te lezen en dus niet vergeleken; zie de uitvoer van `dossier validate`:", ">"]
        lines += [f"> - {code_span(path)}" for path in versies.niet_vergeleken]
        lines.append("")
    if changes:
        lines += ["### Samenvatting", "", *(f"- {_md(line)}" for line in samenvatting(changes, versies)), ""]
    else:
        lines += [_geen(versies), ""]
    if links:
        lines += [f"Lees de pagina's zoals ze na samenvoegen worden in het [voorbeeld van de site]({links.to('index.md')}).", ""]
    if changes:
        lines += [*_overzicht(changes, versies, links), "### Alle wijzigingen per bestand", ""]
    for path, group in _groups(changes):
        lines += _bestand_md(path, group, versies, links)
    return "\n".join(lines)


def _bestand_md(path: str, group: list[Wijziging], versies: Versies, links: PageLinks | None) -> list[str]:
    pagina = f" · [pagina]({links.to(page_of(group[0]))})" if links else ""
    lines = [f"#### {_md(_kop(group[0], versies))} — {code_span(path)}{pagina}", ""]
    if path in versies.met_fouten:
        lines += ["Dit bestand bevat nog fouten (zie de controle `dossier validate`); hieronder staat het zoals het geschreven is.", ""]
    whole = [w for w in group if not w.pad]
    if whole:
        return [*lines, _md(_hele_bestand(whole[0], versies)) + ".", ""]
    lines += ["| Onderdeel | Wat | Oud | Nieuw | Verschil |", "|---|---|---|---|---|"]
    for w in group:
        soort = SOORT_LABELS[w.soort] + (" — **grote sprong**" if w.grote_sprong else "")
        cells = [_md(pad_label(w)), soort, *(_md(v) for v in waarden(w)), _md(verschil_tekst(w))]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _overzicht(changes: list[Wijziging], versies: Versies, links: PageLinks | None) -> list[str]:
    """Where the request changes the data, the figures that moved most, every large jump, the discussion points."""
    lines = ["### Regio's en jaren", "", "| Regio | Jaar | Wijzigingen | Grote sprongen |", "|---|---|---|---|"]
    for plek in plekken(changes):
        jaar = str(plek.jaar) if plek.jaar is not None else "regiogegevens"
        naam = _link(_kop(plek.voorbeeld, versies), links.to(page_of(plek.voorbeeld)) if links else None)
        lines.append(f"| {naam} | {jaar} | {plek.aantal} | {plek.sprongen or '—'} |")
    lines += ["", "### Cijfers die het meest veranderden", ""]
    cijfers = moved_most(changes)
    if cijfers:
        lines += [f"De {len(cijfers)} cijfers met de grootste absolute verandering, met de relatieve verandering erbij. "
                  f"*Kleine basis*: het oude cijfer is kleiner dan {SMALL_BASE}, dus zegt een percentage weinig.", ""]
        lines += _cijfers_md(cijfers, versies, links)
    else:
        lines.append("Geen cijfers veranderd.")
    jumps = large_jumps(changes)
    if jumps:
        lines += ["", "### Grote sprongen", "", "Meer dan een factor 3, dezelfde regel als de waarschuwing van `dossier validate`: "
                  "kijk deze cijfers na op tikfouten.", "", *_cijfers_md(jumps, versies, links)]
    return [*lines, "", *_bespreekpunten_md(changes, versies, links), ""]


def _cijfers_md(cijfers: list[Wijziging], versies: Versies, links: PageLinks | None) -> list[str]:
    lines = ["| Let op | Regio | Jaar | Onderdeel | Oud | Nieuw | Verschil |", "|---|---|---|---|---|---|---|"]
    for w in cijfers:
        cells = [_link(_kop(w, versies), links.of(w) if links else None), str(w.jaar), _md(pad_label(w)), *(_md(v) for v in waarden(w))]
        lines.append(f"| {', '.join(f'**{note}**' for note in let_op(w))} | " + " | ".join([*cells, _md(verschil_tekst(w))]) + " |")
    return lines


def _bespreekpunten_md(changes: list[Wijziging], versies: Versies, links: PageLinks | None) -> list[str]:
    wissels = bespreekpunt_wissels(changes)
    lines = ["### Bespreekpunten voor de landelijke tafel", ""]
    if not wissels:
        return [*lines, "Geen nieuwe en geen vervallen bespreekpunten."]
    for b in wissels:
        url = links.to(region_year_page(b.regio, b.jaar), zorgvorm_anchor(b.zorgvorm.value)) if links else None
        tekst = f"{versies.namen.get(b.regio, b.regio)} {b.jaar} — {b.zorgvorm.label}"
        lines.append(f"- {'Nieuw geagendeerd' if b.geagendeerd else 'Niet meer geagendeerd'}: {_link(tekst, url)}")
    return lines


def format_json(changes: list[Wijziging], versies: Versies, links: PageLinks | None = None) -> str:
    """Everything, machine-readable: each entry has regio, jaar, pad, soort, oud, nieuw and more (``pagina`` given ``links``)."""
    entries = [{**w.as_dict(), "bestand": bestand(w), "label": pad_label(w), **({"pagina": links.of(w)} if links else {})} for w in changes]
    report = {
        "oud": versies.oud, "nieuw": versies.nieuw, "niet_vergeleken": list(versies.niet_vergeleken),
        "met_fouten": list(versies.met_fouten), "wijzigingen": entries,
    }
    return json_for_logs(json.dumps(report, ensure_ascii=False, indent=2))


Formatter = Callable[[list[Wijziging], Versies, PageLinks | None], str]
FORMATS: dict[str, Formatter] = {"text": format_text, "markdown": format_markdown, "json": format_json}

"""The "wijzigingen" pages: what changed in a region, and nationally, since the previous cycle.

The national chair prepares the heidag with these, and a region checks its own new figures:
changed cells are marked in words (not colour only), jumps of more than a factor 3 carry the
same "grote sprong" rule as the validation warning, and onbekend → bekend is named as such.
The changes come from :mod:`diff`; national totals from :mod:`national`, so the figures match
the national page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup, escape

from ..analysis.diff import Wijziging, diff_models
from ..analysis.diff_report import SOORT_LABELS, let_op, pad_label, verschil_tekst, waarde_tekst, waarden
from ..analysis.national import AANTAL_VELDEN, totals_of_year
from ..analysis.review import MOST_MOVED, SMALL_BASE, moved_most
from ..contract.fields import COUNT_PATHS, TABEL2, TABEL2_BY_PATH, field_value
from ..contract.models import RegioJaar
from ..contract.notation import name_sort_key
from ..contract.site_paths import national_changes_page, region_changes_page
from ..contract.vocabulary import Zorgvorm
from ..reading.dataset import RegionData
from ..reading.plausibility import JUMP_FACTOR
from .context import Output, SiteContext
from .templating import ONBEKEND, render

TABEL2_RIJEN: tuple[tuple[str, str], ...] = tuple((f.path, f.label) for f in TABEL2)
_TABEL2_VELDEN = frozenset(veld for veld, _ in TABEL2_RIJEN)
SECTIES = {"tafel": "Tafel en deelnemers", "jaaragenda": "Jaaragenda", "regioplan": "Regioplan", "escalaties": "Escalaties"}
_TOTAAL_PADEN = {TABEL2_BY_PATH[path].column: path for path in COUNT_PATHS}


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    """A region page for every cycle whose previous cycle exists, and a national page per such year."""
    diffs = region_diffs(ctx)
    for (slug, jaar), changes in diffs.items():
        region = ctx.dataset.regions[slug]
        path = region_changes_page(slug, jaar)
        text = render("diff_region.md.j2", ctx.urls(path), **region_view(region, jaar, changes))
        yield path, Output(text, source=region.jaar_paths[jaar], title=f"Wijzigingen sinds {jaar - 1}")
    jaren = ctx.dataset.jaren
    if any(j - 1 in jaren for j in jaren):
        ov = ctx.overzicht
        for jaar in jaren:
            if jaar - 1 in jaren:
                view = national_view(ctx, jaar, diffs, totals_of_year(ov.totaal, jaar - 1), totals_of_year(ov.totaal, jaar))
                path = national_changes_page(jaar)
                yield path, Output(render("diff_national.md.j2", ctx.urls(path), **view), title=f"Wijzigingen sinds {jaar - 1}")


def region_diffs(ctx: SiteContext) -> dict[tuple[str, int], list[Wijziging]]:
    """Per (region, year) with a file the year before: the changes since then (the same as ``dossier diff``)."""
    result = {}
    for slug, region in sorted(ctx.dataset.regions.items()):
        if region.regio is None:
            continue
        for jaar in sorted(region.jaren):
            if jaar - 1 in region.jaren:
                result[(slug, jaar)] = diff_models(region.jaren[jaar - 1], region.jaren[jaar], regio=slug, jaar=jaar, verschuiving=1)
    return result


def _html(value: Any, pad: str) -> Markup:
    return ONBEKEND if value is None else escape(waarde_tekst(value, pad))


def _get(model: RegioJaar, zorgvorm: Zorgvorm, veld: str) -> Any:
    return field_value(model.zorgvormen[zorgvorm], veld)


def _row(label: str, w: Wijziging) -> dict[str, Any]:
    """A listed change: label, kind, both values (the missing side of an addition reads —)."""
    oud, nieuw = waarden(w)
    return {
        "label": label[:1].upper() + label[1:], "w": w, "soort": SOORT_LABELS[w.soort], "verschil": verschil_tekst(w),
        "oud": ONBEKEND if oud == "onbekend" else oud, "nieuw": ONBEKEND if nieuw == "onbekend" else nieuw,
    }


MOST_MOVED_IN_REGION = 5
"""How many moved figures a region's changes page names in its summary."""


def cijfer_rijen(changes: list[Wijziging], limit: int) -> list[dict[str, Any]]:
    """The figures that moved most (absolute change, as in ``dossier diff``), each with why it needs a second look."""
    return [{**_row(pad_label(w), w), "let_op": let_op(w)} for w in moved_most(changes, limit)]


def zorgvorm_view(vorig: RegioJaar, huidig: RegioJaar, zorgvorm: Zorgvorm, changes: list[Wijziging]) -> dict[str, Any]:
    """One care form: every Tabel 2 row (changed ones marked) and its other changes as a list.

    ``changes`` are this form's changes (:attr:`Wijziging.zorgvorm`), as :func:`region_view` groups them.
    """
    eigen = [w for w in changes if w.pad.startswith("zorgvormen.")]
    per_veld = {w.veld: w for w in eigen if w.veld in _TABEL2_VELDEN}
    rijen = []
    for veld, label in TABEL2_RIJEN:
        pad, w = f"zorgvormen.{zorgvorm.value}.{veld}", per_veld.get(veld)
        rijen.append({
            "label": label, "w": w, "oud": _html(_get(vorig, zorgvorm, veld), pad),
            "nieuw": _html(_get(huidig, zorgvorm, veld), pad), "verschil": verschil_tekst(w) if w else "",
        })
    overig = [_row(pad_label(w).split(" › ", 1)[-1], w) for w in eigen if w.veld not in _TABEL2_VELDEN]
    return {"zorgvorm": zorgvorm, "rijen": rijen, "overig": overig, "aantal": sum(1 for r in rijen if r["w"]) + len(overig)}


def _bespreekpunt(model: RegioJaar | None, zorgvorm: Zorgvorm) -> bool:
    if model is None:
        return False
    bp = model.zorgvormen[zorgvorm].bespreekpunt
    return bp is not None and bp.agenderen


def _bespreekpunten(vorig: RegioJaar | None, huidig: RegioJaar) -> list[dict[str, Any]]:
    rows = []
    for zorgvorm in Zorgvorm:
        if zorgvorm.regionaal:
            continue
        was, is_ = _bespreekpunt(vorig, zorgvorm), _bespreekpunt(huidig, zorgvorm)
        oordeel = {(False, True): "nieuw geagendeerd", (True, False): "niet meer geagendeerd", (True, True): "blijft geagendeerd"}
        rows.append({"zorgvorm": zorgvorm, "was": was, "is": is_, "oordeel": oordeel.get((was, is_), "niet geagendeerd")})
    return rows


def region_view(region: RegionData, jaar: int, changes: list[Wijziging]) -> dict[str, Any]:
    """Everything the region's wijzigingen page shows."""
    vorig, huidig = region.jaren[jaar - 1], region.jaren[jaar]
    secties: dict[str, list[dict[str, Any]]] = {}
    per_zorgvorm: dict[Zorgvorm | None, list[Wijziging]] = {}
    for w in changes:
        per_zorgvorm.setdefault(w.zorgvorm, []).append(w)
        top = w.pad.split(".", 1)[0].split("[", 1)[0]
        if top != "zorgvormen":
            secties.setdefault(SECTIES.get(top, "Overig"), []).append(_row(pad_label(w), w))
    return {
        "regio": region.regio, "naam": region.naam, "slug": region.slug, "jaar": jaar, "vorig_jaar": jaar - 1,
        "zorgvormen": [zorgvorm_view(vorig, huidig, z, per_zorgvorm.get(z, [])) for z in Zorgvorm],
        "secties": [(titel, secties[titel]) for titel in [*SECTIES.values(), "Overig"] if titel in secties],
        "bespreekpunten": _bespreekpunten(vorig, huidig),
        "tellingen": {SOORT_LABELS[s]: n for s in SOORT_LABELS if (n := sum(w.soort == s for w in changes))},
        "sprongen": [(w.zorgvorm, pad_label(w), w) for w in changes if w.grote_sprong],
        "meest": cijfer_rijen(changes, MOST_MOVED_IN_REGION), "kleine_basis": SMALL_BASE,
        "aantal": len(changes),
        "bron": region.jaar_paths[jaar],
        "waarde": _html, "soort_label": lambda w: SOORT_LABELS[w.soort], "sprong_factor": JUMP_FACTOR,
    }


def _like_for_like(vorige: dict[str, RegioJaar], huidige: dict[str, RegioJaar], zorgvorm: Zorgvorm, veld: str) -> tuple[float, float, int] | None:
    """Totals over the regions that gave this figure in both years: a change not made by who reported."""
    pad = _TOTAAL_PADEN[veld]
    paren = [(_get(vorige[s], zorgvorm, pad), _get(huidige[s], zorgvorm, pad)) for s in sorted(set(vorige) & set(huidige))]
    paren = [(a, b) for a, b in paren if a is not None and b is not None]
    return (sum(a for a, _ in paren), sum(b for _, b in paren), len(paren)) if paren else None


def _totaal_rijen(ctx: SiteContext, jaar: int, vorig_t: dict[str, Any], huidig_t: dict[str, Any], zorgvorm: Zorgvorm) -> list[dict[str, Any]]:
    vorige, huidige = ctx.dataset.region_years(jaar - 1), ctx.dataset.region_years(jaar)
    rijen = []
    for veld in AANTAL_VELDEN:
        vergelijk = _like_for_like(vorige, huidige, zorgvorm, veld)
        verschil, n = "", 0
        if vergelijk is not None:
            a, b, n = vergelijk
            w = Wijziging(None, jaar, veld, "gewijzigd", a, b, absoluut=b - a, relatief=(b - a) / a if a else None)
            verschil = verschil_tekst(w) if a != b else "geen verschil"
        rijen.append({
            "label": TABEL2_BY_PATH[_TOTAAL_PADEN[veld]].label, "oud": vorig_t[zorgvorm][veld], "n_oud": vorig_t[zorgvorm][f"n_{veld}"],
            "nieuw": huidig_t[zorgvorm][veld], "n_nieuw": huidig_t[zorgvorm][f"n_{veld}"], "verschil": verschil, "n_vergelijk": n,
        })
    return rijen


def national_view(
    ctx: SiteContext, jaar: int, diffs: dict[tuple[str, int], list[Wijziging]], vorig_t: dict[Any, Any], huidig_t: dict[Any, Any]
) -> dict[str, Any]:
    """National totals against last year, the regions that changed most, new and dropped discussion points."""
    vorige, huidige = ctx.dataset.region_years(jaar - 1), ctx.dataset.region_years(jaar)
    namen = {slug: r.naam for slug, r in ctx.dataset.regions.items()}
    regios: list[dict[str, Any]] = sorted(
        ({"slug": slug, "naam": namen[slug], "aantal": len(ch), "cijfers": sum(1 for w in ch if w.pad.startswith("zorgvormen.") and _is_figure(w)),
          "sprongen": sum(w.grote_sprong for w in ch), "bekend": sum(w.soort == "onbekend_naar_bekend" for w in ch)}
         for (slug, j), ch in diffs.items() if j == jaar),
        key=lambda r: (-r["sprongen"], -r["cijfers"], -r["aantal"], name_sort_key(r["naam"])),
    )
    punten = [
        {"slug": slug, "naam": namen[slug], "zorgvorm": row["zorgvorm"], "oordeel": row["oordeel"]}
        for slug, model in huidige.items()
        for row in _bespreekpunten(vorige.get(slug), model)
    ]
    return {
        "jaar": jaar, "vorig_jaar": jaar - 1,
        "totalen": [(z, _totaal_rijen(ctx, jaar, vorig_t, huidig_t, z)) for z in Zorgvorm],
        "regios": regios,
        "nieuwe_regios": sorted((namen[s] for s in set(huidige) - set(vorige)), key=name_sort_key),
        "ontbrekende_regios": sorted((namen[s] for s in set(vorige) - set(huidige)), key=name_sort_key),
        "nieuwe_punten": [p for p in punten if p["oordeel"] == "nieuw geagendeerd"],
        "vervallen_punten": [p for p in punten if p["oordeel"] == "niet meer geagendeerd"],
        "voorbeeld": ctx.dataset.voorbeeld,
        "n_oud": len(vorige), "n_nieuw": len(huidige),
        "cijfers": [{**r, "slug": r["w"].regio, "naam": namen[r["w"].regio]} for r in cijfer_rijen(
            [w for (_, j), ch in diffs.items() if j == jaar for w in ch], MOST_MOVED)],
        "kleine_basis": SMALL_BASE,
    }


def _is_figure(w: Wijziging) -> bool:
    return w.veld in TABEL2_BY_PATH and TABEL2_BY_PATH[w.veld].soort in ("int", "float")

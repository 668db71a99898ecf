"""The national page of one year: its view (totals, shortages, charts, advice) and its Markdown.

Shared below the sections: the national section (:mod:`national`) publishes it on its own, the
print edition (:mod:`print_edition`) renders it as one of its parts, from the same view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..analysis.national import Overzicht, group_neighbours, plain, totals_of_year
from ..analysis.signals import ONDERWERPEN, SIGNAAL_LABELS, TEKORTKLASSEN, WACHTSIGNALEN, Tekortbeeld, tekortbeelden
from ..contract import norms
from ..contract.notation import name_sort_key
from ..contract.site_paths import Urls
from ..contract.vocabulary import TREEKNORM_WEKEN, ZORGVORM_OMSCHRIJVING, Zorgvorm
from .charts import Chart
from .context import SiteContext
from .headings import Deel
from .milestone_data import standen
from .templating import render


def year_page(ctx: SiteContext, view: dict[str, Any], urls: Urls, deel: Deel | None = None) -> str:
    """The Markdown of the national page of ``view``'s year (:func:`year_view`), its links from ``urls``, its headings and ids from ``deel``.

    The site renders it on its own; the print edition renders it as one of its parts.
    """
    return render(
        "national_year.md.j2", urls, deel, **view, regio=RegioLinks(ctx.overzicht.namen, urls),
        mijlpaal_standen=standen(ctx, view["jaar"]), herkomst_bekend=ctx.geschiedenis.bekend,
    )


def year_view(ctx: SiteContext, ov: Overzicht, jaar: int) -> dict[str, Any]:
    """Everything the national year page shows, as plain values for the template."""
    jaren = [j for j in ctx.dataset.jaren if j <= jaar]
    per_jaar = {j: totals_of_year(ov.totaal, j) for j in jaren}
    totalen = per_jaar[jaar]
    tekorten = tekortbeelden(ov, jaar)
    regio_rijen = {z: _chart_rows(ov, jaar, z) for z in Zorgvorm}
    grafieken = {f"vraag-aanbod-{z.value.replace('_', '-')}": _demand_chart(regio_rijen[z], jaar, z) for z in Zorgvorm}
    grafieken["totalen"] = _totals_chart(per_jaar)
    grafieken["wachten"] = _waiting_chart(per_jaar)
    return {
        "jaar": jaar,
        "vorig_jaar": max((j for j in ctx.dataset.jaren if j < jaar), default=None),
        "volgend_jaar": min((j for j in ctx.dataset.jaren if j > jaar), default=None),
        "n_regios": int(ov.rows(jaar)["regio"].nunique()),
        "regios_totaal": ov.regios_totaal,
        "totalen": totalen,
        "tekorten": tekorten,
        "oordelen": {z: judgements(tekorten[z]) for z in Zorgvorm},
        "niet_te_beoordelen": {z: unjudged(tekorten[z]) for z in Zorgvorm},
        "onderwerpen": ONDERWERPEN,
        "deelvorm": {Zorgvorm.hoogspecialistische_ggz: "ggz-instellingen", Zorgvorm.hoogspecialistische_ziekenhuiszorg: "ziekenhuizen"},
        "norms": norms,
        "met_tekort": [z.label for z in Zorgvorm if tekorten[z].tekortklasse != "geen"],
        "regio_rijen": regio_rijen,
        "geschiedenis": {z: [(j, per_jaar[j][z]) for j in jaren] for z in Zorgvorm},
        "landelijke_functie": {z: _national_function(ov, jaar, z) for z in Zorgvorm},
        "escalaties": _escalations(ctx, jaar),
        "landelijk": ctx.dataset.landelijk.get(jaar),
        "adviezen": _advice_by_form(ctx, jaar),
        "grafieken": grafieken,
        "zorgvormen": list(Zorgvorm),
        "omschrijving": ZORGVORM_OMSCHRIJVING,
        "signaal_labels": SIGNAAL_LABELS,
        "tekortklassen": TEKORTKLASSEN,
        "wachtsignalen": WACHTSIGNALEN,
        "treeknorm": TREEKNORM_WEKEN,
    }


def judgements(tb: Tekortbeeld) -> dict[str, Any]:
    """The tables' own judgements (§3.2) on one care form: who says ja, who says nee, how many said nothing."""
    ja = sorted(s for s, o in tb.oordelen.items() if o == "ja")
    nee = sorted(s for s, o in tb.oordelen.items() if o == "nee")
    return {"ja": ja, "nee": nee, "zonder": len(tb.oordelen) - len(ja) - len(nee)}


def unjudged(tb: Tekortbeeld) -> list[tuple[str, list[dict[str, Any]]]]:
    """Per signal the regions it could not judge, grouped by reason: ten regions without last cycle's figures make one line."""
    result = []
    for key, per_regio in tb.niet_beoordeeld.items():
        groepen: dict[str, list[str]] = {}
        for slug, reden in per_regio.items():
            groepen.setdefault(reden, []).append(slug)
        result.append((key, [{"reden": reden, "regios": slugs, "aantal": len(slugs)} for reden, slugs in groepen.items()]))
    return result


@dataclass(frozen=True)
class RegioLinks:
    """A template helper: a region's name by its slug, and the page's URL builder for the link to it."""

    namen: Mapping[str, str]
    urls: Urls

    def naam(self, slug: str) -> str:
        return self.namen.get(slug, slug)


def _chart_rows(ov: Overzicht, jaar: int, zorgvorm: Zorgvorm) -> list[dict[str, Any]]:
    """Per region the demand and capacity behind one care form's chart, in name order like the region index."""
    rows = ov.rows(jaar, zorgvorm)
    result = [
        {
            "slug": r.regio,
            "naam": ov.namen.get(str(r.regio), str(r.regio)),
            "aanwezig": bool(r.aanwezig),
            "vraag": plain(r.vraag),
            "vraag_verwacht": bool(r.vraag_verwacht),
            "binnen": plain(r.capaciteit_binnen_regio),
            "buiten": plain(r.capaciteit_buiten_regio),
            "capaciteit": plain(r.capaciteit),
        }
        for r in rows.itertuples()
    ]
    return sorted(result, key=lambda row: (name_sort_key(row["naam"]), row["slug"]))


def _demand_chart(rows: list[dict[str, Any]], jaar: int, zorgvorm: Zorgvorm) -> Chart:
    return Chart("vraag_aanbod", {
        "titel": f"{zorgvorm.label} {jaar}: vraag en capaciteit per regio",
        "regios": [r["naam"] for r in rows],
        "vraag": [r["vraag"] for r in rows],
        "capaciteit": [r["capaciteit"] for r in rows],
    })


def _totals_chart(per_jaar: dict[int, dict[Zorgvorm, dict[str, Any]]]) -> Chart:
    jaren = sorted(per_jaar)
    return Chart("totalen", {
        "titel": "Landelijke vraag en capaciteit per cyclus",
        "jaren": jaren,
        "zorgvormen": [z.label for z in Zorgvorm],
        "vraag": [[per_jaar[j][z]["vraag_vergelijking"] for j in jaren] for z in Zorgvorm],
        "capaciteit": [[per_jaar[j][z]["capaciteit_vergelijking"] for j in jaren] for z in Zorgvorm],
    })


def _waiting_chart(per_jaar: dict[int, dict[Zorgvorm, dict[str, Any]]]) -> Chart:
    jaren = sorted(per_jaar)
    wachttijd = [[per_jaar[j][z]["gemiddelde_wachttijd_weken"] for j in jaren] for z in Zorgvorm]
    return Chart("wachten", {
        "titel": "Wachtenden en gemiddelde wachttijd per cyclus",
        "jaren": jaren,
        "zorgvormen": [z.label for z in Zorgvorm],
        "wachtenden": [[per_jaar[j][z]["wachtenden"] for j in jaren] for z in Zorgvorm],
        "wachttijd": [[None if w is None else round(w, 1) for w in row] for row in wachttijd],
        "treeknorm": TREEKNORM_WEKEN,
    })


def _national_function(ov: Overzicht, jaar: int, zorgvorm: Zorgvorm) -> dict[str, Any]:
    """Regions offering this form with a national function, and regions relying on offer elsewhere."""
    rows = ov.rows(jaar, zorgvorm)
    functie = [
        {
            "slug": r.regio,
            "binnen": plain(r.capaciteit_binnen_regio),
            "buiten": plain(r.capaciteit_buiten_regio),
            "aandeel": None if plain(r.capaciteit) in (None, 0) else 100 * plain(r.capaciteit_buiten_regio) / plain(r.capaciteit),
            "netwerken": r.bovenregionale_netwerken,
        }
        for r in rows[rows["landelijke_functie"]].itertuples()
    ]
    zonder = sorted(rows.loc[~rows["heeft_aanbod"], "regio"])
    return {"functie": functie, "zonder_aanbod": zonder}


def _escalations(ctx: SiteContext, jaar: int) -> list[dict[str, Any]]:
    return [
        {"slug": slug, "escalatie": e}
        for slug, model in ctx.dataset.region_years(jaar).items()
        for e in model.escalaties
    ]


def _advice_by_form(ctx: SiteContext, jaar: int) -> dict[Zorgvorm, list[Any]]:
    national = ctx.dataset.landelijk.get(jaar)
    result: dict[Zorgvorm, list[Any]] = {}
    for advies in national.adviezen if national is not None else []:
        result.setdefault(advies.zorgvorm, []).append(advies)
    return result


def discussion_topics(ctx: SiteContext, ov: Overzicht, jaar: int) -> list[dict[str, Any]]:
    """Discussion points per topic (the two hoogspecialistische forms as one), neighbours grouped."""
    adviezen = _advice_by_form(ctx, jaar)
    models = ctx.dataset.region_years(jaar)
    result = []
    for label, zorgvormen in ONDERWERPEN:
        punten: dict[str, list[dict[str, Any]]] = {}
        for slug, model in models.items():
            for z in zorgvormen:
                bp = model.zorgvormen[z].bespreekpunt
                if bp is not None and bp.agenderen:
                    advies = [a for a in adviezen.get(z, []) if a.regio == slug]
                    punten.setdefault(slug, []).append({"zorgvorm": z, "bespreekpunt": bp, "adviezen": advies})
        groepen = [[(slug, punten[slug]) for slug in groep] for groep in group_neighbours(sorted(punten), ov.buren)]
        n_samen = sum(len(groep) for groep in groepen if len(groep) > 1)
        result.append({"label": label, "zorgvormen": zorgvormen, "groepen": groepen, "n_regios": len(punten), "n_samen": n_samen})
    return result

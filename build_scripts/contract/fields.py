"""Every contract key with its Dutch label, and the Tabel 2 figures: one vocabulary from YAML key to page.

Pages, diff reports and downloads all name a field through this module, so a figure carries the
same words in the region's table, on the wijzigingen page and in a merge-request summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

KEY_LABELS: dict[str, str] = {
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
    "versie": "contractversie", "doelgroep": "doelgroep", "alternatief": "alternatief", "toegangsprobleem": "toegangsprobleem",
    "oordeel": "oordeel", "elders": "zorg elders", "aantal": "aantal",
}
"""The label of each key as a segment of a longer path (``Klinische zorg › capaciteit › voor patiënten uit de regio``)."""

ENUM_KEYS = frozenset({"soort", "status", "mate", "vertegenwoordiging", "uitkomst", "zorgvorm", "doelgroep", "oordeel"})
"""Keys whose values are enum values: shown by their Dutch label, not their key."""


@dataclass(frozen=True)
class Tabel2Field:
    """One row of Bijlage 2, Tabel 2: its key path within a care form, its Dutch row heading, its flat column name."""

    path: str
    label: str

    @property
    def column(self) -> str:
        """The name in frames and CSV downloads: ``capaciteit.binnen_regio`` → ``capaciteit_binnen_regio``."""
        return self.path.replace(".", "_")


TABEL2: tuple[Tabel2Field, ...] = (
    Tabel2Field("aanwezig", "Aanwezig in de regio"),
    Tabel2Field("verwachte_vraag", "Verwachte vraag (demografie)"),
    Tabel2Field("werkelijke_vraag", "Werkelijke vraag (aanmeldingen)"),
    Tabel2Field("landelijke_functie", "Landelijke functie"),
    Tabel2Field("capaciteit.binnen_regio", "Capaciteit voor patiënten uit de regio"),
    Tabel2Field("capaciteit.buiten_regio", "Capaciteit voor patiënten van buiten de regio"),
    Tabel2Field("wachtenden", "Wachtenden nu"),
    Tabel2Field("gemiddelde_wachttijd_weken", "Gemiddelde wachttijd afgelopen jaar (weken)"),
    Tabel2Field("gesloten_wachtlijsten", "Gesloten wachtlijsten afgelopen jaar"),
    Tabel2Field("onder_druk.mate", "Onder druk"),
    Tabel2Field("onder_druk.pnil_aandeel_pct", "PNIL-aandeel (%)"),
    Tabel2Field("onder_druk.vacaturegraad_pct", "Vacaturegraad (%)"),
)
TABEL2_BY_PATH = {f.path: f for f in TABEL2}
COUNT_PATHS = ("verwachte_vraag", "werkelijke_vraag", "capaciteit.binnen_regio", "capaciteit.buiten_regio", "wachtenden", "gesloten_wachtlijsten")
"""The Tabel 2 figures that are counts (whole numbers ≥ 0): summed nationally."""
FIGURE_PATHS = (*COUNT_PATHS[:5], "gemiddelde_wachttijd_weken", COUNT_PATHS[5])
"""Every Tabel 2 figure a region may not know (``null`` = onbekend): completeness and plausibility read these."""


def field_value(obj: object, path: str) -> object:
    """The value at a dotted key path of a model (``capaciteit.binnen_regio``); enums as their contract key."""
    value = obj
    for part in path.split("."):
        value = getattr(value, part)
    return value.value if isinstance(value, Enum) else value


def field_label(path: str) -> str:
    """The Dutch heading of a field: its Tabel 2 row heading, else its key's label, capitalised."""
    if path in TABEL2_BY_PATH:
        return TABEL2_BY_PATH[path].label
    text = KEY_LABELS.get(path.rsplit(".", 1)[-1], path.rsplit(".", 1)[-1].replace("_", " "))
    return text[:1].upper() + text[1:]

"""Open data that catalogues harvest: a Frictionless data package and a DCAT-AP-NL record of the downloads.

``datapackage.json`` describes every CSV with a Table Schema (type, unit and the Dutch
description of each column, empty cell = unknown), so a reader or a validator knows what each
column holds without reading the downloads page. ``catalogus.jsonld`` is the DCAT-AP-NL record a
national open-data portal harvests: licence, publisher, contact and update frequency come from
``extra.open_data`` in ``mkdocs.yml`` (the one place they are set), the temporal coverage from the
cycle years in the data, every download is a distribution.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Kolom = tuple[str, str]

INTEGER_COLUMNS = frozenset({
    "jaar", "verwachte_vraag", "werkelijke_vraag", "capaciteit_binnen_regio", "capaciteit_buiten_regio", "wachtenden",
    "gesloten_wachtlijsten", "aantal_exclusiecriteria", "exclusiecriteria_zonder_alternatief", "vraag_vergelijking", "capaciteit_vergelijking",
})
BOOLEAN_COLUMNS = frozenset({"aanwezig", "landelijke_functie", "bespreekpunt_agenderen"})
UNITS = {
    "verwachte_vraag": "patiënten per jaar", "werkelijke_vraag": "patiënten per jaar", "vraag_vergelijking": "patiënten per jaar",
    "capaciteit_binnen_regio": "behandelingen of opnames per jaar", "capaciteit_buiten_regio": "behandelingen of opnames per jaar",
    "capaciteit_vergelijking": "behandelingen of opnames per jaar", "wachtenden": "personen", "gemiddelde_wachttijd_weken": "weken",
    "gesloten_wachtlijsten": "wachtlijsten per jaar",
}
FREQUENTIE = "http://publications.europa.eu/resource/authority/frequency/"
BESTANDSTYPE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA = {
    "csv": ("text/csv", "CSV"), "json": ("application/json", "JSON"), "jsonld": ("application/ld+json", "JSON_LD"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
}


@dataclass(frozen=True)
class Download:
    """One file under ``/downloads/``: its path there, a Dutch title, and its columns when it is a CSV."""

    pad: str
    titel: str
    kolommen: Sequence[Kolom] = ()


def field_type(kolom: str) -> str:
    """The Table Schema type of a download column: counts are integers, figures with decimals numbers, flags booleans."""
    if kolom in INTEGER_COLUMNS or kolom.startswith(("n_", "regios_")):
        return "integer"
    if kolom == "gemiddelde_wachttijd_weken" or kolom.endswith("_pct"):
        return "number"
    return "boolean" if kolom in BOOLEAN_COLUMNS else "string"


def _field(kolom: str, uitleg: str) -> dict[str, Any]:
    veld: dict[str, Any] = {"name": kolom, "type": field_type(kolom), "description": uitleg}
    if veld["type"] == "boolean":
        veld.update(trueValues=["true"], falseValues=["false"])
    if kolom.endswith("_pct"):
        veld["unit"] = "%"
    elif kolom in UNITS:
        veld["unit"] = UNITS[kolom]
    return veld


def datapackage(downloads: Sequence[Download], instellingen: Mapping[str, Any]) -> bytes:
    """The Frictionless data package of every CSV download (paths relative to ``/downloads/``)."""
    package: dict[str, Any] = {
        "name": "cruciale-ggz-dossier",
        "title": "Cruciale ggz dossier",
        "description": "Vraag, aanbod en wachtenden per zorgvorm, per regio en landelijk. Een lege cel betekent onbekend, nooit 0.",
        "resources": [
            {
                "name": d.pad.removesuffix(".csv").replace("/", "-"), "path": d.pad, "title": d.titel, "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8",
                "schema": {"fields": [_field(*k) for k in d.kolommen], "missingValues": [""]},
            }
            for d in downloads if d.kolommen
        ],
    }
    if instellingen.get("licentie"):
        package["licenses"] = [{"path": instellingen["licentie"], "title": instellingen.get("licentie_naam", instellingen["licentie"])}]
    return (json.dumps(package, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def catalogus(downloads: Sequence[Download], instellingen: Mapping[str, Any], site_url: str | None, jaren: Sequence[int], gewijzigd: dt.date | None) -> bytes:
    """The DCAT-AP-NL record (JSON-LD) of the downloads; addresses relative to ``/downloads/`` where the site's address is unknown."""
    base = f"{site_url.rstrip('/')}/downloads/" if site_url else None
    licentie = {"@id": instellingen.get("licentie", "")}
    uitgever = {"@id": instellingen.get("uitgever_url", "#uitgever"), "@type": "foaf:Agent", "foaf:name": instellingen.get("uitgever", "")}
    dataset: dict[str, Any] = {
        "@id": "#dataset", "@type": "dcat:Dataset",
        "dct:identifier": "cruciale-ggz-dossier",
        "dct:title": {"@value": "Cruciale ggz dossier", "@language": "nl"},
        "dct:description": {"@value": "Vraag, aanbod en wachtenden per zorgvorm, per regio en landelijk, zoals de tafels ze vastleggen.", "@language": "nl"},
        "dct:publisher": uitgever,
        "dcat:contactPoint": {
            "@type": "vcard:Kind", "vcard:fn": instellingen.get("contact_naam", ""), "vcard:hasEmail": {"@id": f"mailto:{instellingen.get('contact', '')}"},
        },
        "dct:license": licentie,
        "dct:accrualPeriodicity": {"@id": FREQUENTIE + str(instellingen.get("frequentie", "IRREG"))},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
        "dcat:theme": {"@id": "http://standaarden.overheid.nl/owms/terms/Zorg_en_gezondheid"},
        "dcat:distribution": [_distribution(d, licentie) for d in downloads],
    }
    if jaren:
        dataset["dct:temporal"] = _period(jaren)
    if gewijzigd is not None:
        dataset["dct:modified"] = {"@value": gewijzigd.isoformat(), "@type": "xsd:date"}
    context: dict[str, Any] = {
        "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/", "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    }
    if base:
        context["@base"] = base
    record = {
        "@context": context,
        "@id": "#catalogus", "@type": "dcat:Catalog",
        "dct:title": {"@value": "Cruciale ggz dossier: open data", "@language": "nl"},
        "dct:description": {"@value": "De downloads van het Cruciale ggz dossier.", "@language": "nl"},
        "dct:publisher": uitgever, "dct:license": licentie,
        "dcat:dataset": [dataset],
    }
    return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _period(jaren: Sequence[int]) -> dict[str, Any]:
    """The temporal coverage: from 1 January of the first cycle in the data to 31 December of the last."""
    return {
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": {"@value": f"{min(jaren)}-01-01", "@type": "xsd:date"},
        "dcat:endDate": {"@value": f"{max(jaren)}-12-31", "@type": "xsd:date"},
    }


def _distribution(d: Download, licentie: Mapping[str, str]) -> dict[str, Any]:
    media, soort = MEDIA[d.pad.rsplit(".", 1)[-1]]
    return {
        "@id": f"#{d.pad}", "@type": "dcat:Distribution",
        "dct:title": {"@value": d.titel, "@language": "nl"},
        "dcat:accessURL": {"@id": d.pad}, "dcat:downloadURL": {"@id": d.pad},
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media}"},
        "dct:format": {"@id": BESTANDSTYPE + soort},
        "dct:license": licentie,
    }

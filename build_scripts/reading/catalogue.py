"""The problem catalogue: every kind of validation problem, declared once.

Each kind has a stable ``code`` (in the JSON output and GitLab's Code Quality fingerprint), a
severity, and a Dutch title, explanation and example fix for the regions. Raising sites name a
kind from here, never a literal code; ``dossier problemen`` and CONTRIBUTING.md's table are
generated from :data:`CATALOGUE` (``scripts/generated_docs.py``), so the list cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..contract.versions import STEPS, Step

Severity = Literal["fout", "waarschuwing"]
FOUT: Severity = "fout"
WAARSCHUWING: Severity = "waarschuwing"


@dataclass(frozen=True)
class ProblemKind:
    """One kind of problem: its code, how bad it is, and in Dutch what it means and how to fix it."""

    code: str
    severity: Severity
    title: str
    explanation: str
    fix: str


def _fout(code: str, title: str, explanation: str, fix: str) -> ProblemKind:
    return ProblemKind(code, FOUT, title, explanation, fix)


def _waarschuwing(code: str, title: str, explanation: str, fix: str) -> ProblemKind:
    return ProblemKind(code, WAARSCHUWING, title, explanation, fix)


# Files and folders under data/
MAP_ONTBREEKT = _fout("map-ontbreekt", "De map data/ ontbreekt", "Er is geen map met gegevens.", "Zet de gegevens in `data/regions/` en `data/landelijk/`.")
ONVERWACHT_BESTAND = _fout(
    "onverwacht-bestand", "Onverwacht bestand of onverwachte map", "Op deze plek horen alleen de bestanden van het gegevenscontract.",
    "Hernoem het bestand (bijvoorbeeld `2026.yml` naar `2026.yaml`) of haal het weg.",
)
ONGELDIGE_MAPNAAM = _fout(
    "ongeldige-mapnaam", "Ongeldige naam van een regiomap", "De naam van een regiomap is de regiocode in de adressen van de site.",
    "Gebruik kleine letters a-z, cijfers en koppeltekens, zoals `west-brabant`.",
)
REGIO_YAML_ONTBREEKT = _fout(
    "regio-yaml-ontbreekt", "regio.yaml ontbreekt", "Elke regiomap heeft een `regio.yaml` met naam en buurregio's.",
    "Maak `regio.yaml` aan of verwijder de map.",
)
SNELKOPPELING = _fout(
    "snelkoppeling", "Symbolische koppeling (symlink)",
    "In `data/` (of `content/`) staat een koppeling naar een bestand of map ergens anders. Het dossier volgt die niet: zo kan geen bestand van buiten de "
    "repository op de site komen.",
    "Zet het bestand of de map zelf op die plek.",
)

# Reading one file
BESTAND_TE_GROOT = _fout(
    "bestand-te-groot", "Bestand te groot", "Een gegevensbestand is hoogstens 1 MiB.", "Splits het bestand of verwijder ingeplakte bijlagen.",
)
GEEN_UTF8 = _fout(
    "geen-utf8", "Geen UTF-8-tekst", "Het bestand is in een andere tekenset opgeslagen, vaak na kopiëren uit Word of Excel.", "Sla het bestand op als UTF-8.",
)
LEEG_BESTAND = _fout(
    "leeg-bestand", "Leeg bestand", "Het bestand bevat geen gegevens (alleen witruimte of commentaar).", "Vul de gegevens in of verwijder het bestand.",
)
ONGELDIGE_YAML = _fout(
    "ongeldige-yaml", "Ongeldige YAML", "De opbouw van het bestand klopt niet, bijvoorbeeld een dubbele punt of aanhalingsteken te veel of te weinig.",
    "Controleer de genoemde regel en de regel erboven.",
)
GEEN_SLEUTELS = _fout(
    "geen-sleutels", "Bestand begint niet met sleutels", "Een gegevensbestand is een blok sleutels, geen lijst of losse waarde.",
    "Begin met sleutels, zoals `regio: utrecht`.",
)
TAB = _fout("tab", "Tab in het bestand", "Er staat een tab in het bestand. YAML springt alleen met spaties in.", "Vervang de tab door spaties.")
VERWIJZING = _fout("verwijzing", "Verwijzing (*naam)", "Verwijzingen naar een andere plek in het bestand zijn niet toegestaan.", "Schrijf de waarde voluit.")
ANKER = _fout(
    "anker", "Anker (&naam)", "Ankers zijn niet toegestaan: elke waarde staat op haar eigen plek.", "Haal het anker weg en schrijf elke waarde voluit.",
)
YAML_LABEL = _fout("yaml-label", "YAML-label (!label)", "Labels als `!!str` zijn niet toegestaan.", "Laat het label weg en schrijf de waarde gewoon op.")
STUURTEKEN = _fout(
    "stuurteken", "Onzichtbaar stuurteken",
    "Er staat een onzichtbaar teken in de tekst, of in een commentaar. Zo'n teken kan tekst anders laten lijken dan hij is.",
    "Typ de tekst op die plek opnieuw. Tussen dubbele aanhalingstekens: haal codes als `\\e` of `\\u202e` weg.",
)
SLEUTEL_GEEN_WOORD = _fout(
    "sleutel-geen-woord", "Sleutel is geen woord", "Een sleutel is een gewoon woord, geen lijst of blok.", "Schrijf de sleutel als één woord.",
)
SAMENVOEGEN = _fout("samenvoegen", "Samenvoegen met <<", "Samenvoegen van blokken met `<<` is niet toegestaan.", "Schrijf de sleutels voluit.")
DUBBELE_SLEUTEL = _fout(
    "dubbele-sleutel", "Dubbele sleutel", "Dezelfde sleutel staat twee keer in hetzelfde blok.", "Kijk welke waarde klopt en verwijder de andere.",
)
GEEN_BESTAANDE_DATUM = _fout(
    "geen-bestaande-datum", "Datum bestaat niet", "De datum heeft de goede vorm, maar bestaat niet (zoals 31 juni).",
    "Schrijf een bestaande datum, zoals `2026-04-14`.",
)
GETAL_NOTATIE = _fout(
    "getal-notatie", "Getal anders gelezen dan bedoeld", "YAML leest een getal met voorloopnul, `0x` of liggend streepje als een ander getal.",
    "Schrijf het getal zonder voorloopnullen of scheidingstekens.",
)

# The contract's model
ONTBREKENDE_SLEUTEL = _fout(
    "ontbrekende-sleutel", "Ontbrekende sleutel", "Een verplichte sleutel ontbreekt.", "Voeg de sleutel toe. Weet u de waarde niet, schrijf dan `null`.",
)
ONBEKENDE_SLEUTEL = _fout(
    "onbekende-sleutel", "Onbekende sleutel", "U hebt een sleutel gebruikt die het dossier niet kent. Vaak is het een tikfout.",
    "Neem de naam over die de melding voorstelt. De melding noemt ook alle toegestane sleutels.",
)
GEEN_GEHEEL_GETAL = _fout(
    "geen-geheel-getal", "Geen geheel getal", "Hier hoort een aantal: een geheel getal.",
    "Schrijf een geheel getal, zoals `12`, of `null` als het onbekend is.",
)
DUIZENDTALPUNT = _fout(
    "duizendtalpunt", "Punt of komma in een aantal", "Er staat een punt, komma of decimaal in een aantal.",
    "Schrijf het getal zonder scheidingsteken, zoals `1200`.",
)
TE_LAAG = _fout("te-laag", "Waarde te laag", "De waarde is lager dan toegestaan, bijvoorbeeld een negatief aantal.", "Controleer het cijfer.")
TE_HOOG = _fout(
    "te-hoog", "Waarde te hoog",
    "Een aantal is groter dan 1.000.000, of een wachttijd langer dan 520 weken (tien jaar). Zo'n cijfer is bijna altijd een tikfout.",
    "Controleer het cijfer. Weet u het niet, schrijf dan `null`.",
)
GEEN_GETAL = _fout("geen-getal", "Geen getal", "Hier hoort een getal.", "Schrijf een getal, zoals `12.5`, of `null` als het onbekend is.")
GEEN_EINDIG_GETAL = _fout(
    "geen-eindig-getal", "Geen eindig getal", "Er staat `.inf` (oneindig) of `.nan` (geen getal).", "Schrijf het getal, of `null` als het onbekend is.",
)
GEEN_JA_NEE = _fout("geen-ja-nee", "Geen ja of nee", "Hier hoort `true` of `false`.", "Schrijf `true` of `false`.")
DATUMVORM = _fout("datumvorm", "Datum in een andere vorm", "De datum staat in een andere vorm, zoals `14-04-2026`.", "Schrijf `2026-04-14`.")
GEEN_TEKST = _fout(
    "geen-tekst", "Geen tekst", "Hier hoort tekst. YAML leest bijvoorbeeld een tijd zonder aanhalingstekens als getal.",
    'Zet de waarde tussen aanhalingstekens: `tijd: "13:30-17:00"`.',
)
LEGE_TEKST = _fout("lege-tekst", "Lege tekst", "Hier hoort tekst, maar er staat niets.", "Vul de tekst in, of laat de sleutel weg als dat mag.")
MEER_REGELS = _fout("meer-regels", "Tekst over meer regels", "Een naam staat over meer dan één regel.", "Zet de naam op één regel achter de sleutel.")
ONGELDIGE_VORM = _fout(
    "ongeldige-vorm", "Ongeldige vorm", "De waarde heeft niet de vorm die hier hoort (zoals een regiocode of tijd).", "Neem de vorm over die de melding noemt.",
)
ONGELDIGE_KEUZE = _fout(
    "ongeldige-keuze", "Waarde niet toegestaan", "Bij deze sleutel zijn alleen vaste waarden toegestaan.",
    "Kies een van de genoemde waarden. Let op kleine letters en liggende streepjes.",
)
GEEN_BLOK = _fout("geen-blok", "Geen blok", "Hier hoort een blok met sleutels eronder.", "Zet de sleutels ingesprongen onder deze sleutel.")
GEEN_LIJST = _fout("geen-lijst", "Geen lijst", "Hier hoort een lijst: regels die beginnen met `- `.", "Zet elke waarde op een eigen regel met `- ` ervoor.")
LEGE_LIJST = _fout("lege-lijst", "Lege lijst", "Deze lijst mag niet leeg zijn.", "Vul minstens één waarde in.")
ONGELDIGE_WAARDE = _fout("ongeldige-waarde", "Ongeldige waarde", "De waarde past niet bij deze sleutel.", "Lees de melding en pas de waarde aan.")



def version_key_kind(step: Step) -> ProblemKind:
    """The kind of a key of ``step``'s version in an older file: one per step of the contract's versions."""
    n = step.version
    return _fout(
        step.problem_code, f"Sleutel uit versie {n} zonder versie: {n}", f"U gebruikt een sleutel uit versie {n} in een bestand zonder `versie: {n}`.",
        f"Zet `versie: {n}` als eerste sleutel bovenaan het bestand, of laat het commando `dossier migrate` dat doen.",
    )


# Contract versions: one kind per step (contract/versions.py)
VERSION_KEYS = tuple(version_key_kind(step) for step in STEPS)

# Rules across files (regions)
BUURREGIO_ZELF = _fout(
    "buurregio-zelf", "Eigen regio als buurregio", "Een regio kan niet haar eigen buurregio zijn.", "Haal de eigen regio weg uit `buurregios`.",
)
BUURREGIO_ONBEKEND = _fout(
    "buurregio-onbekend", "Onbekende buurregio", "Bij `buurregios` staat een regio die het dossier niet kent.",
    "Gebruik de mapnaam van de regio, zoals `amsterdam`.",
)
BUURREGIO_EENZIJDIG = _fout(
    "buurregio-eenzijdig", "Buurregio maar één kant op", "Regio A noemt B als buurregio, maar B noemt A niet.",
    "Voeg de regio toe in de `regio.yaml` van de buurregio, of haal haar hier weg.",
)
REGIO_MAP = _fout(
    "regio-map", "Regio past niet bij de map", "De `regio:` in het bestand is niet de naam van de map waarin het staat.",
    "Schrijf bij `regio:` de naam van de map.",
)
JAAR_BESTAND = _fout(
    "jaar-bestand", "Jaar past niet bij het bestand", "Het `jaar:` in het bestand is niet het jaar in de bestandsnaam.",
    "Schrijf bij `jaar:` het jaar van de bestandsnaam.",
)
BESPREEKPUNT_NVT = _fout(
    "bespreekpunt-nvt", "Bespreekpunt bij regionale zorg", "Acute en outreachende zorg zijn regionale zorg. Daar kan geen bespreekpunt bij.",
    "Verwijder het blok `bespreekpunt` bij deze zorgvorm.",
)
BESPREEKPUNT_ONVOLLEDIG = _fout(
    "bespreekpunt-onvolledig", "Bespreekpunt onvolledig", "Een bespreekpunt voor de landelijke tafel is niet compleet.",
    "Vul `redenen`, `gezette_stappen` en `voorstel` in. Of zet `agenderen: false`.",
)
LANDELIJKE_FUNCTIE_REGIONAAL = _waarschuwing(
    "landelijke-functie-regionaal", "Landelijke functie bij regionale zorg", "Acute en outreachende zorg hebben normaal geen landelijke functie.",
    "Controleer de waarde.",
)
CAPACITEIT_NIET_AANWEZIG = _fout(
    "capaciteit-niet-aanwezig", "Capaciteit bij afwezig aanbod", "Er staat `aanwezig: false`, maar wel capaciteit boven 0.",
    "Zet `aanwezig` op `true` of de capaciteit op 0.",
)
LEEFTIJD_ZONDER_LEEFTIJDSGRENS = _fout(
    "leeftijd-zonder-leeftijdsgrens", "Leeftijd bij een ander criterium",
    "`leeftijd_vanaf` of `leeftijd_tot_en_met` staat bij een criterium dat geen leeftijdsgrens is.",
    "Zet `doelgroep: leeftijd`, of verwijder de leeftijd.",
)
LEEFTIJDEN_OMGEDRAAID = _fout(
    "leeftijden-omgedraaid", "Leeftijden omgedraaid", "`leeftijd_tot_en_met` is lager dan `leeftijd_vanaf`.", "Draai de twee leeftijden om."
)
ELDERS_ONBEKEND = _fout(
    "elders-onbekend", "Onbekende regio bij elders", "Bij `elders` staat een regio die het dossier niet kent.",
    "Gebruik de mapnaam van de regio, zoals `amsterdam`.",
)
ELDERS_EIGEN_REGIO = _fout("elders-eigen-regio", "Eigen regio bij elders", "`elders` gaat over zorg buiten de eigen regio.", "Kies een andere regio.")
GEEN_PATIENTEN = _waarschuwing(
    "geen-patienten", "Geen patiëntenvertegenwoordiging", "Er zit geen vertegenwoordiging van patiënten aan tafel (MIND of cliëntenraad).",
    "Voeg de vertegenwoordiging toe aan `tafel.deelnemers`.",
)
GEEN_KERNINSTELLING = _waarschuwing(
    "geen-kerninstelling", "Geen kerninstelling", "Er zit geen kerninstelling aan tafel.", "Voeg de kerninstelling toe aan `tafel.deelnemers`.",
)
VERZEKERAAR_ONTBREEKT = _waarschuwing(
    "verzekeraar-ontbreekt", "Zorgverzekeraar ontbreekt", "Aan tafel horen de grootste en de tweede zorgverzekeraar.",
    "Voeg de ontbrekende verzekeraar toe aan `tafel.deelnemers`.",
)
VOORZITTER_NIET_ONAFHANKELIJK = _waarschuwing(
    "voorzitter-niet-onafhankelijk", "Voorzitter niet onafhankelijk", "De leidraad vraagt om een onafhankelijke voorzitter.",
    "Controleer de voorzitter. Klopt het, dan mag de waarschuwing blijven staan.",
)
GROTE_SPRONG = _waarschuwing(
    "grote-sprong", "Grote sprong sinds vorig jaar", "Een cijfer veranderde sinds vorig jaar met meer dan een factor 3.",
    "Controleer op een tikfout. Klopt het cijfer, dan mag de waarschuwing blijven staan.",
)
AANBOD_VERDWIJNT = _waarschuwing(
    "aanbod-verdwijnt", "Aanbod verdwijnt", "Een zorgvorm is er niet meer. De afspraak is dat geen aanbod ongemerkt verdwijnt.",
    "Klopt het, zet de zorgvorm dan op de agenda: als bespreekpunt voor de landelijke tafel, of met `prioriteit: true` voor uw eigen tafel.",
)
AANBOD_KRIMPT = _waarschuwing(
    "aanbod-krimpt", "Aanbod krimpt", "De capaciteit van een zorgvorm daalde met meer dan 15%. De afspraak is dat geen aanbod ongemerkt verdwijnt.",
    "Klopt het, zet de zorgvorm dan op de agenda: als bespreekpunt voor de landelijke tafel, of met `prioriteit: true` voor uw eigen tafel.",
)

# The yearly cycle (agenda, meetings, escalations)
AGENDA_VOOR_FEBRUARI = _waarschuwing(
    "agenda-voor-februari", "Jaaragenda vóór februari gepubliceerd", "De jaaragenda staat gepubliceerd vóór februari van het jaar zelf.",
    "Controleer de datum bij `gepubliceerd`.",
)
RONDE_ONTBREEKT = _waarschuwing(
    "ronde-ontbreekt", "Gespreksronde ontbreekt", "De jaaragenda mist een eerste of tweede ronde.", "Voeg de bijeenkomst toe zodra de datum bekend is.",
)
RONDE_NA_MIJLPAAL = _waarschuwing(
    "ronde-na-mijlpaal", "Gespreksronde na de mijlpaal", "Een bijeenkomst valt na een mijlpaal uit de leidraad (31 mei, voor de tweede ronde 15 augustus).",
    "Controleer de datum. Klopt hij, dan mag de waarschuwing blijven staan.",
)
STUKKEN_TE_LAAT = _waarschuwing(
    "stukken-te-laat", "Stukken te laat verspreid", "De stukken gingen minder dan twee weken voor de bijeenkomst de deur uit.",
    "Controleer de datum. Stuur de stukken de volgende keer eerder.",
)
TIJD_VOLGORDE = _fout(
    "tijd-volgorde", "Eindtijd niet na begintijd", "Bij `tijd` staan begin en einde omgedraaid, of ze zijn gelijk.",
    'Schrijf eerst de begintijd, dan de eindtijd: `tijd: "13:00-14:00"`.',
)
RONDE_VOLGORDE = _waarschuwing(
    "ronde-volgorde", "Tweede ronde vóór de eerste", "De tweede ronde staat eerder in het jaar dan de eerste.",
    "Controleer de datum, of de `soort` van de twee bijeenkomsten.",
)
RONDE_VOOR_HEIDAG = _waarschuwing(
    "ronde-voor-heidag", "Tweede ronde vóór de heidag", "De tweede ronde bespreekt het advies van de landelijke tafel. Dat advies komt pas na de heidag.",
    "Controleer de datum. Plan de tweede ronde na de heidag.",
)
STUKKEN_ONTBREKEN = _waarschuwing(
    "stukken-ontbreken", "Datum van de stukken ontbreekt", "Bij de eerste ronde ontbreekt `stukken_verspreid`.",
    "Vul de datum in waarop de stukken rondgingen (minstens 14 dagen vooraf).",
)
ESCALATIE_REGIONAAL = _fout(
    "escalatie-regionaal", "Escalatie bij regionale zorg", "Acute en outreachende zorg gaan niet naar de landelijke tafel. Escaleren kan dus niet.",
    "Verwijder de escalatie, of kies de juiste zorgvorm.",
)
ESCALATIE_TE_VROEG = _waarschuwing(
    "escalatie-te-vroeg", "Escalatie te vroeg", "Escaleren kan pas na twee extra bijeenkomsten zonder oplossing.",
    "Vul de extra bijeenkomsten in, of controleer of de escalatie al kan.",
)
AFWIJZING_ZONDER_MOTIVATIE = _fout(
    "afwijzing-zonder-motivatie", "Afwijzing zonder motivatie", "Een afgewezen escalatie heeft geen motivatie.",
    "Neem de motivatie van de subcommissie over bij `besluit.motivatie`.",
)
EXTRA_NA_BESLUIT = _waarschuwing(
    "extra-na-besluit", "Extra bijeenkomst na het besluit",
    "Een extra bijeenkomst bij een escalatie valt na het besluit. De extra bijeenkomsten gaan aan de escalatie vooraf.", "Controleer beide data.",
)
BESLUIT_NA_HEIDAG = _waarschuwing(
    "besluit-na-heidag", "Besluit na de heidag", "Het besluit over een escalatie valt na de heidag.", "Controleer de datum van het besluit.",
)

# The national table's file
ADVIES_REGIO_ONBEKEND = _fout(
    "advies-regio-onbekend", "Advies voor een onbekende regio", "Een advies noemt een regio die het dossier niet kent.",
    "Gebruik de mapnaam van de regio, zoals `amsterdam`.",
)
ADVIES_REGIONAAL = _fout(
    "advies-regionaal", "Advies over regionale zorg", "Een advies gaat over acute of outreachende zorg. Die zijn regionaal.",
    "Kies een van de vier zorgvormen die landelijk kunnen zijn.",
)
ADVIES_ONTBREEKT = _waarschuwing(
    "advies-ontbreekt", "Advies ontbreekt",
    "Een regio zette een bespreekpunt op de landelijke agenda. In het landelijke bestand staat daar nog geen advies bij. De melding noemt het bestand en "
    "de regel van het bespreekpunt.",
    "Voeg onder `adviezen` een advies toe met de genoemde `regio` en `zorgvorm`.",
)
LANDELIJKE_PARTIJ_ONTBREEKT = _waarschuwing(
    "landelijke-partij-ontbreekt", "Partij ontbreekt aan de landelijke tafel",
    "Volgens bijlage 5 zitten MIND, deNLggz, NVZ, NFU, NVvP en ZN aan tafel. Een van hen staat er niet bij.",
    "Voeg de partij toe. NVvP staat er als `vertegenwoordiging: zorgverleners`.",
)
VOORZITTER_LANDELIJK = _waarschuwing(
    "voorzitter-landelijk", "Voorzitter niet van het Zorginstituut", "De voorzitter komt niet van het Zorginstituut of de NZa.",
    "Controleer de organisatie van de voorzitter. Klopt het, dan mag de waarschuwing blijven staan.",
)
HEIDAG_BUITEN_VENSTER = _waarschuwing(
    "heidag-buiten-venster", "Heidag buiten de derde week van juni", "De leidraad plant de heidag in de derde week van juni.",
    "Controleer de datum van de heidag.",
)
STUKKEN_HEIDAG_TE_LAAT = _waarschuwing(
    "stukken-heidag-te-laat", "Stukken voor de heidag te laat", "De stukken voor de heidag gingen minder dan twee weken vooraf de deur uit.",
    "Controleer de datum bij `stukken_verspreid`.",
)

CATALOGUE: dict[str, ProblemKind] = {
    kind.code: kind for kind in [*(v for v in globals().copy().values() if isinstance(v, ProblemKind)), *VERSION_KEYS]
}
"""Every kind, by code, in the order declared above."""


def catalogue_text() -> str:
    """The catalogue as ``dossier problemen`` prints it: per kind its code, severity, title, explanation and fix."""
    blocks = [f"{k.code} ({k.severity}): {k.title}\n    {k.explanation}\n    Wat doet u? {k.fix}" for k in CATALOGUE.values()]
    return "\n\n".join(blocks)


def catalogue_markdown() -> str:
    """The catalogue as the Markdown table in CONTRIBUTING.md (generated by ``scripts/generated_docs.py``)."""
    rows = ["| Code | Soort | Wat is er aan de hand? | Wat doet u? |", "|---|---|---|---|"]
    rows += [f"| `{k.code}` | {k.severity} | **{k.title}.** {k.explanation} | {k.fix} |" for k in CATALOGUE.values()]
    return "\n".join(rows)

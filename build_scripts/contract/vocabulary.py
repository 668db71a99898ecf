"""Every enum of the contract (care forms, statuses, kinds) with its Dutch label: one meaning from YAML to page."""

from __future__ import annotations

from enum import StrEnum


class Zorgvorm(StrEnum):
    acute_zorg = "acute_zorg"
    outreachende_zorg = "outreachende_zorg"
    klinische_zorg = "klinische_zorg"
    beveiligde_zorg = "beveiligde_zorg"
    hoogspecialistische_ggz = "hoogspecialistische_ggz"
    hoogspecialistische_ziekenhuiszorg = "hoogspecialistische_ziekenhuiszorg"

    @property
    def label(self) -> str:
        return ZORGVORM_LABELS[self]

    @property
    def regionaal(self) -> bool:
        """Acute and outreachende zorg are regional only: no national function, no bespreekpunt."""
        return self in REGIONALE_ZORGVORMEN


ZORGVORM_LABELS = {
    Zorgvorm.acute_zorg: "Acute zorg",
    Zorgvorm.outreachende_zorg: "Outreachende zorg",
    Zorgvorm.klinische_zorg: "Klinische zorg",
    Zorgvorm.beveiligde_zorg: "Beveiligde zorg",
    Zorgvorm.hoogspecialistische_ggz: "Hoogspecialistische ggz (ggz-instellingen)",
    Zorgvorm.hoogspecialistische_ziekenhuiszorg: "Hoogspecialistische zorg (ziekenhuizen)",
}
ZORGVORM_OMSCHRIJVING = {
    Zorgvorm.acute_zorg: "Crisisdiensten, acute deeltijd- en thuisbehandeling",
    Zorgvorm.outreachende_zorg: "Outreachende zorg voor mensen met een ernstige psychische aandoening (EPA)",
    Zorgvorm.klinische_zorg: "Klinische ggz, PAAZ en PUK",
    Zorgvorm.beveiligde_zorg: "Beveiligde opnamevoorzieningen",
    Zorgvorm.hoogspecialistische_ggz: "Hoogspecialistische ggz vanuit ggz-instellingen",
    Zorgvorm.hoogspecialistische_ziekenhuiszorg: "Hoogspecialistische zorg vanuit (academische) ziekenhuizen (MPU, PUK)",
}
REGIONALE_ZORGVORMEN = frozenset({Zorgvorm.acute_zorg, Zorgvorm.outreachende_zorg})
HOOGSPECIALISTISCH = (Zorgvorm.hoogspecialistische_ggz, Zorgvorm.hoogspecialistische_ziekenhuiszorg)
TREEKNORM_WEKEN = 14  # Treeknorm ggz: 4 weeks to intake + 10 weeks to treatment


class Status(StrEnum):
    concept = "concept"
    ingediend = "ingediend"
    vastgesteld = "vastgesteld"


class Vertegenwoordiging(StrEnum):
    patienten = "patienten"
    zorgaanbieders = "zorgaanbieders"
    zorgverleners = "zorgverleners"
    zorgverzekeraars = "zorgverzekeraars"
    andere_financiers = "andere_financiers"


class DeelnemerSoort(StrEnum):
    mind = "mind"
    clientenraad = "clientenraad"
    kerninstelling = "kerninstelling"
    aanbieder_cruciale_ggz = "aanbieder_cruciale_ggz"
    overige_aanbieder = "overige_aanbieder"
    grootste_zorgverzekeraar = "grootste_zorgverzekeraar"
    tweede_zorgverzekeraar = "tweede_zorgverzekeraar"
    gemeente = "gemeente"
    zorgkantoor = "zorgkantoor"


class Bijeenkomstsoort(StrEnum):
    voorbereiding = "voorbereiding"
    eerste_gespreksronde = "eerste_gespreksronde"
    tweede_gespreksronde = "tweede_gespreksronde"
    extra_bijeenkomst = "extra_bijeenkomst"
    monitoring = "monitoring"
    overig = "overig"


class Doelgroep(StrEnum):
    """The groups exclusion criteria commonly concern (contract version 2)."""

    verslaving = "verslaving"
    verslaving_bijkomend = "verslaving_bijkomend"
    lvb = "lvb"
    agressie = "agressie"
    leeftijd = "leeftijd"
    somatiek = "somatiek"
    forensisch = "forensisch"
    dakloos = "dakloos"
    anders = "anders"


class Oordeel(StrEnum):
    """The regional table's own judgement (§3.2): does it experience an access problem?"""

    ja = "ja"
    nee = "nee"
    onbekend = "onbekend"


class MateOnderDruk(StrEnum):
    geen = "geen"
    beperkt = "beperkt"
    matig = "matig"
    ernstig = "ernstig"


class MaatregelSoort(StrEnum):
    regionale_afspraak = "regionale_afspraak"
    bovenregionale_afspraak = "bovenregionale_afspraak"
    interne_verschuiving = "interne_verschuiving"
    exclusiecriteria = "exclusiecriteria"
    contractering = "contractering"
    expertise_halen = "expertise_halen"


class MaatregelStatus(StrEnum):
    gepland = "gepland"
    lopend = "lopend"
    afgerond = "afgerond"


class Uitkomst(StrEnum):
    toegelaten = "toegelaten"
    afgewezen = "afgewezen"


LABELS: dict[str, str] = {
    "concept": "Concept",
    "ingediend": "Ingediend",
    "vastgesteld": "Vastgesteld",
    "patienten": "Patiënten",
    "zorgaanbieders": "Zorgaanbieders",
    "zorgverleners": "Zorgverleners (beroepsgroep)",
    "zorgverzekeraars": "Zorgverzekeraars",
    "andere_financiers": "Andere financiers",
    "mind": "MIND",
    "clientenraad": "Cliëntenraad kerninstelling",
    "kerninstelling": "Kerninstelling",
    "aanbieder_cruciale_ggz": "Aanbieder cruciale ggz",
    "overige_aanbieder": "Overige aanbieder",
    "grootste_zorgverzekeraar": "Grootste zorgverzekeraar",
    "tweede_zorgverzekeraar": "Tweede zorgverzekeraar",
    "gemeente": "Gemeente",
    "zorgkantoor": "Zorgkantoor",
    "voorbereiding": "Voorbereiding",
    "eerste_gespreksronde": "Eerste gespreksronde",
    "tweede_gespreksronde": "Tweede gespreksronde",
    "extra_bijeenkomst": "Extra bijeenkomst",
    "monitoring": "Monitoring",
    "overig": "Overig",
    "geen": "Geen",
    "beperkt": "Beperkt",
    "matig": "Matig",
    "ernstig": "Ernstig",
    "regionale_afspraak": "Regionale afspraak",
    "bovenregionale_afspraak": "Bovenregionale afspraak",
    "interne_verschuiving": "Interne verschuiving",
    "exclusiecriteria": "Aanpassing exclusiecriteria",
    "contractering": "Aandacht in individuele contractering",
    "expertise_halen": "Expertise naar de regio halen",
    "gepland": "Gepland",
    "lopend": "Lopend",
    "afgerond": "Afgerond",
    "toegelaten": "Toegelaten",
    "verslaving": "Primaire verslaving",
    "verslaving_bijkomend": "Bijkomende verslaving (dubbele diagnose)",
    "lvb": "Licht verstandelijke beperking",
    "agressie": "Agressie of gevaar",
    "leeftijd": "Leeftijdsgrens",
    "somatiek": "Somatische aandoening",
    "forensisch": "Forensische titel",
    "dakloos": "Geen vaste woon- of verblijfplaats",
    "anders": "Andere groep",
    "ja": "Ja",
    "nee": "Nee",
    "onbekend": "Onbekend",
    "afgewezen": "Afgewezen",
    **{z.value: z.label for z in Zorgvorm},
}


def label(value: object) -> str:
    """Dutch label of a contract value (falls back to the value itself, never to nothing)."""
    key = value.value if isinstance(value, StrEnum) else str(value)
    return LABELS.get(key, key)

"""Pydantic models of the data contract (``design/data-contract.md``): the regions' public API.

Unknown keys are forbidden (a typo would silently drop a value), counts are strict whole numbers
≥ 0, every number is finite and has a stated maximum, and ``None`` means *onbekend*: it is never turned into 0 anywhere downstream. The Dutch
descriptions end up in the JSON Schema that editors use for autocompletion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict
from pydantic_core import PydanticCustomError

from .figure import Figuur
from .versions import current_version
from .vocabulary import (
    Bijeenkomstsoort,
    DeelnemerSoort,
    Doelgroep,
    MaatregelSoort,
    MaatregelStatus,
    MateOnderDruk,
    Oordeel,
    Status,
    Uitkomst,
    Vertegenwoordiging,
    Zorgvorm,
)

MAX_AANTAL = 1_000_000
"""The largest count the contract accepts (patients, treatments, waiting lists; per region, care form and year).

All of Dutch mental-health care treats in the order of a million people a year; one region's figure
for one form of care for the heaviest needs above that can only be a typing error (three zeros too
many). The bound keeps such a figure out of totals and charts; smaller slips are the ×3 warning's job.
"""
MAX_WEKEN = 520
"""The longest mean waiting time the contract accepts, in weeks: ten years."""

Aantal = Annotated[
    int, Strict(), Field(ge=0, le=MAX_AANTAL, description="Geheel getal van 0 tot en met 1000000, zonder punt als duizendtalscheiding.")
]
Weken = Annotated[
    float, Strict(), Field(ge=0, le=MAX_WEKEN, allow_inf_nan=False, description="Aantal weken van 0 tot en met 520 (tien jaar), mag een decimaal zijn (1.5).")
]
Leeftijd = Annotated[int, Strict(), Field(ge=0, le=120, description="Leeftijd in jaren, van 0 tot en met 120.")]
Percentage = Annotated[float, Strict(), Field(ge=0, le=100, allow_inf_nan=False, description="Percentage van 0 tot en met 100.")]
JaNee = Annotated[bool, Strict()]
Datum = Annotated[dt.date, Strict(), Field(description="Datum als JJJJ-MM-DD, bijvoorbeeld 2026-04-14.")]
Jaar = Annotated[int, Strict(), Field(ge=2000, le=2100, description="Kalenderjaar waarin de tafels vergaderen.")]
Tekst = Annotated[str, Field(min_length=1)]


def _one_line(value: str) -> str:
    if "\n" in value:
        raise PydanticCustomError("een_regel", "text of more than one line")
    return value


Regel = Annotated[str, Field(min_length=1), AfterValidator(_one_line)]
"""A name (of a region, person, organisation, place): one line, as it stands in titles, calendars and table cells."""
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Regiocode: kleine letters, cijfers en koppeltekens.")]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="Functioneel e-mailadres (geen persoonlijk adres).")]
Tijd = Annotated[
    str,
    Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d(-([01]\d|2[0-3]):[0-5]\d)?$", description='Tijd tussen aanhalingstekens, bijvoorbeeld "13:30-17:00".'),
]


CURRENT_VERSION = current_version()
"""The contract version ``dossier migrate`` writes (the last of :data:`versions.STEPS`); a file without ``versie`` is version 1."""
Versie = Annotated[int, Strict(), Field(ge=1, le=CURRENT_VERSION, description="Versie van het gegevenscontract; ontbreekt = versie 1.")]


class ContractModel(BaseModel):
    """Base: unknown keys are errors, values are not coerced behind the region's back."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Contact(ContractModel):
    functie: Regel = Field(description="Functie of rol, geen persoonsnaam (AVG).")
    email: Email


class Voorzitter(ContractModel):
    naam: Regel = Field(description="Naam van de voorzitter (publieke rol).")
    organisatie: Regel | None = Field(description="Organisatie van de voorzitter.", default=None)
    onafhankelijk: JaNee = Field(description="Is de voorzitter onafhankelijk?")


class Deelnemer(ContractModel):
    vertegenwoordiging: Vertegenwoordiging = Field(description="Welke partij deze deelnemer vertegenwoordigt.")
    soort: DeelnemerSoort = Field(description="Soort deelnemer (Bijlage 1).")
    organisatie: Regel
    contact: Contact | None = None
    opmerking: Tekst | None = None


class Tafel(ContractModel):
    voorzitter: Voorzitter
    projectmanagement: Tekst | None = None
    deelnemers: list[Deelnemer] = Field(description="Deelnemers aan de regionale tafel (Bijlage 1).", min_length=1)


class Bijeenkomst(ContractModel):
    datum: Datum
    tijd: Tijd | None = None
    soort: Bijeenkomstsoort
    locatie: Regel | None = None
    fysiek: JaNee | None = Field(description="true = fysieke bijeenkomst, false = online.", default=None)
    stukken_verspreid: Datum | None = Field(description="Datum waarop de voorbereidende stukken zijn verstuurd.", default=None)
    onderwerpen: list[Tekst] = Field(default_factory=list)


class Jaaragenda(ContractModel):
    gepubliceerd: Datum | None = Field(description="Datum waarop de jaaragenda is gepubliceerd; leeg = nog niet.", default=None)
    bijeenkomsten: list[Bijeenkomst] = Field(default_factory=list)


class Capaciteit(ContractModel):
    binnen_regio: Annotated[Aantal | None, Figuur(
        "Capaciteit voor patiënten uit de regio", "behandelingen per jaar", "capaciteit", uitleg="Capaciteit voor patiënten uit de regio; leeg = onbekend",
        totaal_uitleg="Som van de capaciteit voor patiënten uit de eigen regio (behandelingen of opnames per jaar)",
    )] = Field(description="Behandelingen/opnames per jaar voor patiënten uit de regio; null = onbekend.")
    buiten_regio: Annotated[Aantal | None, Figuur(
        "Capaciteit voor patiënten van buiten de regio", "behandelingen per jaar", "capaciteit",
        uitleg="Capaciteit voor patiënten van buiten de regio; leeg = onbekend", totaal_uitleg="Som van de capaciteit voor patiënten van buiten de regio",
    )] = Field(description="Behandelingen/opnames per jaar voor patiënten van buiten de regio; null = onbekend.")

    @property
    def totaal(self) -> int | None:
        """The capacity total, defined here only: the sum of the figures that join ``capaciteit``; unknown when any is unknown (never a partial sum)."""
        parts = [getattr(self, name) for name, info in type(self).model_fields.items() if _joins_capacity(info.metadata)]
        return None if any(p is None for p in parts) else sum(parts)


def _joins_capacity(metadata: list[object]) -> bool:
    return any(isinstance(m, Figuur) and m.totaal == "capaciteit" for m in metadata)


class Exclusiecriterium(ContractModel):
    criterium: Tekst
    motivatie: Tekst
    doelgroep: Doelgroep | None = Field(description="Versie 2: de groep patiënten die dit criterium uitsluit.", default=None)
    alternatief: Tekst | None = Field(
        description="Versie 2: waar deze patiënten wel zorg krijgen; null = geen alternatief bekend. Weglaten = niet opgegeven.", default=None
    )
    leeftijd_vanaf: Leeftijd | None = Field(
        description="Versie 2: alleen bij doelgroep leeftijd: de jongste leeftijd in jaren die het criterium uitsluit (weglaten: vanaf 0).", default=None
    )
    leeftijd_tot_en_met: Leeftijd | None = Field(
        description="Versie 2: alleen bij doelgroep leeftijd: de oudste leeftijd in jaren die het criterium uitsluit (weglaten: geen bovengrens).", default=None
    )

    @property
    def alternatief_opgegeven(self) -> bool:
        """Did the region answer the question at all? ``alternatief: null`` (none known) differs from leaving it out."""
        return "alternatief" in self.model_fields_set


class Toegangsprobleem(ContractModel):
    """§3.2: whether the regional table itself experiences the imbalance as a problem of access."""

    oordeel: Oordeel = Field(description="Ervaart de tafel een toegangsprobleem? ja, nee of onbekend.")
    toelichting: Tekst | None = Field(description="Waarom de tafel dit vindt (bijvoorbeeld: patiënten worden elders goed geholpen).", default=None)


class ZorgElders(ContractModel):
    """Bijlage 3, item 2a: where the region's own patients get this care outside the region."""

    regio: Slug = Field(description="Regiocode van de regio waar patiënten uit deze regio zorg krijgen; die regio moet bestaan.")
    aantal: Aantal | None = Field(description="Aantal patiënten uit deze regio per jaar; null = onbekend.", default=None)


class OnderDruk(ContractModel):
    mate: Annotated[MateOnderDruk, Figuur("Onder druk", nieuw_jaar=True, weergave="druk", uitleg="geen, beperkt, matig of ernstig")] = Field(
        description="Hoe sterk het aanbod onder druk staat."
    )
    pnil_aandeel_pct: Annotated[
        Percentage | None,
        Figuur("PNIL-aandeel (%)", "%", regiotabel=False, kolom="pnil_aandeel_pct", uitleg="Aandeel personeel niet in loondienst (%); leeg = niet opgegeven"),
    ] = Field(description="Aandeel personeel niet in loondienst (PNIL), in procenten.", default=None)
    vacaturegraad_pct: Annotated[
        Percentage | None, Figuur("Vacaturegraad (%)", "%", regiotabel=False, kolom="vacaturegraad_pct", uitleg="Vacaturegraad (%); leeg = niet opgegeven")
    ] = Field(description="Vacaturegraad in procenten.", default=None)
    toelichting: Tekst | None = None


class Bespreekpunt(ContractModel):
    agenderen: JaNee = Field(description="Op de agenda van de landelijke tafel zetten?")
    redenen: Tekst | None = None
    gezette_stappen: Tekst | None = Field(description="Stappen die al zijn gezet en waarom die het niet oplosten.", default=None)
    voorstel: Tekst | None = Field(description="Voorgestelde oplossing of verzoek aan de landelijke tafel.", default=None)
    contact: Contact | None = None


class ZorgvormGegevens(ContractModel):
    """Bijlage 2, Tabel 2: the figures of one care form in one region and year."""

    aanwezig: Annotated[JaNee, Figuur("Aanwezig in de regio", "ja/nee", nieuw_jaar=True, uitleg="true of false")] = Field(
        description="Is deze zorgvorm in de regio aanwezig?"
    )
    verwachte_vraag: Annotated[Aantal | None, Figuur(
        "Verwachte vraag (demografie)", "patiënten per jaar", "som",
        uitleg="Verwachte jaarlijkse vraag; leeg = onbekend", totaal_uitleg="Som van de verwachte jaarlijkse vraag (demografie)",
    )] = Field(description="Verwachte jaarlijkse vraag (demografie); null = onbekend.")
    werkelijke_vraag: Annotated[Aantal | None, Figuur(
        "Werkelijke vraag (aanmeldingen)", "aanmeldingen per jaar", "som",
        uitleg="Werkelijke jaarlijkse vraag; leeg = onbekend", totaal_uitleg="Som van de werkelijke jaarlijkse vraag (aanmeldingen)",
    )] = Field(description="Werkelijke jaarlijkse vraag (aanmeldingen); null = onbekend.")
    landelijke_functie: Annotated[JaNee, Figuur("Landelijke functie", "ja/nee", nieuw_jaar=True, uitleg="true of false")] = Field(
        description="Heeft het aanbod een landelijke functie?"
    )
    bovenregionale_netwerken: Annotated[
        list[Tekst],
        Figuur("Bovenregionale netwerken", "namen", nieuw_jaar=True, tabel2=False, uitleg="Namen van bovenregionale netwerken, gescheiden door ';'"),
    ] = Field(default_factory=list)
    capaciteit: Capaciteit
    wachtenden: Annotated[
        Aantal | None,
        Figuur("Wachtenden nu", "patiënten", "som", uitleg="Aantal wachtenden nu; leeg = onbekend", totaal_uitleg="Som van het aantal wachtenden nu"),
    ] = Field(description="Aantal wachtenden nu; null = onbekend.")
    gemiddelde_wachttijd_weken: Annotated[Weken | None, Figuur(
        "Gemiddelde wachttijd afgelopen jaar (weken)", "weken", "gewogen", weergave="wachttijd", decimalen=1,
        uitleg="Gemiddelde wachttijd afgelopen jaar in weken; leeg = onbekend",
        totaal_uitleg="Gemiddelde wachttijd in weken, gewogen naar de vraag van elke regio",
    )] = Field(description="Gemiddelde wachttijd over het afgelopen jaar, in weken; null = onbekend.")
    gesloten_wachtlijsten: Annotated[Aantal | None, Figuur(
        "Gesloten wachtlijsten afgelopen jaar", "wachtlijsten", "som",
        uitleg="Gesloten wachtlijsten afgelopen jaar; leeg = onbekend", totaal_uitleg="Som van het aantal gesloten wachtlijsten in het afgelopen jaar",
    )] = Field(description="Aantal gesloten wachtlijsten (aanmeldstops) in het afgelopen jaar.")
    exclusiecriteria: list[Exclusiecriterium] = Field(default_factory=list)
    onder_druk: OnderDruk
    prioriteit: JaNee | None = Field(description="Op de agenda van de regionale tafel zetten.", default=None)
    bespreekpunt: Bespreekpunt | None = Field(
        description="Bespreekpunt voor de landelijke tafel (Bijlage 4); niet bij acute en outreachende zorg.", default=None
    )
    toegangsprobleem: Toegangsprobleem | None = Field(description="Versie 2: het oordeel van de tafel zelf over de toegang (§3.2).", default=None)
    elders: list[ZorgElders] = Field(description="Versie 2: waar patiënten uit de regio deze zorg elders krijgen (Bijlage 3, 2a).", default_factory=list)


class Zorgvormen(ContractModel):
    acute_zorg: ZorgvormGegevens
    outreachende_zorg: ZorgvormGegevens
    klinische_zorg: ZorgvormGegevens
    beveiligde_zorg: ZorgvormGegevens
    hoogspecialistische_ggz: ZorgvormGegevens
    hoogspecialistische_ziekenhuiszorg: ZorgvormGegevens

    def items(self) -> Iterator[tuple[Zorgvorm, ZorgvormGegevens]]:
        for zorgvorm in Zorgvorm:
            yield zorgvorm, getattr(self, zorgvorm.value)

    def __getitem__(self, zorgvorm: Zorgvorm | str) -> ZorgvormGegevens:
        return getattr(self, Zorgvorm(zorgvorm).value)


class Maatregel(ContractModel):
    maatregel: Tekst
    soort: MaatregelSoort
    verantwoordelijke: Regel | None = None
    status: MaatregelStatus


class Regioplan(ContractModel):
    """Result of round 2, split by the six care forms."""

    acute_zorg: list[Maatregel] = Field(default_factory=list)
    outreachende_zorg: list[Maatregel] = Field(default_factory=list)
    klinische_zorg: list[Maatregel] = Field(default_factory=list)
    beveiligde_zorg: list[Maatregel] = Field(default_factory=list)
    hoogspecialistische_ggz: list[Maatregel] = Field(default_factory=list)
    hoogspecialistische_ziekenhuiszorg: list[Maatregel] = Field(default_factory=list)

    def items(self) -> Iterator[tuple[Zorgvorm, list[Maatregel]]]:
        for zorgvorm in Zorgvorm:
            yield zorgvorm, getattr(self, zorgvorm.value)


class Besluit(ContractModel):
    datum: Datum
    uitkomst: Uitkomst
    motivatie: Tekst | None = None


class Escalatie(ContractModel):
    """Chapter 5: a discussion point escalated to the national subcommittee."""

    zorgvorm: Zorgvorm
    escalerende_partij: Regel
    extra_bijeenkomsten: list[Datum] = Field(default_factory=list)
    knelpunt: Tekst
    argumenten: Tekst
    afwegingen: Tekst
    waarom_geen_oplossing: Tekst
    voorstel: Tekst
    besluit: Besluit | None = None


class RegioJaar(ContractModel):
    """``data/regions/<slug>/<jaar>.yaml``: one region, one yearly cycle."""

    model_config = ConfigDict(title="Regionale tafel, één jaar")

    versie: Versie | None = None
    regio: Slug = Field(description="Moet gelijk zijn aan de mapnaam.")
    jaar: Jaar = Field(description="Moet gelijk zijn aan de bestandsnaam.")
    status: Status = Field(description="concept, ingediend of vastgesteld.")
    tafel: Tafel
    jaaragenda: Jaaragenda
    zorgvormen: Zorgvormen
    regioplan: Regioplan | None = None
    escalaties: list[Escalatie] = Field(default_factory=list)


class Regio(ContractModel):
    """``data/regions/<slug>/regio.yaml``: the region itself."""

    model_config = ConfigDict(title="Regio")

    versie: Versie | None = None
    naam: Regel = Field(description="Naam zoals getoond op de site.")
    code: Annotated[str, Field(pattern=r"^\d{4}$")] | None = Field(description='Zorgkantoorregiocode tussen aanhalingstekens, bijv. "5509".', default=None)
    buurregios: list[Slug] = Field(description="Regiocodes van de buurregio's; de relatie moet wederzijds zijn.", default_factory=list)
    website: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    voorbeeld: JaNee = Field(description="true = fictieve voorbeeldgegevens; elke pagina toont dan een melding.", default=False)


class LandelijkeVoorzitter(ContractModel):
    naam: Regel
    organisatie: Regel | None = None


class LandelijkeDeelnemer(ContractModel):
    organisatie: Regel
    vertegenwoordiging: Vertegenwoordiging | None = None
    contact: Contact | None = None


class LandelijkeTafel(ContractModel):
    voorzitter: LandelijkeVoorzitter
    deelnemers: list[LandelijkeDeelnemer] = Field(default_factory=list)


class Advies(ContractModel):
    regio: Slug = Field(description="Regiocode waarvoor het advies geldt; die regio moet bestaan.")
    zorgvorm: Zorgvorm
    reactie: Tekst | None = None
    advies: Tekst


class Landelijk(ContractModel):
    """``data/landelijk/<jaar>.yaml``: the supporting national table."""

    model_config = ConfigDict(title="Ondersteunende landelijke tafel, één jaar")

    versie: Versie | None = None
    jaar: Jaar
    tafel: LandelijkeTafel
    heidag: Datum | None = None
    stukken_verspreid: Datum | None = None
    adviezen: list[Advies] = Field(default_factory=list)
    voortgangsrapportage: Tekst | None = None


MODELS: dict[str, type[ContractModel]] = {"regio": Regio, "regio_jaar": RegioJaar, "landelijk": Landelijk}

"""Pydantic models of the data contract (``design/data-contract.md``): the regions' public API.

Unknown keys are forbidden (a typo would silently drop a value), counts are strict whole numbers
≥ 0, and ``None`` means *onbekend*: it is never turned into 0 anywhere downstream. The Dutch
descriptions end up in the JSON Schema that editors use for autocompletion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict

from .vocabulary import (
    Bijeenkomstsoort,
    DeelnemerSoort,
    MaatregelSoort,
    MaatregelStatus,
    MateOnderDruk,
    Status,
    Uitkomst,
    Vertegenwoordiging,
    Zorgvorm,
)


def _d(text: str, **kwargs: object) -> object:
    return Field(description=text, **kwargs)  # type: ignore[call-overload]


Aantal = Annotated[int, Strict(), Field(ge=0, description="Geheel getal ≥ 0, zonder punt als duizendtalscheiding.")]
Weken = Annotated[float, Strict(), Field(ge=0, description="Aantal weken, mag een decimaal zijn (1.5).")]
Percentage = Annotated[float, Strict(), Field(ge=0, le=100, description="Percentage van 0 tot en met 100.")]
JaNee = Annotated[bool, Strict()]
Datum = Annotated[dt.date, Strict(), Field(description="Datum als JJJJ-MM-DD, bijvoorbeeld 2026-04-14.")]
Jaar = Annotated[int, Strict(), Field(ge=2000, le=2100, description="Kalenderjaar waarin de tafels vergaderen.")]
Tekst = Annotated[str, Field(min_length=1)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Regiocode: kleine letters, cijfers en koppeltekens.")]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="Functioneel e-mailadres (geen persoonlijk adres).")]
Tijd = Annotated[
    str,
    Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d(-([01]\d|2[0-3]):[0-5]\d)?$", description='Tijd tussen aanhalingstekens, bijvoorbeeld "13:30-17:00".'),
]


class ContractModel(BaseModel):
    """Base: unknown keys are errors, values are not coerced behind the region's back."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Contact(ContractModel):
    functie: Tekst = _d("Functie of rol, geen persoonsnaam (AVG).")
    email: Email


class Voorzitter(ContractModel):
    naam: Tekst = _d("Naam van de voorzitter (publieke rol).")
    organisatie: Tekst | None = _d("Organisatie van de voorzitter.", default=None)
    onafhankelijk: JaNee = _d("Is de voorzitter onafhankelijk?")


class Deelnemer(ContractModel):
    vertegenwoordiging: Vertegenwoordiging = _d("Welke partij deze deelnemer vertegenwoordigt.")
    soort: DeelnemerSoort = _d("Soort deelnemer (Bijlage 1).")
    organisatie: Tekst
    contact: Contact | None = None
    opmerking: Tekst | None = None


class Tafel(ContractModel):
    voorzitter: Voorzitter
    projectmanagement: Tekst | None = None
    deelnemers: list[Deelnemer] = _d("Deelnemers aan de regionale tafel (Bijlage 1).", min_length=1)


class Bijeenkomst(ContractModel):
    datum: Datum
    tijd: Tijd | None = None
    soort: Bijeenkomstsoort
    locatie: Tekst | None = None
    fysiek: JaNee | None = _d("true = fysieke bijeenkomst, false = online.", default=None)
    stukken_verspreid: Datum | None = _d("Datum waarop de voorbereidende stukken zijn verstuurd.", default=None)
    onderwerpen: list[Tekst] = Field(default_factory=list)


class Jaaragenda(ContractModel):
    gepubliceerd: Datum | None = _d("Datum waarop de jaaragenda is gepubliceerd; leeg = nog niet.", default=None)
    bijeenkomsten: list[Bijeenkomst] = Field(default_factory=list)


class Capaciteit(ContractModel):
    binnen_regio: Aantal | None = _d("Behandelingen/opnames per jaar voor patiënten uit de regio; null = onbekend.")
    buiten_regio: Aantal | None = _d("Behandelingen/opnames per jaar voor patiënten van buiten de regio; null = onbekend.")


class Exclusiecriterium(ContractModel):
    criterium: Tekst
    motivatie: Tekst


class OnderDruk(ContractModel):
    mate: MateOnderDruk = _d("Hoe sterk het aanbod onder druk staat.")
    pnil_aandeel_pct: Percentage | None = _d("Aandeel personeel niet in loondienst (PNIL), in procenten.", default=None)
    vacaturegraad_pct: Percentage | None = _d("Vacaturegraad in procenten.", default=None)
    toelichting: Tekst | None = None


class Bespreekpunt(ContractModel):
    agenderen: JaNee = _d("Op de agenda van de landelijke tafel zetten?")
    redenen: Tekst | None = None
    gezette_stappen: Tekst | None = _d("Stappen die al zijn gezet en waarom die het niet oplosten.", default=None)
    voorstel: Tekst | None = _d("Voorgestelde oplossing of verzoek aan de landelijke tafel.", default=None)
    contact: Contact | None = None


class ZorgvormGegevens(ContractModel):
    """Bijlage 2, Tabel 2: the figures of one care form in one region and year."""

    aanwezig: JaNee = _d("Is deze zorgvorm in de regio aanwezig?")
    verwachte_vraag: Aantal | None = _d("Verwachte jaarlijkse vraag (demografie); null = onbekend.")
    werkelijke_vraag: Aantal | None = _d("Werkelijke jaarlijkse vraag (aanmeldingen); null = onbekend.")
    landelijke_functie: JaNee = _d("Heeft het aanbod een landelijke functie?")
    bovenregionale_netwerken: list[Tekst] = Field(default_factory=list)
    capaciteit: Capaciteit
    wachtenden: Aantal | None = _d("Aantal wachtenden nu; null = onbekend.")
    gemiddelde_wachttijd_weken: Weken | None = _d("Gemiddelde wachttijd over het afgelopen jaar, in weken; null = onbekend.")
    gesloten_wachtlijsten: Aantal | None = _d("Aantal gesloten wachtlijsten (aanmeldstops) in het afgelopen jaar.")
    exclusiecriteria: list[Exclusiecriterium] = Field(default_factory=list)
    onder_druk: OnderDruk
    prioriteit: JaNee | None = _d("Op de agenda van de regionale tafel zetten.", default=None)
    bespreekpunt: Bespreekpunt | None = _d("Bespreekpunt voor de landelijke tafel (Bijlage 4); niet bij acute en outreachende zorg.", default=None)


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
    verantwoordelijke: Tekst | None = None
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
    escalerende_partij: Tekst
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

    regio: Slug = _d("Moet gelijk zijn aan de mapnaam.")
    jaar: Jaar = _d("Moet gelijk zijn aan de bestandsnaam.")
    status: Status = _d("concept, ingediend of vastgesteld.")
    tafel: Tafel
    jaaragenda: Jaaragenda
    zorgvormen: Zorgvormen
    regioplan: Regioplan | None = None
    escalaties: list[Escalatie] = Field(default_factory=list)


class Regio(ContractModel):
    """``data/regions/<slug>/regio.yaml``: the region itself."""

    model_config = ConfigDict(title="Regio")

    naam: Tekst = _d("Naam zoals getoond op de site.")
    code: Annotated[str, Field(pattern=r"^\d{4}$")] | None = _d('Zorgkantoorregiocode tussen aanhalingstekens, bijv. "5509".', default=None)
    buurregios: list[Slug] = _d("Regiocodes van de buurregio's; de relatie moet wederzijds zijn.", default_factory=list)
    website: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    voorbeeld: JaNee = _d("true = fictieve voorbeeldgegevens; elke pagina toont dan een melding.", default=False)


class LandelijkeVoorzitter(ContractModel):
    naam: Tekst
    organisatie: Tekst | None = None


class LandelijkeDeelnemer(ContractModel):
    organisatie: Tekst
    vertegenwoordiging: Vertegenwoordiging | None = None
    contact: Contact | None = None


class LandelijkeTafel(ContractModel):
    voorzitter: LandelijkeVoorzitter
    deelnemers: list[LandelijkeDeelnemer] = Field(default_factory=list)


class Advies(ContractModel):
    regio: Slug = _d("Regiocode waarvoor het advies geldt; die regio moet bestaan.")
    zorgvorm: Zorgvorm
    reactie: Tekst | None = None
    advies: Tekst


class Landelijk(ContractModel):
    """``data/landelijk/<jaar>.yaml``: the supporting national table."""

    model_config = ConfigDict(title="Ondersteunende landelijke tafel, één jaar")

    jaar: Jaar
    tafel: LandelijkeTafel
    heidag: Datum | None = None
    stukken_verspreid: Datum | None = None
    adviezen: list[Advies] = Field(default_factory=list)
    voortgangsrapportage: Tekst | None = None


MODELS = {"regio": Regio, "regio_jaar": RegioJaar, "landelijk": Landelijk}

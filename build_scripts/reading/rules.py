"""Rules that a single model cannot express: cross-field, cross-file and year-over-year checks.

Each rule runs on every part of a file that could be read (:mod:`parts`), also when another part
of the same file has a type error, and yields problems located at the line the region has to
change, each with a stable code. Errors block publication; warnings ask the table to look again.
The cycle's order is checked in :mod:`cycle_rules`, the national file in :mod:`national_rules`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pydantic import BaseModel

from ..contract.fields import field_value
from ..contract.models import ZorgvormGegevens
from ..contract.norms import KRIMP_PCT, supply_change
from ..contract.vocabulary import DeelnemerSoort, Doelgroep, Vertegenwoordiging, Zorgvorm
from . import catalogue, cycle_rules, national_rules
from .dataset import Dataset
from .documents import Document, KeyPath
from .parts import YearParts
from .plausibility import JUMP_FACTOR, JUMP_PATHS, is_jump
from .problems import Problem
from .readings import Readings, read_all
from .versions import version_problems


def check_dataset(dataset: Dataset, models: Mapping[str, BaseModel | None]) -> Iterator[Problem]:
    """All cross-field and cross-file rules, on every readable part of every file (``models``: what passed, by path)."""
    readings = read_all(dataset, models)
    for slug, (doc, buren) in sorted(readings.neighbours.items()):
        yield from _regio_rules(doc, slug, buren, readings)
    for (slug, jaar), (doc, parts) in sorted(readings.years.items()):
        yield from _region_year_rules(doc, parts, readings.slugs)
        yield from cycle_rules.check(doc, parts, readings.heidag(jaar))
        previous = readings.years.get((slug, jaar - 1))
        if previous is not None:
            yield from _jumps(doc, parts, previous[1], jaar - 1)
            yield from _supply_changes(doc, parts, previous[1], jaar - 1)
    for _jaar, (doc, national) in sorted(readings.national.items()):
        yield from national_rules.check(doc, national, readings)


def _regio_rules(doc: Document, slug: str, buren: list[str], readings: Readings) -> Iterator[Problem]:
    for i, buur in enumerate(buren):
        where: KeyPath = ("buurregios", i)
        other = readings.neighbours.get(buur)
        if buur == slug:
            yield doc.problem(where, catalogue.BUURREGIO_ZELF, "een regio kan niet haar eigen buurregio zijn")
        elif buur not in readings.slugs:
            yield doc.problem(where, catalogue.BUURREGIO_ONBEKEND, f"buurregio '{buur}' bestaat niet; kies een mapnaam uit data/regions/")
        elif other is not None and slug not in other[1]:
            yield doc.problem(
                where,
                catalogue.BUURREGIO_EENZIJDIG,
                f"'{buur}' staat hier als buurregio, maar '{slug}' staat niet in de buurregios van {buur}; "
                f"voeg '{slug}' toe in data/regions/{buur}/regio.yaml (of haal '{buur}' hier weg)",
            )


def _region_year_rules(doc: Document, parts: YearParts, slugs: set[str]) -> Iterator[Problem]:
    if parts.regio is not None and parts.regio != doc.slug:
        yield doc.problem(("regio",), catalogue.REGIO_MAP, f"regio '{parts.regio}' hoort bij de map '{doc.slug}'; schrijf regio: {doc.slug}")
    if parts.jaar is not None and parts.jaar != doc.jaar:
        yield doc.problem(("jaar",), catalogue.JAAR_BESTAND, f"jaar {parts.jaar} hoort bij bestand {doc.jaar}.yaml; schrijf jaar: {doc.jaar}")
    for zorgvorm, gegevens in parts.zorgvormen.items():
        yield from _zorgvorm_rules(doc, zorgvorm, gegevens)
        yield from _elders_rules(doc, zorgvorm, gegevens, slugs)
    yield from _tafel_rules(doc, parts)
    yield from version_problems(doc, parts)


def _zorgvorm_rules(doc: Document, zorgvorm: Zorgvorm, g: ZorgvormGegevens) -> Iterator[Problem]:
    base: KeyPath = ("zorgvormen", zorgvorm.value)
    if zorgvorm.regionaal and g.bespreekpunt is not None:
        yield doc.problem(
            (*base, "bespreekpunt"),
            catalogue.BESPREEKPUNT_NVT,
            f"een bespreekpunt voor de landelijke tafel is niet van toepassing (n.v.t.) bij {zorgvorm.label.lower()}: "
            "dat is regionale zorg; verwijder het blok bespreekpunt",
            at_key=True,
        )
    elif g.bespreekpunt is not None and g.bespreekpunt.agenderen:
        for veld in ("redenen", "gezette_stappen", "voorstel"):
            if getattr(g.bespreekpunt, veld) is None:
                yield doc.problem(
                    (*base, "bespreekpunt"), catalogue.BESPREEKPUNT_ONVOLLEDIG, f"agenderen: true vraagt ook om '{veld}'; "
                        f"vul het in of zet agenderen op false", at_key=True
                )
    if zorgvorm.regionaal and g.landelijke_functie:
        yield doc.problem(
            (*base, "landelijke_functie"),
            catalogue.LANDELIJKE_FUNCTIE_REGIONAAL,
            f"{zorgvorm.label.lower()} is regionale zorg en heeft normaal geen landelijke functie; controleer deze waarde",
        )
    yield from _leeftijd_rules(doc, base, g)
    if not g.aanwezig and any((g.capaciteit.binnen_regio, g.capaciteit.buiten_regio)):
        yield doc.problem(
            (*base, "capaciteit"),
            catalogue.CAPACITEIT_NIET_AANWEZIG,
            "aanwezig: false, maar er staat capaciteit boven 0; zet aanwezig op true of de capaciteit op 0",
            at_key=True,
        )


def _leeftijd_rules(doc: Document, base: KeyPath, g: ZorgvormGegevens) -> Iterator[Problem]:
    """Ages belong to an age limit, and run from young to old: the exclusion rule compares them between regions."""
    for i, c in enumerate(g.exclusiecriteria):
        where: KeyPath = (*base, "exclusiecriteria", i)
        velden = [v for v in ("leeftijd_vanaf", "leeftijd_tot_en_met") if getattr(c, v) is not None]
        if velden and c.doelgroep != Doelgroep.leeftijd:
            yield doc.problem((*where, velden[0]), catalogue.LEEFTIJD_ZONDER_LEEFTIJDSGRENS,
                              f"'{velden[0]}' hoort bij een leeftijdsgrens; zet doelgroep op leeftijd of verwijder '{velden[0]}'", at_key=True)
        elif c.leeftijd_vanaf is not None and c.leeftijd_tot_en_met is not None and c.leeftijd_vanaf > c.leeftijd_tot_en_met:
            yield doc.problem((*where, "leeftijd_tot_en_met"), catalogue.LEEFTIJDEN_OMGEDRAAID,
                              f"leeftijd_tot_en_met ({c.leeftijd_tot_en_met}) is lager dan leeftijd_vanaf ({c.leeftijd_vanaf}); draai ze om")


def _elders_rules(doc: Document, zorgvorm: Zorgvorm, g: ZorgvormGegevens, slugs: set[str]) -> Iterator[Problem]:
    for i, elders in enumerate(g.elders):
        where: KeyPath = ("zorgvormen", zorgvorm.value, "elders", i, "regio")
        if elders.regio not in slugs:
            yield doc.problem(where, catalogue.ELDERS_ONBEKEND, f"regio '{elders.regio}' bestaat niet; kies een mapnaam uit data/regions/")
        elif elders.regio == doc.slug:
            yield doc.problem(where, catalogue.ELDERS_EIGEN_REGIO, "'elders' gaat over zorg buiten de eigen regio; kies een andere regio")


def _tafel_rules(doc: Document, parts: YearParts) -> Iterator[Problem]:
    if parts.tafel is None:
        return
    soorten = {d.soort for d in parts.tafel.deelnemers}
    vertegenwoordigd = {d.vertegenwoordiging for d in parts.tafel.deelnemers}
    where: KeyPath = ("tafel", "deelnemers")
    if Vertegenwoordiging.patienten not in vertegenwoordigd:
        yield doc.problem(where, catalogue.GEEN_PATIENTEN, "er zit geen vertegenwoordiging van patiënten aan tafel (MIND of cliëntenraad)", at_key=True)
    if DeelnemerSoort.kerninstelling not in soorten:
        yield doc.problem(where, catalogue.GEEN_KERNINSTELLING, "er zit geen kerninstelling aan tafel", at_key=True)
    if len(soorten & {DeelnemerSoort.grootste_zorgverzekeraar, DeelnemerSoort.tweede_zorgverzekeraar}) < 2:
        yield doc.problem(
            where, catalogue.VERZEKERAAR_ONTBREEKT, "aan tafel horen de grootste en de tweede zorgverzekeraar; er ontbreekt er één", at_key=True
        )
    if not parts.tafel.voorzitter.onafhankelijk:
        yield doc.problem(
            ("tafel", "voorzitter", "onafhankelijk"), catalogue.VOORZITTER_NIET_ONAFHANKELIJK, "de leidraad vraagt om een onafhankelijke voorzitter"
        )


def _jumps(doc: Document, parts: YearParts, previous: YearParts, vorig_jaar: int) -> Iterator[Problem]:
    for zorgvorm, gegevens in parts.zorgvormen.items():
        before = previous.zorgvormen.get(zorgvorm)
        if before is None:
            continue
        for path in JUMP_PATHS:
            new, old = field_value(gegevens, path), field_value(before, path)
            if is_jump(old, new):
                yield doc.problem(
                    ("zorgvormen", zorgvorm.value, *path.split(".")),
                    catalogue.GROTE_SPRONG,
                    f"de waarde veranderde van {old:g} ({vorig_jaar}) naar {new:g}, meer dan een factor {JUMP_FACTOR}; "
                    "controleer of dit klopt (tikfout?)",
                )


def _supply_changes(doc: Document, parts: YearParts, previous: YearParts, vorig_jaar: int) -> Iterator[Problem]:
    """Kamerbrief 2025, "niet verrassen": an offer that disappears or shrinks must be discussed, never pass unnoticed.

    Quiet once the region has put the form on an agenda (``bespreekpunt`` to the national table, or
    ``prioriteit`` at its own table): then it is being discussed.
    """
    for zorgvorm, g in parts.zorgvormen.items():
        before = previous.zorgvormen.get(zorgvorm)
        if before is None:
            continue
        change = supply_change(before.aanwezig, before.capaciteit.totaal, g.aanwezig, g.capaciteit.totaal)
        besproken = bool(g.prioriteit) or (g.bespreekpunt is not None and g.bespreekpunt.agenderen)
        if change is None or besproken:
            continue
        wat = (
            f"in {vorig_jaar} aanwezig met capaciteit {before.capaciteit.totaal}, nu niet meer" if change == "verdwijnt"
            else f"de capaciteit daalde van {before.capaciteit.totaal} ({vorig_jaar}) naar {g.capaciteit.totaal}, meer dan {KRIMP_PCT}%"
        )
        yield doc.problem(
            ("zorgvormen", zorgvorm.value, "aanwezig" if change == "verdwijnt" else "capaciteit"),
            catalogue.AANBOD_VERDWIJNT if change == "verdwijnt" else catalogue.AANBOD_KRIMPT,
            f"aanbod {change}: {wat}; zo'n wijziging mag niemand verrassen: zet de zorgvorm op de agenda "
            "(bespreekpunt of prioriteit: true) zodat de tafels haar op tijd bespreken",
            at_key=True,
        )

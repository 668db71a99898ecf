"""Rules that a single model cannot express: cross-field, cross-file and year-over-year checks.

Each rule yields problems located in the file and line the region has to change. Errors block
publication; warnings ask the table to look again.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..contract.fields import field_value
from ..contract.models import Landelijk, Regio, RegioJaar, ZorgvormGegevens
from ..contract.vocabulary import Bijeenkomstsoort, DeelnemerSoort, Vertegenwoordiging, Zorgvorm
from . import milestones
from .dataset import Dataset
from .documents import Document, KeyPath
from .norms import KRIMP_PCT, supply_change
from .plausibility import JUMP_FACTOR, JUMP_PATHS, is_jump
from .problems import WAARSCHUWING, Problem
from .versions import version_problems


def check_dataset(dataset: Dataset) -> Iterator[Problem]:
    """All cross-field and cross-file rules over a dataset whose files passed their models."""
    slugs = set(dataset.regions)
    for region in dataset.regions.values():
        if region.regio is not None:
            yield from _regio_rules(dataset.documents[region.regio_path], region.regio, dataset)
        for jaar, model in sorted(region.jaren.items()):
            doc = dataset.documents[region.jaar_paths[jaar]]
            yield from _region_year_rules(doc, model)
            yield from version_problems(doc, model)
            yield from _elders_rules(doc, model, slugs)
            previous = region.jaren.get(jaar - 1)
            if previous is not None:
                yield from _jumps(doc, model, previous)
                yield from _supply_changes(doc, model, previous)
    for jaar, national in sorted(dataset.landelijk.items()):
        yield from _national_rules(dataset.documents[dataset.landelijk_paths[jaar]], national, slugs)


def _regio_rules(doc: Document, regio: Regio, dataset: Dataset) -> Iterator[Problem]:
    for i, buur in enumerate(regio.buurregios):
        where: KeyPath = ("buurregios", i)
        other = dataset.regions.get(buur)
        if buur == doc.slug:
            yield doc.problem(where, "een regio kan niet haar eigen buurregio zijn")
        elif other is None:
            yield doc.problem(where, f"buurregio '{buur}' bestaat niet; kies een mapnaam uit data/regions/")
        elif other.regio is not None and doc.slug not in other.regio.buurregios:
            yield doc.problem(
                where,
                f"'{buur}' staat hier als buurregio, maar '{doc.slug}' staat niet in de buurregios van {buur}; "
                f"voeg '{doc.slug}' toe in data/regions/{buur}/regio.yaml (of haal '{buur}' hier weg)",
            )


def _region_year_rules(doc: Document, model: RegioJaar) -> Iterator[Problem]:
    if model.regio != doc.slug:
        yield doc.problem(("regio",), f"regio '{model.regio}' hoort bij de map '{doc.slug}'; schrijf regio: {doc.slug}")
    if model.jaar != doc.jaar:
        yield doc.problem(("jaar",), f"jaar {model.jaar} hoort bij bestand {doc.jaar}.yaml; schrijf jaar: {doc.jaar}")
    for zorgvorm, gegevens in model.zorgvormen.items():
        yield from _zorgvorm_rules(doc, zorgvorm, gegevens)
    yield from _tafel_rules(doc, model)
    yield from _agenda_rules(doc, model)
    for i, escalatie in enumerate(model.escalaties):
        if len(escalatie.extra_bijeenkomsten) < 2:
            yield doc.problem(
                ("escalaties", i, "extra_bijeenkomsten"),
                "escaleren kan pas na twee extra bijeenkomsten zonder oplossing; "
                f"hier staan er {len(escalatie.extra_bijeenkomsten)}",
                WAARSCHUWING,
            )


def _zorgvorm_rules(doc: Document, zorgvorm: Zorgvorm, g: ZorgvormGegevens) -> Iterator[Problem]:
    base: KeyPath = ("zorgvormen", zorgvorm.value)
    if zorgvorm.regionaal and g.bespreekpunt is not None:
        yield doc.problem(
            (*base, "bespreekpunt"),
            f"een bespreekpunt voor de landelijke tafel is niet van toepassing (n.v.t.) bij {zorgvorm.label.lower()}: "
            "dat is regionale zorg; verwijder het blok bespreekpunt",
            at_key=True,
        )
    elif g.bespreekpunt is not None and g.bespreekpunt.agenderen:
        for veld in ("redenen", "gezette_stappen", "voorstel"):
            if getattr(g.bespreekpunt, veld) is None:
                yield doc.problem(
                    (*base, "bespreekpunt"),
                    f"agenderen: true vraagt ook om '{veld}'; vul het in of zet agenderen op false",
                    at_key=True,
                )
    if zorgvorm.regionaal and g.landelijke_functie:
        yield doc.problem(
            (*base, "landelijke_functie"),
            f"{zorgvorm.label.lower()} is regionale zorg en heeft normaal geen landelijke functie; controleer deze waarde",
            WAARSCHUWING,
        )
    capaciteit = [c for c in (g.capaciteit.binnen_regio, g.capaciteit.buiten_regio) if c]
    if not g.aanwezig and capaciteit:
        yield doc.problem(
            (*base, "capaciteit"),
            "aanwezig: false, maar er staat capaciteit boven 0; zet aanwezig op true of de capaciteit op 0",
            at_key=True,
        )


def _tafel_rules(doc: Document, model: RegioJaar) -> Iterator[Problem]:
    soorten = {d.soort for d in model.tafel.deelnemers}
    vertegenwoordigd = {d.vertegenwoordiging for d in model.tafel.deelnemers}
    where: KeyPath = ("tafel", "deelnemers")
    if Vertegenwoordiging.patienten not in vertegenwoordigd:
        yield doc.problem(where, "er zit geen vertegenwoordiging van patiënten aan tafel (MIND of cliëntenraad)", WAARSCHUWING, at_key=True)
    if DeelnemerSoort.kerninstelling not in soorten:
        yield doc.problem(where, "er zit geen kerninstelling aan tafel", WAARSCHUWING, at_key=True)
    verzekeraars = soorten & {DeelnemerSoort.grootste_zorgverzekeraar, DeelnemerSoort.tweede_zorgverzekeraar}
    if len(verzekeraars) < 2:
        yield doc.problem(where, "aan tafel horen de grootste en de tweede zorgverzekeraar; er ontbreekt er één", WAARSCHUWING, at_key=True)
    if not model.tafel.voorzitter.onafhankelijk:
        yield doc.problem(("tafel", "voorzitter", "onafhankelijk"), "de leidraad vraagt om een onafhankelijke voorzitter", WAARSCHUWING)


def _agenda_rules(doc: Document, model: RegioJaar) -> Iterator[Problem]:
    jaar = model.jaar
    agenda = model.jaaragenda
    if agenda.gepubliceerd is not None and agenda.gepubliceerd < milestones.agenda_vanaf(jaar):
        yield doc.problem(
            ("jaaragenda", "gepubliceerd"),
            f"de jaaragenda is gepubliceerd op {agenda.gepubliceerd}, vóór februari {jaar}; controleer de datum",
            WAARSCHUWING,
        )
    deadlines = {
        Bijeenkomstsoort.eerste_gespreksronde: milestones.eerste_ronde_uiterlijk(jaar),
        Bijeenkomstsoort.tweede_gespreksronde: milestones.tweede_ronde_uiterlijk(jaar),
    }
    for soort in deadlines:
        if not any(b.soort == soort for b in agenda.bijeenkomsten):
            yield doc.problem(("jaaragenda", "bijeenkomsten"), f"er staat geen {soort.value.replace('_', ' ')} in de jaaragenda", WAARSCHUWING, at_key=True)
    for i, b in enumerate(agenda.bijeenkomsten):
        where: KeyPath = ("jaaragenda", "bijeenkomsten", i)
        uiterlijk = deadlines.get(b.soort)
        if uiterlijk is not None and b.datum > uiterlijk:
            yield doc.problem(
                (*where, "datum"),
                f"{b.soort.value.replace('_', ' ')} op {b.datum}, na de mijlpaal van {uiterlijk:%d-%m-%Y}; "
                + ("de input is dan te laat voor de landelijke tafel" if b.soort is Bijeenkomstsoort.eerste_gespreksronde
                   else "het regioplan is dan te laat voor de contractering"),
                WAARSCHUWING,
            )
        if b.stukken_verspreid is not None and (b.datum - b.stukken_verspreid).days < milestones.MIN_DAGEN_STUKKEN:
            dagen = (b.datum - b.stukken_verspreid).days
            wanneer = f"{dagen} dagen voor de bijeenkomst" if dagen >= 0 else f"ná de bijeenkomst van {b.datum}"
            yield doc.problem(
                (*where, "stukken_verspreid"),
                f"stukken verspreid op {b.stukken_verspreid}, {wanneer}; de leidraad vraagt minstens {milestones.MIN_DAGEN_STUKKEN} dagen vooraf",
                WAARSCHUWING,
            )


def _jumps(doc: Document, model: RegioJaar, previous: RegioJaar) -> Iterator[Problem]:
    for zorgvorm, gegevens in model.zorgvormen.items():
        before = previous.zorgvormen[zorgvorm]
        for path in JUMP_PATHS:
            new, old = field_value(gegevens, path), field_value(before, path)
            if is_jump(old, new):
                yield doc.problem(
                    ("zorgvormen", zorgvorm.value, *path.split(".")),
                    f"de waarde veranderde van {old:g} ({previous.jaar}) naar {new:g}, meer dan een factor {JUMP_FACTOR}; "
                    "controleer of dit klopt (tikfout?)",
                    WAARSCHUWING,
                )


def _supply_changes(doc: Document, model: RegioJaar, previous: RegioJaar) -> Iterator[Problem]:
    """Kamerbrief 2025, "niet verrassen": an offer that disappears or shrinks must be discussed, never pass unnoticed.

    Quiet once the region has put the form on an agenda (``bespreekpunt`` to the national table, or
    ``prioriteit`` at its own table): then it is being discussed.
    """
    for zorgvorm, g in model.zorgvormen.items():
        before = previous.zorgvormen[zorgvorm]
        change = supply_change(before.aanwezig, before.capaciteit.totaal, g.aanwezig, g.capaciteit.totaal)
        besproken = bool(g.prioriteit) or (g.bespreekpunt is not None and g.bespreekpunt.agenderen)
        if change is None or besproken:
            continue
        wat = (
            f"in {previous.jaar} aanwezig met capaciteit {before.capaciteit.totaal}, nu niet meer" if change == "verdwijnt"
            else f"de capaciteit daalde van {before.capaciteit.totaal} ({previous.jaar}) naar {g.capaciteit.totaal}, meer dan {KRIMP_PCT}%"
        )
        yield doc.problem(
            ("zorgvormen", zorgvorm.value, "aanwezig" if change == "verdwijnt" else "capaciteit"),
            f"aanbod {change}: {wat}; zo'n wijziging mag niemand verrassen: zet de zorgvorm op de agenda "
            "(bespreekpunt of prioriteit: true) zodat de tafels haar op tijd bespreken",
            WAARSCHUWING,
            at_key=True,
        )


def _elders_rules(doc: Document, model: RegioJaar, slugs: set[str]) -> Iterator[Problem]:
    for zorgvorm, g in model.zorgvormen.items():
        for i, elders in enumerate(g.elders):
            if elders.regio not in slugs:
                where: KeyPath = ("zorgvormen", zorgvorm.value, "elders", i, "regio")
                yield doc.problem(where, f"regio '{elders.regio}' bestaat niet; kies een mapnaam uit data/regions/")
            elif elders.regio == model.regio:
                yield doc.problem(("zorgvormen", zorgvorm.value, "elders", i, "regio"), "'elders' gaat over zorg buiten de eigen regio; kies een andere regio")


def _national_rules(doc: Document, model: Landelijk, slugs: set[str]) -> Iterator[Problem]:
    if model.jaar != doc.jaar:
        yield doc.problem(("jaar",), f"jaar {model.jaar} hoort bij bestand {doc.jaar}.yaml; schrijf jaar: {doc.jaar}")
    for i, advies in enumerate(model.adviezen):
        if advies.regio not in slugs:
            yield doc.problem(("adviezen", i, "regio"), f"regio '{advies.regio}' bestaat niet; kies een mapnaam uit data/regions/")
    if model.heidag is not None:
        start, end = milestones.heidag_venster(model.jaar)
        if not start <= model.heidag <= end:
            yield doc.problem(
                ("heidag",),
                f"heidag op {model.heidag} valt buiten de derde week van juni ({start:%d}–{end:%d} juni)",
                WAARSCHUWING,
            )
        if model.stukken_verspreid is not None and (model.heidag - model.stukken_verspreid).days < milestones.MIN_DAGEN_STUKKEN:
            yield doc.problem(
                ("stukken_verspreid",),
                f"stukken verspreid {(model.heidag - model.stukken_verspreid).days} dagen voor de heidag; "
                f"de leidraad vraagt minstens {milestones.MIN_DAGEN_STUKKEN} dagen",
                WAARSCHUWING,
            )


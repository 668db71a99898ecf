"""Rules for the national table's file: its cycle dates, its composition (Bijlage 5) and the advice loop.

Every discussion point a region puts on the national agenda should get the national table's
advice in the same cycle; advice and escalations concern only the four possibly national forms.
The table itself is MIND, deNLggz, NVZ, NFU, NVvP and ZN, chaired from Zorginstituut Nederland
(or the NZa).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..contract.notation import dutch_date
from . import catalogue, milestones
from .documents import Document, KeyPath
from .parts import NationalParts
from .problems import Problem
from .readings import Readings

BIJLAGE_5 = {
    "MIND": r"\bMIND\b",
    "deNLggz": r"\bde ?NL ?ggz\b|Nederlandse ggz",
    "NVZ": r"\bNVZ\b|Vereniging van Ziekenhuizen",
    "NFU": r"\bNFU\b|Universitair Medische Centra",
    "NVvP": r"\bNVvP\b|Vereniging voor Psychiatrie",
    "ZN": r"\bZN\b|Zorgverzekeraars Nederland",
}
"""The six parties of the national table (Bijlage 5), each as the ways its name is commonly written."""
VOORZITTER = r"Zorginstituut|\bNZa\b|Zorgautoriteit"


def check(doc: Document, parts: NationalParts, readings: Readings) -> Iterator[Problem]:
    if parts.jaar is not None and parts.jaar != doc.jaar:
        yield doc.problem(("jaar",), catalogue.JAAR_BESTAND, f"jaar {parts.jaar} hoort bij bestand {doc.jaar}.yaml; schrijf jaar: {doc.jaar}")
    yield from _advice(doc, parts, readings)
    yield from _composition(doc, parts)
    yield from _heidag(doc, parts)


def _advice(doc: Document, parts: NationalParts, readings: Readings) -> Iterator[Problem]:
    for i, advies in parts.adviezen:
        if advies.regio not in readings.slugs:
            unknown = f"regio '{advies.regio}' bestaat niet; kies een mapnaam uit data/regions/"
            yield doc.problem(("adviezen", i, "regio"), catalogue.ADVIES_REGIO_ONBEKEND, unknown)
        if advies.zorgvorm.regionaal:
            yield doc.problem(
                ("adviezen", i, "zorgvorm"), catalogue.ADVIES_REGIONAAL,
                f"{advies.zorgvorm.label.lower()} is regionale zorg: de landelijke tafel geeft daar geen advies over (n.v.t.); "
                    f"kies een van de vier mogelijk landelijke zorgvormen",
            )
    if doc.jaar is None:
        return
    gegeven = {(a.regio, a.zorgvorm) for _i, a in parts.adviezen}
    where: KeyPath = ("adviezen",) if (isinstance(doc.data, dict) and "adviezen" in doc.data) else ("jaar",)
    for (slug, jaar), (region_doc, year) in sorted(readings.years.items()):
        if jaar != doc.jaar:
            continue
        for zorgvorm, g in year.zorgvormen.items():
            if zorgvorm.regionaal or g.bespreekpunt is None or not g.bespreekpunt.agenderen or (slug, zorgvorm) in gegeven:
                continue
            line = region_doc.locate_key(("zorgvormen", zorgvorm.value, "bespreekpunt"))[0]
            yield doc.problem(
                where, catalogue.ADVIES_ONTBREEKT,
                f"het bespreekpunt {zorgvorm.label.lower()} van {slug} ({region_doc.path}:{line}) staat op de agenda, maar heeft hier geen advies; "
                f"voeg onder adviezen een advies toe met regio: {slug} en zorgvorm: {zorgvorm.value}",
                at_key=True,
            )


def _composition(doc: Document, parts: NationalParts) -> Iterator[Problem]:
    if parts.tafel is None:
        return
    namen = [d.organisatie for d in parts.tafel.deelnemers]
    for partij, patroon in BIJLAGE_5.items():
        if not any(re.search(patroon, naam, re.IGNORECASE) for naam in namen):
            yield doc.problem(
                ("tafel", "deelnemers"), catalogue.LANDELIJKE_PARTIJ_ONTBREEKT,
                f"{partij} ontbreekt aan de landelijke tafel; volgens bijlage 5 zitten MIND, deNLggz, NVZ, NFU, NVvP en ZN aan tafel",
                at_key=True,
            )
    organisatie = parts.tafel.voorzitter.organisatie or ""
    if not re.search(VOORZITTER, organisatie, re.IGNORECASE):
        yield doc.problem(
            ("tafel", "voorzitter"), catalogue.VOORZITTER_LANDELIJK,
            "de leidraad stelt een voorzitter vanuit Zorginstituut Nederland voor (anders de NZa); "
            f"hier staat {('organisatie ' + repr(organisatie)) if organisatie else 'geen organisatie'}",
            at_key=True,
        )


def _heidag(doc: Document, parts: NationalParts) -> Iterator[Problem]:
    if parts.heidag is None or doc.jaar is None:
        return
    start, end = milestones.heidag_venster(doc.jaar)
    if not start <= parts.heidag <= end:
        yield doc.problem(
            ("heidag",), catalogue.HEIDAG_BUITEN_VENSTER,
            f"heidag op {dutch_date(parts.heidag)} valt buiten de derde week van juni ({start:%d}–{end:%d} juni)",
        )
    if parts.stukken_verspreid is not None and (parts.heidag - parts.stukken_verspreid).days < milestones.MIN_DAGEN_STUKKEN:
        yield doc.problem(
            ("stukken_verspreid",), catalogue.STUKKEN_HEIDAG_TE_LAAT,
            f"stukken verspreid {(parts.heidag - parts.stukken_verspreid).days} dagen voor de heidag; "
                f"de leidraad vraagt minstens {milestones.MIN_DAGEN_STUKKEN} dagen",
        )

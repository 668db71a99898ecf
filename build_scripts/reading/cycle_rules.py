"""The yearly cycle of one region-year, in order: agenda dates, meeting times, the rounds, escalations.

The guide (chapter 2 and 5) fixes an order: the agenda from February, the first round by the end of
May with its papers two weeks ahead, the heidag in the third week of June, the second round after
the national table's advice, extra meetings before an escalation and the decision on it before the
heidag it is meant for. A date out of that order is a warning at its own line; a meeting that ends
before it begins is an error. Dates read ``31 mei 2026`` in every message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..contract.models import Bijeenkomst
from ..contract.notation import dutch_date
from ..contract.vocabulary import Bijeenkomstsoort, Uitkomst
from . import catalogue, milestones
from .documents import Document, KeyPath
from .parts import YearParts
from .problems import Problem

EERSTE, TWEEDE = Bijeenkomstsoort.eerste_gespreksronde, Bijeenkomstsoort.tweede_gespreksronde


def check(doc: Document, parts: YearParts, heidag: dt.date | None) -> Iterator[Problem]:
    """Every cycle rule for one region-year; ``heidag`` is the national file's date of that cycle, if known."""
    jaar = doc.jaar or parts.jaar
    if jaar is None:
        return
    yield from _publication(doc, parts, jaar)
    yield from _deadlines(doc, parts, jaar)
    yield from _round_order(doc, parts, heidag or milestones.heidag_venster(jaar)[0])
    yield from _papers(doc, parts)
    yield from _escalations(doc, parts, heidag or milestones.heidag_venster(jaar)[1])


def _where(i: int, key: str) -> KeyPath:
    return ("jaaragenda", "bijeenkomsten", i, key)


def _label(b: Bijeenkomst) -> str:
    return b.soort.value.replace("_", " ")


def _publication(doc: Document, parts: YearParts, jaar: int) -> Iterator[Problem]:
    if parts.gepubliceerd is not None and parts.gepubliceerd < milestones.agenda_vanaf(jaar):
        yield doc.problem(
            ("jaaragenda", "gepubliceerd"),
            catalogue.AGENDA_VOOR_FEBRUARI,
            f"de jaaragenda is gepubliceerd op {dutch_date(parts.gepubliceerd)}, vóór februari {jaar}; controleer de datum",
        )


def _deadlines(doc: Document, parts: YearParts, jaar: int) -> Iterator[Problem]:
    deadlines = {EERSTE: milestones.eerste_ronde_uiterlijk(jaar), TWEEDE: milestones.tweede_ronde_uiterlijk(jaar)}
    if _all_meetings_read(doc, parts):
        for soort in deadlines:
            if not any(b.soort == soort for _i, b in parts.bijeenkomsten):
                yield doc.problem(
                    ("jaaragenda", "bijeenkomsten"), catalogue.RONDE_ONTBREEKT, f"er staat geen {soort.value.replace('_', ' ')} in de jaaragenda",
                    at_key=True,
                )
    for i, b in parts.bijeenkomsten:
        yield from _time(doc, i, b)
        uiterlijk = deadlines.get(b.soort)
        if uiterlijk is not None and b.datum > uiterlijk:
            gevolg = "de input is dan te laat voor de landelijke tafel" if b.soort is EERSTE else "het regioplan is dan te laat voor de contractering"
            yield doc.problem(
                _where(i, "datum"), catalogue.RONDE_NA_MIJLPAAL, f"{_label(b)} op {dutch_date(b.datum)}, na de mijlpaal van {dutch_date(uiterlijk)}; "
                    f"{gevolg}"
            )
        if b.stukken_verspreid is not None and (b.datum - b.stukken_verspreid).days < milestones.MIN_DAGEN_STUKKEN:
            dagen = (b.datum - b.stukken_verspreid).days
            wanneer = f"{dagen} dagen voor de bijeenkomst" if dagen >= 0 else f"ná de bijeenkomst van {dutch_date(b.datum)}"
            yield doc.problem(
                _where(i, "stukken_verspreid"),
                catalogue.STUKKEN_TE_LAAT,
                f"stukken verspreid op {dutch_date(b.stukken_verspreid)}, {wanneer}; de leidraad vraagt minstens {milestones.MIN_DAGEN_STUKKEN} dagen vooraf",
            )


def _all_meetings_read(doc: Document, parts: YearParts) -> bool:
    """A missing round is only told when every meeting could be read: an unreadable one may be that round."""
    agenda = doc.data.get("jaaragenda") if isinstance(doc.data, dict) else None
    written = agenda.get("bijeenkomsten", []) if isinstance(agenda, dict) else None
    return isinstance(written, list) and len(written) == len(parts.bijeenkomsten)


def _time(doc: Document, i: int, b: Bijeenkomst) -> Iterator[Problem]:
    if b.tijd is None or "-" not in b.tijd:
        return
    begin, einde = b.tijd.split("-", 1)
    if einde <= begin:  # "HH:MM" strings compare as times
        yield doc.problem(
            _where(i, "tijd"),
            catalogue.TIJD_VOLGORDE,
            f"de eindtijd {einde} ligt niet na de begintijd {begin}; "
            f"schrijf de tijd als begin-einde, bijvoorbeeld tijd: \"{min(begin, einde)}-{max(begin, einde)}\"",
        )


def _round_order(doc: Document, parts: YearParts, heidag: dt.date) -> Iterator[Problem]:
    eerste = min((b.datum for _i, b in parts.bijeenkomsten if b.soort is EERSTE), default=None)
    for i, b in parts.bijeenkomsten:
        if b.soort is not TWEEDE:
            continue
        if eerste is not None and b.datum < eerste:
            yield doc.problem(
                _where(i, "datum"), catalogue.RONDE_VOLGORDE,
                f"tweede gespreksronde op {dutch_date(b.datum)}, vóór de eerste gespreksronde van {dutch_date(eerste)}; controleer de datum of de soort",
            )
        elif b.datum < heidag:
            yield doc.problem(
                _where(i, "datum"), catalogue.RONDE_VOOR_HEIDAG,
                f"tweede gespreksronde op {dutch_date(b.datum)}, vóór de heidag van {dutch_date(heidag)}; "
                "de tweede ronde bespreekt het advies van de landelijke tafel, dat pas na de heidag komt",
            )


def _papers(doc: Document, parts: YearParts) -> Iterator[Problem]:
    """The first meeting of the first round needs its papers sent (late papers warn in :func:`_deadlines`)."""
    eerste = sorted(((b.datum, i, b) for i, b in parts.bijeenkomsten if b.soort is EERSTE), key=lambda item: item[:2])
    if eerste and eerste[0][2].stukken_verspreid is None:
        _datum, i, b = eerste[0]
        yield doc.problem(
            ("jaaragenda", "bijeenkomsten", i), catalogue.STUKKEN_ONTBREKEN,
            f"bij de eerste gespreksronde van {dutch_date(b.datum)} staat niet wanneer de stukken zijn verspreid; "
            f"vul stukken_verspreid in (de leidraad vraagt minstens {milestones.MIN_DAGEN_STUKKEN} dagen vooraf)",
            at_key=True,
        )


def _escalations(doc: Document, parts: YearParts, heidag: dt.date) -> Iterator[Problem]:
    for i, e in parts.escalaties:
        base: KeyPath = ("escalaties", i)
        if e.zorgvorm.regionaal:
            yield doc.problem(
                (*base, "zorgvorm"), catalogue.ESCALATIE_REGIONAAL,
                f"{e.zorgvorm.label.lower()} is regionale zorg: die gaat niet naar de landelijke tafel, dus escaleren is niet van toepassing (n.v.t.)",
            )
        if len(e.extra_bijeenkomsten) < 2:
            yield doc.problem(
                (*base, "extra_bijeenkomsten"), catalogue.ESCALATIE_TE_VROEG,
                f"escaleren kan pas na twee extra bijeenkomsten zonder oplossing; hier staan er {len(e.extra_bijeenkomsten)}",
            )
        if e.besluit is None:
            continue
        yield from _decision(doc, base, e.besluit.datum, e.extra_bijeenkomsten, heidag)
        if e.besluit.uitkomst is Uitkomst.afgewezen and e.besluit.motivatie is None:
            yield doc.problem(
                (*base, "besluit", "uitkomst"), catalogue.AFWIJZING_ZONDER_MOTIVATIE,
                "de subcommissie motiveert een afwijzing, met een voorgestelde oplossing (hoofdstuk 5); vul besluit.motivatie in",
            )


def _decision(doc: Document, base: KeyPath, besluit: dt.date, extra: list[dt.date], heidag: dt.date) -> Iterator[Problem]:
    for j, datum in enumerate(extra):
        if datum > besluit:
            yield doc.problem(
                (*base, "extra_bijeenkomsten", j), catalogue.EXTRA_NA_BESLUIT,
                f"extra bijeenkomst op {dutch_date(datum)}, na het besluit van de subcommissie op {dutch_date(besluit)}; "
                "de extra bijeenkomsten gaan aan de escalatie vooraf",
            )
    if besluit > heidag:
        yield doc.problem(
            (*base, "besluit", "datum"), catalogue.BESLUIT_NA_HEIDAG,
            f"besluit op {dutch_date(besluit)}, na de heidag van {dutch_date(heidag)} waarvoor de escalatie bedoeld is; controleer de datum",
        )

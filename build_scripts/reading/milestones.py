"""The yearly cycle's fixed dates (Gespreksleidraad, chapter 2), defined once.

Validation warnings, the calendar and the status board all read these, so a milestone means the
same date everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MIN_DAGEN_STUKKEN = 14  # preparatory documents go out at least two weeks ahead


@dataclass(frozen=True)
class Mijlpaal:
    """A national milestone: a key, a Dutch label and the (last) date it stands for."""

    key: str
    label: str
    datum: dt.date


def agenda_vanaf(jaar: int) -> dt.date:
    """Regional tables publish their jaaragenda from February."""
    return dt.date(jaar, 2, 1)


def agenda_uiterlijk(jaar: int) -> dt.date:
    """'From February': the status board expects the jaaragenda published by the end of February."""
    return dt.date(jaar, 3, 1) - dt.timedelta(days=1)


def eerste_ronde_uiterlijk(jaar: int) -> dt.date:
    return dt.date(jaar, 5, 31)


def heidag_venster(jaar: int) -> tuple[dt.date, dt.date]:
    """'Third week of June', read as 15–21 June (the third seven-day block of the month)."""
    return dt.date(jaar, 6, 15), dt.date(jaar, 6, 21)


def advies_terug_uiterlijk(jaar: int) -> dt.date:
    """'Early July': the national table returns its advice by 10 July."""
    return dt.date(jaar, 7, 10)


def tweede_ronde_uiterlijk(jaar: int) -> dt.date:
    return dt.date(jaar, 8, 15)


def mijlpalen(jaar: int) -> list[Mijlpaal]:
    """The national milestones of one cycle, in date order."""
    return [
        Mijlpaal("agenda", "Jaaragenda's gepubliceerd (vanaf februari)", agenda_vanaf(jaar)),
        Mijlpaal("inkoopbeleid", "Zorgverzekeraars publiceren inkoopbeleid", dt.date(jaar, 4, 1)),
        Mijlpaal("eerste_ronde", "Eerste gespreksronde afgerond, input naar landelijke tafel", eerste_ronde_uiterlijk(jaar)),
        Mijlpaal("heidag", "Heidag landelijke tafel (derde week van juni)", heidag_venster(jaar)[1]),
        Mijlpaal("advies", "Advies landelijke tafel terug naar de regio's (begin juli)", advies_terug_uiterlijk(jaar)),
        Mijlpaal("tweede_ronde", "Tweede gespreksronde afgerond (half augustus)", tweede_ronde_uiterlijk(jaar)),
        Mijlpaal("contractering", "Zorgverzekeraars ronden contractering af (half november)", dt.date(jaar, 11, 15)),
    ]

"""Synthetic data that follows the data contract, for the performance benchmark.

``python benchmarks/generate.py OUT --regions 40 --years 5 [--seed 7]`` writes ``OUT/data/``
with N regions × Y yearly files plus one national file per year. The output is deterministic
for a given seed and passes ``dossier validate`` without errors or warnings: every milestone is
met, neighbours are symmetric (a ring), year-over-year changes stay well below the jump factor,
and every ``agenderen: true`` discussion point gets an advice in the national file.

Sizes are meant to be realistic: a yearly file is about 250–350 lines (all six care forms with
every field, a handful of exclusion criteria, eight to twelve participants, four to seven
meetings, a regional plan and sometimes an escalation).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

ZORGVORMEN = (
    "acute_zorg",
    "outreachende_zorg",
    "klinische_zorg",
    "beveiligde_zorg",
    "hoogspecialistische_ggz",
    "hoogspecialistische_ziekenhuiszorg",
)
REGIONAAL = {"acute_zorg", "outreachende_zorg"}
BASE_VRAAG = {
    "acute_zorg": 1400,
    "outreachende_zorg": 450,
    "klinische_zorg": 600,
    "beveiligde_zorg": 60,
    "hoogspecialistische_ggz": 120,
    "hoogspecialistische_ziekenhuiszorg": 40,
}
FIRST_YEAR = 2022
MATEN = ("geen", "beperkt", "matig", "ernstig")
NETWERKEN = ("Netwerk Eetstoornissen", "Netwerk Forensische Zorg", "Netwerk Jeugd-ggz", "Netwerk Psychotrauma", "Netwerk NAH")
CRITERIA = (
    ("Geen opname bij primaire verslavingsproblematiek", "De kliniek heeft geen verslavingsexpertise; verwijzing naar de verslavingszorg."),
    ("Geen behandeling bij een IQ onder 70", "Hiervoor is gespecialiseerde zorg voor mensen met een verstandelijke beperking nodig."),
    ("Niet bij acuut gevaar voor de omgeving", "Hiervoor is beveiligde zorg aangewezen."),
    ("Geen opname onder de 18 jaar", "Jeugd valt onder de Jeugdwet en de jeugd-ggz."),
    ("Niet zonder verwijzing van de huisarts of crisisdienst", "Toegang loopt via de huisarts of de crisisdienst."),
    ("Geen behandeling bij primair somatische problematiek", "Eerst somatische stabilisatie in het ziekenhuis."),
)
TOELICHTINGEN = (
    "Krapte bij verpleegkundigen en sociotherapeuten; meerdere vacatures staan langer dan een half jaar open.",
    "Het aanbod is stabiel, maar de vraag stijgt door vergrijzing en meer complexe problematiek.",
    "Door uitval van een zorgaanbieder is tijdelijk minder capaciteit beschikbaar.",
    "Afhankelijk van PNIL; de tarieven maken structurele inzet lastig.",
)
ONDERWERPEN = ("Vraag en aanbod per zorgvorm", "Wachttijden", "Exclusiecriteria", "Landelijke functie", "Bespreekpunten", "Regioplan")
SOORT_MAATREGEL = ("regionale_afspraak", "bovenregionale_afspraak", "interne_verschuiving", "exclusiecriteria", "contractering", "expertise_halen")


def slug(i: int) -> str:
    return f"regio-{i:03d}"


def _dump(path: Path, value: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(value, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    path.write_text(text, encoding="utf-8")


def regio_file(i: int, n: int) -> dict[str, Any]:
    """``regio.yaml``: neighbours form a ring, so the relation is symmetric by construction."""
    buren = sorted({slug((i - 2) % n + 1), slug(i % n + 1)} - {slug(i)})
    return {"naam": f"Voorbeeldregio {i:03d}", "code": f"{5500 + i:04d}", "buurregios": buren, "voorbeeld": True}


def _contact(rng: random.Random, functie: str) -> dict[str, str]:
    return {"functie": functie, "email": f"{functie.split()[0].lower()}{rng.randint(1, 99)}@voorbeeld.example.org"}


def _tafel(rng: random.Random, naam: str) -> dict[str, Any]:
    deelnemers: list[dict[str, Any]] = [
        {"vertegenwoordiging": "patienten", "soort": "mind", "organisatie": f"MIND {naam}"},
        {"vertegenwoordiging": "patienten", "soort": "clientenraad", "organisatie": f"Cliëntenraad GGZ {naam}"},
        {
            "vertegenwoordiging": "zorgaanbieders",
            "soort": "kerninstelling",
            "organisatie": f"GGZ {naam}",
            "contact": _contact(rng, "bestuurssecretariaat"),
        },
        {
            "vertegenwoordiging": "zorgverzekeraars",
            "soort": "grootste_zorgverzekeraar",
            "organisatie": "Verzekeraar Noord",
            "contact": _contact(rng, "inkoop ggz"),
        },
        {"vertegenwoordiging": "zorgverzekeraars", "soort": "tweede_zorgverzekeraar", "organisatie": "Verzekeraar Zuid"},
    ]
    for k in range(rng.randint(3, 7)):
        soort = rng.choice(("aanbieder_cruciale_ggz", "overige_aanbieder", "gemeente", "zorgkantoor"))
        vert = {"gemeente": "andere_financiers", "zorgkantoor": "andere_financiers"}.get(soort, "zorgaanbieders")
        deelnemer: dict[str, Any] = {"vertegenwoordiging": vert, "soort": soort, "organisatie": f"Organisatie {k + 1} {naam}"}
        if rng.random() < 0.3:
            deelnemer["opmerking"] = "Schuift aan bij de bespreking van de klinische zorg."
        deelnemers.append(deelnemer)
    return {
        "voorzitter": {"naam": f"Voorzitter {naam}", "organisatie": "Bureau Onafhankelijk Voorzitterschap", "onafhankelijk": True},
        "projectmanagement": f"Projectbureau regionale tafel {naam}",
        "deelnemers": deelnemers,
    }


def _jaaragenda(rng: random.Random, jaar: int) -> dict[str, Any]:
    """Meetings that meet every milestone: rounds before 31 May and 15 August, papers 14+ days ahead."""

    def meeting(datum: dt.date, soort: str) -> dict[str, Any]:
        b: dict[str, Any] = {"datum": datum, "tijd": "13:30-17:00", "soort": soort, "locatie": "Stadskantoor, zaal 3", "fysiek": rng.random() < 0.7}
        b["stukken_verspreid"] = datum - dt.timedelta(days=rng.randint(14, 21))
        b["onderwerpen"] = rng.sample(ONDERWERPEN, rng.randint(2, 4))
        return b

    bijeenkomsten = [
        meeting(dt.date(jaar, 3, rng.randint(1, 20)), "voorbereiding"),
        meeting(dt.date(jaar, 4, rng.randint(8, 30)), "eerste_gespreksronde"),
        meeting(dt.date(jaar, 7, rng.randint(15, 31)), "tweede_gespreksronde"),
    ]
    for month in rng.sample((9, 10, 11, 12), rng.randint(1, 4)):
        bijeenkomsten.append(meeting(dt.date(jaar, month, rng.randint(1, 28)), rng.choice(("monitoring", "extra_bijeenkomst", "overig"))))
    bijeenkomsten.sort(key=lambda b: b["datum"])
    return {"gepubliceerd": dt.date(jaar, 2, rng.randint(1, 20)), "bijeenkomsten": bijeenkomsten}


def _zorgvorm(rng: random.Random, zorgvorm: str, base: dict[str, float], jaar: int, naam: str) -> tuple[dict[str, Any], bool]:
    """One care form's Tabel 2 figures; returns the block and whether it is put on the national agenda."""

    def count(key: str, scale: float = 1.0) -> int | None:
        if rng.random() < 0.05:
            return None  # onbekend
        return round(base[key] * scale)

    g: dict[str, Any] = {
        "aanwezig": True,
        "verwachte_vraag": count("vraag"),
        "werkelijke_vraag": count("vraag", 1.08),
        "landelijke_functie": zorgvorm not in REGIONAAL and rng.random() < 0.2,
        "bovenregionale_netwerken": [] if zorgvorm in REGIONAAL else rng.sample(NETWERKEN, rng.randint(0, 2)),
        "capaciteit": {"binnen_regio": count("capaciteit"), "buiten_regio": count("capaciteit", 0.05)},
        "wachtenden": count("wachtenden"),
        "gemiddelde_wachttijd_weken": round(base["wachttijd"], 1),
        "gesloten_wachtlijsten": rng.randint(0, 3),
        "exclusiecriteria": [{"criterium": c, "motivatie": m} for c, m in rng.sample(CRITERIA, rng.randint(1, 3))],
        "onder_druk": {
            "mate": rng.choice(MATEN),
            "pnil_aandeel_pct": rng.randint(0, 35),
            "vacaturegraad_pct": round(rng.uniform(0, 15), 1),
            "toelichting": rng.choice(TOELICHTINGEN),
        },
        "prioriteit": rng.random() < 0.3,
    }
    agenderen = False
    if zorgvorm not in REGIONAAL and rng.random() < 0.35:
        agenderen = rng.random() < 0.6
        g["bespreekpunt"] = {
            "agenderen": agenderen,
            "redenen": f"De wachttijd voor {zorgvorm.replace('_', ' ')} in {naam} loopt op ondanks extra inzet in {jaar}.",
            "gezette_stappen": "Afspraken met buurregio's over plaatsing onderzocht; onvoldoende capaciteit bij de buren.",
            "voorstel": "Een landelijke verdeling van de schaarse capaciteit en een gezamenlijke wervingscampagne.",
            "contact": _contact(rng, "secretariaat regionale tafel"),
        }
    return g, agenderen


def _evolve(rng: random.Random, base: dict[str, float]) -> None:
    """Next year's figures: small steps, far below the factor-3 jump warning."""
    for key in base:
        base[key] = max(1.0, base[key] * rng.uniform(0.92, 1.12))


def _regioplan(rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    plan: dict[str, list[dict[str, Any]]] = {}
    for zorgvorm in rng.sample(ZORGVORMEN, rng.randint(2, 4)):
        plan[zorgvorm] = [
            {
                "maatregel": f"Maatregel {k + 1}: {rng.choice(ONDERWERPEN).lower()} verbeteren",
                "soort": rng.choice(SOORT_MAATREGEL),
                "verantwoordelijke": "Kerninstelling",
                "status": rng.choice(("gepland", "lopend", "afgerond")),
            }
            for k in range(rng.randint(1, 3))
        ]
    return plan


def _escalatie(rng: random.Random, jaar: int) -> dict[str, Any]:
    return {
        "zorgvorm": rng.choice(("klinische_zorg", "beveiligde_zorg")),
        "escalerende_partij": "Kerninstelling",
        "extra_bijeenkomsten": [dt.date(jaar, 5, 2), dt.date(jaar, 5, 16)],
        "knelpunt": "Onvoldoende bedden voor patiënten met een zorgmachtiging.",
        "argumenten": "De wachttijd overschrijdt de treeknorm ruim; er is geen alternatief in de regio.",
        "afwegingen": "Verschuiving binnen de regio gaat ten koste van de acute zorg.",
        "waarom_geen_oplossing": "De buurregio's hebben zelf een tekort.",
        "voorstel": "Tijdelijk extra capaciteit inkopen bij een bovenregionale aanbieder.",
        "besluit": {"datum": dt.date(jaar, 6, 30), "uitkomst": rng.choice(("toegelaten", "afgewezen")), "motivatie": "Zie het verslag."},
    }


def region_years(i: int, years: list[int], seed: int) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """All yearly files of one region, and the (slug, zorgvorm) of each agenda point per year."""
    rng = random.Random(f"{seed}:{slug(i)}")
    naam = f"Voorbeeldregio {i:03d}"
    size = rng.uniform(0.5, 2.0)
    bases = {
        z: {"vraag": v * size, "capaciteit": v * size * 0.95, "wachtenden": max(12.0, v * size * 0.03), "wachttijd": rng.uniform(2, 12)}
        for z, v in BASE_VRAAG.items()
    }
    files, points = [], []
    for jaar in years:
        zorgvormen, agenda_points = {}, []
        for z in ZORGVORMEN:
            zorgvormen[z], agenderen = _zorgvorm(rng, z, bases[z], jaar, naam)
            if agenderen:
                agenda_points.append((slug(i), z))
        doc: dict[str, Any] = {
            "regio": slug(i),
            "jaar": jaar,
            "status": "vastgesteld" if jaar < years[-1] else rng.choice(("concept", "ingediend", "vastgesteld")),
            "tafel": _tafel(rng, naam),
            "jaaragenda": _jaaragenda(rng, jaar),
            "zorgvormen": zorgvormen,
            "regioplan": _regioplan(rng),
        }
        if rng.random() < 0.2:
            doc["escalaties"] = [_escalatie(rng, jaar)]
        files.append(doc)
        points.append(agenda_points)
        for base in bases.values():
            _evolve(rng, base)
    return files, points  # type: ignore[return-value]


def national_file(jaar: int, points: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "jaar": jaar,
        "tafel": {
            "voorzitter": {"naam": "Voorzitter Landelijke Tafel", "organisatie": "Zorginstituut Nederland"},
            "deelnemers": [
                {"organisatie": "MIND", "vertegenwoordiging": "patienten"},
                {"organisatie": "deNLggz", "vertegenwoordiging": "zorgaanbieders"},
                {"organisatie": "Zorgverzekeraars Nederland", "vertegenwoordiging": "zorgverzekeraars"},
                {"organisatie": "VNG", "vertegenwoordiging": "andere_financiers"},
            ],
        },
        "heidag": dt.date(jaar, 6, 17),
        "stukken_verspreid": dt.date(jaar, 6, 2),
        "adviezen": [
            {
                "regio": s,
                "zorgvorm": z,
                "reactie": "De landelijke tafel herkent het knelpunt; het speelt in meer regio's.",
                "advies": "Maak bovenregionale afspraken met de buurregio's.\n\nKom in het najaar terug met de voortgang.\n",
            }
            for s, z in sorted(points)
        ],
        "voortgangsrapportage": "De voortgang wordt in het najaar gerapporteerd.",
    }


def generate(out: Path, regions: int, years: int, seed: int = 7) -> int:
    """Write ``out/data`` (replacing it); return the number of files written."""
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    year_list = list(range(FIRST_YEAR, FIRST_YEAR + years))
    per_year: dict[int, list[tuple[str, str]]] = {j: [] for j in year_list}
    written = 0
    for i in range(1, regions + 1):
        _dump(data / "regions" / slug(i) / "regio.yaml", regio_file(i, regions))
        files, points = region_years(i, year_list, seed)
        for jaar, doc, agenda_points in zip(year_list, files, points, strict=True):
            _dump(data / "regions" / slug(i) / f"{jaar}.yaml", doc)
            per_year[jaar].extend(agenda_points)
        written += 1 + len(files)
    for jaar in year_list:
        _dump(data / "landelijk" / f"{jaar}.yaml", national_file(jaar, per_year[jaar]))
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="project folder; data/ is (re)created inside it")
    parser.add_argument("--regions", type=int, default=40)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    written = generate(args.out, args.regions, args.years, args.seed)
    print(f"{written} files written to {args.out / 'data'}")


if __name__ == "__main__":
    main()

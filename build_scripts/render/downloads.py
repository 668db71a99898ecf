"""Open data under /downloads/: national totals per year (CSV, XLSX), a CSV per region, all data as JSON.

Column names are the contract keys, so a file reads the same as the YAML behind it. Every file
is deterministic (sorted, no build timestamps, fixed XLSX properties and zip dates): the same
data gives byte-identical downloads, and a diff of two builds shows only real changes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from ..analysis.history import Geschiedenis, geschiedenis, herkomst_json
from ..analysis.national import Overzicht, overzicht, totals_of_year
from ..analysis.signals import SIGNAAL_KEYS, TEKORTKLASSEN, Tekortbeeld, tekortbeelden
from ..contract.fields import COUNT_PATHS, FIGUREN, FIGUREN_BY_PATH, GEWOGEN_PATHS, field_value
from ..contract.models import RegioJaar, ZorgvormGegevens
from ..contract.vocabulary import Zorgvorm
from ..reading.dataset import Dataset, RegionData
from .context import Output, SiteContext, herkomst_cache
from .milestone_data import cached_files, dataset_at, repository_root, standen
from .open_data import Download, catalogus, datapackage
from .templating import render

VASTE_DATUM = dt.datetime(2000, 1, 1)  # XLSX created/modified: never the build machine's clock
ZIP_DATUM = (1980, 1, 1, 0, 0, 0)

Kolom = tuple[str, str]
TOTAAL_VELDEN: tuple[Kolom, ...] = tuple(
    (FIGUREN_BY_PATH[path].column, FIGUREN_BY_PATH[path].totaal_uitleg) for path in (*COUNT_PATHS, *GEWOGEN_PATHS)
)
"""The national totals of the registry's figures: the sums first, then the weighted means."""
LANDELIJK_KOLOMMEN: tuple[Kolom, ...] = (
    ("jaar", "Cyclus: het jaar waarin de tafels vergaderen"),
    ("zorgvorm", "Sleutel van de zorgvorm, zoals in de YAML-bestanden"),
    ("zorgvorm_naam", "Naam van de zorgvorm"),
    ("n_regios", "Aantal regio's met gegevens voor deze cyclus"),
    ("regios_totaal", "Aantal regio's in het dossier"),
    *[kolom for veld, uitleg in TOTAAL_VELDEN for kolom in ((veld, uitleg), (f"n_{veld}", f"Aantal regio's waarop {veld} rust"))],
    ("vraag_vergelijking", "Vraag (werkelijke, anders verwachte) over de regio's waarvan vraag en capaciteit bekend zijn"),
    ("capaciteit_vergelijking", "Capaciteit binnen + buiten de regio over dezelfde regio's"),
    ("n_vergelijking", "Aantal regio's in die vergelijking"),
    ("n_vraag_verwacht", "Aantal regio's in die vergelijking waarvoor de verwachte vraag is gebruikt"),
    ("aandeel_buiten_regio_pct", "Capaciteit voor patiënten van buiten de regio als percentage van de totale capaciteit"),
    ("n_aandeel_buiten_regio_pct", "Aantal regio's waarop dat aandeel rust"),
    ("regios_met_aanbod", "Aantal regio's met eigen aanbod (aanwezig en capaciteit niet 0)"),
    ("regios_zonder_aanbod", "Aantal regio's zonder eigen aanbod"),
    ("regios_landelijke_functie", "Aantal regio's met een landelijke functie voor deze zorgvorm"),
    ("tekortklasse", f"Signalen volgens de leidraad, gescheiden door ';': {', '.join(TEKORTKLASSEN)}; of geen"),
    ("absoluut_tekort", "Landelijke conclusie (leidraad §4.2): ja, nee, of niet te beoordelen (geen regio kent vraag en capaciteit allebei); "
     "n.v.t. bij acute en outreachende zorg"),
    *[
        kolom
        for key in SIGNAAL_KEYS
        for kolom in (
            (f"signaal_{key}", f"Regio's (sleutels, gescheiden door ';') met het signaal {key}"),
            (f"niet_te_beoordelen_{key}", f"Regio's (sleutels) waar {key} niet te beoordelen is; de reden per regio staat in dossier.json"),
            (f"n_beoordeeld_{key}", f"Aantal regio's waarop de conclusie over {key} rust (van regios_totaal); leeg waar de tekortklasse niet geldt"),
        )
    ],
    ("toegangsprobleem_ja", "Regio's waarvan de tafel zelf een toegangsprobleem ervaart (leidraad §3.2)"),
    ("toegangsprobleem_nee", "Regio's waarvan de tafel zelf geen toegangsprobleem ervaart"),
)
_AFGELEID: dict[str, tuple[Kolom, ...]] = {
    "exclusiecriteria": (("aantal_exclusiecriteria", "Aantal opgegeven exclusiecriteria"),),
    "bespreekpunt": (("bespreekpunt_agenderen", "true als de regio een bespreekpunt op de landelijke agenda zet"),),
    "toegangsprobleem": (
        ("toegangsprobleem", "Oordeel van de tafel zelf: ja, nee of onbekend; leeg = niet opgegeven (versie 2)"),
        ("exclusiecriteria_zonder_alternatief", "Aantal exclusiecriteria waarvoor de regio geen alternatief kent (alternatief: null)"),
    ),
    "elders": (("elders", "Waar patiënten uit de regio deze zorg elders krijgen: regio:aantal, gescheiden door ';' (versie 2)"),),
}
"""The region CSV's columns that are not figures: summaries of a contract field, placed where that field stands in the contract."""


def _region_columns() -> tuple[Kolom, ...]:
    """Regio, jaar, zorgvorm, then every figure of the registry and every summary column, in the contract's order."""
    kolommen: list[Kolom] = [("regio", "Sleutel van de regio"), ("jaar", "Cyclus"), ("zorgvorm", "Sleutel van de zorgvorm")]
    for name in ZorgvormGegevens.model_fields:
        kolommen += [(f.column, f.uitleg) for f in FIGUREN if f.path.split(".", 1)[0] == name]
        kolommen += _AFGELEID.get(name, ())
    return tuple(kolommen)


REGIO_KOLOMMEN: tuple[Kolom, ...] = _region_columns()


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    """The downloads page and every file it describes."""
    ov = ctx.overzicht
    jaren = ctx.dataset.jaren
    for jaar in jaren:
        rows = national_rows(ov, jaar)
        yield f"downloads/landelijk-{jaar}.csv", Output(to_csv(LANDELIJK_KOLOMMEN, rows))
        yield f"downloads/landelijk-{jaar}.xlsx", Output(to_xlsx(f"landelijk-{jaar}", LANDELIJK_KOLOMMEN, rows))
    regios = ctx.dataset.published_regions()
    for slug, region in regios.items():
        yield f"downloads/regios/{slug}.csv", Output(to_csv(REGIO_KOLOMMEN, _region_csv_rows(region)))
    yield "downloads/dossier.json", Output(dossier_json(ctx.dataset, ov, ctx.geschiedenis))
    bij_mijlpalen: list[Download] = []
    yield from _milestone_files(ctx, bij_mijlpalen)
    yield from _open_data(ctx, bij_mijlpalen)
    text = render(
        "downloads.md.j2",
        ctx.urls("downloads/index.md"), jaren=sorted(jaren, reverse=True), regios=regios,
        landelijk_kolommen=LANDELIJK_KOLOMMEN, regio_kolommen=REGIO_KOLOMMEN,
    )
    yield "downloads/index.md", Output(text, title="Downloads")


def _milestone_files(ctx: SiteContext, made: list[Download]) -> Iterator[tuple[str, Output]]:
    """Per passed milestone ``dossier.json`` and the national CSVs as they stood then (:mod:`.milestone_data`), added to ``made``.

    Each commit is read once, however many milestones it stood at. ``dossier.json`` is always
    there (the national page links it); where that data no longer passes today's rules it says so.
    """
    root = repository_root(ctx)
    files: dict[str, list[tuple[str, bytes]]] = {}
    for stand in (s for jaar in ctx.dataset.jaren for s in standen(ctx, jaar)):
        if stand.commit not in files:
            files[stand.commit] = cached_files(ctx, stand.commit, partial(_files_at, ctx, root, stand.commit))
        wanneer = f"zoals op {stand.mijlpaal.datum.isoformat()} ({stand.mijlpaal.label})"
        for name, content in files[stand.commit]:
            csv_jaar = name.removeprefix("landelijk-").removesuffix(".csv") if name.endswith(".csv") else None
            titel = f"Landelijke totalen, cyclus {csv_jaar}, {wanneer}" if csv_jaar else f"Alle gegevens {wanneer} (JSON)"
            made.append(Download(f"{stand.map}/{name}", titel, LANDELIJK_KOLOMMEN if csv_jaar else ()))
            yield f"downloads/{stand.map}/{name}", Output(content)


def _files_at(ctx: SiteContext, root: Path, commit: str) -> list[tuple[str, bytes]]:
    """The files of one commit's data: a national CSV per cycle and ``dossier.json``, or only a ``dossier.json`` that says why not."""
    with dataset_at(ctx, commit) as dataset:
        if dataset is None:
            melding = {"commit": commit, "fout": "De gegevens van deze stand voldoen niet aan de huidige regels; zie de repository op deze commit."}
            return [("dossier.json", (json.dumps(melding, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))]
        ov = overzicht(dataset)
        csvs = [(f"landelijk-{jaar}.csv", to_csv(LANDELIJK_KOLOMMEN, national_rows(ov, jaar))) for jaar in dataset.jaren]
        return [*csvs, ("dossier.json", dossier_json(dataset, ov, geschiedenis(root, until=commit, cache=herkomst_cache(root, ctx.settings))))]


def _open_data(ctx: SiteContext, bij_mijlpalen: list[Download]) -> Iterator[tuple[str, Output]]:
    """The data package and the DCAT-AP-NL record of every file above (:mod:`.open_data`)."""
    files = [
        *(d for jaar in ctx.dataset.jaren for d in (
            Download(f"landelijk-{jaar}.csv", f"Landelijke totalen per zorgvorm, cyclus {jaar} (CSV)", LANDELIJK_KOLOMMEN),
            Download(f"landelijk-{jaar}.xlsx", f"Landelijke totalen per zorgvorm, cyclus {jaar} (Excel)"),
        )),
        *(
            Download(f"regios/{slug}.csv", f"Gegevens van {region.naam} per cyclus en zorgvorm (CSV)", REGIO_KOLOMMEN)
            for slug, region in ctx.dataset.published_regions().items()
        ),
        Download("dossier.json", "Alle gevalideerde gegevens, met signalen en herkomst (JSON)"),
        *bij_mijlpalen,
    ]
    settings = ctx.repository.open_data
    yield "downloads/datapackage.json", Output(datapackage(files, settings))
    files.append(Download("datapackage.json", "Beschrijving van de CSV-bestanden (Frictionless data package)"))
    yield "downloads/catalogus.jsonld", Output(catalogus(files, settings, ctx.repository.site_url, ctx.dataset.jaren, ctx.data_datum))


def national_rows(ov: Overzicht, jaar: int) -> list[dict[str, Any]]:
    """One row per care form: totals with their region counts, and the shortage classes."""
    totalen = totals_of_year(ov.totaal, jaar)
    tekorten = tekortbeelden(ov, jaar)
    rows = []
    for zorgvorm in Zorgvorm:
        t, tb = totalen[zorgvorm], tekorten[zorgvorm]
        row: dict[str, Any] = {"jaar": jaar, "zorgvorm": zorgvorm.value, "zorgvorm_naam": zorgvorm.label, "regios_totaal": ov.regios_totaal}
        row.update({key: t[key] for key, _uitleg in LANDELIJK_KOLOMMEN if key in t})
        row["gemiddelde_wachttijd_weken"] = _round(t["gemiddelde_wachttijd_weken"], 2)
        row["aandeel_buiten_regio_pct"] = _round(t["aandeel_buiten_regio_pct"], 1)
        row.update(_judgement_cells(tb))
        for oordeel in ("ja", "nee"):
            row[f"toegangsprobleem_{oordeel}"] = ";".join(sorted(s for s, o in tb.oordelen.items() if o == oordeel))
        rows.append(row)
    return rows


def _judgement_cells(tb: Tekortbeeld) -> dict[str, Any]:
    """The page's conclusions on one care form as cells: per signal the regions, those not judged, and on how many regions it rests."""
    cells: dict[str, Any] = {"tekortklasse": tb.tekortklasse, "absoluut_tekort": _absoluut_cell(tb)}
    for key in SIGNAAL_KEYS:
        signaal = tb.signaal(key)
        cells[f"signaal_{key}"] = ";".join(signaal.regios) if signaal is not None else ""
        cells[f"niet_te_beoordelen_{key}"] = ";".join(tb.niet_beoordeeld.get(key, {}))
        cells[f"n_beoordeeld_{key}"] = tb.beoordeeld(key) if key in tb.signaal_keys else None
    return cells


def _absoluut_cell(tb: Tekortbeeld) -> str:
    if "absoluut_tekort" not in tb.signaal_keys:
        return "n.v.t."
    return "niet te beoordelen" if tb.absoluut is None else ("ja" if tb.absoluut else "nee")


def _region_csv_rows(region: RegionData) -> list[dict[str, Any]]:
    """One row per year × care form of one region, straight from its validated files."""
    rows = []
    for jaar, model in sorted(region.jaren.items()):
        for zorgvorm, g in model.zorgvormen.items():
            figuren = {f.column: field_value(g, f.path) for f in FIGUREN}
            rows.append({
                "regio": region.slug, "jaar": jaar, "zorgvorm": zorgvorm.value,
                **{k: ";".join(v) if isinstance(v, list) else v for k, v in figuren.items()},
                "aantal_exclusiecriteria": len(g.exclusiecriteria),
                "bespreekpunt_agenderen": g.bespreekpunt is not None and g.bespreekpunt.agenderen,
                "toegangsprobleem": g.toegangsprobleem.oordeel.value if g.toegangsprobleem is not None else None,
                "exclusiecriteria_zonder_alternatief": sum(c.alternatief_opgegeven and c.alternatief is None for c in g.exclusiecriteria),
                "elders": ";".join(f"{e.regio}:{'' if e.aantal is None else e.aantal}" for e in g.elders),
            })
    return rows


def _round(value: float | None, decimals: int) -> float | None:
    return None if value is None else round(value, decimals)


FORMULA_START = re.compile(r"^[\t\r\n]|^\s*[=+\-@]")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection": ``=``, ``+``, ``-``, ``@``, tab or
carriage return first, also after spaces that an import may trim): such a text gets a ``'`` in front."""


def _cell(value: Any) -> str:
    """CSV text: unknown is an empty cell (never 0), booleans as in the YAML, a dot as decimal sign.

    A text that a spreadsheet would run as a formula (``=HYPERLINK(…)``) starts with ``'``, which
    spreadsheets show as plain text; numbers are never text, so ``-3`` stays a number.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and FORMULA_START.match(value):
        return f"'{value}"
    return str(value)


def to_csv(kolommen: Sequence[Kolom], rows: Sequence[dict[str, Any]]) -> bytes:
    """UTF-8 CSV with a header of contract keys, comma-separated, one line per row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([key for key, _uitleg in kolommen])
    for row in rows:
        writer.writerow([_cell(row.get(key)) for key, _uitleg in kolommen])
    return buffer.getvalue().encode("utf-8")


def to_xlsx(titel: str, kolommen: Sequence[Kolom], rows: Sequence[dict[str, Any]]) -> bytes:
    """A workbook with the data and a sheet explaining each column; byte-identical for the same data."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    sheet = wb.active
    sheet.title = titel[:31]
    sheet.append([key for key, _uitleg in kolommen])
    for row in rows:
        sheet.append([row.get(key) for key, _uitleg in kolommen])
    _text_never_formula(sheet)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C2"
    uitleg = wb.create_sheet("toelichting")
    uitleg.append(["kolom", "betekenis"])
    for kolom in kolommen:
        uitleg.append(list(kolom))
    uitleg.append([])
    uitleg.append(["", "Een lege cel betekent onbekend, nooit 0. Bron: Cruciale ggz dossier."])
    return _save_deterministic(wb)


def _text_never_formula(sheet: Any) -> None:
    """openpyxl stores a text starting with ``=`` as a formula: store every such cell as the text it is."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


class _FixedDateZip(zipfile.ZipFile):
    """A zip whose entries all carry one fixed date, so the archive bytes depend on content only."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: int | None = None, compresslevel: int | None = None) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_DATUM)
            zinfo_or_arcname.compress_type = self.compression
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: Any, arcname: Any = None, compress_type: int | None = None, compresslevel: int | None = None) -> None:
        """openpyxl writes worksheets from temporary files: take their bytes, not their file dates."""
        with open(filename, "rb") as handle:
            self.writestr(arcname or filename, handle.read(), compress_type, compresslevel)


def _save_deterministic(wb: Any) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.creator = "Cruciale ggz dossier"
    wb.properties.created = VASTE_DATUM
    wb.properties.modified = VASTE_DATUM
    buffer = io.BytesIO()
    ExcelWriter(wb, _FixedDateZip(buffer, "w", zipfile.ZIP_DEFLATED)).save()  # not save_workbook: that stamps "now"
    return buffer.getvalue()


def _year_dump(model: RegioJaar) -> dict[str, Any]:
    """A region-year as JSON; a criterion's ``alternatief`` only when given (left out ≠ ``null``, none known)."""
    data = model.model_dump(mode="json")
    for zorgvorm, g in model.zorgvormen.items():
        for criterium, dumped in zip(g.exclusiecriteria, data["zorgvormen"][zorgvorm.value]["exclusiecriteria"], strict=True):
            if not criterium.alternatief_opgegeven:
                dumped.pop("alternatief")
    return data


def _signals_json(ov: Overzicht, jaren: list[int]) -> dict[str, Any]:
    """Per year and care form every signal with its regions and reasons, what could not be judged and why, on how many regions
    each conclusion rests (``beoordeeld``, of ``regios_totaal``), and the tables' own judgements."""
    result: dict[str, Any] = {}
    for jaar in jaren:
        result[str(jaar)] = {
            z.value: {
                "absoluut_tekort": tb.absoluut,
                "signalen": {s.key: {"regios": list(s.regios), "waarom": dict(s.waarom)} for s in tb.signalen},
                "niet_te_beoordelen": {key: list(redenen) for key, redenen in tb.niet_beoordeeld.items()},
                "niet_te_beoordelen_waarom": {key: dict(redenen) for key, redenen in tb.niet_beoordeeld.items()},
                "beoordeeld": {key: tb.beoordeeld(key) for key in tb.signaal_keys},
                "regios_totaal": ov.regios_totaal,
                "toegangsprobleem": dict(tb.oordelen),
            }
            for z, tb in tekortbeelden(ov, jaar).items()
        }
    return result


def dossier_json(dataset: Dataset, ov: Overzicht, geschiedenis: Geschiedenis | None = None) -> bytes:
    """All validated data, keyed by region slug and year, plus the national files and the signals; sorted keys.

    ``herkomst``: per region and year the last change of every figure from git (:mod:`..analysis.history`).
    """
    data = {
        "herkomst": herkomst_json(dataset, geschiedenis or Geschiedenis(False)),
        "signalen": _signals_json(ov, dataset.jaren),
        "toelichting": "Alle gevalideerde gegevens van het Cruciale ggz dossier. null = onbekend, nooit 0.",
        "regios": {
            slug: {
                "regio": region.regio.model_dump(mode="json") if region.regio is not None else None,
                "jaren": {str(jaar): _year_dump(model) for jaar, model in sorted(region.jaren.items())},
            }
            for slug, region in sorted(dataset.regions.items())
        },
        "landelijk": {str(jaar): model.model_dump(mode="json") for jaar, model in sorted(dataset.landelijk.items())},
    }
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

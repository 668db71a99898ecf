"""Open data: the CSV, XLSX and JSON files hold the same numbers as the YAML, and are deterministic."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from test_national import VELDEN, VIJF, site, yaml_totals

from build_scripts.analysis.signals import SIGNAAL_LABELS
from build_scripts.contract.vocabulary import Zorgvorm
from build_scripts.reading.load import load_dataset
from build_scripts.render import downloads
from build_scripts.render.context import Output, make_context
from conftest import FIXTURES

NATIONAL = FIXTURES / "national"


@cache
def files(root: Path = NATIONAL) -> dict[str, Output]:
    dataset, problems = load_dataset(root)
    assert not [p for p in problems if p.is_error]
    return dict(downloads.pages(make_context(dataset, peildatum=dt.date(2026, 6, 1))))


def csv_rows(path: str, root: Path = NATIONAL) -> list[dict[str, str]]:
    content = files(root)[path].content
    assert isinstance(content, bytes)
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


def expected_cell(value: object) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_national_csv_equals_an_independent_sum_of_the_yaml(jaar: int) -> None:
    rows = csv_rows(f"downloads/landelijk-{jaar}.csv")
    assert [r["zorgvorm"] for r in rows] == [z.value for z in Zorgvorm]
    for row in rows:
        expected = yaml_totals(NATIONAL, jaar, row["zorgvorm"])
        for veld in VELDEN:
            assert row[veld] == expected_cell(expected[veld]), (row["zorgvorm"], veld)
            assert row[f"n_{veld}"] == str(expected[f"n_{veld}"]), (row["zorgvorm"], veld)
        assert row["regios_totaal"] == "4"


def test_national_csv_columns_are_the_contract_keys() -> None:
    content = files()["downloads/landelijk-2026.csv"].content
    assert isinstance(content, bytes)
    header = content.decode("utf-8").splitlines()[0].split(",")
    assert header == [key for key, _uitleg in downloads.LANDELIJK_KOLOMMEN]
    for key in ("zorgvorm", *VELDEN, "tekortklasse"):
        assert key in header


def test_unknown_is_an_empty_cell_and_classes_are_filled() -> None:
    rows = {r["zorgvorm"]: r for r in csv_rows("downloads/landelijk-2026.csv")}
    ziekenhuis = rows["hoogspecialistische_ziekenhuiszorg"]
    assert ziekenhuis["werkelijke_vraag"] == "" and ziekenhuis["n_werkelijke_vraag"] == "0"
    assert rows["klinische_zorg"]["tekortklasse"] == "absoluut_tekort;lokaal_tekort"
    assert rows["klinische_zorg"]["niet_te_beoordelen_lokaal_tekort"] == "beta;gamma"  # beta borders gamma, whose figures are unknown
    assert rows["beveiligde_zorg"]["signaal_lokaal_tekort"] == "delta"
    assert rows["outreachende_zorg"]["tekortklasse"] == "geen"


def _page_unjudged(page: str, zorgvorm: Zorgvorm) -> dict[str, list[str]]:
    """Per signal the regions the national page lists as niet te beoordelen under one care form."""
    section = page.split(f"{{ #{zorgvorm.value.replace('_', '-')} }}")[1].split("<figure")[0]
    found = {}
    for block in section.split('<div class="niet-te-beoordelen">')[1:]:
        label = re.search(r"<strong>(.+?): niet te beoordelen</strong>", block)
        assert label is not None
        key = next(k for k, v in SIGNAAL_LABELS.items() if v == label.group(1))
        found[key] = sorted(re.findall(r'regios/([a-z-]+)/2026/', block.split("</div>")[0]))
    return found


def test_downloads_carry_the_pages_judgements_coverage_and_unjudged_regions(stub_charts: list[str]) -> None:
    """What the national page says per care form (read from the page), the CSV, XLSX and JSON say too."""
    page = site(NATIONAL)["landelijk/2026/index.md"].content
    assert isinstance(page, str)
    rows = {r["zorgvorm"]: r for r in csv_rows("downloads/landelijk-2026.csv")}
    content = files()["downloads/dossier.json"].content
    assert isinstance(content, bytes)
    signalen = json.loads(content)["signalen"]["2026"]
    for zorgvorm in Zorgvorm:
        row, data = rows[zorgvorm.value], signalen[zorgvorm.value]
        on_page = _page_unjudged(page, zorgvorm)
        assert {k: v for k, v in ((k, row[f"niet_te_beoordelen_{k}"]) for k in SIGNAAL_LABELS) if v} == {k: ";".join(v) for k, v in on_page.items()}
        assert {k: sorted(v) for k, v in data["niet_te_beoordelen"].items()} == on_page
        for redenen in data["niet_te_beoordelen_waarom"].values():
            for reden in redenen.values():
                assert reden.replace("'", "&#39;") in page
    klinisch = rows["klinische_zorg"]
    assert (klinisch["n_beoordeeld_lokaal_tekort"], klinisch["regios_totaal"]) == ("2", "4")
    row = page.split('<tr><th scope="row">Klinische zorg</th>')[1].split("</tr>")[0]
    assert "op basis van 2 van 4 regio's" in row  # the page's coverage of lokaal tekort, the same figure
    assert rows["hoogspecialistische_ziekenhuiszorg"]["absoluut_tekort"] == "niet te beoordelen"  # no region knows its demand
    assert rows["acute_zorg"]["absoluut_tekort"] == "n.v.t." and rows["acute_zorg"]["n_beoordeeld_lokaal_tekort"] == ""
    assert signalen["klinische_zorg"]["beoordeeld"]["lokaal_tekort"] == 2 and signalen["klinische_zorg"]["regios_totaal"] == 4


def test_mpu_csv_carries_the_local_shortage() -> None:
    rows = {r["zorgvorm"]: r for r in csv_rows("downloads/landelijk-2026.csv", FIXTURES / "mpu")}
    mpu = rows["hoogspecialistische_ziekenhuiszorg"]
    assert mpu["tekortklasse"] == "lokaal_tekort"
    assert mpu["signaal_lokaal_tekort"].split(";") == VIJF


def same_value(cell: object, text: str) -> bool:
    """An XLSX cell equals a CSV cell: empty is empty, numbers compare as numbers (2 == 2.0)."""
    if cell is None:
        return text == ""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return text != "" and float(text) == float(cell)
    return str(cell) == text


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_xlsx_holds_the_same_rows_as_the_csv(jaar: int) -> None:
    content = files()[f"downloads/landelijk-{jaar}.xlsx"].content
    assert isinstance(content, bytes)
    sheet = load_workbook(io.BytesIO(content))[f"landelijk-{jaar}"]
    values = list(sheet.iter_rows(values_only=True))
    rows = csv_rows(f"downloads/landelijk-{jaar}.csv")
    assert list(values[0]) == list(rows[0])
    for xlsx_row, csv_row in zip(values[1:], rows, strict=True):
        assert [same_value(x, c) for x, c in zip(xlsx_row, csv_row.values(), strict=True)] == [True] * len(csv_row)
    numbers = dict(zip(values[0], values[3], strict=True))  # klinische_zorg
    assert isinstance(numbers["werkelijke_vraag"], int)  # numbers, not text, for spreadsheet users


def test_xlsx_is_byte_identical_between_builds() -> None:
    dataset, _problems = load_dataset(NATIONAL)
    again = dict(downloads.pages(make_context(dataset, peildatum=dt.date(2030, 1, 1))))
    for path in ("downloads/landelijk-2026.xlsx", "downloads/landelijk-2026.csv", "downloads/dossier.json"):
        assert again[path].content == files()[path].content, path
    content = again["downloads/landelijk-2026.xlsx"].content
    assert isinstance(content, bytes)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert {info.date_time for info in archive.infolist()} == {downloads.ZIP_DATUM}
        assert b"2000-01-01T00:00:00Z" in archive.read("docProps/core.xml")


def test_a_csv_per_region_with_the_yaml_values() -> None:
    for region_dir in sorted((NATIONAL / "data/regions").iterdir()):
        rows = csv_rows(f"downloads/regios/{region_dir.name}.csv")
        years = sorted(int(p.stem) for p in region_dir.glob("[0-9]*.yaml"))
        assert [(int(r["jaar"]), r["zorgvorm"]) for r in rows] == [(j, z.value) for j in years for z in Zorgvorm]
        for row in rows:
            g = yaml.safe_load((region_dir / f"{row['jaar']}.yaml").read_text(encoding="utf-8"))["zorgvormen"][row["zorgvorm"]]
            assert row["werkelijke_vraag"] == expected_cell(g["werkelijke_vraag"])
            assert row["capaciteit_binnen_regio"] == expected_cell(g["capaciteit"]["binnen_regio"])
            assert row["gemiddelde_wachttijd_weken"] == expected_cell(g["gemiddelde_wachttijd_weken"])
            assert row["aanwezig"] == ("true" if g["aanwezig"] else "false")


def test_dossier_json_holds_all_validated_data() -> None:
    content = files()["downloads/dossier.json"].content
    assert isinstance(content, bytes)
    data = json.loads(content)
    for path in sorted(NATIONAL.glob("data/regions/*/[0-9]*.yaml")):
        source = yaml.safe_load(path.read_text(encoding="utf-8"))
        published = data["regios"][path.parent.name]["jaren"][path.stem]
        assert_published(source["zorgvormen"], published["zorgvormen"], str(path))
        assert published["status"] == source["status"]
    assert data["regios"]["beta"]["regio"]["buurregios"] == ["alfa", "gamma"]
    assert data["landelijk"]["2026"]["heidag"] == "2026-06-17"
    assert content.decode("utf-8") == json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def assert_published(source: object, published: object, where: str) -> None:
    """Every value the region wrote is in the JSON unchanged (the JSON may add defaults such as null)."""
    if isinstance(source, dict):
        assert isinstance(published, dict), where
        for key, value in source.items():
            assert_published(value, published[key], f"{where}.{key}")
    elif isinstance(source, list):
        assert isinstance(published, list) and len(published) == len(source), where
        for i, (a, b) in enumerate(zip(source, published, strict=True)):
            assert_published(a, b, f"{where}[{i}]")
    else:
        assert published == source, where


def test_downloads_page_explains_every_file_and_column() -> None:
    outputs = files()
    page = outputs["downloads/index.md"].content
    assert isinstance(page, str)
    for path in outputs:
        if path != "downloads/index.md":
            assert path.removeprefix("downloads/") in page, path
    for key, uitleg in (*downloads.LANDELIJK_KOLOMMEN, *downloads.REGIO_KOLOMMEN):
        assert f"<code>{key}</code>" in page and uitleg.replace("'", "&#39;") in page, key
    assert "Een lege cel is onbekend, nooit 0." in page

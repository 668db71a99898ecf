"""Open data that harvests: the data package validates with frictionless-py, the DCAT-AP-NL record parses as JSON-LD and names every download."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from frictionless import Package, validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from build_scripts.engines.mkdocs_config import read_site_config
from build_scripts.reading.load import load_dataset
from build_scripts.render import downloads
from build_scripts.render.context import make_context
from build_scripts.render.open_data import field_type
from conftest import FIXTURES, REPO

DCAT = Namespace("http://www.w3.org/ns/dcat#")
SITE = "https://cruciale-ggz.example.org/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The downloads of the national fixture, written as the site publishes them, with the repository's mkdocs.yml settings."""
    dataset, _problems = load_dataset(FIXTURES / "national")
    repository = read_site_config(REPO).repository
    assert repository.site_url == SITE and repository.open_data["licentie"]
    out = tmp_path_factory.mktemp("site")
    for path, output in downloads.pages(make_context(dataset, peildatum=dt.date(2026, 6, 1), repository=repository)):
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output.content if isinstance(output.content, bytes) else output.content.encode("utf-8"))
    return out / "downloads"


def test_the_data_package_and_every_csv_validate(built: Path) -> None:
    report = validate(built / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = Package(built / "datapackage.json")
    csvs = sorted(str(p.relative_to(built)) for p in built.rglob("*.csv"))
    assert sorted(r.path for r in package.resources) == csvs
    for resource in package.resources:
        assert resource.schema.missing_values == [""]
        assert all(f.description for f in resource.schema.fields), resource.path


def test_columns_carry_type_unit_and_the_dutch_description(built: Path) -> None:
    package = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    regio = next(r for r in package["resources"] if r["path"].startswith("regios/"))
    fields = {f["name"]: f for f in regio["schema"]["fields"]}
    assert fields["wachtenden"] == {"name": "wachtenden", "type": "integer", "description": "Aantal wachtenden nu; leeg = onbekend", "unit": "personen"}
    assert fields["gemiddelde_wachttijd_weken"]["type"] == "number" and fields["gemiddelde_wachttijd_weken"]["unit"] == "weken"
    assert fields["aanwezig"]["type"] == "boolean" and fields["pnil_aandeel_pct"]["unit"] == "%"
    assert package["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"


def test_a_wrong_type_is_caught_by_the_validation(built: Path, tmp_path: Path) -> None:
    """The check is real: a text in a count column fails it."""
    import shutil

    copy = tmp_path / "downloads"
    shutil.copytree(built, copy)
    csv_path = next((copy / "regios").glob("*.csv"))
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("wachtenden")] = "veel"
    csv_path.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    assert not validate(copy / "datapackage.json").valid


def test_every_download_column_has_a_type() -> None:
    assert {field_type(k) for k, _uitleg in (*downloads.LANDELIJK_KOLOMMEN, *downloads.REGIO_KOLOMMEN)} == {"integer", "number", "boolean", "string"}


def test_the_dcat_record_parses_as_json_ld_and_names_every_download(built: Path) -> None:
    graph = Graph().parse(data=(built / "catalogus.jsonld").read_text(encoding="utf-8"), format="json-ld")
    (catalog,) = graph.subjects(RDF.type, DCAT.Catalog)
    (dataset,) = graph.objects(catalog, DCAT.dataset)
    files = sorted(
        str(p.relative_to(built)) for p in built.rglob("*") if p.is_file() and p.suffix in {".csv", ".xlsx", ".json"}
    )
    named = sorted(str(u).removeprefix(f"{SITE}downloads/") for d in graph.objects(dataset, DCAT.distribution) for u in graph.objects(d, DCAT.downloadURL))
    assert named == files
    assert graph.value(dataset, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert graph.value(dataset, DCTERMS.accrualPeriodicity) == URIRef("http://publications.europa.eu/resource/authority/frequency/IRREG")
    contact = graph.value(dataset, DCAT.contactPoint)
    assert graph.value(contact, URIRef("http://www.w3.org/2006/vcard/ns#hasEmail")) == URIRef("mailto:dossier@cruciale-ggz.example.org")
    publisher = graph.value(dataset, DCTERMS.publisher)
    assert graph.value(publisher, URIRef("http://xmlns.com/foaf/0.1/name")) == Literal("Landelijke tafel cruciale ggz (fictief)")
    period = graph.value(dataset, DCTERMS.temporal)
    assert str(graph.value(period, DCAT.startDate)) == "2025-01-01" and str(graph.value(period, DCAT.endDate)) == "2026-12-31"

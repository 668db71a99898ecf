"""Generated pages follow the YAML: a value changed in a fixture shows up on its page."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest

from build_scripts.reading.load import load_dataset
from build_scripts.render import registry as pages
from build_scripts.render.context import Output, make_context
from build_scripts.render.registry import generate_site
from conftest import Project

NOORD = "data/regions/noord/2026.yaml"
PEIL = dt.date(2026, 6, 1)


def site(project: Project) -> dict[str, str]:
    dataset, problems = load_dataset(project.root)
    assert not [p for p in problems if p.is_error]
    return {k: v.content for k, v in generate_site(make_context(dataset, peildatum=PEIL)).items()}


def test_every_region_year_file_has_a_page(project: Project) -> None:
    pages = site(project)
    for yaml_file in sorted(project.root.glob("data/regions/*/[0-9]*.yaml")):
        slug, jaar = yaml_file.parent.name, yaml_file.stem
        assert f"regios/{slug}/{jaar}/index.md" in pages
        assert f"regios/{slug}/index.md" in pages
    assert "regios/index.md" in pages and "index.md" in pages


def test_changed_value_shows_on_its_page(project: Project) -> None:
    before = site(project)["regios/noord/2026/index.md"]
    assert "4.321" not in before
    project.replace(NOORD, "wachtenden: 12", "wachtenden: 4321")
    after = site(project)["regios/noord/2026/index.md"]
    assert '<td class="getal">4.321</td>' in after


def test_unknown_is_shown_as_onbekend_never_zero(project: Project) -> None:
    project.replace(NOORD, "wachtenden: 12", "wachtenden: null")
    page = site(project)["regios/noord/2026/index.md"]
    row = next(line for line in page.splitlines() if line.startswith('<tr><th scope="row">Wachtenden nu'))
    assert "onbekend" in row and ">0<" not in row


def test_region_year_page_shows_tables_of_the_guide(project: Project) -> None:
    page = site(project)["regios/noord/2026/index.md"]
    for text in (
        "Deelnemers aan de regionale tafel (Bijlage 1)",
        "Klinische zorg: gegevens volgens Tabel 2",
        "Bespreekpunt voor de landelijke tafel (Tabel 3)",
        "Landelijke verdeling van bedden",
        "Reactie en advies van de landelijke tafel",
        "<p>Maak afspraken met de buurregio.</p><p>Kom in het najaar terug.</p>",
        "Tien extra bedden",
        "bereidt inkoopjaar 2027 voor",
        "Voorbeeldgegevens — fictief",
        'href="mailto:tafel@example.org"',
    ):
        assert text in page, text


def test_banner_only_for_example_regions(project: Project) -> None:
    pages = site(project)
    assert "Voorbeeldgegevens — fictief" in pages["regios/noord/2026/index.md"]
    assert "Voorbeeldgegevens — fictief" not in pages["regios/zuid/2026/index.md"]


def test_region_names_are_escaped_once_in_headings(project: Project) -> None:
    from markdown import markdown

    project.replace("data/regions/noord/regio.yaml", "naam: Noord", "naam: \"'t Noord <b>*\"")
    html = markdown(site(project)["regios/noord/2026/index.md"].split("---", 2)[2])
    assert "<h1>&#39;t Noord &lt;b&gt;*: cyclus 2026</h1>" in html


def test_parallel_build_gives_exactly_the_sequential_outputs(project: Project, monkeypatch: pytest.MonkeyPatch, stub_charts: list[str]) -> None:
    """Forked builder workers are only a speed-up: same paths, same bytes, same order."""
    dataset, _ = load_dataset(project.root)
    ctx = make_context(dataset, peildatum=PEIL)
    ctx.cache_dir = None  # every chart drawn in both runs
    monkeypatch.setattr(pages, "fork_is_safe", lambda: True)  # forked workers inherit the stubbed charts (a test process may hold other threads)
    sequential = generate_site(ctx, workers=1)
    parallel = generate_site(ctx, workers=2)
    assert list(parallel) == list(sequential)
    assert parallel == sequential

    builders = pages._builders()
    monkeypatch.setattr(pages, "_builders", lambda: [*builders, lambda ctx: [("pid.txt", Output(str(os.getpid())))]])
    assert generate_site(ctx, workers=2)["pid.txt"].content != str(os.getpid())  # really built in a worker


def test_beside_a_thread_the_workers_come_from_a_fork_server(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``mkdocs serve`` rebuilds beside its server's threads: no fork there but a fork server, with the same outputs."""
    from build_scripts.render import forking

    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        assert not forking.fork_is_safe()  # a thread beside us: a forked child could inherit a held lock
    finally:
        stop.set()
        server.join()

    dataset, _ = load_dataset(project.root)
    ctx = make_context(dataset, peildatum=PEIL, cache_dir=tmp_path / "charts")
    sequential = generate_site(ctx, workers=1)  # draws the charts once and caches them (the fork server's workers see no test stubs)
    monkeypatch.setattr(pages, "fork_is_safe", lambda: False)
    assert pages._start_method() == "forkserver"
    beside = generate_site(ctx, workers=2)
    assert list(beside) == list(sequential)
    assert beside == sequential


def test_build_workers_follow_the_environment_and_stay_single_for_small_data(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    from build_scripts.render.registry import build_workers
    from build_scripts.settings import read_settings

    dataset = load_dataset(project.root)[0]
    monkeypatch.delenv("DOSSIER_WORKERS", raising=False)
    assert build_workers(make_context(dataset, peildatum=PEIL)) == 1  # a handful of files: forking would cost more than it saves
    monkeypatch.setenv("DOSSIER_WORKERS", "3")
    assert build_workers(make_context(dataset, peildatum=PEIL)) == 3
    assert build_workers(make_context(dataset, peildatum=PEIL, settings=read_settings({"DOSSIER_WORKERS": "0"}))) == 1

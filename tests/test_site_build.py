"""End to end: ``mkdocs build --strict`` and ``dossier build --engine properdocs|zensical`` on a temporary copy, as CI and a region would run them."""

from __future__ import annotations

import re

import pytest
from built_site import DOORS

from conftest import Project, mkdocs_build, prepare_site_project

NOORD = "data/regions/noord/2026.yaml"
pytestmark = pytest.mark.parametrize("engine", DOORS)
ATTACKS = ('<script>alert("x")</script>', "<img src=x onerror=alert(1)>", "[klik](javascript:alert(1))")


@pytest.fixture
def site_project(project: Project) -> Project:
    prepare_site_project(project.root)
    return project


def test_build_publishes_region_pages_with_edit_links(site_project: Project, engine: str) -> None:
    result = mkdocs_build(site_project.root, engine=engine)
    assert result.returncode == 0, result.stderr
    html = site_project.path("site/regios/noord/2026/index.html").read_text(encoding="utf-8")
    assert "<title>Noord — cyclus 2026 - Cruciale ggz dossier</title>" in html
    assert re.search(r'href="https://[^"]+/-/edit/main/data/regions/noord/2026\.yaml"', html)
    assert site_project.path("site/regios/zuid/2026/index.html").is_file()
    assert '<html lang="nl"' in html


def test_untrusted_text_is_shown_never_run(site_project: Project, engine: str) -> None:
    text = site_project.read(NOORD)
    text = text.replace("Landelijke verdeling van bedden", " ".join(ATTACKS))
    text = text.replace("Krapte bij verpleegkundigen", ATTACKS[1], 1)
    text = text.replace("organisatie: MIND Noord", f"organisatie: '{ATTACKS[0]}'")
    site_project.write(NOORD, text)
    site_project.replace("data/regions/noord/regio.yaml", "naam: Noord", "naam: 'Noord <script>x()</script>'")
    result = mkdocs_build(site_project.root, engine=engine)
    assert result.returncode == 0, result.stderr
    for page in ("site/regios/noord/2026/index.html", "site/regios/index.html", "site/index.html"):
        html = site_project.path(page).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html and 'href="javascript:' not in html
        assert "<script>x()" not in html
    html = site_project.path("site/regios/noord/2026/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html or "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "[klik](javascript:alert(1))" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_invalid_data_stops_the_build_with_every_problem(site_project: Project, engine: str) -> None:
    site_project.replace(NOORD, "mate: matig", "mate: hoog")
    site_project.replace("data/regions/zuid/2026.yaml", "verwachte_vraag: 1000", "verwachte_vraag: 1.000")
    result = mkdocs_build(site_project.root, engine=engine)
    assert result.returncode != 0
    assert f"{NOORD}:{site_project.line_of(NOORD, 'mate: hoog')}:13: fout: zorgvormen.acute_zorg.onder_druk.mate" in result.stderr
    assert "data/regions/zuid/2026.yaml:" in result.stderr and "duizendtalscheiding" in result.stderr
    assert not site_project.path("site/index.html").exists()

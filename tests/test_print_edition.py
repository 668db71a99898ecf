"""The print edition bundles the site's own pages: headings shifted, ids made unique, links re-based."""

from __future__ import annotations

import datetime as dt

from build_scripts.contract.site_paths import page_url
from build_scripts.engines.mkdocs_config import read_site_config
from build_scripts.reading.load import load_dataset
from build_scripts.render.context import make_context
from build_scripts.render.page_merge import Part, merge_part, prepare
from build_scripts.render.registry import generate_site
from conftest import Project, prepare_site_project

PEIL = dt.date(2026, 6, 1)
HOME = "downloads/dossier-2026/index.md"


def merged(parts: list[Part]) -> list[str]:
    prepare(parts)
    return [merge_part(p, parts, HOME, shift=2, part_class="print-deel") for p in parts]


def test_page_url_is_mkdocs_directory_url() -> None:
    assert [page_url(p) for p in ("index.md", "a/index.md", "a/b.md")] == ["", "a/", "a/b/"]
    assert [page_url(p, directory_urls=False) for p in ("index.md", "a/index.md", "a/b.md")] == ["index.html", "a/index.html", "a/b.html"]


def test_headings_shift_and_ids_get_the_part_prefix() -> None:
    text = (
        '---\ntitle: "x"\n---\n\n# Noord: cyclus 2026\n\n## Regioplan\n\n### Acute zorg { #acute-zorg }\n\n'
        '<h3 id="e1">Escalatie</h3>\n<label for="f">x</label>\n'
    )
    (out,) = merged([Part("regios/noord/2026/index.md", text, "regio-noord")])
    assert "title:" not in out
    assert "### Noord: cyclus 2026 { #regio-noord .print-deel }" in out
    assert "#### Regioplan { #regio-noord-regioplan }" in out
    assert "##### Acute zorg { #regio-noord-acute-zorg }" in out
    assert '<h5 id="regio-noord-e1">Escalatie</h5>' in out and 'for="regio-noord-f"' in out


def test_links_become_anchors_inside_the_bundle_or_are_rebased() -> None:
    noord = Part(
        "regios/noord/2026/index.md",
        '# Noord\n\n<a href="#acute-zorg">a</a> <a href="../2025/">b</a> <a href="../../zuid/2026/#x">c</a> <img src="../../../landelijk/2026/g.svg">'
        ' <a href="https://example.org/">e</a> <a href="mailto:a@b.nl">m</a>\n\n## Acute zorg { #acute-zorg }\n',
        "regio-noord",
    )
    zuid = Part("regios/zuid/2026/index.md", "# Zuid\n", "regio-zuid")
    guide = Part(
        "leidraad/escalatie.md",
        "# Escalatie\n\nZie [de tafel](regionale-tafel.md#het-plan) en [regio's](../regios/index.md).\n\n```yaml\n# geen kop\n```\n",
        "leidraad-escalatie",
    )
    tafel = Part("leidraad/regionale-tafel.md", "# Tafel\n\n## Het plan\n", "leidraad-regionale-tafel")
    out_noord, _, out_guide, _ = merged([noord, zuid, guide, tafel])
    assert 'href="#regio-noord-acute-zorg"' in out_noord
    assert 'href="../../regios/noord/2025/"' in out_noord
    assert 'href="#regio-zuid"' in out_noord, "a fragment the target does not have falls back to the part"
    assert 'src="../../landelijk/2026/g.svg"' in out_noord
    assert 'href="https://example.org/"' in out_noord and 'href="mailto:a@b.nl"' in out_noord
    assert "[de tafel](#leidraad-regionale-tafel-het-plan)" in out_guide
    assert "[regio's](../../regios/index.md)" in out_guide
    assert "```yaml\n# geen kop\n```" in out_guide, "code blocks stay as they are"


def test_every_region_year_page_is_in_its_years_edition(project: Project) -> None:
    prepare_site_project(project.root)
    dataset, _ = load_dataset(project.root)
    config = read_site_config(project.root)  # what the engine passes in: the guide's folder and navigation
    outputs = generate_site(make_context(dataset, peildatum=PEIL, docs_dir=config.docs_dir, nav=config.nav))
    edition = outputs[HOME].content
    assert isinstance(edition, str)
    assert "search:\n  exclude: true" in edition
    for slug in ("noord", "zuid"):
        assert f"{{ #regio-{slug} .print-deel }}" in edition
    assert "{ #leidraad-escalatie .print-deel }" in edition, "the guide's chapters are in it"
    assert '<span data-pdf-link="../dossier-2026.pdf"></span>' in edition
    assert "{ #regio-noord .print-deel }" in outputs["downloads/dossier-2025/index.md"].content  # type: ignore[operator]
    assert "regio-zuid" not in outputs["downloads/dossier-2025/index.md"].content  # type: ignore[operator]

"""The print edition: the generated parts rendered for it from their templates, the guide included; every anchor right."""

from __future__ import annotations

import datetime as dt
import importlib.util
from html.parser import HTMLParser

import markdown
import pytest

from build_scripts.contract.site_paths import EditionUrls, page_url
from build_scripts.engines.mkdocs_config import read_site_config
from build_scripts.reading.load import load_dataset
from build_scripts.render import include_markdown
from build_scripts.render.context import Output, make_context
from build_scripts.render.headings import Deel
from build_scripts.render.include_markdown import Page, include, prepare
from build_scripts.render.jump_list import MARKER, add_jump_list
from build_scripts.render.registry import generate_site
from conftest import Project, prepare_site_project

PEIL = dt.date(2026, 6, 1)
HOME = "downloads/dossier-2026/index.md"
EXTENSIONS = ["tables", "admonition", "attr_list", "def_list", "md_in_html", "toc", "pymdownx.details", "pymdownx.superfences"]
"""The Markdown extensions of the site's mkdocs.yml: the edition's HTML as the engine makes it."""


def included(pages: list[Page]) -> list[str]:
    prepare(pages)
    return [include(p, pages, HOME, shift=2, part_class="print-deel") for p in pages]


def site(project: Project) -> dict[str, Output]:
    prepare_site_project(project.root)
    dataset, _ = load_dataset(project.root)
    config = read_site_config(project.root)  # what the engine passes in: the guide's folder and navigation
    return generate_site(make_context(dataset, peildatum=PEIL, docs_dir=config.docs_dir, nav=config.nav))


def edition(outputs: dict[str, Output], path: str = HOME) -> str:
    text = outputs[path].content
    assert isinstance(text, str)
    return text


class _Anchors(HTMLParser):
    """Every id of a page (in order, repeats kept) and every in-page link (``href="#…"``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.append(value)
            elif name == "href" and value and value.startswith("#"):
                self.links.append(value[1:])


def anchors(text: str) -> _Anchors:
    body = text.split("\n---\n", 1)[1]  # without the front matter, which the engine strips too
    parser = _Anchors()
    parser.feed(markdown.markdown(body, extensions=EXTENSIONS))
    return parser


def test_page_url_is_mkdocs_directory_url() -> None:
    assert [page_url(p) for p in ("index.md", "a/index.md", "a/b.md")] == ["", "a/", "a/b/"]
    assert [page_url(p, directory_urls=False) for p in ("index.md", "a/index.md", "a/b.md")] == ["index.html", "a/index.html", "a/b.html"]


def test_a_part_writes_its_headings_deeper_and_its_ids_with_its_prefix() -> None:
    alone, part = Deel(), Deel("regio-noord", 2, "print-deel")
    assert alone.kop(1, "Noord: cyclus 2026") == "# Noord: cyclus 2026"
    assert alone.kop(2, "Regioplan") == "## Regioplan"
    assert alone.kop(3, "Acute zorg", "acute-zorg") == "### Acute zorg { #acute-zorg }"
    assert (alone.id("x"), alone.niveau(3), alone.zelfstandig) == ("x", 3, True)
    assert part.kop(1, "Noord: cyclus 2026") == "### Noord: cyclus 2026 { #regio-noord .print-deel }"
    assert part.titel == "Noord: cyclus 2026", "the title is noted for the edition's table of contents"
    assert part.kop(2, "Tekorten in één oogopslag") == "#### Tekorten in één oogopslag { #regio-noord-tekorten-in-een-oogopslag }"
    assert part.kop(3, "Acute zorg", "acute-zorg") == "##### Acute zorg { #regio-noord-acute-zorg }"
    assert (part.id("x"), part.niveau(3), part.niveau(5), part.zelfstandig) == ("regio-noord-x", 5, 6, False)
    assert part.kop(2, "<b>") == "#### &lt;b&gt; { #regio-noord-b }", "template text is escaped like any other"


def test_the_edition_url_builder_anchors_its_parts_and_rebases_the_rest() -> None:
    urls = EditionUrls(HOME, True, {"landelijk/2026/index.md": "landelijk", "regios/noord/2026/index.md": "regio-noord"})
    assert urls.national_year(2026) == "#landelijk"
    assert urls.national_year(2026, "zo-rekenen-we") == "#landelijk-zo-rekenen-we"
    assert urls.region_year("noord", 2026, "acute-zorg") == "#regio-noord-acute-zorg"
    assert urls.region_year("noord", 2025) == "../../regios/noord/2025/"
    assert urls.file("landelijk/2026/grafieken/totalen.svg") == "../../landelijk/2026/grafieken/totalen.svg"
    files = EditionUrls(HOME, False, {"landelijk/2026/index.md": "landelijk"})
    assert (files.national_year(2026), files.national_year(2025)) == ("#landelijk", "../../landelijk/2025/index.html")


def test_a_parts_jump_list_lists_its_own_sections_under_its_own_id() -> None:
    text = f"### N {{ #p .print-deel }}\n\n{MARKER}\n\n#### A {{ #p-a }}\n\n##### A1 {{ #p-a1 }}\n\n#### B {{ #p-b }}\n\n#### C {{ #p-c }}\n"
    nav = add_jump_list(text, 4, "p-op-deze-pagina-kop")
    assert '<a href="#p-a">A</a></li><li><a href="#p-b">B</a></li><li><a href="#p-c">C</a>' in nav
    assert 'id="p-op-deze-pagina-kop"' in nav and 'aria-labelledby="p-op-deze-pagina-kop"' in nav and "p-a1" not in nav.split("</nav>")[0]


def test_guide_headings_shift_and_ids_get_the_chapter_prefix() -> None:
    text = '---\ntitle: "x"\n---\n\n# Escalatie\n\n## Het besluit\n\n### Daarna { #daarna .klein }\n'
    (out,) = included([Page("leidraad/escalatie.md", text, "leidraad-escalatie")])
    assert "title:" not in out
    assert "### Escalatie { #leidraad-escalatie .print-deel }" in out
    assert "#### Het besluit { #leidraad-escalatie-het-besluit }" in out
    assert "##### Daarna { #leidraad-escalatie-daarna .klein }" in out


def test_guide_links_become_anchors_between_chapters_and_are_rebased_otherwise() -> None:
    guide = Page(
        "leidraad/escalatie.md",
        "# Escalatie\n\nZie [de tafel](regionale-tafel.md#het-plan), [weg](regionale-tafel.md#nergens), [hier](#escalatie)"
        " en [regio's](../regios/index.md) en [extern](https://example.org/).\n\n```yaml\n# geen kop\n```\n",
        "leidraad-escalatie",
    )
    tafel = Page("leidraad/regionale-tafel.md", "# Tafel\n\n## Het plan\n", "leidraad-regionale-tafel")
    out_guide, _ = included([guide, tafel])
    assert "[de tafel](#leidraad-regionale-tafel-het-plan)" in out_guide
    assert "[weg](#leidraad-regionale-tafel)" in out_guide, "a fragment the chapter does not have falls back to the chapter"
    assert "[hier](#leidraad-escalatie)" in out_guide
    assert "[regio's](../../regios/index.md)" in out_guide and "[extern](https://example.org/)" in out_guide
    assert "```yaml\n# geen kop\n```" in out_guide, "code blocks stay as they are"


def test_every_region_year_page_is_in_its_years_edition(project: Project) -> None:
    outputs = site(project)
    text = edition(outputs)
    assert "search:\n  exclude: true" in text
    for slug in ("noord", "zuid"):
        assert f"{{ #regio-{slug} .print-deel }}" in text
    assert "{ #leidraad-escalatie .print-deel }" in text, "the guide's chapters are in it"
    assert "{ #landelijk .print-deel }" in text, "and the national summary"
    assert '<span data-pdf-link="../dossier-2026.pdf"></span>' in text
    assert "{ #regio-noord .print-deel }" in edition(outputs, "downloads/dossier-2025/index.md")
    assert "regio-zuid" not in edition(outputs, "downloads/dossier-2025/index.md")


@pytest.mark.parametrize("path", [HOME, "downloads/dossier-2025/index.md"])
def test_every_in_page_link_of_the_edition_names_an_id_of_it_and_no_id_repeats(project: Project, path: str) -> None:
    page = anchors(edition(site(project), path))
    repeated = sorted({i for i in page.ids if page.ids.count(i) > 1})
    assert not repeated, f"ids die meer dan eens voorkomen: {repeated}"
    broken = sorted(set(page.links) - set(page.ids))
    assert not broken, f"links binnen de pagina naar een id dat er niet is: {broken}"
    assert len(page.links) > 100, "the parts' own links, jump lists and cross-references are all checked"


def test_a_region_part_links_to_the_national_part_inside_the_edition(project: Project) -> None:
    text = edition(site(project))
    region = text[text.index("{ #regio-noord .print-deel }"):text.index("{ #regio-zuid .print-deel }")]
    assert 'href="#landelijk-zo-rekenen-we"' in region, "the link to the national rules is an anchor in this page"
    assert 'href="#regio-noord-' in region, "its own links stay inside its own part"
    assert "landelijk/2026/" not in region.replace("landelijk/2026/grafieken", ""), "no link leaves the edition for the national page"
    national = text[text.index("{ #landelijk .print-deel }"):text.index("{ #deel-regios")]
    assert 'href="#regio-noord"' in national, "the national part links to the region parts in this page"


def test_only_the_hand_written_guide_goes_through_the_include_step(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    assert importlib.util.find_spec("build_scripts.render.page_merge") is None, "no regex pass over generated pages"
    seen: list[str] = []
    real = include_markdown.include

    def spy(page: Page, *args: object, **kwargs: object) -> str:
        seen.append(page.src)
        return real(page, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("build_scripts.render.print_edition.include", spy)
    edition(site(project))
    assert seen and all(src.startswith("leidraad/") for src in seen), seen

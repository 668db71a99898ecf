"""The one URL builder (#25): every internal link of a generated page comes from ``contract.site_paths.Urls``.

No template spells an internal path; the builder names every page of the site map in both URL
styles (folders for the published site, files for a preview), and each of those exists in a build.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from built_site import BuiltSite, build_once

from build_scripts.contract.site_paths import Urls
from build_scripts.reading.load import load_dataset
from conftest import REPO

TEMPLATES = REPO / "build_scripts" / "render" / "templates"
_LINK = re.compile(r'\b(href|src|data-pdf-link)="([^"]*)"')
_ALLOWED = re.compile(r"^(#|mailto:|https?://|\{\{ (regio\.)?urls\.|\{\{ regio\.website \}\}$|\{\{ backend\.)")
"""What a template may put in a link: an anchor on the same page, an outside address, or what the builder gives."""


def test_no_template_builds_an_internal_link_by_hand() -> None:
    found = [
        f"{path.name}: {m.group(0)}"
        for path in sorted(TEMPLATES.glob("*.j2"))
        for m in _LINK.finditer(path.read_text(encoding="utf-8"))
        if not _ALLOWED.match(m.group(2))
    ]
    assert found == []
    asked = sum(len(re.findall(r"\burls\.", p.read_text(encoding="utf-8"))) for p in TEMPLATES.glob("*.j2"))
    assert asked >= 60  # the ~66 hand-built links of before now ask the builder


@pytest.mark.parametrize(
    ("here", "folder", "file"),
    [
        ("index.md", "regios/utrecht/2026/", "regios/utrecht/2026/index.html"),
        ("regios/utrecht/index.md", "2026/", "2026/index.html"),
        ("regios/noord/2026/index.md", "../../utrecht/2026/", "../../utrecht/2026/index.html"),
        ("regios/utrecht/2026/index.md", "./", "index.html"),
        ("landelijk/2026/wijzigingen/index.md", "../../../regios/utrecht/2026/", "../../../regios/utrecht/2026/index.html"),
    ],
)
def test_a_page_url_is_relative_to_the_page_and_in_its_style(here: str, folder: str, file: str) -> None:
    assert Urls(here).region_year("utrecht", 2026) == folder
    assert Urls(here, directory_urls=False).region_year("utrecht", 2026) == file


def test_anchor_query_and_files_keep_their_place() -> None:
    urls = Urls("invulhulp/index.md", directory_urls=False)
    assert urls.invulhulp_form("bestand=a&zonder-account") == "formulier/index.html?bestand=a&zonder-account"
    assert Urls("regios/utrecht/2026/index.md").national_year(2026, "zo-rekenen-we") == "../../../landelijk/2026/#zo-rekenen-we"
    assert Urls("regios/utrecht/2026/index.md", directory_urls=False).region_ics("utrecht") == "../jaaragenda.ics"
    assert Urls("downloads/index.md").download("regios/utrecht.csv") == "regios/utrecht.csv"
    assert Urls("index.md").home() == "./" and Urls("index.md", directory_urls=False).home() == "index.html"
    assert Urls("regios/index.md").home() == "../" and Urls("regios/index.md", directory_urls=False).home() == "../index.html"


def every_page(urls: Urls) -> Iterator[tuple[str, str]]:
    """Every page and feed of the site map for the repository's data, asked of the builder by name: (method, URL)."""
    dataset, _problems = load_dataset(REPO)
    jaren = dataset.jaren
    yield from (
        (name, getattr(urls, name)()) for name in ("home", "regions", "national", "agenda", "downloads", "invulhulp", "invulhulp_form", "national_feed")
    )
    for jaar in jaren:
        yield from [
            ("national_year", urls.national_year(jaar)), ("bespreekpunten", urls.bespreekpunten(jaar)),
            ("agenda_year", urls.agenda_year(jaar)), ("agenda_ics", urls.agenda_ics(jaar)),
            ("print_edition", urls.print_edition(jaar)), ("download", urls.download(f"landelijk-{jaar}.csv")),
        ]
        if jaar - 1 in jaren:
            yield "national_changes", urls.national_changes(jaar)
    for slug, region in dataset.published_regions().items():
        yield "region", urls.region(slug)
        yield "region_ics", urls.region_ics(slug)
        yield "region_feed", urls.region_feed(slug)
        yield "download", urls.download(f"regios/{slug}.csv")
        for jaar in region.jaren:
            yield "region_year", urls.region_year(slug, jaar)
            if jaar - 1 in region.jaren:
                yield "region_changes", urls.region_changes(slug, jaar)


def _missing(site: Path, directory_urls: bool) -> tuple[list[str], set[str]]:
    asked: set[str] = set()
    missing = []
    for name, url in every_page(Urls("index.md", directory_urls)):
        asked.add(name)
        path = site / url.split("?")[0]
        target = path / "index.html" if url.endswith("/") else path
        if not target.is_file():
            missing.append(f"{name}: {url}")
    return missing, asked


def _site_map_methods() -> set[str]:
    return {n for n, _ in inspect.getmembers(Urls, inspect.isfunction) if not n.startswith("_") and n not in ("page", "file")}


@pytest.mark.slow
def test_every_page_the_builder_names_exists_in_the_published_site(tmp_path_factory: pytest.TempPathFactory) -> None:
    site: BuiltSite = build_once(tmp_path_factory)
    missing, asked = _missing(site.root, directory_urls=True)
    assert missing == []
    assert asked == _site_map_methods()  # a new kind of page in the builder is checked here too


@pytest.mark.slow
def test_every_page_the_builder_names_exists_as_a_file_in_the_preview(tmp_path_factory: pytest.TempPathFactory) -> None:
    site: BuiltSite = build_once(tmp_path_factory, preview=True)
    missing, asked = _missing(site.root, directory_urls=False)
    assert missing == []
    assert asked == _site_map_methods()

"""The merge-request preview (engines/preview.py): a build that opens as plain files and names itself.

The preview is crawled as a file server would serve it (GitLab's artifact browser, a downloaded
copy): no folder turns into its ``index.html``. The same crawl of the published build fails,
which is why the published build alone is no preview.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from built_site import PREVIEW_ENV, BuiltSite, build_once
from test_links import broken_links, parse

from build_scripts.engines.preview import Preview, PreviewError, preview_from_env
from conftest import FIXTURES, prepare_site_project

pytestmark = pytest.mark.slow
BANNER = "Voorbeeld van samenvoegverzoek !15 — nog niet gepubliceerd"
NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_once(tmp_path_factory, preview=True)


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_once(tmp_path_factory)


def test_preview_opens_as_files_every_link_and_asset_resolves(preview_site: BuiltSite) -> None:
    pages = list(preview_site.root.rglob("*.html"))
    links = sum(len(parse(p).links) for p in pages)
    assert len(pages) >= 10 and links > 1000, f"te weinig om te controleren: {len(pages)} pagina's, {links} links"
    assert (preview_site.root / "leidraad/waarom.html").is_file(), "een voorbeeld heeft geen map per pagina"
    broken = list(broken_links(preview_site.root, public=PREVIEW_ENV["DOSSIER_PREVIEW_SITE_URL"], directory_index=False))
    assert broken == [], f"{len(broken)} links werken niet zonder webserver:\n" + "\n".join(broken[:40])


def test_published_build_does_not_open_as_files(published_site: BuiltSite) -> None:
    """The check above fails on the published build: its links name folders (``regios/utrecht/2026/``)."""
    broken = list(broken_links(published_site.root, directory_index=False))
    to_folders = [b for b in broken if re.search(r": \S*/(#\S*)? → ", b)]
    assert len(to_folders) > 100, broken[:5]
    assert any(f"regios/{published_site.regio}/{published_site.jaar}/" in b for b in to_folders)


class _Banner(HTMLParser):
    """The preview banner of a page: its text and where it links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text = ""
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or (tag == "p" and ("class", "voorbeeld-mr") in attrs):
            self.depth += 1
            self.hrefs += [v or "" for k, v in attrs if tag == "a" and k == "href"]

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1 if self.depth else 0

    def handle_data(self, data: str) -> None:
        self.text += data if self.depth else ""


def _banner(page: Path) -> _Banner:
    banner = _Banner()
    banner.feed(page.read_text(encoding="utf-8"))
    return banner


def test_every_preview_page_has_the_banner_and_noindex(preview_site: BuiltSite) -> None:
    pages = sorted(preview_site.root.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        banner = _banner(page)
        assert NOINDEX in text.split("</head>")[0], page
        assert banner.text.startswith(BANNER), (page, banner.text)
        assert banner.hrefs == [PREVIEW_ENV["DOSSIER_PREVIEW_URL"]], page
    assert len(pages) >= 10


def test_no_published_page_has_either(published_site: BuiltSite) -> None:
    pages = sorted(published_site.root.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "noindex" not in text and "voorbeeld-mr" not in text and BANNER not in text, page
        assert 'class="md-banner"' not in text, page  # no empty announcement bar either


def test_preview_comes_from_the_environment_only() -> None:
    assert preview_from_env({}) is None and preview_from_env({"DOSSIER_PREVIEW": " "}) is None
    preview = preview_from_env(PREVIEW_ENV)
    assert preview == Preview("!15", PREVIEW_ENV["DOSSIER_PREVIEW_URL"], PREVIEW_ENV["DOSSIER_PREVIEW_SITE_URL"])
    assert preview.config() == {
        "use_directory_urls": False,
        "site_url": PREVIEW_ENV["DOSSIER_PREVIEW_SITE_URL"],
        "extra": {"preview": {"ref": "!15", "banner": BANNER, "url": PREVIEW_ENV["DOSSIER_PREVIEW_URL"]}},
    }
    github = preview_from_env({"DOSSIER_PREVIEW": "#7", "DOSSIER_PREVIEW_SITE_URL": "https://o.github.io/r/pr-preview/pr-7"})
    assert github is not None and github.site_url == "https://o.github.io/r/pr-preview/pr-7/" and github.request_url is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DOSSIER_PREVIEW": "15"}, "verwacht '!' of '#'"),
        ({"DOSSIER_PREVIEW": "!15<script>"}, "verwacht '!' of '#'"),
        ({"DOSSIER_PREVIEW": "!15", "DOSSIER_PREVIEW_URL": "javascript:alert(1)"}, "geen webadres"),
        ({"DOSSIER_PREVIEW": "!15", "DOSSIER_PREVIEW_SITE_URL": 'https://x.org/"><b>'}, "geen webadres"),
    ],
)
def test_a_preview_variable_ci_never_sets_stops_the_build(env: dict[str, str], message: str) -> None:
    with pytest.raises(PreviewError, match=message):
        preview_from_env(env)


PAGES_JOB = {
    "DOSSIER_PREVIEW": "!15", "DOSSIER_PREVIEW_PAGES_PREFIX": "mr-15", "CI_PIPELINE_SOURCE": "merge_request_event",
    "CI_MERGE_REQUEST_IID": "15", "CI_PAGES_URL": "https://cruciale-ggz.gitlab.io/dossier/mr-15",
    "CI_SERVER_VERSION": "18.2.1", "CI_SERVER_VERSION_MAJOR": "18", "CI_SERVER_VERSION_MINOR": "2",
}


def test_a_pages_preview_is_built_for_its_prefix() -> None:
    preview = preview_from_env(PAGES_JOB)
    assert preview is not None and preview.site_url == "https://cruciale-ggz.gitlab.io/dossier/mr-15/"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"CI_PAGES_URL": "https://cruciale-ggz.gitlab.io/dossier"}, "eindigt niet op /mr-15"),  # prefix not applied: the site's root
        ({"CI_PIPELINE_SOURCE": "push"}, "geen pijplijn van samenvoegverzoek !15"),
        ({"CI_MERGE_REQUEST_IID": ""}, "geen pijplijn van samenvoegverzoek !15"),
        ({"DOSSIER_PREVIEW_PAGES_PREFIX": "mr-16", "CI_PAGES_URL": "https://cruciale-ggz.gitlab.io/dossier/mr-16"}, "is niet mr-15"),
        ({"CI_SERVER_VERSION": "17.8.0", "CI_SERVER_VERSION_MAJOR": "17", "CI_SERVER_VERSION_MINOR": "8"}, "GitLab 17.8.0 heeft nog geen"),
        ({"CI_SERVER_VERSION_MAJOR": ""}, "heeft nog geen parallelle"),
    ],
)
def test_a_pages_preview_refuses_what_could_replace_the_published_site(change: dict[str, str], message: str) -> None:
    with pytest.raises(PreviewError, match=message) as caught:
        preview_from_env({**PAGES_JOB, **change})
    assert "gepubliceerde site kunnen vervangen" in str(caught.value)


def test_the_build_stops_before_writing_a_preview_that_could_replace_the_site(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "mini", tmp_path / "proj")
    prepare_site_project(tmp_path / "proj")
    env = {**os.environ, **PAGES_JOB, "CI_PAGES_URL": "https://cruciale-ggz.gitlab.io/dossier", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "public")],
                            cwd=tmp_path / "proj", env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "voorbeeld niet gebouwd" in result.stderr and "eindigt niet op /mr-15" in result.stderr
    assert not (tmp_path / "public").exists()

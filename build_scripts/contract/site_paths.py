"""Where the generated pages live, and the one URL builder (``Urls``) every internal link comes from, in either URL style.

People link to these addresses (see the site map in the design), so they are part of the
contract like the YAML keys. A page is named by its source path (``regios/utrecht/2026/index.md``);
:func:`page_url` gives the link a web server resolves (``regios/utrecht/2026/``) or, for a build
browsed as plain files (a merge request's preview), the file itself (``…/index.html``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_WEB_ADDRESS = re.compile(r"https?://[^\s\"'<>()\[\]`]+")


def region_page(slug: str) -> str:
    return f"regios/{slug}/index.md"


def region_year_page(slug: str, jaar: int) -> str:
    return f"regios/{slug}/{jaar}/index.md"


def region_changes_page(slug: str, jaar: int) -> str:
    return f"regios/{slug}/{jaar}/wijzigingen/index.md"


def national_year_page(jaar: int) -> str:
    return f"landelijk/{jaar}/index.md"


def national_changes_page(jaar: int) -> str:
    return f"landelijk/{jaar}/wijzigingen/index.md"


def bespreekpunten_page(jaar: int) -> str:
    return f"landelijk/{jaar}/bespreekpunten/index.md"


def agenda_year_page(jaar: int) -> str:
    return f"jaaragenda/{jaar}/index.md"


def print_edition_page(jaar: int) -> str:
    return f"downloads/dossier-{jaar}/index.md"


NATIONAL_FEED = "wijzigingen.xml"
"""The Atom feed of every published change.

Feeds sit at the site's root: Material's script fetches ``sitemap.xml`` next to every
``<link rel="alternate">`` of a page (for its language switch), and only the root has one.
"""


def region_feed(slug: str) -> str:
    """The site path of a region's Atom feed."""
    return f"wijzigingen-{slug}.xml"


def zorgvorm_anchor(zorgvorm: str) -> str:
    """The id of a care form's section on a region-year page: ``klinische_zorg`` → ``klinische-zorg``."""
    return zorgvorm.replace("_", "-")


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL of a Markdown page, as MkDocs makes it: ``a/b.md`` → ``a/b/``, ``a/index.md`` → ``a/``;
    without directory URLs ``a/b.html`` and ``a/index.html``."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def is_web_address(text: str) -> bool:
    """An http(s) address that is safe as it is in an HTML attribute and a Markdown link (CI gives it; never a region)."""
    return _WEB_ADDRESS.fullmatch(text) is not None


@dataclass(frozen=True)
class Urls:
    """Every internal URL of the site, asked for by name, relative to the page being written, in one URL style.

    Like MkDocs' ``File.url`` and Datasette's ``url_builder``: templates and page builders never
    spell a path; they ask ``urls.region_year("utrecht", 2026)`` and get ``../../regios/utrecht/2026/``
    (directory URLs, the published site) or ``../../regios/utrecht/2026/index.html`` (file URLs: a
    merge request's preview browsed as plain files). ``here`` is the source path of the page
    being written (all generated pages are ``…/index.md``, or the form's ``…/index.html``).
    """

    here: str
    directory_urls: bool = True

    def page(self, src: str, anchor: str | None = None, query: str | None = None) -> str:
        """A page by its source path (``landelijk/2026/index.md``), with an optional ``?query`` and ``#anchor``."""
        return self._relative(page_url(src, self.directory_urls)) + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")

    def file(self, path: str) -> str:
        """A file that is not a page (a CSV, a calendar feed, a chart, the form's script) by its site path."""
        return self._relative(path)

    def _relative(self, target: str) -> str:
        base = posixpath.dirname(self.here)
        relative = posixpath.relpath(target or ".", base or ".")
        if relative == ".":
            return "./" if target.endswith("/") or not target else ""
        return relative + "/" if target.endswith("/") or not target else relative

    # The site map (design/architecture.md): one method per kind of page.
    def home(self) -> str:
        return self.page("index.md")

    def regions(self) -> str:
        return self.page("regios/index.md")

    def region(self, slug: str) -> str:
        return self.page(region_page(slug))

    def region_year(self, slug: str, jaar: int, anchor: str | None = None) -> str:
        return self.page(region_year_page(slug, jaar), anchor)

    def region_changes(self, slug: str, jaar: int, anchor: str | None = None) -> str:
        return self.page(region_changes_page(slug, jaar), anchor)

    def region_ics(self, slug: str) -> str:
        return self.file(f"regios/{slug}/jaaragenda.ics")

    def national(self) -> str:
        return self.page("landelijk/index.md")

    def national_year(self, jaar: int, anchor: str | None = None) -> str:
        return self.page(national_year_page(jaar), anchor)

    def national_changes(self, jaar: int) -> str:
        return self.page(national_changes_page(jaar))

    def bespreekpunten(self, jaar: int) -> str:
        return self.page(bespreekpunten_page(jaar))

    def agenda(self) -> str:
        return self.page("jaaragenda/index.md")

    def agenda_year(self, jaar: int) -> str:
        return self.page(agenda_year_page(jaar))

    def agenda_ics(self, jaar: int) -> str:
        return self.file(f"jaaragenda/{jaar}/alle.ics")

    def downloads(self) -> str:
        return self.page("downloads/index.md")

    def download(self, name: str) -> str:
        """A file under ``downloads/`` (``landelijk-2026.csv``, ``regios/utrecht.csv``)."""
        return self.file(f"downloads/{name}")

    def print_edition(self, jaar: int) -> str:
        return self.page(print_edition_page(jaar))

    def national_feed(self) -> str:
        return self.file(NATIONAL_FEED)

    def region_feed(self, slug: str) -> str:
        return self.file(region_feed(slug))

    def invulhulp(self) -> str:
        return self.page("invulhulp/index.md")

    def invulhulp_form(self, query: str | None = None) -> str:
        return self.page("invulhulp/formulier/index.md", query=query)


@dataclass(frozen=True)
class EditionUrls(Urls):
    """The URL builder of a page that bundles other pages as parts (the yearly print edition).

    ``parts`` maps the source path of every page in the bundle to the id prefix of its part: a
    link to such a page is an anchor in this page (``#regio-utrecht`` or ``#regio-utrecht-<anchor>``);
    every other page and file is an ordinary link relative to ``here``, as :class:`Urls` makes it.
    """

    parts: Mapping[str, str] = field(default_factory=dict)

    def page(self, src: str, anchor: str | None = None, query: str | None = None) -> str:
        prefix = self.parts.get(src)
        if prefix is None:
            return super().page(src, anchor, query)
        return f"#{prefix}-{anchor}" if anchor else f"#{prefix}"

"""Where the generated pages live: the site map's public URLs, in either URL style.

People link to these addresses (see the site map in the design), so they are part of the
contract like the YAML keys. A page is named by its source path (``regios/utrecht/2026/index.md``);
:func:`page_url` gives the link a web server resolves (``regios/utrecht/2026/``) or, for a build
browsed as plain files (a merge request's preview), the file itself (``…/index.html``).
"""

from __future__ import annotations

import re

_WEB_ADDRESS = re.compile(r"https?://[^\s\"'<>()\[\]`]+")


def region_page(slug: str) -> str:
    return f"regios/{slug}/index.md"


def region_year_page(slug: str, jaar: int) -> str:
    return f"regios/{slug}/{jaar}/index.md"


def national_year_page(jaar: int) -> str:
    return f"landelijk/{jaar}/index.md"


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

"""The merge-request preview: the same site, built to be browsed as plain files, saying what it is.

A preview is served where no web server turns ``regios/utrecht/`` into its ``index.html``
(GitLab's artifact browser serves single files; a downloaded copy is opened from disk), so every
link must name a file. It also names itself: a banner on every page and ``noindex`` for search
engines. CI switches it on with the ``DOSSIER_PREVIEW*`` settings (:mod:`build_scripts.settings`);
the published site never sets them.

Engine-neutral: every engine door reads :func:`preview_from_env` and applies the same settings
(``use_directory_urls: false``, ``extra.preview``, the preview's ``site_url``) and the same
:func:`file_links` rewrite of the generated pages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from html import escape
from typing import Any

from ..contract.site_paths import is_web_address
from ..render.context import Output
from ..settings import Settings, read_settings

PREVIEW_ENV, PREVIEW_URL_ENV = Settings.variable("preview"), Settings.variable("preview_url")
PREVIEW_SITE_URL_ENV, PAGES_PREFIX_ENV = Settings.variable("preview_site_url"), Settings.variable("preview_pages_prefix")
PAGES_SINCE = (17, 9)
"""GitLab version from which parallel deployments are generally available."""

_REF = re.compile(r"[!#][0-9]{1,9}")
_LINK = re.compile(r'\b(href|src)="([^"]*)"')
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/|#)")


class PreviewError(ValueError):
    """A preview variable with a value CI should never produce; the build stops with this message."""


@dataclass(frozen=True)
class Preview:
    """One merge request's preview build."""

    ref: str
    request_url: str | None = None
    site_url: str | None = None

    @property
    def banner(self) -> str:
        return f"Voorbeeld van samenvoegverzoek {self.ref} — nog niet gepubliceerd"

    @property
    def banner_html(self) -> str:
        """The banner as every page of the preview shows it (theme ``main.html`` and :func:`mark_static_page`), escaped."""
        title = escape(self.banner)
        link = f'<a href="{escape(self.request_url)}">{title}</a>' if self.request_url else title
        return f'<p class="voorbeeld-mr" role="note"><strong>{link}</strong>. De gepubliceerde site verandert pas als het verzoek is samengevoegd.</p>'

    def config(self) -> dict[str, Any]:
        """The engine settings of a preview, as ``mkdocs.yml`` keys (``extra.preview`` for the theme)."""
        settings: dict[str, Any] = {
            "use_directory_urls": False,
            "extra": {"preview": {"ref": self.ref, "banner": self.banner, "url": self.request_url}},
        }
        if self.site_url:
            settings["site_url"] = self.site_url
        return settings


def preview_from_env(env: Mapping[str, str]) -> Preview | None:
    """The preview CI asked for, or ``None`` for the published site (no ``DOSSIER_PREVIEW``).

    ``env`` is the environment the entry point was given: the ``DOSSIER_PREVIEW*`` settings are read
    from it, and a Pages preview's guard also reads GitLab's own ``CI_*`` variables.
    """
    settings = read_settings(env)
    ref = (settings.preview or "").strip()
    if not ref:
        return None
    if not _REF.fullmatch(ref):
        raise PreviewError(f"{PREVIEW_ENV}={ref!r}: verwacht '!' of '#' met het nummer van het samenvoegverzoek, bijvoorbeeld !15")
    request_url = _web_address(settings.preview_url, PREVIEW_URL_ENV)
    prefix = settings.preview_pages_prefix
    site_url = _pages_site_url(env, ref, prefix) if prefix else _web_address(settings.preview_site_url, PREVIEW_SITE_URL_ENV)
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    return Preview(ref, request_url, site_url)


def _web_address(setting: str | None, name: str) -> str | None:
    value = (setting or "").strip()
    if value and not is_web_address(value):
        raise PreviewError(f"{name}={value!r}: geen webadres (http:// of https://)")
    return value or None


def _pages_site_url(env: Mapping[str, str], ref: str, prefix: str) -> str:
    """The guard of a Pages preview: build only if GitLab deploys it under ``mr-<iid>/``, never as the published site.

    A Pages job whose ``path_prefix`` GitLab does not apply (no parallel deployments on the
    tier, an older version) deploys to the site's root: the job must fail before that.
    """
    iid = ref[1:]
    pages_url = env.get("CI_PAGES_URL", "").rstrip("/")
    problems = []
    if env.get("CI_PIPELINE_SOURCE") != "merge_request_event" or env.get("CI_MERGE_REQUEST_IID") != iid or not ref.startswith("!"):
        problems.append(f"dit is geen pijplijn van samenvoegverzoek {ref}")
    if prefix != f"mr-{iid}":
        problems.append(f"{PAGES_PREFIX_ENV}={prefix!r} is niet mr-{iid}")
    if not pages_url.endswith(f"/{prefix}"):
        problems.append(f"CI_PAGES_URL={pages_url!r} eindigt niet op /{prefix}: GitLab zou het voorbeeld als de site zelf uitrollen")
    if _version(env) < PAGES_SINCE:
        problems.append(f"GitLab {env.get('CI_SERVER_VERSION', '?')} heeft nog geen parallelle Pages-deployments (vanaf 17.9)")
    if problems:
        raise PreviewError("voorbeeld niet gebouwd, want het zou de gepubliceerde site kunnen vervangen: " + "; ".join(problems))
    return pages_url + "/"


def _version(env: Mapping[str, str]) -> tuple[int, int]:
    try:
        return int(env.get("CI_SERVER_VERSION_MAJOR", "")), int(env.get("CI_SERVER_VERSION_MINOR", ""))
    except ValueError:
        return (0, 0)


def file_links(outputs: Mapping[str, Output]) -> dict[str, Output]:
    """The generated pages with every relative link to a folder pointing at its ``index.html``.

    Generated pages are all ``…/index.md``, so they sit at the same depth with or without
    directory URLs; only their raw-HTML links (``regios/utrecht/2026/``) name folders. Markdown
    links name ``.md`` files, which every engine resolves itself, and are left alone.
    """
    return {
        path: replace(output, content=_LINK.sub(_file_link, output.content))
        if path.endswith(".md") and isinstance(output.content, str) else output
        for path, output in outputs.items()
    }


def mark_static_page(html: str, preview: Preview) -> str:
    """A hand-written HTML page the theme does not render (the invulhulp's form) marked as the theme marks a preview page.

    Its links name files, ``noindex`` goes into its head and the banner (``main.html``'s, the same
    words) opens its body, so no page of a preview passes for the published site.
    """
    html = _LINK.sub(_file_link, html).replace("</head>", '<meta name="robots" content="noindex">\n</head>', 1)
    return re.sub(r"<body\b[^>]*>", lambda m: m[0] + preview.banner_html, html, count=1)


def _file_link(match: re.Match[str]) -> str:
    url = match.group(2)
    if not url or _EXTERNAL.match(url):
        return match.group(0)
    path, mark, rest = _split(url)
    if path in (".", "./"):
        path = "index.html"
    elif path.endswith("/") or path == "..":
        path = path.rstrip("/") + "/index.html"
    return f'{match.group(1)}="{path}{mark}{rest}"'


def _split(url: str) -> tuple[str, str, str]:
    """``a/b/?x#y`` → (``a/b/``, ``?``, ``x#y``): the path, and what follows it untouched."""
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    return url[:cut], url[cut:cut + 1], url[cut + 1:]

"""The Content-Security-Policy of every page: the site's own scripts only, and no request to another host.

GitLab Pages and GitHub Pages set no response headers of ours, so the policy is a ``<meta
http-equiv="Content-Security-Policy">`` at the top of every page's ``<head>`` (theme ``main.html``
for the pages the theme renders, :func:`form_policy` in the invulhulp's own page). A meta policy
cannot carry ``frame-ancestors``, ``report-uri`` or ``sandbox``; browsers ignore them there.

No page has an inline script the policy would have to allow: the theme's small inline scripts
(Material's and Zensical's scope, palette and tab scripts) are files in ``content/assets/``
(``theme/partials/javascripts/``), and ``__config`` is a JSON data block, which a policy does not
run. So ``script-src 'self'`` needs no hash and no nonce.

Three allowances, each where it is needed and why:

- ``style-src 'unsafe-inline'``: Zensical's search dialog puts a ``<style>`` into its shadow root
  and Decap CMS styles its components with ``<style>`` elements (emotion). CSS cannot run a
  script, and the way injected CSS leaks data (a background image from another host) is closed by
  ``img-src``, ``font-src`` and ``connect-src``. A hash of Zensical's stylesheet would pin the
  policy to one release of its bundle, and Decap's styles are made at run time.
- ``script-src 'unsafe-eval'`` on the form's page only: Decap validates its configuration with
  ajv, which compiles the schema with ``new Function``; without it the form does not start. It
  lets no injected markup run (inline scripts and handlers stay refused); our code and Decap pass
  no reader's or region's text to ``eval``.

- ``script-src 'wasm-unsafe-eval'``: the site's search (Pagefind) compiles its own WebAssembly
  module, fetched from this site, to read the index fragments. It allows compiling WebAssembly
  only; JavaScript ``eval`` stays refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

SITE: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'wasm-unsafe-eval'"),  # see above: Pagefind's WebAssembly
    "style-src": ("'self'", "'unsafe-inline'"),  # see above
    "img-src": ("'self'", "data:"),  # Material's icons are data: URIs in its CSS
    "font-src": ("'self'",),
    "connect-src": ("'self'",),  # the search index fragments, the invulhulp's generated files
    "worker-src": ("'self'",),  # a search worker of the engine's own, where one runs
    "object-src": ("'none'",),
    "frame-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
"""Every page: this site's own files, nothing from anywhere else."""

LOCAL_BACKEND = "http://localhost:8081"
"""Decap's local backend (decap-server), which Decap asks only when the page itself is served from this machine."""


def policy(extra: Mapping[str, Sequence[str]] | None = None) -> str:
    """The site's policy, with ``extra`` sources added per directive."""
    extra = extra or {}
    return "; ".join(f"{name} {' '.join((*sources, *extra.get(name, ())))}" for name, sources in SITE.items())


def form_policy(code_host: Sequence[str]) -> str:
    """The invulhulp's page: the site's policy, plus the code host's API (``code_host``: its origins) and Decap's ``'unsafe-eval'``."""
    return policy({"script-src": ("'unsafe-eval'",), "connect-src": (*code_host, LOCAL_BACKEND), "img-src": (*code_host, "blob:")})


SITE_POLICY = policy()

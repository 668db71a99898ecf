"""``dossier pdf``: print each year's print edition of a built site to ``downloads/dossier-<jaar>.pdf``.

Chromium prints the page exactly as a reader's browser would, with the same print stylesheet, so
there is one layout to keep right. It runs after ``mkdocs build`` (the build itself needs no
browser); once a PDF exists, the placeholders ``<span data-pdf-link="…">`` in the built pages
become links to it, so a site built without Chromium never links a PDF that is not there.
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ..settings import Settings, read_settings

CHROMIUM_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
_PLACEHOLDER = re.compile(r'<span data-pdf-link="([^"]+)"></span>')
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)\d{14}")
_PAGE_DATE = re.compile(r'<time class="print-peildatum" datetime="(\d{4})-(\d{2})-(\d{2})"')
_PUBLIC_LINKS = """([local, pub]) => document.querySelectorAll('a[href]').forEach(a => {
  if (a.getAttribute('href').startsWith('#') || !a.href.startsWith(local)) return;
  a.setAttribute('href', pub + a.href.slice(local.length));
  if (a.hasAttribute('data-print-href')) a.setAttribute('data-print-href', a.getAttribute('href'));
})"""
_FOOTER = (
    '<div style="font-size:8px;width:100%;padding:0 14mm;display:flex;justify-content:space-between;font-family:sans-serif">'
    '<span>{title}</span><span>bladzijde <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>'
)


class PdfError(Exception):
    """The PDF could not be made (no site, no browser); the message is Dutch, for the CLI."""


def find_chromium(settings: Settings | None = None) -> str:
    """The Chromium to drive: ``DOSSIER_CHROMIUM``, else Debian's ``chromium`` on the PATH."""
    chosen = (settings or read_settings()).chromium
    for candidate in (str(chosen) if chosen else None, shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    raise PdfError(f"Chromium niet gevonden: installeer het pakket 'chromium' of zet {Settings.variable('chromium')}")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 on a free port for the duration; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium(executable: str | None = None) -> Iterator[Any]:
    """A headless Chromium driven by Playwright (its pip package ships the driver, no download)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise PdfError("Playwright ontbreekt: pip install -e '.[pdf]'") from exc
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable or find_chromium(), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def editions(site_dir: Path) -> dict[int, Path]:
    """Per year, the built print edition page."""
    found = {}
    for page in sorted((site_dir / "downloads").glob("dossier-*/index.html")):
        year = page.parent.name.removeprefix("dossier-")
        if year.isdigit():
            found[int(year)] = page
    return found


def make_pdfs(site_dir: Path, executable: str | None = None) -> list[Path]:
    """Print every year's edition to PDF, then link the PDFs from the built pages."""
    pages = editions(site_dir)
    if not pages:
        raise PdfError(f"geen afdrukversies gevonden onder {site_dir / 'downloads'}; is de site gebouwd?")
    written = []
    with serve(site_dir) as base, chromium(executable) as browser:
        page = browser.new_page()
        for year, html_file in pages.items():
            target = site_dir / "downloads" / f"dossier-{year}.pdf"
            _print(page, base + html_file.parent.relative_to(site_dir).as_posix() + "/", html_file, target, year)
            written.append(target)
    link_pdfs(site_dir)
    return written


def _print(page: Any, url: str, html_file: Path, target: Path, year: int) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate("document.querySelectorAll('details:not([open])').forEach(d => { d.open = true; })")
    public = _public_base(html_file, url)
    if public:
        # Links to other pages would point at this local server inside the PDF: use the public address.
        page.evaluate(_PUBLIC_LINKS, [url.split("downloads/")[0], public])
    page.pdf(
        path=str(target), format="A4", print_background=True, outline=True, tagged=True,
        margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
        display_header_footer=True, header_template="<span></span>",
        footer_template=_FOOTER.format(title=f"Cruciale ggz dossier {year}"),
    )
    _fix_dates(target, html_file)


def _public_base(html_file: Path, url: str) -> str | None:
    """The site's public root, from the page's canonical link (MkDocs writes it when site_url is set)."""
    match = _CANONICAL.search(html_file.read_text(encoding="utf-8"))
    if not match:
        return None
    page_part = "downloads/" + url.split("downloads/", 1)[1]
    return match.group(1).removesuffix(page_part) if match.group(1).endswith(page_part) else None


def _fix_dates(target: Path, html_file: Path) -> None:
    """Replace the clock time Chromium writes into the PDF by the edition's peildatum.

    Same length, so the PDF's byte offsets stay valid; the same site gives the same dates.
    """
    match = _PAGE_DATE.search(html_file.read_text(encoding="utf-8"))
    stamp = ("".join(match.groups()) if match else "20000101") + "000000"
    target.write_bytes(_PDF_DATE.sub(lambda m: m.group(1) + stamp.encode(), target.read_bytes()))


def link_pdfs(site_dir: Path) -> int:
    """Fill every PDF placeholder whose PDF exists with a link naming the file's size; returns how many."""
    filled = 0
    for html_file in sorted(site_dir.rglob("*.html")):
        text = html_file.read_text(encoding="utf-8")
        if "data-pdf-link=" not in text:
            continue
        new = _PLACEHOLDER.sub(functools.partial(_fill_placeholder, html_file.parent), text)
        if new != text:
            filled += new.count("data-pdf-gemaakt")
            html_file.write_text(new, encoding="utf-8")
    return filled


def _fill_placeholder(here: Path, match: re.Match[str]) -> str:
    return _pdf_link(here, match.group(1))


def _pdf_link(here: Path, href: str) -> str:
    pdf = (here / href).resolve()
    if not pdf.is_file():
        return f'<span data-pdf-link="{href}"></span>'
    size = pdf.stat().st_size / 1_000_000
    size_text = f"{size:.1f}".replace(".", ",")
    return f'<span data-pdf-link="{href}" data-pdf-gemaakt=""> · <a href="{href}" download>als pdf ({size_text} MB)</a></span>'

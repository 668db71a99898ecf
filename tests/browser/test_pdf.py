"""``dossier pdf`` prints each year's print edition with Chromium and only then links the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from built_site import BuiltSite

from build_scripts.engines.pdf import link_pdfs
from conftest import REPO

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_with_pdfs(built_site: BuiltSite, browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site after ``dossier pdf`` (the shared build stays as mkdocs left it)."""
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(built_site.root, site)
    # The real command, in its own process: Playwright's sync API allows one driver per process.
    result = subprocess.run([sys.executable, "-m", "build_scripts.cli", "pdf", "--site", str(site)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return site


def test_the_plain_build_links_no_pdf(built_site: BuiltSite) -> None:
    page = (built_site.root / built_site.url("afdrukversie") / "index.html").read_text(encoding="utf-8")
    assert f'<span data-pdf-link="../dossier-{built_site.jaar}.pdf"></span>' in page
    assert not list(built_site.root.glob("downloads/*.pdf"))
    assert not re.search(r'href="[^"]*\.pdf"', page)


def test_one_pdf_per_year_with_a_page_per_part(built_site: BuiltSite, site_with_pdfs: Path) -> None:
    years = sorted(p.name.removeprefix("dossier-") for p in built_site.root.glob("downloads/dossier-*") if p.is_dir())
    assert sorted(p.stem.removeprefix("dossier-") for p in site_with_pdfs.glob("downloads/*.pdf")) == years
    pdf = (site_with_pdfs / "downloads" / f"dossier-{built_site.jaar}.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    regions = [p.parent.name for p in built_site.root.glob(f"regios/*/{built_site.jaar}/index.html")]
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages >= len(regions) + 10, f"{pages} bladzijden voor {len(regions)} regio's en de leidraad"
    assert b"/StructTreeRoot" in pdf, "een getagde (toegankelijkere) pdf"
    assert b"/Title (Inhoud)" in pdf, "bladwijzers per kop"
    dates = set(re.findall(rb"/(?:CreationDate|ModDate) ?\(D:(\d{8})", pdf))
    edition = (built_site.root / built_site.url("afdrukversie") / "index.html").read_text(encoding="utf-8")
    peildatum = re.search(r'class="print-peildatum" datetime="([\d-]+)"', edition)
    assert peildatum is not None and dates == {peildatum.group(1).replace("-", "").encode()}, "de datum van de gegevens, niet de klok"


def test_pdf_link_appears_once_the_pdf_exists(built_site: BuiltSite, site_with_pdfs: Path) -> None:
    pdf = f"dossier-{built_site.jaar}.pdf"
    page = (site_with_pdfs / built_site.url("afdrukversie") / "index.html").read_text(encoding="utf-8")
    link = re.search(rf'<a href="\.\./{re.escape(pdf)}" download>als pdf \((\d+,\d) MB\)</a>', page)
    assert link is not None
    assert link_pdfs(site_with_pdfs) == 0, "a second run changes nothing"
    downloads = (site_with_pdfs / "downloads" / "index.html").read_text(encoding="utf-8")
    assert f'href="{pdf}"' in downloads, "de downloadpagina biedt de pdf aan"

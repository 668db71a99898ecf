"""The site's one search: a Pagefind index of the built site, made after the engine's build, the same on every door.

Pagefind (a static, fragment-based index with Dutch stemming) reads the finished HTML, so it
does not care which engine wrote it. It indexes only what the theme marks ``data-pagefind-body``
(every page's article, not the navigation; pages with ``search.exclude``, like the print
editions, are left unmarked), and writes ``pagefind/`` into the site: a reader's first search
fetches the small script, the Dutch WebAssembly and only the index chunks and result fragments
that query needs. Why Pagefind and not the engine's own search: docs/search.md.
No engine is imported here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"
LANGUAGE = "nl"
LEFT_OUT = (".headerlink",)
"""Inside the marked content but no words of the page: the ``¶`` of each heading's permalink."""
_INDEXED = re.compile(r"Indexed (\d+) pages")
_LANGUAGES = re.compile(r"Discovered \d+ languages?: (.+)")
_UNMARKED = "Did not find a data-pagefind-body element"


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message is Dutch."""


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind indexed: the number of pages and the languages it read from ``<html lang>``."""

    pages: int
    languages: tuple[str, ...]

    def summary(self) -> str:
        return f"zoekindex (Pagefind): {self.pages} pagina's, taal {', '.join(self.languages)}"


def index_site(site_dir: Path, directory_urls: bool = True) -> SearchIndex:
    """Write ``site_dir/pagefind/`` from the built pages (a fresh index each time); raises :class:`SearchIndexError`.

    ``directory_urls`` false (a merge request's preview, opened as files) keeps ``index.html`` in
    every result's address.
    """
    shutil.rmtree(site_dir / BUNDLE, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE]
    command += [arg for selector in LEFT_OUT for arg in ("--exclude-selectors", selector)]
    if not directory_urls:
        command.append("--keep-index-url")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind maakte geen zoekindex van {site_dir} (exit {result.returncode}):\n{output.strip()[-2000:]}")
    if _UNMARKED in output:
        raise SearchIndexError("geen enkele pagina is gemarkeerd met data-pagefind-body: het thema (main.html) mist de markering")
    pages, languages = _INDEXED.search(output), _LANGUAGES.search(output)
    found = SearchIndex(int(pages.group(1)) if pages else 0, tuple(languages.group(1).split(", ")) if languages else ())
    if found.languages != (LANGUAGE,):
        raise SearchIndexError(f"de zoekindex is niet (alleen) Nederlands maar {found.languages}: elke pagina moet <html lang=\"nl\"> hebben")
    return found

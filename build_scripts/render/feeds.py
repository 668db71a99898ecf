"""Atom feeds of published changes (RFC 4287): one for the whole dossier, one per region.

Journalists and regions subscribe instead of checking back. Each entry is one revision of one
data file (:mod:`..analysis.history`): its date, its merge request, a one-line summary, and a
link to the page whose "Geschiedenis" lists the change. Links are relative to the feed's own
address (Atom resolves them against it), so the feeds work on the published site and in a
preview alike. Entry ids are UUIDs derived from commit and file: stable across builds.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from ..analysis.history import Revisie
from ..contract.notation import dutch_date
from ..contract.site_paths import NATIONAL_FEED, national_year_page, region_feed, region_page, region_year_page
from .context import Output, SiteContext

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50  # the newest; older changes stay on the pages' history
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # what XML 1.0 cannot carry


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    targets = _targets(ctx)
    revisies = [(path, r) for path, r in ctx.geschiedenis.revisies("data/") if path in targets]
    yield NATIONAL_FEED, Output(_feed(ctx, NATIONAL_FEED, "Wijzigingen in het Cruciale ggz dossier", revisies, targets))
    for slug, region in ctx.dataset.published_regions().items():
        own = [(path, r) for path, r in revisies if path.startswith(f"data/regions/{slug}/")]
        yield region_feed(slug), Output(_feed(ctx, region_feed(slug), f"Wijzigingen in het dossier van {region.naam}", own, targets))


Target = tuple[str, str | None, str]
"""The page listing a file's changes (source path and anchor, linked through the URL builder), and how an entry names the file."""


def _targets(ctx: SiteContext) -> dict[str, Target]:
    """Data file → (its page's link, how an entry names the file); only files whose page exists."""
    targets: dict[str, Target] = {}
    for slug, region in ctx.dataset.published_regions().items():
        targets[region.regio_path] = (region_page(slug), None, f"{region.naam}, regiogegevens")
        for jaar, path in region.jaar_paths.items():
            if jaar in region.jaren:
                targets[path] = (region_year_page(slug, jaar), "geschiedenis", f"{region.naam}, cyclus {jaar}")
    for jaar, path in ctx.dataset.landelijk_paths.items():
        if jaar in ctx.dataset.landelijk:
            targets[path] = (national_year_page(jaar), None, f"Landelijke tafel, cyclus {jaar}")
    return targets


def _feed(ctx: SiteContext, feed_path: str, title: str, revisies: list[tuple[str, Revisie]], targets: dict[str, Target]) -> bytes:
    urls = ctx.urls(feed_path)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "nl"})
    _text(feed, "id", _urn(feed_path))
    _text(feed, "title", title)
    newest = revisies[0][1].commit.datum if revisies else ctx.data_datum or ctx.peildatum
    _text(feed, "updated", f"{newest.isoformat()}T00:00:00Z")
    author = ET.SubElement(feed, "author")
    _text(author, "name", "Cruciale ggz dossier")
    ET.SubElement(feed, "link", {"rel": "self", "href": urls.file(feed_path)})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": urls.home()})
    if not ctx.geschiedenis.bekend:
        _text(feed, "subtitle", "Herkomst onbekend: deze site is gebouwd zonder de volledige git-geschiedenis.")
    for path, revisie in revisies[:MAX_ENTRIES]:
        page, anchor, naam = targets[path]
        commit = revisie.commit
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", _urn(f"{commit.sha}/{path}"))
        _text(entry, "title", f"{naam}: {revisie.samenvatting}")
        _text(entry, "updated", f"{commit.datum.isoformat()}T00:00:00Z")
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": urls.page(page, anchor)})
        _text(entry, "summary", f"Op {dutch_date(commit.datum)} in {commit.ref}: {revisie.samenvatting}.")
    ET.indent(feed)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n").encode("utf-8")


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = _NOT_XML.sub("\ufffd", text)


def _urn(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'cruciale-ggz-dossier:' + key)}"

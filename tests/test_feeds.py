"""Atom feeds of published changes: well-formed per a feed library, each entry dated, referenced and linked to a page that exists."""

from __future__ import annotations

import datetime as dt
import posixpath
from urllib.parse import urldefrag

import feedparser
import pytest
from history_repo import make_history

from build_scripts.contract.site_paths import NATIONAL_FEED as LANDELIJK_FEED
from build_scripts.contract.site_paths import region_feed
from build_scripts.reading.load import load_dataset
from build_scripts.render.context import Output, make_context
from build_scripts.render.registry import generate_site
from conftest import Project


@pytest.fixture
def outputs(project: Project, stub_charts: list[str]) -> dict[str, Output]:
    make_history(project.root)
    dataset, _problems = load_dataset(project.root)
    return generate_site(make_context(dataset, peildatum=dt.date(2026, 7, 1)), workers=1)


def parse(outputs: dict[str, Output], path: str) -> feedparser.FeedParserDict:
    content = outputs[path].content
    assert isinstance(content, bytes)
    feed = feedparser.parse(content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def page_of(outputs: dict[str, Output], feed_path: str, href: str) -> str:
    """The generated Markdown page a link in a feed leads to (relative to the feed's own address)."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(feed_path), urldefrag(href).url))
    page = f"{target}/index.md" if target != "." else "index.md"
    assert page in outputs, f"{href} in {feed_path} leads nowhere ({page})"
    return page


def test_the_national_feed_lists_every_change_newest_first(outputs: dict[str, Output]) -> None:
    feed = parse(outputs, LANDELIJK_FEED)
    assert feed.feed.title == "Wijzigingen in het Cruciale ggz dossier"
    assert feed.feed.id.startswith("urn:uuid:") and feed.feed.updated.startswith("2026-06-10")
    first = feed.entries[0]
    assert first.title == "Noord, cyclus 2026: Acute zorg › Wachtenden nu: 12 → 17"
    assert first.summary == "Op 10 juni 2026 in !42: Acute zorg › Wachtenden nu: 12 → 17."
    assert first.updated.startswith("2026-06-10")
    assert page_of(outputs, LANDELIJK_FEED, first.link) == "regios/noord/2026/index.md"
    assert urldefrag(first.link).fragment == "geschiedenis"
    assert {e.updated[:10] for e in feed.entries[1:]} == {"2026-03-02"}
    for entry in feed.entries:
        page_of(outputs, LANDELIJK_FEED, entry.link)
    assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_a_region_feed_holds_only_that_region(outputs: dict[str, Output]) -> None:
    noord, zuid = parse(outputs, region_feed("noord")), parse(outputs, region_feed("zuid"))
    assert [e.title.split(":")[0] for e in noord.entries] == ["Noord, cyclus 2026", "Noord, regiogegevens", "Noord, cyclus 2026", "Noord, cyclus 2025"]
    assert all(e.title.startswith("Zuid") for e in zuid.entries) and zuid.entries
    for entry in noord.entries + zuid.entries:
        page_of(outputs, region_feed("noord"), entry.link)


def test_ids_are_stable_between_builds(project: Project, stub_charts: list[str]) -> None:
    make_history(project.root)
    dataset, _problems = load_dataset(project.root)
    first = generate_site(make_context(dataset, peildatum=dt.date(2026, 7, 1)), workers=1)[LANDELIJK_FEED]
    again = generate_site(make_context(dataset, peildatum=dt.date(2030, 1, 1)), workers=1)[LANDELIJK_FEED]
    assert first == again


def test_without_git_the_feeds_are_valid_and_empty(project: Project, stub_charts: list[str]) -> None:
    dataset, _problems = load_dataset(project.root)
    outputs = generate_site(make_context(dataset, peildatum=dt.date(2026, 7, 1)), workers=1)
    feed = parse(outputs, LANDELIJK_FEED)
    assert feed.entries == [] and "Herkomst onbekend" in feed.feed.subtitle


def test_region_text_in_a_feed_is_escaped_and_xml_safe(project: Project, stub_charts: list[str]) -> None:
    """A network's name is free text: markup stays text, and a control character an old version held (XML 1.0 cannot carry it) shows as an escape."""
    make_history(project.root)
    from history_repo import JAAR_BESTAND, git

    project.replace(JAAR_BESTAND, "    bovenregionale_netwerken: []", '    bovenregionale_netwerken: ["<script>x</script> \\u0007"]')
    git(project.root, "commit", "-q", "-am", "Netwerk", datum="2026-06-20T12:00:00+02:00")
    project.replace(JAAR_BESTAND, ' \\u0007"]', '"]')
    git(project.root, "commit", "-q", "-am", "Netwerk hersteld", datum="2026-06-21T12:00:00+02:00")
    dataset, _problems = load_dataset(project.root)
    outputs = generate_site(make_context(dataset, peildatum=dt.date(2026, 7, 1)), workers=1)
    content = outputs[LANDELIJK_FEED].content
    assert isinstance(content, bytes) and b"<script>" not in content and b"\x07" not in content
    feed = parse(outputs, LANDELIJK_FEED)
    assert feed.entries[0].title == "Noord, cyclus 2026: Acute zorg › Bovenregionale netwerken: <script>x</script> \\x07 → <script>x</script>"

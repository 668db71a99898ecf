"""Provenance from git: per table the change that set its figures last, the file's history, the dossier as of a date."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urldefrag

import feedparser
import pytest
from history_repo import JAAR_BESTAND, make_history

from build_scripts.analysis.history import Cijferwijziging, Geschiedenis, geschiedenis
from build_scripts.contract.vocabulary import Zorgvorm
from build_scripts.engines.site_source import DataError, prepare_site
from build_scripts.reading.load import load_dataset
from build_scripts.reading.provenance import file_versions, merge_request_of
from build_scripts.render.context import Output, make_context
from build_scripts.render.registry import generate_site
from build_scripts.settings import SettingsError, read_settings
from conftest import Project, dossier_build, prepare_site_project

ACUUT = "acute-zorg"
OUTREACH = "outreachende-zorg"


@pytest.fixture
def history(project: Project, stub_charts: list[str]) -> tuple[Project, str, str]:
    eerste, tweede = make_history(project.root)
    return project, eerste, tweede


def site(root: Path, workers: int = 1) -> dict[str, Output]:
    dataset, problems = load_dataset(root)
    assert not [p for p in problems if p.is_error]
    return generate_site(make_context(dataset, peildatum=dt.date(2026, 7, 1)), workers=workers)


def section(page: str, anchor: str) -> str:
    """The part of a region-year page under one care form's heading, up to the next one."""
    start = page.index(f"{{ #{anchor} }}")
    end = page.find("\n### ", start)
    return page[start : end if end != -1 else len(page)]


def test_merge_requests_are_read_as_gitlab_and_github_write_them() -> None:
    assert merge_request_of("Merge branch 'x' into 'main'\n\nTitel\n\nSee merge request groep/dossier!42") == "!42"
    assert merge_request_of("Merge pull request #7 from regio/noord\n\nWachtenden") == "#7"
    assert merge_request_of("Signalen (#16): een issue, geen samenvoegverzoek") is None
    assert merge_request_of("") is None


def test_each_table_names_the_change_that_set_its_figures_last(history: tuple[Project, str, str]) -> None:
    project, eerste, _tweede = history
    page = site(project.root)["regios/noord/2026/index.md"].content
    assert isinstance(page, str)
    acuut, outreach = section(page, ACUUT), section(page, OUTREACH)
    assert '<p class="herkomst">Laatst gewijzigd op 10 juni 2026 in !42</p>' in acuut
    assert f'<p class="herkomst">Laatst gewijzigd op 2 maart 2026 in {eerste[:8]}</p>' in outreach
    assert "!42" not in outreach
    # the other year's page did not change in !42
    other = site(project.root)["regios/noord/2025/index.md"].content
    assert isinstance(other, str) and "!42" not in other and f"in {eerste[:8]}" in other


def test_the_json_download_carries_the_same_provenance(history: tuple[Project, str, str]) -> None:
    project, eerste, tweede = history
    content = site(project.root)["downloads/dossier.json"].content
    assert isinstance(content, bytes)
    herkomst = json.loads(content)["herkomst"]["noord"]["2026"]
    assert herkomst["bekend"] is True
    acuut = herkomst["zorgvormen"]["acute_zorg"]
    assert acuut["velden"]["wachtenden"] == {"datum": "2026-06-10", "verzoek": "!42", "commit": tweede}
    assert acuut["velden"]["verwachte_vraag"] == {"datum": "2026-03-02", "verzoek": None, "commit": eerste}
    assert acuut["tabel"]["verzoek"] == "!42"
    assert herkomst["zorgvormen"]["outreachende_zorg"]["tabel"] == {"datum": "2026-03-02", "verzoek": None, "commit": eerste}
    assert [r["commit"] for r in herkomst["revisies"]] == [tweede, eerste]
    assert herkomst["revisies"][0]["cijfers"] == [{"zorgvorm": "acute_zorg", "veld": "wachtenden", "oud": 12, "nieuw": 17}]


def test_the_history_lists_both_changes_newest_first(history: tuple[Project, str, str]) -> None:
    project, eerste, _tweede = history
    page = site(project.root)["regios/noord/2026/index.md"].content
    assert isinstance(page, str)
    block = page[page.index("## Geschiedenis") :]
    items = re.findall(r"<li><strong>([^<]+)</strong> in ([^:]+):", block)
    assert items == [("10 juni 2026", "!42"), ("2 maart 2026", eerste[:8])]
    assert "Acute zorg › Wachtenden nu: 12 → 17" in block


def test_the_history_writes_a_figure_as_every_other_page_does() -> None:
    """A waiting time reads 6,0 weeks in the table, in the diff and in the history alike (the registry's decimals)."""
    wachttijd = Cijferwijziging(Zorgvorm.acute_zorg, "gemiddelde_wachttijd_weken", 6, 7.5)
    assert wachttijd.van_naar == "6,0 → 7,5"
    assert Cijferwijziging(Zorgvorm.acute_zorg, "wachtenden", 1450, None).van_naar == "1.450 → onbekend"


def test_history_folds_after_five_entries(project: Project, stub_charts: list[str]) -> None:
    make_history(project.root)
    from history_repo import git

    path = project.path(JAAR_BESTAND)
    for n in range(5):
        path.write_text(re.sub(r"(?m)^    wachtenden: \d+$", f"    wachtenden: {20 + n}", path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
        git(project.root, "commit", "-q", "-am", f"wijziging {n}", datum=f"2026-07-0{n + 1}T12:00:00+02:00")
    page = site(project.root)["regios/noord/2026/index.md"].content
    assert isinstance(page, str)
    block = page[page.index("## Geschiedenis") :]
    shown, folded = block.split("<details", 1)
    assert shown.count("<li><strong>") == 5 and folded.count("<li><strong>") == 2
    assert "Oudere wijzigingen (2)" in folded


def test_without_git_every_page_says_herkomst_onbekend(project: Project, stub_charts: list[str]) -> None:
    assert geschiedenis(project.root) == Geschiedenis(False)
    outputs = site(project.root)
    page = outputs["regios/noord/2026/index.md"].content
    assert isinstance(page, str)
    assert page.count('<p class="herkomst">herkomst onbekend</p>') >= len(Zorgvorm)
    assert "Herkomst onbekend" in page[page.index("## Geschiedenis") :]
    content = outputs["downloads/dossier.json"].content
    assert isinstance(content, bytes) and json.loads(content)["herkomst"]["noord"]["2026"] == {"bekend": False}


def test_a_shallow_clone_is_no_history(history: tuple[Project, str, str], tmp_path: Path) -> None:
    """A clone cut off at one commit would date every figure at the cut: it says herkomst onbekend instead."""
    project, _eerste, _tweede = history
    from history_repo import git

    clone = tmp_path / "ondiep"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project.root}", str(clone))
    assert file_versions(clone) is None
    assert file_versions(project.root) is not None


def test_pages_are_the_same_with_forked_workers(history: tuple[Project, str, str]) -> None:
    project, _eerste, _tweede = history
    assert site(project.root, workers=2) == site(project.root, workers=1)


def stand_site(root: Path, monkeypatch: pytest.MonkeyPatch, datum: str) -> dict[str, Output]:
    prepare_site_project(root)
    return prepare_site(root, root / "content", [], settings=read_settings({"DOSSIER_STAND": datum})).outputs


def test_a_stand_between_the_changes_shows_the_first_value(history: tuple[Project, str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    project, eerste, _tweede = history
    outputs = stand_site(project.root, monkeypatch, "2026-05-01")
    page = outputs["regios/noord/2026/index.md"].content
    assert isinstance(page, str)
    acuut = section(page, ACUUT)
    assert re.search(r'<th scope="row">Wachtenden nu</th><td class="getal">12</td>', acuut), acuut[:2000]
    assert "!42" not in page and f"Laatst gewijzigd op 2 maart 2026 in {eerste[:8]}" in acuut
    assert project.read(JAAR_BESTAND).count("wachtenden: 17") == 1, "the working tree is untouched"
    after = stand_site(project.root, monkeypatch, "2026-06-10")["regios/noord/2026/index.md"].content
    assert isinstance(after, str) and "in !42" in after


def test_a_stand_before_any_data_is_refused_in_dutch(history: tuple[Project, str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    project, _eerste, _tweede = history
    with pytest.raises(DataError, match="geen vastgelegde gegevens op of vóór 1 januari 2026"):
        stand_site(project.root, monkeypatch, "2026-01-01")
    with pytest.raises(SettingsError, match="DOSSIER_STAND is geen datum"):
        stand_site(project.root, monkeypatch, "1 juni")


@pytest.mark.slow
def test_dossier_build_stand_marks_every_page(history: tuple[Project, str, str]) -> None:
    project, _eerste, _tweede = history
    prepare_site_project(project.root)
    result = dossier_build(project.root, "--stand", "2026-05-01")
    assert result.returncode == 0, result.stderr
    themed = {p: t for p in sorted(project.path("site").rglob("*.html")) if 'class="md-header' in (t := p.read_text(encoding="utf-8"))}
    assert len(themed) > 20
    assert [p for p, text in themed.items() if "Stand per 1 mei 2026" not in text] == []
    region = project.read("site/regios/noord/2026/index.html")
    assert "Stand per 1 mei 2026" in region and "!42" not in region
    for feed_path in ("wijzigingen.xml", "wijzigingen-noord.xml"):  # the built feeds lead to built pages, found from the page's own <link>
        assert f'href="../../../{feed_path}"' in region
        feed = feedparser.parse(project.path(f"site/{feed_path}").read_bytes())
        assert not feed.bozo and feed.entries
        for entry in feed.entries:
            target = project.path(posixpath.normpath(posixpath.join("site", posixpath.dirname(feed_path), urldefrag(entry.link).url)))
            assert (target / "index.html").is_file(), entry.link
    # Material's script fetches sitemap.xml next to every <link rel="alternate">: a feed must sit where one exists (no 404 per page)
    site = project.path("site")
    for page, text in themed.items():
        for href in re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]* href="([^"]+)"', text):
            feed = site / posixpath.normpath(posixpath.join(posixpath.dirname(str(page.relative_to(site))), href)).lstrip("/")  # 404.html: from the root
            assert (feed.parent / "sitemap.xml").is_file(), (page, href)


@pytest.mark.slow
def test_a_copy_without_git_builds_with_herkomst_onbekend(history: tuple[Project, str, str], tmp_path: Path) -> None:
    project, _eerste, _tweede = history
    copy = tmp_path / "tarball"
    shutil.copytree(project.root, copy, ignore=shutil.ignore_patterns(".git"))
    prepare_site_project(copy)
    result = dossier_build(copy)
    assert result.returncode == 0, result.stderr
    region = (copy / "site/regios/noord/2026/index.html").read_text(encoding="utf-8")
    assert "herkomst onbekend" in region and "Stand per" not in region


def test_the_national_page_offers_the_data_as_it_stood_at_each_milestone(history: tuple[Project, str, str]) -> None:
    project, eerste, tweede = history
    outputs = site(project.root)  # today: 1 July 2026
    page = outputs["landelijk/2026/index.md"].content
    assert isinstance(page, str)
    block = page[page.index("## Cijfers per mijlpaal") :]
    links = re.findall(r'<li>([^<]+): <a href="\.\./\.\./downloads/(stand/[0-9-]+/dossier\.json)">', block)
    assert [(text.split(",")[0], link) for text, link in links] == [
        ("1 april 2026", "stand/2026-04-01/dossier.json"),  # the agenda milestone (1 February) has no data yet; July's have not passed
        ("31 mei 2026", "stand/2026-05-31/dossier.json"),
        ("21 juni 2026", "stand/2026-06-21/dossier.json"),
    ]

    def wachtenden(datum: str) -> tuple[int, str]:
        content = outputs[f"downloads/stand/{datum}/dossier.json"].content
        assert isinstance(content, bytes)
        data = json.loads(content)
        herkomst = data["herkomst"]["noord"]["2026"]["zorgvormen"]["acute_zorg"]["velden"]["wachtenden"]["commit"]
        return data["regios"]["noord"]["jaren"]["2026"]["zorgvormen"]["acute_zorg"]["wachtenden"], herkomst

    assert wachtenden("2026-05-31") == (12, eerste)
    assert wachtenden("2026-06-21") == (17, tweede)
    assert "downloads/stand/2026-06-21/landelijk-2026.csv" in outputs
    catalog = outputs["downloads/catalogus.jsonld"].content
    assert isinstance(catalog, bytes) and b'"stand/2026-06-21/dossier.json"' in catalog


def test_parsed_versions_are_kept_by_blob_id_and_give_the_same_history(history: tuple[Project, str, str], tmp_path: Path) -> None:
    project, _eerste, _tweede = history
    cache = tmp_path / "herkomst.json"
    cold = geschiedenis(project.root, cache=cache)
    kept = json.loads(cache.read_text(encoding="utf-8"))
    assert len(kept) == sum(len(h.revisies) for h in cold.bestanden.values())  # one entry per version read
    assert geschiedenis(project.root, cache=cache) == cold == geschiedenis(project.root)
    cache.write_text("geen json", encoding="utf-8")
    assert geschiedenis(project.root, cache=cache) == cold, "an unreadable cache is read as empty"


def test_a_milestone_cache_entry_that_names_another_file_is_made_again(history: tuple[Project, str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    from build_scripts.render import milestone_data

    project, _eerste, _tweede = history
    monkeypatch.setenv("DOSSIER_CACHE_DIR", str(project.path(".cache")))
    first = site(project.root)
    entries = sorted(project.path(".cache/mijlpalen").iterdir())
    assert len(entries) == 2  # three milestones, two commits
    (entries[0] / "bestanden.json").write_text(json.dumps(["../../../../mkdocs.yml"]), encoding="utf-8")
    (entries[1] / "dossier.json").write_bytes(b"{}")  # a changed entry is served as is: what keeping caches per trust level is for
    again = site(project.root)
    assert json.loads((entries[0] / "bestanden.json").read_text(encoding="utf-8")) != ["../../../../mkdocs.yml"]
    changed = [p for p in first if first[p] != again[p]]
    assert changed and all(p.startswith("downloads/stand/") and p.endswith("dossier.json") for p in changed)
    assert milestone_data.CACHE_DIR == "mijlpalen"

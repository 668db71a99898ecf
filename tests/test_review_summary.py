"""The review summary of a merge request on the example data: what the chair reads first, linked into the preview.

A merge request like a region makes it: Utrecht types 610 instead of 61 waiting (and 50 instead of 14),
raises a forecast by 10% and puts klinische zorg on the national agenda; Amsterdam takes a point off it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from built_site import PREVIEW_ENV, BuiltSite, build_once
from test_links import parse

from build_scripts.analysis.diff import Wijziging
from build_scripts.analysis.review import PageLinks, bespreekpunt_wissels, large_jumps, moved_most, small_base
from build_scripts.cli import EXIT_OK, EXIT_USAGE, main
from build_scripts.contract.vocabulary import Zorgvorm
from conftest import REPO

BASE = PREVIEW_ENV["DOSSIER_PREVIEW_SITE_URL"]
UTRECHT, AMSTERDAM = "data/regions/utrecht/2026.yaml", "data/regions/amsterdam/2026.yaml"
NIEUW_PUNT = """    bespreekpunt:
      agenderen: true
      redenen: Te weinig bedden voor patiënten uit Midden-Holland.
      gezette_stappen: Een centraal bedbureau; dat verdeelt, maar maakt geen bedden.
      voorstel: Landelijk afspreken wie de opnames van buiten de regio opvangt.
  beveiligde_zorg:"""


def _edit(root: Path, rel: str, old: str, new: str, after: str = "") -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")


@pytest.fixture(scope="module")
def merge_request(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example data in a fresh git repository, with the merge request's edits in the work tree."""
    root = tmp_path_factory.mktemp("mr")
    shutil.copytree(REPO / "data", root / "data")
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "basis"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    _edit(root, UTRECHT, "wachtenden: 61", "wachtenden: 610")
    _edit(root, UTRECHT, "wachtenden: 14", "wachtenden: 50")
    _edit(root, UTRECHT, "verwachte_vraag: 1500", "verwachte_vraag: 1650")
    _edit(root, UTRECHT, "    bespreekpunt:\n      agenderen: false\n  beveiligde_zorg:", NIEUW_PUNT)
    _edit(root, AMSTERDAM, "wachtenden: 9", "wachtenden: 10")
    _edit(root, AMSTERDAM, "agenderen: true", "agenderen: false", after="  hoogspecialistische_ziekenhuiszorg:")
    return root


@pytest.fixture(scope="module")
def summary(merge_request: Path) -> str:
    out = merge_request / "wijzigingen.md"
    assert main(["--root", str(merge_request), "diff", "--base", "HEAD", "--format", "markdown", "--links", BASE, "--output", str(out)]) == EXIT_OK
    return out.read_text(encoding="utf-8")


def _section(text: str, title: str) -> str:
    return text.split(f"### {title}\n", 1)[1].split("\n### ", 1)[0]


def _rows(section: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]


def test_summary_starts_with_what_the_chair_needs(summary: str) -> None:
    titles = re.findall(r"^#{2,4} (.+)$", summary, re.MULTILINE)
    assert titles[:7] == [
        "Wijzigingen in de gegevens: HEAD → huidige versie", "Samenvatting", "Regio's en jaren", "Cijfers die het meest veranderden",
        "Grote sprongen", "Bespreekpunten voor de landelijke tafel", "Alle wijzigingen per bestand",
    ]
    assert f"[voorbeeld van de site]({BASE}index.html)" in summary.split("### Regio", 1)[0]
    assert [line for line in _section(summary, "Samenvatting").splitlines() if line.startswith("- ")] == [
        "- 9 wijzigingen in 2 bestanden: 6 gewijzigd, 3 toegevoegd.",
        "- Grote sprongen (meer dan een factor 3): 2; kijk die eerst na op tikfouten.",
        "- Meest veranderde regio's: Utrecht (7 wijzigingen, 3 cijfers, 2 grote sprongen); Amsterdam (2 wijzigingen, 1 cijfer).",
        "- Bestanden erbij: geen. Bestanden eraf: geen.",
        "- Zorgvormen erbij (nu aanwezig): geen. Zorgvormen eraf (niet meer aanwezig): geen.",
        "- Bespreekpunten voor de landelijke tafel: 1 op de agenda gezet, 1 van de agenda gehaald.",
    ]


def test_regions_and_years_are_the_ones_changed(summary: str) -> None:
    rows = _rows(_section(summary, "Regio's en jaren"))
    assert [r[:2] for r in rows] == [
        [f"[Amsterdam]({BASE}regios/amsterdam/2026/index.html)", "2026"],
        [f"[Utrecht]({BASE}regios/utrecht/2026/index.html)", "2026"],
    ]
    assert rows[1][3] == "2" and rows[0][3] == "—"  # Utrecht's two large jumps; none in Amsterdam


def test_moved_most_by_absolute_change_with_jumps_and_small_bases_marked(summary: str) -> None:
    rows = _rows(_section(summary, "Cijfers die het meest veranderden"))
    assert [(r[0], r[1].split("]")[0], r[3], r[4], r[5], r[6]) for r in rows] == [
        ("**grote sprong**", "[Utrecht", "Klinische zorg › wachtenden", "61", "610", "+549 (+900,0%)"),
        ("", "[Utrecht", "Klinische zorg › verwachte vraag", "1.500", "1.650", "+150 (+10,0%)"),
        ("**grote sprong**", "[Utrecht", "Acute zorg › wachtenden", "14", "50", "+36 (+257,1%)"),
        ("", "[Amsterdam", "Acute zorg › wachtenden", "9", "10", "+1 (+11,1%)"),
    ]
    assert rows[0][1] == f"[Utrecht]({BASE}regios/utrecht/2026/index.html#klinische-zorg)"
    jumps = _rows(_section(summary, "Grote sprongen"))
    assert [(r[3], r[4], r[5]) for r in jumps] == [("Klinische zorg › wachtenden", "61", "610"), ("Acute zorg › wachtenden", "14", "50")]


def test_new_and_dropped_discussion_points(summary: str) -> None:
    assert _section(summary, "Bespreekpunten voor de landelijke tafel").strip().splitlines() == [
        f"- Nieuw geagendeerd: [Utrecht 2026 — Klinische zorg]({BASE}regios/utrecht/2026/index.html#klinische-zorg)",
        f"- Niet meer geagendeerd: [Amsterdam 2026 — {Zorgvorm.hoogspecialistische_ziekenhuiszorg.label}]"
        f"({BASE}regios/amsterdam/2026/index.html#hoogspecialistische-ziekenhuiszorg)",
    ]


def test_every_link_opens_a_page_of_the_preview(summary: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    preview: BuiltSite = build_once(tmp_path_factory, preview=True)
    urls = re.findall(r"\]\((\S+?)\)", summary)
    assert len(urls) >= 10 and all(u.startswith(BASE) for u in urls), urls
    for url in urls:
        parts = urlsplit(url[len(BASE):])
        target = preview.root / unquote(parts.path)
        assert target.is_file(), url
        assert not parts.fragment or parts.fragment in parse(target).ids, url


def test_details_follow_per_file_with_their_page(summary: str) -> None:
    details = summary.split("### Alle wijzigingen per bestand\n", 1)[1]
    assert f"#### Utrecht — `{UTRECHT}` · [pagina]({BASE}regios/utrecht/2026/index.html)" in details
    assert "| Klinische zorg › wachtenden | gewijzigd — **grote sprong** | 61 | 610 | +549 (+900,0%) |" in details


def test_without_links_the_summary_names_pages_without_linking(merge_request: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(merge_request), "diff", "--base", "HEAD", "--format", "markdown"]) == EXIT_OK
    text = capsys.readouterr().out
    assert "](" not in text and "| Utrecht | 2026 | " in text and "- Nieuw geagendeerd: Utrecht 2026 — Klinische zorg" in text


def test_links_must_be_a_web_address(merge_request: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(merge_request), "diff", "--base", "HEAD", "--links", "javascript:alert(1)"]) == EXIT_USAGE
    assert "geef een webadres" in capsys.readouterr().err


def test_a_whole_new_year_file_brings_its_discussion_points() -> None:
    nieuw = {"zorgvormen": {"klinische_zorg": {"bespreekpunt": {"agenderen": True}}, "acute_zorg": {}, "onbekend": {"bespreekpunt": {"agenderen": True}}}}
    changes = [Wijziging("noord", 2027, "", "toegevoegd", None, nieuw), Wijziging("zuid", 2026, "", "verwijderd", nieuw, None)]
    assert [(b.regio, b.zorgvorm, b.geagendeerd) for b in bespreekpunt_wissels(changes)] == [
        ("noord", Zorgvorm.klinische_zorg, True), ("zuid", Zorgvorm.klinische_zorg, False),
    ]


def test_moved_most_ranks_by_absolute_change_not_by_factor() -> None:
    def figure(oud: int, nieuw: int) -> Wijziging:
        return Wijziging("noord", 2026, "zorgvormen.acute_zorg.wachtenden", "gewijzigd", oud, nieuw, absoluut=nieuw - oud)
    changes = [figure(100, 101 + i) for i in range(20)] + [figure(10, 100), figure(0, 40), figure(0, 2), figure(1, 0)]
    top = moved_most(changes, limit=3)
    assert [(w.oud, w.nieuw) for w in top] == [(10, 100), (0, 40), (100, 120)]
    assert [(w.oud, w.nieuw) for w in large_jumps(changes)] == [(0, 40), (10, 100)]  # 0 → 2 stays under the jump rule's minimum
    assert [small_base(w) for w in top] == [False, True, False]
    assert PageLinks("https://x.example/mr-1").to("regios/noord/index.md") == "https://x.example/mr-1/regios/noord/index.html"

"""The chair's overview (issue 26): ``dossier diff`` opens with a summary and ranks moved figures by size.

On the example data and on a copy where one region's figure moves from a small base (2 → 40):
the ranking is by absolute change, a base under 5 is always marked, and a region name with an
apostrophe reads as typed (no ``&#39;``), in the text and in the Markdown.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
from pathlib import Path

import pytest

from build_scripts.analysis.review import MOST_MOVED, SMALL_BASE
from build_scripts.cli import EXIT_OK, main
from build_scripts.contract.notation import name_sort_key
from build_scripts.reading.load import load_dataset
from build_scripts.render import changes as diff_pages
from build_scripts.render import regions as region_pages
from build_scripts.render.context import Output, make_context
from build_scripts.render.nav import nav_section
from build_scripts.render.templating import yaml_string
from conftest import REPO, Project

GOOI = "data/regions/t-gooi/2026.yaml"


def _diff(capsys: pytest.CaptureFixture[str], root: Path, fmt: str) -> str:
    assert main(["--root", str(root), "diff", "2025", "2026", "--format", fmt]) == EXIT_OK
    return capsys.readouterr().out


def _dutch(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def _top_text(text: str) -> list[str]:
    block = text.split("\nCijfers die het meest veranderden", 1)[1].split("\n\n", 1)[0]
    return [line for line in block.splitlines() if re.match(r"  \d+\. ", line)]


def _top_markdown(text: str) -> list[list[str]]:
    block = text.split("### Cijfers die het meest veranderden\n", 1)[1].split("\n### ", 1)[0]
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in block.splitlines() if line.startswith("| ") and "---" not in line][1:]


def _assert_small_bases_marked(text: str, markdown: str) -> int:
    """Every top-ten entry from a base under 5 carries the mark, in both formats; returns how many there are."""
    lines, rows = _top_text(text), _top_markdown(markdown)
    assert len(lines) == len(rows) == MOST_MOVED
    small = 0
    for line, row in zip(lines, rows, strict=True):
        oud = _dutch(row[4])
        assert line.split(": ")[-1].startswith(f"{row[4]} → {row[5]}"), (line, row)
        if oud < SMALL_BASE:
            small += 1
            assert "kleine basis" in row[0] and "kleine basis" in line, (line, row)
        else:
            assert "kleine basis" not in row[0] and "kleine basis" not in line, (line, row)
    return small


def test_the_example_diff_opens_with_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    text = _diff(capsys, REPO, "text")
    head = text.splitlines()[:9]
    assert head[:3] == ["Wijzigingen van 2025 naar 2026", "", "Samenvatting"]
    assert re.fullmatch(r"  \d+ wijzigingen in 11 bestanden: \d+ gewijzigd, .+\.", head[3]), head[3]
    assert head[5].startswith("  Meest veranderde regio's: ") and head[6].startswith("  Bestanden erbij: ")
    assert head[7].startswith("  Zorgvormen erbij") and head[8] == "  Bespreekpunten voor de landelijke tafel: 4 op de agenda gezet, 4 van de agenda gehaald."
    assert text.index("Cijfers die het meest veranderden") < text.index("Alle wijzigingen per bestand") < text.index("— data/regions/")
    markdown = _diff(capsys, REPO, "markdown")
    assert re.findall(r"^### (.+)$", markdown, re.MULTILINE)[:2] == ["Samenvatting", "Regio's en jaren"]
    assert _assert_small_bases_marked(text, markdown) == 0  # the example's top ten are large figures


def test_a_small_base_ranks_by_its_size_and_is_marked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "kopie"
    shutil.copytree(REPO / "data", root / "data")
    path = root / GOOI
    text = path.read_text(encoding="utf-8")
    at = text.index("wachtenden: ", text.index("  beveiligde_zorg:"))
    end = text.index("\n", at)
    path.write_text(text[:at] + "wachtenden: 400" + text[end:], encoding="utf-8")  # a large absolute move
    before = (REPO / GOOI.replace("2026", "2025")).read_text(encoding="utf-8")
    oud = before[before.index("wachtenden: ", before.index("  beveiligde_zorg:")):].split("\n", 1)[0].split(": ")[1]
    assert _dutch(oud) < SMALL_BASE, "the example's figure is a small base"
    text_out, markdown = _diff(capsys, root, "text"), _diff(capsys, root, "markdown")
    assert _assert_small_bases_marked(text_out, markdown) == 1
    first = _top_markdown(markdown)[0]
    assert first[0] == "**grote sprong**, **kleine basis (oud < 5)**" and first[1] == "'t Gooi" and first[5] == "400"
    assert "&#39;" not in markdown and "| 't Gooi | 2026 |" in markdown


def test_the_summary_names_files_and_care_forms_that_come_or_go(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "kopie"
    shutil.copytree(REPO / "data", root / "data")
    (root / "data/regions/utrecht/2026.yaml").unlink()
    path = root / GOOI
    text = path.read_text(encoding="utf-8")
    at = text.index("aanwezig: ", text.index("  beveiligde_zorg:"))
    assert text[at:].startswith("aanwezig: true")
    path.write_text(text[:at] + "aanwezig: false" + text[at + len("aanwezig: true"):], encoding="utf-8")
    summary = [line for line in _diff(capsys, root, "markdown").split("### Regio", 1)[0].splitlines() if line.startswith("- ")]
    assert "- Bestanden erbij: geen. Bestanden eraf: Utrecht 2026." in summary
    assert "- Zorgvormen erbij (nu aanwezig): geen. Zorgvormen eraf (niet meer aanwezig): 't Gooi 2026 — Beveiligde zorg." in summary


@pytest.fixture(scope="module")
def change_pages() -> dict[str, str]:
    """The example's wijzigingen pages, as the hook generates them (no charts drawn)."""
    dataset, _ = load_dataset(REPO)
    ctx = make_context(dataset, peildatum=dt.date(2026, 6, 1))
    return {path: str(out.content) for path, out in diff_pages.pages(ctx)}


def test_the_national_changes_page_lists_the_same_figures_as_dossier_diff(change_pages: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    page = change_pages["landelijk/2026/wijzigingen/index.md"]
    section = page[page.index("{ #cijfers }"):page.index("{ #totalen }")]
    rows = re.findall(r'<tr><th scope="row"><a href="[^"]+">(.+?)</a></th><td[^>]*>(.+?)</td><td[^>]*>(.+?)</td><td[^>]*>(.+?)</td>', section)
    markdown = _top_markdown(_diff(capsys, REPO, "markdown"))
    assert [(html.unescape(r[0]), html.unescape(r[1]), r[2], r[3]) for r in rows] == [(m[1], m[3], m[4], m[5]) for m in markdown]
    assert page.index("{ #cijfers }") < page.index("{ #totalen }") < page.index("{ #regios }")  # the list before the long totals


def test_a_region_changes_page_leads_with_a_summary_and_folds_the_rest(change_pages: dict[str, str]) -> None:
    page = change_pages["regios/amsterdam/2026/wijzigingen/index.md"]
    summary = page[page.index("## Samenvatting"):page.index("## Cijfers per zorgvorm")]
    assert "cijfers die het meest veranderden" in summary and summary.count('<tr><th scope="row"><a href="#') == 5
    assert "op de agenda gezet Hoogspecialistische zorg (ziekenhuizen)" in summary
    body = page[page.index("## Cijfers per zorgvorm"):]
    tables = body.count("<table")
    folded = sum(part.count("<table") for part in re.findall(r"<details.*?</details>", body, re.DOTALL))
    assert tables - folded == 1  # only the short table of discussion points stays open
    assert "<details" in body and " open>" not in body  # Amsterdam has no large jump: nothing unfolded


def test_waiting_times_read_with_one_decimal_everywhere(change_pages: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """The region page shows 6,0 weeks (getal(1)); the changes page and dossier diff must say 6,0 too, not 6."""
    text = _diff(capsys, REPO, "text")
    value = r"\d+(?:,\d+)?|onbekend"
    waits = re.findall(rf"gemiddelde_wachttijd_weken: ({value}) → ({value})(?:, ([+-]?\d+(?:,\d+)?))?", text)
    assert waits and all(re.fullmatch(r"\d+,\d", v) for w in waits for v in w[:2] if v != "onbekend"), waits
    assert all(re.fullmatch(r"[+-]\d+,\d", w[2]) for w in waits if w[2]), waits
    page = change_pages["regios/amsterdam/2026/wijzigingen/index.md"]
    cell = r"<td[^>]*>(?:<strong>)?(.*?)(?:</strong>)?</td>"
    rows = re.findall(rf'<th scope="row">Gemiddelde wachttijd afgelopen jaar \(weken\)</th><td[^>]*>.*?</td>{cell}{cell}', page)
    assert rows and all(re.fullmatch(r"\d+,\d", v) for r in rows for v in r if "onbekend" not in v), rows


def test_region_lists_sort_t_gooi_under_g() -> None:
    """'t Gooi stands between Flevoland and Kennemerland: in the overview, the national lists, the nav and the downloads."""
    assert sorted(["Utrecht", "'t Gooi", "De Meerlanden", "Delft", "'s-Hertogenbosch", "Amsterdam"], key=name_sort_key) == [
        "Amsterdam", "Delft", "'t Gooi", "'s-Hertogenbosch", "De Meerlanden", "Utrecht",
    ]
    dataset, _ = load_dataset(REPO)
    order = list(dataset.published_regions())
    assert order.index("flevoland") + 1 == order.index("t-gooi") == order.index("kennemerland") - 1
    assert list(dataset.region_years(2026)) == order
    outputs = {f"regios/{slug}/index.md": Output("", title=dataset.regions[slug].naam) for slug in reversed(order)}
    outputs["regios/index.md"] = Output("", title="Regio's")
    (group,) = [item for item in nav_section(outputs, "regios/index.md") if isinstance(item, dict)]
    assert [html.unescape(next(iter(item))) for item in group["Alle regio's"]] == [dataset.regions[s].naam for s in order]


def test_a_page_title_keeps_its_apostrophe_and_stays_safe() -> None:
    """The footer escapes the title again for its aria-label: an entity there is read out as "&#39;t Gooi"."""
    assert yaml_string("'t Gooi <b>\"x\" & y") == '"\'t Gooi &lt;b&gt;&#34;x&#34; &amp; y"'


def test_a_figure_reads_the_same_on_the_year_page_the_changes_page_and_in_dossier_diff(
    project: Project, stub_charts: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """12,5% PNIL was 13% on the year page and 12,5 in the diff; a waiting time 6,0 on the page and 6 in the diff."""
    rel = "data/regions/noord/2026.yaml"
    project.replace(rel, "pnil_aandeel_pct: 12\n", "pnil_aandeel_pct: 12.5\n")
    dataset, _ = load_dataset(project.root)
    ctx = make_context(dataset, peildatum=dt.date(2026, 6, 1))
    year_page = str(dict(region_pages.pages(ctx))["regios/noord/2026/index.md"].content)
    changes_page = str(dict(diff_pages.pages(ctx))["regios/noord/2026/wijzigingen/index.md"].content)
    assert "PNIL 12,5%" in year_page and "PNIL 13%" not in year_page
    assert re.search(r"<td[^>]*>12</td><td[^>]*>12,5</td>", changes_page.replace("<strong>", "").replace("</strong>", ""))
    text = _diff(capsys, project.root, "text")
    assert "onder_druk.pnil_aandeel_pct: 12 → 12,5, +0,5 (+4,2%)" in text


def test_a_care_form_with_a_large_jump_stays_unfolded(project: Project) -> None:
    rel = "data/regions/noord/2026.yaml"
    text = project.read(rel)
    at = text.index("wachtenden: ", text.index("  klinische_zorg:"))
    end = text.index("\n", at)
    project.write(rel, text[:at] + "wachtenden: 400" + text[end:])
    dataset, _ = load_dataset(project.root)
    page = str(dict(diff_pages.pages(make_context(dataset, peildatum=dt.date(2026, 6, 1))))["regios/noord/2026/wijzigingen/index.md"].content)
    klinisch = page[page.index("{ #klinische-zorg }"):page.index("{ #beveiligde-zorg }")]
    assert '<details class="wijzigingen-details" open>' in klinisch
    assert page.count('<details class="wijzigingen-details" open>') == 1

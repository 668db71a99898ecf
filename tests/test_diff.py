"""Year-over-year diffs: each edit to a copy of the mini fixture shows as exactly one readable change."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable

import pytest

from build_scripts.analysis.diff import Wijziging, diff_datasets, diff_jaren, onleesbare_bestanden
from build_scripts.analysis.diff_report import Versies, format_json, format_markdown, format_text, pad_label
from build_scripts.reading.load import load_dataset
from build_scripts.reading.plausibility import JUMP_FACTOR, JUMP_MIN, is_jump
from build_scripts.render import changes as diff_pages
from build_scripts.render import regions as region_pages
from build_scripts.render.context import Output, make_context
from conftest import Project

JAAR = "data/regions/noord/2026.yaml"


def set_line(project: Project, rel: str, needle: str, new: str, nth: int = 1) -> None:
    """Replace the nth line containing ``needle`` (keeping its indentation) by ``new``."""
    lines = project.read(rel).splitlines(keepends=True)
    index = project.line_of(rel, needle, nth) - 1
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = f"{indent}{new}\n"
    project.write(rel, "".join(lines))


def year_changes(project: Project) -> list[Wijziging]:
    dataset, problems = load_dataset(project.root)
    assert not [p for p in problems if p.is_error], problems
    return diff_jaren(dataset, 2025, 2026, regio="noord")


def new_changes(project: Project, edit: Callable[[], None]) -> list[Wijziging]:
    """The changes an edit adds to the fixture's own year-over-year changes."""
    before = year_changes(project)
    edit()
    return [w for w in year_changes(project) if w not in before]


def test_changed_figure_is_one_change_with_absolute_and_relative(project: Project) -> None:
    changes = new_changes(project, lambda: set_line(project, JAAR, "wachtenden: 12", "wachtenden: 15", nth=3))
    assert changes == [Wijziging("noord", 2026, "zorgvormen.klinische_zorg.wachtenden", "gewijzigd", 12, 15, None, 3, 0.25)]
    assert not changes[0].grote_sprong


def test_grote_sprong_follows_the_validation_rule(project: Project) -> None:
    set_line(project, JAAR, "wachtenden: 12", "wachtenden: 60", nth=3)
    set_line(project, JAAR, "binnen_regio: 30", "binnen_regio: 80")  # beveiligde zorg: factor 2.7, no jump
    dataset, problems = load_dataset(project.root)
    sprongen = {w.pad for w in diff_jaren(dataset, 2025, 2026) if w.grote_sprong}
    warned = {p.key_path for p in problems if "factor" in p.message and p.path == JAAR}
    assert sprongen == warned == {"zorgvormen.klinische_zorg.wachtenden"}


@pytest.mark.parametrize(("oud", "nieuw"), [(12, 60), (60, 12), (0, JUMP_MIN), (JUMP_MIN - 1, 0), (4, 12), (True, 100), (None, 50)])
def test_is_jump_uses_the_rule_constants(oud: object, nieuw: object) -> None:
    numbers = all(isinstance(v, int) and not isinstance(v, bool) for v in (oud, nieuw))
    expected = numbers and max(oud, nieuw) >= JUMP_MIN and (min(oud, nieuw) == 0 or max(oud, nieuw) / min(oud, nieuw) > JUMP_FACTOR)
    assert is_jump(oud, nieuw) is expected


def test_unknown_to_known_and_back_are_their_own_kinds(project: Project) -> None:
    def edit() -> None:
        set_line(project, JAAR, "werkelijke_vraag: null", "werkelijke_vraag: 410", nth=3)
        set_line(project, JAAR, "gemiddelde_wachttijd_weken: 6.5", "gemiddelde_wachttijd_weken: null", nth=4)

    changes = {w.pad: w for w in new_changes(project, edit)}
    known = changes["zorgvormen.klinische_zorg.werkelijke_vraag"]
    unknown = changes["zorgvormen.beveiligde_zorg.gemiddelde_wachttijd_weken"]
    assert (known.soort, known.oud, known.nieuw, known.absoluut) == ("onbekend_naar_bekend", None, 410, None)
    assert (unknown.soort, unknown.oud, unknown.nieuw, unknown.relatief) == ("bekend_naar_onbekend", 6.5, None, None)
    assert len(changes) == 2


def test_inserted_participant_is_one_addition(project: Project) -> None:
    entry = "    - vertegenwoordiging: andere_financiers\n      soort: gemeente\n      organisatie: Gemeente Noord\n"
    changes = new_changes(project, lambda: project.replace(JAAR, "  deelnemers:\n", "  deelnemers:\n" + entry))
    assert [(w.pad, w.soort, w.item) for w in changes] == [("tafel.deelnemers", "toegevoegd", "Gemeente Noord")]
    assert changes[0].nieuw["soort"] == "gemeente"


def test_replaced_insurer_pairs_by_soort(project: Project) -> None:
    changes = new_changes(project, lambda: project.replace(JAAR, "organisatie: Verzekeraar B", "organisatie: Verzekeraar C"))
    assert [(w.pad, w.oud, w.nieuw) for w in changes] == [("tafel.deelnemers[3].organisatie", "Verzekeraar B", "Verzekeraar C")]


def test_same_day_next_year_is_no_change_and_a_moved_meeting_is_one(project: Project) -> None:
    assert not [w for w in year_changes(project) if w.pad.startswith("jaaragenda")]
    changes = new_changes(project, lambda: project.replace(JAAR, "- datum: 2026-08-04", "- datum: 2026-08-11"))
    assert [(w.pad, w.soort, w.oud, w.nieuw) for w in changes] == [("jaaragenda.bijeenkomsten[1].datum", "gewijzigd", "2025-08-04", "2026-08-11")]


def test_removed_and_rephrased_exclusion_criteria(project: Project) -> None:
    lines = project.read(JAAR).splitlines(keepends=True)
    start = project.line_of(JAAR, "- criterium:", 2) - 1
    lines[start - 1 : start + 2] = ["    exclusiecriteria: []\n"]  # outreachende zorg loses its criterion
    project.write(JAAR, "".join(lines))
    changes = new_changes(project, lambda: set_line(project, JAAR, "- criterium:", "- criterium: Geen opname bij verslaving", nth=1))
    everything = year_changes(project)
    removed = [w for w in everything if w.soort == "verwijderd"]
    assert [(w.pad, w.item) for w in removed] == [("zorgvormen.outreachende_zorg.exclusiecriteria", "Geen opname bij primaire verslaving")]
    assert [(w.pad, w.soort, w.nieuw) for w in changes] == [
        ("zorgvormen.acute_zorg.exclusiecriteria[0].criterium", "gewijzigd", "Geen opname bij verslaving")
    ]


def test_region_without_previous_year_is_a_whole_file_addition(project: Project) -> None:
    dataset, _ = load_dataset(project.root)
    zuid = diff_jaren(dataset, 2025, 2026, regio="zuid")
    assert [(w.pad, w.soort, w.nieuw["regio"]) for w in zuid] == [("", "toegevoegd", "zuid")]


def test_identical_datasets_have_no_changes(project: Project) -> None:
    dataset, _ = load_dataset(project.root)
    assert diff_datasets(dataset, dataset) == []


def test_invalid_file_is_compared_as_written(project: Project) -> None:
    old, _ = load_dataset(project.root)
    project.replace(JAAR, "status: vastgesteld", "status: klaar")
    new, _ = load_dataset(project.root)
    assert diff_datasets(old, new) == [Wijziging("noord", 2026, "status", "gewijzigd", "vastgesteld", "klaar")]
    assert onleesbare_bestanden(new) == [JAAR] and onleesbare_bestanden(new, als_geschreven=True) == []
    assert not [w for w in diff_jaren(new, 2025, 2026) if w.regio == "noord"]  # pages and year diffs use valid files only


def test_unreadable_yaml_is_skipped_not_reported_as_removed(project: Project) -> None:
    old, _ = load_dataset(project.root)
    project.replace(JAAR, "status: vastgesteld", 'status: "vastgesteld')
    new, _ = load_dataset(project.root)
    assert diff_datasets(old, new) == []
    assert onleesbare_bestanden(new, als_geschreven=True) == [JAAR]


def test_formats_carry_the_change_readably(project: Project) -> None:
    set_line(project, JAAR, "wachtenden: 12", "wachtenden: 1450", nth=3)
    project.replace(JAAR, "toelichting: Krapte bij verpleegkundigen", "toelichting: 'a | b <script>x</script>'")
    dataset, _ = load_dataset(project.root)
    changes = diff_jaren(dataset, 2025, 2026, regio="noord")
    versies = Versies("2025", "2026", {"noord": "Noord"})
    markdown = format_markdown(changes, versies)
    assert "| Klinische zorg › wachtenden | gewijzigd — **grote sprong** | 12 | 1.450 | +1.438 (+11.983,3%) |" in markdown
    assert "a \\| b &lt;script&gt;x&lt;/script&gt;" in markdown and "<script>" not in markdown
    text = format_text(changes, versies)
    assert "gewijzigd: zorgvormen.klinische_zorg.wachtenden: 12 → 1.450, +1.438 (+11.983,3%) GROTE SPRONG" in text
    entries = json.loads(format_json(changes, versies))["wijzigingen"]
    entry = next(e for e in entries if e["pad"] == "zorgvormen.klinische_zorg.wachtenden")
    assert {k: entry[k] for k in ("regio", "jaar", "pad", "oud", "nieuw", "grote_sprong")} == {
        "regio": "noord", "jaar": 2026, "pad": "zorgvormen.klinische_zorg.wachtenden", "oud": 12, "nieuw": 1450, "grote_sprong": True,
    }


def test_pad_label_names_list_items() -> None:
    w = Wijziging("noord", 2026, "tafel.deelnemers[1].contact.email", "gewijzigd", "a@x.nl", "b@x.nl", "GGZ Noord")
    assert pad_label(w) == "Tafel › deelnemers › GGZ Noord › contact › e-mail"


def site(project: Project) -> dict[str, Output]:
    """The region and wijzigingen pages only: the whole site would also draw every chart."""
    dataset, _ = load_dataset(project.root)
    ctx = make_context(dataset, peildatum=dt.date(2026, 6, 1))
    return {**dict(region_pages.pages(ctx)), **dict(diff_pages.pages(ctx))}


def row(page: str, label: str) -> str:
    found = re.search(rf"<tr[^>]*><th scope=\"row\">{re.escape(label)}</th>.*?</tr>", page)
    assert found, label
    return found.group(0)


def test_region_page_marks_changed_cells_in_words(project: Project) -> None:
    set_line(project, JAAR, "wachtenden: 12", "wachtenden: 60", nth=3)
    set_line(project, JAAR, "werkelijke_vraag: null", "werkelijke_vraag: 410", nth=3)
    project.replace(JAAR, "toelichting: Krapte bij verpleegkundigen", "toelichting: '<script>x</script>'")
    page = str(site(project)["regios/noord/2026/wijzigingen/index.md"].content)
    klinisch = page[page.index("{ #klinische-zorg }") : page.index("{ #beveiligde-zorg }")]
    wachtenden = row(klinisch, "Wachtenden nu")
    assert 'class="gewijzigd sprong"' in wachtenden and "grote sprong" in wachtenden
    assert ">12<" in wachtenden and "<strong>60</strong>" in wachtenden and "+48 (+400,0%)" in wachtenden
    vraag = row(klinisch, "Werkelijke vraag (aanmeldingen)")
    assert "onbekend → bekend" in vraag and '<span class="onbekend">onbekend</span>' in vraag
    assert "ongewijzigd" in row(klinisch, "Capaciteit voor patiënten uit de regio")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'href="../"' in page  # back to the year page


def test_every_wijzigingen_link_has_its_page(project: Project) -> None:
    outputs = site(project)
    years = {p: str(o.content) for p, o in outputs.items() if re.fullmatch(r"regios/[^/]+/\d{4}/index\.md", p)}
    linking = {p.removesuffix("index.md") for p, text in years.items() if 'href="wijzigingen/"' in text}
    pages = {p.removesuffix("wijzigingen/index.md") for p in outputs if p.startswith("regios/") and p.endswith("/wijzigingen/index.md")}
    assert linking == pages == {"regios/noord/2026/"}


def test_national_page_lists_regions_and_new_discussion_points(project: Project) -> None:
    page = str(site(project)["landelijk/2026/wijzigingen/index.md"].content)
    regions = page[page.index("{ #regios }") : page.index("{ #bespreekpunten }")]
    assert 'href="../../../regios/noord/2026/wijzigingen/">Noord</a>' in regions
    assert "Nieuw in 2026 (geen gegevens in 2025): Zuid." in regions
    nieuw = page[page.index("Nieuw geagendeerd in 2026") : page.index("Niet meer geagendeerd in 2026")]
    assert "Noord" in nieuw and "Klinische zorg" in nieuw

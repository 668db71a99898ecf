"""National totals and shortage rules, checked against sums computed here straight from the YAML.

The fixtures under ``tests/fixtures/national`` mix known and unknown (null) values on purpose;
``tests/fixtures/mpu`` is the guide's MPU example (enough beds nationally, none near five regions).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts.analysis import national, signals
from build_scripts.contract.vocabulary import Zorgvorm
from build_scripts.reading.dataset import Dataset
from build_scripts.reading.load import load_dataset
from build_scripts.render.context import Output, make_context
from build_scripts.render.registry import generate_site
from build_scripts.render.templating import getal
from conftest import FIXTURES

PEIL = dt.date(2026, 6, 1)
VELDEN = ("verwachte_vraag", "werkelijke_vraag", "capaciteit_binnen_regio", "capaciteit_buiten_regio", "wachtenden", "gesloten_wachtlijsten")
VIJF = ["duinstreek", "eilanden", "grensstreek", "merenland", "polderland"]


@pytest.fixture(autouse=True)
def _quick_charts(stub_charts: list[str]) -> None:
    """Page tests need the chart specs and alt texts, not matplotlib's drawing (tested in test_charts)."""


def yaml_values(root: Path, jaar: int, zorgvorm: str) -> list[dict[str, Any]]:
    """Per region file of ``jaar`` the figures of one care form, read with plain yaml.safe_load."""
    result = []
    for path in sorted(root.glob(f"data/regions/*/{jaar}.yaml")):
        g = yaml.safe_load(path.read_text(encoding="utf-8"))["zorgvormen"][zorgvorm]
        result.append({
            **{k: g[k] for k in ("verwachte_vraag", "werkelijke_vraag", "wachtenden", "gesloten_wachtlijsten", "gemiddelde_wachttijd_weken")},
            "capaciteit_binnen_regio": g["capaciteit"]["binnen_regio"],
            "capaciteit_buiten_regio": g["capaciteit"]["buiten_regio"],
        })
    return result


def yaml_totals(root: Path, jaar: int, zorgvorm: str) -> dict[str, Any]:
    """Independent totals: the sum of known values (None if none is known) and how many are known."""
    values = yaml_values(root, jaar, zorgvorm)
    result: dict[str, Any] = {}
    for veld in VELDEN:
        known = [v[veld] for v in values if v[veld] is not None]
        result[veld] = sum(known) if known else None
        result[f"n_{veld}"] = len(known)
    return result


def load(root: Path) -> Dataset:
    dataset, problems = load_dataset(root)
    assert not [p for p in problems if p.is_error], problems
    return dataset


def site(root: Path) -> dict[str, Output]:
    """The generated site; the unmodified fixtures are built once per test run."""
    return _fixture_site(root) if root.parent == FIXTURES else generate_site(make_context(load(root), peildatum=PEIL))


@cache
def _fixture_site(root: Path) -> dict[str, Output]:
    return generate_site(make_context(load(root), peildatum=PEIL))


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_totals_equal_an_independent_sum_of_the_yaml(jaar: int) -> None:
    root = FIXTURES / "national"
    ov = national.overzicht(load(root))
    totalen = national.totals_of_year(ov.totaal, jaar)
    for zorgvorm in Zorgvorm:
        expected = yaml_totals(root, jaar, zorgvorm.value)
        got = {key: totalen[zorgvorm][key] for key in expected}
        assert got == expected, zorgvorm
        assert totalen[zorgvorm]["n_regios"] == len(list(root.glob(f"data/regions/*/{jaar}.yaml")))


def test_fixture_really_has_unknowns_and_an_all_unknown_total() -> None:
    """Guards the test above: it must see partial and empty sums, not only complete ones."""
    root = FIXTURES / "national"
    partial = yaml_totals(root, 2026, "klinische_zorg")
    assert 0 < partial["n_wachtenden"] < 4
    empty = yaml_totals(root, 2026, "hoogspecialistische_ziekenhuiszorg")
    assert empty["werkelijke_vraag"] is None and empty["n_werkelijke_vraag"] == 0
    totalen = national.totals_of_year(national.overzicht(load(root)).totaal, 2026)
    assert totalen[Zorgvorm.hoogspecialistische_ziekenhuiszorg]["werkelijke_vraag"] is None


def test_mean_waiting_time_is_weighted_by_demand_and_skips_unknowns(tmp_path: Path) -> None:
    """Worked by hand: acute zorg 2026 waits 18,5 weeks in alfa and 1,5 in the three others (demand 1.100 each).

    With delta's demand raised to 3.300 the weighted mean is (1.100 × 18,5 + 1.100 × 1,5 + 3.300 × 1,5
    + 1.100 × 1,5) / 6.600 = 4,33 weeks (unweighted it would be 5,75). Klinische zorg: only alfa (510)
    and delta (420) know both figures, both at 8,0 weeks; beta's waiting time and gamma's demand are unknown.
    """
    root = tmp_path / "national"
    shutil.copytree(FIXTURES / "national", root)
    path = root / "data/regions/delta/2026.yaml"
    text = path.read_text(encoding="utf-8")
    assert "werkelijke_vraag: 1100" in text
    path.write_text(text.replace("werkelijke_vraag: 1100", "werkelijke_vraag: 3300", 1), encoding="utf-8")
    totalen = national.totals_of_year(national.overzicht(load(root)).totaal, 2026)
    assert load(root).regions["delta"].jaren[2026].zorgvormen.acute_zorg.werkelijke_vraag == 3300
    assert totalen[Zorgvorm.acute_zorg]["gemiddelde_wachttijd_weken"] == pytest.approx(28_600 / 6_600)
    assert totalen[Zorgvorm.acute_zorg]["n_gemiddelde_wachttijd_weken"] == 4
    assert totalen[Zorgvorm.klinische_zorg]["gemiddelde_wachttijd_weken"] == pytest.approx(8.0)
    assert totalen[Zorgvorm.klinische_zorg]["n_gemiddelde_wachttijd_weken"] == 2


def test_page_shows_each_total_with_the_regions_it_rests_on() -> None:
    root = FIXTURES / "national"
    page = site(root)["landelijk/2026/index.md"].content
    assert isinstance(page, str)
    tables = [part.split("</table>")[0] for part in page.split('<table class="dossier-tabel landelijk totalen">')[1:]]
    assert len(tables) == 2
    for zorgvorm in Zorgvorm:
        row = "".join(table.split(f'<tr><th scope="row">{zorgvorm.label}</th>')[1].split("</tr>")[0] for table in tables)
        expected = yaml_totals(root, 2026, zorgvorm.value)
        for veld in ("verwachte_vraag", "werkelijke_vraag", "capaciteit_binnen_regio", "capaciteit_buiten_regio", "wachtenden", "gesloten_wachtlijsten"):
            cell = f"{getal(expected[veld])}<br><span class=\"basis\">{expected['n_' + veld]} van 4 regio's</span>"
            assert cell in row, (zorgvorm, veld)


def test_mpu_example_is_a_local_shortage_naming_the_five_regions() -> None:
    ov = national.overzicht(load(FIXTURES / "mpu"))
    beeld = signals.classify(ov.frame, ov.totaal, ov.buren, 2026)[Zorgvorm.hoogspecialistische_ziekenhuiszorg]
    assert beeld.absoluut is False
    lokaal = beeld.signaal("lokaal_tekort")
    assert lokaal is not None and list(lokaal.regios) == VIJF
    assert beeld.tekortklasse == "lokaal_tekort"
    others = signals.classify(ov.frame, ov.totaal, ov.buren, 2026)
    assert all(not others[z].signalen for z in Zorgvorm if z is not Zorgvorm.hoogspecialistische_ziekenhuiszorg)


def test_mpu_page_names_the_five_regions_under_lokaal_tekort() -> None:
    page = site(FIXTURES / "mpu")["landelijk/2026/index.md"].content
    assert isinstance(page, str)
    section = page.split("{ #hoogspecialistische-ziekenhuiszorg }")[1].split("<figure")[0]
    line = next(line for line in section.splitlines() if "Lokaal tekort</strong>" in line)
    assert list(dict.fromkeys(re.findall(r'regios/([a-z-]+)/2026/', line))) == VIJF
    assert 'id="regel-lokaal-tekort"' in page


def test_a_neighbour_with_the_offer_removes_the_local_shortage(tmp_path: Path) -> None:
    root = tmp_path / "mpu"
    shutil.copytree(FIXTURES / "mpu", root)
    for slug, buren in (("eilanden", "[noordkust]"), ("noordkust", "[waddenland, eilanden]")):
        path = root / f"data/regions/{slug}/regio.yaml"
        path.write_text(re.sub(r"buurregios: \[.*\]", f"buurregios: {buren}", path.read_text(encoding="utf-8")), encoding="utf-8")
    ov = national.overzicht(load(root))
    lokaal = signals.classify(ov.frame, ov.totaal, ov.buren, 2026)[Zorgvorm.hoogspecialistische_ziekenhuiszorg].signaal("lokaal_tekort")
    assert lokaal is not None and "eilanden" not in lokaal.regios and len(lokaal.regios) == 4


def test_other_shortage_rules_on_the_national_fixture() -> None:
    """Worked by hand on the national fixture (version-1 files: no doelgroep, alternatief or judgement yet)."""
    ov = national.overzicht(load(FIXTURES / "national"))
    beeld = signals.classify(ov.frame, ov.totaal, ov.buren, 2026)
    klinisch = beeld[Zorgvorm.klinische_zorg]
    # demand 510 + 460 + 420 = 1.390 against capacity 3 × 390 = 1.170 (gamma knows neither): 19% short
    assert klinisch.absoluut is True
    # and local too, not suppressed: alfa (120 short) has only beta, with no room; delta (30) has no neighbours;
    # beta (70 short) borders gamma, whose figures are unknown: not judged, never "0 over" (issue 23)
    lokaal = klinisch.signaal("lokaal_tekort")
    assert lokaal is not None and lokaal.regios == ("alfa", "delta") and lokaal.niet_te_beoordelen == ("beta", "gamma")
    assert beeld[Zorgvorm.beveiligde_zorg].absoluut is False  # 124 against 180
    assert beeld[Zorgvorm.beveiligde_zorg].signaal("lokaal_tekort") == signals.Signaal("lokaal_tekort", ("delta",))
    hsg = beeld[Zorgvorm.hoogspecialistische_ggz]
    assert hsg.signaal("tekort_door_exclusiecriteria") is None  # alfa's criterion says nothing about an alternative
    assert tuple(hsg.niet_beoordeeld["tekort_door_exclusiecriteria"]) == ("alfa",)
    assert hsg.signaal("onder_druk") == signals.Signaal("onder_druk", ("beta",))  # ernstig
    assert hsg.tekortklasse == "onder_druk"
    acuut = beeld[Zorgvorm.acute_zorg]
    assert acuut.absoluut is None and acuut.signaal("lokaal_tekort") is None  # regional form: no shortage classes
    assert acuut.signaal("wachttijd_boven_treeknorm") is not None and acuut.signaal("structureel") == signals.Signaal("structureel", ("alfa",))
    ziekenhuis = beeld[Zorgvorm.hoogspecialistische_ziekenhuiszorg]
    assert ziekenhuis.absoluut is None  # no region knows its demand: not decidable, not "no shortage"
    assert tuple(ziekenhuis.niet_beoordeeld["lokaal_tekort"]) == ("alfa", "beta", "delta", "gamma")
    assert ziekenhuis.signaal("gesloten_wachtlijsten") == signals.Signaal("gesloten_wachtlijsten", ("gamma",))


def test_structural_needs_two_years_in_a_row() -> None:
    ov = national.overzicht(load(FIXTURES / "national"))
    eerste = signals.classify(ov.frame, ov.totaal, ov.buren, 2025)[Zorgvorm.acute_zorg]
    assert eerste.signaal("wachttijd_boven_treeknorm") is not None and eerste.signaal("structureel") is None


def test_group_neighbours_joins_chains_and_keeps_strangers_apart() -> None:
    buren = {"a": ("b",), "b": ("a", "c"), "c": ("b", "d"), "d": ("c",), "e": ()}
    assert national.group_neighbours(["a", "c", "d", "e"], buren) == [["a"], ["c", "d"], ["e"]]
    assert national.group_neighbours(["a", "b", "c"], buren) == [["a", "b", "c"]]


def test_every_signal_on_the_page_links_to_its_rule() -> None:
    page = site(FIXTURES / "national")["landelijk/2026/index.md"].content
    assert isinstance(page, str)
    for key in signals.SIGNAAL_LABELS:
        assert f'id="regel-{key.replace("_", "-")}"' in page, key
    for anchor in set(re.findall(r'href="#(regel-[a-z-]+)"', page)):
        assert f'id="{anchor}"' in page
    assert "Treeknorm van 14 weken" in page and "gewogen gemiddelde" in page


def test_year_page_shows_national_function_escalation_and_advice() -> None:
    page = site(FIXTURES / "national")["landelijk/2026/index.md"].content
    assert isinstance(page, str)
    functie = page.split("{ #functie-hoogspecialistische-ziekenhuiszorg }")[1].split("###")[0]
    assert "MPU-netwerk Oost" in functie and "75,0%" in functie  # beta: 60 of 80 from outside
    assert "Geen overeenstemming over extra bedden" in page and "Toegelaten op 1 juni 2026" in page
    assert "Maak afspraken met Beta over bedden." in page and "Heidag: 17 juni 2026" in page


def test_bespreekpunten_grouped_by_topic_and_neighbours() -> None:
    page = site(FIXTURES / "national")["landelijk/2026/bespreekpunten/index.md"].content
    assert isinstance(page, str)
    topics = page.split("\n## ")[1:]
    assert [t.splitlines()[0] for t in topics] == ["Klinische zorg", "Beveiligde zorg", "Hoogspecialistische zorg (ggz-instellingen en ziekenhuizen)"]
    klinisch, beveiligd, hoog = topics
    assert "Buurregio's, samen te bespreken" in klinisch and klinisch.count('class="bespreekpunt"') == 2
    assert "Maak afspraken met Beta over bedden." in klinisch
    assert "Zoek aansluiting bij het beveiligde aanbod van Alfa." in beveiligd
    assert "Buurregio's, samen te bespreken" in hoog  # beta (ziekenhuis) and gamma (ggz): one topic
    assert "Hoogspecialistische ggz (ggz-instellingen)" in hoog and "Hoogspecialistische zorg (ziekenhuizen)" in hoog


def test_free_text_in_a_bespreekpunt_is_escaped(tmp_path: Path) -> None:
    root = tmp_path / "national"
    shutil.copytree(FIXTURES / "national", root)
    path = root / "data/regions/delta/2026.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("redenen: Geen beveiligde bedden in de regio", "redenen: '<script>alert(1)</script> & meer'"), encoding="utf-8")
    page = site(root)["landelijk/2026/bespreekpunten/index.md"].content
    assert isinstance(page, str)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer" in page


def test_home_section_has_key_figures_of_the_latest_year() -> None:
    root = FIXTURES / "national"
    text = site(root)["index.md"].content
    assert isinstance(text, str) and text.count("## Landelijke kerncijfers 2026") == 1
    section = text.split("## Landelijke kerncijfers 2026", 1)[1].split("\n## ", 1)[0]
    assert "landelijk/2026/index.md" in section and "Absoluut tekort" in section


def test_home_demand_says_why_it_differs_from_the_national_table() -> None:
    """Home shows demand as compared (actual, else expected); the national table sums each apart: the reason stands beside both."""
    root = FIXTURES / "national"
    outputs = site(root)
    home, page = outputs["index.md"].content, outputs["landelijk/2026/index.md"].content
    assert isinstance(home, str) and isinstance(page, str)
    section = home.split("## Landelijke kerncijfers 2026", 1)[1].split("\n## ", 1)[0]
    totalen = national.totals_of_year(national.overzicht(load(root)).totaal, 2026)
    outreach = totalen[Zorgvorm.outreachende_zorg]  # alfa, gamma, delta know only their expected demand; beta's capacity is unknown
    assert (outreach["vraag_vergelijking"], outreach["n_vergelijking"], outreach["n_vraag_verwacht"], outreach["werkelijke_vraag"]) == (900, 3, 3, None)
    row = section.split(Zorgvorm.outreachende_zorg.label)[1].split("</tr>")[0]
    assert f"{getal(900)}<br><span class=\"basis\">3 van 4 regio's; bij 3 de verwachte vraag</span>" in row
    assert "Vraag (werkelijk, anders verwacht)" in section and "landelijk/2026/index.md#regel-vraag" in section
    assert "Daarom kan de vraag hier verschillen van de werkelijke vraag" in section
    totals_intro = page.split("## Landelijke totalen per zorgvorm")[1].split("<table")[0]
    assert "daarom kan die vraag verschillen van de werkelijke vraag hieronder" in totals_intro and "#regel-vraag" in totals_intro


def test_section_index_lists_every_year() -> None:
    outputs = site(FIXTURES / "national")
    index = outputs["landelijk/index.md"].content
    assert isinstance(index, str)
    for jaar in (2025, 2026):
        assert f'<a href="{jaar}/">Cyclus {jaar}</a>' in index
        assert f"landelijk/{jaar}/bespreekpunten/index.md" in outputs

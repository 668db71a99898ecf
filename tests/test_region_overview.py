"""A region's story at a glance (issue 17): per care form the cycles side by side, with a chart, the signals and the table."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import yaml

from build_scripts.analysis.national import overzicht
from build_scripts.analysis.signals import classify, region_signals
from build_scripts.contract.notation import number
from build_scripts.contract.vocabulary import Zorgvorm
from build_scripts.reading.load import load_dataset
from build_scripts.render.context import make_context
from build_scripts.render.registry import generate_site
from conftest import FIXTURES

ROOT = FIXTURES / "national"


def test_region_signals_are_exactly_the_signals_that_name_the_region_but_never_the_national_absolute_shortage() -> None:
    dataset, _problems = load_dataset(ROOT)
    ov = overzicht(dataset)
    picked = region_signals(ov, dataset.jaren)
    expected: dict[tuple[str, int, Zorgvorm], list[str]] = {}
    unjudged: dict[tuple[str, int, Zorgvorm], list[str]] = {}
    for jaar in dataset.jaren:
        for zorgvorm, beeld in classify(ov.frame, ov.totaal, ov.buren, jaar).items():
            for signaal in beeld.signalen:
                for slug in signaal.regios if signaal.key != "absoluut_tekort" else ():
                    expected.setdefault((slug, jaar, zorgvorm), []).append(signaal.key)
            for key, regios in beeld.niet_beoordeeld.items():
                for slug in regios if key != "absoluut_tekort" else ():
                    unjudged.setdefault((slug, jaar, zorgvorm), []).append(key)
    got = {(slug, jaar, z): [s.key for s in rs.signalen] for (slug, jaar), per_form in picked.items() for z, rs in per_form.items() if rs.signalen}
    assert got == expected
    per_region = [(slug, jaar, z, rs) for (slug, jaar), per_form in picked.items() for z, rs in per_form.items()]
    assert {(slug, jaar, z): list(rs.niet_te_beoordelen) for slug, jaar, z, rs in per_region if rs.niet_te_beoordelen} == unjudged
    assert got[("beta", 2026, Zorgvorm.hoogspecialistische_ggz)] == ["onder_druk"]
    assert ("alfa", 2026, Zorgvorm.hoogspecialistische_ggz) not in got  # beta's "onder druk" is not alfa's
    assert got[("alfa", 2026, Zorgvorm.klinische_zorg)] == ["lokaal_tekort"]  # the national absolute shortage is not alfa's label
    assert picked[("alfa", 2026)][Zorgvorm.klinische_zorg].absoluut is True
    assert "structureel" in got[("alfa", 2026, Zorgvorm.acute_zorg)] and "structureel" not in got.get(("alfa", 2025, Zorgvorm.acute_zorg), [])


def _acute(jaar: int) -> dict[str, object]:
    """Alfa's acute care figures of one year, read straight from the YAML."""
    return yaml.safe_load((ROOT / f"data/regions/alfa/{jaar}.yaml").read_text(encoding="utf-8"))["zorgvormen"]["acute_zorg"]


def test_overview_shows_per_care_form_a_chart_with_the_trend_in_words_the_signals_and_the_table(tmp_path: Path, stub_charts: list[str]) -> None:
    dataset, _problems = load_dataset(ROOT)
    outputs = generate_site(make_context(dataset, peildatum=dt.date(2026, 6, 1), cache_dir=tmp_path))
    page = outputs["regios/alfa/index.md"].content
    assert isinstance(page, str)
    figures = re.findall(r'<img src="(grafieken/[a-z-]+\.svg)" alt="([^"]+)"', page)
    assert [src for src, _alt in figures] == [f"grafieken/{z.value.replace('_', '-')}.svg" for z in Zorgvorm]
    assert all(isinstance(outputs[f"regios/alfa/{src}"].content, bytes) for src, _alt in figures)
    oud, nieuw = _acute(2025), _acute(2026)
    alt = figures[0][1]
    assert alt.startswith("Acute zorg in Alfa. Cyclus 2025 tot en met 2026: ")
    assert f"het aantal wachtenden steeg van {oud['wachtenden']} in 2025 naar {nieuw['wachtenden']} in 2026" in alt
    assert f"weken in 2025 naar {number(nieuw['gemiddelde_wachttijd_weken'], 1)} weken in 2026" in alt
    section = page.split("{ #acute-zorg }")[1].split("\n### ")[0]
    cyclus_2026 = next(line for line in section.splitlines() if line.startswith('<li><a href="2026/#acute-zorg">'))
    assert '<a class="signaal" href="../../landelijk/2026/#regel-structureel">Wachtlijstprobleem twee jaar op rij</a>' in cyclus_2026
    zin = section.split('<figcaption>')[1].split('<span class="verloop-zin">')[1].split("</span>")[0]  # the trend visible, not only in the alt text
    assert zin.startswith(f"Cyclus 2026 tegenover 2025: de werkelijke vraag bleef {number(nieuw['werkelijke_vraag'])}; ")
    assert f"het aantal wachtenden steeg van {oud['wachtenden']} naar {nieuw['wachtenden']}" in zin
    assert f"de gemiddelde wachttijd werd langer van {number(oud['gemiddelde_wachttijd_weken'], 1)} weken naar" in zin
    rows = re.findall(r'<tr><th scope="row"><a href="(\d{4})/">', section)
    assert rows == ["2025", "2026"] and "<caption>Acute zorg in Alfa per cyclus" in section



def test_overview_gives_each_signal_its_reason_for_the_region_and_the_tables_own_judgement(tmp_path: Path, stub_charts: list[str]) -> None:
    root = tmp_path / "project"
    shutil.copytree(ROOT, root)
    jaarbestand = root / "data/regions/alfa/2026.yaml"
    jaarbestand.write_text(jaarbestand.read_text(encoding="utf-8").replace(
        "  klinische_zorg:\n", "  klinische_zorg:\n    toegangsprobleem: {oordeel: nee, toelichting: Buurregio's nemen op.}\n", 1), encoding="utf-8")
    dataset, _problems = load_dataset(root)
    lokaal = next(s for s in region_signals(overzicht(dataset), [2026])[("alfa", 2026)][Zorgvorm.klinische_zorg].signalen if s.key == "lokaal_tekort")
    outputs = generate_site(make_context(dataset, peildatum=dt.date(2026, 6, 1), cache_dir=tmp_path / "cache"))
    page = outputs["regios/alfa/index.md"].content
    assert isinstance(page, str)
    section = page.split("{ #klinische-zorg }")[1].split("\n### ")[0]
    cycli = {jaar: next(line for line in section.splitlines() if line.startswith(f'<li><a href="{jaar}/#klinische-zorg">')) for jaar in (2025, 2026)}
    reden = lokaal.waarom["alfa"].replace("'", "&#39;")
    assert f'Lokaal tekort</a> <span class="waarom">({reden})</span>' in cycli[2026]
    assert "Toegangsprobleem volgens de tafel: nee" in cycli[2026]
    assert "Toegangsprobleem volgens de tafel" not in cycli[2025]  # no judgement given: nothing shown, never a guess

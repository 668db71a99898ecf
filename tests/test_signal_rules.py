"""Signals, round two (issue 23): one small fixture per rule, each a case real data meets every year.

Every test changes a copy of ``tests/fixtures/national`` (alfa – beta – gamma neighbours in a row,
delta alone) or ``tests/fixtures/mpu`` (the guide's MPU example) in a few figures, and checks
exactly which regions a rule names and which it cannot judge. Each failed on the code before
issue 23.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_scripts.analysis import national, signals
from build_scripts.analysis.national import Criterium
from build_scripts.cli import EXIT_OK, main
from build_scripts.contract import norms
from build_scripts.contract.vocabulary import Zorgvorm
from build_scripts.reading.load import load_dataset
from conftest import FIXTURES, Project

HSG, KLINISCH, MPU = Zorgvorm.hoogspecialistische_ggz, Zorgvorm.klinische_zorg, Zorgvorm.hoogspecialistische_ziekenhuiszorg
VIJF = ["duinstreek", "eilanden", "grensstreek", "merenland", "polderland"]


@pytest.fixture
def nat(tmp_path: Path) -> Project:
    shutil.copytree(FIXTURES / "national", tmp_path / "national")
    return Project(tmp_path / "national")


def zet(p: Project, slug: str, zorgvorm: Zorgvorm, jaar: int = 2026, **velden: Any) -> None:
    """Set fields of one care form in a region's year file (contract version 2); ``capaciteit=(binnen, buiten)``."""
    path = f"data/regions/{slug}/{jaar}.yaml"
    data = {"versie": 2, **yaml.safe_load(p.read(path))}
    g = data["zorgvormen"][zorgvorm.value]
    for key, value in velden.items():
        g[key] = {"binnen_regio": value[0], "buiten_regio": value[1]} if key == "capaciteit" else value
    p.write(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def criterium(naam: str, doelgroep: str, **alternatief: str | None) -> dict[str, Any]:
    """An exclusion criterion; pass ``alternatief=…`` (text or None) to answer the question, leave it out to leave it open."""
    return {"criterium": naam, "motivatie": "Geen expertise in het team", "doelgroep": doelgroep, **alternatief}


def beeld(root: Path, jaar: int = 2026) -> dict[Zorgvorm, signals.Tekortbeeld]:
    dataset, problems = load_dataset(root)
    assert not [p for p in problems if p.is_error], [p.message for p in problems if p.is_error]
    ov = national.overzicht(dataset)
    return signals.classify(ov.frame, ov.totaal, ov.buren, jaar)


def test_rule_1_an_absent_form_has_capacity_0_and_its_demand_counts(nat: Project) -> None:
    """delta (no neighbours) does not offer MPU care, capacity left null as `new-year` writes it; 40 patients need it."""
    zet(nat, "delta", MPU, aanwezig=False, capaciteit=(None, None), verwachte_vraag=None, werkelijke_vraag=40)
    mpu = beeld(nat.root)[MPU]
    lokaal = mpu.signaal("lokaal_tekort")
    assert lokaal is not None and lokaal.regios == ("delta",)
    assert lokaal.waarom["delta"] == "vraag 40, capaciteit 0, zorgvorm niet aanwezig: 40 tekort; geen buurregio's"
    assert "delta" not in mpu.niet_beoordeeld["lokaal_tekort"]
    dataset, _ = load_dataset(nat.root)
    totaal = national.totals_of_year(national.overzicht(dataset).totaal, 2026)[MPU]
    assert (totaal["n_vergelijking"], totaal["vraag_vergelijking"], totaal["capaciteit_vergelijking"]) == (1, 40, 0)
    assert mpu.absoluut is True  # the only region that knows its demand has none of the offer


def _fill_in(p: Project, slug: str, werkelijke_vraag: int, capaciteit: tuple[int, int] | None) -> None:
    """What a region does with the file `new-year` wrote: fill in this year's MPU figures, by editing the text."""
    path = f"data/regions/{slug}/2027.yaml"
    text = p.read(path)
    start = text.index("  hoogspecialistische_ziekenhuiszorg:\n")
    deel = text[start:].replace("werkelijke_vraag: null", f"werkelijke_vraag: {werkelijke_vraag}", 1)
    if capaciteit is not None:
        deel = deel.replace("binnen_regio: null", f"binnen_regio: {capaciteit[0]}", 1).replace("buiten_regio: null", f"buiten_regio: {capaciteit[1]}", 1)
    p.write(path, text[:start] + deel)


def test_rule_1_after_new_year_regions_without_the_form_get_the_mpu_local_shortage(tmp_path: Path) -> None:
    """End to end through the real `dossier new-year`: the guide's MPU example one cycle later."""
    shutil.copytree(FIXTURES / "mpu", tmp_path / "mpu")
    p = Project(tmp_path / "mpu")
    assert main(["--root", str(p.root), "new-year", "2027"]) == EXIT_OK
    dataset, _ = load_dataset(p.root)
    for slug, region in sorted(dataset.regions.items()):
        oud, nieuw = region.jaren[2026].zorgvormen[MPU], region.jaren[2027].zorgvormen[MPU]
        assert nieuw.aanwezig == oud.aanwezig and nieuw.capaciteit.binnen_regio is None  # what new-year writes
        capaciteit = (oud.capaciteit.binnen_regio, oud.capaciteit.buiten_regio) if oud.aanwezig else None
        _fill_in(p, slug, oud.werkelijke_vraag, capaciteit)
    mpu = beeld(p.root, 2027)[MPU]
    lokaal = mpu.signaal("lokaal_tekort")
    assert lokaal is not None and list(lokaal.regios) == VIJF
    assert "lokaal_tekort" not in mpu.niet_beoordeeld
    assert mpu.absoluut is False and mpu.beoordeeld("absoluut_tekort") == 10  # every region's demand counts nationally


def test_rule_2_an_unknown_neighbour_is_never_0_spare(nat: Project) -> None:
    """beta is 70 short in klinische zorg; alfa has nothing to spare, gamma's figures are unknown."""
    klinisch = beeld(nat.root)[KLINISCH]
    lokaal = klinisch.signaal("lokaal_tekort")
    assert lokaal is not None and "beta" not in lokaal.regios
    assert klinisch.niet_beoordeeld["lokaal_tekort"]["beta"] == (
        "vraag 460, capaciteit 390: 70 tekort; 1 van de 2 buurregio's te beoordelen, samen 0 over voor deze regio; "
        "van de andere zijn vraag of capaciteit onbekend"
    )
    assert lokaal.waarom["alfa"].endswith("de buurregio heeft 0 over voor deze regio")  # beta is known: truly nothing to spare


def test_rule_2_a_neighbour_without_a_file_this_cycle_is_unknown_not_0(nat: Project) -> None:
    """In 2025 gamma filed nothing; beta is 70 short there, alfa 30 with nothing to spare."""
    zet(nat, "beta", KLINISCH, jaar=2025, werkelijke_vraag=460)
    klinisch = beeld(nat.root, 2025)[KLINISCH]
    lokaal = klinisch.signaal("lokaal_tekort")
    assert lokaal is None or "beta" not in lokaal.regios
    assert "1 van de 2 buurregio's te beoordelen" in klinisch.niet_beoordeeld["lokaal_tekort"]["beta"]
    assert (klinisch.n_regios, klinisch.beoordeeld("lokaal_tekort")) == (3, 2)  # alfa, beta and delta filed for 2025; beta not judged


def test_rule_2_a_neighbour_without_a_file_is_not_a_neighbour_without_the_offer(nat: Project) -> None:
    """In 2025 beta knows no alternative for a criterion; alfa does not offer the form, gamma filed nothing."""
    zet(nat, "beta", HSG, jaar=2025, exclusiecriteria=[criterium("Geen actieve verslaving", "verslaving", alternatief=None)])
    zet(nat, "alfa", HSG, jaar=2025, aanwezig=False, capaciteit=(0, 0))
    signaal = beeld(nat.root, 2025)[HSG].signaal("tekort_door_exclusiecriteria")
    assert signaal is not None and signaal.waarom["beta"] == (
        "'Geen actieve verslaving': geen alternatief bekend; van 1 buurregio zijn voor deze cyclus geen gegevens"
    )
    zet(nat, "beta", HSG, exclusiecriteria=[criterium("Geen actieve verslaving", "verslaving", alternatief=None)])
    zet(nat, "alfa", HSG, aanwezig=False, capaciteit=(0, 0))
    zet(nat, "gamma", HSG, aanwezig=False, capaciteit=(0, 0))
    signaal = beeld(nat.root)[HSG].signaal("tekort_door_exclusiecriteria")  # 2026: both neighbours known, neither offers it
    assert signaal is not None and signaal.waarom["beta"] == "'Geen actieve verslaving': geen alternatief bekend; geen buurregio biedt deze zorgvorm aan"


def test_rule_3_a_named_alternative_answers_the_exclusion_question(nat: Project) -> None:
    """alfa excludes addiction but names the addiction clinic in its own region; no neighbour offers the form."""
    zet(nat, "alfa", HSG, exclusiecriteria=[criterium("Geen actieve verslaving", "verslaving", alternatief="de verslavingskliniek in de regio")])
    zet(nat, "beta", HSG, aanwezig=False, capaciteit=(0, 0))
    hsg = beeld(nat.root)[HSG]
    assert hsg.signaal("tekort_door_exclusiecriteria") is None
    assert "alfa" not in hsg.niet_beoordeeld.get("tekort_door_exclusiecriteria", {})  # judged: answered


def test_rule_4_an_unanswered_criterion_is_not_to_be_judged_never_a_shortage(nat: Project) -> None:
    """alfa's criterion names its group but says nothing about an alternative; no neighbour offers the form."""
    zet(nat, "alfa", HSG, exclusiecriteria=[criterium("Geen actieve verslaving", "verslaving")])
    zet(nat, "beta", HSG, aanwezig=False, capaciteit=(0, 0))
    hsg = beeld(nat.root)[HSG]
    assert hsg.signaal("tekort_door_exclusiecriteria") is None
    assert hsg.niet_beoordeeld["tekort_door_exclusiecriteria"]["alfa"] == "bij 1 van de 1 exclusiecriteria staat niet of er een alternatief is"
    zet(nat, "alfa", HSG, exclusiecriteria=[criterium("Geen actieve verslaving", "verslaving", alternatief=None)])
    signaal = beeld(nat.root)[HSG].signaal("tekort_door_exclusiecriteria")  # only "none known" counts
    assert signaal is not None and signaal.regios == ("alfa",)


@pytest.mark.parametrize(("alfa", "beta"), [
    (criterium("Geen opname bij dubbele diagnose", "anders"), criterium("Geen opname zonder woonplek", "anders")),
    (criterium("Geen opname onder 18 jaar", "leeftijd"), criterium("Geen opname vanaf 65 jaar", "leeftijd")),
])
def test_rule_5_anders_and_age_limits_match_no_other_group(nat: Project, alfa: dict[str, Any], beta: dict[str, Any]) -> None:
    """alfa and beta (neighbours, both offering the form) exclude two different groups under one code."""
    zet(nat, "alfa", HSG, exclusiecriteria=[alfa])
    zet(nat, "beta", HSG, exclusiecriteria=[beta])
    hsg = beeld(nat.root)[HSG]
    assert hsg.signaal("tekort_door_exclusiecriteria") is None
    assert set(hsg.niet_beoordeeld["tekort_door_exclusiecriteria"]) == {"alfa", "beta"}
    zet(nat, "alfa", HSG, exclusiecriteria=[{**alfa, "alternatief": None}])
    signaal = beeld(nat.root)[HSG].signaal("tekort_door_exclusiecriteria")
    assert signaal is not None and signaal.waarom["alfa"] == f"'{alfa['criterium']}': geen alternatief bekend"  # no "same group" claimed


def test_rule_5_only_a_named_comparable_group_is_the_same_group(nat: Project) -> None:
    from build_scripts.analysis.signal_rules import zelfde_groep  # here, so the other tests also run against the code before issue 23

    def c(doelgroep: str | None) -> Criterium:
        return Criterium("x", doelgroep, True, None)

    assert zelfde_groep(c("verslaving"), c("verslaving")) and not zelfde_groep(c("verslaving"), c("lvb"))
    assert not zelfde_groep(c("anders"), c("anders")) and not zelfde_groep(c("leeftijd"), c("leeftijd")) and not zelfde_groep(c(None), c(None))
    zet(nat, "alfa", HSG, exclusiecriteria=[criterium("Geen actieve verslaving", "verslaving", alternatief=None)])
    zet(nat, "beta", HSG, exclusiecriteria=[criterium("Geen verslaving", "verslaving", alternatief="elders")])
    signaal = beeld(nat.root)[HSG].signaal("tekort_door_exclusiecriteria")
    assert signaal is not None and signaal.regios == ("alfa",)
    assert signaal.waarom["alfa"] == "'Geen actieve verslaving': geen alternatief bekend; 1 van de 1 buurregio's met dit aanbod sluit dezelfde groep uit"


def test_rule_5_age_limits_are_the_same_group_only_where_their_ages_overlap(nat: Project) -> None:
    from build_scripts.analysis.signal_rules import zelfde_groep

    def leeftijd(vanaf: int | None, tot: int | None) -> Criterium:
        return Criterium("x", "leeftijd", True, None, None if (vanaf, tot) == (None, None) else (vanaf or 0, tot))

    assert zelfde_groep(leeftijd(None, 17), leeftijd(None, 15)) and zelfde_groep(leeftijd(60, None), leeftijd(65, 80))
    assert zelfde_groep(leeftijd(0, 17), leeftijd(17, None))  # both exclude 17-year-olds
    assert not zelfde_groep(leeftijd(None, 17), leeftijd(65, None)) and not zelfde_groep(leeftijd(None, 17), leeftijd(None, None))
    jong = {**criterium("Geen minderjarigen", "leeftijd", alternatief=None), "leeftijd_tot_en_met": 17}
    zet(nat, "alfa", HSG, exclusiecriteria=[jong])
    zet(nat, "beta", HSG, exclusiecriteria=[{**criterium("Niet onder 16", "leeftijd", alternatief="jeugd-ggz"), "leeftijd_tot_en_met": 15}])
    signaal = beeld(nat.root)[HSG].signaal("tekort_door_exclusiecriteria")
    assert signaal is not None and signaal.waarom["alfa"].endswith("1 van de 1 buurregio's met dit aanbod sluit dezelfde groep uit")
    zet(nat, "beta", HSG, exclusiecriteria=[{**criterium("Niet vanaf 65", "leeftijd", alternatief="ouderenpsychiatrie"), "leeftijd_vanaf": 65}])
    signaal = beeld(nat.root)[HSG].signaal("tekort_door_exclusiecriteria")
    assert signaal is not None and signaal.waarom["alfa"] == "'Geen minderjarigen': geen alternatief bekend"


def test_rule_5_a_region_page_shows_the_ages_an_age_limit_excludes(nat: Project, stub_charts: list[str]) -> None:
    zet(nat, "alfa", HSG, exclusiecriteria=[{**criterium("Geen minderjarigen", "leeftijd", alternatief="jeugd-ggz"), "leeftijd_tot_en_met": 17}])
    zet(nat, "beta", HSG, exclusiecriteria=[{**criterium("Geen werkenden", "leeftijd", alternatief="elders"), "leeftijd_vanaf": 18, "leeftijd_tot_en_met": 66}])
    pages = _pages(nat.root)
    assert "Groep: leeftijdsgrens (tot en met 17 jaar)" in pages["regios/alfa/2026/index.md"]
    assert "Groep: leeftijdsgrens (vanaf 18 tot en met 66 jaar)" in pages["regios/beta/2026/index.md"]


def test_rule_6_one_neighbours_spare_capacity_is_shared_not_spent_twice(nat: Project) -> None:
    """alfa and gamma are each 60 short in klinische zorg; beta, between them, has 80 to spare: 40 each."""
    zet(nat, "alfa", KLINISCH, werkelijke_vraag=450, capaciteit=(380, 10))
    zet(nat, "gamma", KLINISCH, werkelijke_vraag=450, capaciteit=(380, 10))
    zet(nat, "beta", KLINISCH, werkelijke_vraag=300, capaciteit=(370, 10))
    lokaal = beeld(nat.root)[KLINISCH].signaal("lokaal_tekort")
    assert lokaal is not None and {"alfa", "gamma"} <= set(lokaal.regios)
    assert lokaal.waarom["alfa"] == "vraag 450, capaciteit 390: 60 tekort; de buurregio heeft 40 over voor deze regio"
    zet(nat, "beta", KLINISCH, werkelijke_vraag=300, capaciteit=(420, 10))  # 130 to spare: 65 each covers both
    lokaal = beeld(nat.root)[KLINISCH].signaal("lokaal_tekort")
    assert lokaal is None or not {"alfa", "gamma"} & set(lokaal.regios)


def test_moderate_pressure_without_staffing_figures_is_not_to_be_judged(nat: Project) -> None:
    zet(nat, "alfa", KLINISCH, onder_druk={"mate": "matig"})
    klinisch = beeld(nat.root)[KLINISCH]
    assert klinisch.signaal("onder_druk") is None
    assert klinisch.niet_beoordeeld["onder_druk"] == {"alfa": "matig, en PNIL-aandeel en vacaturegraad onbekend"}
    zet(nat, "alfa", KLINISCH, onder_druk={"mate": "matig", "pnil_aandeel_pct": norms.DRUK_PNIL_PCT - 1})
    assert beeld(nat.root)[KLINISCH].niet_beoordeeld["onder_druk"] == {"alfa": "matig, en vacaturegraad onbekend"}
    zet(nat, "alfa", KLINISCH, onder_druk={"mate": "matig", "pnil_aandeel_pct": norms.DRUK_PNIL_PCT - 1, "vacaturegraad_pct": 0})
    assert "onder_druk" not in beeld(nat.root)[KLINISCH].niet_beoordeeld  # both known, both below: judged, no signal


def _pages(root: Path) -> dict[str, str]:
    import datetime as dt

    from build_scripts.render.context import make_context
    from build_scripts.render.registry import generate_site

    dataset, _ = load_dataset(root)
    outputs = generate_site(make_context(dataset, peildatum=dt.date(2026, 6, 1), cache_dir=root / ".cache"))
    return {path: out.content for path, out in outputs.items() if isinstance(out.content, str)}


def test_rule_7_a_region_page_shows_its_own_balance_and_links_the_national_conclusion(nat: Project, stub_charts: list[str]) -> None:
    """Nationally klinische zorg is short (alfa 510 and beta 460 against 390 each); delta has 126 against 125."""
    zet(nat, "delta", KLINISCH, werkelijke_vraag=126, capaciteit=(115, 10))
    assert beeld(nat.root)[KLINISCH].absoluut is True
    pages = _pages(nat.root)
    overzicht = pages["regios/delta/index.md"]
    cyclus = next(line for line in overzicht.splitlines() if line.startswith('<li><a href="2026/#klinische-zorg">'))
    jaarpagina = pages["regios/delta/2026/index.md"].split("{ #klinische-zorg }")[1].split("\n### ")[0]
    for tekst, root in ((cyclus, "../../"), (jaarpagina, "../../../")):
        assert ">Absoluut tekort</a>" not in tekst and "regel-absoluut-tekort" not in tekst  # no national label on the region
        assert '<span class="balans">Vraag 126 tegenover eigen capaciteit 125: 1 meer vraag dan eigen capaciteit.</span>' in tekst
        assert f'<a href="{root}landelijk/2026/#klinische-zorg">absoluut tekort</a>' in tekst  # the national conclusion, linked
    national = pages["landelijk/2026/index.md"].split("{ #klinische-zorg }")[1].split("<figure")[0]
    absoluut = next(line for line in national.splitlines() if "Absoluut tekort</strong>" in line)
    assert "regios/alfa/2026/" in absoluut and "regios/beta/2026/" in absoluut and "regios/delta/2026/" not in absoluut  # 126 vs 125: within the margin


def test_the_rules_page_prints_the_thresholds_the_analysis_uses(nat: Project, stub_charts: list[str]) -> None:
    """Every threshold in norms.py is on the rules page with its value, no other percentage is, and the analysis turns exactly there."""
    import re

    page = _pages(nat.root)["landelijk/2026/index.md"]
    regels = page.split('{ #zo-rekenen-we }')[1]
    printed = re.findall(r'<span class="norm" data-norm="([A-Z_]+)">(\d+)</span>', regels)
    constants = {name: value for name, value in vars(norms).items() if name.isupper() and isinstance(value, int)}
    assert {name for name, _value in printed} == set(constants)
    assert all(int(value) == constants[name] for name, value in printed), printed
    drempels = regels.split('<ul class="drempels">')[1].split("</ul>")[0]
    assert {name for name, _value in re.findall(r'data-norm="([A-Z_]+)">(\d+)<', drempels)} == set(constants)
    assert not re.findall(r"\d+\s*%", re.sub(r'<span class="norm"[^>]*>\d+</span>', "", regels))  # no threshold typed by hand
    shown = {name: int(value) for name, value in printed}
    marge = 1 + shown["MARGE_PCT"] / 100
    assert signals.absoluut_tekort({"vraag_vergelijking": 1000 * marge, "capaciteit_vergelijking": 1000, "n_vergelijking": 1}) is False
    assert signals.absoluut_tekort({"vraag_vergelijking": 1000 * marge + 1, "capaciteit_vergelijking": 1000, "n_vergelijking": 1}) is True
    for capaciteit, fires in ((50 - shown["MIN_TEKORT"], True), (50 - shown["MIN_TEKORT"] + 1, False)):  # delta has no neighbours
        zet(nat, "delta", KLINISCH, werkelijke_vraag=50, capaciteit=(capaciteit, 0))
        assert ("delta" in (beeld(nat.root)[KLINISCH].signaal("lokaal_tekort") or signals.Signaal("x")).regios) is fires
    for pnil, fires in ((shown["DRUK_PNIL_PCT"], True), (shown["DRUK_PNIL_PCT"] - 1, False)):
        zet(nat, "alfa", KLINISCH, onder_druk={"mate": "matig", "pnil_aandeel_pct": pnil, "vacaturegraad_pct": shown["DRUK_VACATURE_PCT"] - 1})
        assert (beeld(nat.root)[KLINISCH].signaal("onder_druk") is not None) is fires
    assert norms.supply_change(True, 100, True, 100 - shown["KRIMP_PCT"]) is None
    assert norms.supply_change(True, 100, True, 100 - shown["KRIMP_PCT"] - 1) == "krimpt"

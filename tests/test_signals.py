"""The national signals follow the guide (§3.2, §4.2) and the Kamerbrief: one small fixture per rule, results worked by hand.

The national fixture has four regions: alfa – beta – gamma are neighbours in a row, delta stands
alone. Each test changes a copy of it in one place and checks exactly which regions a rule names.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts.analysis import national, signals
from build_scripts.contract import norms
from build_scripts.contract.vocabulary import Zorgvorm
from build_scripts.reading.load import load_dataset
from conftest import FIXTURES, REPO, Project

HSG = Zorgvorm.hoogspecialistische_ggz
CRITERIUM = "      - criterium: Geen behandeling bij actieve verslaving\n        motivatie: Ontbrekende expertise in het team\n"


@pytest.fixture
def nat(tmp_path: Path) -> Project:
    shutil.copytree(FIXTURES / "national", tmp_path / "national")
    return Project(tmp_path / "national")


def beeld(root: Path, jaar: int = 2026) -> dict[Zorgvorm, signals.Tekortbeeld]:
    dataset, problems = load_dataset(root)
    assert not [p for p in problems if p.is_error], problems
    ov = national.overzicht(dataset)
    return signals.classify(ov.frame, ov.totaal, ov.buren, jaar)


def version_2(project: Project, *regions: str) -> None:
    for slug in regions:
        project.replace(f"data/regions/{slug}/2026.yaml", "regio:", "versie: 2\nregio:")


def test_a_criterion_with_an_alternative_is_no_shortage(nat: Project) -> None:
    version_2(nat, "alfa")
    nat.replace("data/regions/alfa/2026.yaml", CRITERIUM, CRITERIUM + "        doelgroep: verslaving\n        alternatief: de verslavingskliniek\n")
    hsg = beeld(nat.root)[HSG]
    assert hsg.signaal("tekort_door_exclusiecriteria") is None
    assert "tekort_door_exclusiecriteria" not in hsg.niet_beoordeeld  # judged: it has an alternative


def test_a_criterion_without_any_known_alternative_is_a_shortage(nat: Project) -> None:
    version_2(nat, "alfa")
    nat.replace("data/regions/alfa/2026.yaml", CRITERIUM, CRITERIUM + "        alternatief: null\n")
    signaal = beeld(nat.root)[HSG].signaal("tekort_door_exclusiecriteria")
    assert signaal is not None and signaal.regios == ("alfa",)
    assert "geen alternatief bekend" in signaal.waarom["alfa"]


def test_a_form_that_disappears_is_signalled_and_warned(nat: Project) -> None:
    """beta's beveiligde zorg: present in 2025, gone in 2026."""
    path = "data/regions/beta/2026.yaml"
    text = nat.read(path)
    start = text.index("  beveiligde_zorg:\n    aanwezig: true")
    nat.write(path, text[:start] + text[start:].replace("aanwezig: true", "aanwezig: false", 1)
              .replace("binnen_regio: 45\n      buiten_regio: 15", "binnen_regio: 0\n      buiten_regio: 0", 1))
    signaal = beeld(nat.root)[Zorgvorm.beveiligde_zorg].signaal("aanbod_krimpt")
    assert signaal is not None and signaal.regios == ("beta",) and signaal.waarom["beta"] == "niet meer aanwezig"
    warnings = [p for p in nat.problems() if p.key_path == "zorgvormen.beveiligde_zorg.aanwezig"]
    line = nat.line_of(path, "aanwezig: false")
    assert [(p.path, p.line, p.severity) for p in warnings] == [(path, line, "waarschuwing")]
    assert warnings[0].message.startswith("aanbod verdwijnt: in 2025 aanwezig met capaciteit 60, nu niet meer;")


def test_a_shrinking_offer_is_quiet_once_it_is_on_the_agenda(nat: Project) -> None:
    path = "data/regions/beta/2026.yaml"
    text = nat.read(path)
    start = text.index("  beveiligde_zorg:")
    shrunk = text[start:].replace("binnen_regio: 45\n      buiten_regio: 15", "binnen_regio: 40\n      buiten_regio: 10", 1)  # 60 → 50: 17%
    nat.write(path, text[:start] + shrunk)
    assert beeld(nat.root)[Zorgvorm.beveiligde_zorg].signaal("aanbod_krimpt") is not None
    assert [p.message[:13] for p in nat.problems() if p.key_path == "zorgvormen.beveiligde_zorg.capaciteit"] == ["aanbod krimpt"]
    nat.write(path, text[:start] + shrunk.replace("    onder_druk:", "    prioriteit: true\n    onder_druk:", 1))
    assert not [p for p in nat.problems() if p.key_path.startswith("zorgvormen.beveiligde_zorg")]


def test_a_small_fall_in_capacity_is_no_shrinking() -> None:
    assert norms.supply_change(True, 100, True, 100 - norms.KRIMP_PCT) is None
    assert norms.supply_change(True, 100, True, 100 - norms.KRIMP_PCT - 1) == "krimpt"
    assert norms.supply_change(False, 0, False, 0) is None and norms.supply_change(True, None, True, None) is None


def test_absolute_shortage_needs_the_margin() -> None:
    totaal = {"vraag_vergelijking": 6_655, "capaciteit_vergelijking": 6_590, "n_vergelijking": 10}  # outreach 2025: 1% more demand
    assert signals.absoluut_tekort(totaal) is False
    assert signals.absoluut_tekort({**totaal, "vraag_vergelijking": 6_590 * 1.06}) is True


def test_moderate_pressure_counts_only_with_a_staffing_figure_above_the_threshold(nat: Project) -> None:
    path = "data/regions/alfa/2026.yaml"
    text = nat.read(path)
    start = text.index("  klinische_zorg:")
    nat.write(path, text[:start] + text[start:].replace("      mate: geen", f"      mate: matig\n      vacaturegraad_pct: {norms.DRUK_VACATURE_PCT - 1}", 1))
    assert beeld(nat.root)[Zorgvorm.klinische_zorg].signaal("onder_druk") is None
    nat.replace(path, f"vacaturegraad_pct: {norms.DRUK_VACATURE_PCT - 1}", f"vacaturegraad_pct: {norms.DRUK_VACATURE_PCT}")
    assert beeld(nat.root)[Zorgvorm.klinische_zorg].signaal("onder_druk") == signals.Signaal("onder_druk", ("alfa",))


def test_local_shortage_counts_the_neighbours_spare_capacity_not_their_mere_offer(nat: Project) -> None:
    """alfa is 120 short in klinische zorg; its neighbour beta has the offer but no room. Give beta 130 spare beds."""
    before = beeld(nat.root)[Zorgvorm.klinische_zorg].signaal("lokaal_tekort")
    assert before is not None and "alfa" in before.regios
    path = "data/regions/beta/2026.yaml"
    text = nat.read(path)
    start = text.index("  klinische_zorg:")
    nat.write(path, text[:start] + text[start:].replace("binnen_regio: 380", "binnen_regio: 580", 1))  # 590 against demand 460
    lokaal = beeld(nat.root)[Zorgvorm.klinische_zorg].signaal("lokaal_tekort")
    assert lokaal is not None and "alfa" not in lokaal.regios and "beta" not in lokaal.regios


def test_the_tables_own_judgement_stands_beside_the_signal(nat: Project) -> None:
    version_2(nat, "alfa")
    path = "data/regions/alfa/2026.yaml"
    text = nat.read(path)
    start = text.index("  klinische_zorg:")
    judgement = "    toegangsprobleem:\n      oordeel: nee\n      toelichting: Patiënten gaan naar beta\n    onder_druk:"
    nat.write(path, text[:start] + text[start:].replace("    onder_druk:", judgement, 1))
    klinisch = beeld(nat.root)[Zorgvorm.klinische_zorg]
    assert klinisch.signaal("lokaal_tekort") is not None and klinisch.oordelen["alfa"] == "nee"


def test_on_the_example_data_no_signal_fires_for_every_care_form() -> None:
    dataset, _ = load_dataset(REPO)
    ov = national.overzicht(dataset)
    for jaar in dataset.jaren:
        gevonden = signals.classify(ov.frame, ov.totaal, ov.buren, jaar)
        for key in signals.SIGNAAL_LABELS:
            forms = [z for z, tb in gevonden.items() if tb.signaal(key) is not None]
            assert len(forms) < len(Zorgvorm), (jaar, key, forms)


@pytest.mark.parametrize(("jaar", "zorgvorm", "regios"), [
    (2025, Zorgvorm.klinische_zorg, {"zaanstreek-waterland"}),
    (2025, Zorgvorm.beveiligde_zorg, {"flevoland"}),
    (2026, Zorgvorm.beveiligde_zorg, {"noord-holland-noord"}),
    (2026, Zorgvorm.hoogspecialistische_ziekenhuiszorg, {"noord-holland-noord", "zaanstreek-waterland", "flevoland"}),
])
def test_the_example_advices_local_shortages_follow_from_the_example_data(jaar: int, zorgvorm: Zorgvorm, regios: set[str]) -> None:
    """The example national advice diagnoses these local shortages (the MPU one: Amsterdam's smaller MPU, for Noord-Holland and Flevoland)."""
    lokaal = beeld(REPO, jaar)[zorgvorm].signaal("lokaal_tekort")
    assert lokaal is not None and regios <= set(lokaal.regios)
    assert beeld(REPO, 2025)[Zorgvorm.klinische_zorg].absoluut is False  # "een lokaal tekort en niet een absoluut tekort"

"""``dossier new-year``: next cycle's file keeps what is stable, empties the figures, and validates."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_scripts.cli import EXIT_OK, EXIT_USAGE, main
from build_scripts.contract.models import RegioJaar
from build_scripts.contract.vocabulary import Zorgvorm
from build_scripts.editing.new_year import SCHEMA_LINE, next_year_text
from build_scripts.reading.load import load_dataset
from conftest import FIXTURES, Project

NIEUW = "data/regions/noord/2027.yaml"
AGENDA_WARNINGS = {"er staat geen eerste gespreksronde in de jaaragenda", "er staat geen tweede gespreksronde in de jaaragenda"}


def test_new_year_file_validates_with_only_the_agenda_warnings(project: Project) -> None:
    assert main(["--root", str(project.root), "new-year", "2027", "--regio", "noord"]) == EXIT_OK
    problems = [p for p in project.problems() if p.path == NIEUW]
    assert {p.message for p in problems} == AGENDA_WARNINGS
    assert not any(p.is_error for p in problems)


def test_new_year_keeps_stable_fields_and_empties_the_rest(project: Project) -> None:
    assert main(["--root", str(project.root), "new-year", "2027", "--regio", "noord"]) == EXIT_OK
    dataset, _ = load_dataset(project.root)
    bron, nieuw = dataset.regions["noord"].jaren[2026], dataset.regions["noord"].jaren[2027]
    assert nieuw.tafel == bron.tafel and nieuw.status.value == "concept"
    assert nieuw.jaaragenda.gepubliceerd is None and nieuw.jaaragenda.bijeenkomsten == []
    assert nieuw.regioplan is None and nieuw.escalaties == []
    for zorgvorm in Zorgvorm:
        oud, g = bron.zorgvormen[zorgvorm], nieuw.zorgvormen[zorgvorm]
        assert (g.aanwezig, g.landelijke_functie, g.bovenregionale_netwerken, g.exclusiecriteria) == (
            oud.aanwezig, oud.landelijke_functie, oud.bovenregionale_netwerken, oud.exclusiecriteria,
        )
        figures = (g.verwachte_vraag, g.werkelijke_vraag, g.capaciteit.binnen_regio, g.capaciteit.buiten_regio, g.wachtenden,
                   g.gemiddelde_wachttijd_weken, g.gesloten_wachtlijsten, g.onder_druk.pnil_aandeel_pct, g.onder_druk.vacaturegraad_pct)
        assert figures == (None,) * len(figures)
        assert g.bespreekpunt is None and g.onder_druk.mate == oud.onder_druk.mate


def test_new_year_text_starts_with_schema_line_and_dutch_instructions(project: Project) -> None:
    assert main(["--root", str(project.root), "new-year", "2027"]) == EXIT_OK
    text = project.read(NIEUW)
    first, *rest = text.splitlines()
    assert first == SCHEMA_LINE
    comment = "\n".join(line for line in rest if line.startswith("#"))
    assert "Gemaakt uit 2026.yaml" in comment and "Nog in te vullen" in comment and "31 mei 2027" in comment
    assert project.path("data/regions/zuid/2027.yaml").is_file()


def test_new_year_never_overwrites(project: Project, capsys) -> None:
    assert main(["--root", str(project.root), "new-year", "2027", "--regio", "noord"]) == EXIT_OK
    project.write(NIEUW, project.read(NIEUW) + "# eigen aantekening\n")
    before = project.read(NIEUW)
    assert main(["--root", str(project.root), "new-year", "2027", "--regio", "noord"]) == EXIT_USAGE
    assert project.read(NIEUW) == before
    assert "bestaat al; niet overschreven" in capsys.readouterr().err


def test_new_year_unknown_region_or_no_source(project: Project, capsys) -> None:
    assert main(["--root", str(project.root), "new-year", "2027", "--regio", "west"]) == EXIT_USAGE
    assert "regio 'west' bestaat niet" in capsys.readouterr().err
    assert main(["--root", str(project.root), "new-year", "2025", "--regio", "zuid"]) == EXIT_USAGE
    assert "geen (geldig) bestand van vóór 2025" in capsys.readouterr().err


_TEXT = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")) | st.sampled_from("\n:#'\"-|>&*!%@`"), min_size=1, max_size=60)
_SOURCE = load_dataset(FIXTURES / "mini")[0].regions["noord"].jaren[2026]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organisatie=_TEXT.filter(lambda t: t.strip() and "\n" not in t), motivatie=_TEXT.filter(str.strip), netwerk=_TEXT.filter(str.strip))
@example(organisatie="Ja", motivatie="eerste regel\n\n  ingesprongen\n", netwerk="\xa0'")  # PyYAML would write the last one unquoted
def test_emitted_yaml_reads_back_as_written(organisatie: str, motivatie: str, netwerk: str) -> None:
    """Whatever a region typed (quotes, colons, newlines, '#'), the copied text stays exactly the same (a name on one line)."""
    tafel = _SOURCE.tafel.model_copy(update={"deelnemers": [_SOURCE.tafel.deelnemers[0].model_copy(update={"organisatie": organisatie})]})
    acute = _SOURCE.zorgvormen.acute_zorg
    acute = acute.model_copy(update={
        "exclusiecriteria": [acute.exclusiecriteria[0].model_copy(update={"motivatie": motivatie})],
        "bovenregionale_netwerken": [netwerk],
    })
    model = _SOURCE.model_copy(update={"tafel": tafel, "zorgvormen": _SOURCE.zorgvormen.model_copy(update={"acute_zorg": acute})})
    back = RegioJaar.model_validate(yaml.load(next_year_text(model, "Noord", 2027), Loader=yaml.CSafeLoader))
    assert back.tafel.deelnemers[0].organisatie == organisatie
    assert back.zorgvormen.acute_zorg.exclusiecriteria[0].motivatie == motivatie
    assert back.zorgvormen.acute_zorg.bovenregionale_netwerken == [netwerk]

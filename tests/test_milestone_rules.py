"""Milestone checks of the contract: warnings with file:line that never block publication."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts.cli import main
from build_scripts.reading.problems import Problem
from conftest import FIXTURES, Project

ALFA = "data/regions/alfa/2026.yaml"
BETA = "data/regions/beta/2026.yaml"
GAMMA = "data/regions/gamma/2026.yaml"
LANDELIJK = "data/landelijk/2026.yaml"


@pytest.fixture
def agenda_project(tmp_path: Path) -> Project:
    shutil.copytree(FIXTURES / "agenda" / "basis", tmp_path / "proj")
    return Project(tmp_path / "proj")


def only_warnings(project: Project) -> list[Problem]:
    problems = project.problems()
    assert problems and not [p for p in problems if p.is_error], problems
    return problems


def at(problems: list[Problem], path: str) -> dict[str, Problem]:
    return {p.key_path: p for p in problems if p.path == path}


def test_on_time_region_has_no_milestone_warning(agenda_project: Project) -> None:
    assert at(only_warnings(agenda_project), ALFA) == {}


def test_first_round_in_july_is_a_warning_naming_file_and_line(agenda_project: Project) -> None:
    agenda_project.replace(ALFA, "- datum: 2026-04-14", "- datum: 2026-07-07")
    found = at(only_warnings(agenda_project), ALFA)
    p = found["jaaragenda.bijeenkomsten[0].datum"]
    assert (p.line, p.severity) == (agenda_project.line_of(ALFA, "2026-07-07"), "waarschuwing")
    assert "eerste gespreksronde" in p.message and "31 mei 2026" in p.message
    assert p.as_text().startswith(f"{ALFA}:{p.line}:")


def test_first_round_in_july_does_not_fail_validate(agenda_project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    agenda_project.replace(ALFA, "- datum: 2026-04-14", "- datum: 2026-07-07")
    line = agenda_project.line_of(ALFA, "2026-07-07")
    assert main(["--root", str(agenda_project.root), "validate", str(agenda_project.path(ALFA))]) == 0
    assert f"{ALFA}:{line}:" in capsys.readouterr().out


def test_late_rounds_and_short_lead_time_are_located(agenda_project: Project) -> None:
    found = at(only_warnings(agenda_project), BETA)
    assert set(found) == {
        "jaaragenda.bijeenkomsten[0].datum",
        "jaaragenda.bijeenkomsten[0].stukken_verspreid",
        "jaaragenda.bijeenkomsten[1].datum",
    }
    assert found["jaaragenda.bijeenkomsten[0].datum"].line == agenda_project.line_of(BETA, "2026-06-09")
    assert found["jaaragenda.bijeenkomsten[1].datum"].line == agenda_project.line_of(BETA, "2026-09-01")
    assert "15 augustus 2026" in found["jaaragenda.bijeenkomsten[1].datum"].message
    stukken = found["jaaragenda.bijeenkomsten[0].stukken_verspreid"]
    assert stukken.line == agenda_project.line_of(BETA, "stukken_verspreid: 2026-06-02")
    assert "7 dagen voor de bijeenkomst" in stukken.message


def test_second_round_message_is_about_the_plan_not_the_input(agenda_project: Project) -> None:
    message = at(only_warnings(agenda_project), BETA)["jaaragenda.bijeenkomsten[1].datum"].message
    assert "regioplan" in message and "input" not in message


def test_documents_sent_after_the_meeting(agenda_project: Project) -> None:
    agenda_project.replace(ALFA, "stukken_verspreid: 2026-03-31", "stukken_verspreid: 2026-04-20")
    p = at(only_warnings(agenda_project), ALFA)["jaaragenda.bijeenkomsten[0].stukken_verspreid"]
    assert "ná de bijeenkomst van 14 april 2026" in p.message and "-6 dagen" not in p.message


@pytest.mark.parametrize(("stukken", "warned"), [("2026-03-31", False), ("2026-04-01", True)])
def test_fourteen_days_is_the_boundary(agenda_project: Project, stukken: str, warned: bool) -> None:
    agenda_project.replace(ALFA, "stukken_verspreid: 2026-03-31", f"stukken_verspreid: {stukken}")
    problems = agenda_project.problems()
    assert ("jaaragenda.bijeenkomsten[0].stukken_verspreid" in at(problems, ALFA)) is warned


def test_missing_rounds_point_at_the_meeting_list(agenda_project: Project) -> None:
    found = [p for p in only_warnings(agenda_project) if p.path == GAMMA]
    assert {p.message for p in found} == {
        "er staat geen eerste gespreksronde in de jaaragenda",
        "er staat geen tweede gespreksronde in de jaaragenda",
    }
    assert {p.line for p in found} == {agenda_project.line_of(GAMMA, "bijeenkomsten:")}


def test_agenda_published_in_january(agenda_project: Project) -> None:
    agenda_project.replace(ALFA, "gepubliceerd: 2026-02-10", "gepubliceerd: 2026-01-20")
    p = at(only_warnings(agenda_project), ALFA)["jaaragenda.gepubliceerd"]
    assert p.line == agenda_project.line_of(ALFA, "gepubliceerd:") and "vóór februari 2026" in p.message


@pytest.mark.parametrize(("heidag", "warned"), [("2026-06-14", True), ("2026-06-15", False), ("2026-06-21", False), ("2026-06-22", True)])
def test_heidag_must_fall_in_the_third_week_of_june(agenda_project: Project, heidag: str, warned: bool) -> None:
    agenda_project.replace(LANDELIJK, "heidag: 2026-06-17", f"heidag: {heidag}")
    agenda_project.replace(LANDELIJK, "stukken_verspreid: 2026-06-03", "stukken_verspreid: 2026-05-20")
    found = at(agenda_project.problems(), LANDELIJK)
    assert ("heidag" in found) is warned
    if warned:
        assert found["heidag"].severity == "waarschuwing" and found["heidag"].line == agenda_project.line_of(LANDELIJK, "heidag:")

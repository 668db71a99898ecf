"""Warnings: publishable, but the table should look again. They never block."""

from __future__ import annotations

from conftest import Project

NOORD = "data/regions/noord/2026.yaml"


def warnings(project: Project):
    problems = project.problems()
    assert not [p for p in problems if p.is_error], problems
    return problems


def test_first_round_in_july_is_a_warning_with_location(project: Project) -> None:
    project.replace(NOORD, "- datum: 2026-04-14", "- datum: 2026-07-14")
    [p] = warnings(project)
    assert (p.path, p.line, p.key_path) == (NOORD, project.line_of(NOORD, "2026-07-14"), "jaaragenda.bijeenkomsten[0].datum")
    assert p.severity == "waarschuwing" and "na de mijlpaal van 31 mei 2026" in p.message


def test_documents_sent_late(project: Project) -> None:
    project.replace(NOORD, "stukken_verspreid: 2026-03-31", "stukken_verspreid: 2026-04-07")
    [p] = warnings(project)
    assert "7 dagen voor de bijeenkomst" in p.message


def test_no_second_round_and_early_agenda(project: Project) -> None:
    project.replace(NOORD, "soort: tweede_gespreksronde", "soort: monitoring")
    project.replace(NOORD, "gepubliceerd: 2026-02-10", "gepubliceerd: 2026-01-10")
    messages = {p.message.split(";")[0] for p in warnings(project)}
    assert "er staat geen tweede gespreksronde in de jaaragenda" in messages
    assert any("vóór februari 2026" in m for m in messages)


def test_heidag_outside_third_week(project: Project) -> None:
    project.replace("data/landelijk/2026.yaml", "heidag: 2026-06-17", "heidag: 2026-06-24")
    [p] = [p for p in warnings(project) if p.key_path == "heidag"]
    assert "buiten de derde week van juni" in p.message


def test_participants(project: Project) -> None:
    text = project.read(NOORD)
    start, end = text.index("    - vertegenwoordiging: patienten"), text.index("    - vertegenwoordiging: zorgaanbieders")
    project.write(NOORD, text[:start] + text[end:])
    project.replace(NOORD, "onafhankelijk: true", "onafhankelijk: false")
    messages = " | ".join(p.message for p in warnings(project))
    assert "geen vertegenwoordiging van patiënten" in messages and "onafhankelijke voorzitter" in messages


def test_national_function_on_regional_form(project: Project) -> None:
    project.replace(NOORD, "landelijke_functie: false", "landelijke_functie: true")
    [p] = warnings(project)
    assert p.key_path == "zorgvormen.acute_zorg.landelijke_functie"


def test_jump_of_more_than_factor_three(project: Project) -> None:
    project.replace(NOORD, "verwachte_vraag: 1000", "verwachte_vraag: 10000")
    [p] = warnings(project)
    assert p.key_path == "zorgvormen.acute_zorg.verwachte_vraag"
    assert "veranderde van 1000 (2025) naar 10000" in p.message


def test_unknown_values_do_not_count_as_jumps(project: Project) -> None:
    project.replace(NOORD, "verwachte_vraag: 1000", "verwachte_vraag: null")
    assert warnings(project) == []

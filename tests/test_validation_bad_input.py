"""Every kind of bad input named in the contract gets a located Dutch message (file:line:col)."""

from __future__ import annotations

import pytest

from conftest import Project

NOORD = "data/regions/noord/2026.yaml"


def only(problems, severity="fout"):
    return [p for p in problems if p.severity == severity]


def test_fixture_is_clean(project: Project) -> None:
    assert project.problems() == []


def test_duplicate_key(project: Project) -> None:
    project.replace(NOORD, "status: vastgesteld\n", "status: vastgesteld\nstatus: concept\n")
    [p] = only(project.problems())
    assert (p.path, p.line, p.column, p.key_path) == (NOORD, 4, 1, "status")
    assert "dubbele sleutel 'status' (staat ook op regel 3)" in p.message


def test_misspelled_key_suggests_nearest(project: Project) -> None:
    project.replace(NOORD, "    wachtenden: 12\n", "    wachtende: 12\n")
    [p] = [p for p in only(project.problems()) if "onbekende sleutel" in p.message]
    line = project.line_of(NOORD, "wachtende: 12")
    assert (p.line, p.column, p.key_path) == (line, 5, "zorgvormen.acute_zorg.wachtende")
    assert "bedoelde je 'wachtenden'?" in p.message
    assert "toegestaan zijn: aanwezig, verwachte_vraag" in p.message


def test_thousands_separator(project: Project) -> None:
    project.replace(NOORD, "verwachte_vraag: 1000", "verwachte_vraag: 1.200")
    [p] = only(project.problems())
    assert p.line == project.line_of(NOORD, "1.200")
    assert p.as_text().endswith(
        "fout: zorgvormen.acute_zorg.verwachte_vraag: '1.200' is geen geheel getal; "
        "gebruik geen punt als duizendtalscheiding: schrijf 1200"
    )


def test_negative_number(project: Project) -> None:
    project.replace(NOORD, "gesloten_wachtlijsten: 0", "gesloten_wachtlijsten: -3")
    [p] = only(project.problems())
    assert p.line == project.line_of(NOORD, "gesloten_wachtlijsten: -3")
    assert "'-3' is te laag: de waarde moet minimaal 0 zijn" in p.message


def test_text_in_number(project: Project) -> None:
    project.replace(NOORD, "verwachte_vraag: 300", "verwachte_vraag: ongeveer driehonderd")
    [p] = only(project.problems())
    assert p.key_path == "zorgvormen.outreachende_zorg.verwachte_vraag"
    assert "verwacht een geheel getal van 0 of meer, gevonden 'ongeveer driehonderd'" in p.message


def test_day_first_date(project: Project) -> None:
    project.replace(NOORD, "- datum: 2026-04-14", "- datum: 14-04-2026")
    [p] = only(project.problems())
    assert (p.line, p.key_path) == (project.line_of(NOORD, "14-04-2026"), "jaaragenda.bijeenkomsten[0].datum")
    assert "JJJJ-MM-DD" in p.message and "'14-04-2026'" in p.message


def test_impossible_date(project: Project) -> None:
    project.replace(NOORD, "- datum: 2026-04-14", "- datum: 2026-02-30")
    [p] = only(project.problems())
    assert "'2026-02-30' is geen bestaande datum" in p.message


def test_unquoted_time_read_as_number(project: Project) -> None:
    project.replace(NOORD, 'tijd: "13:30-17:00"', "tijd: 13:30")
    [p] = only(project.problems())
    assert (p.line, p.key_path) == (project.line_of(NOORD, "tijd: 13:30"), "jaaragenda.bijeenkomsten[0].tijd")
    assert "YAML leest een tijd zonder aanhalingstekens als getal" in p.message
    assert "'13:30'" in p.message  # what the region typed, not YAML's 810


def test_tab_indentation(project: Project) -> None:
    project.replace(NOORD, "\n  voorzitter:", "\n\tvoorzitter:")
    [p] = only(project.problems())
    assert (p.path, p.line) == (NOORD, project.line_of(NOORD, "\tvoorzitter"))
    assert "tab" in p.message and "spaties" in p.message


def test_alias_and_anchor(project: Project) -> None:
    project.replace(NOORD, "status: vastgesteld", "status: &s vastgesteld\nextra: *s")
    problems = only(project.problems())
    messages = {(p.line, p.message.split(" ")[0]) for p in problems}
    assert (3, "anker") in messages and (4, "verwijzing") in messages


def test_explicit_tag(project: Project) -> None:
    project.replace(NOORD, "status: vastgesteld", "status: !!str vastgesteld")
    [p] = only(project.problems())
    assert p.line == 3 and "YAML-label" in p.message


def test_top_level_list(project: Project) -> None:
    project.write(NOORD, "- regio: noord\n- jaar: 2026\n")
    [p] = only(project.problems())
    assert (p.line, p.column) == (1, 1)
    assert "moet beginnen met sleutels" in p.message and "een lijst" in p.message


def test_missing_care_form(project: Project) -> None:
    text = project.read(NOORD)
    start = text.index("  beveiligde_zorg:")
    end = text.index("  hoogspecialistische_ggz:")
    project.write(NOORD, text[:start] + text[end:])
    [p] = only(project.problems())
    assert (p.line, p.key_path) == (project.line_of(NOORD, "zorgvormen:"), "zorgvormen.beveiligde_zorg")
    assert p.message == "ontbrekende sleutel 'beveiligde_zorg'; deze sleutel is verplicht"


def test_missing_value_hints_null(project: Project) -> None:
    project.replace(NOORD, "    wachtenden: 12\n", "")
    [p] = only(project.problems())
    assert "gebruik null als de waarde onbekend is" in p.message
    assert p.line == project.line_of(NOORD, "  acute_zorg:")


def test_enum_outside_list_lists_allowed_values(project: Project) -> None:
    project.replace(NOORD, "mate: matig", "mate: hoog")
    [p] = only(project.problems())
    assert p.message == "waarde 'hoog' is niet toegestaan; kies uit: geen, beperkt, matig, ernstig"


def test_enum_typo_suggests(project: Project) -> None:
    project.replace(NOORD, "soort: eerste_gespreksronde", "soort: eerste_gespreksrond")
    [p] = only(project.problems())
    assert "(bedoelde je 'eerste_gespreksronde'?)" in p.message


def test_percentage_over_100(project: Project) -> None:
    project.replace(NOORD, "pnil_aandeel_pct: 12", "pnil_aandeel_pct: 180")
    [p] = only(project.problems())
    assert p.line == project.line_of(NOORD, "pnil_aandeel_pct: 180")
    assert "'180' is te hoog: de waarde mag hoogstens 100 zijn" in p.message


def test_bespreekpunt_on_acute_zorg(project: Project) -> None:
    project.replace(NOORD, "  acute_zorg:\n", "  acute_zorg:\n    bespreekpunt:\n      agenderen: false\n")
    [p] = only(project.problems())
    assert (p.line, p.key_path) == (project.line_of(NOORD, "    bespreekpunt:"), "zorgvormen.acute_zorg.bespreekpunt")
    assert "niet van toepassing (n.v.t.) bij acute zorg" in p.message


def test_agenderen_without_voorstel(project: Project) -> None:
    project.replace(NOORD, "      voorstel: Landelijke verdeling van bedden\n", "")
    [p] = only(project.problems())
    assert p.key_path == "zorgvormen.klinische_zorg.bespreekpunt"
    assert p.line == project.line_of(NOORD, "    bespreekpunt:")
    assert "agenderen: true vraagt ook om 'voorstel'" in p.message


def test_absent_with_capacity(project: Project) -> None:
    rel = NOORD
    text = project.read(rel)
    start = text.index("  hoogspecialistische_ziekenhuiszorg:")
    project.write(rel, text[:start] + text[start:].replace("binnen_regio: 0", "binnen_regio: 7", 1))
    [p] = only(project.problems())
    assert p.key_path == "zorgvormen.hoogspecialistische_ziekenhuiszorg.capaciteit"
    assert "aanwezig: false, maar er staat capaciteit boven 0" in p.message


@pytest.mark.parametrize(
    ("old", "new", "key", "message"),
    [
        ("regio: noord", "regio: zuid", "regio", "regio 'zuid' hoort bij de map 'noord'; schrijf regio: noord"),
        ("jaar: 2026", "jaar: 2025", "jaar", "jaar 2025 hoort bij bestand 2026.yaml; schrijf jaar: 2026"),
    ],
)
def test_region_or_year_not_matching_file(project: Project, old: str, new: str, key: str, message: str) -> None:
    project.replace(NOORD, old, new)
    errors = only(project.problems())
    assert [(p.key_path, p.message) for p in errors] == [(key, message)]
    assert errors[0].line == project.line_of(NOORD, new)


def test_invalid_utf8(project: Project) -> None:
    project.write(NOORD, "regio: noord\nnaam: Fri\xe9sland\n".encode("latin-1"))
    [p] = only(project.problems())
    assert (p.line, p.column) == (2, 10)
    assert "geen geldige UTF-8" in p.message


@pytest.mark.parametrize("content", ["", "\n\n", "# alleen commentaar\n"])
def test_empty_file(project: Project, content: str) -> None:
    project.write(NOORD, content)
    [p] = only(project.problems())
    assert p.path == NOORD and "het bestand is leeg" in p.message


def test_file_over_one_mib(project: Project) -> None:
    project.write(NOORD, project.read(NOORD) + "#" * (2 * 1024 * 1024) + "\n")
    [p] = only(project.problems())
    assert p.path == NOORD and "te groot (2.0 MiB, maximaal 1 MiB)" in p.message


@pytest.mark.parametrize(
    ("rel", "expect"),
    [
        ("data/regions/noord/notities.txt", "onverwacht bestand 'notities.txt'"),
        ("data/regions/noord/2027.yml", "hernoem het naar 2027.yaml"),
        ("data/landelijk/concept.yaml", "onverwacht bestand 'concept.yaml'"),
        ("data/readme.md", "onverwacht bestand of onverwachte map in data/"),
        ("data/regions/Oost-Brabant/2026.yaml", "is geen geldige regiocode"),
    ],
)
def test_stray_files_are_reported(project: Project, rel: str, expect: str) -> None:
    project.write(rel, "regio: x\n")
    errors = only(project.problems())
    assert any(expect in p.message for p in errors), errors
    assert all(p.path.startswith(rel.rsplit("/", 1)[0]) for p in errors)


def test_region_folder_without_regio_yaml(project: Project) -> None:
    project.write("data/regions/west/2026.yaml", project.read(NOORD).replace("regio: noord", "regio: west"))
    [p] = only(project.problems())
    assert p.path == "data/regions/west" and "geen regio.yaml" in p.message


def test_unknown_and_asymmetric_neighbours(project: Project) -> None:
    project.replace("data/regions/zuid/regio.yaml", "buurregios: [noord]", "buurregios: [noord, oost]")
    project.replace("data/regions/noord/regio.yaml", "buurregios: [zuid]", "buurregios: []")
    messages = sorted(p.message for p in only(project.problems()))
    assert messages[0].startswith("'noord' staat hier als buurregio, maar 'zuid' staat niet in de buurregios van noord")
    assert messages[1] == "buurregio 'oost' bestaat niet; kies een mapnaam uit data/regions/"


def test_advice_for_unknown_region(project: Project) -> None:
    project.replace("data/landelijk/2026.yaml", "  - regio: noord", "  - regio: nord")
    [p] = only(project.problems())
    assert (p.path, p.key_path) == ("data/landelijk/2026.yaml", "adviezen[0].regio")


def test_all_problems_of_all_files_in_one_run(project: Project) -> None:
    project.replace(NOORD, "mate: matig", "mate: hoog")
    project.replace("data/regions/zuid/2026.yaml", "verwachte_vraag: 1000", "verwachte_vraag: 1.000")
    project.write("data/regions/zuid/oud.txt", "x")
    paths = [p.path for p in only(project.problems())]
    assert paths == sorted(paths) and len(set(paths)) == 3


def test_ages_belong_to_an_age_limit_and_run_from_young_to_old(project: Project) -> None:
    criteria = (
        "        motivatie: Geen verslavingsexpertise in de kliniek\n"
        "      - criterium: Geen opname van ouderen\n        motivatie: Geen geriatrie\n        doelgroep: somatiek\n        leeftijd_vanaf: 65\n"
        "      - criterium: Geen jongeren\n        motivatie: Geen jeugdteam\n        doelgroep: leeftijd\n"
        "        leeftijd_vanaf: 18\n        leeftijd_tot_en_met: 12\n"
    )
    project.replace(NOORD, "        motivatie: Geen verslavingsexpertise in de kliniek\n", criteria)
    project.replace(NOORD, "regio: noord\n", "versie: 2\nregio: noord\n")
    problems = {p.code: p for p in only(project.problems())}
    assert set(problems) == {"leeftijd-zonder-leeftijdsgrens", "leeftijden-omgedraaid"}
    zonder = problems["leeftijd-zonder-leeftijdsgrens"]
    assert zonder.line == project.line_of(NOORD, "leeftijd_vanaf: 65")
    assert "zet doelgroep op leeftijd of verwijder 'leeftijd_vanaf'" in zonder.message
    omgedraaid = problems["leeftijden-omgedraaid"]
    assert omgedraaid.line == project.line_of(NOORD, "leeftijd_tot_en_met: 12")
    assert "leeftijd_tot_en_met (12) is lager dan leeftijd_vanaf (18)" in omgedraaid.message

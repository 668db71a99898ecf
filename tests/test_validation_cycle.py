"""Issue 18: every problem in one run, the cycle's order, the advice loop and Bijlage 5 — each at its exact file:line, with its code."""

from __future__ import annotations

import json
import re
from pathlib import Path

from build_scripts.reading.catalogue import CATALOGUE
from build_scripts.reading.problems import Problem, format_gitlab, format_json
from conftest import Project

NOORD = "data/regions/noord/2026.yaml"
LANDELIJK = "data/landelijk/2026.yaml"
ESCALATIE = """escalaties:
  - zorgvorm: {zorgvorm}
    escalerende_partij: GGZ Noord
    extra_bijeenkomsten: [{extra}]
    knelpunt: Te weinig bedden
    argumenten: Wachttijd loopt op
    afwegingen: Uitwijk naar Zuid
    waarom_geen_oplossing: Geen overeenstemming
    voorstel: Landelijke afspraak
    besluit: {{datum: {besluit}, uitkomst: {uitkomst}}}
"""


def found(project: Project, code: str) -> list[str]:
    return [p.as_text() for p in project.problems() if p.code == code]


def test_a_meeting_that_ends_before_it_starts_is_an_error(project: Project) -> None:
    project.replace(NOORD, 'tijd: "13:30-17:00"', 'tijd: "14:00-13:00"')
    line = project.line_of(NOORD, 'tijd: "14:00-13:00"')
    assert found(project, "tijd-volgorde") == [
        f"{NOORD}:{line}:13: fout: jaaragenda.bijeenkomsten[0].tijd: de eindtijd 13:00 ligt niet na de begintijd 14:00; "
        'schrijf de tijd als begin-einde, bijvoorbeeld tijd: "13:00-14:00"'
    ]


def test_a_second_round_before_the_first_is_a_warning(project: Project) -> None:
    project.replace(NOORD, "- datum: 2026-08-04", "- datum: 2026-04-01")
    line = project.line_of(NOORD, "- datum: 2026-04-01")
    assert found(project, "ronde-volgorde") == [
        f"{NOORD}:{line}:14: waarschuwing: jaaragenda.bijeenkomsten[1].datum: tweede gespreksronde op 1 april 2026, "
        "vóór de eerste gespreksronde van 14 april 2026; controleer de datum of de soort"
    ]


def test_a_second_round_before_the_heidag_is_a_warning(project: Project) -> None:
    project.replace(NOORD, "- datum: 2026-08-04", "- datum: 2026-06-10")
    line = project.line_of(NOORD, "- datum: 2026-06-10")
    assert found(project, "ronde-voor-heidag") == [
        f"{NOORD}:{line}:14: waarschuwing: jaaragenda.bijeenkomsten[1].datum: tweede gespreksronde op 10 juni 2026, vóór de heidag "
        "van 17 juni 2026; de tweede ronde bespreekt het advies van de landelijke tafel, dat pas na de heidag komt"
    ]


def test_papers_missing_for_the_first_meeting_is_a_warning(project: Project) -> None:
    project.replace(NOORD, "      stukken_verspreid: 2026-03-31\n", "")
    line = project.line_of(NOORD, "- datum: 2026-04-14")
    assert found(project, "stukken-ontbreken") == [
        f"{NOORD}:{line}:7: waarschuwing: jaaragenda.bijeenkomsten[0]: bij de eerste gespreksronde van 14 april 2026 staat niet wanneer "
        "de stukken zijn verspreid; vul stukken_verspreid in (de leidraad vraagt minstens 14 dagen vooraf)"
    ]


def test_escalation_dates_and_decisions(project: Project) -> None:
    text = project.read(NOORD)
    project.write(NOORD, text + ESCALATIE.format(zorgvorm="acute_zorg", extra="2026-05-02, 2026-06-20", besluit="2026-06-25", uitkomst="afgewezen"))
    escalatie = project.line_of(NOORD, "  - zorgvorm: acute_zorg")
    extra, besluit = project.line_of(NOORD, "extra_bijeenkomsten:"), project.line_of(NOORD, "besluit: {datum")
    assert found(project, "escalatie-regionaal") == [
        f"{NOORD}:{escalatie}:15: fout: escalaties[0].zorgvorm: acute zorg is regionale zorg: die gaat niet naar de landelijke tafel, "
        "dus escaleren is niet van toepassing (n.v.t.)"
    ]
    assert found(project, "afwijzing-zonder-motivatie") == [
        f"{NOORD}:{besluit}:44: fout: escalaties[0].besluit.uitkomst: de subcommissie motiveert een afwijzing, met een voorgestelde "
        "oplossing (hoofdstuk 5); vul besluit.motivatie in"
    ]
    assert found(project, "besluit-na-heidag") == [
        f"{NOORD}:{besluit}:22: waarschuwing: escalaties[0].besluit.datum: besluit op 25 juni 2026, na de heidag van 17 juni 2026 "
        "waarvoor de escalatie bedoeld is; controleer de datum"
    ]
    project.replace(NOORD, "besluit: {datum: 2026-06-25", "besluit: {datum: 2026-06-01")
    assert found(project, "extra-na-besluit") == [
        f"{NOORD}:{extra}:39: waarschuwing: escalaties[0].extra_bijeenkomsten[1]: extra bijeenkomst op 20 juni 2026, na het besluit van de "
        "subcommissie op 1 juni 2026; de extra bijeenkomsten gaan aan de escalatie vooraf"
    ]


def test_an_agendered_point_without_advice_is_a_warning_in_the_national_file(project: Project) -> None:
    text = project.read(LANDELIJK)
    project.write(LANDELIJK, text[: text.index("  - regio: noord")])
    line = project.line_of(LANDELIJK, "adviezen:")
    bespreekpunt = project.line_of(NOORD, "bespreekpunt:")
    assert found(project, "advies-ontbreekt") == [
        f"{LANDELIJK}:{line}:1: waarschuwing: adviezen: het bespreekpunt klinische zorg van noord ({NOORD}:{bespreekpunt}) staat op de agenda, "
        "maar heeft hier geen advies; voeg onder adviezen een advies toe met regio: noord en zorgvorm: klinische_zorg"
    ]


def test_advice_on_a_regional_form_is_an_error(project: Project) -> None:
    project.replace(LANDELIJK, "    zorgvorm: klinische_zorg", "    zorgvorm: acute_zorg")
    line = project.line_of(LANDELIJK, "zorgvorm: acute_zorg")
    assert found(project, "advies-regionaal") == [
        f"{LANDELIJK}:{line}:15: fout: adviezen[0].zorgvorm: acute zorg is regionale zorg: de landelijke tafel geeft daar geen advies over "
        "(n.v.t.); kies een van de vier mogelijk landelijke zorgvormen"
    ]


def test_bijlage_5_composition_and_chair(project: Project) -> None:
    project.replace(LANDELIJK, "    - {organisatie: NFU, vertegenwoordiging: zorgaanbieders}\n", "")
    project.replace(LANDELIJK, "organisatie: Zorginstituut Nederland", "organisatie: Ministerie van VWS")
    assert found(project, "landelijke-partij-ontbreekt") == [
        f"{LANDELIJK}:4:3: waarschuwing: tafel.deelnemers: NFU ontbreekt aan de landelijke tafel; "
        "volgens bijlage 5 zitten MIND, deNLggz, NVZ, NFU, NVvP en ZN aan tafel"
    ]
    assert found(project, "voorzitter-landelijk") == [
        f"{LANDELIJK}:3:3: waarschuwing: tafel.voorzitter: de leidraad stelt een voorzitter vanuit Zorginstituut Nederland voor "
        "(anders de NZa); hier staat organisatie 'Ministerie van VWS'"
    ]


def test_a_type_error_does_not_hide_the_year_mismatch(project: Project) -> None:
    """Before, the file's rules ran only once its model passed: the jaar mismatch showed only after the first fix."""
    project.replace(NOORD, "jaar: 2026", "jaar: 2025")
    text = project.read(NOORD)
    start = text.index("  klinische_zorg:")
    head, tail = text[:start], text[start:]
    assert "    wachtenden: 12" in tail
    project.write(NOORD, head + tail.replace("    wachtenden: 12", "    wachtenden: veel", 1))
    codes = {(p.key_path, p.code) for p in project.problems() if p.path == NOORD and p.is_error}
    assert codes == {("jaar", "jaar-bestand"), ("zorgvormen.klinische_zorg.wachtenden", "geen-geheel-getal")}


def test_a_year_file_without_regio_yaml_is_validated_too(project: Project) -> None:
    project.path("data/regions/noord/regio.yaml").unlink()
    project.replace(NOORD, "status: vastgesteld", "status: klaar")
    by_code = {p.code: p for p in project.problems() if p.path.startswith("data/regions/noord")}
    assert by_code["regio-yaml-ontbreekt"].path == "data/regions/noord"
    assert by_code["ongeldige-keuze"].as_text().startswith(f"{NOORD}:3:9: fout: status: waarde 'klaar' is niet toegestaan")


def test_codes_are_in_the_json_and_make_the_gitlab_fingerprint() -> None:
    first = Problem("data/x.yaml", 3, 5, "fout", "jaar", "oude tekst", code="jaar-bestand")
    reworded = Problem("data/x.yaml", 3, 5, "fout", "jaar", "nieuwe tekst", code="jaar-bestand")
    assert json.loads(format_json([first]))[0]["code"] == "jaar-bestand"
    assert json.loads(format_gitlab([first]))[0]["fingerprint"] == json.loads(format_gitlab([reworded]))[0]["fingerprint"]
    assert json.loads(format_gitlab([first]))[0]["check_name"] == "jaar-bestand"


def test_contributing_names_every_code_of_the_catalogue_and_every_rule_of_this_round() -> None:
    """The contributors' table of messages is the catalogue (generated), and lists each rule added for issue 18."""
    root = Path(__file__).resolve().parent.parent
    table = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    codes = set(re.findall(r"^\| `([a-z0-9-]+)` \| (?:fout|waarschuwing) \|", table, re.M))
    assert codes == set(CATALOGUE), f"CONTRIBUTING.md and the catalogue differ: {sorted(codes ^ set(CATALOGUE))}"
    nieuw = {
        "tijd-volgorde", "ronde-volgorde", "ronde-voor-heidag", "stukken-ontbreken", "extra-na-besluit", "besluit-na-heidag",
        "escalatie-regionaal", "afwijzing-zonder-motivatie", "advies-ontbreekt", "advies-regionaal",
        "landelijke-partij-ontbreekt", "voorzitter-landelijk",
    }
    assert nieuw <= codes, f"missing from CONTRIBUTING.md: {sorted(nieuw - codes)}"

"""Hostile or careless input (issue 24, items 2 and 3): every number finite and bounded, no control character
in any file, each refused by ``dossier validate`` with a located Dutch message, and never built."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_scripts.cli import main
from build_scripts.contract import models
from build_scripts.engines.site_source import DataError, prepare_site
from conftest import REPO, Project

NOORD = "data/regions/noord/2026.yaml"
REGIO = "data/regions/noord/regio.yaml"
LANDELIJK = "data/landelijk/2026.yaml"


def errors(project: Project) -> list:
    return [p for p in project.problems() if p.is_error]


def only_error(project: Project):
    found = errors(project)
    assert len(found) == 1, [p.as_text() for p in found]
    return found[0]


# --- item 2: numbers are finite and within the contract's maximum -------------------------------------------


@pytest.mark.parametrize("typed", [".inf", ".Inf", "-.inf", ".nan", ".NaN", "1.0e+400"])
def test_a_waiting_time_that_is_not_finite_is_a_located_error(project: Project, typed: str) -> None:
    project.replace(NOORD, "gemiddelde_wachttijd_weken: 6.5", f"gemiddelde_wachttijd_weken: {typed}")
    p = only_error(project)
    line = project.line_of(NOORD, f"gemiddelde_wachttijd_weken: {typed}")
    assert (p.path, p.line, p.column, p.key_path) == (NOORD, line, 33, "zorgvormen.acute_zorg.gemiddelde_wachttijd_weken")
    assert p.code == "geen-eindig-getal"
    assert p.message == (
        f"'{typed}' is geen eindig getal: YAML leest het als oneindig of als 'geen getal' (.inf, .nan); vul het getal in, of null als het onbekend is"
    )


def test_a_percentage_that_is_not_a_number_is_a_located_error(project: Project) -> None:
    project.replace(NOORD, "pnil_aandeel_pct: 12", "pnil_aandeel_pct: .nan")
    p = only_error(project)
    line = project.line_of(NOORD, "pnil_aandeel_pct: .nan")
    assert (p.line, p.key_path, p.code) == (line, "zorgvormen.acute_zorg.onder_druk.pnil_aandeel_pct", "geen-eindig-getal")


def test_a_demand_of_ten_to_the_38_is_too_high(project: Project) -> None:
    project.replace(NOORD, "verwachte_vraag: 1000", f"verwachte_vraag: {10**38}")
    p = only_error(project)
    assert (p.line, p.column, p.key_path, p.code) == (project.line_of(NOORD, str(10**38)), 22, "zorgvormen.acute_zorg.verwachte_vraag", "te-hoog")
    assert p.message.startswith(f"'{10**38}' is te hoog: de waarde mag hoogstens 1000000 zijn, meer dan alle ggz-patiënten van Nederland")
    assert "tikfout" in p.message and "null" in p.message


def test_the_count_maximum_is_inclusive(project: Project) -> None:
    project.replace(NOORD, "binnen_regio: 950", f"binnen_regio: {models.MAX_AANTAL}")
    assert errors(project) == []  # a ×3 warning, no error
    project.replace(NOORD, f"binnen_regio: {models.MAX_AANTAL}", f"binnen_regio: {models.MAX_AANTAL + 1}")
    assert only_error(project).key_path == "zorgvormen.acute_zorg.capaciteit.binnen_regio"


@pytest.mark.parametrize(("old", "key"), [("wachtenden: 12", "wachtenden"), ("gesloten_wachtlijsten: 0", "gesloten_wachtlijsten")])
def test_every_count_has_the_maximum(project: Project, old: str, key: str) -> None:
    project.replace(NOORD, old, f"{key}: {models.MAX_AANTAL + 1}")
    p = only_error(project)
    assert (p.key_path, p.code) == (f"zorgvormen.acute_zorg.{key}", "te-hoog")


def test_a_waiting_time_above_ten_years_is_too_high(project: Project) -> None:
    project.replace(NOORD, "gemiddelde_wachttijd_weken: 6.5", f"gemiddelde_wachttijd_weken: {models.MAX_WEKEN}")
    assert errors(project) == []
    project.replace(NOORD, f"gemiddelde_wachttijd_weken: {models.MAX_WEKEN}", "gemiddelde_wachttijd_weken: 520.5")
    p = only_error(project)
    assert p.message.startswith("'520.5' is te hoog: de waarde mag hoogstens 520 zijn (tien jaar)")


def test_a_number_too_long_for_python_is_one_located_error(project: Project) -> None:
    digits = "9" * 5000
    project.replace(NOORD, "wachtenden: 12", f"wachtenden: {digits}")
    p = only_error(project)
    assert (p.line, p.key_path, p.code) == (project.line_of(NOORD, "wachtenden: 999"), "zorgvormen.acute_zorg.wachtenden", "te-hoog")
    assert p.message == "een getal van 5000 cijfers is te hoog voor elk veld; controleer deze waarde"


def test_the_maxima_and_codes_are_in_the_json_schema_and_the_contract_docs() -> None:
    schema = json.loads((REPO / "schema" / "regio-jaar.schema.json").read_text(encoding="utf-8"))
    zorgvorm = schema["$defs"]["ZorgvormGegevens"]["properties"]
    counts = [zorgvorm[k]["anyOf"][0] for k in ("verwachte_vraag", "werkelijke_vraag", "wachtenden", "gesloten_wachtlijsten")]
    assert all(c["maximum"] == models.MAX_AANTAL for c in counts)
    assert zorgvorm["gemiddelde_wachttijd_weken"]["anyOf"][0]["maximum"] == models.MAX_WEKEN
    capaciteit = schema["$defs"]["Capaciteit"]["properties"]
    assert capaciteit["binnen_regio"]["anyOf"][0]["maximum"] == models.MAX_AANTAL
    docs = (REPO / "docs" / "contract.md").read_text(encoding="utf-8")
    assert f"**{models.MAX_AANTAL:,}**".replace(",", " ") in docs and f"**{models.MAX_WEKEN} weeks**" in docs
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"tot en met {models.MAX_AANTAL:,}".replace(",", ".") in contributing and f"tot en met {models.MAX_WEKEN} weken" in contributing
    for code in ("geen-eindig-getal", "te-hoog", "stuurteken", "meer-regels", "snelkoppeling"):
        assert f"| `{code}` | fout |" in contributing and f"| `{code}` | error |" in docs


# --- item 3: no control character anywhere in a data file ----------------------------------------------------

RAW = {
    "\x1b": "U+001B (ESC)", "\x07": "U+0007 (BEL)", "\x7f": "U+007F (DEL)", "\x9b": "U+009B (C1-stuurteken)",
    "\x85": "U+0085 (NEL)", "\u202e": "U+202E (leesrichtingsteken: right-to-left override)",
    "\u2066": "U+2066 (leesrichtingsteken: left-to-right isolate)", "\u2028": "U+2028 (regelscheiding)",
}


@pytest.mark.parametrize("char", list(RAW))
def test_a_control_character_typed_in_free_text_is_located_at_that_character(project: Project, char: str) -> None:
    project.replace(NOORD, "toelichting: Krapte bij verpleegkundigen", f"toelichting: Krapte bij{char} verpleegkundigen")
    p = only_error(project)
    line = project.line_of(NOORD, "toelichting: Krapte bij")
    assert (p.path, p.line, p.column) == (NOORD, line, 30)  # the character itself
    assert (p.key_path, p.code) == ("zorgvormen.acute_zorg.onder_druk.toelichting", "stuurteken")
    assert p.message.startswith(f"onzichtbaar stuurteken {RAW[char]} in de tekst; verwijder het")


@pytest.mark.parametrize(("escape", "name"), [("\\e", "U+001B"), ("\\a", "U+0007"), ("\\x7f", "U+007F"), ("\\x9b", "U+009B"),
                                              ("\\u202e", "U+202E"), ("\\u2069", "U+2069"), ("\\r", "U+000D"), ("\\N", "U+0085")])
def test_a_control_character_written_as_an_escape_is_an_error_at_its_value(project: Project, escape: str, name: str) -> None:
    project.replace(NOORD, "toelichting: Krapte bij verpleegkundigen", f'toelichting: "Krapte{escape} bij verpleegkundigen"')
    p = only_error(project)
    line = project.line_of(NOORD, 'toelichting: "Krapte')
    assert (p.line, p.column, p.key_path, p.code) == (line, 20, "zorgvormen.acute_zorg.onder_druk.toelichting", "stuurteken")
    assert name in p.message


def test_a_lone_surrogate_escape_is_a_located_dutch_error(project: Project) -> None:
    project.replace(NOORD, "toelichting: Krapte bij verpleegkundigen", 'toelichting: "Krapte \\ud800"')
    p = only_error(project)
    assert (p.line, p.code) == (project.line_of(NOORD, "\\ud800"), "ongeldige-yaml")
    assert "ongeldige \\u-code tussen dubbele aanhalingstekens (zoals een losse surrogaat \\ud800)" in p.message


@pytest.mark.parametrize(
    ("path", "old", "new", "key_path"),
    [
        (REGIO, "naam: Noord", "naam: No\u202eord", "naam"),
        (LANDELIJK, "reactie: Herkend knelpunt.", "reactie: Herkend\x1b[2J knelpunt.", "adviezen[0].reactie"),
        (LANDELIJK, "      Kom in het najaar terug.", "      Kom in het\x07 najaar terug.", "adviezen[0].advies"),
        (NOORD, "      organisatie: MIND Noord", '      organisatie: "MIND\\e Noord"', "tafel.deelnemers[0].organisatie"),
        (NOORD, "onderwerpen: [Vraag en aanbod,", "onderwerpen: [Vraag\x9b en aanbod,", "jaaragenda.bijeenkomsten[0].onderwerpen[0]"),
        (NOORD, "    wachtenden: 12", '    "wachtenden\\e": 12', "zorgvormen.acute_zorg.wachtenden\\x1b"),
    ],
)
def test_every_file_kind_and_every_place_is_checked(project: Project, path: str, old: str, new: str, key_path: str) -> None:
    project.replace(path, old, new)
    found = [p for p in errors(project) if p.code == "stuurteken"]
    assert [(p.path, p.line, p.key_path) for p in found] == [(path, project.line_of(path, new.strip()), key_path)]


def test_a_control_character_in_a_comment_is_an_error_without_key_path(project: Project) -> None:
    project.replace(NOORD, "status: vastgesteld\n", "status: vastgesteld  # klaar\x1b[8m\n")
    p = only_error(project)
    assert (p.line, p.column, p.key_path, p.code) == (3, 29, "", "stuurteken")


def test_tab_newline_and_windows_line_ends_stay_allowed(project: Project) -> None:
    project.replace(NOORD, "toelichting: Krapte bij verpleegkundigen", 'toelichting: "Krapte\\tbij\\nverpleegkundigen"')
    project.write(REGIO, project.read(REGIO).replace("\n", "\r\n"))
    assert errors(project) == []


def test_validate_exits_1_and_the_build_is_never_reached(project: Project, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    project.replace(NOORD, "gemiddelde_wachttijd_weken: 6.5", "gemiddelde_wachttijd_weken: .inf")
    project.replace(NOORD, "toelichting: Krapte bij verpleegkundigen", "toelichting: Krapte\x1b[31m")
    assert main(["--root", str(project.root), "validate"]) == 1
    out = capsys.readouterr().out
    assert f"{NOORD}:{project.line_of(NOORD, '.inf')}:33: fout: zorgvormen.acute_zorg.gemiddelde_wachttijd_weken: '.inf' is geen eindig getal" in out
    assert f"{NOORD}:{project.line_of(NOORD, 'Krapte')}:26: fout: zorgvormen.acute_zorg.onder_druk.toelichting: onzichtbaar stuurteken U+001B" in out
    with pytest.raises(DataError) as raised:  # the shared core of both engines: nothing is generated
        prepare_site(project.root, tmp_path / "docs", [])
    assert "geen eindig getal" in str(raised.value) and "stuurteken" in str(raised.value)


@pytest.mark.parametrize(
    ("path", "old", "new", "key_path"),
    [
        (REGIO, "naam: Noord", 'naam: "Noord\\nHolland"', "naam"),
        (NOORD, "      organisatie: MIND Noord", "      organisatie: |\n        MIND\n        Noord", "tafel.deelnemers[0].organisatie"),
        (NOORD, "      locatie: Stadskantoor", '      locatie: "Stads\\nkantoor"', "jaaragenda.bijeenkomsten[0].locatie"),
    ],
)
def test_a_name_on_more_than_one_line_is_an_error_not_a_broken_build(project: Project, path: str, old: str, new: str, key_path: str, tmp_path: Path) -> None:
    """A region name with a line break passed validation and then stopped the build with a traceback (the calendar's name)."""
    project.replace(path, old, new)
    p = only_error(project)
    assert (p.path, p.line, p.key_path, p.code) == (path, project.line_of(path, new.strip().split("\n")[0]), key_path, "meer-regels")
    assert "beslaat meer dan één regel" in p.message and "\n" not in p.message
    with pytest.raises(DataError):
        prepare_site(project.root, tmp_path / "docs", [])

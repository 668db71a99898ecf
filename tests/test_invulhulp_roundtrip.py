"""The invulhulp's YAML writer (``content/invulhulp/formulier/yaml-rt.js``, run under Node): nothing lost, minimal diffs.

A file the form loads and saves unchanged stays byte for byte the same, on every example file;
one changed figure changes that one line; a new meeting or key lands as one block at its place
in the contract's key order; and what comes out is read back by PyYAML (YAML 1.1, as the loader
reads it) as exactly the data the form held, and passes validation.
"""

from __future__ import annotations

import copy
import difflib
import json
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from tools import need_program

from build_scripts.contract.fields import FIGURE_PATHS
from build_scripts.contract.models import RegioJaar
from build_scripts.contract.vocabulary import Zorgvorm
from build_scripts.editing.form import date_paths, key_order
from build_scripts.reading.load import load_dataset
from conftest import FIXTURES, REPO

HARNESS = Path(__file__).parent / "invulhulp" / "roundtrip.mjs"
UTRECHT = "data/regions/utrecht/2026.yaml"
Op = dict[str, Any]


def example_files() -> list[Path]:
    """Every region-year file of the example data and of the fixtures that YAML reads as one."""
    files = sorted((REPO / "data" / "regions").glob("*/20*.yaml"))
    for path in sorted(FIXTURES.rglob("regions/*/20*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # a fixture of broken YAML: the form cannot open it either
        if isinstance(data, dict) and "regio" in data and "jaar" in data:
            files.append(path)
    return files


def run(cases: list[tuple[str, list[Op]]], writer: str = "toFile") -> list[dict[str, Any]]:
    """What toFile() returns for each (raw text, edits) after fromFile(raw), or ``error``: one Node process for all.

    ``writer="rewrite"`` runs the last-resort writer (``rewriteYaml``) on the same edits instead.
    """
    node = need_program("node")
    cases_json = [{"raw": raw, "ops": ops, "writer": writer} for raw, ops in cases]
    payload = json.dumps({"order": _order(), "dates": date_paths(RegioJaar), "cases": cases_json})
    result = subprocess.run([node, str(HARNESS)], input=payload, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@cache
def _order() -> dict[str, list[str]]:
    return key_order(RegioJaar)


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines removed and the lines added, as ``git diff`` counts them."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff[2:] if line.startswith("-")]
    added = [line[1:] for line in diff[2:] if line.startswith("+")]
    return removed, added


def reads_as(text: str) -> Any:
    """The data as the loader reads it: PyYAML's C parser, YAML 1.1."""
    return yaml.load(text, Loader=yaml.CSafeLoader)


def test_every_example_file_is_byte_identical_after_loading_and_saving() -> None:
    files = example_files()
    assert len(files) >= 20 + 10, [f.relative_to(REPO) for f in files]
    results = run([(f.read_text(encoding="utf-8"), []) for f in files])
    changed = [str(f.relative_to(REPO)) for f, r in zip(files, results, strict=True) if r["text"] != f.read_text(encoding="utf-8")]
    assert changed == []


def _figure_edits(path: Path) -> list[tuple[list[Any], Any]]:
    """Every Tabel 2 figure of every care form, changed: unknown becomes 7, a number grows."""
    data = reads_as(path.read_text(encoding="utf-8"))
    edits = []
    for zorgvorm in Zorgvorm:
        for figure in FIGURE_PATHS:
            keys = ["zorgvormen", zorgvorm.value, *figure.split(".")]
            value = data
            for key in keys:
                value = value[key]
            edits.append((keys, 7 if value is None else value + (0.5 if isinstance(value, float) else 1)))
    return edits


def test_changing_one_figure_changes_only_that_line() -> None:
    """Every figure of one file, and one figure (a different one each time) of every example file."""
    files = sorted((REPO / "data" / "regions").glob("*/20*.yaml"))
    chosen = [(REPO / UTRECHT, edit) for edit in _figure_edits(REPO / UTRECHT)]
    chosen += [(path, _figure_edits(path)[(i * 5) % (6 * len(FIGURE_PATHS))]) for i, path in enumerate(files)]
    cases, expected = [], []
    for path, (keys, value) in chosen:
        raw = path.read_text(encoding="utf-8")
        cases.append((raw, [{"op": "set", "path": keys, "value": value}]))
        want = reads_as(raw)
        _set(want, keys, value)
        expected.append((path, keys, value, want))
    assert len(cases) == 6 * len(FIGURE_PATHS) + len(files) and len(files) >= 20
    problems = []
    for (raw, _), result, (path, keys, value, want) in zip(cases, run(cases), expected, strict=True):
        removed, added = changed_lines(raw, result["text"])
        if len(removed) != 1 or len(added) != 1 or reads_as(added[0].strip()) != {keys[-1]: value} or reads_as(result["text"]) != want:
            problems.append(f"{path.relative_to(REPO)} {'.'.join(keys)}: -{removed} +{added}")
    assert problems == []


def _set(data: Any, keys: list[Any], value: Any) -> None:
    for key in keys[:-1]:
        data = data[key]
    data[keys[-1]] = value


def test_onbekend_is_written_as_null_never_as_an_empty_string_or_zero() -> None:
    raw = (REPO / UTRECHT).read_text(encoding="utf-8")
    path = ["zorgvormen", "klinische_zorg", "wachtenden"]
    cleared, unknown = run([(raw, [{"op": "set", "path": path, "value": ""}]), (raw, [{"op": "set", "path": path, "value": None}])])
    for result in (cleared, unknown):
        assert changed_lines(raw, result["text"])[1] == ["    wachtenden: null"]
        assert reads_as(result["text"])["zorgvormen"]["klinische_zorg"]["wachtenden"] is None


def test_a_new_meeting_is_one_block_in_the_contracts_key_order_and_times_are_quoted() -> None:
    raw = (REPO / UTRECHT).read_text(encoding="utf-8")
    meeting = {"soort": "monitoring", "onderwerpen": [], "locatie": "", "tijd": "10:00-12:00", "datum": "2026-11-03"}  # the order a form fills it
    (result,) = run([(raw, [{"op": "push", "path": ["jaaragenda", "bijeenkomsten"], "value": meeting}])])
    removed, added = changed_lines(raw, result["text"])
    assert (removed, added) == ([], ["    - datum: 2026-11-03", '      tijd: "10:00-12:00"', "      soort: monitoring"])
    assert reads_as(result["text"])["jaaragenda"]["bijeenkomsten"][-1] == {"datum": reads_as("2026-11-03"), "tijd": "10:00-12:00", "soort": "monitoring"}
    assert_valid(UTRECHT, result["text"])


def test_a_key_the_file_did_not_have_goes_to_its_place_in_the_key_order() -> None:
    raw = (REPO / UTRECHT).read_text(encoding="utf-8")
    meetings = reads_as(raw)["jaaragenda"]["bijeenkomsten"]
    index = next(i for i, m in enumerate(meetings) if "stukken_verspreid" not in m and "onderwerpen" in m)
    (result,) = run([(raw, [{"op": "set", "path": ["jaaragenda", "bijeenkomsten", index, "stukken_verspreid"], "value": "2026-02-10"}])])
    assert changed_lines(raw, result["text"]) == ([], ["      stukken_verspreid: 2026-02-10"])
    lines = result["text"].splitlines()
    at = lines.index("      stukken_verspreid: 2026-02-10")
    assert lines[at + 1] == "      onderwerpen:", "after fysiek, before onderwerpen: the contract's order"
    assert_valid(UTRECHT, result["text"])


def test_removing_a_participant_and_an_optional_group_removes_only_their_lines() -> None:
    raw = (REPO / UTRECHT).read_text(encoding="utf-8")
    data = reads_as(raw)
    with_contact = next(i for i, d in enumerate(data["tafel"]["deelnemers"]) if "contact" in d)
    ops = [
        {"op": "remove", "path": ["tafel", "deelnemers", len(data["tafel"]["deelnemers"]) - 1]},
        {"op": "set", "path": ["tafel", "deelnemers", with_contact, "contact"], "value": None},
        {"op": "set", "path": ["zorgvormen", "acute_zorg", "wachtenden"], "value": 1},
    ]
    (result,) = run([(raw, ops)])
    removed, added = changed_lines(raw, result["text"])
    assert added == ["    wachtenden: 1"]
    assert removed[0].lstrip().startswith("contact: {") and len(removed) == 1 + 1 + len(_block_of_last_participant(raw))
    want = copy.deepcopy(data)
    want["tafel"]["deelnemers"].pop()
    del want["tafel"]["deelnemers"][with_contact]["contact"]
    want["zorgvormen"]["acute_zorg"]["wachtenden"] = 1
    assert reads_as(result["text"]) == want and not result["fallback"]
    assert_valid(UTRECHT, result["text"])


def _block_of_last_participant(raw: str) -> list[str]:
    lines = raw.splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith("    - vertegenwoordiging:"))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("      "))
    return lines[start:end]


def test_the_schema_line_comments_and_block_text_survive_an_edit() -> None:
    raw = (REPO / UTRECHT).read_text(encoding="utf-8")
    (result,) = run([(raw, [{"op": "set", "path": ["status"], "value": "ingediend"}])])
    assert result["text"].splitlines()[0] == raw.splitlines()[0].rstrip() and raw.startswith("# yaml-language-server: $schema=")
    assert changed_lines(raw, result["text"]) == (["status: vastgesteld"], ["status: ingediend"])
    assert [line for line in result["text"].splitlines() if line.lstrip().startswith("#")] == [
        line for line in raw.splitlines() if line.lstrip().startswith("#")
    ]


def assert_valid(rel: str, text: str) -> None:
    """The edited file, in a copy of the example data, passes ``dossier validate`` without errors."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "data", root / "data")
        (root / rel).write_text(text, encoding="utf-8")
        errors = [p.as_text() for p in load_dataset(root)[1] if p.is_error]
    assert errors == []


@pytest.mark.parametrize(
    "value", ["Let op: tijdelijk", "13:30", "ja", "yes", "1.200", "#3 in de rij", "- streepje", "een\nbrief van\ntwee regels", "2026-03-01", "2026-03-01 10:00"]
)
def test_text_that_yaml_would_misread_is_quoted(value: str) -> None:
    raw = (REPO / UTRECHT).read_text(encoding="utf-8")
    path = ["zorgvormen", "acute_zorg", "onder_druk", "toelichting"]
    (result,) = run([(raw, [{"op": "set", "path": path, "value": value}])])
    assert reads_as(result["text"])["zorgvormen"]["acute_zorg"]["onder_druk"]["toelichting"] == value
    assert not result["fallback"]


def test_alternatief_keeps_not_answered_apart_from_none_known() -> None:
    """``tekst_of_null``: emptied, the key goes (not answered); its box ticked, ``null`` (geen alternatief bekend)."""
    rel = "data/regions/zuid-holland-noord/2026.yaml"
    raw = (REPO / rel).read_text(encoding="utf-8")
    zorgvormen = reads_as(raw)["zorgvormen"]
    zorgvorm, index = next((z, i) for z in zorgvormen for i, c in enumerate(zorgvormen[z]["exclusiecriteria"]) if c.get("alternatief"))
    criteria = zorgvormen[zorgvorm]["exclusiecriteria"]
    path = ["zorgvormen", zorgvorm, "exclusiecriteria", index, "alternatief"]
    new = {"criterium": "Geen opname zonder verwijzing", "motivatie": "Afspraak met de huisartsen.", "alternatief": None}
    emptied, none_known, added = run([
        (raw, [{"op": "unset", "path": path}]),
        (raw, [{"op": "set", "path": path, "value": None}]),
        (raw, [{"op": "push", "path": path[:3], "value": new}, {"op": "unset", "path": [*path[:3], len(criteria), "alternatief"]}]),
    ])
    line = f"        alternatief: {criteria[index]['alternatief']}"
    assert changed_lines(raw, emptied["text"]) == ([line], [])
    assert changed_lines(raw, none_known["text"]) == ([line], ["        alternatief: null"])
    assert "alternatief" not in reads_as(added["text"])["zorgvormen"][zorgvorm]["exclusiecriteria"][-1]
    for result in (emptied, none_known, added):
        assert not result["fallback"]
        assert_valid(rel, result["text"])


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


def test_a_date_stays_unquoted_where_the_contract_wants_a_date_and_only_there() -> None:
    """``2026-03-01`` as a meeting's date is a date; as free text it is quoted, or PyYAML would read a date."""
    raw = (REPO / UTRECHT).read_text(encoding="utf-8")
    as_text, as_date = run([
        (raw, [{"op": "set", "path": ["zorgvormen", "acute_zorg", "onder_druk", "toelichting"], "value": "2026-03-01"}]),
        (raw, [{"op": "set", "path": ["jaaragenda", "bijeenkomsten", 0, "datum"], "value": "2026-03-02"}]),
    ])
    assert changed_lines(raw, as_text["text"])[1] == ['      toelichting: "2026-03-01"']
    assert reads_as(as_text["text"])["zorgvormen"]["acute_zorg"]["onder_druk"]["toelichting"] == "2026-03-01"
    assert changed_lines(raw, as_date["text"])[1] == ["    - datum: 2026-03-02"]
    assert_valid(UTRECHT, as_date["text"])


def test_control_characters_are_written_as_escapes_that_pyyaml_reads_back() -> None:
    """DEL, C1 (NEL among them) and the Unicode line separators: raw, PyYAML refuses the file or folds the line."""
    raw = (REPO / UTRECHT).read_text(encoding="utf-8")
    value = "DEL\x7f NEL\x85 CSI\x9b LS\u2028 PS\u2029 einde"
    path = ["zorgvormen", "acute_zorg", "onder_druk", "toelichting"]
    (result,) = run([(raw, [{"op": "set", "path": path, "value": value}])])
    (line,) = changed_lines(raw, result["text"])[1]
    assert line == '      toelichting: "DEL\\x7f NEL\\x85 CSI\\x9b LS\\u2028 PS\\u2029 einde"' and line.isascii()
    assert reads_as(result["text"])["zorgvormen"]["acute_zorg"]["onder_druk"]["toelichting"] == value


def test_a_lone_surrogate_is_refused_with_a_dutch_message_and_nothing_is_written() -> None:
    raw = (REPO / UTRECHT).read_text(encoding="utf-8")
    path = ["zorgvormen", "acute_zorg", "onder_druk", "toelichting"]
    (result,) = run([(raw, [{"op": "set", "path": path, "value": "kapot \ud800 teken"}])])
    assert "text" not in result
    assert result["error"].startswith("zorgvormen.acute_zorg.onder_druk.toelichting: bevat een ongeldig teken")


def test_comments_survive_when_a_flow_map_cannot_take_the_change_in_place() -> None:
    """Removing a key from ``{naam: …, organisatie: …, onafhankelijk: true}``: that map is written anew, nothing else moves."""
    rel = "data/regions/amstelland-en-de-meerlanden/2026.yaml"
    raw = (REPO / rel).read_text(encoding="utf-8")
    (result,) = run([(raw, [{"op": "remove", "path": ["tafel", "voorzitter", "onafhankelijk"]}])])
    want = reads_as(raw)
    del want["tafel"]["voorzitter"]["onafhankelijk"]
    assert reads_as(result["text"]) == want and not result["fallback"]
    assert _comments(result["text"]) == _comments(raw)
    assert changed_lines(raw, result["text"]) == (
        ['  voorzitter: {naam: A. Fictiema, organisatie: "Fictiema & Partners, procesbegeleiding (fictief)", onafhankelijk: true}'],
        ['  voorzitter: {naam: A. Fictiema, organisatie: "Fictiema & Partners, procesbegeleiding (fictief)"}'],
    )


def test_the_last_resort_writer_keeps_every_comment_too() -> None:
    """``rewriteYaml`` (used when the text cannot be patched) changes only the nodes whose value changed."""
    raw = (REPO / UTRECHT).read_text(encoding="utf-8")
    data = reads_as(raw)
    ops = [
        {"op": "set", "path": ["status"], "value": "ingediend"},
        {"op": "set", "path": ["zorgvormen", "acute_zorg", "onder_druk", "toelichting"], "value": "2026-03-01"},
        {"op": "remove", "path": ["tafel", "deelnemers", len(data["tafel"]["deelnemers"]) - 1]},
    ]
    (result,) = run([(raw, ops)], writer="rewrite")
    want = copy.deepcopy(data)
    want["status"] = "ingediend"
    want["zorgvormen"]["acute_zorg"]["onder_druk"]["toelichting"] = "2026-03-01"
    want["tafel"]["deelnemers"].pop()
    assert reads_as(result["text"]) == want
    assert _comments(result["text"]) == _comments(raw) and len(_comments(raw)) >= 5

"""The invulhulp's form is generated from the contract's models: every key, the right input, Dutch labels.

The form definition (``editing/form.py``) walks the JSON Schema of the same models that write
``schema/``; these tests walk the schema on their own and compare, so a key the generator skipped
or an input that lets a region type what the contract refuses fails here.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import Field

from build_scripts.contract.fields import TABEL2, field_label
from build_scripts.contract.models import (
    Aantal,
    Capaciteit,
    ContractModel,
    RegioJaar,
    Tijd,
    Zorgvormen,
    ZorgvormGegevens,
)
from build_scripts.contract.vocabulary import LABELS, REGIONALE_ZORGVORMEN, ZORGVORM_LABELS, MateOnderDruk, Zorgvorm
from build_scripts.editing import form


def by_path(fields: list[dict[str, Any]], prefix: str = "") -> dict[str, dict[str, Any]]:
    """Every form field by its dotted key path (list items as ``[]``)."""
    found = {}
    for field in fields:
        path = f"{prefix}{field['name']}"
        found[path] = field
        if "fields" in field:
            inner = f"{path}[]." if field.get("widget") == "list" else f"{path}."
            found.update(by_path(field["fields"], inner))
    return found


def schema_paths(model: type[ContractModel]) -> set[str]:
    """Every key path of the model's JSON Schema, found without the generator."""
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})

    def target(node: dict[str, Any]) -> dict[str, Any]:
        node = next((o for o in node.get("anyOf", [node]) if o.get("type") != "null"), node)
        return defs[node["$ref"].rsplit("/", 1)[-1]] if "$ref" in node else node

    def walk(node: dict[str, Any], prefix: str) -> set[str]:
        paths = set()
        for key, child in node.get("properties", {}).items():
            paths.add(prefix + key)
            inner = target(child)
            if inner.get("type") == "array":
                inner, key = target(inner["items"]), f"{key}[]"
            paths |= walk(inner, f"{prefix}{key}.")
        return paths

    return walk(schema, "")


@pytest.fixture(scope="module")
def fields() -> dict[str, dict[str, Any]]:
    return by_path(form.form_fields(RegioJaar))


def test_every_key_of_the_contract_is_in_the_form_and_nothing_else(fields: dict[str, dict[str, Any]]) -> None:
    forbidden = {p for p in schema_paths(RegioJaar) if any(p == n or p.startswith(f"{n}.") for n in form.NIET_VAN_TOEPASSING)}
    assert forbidden, "the two regional care forms have a bespreekpunt key in the schema"
    assert set(fields) == schema_paths(RegioJaar) - forbidden


def test_a_bespreekpunt_is_offered_only_where_the_contract_allows_one(fields: dict[str, dict[str, Any]]) -> None:
    offered = {z for z in Zorgvorm if f"zorgvormen.{z.value}.bespreekpunt" in fields}
    assert offered == set(Zorgvorm) - REGIONALE_ZORGVORMEN
    assert fields["zorgvormen.klinische_zorg.bespreekpunt"]["widget"] == form.OPTIONEEL_WIDGET


def test_counts_are_whole_numbers_from_zero_and_onbekend_is_an_explicit_choice(fields: dict[str, dict[str, Any]]) -> None:
    for zorgvorm in Zorgvorm:
        for path in ("wachtenden", "capaciteit.binnen_regio", "gesloten_wachtlijsten"):
            field = fields[f"zorgvormen.{zorgvorm.value}.{path}"]
            assert (field["widget"], field["value_type"], field["step"], field["min"]) == (form.ONBEKEND_WIDGET, "int", 1, 0), path
            assert field.get("required", True), "the key is required; its value may be onbekend"
    weken = fields["zorgvormen.acute_zorg.gemiddelde_wachttijd_weken"]
    assert (weken["value_type"], weken["step"], weken["min"]) == ("float", "any", 0)


def test_percentages_are_bounded_and_optional(fields: dict[str, dict[str, Any]]) -> None:
    for key in ("pnil_aandeel_pct", "vacaturegraad_pct"):
        field = fields[f"zorgvormen.beveiligde_zorg.onder_druk.{key}"]
        assert (field["widget"], field["min"], field["max"], field["required"]) == (form.ONBEKEND_WIDGET, 0, 100, False)


def test_dates_times_enums_and_yes_no(fields: dict[str, dict[str, Any]]) -> None:
    datum = fields["jaaragenda.bijeenkomsten[].datum"]
    assert (datum["widget"], datum["format"], datum["time_format"]) == ("datetime", "YYYY-MM-DD", False)
    tijd = fields["jaaragenda.bijeenkomsten[].tijd"]
    assert tijd["pattern"][0] == Tijd.__metadata__[0].metadata[0].pattern  # the contract's own pattern
    mate = fields["zorgvormen.acute_zorg.onder_druk.mate"]
    assert mate["options"] == [{"label": LABELS[m.value], "value": m.value} for m in MateOnderDruk]
    assert fields["zorgvormen.acute_zorg.aanwezig"]["widget"] == "boolean"
    assert fields["jaaragenda.bijeenkomsten[].fysiek"]["widget"] == form.JA_NEE_WIDGET
    assert fields["escalaties[].extra_bijeenkomsten"]["field"]["widget"] == "datetime"


def test_labels_are_the_contracts_dutch_labels_grouped_as_the_guide(fields: dict[str, dict[str, Any]]) -> None:
    for row in TABEL2:
        assert fields[f"zorgvormen.klinische_zorg.{row.path}"]["label"] == row.label
    for zorgvorm in Zorgvorm:
        assert fields[f"zorgvormen.{zorgvorm.value}"]["label"] == ZORGVORM_LABELS[zorgvorm]
    assert fields["tafel"]["label"].startswith("Bijlage 1")
    assert fields["zorgvormen"]["label"].startswith("Bijlage 2")
    assert fields["zorgvormen.hoogspecialistische_ggz.bespreekpunt"]["label"].startswith("Bijlage 4")
    assert fields["tafel.deelnemers[].contact.email"]["label"] == field_label("email") == "E-mail"
    assert fields["tafel.deelnemers"]["label_singular"] == "deelnemer"
    assert {p: f["widget"] for p, f in fields.items() if p in form.VASTE_SLEUTELS} == dict.fromkeys(("versie", "regio", "jaar"), "hidden")


def test_help_texts_are_the_descriptions_without_yaml_notation(fields: dict[str, dict[str, Any]]) -> None:
    assert fields["zorgvormen.acute_zorg.wachtenden"]["hint"] == "Aantal wachtenden nu."
    assert fields["jaaragenda.bijeenkomsten[].tijd"]["hint"] == "Tijd, bijvoorbeeld 13:30-17:00."
    assert fields["jaaragenda.bijeenkomsten[].fysiek"]["hint"] == "ja = fysieke bijeenkomst, nee = online."
    hints = [f["hint"] for f in fields.values() if "hint" in f]
    assert len(hints) > 50 and not [h for h in hints if "null" in h or "true" in h or "aanhalingstekens" in h]


def test_contract_version_2_keys_are_in_the_form_with_dutch_labels(fields: dict[str, dict[str, Any]]) -> None:
    base = "zorgvormen.beveiligde_zorg"
    doelgroep = fields[f"{base}.exclusiecriteria[].doelgroep"]
    assert (doelgroep["widget"], doelgroep["required"], doelgroep["hint"]) == ("select", False, "De groep patiënten die dit criterium uitsluit.")
    assert {o["label"] for o in doelgroep["options"]} <= set(LABELS.values())
    oordeel = fields[f"{base}.toegangsprobleem.oordeel"]
    assert fields[f"{base}.toegangsprobleem"]["widget"] == form.OPTIONEEL_WIDGET and oordeel["widget"] == "select"
    assert (fields[f"{base}.elders"]["widget"], fields[f"{base}.elders[].aantal"]["widget"]) == ("list", form.ONBEKEND_WIDGET)
    assert not [f["hint"] for f in fields.values() if f.get("hint", "").startswith("Versie")]


def test_alternatief_offers_none_known_as_its_own_choice_apart_from_not_answered(fields: dict[str, dict[str, Any]]) -> None:
    alternatief = fields["zorgvormen.klinische_zorg.exclusiecriteria[].alternatief"]
    assert (alternatief["widget"], alternatief["null_label"], alternatief["required"]) == (form.TEKST_OF_NULL_WIDGET, "geen alternatief bekend", False)
    assert alternatief["hint"] == "Waar deze patiënten wel zorg krijgen. Leeg laten = niet opgegeven."
    assert [p for p, f in fields.items() if f["widget"] == form.TEKST_OF_NULL_WIDGET] == [
        f"zorgvormen.{z.value}.exclusiecriteria[].alternatief" for z in Zorgvorm
    ]


class _Capaciteit(Capaciteit):
    crisisbedden: Aantal | None = Field(description="Aantal crisisbedden; null = onbekend.")


class _Zorgvorm(ZorgvormGegevens):
    capaciteit: _Capaciteit


class _Zorgvormen(Zorgvormen):
    acute_zorg: _Zorgvorm
    outreachende_zorg: _Zorgvorm
    klinische_zorg: _Zorgvorm
    beveiligde_zorg: _Zorgvorm
    hoogspecialistische_ggz: _Zorgvorm
    hoogspecialistische_ziekenhuiszorg: _Zorgvorm


class _RegioJaar(RegioJaar):
    zorgvormen: _Zorgvormen
    opmerking_redactie: str | None = Field(description="Nieuw veld voor de test.", default=None)


def test_a_field_added_to_a_copy_of_the_model_appears_in_the_form() -> None:
    fields = by_path(form.form_fields(_RegioJaar))
    top = fields["opmerking_redactie"]
    assert (top["widget"], top["required"], top["hint"]) == ("text", False, "Nieuw veld voor de test.")
    for zorgvorm in Zorgvorm:
        nested = fields[f"zorgvormen.{zorgvorm.value}.capaciteit.crisisbedden"]
        assert (nested["widget"], nested["min"], nested["hint"]) == (form.ONBEKEND_WIDGET, 0, "Aantal crisisbedden.")
    assert form.key_order(_RegioJaar)["zorgvormen.acute_zorg.capaciteit"] == ["binnen_regio", "buiten_regio", "crisisbedden"]
    assert "opmerking_redactie" not in by_path(form.form_fields(RegioJaar))


def test_the_key_order_is_the_models_order(fields: dict[str, dict[str, Any]]) -> None:
    order = form.key_order(RegioJaar)
    assert order[""] == list(RegioJaar.model_fields)
    assert order["zorgvormen.beveiligde_zorg"] == list(ZorgvormGegevens.model_fields)
    assert order["jaaragenda.bijeenkomsten[]"][:3] == ["datum", "tijd", "soort"]
    groups = {path + ("[]" if f["widget"] == "list" else ""): f for path, f in fields.items() if "fields" in f}
    assert len(groups) > 40
    for path, field in groups.items():  # the form shows the keys in the order the writer inserts them
        assert [f["name"] for f in field["fields"]] == [k for k in order[path] if f"{path}.{k}" not in form.NIET_VAN_TOEPASSING], path

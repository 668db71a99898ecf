"""The invulhulp's form, generated from the contract: Decap CMS field definitions and the key order.

One source: the form is a walk over the JSON Schema of the same pydantic models that write
``schema/``, so a key added to a model appears in the form with its type, bounds and Dutch
description, and no second list of fields is kept by hand. Labels come from ``fields`` and
``vocabulary``. What the schema cannot say (which headings group the guide's appendices, which
free texts are short) is presentation, kept in the small tables below; a key they do not name
still gets a field.

``onbekend`` is always an explicit choice: a nullable figure gets the widget ``onbekend_getal``
(a number plus an "onbekend" box that writes ``null``), a nullable yes/no gets ``ja_nee_onbekend``,
an optional object ``optioneel_object`` (filled in or absent), and a free text whose ``null`` has
a meaning of its own (the description says ``null = …``: ``alternatief``) gets ``tekst_of_null``,
a text plus a box with that meaning, so "not answered" (absent) and ``null`` stay apart. The four
widgets are registered by ``content/invulhulp/formulier/widgets.js``.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from ..contract.fields import TABEL2_BY_PATH, field_label
from ..contract.vocabulary import LABELS, REGIONALE_ZORGVORMEN, ZORGVORM_LABELS, Zorgvorm

FormField = dict[str, Any]
Schema = dict[str, Any]

GROEPEN: dict[str, str] = {
    "tafel": "Bijlage 1 · Deelnemers aan de regionale tafel",
    "jaaragenda": "Jaaragenda",
    "zorgvormen": "Bijlage 2 · Informatie per zorgvorm (Tabel 2)",
    "bespreekpunt": "Bijlage 4 · Bespreekpunt voor de landelijke tafel (Tabel 3)",
    "regioplan": "Regioplan (tweede gespreksronde)",
    "escalaties": "Escalaties (hoofdstuk 5)",
}
"""Headings of the groups the guide's appendices make, by key: the form follows the guide's order."""

VASTE_SLEUTELS = frozenset({"regio", "jaar", "versie"})
"""Top-level keys that identify the file (folder, file name, contract version): kept, not edited."""

NIET_VAN_TOEPASSING = frozenset(f"zorgvormen.{z.value}.bespreekpunt" for z in REGIONALE_ZORGVORMEN)
"""Key paths the contract forbids (a bespreekpunt is n.v.t. for the two regional care forms)."""

KORTE_TEKST = frozenset({"naam", "organisatie", "functie", "locatie", "verantwoordelijke", "escalerende_partij"})
"""Free-text keys shown as one line; every other free text gets a box that grows with its text."""

ONBEKEND_WIDGET, JA_NEE_WIDGET, OPTIONEEL_WIDGET = "onbekend_getal", "ja_nee_onbekend", "optioneel_object"
TEKST_OF_NULL_WIDGET = "tekst_of_null"
NULL_AWARE = frozenset({ONBEKEND_WIDGET, JA_NEE_WIDGET})
"""Widgets that count an explicit onbekend (null) as filled in, so a required key may hold it."""
DATE_FORMAT = "YYYY-MM-DD"
_NULL_MEANING = re.compile(r"\bnull = (?!onbekend\b)([^.;]+)")
"""A description's own meaning of ``null`` (``null = geen alternatief bekend``); onbekend is the default one."""
_YAML_NOTATION = (
    (re.compile(r"^Versie \d+: (\w)"), lambda m: m[1].upper()),  # when a key came is the contract's business
    (re.compile(r";? ?null = [^.;]+\.?"), "."),  # the onbekend box and the tekst_of_null box say it
    (re.compile(r"\bWeglaten = "), "Leeg laten = "),
    (re.compile(r",? ?(tussen|zonder) (aanhalingstekens|punt als duizendtalscheiding)"), ""),
    (re.compile(r'"([^"]*)"'), r"\1"),
    (re.compile(r"\btrue\b"), "ja"),
    (re.compile(r"\bfalse\b"), "nee"),
    (re.compile(r"\bnull\b"), "leeg"),
    (re.compile(r"\.\.$"), "."),
)
"""How the descriptions speak of YAML notation, which the form's inputs take care of."""


def form_fields(model: type[BaseModel]) -> list[FormField]:
    """The Decap CMS ``fields`` of a file written by ``model``, in the model's key order."""
    walker = _Walker(model.model_json_schema())
    return walker.fields(walker.root, ())


def key_order(model: type[BaseModel]) -> dict[str, list[str]]:
    """Per key path (list items as ``[]``), the keys of that map in the model's order.

    The minimal-diff writer inserts a key that the file did not have yet at its place in this
    order, so a filled-in optional key lands where the contract documents it.
    """
    walker = _Walker(model.model_json_schema())
    order: dict[str, list[str]] = {}
    walker.collect_order(walker.root, "", order)
    return order


def date_paths(model: type[BaseModel]) -> list[str]:
    """Every key path (list items as ``[]``) whose value is a date: there the writer leaves ``2026-03-01`` unquoted.

    Anywhere else such a text must be quoted, or YAML reads a date where the contract wants text.
    """
    walker = _Walker(model.model_json_schema())
    found: list[str] = []
    walker.collect_dates(walker.root, "", found)
    return found


def form_hint(description: str) -> str:
    """A description as the form's help text: without the YAML notation the inputs make unnecessary."""
    text = description
    for pattern, replacement in _YAML_NOTATION:
        text = pattern.sub(replacement, text)
    return text.strip()


def key_label(keys: tuple[str, ...]) -> str:
    """The Dutch label of the key at ``keys``: a group heading, a care form, a Tabel 2 row, or the key's label."""
    key = keys[-1]
    if key in GROEPEN:
        return GROEPEN[key]
    if key in ZORGVORM_LABELS and _within_care_form(keys[:-1]) is None:
        return ZORGVORM_LABELS[Zorgvorm(key)]
    relative = _within_care_form(keys)
    if relative is not None and relative in TABEL2_BY_PATH:
        return TABEL2_BY_PATH[relative].label
    return field_label(key)


def _within_care_form(keys: tuple[str, ...]) -> str | None:
    """The dotted path below the nearest care-form key (``capaciteit.binnen_regio``), if there is one."""
    for index in range(len(keys) - 1, -1, -1):
        if keys[index] in ZORGVORM_LABELS:
            return ".".join(keys[index + 1:]) or None
    return None


class _Walker:
    """One walk over a model's JSON Schema, resolving ``$ref`` and ``anyOf: [X, null]``."""

    def __init__(self, schema: Schema) -> None:
        self.defs: dict[str, Schema] = schema.get("$defs", {})
        self.root = schema

    def resolve(self, node: Schema) -> tuple[Schema, bool, str | None]:
        """The node's type (``$ref`` followed), whether ``null`` is allowed, and its definition's name."""
        nullable = False
        if "anyOf" in node:
            options = [option for option in node["anyOf"] if option.get("type") != "null"]
            nullable = len(options) < len(node["anyOf"])
            if len(options) != 1:
                raise ValueError(f"the form has no input for a choice of types: {node}")
            node = options[0]
        name = None
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            node = self.defs[name]
        return node, nullable, name

    def fields(self, schema: Schema, keys: tuple[str, ...]) -> list[FormField]:
        required = set(schema.get("required", []))
        fields = []
        for key, node in schema.get("properties", {}).items():
            path = (*keys, key)
            if ".".join(path) in NIET_VAN_TOEPASSING:
                continue
            fields.append(self.field(key, node, path, key in required))
        return fields

    def field(self, key: str, node: Schema, keys: tuple[str, ...], required: bool) -> FormField:
        target, nullable, name = self.resolve(node)
        field: FormField = {"name": key, "label": key_label(keys)}
        if len(keys) == 1 and key in VASTE_SLEUTELS:
            return {**field, "widget": "hidden", **({} if required else {"required": False})}
        description = node.get("description") or target.get("description") if name is None else node.get("description")
        if description:
            field["hint"] = form_hint(description)
        field.update(self.widget(target, keys, name, nullable or not required))
        meaning = _NULL_MEANING.search(description or "")
        if nullable and meaning and field["widget"] in ("string", "text"):
            field.update(widget=TEKST_OF_NULL_WIDGET, null_label=meaning[1].strip())
        if not required or (nullable and field["widget"] not in NULL_AWARE):
            field["required"] = False  # Decap then labels it "(optioneel)"; its own check would refuse null
        return field

    def widget(self, target: Schema, keys: tuple[str, ...], name: str | None, optional: bool) -> FormField:
        kind = target.get("type")
        if "enum" in target:
            return {"widget": "select", "options": [{"label": LABELS.get(str(v), str(v)), "value": v} for v in target["enum"]]}
        if kind == "object":
            return self.object_widget(target, keys, optional)
        if kind == "array":
            return self.list_widget(target["items"], keys)
        if kind in ("integer", "number"):
            return _number_widget(target, optional)
        if kind == "boolean":
            return {"widget": JA_NEE_WIDGET if optional else "boolean"}
        if kind == "string":
            return _text_widget(target, keys)
        raise ValueError(f"the form has no input for {'.'.join(keys)}: {target}")

    def object_widget(self, target: Schema, keys: tuple[str, ...], optional: bool) -> FormField:
        collapsed = keys[-1] in ZORGVORM_LABELS  # six long care forms: one opened at a time
        return {"widget": OPTIONEEL_WIDGET if optional else "object", "collapsed": collapsed, "fields": self.fields(target, keys)}

    def list_widget(self, items: Schema, keys: tuple[str, ...]) -> FormField:
        target, _, name = self.resolve(items)
        singular = _singular(name, keys[-1])
        if target.get("type") == "object":
            fields = self.fields(target, keys)
            return {"widget": "list", "label_singular": singular, "collapsed": True, "summary": _summary(target), "fields": fields}
        item = {"name": keys[-1], "label": singular[:1].upper() + singular[1:], **self.widget(target, keys, name, optional=False)}
        return {"widget": "list", "label_singular": singular, "field": item}

    def collect_order(self, schema: Schema, path: str, order: dict[str, list[str]]) -> None:
        properties = schema.get("properties", {})
        order[path] = list(properties)
        for target, child in self.children(properties, path):
            if target.get("type") == "object":
                self.collect_order(target, child, order)

    def collect_dates(self, schema: Schema, path: str, found: list[str]) -> None:
        for target, child in self.children(schema.get("properties", {}), path):
            if target.get("format") == "date":
                found.append(child)
            elif target.get("type") == "object":
                self.collect_dates(target, child, found)

    def children(self, properties: dict[str, Schema], path: str) -> list[tuple[Schema, str]]:
        """Each property's type and key path; a list stands for its items (``key[]``)."""
        result = []
        for key, node in properties.items():
            target, _, _ = self.resolve(node)
            child = f"{path}.{key}" if path else key
            if target.get("type") == "array":
                target, child = self.resolve(target["items"])[0], f"{child}[]"
            result.append((target, child))
        return result


def _number_widget(target: Schema, optional: bool) -> FormField:
    whole = target["type"] == "integer"
    widget: FormField = {"widget": ONBEKEND_WIDGET if optional else "number", "value_type": "int" if whole else "float"}
    widget["step"] = 1 if whole else "any"
    for bound, decap in (("minimum", "min"), ("maximum", "max")):
        if bound in target:
            widget[decap] = target[bound]
    return widget


def _text_widget(target: Schema, keys: tuple[str, ...]) -> FormField:
    if target.get("format") == "date":
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False}
    if "pattern" in target:
        message = form_hint(target.get("description") or "Deze notatie klopt niet.")
        return {"widget": "string", "pattern": [target["pattern"], message]}
    return {"widget": "string" if keys[-1] in KORTE_TEKST else "text"}


def _singular(definition: str | None, key: str) -> str:
    """How the list's add button names one item: the item model's name, else the key without its plural ending."""
    if definition is not None:
        return re.sub(r"(?<!^)(?=[A-Z])", " ", definition).lower()
    text = field_label(key).lower()
    return re.sub(r"(en|s)$", "", text)


def _summary(item: Schema) -> str:
    """What a collapsed list item shows: its first required free text, then its first required other values."""
    required = [key for key in item.get("properties", {}) if key in set(item.get("required", []))]
    texts = [k for k in required if item["properties"][k].get("type") == "string" and "format" not in item["properties"][k]]
    others = [k for k in required if k not in texts and item["properties"][k].get("type") != "array"]
    chosen = (texts[:1] + others)[:2]
    return " · ".join(f"{{{{fields.{key}}}}}" for key in chosen)

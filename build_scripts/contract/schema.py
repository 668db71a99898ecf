"""JSON Schemas of the contract, generated from the models and committed under ``schema/``.

Editors (VS Code with the YAML extension) read them through the ``# yaml-language-server``
line at the top of each data file, so regions get completion and checks while typing.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .models import Landelijk, Regio, RegioJaar

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "regio.schema.json": Regio,
    "regio-jaar.schema.json": RegioJaar,
    "landelijk.schema.json": Landelijk,
}
DESCRIPTIONS = {
    "regio.schema.json": "data/regions/<regio>/regio.yaml: naam, code en buurregio's van één regio.",
    "regio-jaar.schema.json": "data/regions/<regio>/<jaar>.yaml: de gegevens van één regionale tafel in één jaar.",
    "landelijk.schema.json": "data/landelijk/<jaar>.yaml: de ondersteunende landelijke tafel in één jaar.",
}


def schema_texts() -> dict[str, str]:
    """File name → JSON text, deterministic so a test can compare it with the committed files."""
    texts = {}
    for name, model in SCHEMA_FILES.items():
        schema = model.model_json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": name,
            "description": DESCRIPTIONS[name],
            **{k: v for k, v in schema.items() if k != "description"},
        }
        texts[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    return texts


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written

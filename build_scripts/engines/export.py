"""``dossier export``: write the generated site mapping to disk, outside MkDocs.

Used for golden tests, for debugging a page, for the benchmark's "MkDocs alone" floor, and as the
exit door to another static-site engine.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from ..reading.dataset import Dataset
from ..render.context import make_context
from ..render.registry import generate_site
from ..settings import Settings
from .mkdocs_config import read_site_config
from .output_folder import check_output_folder


def export_site(dataset: Dataset, out: Path, peildatum: dt.date | None = None, settings: Settings | None = None) -> int:
    """Write every generated file under ``out`` (emptied first); return how many were written.

    Raises ``OutputFolderError`` before anything is removed when ``out`` could hold the project."""
    config = read_site_config(dataset.root)
    check_output_folder(out, dataset.root, keep=[config.docs_dir] if config.docs_dir else [])
    context = make_context(dataset, peildatum=peildatum, docs_dir=config.docs_dir, nav=config.nav, repository=config.repository, settings=settings)
    outputs = generate_site(context)
    if out.exists():
        shutil.rmtree(out)
    for path, output in outputs.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(output.content, bytes):
            target.write_bytes(output.content)
        else:
            target.write_text(output.content, encoding="utf-8")
    return len(outputs)

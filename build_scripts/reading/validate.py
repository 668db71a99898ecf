"""Check one parsed document against the contract model for its kind.

The model decides what is valid; :mod:`.messages` turns what it found into Dutch problems at the
right line. ``load`` runs this for every document, then the cross-file rules.
"""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from ..contract.models import MODELS
from .documents import Document
from .messages import model_problems
from .problems import Problem


def validate_document(doc: Document) -> tuple[BaseModel | None, list[Problem]]:
    """Validate ``doc.data`` against the model for its kind; return the model or the problems."""
    model_class: type[BaseModel] = MODELS[doc.kind]
    try:
        return model_class.model_validate(doc.data), []
    except ValidationError as exc:
        return None, model_problems(doc, model_class, exc)

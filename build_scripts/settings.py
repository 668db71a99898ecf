"""Every ``DOSSIER_*`` environment variable, read in one place into one typed settings object.

The entry points (the ``dossier`` command, the MkDocs hook, the review-comment job) read the
settings once and hand them down; no other module reads the environment. The table of settings in
``docs/settings.md`` is generated from :class:`Settings` (``scripts/generated_docs.py``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

PREFIX = "DOSSIER_"


class SettingsError(ValueError):
    """A ``DOSSIER_*`` variable with a value of the wrong kind; the message is Dutch and names the variable."""


class Settings(BaseSettings):
    """What can be set from the environment; unset (or empty) means the default."""

    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    peildatum: dt.date | None = Field(default=None, description="The build's explicit “today” (JJJJ-MM-DD); default the data's latest git date.")
    cache_dir: Path | None = Field(default=None, description="Where builds keep charts and Zensical's build folder (CI keeps it); default `<root>/.cache`.")
    workers: int | None = Field(default=None, description="Processes that build pages (at least 1); default one per core for 40 or more yearly files.")
    vandaag: dt.date | None = Field(default=None, description="The engine plan's today (JJJJ-MM-DD), for tests and trying the plan out; default the clock.")
    chromium: Path | None = Field(default=None, description="The Chromium `dossier pdf` drives; default `chromium` on the PATH.")
    preview: str | None = Field(default=None, description="Builds a merge request's preview: the request as its host writes it, `!15` or `#15`.")
    preview_url: str | None = Field(default=None, description="The web address of the merge request; the preview's banner links to it.")
    preview_site_url: str | None = Field(default=None, description="Where the preview is served, ending in `/` (becomes its `site_url`).")
    preview_pages_prefix: str | None = Field(
        default=None, description="Set by a GitLab Pages parallel deployment to its `path_prefix` (`mr-<iid>`): the build checks it is deployed there."
    )
    gitlab_token: SecretStr | None = Field(
        default=None,
        description="Access token (Reporter, scope `api`) of the scheduled review-comment job; protected, never in a merge request's job.",
    )

    @classmethod
    def variable(cls, name: str) -> str:
        """The environment variable of field ``name``: ``workers`` → ``DOSSIER_WORKERS``."""
        return PREFIX + name.upper()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Only the variables (no ``.env`` file, no secrets folder), from the mapping :func:`read_settings` was given."""
        return init_settings, _Variables(settings_cls, _READING.get())


_READING: ContextVar[Mapping[str, str]] = ContextVar("dossier_settings_source", default=os.environ)
"""The mapping the settings are read from: the process environment unless :func:`read_settings` was given one."""


class _Variables(PydanticBaseSettingsSource):
    """Each field from its ``DOSSIER_*`` variable in ``env``; an unset or empty variable leaves the default."""

    def __init__(self, settings_cls: type[BaseSettings], env: Mapping[str, str]) -> None:
        super().__init__(settings_cls)
        self.env = env

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        key = Settings.variable(field_name)
        return self.env.get(key), key, False

    def __call__(self) -> dict[str, Any]:
        values = {name: self.env.get(Settings.variable(name), "") for name in self.settings_cls.model_fields}
        return {name: value for name, value in values.items() if value.strip()}


_KINDS = {"date": "geen datum in de vorm JJJJ-MM-DD", "int": "geen geheel getal", "path": "geen pad"}


def read_settings(env: Mapping[str, str] | None = None) -> Settings:
    """The settings from the process environment, or from ``env`` alone (tests, the review job's own mapping).

    Raises :class:`SettingsError` with a Dutch message for a value of the wrong kind.
    """
    token = _READING.set(os.environ if env is None else env)
    try:
        return Settings()
    except ValidationError as exc:
        raise SettingsError(_message(exc)) from exc
    finally:
        _READING.reset(token)


def _message(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    name = str(error["loc"][0])
    kind = next((text for key, text in _KINDS.items() if error["type"].startswith(key)), "geen geldige waarde")
    return f"{Settings.variable(name)} is {kind}: {error.get('input')!r}"


def environment() -> Mapping[str, str]:
    """The process environment, for what the CI platform itself sets (``CI_*``, ``GITHUB_*``): the Pages guard and the review job read those."""
    return dict(os.environ)


def child_environment(**extra: str) -> dict[str, str]:
    """The environment for a child process (an engine's build): this one's, plus ``extra``."""
    return {**os.environ, **extra}


def settings_markdown() -> str:
    """The settings as the table in ``docs/settings.md`` (generated by ``scripts/generated_docs.py``)."""
    rows = ["| variable | type | what it sets |", "|---|---|---|"]
    for name, info in Settings.model_fields.items():
        rows.append(f"| `{Settings.variable(name)}` | {_type_name(info.annotation)} | {info.description} |")
    return "\n".join(rows)


def _type_name(annotation: Any) -> str:
    text = str(annotation).replace("datetime.date", "date").replace("pathlib.Path", "path").replace("pathlib._local.Path", "path")
    text = text.replace("pydantic.types.SecretStr", "secret").replace(" | None", "").replace("<class '", "").replace("'>", "")
    return text

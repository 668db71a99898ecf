"""What every engine publishes, made once and the same way: the one core both doors share.

Validate the data (one error with every located problem; nothing generated when there is one;
a symbolic link in the docs folder is such a problem too),
generate every page and file, expand the navigation, date the data, and give each generated
page the edit link of its YAML file. The MkDocs hook and the Zensical build differ only in the
last step, handing this to their engine, so both publish the same URLs and the same content.
No engine is imported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from ..contract.notation import dutch_date
from ..contract.site_paths import NATIONAL_FEED
from ..reading.discovery import find_links
from ..reading.load import load_dataset
from ..reading.problems import Problem, format_text, has_errors, summary
from ..render.context import Output, RepositorySettings, cache_folder, make_context
from ..render.csp import SITE_POLICY
from ..render.nav import expand_nav
from ..render.registry import generate_site
from ..settings import Settings, read_settings
from .stand import StandError, data_root, stand_for, stand_label


class DataError(Exception):
    """The data has errors, or a generated page would overwrite a hand-written one: nothing may be built.

    The message is Dutch and lists every located problem, as ``dossier validate`` does.
    """


@dataclass(frozen=True)
class SiteSource:
    """The generated part of a site: its files, the navigation with every generated section expanded, the data's date.

    ``warnings`` are the data's warnings, for the door to report: they never stop a build.
    """

    outputs: dict[str, Output]
    nav: list[Any]
    data_datum: str
    warnings: list[Problem]
    stand: str | None = None

    @property
    def theme_extra(self) -> dict[str, str]:
        """What the theme reads from ``extra``, the same for every engine: the data's date, the pages' CSP and a stand's mark."""
        return {"data_datum": self.data_datum, "csp": SITE_POLICY, "feed": NATIONAL_FEED, **({"stand": self.stand} if self.stand else {})}


def prepare_site(
    root: Path, docs_dir: Path, nav: Sequence[Any], peildatum: dt.date | None = None, repository: RepositorySettings | None = None,
    settings: Settings | None = None,
    directory_urls: bool = True,
) -> SiteSource:
    """Validate ``root/data`` and generate the site; raises :class:`DataError` before anything is generated on bad data.

    ``directory_urls`` is the engine's URL style: every generated link is written in it (a preview's are files).
    With ``settings.stand`` (``dossier build --stand``) the data is that of the stand's commit (:mod:`.stand`).
    """
    settings = settings or read_settings()
    try:
        stand = stand_for(root, settings.stand)
    except StandError as exc:
        raise DataError(str(exc)) from exc
    with data_root(root, stand) as data:
        dataset, problems = load_dataset(data)
        problems = [*problems, *find_links(docs_dir, root)]  # MkDocs would follow a link in the docs folder and publish its target
        if has_errors(problems):
            errors = [p for p in problems if p.is_error]
            raise DataError(f"De gegevens bevatten fouten; de site is niet gebouwd ({summary(problems)}):\n{format_text(errors)}")
        cache = cache_folder(root, settings) / "charts" if stand is not None else None
        ctx = make_context(
            dataset, peildatum=peildatum, cache_dir=cache, docs_dir=docs_dir, nav=list(nav), repository=repository, settings=settings, stand=stand,
            directory_urls=directory_urls,
        )
        outputs = generate_site(ctx)
    for path in outputs:
        if (docs_dir / path).exists():
            raise DataError(f"{path} bestaat zowel in {docs_dir.name}/ als in de gegenereerde pagina's; verwijder één van beide")
    warnings = [p for p in problems if not p.is_error]
    return SiteSource(outputs, expand_nav(list(nav), outputs), dutch_date(ctx.data_datum), warnings, stand_label(stand) if stand else None)


def edit_path(repo_url: str | None, edit_uri: str | None, docs_dir: Path, source: str | None) -> str | None:
    """The edit link of a generated page relative to ``edit_uri``: its YAML file (``source``, relative to the project).

    ``edit_uri`` points into the docs folder, so the path steps out of it; none without a data file behind the page.
    """
    if not source or not repo_url or not edit_uri:
        return None
    return f"../{source}" if edit_uri.rstrip("/").rsplit("/", 1)[-1] == docs_dir.name else source


def edit_url(repo_url: str | None, edit_uri: str | None, docs_dir: Path, source: str | None) -> str | None:
    """The full edit address of a generated page, joined as MkDocs joins ``repo_url``, ``edit_uri`` and a file's edit path."""
    path = edit_path(repo_url, edit_uri, docs_dir, source)
    if path is None or not repo_url or not edit_uri:  # (repeated for the type checker)
        return None
    return urljoin(repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/" + path)

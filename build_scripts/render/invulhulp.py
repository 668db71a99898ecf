"""The invulhulp (/invulhulp/): a form in which a region updates its year file and submits it as a merge request.

The form is Decap CMS, served by the site itself (``content/invulhulp/formulier/``: the vendored
bundle, our minimal-diff YAML format and three widgets). This section generates what depends on
the contract, the data and the repository: the form's configuration (every field from the
contract's models, every region-year file; no media library), the key order and date fields the
YAML writer needs, a copy of each file for working without an account, the explanation page, and
the form's own page with its Content-Security-Policy (the site's, plus the code host's API).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..contract.models import RegioJaar
from ..editing.form import date_paths, form_fields, key_order
from ..reading.dataset import Dataset
from .context import Output, RepositorySettings, SiteContext
from .csp import form_policy
from .templating import render

FORM_DIR = "invulhulp/formulier"
COLLECTION = "regio_jaar"
FORMAT = "yaml-rt"  # registered by content/invulhulp/formulier/invulhulp.js
MEDIA_LIBRARY = "geen"  # registered by invulhulp.js: a media library that shows nothing (the contract has no files)
MEDIA_FOLDER = "geen-uploads"  # Decap still lists a media folder when it opens a file: one that does not exist, outside content/ (never published)
COMMIT_MESSAGES = {
    "create": "{{collection}} “{{slug}}” aangemaakt met de invulhulp",
    "update": "{{slug}}: bijgewerkt met de invulhulp",
    "delete": "{{slug}}: verwijderd met de invulhulp",
    "uploadMedia": "Bestand {{path}} toegevoegd met de invulhulp",
    "deleteMedia": "Bestand {{path}} verwijderd met de invulhulp",
    "openAuthoring": "{{message}}",
}


@dataclass(frozen=True)
class Bestand:
    """One region-year file the form can open."""

    regio: str
    naam: str
    jaar: int
    pad: str

    @property
    def entry(self) -> str:
        """Decap's name of the file, also the ``?bestand=`` of the links: ``utrecht-2026``."""
        return f"{self.regio}-{self.jaar}"


@dataclass(frozen=True)
class Backend:
    """Where a signed-in region's save goes: Decap's ``backend`` settings, and what the page tells about it."""

    settings: dict[str, Any]
    host: str  # "GitLab" or "GitHub"; "" without a repository
    web_url: str
    blob_url: str  # a file of the main branch is this plus its path
    tree_url: str  # a folder of the main branch is this plus its path
    login: bool  # is signing in set up (GitLab: app_id; GitHub: an OAuth proxy)?
    origins: tuple[str, ...] = ()  # where the form may connect: the code host's API (its Content-Security-Policy)


def pages(ctx: SiteContext) -> Iterator[tuple[str, Output]]:
    bestanden = region_year_files(ctx.dataset)
    backend = repository_backend(ctx.repository)
    yield "invulhulp/index.md", Output(render("invulhulp.md.j2", bestanden=bestanden, backend=backend), title="Invulhulp")
    yield f"{FORM_DIR}/index.html", Output(render("invulhulp_formulier.html.j2", csp=form_policy(backend.origins)))
    yield f"{FORM_DIR}/config.yml", Output(decap_config(bestanden, backend))
    yield f"{FORM_DIR}/sleutelvolgorde.json", Output(json.dumps(key_order(RegioJaar), ensure_ascii=False, indent=1) + "\n")
    yield f"{FORM_DIR}/datumvelden.json", Output(json.dumps(date_paths(RegioJaar), indent=1) + "\n")  # where 2026-03-01 stays unquoted
    yield f"{FORM_DIR}/repository.json", Output(json.dumps({"host": backend.host, "tree_url": backend.tree_url}) + "\n")  # for the upload steps
    for bestand in bestanden:  # the untouched text, comments and all: what the form starts from without an account
        yield f"{FORM_DIR}/bestanden/{bestand.regio}/{bestand.jaar}.yaml", Output((ctx.dataset.root / bestand.pad).read_bytes())


def region_year_files(dataset: Dataset) -> list[Bestand]:
    """Every valid region-year file: by region name, the latest year first."""
    bestanden = [
        Bestand(slug, region.naam, jaar, region.jaar_paths[jaar])
        for slug, region in dataset.regions.items()
        for jaar in region.jaren
    ]
    return sorted(bestanden, key=lambda b: (b.naam.casefold(), b.regio, -b.jaar))


def decap_config(bestanden: list[Bestand], backend: Backend) -> str:
    """Decap CMS's ``config.yml``: one collection with every region-year file, all with the contract's fields."""
    fields = form_fields(RegioJaar)  # one object: YAML writes it once and refers to it (an alias) for every file
    collection = {
        "name": COLLECTION, "label": "Jaarbestanden van de regio's", "label_singular": "jaarbestand",
        "format": FORMAT,  # on the collection: Decap ignores a format set per file
        "extension": "yaml", "editor": {"preview": False}, "create": False, "delete": False,
        "files": [{"name": b.entry, "label": f"{b.naam} {b.jaar}", "file": b.pad, "fields": fields} for b in bestanden],
    }
    config = {
        "locale": "nl",
        "backend": backend.settings,
        "local_backend": True,  # only on localhost: Decap's decap-server on a local clone (the tests use it)
        "publish_mode": "editorial_workflow",  # saving opens a merge request; merging stays with the editors
        # No media library: Decap's would let a signed-in user commit files straight to the default branch,
        # into a published folder, outside any merge request. The contract has no file fields.
        "media_library": {"name": MEDIA_LIBRARY},
        "media_folder": MEDIA_FOLDER,
        "collections": [collection],
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def repository_backend(repository: RepositorySettings) -> Backend:
    """Decap's backend for the repository in ``repo_url``: GitLab (login in the browser) or GitHub (via an OAuth proxy).

    ``extra.invulhulp`` in ``mkdocs.yml`` adds what the URL cannot say: ``branch`` (default main),
    ``app_id`` (GitLab: the OAuth application's id), ``oauth_proxy`` (GitHub: the proxy's address),
    ``backend`` (``gitlab`` or ``github`` for a host whose name says neither).
    """
    settings = repository.invulhulp
    if not repository.repo_url:
        return Backend({"name": "test-repo"}, "", "", "", "", False)
    url = urlsplit(repository.repo_url)
    repo = url.path.strip("/").removesuffix(".git")
    kind = settings.get("backend") or ("github" if "github" in url.netloc else "gitlab" if "gitlab" in url.netloc else "")
    if kind not in ("gitlab", "github"):
        raise ValueError(f"invulhulp: kan uit repo_url {repository.repo_url} niet afleiden of het GitLab of GitHub is; zet extra.invulhulp.backend")
    backend: dict[str, Any] = {"name": kind, "repo": repo, "branch": settings.get("branch", "main")}
    base = f"{url.scheme}://{url.netloc}"
    if kind == "gitlab":
        backend.update(auth_type="pkce", app_id=str(settings.get("app_id", "")))
        if url.netloc != "gitlab.com":
            backend.update(base_url=base, api_root=f"{base}/api/v4")
        login = bool(settings.get("app_id"))
    else:
        if url.netloc != "github.com":
            backend["api_root"] = f"{base}/api/v3"
        if settings.get("oauth_proxy"):
            backend["base_url"] = settings["oauth_proxy"]
        login = bool(settings.get("oauth_proxy"))
    backend.update(squash_merges=True, commit_messages=COMMIT_MESSAGES)
    web = f"{base}/{repo}"
    blob, tree = (f"{web}{'' if kind == 'github' else '/-'}/{view}/{backend['branch']}/" for view in ("blob", "tree"))
    api = urlsplit(backend.get("api_root") or ("https://api.github.com" if kind == "github" else base))
    return Backend(backend, "GitHub" if kind == "github" else "GitLab", web, blob, tree, login, (f"{api.scheme}://{api.netloc}",))

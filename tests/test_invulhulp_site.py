"""The /invulhulp/ section: Decap's configuration lists every region-year file with the contract's
fields, the repository settings come from one place, and the page says what the form leaves to CI.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import yaml

from build_scripts.contract.models import RegioJaar
from build_scripts.editing.form import form_fields
from build_scripts.engines.mkdocs_config import read_site_config
from build_scripts.reading.load import load_dataset
from build_scripts.render import invulhulp
from build_scripts.render.context import Output, RepositorySettings, make_context
from conftest import REPO, Project


def section(project: Project, repository: RepositorySettings | None = None) -> dict[str, Output]:
    dataset, problems = load_dataset(project.root)
    assert not [p for p in problems if p.is_error]
    return dict(invulhulp.pages(make_context(dataset, peildatum=dt.date(2026, 6, 1), repository=repository)))


def config_of(outputs: dict[str, Output]) -> dict[str, Any]:
    return yaml.safe_load(str(outputs[f"{invulhulp.FORM_DIR}/config.yml"].content))


def year_files(project: Project) -> list[str]:
    return sorted(p.relative_to(project.root).as_posix() for p in (project.root / "data" / "regions").glob("*/20*.yaml"))


GITLAB = RepositorySettings("https://gitlab.com/cruciale-ggz/dossier", {"app_id": "abc123"})


def test_the_config_lists_every_region_year_file_with_the_contracts_fields(project: Project) -> None:
    config = config_of(section(project, GITLAB))
    (collection,) = config["collections"]
    assert sorted(f["file"] for f in collection["files"]) == year_files(project)
    assert len(year_files(project)) >= 2
    assert all(f["fields"] == form_fields(RegioJaar) for f in collection["files"])
    assert collection["format"] == invulhulp.FORMAT  # Decap ignores a format set per file
    assert (config["locale"], config["publish_mode"], config["local_backend"]) == ("nl", "editorial_workflow", True)
    assert [f["name"] for f in collection["files"]] == [f"{p.split('/')[2]}-{p.split('/')[3][:4]}" for p in [f["file"] for f in collection["files"]]]


def test_the_copies_for_working_without_an_account_are_the_files_byte_for_byte(project: Project) -> None:
    outputs = section(project)
    for rel in year_files(project):
        copy = outputs[f"{invulhulp.FORM_DIR}/bestanden/{rel.removeprefix('data/regions/')}"]
        assert copy.content == (project.root / rel).read_bytes()


def test_the_page_links_every_file_both_ways_and_says_what_ci_checks(project: Project) -> None:
    page = str(section(project, GITLAB)["invulhulp/index.md"].content)
    entries = [f"{p.split('/')[2]}-{p.split('/')[3][:4]}" for p in year_files(project)]
    assert sorted(re.findall(r'href="formulier/\?bestand=([a-z0-9-]+)"', page)) == sorted(entries)
    assert sorted(re.findall(r'href="formulier/\?bestand=([a-z0-9-]+)&amp;zonder-account"', page)) == sorted(entries)
    assert "Wat het formulier niet controleert" in page and "automatische controle bij het samenvoegverzoek" in page
    assert "Inloggen is voor deze site nog niet ingesteld" not in page
    assert "Inloggen is voor deze site nog niet ingesteld" in str(section(project, RepositorySettings(GITLAB.repo_url))["invulhulp/index.md"].content)


def test_gitlab_signs_in_from_the_browser_with_pkce() -> None:
    backend = invulhulp.repository_backend(GITLAB)
    assert {k: backend.settings[k] for k in ("name", "repo", "branch", "auth_type", "app_id")} == {
        "name": "gitlab", "repo": "cruciale-ggz/dossier", "branch": "main", "auth_type": "pkce", "app_id": "abc123",
    }
    assert "api_root" not in backend.settings and backend.login and backend.host == "GitLab"
    assert backend.blob_url == "https://gitlab.com/cruciale-ggz/dossier/-/blob/main/"
    own = invulhulp.repository_backend(RepositorySettings("https://git.example.nl/ggz/dossier.git", {"backend": "gitlab", "branch": "data"}))
    assert (own.settings["api_root"], own.settings["base_url"], own.settings["branch"], own.login) == (
        "https://git.example.nl/api/v4", "https://git.example.nl", "data", False,
    )


def test_the_upload_steps_get_the_host_and_its_folder_address(project: Project) -> None:
    written = json.loads(str(section(project, GITLAB)[f"{invulhulp.FORM_DIR}/repository.json"].content))
    assert written == {"host": "GitLab", "tree_url": "https://gitlab.com/cruciale-ggz/dossier/-/tree/main/"}
    github = invulhulp.repository_backend(RepositorySettings("https://github.com/ggz/dossier", {"branch": "data"}))
    assert github.tree_url == "https://github.com/ggz/dossier/tree/data/"


def test_github_needs_an_oauth_proxy() -> None:
    without = invulhulp.repository_backend(RepositorySettings("https://github.com/ggz/dossier"))
    assert (without.settings["name"], without.login, "base_url" in without.settings) == ("github", False, False)
    proxied = invulhulp.repository_backend(RepositorySettings("https://github.com/ggz/dossier", {"oauth_proxy": "https://auth.example.org"}))
    assert (proxied.settings["base_url"], proxied.login, proxied.blob_url) == ("https://auth.example.org", True, "https://github.com/ggz/dossier/blob/main/")


def test_a_host_that_is_neither_must_be_named_and_no_repository_means_no_sign_in() -> None:
    with pytest.raises(ValueError, match=r"extra\.invulhulp\.backend"):
        invulhulp.repository_backend(RepositorySettings("https://code.example.org/ggz/dossier"))
    assert invulhulp.repository_backend(RepositorySettings(None)).settings == {"name": "test-repo"}


def test_the_settings_are_read_from_mkdocs_yml() -> None:
    repository = read_site_config(REPO).repository
    written = re.search(r"^repo_url:\s*(\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert written is not None and repository.repo_url == written.group(1)
    assert repository.invulhulp.get("branch") == "main"


def test_the_form_has_no_media_library_and_no_published_upload_folder(project: Project) -> None:
    """Decap's media library commits uploads straight to the default branch: replaced by one that shows nothing."""
    config = config_of(section(project, GITLAB))
    assert config["media_library"] == {"name": invulhulp.MEDIA_LIBRARY}
    assert not config["media_folder"].startswith(("content/", "docs/", "data/"))
    script = (REPO / "content" / "invulhulp" / "formulier" / "invulhulp.js").read_text(encoding="utf-8")
    assert f"registerMediaLibrary({{ name: '{invulhulp.MEDIA_LIBRARY}'" in script and "enableStandalone: () => false" in script


def test_the_form_page_carries_its_policy_and_loads_only_files_of_the_site(project: Project) -> None:
    page = str(section(project, GITLAB)[f"{invulhulp.FORM_DIR}/index.html"].content)
    policy = "default-src &#39;self&#39;; script-src &#39;self&#39; &#39;wasm-unsafe-eval&#39; &#39;unsafe-eval&#39;;"
    assert f'<meta http-equiv="Content-Security-Policy" content="{policy}' in page
    assert re.findall(r'<script[^>]* src="([^"]+)"', page) == ["manual-init.js", "vendor/decap-cms/decap-cms.js", "invulhulp.js"]
    assert "<script>" not in page

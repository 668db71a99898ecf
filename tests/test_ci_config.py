"""CI files for both hosts: valid for their host's schema, and running only this project's own commands.

check-jsonschema ships the hosts' schemas (``--builtin-schema vendor.*``), so these checks run
offline. The script-line check keeps the pipelines honest: every job runs commands that the
README, ``.ci/run`` and this test suite exercise, so a green local run predicts a green pipeline.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).parent.parent
GITLAB = REPO / ".gitlab-ci.yml"
GITHUB = REPO / ".github" / "workflows" / "ci.yml"
GITHUB_COMMENT = REPO / ".github" / "workflows" / "reactie.yml"
# The commands a pipeline may run: our CLI, the build, the tests, installing, and read-only git.
Scripts = Callable[[], dict[str, list[str]]]
ALLOWED = {
    ("python", "-m", "pip", "install"), ("python", "-m", "pytest"), ("dossier", "validate"), ("dossier", "diff"),
    ("mkdocs", "build"), ("dossier", "build"), ("git", "fetch"), ("export",), ("cat",), ("echo",),
    ("python", "-m", "build_scripts.review_requests"), ("bash", ".ci/lowest.sh"), ("bash", "tests/run.sh"),
}
REQUIRED = (
    "dossier validate --format {fmt}",
    "mkdocs build --strict",
    "dossier build --engine zensical",
    "dossier build --engine properdocs",
    "python -m pytest -q -p no:cacheprovider tests/test_engine_parity.py -k properdocs",
    "dossier diff --base",
    "--format markdown --output wijzigingen.md",
    "python -m pytest -q --ignore=tests/browser",
    'python -m pip install -e ".[test]"',
    "bash tests/run.sh tests/browser/test_layout.py",
)


@pytest.mark.parametrize(("path", "schema"), [(GITLAB, "vendor.gitlab-ci"), (GITHUB, "vendor.github-workflows"), (GITHUB_COMMENT, "vendor.github-workflows")])
def test_ci_file_is_valid_for_its_host(path: Path, schema: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_file(tmp_path: Path) -> None:
    """The check above can fail: a job whose script is a number is refused."""
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text("gegevens:\n  script: 3\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", str(broken)], capture_output=True)
    assert result.returncode == 1


def _gitlab_scripts() -> dict[str, list[str]]:
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    before = config["default"]["before_script"]
    return {name: job.get("before_script", before) + job["script"] for name, job in config.items() if isinstance(job, dict) and "script" in job}


def _github_scripts() -> dict[str, list[str]]:
    jobs = {**_workflow(GITHUB)["jobs"], **_workflow(GITHUB_COMMENT)["jobs"]}
    return {name: [line for step in job["steps"] if "run" in step for line in step["run"].splitlines() if line.strip()] for name, job in jobs.items()}


def _workflow(path: Path) -> dict[str, Any]:
    """A workflow file; PyYAML (YAML 1.1) reads the key ``on`` as True, GitHub as "on"."""
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in config:
        config["on"] = config.pop(True)
    return config


def _commands(line: str) -> list[tuple[str, ...]]:
    """The simple commands in a shell line (split on ||, &&, ;; redirections dropped), with $(…) substitutions as their own."""
    inner = re.findall(r"\$\(([^()]*(?:\([^()]*\)[^()]*)*)\)", line)
    outer = re.sub(r"\$\((?:[^()]|\([^()]*\))*\)", "X", line)
    outer = re.sub(r">>?\s*(?:\"[^\"]*\"|\S+)", " ", outer)
    result = []
    for part in [*re.split(r"\|\||&&|;", outer), *inner]:
        words = shlex.split(part)
        if words and words[0] not in ("true", "X") and not words[0].startswith(("$", '"')):
            result.append(tuple(words))
    return result


@pytest.mark.parametrize("scripts", [_gitlab_scripts, _github_scripts], ids=["gitlab", "github"])
def test_jobs_run_only_the_projects_commands(scripts: Scripts) -> None:
    jobs = scripts()
    for name, lines in jobs.items():
        commands = [command for line in lines for command in _commands(line)]
        assert commands or not lines, name
        for command in commands:
            assert any(command[: len(a)] == a for a in ALLOWED) or command[:2] in {("git", "merge-base"), ("date", "+%F")}, (name, command)


def test_command_splitting_sees_every_command() -> None:
    line = 'dossier diff --base "$(git merge-base "origin/$B" HEAD)" --output w.md || rm -rf site; cat w.md >> "$SUMMARY"; echo a > b.env'
    assert [c[:2] for c in _commands(line)] == [("dossier", "diff"), ("rm", "-rf"), ("cat", "w.md"), ("echo", "a"), ("git", "merge-base")]


@pytest.mark.parametrize(("scripts", "fmt"), [(_gitlab_scripts, "gitlab --output gl-code-quality-report.json"), (_github_scripts, "github")])
def test_both_hosts_run_the_same_steps(scripts: Scripts, fmt: str) -> None:
    text = "\n".join(line for lines in scripts().values() for line in lines)
    for command in REQUIRED:
        assert command.format(fmt=fmt) in text, command


def test_publish_jobs_set_the_peildatum_explicitly() -> None:
    for lines in [*_gitlab_scripts().values(), *_github_scripts().values()]:
        builds = [i for i, line in enumerate(lines) if "mkdocs build" in line or "dossier build" in line]
        for i in builds:
            assert any("DOSSIER_PEILDATUM=" in line for line in lines[:i]), lines


def test_gitlab_reports_and_publishes() -> None:
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert config["gegevens"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert config["wijzigingen"]["artifacts"]["paths"] == ["wijzigingen.md"]
    assert "--site-dir public" in config["pages"]["script"][-1] and config["pages"]["artifacts"]["paths"] == ["public"]
    assert {".cache/pip", ".cache/charts", ".cache/zensical"} <= set(config["default"]["cache"]["paths"])
    assert config["zensical"]["artifacts"]["paths"] == ["site/"] and config["zensical"]["extends"] == ".niet-gepland", "op elk samenvoegverzoek en op main"
    assert config["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"


MR_ONLY = '$CI_PIPELINE_SOURCE == "merge_request_event"'


def test_gitlab_preview_is_the_merge_requests_environment() -> None:
    """Both preview jobs: merge requests only, the MR's number in the build, their address as the environment's URL."""
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert config["variables"]["DOSSIER_VOORBEELD"] == "artefact"  # the fallback, until a maintainer opts in
    artefact, pages = config["voorbeeld"], config["voorbeeld-pages"]
    assert [r["if"] for r in artefact["rules"]] == [f'{MR_ONLY} && $DOSSIER_VOORBEELD != "pages"']
    assert [r["if"] for r in pages["rules"]] == [f'{MR_ONLY} && $DOSSIER_VOORBEELD == "pages"']
    for job in (artefact, pages):
        script = "\n".join(job["script"])
        assert 'DOSSIER_PREVIEW="!$CI_MERGE_REQUEST_IID"' in script and "DOSSIER_PREVIEW_URL=" in script
        assert job["environment"] == {**job["environment"], "name": "voorbeeld/mr-$CI_MERGE_REQUEST_IID", "url": "$VOORBEELD_URL"}
        assert job["artifacts"]["reports"]["dotenv"] == "voorbeeld.env" and "VOORBEELD_URL=" in script and "VOORBEELD_BASIS=" in script
    assert artefact["artifacts"]["paths"] == ["voorbeeld/"] and artefact["artifacts"]["expose_as"]
    assert "--site-dir voorbeeld" in "\n".join(artefact["script"]) and "/-/jobs/$CI_JOB_ID/artifacts/voorbeeld/" in "\n".join(artefact["script"])
    assert pages["pages"] == {"path_prefix": "mr-$CI_MERGE_REQUEST_IID", "expire_in": "2 weeks"}
    assert 'DOSSIER_PREVIEW_PAGES_PREFIX="mr-$CI_MERGE_REQUEST_IID"' in "\n".join(pages["script"])  # the build's guard sees the prefix


def test_only_the_default_branch_publishes_the_site() -> None:
    """Every Pages job but production deploys under a prefix, from merge requests only."""
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    publishing = {name: job for name, job in config.items() if isinstance(job, dict) and (name == "pages" or "pages" in job)}
    assert set(publishing) == {"pages", "voorbeeld-pages"}
    assert [r["if"] for r in config["pages"]["rules"]] == ['$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != "schedule"']
    assert "pages" not in config["pages"]
    assert config["pages"]["environment"]["name"] == "production"
    assert all(r["if"].startswith(MR_ONLY) for r in config["voorbeeld-pages"]["rules"])


def test_gitlab_summary_links_the_preview_and_posts_nothing() -> None:
    """The merge request's own job writes the summary (log and artifact) but never comments: it runs the request's code."""
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    job = config["wijzigingen"]
    assert job["needs"] == [{"job": "voorbeeld", "optional": True}, {"job": "voorbeeld-pages", "optional": True}]
    assert job["stage"] == "publiceren" and job["rules"][0]["when"] == "always"
    script = "\n".join(job["script"])
    assert '--links "$VOORBEELD_BASIS"' in script and "review_" not in script


def test_github_annotates_summarises_and_deploys() -> None:
    config = _workflow(GITHUB)
    steps = config["jobs"]["gegevens"]["steps"]
    assert any("$GITHUB_STEP_SUMMARY" in step.get("run", "") for step in steps)
    uses = {step.get("uses", "").split("@")[0] for job in config["jobs"].values() for step in job["steps"]}
    assert {"actions/cache", "actions/cache/restore", "actions/upload-pages-artifact", "actions/deploy-pages", "actions/upload-artifact"} <= uses
    assert config["jobs"]["publiceren"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "if" not in config["jobs"]["zensical"], "de Zensical-build draait op elk pull request en op main"


def test_github_preview_is_an_artifact_of_the_pull_requests_run() -> None:
    config = _workflow(GITHUB)
    site = {step.get("name", step.get("uses")): step for step in config["jobs"]["site"]["steps"]}
    build = site["Voorbeeld van de site bouwen (pull request)"]
    assert build["env"]["DOSSIER_PREVIEW"] == "#${{ github.event.pull_request.number }}" and "pull_request" in build["if"]
    assert site["Voorbeeld bewaren (pull request)"]["with"]["name"] == "voorbeeld"


def test_pre_commit_hook_validates_the_data() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local" and hook["entry"] == "dossier validate" and hook["files"] == "^data/"
    assert hook["pass_filenames"] is False  # rules span files: always validate all of data/


@pytest.mark.parametrize("path", [".gitlab/merge_request_templates/Default.md", ".github/pull_request_template.md"])
def test_request_templates_ask_for_region_year_and_local_validation(path: str) -> None:
    text = (REPO / path).read_text(encoding="utf-8")
    assert "**Regio:**" in text and "**Jaar (cyclus):**" in text
    checklist = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert any("dossier validate" in line for line in checklist) and len(checklist) >= 5


# Security (docs/security.md; issue 24, items 7 and 8): what a merge request's pipeline can
# touch. It can run any code (it may change the scripts, this suite, even the CI file), so it must
# hold no secret and write nothing a production build reads.

def _gitlab_jobs() -> dict[str, dict[str, Any]]:
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    return {name: job for name, job in config.items() if isinstance(job, dict) and "script" in job}


def test_gitlab_production_never_restores_a_cache_a_merge_request_saved() -> None:
    """One cache per trust level: protected branches (production) and everything else never share a key."""
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    key = config["default"]["cache"]["key"]
    assert "$CI_COMMIT_REF_PROTECTED" in key["prefix"] and key["files"] == ["pyproject.toml"]
    assert {".cache/charts", ".cache/zensical"} <= set(config["default"]["cache"]["paths"])
    assert [name for name, job in _gitlab_jobs().items() if "cache" in job] == [], "no job brings a cache key of its own"
    security = (REPO / "docs" / "security.md").read_text(encoding="utf-8")
    assert "Use separate caches for protected branches" in security and "Use separate caches for protected branches" in GITLAB.read_text(encoding="utf-8")


def test_gitlab_the_comment_token_reaches_only_the_scheduled_job_on_the_protected_default_branch() -> None:
    jobs = _gitlab_jobs()
    text = GITLAB.read_text(encoding="utf-8")
    assert [name for name, job in jobs.items() if "review_comment" in yaml.safe_dump(job)] == [], "a merge request's job posts nothing"
    holders = [name for name, job in jobs.items() if "review_requests" in yaml.safe_dump(job) or "DOSSIER_GITLAB_TOKEN" in yaml.safe_dump(job)]
    assert holders == ["reacties"] and "variables:\n  DOSSIER_GITLAB_TOKEN" not in text
    job = jobs["reacties"]
    assert [r["if"] for r in job["rules"]] == [
        '$CI_PIPELINE_SOURCE == "schedule" && $CI_COMMIT_REF_PROTECTED == "true" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH'
    ]
    assert job["before_script"] + job["script"] == ["python -m pip install -e .", "python -m build_scripts.review_requests gitlab"]
    assert job["environment"] == {"name": "reacties", "action": "prepare"}  # the variable's environment scope
    for name, other in jobs.items():  # nothing else runs in the scheduled pipeline
        conditions = [r.get("if", "") for r in other.get("rules", [])] + (["schedule: never"] if other.get("extends") == ".niet-gepland" else [])
        runs_on_schedule = name == "reacties" or not any("schedule" in c or "merge_request_event" in c for c in conditions)
        assert runs_on_schedule == (name == "reacties"), name
    security = (REPO / "docs" / "security.md").read_text(encoding="utf-8")
    assert "protected" in security and "DOSSIER_GITLAB_TOKEN" in security


def test_github_no_job_that_may_run_a_pull_requests_code_holds_a_writing_token() -> None:
    config = _workflow(GITHUB)
    assert set(config["on"]) == {"pull_request", "push", "workflow_dispatch"} and config["permissions"] == {"contents": "read"}
    text = GITHUB.read_text(encoding="utf-8")
    assert "secrets." not in text and "pull_request_target" not in text
    for name, job in config["jobs"].items():
        writes = {scope for scope, level in job.get("permissions", {}).items() if level == "write"}
        assert not writes or (name == "publiceren" and "github.event_name == 'push'" in job["if"]), name
        for step in job.get("steps", []):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


def test_github_a_pull_request_restores_main_caches_but_never_saves_one() -> None:
    for name, job in _workflow(GITHUB)["jobs"].items():
        for step in job.get("steps", []):
            uses = step.get("uses", "").split("@")[0]
            if uses in ("actions/cache", "actions/cache/save"):
                assert step["if"] == "${{ github.event_name != 'pull_request' }}", name
            if uses == "actions/cache/restore":
                assert step["if"] == "${{ github.event_name == 'pull_request' }}", name


def test_github_the_comment_is_posted_by_default_branch_code_that_never_checks_out_the_pull_request() -> None:
    config = _workflow(GITHUB_COMMENT)
    assert config["on"] == {"workflow_run": {"workflows": ["CI"], "types": ["completed"]}} and config["permissions"] == {}
    (job,) = config["jobs"].values()
    assert job["permissions"] == {"contents": "read", "pull-requests": "write", "actions": "read"}
    checkout = [step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkout) == 1 and set(checkout[0].get("with", {})) <= {"fetch-depth"}, "no ref, no repository: the default branch"
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs == ["python -m pip install -e .", "python -m build_scripts.review_requests github"]
    assert all("${{" not in run for run in runs), "nothing from the event in a shell command"
    assert not any("download-artifact" in step.get("uses", "") for step in job["steps"]), "the pull request's artifacts are not read"


def test_properdocs_builds_and_is_compared_page_by_page_on_both_hosts() -> None:
    """The third door: a job of its own on every request and on main, building with ProperDocs and running its parity test."""
    gitlab, github = yaml.safe_load(GITLAB.read_text(encoding="utf-8")), yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    for lines, job in ((_gitlab_scripts()["properdocs"], gitlab["properdocs"]), (_github_scripts()["properdocs"], github["jobs"]["properdocs"])):
        build = lines.index("dossier build --engine properdocs")
        assert any("tests/test_engine_parity.py -k properdocs" in line for line in lines[build:]), lines
        assert "rules" not in job and "if" not in job, "op elk samenvoegverzoek en op main"
    assert gitlab["properdocs"].get("extends") == ".niet-gepland", "not in the scheduled comment pipeline (docs/security.md)"
    assert gitlab["properdocs"]["artifacts"]["paths"] == ["site/"]


def test_the_published_site_is_built_by_the_engine_its_setting_names() -> None:
    """Production runs `dossier build` without --engine, so `extra.engine` in mkdocs.yml is the one switch (docs/engines.md)."""
    assert _gitlab_scripts()["pages"][-1] == "dossier build --site-dir public"
    github = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    (step,) = [s for s in github["jobs"]["site"]["steps"] if s.get("name") == "Site bouwen"]
    assert step["run"].strip().splitlines()[-1] == "dossier build"


def test_both_hosts_keep_the_screenshots_of_the_layout_check() -> None:
    """Issue 26: the screenshots test_layout saves at 1280 and 390 px are the job's artifact, also when the check fails."""
    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["schermen"]
    assert gitlab["artifacts"]["when"] == "always" and gitlab["artifacts"]["paths"] == ["test-artifacts/"]
    steps = _workflow(GITHUB)["jobs"]["schermen"]["steps"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "test-artifacts/" and "always()" in upload["if"]

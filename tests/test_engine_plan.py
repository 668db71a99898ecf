"""The engine plan: one setting chooses the engine, and a build past an engine's end of life says so once, in Dutch.

The date is injected (``DOSSIER_VANDAAG``, or the function's argument), so the warning is tested
on both sides of 5 May 2027 today. The end-to-end test runs ``dossier build`` as the README does,
without ``NO_MKDOCS_2_WARNING``: Material's English box and MkDocs' "not in nav" notice must not
appear, our warning must, exactly once.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from typing import Any

import pytest

from build_scripts import cli
from build_scripts.engines import engine_plan, mkdocs_build
from build_scripts.engines.engine_plan import EngineSettingError, configured_engine, end_of_life_warning, engine_for, today
from build_scripts.settings import SettingsError, read_settings
from conftest import Project, prepare_site_project

MATERIAL_END = dt.date(2027, 5, 5)


def test_no_warning_before_the_end_of_life_and_one_from_that_day() -> None:
    for engine in engine_plan.ENGINES:
        assert end_of_life_warning(engine, MATERIAL_END - dt.timedelta(days=1)) is None, engine
    for engine in ("mkdocs", "properdocs"):
        warning = end_of_life_warning(engine, MATERIAL_END)
        assert warning is not None and engine_plan.ENGINE_NAMES[engine] in warning
        assert "Material for MkDocs 9.x" in warning and "5 mei 2027" in warning and "geen beveiligingsupdates" in warning
        assert "'engine: zensical'" in warning, "de waarschuwing zegt hoe je overstapt"
    assert end_of_life_warning("zensical", dt.date(2030, 1, 1)) is None


def test_today_is_the_clock_unless_injected() -> None:
    assert today(read_settings({})) == dt.date.today()
    assert today(read_settings({"DOSSIER_VANDAAG": "2027-05-05"})) == MATERIAL_END
    with pytest.raises(SettingsError, match="DOSSIER_VANDAAG is geen datum in de vorm JJJJ-MM-DD: '5 mei'"):
        read_settings({"DOSSIER_VANDAAG": "5 mei"})


def test_one_setting_names_the_engine() -> None:
    assert configured_engine(None) == configured_engine({}) == "mkdocs"
    for engine in engine_plan.ENGINES:
        assert configured_engine({"engine": engine}) == engine
    with pytest.raises(EngineSettingError, match="kies mkdocs, properdocs, zensical"):
        configured_engine({"engine": "hugo"})
    assert cli.ENGINES == engine_plan.ENGINES, "dossier build --engine kent dezelfde engines als het plan"


@pytest.fixture
def site_project(project: Project) -> Project:
    prepare_site_project(project.root)
    return project


def test_the_repository_builds_with_the_engine_its_setting_names(site_project: Project) -> None:
    assert engine_for(site_project.root) == "mkdocs"
    site_project.replace("mkdocs.yml", "engine: mkdocs", "engine: zensical")
    assert engine_for(site_project.root) == "zensical" and engine_for(site_project.root, "properdocs") == "properdocs"


def test_dossier_build_without_a_flag_follows_the_setting(
    site_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[str] = []

    def fake_mkdocs(root: Any, site_dir: Any, engine: str) -> int:
        started.append(engine)
        return 0

    monkeypatch.setattr(mkdocs_build, "build_mkdocs", fake_mkdocs)
    monkeypatch.setattr(cli, "_build_zensical", lambda root, site_dir, settings: started.append("zensical") or 0)
    for setting, flag, expected in (("mkdocs", None, "mkdocs"), ("properdocs", None, "properdocs"), ("zensical", None, "zensical"),
                                    ("zensical", "properdocs", "properdocs")):
        site_project.write("mkdocs.yml", re.sub(r"(?m)^  engine: \w+$", f"  engine: {setting}", site_project.read("mkdocs.yml")))
        assert cli.main(["--root", str(site_project.root), "build", *(["--engine", flag] if flag else [])]) == 0
        assert started[-1] == expected, (setting, flag)
    site_project.replace("mkdocs.yml", "engine: zensical", "engine: hugo")
    assert cli.main(["--root", str(site_project.root), "build"]) == cli.EXIT_USAGE
    assert "extra.engine in mkdocs.yml is 'hugo'; kies mkdocs, properdocs, zensical" in capsys.readouterr().err


def test_without_properdocs_the_command_says_how_to_install_it(
    site_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(mkdocs_build.importlib.util, "find_spec", lambda name: None)
    assert cli.main(["--root", str(site_project.root), "build", "--engine", "properdocs"]) == cli.EXIT_USAGE
    assert "properdocs ontbreekt: pip install -e '.[properdocs]'" in capsys.readouterr().err
    assert not site_project.path("site").exists()


def _readme_build(root: Any, vandaag: str) -> subprocess.CompletedProcess[str]:
    """``dossier build`` as the README gives it: no NO_MKDOCS_2_WARNING, today injected."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
    env.update(DOSSIER_PEILDATUM="2026-06-01", DOSSIER_VANDAAG=vandaag)
    return subprocess.run([sys.executable, "-m", "build_scripts.cli", "build"], cwd=root, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_the_build_says_nothing_alarming_until_the_date_then_warns_once_in_dutch(site_project: Project) -> None:
    before = _readme_build(site_project.root, "2027-05-04")
    assert before.returncode == 0, before.stderr
    output = before.stdout + before.stderr
    assert "WAARSCHUWING" not in output and "end of life" not in output, "Materials Engelse kader blijft weg"
    assert "not included in the \"nav\"" not in output, "afdrukversies en de zoekpagina staan bewust niet in het menu"
    after = _readme_build(site_project.root, "2027-05-05")
    assert after.returncode == 0, after.stderr
    output = after.stdout + after.stderr
    assert output.count("WAARSCHUWING") == 1 and "MkDocs bouwt deze site met het thema Material for MkDocs 9.x" in output
    assert "end of life" not in output


def test_a_wrong_injected_date_is_a_usage_error(site_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DOSSIER_VANDAAG", "morgen")
    assert cli.main(["--root", str(site_project.root), "build", "--engine", "zensical"]) == cli.EXIT_USAGE
    assert "DOSSIER_VANDAAG is geen datum in de vorm JJJJ-MM-DD: 'morgen'" in capsys.readouterr().err
    assert not site_project.path("site").exists()

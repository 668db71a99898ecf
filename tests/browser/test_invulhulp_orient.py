"""The invulhulp tells a region where it is (issue 26), checked as a reader sees it at 1280 × 800 and 390 × 844.

The login screen says in Dutch what the form is, who may use it and what saving does (a merge
request; nothing published until it is merged); while a file is open a bar names its region and
year; list summaries show a choice by its Dutch label from the contract's vocabulary; every group
has a heading that opens and closes it; where no sign-in is set up no login is offered. axe finds
nothing serious on these screens. Screenshots of both widths go to ``SCREENSHOTS``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from built_site import BuiltSite
from tools import AXE_JS, need_tool

from build_scripts.contract.models import RegioJaar
from build_scripts.contract.vocabulary import LABELS
from build_scripts.editing.form import GROEPEN, form_fields
from conftest import REPO

from . import test_invulhulp as base
from .test_axe import BLOCKING, describe, run_axe

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280px", "390px"])
SCREENSHOTS = Path(os.environ.get("DOSSIER_SCREENSHOTS", REPO / ".cache" / "screenshots")) / "invulhulp"
"""Where the screenshots go (``DOSSIER_SCREENSHOTS`` or ``.cache/screenshots``), for a person to look at."""

repo, open_login, open_form = base.repo, base.open_login, base.open_form  # the fixtures of the form's own tests

WELCOME = "#invulhulp-welkom"
LOGIN_SCREEN = "section[class*='-StyledAuthenticationPage']"


def _shot(form: base.Form, name: str, viewport: dict[str, int], built_site: BuiltSite) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    form.page.screenshot(path=str(SCREENSHOTS / f"{name}-{built_site.engine}-{viewport['width']}px.png"))


def _axe_clean(form: base.Form, where: str) -> None:
    need_tool(AXE_JS)
    results = run_axe(form.page)
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING:
            print(f"invulhulp, {where}: {describe(violation)}")
    assert [describe(v) for v in results["violations"] if v["impact"] in BLOCKING] == [], where


def _file_label(built_site: BuiltSite, entry: str) -> tuple[str, str]:
    """The name and file the form's configuration gives an entry: ``("Utrecht 2026", "data/regions/utrecht/2026.yaml")``."""
    config = yaml.safe_load((built_site.root / "invulhulp" / "formulier" / "config.yml").read_text(encoding="utf-8"))
    file = next(f for f in config["collections"][0]["files"] if f["name"] == entry)
    return file["label"], file["file"]


def _opened(built_site: BuiltSite, opener: Any, repo: base.Repo, viewport: dict[str, int]) -> tuple[base.Form, str, str]:
    """The test's region-year opened by ``opener`` (``open_login`` or ``open_form``), with its name and file."""
    entry = base._case(built_site)[0]
    return opener(entry, repo, viewport), *_file_label(built_site, entry)


def _fits(form: base.Form, locator: Any, viewport: dict[str, int]) -> None:
    box = locator.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 0.5, box
    assert form.page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@VIEWPORTS
def test_the_login_screen_says_what_the_form_is_who_may_use_it_and_that_saving_opens_a_merge_request(
    viewport: dict[str, int], built_site: BuiltSite, open_login: Any, repo: base.Repo
) -> None:
    form, label, _ = _opened(built_site, open_login, repo, viewport)
    welcome = form.page.locator(f"{LOGIN_SCREEN} {WELCOME}")
    welcome.wait_for()
    text = " ".join(welcome.inner_text().split())
    assert form.page.get_by_role("heading", level=1, name="Invulhulp: het jaarbestand van uw regio bijwerken").is_visible()
    assert f"U opent: {label}" in text
    assert "Voor wie? Voor de tafel van uw eigen regio" in text and "schrijfrechten" in text
    assert "Wat gebeurt er bij Opslaan?" in text and "opent een samenvoegverzoek" in text
    assert "Er wordt nog niets gepubliceerd: pas als een redacteur het samenvoegverzoek samenvoegt" in text
    assert "Bestand maken" not in text, "the way without an account is not described to a region that signs in"
    login = form.page.get_by_role("button", name="Inloggen")
    assert login.is_visible()
    _fits(form, welcome, viewport)
    _fits(form, login, viewport)
    assert login.bounding_box()["y"] < viewport["height"] * 2, "the button follows the text, not pages below it"
    assert form.page.locator("#invulhulp-bestand").is_hidden(), "the open-file bar waits until the form is open"
    _shot(form, "inloggen", viewport, built_site)
    _axe_clean(form, f"inlogscherm {viewport['width']} px")
    assert form.errors == [] and form.elsewhere == []


@VIEWPORTS
def test_without_an_account_the_start_screen_says_nothing_is_sent_or_published(
    viewport: dict[str, int], built_site: BuiltSite, open_login: Any
) -> None:
    form = open_login(base._case(built_site)[0], None, viewport)
    welcome = form.page.locator(f"{LOGIN_SCREEN} {WELCOME}")
    welcome.wait_for()
    text = " ".join(welcome.inner_text().split())
    assert "U hebt geen account nodig" in text and "er wordt niets verstuurd" in text
    assert "Er wordt niets gepubliceerd voordat een redacteur het samenvoegverzoek samenvoegt" in text
    assert "Wat gebeurt er bij Opslaan?" not in text
    assert form.page.get_by_role("button", name="Beginnen zonder account").is_visible()
    _fits(form, welcome, viewport)
    _shot(form, "zonder-account", viewport, built_site)
    _axe_clean(form, f"beginscherm zonder account {viewport['width']} px")


@VIEWPORTS
def test_the_open_file_is_named_by_region_and_year_all_the_way_down_the_form(
    viewport: dict[str, int], built_site: BuiltSite, open_form: Any, repo: base.Repo
) -> None:
    form, label, path = _opened(built_site, open_form, repo, viewport)
    page = form.page
    bar = page.locator("#invulhulp-bestand")
    assert bar.get_by_role("heading", level=1).inner_text().split() == ["Jaarbestand", *label.split()]
    assert label in page.title()
    toolbar = page.locator("[class*=ToolbarContainer]").first.bounding_box()
    first = page.locator("label[for^='status-field']").first.bounding_box()
    for where in ("top", "escalaties"):  # at the top of the form and at its last group
        if where != "top":
            page.get_by_role("heading", name=GROEPEN["escalaties"]).scroll_into_view_if_needed()
        box = bar.bounding_box()
        assert bar.is_visible() and box is not None
        assert toolbar["y"] + toolbar["height"] <= box["y"] + 0.5 and box["y"] + box["height"] <= viewport["height"] / 4
        # nothing of Decap's lies over the bar's name: what is drawn at its centre is the bar
        name = bar.locator("[data-naam]").bounding_box()
        hit = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y)?.closest('#invulhulp-bestand')",
                            [name["x"] + name["width"] / 2, name["y"] + name["height"] / 2])
        assert hit, where
        _fits(form, bar.locator("[data-naam]"), viewport)
        assert name["y"] >= box["y"] and name["y"] + name["height"] <= box["y"] + box["height"] + 0.5, "the name is not cut off"
        _shot(form, f"bestand-{where}", viewport, built_site)
    assert bar.locator("[data-pad]").text_content() == path  # shown beside the name where there is room
    assert box["y"] + box["height"] <= first["y"], "the bar covers no field at the top of the form"
    _axe_clean(form, f"formulier {viewport['width']} px")
    assert form.errors == [] and form.elsewhere == []


def _summaries(form: base.Form, key: str) -> list[str]:
    """The summaries of the items of the list ``key`` (not of the lists inside its items), as shown."""
    texts: list[str] = form.group(key).evaluate("""list => [...list.querySelectorAll('[class*=NestedObjectLabel]')]
        .filter(label => label.closest("div[id*='-field-']") === list).map(label => label.innerText)""")
    return [" ".join(text.split()) for text in texts]


def _choice_values(fields: list[dict[str, Any]]) -> set[str]:
    """Every value of every choice in the form, as the file writes it (``eerste_gespreksronde``)."""
    return {str(o["value"]) for f in base._all_fields(fields) for o in f.get("options", [])}


@VIEWPORTS
def test_list_summaries_show_choices_by_their_dutch_label(
    viewport: dict[str, int], built_site: BuiltSite, open_form: Any, repo: base.Repo
) -> None:
    entry, rel, _ = base._case(built_site)
    data = yaml.safe_load(base._published_copy(built_site, rel))
    form = open_form(entry, repo, viewport)
    participants = [f"{d['organisatie']} · {LABELS[d['vertegenwoordiging']]}" for d in data["tafel"]["deelnemers"]]
    assert _summaries(form, "deelnemers") == participants
    meetings = [f"{m['datum']} · {LABELS[m['soort']]}" for m in data["jaaragenda"]["bijeenkomsten"]]
    assert _summaries(form, "bijeenkomsten") == meetings
    shown = _summaries(form, "deelnemers") + _summaries(form, "bijeenkomsten")
    assert not [s for s in shown for token in s.split(" · ") if token in _choice_values(form_fields(RegioJaar))]
    form.group("bijeenkomsten").locator("[class*=NestedObjectLabel]").first.scroll_into_view_if_needed()
    _shot(form, "samenvattingen", viewport, built_site)
    # the file keeps the value, not the label: nothing changed, so nothing to save
    assert form.page.get_by_role("button", name="Opslaan").is_disabled()


@VIEWPORTS
def test_every_group_has_a_heading_that_opens_and_closes_it(
    viewport: dict[str, int], built_site: BuiltSite, open_form: Any, repo: base.Repo
) -> None:
    entry, rel, _ = base._case(built_site)
    form = open_form(entry, repo, viewport)
    page = form.page
    data = yaml.safe_load(base._published_copy(built_site, rel))
    groups = [f for f in form_fields(RegioJaar) if f.get("widget") in ("object", "optioneel_object", "list") and f["name"] in data]
    assert {g["name"] for g in groups} >= {"tafel", "jaaragenda", "zorgvormen"}
    for group in groups:
        assert page.get_by_role("heading", level=2, name=group["label"], exact=True).is_visible(), group["label"]
    # no bare chevron: every open/close button of a group says which group it is
    bare = page.evaluate("""() => [...document.querySelectorAll('[data-testid=expand-button]')]
        .filter(b => b.offsetParent !== null && !b.parentElement.textContent.trim())
        .map(b => b.outerHTML.slice(0, 120))""")
    assert bare == []
    care = page.get_by_role("heading", level=3, name=LABELS["klinische_zorg"], exact=True)
    toggle = care.get_by_role("button")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert form.number(form.group("klinische_zorg"), base.WACHTENDEN)[0].is_visible()
    care.scroll_into_view_if_needed()
    _shot(form, "groepen", viewport, built_site)
    toggle.click()
    assert not form.number(form.group("klinische_zorg"), base.WACHTENDEN)[0].is_visible()


@VIEWPORTS
def test_where_no_sign_in_is_set_up_no_login_is_offered(
    viewport: dict[str, int], built_site: BuiltSite, open_login: Any, open_page: Any
) -> None:
    repository = json.loads((built_site.root / "invulhulp" / "formulier" / "repository.json").read_text(encoding="utf-8"))
    assert repository["login"] is False, "the example site has no app_id: the case this test is about"
    entry = base._case(built_site)[0]
    form = open_login(entry, None, viewport, query="")  # "met account", with no decap-server and no sign-in set up
    page = form.page
    welcome = page.locator(WELCOME)
    welcome.wait_for()
    assert "Inloggen is voor deze site nog niet ingesteld" in welcome.inner_text()
    offered = [e for e in page.get_by_role("button").all_inner_texts() + page.get_by_role("link").all_inner_texts()
               if re.search(r"inlog|log in|login|met account|gitlab|github", e, re.IGNORECASE)]
    assert offered == []
    _fits(form, welcome, viewport)
    _shot(form, "geen-inlog", viewport, built_site)
    _axe_clean(form, f"zonder inlog {viewport['width']} px")
    page.get_by_role("link", name="Verder zonder account").click()
    page.get_by_role("button", name="Beginnen zonder account").wait_for()
    assert "zonder-account" in page.url and f"bestand={entry}" in page.url
    assert form.errors == []
    explanation = open_page("invulhulp/", viewport=viewport).page
    assert explanation.get_by_role("link", name=re.compile("met account")).count() == 0
    assert explanation.get_by_role("link", name=re.compile("zonder account")).count() >= 1


def test_a_closed_group_opens_to_show_the_error_of_a_field_inside_it(built_site: BuiltSite, open_form: Any, repo: base.Repo) -> None:
    entry, _, known = base._case(built_site)
    form = open_form(entry, repo, LAPTOP)
    group = form.expand(known[0])
    figure, _ = form.number(group, base.WACHTENDEN)
    figure.fill("1.5")
    toggle = group.locator("[data-testid=expand-button]").first
    toggle.click()
    assert not figure.is_visible()
    form.page.get_by_role("button", name="Opslaan").click()
    form.page.get_by_text(f"{base.WACHTENDEN}: alleen een heel getal", exact=False).first.wait_for()
    assert figure.is_visible() and toggle.get_attribute("aria-expanded") == "true"

"""The invulhulp in Chromium against a real local git repository (Decap's decap-server, MODE=git).

The built site's form is opened for one region-year; the test changes one figure, sets another
to onbekend, adds a meeting and saves. Decap's editorial workflow then commits to the branch a
merge request would come from (``cms/regio_jaar/<regio>-<jaar>``): that file must pass ``dossier
validate`` and differ from main in exactly those three places. The same form passes axe, works by
keyboard, fits 390 px, asks nothing of any other host, and works without an account.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from built_site import BuiltSite, uses_repository_data
from tools import AXE_JS, DECAP_SERVER, need_program, need_tool

from build_scripts.contract.fields import TABEL2_BY_PATH
from build_scripts.contract.models import RegioJaar
from build_scripts.contract.vocabulary import LABELS, Zorgvorm
from build_scripts.editing.form import form_fields
from build_scripts.render.csp import LOCAL_BACKEND
from conftest import FIXTURES, REPO

from .conftest import DESKTOP, MOBILE
from .test_axe import BLOCKING, describe, run_axe

pytestmark = pytest.mark.browser
WACHTENDEN = TABEL2_BY_PATH["wachtenden"].label
BRANCH = "cms/regio_jaar/{entry}"


@dataclass
class Repo:
    """A git clone of the data the site was built from, with decap-server serving it on 127.0.0.1."""

    root: Path
    api: str

    def git(self, *args: str) -> str:
        return subprocess.run(["git", "-C", str(self.root), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repo]:
    need_tool(DECAP_SERVER)
    node = need_program("node")
    root = tmp_path / "repo"
    shutil.copytree((REPO if uses_repository_data() else FIXTURES / "mini") / "data", root / "data")
    clone = Repo(root, "")
    clone.git("init", "-q", "-b", "main")
    clone.git("add", "-A")
    clone.git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "gegevens")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(root), "PORT": str(port), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    server = subprocess.Popen([node, str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    clone.api = f"http://127.0.0.1:{port}/api/v1"
    try:
        _wait_for(clone.api, server)
        yield clone
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(api: str, server: subprocess.Popen[bytes]) -> None:
    request = urllib.request.Request(api, data=b'{"action": "info"}', headers={"Content-Type": "application/json"})
    for _ in range(100):
        try:
            with urllib.request.urlopen(request, timeout=1):
                return
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"decap-server stopte: {server.stderr.read().decode() if server.stderr else ''}")
            time.sleep(0.1)
    pytest.fail("decap-server antwoordt niet")


@dataclass
class Form:
    page: Any
    elsewhere: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    loaded: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0  # from opening the page until the form shows its first group

    def group(self, key: str) -> Any:
        return self.page.locator(f"div[id^='{key}-field-']").first

    def expand(self, key: str) -> Any:
        group = self.group(key)
        group.locator("[data-testid=expand-button]").first.click()
        return group

    def number(self, group: Any, label: str) -> tuple[Any, Any]:
        """The number input and the onbekend box of the field labelled ``label`` inside ``group``."""
        control = group.locator("label", has_text=label).first.get_attribute("for")
        return self.page.locator(f"[id='{control}']"), self.page.locator(f"[data-testid='{control}-onbekend']")


@pytest.fixture
def open_form(browser: Any, base_url: str) -> Iterator[Any]:
    contexts: list[Any] = []

    def _open(entry: str, repo: Repo | None, viewport: dict[str, int] = DESKTOP) -> Form:
        context = browser.new_context(viewport=viewport, locale="nl-NL", service_workers="block", accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        form = Form(page)
        allowed = (base_url, repo.api) if repo else (base_url,)
        context.route(lambda url: not url.startswith(allowed), lambda route: (form.elsewhere.append(route.request.url), route.abort()))
        if repo:  # Decap finds decap-server on localhost:8081 (config and CSP say so); this one runs on a free port
            context.route("**/formulier/config.yml", lambda route: _local_backend(route, repo.api))
            context.route(lambda url: urllib.parse.urlsplit(url).path.endswith("/formulier/"), lambda route: _local_backend_allowed(route, repo.api))
            # A page the test hands over (route.fulfill) counts as coming from the public internet, so Chromium
            # (Local Network Access) asks before it reaches 127.0.0.1: what a reader's own local backend would not need.
            context.grant_permissions(["local-network-access"])
        page.on("pageerror", lambda exc: form.errors.append(f"script: {exc}"))
        page.on("console", lambda m: m.type == "error" and (m.location or {}).get("url", "").startswith(base_url) and form.errors.append(m.text))
        page.on("response", lambda r: r.url.startswith(base_url) and form.loaded.__setitem__(r.url, int(r.headers.get("content-length", 0))))
        started = time.perf_counter()
        page.goto(f"{base_url}invulhulp/formulier/?bestand={entry}" + ("" if repo else "&zonder-account"))
        page.get_by_role("button", name="Inloggen" if repo else "Beginnen zonder account").click()
        page.get_by_text("Bijlage 1", exact=False).first.wait_for()
        form.seconds = time.perf_counter() - started
        return form

    yield _open
    for context in contexts:
        context.close()


def _local_backend(route: Any, api: str) -> None:
    response = route.fetch()
    route.fulfill(response=response, body=response.text().replace("local_backend: true", f"local_backend:\n  url: {api}"))


def _local_backend_allowed(route: Any, api: str) -> None:
    """The form page's CSP names Decap's local backend at its default address: the same address moved to this port."""
    response = route.fetch()
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(api))
    assert LOCAL_BACKEND in response.text()
    route.fulfill(response=response, body=response.text().replace(LOCAL_BACKEND, origin))


def _case(built_site: BuiltSite) -> tuple[str, str, list[str]]:
    """The region-year the tests edit, its file, and the care forms (in order) whose wachtenden are known."""
    rel = f"data/regions/{built_site.regio}/{built_site.jaar}.yaml"
    data = yaml.safe_load(_published_copy(built_site, rel))
    known = [z.value for z in Zorgvorm if isinstance(data["zorgvormen"][z.value]["wachtenden"], int)]
    assert len(known) >= 2, f"{rel}: twee zorgvormen met bekende wachtenden nodig"
    return f"{built_site.regio}-{built_site.jaar}", rel, known


def _published_copy(built_site: BuiltSite, rel: str) -> str:
    """The file as the site publishes it for the form: byte for byte the data file (tests/test_invulhulp_site.py)."""
    return (built_site.root / "invulhulp" / "formulier" / "bestanden" / rel.removeprefix("data/regions/")).read_text(encoding="utf-8")


def _add_meeting(form: Form, datum: str, soort: str) -> None:
    singular = next(f for f in form_fields(RegioJaar) if f["name"] == "jaaragenda")["fields"][1]["label_singular"]
    form.page.get_by_role("button", name=f"Voeg {singular} toe").click()
    meetings = form.group("bijeenkomsten")
    meetings.locator("input[type=date][id^='datum-field']").last.fill(datum)
    kind = meetings.locator("label[for^='soort-field']").last.get_attribute("for")
    form.page.locator(f"[id='{kind}']").fill(LABELS[soort])
    form.page.keyboard.press("Enter")


def test_a_region_saves_three_changes_and_the_merge_request_branch_holds_exactly_those(
    built_site: BuiltSite, open_form: Any, repo: Repo
) -> None:
    entry, rel, known = _case(built_site)
    form = open_form(entry, repo)
    changed, unknown = known[0], known[-1]
    figure, _ = form.number(form.expand(changed), WACHTENDEN)
    old = int(figure.input_value())
    figure.fill(str(old + 1))
    form.number(form.expand(unknown), WACHTENDEN)[1].check()
    _add_meeting(form, f"{built_site.jaar}-11-03", "monitoring")
    form.page.get_by_role("button", name="Opslaan").click()
    form.page.get_by_text("Wijzigingen opgeslagen").wait_for()
    print(f"invulhulp: formulier geladen in {form.seconds:.2f} s (met decap-server)")

    branch = BRANCH.format(entry=entry)
    assert repo.git("diff", "--name-only", "main", branch).split() == [rel]
    before, after = repo.git("show", f"main:{rel}"), repo.git("show", f"{branch}:{rel}")
    hunks = [line for line in repo.git("diff", "-U0", "main", branch).splitlines() if line.startswith("@@")]
    removed = [line[1:] for line in repo.git("diff", "-U0", "main", branch).splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in repo.git("diff", "-U0", "main", branch).splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(hunks) == 3, repo.git("diff", "main", branch)
    assert [line.strip() for line in removed] == [f"wachtenden: {old}", f"wachtenden: {_wachtenden(before, unknown)}"]
    assert [line.strip() for line in added] == [f"- datum: {built_site.jaar}-11-03", "soort: monitoring", f"wachtenden: {old + 1}", "wachtenden: null"]
    data = yaml.safe_load(after)
    assert (data["zorgvormen"][changed]["wachtenden"], data["zorgvormen"][unknown]["wachtenden"]) == (old + 1, None)
    assert form.errors == [] and form.elsewhere == []
    _assert_validates(repo, branch)


def _wachtenden(text: str, zorgvorm: str) -> int:
    return yaml.safe_load(text)["zorgvormen"][zorgvorm]["wachtenden"]


def _assert_validates(repo: Repo, branch: str) -> None:
    checkout = repo.root.parent / "checkout"
    repo.git("worktree", "add", "-q", str(checkout), branch)
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts.cli", "--root", str(checkout), "validate"],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_signed_in_there_is_no_media_library(built_site: BuiltSite, open_form: Any, repo: Repo) -> None:
    """Decap's media library would commit uploads straight to the default branch, into a published folder: it is off."""
    form = open_form(_case(built_site)[0], repo)
    form.page.evaluate("location.hash = '#/collections/regio_jaar'")
    form.page.get_by_role("link", name="Inhoud").first.wait_for()  # Decap's header, with its sections
    assert form.page.get_by_role("link", name="Media").count() == 0 and form.page.get_by_role("button", name="Media").count() == 0
    assert form.errors == [] and form.elsewhere == []


def test_a_figure_the_contract_refuses_is_named_and_nothing_is_saved(built_site: BuiltSite, open_form: Any, repo: Repo) -> None:
    entry, _, known = _case(built_site)
    form = open_form(entry, repo)
    figure, _ = form.number(form.expand(known[0]), WACHTENDEN)
    figure.fill("1.5")
    form.page.get_by_role("button", name="Opslaan").click()
    message = form.page.get_by_text("alleen een heel getal", exact=False).first
    message.wait_for()
    assert message.inner_text().startswith(f"{WACHTENDEN}: alleen een heel getal"), "as written, not in capitals"
    figure.fill("-3")
    form.page.get_by_role("button", name="Opslaan").click()
    form.page.get_by_text(f"{WACHTENDEN}: minimaal 0.").first.wait_for()
    assert BRANCH.format(entry=entry) not in repo.git("branch", "--list")


def _open_everything(form: Form, zorgvorm: str) -> None:
    """Show the widgets axe should see: a care form, a participant, an optional group and an exclusion criterion."""
    group = form.expand(zorgvorm)
    participants = form.group("deelnemers")
    participants.locator("[class*=StyledListItemTopBar] > button").first.click()
    group.locator("[data-testid$='-aanwezig']").first.check()
    criteria = group.locator("div[id^='exclusiecriteria-field-']").first.locator("[class*=StyledListItemTopBar]")
    if criteria.count():
        criteria.first.locator(":scope > button").first.click()
        group.locator("[data-testid$='-null']").first.wait_for()


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["1280px", "390px"])
def test_the_form_has_no_serious_accessibility_violations(viewport: dict[str, int], built_site: BuiltSite, open_form: Any, repo: Repo) -> None:
    need_tool(AXE_JS)
    form = open_form(_case(built_site)[0], repo, viewport)
    _open_everything(form, "klinische_zorg")
    results = run_axe(form.page)
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING:
            print(f"invulhulp ({viewport['width']} px) {describe(violation)}")
    assert [describe(v) for v in results["violations"] if v["impact"] in BLOCKING] == []


def test_every_visible_input_has_a_visible_dutch_label_from_the_contract(built_site: BuiltSite, open_form: Any, repo: Repo) -> None:
    form = open_form(_case(built_site)[0], repo)
    _open_everything(form, "klinische_zorg")
    ours = {f["label"] for f in _all_fields(form_fields(RegioJaar))} | {f["null_label"] for f in _all_fields(form_fields(RegioJaar)) if "null_label" in f}
    labels = form.page.evaluate(_VISIBLE_LABELS, ", ".join(f"[class*=ControlPaneContainer] {c}" for c in CONTROLS))
    assert len(labels) > 30
    strange = {text for text in labels if text.removesuffix(" (optioneel)") not in ours and text not in ("onbekend", "ja", "nee")
               and not text.endswith(" invullen")}
    assert strange == set()


CONTROLS = ("input", "textarea", "[role=switch]", "[role=radiogroup]")
_VISIBLE_LABELS = """selector => [...document.querySelectorAll(selector)]
  .filter(e => e.offsetParent !== null && e.type !== 'hidden')
  .map(e => { const l = (e.id && document.querySelector(`label[for="${e.id}"]`)) || e.closest('label');
              return l && l.offsetParent !== null ? l.textContent.trim() : `(geen label: ${e.outerHTML.slice(0, 80)})`; })"""


def _all_fields(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for f in fields:
        yield f
        yield from _all_fields(f.get("fields", []))
        if "field" in f:
            yield f["field"]


def test_onbekend_and_the_fields_are_reached_and_set_by_keyboard(built_site: BuiltSite, open_form: Any, repo: Repo) -> None:
    entry, _, known = _case(built_site)
    form = open_form(entry, repo)
    page = form.page
    for _ in range(30):  # from the top of the page the first field of the form comes within a few Tabs
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('role')") == "combobox":
            break
    assert page.evaluate("document.activeElement.id").startswith("status-field")
    figure, onbekend = form.number(form.expand(known[0]), WACHTENDEN)
    figure.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("42")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.testid") == onbekend.get_attribute("data-testid")
    page.keyboard.press("Space")
    assert onbekend.is_checked() and figure.is_disabled()
    page.keyboard.press("Space")
    assert not figure.is_disabled() and page.get_by_role("button", name="Opslaan").is_enabled()


def test_at_390px_the_form_fits_and_the_toolbar_covers_no_field(built_site: BuiltSite, open_form: Any, repo: Repo) -> None:
    form = open_form(_case(built_site)[0], repo, MOBILE)
    page = form.page
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    toolbar = page.locator("[class*=ToolbarContainer]").first.bounding_box()
    first = page.locator("label[for^='status-field']").first.bounding_box()
    assert toolbar["y"] + toolbar["height"] <= first["y"]
    save = page.get_by_role("button", name="Opslaan").bounding_box()
    assert save["x"] >= 0 and save["x"] + save["width"] <= MOBILE["width"]


def _download(form: Form, rel: str) -> str:
    """Make the file without an account and download it through the page's link, as a region would."""
    form.page.get_by_text("Bestand maken", exact=True).click()
    form.page.get_by_role("menuitem", name="Maak het bestand").click()
    link = form.page.get_by_role("link", name=f"Download {rel.rsplit('/', 1)[1]}")
    with form.page.expect_download() as download:
        link.click()
    return Path(download.value.path()).read_text(encoding="utf-8")


def _changed(before: str, after: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]


def test_without_an_account_the_file_is_offered_for_download(built_site: BuiltSite, open_form: Any) -> None:
    entry, rel, known = _case(built_site)
    form = open_form(entry, None)
    figure, _ = form.number(form.expand(known[0]), WACHTENDEN)
    old = figure.input_value()
    figure.fill("4321")
    text = _download(form, rel)
    assert _changed(_published_copy(built_site, rel), text) == [(f"    wachtenden: {old}", "    wachtenden: 4321")]
    steps = form.page.locator("#invulhulp-melding ol > li")
    assert steps.count() == 2 and "nieuwe branch" in steps.nth(1).inner_text() and "samenvoegverzoek" in steps.nth(1).inner_text()
    repository = json.loads((built_site.root / "invulhulp" / "formulier" / "repository.json").read_text(encoding="utf-8"))
    folder = rel.rsplit("/", 1)[0] + "/"
    assert steps.nth(0).get_by_role("link", name=f"de map {folder}").get_attribute("href") == repository["tree_url"] + folder
    assert form.elsewhere == [] and form.errors == []
    print(f"invulhulp: formulier zonder account geladen in {form.seconds:.2f} s; {_weight(built_site, form.loaded)}")


def _weight(built_site: BuiltSite, loaded: dict[str, int]) -> str:
    """What the form page loads from the site, per kind of file: bytes as served and gzipped (as most hosts send it)."""
    kinds: dict[str, list[int]] = {}
    for url in loaded:
        path = built_site.root / urllib.parse.urlsplit(url).path.lstrip("/")
        path = path / "index.html" if path.is_dir() else path
        if path.is_file():
            data = path.read_bytes()
            sizes = kinds.setdefault(path.suffix.lstrip(".") or "html", [0, 0, 0])
            sizes[0], sizes[1], sizes[2] = sizes[0] + 1, sizes[1] + len(data), sizes[2] + len(gzip.compress(data, 6))
    return "; ".join(f"{kind}: {n} bestanden, {raw / 1e6:.2f} MB, gzip {packed / 1e6:.2f} MB" for kind, (n, raw, packed) in sorted(kinds.items()))


def test_every_example_file_comes_back_from_the_real_form_with_only_the_changed_line(built_site: BuiltSite, open_form: Any) -> None:
    """Decap's own widgets between load and save: one figure changed in each file, nothing else moves."""
    files = sorted((built_site.root / "invulhulp" / "formulier" / "bestanden").glob("*/*.yaml"))
    assert len(files) >= (20 if uses_repository_data() else 1)
    results = {}
    for path in files:
        rel = f"data/regions/{path.parent.name}/{path.name}"
        original = path.read_text(encoding="utf-8")
        zorgvorm = next(z.value for z in Zorgvorm if isinstance(yaml.safe_load(original)["zorgvormen"][z.value]["wachtenden"], int))
        form = open_form(f"{path.parent.name}-{path.stem}", None)
        figure, _ = form.number(form.expand(zorgvorm), WACHTENDEN)
        old = figure.input_value()
        figure.fill(str(int(old) + 1))
        results[rel] = (_changed(original, _download(form, rel)), round(form.seconds, 2))
        form.page.context.close()
        assert results[rel][0] == [(f"    wachtenden: {old}", f"    wachtenden: {int(old) + 1}")], rel
    print("invulhulp, echte formulier, per bestand (gewijzigde regels, laadtijd s):", results)


def test_alternatief_none_known_is_a_box_and_is_written_as_null(built_site: BuiltSite, open_form: Any) -> None:
    """The tekst_of_null widget in the real form: its box writes ``alternatief: null``, nothing else changes."""
    files = sorted((built_site.root / "invulhulp" / "formulier" / "bestanden").glob("*/*.yaml"))
    found = [(p, z.value) for p in files for z in Zorgvorm
             if any(c.get("alternatief") for c in yaml.safe_load(p.read_text(encoding="utf-8"))["zorgvormen"][z.value]["exclusiecriteria"])]
    if not found:
        pytest.skip("geen voorbeeldbestand met een alternatief")
    path, zorgvorm = found[0]
    original = path.read_text(encoding="utf-8")
    criteria = yaml.safe_load(original)["zorgvormen"][zorgvorm]["exclusiecriteria"]
    index = next(i for i, c in enumerate(criteria) if c.get("alternatief"))
    form = open_form(f"{path.parent.name}-{path.stem}", None)
    group = form.expand(zorgvorm)
    criteria_list = group.locator("div[id^='exclusiecriteria-field-']").first
    criteria_list.locator("[class*=StyledListItemTopBar]").nth(index).locator(":scope > button").first.click()
    box = criteria_list.locator("[data-testid$='-null']:visible")
    assert box.count() == 1
    box.check()
    text = _download(form, f"data/regions/{path.parent.name}/{path.name}")
    assert _changed(original, text) == [(f"        alternatief: {criteria[index]['alternatief']}", "        alternatief: null")]

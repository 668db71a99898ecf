"""The Nu Html Checker (vnu.jar, the W3C validator) finds no errors in any generated page.

Three messages come from Material for MkDocs' own templates (which Zensical keeps), and one from
Zensical's ``base.html``, not from ours; they are harmless to readers, and could only be fixed by
copying and maintaining the engines' ``base.html``, ``nav-item.html`` and ``toc.html``: each is
accepted only with the engine's exact markup, so the same mistake in our own templates still fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass

from built_site import BuiltSite
from tools import VNU_JAR, need_tool


@dataclass(frozen=True)
class Upstream:
    message: str
    extract: str
    why: str


UPSTREAM = (
    Upstream(
        r"Attribute “autocomplete” is only allowed when the input type is",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
        "Material's base.html: autocomplete=off stops Firefox from restoring the open menu or search after Back",
    ),
    Upstream(
        r"Bad value “” for attribute “tabindex” on element “label”",
        r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
        "Material's nav-item.html: an empty tabindex on a section title counts as no tabindex in every browser",
    ),
    Upstream(
        r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        r'<label class="md-nav__(title|link[^"]*)" for="__(toc|drawer|nav_[0-9_]+)"',
        "Material's toc.html and nav-item.html: the mobile menu's labels point at its own (hidden) checkboxes",
    ),
    Upstream(
        r"The “aria-hidden” attribute must not be used on any “label” element that is associated with a labelable element",
        r'<label class="md-overlay" for="__drawer" aria-hidden="true">',
        "Zensical's base.html: the empty backdrop that closes the open menu on a click is hidden from screen readers, which use the menu's own controls",
    ),
)


def is_upstream(message: dict[str, str]) -> bool:
    return any(re.search(u.message, message.get("message", "")) and re.search(u.extract, message.get("extract", "")) for u in UPSTREAM)


def test_every_page_is_valid_html(built_site: BuiltSite) -> None:
    need_tool(VNU_JAR)
    java = shutil.which("java")
    if java is None:
        need_tool(VNU_JAR.parent / "java")  # skips locally, fails in CI, with the install hint
    result = subprocess.run(
        [str(java), "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(built_site.root)],
        capture_output=True, text=True, timeout=300,
    )
    assert "Error" not in result.stdout, result.stdout  # e.g. StackOverflowError: vnu did not check
    report = json.loads(result.stderr)
    errors = [m for m in report["messages"] if m.get("type") == "error" or m.get("subType") == "fatal"]
    ours = [m for m in errors if not is_upstream(m)]
    shown = [f"{m.get('url', '?').split('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}\n    {m.get('extract', '').strip()[:160]}" for m in ours[:25]]  # noqa: E501
    assert ours == [], f"{len(ours)} HTML-fouten:\n" + "\n".join(shown)
    assert len(list(built_site.root.rglob("*.html"))) >= 10, "vnu heeft de gebouwde pagina's gezien"

"""Region text in the review comment notifies no one and links nowhere (issue 24, item 9).

GitLab and GitHub render the comment with extras of their own: mentions (``@all`` notifies every
member), references (``#1``, ``!1``, ``~label``, ``%milestone``, ``$1``, ``&1``, ``GH-1``, commit
ids) and autolinks (``https://…``, ``www.…``, e-mail addresses). :data:`HOST_PATTERNS` are those
patterns as the hosts apply them to the rendered text; hostile strings must match none of them
and still read as typed.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from build_scripts.analysis.host_markdown import JOINER, code_span, inert_markdown
from build_scripts.cli import EXIT_OK, main
from conftest import REPO

HOST_PATTERNS = {
    "vermelding": r"(?<![\w`])@[A-Za-z0-9_]",
    "verwijzing naar nummer": r"(?<![\w&])[#!$&]\d",
    "label of mijlpaal": r"[~%](?:\"|[A-Za-z0-9_])",
    "iteratie of melding": r"\*iteration:|\^alert#",
    "GitHub-verwijzing": r"\bGH-\d",
    "webadres": r"[A-Za-z][A-Za-z0-9+.\-]*://|\bwww\.",
    "e-mailadres": r"[\w.+\-]+@[\w\-]+\.\w",
    "commit": r"(?<![\w/#-])[0-9a-fA-F]{7,40}(?!\w)",
    "stuurteken": r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]",
}
HOSTILE = [
    "@all komt bijeen",
    "Zie @j.jansen en @here",
    "Zie #12, !3, groep/project#4 en GH-12",
    '~urgent ~"heel urgent" %2026 %"Q3 2026" $5 &7 *iteration:3 ^alert#2',
    "commit deadbeefcafe1234abcd en 1234567",
    "https://kwaad.example/x?y=1 en ftp://kwaad.example",
    "www.kwaad.example of info@kwaad.example",
    "<script>alert(1)</script> <img src=x onerror=alert(1)>",
    "[klik](https://kwaad.example) ![beeld](https://kwaad.example/p.png) <https://kwaad.example>",
    "`code` **vet** | pijp",
    "\u202egnirts \u2066omgekeerd\u2069",
    "\x1b[31mrood\x07\x7f\x85",
    "regel 1\nregel 2 @all",
]


def rendered_text(markdown: str) -> str:
    """The text a host sees after Markdown: backslash escapes and entities undone, <br> a line break."""
    text = re.sub(r"\\([\\`*_{}\[\]#|~])", r"\1", markdown).replace("<br>", "\n")
    return html.unescape(text)


def active(text: str) -> list[str]:
    return [f"{name}: {m[0]!r}" for name, pattern in HOST_PATTERNS.items() for m in re.finditer(pattern, text)]


def test_the_patterns_find_what_the_hosts_would_act_on() -> None:
    """The check below can fail: raw, every hostile string but the HTML one triggers a host pattern."""
    assert [s for s in HOSTILE if not active(s)] == ["<script>alert(1)</script> <img src=x onerror=alert(1)>", "`code` **vet** | pijp"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_text_is_inert_and_reads_as_typed(value: str) -> None:
    out = inert_markdown(value)
    text = rendered_text(out)
    assert active(text) == [], out
    assert "<" not in out.replace("<br>", "") and "](" not in out.replace("\\](", "") and "\n" not in out
    visible = re.sub(r"‹U\+([0-9A-F]{4})›", lambda m: chr(int(m[1], 16)), text.replace(JOINER, ""))
    assert visible == value.replace("\r", "")


def test_a_code_span_holds_any_backticks_and_no_control_characters() -> None:
    assert code_span("data/regions/utrecht/2026.yaml") == "`data/regions/utrecht/2026.yaml`"
    assert code_span("a``b\u202e") == "```a``b‹U+202E›```"
    assert code_span("`x") == "`` `x ``"


def test_the_review_summary_carries_hostile_region_text_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A merge request that renames a region and types hostile text: the summary quotes both, inert."""
    root = tmp_path / "mr"
    shutil.copytree(REPO / "data", root / "data")
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "basis"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    regio, jaar = root / "data/regions/utrecht/regio.yaml", root / "data/regions/utrecht/2026.yaml"
    regio.write_text(regio.read_text(encoding="utf-8").replace("naam: Utrecht", 'naam: "@all Utrecht #1"'), encoding="utf-8")
    hostile = "Bel @here, zie !3 en https://kwaad.example of www.kwaad.example; commit deadbeefcafe; \u202eomgekeerd"
    old = "toelichting: Licht gestegen aantal meldingen; de normtijden worden nog gehaald."
    jaar.write_text(jaar.read_text(encoding="utf-8").replace(old, f'toelichting: "{hostile}"'), encoding="utf-8")
    assert main(["--root", str(root), "diff", "--base", "main", "--format", "markdown", "--links", "https://voorbeeld.example/mr/"]) == EXIT_OK
    summary = capsys.readouterr().out
    assert "Utrecht" in summary and "omgekeerd" in summary
    ours = re.sub(r"\]\((https://voorbeeld\.example/mr/[^)\s]*)\)", "]", summary)  # the links the summary makes into the preview
    assert active(rendered_text(ours)) == []


def test_quotes_read_as_typed_in_the_raw_markdown() -> None:
    """A reader of the raw Markdown (a CI log, a terminal) sees 't Gooi, not &#39;t Gooi; < and & stay escaped."""
    assert inert_markdown("'t Gooi \"zegt\" <b> & co") == "'t Gooi \"zegt\" &lt;b&gt; &amp; co"

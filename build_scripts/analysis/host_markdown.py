"""Text from the data as inert Markdown on GitLab and GitHub: shown as typed, never a mention, a reference or a link.

The review comment (and GitHub's job summary) is Markdown that the code host renders with extras
of its own: ``@all`` notifies every member of the project, ``#1``, ``!1``, ``~label``,
``%milestone``, ``$1``, ``&1``, ``*iteration:1`` and ``GH-1`` link issues, merge requests,
labels, milestones, snippets, epics and iterations, a word of 7 or more hex digits links a commit,
and a bare ``https://…``, ``www.…`` or e-mail address becomes a link. A region's text must do none
of that: a WORD JOINER (U+2060, invisible, no line break) right after each trigger breaks every
such pattern without changing what a reader sees; control, zero-width and bidi characters are
shown as ``‹U+202E›`` instead of acting; then :func:`escape_markdown` keeps Markdown and HTML
literal. Links the summary makes itself (into the preview) are written around this text, never
from it.
"""

from __future__ import annotations

import re

from ..contract.notation import escape_markdown

JOINER = "\u2060"
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
"""C0 controls but tab and line breaks, DEL, C1, soft hyphen, zero-width and bidi controls, BOM, annotation marks."""
_TRIGGER = re.compile(r"([@#!~%$&^*])(?=[\w\"'.\-\[{(])")  # where a mention or reference starts (~"a label", %"a milestone")
_SCHEME = re.compile(r":(?=//)")  # https://, ftp://, smb://: every scheme GitLab and GitHub autolink
_BARE = re.compile(r"\b(www|gh)(?=[.-])", re.IGNORECASE)  # www.example.org (GitHub autolinks it), GH-1 (a GitHub issue)
_HEX = re.compile(r"\b[0-9A-Fa-f]{7,}\b")  # a commit id, if one exists: 7 to 40 hex digits


def inert_markdown(text: object, *, table_cell: bool = True) -> str:
    """``text`` as literal Markdown that no code host turns into a notification, a reference or a link."""
    value = _INVISIBLE.sub(lambda m: f"‹U+{ord(m[0]):04X}›", str(text))
    value = _TRIGGER.sub(r"\1" + JOINER, value)
    value = _SCHEME.sub(":" + JOINER, value)
    value = _BARE.sub(r"\1" + JOINER, value)
    value = _HEX.sub(lambda m: JOINER.join(m[0][i:i + 6] for i in range(0, len(m[0]), 6)), value)
    # Quotes need no entity outside an HTML attribute: a reader of the raw Markdown (a CI log, a terminal) sees 't Gooi
    return escape_markdown(value, table_cell=table_cell).replace("&#39;", "'").replace("&#34;", '"')


def code_span(text: object) -> str:
    """A Markdown code span (nothing inside is a mention or link), fenced longer than any backtick run in ``text``."""
    value = _INVISIBLE.sub(lambda m: f"‹U+{ord(m[0]):04X}›", str(text)).replace("\r", "").replace("\n", " ")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"

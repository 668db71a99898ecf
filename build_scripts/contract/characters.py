"""Which characters a data file may hold, and how untrusted text is shown on one line of a log.

Region text reaches pages, terminals and CI logs. Control characters (ESC starts terminal escape
sequences, BEL rings, C1 codes act as escapes in some terminals) and the bidirectional overrides
and isolates (they make text look different from what it is: "Trojan Source") have no legitimate
use in a region's file, so the contract forbids them. Newlines are legitimate in free text (block
text with ``|``) but must never start a new line in a log: a line there that begins with ``::``
is a GitHub workflow command, and ``##[`` anywhere in a line is its legacy form. Every message
that quotes data goes through :func:`one_line`, every JSON report through :func:`json_for_logs`.
"""

from __future__ import annotations

import re
import unicodedata

_C0_IN_FILE = "\x00-\x08\x0b\x0c\x0e-\x1f"  # a file may hold tab, newline and carriage return (CRLF line ends)
_OTHER = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"  # DEL, C1, separators, bidi, surrogates, non-characters
FORBIDDEN_IN_FILE = re.compile(f"[{_C0_IN_FILE}{_OTHER}]")
"""Characters that may not stand anywhere in a data file as typed."""
FORBIDDEN_IN_TEXT = re.compile(f"[{_C0_IN_FILE}\r{_OTHER}]")
"""Characters no value may hold (also when written as an escape such as ``"\\e"``): a value's line ends are ``\\n``."""
_ESCAPED_ON_ONE_LINE = re.compile(f"[\x00-\x1f{_OTHER}]")
_LEGACY_COMMAND = "##["  # GitHub runs `##[command]` found anywhere in a line of the log

_NAMES = {
    "\x07": "BEL", "\x08": "BS", "\x0b": "verticale tab", "\x0c": "nieuwe pagina", "\r": "regelterugloop, CR",
    "\x1b": "ESC", "\x7f": "DEL", "\x85": "NEL", "\u2028": "regelscheiding", "\u2029": "alineascheiding",
}
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def character_name(char: str) -> str:
    """``U+001B (ESC)``: the code point, and in Dutch what kind of character it is."""
    code = f"U+{ord(char):04X}"
    if char in _NAMES:
        return f"{code} ({_NAMES[char]})"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return f"{code} (leesrichtingsteken: {unicodedata.name(char, 'bidi').lower()})"
    if "\ud800" <= char <= "\udfff":
        return f"{code} (een losse surrogaat: geen teken)"
    if char in "\ufffe\uffff":
        return f"{code} (een niet-teken)"
    return f"{code} ({'C1-' if ord(char) >= 0x80 else ''}stuurteken)"


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def one_line(text: str) -> str:
    """``text`` as one harmless line: line breaks and control characters as visible escapes (``\\n``, ``\\x1b``,
    ``\\u202e``) and GitHub's legacy ``##[`` broken, so no data can start a line or a workflow command in a log."""
    if _ESCAPED_ON_ONE_LINE.search(text):
        text = _ESCAPED_ON_ONE_LINE.sub(_escape, text)
    return text.replace(_LEGACY_COMMAND, "##\\[")


def json_for_logs(text: str) -> str:
    """A JSON text (``json.dumps(..., ensure_ascii=False)``) with the same meaning, safe to print in a CI log.

    ``json.dumps`` already escapes C0; DEL, C1, the separators and bidi characters become ``\\uXXXX`` escapes, and
    the ``[`` of ``##[`` too. This is valid only for JSON text, where those characters can stand only inside strings.
    """
    text = re.sub(f"[{_OTHER}]", lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace(_LEGACY_COMMAND, "##\\u005b")

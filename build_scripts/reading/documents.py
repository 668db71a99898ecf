"""Parse one data file safely, keeping the line and column of every key and value.

PyYAML accepts things that would silently lose or change a region's data (a duplicate key keeps
only the last value, aliases copy values around, tags change types). This module composes the
YAML with the C parser, then builds plain Python values itself so it can reject those cases and
remember where each value stood.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from ..contract.characters import FORBIDDEN_IN_FILE, FORBIDDEN_IN_TEXT, character_name
from . import catalogue
from .catalogue import ProblemKind
from .discovery import DataFile, Kind
from .problems import Problem

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
KeyPath = tuple[str | int, ...]

_PLAIN_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MAX_DIGITS = 100
_CONSTRUCTOR = yaml.SafeLoader("")  # only its construct_yaml_* methods are used

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS: dict[str, str] = {}
_PLAIN_TAGS_MAX = 100_000


class _Loader(_BaseLoader):
    """libyaml's parser with a memoised resolver.

    The C parser asks PyYAML's pure-Python resolver for the type of every node, one regular
    expression after another; that was a third of the load time. Without path resolvers (safe
    loading has none) the type of a plain scalar depends on its text alone, and texts repeat.
    """

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is not yaml.ScalarNode or not implicit[0]:
            return super().resolve(kind, value, implicit)
        tag = _PLAIN_TAGS.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_PLAIN_TAGS) < _PLAIN_TAGS_MAX:
                _PLAIN_TAGS[value] = tag
        return tag

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        """No path resolvers: nothing to track (called for every node)."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to track (called for every node)."""


class NodeInfo(NamedTuple):
    """Where a value stands (1-based), its text as typed (scalars), and where its key stands.

    A named tuple, not a frozen dataclass: one is made for every node of every file, and a
    tuple is built several times faster and is a third of the size.
    """

    line: int
    column: int
    raw: str | None = None
    key_line: int = 0
    key_column: int = 0


@dataclass
class Document:
    """One parsed data file: plain values plus a map from key path to position."""

    path: str
    kind: Kind
    slug: str | None
    jaar: int | None
    data: Any = None
    nodes: dict[KeyPath, NodeInfo] = field(default_factory=dict)

    def locate(self, key_path: KeyPath) -> NodeInfo:
        """Position of ``key_path``, or of its nearest existing parent (e.g. for a missing key)."""
        for end in range(len(key_path), -1, -1):
            info = self.nodes.get(tuple(key_path[:end]))
            if info is not None:
                return info
        return NodeInfo(1, 1)

    def locate_key(self, key_path: KeyPath) -> tuple[int, int]:
        info = self.locate(key_path)
        if info.key_line and tuple(key_path) in self.nodes:
            return info.key_line, info.key_column
        return info.line, info.column

    def problem(self, key_path: KeyPath, kind: ProblemKind, message: str, *, at_key: bool = False) -> Problem:
        if at_key:
            line, column = self.locate_key(key_path)
        else:
            info = self.locate(key_path)
            line, column = info.line, info.column
        return Problem.of(kind, self.path, line, column, format_key_path(key_path), message)


def format_key_path(key_path: KeyPath) -> str:
    """``('zorgvormen', 'x', 'exclusiecriteria', 0)`` → ``zorgvormen.x.exclusiecriteria[0]``."""
    out = ""
    for part in key_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_NOT_UTF8 = "het bestand is geen geldige UTF-8-tekst; sla het op als UTF-8 (bijvoorbeeld letters met accenten uit Word of Excel)"


def read_document(data_file: DataFile) -> tuple[Document, list[Problem]]:
    """Read, decode and parse one file; the document's ``data`` stays ``None`` if it cannot be used."""
    doc = Document(data_file.display, data_file.kind, data_file.slug, data_file.jaar)
    raw = data_file.file.read_bytes()
    return doc, parse_into(doc, raw)


def parse_into(doc: Document, raw: bytes) -> list[Problem]:
    """Fill ``doc`` from the file's bytes; return the problems that stop or accompany that."""

    def fail(line: int, column: int, kind: ProblemKind, message: str) -> list[Problem]:
        return [Problem.of(kind, doc.path, line, column, "", message)]

    if len(raw) > MAX_BYTES:
        return fail(1, 1, catalogue.BESTAND_TE_GROOT, f"bestand is te groot ({len(raw) / 1024 / 1024:.1f} MiB, maximaal 1 MiB); "
            f"splits het of verwijder ingeplakte bijlagen")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return fail(line, column, catalogue.GEEN_UTF8, _NOT_UTF8)
    text = text.removeprefix("\ufeff")
    text, forbidden = _forbidden_characters(text)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return fail(1, 1, catalogue.LEEG_BESTAND, "het bestand is leeg; vul de gegevens in of verwijder het bestand")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return [_syntax_problem(doc.path, text, exc)]
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        return fail(1, 1, catalogue.ONGELDIGE_YAML, f"ongeldige YAML ({exc})")
    if node is None:
        return fail(1, 1, catalogue.LEEG_BESTAND, "het bestand is leeg; vul de gegevens in of verwijder het bestand")
    if any(ch in text for ch in "&*!"):
        found = _anchors_aliases_tags(doc.path, text)
        if found:
            return found
    if not isinstance(node, yaml.MappingNode):
        what = "een lijst" if isinstance(node, yaml.SequenceNode) else "een losse waarde"
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        return fail(line, col, catalogue.GEEN_SLEUTELS, f"het bestand moet beginnen met sleutels (zoals 'regio: …'), maar bevat {what}")
    problems: list[Problem] = []
    doc.data = _Builder(doc, problems, forbidden).build_all(node)
    return problems


ForbiddenChar = tuple[int, int, str]
"""A forbidden character as typed in the file: 0-based line and column (as the YAML parser counts them), the character."""


def _forbidden_characters(text: str) -> tuple[str, list[ForbiddenChar]]:
    """Find every forbidden character (:data:`FORBIDDEN_IN_FILE`) and put U+FFFD in its place.

    The parser rejects most of them with an unlocated error, and the line separators would shift its
    line count: with one stand-in character each, the file parses and every position stays the same,
    so the builder can name the key that holds each one. The data is never used then: these are errors.
    """
    if not FORBIDDEN_IN_FILE.search(text):
        return text, []
    found = [(m.start(), m.group()) for m in FORBIDDEN_IN_FILE.finditer(text)]
    text = FORBIDDEN_IN_FILE.sub("\ufffd", text)
    line_ends = [m.end() for m in _LINE_BREAK.finditer(text)]
    positions = []
    for offset, char in found:
        line = bisect_right(line_ends, offset)
        positions.append((line, offset - (line_ends[line - 1] if line else 0), char))
    return text, positions


def control_character_message(chars: Iterable[str]) -> str:
    """The Dutch message for forbidden characters in a value or elsewhere in a file."""
    unique = sorted(set(chars))
    names = ", ".join(character_name(c) for c in unique)
    what = f"onzichtbaar stuurteken {names}" if len(unique) == 1 else f"onzichtbare stuurtekens {names}"
    return (
        f"{what} in de tekst; verwijder {'het' if len(unique) == 1 else 'ze'}: zulke tekens hebben in een gegevensbestand geen functie "
        "en komen meestal mee bij kopiëren en plakken (of staan er als code tussen dubbele aanhalingstekens, zoals \\e of \\u202e)"
    )


_SYNTAX_HINTS = (
    ("tab", "er staat een tab; gebruik spaties om in te springen"),
    ("mapping values are not allowed", "onverwachte dubbele punt; zet tekst met ': ' erin tussen aanhalingstekens, of controleer het inspringen"),
    ("could not find expected ':'", "hier ontbreekt een dubbele punt na de sleutel, of het inspringen klopt niet"),
    ("did not find expected key", "het inspringen klopt niet: deze regel springt anders in dan de sleutels eromheen"),
    ("did not find expected '-'", "het inspringen klopt niet: dit lijstitem springt anders in dan de vorige"),
    ("did not find expected node content", "hier ontbreekt een waarde; controleer haakjes en komma's"),
    ("found unexpected end of stream", "onverwacht einde van het bestand; ontbreekt er een afsluitend aanhalingsteken of haakje?"),
    ("found undefined alias", "verwijzingen (*naam) zijn niet toegestaan; schrijf de waarde voluit"),
    ("found unknown escape character", "onbekende escape met \\ tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("found invalid unicode character escape code", "ongeldige \\u-code tussen dubbele aanhalingstekens (zoals een losse surrogaat \\ud800); "
        "schrijf het teken zelf, of gebruik enkele aanhalingstekens"),
    ("expected <block end>", "het inspringen klopt niet: deze regel springt anders in dan de sleutels eromheen"),
    ("cannot start any token", "dit teken kan hier niet staan; zet de tekst tussen aanhalingstekens"),
)


def _syntax_problem(path: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    problem = (exc.problem or "").lower()
    if mark and mark.line < len(lines) and ("\t" in lines[mark.line][: mark.column + 1] or "tab" in problem):
        return Problem.of(catalogue.TAB, path, line, column, "", "er staat een tab; gebruik spaties om in te springen (YAML staat geen tabs toe)")
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem:
            return Problem.of(catalogue.ONGELDIGE_YAML, path, line, column, "", f"ongeldige YAML: {hint}")
    return Problem.of(catalogue.ONGELDIGE_YAML, path, line, column, "", f"ongeldige YAML ({exc.problem}); controleer deze regel en de regel erboven")


def _anchors_aliases_tags(path: str, text: str) -> list[Problem]:
    """Second, event-level pass, only when the text could contain '&', '*' or '!' syntax."""
    problems = []
    for event in yaml.parse(text, Loader=_Loader):
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        where = (path, line, column, "")
        anchor, tag = getattr(event, "anchor", None), getattr(event, "tag", None)
        if isinstance(event, yaml.AliasEvent):
            problems.append(Problem.of(catalogue.VERWIJZING, *where, f"verwijzing '*{anchor}' is niet toegestaan; schrijf de waarde voluit"))
        elif anchor:
            problems.append(Problem.of(catalogue.ANKER, *where, f"anker '&{anchor}' is niet toegestaan; schrijf elke waarde voluit op haar eigen plek"))
        if tag and not isinstance(event, yaml.AliasEvent):
            problems.append(Problem.of(catalogue.YAML_LABEL, *where, f"YAML-label '{tag}' is niet toegestaan; laat het weg en schrijf de waarde gewoon op"))
    return problems


class _Builder:
    """Turns composed nodes into plain values, recording positions and rejecting lossy YAML."""

    def __init__(self, doc: Document, problems: list[Problem], forbidden: list[ForbiddenChar]) -> None:
        self.doc, self.problems, self.nodes = doc, problems, doc.nodes
        self.forbidden = forbidden  # in file order; each is claimed by the key or value that holds it
        self.places = [(line, column) for line, column, _ in forbidden]
        self.claimed = [False] * len(forbidden)

    def check_text(self, node: yaml.ScalarNode, key_path: KeyPath) -> None:
        """Report forbidden characters in one key or value: typed in the file, or written as an escape (``"\\e"``)."""
        start = (node.start_mark.line, node.start_mark.column)
        first, last = bisect_left(self.places, start), bisect_left(self.places, (node.end_mark.line, node.end_mark.column))
        escaped = FORBIDDEN_IN_TEXT.findall(node.value) if node.style == '"' else []
        if first == last and not escaped:
            return
        self.claimed[first:last] = [True] * (last - first)
        line, column = self.places[first] if first < last else start
        message = control_character_message([f[2] for f in self.forbidden[first:last]] + escaped)
        self.problems.append(Problem.of(catalogue.STUURTEKEN, self.doc.path, line + 1, column + 1, format_key_path(key_path), message))

    def build_all(self, node: yaml.Node) -> Any:
        """The whole document; then the forbidden characters outside all keys and values (a comment), one problem per line."""
        data = self.build(node, ())
        lines: dict[int, list[ForbiddenChar]] = {}
        for char, claimed in zip(self.forbidden, self.claimed, strict=True):
            if not claimed:
                lines.setdefault(char[0], []).append(char)
        for line, on_line in lines.items():
            message = control_character_message([f[2] for f in on_line])
            self.problems.append(Problem.of(catalogue.STUURTEKEN, self.doc.path, line + 1, on_line[0][1] + 1, "", message))
        return data

    def error(self, node: yaml.Node, key_path: KeyPath, kind: ProblemKind, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem.of(kind, self.doc.path, mark.line + 1, mark.column + 1, format_key_path(key_path), message))

    def build(self, node: yaml.Node, key_path: KeyPath, key_node: yaml.Node | None = None) -> Any:
        mark = node.start_mark
        raw = node.value if isinstance(node, yaml.ScalarNode) else None
        key_mark = key_node.start_mark if key_node is not None else mark
        self.nodes[key_path] = NodeInfo(mark.line + 1, mark.column + 1, raw, key_mark.line + 1, key_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key_path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*key_path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # the composer makes only these three kinds
        return self._scalar(node, key_path)

    def _mapping(self, node: yaml.MappingNode, key_path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, key_path, catalogue.SLEUTEL_GEEN_WOORD, "een sleutel moet een gewoon woord zijn, geen lijst of blok")
                continue
            key = key_node.value
            if self.forbidden or key_node.style == '"':
                self.check_text(key_node, (*key_path, key))
            if key == "<<":
                self.error(key_node, key_path, catalogue.SAMENVOEGEN, "samenvoegen met '<<' is niet toegestaan; schrijf de sleutels voluit")
                continue
            if key in result:
                first = self.nodes[(*key_path, key)]
                self.error(
                    key_node,
                    (*key_path, key),
                    catalogue.DUBBELE_SLEUTEL,
                    f"dubbele sleutel '{key}' (staat ook op regel {first.key_line}); YAML zou alleen de laatste waarde "
                    "bewaren, dus verwijder of hernoem één van beide",
                )
                continue
            result[key] = self.build(value_node, (*key_path, key), key_node)
        return result

    def _scalar(self, node: yaml.ScalarNode, key_path: KeyPath) -> Any:
        tag = node.tag.removeprefix(_TAG)
        try:
            if tag == "null":
                return None
            if tag == "bool":
                return _CONSTRUCTOR.construct_yaml_bool(node)
            if tag == "int":
                return self._int(node, key_path)
            if tag == "float":
                return _CONSTRUCTOR.construct_yaml_float(node)
            if tag == "timestamp":
                return _CONSTRUCTOR.construct_yaml_timestamp(node)
        except ValueError:
            self.error(node, key_path, catalogue.GEEN_BESTAANDE_DATUM, f"'{node.value}' is geen bestaande datum; gebruik JJJJ-MM-DD, bijvoorbeeld 2026-04-14")
            return node.value
        if self.forbidden or node.style == '"':
            self.check_text(node, key_path)
        return node.value

    def _int(self, node: yaml.ScalarNode, key_path: KeyPath) -> Any:
        if _PLAIN_INT_RE.match(node.value):
            if len(node.value) > _MAX_DIGITS:  # Python refuses to read very long numbers, and no field takes one
                self.error(node, key_path, catalogue.TE_HOOG, f"een getal van {len(node.value)} cijfers is te hoog voor elk veld; controleer deze waarde")
                return node.value
            return int(node.value)
        if ":" in node.value:
            return _CONSTRUCTOR.construct_yaml_int(node)  # kept so the model can explain '13:30'
        self.error(
            node,
            key_path,
            catalogue.GETAL_NOTATIE,
            f"'{node.value}' wordt door YAML als een ander getal gelezen dan u bedoelt "
            "(voorloopnul, 0x of liggend streepje); schrijf het getal zonder voorloopnullen of scheidingstekens",
        )
        return node.value

"""The chart cache: one SVG per content hash, and nothing read back that matplotlib would not have drawn.

CI keeps ``.cache/charts`` between pipelines, so an entry may come from anywhere that could write
that cache, a merge request's job included (the CI files keep production's cache apart: see the
docs/security.md). An SVG is a document that runs scripts when opened on its own, so each entry
is checked on use: a file, not a link; well-formed XML; no entity declarations or processing
instructions; only the elements and namespaces our drawings use; no event-handler attribute,
``javascript:``, external reference or CSS import. Anything else is left unread: the chart is
drawn again and the entry overwritten. The check cannot tell a script-free but false chart from a
true one; that is what keeping the caches apart is for.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

NAMESPACES = {
    "http://www.w3.org/2000/svg": "",
    "http://www.w3.org/1999/xlink": "xlink:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://creativecommons.org/ns#": "cc:",
    "http://purl.org/dc/elements/1.1/": "dc:",
}
"""SVG and the metadata matplotlib writes; any other namespace (XHTML's ``script``, say) is refused."""
DRAWN_ELEMENTS = frozenset({
    "svg", "defs", "style", "g", "path", "use", "text", "tspan", "clipPath", "rect", "pattern", "circle", "ellipse",
    "line", "polyline", "polygon", "linearGradient", "radialGradient", "stop", "mask", "title", "desc",
    "metadata", "rdf:RDF", "cc:Work", "cc:Agent", "dc:type", "dc:format", "dc:date", "dc:creator", "dc:title", "dc:description",
})
"""Shapes, text and structure: no ``script``, ``foreignObject``, ``a``, ``image``, ``iframe`` or animation."""
MATPLOTLIB_DOCTYPE = b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
_PROLOGUE = re.compile(rb'\A(?:<\?xml version="1\.0" encoding="utf-8" standalone="no"\?>\n)?')
_UNSAFE_TEXT = re.compile(r"javascript:|@import|expression\s*\(|url\(\s*(?!['\"]?#)", re.IGNORECASE)


def read_entry(cache_dir: Path | None, key: str) -> tuple[bytes | None, bool]:
    """The cached SVG of ``key`` and whether an entry was there but refused (then the chart is drawn again)."""
    if cache_dir is None or cache_dir.is_symlink():
        return None, False
    path = cache_dir / f"{key}.svg"
    if path.is_symlink():
        return None, True
    if not path.is_file():
        return None, False
    svg = path.read_bytes()
    return (svg, False) if is_drawn_svg(svg) else (None, True)


def write_entry(cache_dir: Path | None, key: str, svg: bytes) -> None:
    """Atomic write, so a parallel or interrupted build never leaves half an SVG behind; a refused entry is replaced."""
    if cache_dir is None or cache_dir.is_symlink():
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f".{key}.{os.getpid()}.tmp"
    tmp.write_bytes(svg)
    os.replace(tmp, cache_dir / f"{key}.svg")  # replaces a planted symlink itself, never what it points to


def is_drawn_svg(svg: bytes) -> bool:
    """Could matplotlib have drawn this? Structure only: it says nothing of whether the numbers are true."""
    body = svg[_PROLOGUE.match(svg).end():]  # type: ignore[union-attr]  # the pattern matches the empty string too
    if body.startswith(b"<!DOCTYPE"):
        if not body.startswith(MATPLOTLIB_DOCTYPE):
            return False
        body = body[len(MATPLOTLIB_DOCTYPE):]
    if b"<!" in body.replace(b"<!--", b"").replace(b"<![CDATA[", b"") or b"<?" in body:
        return False  # a DOCTYPE or ENTITY further on, or a processing instruction (xml-stylesheet)
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return False  # also a truncated file
    return _name(root.tag) == "svg" and all(_element_is_drawn(element) for element in root.iter())


def _element_is_drawn(element: ET.Element) -> bool:
    if _name(element.tag) not in DRAWN_ELEMENTS:
        return False
    for attribute, value in element.attrib.items():
        name = _name(attribute)
        if name is None or name.lower().startswith("on") or _UNSAFE_TEXT.search(value):
            return False
        if name in ("href", "xlink:href") and not value.startswith("#"):
            return False
    return not (element.text and _name(element.tag) == "style" and _UNSAFE_TEXT.search(element.text))


def _name(tag: str) -> str | None:
    """``{namespace}local`` as ``prefix:local`` for the namespaces we know; ``None`` for any other namespace."""
    if not tag.startswith("{"):
        return tag
    namespace, local = tag[1:].split("}", 1)
    prefix = NAMESPACES.get(namespace)
    return None if prefix is None else prefix + local

"""Fill the generated tables in the docs from the code, or (``--check``) fail when one has drifted.

A generated table sits between two markers in a Markdown file::

    <!-- gegenereerd: NAME (...) -->
    ...
    <!-- einde gegenereerd: NAME -->

and is written only by this script, from the object that owns the facts (the problem catalogue,
the settings object, the layer contracts, the CLI, the field registry). ``tests/test_generated_docs.py``
runs ``--check``, so a table cannot drift from the code it describes.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

FILES = ("README.md", "CONTRIBUTING.md", "docs/*.md")
_BLOCK = re.compile(r"(<!-- gegenereerd: (?P<name>[a-z-]+)\b[^>]*-->\n)(?P<body>.*?)(<!-- einde gegenereerd: (?P=name) -->)", re.S)


def _problems() -> str:
    from build_scripts.reading.catalogue import catalogue_markdown

    return catalogue_markdown()


def _settings() -> str:
    from build_scripts.settings import settings_markdown

    return settings_markdown()


GENERATORS: dict[str, Callable[[], str | None]] = {
    "problemen": _problems,
    "settings": _settings,
}
"""Each generated table by name; a generator returning ``None`` has nothing to say yet (the block is left as it is)."""


def _files() -> list[Path]:
    found: list[Path] = []
    for pattern in FILES:
        found.extend(sorted(REPO.glob(pattern)))
    return found


def render(text: str) -> str:
    """``text`` with every generated block filled in anew."""

    def fill(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in GENERATORS:
            raise SystemExit(f"unknown generated block {name!r}")
        body = GENERATORS[name]()
        if body is None:
            return match.group(0)
        return f"{match.group(1)}{body.rstrip()}\n{match.group(4)}"

    return _BLOCK.sub(fill, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a generated table differs from the code")
    args = parser.parse_args(argv)
    stale = []
    for path in _files():
        text = path.read_text(encoding="utf-8")
        new = render(text)
        if new != text:
            stale.append(path.relative_to(REPO).as_posix())
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if args.check and stale:
        print(f"generated tables out of date in {', '.join(stale)}: run python scripts/generated_docs.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

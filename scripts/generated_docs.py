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


def _problem_codes() -> str:
    from build_scripts.reading.catalogue import CATALOGUE

    rows = ["| code | severity | title (Dutch) |", "|---|---|---|"]
    rows += [f"| `{k.code}` | {'error' if k.severity == 'fout' else 'warning'} | {k.title} |" for k in CATALOGUE.values()]
    return "\n".join(rows)


def _settings() -> str:
    from build_scripts.settings import settings_markdown

    return settings_markdown()


def _modules() -> str:
    """The packages of ``build_scripts/`` in their layers (import-linter), each module with the first line of its docstring."""
    import ast
    import tomllib

    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    pipeline = next(c for c in contracts if c["id"] == "pipeline")["layers"]
    inner = {c["containers"][0]: c["layers"] for c in contracts if c.get("containers")}
    rows = ["| layer (top first) | module | its job (first line of its docstring) |", "|---|---|---|"]
    for depth, layer in enumerate(pipeline, start=1):
        for name in (part.strip() for part in layer.split("|")):
            path = REPO / name.replace(".", "/")
            files = sorted(p for p in path.glob("*.py") if p.name != "__init__.py") if path.is_dir() else [path.with_suffix(".py")]
            for file in files:
                doc = ast.get_docstring(ast.parse(file.read_text(encoding="utf-8"))) or ""
                first = doc.strip().splitlines()[0] if doc.strip() else ""
                where = f"{depth}: `{name.removeprefix('build_scripts.')}`"
                sub = next((f" · {i}" for i, lay in enumerate(inner.get(name, []), start=1) if file.stem in [x.strip() for x in lay.split("|")]), "")
                module = file.relative_to(REPO / "build_scripts").as_posix()
                job = first.replace("|", "\\|")
                rows.append(f"| {where}{sub} | `{module}` | {job} |")
    return "\n".join(rows)


def _commands() -> str:
    """Every ``dossier`` command: its usage line and its (Dutch) help, from the parser itself."""
    from build_scripts import cli

    parser = cli._parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    rows = ["| usage | what it does (the command's own help) |", "|---|---|"]
    for name, (help_text, _args, _run) in cli.COMMANDS.items():
        usage = " ".join(sub.choices[name].format_usage().split()[1:]).replace("|", "\\|")
        rows.append(f"| `{usage}` | {help_text} |")
    return "\n".join(rows)


def _fields() -> str | None:
    """The field registry's table, once ``contract/fields.py`` has ``fields_markdown_table`` (issue 25, the registry's branch)."""
    from build_scripts.contract import fields

    table = getattr(fields, "fields_markdown_table", None)
    return table() if callable(table) else None


GENERATORS: dict[str, Callable[[], str | None]] = {
    "problemen": _problems,
    "problem-codes": _problem_codes,
    "settings": _settings,
    "modules": _modules,
    "commands": _commands,
    "fields": _fields,
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

"""Write pip constraints pinning each runtime dependency to its declared floor (`.ci/lowest.sh` uses them).

The floors in pyproject.toml are a promise to whoever installs the dossier next to other tools;
this proves them: the tests run with every runtime dependency at its lowest allowed version.
Usage: python .ci/lowest_constraints.py [pyproject.toml] [constraints.txt]
"""

import re
import sys
import tomllib
from pathlib import Path

REQ = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*([^;]*)")


def floors(pyproject: Path) -> list[str]:
    """``name==floor`` for each runtime dependency; upper bounds, extras and markers are ignored."""
    deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = []
    for dep in deps:
        name, spec = REQ.match(dep).groups()
        lows = [v.strip() for op, v in (re.match(r"\s*(>=|==|~=)?(.*)", s).groups() for s in spec.split(",")) if op]
        if not lows:
            sys.exit(f"{dep!r}: no floor (>=, ==, ~=) to pin")
        pins.append(f"{name}=={lows[0]}")
    return pins


if __name__ == "__main__":
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "pyproject.toml")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "constraints.txt")
    out.write_text("\n".join(floors(src)) + "\n", encoding="utf-8")
    print(out.read_text(encoding="utf-8"), end="")

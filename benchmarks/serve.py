"""Benchmark: one data edit rebuilt by ``mkdocs serve``, against the floor's own rebuild (issue 27).

    python benchmarks/run.py --sizes 40x5 --repeat 1 --engines mkdocs --keep DIR   # makes DIR/40x5/{project,floor}
    python benchmarks/serve.py DIR/40x5 [--repeat 3] [--json out.json]

``mkdocs serve`` runs in the project (our hook; it watches ``data/``) and in the floor (plain
MkDocs, the pages ``dossier export`` wrote). For each repeat one figure changes in one region's
latest data file (project) or one number in that region's exported page (floor), and the
rebuild's own figure is read from MkDocs' log line ``Documentation built in N seconds`` (it
includes our ``on_config``: validation and page generation). A serve rebuild is what an editor
waits for after saving a file; MkDocs rebuilds the whole site each time, so the floor's rebuild is
its full build. The serve process builds in one process (forking beside the server's thread is
not safe, :func:`build_scripts.render.forking.fork_is_safe`).
"""

from __future__ import annotations

import argparse
import json
import queue
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import _env, edit_one_region  # noqa: E402

BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
SERVING = re.compile(r"Serving on ")
TIMEOUT = 900


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Serve:
    """A running ``mkdocs serve`` whose log lines are read in a thread."""

    def __init__(self, folder: Path) -> None:
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{_free_port()}"]
        self.process = subprocess.Popen(command, cwd=folder, env=_env(), stderr=subprocess.STDOUT, stdout=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for(self, pattern: re.Pattern[str]) -> re.Match[str]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=5)
            except queue.Empty:
                if self.process.poll() is not None:
                    raise RuntimeError(f"mkdocs serve stopped (exit {self.process.returncode})") from None
                continue
            if found := pattern.search(line):
                return found
        raise TimeoutError(f"no {pattern.pattern!r} within {TIMEOUT} s")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def _edit_floor_page(floor: Path, repeat: int) -> None:
    """One number in the floor's copy of region 1's latest page: the floor rebuilds everything, as MkDocs does."""
    latest = sorted((floor / "content" / "regios" / "regio-001").glob("[0-9]*/index.md"))[-1]
    text = latest.read_text(encoding="utf-8")
    new, n = re.subn(r"(\d)(</td>)", lambda m: f"{(int(m.group(1)) + 1 + repeat) % 10}{m.group(2)}", text, count=1)
    assert n == 1
    latest.write_text(new, encoding="utf-8")


def rebuilds(folder: Path, edit: object, repeat: int) -> list[float]:
    """The seconds MkDocs reports for ``repeat`` rebuilds, each after one ``edit(folder, i)``."""
    serve = Serve(folder)
    try:
        serve.wait_for(BUILT)  # the first build
        serve.wait_for(SERVING)
        seconds = []
        for i in range(repeat):
            time.sleep(2)  # the watcher's settle time
            edit(folder, 100 + i)  # type: ignore[operator]
            seconds.append(float(serve.wait_for(BUILT).group(1)))
        return seconds
    finally:
        serve.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size_dir", type=Path, help="a size folder kept by run.py --keep (holds project/ and floor/)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    floor = rebuilds(args.size_dir / "floor", _edit_floor_page, args.repeat)
    ours = rebuilds(args.size_dir / "project", edit_one_region, args.repeat)
    result = {
        "size": args.size_dir.name, "floor_rebuild_s": floor, "serve_rebuild_s": ours,
        "floor_median_s": statistics.median(floor), "serve_median_s": statistics.median(ours),
        "ratio": statistics.median(ours) / statistics.median(floor),
    }
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

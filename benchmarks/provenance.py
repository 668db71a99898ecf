"""Benchmark: what provenance from git (#28) adds to a build of the example, on a full clone with a realistic history.

    python benchmarks/provenance.py [--merges 100] [--repeat 5] [--base-rev REV] [--json results/out.json]

The example data (``data/`` of this checkout) is committed into a scratch repository, followed by
``--merges`` merge requests (``git merge --no-ff``, GitLab's message), each changing one count in
one region-year file, one day apart: a repository after some years of use. That repository is
then cloned in full (``git clone``, as CI with ``GIT_DEPTH: 0`` or ``fetch-depth: 0`` has it).
The clone is built with ``mkdocs build`` by this checkout's code (head) and by the code at
``--base-rev`` (default: where this branch left ``main``), interleaved, after one warm-up build
each (the chart cache is kept, as on CI): the median wall and CPU time of ``--repeat`` builds.
The provenance itself (``analysis.history.geschiedenis``) is timed inside this process too: cold
(every version parsed), filling its cache, and warm (every version from the cache). The
clone's cost is the size of ``.git`` and the time of a full against a ``--depth 1`` clone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))

from run import _env, _git, run  # noqa: E402

COUNT = re.compile(r"(?m)^(    (?:wachtenden|werkelijke_vraag|verwachte_vraag): )(\d+)$")


def history(project: Path, merges: int, seed: int = 28) -> None:
    """Commit the example data, then ``merges`` merge requests changing one count each."""
    rng = random.Random(seed)
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "data")
    _git(project, "commit", "-q", "-m", "Voorbeeldgegevens", date="2025-01-06T12:00:00+01:00")
    files = sorted(p for p in (project / "data/regions").glob("*/[0-9]*.yaml"))
    for n in range(1, merges + 1):
        stamp = f"{dt.date(2025, 1, 6) + dt.timedelta(days=n)}T12:00:00+01:00"
        path = rng.choice(files)
        text = path.read_text(encoding="utf-8")
        hits = list(COUNT.finditer(text))
        hit = rng.choice(hits)
        value = max(1, int(hit.group(2)) + rng.choice((-3, -2, -1, 1, 2, 3)))
        path.write_text(text[: hit.start(2)] + str(value) + text[hit.end(2) :], encoding="utf-8")
        _git(project, "checkout", "-q", "-b", f"mr-{n}")
        _git(project, "commit", "-q", "-am", f"Cijfer bijgewerkt ({path.parent.name})", date=stamp)
        _git(project, "checkout", "-q", "main")
        message = f"Merge branch 'mr-{n}' into 'main'\n\nCijfer bijgewerkt\n\nSee merge request cruciale-ggz/dossier!{n}"
        _git(project, "merge", "-q", "--no-ff", "-m", message, f"mr-{n}", date=stamp)
        _git(project, "branch", "-q", "-d", f"mr-{n}")


def code_tree(rev: str, into: Path) -> Path:
    """``build_scripts/``, ``content/`` and ``mkdocs.yml`` of this repository at ``rev``."""
    command = ["git", "-C", str(REPO), "archive", "--format=tar", rev, "build_scripts", "content", "mkdocs.yml"]
    archive = subprocess.run(command, check=True, capture_output=True).stdout
    into.mkdir(parents=True)
    tar_path = into / "code.tar"
    tar_path.write_bytes(archive)
    with tarfile.open(tar_path) as tar:
        tar.extractall(into, filter="data")
    tar_path.unlink()
    return into


def configure(project: Path, code: Path) -> None:
    """The clone's ``mkdocs.yml`` and ``content/`` from ``code``, its hook and theme from there too."""
    config = yaml.safe_load((code / "mkdocs.yml").read_text(encoding="utf-8"))
    config["strict"] = False
    config["theme"]["custom_dir"] = str(code / config["theme"]["custom_dir"])
    config["hooks"] = [str(code / "build_scripts/engines/mkdocs_hook.py")]
    config["watch"] = ["data"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    shutil.rmtree(project / "content", ignore_errors=True)
    shutil.copytree(code / "content", project / "content")


def build(project: Path, code: Path) -> tuple[float, float]:
    shutil.rmtree(project / "site", ignore_errors=True)
    env = {**_env(), "PYTHONPATH": str(code)}
    result = run([sys.executable, "-m", "mkdocs", "build"], project, env)
    return result.wall, result.cpu


def clone_cost(origin: Path, work: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, args in (("full", []), ("depth_1", ["--depth", "1"])):
        target = work / f"clone-{name}"
        started = time.perf_counter()
        subprocess.run(["git", "clone", "-q", "--no-local", *args, str(origin), str(target)], check=True, capture_output=True)
        out[f"{name}_seconds"] = round(time.perf_counter() - started, 3)
        out[f"{name}_git_kb"] = sum(p.stat().st_size for p in (target / ".git").rglob("*") if p.is_file()) // 1024
        shutil.rmtree(target)
    return out


KINDS = ("wall", "cpu")


def _out(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True, text=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--merges", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--base-rev", default=None, help="the code without provenance (default: git merge-base HEAD main)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    base_rev = args.base_rev or _out("merge-base", "HEAD", "main")
    head_rev = _out("rev-parse", "HEAD")
    with tempfile.TemporaryDirectory(prefix="bench-provenance-") as tmp:
        work = Path(tmp)
        origin = work / "origin"
        shutil.copytree(REPO / "data", origin / "data")
        history(origin, args.merges)
        clone = work / "clone"
        subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True, capture_output=True)
        trees = {"base": code_tree(base_rev, work / "base"), "head": code_tree(head_rev, work / "head")}
        projects = {}
        for name, code in trees.items():
            projects[name] = work / f"project-{name}"
            shutil.copytree(clone, projects[name], symlinks=True)
            configure(projects[name], code)
            build(projects[name], code)  # warm-up: the chart cache, as CI keeps it
        times: dict[str, list[tuple[float, float]]] = {"base": [], "head": []}
        for _ in range(args.repeat):
            for name, code in trees.items():
                times[name].append(build(projects[name], code))
        from build_scripts.analysis.history import geschiedenis

        timed: dict[str, float] = {}
        for name, cache in (("cold", None), ("cold_filling_cache", work / "herkomst.json"), ("warm", work / "herkomst.json")):
            started, started_cpu = time.perf_counter(), time.process_time()
            found = geschiedenis(projects["head"], cache=cache)
            timed[f"geschiedenis_{name}_wall"] = round(time.perf_counter() - started, 3)
            timed[f"geschiedenis_{name}_cpu"] = round(time.process_time() - started_cpu, 3)
        result = {
            "base_rev": base_rev, "head_rev": head_rev, "merges": args.merges, "repeat": args.repeat,
            "files_with_history": len(found.bestanden), "revisions": sum(len(h.revisies) for h in found.bestanden.values()),
            **timed,
            **{f"{name}_{kind}_median": round(statistics.median(t[i] for t in runs), 3) for name, runs in times.items() for i, kind in enumerate(KINDS)},
            "runs": {name: [[round(w, 3), round(c, 3)] for w, c in runs] for name, runs in times.items()},
            "clone": clone_cost(origin, work),
        }
        for kind in KINDS:
            result[f"extra_{kind}_pct"] = round(100 * (result[f"head_{kind}_median"] / result[f"base_{kind}_median"] - 1), 1)
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Benchmark: validation and site build against their floors, at several data sizes.

    python benchmarks/run.py [--sizes 10x5,40x5,100x10] [--repeat 3] [--json out.json]

For each size (regions × years) it generates contract-conforming data (``generate.py``) into a
scratch project with its own git history, then measures, each run in a fresh subprocess and each
figure the median of ``--repeat`` runs:

* ``parse``: a bare ``yaml.load(..., Loader=CSafeLoader)`` of every data file (the floor of
  ``dossier validate``), and ``validate``: ``dossier validate`` on the same files. Both are timed
  inside the subprocess (work only) and as the whole command (interpreter start and imports).
* ``cold``: ``mkdocs build`` with empty caches (``site/`` and ``.cache/`` removed);
  ``warm``: the same again with nothing changed; ``edit``: after one value in one region file
  changed. ``floor``: plain MkDocs (no hook) building the pages ``dossier export`` wrote, with
  the same theme, plugins, extensions and the same expanded hierarchical nav: MkDocs alone.
* ``zensical_cold``, ``zensical_warm``, ``zensical_edit``: the same three with
  ``dossier build --engine zensical`` (``.cache/`` holds its build folder and Zensical's cache);
  ``zensical_own`` is the time Zensical itself reports for its part of the build. Their floor is plain
  Zensical building the source folder our door wrote (``zensical_floor_cold``, ``zensical_floor_warm``).
* per page: build time / HTML pages written; peak RSS of the build process; charts rendered
  (SVG files written or rewritten under ``.cache/charts`` during the build).

The runs of one repeat are interleaved (floor, cold, warm, edit, then Zensical's cold, warm,
edit), so ratios compare runs made under the same machine load. ``--engines`` picks the engines
(``mkdocs`` includes the floor). Builds run without ``--strict`` (strict only turns warnings into
errors; the number of warnings is reported).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent  # the code under test; --repo points it at a snapshot (stable before/after runs)
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

TIMED_PREFIX = "BENCH_SECONDS="
PARSE_SNIPPET = f"""
import time, pathlib, yaml
t, c = time.perf_counter(), time.process_time()
for f in sorted(pathlib.Path('data').rglob('*.yaml')):
    with open(f, 'rb') as h:
        yaml.load(h, Loader=yaml.CSafeLoader)
print('{TIMED_PREFIX}%f %f' % (time.perf_counter() - t, time.process_time() - c))
"""
VALIDATE_SNIPPET = f"""
import sys, time
from build_scripts.cli import main
import build_scripts.reading.load
t, c = time.perf_counter(), time.process_time()
code = main(['--root', '.', 'validate'])
print('{TIMED_PREFIX}%f %f' % (time.perf_counter() - t, time.process_time() - c))
sys.exit(code)
"""
DOSSIER = (sys.executable, "-m", "build_scripts.cli")  # the `dossier` console script, from REPO


@dataclass
class Run:
    """One subprocess: wall and CPU time, the times it reported itself (if any), peak RSS, output."""

    wall: float
    cpu: float
    inner: float | None
    inner_cpu: float | None
    max_rss_mb: float
    output: str


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` and collect its own resource usage (``wait4``, not the sum of all children)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed in {cwd} ({proc.returncode}):\n{output[-3000:]}")
    match = re.search(rf"{TIMED_PREFIX}([0-9.]+) ([0-9.]+)", output)
    inner, inner_cpu = (float(match.group(1)), float(match.group(2))) if match else (None, None)
    return Run(wall, usage.ru_utime + usage.ru_stime, inner, inner_cpu, usage.ru_maxrss / 1024, output)


def _env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0", PYTHONPATH=str(REPO))
    env.pop("DOSSIER_PEILDATUM", None)
    env.pop("DOSSIER_CACHE_DIR", None)  # the caches live in the project's .cache/, which a cold build removes
    return env


def _git(cwd: Path, *args: str, date: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.org", GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _site_config(hooked: bool, nav: list[Any] | None = None) -> dict[str, Any]:
    """The project's mkdocs.yml, pointed at this checkout (hooked) or without our code (floor)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["strict"] = False
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    config["watch"] = ["data"]
    if hooked:
        config["hooks"] = [str(REPO / "build_scripts" / "engines" / "mkdocs_hook.py")]
    else:
        config.pop("hooks", None)
        config.pop("watch", None)
        config["nav"] = nav
        config.setdefault("extra", {})["data_datum"] = "onbekend"
    return config


def _write_config(path: Path, config: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def prepare(workdir: Path, regions: int, years: int) -> tuple[Path, Path]:
    """A project with data and git history (one commit per year), and its plain-MkDocs floor."""
    project, floor = workdir / "project", workdir / "floor"
    generate(project, regions, years)
    shutil.copytree(REPO / "content", project / "content")
    _write_config(project / "mkdocs.yml", _site_config(hooked=True))
    _git(project, "init", "-q")
    jaren = sorted({p.stem for p in (project / "data").rglob("[0-9]*.yaml")})
    for jaar in jaren:
        _git(project, "add", *(str(p.relative_to(project)) for p in (project / "data").rglob(f"{jaar}.yaml")))
        _git(project, "commit", "-q", "-m", f"data {jaar}", date=f"{jaar}-03-01T12:00:00")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "rest", date=f"{jaren[-1]}-09-01T12:00:00")
    export = workdir / "export"
    run([*DOSSIER, "--root", str(project), "export", "--out", str(export)], project, _env())
    shutil.copytree(REPO / "content", floor / "content")
    shutil.copytree(export, floor / "content", dirs_exist_ok=True)
    _write_config(floor / "mkdocs.yml", _site_config(hooked=False, nav=_expanded_nav(project)))
    return project, floor


def _expanded_nav(project: Path) -> list[Any]:
    """The nav the hook builds (``mkdocs.yml`` nav with generated sections expanded), as plain YAML."""
    from build_scripts.reading.load import load_dataset
    from build_scripts.render.context import make_context
    from build_scripts.render.nav import expand_nav
    from build_scripts.render.registry import generate_site

    dataset, _ = load_dataset(project)
    with tempfile.TemporaryDirectory() as cache:
        outputs = generate_site(make_context(dataset, cache_dir=Path(cache)))
    return expand_nav(yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"], outputs)


@dataclass
class Build:
    seconds: float
    cpu: float
    pages: int
    max_rss_mb: float
    charts: int
    warnings: int
    html_kb_per_page: float
    nav_links_per_page: float
    engine_own: float


BUILD_COMMANDS = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "build"],
    "zensical": [*DOSSIER, "build", "--engine", "zensical"],
    "zensical_floor": [sys.executable, "-c", "import zensical; zensical.build('mkdocs.yml', {'strict': False, 'clean': False})"],
}
ZENSICAL_OWN = re.compile(r"Build finished in ([0-9.]+)s")


def build(project: Path, clean: bool, engine: str = "mkdocs") -> Build:
    """One build with ``engine``; charts = SVG files the build wrote into ``.cache/charts``."""
    if clean:
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)
    charts_dir = project / ".cache" / "charts"
    started = time.time()
    result = run(BUILD_COMMANDS[engine], project, _env())
    charts = sum(1 for p in charts_dir.rglob("*") if p.is_file() and p.stat().st_mtime >= started - 1) if charts_dir.is_dir() else 0
    html = list((project / "site").rglob("*.html"))
    size = links = 0
    for page in html:
        text = page.read_bytes()
        size += len(text)
        links += text.count(b'class="md-nav__link')
    warnings = len(re.findall(r"^WARNING", result.output, re.MULTILINE))
    n = max(len(html), 1)
    own = ZENSICAL_OWN.search(result.output)
    return Build(result.wall, result.cpu, len(html), result.max_rss_mb, charts, warnings, size / 1024 / n, links / n, float(own.group(1)) if own else 0.0)


def edit_one_region(project: Path, repeat: int) -> None:
    """Change one figure in one region's latest file (a different value each repeat).

    The first ``werkelijke_vraag`` (acute zorg) feeds that year's national totals, so the charts
    that show it must be drawn again and every other chart must come from the cache.
    """
    latest = sorted((project / "data" / "regions" / "regio-001").glob("[0-9]*.yaml"))[-1]
    text = latest.read_text(encoding="utf-8")
    new, n = re.subn(r"(werkelijke_vraag: )(\d+)", lambda m: f"{m.group(1)}{int(m.group(2)) + 1 + repeat}", text, count=1)
    assert n == 1
    latest.write_text(new, encoding="utf-8")


@dataclass
class SizeResult:
    size: str
    regions: int
    years: int
    files: int
    runs: dict[str, list[dict[str, float]]] = field(default_factory=dict)

    def add(self, name: str, **values: float) -> None:
        self.runs.setdefault(name, []).append(values)

    def median(self, name: str, key: str) -> float:
        return statistics.median(r[key] for r in self.runs[name])


def measure(size: str, repeat: int, workdir: Path, engines: tuple[str, ...] = ("mkdocs", "zensical")) -> SizeResult:
    regions, years = (int(x) for x in size.split("x"))
    print(f"[{size}] preparing…", file=sys.stderr)
    project, floor = prepare(workdir, regions, years)
    result = SizeResult(size, regions, years, sum(1 for _ in (project / "data").rglob("*.yaml")))
    env = _env()
    for i in range(repeat):
        print(f"[{size}] repeat {i + 1}/{repeat}", file=sys.stderr)
        parse = run([sys.executable, "-c", PARSE_SNIPPET], project, env)
        result.add("parse", inner=parse.inner or 0, inner_cpu=parse.inner_cpu or 0, wall=parse.wall, cpu=parse.cpu, max_rss_mb=parse.max_rss_mb)
        val = run([sys.executable, "-c", VALIDATE_SNIPPET], project, env)
        val_cmd = run([*DOSSIER, "validate"], project, env)
        result.add(
            "validate", inner=val.inner or 0, inner_cpu=val.inner_cpu or 0, wall=val_cmd.wall, cpu=val_cmd.cpu, max_rss_mb=val_cmd.max_rss_mb
        )
        for engine in engines:
            _measure_builds(result, engine, project, floor, i + (repeat if engine == "zensical" else 0))
    return result


def _measure_builds(result: SizeResult, engine: str, project: Path, floor: Path, edit: int) -> None:
    """Cold, warm and one-edit builds with ``engine``, each beside its floor; ``edit`` makes each edit a new value.

    MkDocs' floor is built first. Zensical's floor is the source folder our Zensical door wrote (generated pages,
    theme, ``mkdocs.yml``), copied after its cold build and built by plain Zensical, cold and warm (its own cache kept).
    """
    if engine == "mkdocs":
        for name, target, clean in (("floor", floor, True), ("cold", project, True), ("warm", project, False)):
            result.add(name, **vars(build(target, clean, "mkdocs" if name == "floor" else engine)))
    else:
        result.add("zensical_cold", **vars(build(project, True, engine)))
        zensical_floor = _zensical_floor(project, floor.parent / "zensical_floor")
        result.add("zensical_floor_cold", **vars(build(zensical_floor, True, "zensical_floor")))
        result.add("zensical_warm", **vars(build(project, False, engine)))
        result.add("zensical_floor_warm", **vars(build(zensical_floor, False, "zensical_floor")))
    edit_one_region(project, edit)
    result.add(f"{'' if engine == 'mkdocs' else engine + '_'}edit", **vars(build(project, False, engine)))


def _zensical_floor(project: Path, target: Path) -> Path:
    """Plain Zensical's project: the pages, theme and config our door handed Zensical (written once per size)."""
    if not target.exists():
        work = project / ".cache" / "zensical"
        target.mkdir(parents=True)
        for name in ("docs", "theme"):
            shutil.copytree(work / name, target / name)
        shutil.copy2(work / "mkdocs.yml", target / "mkdocs.yml")
    return target


BUILDS = ("cold", "warm", "edit", "zensical_cold", "zensical_warm", "zensical_edit")
ZENSICAL_FLOORS = {"zensical_cold": "zensical_floor_cold", "zensical_warm": "zensical_floor_warm", "zensical_edit": "zensical_floor_warm"}
"""Each Zensical figure against plain Zensical: cold against its cold build, warm and edit against its warm rebuild."""


def summarise(r: SizeResult) -> dict[str, Any]:
    """Medians per measurement, and ratios of medians (wall and CPU time); ratios to the floor when it was measured."""
    m = r.median
    names = [name for name in BUILDS if name in r.runs]
    out: dict[str, Any] = {
        "size": r.size, "regions": r.regions, "years": r.years, "data_files": r.files, "repeats": len(r.runs["parse"]),
        "pages": int(m(names[0], "pages")),
    }
    for clock, suffix in (("", "s"), ("_cpu", "cpu_s")):
        out[f"parse_{suffix}"] = m("parse", f"inner{clock}")
        out[f"validate_{suffix}"] = m("validate", f"inner{clock}")
        out[f"validate_ratio{clock}"] = out[f"validate_{suffix}"] / out[f"parse_{suffix}"]
        key = "wall" if not clock else "cpu"
        out[f"parse_cmd_{suffix}"] = m("parse", key)
        out[f"validate_cmd_{suffix}"] = m("validate", key)
        out[f"validate_cmd_ratio{clock}"] = out[f"validate_cmd_{suffix}"] / out[f"parse_cmd_{suffix}"]
        key = "seconds" if not clock else "cpu"
        floor = m("floor", key) if "floor" in r.runs else None
        if floor:
            out["floor_pages"] = int(m("floor", "pages"))
            out[f"floor_{suffix}"] = floor
            out[f"floor_ms_per_page{clock}"] = 1000 * floor / max(out["floor_pages"], 1)
        for name in [*names, *(f for f in dict.fromkeys(ZENSICAL_FLOORS.values()) if f in r.runs)]:
            out[f"{name}_{suffix}"] = m(name, key)
            out[f"{name}_ms_per_page{clock}"] = 1000 * out[f"{name}_{suffix}"] / max(out["pages"], 1)
            own_floor = ZENSICAL_FLOORS.get(name)
            if own_floor and own_floor in r.runs:
                out[f"{name}_ratio{clock}"] = out[f"{name}_{suffix}"] / m(own_floor, key)
            elif floor and name in ("cold", "warm", "edit"):
                out[f"{name}_ratio{clock}"] = out[f"{name}_{suffix}"] / floor
    for name in names:
        out[f"{name}_charts"] = int(m(name, "charts"))
        if name.startswith("zensical_"):
            out[f"{name}_own_s"] = m(name, "engine_own")
            out[f"{name}_max_rss_mb"] = max(x["max_rss_mb"] for x in r.runs[name])
    _add_mkdocs_details(out, r)
    out["runs"] = r.runs
    return out


def _add_mkdocs_details(out: dict[str, Any], r: SizeResult) -> None:
    if "cold" not in r.runs:
        return
    out["max_rss_mb"] = max(x["max_rss_mb"] for name in ("cold", "warm", "edit") for x in r.runs[name])
    out["floor_max_rss_mb"] = max(x["max_rss_mb"] for x in r.runs["floor"])
    out["html_kb_per_page"] = r.median("cold", "html_kb_per_page")
    out["nav_links_per_page"] = r.median("cold", "nav_links_per_page")
    out["warnings"] = int(max(x["warnings"] for x in r.runs["cold"]))


COLUMNS = (
    ("size", "size", "{}"),
    ("pages", "pages", "{}"),
    ("parse s", "parse_s", "{:.2f}"),
    ("validate s", "validate_s", "{:.2f}"),
    ("×parse (cpu)", None, "validate_ratio"),
    ("validate cmd s", "validate_cmd_s", "{:.2f}"),
    ("×parse cmd (cpu)", None, "validate_cmd_ratio"),
    ("floor s", "floor_s", "{:.1f}"),
    ("cold s", "cold_s", "{:.1f}"),
    ("×floor (cpu)", None, "cold_ratio"),
    ("warm s", "warm_s", "{:.1f}"),
    ("×floor (cpu)", None, "warm_ratio"),
    ("edit s", "edit_s", "{:.1f}"),
    ("×floor (cpu)", None, "edit_ratio"),
    ("ms/page (cpu)", None, "cold_ms_per_page"),
    ("floor ms/page (cpu)", None, "floor_ms_per_page"),
    ("KB/page", "html_kb_per_page", "{:.0f}"),
    ("nav links/page", "nav_links_per_page", "{:.0f}"),
    ("RSS MB", "max_rss_mb", "{:.0f}"),
    ("charts cold/warm/edit", None, "charts"),
    ("zensical floor cold/warm s", None, "zensical_floor"),
    *(c for n in ("cold", "warm", "edit") for c in ((f"zensical {n} s", f"zensical_{n}_s", "{:.1f}"), ("×its floor (cpu)", None, f"zensical_{n}_ratio"))),
    ("zensical's own s cold/warm/edit", None, "zensical_own"),
)


def table(rows: list[dict[str, Any]]) -> str:
    """Markdown table: wall-clock figures, with the CPU-time figure in brackets where both matter."""
    named = {"charts": "cold_charts", "zensical_own": "zensical_cold_own_s", "zensical_floor": "zensical_floor_cold_s"}
    columns = [c for c in COLUMNS if (c[1] or named.get(c[2], c[2])) in rows[0]] if rows else []
    header = [c[0] for c in columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        cells = []
        for _, key, fmt in columns:
            if key:
                cells.append(fmt.format(row[key]))
            elif fmt == "charts":
                cells.append(f"{row['cold_charts']}/{row['warm_charts']}/{row['edit_charts']}")
            elif fmt == "zensical_floor":
                cells.append(f"{row['zensical_floor_cold_s']:.1f}/{row['zensical_floor_warm_s']:.1f}")
            elif fmt == "zensical_own":
                cells.append("/".join(f"{row[f'zensical_{n}_own_s']:.1f}" for n in ("cold", "warm", "edit")))
            else:
                cells.append(f"{row[fmt]:.2f} ({row[fmt + '_cpu']:.2f})" if "ratio" in fmt else f"{row[fmt]:.0f} ({row[fmt + '_cpu']:.0f})")
        lines.append("| " + " | ".join(cells) + " |")
    if rows and "cold_ms_per_page" in rows[0]:
        base, base_cpu = rows[0]["cold_ms_per_page"], rows[0]["cold_ms_per_page_cpu"]
        scaling = ", ".join(
            f"{r['size']} {r['cold_ms_per_page'] / base:.2f}× ({r['cold_ms_per_page_cpu'] / base_cpu:.2f}×)" for r in rows
        )
        lines += ["", f"per-page cold build time relative to {rows[0]['size']}, wall (cpu): {scaling}"]
    return "\n".join(lines)


def _use_repo(repo: Path) -> None:
    global REPO
    REPO = repo
    sys.path.insert(0, str(repo))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10x5,40x5,100x10", help="comma-separated REGIONSxYEARS")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (the median is reported)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--keep", type=Path, help="keep the generated projects in this folder")
    parser.add_argument("--engines", default="mkdocs,zensical", help="comma-separated engines to build with (mkdocs includes the floor)")
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose build_scripts/ and content/ are measured (default: this one)")
    args = parser.parse_args()
    _use_repo(args.repo.resolve())
    rows = []
    base = args.keep or Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    try:
        for size in args.sizes.split(","):
            workdir = base / size
            shutil.rmtree(workdir, ignore_errors=True)
            workdir.mkdir(parents=True)
            rows.append(summarise(measure(size, args.repeat, workdir, tuple(args.engines.split(",")))))
            print(table(rows[-1:]), file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    report = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "load_average_at_end": os.getloadavg()},
        "repo": str(REPO),
        "results": rows,
    }
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps([{k: v for k, v in r.items() if k != "runs"} for r in rows], indent=2))
    print()
    print(table(rows))


if __name__ == "__main__":
    main()

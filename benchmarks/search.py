"""Benchmark: Material for MkDocs' search against Pagefind on the same built pages.

    python benchmarks/search.py --size 100x10 --work DIR [--repo SNAPSHOT] [--json out.json]

One synthetic project (``generate.py``) is built once with ``mkdocs build`` and Material's own
search plugin switched on (``lang: nl``), with a timing hook that adds up the time the search
plugin spends in the build (its share: "time to index"). Pagefind then indexes the same
``site/``: the article of each page Material indexed is marked ``data-pagefind-body``, as the
dossier's theme marks it, and Pagefind runs as its own process, timed. Twice: on every page
Material indexes (``alle``), and on the dossier's choice without the change pages
(``dossier``: Material's index is then filtered the same way, so both search the same pages).

In Chromium (Playwright, the site served on 127.0.0.1), for each engine and each Dutch query:
the result pages (in order) and every byte the browser fetched for the first search, from a
fresh browser context (nothing cached). Sizes are given raw and gzipped (``gzip -6``, what a web
server sends; Pagefind's index files are gzip already, so they are counted as they are).

``--work DIR`` keeps the project; a second run reuses its build and its index, so the browser
part can be repeated without the long build. The load average is recorded at each step.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from run import _git, run  # noqa: E402

TIMING_HOOK = HERE / "search_timing_hook.py"
QUERIES = ("wachtlijsten", "beveiligde zorg", "Voorbeeldregio 042", "heidag", "acute zorg wachttijd", "klinische zorg regio")
ARTICLE = '<article class="md-content__inner md-typeset">'
MARKED = '<article class="md-content__inner md-typeset" data-pagefind-body>'
SELECTIONS = {"alle": None, "dossier": re.compile(r"(^|/)wijzigingen/")}
"""Which pages both engines index: all that Material indexes, and the dossier's choice (no change pages: docs/search.md)."""
REPORT_RESULTS = 10


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def prepare(project: Path, repo: Path, regions: int, years: int) -> None:
    """Data, content and a ``mkdocs.yml`` with the hook of ``repo``, Material's search on, and the timing hook."""
    generate(project, regions, years)
    shutil.copytree(repo / "content", project / "content")
    config = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(strict=False, watch=["data"], plugins=[{"search": {"lang": "nl"}}])
    config["theme"]["custom_dir"] = str(repo / config["theme"]["custom_dir"])
    config["hooks"] = [str(repo / "build_scripts" / "engines" / "mkdocs_hook.py"), str(TIMING_HOOK)]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "data", date=f"{2021 + years}-09-01T12:00:00")


def build(project: Path, repo: Path) -> dict[str, Any]:
    """``mkdocs build`` once; the search plugin's own share comes from the timing hook's last line."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(repo), PYTHONHASHSEED="0")
    env.pop("DOSSIER_PEILDATUM", None)
    before = load()
    result = run([sys.executable, "-m", "mkdocs", "build"], project, env)
    match = re.search(r"SEARCH_PLUGIN_SECONDS=([0-9.]+) ([0-9.]+)", result.output)
    assert match, result.output[-2000:]
    index = project / "site" / "search" / "search_index.json"
    return {
        "load_before": before, "load_after": load(), "build_wall_s": result.wall, "build_cpu_s": result.cpu,
        "pages": sum(1 for _ in (project / "site").rglob("*.html")),
        "material_index_wall_s": float(match.group(1)), "material_index_cpu_s": float(match.group(2)),
        "material_index_bytes": index.stat().st_size, "material_index_gzip_bytes": len(gzip.compress(index.read_bytes(), 6)),
    }


def select_pages(site: Path, leave_out: re.Pattern[str] | None) -> int:
    """Give both engines the same pages: Material's index without ``leave_out``, and exactly those articles marked for Pagefind.

    Material's own index (kept whole as ``search_index.all.json``) already leaves out pages with
    ``search.exclude`` (the print editions); the theme marks the same pages ``data-pagefind-body``
    (Pagefind indexes only marked pages once one is marked). Returns the number of pages.
    """
    whole = site / "search" / "search_index.all.json"
    if not whole.is_file():
        shutil.copyfile(site / "search" / "search_index.json", whole)
    index = json.loads(whole.read_text(encoding="utf-8"))
    index["docs"] = [d for d in index["docs"] if not (leave_out and leave_out.search(d["location"]))]
    (site / "search" / "search_index.json").write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")  # as Material writes it
    chosen = {d["location"].split("#")[0] for d in index["docs"]}
    for page in site.rglob("index.html"):
        location = page.relative_to(site).parent.as_posix().removeprefix(".") + "/"
        text = page.read_text(encoding="utf-8").replace(MARKED, ARTICLE, 1)
        page.write_text(text.replace(ARTICLE, MARKED, 1) if location.lstrip("/") in chosen else text, encoding="utf-8")
    return len(chosen)


def index_pagefind(site: Path) -> dict[str, Any]:
    """Pagefind over the built site (the pages :func:`select_pages` marked), as its own process (wall and CPU time)."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    before = load()
    result = run([sys.executable, "-m", "pagefind", "--site", str(site), "--exclude-selectors", ".headerlink"], site)
    bundle = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    material = site / "search" / "search_index.json"
    return {
        "load_before": before, "load_after": load(), "pagefind_wall_s": result.wall, "pagefind_cpu_s": result.cpu,
        "pagefind_files": len(bundle), "pagefind_bytes": sum(p.stat().st_size for p in bundle),
        "pagefind_log": result.output.strip().splitlines()[-8:],
        "material_index_bytes": material.stat().st_size, "material_index_gzip_bytes": len(gzip.compress(material.read_bytes(), 6)),
    }


def served_size(site: Path, path: str) -> tuple[int, int]:
    """A fetched file's size as stored and as a gzip-serving web server sends it (Pagefind's own files are gzip already)."""
    data = (site / path.lstrip("/")).read_bytes()
    if data[:2] == b"\x1f\x8b" or path.endswith(".pagefind"):
        return len(data), len(data)
    return len(data), len(gzip.compress(data, 6))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100x10", help="REGIONSxYEARS")
    parser.add_argument("--work", type=Path, required=True, help="folder for the project (kept, reused when it has a built site)")
    parser.add_argument("--repo", type=Path, default=HERE.parent, help="the checkout (or snapshot) whose hook and theme build the site")
    parser.add_argument("--json", type=Path, help="write the results as JSON to this file")
    args = parser.parse_args()
    from search_browser import measure_queries  # Playwright: imported only when measuring

    regions, years = (int(x) for x in args.size.split("x"))
    project, out = args.work / "project", {"size": args.size, "started": time.strftime("%Y-%m-%d %H:%M"), "cores": os.cpu_count()}
    built = project / "site" / "search" / "search_index.json"
    if not built.is_file():
        shutil.rmtree(project, ignore_errors=True)
        prepare(project, args.repo.resolve(), regions, years)
        out["build"] = build(project, args.repo.resolve())
        (args.work / "build.json").write_text(json.dumps(out["build"], indent=2), encoding="utf-8")
    else:
        out["build"] = json.loads((args.work / "build.json").read_text(encoding="utf-8"))
    for name, leave_out in SELECTIONS.items():
        pages = select_pages(project / "site", leave_out)
        out[name] = {"pages": pages, "index": index_pagefind(project / "site")}
        out[name]["queries"] = measure_queries(project / "site", QUERIES, REPORT_RESULTS, served_size)
    out["load_end"] = load()
    text = json.dumps(out, indent=2, ensure_ascii=False)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

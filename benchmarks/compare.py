"""Put two or more ``run.py --json`` results side by side as one Markdown table.

    python benchmarks/compare.py before.json after.json [more.json …]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROWS = (
    ("pages", "{:.0f}"),
    ("validate_ratio_cpu", "{:.2f}"),
    ("validate_cmd_ratio_cpu", "{:.2f}"),
    ("cold_ratio_cpu", "{:.2f}"),
    ("warm_ratio_cpu", "{:.2f}"),
    ("edit_ratio_cpu", "{:.2f}"),
    ("validate_ratio", "{:.2f}"),
    ("cold_ratio", "{:.2f}"),
    ("warm_ratio", "{:.2f}"),
    ("edit_ratio", "{:.2f}"),
    ("cold_ms_per_page_cpu", "{:.0f}"),
    ("edit_ms_per_page_cpu", "{:.0f}"),
    ("floor_ms_per_page_cpu", "{:.0f}"),
    ("html_kb_per_page", "{:.0f}"),
    ("nav_links_per_page", "{:.0f}"),
    ("max_rss_mb", "{:.0f}"),
    ("cold_charts", "{:.0f}"),
    ("warm_charts", "{:.0f}"),
)


def load(path: Path) -> dict[str, dict[str, Any]]:
    return {row["size"]: row for row in json.loads(path.read_text(encoding="utf-8"))["results"]}


def main(paths: list[Path]) -> str:
    runs = [(p.stem, load(p)) for p in paths]
    columns = [(name, size) for name, rows in runs for size in rows]
    lines = ["| figure | " + " | ".join(f"{name} {size}" for name, size in columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for key, fmt in ROWS:
        cells = [fmt.format(rows[size][key]) if key in rows[size] else "" for name, rows in runs for size in rows if (name, size) in columns]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(main([Path(p) for p in sys.argv[1:]]))

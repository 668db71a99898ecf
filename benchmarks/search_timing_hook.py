"""A MkDocs hook for benchmarks/search.py: adds up the time Material's search plugin spends in a build.

Every event handler of the search plugin is wrapped (MkDocs keeps bound methods per event, so
the wrappers replace those), and the total is printed at the end of the build as
``SEARCH_PLUGIN_SECONDS=<wall> <cpu>``: Material's "time to index", inside the build.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

_spent = [0.0, 0.0]


def _timed(handler: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return handler(*args, **kwargs)
        finally:
            _spent[0] += time.perf_counter() - wall
            _spent[1] += time.process_time() - cpu

    return wrapper


def on_config(config: Any) -> Any:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    for handlers in config.plugins.events.values():
        for i, handler in enumerate(handlers):
            if getattr(handler, "__self__", None) is search:
                handlers[i] = _timed(handler)
    return config


def on_post_build(config: Any) -> None:
    print(f"SEARCH_PLUGIN_SECONDS={_spent[0]:f} {_spent[1]:f}", flush=True)

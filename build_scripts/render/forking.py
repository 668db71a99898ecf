"""When a worker pool may fork: the one rule shared by the page builders and the chart drawing."""

from __future__ import annotations

import multiprocessing
import threading


def fork_is_safe() -> bool:
    """POSIX fork in a process without other threads (``mkdocs serve`` has threads; a forked child could inherit a held lock)."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1

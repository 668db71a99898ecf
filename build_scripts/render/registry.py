"""The pure core of the site: a validated dataset in, ``{site path: Output}`` out.

Each section of the site lives in its own module with a ``pages(ctx)`` generator; this module
only gathers them, so every engine publishes exactly the same mapping. On a large dataset the
sections run side by side in worker processes (forked, or from a fork server beside threads).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from ..analysis.signals import tekortbeelden
from . import agenda, changes, downloads, feeds, home, invulhulp, national, print_edition, regions
from .context import Output, SiteContext
from .forking import fork_is_safe

PARALLEL_THRESHOLD = 40  # yearly region files below which forking workers costs more than it saves


PageBuilder = Callable[[SiteContext], Iterable[tuple[str, Output]]]


def _builders() -> list[PageBuilder]:
    """The sections, heaviest first (the region pages draw most charts), so the workers finish together."""
    return [regions.pages, changes.pages, print_edition.pages, downloads.pages, national.pages, agenda.pages, invulhulp.pages, home.pages, feeds.pages]


def generate_site(ctx: SiteContext, workers: int | None = None) -> dict[str, Output]:
    """Every generated file of the site, in a deterministic order.

    The builders are independent, so on a large dataset they run side by side in forked worker
    processes (``workers``, default :func:`build_workers`); the output is the same either way.
    """
    outputs: dict[str, Output] = {}
    builders = _builders()
    workers = build_workers(ctx) if workers is None else workers
    ctx.overzicht  # noqa: B018 - computed once here, so forked workers inherit it instead of each computing it
    ctx.geschiedenis  # noqa: B018 - the same for the provenance from git
    for jaar in ctx.dataset.jaren:  # and for the signals, which six sections read
        tekortbeelden(ctx.overzicht, jaar)
    for produced in _run_parallel(ctx, builders, workers) if workers > 1 else (list(b(ctx)) for b in builders):
        _add_outputs(outputs, produced)
    return dict(sorted(outputs.items()))


def build_workers(ctx: SiteContext) -> int:
    """How many processes build pages: ``DOSSIER_WORKERS`` (1: all in this process, for profiling), else one per core for a large dataset.

    More processes only pay off above :data:`PARALLEL_THRESHOLD` yearly files.
    """
    if ctx.settings.workers is not None:
        return max(1, ctx.settings.workers)
    files = sum(len(region.jaren) for region in ctx.dataset.regions.values())
    if files < PARALLEL_THRESHOLD or not _start_method():
        return 1
    return min(os.cpu_count() or 1, len(_builders()))


def _start_method() -> str | None:
    """``fork`` where it is safe (:func:`forking.fork_is_safe`), else ``forkserver`` where the platform has it.

    ``mkdocs serve`` rebuilds beside its server and watcher threads, where a forked child could
    inherit a held lock; a fork server is a clean process started once, whose children get ``ctx``
    by pickle (7 MB and 0.4 s per worker at 40 regions × 5 years), so a rebuild there runs on every core too.
    """
    if fork_is_safe():
        return "fork"
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None


def _run_parallel(ctx: SiteContext, builders: list[PageBuilder], workers: int) -> list[list[tuple[str, Output]]]:
    """Each builder's outputs, built in worker processes: forked ones inherit ``ctx`` (nothing large is pickled on the way in)."""
    method = _start_method()
    if method is None:
        return [list(b(ctx)) for b in builders]
    global _fork_state
    _fork_state = (ctx, builders)
    try:
        if method == "fork":
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
        else:
            server = multiprocessing.get_context("forkserver")
            server.set_forkserver_preload([__name__])  # the fork server imports our code once, its children start from it
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=server, initializer=_receive, initargs=(pickle.dumps(ctx, pickle.HIGHEST_PROTOCOL),))
        with pool:
            return list(pool.map(_run_builder, range(len(builders))))
    finally:
        _fork_state = None


_fork_state: tuple[SiteContext, list[PageBuilder]] | None = None


def _receive(payload: bytes) -> None:
    """A fork server's worker: the build's context, unpickled once per worker."""
    global _fork_state
    _fork_state = (pickle.loads(payload), _builders())  # our own pickle of this build's context, from the parent


def _run_builder(index: int) -> list[tuple[str, Output]]:
    assert _fork_state is not None, "only called in a worker started by _run_parallel"
    ctx, builders = _fork_state
    return list(builders[index](ctx))


def _add_outputs(outputs: dict[str, Output], new: Iterable[tuple[str, Output]]) -> None:
    for path, output in new:
        if path in outputs:
            raise ValueError(f"two builders generate {path}")
        outputs[path] = output


def iter_markdown(outputs: dict[str, Output]) -> Iterator[tuple[str, str]]:
    for path, output in outputs.items():
        if path.endswith(".md") and isinstance(output.content, str):
            yield path, output.content

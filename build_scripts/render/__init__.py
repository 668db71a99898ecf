"""Rendering: a validated dataset in, ``{site path: Output}`` out (Markdown pages, charts, downloads).

Holds the site context and ``Output``, the autoescaping Jinja2 environment with its templates and
theme overrides, the charts, one module per site section (home, regions, national, changes,
agenda, downloads, print edition), the navigation and the registry that runs the sections. It may
import analysis, reading and contract; no engine: the same mapping feeds every engine.
Called ``render`` rather than ``site`` so it is not mistaken for the built ``site/`` folder.
"""

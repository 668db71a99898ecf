"""Engines: the only doors that turn the rendered mapping into a published site or files on disk.

Holds the MkDocs hook, ``dossier export`` and the PDF step. It may import render and below; only
``mkdocs_hook`` imports MkDocs, so a second engine is a second adapter beside it.
"""

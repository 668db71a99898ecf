"""Editing data files on the regions' behalf: writing YAML that a region then reviews and commits.

Holds ``dossier new-year`` (next cycle's file from this one). It may import reading and contract,
never the site: what it writes is data, read back by the same loader as every other file.
"""

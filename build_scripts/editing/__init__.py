"""Editing data files on the regions' behalf: writing YAML that a region then reviews and commits.

Holds ``dossier new-year`` (next cycle's file from this one), ``dossier migrate`` (the current
contract version, in place) and the invulhulp's form definition (Decap CMS fields walked from the
contract's JSON Schema). It may import reading and contract,
never the site: what it writes is data, read back by the same loader as every other file.
"""

"""Reading the data: every file under ``data/`` found, parsed with positions, validated and checked.

Holds discovery, the position-keeping YAML parser, ``Problem`` values and their output formats,
the problem catalogue (every code declared once), the Dutch validation messages, the cross-field and cross-file rules, the cycle's milestones, the
dataset and its single entry ``load.load_dataset``, and the data as of a git revision. It may
import only the contract. Nothing here raises on bad data: problems are values.
"""

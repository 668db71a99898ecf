#!/usr/bin/env bash
# The tests with every runtime dependency at the lowest version pyproject.toml allows, in a venv of
# its own (so the machine's install is untouched). Browser tests are left to .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${LOWEST_VENV:-.cache/venv-lowest}"
python -m venv "$venv"
python .ci/lowest_constraints.py pyproject.toml "$venv/constraints.txt"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -c "$venv/constraints.txt" -e ".[test]"
NO_MKDOCS_2_WARNING=1 "$venv/bin/python" -m pytest -n 2 -q --ignore=tests/browser "$@"

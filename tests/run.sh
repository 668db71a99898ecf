#!/usr/bin/env bash
# The one test command (README and .ci/run call exactly this): install, then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet --disable-pip-version-check -e ".[test]"
export NO_MKDOCS_2_WARNING=1
python -m pytest -n 2 "$@"

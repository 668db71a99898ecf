#!/usr/bin/env bash
# The one test command (README and .ci/run call exactly this): install, then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet --disable-pip-version-check -e ".[test]"

# Browser tests and the yearly PDF: Debian's chromium (driven by Playwright's pip package, which
# never downloads a browser) and Java for the Nu Html Checker. Installed only when missing.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || need+=(npm)
if ((${#need[@]})); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    else
        echo "let op: ${need[*]} ontbreekt; de browsertests worden overgeslagen (in CI falen ze)" >&2
    fi
fi
# axe-core, the Nu Html Checker (vnu.jar) and Decap's local git backend for the invulhulp's
# browser test (decap-server), pinned, from the npm registry into .cache/node. (The form's own
# JavaScript is vendored under content/invulhulp/formulier/vendor/: the build needs no npm.)
AXE_CORE=4.14.1 VNU_JAR=26.9.27 DECAP_SERVER=3.11.3 NODE_DIR=.cache/node
installed() { node -p "require('./$NODE_DIR/node_modules/$1/package.json').version" 2>/dev/null || true; }
if command -v npm >/dev/null 2>&1 && { [ "$(installed axe-core)" != "$AXE_CORE" ] || [ "$(installed vnu-jar)" != "$VNU_JAR" ] \
        || [ "$(installed decap-server)" != "$DECAP_SERVER" ]; }; then
    # --ignore-scripts: vnu-jar's install script would try to download a Java runtime
    npm install --prefix "$NODE_DIR" --save-exact --ignore-scripts --no-audit --no-fund --loglevel=error \
        "axe-core@$AXE_CORE" "vnu-jar@$VNU_JAR" "decap-server@$DECAP_SERVER" >/dev/null
fi

# The shape of the code: layers without cycles or upward imports, and types.
lint-imports
python -m mypy

export NO_MKDOCS_2_WARNING=1
python -m pytest -n 2 "$@"

#!/usr/bin/env bash
# Re-creates content/invulhulp/formulier/vendor/ (the form's third-party JavaScript) from the npm
# registry, at the pinned versions below. Run it only to upgrade; commit the result with it.
# `npm pack` fetches just each package's tarball (no dependency tree) and checks its integrity.
set -euo pipefail
DECAP_CMS=3.16.3  # the form (MIT); its dist/ is one self-contained webpack bundle plus lazy chunks
YAML=2.9.1        # the YAML parser our minimal-diff writer patches with (ISC); its browser ES modules
DECAP_SERVER=3.11.3  # only for its LICENSE file (the same MIT licence of the same monorepo)
cd "$(dirname "$0")/.."
dest=content/invulhulp/formulier/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent "decap-cms@$DECAP_CMS" "yaml@$YAML" "decap-server@$DECAP_SERVER" >/dev/null )
for package in decap-cms yaml decap-server; do
    mkdir "$tmp/$package" && tar -xzf "$tmp/$package"-*.tgz -C "$tmp/$package" --strip-components=1
done
rm -rf "$dest" && mkdir -p "$dest/decap-cms" "$dest/yaml"
# decap-cms: decap-cms.js and every chunk it may load lazily; no source maps, and not cms.js (the
# same bundle under its old name). Its tarball has no licence file: the monorepo's MIT licence is
# the one decap-server's tarball carries; the bundled libraries' notices are in the .LICENSE.txt.
( cd "$tmp/decap-cms/dist" && cp decap-cms.js decap-cms.js.LICENSE.txt cms.css ./*.wasm [0-9]*.decap-cms.js "$OLDPWD/$dest/decap-cms/" )
cp "$tmp/decap-server/LICENSE" "$dest/decap-cms/LICENSE"
cp -r "$tmp/yaml/browser/." "$dest/yaml/"
cp "$tmp/yaml/LICENSE" "$dest/yaml/LICENSE"
cat > "$dest/SOURCES.txt" <<TXT
Third-party code of the invulhulp, unmodified, from the npm registry (scripts/vendor-invulhulp.sh):
decap-cms@$DECAP_CMS  MIT  dist/ without source maps and cms.js    -> decap-cms/  (LICENSE, decap-cms.js.LICENSE.txt)
yaml@$YAML        ISC  browser/ ES modules                     -> yaml/       (LICENSE)
TXT
echo "vendored into $dest: $(du -sh "$dest" | cut -f1)"

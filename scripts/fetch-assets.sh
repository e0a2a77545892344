#!/usr/bin/env bash
# Installs the browser libraries pinned in web/package-lock.json and bundles the Markdown editor
# (Milkdown) into static/vendor/milkdown/: milkdown.min.js, milkdown.min.css, LICENSE.txt.
# Both web/node_modules/ and static/vendor/ are git-ignored. Run by `make build` before the server
# loads static/; does nothing (in milliseconds, without starting node) when nothing changed.
# Needs node and npm (scripts/setup-debian.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

out=static/vendor/milkdown
installed=web/node_modules/.package-lock.json  # npm rewrites it on every install

if [[ ! -f $installed || web/package-lock.json -nt $installed ]]; then
  command -v npm >/dev/null 2>&1 || { echo "fetch-assets: npm not found (run scripts/setup-debian.sh)" >&2; exit 1; }
  echo "fetch-assets: installing web/ packages from package-lock.json"
  # --ignore-scripts: no install script of any package runs on this machine; esbuild finds its
  # platform binary through its optional @esbuild/* package without its postinstall step.
  (cd web && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  touch "$installed"
fi

stale=0
for f in milkdown.min.js milkdown.min.css LICENSE.txt; do
  [[ -f $out/$f ]] || stale=1
done
if [[ $stale -eq 0 ]]; then
  for src in "$installed" web/build.mjs web/vendor-entry.mjs; do
    [[ $src -nt $out/milkdown.min.js ]] && stale=1
  done
fi
if [[ $stale -eq 1 ]]; then
  echo "fetch-assets: bundling the editor into $out/"
  node web/build.mjs "$out"
fi

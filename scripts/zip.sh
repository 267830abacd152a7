#!/usr/bin/env bash
# Builds build/build.zip and build/source.zip as Zapier receives them, offline, from a staging
# folder: the files git tracks, the compiled app and the production dependencies only. (The CLI's
# own build copies the whole project, dev tools and all, and runs out of file handles.)
# build.zip holds what the app loads; source.zip holds the project's source as git tracks it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$root/node_modules/.bin:$PATH" DISABLE_ZAPIER_ANALYTICS=1 NO_UPDATE_NOTIFIER=1
cd "$root"
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "npm run zip needs a git checkout: source.zip is the files git tracks." >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

rm -rf build
# Tracked and new (not ignored) files as they are in the working tree; deleted ones are skipped.
git ls-files -z --cached --others --exclude-standard | tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null | tar -xf - -C "$stage"
# Compiled into the staging folder: the project's own dist/ stays as it is for whoever runs from it.
tsc -p tsconfig.json --outDir "$stage/dist"
rm -rf "$stage/dist/sandbox" "$stage/dist/scripts" "$stage/dist/bench"

cd "$stage"
# Optional packages are left out too: node-fetch would otherwise pull in `encoding` and iconv-lite's tables.
npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund --loglevel=error
# The app is compiled already; the CLI skips `_zapier-build` when told it is running inside it.
npm_lifecycle_event=_zapier-build zapier-platform build --skip-dep-install --skip-validation
mkdir -p "$root/build"
cp build/build.zip build/source.zip "$root/build/"
echo "build/build.zip: $(wc -c < "$root/build/build.zip") bytes; build/source.zip: $(wc -c < "$root/build/source.zip") bytes"

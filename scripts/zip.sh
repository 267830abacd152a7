#!/usr/bin/env bash
# Builds build/build.zip the way `zapier-platform push` ships the app: compiled code and production
# dependencies only, from a staging folder (the CLI's own copy of a full node_modules runs out of
# file handles). Offline: the CLI's self-test of the zip runs; Zapier's remote style check does not.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$root/node_modules/.bin:$PATH" DISABLE_ZAPIER_ANALYTICS=1
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

cd "$root"
rm -rf dist build
tsc -p tsconfig.json
cp -r package.json package-lock.json index.js .zapierapprc "$stage"/
mkdir "$stage/dist" && cp -r dist/src dist/package.json "$stage/dist/"

cd "$stage"
# Compiled already: the staged package.json must not ask the CLI to build again.
node -e 'const p=require("./package.json"); delete p.scripts; require("fs").writeFileSync("package.json", JSON.stringify(p, null, 2))'
npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
zapier-platform build --skip-dep-install --skip-validation
mkdir -p "$root/build"
cp build/build.zip build/source.zip "$root/build/"
echo "build/build.zip: $(wc -c < "$root/build/build.zip") bytes"

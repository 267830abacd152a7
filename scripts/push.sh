#!/usr/bin/env bash
# Publishes this version to Zapier: the offline build of `npm run zip` (checked by the tests), then
# the CLI's upload of exactly that build.zip and source.zip. Needs `zapier-platform login` (or
# ZAPIER_DEPLOY_KEY) and a registered integration in .zapierapprc.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$root/node_modules/.bin:$PATH" DISABLE_ZAPIER_ANALYTICS=1 NO_UPDATE_NOTIFIER=1
cd "$root"
bash scripts/zip.sh
zapier-platform upload

#!/usr/bin/env bash
# The page test drives Debian's Chromium (playwright cannot download a browser here).
# Installs it when it is missing and this machine can: as root with apt-get.
set -euo pipefail
browser="${GLOOP_CHROMIUM:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser test..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser test needs Chromium at $browser: run 'sudo apt-get install chromium', or set GLOOP_CHROMIUM to a Chromium binary." >&2
exit 1

#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through its chromedriver. Where they are missing, this
# installs them (as root, or with sudo where that needs no password), so that `mvn verify` sets up
# a fresh machine by itself; otherwise it says what to install and stops the build.
set -euo pipefail
chromium=${1:-/usr/bin/chromium}
chromedriver=${2:-/usr/bin/chromedriver}
if [ -x "$chromium" ] && [ -x "$chromedriver" ]; then
    exit 0
fi
echo "Browser tests: $chromium or $chromedriver is missing; installing Debian's chromium and chromium-driver"
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "Cannot install them without root: run 'sudo apt-get install chromium chromium-driver', then again." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends chromium chromium-driver

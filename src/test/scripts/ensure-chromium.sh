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
bash "$(dirname "$0")/apt-install.sh" chromium chromium-driver

#!/usr/bin/env bash
# Installs Debian packages for the tests (apt-install.sh PACKAGE...), as root or with sudo where that
# needs no password; otherwise says what to run and fails. Used by the ensure-*.sh scripts, so that
# `mvn verify` sets up a fresh machine by itself.
set -euo pipefail
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    echo "Cannot install $* without root: run 'sudo apt-get install $*', then again." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "$@"

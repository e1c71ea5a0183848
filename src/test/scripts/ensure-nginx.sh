#!/usr/bin/env bash
# NginxGatewayIT puts Debian's nginx in front of a page, with auth_request asking the service about
# each token. Where nginx is missing, this installs it (as root, or with sudo where that needs no
# password), as ensure-chromium.sh does for the browser; otherwise it says what to install and
# stops the build. The test runs nginx itself, on its own port and files: the package's own
# service is not needed.
set -euo pipefail
nginx=${1:-/usr/sbin/nginx}
has_auth_request() {
    "$nginx" -V 2>&1 | grep -q -- '--with-http_auth_request_module'
}
if [ -x "$nginx" ] && has_auth_request; then
    exit 0
fi
if [ -x "$nginx" ]; then
    echo "$nginx has no auth_request module; install Debian's nginx (1.22 has it)." >&2
    exit 1
fi
echo "Gateway test: $nginx is missing; installing Debian's nginx"
bash "$(dirname "$0")/apt-install.sh" nginx
has_auth_request || { echo "$nginx has no auth_request module." >&2; exit 1; }

#!/usr/bin/env bash
# MetricsIT reads the service's metrics with the Prometheus text-format parser of the official
# Python client (Debian's python3-prometheus-client), run by Debian's Python (not whichever python3
# comes first on the PATH). Where it is missing, this installs it (as root, or with sudo where that
# needs no password), as ensure-nginx.sh does for nginx.
set -euo pipefail
python=${1:-/usr/bin/python3}
if "$python" -c 'import prometheus_client.parser' 2>/dev/null; then
    exit 0
fi
echo "Metrics test: Python's prometheus_client is missing; installing Debian's python3-prometheus-client"
bash "$(dirname "$0")/apt-install.sh" python3 python3-prometheus-client
"$python" -c 'import prometheus_client.parser'

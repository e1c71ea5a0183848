#!/usr/bin/env bash
# What the audit trail and the metrics cost the token check, in one command:
#   src/bench/audit-cost.sh [baseline commit]
#
# Builds this checkout's WAR and the baseline's (default: 25be624, the last commit before the audit
# trail and the metrics), starts both on Payara Micro at once (each its own Derby database, one
# GreenMail), gets a token through the mail from each and revokes a second one, then measures with
# wrk, the two servers taking turns round by round after a warm-up each:
#   - GET /v1/access_tokens/current with the live token (a check records no event, but counts in
#     the metrics);
#   - the same with every tenth request carrying the revoked token (a failed check: counted for the
#     audit trail per client and minute, and in the metrics; the failed-check limit is lifted).
# Prints the medians and this checkout's / the baseline's ratio for each (goal: at least 0.95).
#
# Settings (environment): BENCH_SECONDS (8), BENCH_ROUNDS (5), BENCH_WARMUP_SECONDS (30),
# BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_PORT (8190; the baseline's is the next),
# BENCH_SMTP_PORT (3325), BENCH_MAIL_API_PORT (8195).
set -euo pipefail
cd "$(dirname "$0")/../.."

BASELINE=${1:-25be624}
SECONDS_EACH=${BENCH_SECONDS:-8}
ROUNDS=${BENCH_ROUNDS:-5}
WARMUP=${BENCH_WARMUP_SECONDS:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
PORT=${BENCH_PORT:-8190}
SMTP_PORT=${BENCH_SMTP_PORT:-3325}
MAIL_API_PORT=${BENCH_MAIL_API_PORT:-8195}
WORK=$PWD/target/bench-audit

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk (Debian package)"
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo -n); fi
    "${sudo[@]}" apt-get install -y -q wrk >/dev/null || { "${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q wrk; }
fi

rm -rf "$WORK"
mkdir -p "$WORK"
echo "Building this checkout's WAR and the baseline's ($BASELINE)"
mvn -q -DskipTests -DskipITs package
cp target/pkmnapi.war "$WORK/current.war"
git worktree add -f --detach "$WORK/baseline-src" "$BASELINE" >/dev/null
(cd "$WORK/baseline-src" && mvn -q -DskipTests -DskipITs package)
cp "$WORK/baseline-src/target/pkmnapi.war" "$WORK/baseline.war"
git worktree remove --force "$WORK/baseline-src"
micro_version=$(sed -n 's:.*<payara.micro.version>\(.*\)</payara.micro.version>.*:\1:p' pom.xml | head -n 1)
micro_jar=target/servers/payara-micro-$micro_version.jar

pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
}
trap cleanup EXIT

java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.auth.disabled \
     -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
     -jar target/servers/greenmail-standalone.jar >"$WORK/greenmail.log" 2>&1 &
pids+=($!)

# start <name> <port>: that WAR on that port, its own Derby database, no practical rate limits
start() {
    env -u PKMNAPI_SMTP_USER -u PKMNAPI_SMTP_PASSWORD PKMNAPI_DATABASE_DIR="$WORK/derby-$1" \
        PKMNAPI_RATE_LIMIT_REQUESTS=2000000000 PKMNAPI_RATE_LIMIT_FAILED_CHECKS=2000000000 \
        PKMNAPI_SMTP_HOST=127.0.0.1 PKMNAPI_SMTP_PORT="$SMTP_PORT" PKMNAPI_SMTP_TLS=none \
        PKMNAPI_MAIL_FROM='Pkmnapi <bench@localhost>' \
        java -Xms1g -Xmx1g -Djava.io.tmpdir="$WORK" -jar "$micro_jar" --nocluster \
        --port "$2" --prebootcommandfile server-config/payara/micro-defaults.asadmin \
        --postbootcommandfile server-config/payara/post-boot-commands.asadmin \
        --contextroot / --deploy "$WORK/$1.war" >"$WORK/server-$1.log" 2>&1 &
    pids+=($!)
}

# token <port> <address>: a token through the mail
token() {
    curl -s -o /dev/null "http://127.0.0.1:$1/v1/access_tokens" -H 'Content-Type: application/json' \
        -d "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {\"email_address\": \"$2\"}}}"
    sleep 1
    curl -s "http://127.0.0.1:$MAIL_API_PORT/api/user/$2/messages" | grep -o 'pkmn_at_[0-9A-Za-z]*' | tail -n 1
}

start current "$PORT"
start baseline "$((PORT + 1))"
declare -A LIVE DEAD
for name in current baseline; do
    port=$PORT
    [ "$name" = baseline ] && port=$((PORT + 1))
    for _ in $(seq 240); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v1/health")" = 200 ] && break
        sleep 1
    done
    LIVE[$name]=$(token "$port" "live-$name@example.com")
    DEAD[$name]=$(token "$port" "dead-$name@example.com")
    curl -s -o /dev/null -X DELETE -H "Authorization: Bearer ${DEAD[$name]}" "http://127.0.0.1:$port/v1/access_tokens/current"
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${LIVE[$name]}" "http://127.0.0.1:$port/v1/access_tokens/current")" != 200 ] \
        || [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${DEAD[$name]}" "http://127.0.0.1:$port/v1/access_tokens/current")" != 401 ]; then
        echo "No live and revoked token from the $name server; see $WORK/server-$name.log" >&2
        exit 1
    fi
done

results="$WORK/results.tsv"
: >"$results"
# run <name> <workload> <seconds> [measure]: wrk against that server with that workload
run() {
    local port=$PORT
    [ "$1" = baseline ] && port=$((PORT + 1))
    local -a workload
    if [ "$2" = mixed ]; then
        workload=(-s src/bench/checks.lua)
    else
        workload=(-H "Authorization: Bearer ${LIVE[$1]}")
    fi
    local out
    out=$(BENCH_TOKEN=${LIVE[$1]} BENCH_DEAD_TOKEN=${DEAD[$1]} wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" \
        "${workload[@]}" "http://127.0.0.1:$port/v1/access_tokens/current")
    if [ "${4:-}" = measure ]; then
        local rps
        rps=$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')
        printf '%s\t%s\t%s\n' "$1" "$2" "$rps" >>"$results"
        printf '  %-9s %-6s %10s req/s\n' "$1" "$2" "$rps"
    fi
}

echo "Warming up (${WARMUP} s each)"
for name in current baseline; do
    for workload in live mixed; do
        run "$name" "$workload" "$WARMUP"
    done
done
echo "Measuring: $ROUNDS rounds of ${SECONDS_EACH} s, the servers taking turns (wrk -t$THREADS -c$CONNECTIONS)"
for ((round = 1; round <= ROUNDS; round++)); do
    for workload in live mixed; do
        for name in current baseline; do
            run "$name" "$workload" "$SECONDS_EACH" measure
        done
    done
done

median() {
    awk -F'\t' -v n="$1" -v w="$2" '$1 == n && $2 == w { print $3 }' "$results" | sort -n \
        | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo
echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(java -version 2>&1 | head -n 1)"
for workload in live mixed; do
    current=$(median current "$workload")
    baseline=$(median baseline "$workload")
    printf '%-6s checks: this checkout %s req/s, baseline (%s) %s req/s: ratio %s (goal >= 0.95)\n' "$workload" \
        "$current" "$BASELINE" "$baseline" "$(awk -v a="$current" -v b="$baseline" 'BEGIN { printf "%.3f", a / b }')"
done

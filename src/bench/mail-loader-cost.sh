#!/usr/bin/env bash
# Whether the mail path's workaround ServiceFilesOnce (src/main/java/com/pkmnapi/mail) still pays,
# in one command: src/bench/mail-loader-cost.sh
#
# Builds this checkout's WAR, and the same WAR without the workaround (a copy of the sources in
# which ServiceFilesOnce no longer becomes the thread's context class loader, so that Jakarta Mail
# looks its service files up in the web application's class loader as it would without it);
# starts both on Payara Micro at once (each its own Derby database, one GreenMail, no practical
# rate limits), and measures POST /v1/access_tokens for new addresses (src/bench/issue.lua: each
# request issues a token and sends a mail) with wrk, the two servers taking turns round by round
# after a warm-up each. Prints the medians of the requests per second and of each server's
# processor time per mail (from /proc), and the ratios with / without the workaround. The
# workaround pays while the processor time per mail is clearly lower with it.
#
# Settings (environment): BENCH_SECONDS (8), BENCH_ROUNDS (5), BENCH_WARMUP_SECONDS (20),
# BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_PORT (8190; the other WAR's is the next),
# BENCH_SMTP_PORT (3325), BENCH_MAIL_API_PORT (8195).
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_EACH=${BENCH_SECONDS:-8}
ROUNDS=${BENCH_ROUNDS:-5}
WARMUP=${BENCH_WARMUP_SECONDS:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
PORT=${BENCH_PORT:-8190}
SMTP_PORT=${BENCH_SMTP_PORT:-3325}
MAIL_API_PORT=${BENCH_MAIL_API_PORT:-8195}
WORK=$PWD/target/bench-mail-loader
HERTZ=$(getconf CLK_TCK)

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk (Debian package)"
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo -n); fi
    "${sudo[@]}" apt-get install -y -q wrk >/dev/null || { "${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q wrk; }
fi

rm -rf "$WORK"
mkdir -p "$WORK/without-src"
echo "Building this checkout's WAR and the one without ServiceFilesOnce"
mvn -q -DskipTests -DskipITs package
cp target/pkmnapi.war "$WORK/with.war"
cp -r pom.xml src "$WORK/without-src/"
loader=$WORK/without-src/src/main/java/com/pkmnapi/mail/ServiceFilesOnce.java
if ! grep -q 'thread.setContextClassLoader(this);' "$loader"; then
    echo "ServiceFilesOnce no longer sets itself as the context class loader: update this script" >&2
    exit 1
fi
sed -i '/thread.setContextClassLoader(this);/d' "$loader"
(cd "$WORK/without-src" && mvn -q -o -DskipTests -DskipITs package)
cp "$WORK/without-src/target/pkmnapi.war" "$WORK/without.war"
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

declare -A SERVER_PID PORT_OF=([with]=$PORT [without]=$((PORT + 1)))
for name in with without; do
    env -u PKMNAPI_SMTP_USER -u PKMNAPI_SMTP_PASSWORD PKMNAPI_DATABASE_DIR="$WORK/derby-$name" \
        PKMNAPI_RATE_LIMIT_REQUESTS=2000000000 \
        PKMNAPI_SMTP_HOST=127.0.0.1 PKMNAPI_SMTP_PORT="$SMTP_PORT" PKMNAPI_SMTP_TLS=none \
        PKMNAPI_MAIL_FROM='Pkmnapi <bench@localhost>' \
        java -Xms1g -Xmx1g -Djava.io.tmpdir="$WORK" -jar "$micro_jar" --nocluster \
        --port "${PORT_OF[$name]}" --prebootcommandfile server-config/payara/micro-defaults.asadmin \
        --postbootcommandfile server-config/payara/post-boot-commands.asadmin \
        --contextroot / --deploy "$WORK/$name.war" >"$WORK/server-$name.log" 2>&1 &
    SERVER_PID[$name]=$!
    pids+=($!)
done
for name in with without; do
    for _ in $(seq 240); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT_OF[$name]}/v1/health")" = 200 ] && break
        sleep 1
    done
done

# cpu <pid>: the process's processor time so far, in clock ticks
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

results="$WORK/results.tsv"
: >"$results"
# run <name> <seconds> [measure]: issuance on that server
run() {
    local before out after
    before=$(cpu "${SERVER_PID[$1]}")
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" -s src/bench/issue.lua "http://127.0.0.1:${PORT_OF[$1]}/v1/access_tokens" -- "$1")
    after=$(cpu "${SERVER_PID[$1]}")
    if [ "${3:-}" = measure ]; then
        local rps requests non2xx ms
        rps=$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')
        requests=$(echo "$out" | awk '/requests in/ { print $1 }')
        non2xx=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
        ms=$(awk -v t=$((after - before)) -v n="$requests" -v h="$HERTZ" 'BEGIN { printf "%.2f", t * 1000 / h / n }')
        printf '%s\t%s\t%s\n' "$1" "$rps" "$ms" >>"$results"
        printf '  %-8s %8s mails/s  %6s ms of the server'"'"'s processor per mail%s\n' "$1" "$rps" "$ms" \
            "${non2xx:+  ($non2xx answers not 201)}"
    fi
}

echo "Warming up (${WARMUP} s each)"
for name in with without; do
    run "$name" "$WARMUP"
done
echo "Measuring: $ROUNDS rounds of ${SECONDS_EACH} s, the servers taking turns (wrk -t$THREADS -c$CONNECTIONS)"
for ((round = 1; round <= ROUNDS; round++)); do
    for name in with without; do
        run "$name" "$SECONDS_EACH" measure
    done
done

# median <name> <column>
median() {
    awk -F'\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$results" | sort -n \
        | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo
echo "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(java -version 2>&1 | head -n 1)"
with_rps=$(median with 2) without_rps=$(median without 2)
with_ms=$(median with 3) without_ms=$(median without 3)
echo "issuance with ServiceFilesOnce $with_rps mails/s, without $without_rps: ratio $(awk -v a="$with_rps" -v b="$without_rps" 'BEGIN { printf "%.3f", a / b }')"
echo "the server's processor per mail with ServiceFilesOnce $with_ms ms, without $without_ms ms: ratio $(awk -v a="$with_ms" -v b="$without_ms" 'BEGIN { printf "%.3f", a / b }')"

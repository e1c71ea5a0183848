#!/usr/bin/env bash
# The benchmark of the token in use, in one command: src/bench/run.sh
#
# Builds the WAR, starts GreenMail and Payara Micro (its mail session made by the production
# script server-config/payara/post-boot-commands.asadmin), gets a real token through the mail, and
# measures with wrk, in one run:
#   - GET /v1/health, the ceiling: the same server and filters, nothing behind it;
#   - GET /v1/access_tokens/current with that token (bearer check, database lookup);
#   - POST /v1/introspect of that token (RFC 7662), as the development introspection client of
#     the realm (src/test/resources/realm), its Basic credentials on every request;
#   - POST /v1/access_tokens, each for a new address, with real SMTP delivery, beside the SMTP
#     ceiling: the mails per second the same GreenMail takes from a plain Jakarta Mail client at
#     the same concurrency (src/bench/SmtpCeiling.java); and the pair again against an SMTP server
#     that answers each command after BENCH_SMTP_DELAY_MS, where latency rather than the two shared
#     cores limits both (with GreenMail on the same cores, both are a matter of processor time per
#     mail, which the script reads from /proc for every process and prints);
# first with 10^3 tokens stored, then again with 10^6 (seeded into the database while the server
# is stopped); then the token check without cache while 40 requests for one address and 10 for
# others are stuck on an SMTP server that answers each command after 9 s; and prints the ratios. Each figure is the median of BENCH_ROUNDS runs that take
# turns with the ceiling's, after a warm-up. The machine is shared and noisy: compare the ratios,
# which come from one run, rather than the absolute figures.
#
# BENCH_DB=postgres runs the same on PostgreSQL (127.0.0.1:5432, user postgres without password, as
# on the project's machines; BENCH_PG_URL names another server) in a database pkmnapi_bench that it
# makes anew, with the driver from Maven Central added to Payara Micro with --addlibs.
#
# Settings (environment): BENCH_DB (derby), BENCH_SECONDS (8), BENCH_ROUNDS (3), BENCH_WARMUP_SECONDS (30),
# BENCH_CONNECTIONS (16),
# BENCH_THREADS (2), BENCH_LARGE_TOKENS (1000000), BENCH_PORT (8190), BENCH_SMTP_PORT (3325),
# BENCH_MAIL_API_PORT (8195), BENCH_SLOW_SMTP_PORT (3326), BENCH_SMTP_DELAY_MS (50: issuance and the
# SMTP ceiling once more against an SMTP server that answers each command after this many ms, on
# BENCH_LATENT_SMTP_PORT, 3327; 0 skips it), BENCH_ONLY (unset; "issuance" measures only
# issuance beside the SMTP ceiling, with 10^3 tokens; "stall" only the checks during the SMTP stall), BENCH_SERVER_OPTS (more JVM options for the
# server, for example a flight recording: -XX:StartFlightRecording=filename=target/bench/issue.jfr).
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_EACH=${BENCH_SECONDS:-8}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP_SECONDS:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
SMALL=1000
LARGE=${BENCH_LARGE_TOKENS:-1000000}
PORT=${BENCH_PORT:-8190}
SMTP_PORT=${BENCH_SMTP_PORT:-3325}
MAIL_API_PORT=${BENCH_MAIL_API_PORT:-8195}
SLOW_SMTP_PORT=${BENCH_SLOW_SMTP_PORT:-3326}
SMTP_DELAY_MS=${BENCH_SMTP_DELAY_MS:-50}
LATENT_SMTP_PORT=${BENCH_LATENT_SMTP_PORT:-3327}
WORK=target/bench
DB=${BENCH_DB:-derby}
ONLY=${BENCH_ONLY:-}
read -r -a SERVER_OPTS <<<"${BENCH_SERVER_OPTS:-}"
case "$ONLY" in
    "" | issuance | stall) ;;
    *) echo "BENCH_ONLY must be unset, issuance or stall, not $ONLY" >&2; exit 2 ;;
esac
PG_ADMIN_URL=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}
PG_DRIVER_VERSION=42.7.14
case "$DB" in
    derby | postgres) ;;
    *) echo "BENCH_DB must be derby or postgres, not $DB" >&2; exit 2 ;;
esac
BASE=http://127.0.0.1:$PORT

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk (Debian package)"
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo -n); fi
    "${sudo[@]}" apt-get install -y -q wrk >/dev/null || { "${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q wrk; }
fi

echo "Building the WAR"
mvn -q -DskipTests -DskipITs package
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
micro_version=$(sed -n 's:.*<payara.micro.version>\(.*\)</payara.micro.version>.*:\1:p' pom.xml | head -n 1)
micro_jar=target/servers/payara-micro-$micro_version.jar
rm -rf "$WORK"
mkdir -p "$WORK"
# the database the server uses, and the class path and URL the seeder writes to it with
db_settings=(PKMNAPI_DATABASE_DIR="$PWD/$WORK/derby")
db_addlibs=()
seed_classpath=$(ls target/pkmnapi/WEB-INF/lib/derby*.jar | paste -sd:)
seed_url="jdbc:derby:$PWD/$WORK/derby"
if [ "$DB" = postgres ]; then
    mvn -q dependency:copy -Dartifact="org.postgresql:postgresql:$PG_DRIVER_VERSION" -DoutputDirectory=target/servers
    pg_driver=target/servers/postgresql-$PG_DRIVER_VERSION.jar
    bench_url=$(echo "$PG_ADMIN_URL" | sed 's#/postgres?#/pkmnapi_bench?#')
    java -cp "$pg_driver" src/bench/SeedTokens.java "$PG_ADMIN_URL" recreate pkmnapi_bench
    db_settings=(PKMNAPI_JDBC_URL="$bench_url")
    db_addlibs=(--addlibs "$pg_driver")
    seed_classpath=$pg_driver
    seed_url=$bench_url
fi
echo "Database: $DB"

server_pid=""
mail_pid=""
slow_pid=""
latent_pid=""
stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
cleanup() {
    stop_server
    if [ -n "$latent_pid" ]; then
        kill "$latent_pid" 2>/dev/null || true
        wait "$latent_pid" 2>/dev/null || true
    fi
    if [ -n "$slow_pid" ]; then
        kill "$slow_pid" 2>/dev/null || true
        wait "$slow_pid" 2>/dev/null || true
    fi
    if [ -n "$mail_pid" ]; then
        kill "$mail_pid" 2>/dev/null || true
        wait "$mail_pid" 2>/dev/null || true
    fi
}
trap cleanup EXIT

java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.auth.disabled \
     -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
     -jar target/servers/greenmail-standalone.jar >"$WORK/greenmail.log" 2>&1 &
mail_pid=$!

# the production mail script, then the development introspection client of the realm
cat server-config/payara/post-boot-commands.asadmin src/test/resources/realm/payara-development-users.asadmin \
    >"$WORK/post-boot.asadmin"

# start_server [NAME=value ...]: the server, with these settings on top of the benchmark's own
# (PKMNAPI_SMTP_TLS=none: GreenMail on the loopback offers no STARTTLS, which the script requires
# by default; no PKMNAPI_SMTP_USER: a relay without login, so that the server's conversation with
# GreenMail is the SMTP ceiling's, without an AUTH exchange per mail)
start_server() {
    stop_server
    env -u PKMNAPI_SMTP_USER -u PKMNAPI_SMTP_PASSWORD "${db_settings[@]}" PKMNAPI_RATE_LIMIT_REQUESTS=2000000000 \
        PKMNAPI_SMTP_HOST=127.0.0.1 PKMNAPI_SMTP_PORT="$SMTP_PORT" PKMNAPI_SMTP_TLS=none \
        PKMNAPI_MAIL_FROM='Pkmnapi <bench@localhost>' "$@" \
        java -Xms1g -Xmx1g "${SERVER_OPTS[@]}" -Djava.io.tmpdir="$PWD/$WORK" -jar "$micro_jar" --nocluster \
        --port "$PORT" --prebootcommandfile server-config/payara/micro-defaults.asadmin \
        --postbootcommandfile "$WORK/post-boot.asadmin" "${db_addlibs[@]}" \
        --contextroot / --deploy target/pkmnapi.war >>"$WORK/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 240); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/v1/health")" = 200 ]; then
            return
        fi
        sleep 1
    done
    echo "The server did not come up; see $WORK/server.log" >&2
    exit 1
}

# wait_for_port <port> <pid> <log>: until the process listens on the port, or stop the benchmark
wait_for_port() {
    for _ in $(seq 60); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
            return
        fi
        if ! kill -0 "$2" 2>/dev/null; then
            break
        fi
        sleep 0.5
    done
    echo "Nothing listens on port $1; see $3" >&2
    exit 1
}

# start_slow_smtp <port> <ms per reply> <name>: the test suite's SlowSmtpServer (with the test class
# path: it needs Jakarta Mail), its log in $WORK/<name>-smtp.log, its process id in started_pid; once
# it listens
start_slow_smtp() {
    java -cp "target/test-classes:$(cat target/bench-classpath.txt)" com.pkmnapi.testsupport.SlowSmtpServer "$1" "$2" \
        >"$WORK/$3-smtp.log" 2>&1 &
    started_pid=$!
    wait_for_port "$1" "$started_pid" "$WORK/$3-smtp.log"
}

seed() {
    stop_server
    java -cp "$seed_classpath" src/bench/SeedTokens.java "$seed_url" "$1"
}

# wrk's latency figures to milliseconds
to_ms() {
    awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
           else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'
}

results="$WORK/results.tsv"
# processor time per mail, in ms: label, then the process and its share
cpu_results="$WORK/cpu.tsv"
TICK_MS=$((1000 / $(getconf CLK_TCK)))
# the processor time (ms) a process has used so far, from /proc: utime and stime
cpu_ms() { awk -v t="$TICK_MS" '{ sub(/^.*\) /, ""); print ($12 + $13) * t }' "/proc/$1/stat"; }
# the processor time (ms) of this shell's children that have ended: cutime and cstime
children_cpu_ms() { awk -v t="$TICK_MS" '{ sub(/^.*\) /, ""); print ($14 + $15) * t }' "/proc/$$/stat"; }
# warm <wrk arguments...>: load that is not measured, for the JIT
warm() {
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$@" >/dev/null
}

# measure <label> <tokens stored> <wrk arguments...>: one measured run, into $results
measure() {
    local label=$1 tokens=$2
    shift 2
    local out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$@")
    echo "$out" >>"$WORK/wrk.log"
    LAST_REQUESTS=$(echo "$out" | awk '/requests in/ { print $1 }')
    local rps avg p50 p99 errors
    rps=$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')
    avg=$(echo "$out" | awk '$1 == "Latency" { print $2; exit }' | to_ms)
    p50=$(echo "$out" | awk '$1 == "50%" { print $2 }' | to_ms)
    p99=$(echo "$out" | awk '$1 == "99%" { print $2 }' | to_ms)
    errors=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$tokens" "$rps" "$avg" "$p50" "$p99" "${errors:-0}" >>"$results"
    printf '  %-42s %9s tokens %10s req/s  avg %7s ms  p50 %7s ms  p99 %7s ms  non-2xx %s\n' \
        "$label" "$tokens" "$rps" "$avg" "$p50" "$p99" "${errors:-0}"
}

# wrk_args <target>: into ARGS, wrk's arguments for a URL with the bearer header, or for
# introspect:<url>, the introspection of the same token (src/bench/introspect.lua)
wrk_args() {
    case "$1" in
        introspect:*) ARGS=(-s src/bench/introspect.lua "${1#introspect:}") ;;
        *) ARGS=("${AUTH[@]}" "$1") ;;
    esac
}

# rounds <tokens> <label> <target> [<label> <target>]: warm each up, then ROUNDS measured runs in turn
rounds() {
    local tokens=$1
    shift
    local -a pairs=("$@")
    local i
    for ((i = 0; i < ${#pairs[@]}; i += 2)); do
        wrk_args "${pairs[i + 1]}"
        warm "${ARGS[@]}"
    done
    for ((round = 1; round <= ROUNDS; round++)); do
        for ((i = 0; i < ${#pairs[@]}; i += 2)); do
            wrk_args "${pairs[i + 1]}"
            measure "${pairs[i]}" "$tokens" "${ARGS[@]}"
        done
    done
}

# issuance_rounds <tokens> <label suffix> <SMTP port> <SMTP server pid>: issuance with the server's
# mail going to that SMTP server, and the SMTP ceiling against the same server, taking turns round
# by round after a warm-up of each, with the processor time per mail of each process
issuance_rounds() {
    local tokens=$1 suffix=$2 smtp_port=$3 smtp_pid=$4
    warm -s src/bench/issue.lua "$BASE/v1/access_tokens" -- warm
    # before each run, the previous one's last mails are let finish (or the measured run finds
    # every mail slot taken and gets the 503 of the bound, or shares the SMTP server with them)
    for ((round = 1; round <= ROUNDS; round++)); do
        sleep 2
        cpu_before=("$(cpu_ms "$server_pid")" "$(cpu_ms "$smtp_pid")" "$(children_cpu_ms)")
        measure "$ISSUE$suffix" "$tokens" -s src/bench/issue.lua "$BASE/v1/access_tokens" -- "$(date +%s)-$round"
        cpu_after=("$(cpu_ms "$server_pid")" "$(cpu_ms "$smtp_pid")" "$(children_cpu_ms)")
        awk -v l="issuance$suffix" -v n="$LAST_REQUESTS" -v s0="${cpu_before[0]}" -v s1="${cpu_after[0]}" \
            -v m0="${cpu_before[1]}" -v m1="${cpu_after[1]}" -v w0="${cpu_before[2]}" -v w1="${cpu_after[2]}" \
            'BEGIN { printf "%s\t%.2f\t%.2f\t%.2f\n", l, (s1 - s0) / n, (m1 - m0) / n, (w1 - w0) / n }' >>"$cpu_results"
        sleep 2
        # the same SMTP server, the same concurrency, no service in between (after a warm-up of
        # its own: a new JVM)
        read -r ceiling failed client_ms smtp_ms < <(java -cp "target/classes:$(cat target/bench-classpath.txt)" \
            src/bench/SmtpCeiling.java 127.0.0.1 "$smtp_port" "$CONNECTIONS" "$SECONDS_EACH" "$WARMUP" "$smtp_pid")
        printf 'ceiling%s\t%s\t%s\t\n' "$suffix" "$client_ms" "$smtp_ms" >>"$cpu_results"
        printf '%s\t%s\t%s\t\t\t\t%s\n' "$CEILING$suffix" "$tokens" "$ceiling" "$failed" >>"$results"
        printf '  %-42s %9s tokens %10s mails/s  failed %s\n' "$CEILING$suffix" "$tokens" "$ceiling" "$failed"
    done
}

echo "Starting GreenMail and Payara Micro; getting a token through the mail"
start_server
curl -s -o /dev/null "$BASE/v1/access_tokens" -H 'Content-Type: application/json' \
    -d '{"data": {"type": "access_tokens", "attributes": {"email_address": "bench@example.com"}}}'
TOKEN=$(curl -s "http://127.0.0.1:$MAIL_API_PORT/api/user/bench@example.com/messages" \
    | grep -o 'pkmn_at_[0-9A-Za-z]*' | head -n 1)
if [ -z "$TOKEN" ] || [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
        "$BASE/v1/access_tokens/current")" != 200 ]; then
    echo "No working token came by mail; see $WORK/server.log and $WORK/greenmail.log" >&2
    exit 1
fi

TRIVIAL="GET /v1/health (ceiling)"
VERIFY="GET /v1/access_tokens/current"
UNCACHED="$VERIFY, no cache"
INTROSPECT="POST /v1/introspect"
INTROSPECT_UNCACHED="$INTROSPECT, no cache"
INTROSPECT_REALM="$INTROSPECT, realm every request"
export BENCH_TOKEN=$TOKEN
BENCH_BASIC=$(printf '%s' introspector:introspector-dev | base64 -w0)
export BENCH_BASIC
if ! curl -s -u introspector:introspector-dev -d "token=$TOKEN" "$BASE/v1/introspect" | grep -q '^{"active":true,'; then
    echo "The token does not introspect as active; see $WORK/server.log" >&2
    exit 1
fi
ISSUE="POST /v1/access_tokens (+ SMTP)"
CEILING="SMTP ceiling (plain Jakarta Mail)"
LATENT=", SMTP ${SMTP_DELAY_MS} ms/reply"
# the bearer header goes on every request: the ceiling ignores it, the check needs it
AUTH=(-H "Authorization: Bearer $TOKEN")
: >"$results"
: >"$cpu_results"
sizes=("$SMALL")
if [ -z "$ONLY" ]; then sizes+=("$LARGE"); fi
if [ "$ONLY" = stall ]; then sizes=(); fi
for tokens in "${sizes[@]}"; do
    echo "Seeding to $tokens tokens"
    seed "$tokens"
    start_server
    echo "Measuring with $tokens tokens (wrk -t$THREADS -c$CONNECTIONS; ${WARMUP} s warm-up; $ROUNDS rounds of ${SECONDS_EACH} s)"
    if [ -z "$ONLY" ]; then
        rounds "$tokens" "$TRIVIAL" "$BASE/v1/health" "$VERIFY" "$BASE/v1/access_tokens/current" \
            "$INTROSPECT" "introspect:$BASE/v1/introspect"
    fi
    if [ "$tokens" = "$SMALL" ]; then
        issuance_rounds "$tokens" "" "$SMTP_PORT" "$mail_pid"
        if [ "$SMTP_DELAY_MS" != 0 ]; then
            # the same against an SMTP server that is slow rather than busy: each reply after
            # SMTP_DELAY_MS, so that the mail server's latency, not the shared processor, limits both
            start_slow_smtp "$LATENT_SMTP_PORT" "$SMTP_DELAY_MS" latent
            latent_pid=$started_pid
            start_server PKMNAPI_SMTP_PORT="$LATENT_SMTP_PORT"
            issuance_rounds "$tokens" "$LATENT" "$LATENT_SMTP_PORT" "$latent_pid"
        fi
    fi
    if [ -n "$ONLY" ]; then
        continue
    fi
    if [ "$tokens" = "$SMALL" ]; then
        # what the realm's password check costs: introspection with the caller checked by the
        # realm on every request, beside the ceiling
        start_server PKMNAPI_REALM_CACHE_SECONDS=0
        rounds "$tokens" "$TRIVIAL, realm every request" "$BASE/v1/health" "$INTROSPECT_REALM" "introspect:$BASE/v1/introspect"
    fi
    # the same check with the token cache off: every request looks the token up in the database
    start_server PKMNAPI_TOKEN_CACHE_SECONDS=0
    rounds "$tokens" "$TRIVIAL, no cache" "$BASE/v1/health" "$UNCACHED" "$BASE/v1/access_tokens/current" \
        "$INTROSPECT_UNCACHED" "introspect:$BASE/v1/introspect"
done

# the machine and the database the figures come from
machine() {
    echo "Database: $DB. Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(java -version 2>&1 | head -n 1)"
}
# stops the benchmark where a measured request did not succeed
require_all_succeeded() {
    if awk -F'\t' '$7 != 0 { found = 1 } END { exit !found }' "$results"; then
        echo "Some requests did not succeed (non-2xx above): the figures are not valid." >&2
        exit 1
    fi
}
# stops the benchmark where a request stuck on the slow SMTP server answered 500
require_no_500() {
    if echo "$stall_statuses" | grep -q ' x 500'; then
        echo "A request stuck on the SMTP server answered 500." >&2
        exit 1
    fi
}
# the median of the numbers on standard input, one a line
median() {
    sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# the median requests/s of a label's runs
rps() {
    awk -F'\t' -v l="$1" -v t="$2" '$1 == l && $2 == t { print $3 }' "$results" | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# the median of column $2 of the processor-time rows labelled $1
cpu_median() {
    awk -F'\t' -v l="$1" -v c="$2" '$1 == l { print $c }' "$cpu_results" | median
}
print_cpu() {
    echo "Processor time per mail (ms, medians; $(nproc) cores give $(($(nproc) * 1000)) ms a second):"
    echo "  issuance: the server $(cpu_median issuance 2), GreenMail $(cpu_median issuance 3), wrk $(cpu_median issuance 4)"
    echo "  SMTP ceiling: the client $(cpu_median ceiling 2), GreenMail $(cpu_median ceiling 3)"
    if [ "$SMTP_DELAY_MS" != 0 ]; then
        echo "  against the SMTP server with ${SMTP_DELAY_MS} ms per reply: issuance: the server $(cpu_median "issuance$LATENT" 2)," \
            "the SMTP server $(cpu_median "issuance$LATENT" 3), wrk $(cpu_median "issuance$LATENT" 4);" \
            "SMTP ceiling: the client $(cpu_median "ceiling$LATENT" 2), the SMTP server $(cpu_median "ceiling$LATENT" 3)"
    fi
}
# the ratio of issuance to the SMTP ceiling against the SMTP server with a delay per reply
print_latent_ratio() {
    if [ "$SMTP_DELAY_MS" != 0 ]; then
        local issue_latent smtp_latent
        issue_latent=$(rps "$ISSUE$LATENT" "$SMALL")
        smtp_latent=$(rps "$CEILING$LATENT" "$SMALL")
        printf '  %-52s %s\n' "the same, SMTP server with ${SMTP_DELAY_MS} ms per reply:" \
            "$(ratio "$issue_latent" "$smtp_latent")   ($issue_latent req/s / $smtp_latent mails/s)"
    fi
}
if [ "$ONLY" = issuance ]; then
    issue=$(rps "$ISSUE" "$SMALL")
    smtp_ceiling=$(rps "$CEILING" "$SMALL")
    echo
    machine
    echo "Medians: issuance $issue req/s, SMTP ceiling $smtp_ceiling mails/s"
    echo "issuance / SMTP ceiling: $(ratio "$issue" "$smtp_ceiling")   (target >= 0.80)"
    print_latent_ratio
    print_cpu
    require_all_succeeded
    exit 0
fi

# the tokens stored when the stall is measured: the last seeding's, or the benchmark's own one
stored=1
if [ -z "$ONLY" ]; then stored=$LARGE; fi
echo "Token checks without cache while 40 + 10 token requests are stuck on an SMTP server that"
echo "answers each command after 9 s"
start_slow_smtp "$SLOW_SMTP_PORT" 9000 slow
slow_pid=$started_pid
start_server PKMNAPI_TOKEN_CACHE_SECONDS=0 PKMNAPI_SMTP_PORT="$SLOW_SMTP_PORT"
warm "${AUTH[@]}" "$BASE/v1/access_tokens/current"
# the same server, warm, just before the stall: the p99 to compare with
CALM="$UNCACHED, just before the stall"
measure "$CALM" "$stored" "${AUTH[@]}" "$BASE/v1/access_tokens/current"
stuck=()
post() {
    curl -s -o /dev/null -w '%{http_code}\n' "$BASE/v1/access_tokens" -H 'Content-Type: application/json' \
        -d "{\"data\": {\"type\": \"access_tokens\", \"attributes\": {\"email_address\": \"$1\"}}}" >>"$WORK/stall-statuses.txt"
}
: >"$WORK/stall-statuses.txt"
stall_run=$(date +%s)
for i in $(seq 40); do post "stall-$stall_run@example.com" & stuck+=($!); done
for i in $(seq 10); do post "stall-$stall_run-$i@example.com" & stuck+=($!); done
sleep 1
STALL="$UNCACHED, SMTP stalled"
measure "$STALL" "$stored" "${AUTH[@]}" "$BASE/v1/access_tokens/current"
stuck_conversations=$(ss -Htn state established "( sport = :$SLOW_SMTP_PORT )" | wc -l)
wait "${stuck[@]}"
stall_statuses=$(sort "$WORK/stall-statuses.txt" | uniq -c | awk '{ printf "%s%s x %s", sep, $1, $2; sep = ", " }')
echo "  the 50 stuck requests answered: $stall_statuses; SMTP conversations open at the end of the measured run: $stuck_conversations"
stall_p99=$(awk -F'\t' -v l="$STALL" '$1 == l { print $6 }' "$results")
calm_p99=$(awk -F'\t' -v l="$CALM" '$1 == l { print $6 }' "$results")
if [ "$ONLY" = stall ]; then
    echo
    machine
    echo "Token checks without cache during the SMTP stall: p99 $stall_p99 ms (target < 50; just before it, $calm_p99 ms);" \
        "the stuck requests answered $stall_statuses"
    require_no_500
    exit 0
fi

trivial=$(rps "$TRIVIAL" "$SMALL")
verify=$(rps "$VERIFY" "$SMALL")
uncached=$(rps "$UNCACHED" "$SMALL")
introspect=$(rps "$INTROSPECT" "$SMALL")
introspect_uncached=$(rps "$INTROSPECT_UNCACHED" "$SMALL")
introspect_realm=$(rps "$INTROSPECT_REALM" "$SMALL")
trivial_realm=$(rps "$TRIVIAL, realm every request" "$SMALL")
trivial_uncached=$(rps "$TRIVIAL, no cache" "$SMALL")
issue=$(rps "$ISSUE" "$SMALL")
smtp_ceiling=$(rps "$CEILING" "$SMALL")
verify_large=$(rps "$VERIFY" "$LARGE")
uncached_large=$(rps "$UNCACHED" "$LARGE")
uncached_p99=$(awk -F'\t' -v l="$UNCACHED" -v t="$LARGE" '$1 == l && $2 == t { print $6 }' "$results" | sort -n | tail -n 1)
echo
echo "Medians (requests/s): ceiling $trivial, verify $verify, introspection $introspect, verify without cache" \
    "$uncached (its ceiling $trivial_uncached), introspection without cache $introspect_uncached, issuance $issue (SMTP ceiling $smtp_ceiling mails/s); with $LARGE tokens: verify $verify_large, without cache $uncached_large"
echo
machine
echo "Ratios (one run):"
printf '  %-52s %s\n' "verify / trivial, $SMALL tokens:" "$(ratio "$verify" "$trivial")   (target >= 0.80)" \
    "verify without cache / trivial, $SMALL tokens:" "$(ratio "$uncached" "$trivial_uncached")" \
    "introspection / trivial, $SMALL tokens:" "$(ratio "$introspect" "$trivial")" \
    "introspection / verify, $SMALL tokens:" "$(ratio "$introspect" "$verify")   (target >= 0.70)" \
    "introspection without cache / verify without cache:" "$(ratio "$introspect_uncached" "$uncached")" \
    "introspection, realm asked every request / trivial:" "$(ratio "$introspect_realm" "$trivial_realm")" \
    "issuance with SMTP / trivial, $SMALL tokens:" "$(ratio "$issue" "$trivial")" \
    "verify, $LARGE / $SMALL tokens:" "$(ratio "$verify_large" "$verify")   (target >= 0.90)" \
    "verify without cache, $LARGE / $SMALL tokens:" "$(ratio "$uncached_large" "$uncached")" \
    "issuance / SMTP ceiling ($smtp_ceiling mails/s):" "$(ratio "$issue" "$smtp_ceiling")   (target >= 0.80)"
print_latent_ratio
print_cpu
echo "Token checks without cache during the SMTP stall: p99 $stall_p99 ms (target < 50; just before it, $calm_p99 ms;" \
    "the slowest round's p99 without a stall $uncached_p99 ms); the stuck requests answered $stall_statuses"
require_no_500
require_all_succeeded

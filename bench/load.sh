#!/usr/bin/env bash
# Load benchmark for BMS: start-up time, then throughput and latency of GET /accounts/{id} and POST /accounts.
#
# Usage (from the project root, after building the jar):
#   ./mvnw -q -B package -DskipTests
#   bench/load.sh
#
# Settings (environment, all optional):
#   DURATION=15s      how long each measured load phase runs (wrk duration syntax)
#   WARMUP=75s        an unreported run of each endpoint first, so the JIT has compiled the hot paths: on two
#                     cores the service's CPU time per GET falls for about a minute of load (about 800 µs a
#                     request in the first 15 s, 220 µs after 60 s), so a shorter one measures the compiler
#                     (0 to skip)
#   CONNECTIONS=32    concurrent HTTP connections held open by wrk
#   THREADS=2         wrk threads
#   SEED=200          accounts created before the GET phase; GETs pick ids among them at random
#   ENDPOINTS=get,post  which load phases run (get, post or both), e.g. get alone under a profiler
#   JAVA_OPTS=        extra JVM options for the service, e.g. "-Xmx512m"
#   JAR=              the jar to run (default: target/bms-*.jar)
#   KEY=hs256         how the service checks tokens: hs256 (the secret it generates on first start) or rs256
#                     (a key pair made here with openssl, given as JWT_PUBLIC_KEY); every request carries a
#                     token signed accordingly (a jar from before the security issue just ignores it)
#
# What it does: starts the packaged jar with a fresh SQLite file in a temporary directory on a free
# 127.0.0.1 port, waits for /actuator/health to say UP, reports the start-up time (launch to UP, and Spring's
# own "Started ... in X seconds" line), seeds accounts, runs wrk against GET /accounts/{id} and then
# POST /accounts (every POST carries a number of its own, so each one is a real insert), prints requests/s,
# latency p50/p90/p99/max, error counts and the service's CPU time per request, and stops the service. Needs
# wrk (apt-get install -y wrk), curl and python3 (for picking a free port). Only ever talks to 127.0.0.1.
# Not a test: figures depend on the machine, and wrk shares the CPU with the service.
set -euo pipefail

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-75s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
SEED=${SEED:-200}
JAVA_OPTS=${JAVA_OPTS:-}
ENDPOINTS=${ENDPOINTS:-get,post}

cd "$(dirname "$0")/.."
BENCH_DIR=$(pwd)/bench

for tool in wrk curl python3 java; do
    command -v "$tool" >/dev/null || { echo "load.sh: $tool is required" >&2; exit 2; }
done

JAR=${JAR:-target/bms.jar}
[[ -n "$JAR" && -f "$JAR" ]] || { echo "load.sh: no jar; run ./mvnw -q -B package -DskipTests first" >&2; exit 2; }

WORK=$(mktemp -d -t bms-bench.XXXXXX)
SERVICE_PID=
source "$(dirname "$0")/../scripts/service.sh"

stop_service() {
    if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill "$SERVICE_PID" 2>/dev/null || true
        # Graceful shutdown is quick; do not wait forever.
        for _ in $(seq 1 100); do
            kill -0 "$SERVICE_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$SERVICE_PID" 2>/dev/null || true
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
}
cleanup() {
    stop_service
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM


echo "== BMS load benchmark"
echo "jar:         $JAR"
echo "database:    $WORK/bms.sqlite (fresh)"
echo "load:        $DURATION per endpoint, $CONNECTIONS connections, $THREADS wrk threads"
echo "machine:     $(nproc) CPU(s), load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo

KEY=${KEY:-hs256}
if [[ $KEY == rs256 ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
    openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
fi

# The service signs with the key given, or else with a secret of its own, made beside the database.
unset JWT_SECRET JWT_ISSUER_URI
[[ $KEY != rs256 ]] || export JWT_PUBLIC_KEY=$WORK/public.pem
# shellcheck disable=SC2086
SERVICE_JAR=$JAR SERVICE_PATIENCE=60 service_start "$WORK/service" "$WORK/bms.sqlite" $JAVA_OPTS || exit 1
SERVICE_PID=$service_pid
BASE=$service_url
echo "target:      $BASE"

SPRING_STARTED=$(grep -o 'Started BmsApplication in [0-9.]* seconds[^"]*' "$WORK/service/console.log" | head -1 || true)
echo "== Start-up"
echo "launch to health UP: $service_up_ms ms"
echo "Spring reports:      ${SPRING_STARTED:-<no 'Started' line found>}"
echo

base64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
# An ADMIN's token for an hour, signed as the service checks it.
mint_token() {
    local now header claims
    now=$(date +%s)
    header=$(printf '{"alg":"%s","typ":"JWT"}' "${KEY^^}" | base64url)
    claims=$(printf '{"sub":"bench","roles":["ADMIN"],"iat":%d,"exp":%d}' "$now" $((now + 3600)) | base64url)
    if [[ $KEY == rs256 ]]; then
        printf '%s.%s.%s' "$header" "$claims" \
            "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$WORK/private.pem" | base64url)"
    elif [[ -f $WORK/bms-secret.key ]]; then
        printf '%s.%s.%s' "$header" "$claims" "$(printf '%s.%s' "$header" "$claims" \
            | openssl dgst -sha256 -hmac "$(head -n1 "$WORK/bms-secret.key")" -binary | base64url)"
    fi
}
TOKEN=$(mint_token)
export TOKEN
if [[ -n "$TOKEN" ]]; then
    echo "tokens:      $KEY (each request carries one)"
else
    echo "tokens:      none (the jar made no secret)"
fi
AUTH=(-H "Authorization: Bearer $TOKEN")

echo "== Seeding $SEED accounts"
SEED_FAILURES=0
for i in $(seq 1 "$SEED"); do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${AUTH[@]}" -H 'Content-Type: application/json' \
        -d "{\"name\":\"Seed $i\",\"number\":\"$(printf '1%09d' "$i")\",\"balance\":\"$i.50\"}" "$BASE/accounts")
    [[ "$status" == 201 ]] || SEED_FAILURES=$((SEED_FAILURES + 1))
done
echo "seed failures: $SEED_FAILURES"
[[ "$SEED_FAILURES" == 0 ]] || { echo "load.sh: seeding failed" >&2; exit 1; }
echo

# RUN tells post_account.lua which block of numbers to use, so no two wrk runs send the same number.
RUN=0
run_phase() {
    local title=$1 script=$2 duration=$3
    RUN=$((RUN + 1))
    echo "== $title"
    local cpu_before requests
    cpu_before=$(service_cpu_ticks)
    SEED="$SEED" RUN="$RUN" wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s -s "$script" "$BASE" \
        | tee "$WORK/wrk.out" | grep -E '^(RESULT|Running|  [0-9]+ requests|Requests/sec|  Socket errors|  Non-2xx)'
    # The service's own CPU time per request: unlike requests/s, not moved by wrk's share of the two cores.
    requests=$(grep -o '^RESULT requests=[0-9]*' "$WORK/wrk.out" | cut -d= -f2)
    if [[ -n $requests && $requests -gt 0 ]]; then
        echo "service CPU per request: $(( ($(service_cpu_ticks) - cpu_before) * 1000000 / $(getconf CLK_TCK) / requests )) µs"
    fi
    echo
}
# User plus system CPU time the service has used so far, in clock ticks (proc(5): fields 14 and 15).
service_cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat"
}

if [[ "$WARMUP" != 0 ]]; then
    [[ ,$ENDPOINTS, != *,get,* ]] ||
        run_phase "warm-up GET /accounts/{id} (not measured)" "$BENCH_DIR/get_account.lua" "$WARMUP" >/dev/null
    [[ ,$ENDPOINTS, != *,post,* ]] ||
        run_phase "warm-up POST /accounts (not measured)" "$BENCH_DIR/post_account.lua" "$WARMUP" >/dev/null
    echo "(warm-up done: $WARMUP per endpoint)"
    echo
fi
echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
[[ ,$ENDPOINTS, != *,get,* ]] || run_phase "GET /accounts/{id}" "$BENCH_DIR/get_account.lua" "$DURATION"
[[ ,$ENDPOINTS, != *,post,* ]] || run_phase "POST /accounts" "$BENCH_DIR/post_account.lua" "$DURATION"

ACCOUNTS=$(curl -fsS --max-time 10 "${AUTH[@]}" "$BASE/accounts?size=1" | grep -o '"totalElements":[0-9]*' | cut -d: -f2)
echo "== After the run"
echo "active accounts in the database: $ACCOUNTS"
echo "server-side errors logged:       $(grep -c '"level":"ERROR"' "$WORK/service/console.log" || true)"
echo "busy (503) refusals logged:      $(grep -c 'Database busy' "$WORK/service/console.log" || true)"

stop_service
echo "service stopped"

#!/usr/bin/env bash
# Start-up benchmark for the command-line client: how long one command takes, launch to exit, as a user
# types it (a fresh JVM each time).
#
# Usage (from the project root, after building the jars):
#   ./mvnw -q -B package -DskipTests
#   bench/cli.sh
#
# Settings (environment, all optional):
#   RUNS=10    runs of each command; the median and the slowest are reported
#
# What it does: starts target/bms.jar on a free 127.0.0.1 port over a fresh SQLite file in a temporary
# directory, waits for /actuator/health UP, warms it up with a few hundred requests, then times each command of target/bms-cli.jar RUNS times (and, for
# comparison, `list` through the service jar's `client` argument), checks every exit code, and stops the
# service. Needs curl and python3. Only ever talks to 127.0.0.1. Not a test: figures depend on the machine.
set -euo pipefail

# The service checks HS256 tokens with this secret; every request carries an ADMIN's token minted with it.
BENCH_SECRET=bench-secret-of-at-least-32-bytes-for-hs256
export BMS_TOKEN
BMS_TOKEN=$(JWT_SECRET=$BENCH_SECRET java -jar "$(dirname "$0")/../target/bms-cli.jar" token --subject bench --role ADMIN)

RUNS=${RUNS:-10}

cd "$(dirname "$0")/.."
for jar in target/bms.jar target/bms-cli.jar; do
    [[ -f $jar ]] || { echo "cli.sh: no $jar; run ./mvnw -q -B package -DskipTests first" >&2; exit 2; }
done

WORK=$(mktemp -d -t bms-cli-bench.XXXXXX)
SERVICE_PID=
source "$(dirname "$0")/../scripts/service.sh"
cleanup() {
    if [[ -n $SERVICE_PID ]]; then
        kill "$SERVICE_PID" 2>/dev/null || true
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

JWT_SECRET="$BENCH_SECRET" service_start "$WORK/service" "$WORK/bms.sqlite" || exit 1
SERVICE_PID=$service_pid
URL=$service_url

echo "== BMS client start-up: launch to exit, $RUNS runs each"
echo "machine: $(nproc) CPU(s), load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
printf '%-44s %9s %9s\n' "command" "median" "slowest"

# time_command EXPECTED_EXIT LABEL COMMAND...: runs it RUNS times; prints the median and slowest in ms.
time_command() {
    local expected=$1 label=$2 times=() status start
    shift 2
    for ((i = 0; i < RUNS; i++)); do
        start=$(date +%s%N)
        status=0
        "$@" >/dev/null 2>&1 || status=$?
        times+=($((($(date +%s%N) - start) / 1000000)))
        [[ $status == "$expected" ]] || { echo "cli.sh: '$label' exited $status, expected $expected" >&2; exit 1; }
    done
    mapfile -t times < <(printf '%s\n' "${times[@]}" | sort -n)
    local median=$(((times[(RUNS - 1) / 2] + times[RUNS / 2]) / 2))
    printf '%-44s %6s ms %6s ms\n' "$label" "$median" "${times[$((RUNS - 1))]}"
}

cli() { java -jar target/bms-cli.jar --url "$URL" "$@"; }
java -jar target/bms-cli.jar --url "$URL" create "Bench Holder" 100000000 12.50 >/dev/null
# A service that has been up a while has its request paths compiled; so should this one be, since what is
# measured here is the client.
for _ in $(seq 1 200); do
    curl -fsS -H "Authorization: Bearer $BMS_TOKEN" -o /dev/null "$URL/accounts/1" && curl -fsS -H "Authorization: Bearer $BMS_TOKEN" -o /dev/null "$URL/accounts"
    curl -fsS -H "Authorization: Bearer $BMS_TOKEN" -o /dev/null -H 'Cache-Control: no-cache' "$URL/batch/total"
done
next_number=100000001
create() { cli create "Bench Holder" "$((next_number++))" 12.50; }

time_command 0 "bms-cli.jar --version" java -jar target/bms-cli.jar --version
time_command 0 "bms-cli.jar create NAME NUMBER 12.50" create
time_command 0 "bms-cli.jar get 1" cli get 1
time_command 0 "bms-cli.jar list" cli list
time_command 0 "bms-cli.jar total" cli total
time_command 1 "bms-cli.jar get 999999 (a 404)" cli get 999999
time_command 2 "bms-cli.jar --url http://127.0.0.1:9 list" java -jar target/bms-cli.jar --url http://127.0.0.1:9 list
time_command 0 "bms.jar client list (the service jar)" java -jar target/bms.jar client --url "$URL" list

#!/usr/bin/env bash
# Batch-total benchmark: the service's uncached GET /batch/total against a plain SQLite SUM, on one file
# holding ACCOUNTS accounts (default 1,000,000), with the service's heap capped (default -Xmx256m).
#
# Usage (from the project root, after building the jar):
#   ./mvnw -q -B package -DskipTests
#   bench/batch-total.sh
#
# Settings (environment, all optional):
#   ACCOUNTS=1000000   accounts in the file (every 50th closed, balances in USD, EUR and JPY)
#   RUNS=9             measured runs of each side; the medians are compared
#   WARMUPS=40         unmeasured requests first, so that the JIT has compiled the path, as for every HTTP figure
#   HEAP=-Xmx256m      heap setting of the service
#   BATCH_SIZE=1000    the service's chunk size
#
# What it does: starts the jar once on a fresh file so that Flyway creates the schema, stops it, fills
# the file with the sqlite3 command-line tool, starts the jar again with the heap cap, warms up (WARMUPS), then
# times RUNS requests of GET /batch/total with Cache-Control: no-cache (curl's total time) and RUNS runs
# of SELECT SUM(balance_minor) FROM account WHERE status = 'ACTIVE' in sqlite3 (its .timer), and prints
# both medians and their ratio (issue 14's goal: at most 1.0). Needs curl, sqlite3 and python3. Only talks to
# 127.0.0.1; stops the service at the end.
set -euo pipefail

# The service checks HS256 tokens with this secret; every request carries an ADMIN's token minted with it.
BENCH_SECRET=bench-secret-of-at-least-32-bytes-for-hs256
export BMS_TOKEN
BMS_TOKEN=$(JWT_SECRET=$BENCH_SECRET java -jar "$(dirname "$0")/../target/bms-cli.jar" token --subject bench --role ADMIN)

ACCOUNTS=${ACCOUNTS:-1000000}
RUNS=${RUNS:-9}
WARMUPS=${WARMUPS:-40}
HEAP=${HEAP:--Xmx256m}
BATCH_SIZE=${BATCH_SIZE:-1000}

cd "$(dirname "$0")/.."
for tool in curl sqlite3 python3 java; do
    command -v "$tool" >/dev/null || { echo "batch-total.sh: $tool is required" >&2; exit 2; }
done
JAR=${JAR:-target/bms.jar}
[[ -n "$JAR" && -f "$JAR" ]] || { echo "batch-total.sh: no jar; run ./mvnw -q -B package -DskipTests" >&2; exit 2; }

WORK=$(mktemp -d -t bms-batch.XXXXXX)
DB="$WORK/bms.sqlite"
SERVICE_PID=
source "$(dirname "$0")/../scripts/service.sh"

start_service() {
    # shellcheck disable=SC2086
    BATCH_SIZE="$BATCH_SIZE" JWT_SECRET="$BENCH_SECRET" SERVICE_JAR=$JAR service_start "$WORK/service" "$DB" $HEAP \
        || exit 1
    SERVICE_PID=$service_pid
    BASE=$service_url
}
stop_service() {
    if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill "$SERVICE_PID"
        wait "$SERVICE_PID" 2>/dev/null || true
    fi
    SERVICE_PID=
}
trap 'stop_service; rm -rf "$WORK"' EXIT INT TERM

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

echo "== BMS batch-total benchmark: $ACCOUNTS accounts, heap $HEAP, chunks of $BATCH_SIZE"
echo "machine: $(nproc) CPU(s), $(java -version 2>&1 | head -1), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"

start_service
stop_service
FILL_START=$(date +%s%3N)
sqlite3 "$DB" <<SQL
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < $ACCOUNTS)
INSERT INTO account (name, name_folded, number, balance_minor, currency, status, created_at, updated_at, version)
SELECT 'Holder ' || x, 'holder ' || x, printf('%010d', x), (x * 7919) % 100000000,
       CASE x % 3 WHEN 0 THEN 'USD' WHEN 1 THEN 'EUR' ELSE 'JPY' END,
       CASE WHEN x % 50 = 0 THEN 'CLOSED' ELSE 'ACTIVE' END, 0, 0, 0
FROM n;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
echo "filled in $(( $(date +%s%3N) - FILL_START )) ms: $(du -h "$DB" | cut -f1)"

start_service
for _ in $(seq 1 "$WARMUPS"); do curl -fsS -H "Authorization: Bearer $BMS_TOKEN" -o /dev/null -H 'Cache-Control: no-cache' "$BASE/batch/total"; done

SERVICE_TIMES=()
ELAPSED=()
for _ in $(seq 1 "$RUNS"); do
    SERVICE_TIMES+=("$(curl -fsS -H "Authorization: Bearer $BMS_TOKEN" -o "$WORK/total.json" -w '%{time_total}' -H 'Cache-Control: no-cache' "$BASE/batch/total")")
    ELAPSED+=("$(grep -o '"elapsedMs":[0-9]*' "$WORK/total.json" | cut -d: -f2)")
done
SERVICE_MS=$(printf '%s\n' "${SERVICE_TIMES[@]}" | awk '{printf "%.1f\n", $1 * 1000}' | median)
ELAPSED_MS=$(printf '%s\n' "${ELAPSED[@]}" | median)
RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$SERVICE_PID/status")
stop_service

SUM_QUERY="SELECT SUM(balance_minor) FROM account WHERE status = 'ACTIVE';"
SQL_MS=$( (echo ".timer on"; for _ in $(seq 1 "$((RUNS + 2))"); do echo "$SUM_QUERY"; done) | sqlite3 "$DB" \
    | grep -o 'real [0-9.]*' | tail -n "$RUNS" | awk '{printf "%.1f\n", $2 * 1000}' | median)

echo
echo "service body:  $(cat "$WORK/total.json")"
echo "service:       median $SERVICE_MS ms per uncached GET /batch/total (curl total; the service's own elapsedMs: $ELAPSED_MS), peak RSS $((RSS_KB / 1024)) MiB"
echo "sqlite3 SUM:   median $SQL_MS ms ($SUM_QUERY)"
echo "ratio:         $(awk -v a="$SERVICE_MS" -v b="$SQL_MS" 'BEGIN {printf "%.2f", a / b}') (goal <= 1.0)"
echo "errors logged: $(grep -c '"level":"ERROR"' "$WORK/service/console.log" || true)"

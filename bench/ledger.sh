#!/usr/bin/env bash
# The ledger under load, in one run: POST /transfers with 64 clients, spread uniformly over 100 accounts and all on
# one hot account, on SQLite (synchronous=FULL, the service's setting) and on PostgreSQL, beside the service's floor
# (GET /actuator/health/liveness) and the disk's raw rate of durable one-row commits (SQLite from Python, PostgreSQL
# from pgbench, one client and 64); then the uncached reconciliation over 1,000,000 accounts and 5,000,000
# movements with the service in -Xmx256m, on both databases.
#
# Usage (from the project root, after building the jar): ./mvnw -q -B package -DskipTests && bench/ledger.sh
#
# Settings (environment, all optional):
#   DURATION=15s  each measured wrk phase   WARMUP=20s  an unmeasured run first   CONNECTIONS=64  wrk connections
#   ACCOUNTS=100  accounts the transfers move between     BIG_ACCOUNTS=1000000  BIG_MOVEMENTS=5000000
#   STEPS=commit,load,reconcile   which parts run
#   DATABASES="sqlite postgresql"  which databases the load and the reconciliation run on
#   PGURL=postgresql://postgres@127.0.0.1:5432   databases bms_bench_* are created and dropped here
# Needs wrk, psql, pgbench, sqlite3, curl, openssl, python3. Talks to 127.0.0.1 only. Not a test: wrk, the service
# and PostgreSQL share the machine's cores.
set -euo pipefail

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-64}
ACCOUNTS=${ACCOUNTS:-100}
BIG_ACCOUNTS=${BIG_ACCOUNTS:-1000000}
BIG_MOVEMENTS=${BIG_MOVEMENTS:-5000000}
STEPS=${STEPS:-commit,load,reconcile}
PGURL=${PGURL:-postgresql://postgres@127.0.0.1:5432}

cd "$(dirname "$0")/.."
BENCH_DIR=$(pwd)/bench
JAR=${JAR:-target/bms.jar}
source "$BENCH_DIR/lib.sh"
needs ledger.sh wrk psql pgbench sqlite3 curl openssl python3 java

WORK=$(mktemp -d -t bms-ledger.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    for db in bms_bench_ledger bms_bench_commit bms_bench_reconcile; do
        psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

export JWT_SECRET
JWT_SECRET=$(openssl rand -base64 48)
TOKEN=$(mint_admin_token)
export TOKEN ACCOUNTS
fresh_pg() { PGOPTIONS="-c client_min_messages=warning" psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }

RUN=0
# measure TITLE SCRIPT BASE [ENV...]: a warm-up, then one measured wrk phase; prints req/s, p99 and the statuses.
measure() {
    local title=$1 script=$2 base=$3 line
    shift 3
    RUN=$((RUN + 1))
    env "$@" RUN=$RUN wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/$script.lua" "$base" >/dev/null
    RUN=$((RUN + 1))
    line=$(env "$@" RUN=$RUN wrk --latency -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$BENCH_DIR/$script.lua" "$base")
    printf '%-44s %10s req/s   p99 %8s   %s\n' "$title" \
        "$(awk '/Requests\/sec/ {print $2}' <<<"$line")" "$(awk '$1 == "99%" {print $2}' <<<"$line")" \
        "$(grep -o '^RESULT.*' <<<"$line" | sed 's/^RESULT //; s/ socket_errors.*//')"
}

# reconciled BASE: the reconciliation's movements and mismatches, one line.
reconciled() {
    curl -fsS -H "Authorization: Bearer $TOKEN" "$1/batch/reconciliation" \
        | python3 -c 'import json,sys; r=json.load(sys.stdin); print("reconciliation: %d accounts, %d movements, %d mismatches, %d ms" % (r["accounts"], r["movements"], len(r["mismatches"]), r["elapsedMs"]))'
}

echo "== BMS ledger: $(nproc) CPU(s), $(psql "$PGURL/postgres" -Atc 'SELECT version()' | cut -d' ' -f1-2), wrk -c$CONNECTIONS, $WARMUP warm-up, $DURATION measured"

if [[ ,$STEPS, == *,commit,* ]]; then
    echo "-- raw durable one-row commits on this disk ($WORK)"
    printf '%-44s %10s commits/s\n' "SQLite WAL, synchronous=FULL, one writer" "$(raw_sqlite_commits "$WORK/raw.sqlite")"
    fresh_pg bms_bench_commit
    psql "$PGURL/bms_bench_commit" -qc "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, v INTEGER)"
    echo 'INSERT INTO t (v) VALUES (1);' >"$WORK/insert.sql"
    for clients in 1 "$CONNECTIONS"; do
        printf '%-44s %10s commits/s\n' "PostgreSQL, $clients client(s)" \
            "$(pgbench -n -c "$clients" -j 2 -T 5 -f "$WORK/insert.sql" "$PGURL/bms_bench_commit" 2>/dev/null \
                | awk '/^tps/ {print $3}')"
    done
fi

# open_accounts BASE: ACCOUNTS accounts of 1,000,000.00 each, ids 1..ACCOUNTS on a fresh database.
open_accounts() {
    for i in $(seq 1 "$ACCOUNTS"); do
        curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -d "{\"name\":\"Bench $i\",\"number\":\"$(printf '2%09d' "$i")\",\"balance\":\"1000000.00\"}" "$1/accounts"
    done
}

if [[ ,$STEPS, == *,load,* ]]; then
    for database in ${DATABASES:-sqlite postgresql}; do
        if [[ $database == sqlite ]]; then
            start sqlite "$WORK/sqlite/bms.sqlite"
            title=SQLite
        else
            fresh_pg bms_bench_ledger
            start pg "$PGURL/bms_bench_ledger"
            title=PostgreSQL
        fi
        base="http://127.0.0.1:$port"
        open_accounts "$base"
        measure "$title: GET /actuator/health/liveness" liveness "$base"
        measure "$title: POST /transfers, uniform" transfer "$base"
        measure "$title: POST /transfers, one hot account" transfer "$base" HOT=1
        # Again once the JIT has had minutes of load: early in the process the floor is not yet what it becomes.
        measure "$title: GET /actuator/health/liveness, again" liveness "$base"
        reconciled "$base"
        stop_last
    done
fi

[[ ,$STEPS, == *,reconcile,* ]] || exit 0
echo "-- GET /batch/reconciliation over $BIG_ACCOUNTS accounts and $BIG_MOVEMENTS movements, service in -Xmx256m"
# Deposits of 0.01 to 99.99 spread over the accounts, each with its two postings; every balance is their sum.
fill_sql() {
    cat <<SQL
INSERT INTO account (id, name, name_folded, number, balance_minor, currency, status, created_at, updated_at)
SELECT g, 'Holder ' || g, 'holder ' || g, CAST(3000000000 + g AS TEXT), 0,
       CASE g % 3 WHEN 0 THEN 'USD' WHEN 1 THEN 'EUR' ELSE 'JPY' END, 'ACTIVE', 0, 0
  FROM $1(1, $BIG_ACCOUNTS) AS s(g);
INSERT INTO movement (id, type, currency, amount_minor, from_account, to_account, created_at, created_by)
SELECT g, 'DEPOSIT', CASE (g % $BIG_ACCOUNTS + 1) % 3 WHEN 0 THEN 'USD' WHEN 1 THEN 'EUR' ELSE 'JPY' END,
       1 + (CAST(g AS BIGINT) * 7919) % 9999, NULL, g % $BIG_ACCOUNTS + 1, 0, 'bench'
  FROM $1(1, $BIG_MOVEMENTS) AS s(g);
INSERT INTO posting (id, movement_id, account_id, currency, amount_minor, balance_after)
SELECT 2 * id, id, NULL, currency, -amount_minor, NULL FROM movement;
INSERT INTO posting (id, movement_id, account_id, currency, amount_minor, balance_after)
SELECT 2 * id + 1, id, to_account, currency, amount_minor, 0 FROM movement;
UPDATE account SET balance_minor = (SELECT sum(amount_minor) FROM movement WHERE to_account = account.id);
SQL
}
for database in ${DATABASES:-sqlite postgresql}; do
    if [[ $database == sqlite ]]; then
        file="$WORK/big/bms.sqlite"
        start big-schema "$file"
        stop_last
        # generate_series is an extension of the sqlite3 shell; a recursive CTE stands in for it.
        { echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; BEGIN; CREATE INDEX bench_movement_to ON movement (to_account);"
          fill_sql series | sed "s/FROM series(1, \([0-9]*\)) AS s(g)/FROM (WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < \1) SELECT g FROM s) AS s/"
          echo "DROP INDEX bench_movement_to; COMMIT; ANALYZE;"; } | sqlite3 "$file" >/dev/null
        start big "$file" -Xmx256m
        title=SQLite
    else
        fresh_pg bms_bench_reconcile
        start big-schema "$PGURL/bms_bench_reconcile"
        stop_last
        { echo "CREATE INDEX bench_movement_to ON movement (to_account);"
          fill_sql generate_series
          echo "DROP INDEX bench_movement_to; SELECT setval(pg_get_serial_sequence('movement', 'id'), $BIG_MOVEMENTS); VACUUM ANALYZE;"; } \
            | psql -q -v ON_ERROR_STOP=1 "$PGURL/bms_bench_reconcile" >/dev/null
        start big "$PGURL/bms_bench_reconcile" -Xmx256m
        title=PostgreSQL
    fi
    for i in 1 2 3; do
        start_ms=$(date +%s%3N)
        line=$(reconciled "http://127.0.0.1:$port")
        echo "$title run $i: $(( $(date +%s%3N) - start_ms )) ms end to end; $line"
    done
    echo "$title: the service's peak resident memory $(awk '/VmHWM/ {print $2, $3}' "/proc/${PIDS[-1]}/status" 2>/dev/null || echo '?')"
    stop_last
done

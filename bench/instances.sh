#!/usr/bin/env bash
# Several instances: GET /accounts/{id} and POST /accounts on SQLite, on PostgreSQL with one instance, and on
# PostgreSQL with two instances behind nginx, in one run; then the uncached batch total over 1,000,000 accounts on
# PostgreSQL beside psql's own SELECT sum(...) on the same table.
#
# Usage (from the project root, after building the jar): ./mvnw -q -B package -DskipTests && bench/instances.sh
#
# Settings (environment, all optional):
#   DURATION=15s   each measured wrk phase        WARMUP=30s  an unmeasured run of each endpoint first
#   CONNECTIONS=32 wrk connections                ACCOUNTS=1000000  accounts for the batch total
#   STEPS=load,total  which parts run: the load phases, the batch total, or both
#   PGURL=postgresql://postgres@127.0.0.1:5432   the server (trust authentication); databases bms_bench_* are
#                  created and dropped here
# Needs wrk, nginx (apt-get install -y wrk nginx), psql, curl, openssl, python3. Talks to 127.0.0.1 only. Not a
# test: on two cores the instances, nginx, PostgreSQL and wrk share the CPU, so the two-instance figure says what
# the sharing costs here, not what two machines would do.
set -euo pipefail

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-32}
ACCOUNTS=${ACCOUNTS:-1000000}
SEED=200
PGURL=${PGURL:-postgresql://postgres@127.0.0.1:5432}
STEPS=${STEPS:-load,total}

cd "$(dirname "$0")/.."
BENCH_DIR=$(pwd)/bench
JAR=${JAR:-target/bms.jar}
source "$BENCH_DIR/lib.sh"
needs instances.sh wrk nginx psql curl openssl python3 java

WORK=$(mktemp -d -t bms-instances.XXXXXX)
PIDS=()
NGINX_PID=
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    [[ -z $NGINX_PID ]] || kill "$NGINX_PID" 2>/dev/null || true
    for db in bms_bench_one bms_bench_two bms_bench_total; do
        psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

export JWT_SECRET
JWT_SECRET=$(openssl rand -base64 48)
TOKEN=$(mint_admin_token)
export TOKEN

seed() {
    for i in $(seq 1 "$SEED"); do
        curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -d "{\"name\":\"Seed $i\",\"number\":\"$(printf '1%09d' "$i")\",\"balance\":\"$i.50\"}" "$1/accounts"
    done
}

RUN=0
# phase TITLE BASE: warm-up then measured GET and POST; prints one line per endpoint.
phase() {
    local title=$1 base=$2 script line
    for script in get_account post_account; do
        RUN=$((RUN + 1))
        SEED=$SEED RUN=$RUN wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/$script.lua" "$base" >/dev/null
        RUN=$((RUN + 1))
        line=$(SEED=$SEED RUN=$RUN wrk --latency -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$BENCH_DIR/$script.lua" "$base")
        printf '%-34s %-18s %10s req/s   p99 %8s   %s\n' "$title" "$script" \
            "$(awk '/Requests\/sec/ {print $2}' <<<"$line")" "$(awk '$1 == "99%" {print $2}' <<<"$line")" \
            "$(grep -o '^RESULT.*' <<<"$line" | sed 's/^RESULT //')"
    done
}

echo "== BMS on SQLite, on PostgreSQL, and two instances behind nginx"
echo "machine: $(nproc) CPU(s); $(psql "$PGURL/postgres" -Atc 'SELECT version()' | cut -d' ' -f1-2); wrk -c$CONNECTIONS, $WARMUP warm-up, $DURATION measured"

if [[ ,$STEPS, == *,load,* ]]; then
start sqlite "$WORK/sqlite/bms.sqlite"
seed "http://127.0.0.1:$port"
phase "SQLite, one instance" "http://127.0.0.1:$port"
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true

psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS bms_bench_one WITH (FORCE)" -c "CREATE DATABASE bms_bench_one"
start pg-one "$PGURL/bms_bench_one"
seed "http://127.0.0.1:$port"
phase "PostgreSQL, one instance" "http://127.0.0.1:$port"
kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true

psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS bms_bench_two WITH (FORCE)" -c "CREATE DATABASE bms_bench_two"
start pg-a "$PGURL/bms_bench_two"
first=$port
start pg-b "$PGURL/bms_bench_two"
second=$port
lb=$(free_port)
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    upstream bms { server 127.0.0.1:$first; server 127.0.0.1:$second; keepalive 64; }
    server {
        listen 127.0.0.1:$lb;
        location / {
            proxy_pass http://bms;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
        }
    }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$lb/actuator/health" >/dev/null 2>&1 && break; sleep 0.1; done
seed "http://127.0.0.1:$lb"
phase "PostgreSQL, two instances + nginx" "http://127.0.0.1:$lb"
kill "$NGINX_PID"; NGINX_PID=
for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
PIDS=()
fi

[[ ,$STEPS, == *,total,* ]] || exit 0
echo
echo "== Uncached GET /batch/total over $ACCOUNTS accounts on PostgreSQL, beside psql's SELECT sum(...)"
psql "$PGURL/postgres" -qc "DROP DATABASE IF EXISTS bms_bench_total WITH (FORCE)" -c "CREATE DATABASE bms_bench_total"
start pg-total "$PGURL/bms_bench_total"
psql "$PGURL/bms_bench_total" -qc "INSERT INTO account (name, name_folded, number, balance_minor, currency, status,
      created_at, updated_at)
    SELECT 'Holder ' || g, 'holder ' || g, lpad(g::text, 10, '0'), (g::bigint * 7919) % 100000000,
           (ARRAY['USD', 'EUR', 'JPY'])[1 + g % 3], 'ACTIVE', 0, 0
      FROM generate_series(1, $ACCOUNTS) AS g" -c "VACUUM ANALYZE account"
for i in 1 2 3 4 5 6; do
    start_ms=$(date +%s%3N)
    curl -fsS -o "$WORK/total.json" -H "Authorization: Bearer $TOKEN" -H 'Cache-Control: no-cache' \
        "http://127.0.0.1:$port/batch/total"
    echo "GET /batch/total (no-cache) run $i: $(( $(date +%s%3N) - start_ms )) ms (service: $(grep -o '"elapsedMs":[0-9]*' "$WORK/total.json" | cut -d: -f2) ms)"
done
for i in 1 2 3; do
    psql "$PGURL/bms_bench_total" -Atc '\timing on' \
        -c "SELECT currency, sum(balance_minor) FROM account WHERE status = 'ACTIVE' GROUP BY currency" | grep Time
done
echo "totals agree: $(psql "$PGURL/bms_bench_total" -Atc "SELECT sum(balance_minor) FROM account") minor units in all (psql)"

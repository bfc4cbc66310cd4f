#!/usr/bin/env bash
# Every figure of the service in one run, beside what this machine does without it, as one table with ratios:
# launch to health UP, by java -jar and by scripts/fast-start.sh (on this Java, and on Java 25 if JAVA25 names one,
# default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java); GET /actuator/health/liveness against nginx serving a static
# JSON file; GET /accounts/{id} and POST /accounts (synchronous=FULL) against liveness and the disk's raw rate of
# durable one-row commits; the service's resident memory idle and at its peak under that load, in -Xmx256m; the
# uncached batch total over 1,000,000 accounts against sqlite3's own SUM on the same file (bench/batch-total.sh).
#
# Usage (from the project root, after building the jar): ./mvnw -q -B package -DskipTests && bench/run.sh
#
# Settings (environment, all optional):
#   JAR=target/bms.jar   the jar measured (another build: JAR=/tmp/old.jar)
#   DURATION=15s  each measured wrk phase     WARMUP=60s  an unmeasured run of each endpoint first (the JIT)
#   CONNECTIONS=32  THREADS=2  wrk's          STARTS=2    how many times start-up is timed
#   HEAP=-Xmx256m   the service's heap        STEPS=startup,http,total   which parts run
# Needs wrk and nginx (apt-get install -y wrk nginx), sqlite3, curl, openssl, python3. Talks to 127.0.0.1 only.
# Not a test: the service, wrk and nginx share the machine's cores; CI times nothing.
set -euo pipefail

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-60s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
STARTS=${STARTS:-2}
HEAP=${HEAP:--Xmx256m}
STEPS=${STEPS:-startup,http,total}
SEED=200

cd "$(dirname "$0")/.."
BENCH_DIR=$(pwd)/bench
JAR=${JAR:-target/bms.jar}
source "$BENCH_DIR/lib.sh"
needs run.sh wrk nginx sqlite3 curl openssl python3 java

WORK=$(mktemp -d -t bms-run.XXXXXX)
PIDS=()
NGINX_PID=
cleanup() {
    [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null || true
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

export JWT_SECRET TOKEN SEED
JWT_SECRET=$(openssl rand -base64 48)
TOKEN=$(mint_admin_token)

ROWS=()
# row FIGURE BMS REFERENCE RATIO GOAL: one line of the table.
row() { ROWS+=("$(printf '| %s | %s | %s | %s | %s |' "$@")"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
met() { awk -v r="$1" -v g="$2" -v op="$3" 'BEGIN { ok = (op == "<=") ? (r <= g) : (r >= g); print (ok ? "met" : "not met") }'; }
rss_mib() { awk '/'"$2"'/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# measure SCRIPT BASE: a warm-up, then one measured phase; sets RPS and P99 (ms).
RUN=0
measure() {
    local out
    RUN=$((RUN + 1))
    [[ $WARMUP == 0 ]] || RUN=$RUN wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$BENCH_DIR/$1.lua" "$2" >/dev/null
    RUN=$((RUN + 1))
    out=$(RUN=$RUN wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$BENCH_DIR/$1.lua" "$2")
    RPS=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
    P99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; printf "%.1f", v}' <<<"$out")
    grep -q 's5xx=0\|5xx=0' <<<"$out" || echo "run.sh: $1 answered 5xx: $(grep -o '^RESULT.*' <<<"$out")" >&2
}

echo "== BMS, one run: $(nproc) CPU(s), $JAR, $HEAP, wrk -t$THREADS -c$CONNECTIONS, $WARMUP warm-up, $DURATION measured"

if [[ ,$STEPS, == *,startup,* ]]; then
    # start_up LABEL: times STARTS launches to UP (the launcher and Java from the environment); sets UPS (the times,
    # as the table shows them), BEST (ms) and UNDER_3S (the 3 s goal, met or not).
    start_up() {
        local ups=()
        for i in $(seq 1 "$STARTS"); do
            start "startup-$i" "$WORK/startup-$i/bms.sqlite" "$HEAP"
            spring=$(grep -o 'Started BmsApplication in [0-9.]* seconds' "$WORK/startup-$i/console.log" | grep -o '[0-9.]*' | head -1)
            echo "start-up, $1, $i: launch to UP $service_up_ms ms (Spring: ${spring:-?} s)"
            ups+=("$service_up_ms")
            stop_last
            rm -rf "$WORK/startup-$i"
        done
        UPS=$(printf '%s ms / ' "${ups[@]}" | sed 's| / $||')
        BEST=$(printf '%s\n' "${ups[@]}" | sort -n | head -1)
        UNDER_3S="≤ 3,000 ms: $( ((BEST <= 3000)) && echo met || echo 'not met')"
    }
    start_up "java -jar"
    JAR_BEST=$BEST
    row "launch to health UP, java -jar" "$UPS" "—" "—" "$UNDER_3S"
    # scripts/fast-start.sh on this Java (a CDS archive before Java 25) and on Java 25 (its AOT cache), if there is one;
    # the first start of each trains the cache and is not timed.
    JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
    for java in java "$JAVA25"; do
        command -v "$java" >/dev/null || continue
        version=$("$java" -XshowSettings:properties -version 2>&1 | awk '$1 == "java.version" {print $3}')
        export SERVICE_LAUNCHER=scripts/fast-start.sh JAVA=$java BMS_FAST_START_DIR=$WORK/fast-start-$version
        start training "$WORK/training/bms.sqlite" "$HEAP"
        stop_last
        start_up "fast-start.sh, Java $version"
        unset SERVICE_LAUNCHER JAVA BMS_FAST_START_DIR
        r=$(ratio "$BEST" "$JAR_BEST")
        row "launch to health UP, scripts/fast-start.sh on Java $version" "$UPS" "java -jar: $JAR_BEST ms" "$r" \
            "$UNDER_3S; ≤ 0.3×: $(met "$r" 0.3 '<=')"
    done
fi

if [[ ,$STEPS, == *,http,* ]]; then
    # nginx serving a file of the same size as liveness' answer: what this machine serves over HTTP at all.
    static=$(free_port)
    mkdir -p "$WORK/nginx/html/actuator/health"
    printf '{"status":"UP"}' >"$WORK/nginx/html/actuator/health/liveness"
    cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/json;
    server { listen 127.0.0.1:$static; root $WORK/nginx/html; }
}
CONF
    nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
    NGINX_PID=$!
    for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$static/actuator/health/liveness" >/dev/null 2>&1 && break; sleep 0.1; done
    measure liveness "http://127.0.0.1:$static"
    NGINX_RPS=$RPS NGINX_P99=$P99
    echo "nginx static file:        $RPS req/s, p99 $P99 ms"
    kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=

    RAW=$(raw_sqlite_commits "$WORK/raw.sqlite")
    echo "raw durable commits:      $RAW/s (SQLite WAL, synchronous=FULL, one row each)"

    start http "$WORK/http/bms.sqlite" "$HEAP"
    base="http://127.0.0.1:$port"
    service=${PIDS[-1]}
    for i in $(seq 1 "$SEED"); do
        curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
            -d "{\"name\":\"Seed $i\",\"number\":\"$(printf '1%09d' "$i")\",\"balance\":\"100.00\"}" "$base/accounts"
    done
    IDLE_RSS=$(rss_mib "$service" VmRSS)
    measure liveness "$base"; LIVE_RPS=$RPS LIVE_P99=$P99
    echo "liveness:                 $RPS req/s, p99 $P99 ms"
    measure get_account "$base"; GET_RPS=$RPS GET_P99=$P99
    echo "GET /accounts/{id}:       $RPS req/s, p99 $P99 ms"
    measure post_account "$base"; POST_RPS=$RPS POST_P99=$P99
    echo "POST /accounts:           $RPS req/s, p99 $P99 ms"
    PEAK_RSS=$(rss_mib "$service" VmHWM)
    echo "resident memory:          idle $IDLE_RSS MiB, peak $PEAK_RSS MiB"
    stop_last

    r=$(ratio "$LIVE_RPS" "$NGINX_RPS")
    row "liveness req/s (p99)" "$LIVE_RPS ($LIVE_P99 ms)" "nginx static file: $NGINX_RPS ($NGINX_P99 ms)" "$r" \
        "≥ 0.2: $(met "$r" 0.2 '>=')"
    r=$(ratio "$GET_RPS" "$LIVE_RPS")
    row "GET /accounts/{id} req/s (p99)" "$GET_RPS ($GET_P99 ms)" "liveness: $LIVE_RPS" "$r" \
        "≥ 0.8: $(met "$r" 0.8 '>='); p99 < 20 ms: $(met "$GET_P99" 20 '<=')"
    r=$(ratio "$POST_RPS" "$LIVE_RPS")
    row "POST /accounts req/s (p99)" "$POST_RPS ($POST_P99 ms)" "liveness: $LIVE_RPS; raw commits: $RAW/s" "$r" \
        "≥ 0.5: $(met "$r" 0.5 '>=')"
    row "RSS idle / peak under load" "$IDLE_RSS / $PEAK_RSS MiB" "—" "—" "served in $HEAP"
fi

if [[ ,$STEPS, == *,total,* ]]; then
    echo "-- bench/batch-total.sh (1,000,000 accounts, $HEAP)"
    JAR=$JAR RUNS=5 HEAP=$HEAP bench/batch-total.sh >"$WORK/total.txt" 2>&1 || { cat "$WORK/total.txt" >&2; exit 1; }
    grep -E '^(service|sqlite3 SUM|ratio):' "$WORK/total.txt"
    service_ms=$(grep -o 'median [0-9.]* ms per' "$WORK/total.txt" | grep -o '[0-9.]*' | head -1)
    sum_ms=$(grep '^sqlite3 SUM' "$WORK/total.txt" | grep -o 'median [0-9.]*' | grep -o '[0-9.]*')
    r=$(ratio "$service_ms" "$sum_ms")
    row "uncached /batch/total, 1,000,000 accounts" "$service_ms ms" "sqlite3 SUM: $sum_ms ms" "$r" \
        "≤ 1.0: $(met "$r" 1.0 '<=')"
fi

echo
echo "| figure | BMS | reference, same run | ratio | goal |"
echo "|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"

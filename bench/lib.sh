# Shared by the benchmark scripts that start the jar as a service: sourced, not run. Needs JAR, WORK and PIDS set
# by the caller; leaves the port of the last service started in $port and its pid last in PIDS.

# needs SCRIPT TOOL...: stops SCRIPT unless the jar ($JAR) is built and every TOOL is on the PATH.
needs() {
    local script=$1 tool
    shift
    [[ -f $JAR ]] || { echo "$script: no jar; run ./mvnw -q -B package -DskipTests first" >&2; exit 2; }
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "$script: $tool is required" >&2; exit 2; }
    done
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

b64() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# mint_admin_token: an HS256 token for subject "bench" with the ADMIN role, signed with $JWT_SECRET, valid 2 hours.
mint_admin_token() {
    local now header claims
    now=$(date +%s)
    header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64)
    claims=$(printf '{"sub":"bench","roles":["ADMIN"],"iat":%d,"exp":%d}' "$now" $((now + 7200)) | b64)
    printf '%s.%s.%s' "$header" "$claims" \
        "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -hmac "$JWT_SECRET" -binary | b64)"
}

# start NAME DATABASE_URL [JAVA_OPTION...]: one instance on a free port in $WORK/NAME, waited for until it is UP.
start() {
    local name=$1 url=$2 jar
    shift 2
    jar=$(realpath "$JAR")
    port=$(free_port)
    mkdir -p "$WORK/$name"
    (cd "$WORK/$name" && exec env DATABASE_URL="$url" PORT="$port" LOG_PATH="$WORK/$name" \
        BMS_SCRAPER_SOURCES_ECB_URL=http://127.0.0.1:9/ecb BMS_SCRAPER_SOURCES_FED_URL=http://127.0.0.1:9/fed \
        java "$@" -Dserver.address=127.0.0.1 -jar "$jar" >"$WORK/$name/console.log" 2>&1) &
    PIDS+=($!)
    for _ in $(seq 1 1200); do
        curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
        sleep 0.1
    done
    curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"' \
        || { echo "instance $name did not come up" >&2; tail -20 "$WORK/$name/console.log" >&2; exit 1; }
}

# stop_last: stops the service started last and waits for it.
stop_last() {
    kill "${PIDS[-1]}"
    wait "${PIDS[-1]}" 2>/dev/null || true
    unset 'PIDS[-1]'
}

# raw_sqlite_commits FILE: how many durable one-row commits a second this disk takes (SQLite WAL, synchronous=FULL,
# one writer, for 5 s), the service's own settings: the floor under any write it acknowledges.
raw_sqlite_commits() {
    python3 - "$1" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)")
n, end = 0, time.time() + 5
while time.time() < end:
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO t (v) VALUES (?)", (n,))
    db.execute("COMMIT")
    n += 1
print(int(n / 5))
PY
}

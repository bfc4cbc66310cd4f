# Shared by the benchmark scripts that start the jar as a service: sourced, not run; starting it is
# scripts/service.sh's, which .ci/run uses too. Needs JAR, WORK and PIDS set
# by the caller; leaves the port of the last service started in $port and its pid last in PIDS.

source "$(dirname "${BASH_SOURCE[0]}")/../scripts/service.sh"

# needs SCRIPT TOOL...: stops SCRIPT unless the jar ($JAR) is built and every TOOL is on the PATH.
needs() {
    local script=$1 tool
    shift
    [[ -f $JAR ]] || { echo "$script: no jar; run ./mvnw -q -B package -DskipTests first" >&2; exit 2; }
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "$script: $tool is required" >&2; exit 2; }
    done
}

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

# start NAME DATABASE_URL [JAVA_OPTION...]: one instance in $WORK/NAME (scripts/service.sh), waited for until it is UP.
start() {
    local name=$1
    shift
    SERVICE_JAR=$JAR service_start "$WORK/$name" "$@" || exit 1
    PIDS+=("$service_pid")
    port=$service_port
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

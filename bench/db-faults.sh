#!/usr/bin/env bash
# The audit's database faults, reproduced against the packaged jar with its default settings.
#
# Usage (from the project root, as root, after building the jar):
#   ./mvnw -q -B package -DskipTests
#   bench/db-faults.sh
#
# What it does: mounts a 64 MB tmpfs in a temporary directory and starts target/bms.jar on a free 127.0.0.1
# port with its SQLite file there (logs outside it). Then
#   1. another process (the sqlite3 tool) takes the write lock and holds it 35 s, past the 30 s lock timeout;
#      one POST /accounts and one GET /actuator/health are timed while it does, then 20 POSTs follow;
#   2. a filler file fills the tmpfs; 10 POSTs and /actuator/health/readiness are sent while it is full; the
#      filler is deleted and 20 POSTs and readiness follow.
# Every answer's status is printed; at the end the numbers of the creates answered 201 are compared with the
# rows in the file, which must be exactly the same. Needs root (mount), sqlite3, curl and python3. Only ever
# talks to 127.0.0.1. Takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=$(realpath "${JAR:-target/bms.jar}")
work=$(mktemp -d)
disk=$work/disk
mkdir -p "$disk"
mount -t tmpfs -o size=64m tmpfs "$disk"
pid=
cleanup() {
    [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    umount -l "$disk" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

db=$disk/bms.sqlite
source "$(dirname "$0")/../scripts/service.sh"
SERVICE_JAR=$JAR service_start "$work" "$db" || exit 1
pid=$service_pid
url=$service_url
echo "service UP at $url over $db"

acknowledged=$work/acknowledged
: >"$acknowledged"
create() { # prints "status seconds"; remembers the number when the answer is 201
    local number
    number=$(printf '%010d' $(($(date +%s%N) / 1000 % 10000000000)))
    local answer
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 -X POST "$url/accounts" \
        -H 'Content-Type: application/json' -d "{\"name\":\"Fault Test\",\"number\":\"$number\",\"balance\":1}")
    [[ ${answer%% *} == 201 ]] && echo "$number" >>"$acknowledged"
    echo "$answer"
}
statuses() { # statuses N: N creates, their statuses counted
    local i
    : >"$work/answers"
    for ((i = 0; i < $1; i++)); do create >>"$work/answers"; done
    awk '{print $1}' "$work/answers" | sort | uniq -c | awk '{printf "%s x %s  ", $1, $2}'
    echo
}
timed() { curl -s -o /dev/null -w '%{http_code} in %{time_total} s' --max-time 60 "$url$1"; }

echo "--- 1. the write lock held 35 s by another process"
(echo "BEGIN IMMEDIATE;"; sleep 35; echo "ROLLBACK;") | sqlite3 "$db" &
holder=$!
sleep 1
echo "health while locked:    $(timed /actuator/health)"
echo "readiness while locked: $(timed /actuator/health/readiness)"
echo "a POST while locked:    $(create)"
wait "$holder"
echo "20 POSTs after:         $(statuses 20)"

echo "--- 2. the disk full, then freed"
dd if=/dev/zero of="$disk/filler" bs=64k 2>/dev/null || true
echo "free on the tmpfs:      $(df --output=avail -B1 "$disk" | tail -1) bytes"
echo "10 POSTs while full:    $(statuses 10)"
echo "readiness while full:   $(timed /actuator/health/readiness)"
rm "$disk/filler"
echo "20 POSTs after:         $(statuses 20)"
echo "readiness after:        $(timed /actuator/health/readiness)"

kill "$pid"
wait "$pid" 2>/dev/null || true
pid=
sort "$acknowledged" >"$work/expected"
sqlite3 "$db" "SELECT number FROM account ORDER BY number" >"$work/stored"
if cmp -s "$work/expected" "$work/stored"; then
    echo "database: exactly the $(wc -l <"$work/expected") acknowledged creates"
else
    echo "database differs from the acknowledged creates:"
    diff "$work/expected" "$work/stored" | head
    exit 1
fi

#!/usr/bin/env bash
# GET /accounts/{id} phase after phase in one JVM, to see where the service's steady state is: on two cores the JIT
# keeps making a read cheaper for about two minutes of load (roughly 1,100 µs of CPU a request in the first 15 s,
# 300 µs from the ninth phase on), so a short run measures the compiler. Compare jars by the later phases.
#
# Usage: bench/steady.sh [PHASES] (from the project root, after ./mvnw -q -B package -DskipTests)
# Settings (environment, all optional):
#   JAR=target/bms.jar  the jar (one from before the security issue takes no token and just answers)
#   KEY=hs256           hs256 (the secret the service generates) or rs256 (a key pair made here with openssl)
#   PHASE=15            seconds per phase; CONNECTIONS=32 wrk connections; SEED=200 accounts read at random
# Prints, per phase: requests/s and the service's CPU time per request. Needs wrk, curl, openssl, python3.
# Talks to 127.0.0.1 only. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
PHASES=${1:-16}
JAR=${JAR:-target/bms.jar}
KEY=${KEY:-hs256}
PHASE=${PHASE:-15}
CONNECTIONS=${CONNECTIONS:-32}
SEED=${SEED:-200}
BENCH_DIR=$(pwd)/bench
[[ -f $JAR ]] || { echo "steady.sh: no jar $JAR" >&2; exit 2; }

WORK=$(mktemp -d -t bms-steady.XXXXXX)
PID=
source "$BENCH_DIR/../scripts/service.sh"
trap '[[ -z $PID ]] || kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT INT TERM

if [[ $KEY == rs256 ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/private.pem" 2>/dev/null
    openssl pkey -in "$WORK/private.pem" -pubout -out "$WORK/public.pem"
    export JWT_PUBLIC_KEY=$WORK/public.pem
fi
unset JWT_SECRET JWT_ISSUER_URI
SERVICE_JAR=$JAR service_start "$WORK/service" "$WORK/bms.sqlite" || exit 1
PID=$service_pid
BASE=$service_url

b64() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"%s","typ":"JWT"}' "${KEY^^}" | b64)
claims=$(printf '{"sub":"bench","roles":["ADMIN"],"iat":%d,"exp":%d}' "$now" $((now + 7200)) | b64)
TOKEN=
if [[ $KEY == rs256 ]]; then
    TOKEN="$header.$claims.$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$WORK/private.pem" | b64)"
elif [[ -f $WORK/bms-secret.key ]]; then
    TOKEN="$header.$claims.$(printf '%s.%s' "$header" "$claims" \
        | openssl dgst -sha256 -hmac "$(head -n1 "$WORK/bms-secret.key")" -binary | b64)"
fi
export TOKEN
for i in $(seq 1 "$SEED"); do
    curl -fsS -o /dev/null ${TOKEN:+-H "Authorization: Bearer $TOKEN"} -H 'Content-Type: application/json' \
        -d "{\"name\":\"Seed $i\",\"number\":\"$(printf '1%09d' "$i")\",\"balance\":\"$i.50\"}" "$BASE/accounts"
done

echo "jar $JAR, tokens $([[ -n $TOKEN ]] && echo "$KEY" || echo none), $PHASES phases of ${PHASE}s, $CONNECTIONS connections, $(nproc) CPU(s)"
for phase in $(seq 1 "$PHASES"); do
    before=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    out=$(SEED=$SEED RUN=$phase wrk -t2 -c"$CONNECTIONS" -d"${PHASE}s" -s "$BENCH_DIR/get_account.lua" "$BASE")
    after=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    requests=$(grep -o '^RESULT requests=[0-9]*' <<<"$out" | cut -d= -f2)
    printf 'phase %2d  %9s req/s  %5d µs CPU a request  %s\n' "$phase" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        $(( (after - before) * 1000000 / $(getconf CLK_TCK) / requests )) "$(grep -o '5xx=[0-9]*' <<<"$out")"
done

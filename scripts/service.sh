# Starts the service jar for the scripts that need it running (.ci/run and bench/*.sh): sourced, not run.
#
# service_start DIR DATABASE_URL [JAVA_OPTION...]
#   Starts $SERVICE_JAR (default target/bms.jar) with DIR as its working directory (its logs and console.log go
#   there) on a free 127.0.0.1 port over DATABASE_URL, without a mail server and with the banks' pages on a closed
#   local port, so that it reaches nothing beyond 127.0.0.1. Anything else comes from the caller's environment
#   (JWT_SECRET, BATCH_SIZE, ...); SERVICE_LAUNCHER=scripts/fast-start.sh starts the jar through that script instead of
#   java -jar (JAVA picks its Java). Waits until /actuator/health says UP, at most $SERVICE_PATIENCE seconds (120),
#   and fails with the console's last lines if the service exits first or never gets there.
#   Sets service_pid, service_port, service_url, and service_up_ms (launch to UP, in milliseconds).
# free_port: a free 127.0.0.1 port.

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

service_start() {
    local dir=$1 database=$2 jar launch launched deadline
    shift 2
    jar=$(realpath "${SERVICE_JAR:-target/bms.jar}")
    mkdir -p "$dir"
    service_port=$(free_port)
    service_url=http://127.0.0.1:$service_port
    launch=(java "$@" -Dserver.address=127.0.0.1 -jar "$jar")
    if [[ -n ${SERVICE_LAUNCHER:-} ]]; then
        launch=(env JAR="$jar" "$(realpath "$SERVICE_LAUNCHER")" "$@" -Dserver.address=127.0.0.1)
    fi
    launched=$(date +%s%3N)
    (cd "$dir" && exec env -u SMTP_SERVER -u OWNER_EMAIL \
        BMS_SCRAPER_SOURCES_ECB_URL=http://127.0.0.1:9/ecb BMS_SCRAPER_SOURCES_FED_URL=http://127.0.0.1:9/fed \
        DATABASE_URL="$database" PORT="$service_port" LOG_PATH="$dir" \
        "${launch[@]}") >"$dir/console.log" 2>&1 &
    service_pid=$!
    deadline=$((SECONDS + ${SERVICE_PATIENCE:-120}))
    until curl -fsS --max-time 2 "$service_url/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
        if ! kill -0 "$service_pid" 2>/dev/null || ((SECONDS > deadline)); then
            echo "the service in $dir did not come UP; its console's last lines:" >&2
            tail -n 40 "$dir/console.log" >&2
            return 1
        fi
        sleep 0.05
    done
    service_up_ms=$(($(date +%s%3N) - launched))
}

#!/usr/bin/env bash
# Starts the service jar with the JVM's class cache, the way Spring Boot documents it: the jar extracted, and a cache
# of the classes it loads and links (on Java 25 and later the AOT cache of JEP 483/514/515, before that a CDS
# archive) made once by a training run that starts the application context and exits. The cache belongs to one jar
# and one Java: it is made again when either changes, the first start after a new build pays for it.
#
# Usage: scripts/fast-start.sh [JAVA_OPTION...]   from the project root, after ./mvnw package
#   JAR=target/bms.jar     the jar to start
#   JAVA=java              the Java to start it with (default: $JAVA_HOME/bin/java, else java on the PATH)
#   BMS_FAST_START_DIR     where the extracted jar and its cache are kept (default: beside the jar, in fast-start/)
# The service reads its settings from the environment as usual. The training run does not: it opens a scratch SQLite
# file, reaches no mail server and keeps nothing but the cache.
set -euo pipefail

jar=$(realpath "${JAR:-target/bms.jar}")
java=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
[[ -f $jar ]] || { echo "fast-start.sh: no $jar; run ./mvnw package first" >&2; exit 2; }

version=$("$java" -XshowSettings:properties -version 2>&1 | awk '$1 == "java.version" {print $3}')
root=$(realpath -m "${BMS_FAST_START_DIR:-$(dirname "$jar")/fast-start}")
app="$root/$(sha256sum "$jar" | cut -c1-16)-java-$version"
extracted=$app/$(basename "$jar") # the extracted jar keeps the name, and beside it lib/
if ((${version%%.*} >= 25)); then
    cache=$app/bms.aot training=(-XX:AOTCacheOutput="$app/bms.aot") use=(-XX:AOTCache="$app/bms.aot")
else
    cache=$app/bms.jsa training=(-XX:ArchiveClassesAtExit="$app/bms.jsa") use=(-XX:SharedArchiveFile="$app/bms.jsa")
fi

# train: extracts the jar and makes its cache, in a scratch directory that it leaves nothing in.
train() {
    local scratch status=0
    echo "fast-start.sh: extracting $jar and training its class cache on Java $version (once per build)..." >&2
    rm -rf "$root"/*-java-*
    mkdir -p "$app"
    "$java" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
    scratch=$(mktemp -d -t bms-training.XXXXXX)
    (cd "$scratch" && env -i PATH="$PATH" HOME="$scratch" DATABASE_URL="$scratch/training.sqlite" LOG_PATH="$scratch" \
        JWT_SECRET=training-secret-of-at-least-32-bytes-hs256 PORT=0 \
        "$java" "${training[@]}" -Dspring.context.exit=onRefresh -jar "$extracted" >"$scratch/training.log" 2>&1) \
        || status=$?
    if ((status != 0)) || [[ ! -s $cache ]]; then
        echo "fast-start.sh: the training run left no $cache (exit $status); its last lines:" >&2
        tail -n 20 "$scratch/training.log" >&2
        status=1
    fi
    rm -rf "$scratch"
    return "$status"
}
[[ -s $cache ]] || train

# The cache holds the class path as given here: the extracted jar, by the same path as in training. The service runs
# in the caller's working directory, where its database file and logs are by default.
exec "$java" "${use[@]}" "$@" -jar "$extracted"

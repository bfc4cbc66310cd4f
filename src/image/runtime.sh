#!/usr/bin/env bash
# The image's root file system apart from the application, built from this machine: no registry is needed, so the
# image builds where only Maven Central is reachable. Jib lays it under the application's layers (see the `image`
# profile in pom.xml). Usage: runtime.sh JAVA_HOME SERVICE_JAR OUT_DIR
#   /opt/java   a Java runtime linked by jlink from JAVA_HOME with the modules the service uses
#   /lib…       the C libraries that runtime and SQLite's native library load, copied from this machine
#   /etc        a passwd and group naming the unprivileged user bms (65532), hosts, nsswitch.conf
#   /tmp        for SQLite's native library, which sqlite-jdbc unpacks at start-up
#   /app/data   the working directory: the SQLite file, the generated token secret and the logs by default
set -euo pipefail

java_home=$1
jar=$2
out=$3

rm -rf "$out"
mkdir -p "$out"/{etc,tmp,proc,dev,app/data}

# The modules the service needs (jdeps over Boot's nested jars is slow and misses reflective use): JDBC, JNDI
# and JMX for Spring, java.desktop for java.beans, the crypto providers TLS and JWT verification use, the DNS
# resolver, JFR for diagnosing a running container.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi
modules+=,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl
modules+=,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr
modules+=,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs,jdk.charsets
modules+=,jdk.localedata
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=2 --output "$out/opt/java"
# Debian's JDK links its CA certificates to /etc/ssl; the image carries the file itself.
cacerts="$out/opt/java/lib/security/cacerts"
if [[ -L $cacerts || ! -s $cacerts ]]; then
    rm -f "$cacerts"
    cp -L "$java_home/lib/security/cacerts" "$cacerts"
fi

# Every shared library the runtime's binaries and SQLite's native library ask for, at the path they are found here;
# not those only AWT's windows, fonts, images and sound load (a headless service never does), nor the runtime's own.
native=$(mktemp -d)
trap 'rm -rf "$native"' EXIT
unzip -qo -j "$jar" 'BOOT-INF/lib/sqlite-jdbc-*.jar' -d "$native"
unzip -qo -j "$native"/sqlite-jdbc-*.jar 'org/sqlite/native/Linux/x86_64/libsqlitejdbc.so' -d "$native"
find "$out/opt/java" "$native" -type f \( -name '*.so' -o -perm -u+x \) \
        -not -regex '.*/lib\(awt\|splashscreen\|jawt\|fontmanager\|lcms\|javajpeg\|mlib_image\|jsound\).*' -print0 \
    | xargs -0 ldd 2>/dev/null \
    | awk '/=> \// {print $3} /^\t\/[^ ]+ \(/ {print $1}' \
    | grep -v -e "^$out/" -e "^$native/" \
    | sort -u \
    | while read -r library; do
        mkdir -p "$out$(dirname "$library")"
        cp -L "$library" "$out$library"
    done

cat >"$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
bms:x:65532:65532:BMS:/app/data:/sbin/nologin
PASSWD
cat >"$out/etc/group" <<'GROUP'
root:x:0:
bms:x:65532:
GROUP
printf '127.0.0.1 localhost\n::1 localhost\n' >"$out/etc/hosts"
printf 'hosts: files dns\n' >"$out/etc/nsswitch.conf"

#!/usr/bin/env bash
# Makes the class data sharing archive (AppCDS) for the packaged jar: one training run that starts the
# service, waits for /health, asks for a few pages, then stops it; the JVM writes every class it loaded
# (MyView's, Micronaut's, Netty's, the driver's) into the archive at exit. Later starts map the archive
# instead of reading, verifying and parsing those classes again (README, "Running in production").
# Usage: src/bench/cds.sh [archive]   (default target/myview.jsa)
# The archive belongs to one jar and one JDK build: make it again after each build or JDK update (the
# JVM checks and, if they differ, warns and starts without it). Needs a database: DATASOURCES_DEFAULT_URL
# (and _USERNAME, _PASSWORD) if set, otherwise a throwaway PostgreSQL from the machine's packages
# (src/bench/external-postgres.sh; BENCH_PG_DIR, BENCH_PG_PORT). Nothing here runs in ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../.."
ARCHIVE=${1:-target/myview.jsa}
JAR=target/myview-0.1.0.jar
PORT=${BENCH_PORT:-18080}
LOG=/tmp/myview-cds-$PORT.log
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
if [ -z "${DATASOURCES_DEFAULT_URL:-}" ]; then
  DATASOURCES_DEFAULT_URL=$(src/bench/external-postgres.sh start "${BENCH_PG_PORT:-55432}")
  export DATASOURCES_DEFAULT_URL DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres
  trap 'src/bench/external-postgres.sh stop' EXIT
fi
rm -f "$ARCHIVE"
# The same heap and GC options as production (src/bench/jvm-options), less the archive itself: a dynamic
# archive records the GC it was made with.
PORT=$PORT java $(src/bench/jvm-options --no-cds) -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" >"$LOG" 2>&1 &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
  kill -0 $pid 2>/dev/null || { echo "service exited; see $LOG" >&2; exit 1; }
  sleep 0.1
done
# A few pages, so the classes a first request loads (templates, security, JSON) are in the archive too.
for path in /sign-in /privacy /accessibility /consultation /health /no-such-page; do
  curl -s -o /dev/null "http://127.0.0.1:$PORT$path" || true
done
kill -TERM $pid; wait $pid 2>/dev/null || true
[ -s "$ARCHIVE" ] || { echo "no archive written; see $LOG" >&2; exit 1; }
echo "$ARCHIVE ($(( $(stat -c %s "$ARCHIVE") / 1024 / 1024 )) MiB)"

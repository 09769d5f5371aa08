#!/usr/bin/env bash
# The question page's cost in the service's own CPU time, far less sensitive than req/s to other work on a
# shared machine: src/bench/page-cpu.sh [jar] [pages]. Starts the jar against the benchmark's PostgreSQL
# (already running: src/bench/external-postgres.sh start), opens one link, then asks for
# GET /consultation/q/1 at concurrency 32 (src/bench/PageLoad.java; 500 untimed first) and prints req/s and
# the service's user + system CPU ms per page. Needs target/classes and target/bench.classpath (run.sh builds them).
set -eu
cd "$(dirname "$0")/../.."
JAR=${1:-target/myview-0.1.0.jar}; N=${2:-2000}
PORT=${BENCH_PORT:-18080}; PG_PORT=${BENCH_PG_PORT:-55432}
export DATASOURCES_DEFAULT_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/myview DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres
# shellcheck disable=SC2086
PORT=$PORT java ${JAVA_OPTS:-} -jar "$JAR" > /tmp/myview-page-cpu-$PORT.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do kill -0 $pid; sleep 0.2; done
echo "$(basename "$JAR"), load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/classes:$(cat target/bench.classpath)" src/bench/PageLoad.java "http://127.0.0.1:$PORT" $pid "$N" "$DATASOURCES_DEFAULT_URL"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

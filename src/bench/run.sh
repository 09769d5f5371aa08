#!/usr/bin/env bash
# The benchmark, in one command: src/bench/run.sh
# Starts a PostgreSQL from the machine's packages, measures the packaged service's startup and
# memory, loads about 1,000,000 reviews over ten years (once; kept in $BENCH_PG_DIR), then measures
# over HTTP against the running jar, beside the plain PostgreSQL figures for the same work, and
# prints a table. A benchmark, not a test: nothing here fails a build. See docs/performance.md.
# BENCH_FRESH=1 starts from an empty database.
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_PG_DIR=${BENCH_PG_DIR:-/tmp/myview-bench-pg}
PORT=${BENCH_PORT:-18080}
JAR=target/myview-0.1.0.jar
PSQL="psql -h 127.0.0.1 -p 55432 -U postgres -d myview -v ON_ERROR_STOP=1 -qtA"

if [ "${BENCH_FRESH:-0}" = 1 ]; then src/bench/external-postgres.sh stop; rm -rf "$BENCH_PG_DIR"; fi
echo "== build"
./mvnw -q -B package -DskipTests
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
URL=$(src/bench/external-postgres.sh start)
export DATASOURCES_DEFAULT_URL=$URL DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=postgres
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; src/bench/external-postgres.sh stop; }
trap cleanup EXIT

start_service() {
  local started
  started=$(date +%s%N)
  PORT=$PORT java ${JAVA_OPTS:-} -jar "$JAR" >/tmp/myview-bench-service.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "service exited; see /tmp/myview-bench-service.log" >&2; exit 1; }
    sleep 0.02
  done
  startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/"$pid"/status) / 1024 )); }
stop_service() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

echo "== startup (process start to first 200 from /health), 3 runs"
startup=()
for run in 1 2 3; do
  start_service; sleep 1; startup+=("${startup_ms} ms, RSS $(rss) MiB"); stop_service
done

if [ "$($PSQL -c 'select count(*) from review')" -lt 900000 ]; then
  echo "== loading about 1,000,000 reviews (once)"
  $PSQL -f src/bench/load-reviews.sql
fi
counts=$($PSQL -c "select (select count(*) from review) || ' reviews, ' || (select count(*) from child) || ' children'")

start_service
echo "== measuring against the service (pid $pid)"
results=$(BENCH_BASE_URL="http://127.0.0.1:$PORT" java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dlogback.configurationFile=src/bench/logback-quiet.xml org.myview.bench.ServiceBenchmark \
  | tee /dev/stderr)
rss_after=$(rss)
stop_service

echo
echo "MyView benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/model name/ {$1=$2=$3=""; print; exit}' /proc/cpuinfo | xargs),"\
     "$(java -version 2>&1 | head -1), $($PSQL -c 'show server_version'), data: $counts"
echo "| measure | result |"
echo "|---|---|"
for i in 0 1 2; do echo "| startup run $((i+1)) | ${startup[$i]} |"; done
echo "| RSS after the measurements | $rss_after MiB |"
echo "$results" | sed 's/^/| /; s/$/ |/'
